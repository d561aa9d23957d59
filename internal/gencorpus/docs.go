package gencorpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/dragoman-news/dragoman"
)

// Docs makes analysed documents without running the pipeline, for
// benchmarks of the store at sizes the pipeline would take too long to
// fill: bodies are mixed from the seeds as Generate does, and the
// annotations (entities, mentions, quotes, events, dates) are drawn from
// a fixed cast of actors, placed on words of the body.
type Docs struct {
	rng   *rand.Rand
	seeds []Seed
}

// NewDocs returns a document maker; the same seed makes the same
// documents.
func NewDocs(seeds []Seed, seed uint64) *Docs {
	return &Docs{rng: rand.New(rand.NewPCG(seed, 0xd0c5)), seeds: seeds}
}

type castMember struct {
	name    string
	typ     dragoman.EntityType
	country string
	code    string
	role    string
}

var cast = []castMember{
	{"Sergei Lavrov", dragoman.Person, "RUS", "RUSGOV", "Foreign Minister"},
	{"Vladimir Putin", dragoman.Person, "RUS", "RUSGOV", "President"},
	{"Marco Rubio", dragoman.Person, "USA", "USAGOV", "Secretary of State"},
	{"Donald Trump", dragoman.Person, "USA", "USAGOV", "President"},
	{"Volodymyr Zelensky", dragoman.Person, "UKR", "UKRGOV", "President"},
	{"Xi Jinping", dragoman.Person, "CHN", "CHNGOV", "President"},
	{"Emmanuel Macron", dragoman.Person, "FRA", "FRAGOV", "President"},
	{"Olaf Scholz", dragoman.Person, "DEU", "DEUGOV", "Chancellor"},
	{"Recep Tayyip Erdogan", dragoman.Person, "TUR", "TURGOV", "President"},
	{"Antonio Guterres", dragoman.Person, "", "IGOUNO", "Secretary-General"},
	{"Russia", dragoman.GPE, "RUS", "RUS", ""},
	{"United States", dragoman.GPE, "USA", "USA", ""},
	{"Ukraine", dragoman.GPE, "UKR", "UKR", ""},
	{"China", dragoman.GPE, "CHN", "CHN", ""},
	{"France", dragoman.GPE, "FRA", "FRA", ""},
	{"Germany", dragoman.GPE, "DEU", "DEU", ""},
	{"Turkey", dragoman.GPE, "TUR", "TUR", ""},
	{"United Nations", dragoman.Organization, "", "IGOUNO", ""},
	{"NATO", dragoman.Organization, "", "IGONAT", ""},
	{"European Union", dragoman.Organization, "", "IGOEEC", ""},
}

var eventCodes = []struct {
	code      string
	quad      int
	goldstein float64
}{
	{"010", 1, 0}, {"036", 1, 4}, {"040", 1, 1}, {"042", 1, 1.9}, {"043", 1, 2.8}, {"046", 1, 7}, {"051", 1, 3.4},
	{"057", 1, 8}, {"061", 2, 6.4}, {"070", 2, 7}, {"073", 2, 7.4}, {"111", 3, -2}, {"112", 3, -2}, {"128", 3, -4},
	{"130", 3, -4.4}, {"163", 4, -8}, {"173", 4, -5}, {"190", 4, -10}, {"193", 4, -10}, {"195", 4, -10},
}

// Next makes document i.
func (g *Docs) Next(i int) *dragoman.Document {
	rec := mix(g.rng, g.seeds, i)
	// Name two to five of the cast in the text, so that search and
	// mentions agree.
	n := 2 + g.rng.IntN(4)
	picks := g.rng.Perm(len(cast))[:n]
	var intro []string
	for _, p := range picks {
		c := cast[p]
		if c.role != "" {
			intro = append(intro, fmt.Sprintf("%s %s", c.role, c.name))
		} else {
			intro = append(intro, c.name)
		}
	}
	lead := "Officials from " + strings.Join(intro, ", ") + " met on Tuesday to discuss the crisis."
	body := lead + "\n\n" + rec.Text
	sum := sha256.Sum256([]byte(strings.ToLower(strings.Join(strings.Fields(body), " "))))
	day, _ := time.Parse("2006-01-02", rec.Date)
	a := dragoman.Article{ID: hex.EncodeToString(sum[:8]), Source: fmt.Sprintf("generated#%d", i), Format: "jsonl", URL: rec.URL,
		Title: rec.Title, Body: body, Language: "en", Published: &dragoman.Published{Time: day, Precision: dragoman.PrecisionDay}}
	d := dragoman.NewDocument(a)
	d.Paragraphs = []dragoman.Paragraph{{Span: d.Span(0, len(lead)), Index: 0}}
	d.Sentences = []dragoman.Sentence{{Span: d.Span(0, len(lead)), Index: 0}}
	for k, p := range picks {
		c := cast[p]
		at := strings.Index(body, c.name)
		m := dragoman.Mention{Span: d.Span(at, at+len(c.name)), Type: c.typ, Entity: fmt.Sprintf("e%d", k+1), Origin: "generated"}
		e := dragoman.Entity{ID: m.Entity, Name: c.name, Type: c.typ, Country: c.country, Actor: c.code, Mentions: []dragoman.Mention{m}}
		if c.role != "" {
			e.Roles = []dragoman.Role{{Title: c.role, Country: c.country}}
		}
		d.Mentions = append(d.Mentions, m)
		d.Entities = append(d.Entities, e)
	}
	trig := strings.Index(body, "met")
	for k := 0; k < 1+g.rng.IntN(3); k++ {
		s, t := d.Entities[g.rng.IntN(len(d.Entities))], d.Entities[g.rng.IntN(len(d.Entities))]
		if s.ID == t.ID {
			continue
		}
		ec := eventCodes[g.rng.IntN(len(eventCodes))]
		d.Events = append(d.Events, dragoman.Event{ID: fmt.Sprintf("v%d", k+1),
			Source: &dragoman.ActorRef{Entity: s.ID, Name: s.Name, Actor: s.Actor},
			Target: &dragoman.ActorRef{Entity: t.ID, Name: t.Name, Actor: t.Actor},
			Code:   ec.code, Base: ec.code, Root: ec.code[:2], QuadClass: ec.quad, Goldstein: ec.goldstein,
			Trigger: d.Span(trig, trig+3), Evidence: d.Span(0, len(lead)),
			Date: &dragoman.DateRef{Value: rec.Date, Precision: dragoman.PrecisionDay, Expr: -1}})
	}
	if g.rng.IntN(2) == 0 && d.Entities[0].Type == dragoman.Person {
		e := d.Entities[0]
		d.Quotes = append(d.Quotes, dragoman.Quote{ID: "q1", Kind: dragoman.Reported, Span: d.Span(0, len(lead)),
			Speaker: &dragoman.ActorRef{Entity: e.ID, Name: e.Name, Actor: e.Actor}, Attribution: "generated"})
	}
	tue := strings.Index(body, "Tuesday")
	d.Dates = []dragoman.TimeExpr{{Span: d.Span(tue, tue+7), Kind: "date", Value: rec.Date, Precision: dragoman.PrecisionDay}}
	return d
}
