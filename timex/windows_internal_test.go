package timex

import (
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/shared"
)

// TestWindowsMatchFullScan checks that running the rules only around
// their triggers finds exactly what running them over the whole body
// finds, on the golden fixtures and, when present, the Wikinews corpus.
func TestWindowsMatchFullScan(t *testing.T) {
	fast, err := New()
	if err != nil {
		t.Fatal(err)
	}
	full := *fast
	full.fullScan = true
	var bodies []string
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, body, _ := strings.Cut(string(raw), "\n\n")
		bodies = append(bodies, strings.TrimSpace(body))
	}
	if p := shared.Path("data", "wikinews-articles", "wikinews_2019.csv"); p != "" && !testing.Short() {
		if f, err := os.Open(p); err == nil {
			r := csv.NewReader(f)
			r.FieldsPerRecord = -1
			for {
				rec, err := r.Read()
				if err == io.EOF {
					break
				}
				if err == nil && len(rec) >= 4 {
					bodies = append(bodies, rec[3])
				}
			}
			f.Close()
		}
	}
	if len(bodies) == 0 {
		t.Fatal("no bodies")
	}
	pub := &dragoman.Published{Time: time.Date(2019, 6, 15, 0, 0, 0, 0, time.UTC), Precision: dragoman.PrecisionDay}
	for i, body := range bodies {
		d := dragoman.NewDocument(dragoman.Article{Body: body, Published: pub})
		a, b := fast.Find(d), full.Find(d)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("body %d: windows found %d expressions, full scan %d", i, len(a), len(b))
			for _, e := range b {
				if !contains(a, e) {
					t.Logf("  missed %q at %d (%s)", e.Text, e.Start, e.Rule)
				}
			}
		}
	}
}

func contains(es []dragoman.TimeExpr, e dragoman.TimeExpr) bool {
	for _, x := range es {
		if reflect.DeepEqual(x, e) {
			return true
		}
	}
	return false
}
