package corpus

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/dragoman-news/dragoman"
)

// Resolvable says which entity types become cross-article actors.
func Resolvable(t dragoman.EntityType) bool {
	switch t {
	case dragoman.Person, dragoman.Organization, dragoman.GPE, dragoman.Location,
		dragoman.Facility, dragoman.NORP, dragoman.Group:
		return true
	}
	return false
}

// Compatible reports whether an entity of type a may be the same actor as
// one of type b.
func Compatible(a, b dragoman.EntityType) bool {
	if a == b {
		return true
	}
	org := func(t dragoman.EntityType) bool { return t == dragoman.Organization || t == dragoman.Group }
	place := func(t dragoman.EntityType) bool { return t == dragoman.GPE || t == dragoman.Location }
	return (org(a) && org(b)) || (place(a) && place(b))
}

// NameKind is how an alias is matched: a full name, or the surname of a
// person.
const (
	KindName    = "name"
	KindSurname = "surname"
)

// EntityKey is one name an entity goes by, folded.
type EntityKey struct {
	Key     string // NameKey of the name
	Written string // the name as written
	Kind    string // KindName, or KindSurname for a one-word person name
}

// EntityKeys returns the distinct keys of an entity's name and aliases, in
// order, the name first. It returns nothing for an entity that does not
// become an actor.
func EntityKeys(e *dragoman.Entity) []EntityKey {
	if !Resolvable(e.Type) || strings.TrimSpace(e.Name) == "" {
		return nil
	}
	var out []EntityKey
	seen := map[string]bool{}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		k := NameKey(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		kind := KindName
		if e.Type == dragoman.Person && !strings.Contains(k, " ") {
			kind = KindSurname
		}
		out = append(out, EntityKey{Key: k, Written: n, Kind: kind})
	}
	return out
}

// Candidate is a stored actor an entity may resolve to.
type Candidate struct {
	ID      string
	Country string
	Score   int  // how many of the entity's names it has, plus role evidence
	Pinned  bool // one of those names was pinned to it by hand
	Count   int  // its mentions so far
}

// HasRole reports whether a stored actor has held a role title (case
// ignored); the backends answer it from their roles.
type HasRole func(actorID, title string) (bool, error)

// RoleEvidence adds a point to each candidate that has held one of the
// entity's role titles ("Foreign Minister").
func RoleEvidence(cands map[string]*Candidate, e *dragoman.Entity, hasRole HasRole) error {
	if len(e.Roles) == 0 {
		return nil
	}
	for id, c := range cands {
		for _, r := range e.Roles {
			ok, err := hasRole(id, r.Title)
			if err != nil {
				return err
			}
			if ok {
				c.Score++
				break
			}
		}
	}
	return nil
}

// Narrow keeps, of several actors sharing a surname, the one the entity's
// affiliation or roles single out; when none or several remain, the
// surname is too ambiguous and cands is emptied.
func Narrow(cands map[string]*Candidate, e *dragoman.Entity, hasRole HasRole) error {
	if len(cands) <= 1 {
		return nil
	}
	if err := RoleEvidence(cands, e, hasRole); err != nil {
		return err
	}
	var top []*Candidate
	for _, c := range cands {
		ev := c.Score - 1 // evidence beyond the shared surname
		if e.Country != "" && c.Country == e.Country {
			ev++
		}
		if ev > 0 {
			top = append(top, c)
		}
	}
	clear(cands)
	if len(top) == 1 {
		cands[top[0].ID] = top[0]
	}
	return nil
}

// Best picks the candidate an entity resolves to: the most names in
// common, then pinned by hand, then the most mentioned, then the smallest
// id, so that every backend chooses alike.
func Best(cands map[string]*Candidate) *Candidate {
	var best *Candidate
	for _, c := range cands {
		if best == nil || c.Score > best.Score || c.Score == best.Score && (c.Pinned && !best.Pinned || c.Count > best.Count || c.Count == best.Count && c.ID < best.ID) {
			best = c
		}
	}
	return best
}

