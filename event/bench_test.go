package event_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkEvents codes the golden fixtures with the event stage alone.
func BenchmarkEvents(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	var texts []string
	words, sents := 0, 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		t := strings.TrimRight(string(raw), "\n")
		texts = append(texts, t)
		words += len(strings.Fields(t))
		sents += strings.Count(t, "\n") + 1
	}
	c := coder(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			d := docOf(t)
			if err := c.Annotate(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(words*b.N)/sec, "words/s")
	b.ReportMetric(float64(sents*b.N)/sec, "sentences/s")
}

// BenchmarkPetrarch codes the 284 records of PETRARCH's validation suite
// from raw text (PETRARCH-2 codes about 1,760 pre-parsed sentences a second
// on one core of this machine).
func BenchmarkPetrarch(b *testing.B) {
	v, d := loadPetrarch(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, r := range v.Records {
			d.CodeText(r.Text, r.Options)
		}
	}
	b.ReportMetric(float64(len(v.Records)*b.N)/b.Elapsed().Seconds(), "sentences/s")
}
