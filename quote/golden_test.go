package quote_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenQuote is the part of a quote the golden files keep.
type goldenQuote struct {
	ID          string             `json:"id"`
	Kind        dragoman.QuoteKind `json:"kind"`
	Text        string             `json:"text"`
	Speaker     string             `json:"speaker,omitempty"`
	Attribution string             `json:"attribution"`
	Cue         string             `json:"cue,omitempty"`
	Medium      string             `json:"medium,omitempty"`
	Flags       []string           `json:"flags,omitempty"`
}

// TestGolden runs the stage on the articles under testdata/articles (texts
// written for these tests) and compares with testdata/golden; -update
// rewrites the golden files.
func TestGolden(t *testing.T) {
	arts, err := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	if err != nil || len(arts) == 0 {
		t.Fatal("no articles under testdata/articles")
	}
	seen := map[string]bool{}
	for _, path := range arts {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		seen[name+".json"] = true
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			d := newDoc(strings.TrimSpace(string(raw)))
			var got []goldenQuote
			for _, q := range annotate(t, d) {
				g := goldenQuote{ID: q.ID, Kind: q.Kind, Text: q.Text, Attribution: q.Attribution, Medium: q.Medium, Flags: q.Flags}
				if q.Speaker != nil {
					g.Speaker = q.Speaker.Name
				}
				if q.Cue != nil {
					g.Cue = q.Cue.Text
				}
				got = append(got, g)
			}
			out, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, '\n')
			goldenPath := filepath.Join("testdata", "golden", name+".json")
			golden.Check(t, goldenPath, out, *update)
		})
	}
	// A golden file without its article is stale.
	golden.Orphans(t, filepath.Join("testdata", "golden", "*.json"), seen, false)
}
