package timex_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/golden")

// TestGolden tags every testdata/golden/*.txt (a "published:" line, a
// blank line, then the body) and compares the expressions with the
// .json beside it. Run with -update to rewrite them; an orphaned .json
// fails the test.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatal("no fixtures in testdata/golden")
	}
	want := map[string]bool{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		want[name+".json"] = true
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			pub, body := splitFixture(t, string(raw))
			a := dragoman.Article{Body: body}
			if !pub.IsZero() {
				a.Published = &dragoman.Published{Time: pub, Precision: dragoman.PrecisionDay}
			}
			d := dragoman.NewDocument(a)
			if err := tagger(t).Annotate(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(d.Dates, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(f, ".txt") + ".json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			exp, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./timex -run Golden -update)", err)
			}
			if !bytes.Equal(got, exp) {
				t.Errorf("%s differs from the tagger's output:\n%s", golden, diffLines(string(exp), string(got)))
			}
		})
	}
	jsons, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.json"))
	for _, j := range jsons {
		if !want[filepath.Base(j)] {
			t.Errorf("orphaned golden file %s", j)
		}
	}
}

// splitFixture reads the "published: YYYY-MM-DD" (or "none") header of a
// fixture and returns the date and the body in the body contract.
func splitFixture(tb testing.TB, raw string) (time.Time, string) {
	tb.Helper()
	head, body, ok := strings.Cut(raw, "\n\n")
	if !ok || !strings.HasPrefix(head, "published: ") {
		tb.Fatal("fixture must start with a published: line and a blank line")
	}
	var pub time.Time
	if v := strings.TrimPrefix(head, "published: "); v != "none" {
		var err error
		if pub, err = time.Parse("2006-01-02", v); err != nil {
			tb.Fatal(err)
		}
	}
	return pub, strings.TrimSpace(body)
}

// diffLines shows the first lines where two texts part.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 12; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want " + wl + "\n  got  " + gl + "\n")
			shown++
		}
	}
	return b.String()
}
