package actor_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/actor"
	"github.com/dragoman-news/dragoman/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/golden")

// readFixture reads a fixture article: a "published: YYYY-MM-DD" line, a
// blank line, then the body.
func readFixture(t testing.TB, path string) dragoman.Article {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	head, body, _ := strings.Cut(string(raw), "\n\n")
	a := dragoman.Article{ID: filepath.Base(path), Source: path, Format: "text", Language: "en", Body: strings.TrimSpace(body)}
	if d, ok := strings.CutPrefix(head, "published: "); ok {
		tm, err := time.Parse("2006-01-02", strings.TrimSpace(d))
		if err != nil {
			t.Fatal(err)
		}
		a.Published = &dragoman.Published{Time: tm, Precision: dragoman.PrecisionDay}
	}
	return a
}

// summary is what a golden file records of an entity.
type summary struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Country  string   `json:"country,omitempty"`
	Actor    string   `json:"actor,omitempty"`
	Origin   string   `json:"actor_origin,omitempty"`
	Roles    []string `json:"roles,omitempty"`
	Mentions []string `json:"mentions"`
}

func summarize(d *dragoman.Document) []summary {
	out := []summary{}
	for _, e := range d.Entities {
		s := summary{ID: e.ID, Name: e.Name, Type: string(e.Type), Country: e.Country, Actor: e.Actor, Origin: e.ActorOrigin}
		for _, r := range e.Roles {
			x := r.Title
			if r.Of != "" {
				x += " | of " + r.Of
			}
			x += " | " + r.Country + " " + r.Type
			if r.Former {
				x += " former"
			}
			if r.Retired {
				x += " retired"
			}
			s.Roles = append(s.Roles, x+" ("+r.Origin+")")
		}
		for _, m := range e.Mentions {
			s.Mentions = append(s.Mentions, m.Text)
		}
		out = append(out, s)
	}
	return out
}

// TestGolden resolves the fixture articles with the rules alone (no
// tagger, so that the files change only with this stage) and compares
// the entities with testdata/golden. Run with -update to rewrite them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "fixtures", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	want := map[string]bool{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		goldenPath := filepath.Join("testdata", "golden", name+".json")
		want[filepath.Base(goldenPath)] = true
		t.Run(name, func(t *testing.T) {
			d := resolveArticle(t, readFixture(t, f), actor.Options{})
			got, err := json.MarshalIndent(summarize(d), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden.Check(t, goldenPath, got, *update)
		})
	}
	golden.Orphans(t, filepath.Join("testdata", "golden", "*.json"), want, *update)
}