// CountryOfCode returns the country part of a CAMEO actor code ("RUSGOV"
// -> "RUS"), or "" for codes that do not start with a country.
func CountryOfCode(code string) string {
	if len(code) < 3 {
		return ""
	}
	c := strings.ToUpper(code[:3])
	for _, r := range c {
		if r < 'A' || r > 'Z' {
			return ""
		}
	}
	switch c {
	case "IGO", "NGO", "MNC", "GOV", "MIL", "REB", "OPP", "BUS", "MED", "EDU", "ELI", "CVL", "COP", "JUD",
		"LEG", "SPY", "UAF", "IMG", "INS", "LAB", "REF", "RAD", "HLH", "AGR", "CRM", "NGM", "SET", "MOD",
		"REL", "CHR", "MOS", "BUD", "HIN", "JEW", "ITH", "SHI", "SUN", "ETH", "UIS", "INT", "TRN":
		return ""
	}
	return c
}

// IsCode reports whether ref reads as a country or CAMEO actor code
// (RUS, USAGOV, IGOUNO) or an actor id (A1b2c3...).
func IsCode(ref string) bool {
	if len(ref) < 3 || len(ref) > 15 {
		return false
	}
	if IsActorID(ref) {
		return true
	}
	for _, r := range ref {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// IsActorID reports whether ref starts like an actor id: "A" and ten hex
// digits.
func IsActorID(ref string) bool {
	if len(ref) < 11 || ref[0] != 'A' {
		return false
	}
	for _, r := range ref[1:11] {
		if !strings.ContainsRune("0123456789abcdef", r) {
			return false
		}
	}
	return true
}

// Bucket returns the label and first day of the dyad period containing t.
func Bucket(t time.Time, by dragoman.Period) (string, time.Time) {
	switch by {
	case dragoman.Day:
		return t.Format("2006-01-02"), t
	case dragoman.Week:
		y, w := t.ISOWeek()
		start := t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
		return fmt.Sprintf("%04d-W%02d", y, w), start
	default:
		start := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		return t.Format("2006-01"), start
	}
}

// flaters keeps deflate writers, which are costly to make.
var flaters sync.Pool

// EncodeDocument deflates the document's JSON without body and tokens, as
// the stores keep it.
func EncodeDocument(d *dragoman.Document) ([]byte, error) {
	c := *d
	c.Tokens = nil
	c.Article.Body = ""
	js, err := json.Marshal(&c)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	w, _ := flaters.Get().(*flate.Writer)
	if w == nil {
		w, _ = flate.NewWriter(&buf, flate.BestSpeed)
	} else {
		w.Reset(&buf)
	}
	defer flaters.Put(w)
	w.Write(js)
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// DecodeDocument reads back what EncodeDocument wrote and puts the body
// back.
func DecodeDocument(blob []byte, body string) (*dragoman.Document, error) {
	var d dragoman.Document
	r := flate.NewReader(bytes.NewReader(blob))
	defer r.Close()
	if err := json.NewDecoder(r).Decode(&d); err != nil {
		return nil, errors.New("stored document is unreadable: " + err.Error())
	}
	d.Article.Body = body
	return &d, nil
}

// PutEach stores each document of a batch with put, which reports whether
// it added the article (not already stored) and, when it did, the stored
// article it nearly duplicates. A failure names the article.
func PutEach(docs []*dragoman.Document, put func(*dragoman.Document) (bool, *dragoman.NearDup, error)) (dragoman.PutResult, error) {
	var res dragoman.PutResult
	for _, d := range docs {
		if d == nil {
			continue
		}
		added, dup, err := put(d)
		if err != nil {
			return dragoman.PutResult{}, fmt.Errorf("article %s (%s): %w", d.Article.ID, d.Article.Source, err)
		}
		if !added {
			res.Skipped = append(res.Skipped, d.Article.ID)
			continue
		}
		res.Added = append(res.Added, d.Article.ID)
		if dup != nil {
			res.NearDuplicates = append(res.NearDuplicates, *dup)
		}
	}
	return res, nil
}

// KeepError reports whether a store should return err as it is rather than
// translate it: it is already an application error, or the context was
// cancelled or ran out of time.
func KeepError(err error) bool {
	var de *dragoman.Error
	return errors.As(err, &de) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
