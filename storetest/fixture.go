package storetest

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
	"time"

	"github.com/dragoman-news/dragoman"
)

// Builder makes hand-built documents for tests: annotations are placed by
// finding their words in the body, so the offsets are always right.
type Builder struct {
	Doc *dragoman.Document
}

// NewDoc starts a document. The id is derived from the body as the
// article readers do, unless id is given.
func NewDoc(id, title, body, day string) *Builder {
	if id == "" {
		sum := sha1.Sum([]byte(body))
		id = hex.EncodeToString(sum[:8])
	}
	a := dragoman.Article{ID: id, Source: "test/" + id + ".txt", Format: "text", Title: title, Body: body, Language: "en",
		URL: "https://news.example/" + id}
	if day != "" {
		t, err := time.Parse("2006-01-02", day)
		if err != nil {
			panic(err)
		}
		a.Published = &dragoman.Published{Time: t, Precision: dragoman.PrecisionDay}
	}
	d := dragoman.NewDocument(a)
	d.Sentences = []dragoman.Sentence{{Span: d.Span(0, len(body))}}
	d.Paragraphs = []dragoman.Paragraph{{Span: d.Span(0, len(body))}}
	return &Builder{Doc: d}
}

// Dateline sets the dateline's place and country.
func (b *Builder) Dateline(place, country string) *Builder {
	b.Doc.Article.Dateline = &dragoman.Dateline{Place: place, CountryCode: country, Raw: strings.ToUpper(place)}
	return b
}

func (b *Builder) span(text string) dragoman.Span {
	i := strings.Index(b.Doc.Article.Body, text)
	if i < 0 {
		panic("storetest: " + text + " is not in the body")
	}
	return b.Doc.Span(i, i+len(text))
}

// Entity adds an entity with one mention per alias found in the body.
func (b *Builder) Entity(id string, typ dragoman.EntityType, name, country, code string, aliases ...string) *Builder {
	e := dragoman.Entity{ID: id, Name: name, Type: typ, Country: country, Actor: code, Aliases: aliases}
	for _, n := range append([]string{name}, aliases...) {
		if i := strings.Index(b.Doc.Article.Body, n); i >= 0 {
			m := dragoman.Mention{Span: b.Doc.Span(i, i+len(n)), Type: typ, Entity: id, Origin: "test"}
			e.Mentions = append(e.Mentions, m)
			b.Doc.Mentions = append(b.Doc.Mentions, m)
		}
	}
	b.Doc.Entities = append(b.Doc.Entities, e)
	return b
}

// Role gives the last added entity a role.
func (b *Builder) Role(title, of, country string) *Builder {
	e := &b.Doc.Entities[len(b.Doc.Entities)-1]
	e.Roles = append(e.Roles, dragoman.Role{Title: title, Of: of, Country: country})
	return b
}

func (b *Builder) ref(entity string) *dragoman.ActorRef {
	if entity == "" {
		return nil
	}
	e := b.Doc.Entity(entity)
	if e == nil {
		panic("storetest: no entity " + entity)
	}
	return &dragoman.ActorRef{Entity: e.ID, Name: e.Name, Actor: e.Actor}
}

// Quote adds a direct quote of text said by the entity speaker.
func (b *Builder) Quote(speaker, text string) *Builder {
	q := dragoman.Quote{ID: "q" + itoa(len(b.Doc.Quotes)+1), Kind: dragoman.Direct, Span: b.span(text),
		Speaker: b.ref(speaker), Attribution: "cue"}
	b.Doc.Quotes = append(b.Doc.Quotes, q)
	return b
}

// Event adds a CAMEO event whose trigger is found in the body.
func (b *Builder) Event(source, target, code string, quad int, goldstein float64, trigger, day string) *Builder {
	v := dragoman.Event{ID: "v" + itoa(len(b.Doc.Events)+1), Source: b.ref(source), Target: b.ref(target),
		Code: code, Base: code[:3], Root: code[:2], QuadClass: quad, Goldstein: goldstein,
		Trigger: b.span(trigger), Evidence: b.span(trigger)}
	if day != "" {
		v.Date = &dragoman.DateRef{Value: day, Precision: dragoman.PrecisionDay, Expr: -1}
	}
	b.Doc.Events = append(b.Doc.Events, v)
	return b
}

// Date adds a resolved time expression.
func (b *Builder) Date(text, value string) *Builder {
	t := dragoman.TimeExpr{Span: b.span(text), Kind: "date", Value: value, Begin: value, End: value, Precision: dragoman.PrecisionDay}
	b.Doc.Dates = append(b.Doc.Dates, t)
	return b
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
