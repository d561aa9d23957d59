package actor_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/actor"
	"github.com/dragoman-news/dragoman/article"
	"github.com/dragoman-news/dragoman/internal/shared"
	"github.com/dragoman-news/dragoman/ner"
	"github.com/dragoman-news/dragoman/segment"
)

// analyze reads an article file, segments it and resolves its actors.
func analyze(t testing.TB, path string, published time.Time, opts actor.Options) *dragoman.Document {
	t.Helper()
	ctx := context.Background()
	ropts := article.Options{}
	if !published.IsZero() {
		ropts.Published = &dragoman.Published{Time: published, Precision: dragoman.PrecisionDay}
	}
	a, err := article.ReadFile(ctx, path, ropts)
	if err != nil {
		t.Fatal(err)
	}
	return resolveArticle(t, a, opts)
}

func resolveArticle(t testing.TB, a dragoman.Article, opts actor.Options) *dragoman.Document {
	t.Helper()
	ctx := context.Background()
	d := dragoman.NewDocument(a)
	if err := segment.New().Annotate(ctx, d); err != nil {
		t.Fatal(err)
	}
	r, err := actor.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Annotate(ctx, d); err != nil {
		t.Fatal(err)
	}
	checkSpans(t, d)
	return d
}

// checkSpans verifies that every mention reads what its offsets cover and
// points at an entity that holds it.
func checkSpans(t testing.TB, d *dragoman.Document) {
	t.Helper()
	body := d.Article.Body
	for _, m := range d.Mentions {
		if m.Start < 0 || m.End > len(body) || m.Start >= m.End || body[m.Start:m.End] != m.Text {
			t.Errorf("mention %+v does not read the body", m)
		}
		if d.Entity(m.Entity) == nil {
			t.Errorf("mention %q points at missing entity %q", m.Text, m.Entity)
		}
	}
}

type expected struct {
	People []struct {
		Name        string   `json:"name"`
		Also        []string `json:"also"`
		Actor       string   `json:"actor"`
		AcceptActor []string `json:"accept_actor"`
		Role        string   `json:"role"`
		AtLeast     int      `json:"mentions_at_least"`
	} `json:"people"`
	Organizations []struct {
		Name        string   `json:"name"`
		Also        []string `json:"also"`
		Actor       string   `json:"actor"`
		AcceptActor []string `json:"accept_actor"`
	} `json:"organizations"`
	Places []struct {
		Name string   `json:"name"`
		Also []string `json:"also"`
		Code string   `json:"code"`
		Type string   `json:"type"`
	} `json:"places"`
	OtherNames []struct {
		Name string `json:"name"`
	} `json:"other_names"`
}

func TestReference(t *testing.T) {
	dir := shared.Dir(t, "examples", "riyadh-talks")
	raw, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want expected
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	published := time.Date(2025, 2, 18, 0, 0, 0, 0, time.UTC)
	// with the rules alone, and after the statistical tagger
	t.Run("Rules", func(t *testing.T) {
		checkReference(t, want, analyze(t, filepath.Join(dir, "article.txt"), published, actor.Options{}))
	})
	t.Run("Model", func(t *testing.T) {
		a, err := article.ReadFile(context.Background(), filepath.Join(dir, "article.txt"),
			article.Options{Published: &dragoman.Published{Time: published, Precision: dragoman.PrecisionDay}})
		if err != nil {
			t.Fatal(err)
		}
		d := withTagger(t, a)
		checkSpans(t, d)
		checkReference(t, want, d)
	})
}

