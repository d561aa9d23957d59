package timex_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dragoman-news/dragoman"
)

// BenchmarkTimex tags the golden fixtures of testdata/ over and over on
// one goroutine; bytes/s is body bytes tagged per second.
func BenchmarkTimex(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatal("no fixtures in testdata/golden")
	}
	var docs []*dragoman.Document
	size := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pub, body := splitFixture(b, string(raw))
		a := dragoman.Article{Body: body}
		if !pub.IsZero() {
			a.Published = &dragoman.Published{Time: pub, Precision: dragoman.PrecisionDay}
		}
		docs = append(docs, dragoman.NewDocument(a))
		size += len(body)
	}
	tg := tagger(b)
	ctx := context.Background()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			if err := tg.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, start, size)
}