func checkReference(t *testing.T, want expected, d *dragoman.Document) {
	if testing.Verbose() {
		dump(t, d)
	}
	byName := map[string]*dragoman.Entity{}
	for i := range d.Entities {
		byName[d.Entities[i].Name] = &d.Entities[i]
	}
	for _, p := range want.People {
		t.Run(strings.ReplaceAll(p.Name, " ", ""), func(t *testing.T) {
			e := byName[p.Name]
			if e == nil {
				t.Fatalf("no entity named %q", p.Name)
			}
			if e.Type != dragoman.Person {
				t.Errorf("type %s", e.Type)
			}
			accept := append([]string{p.Actor}, p.AcceptActor...)
			if !contains(accept, e.Actor) {
				t.Errorf("actor %q, want one of %v", e.Actor, accept)
			}
			if !roleMatches(e.Roles, p.Role) {
				t.Errorf("roles %+v do not read %q", e.Roles, p.Role)
			}
			if len(e.Mentions) < p.AtLeast {
				t.Errorf("%d mentions, want at least %d", len(e.Mentions), p.AtLeast)
			}
			for _, a := range p.Also {
				if a != p.Name && !contains(e.Aliases, a) {
					t.Errorf("alias %q missing from %v", a, e.Aliases)
				}
			}
		})
	}
	for _, o := range want.Organizations {
		t.Run("Org"+strings.ReplaceAll(o.Name, " ", ""), func(t *testing.T) {
			e := findEntity(d, o.Name, o.Also...)
			if e == nil {
				t.Fatalf("no entity for %q", o.Name)
			}
			if e.Type == dragoman.Person {
				t.Errorf("%q typed as a person", o.Name)
			}
			if o.Actor != "" {
				accept := append([]string{o.Actor}, o.AcceptActor...)
				if !contains(accept, e.Actor) {
					t.Errorf("actor %q, want one of %v", e.Actor, accept)
				}
			}
		})
	}
	body := d.Article.Body
	for _, p := range want.Places {
		t.Run("Place"+strings.ReplaceAll(p.Name, " ", ""), func(t *testing.T) {
			e := findEntity(d, p.Name)
			if e == nil {
				t.Fatalf("no entity for %q", p.Name)
			}
			if e.Country != p.Code {
				t.Errorf("country %q, want %q", e.Country, p.Code)
			}
			for _, a := range p.Also {
				if !strings.Contains(body, a+" ") && !strings.Contains(body, a+"’") {
					continue // named in the title only
				}
				if x := findEntity(d, a); x == nil || x.Country != p.Code {
					t.Errorf("%q: %+v, want country %s", a, x, p.Code)
				}
			}
		})
	}
	for _, o := range want.OtherNames {
		if e := findEntity(d, o.Name); e == nil || e.Type != dragoman.Law {
			t.Errorf("%q: %+v, want a LAW entity", o.Name, e)
		}
	}
	// groups that speak in the article
	for name, actor := range map[string]string{"U.S. officials": "USAGOV", "Trump administration officials": "USAGOV",
		"administration officials": "USAGOV", "American officials": "USAGOV", "European leaders": "EURGOV"} {
		e := findEntity(d, name)
		if e == nil || e.Type != dragoman.Group || e.Actor != actor {
			t.Errorf("group %q: %+v, want GROUP %s", name, e, actor)
		}
	}
}

// findEntity returns the entity named name, or having one of the names as
// a mention.
func findEntity(d *dragoman.Document, name string, also ...string) *dragoman.Entity {
	for i := range d.Entities {
		if d.Entities[i].Name == name {
			return &d.Entities[i]
		}
	}
	for _, n := range append([]string{name}, also...) {
		for i := range d.Entities {
			for _, m := range d.Entities[i].Mentions {
				if m.Text == n && m.Origin != "description" {
					return &d.Entities[i]
				}
			}
		}
	}
	return nil
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func dump(t testing.TB, d *dragoman.Document) {
	for _, e := range d.Entities {
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, m.Text+"/"+m.Origin[:1])
		}
		t.Logf("%s %-6s %-28q %-3s %-10s %-10s %v", e.ID, e.Type, e.Name, e.Country, e.Actor, e.ActorOrigin, ms)
		for _, r := range e.Roles {
			t.Logf("      role %q of=%q %s %s former=%v retired=%v (%s)", r.Title, r.Of, r.Country, r.Type, r.Former, r.Retired, r.Origin)
		}
	}
}

var loadTagger = sync.OnceValues(ner.New)

// withTagger segments an article, runs the statistical tagger and then the
// actor stage, as the pipeline does.
func withTagger(t testing.TB, a dragoman.Article) *dragoman.Document {
	t.Helper()
	tagger, err := loadTagger()
	if err != nil {
		t.Skipf("the tagger does not load (%v): its variant of this test is skipped", err)
	}
	r, err := actor.New(actor.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	d := dragoman.NewDocument(a)
	for _, st := range []dragoman.Annotator{segment.New(), tagger, r} {
		if err := st.Annotate(ctx, d); err != nil {
			t.Fatalf("%s: %v", st.Name(), err)
		}
	}
	return d
}

// roleMatches reports whether one of the roles shares a title word with
// the expected description ("Russian foreign minister" and "foreign
// minister" share "minister").
func roleMatches(roles []dragoman.Role, want string) bool {
	stop := map[string]bool{"of": true, "the": true, "to": true, "and": true, "in": true, "on": true, "former": true,
		"retired": true, "u.s.": true, "russian": true, "united": true, "states": true, "russia": true, "nato": true}
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(want), func(r rune) bool { return r == ' ' || r == ';' || r == ',' }) {
		if !stop[w] {
			words[w] = true
		}
	}
	for _, r := range roles {
		for _, w := range strings.Fields(strings.ToLower(r.Title)) {
			if words[w] {
				return true
			}
		}
	}
	return false
}
