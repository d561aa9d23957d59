package pipeline_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman/internal/wikinews"
	"github.com/dragoman-news/dragoman/pipeline"
)

// BenchmarkAnalyze runs the whole pipeline over the Wikinews articles of
// 2019; run it with -cpu 1 for the one-core figure (docs/events.md).
func BenchmarkAnalyze(b *testing.B) {
	arts := wikinews.Articles(b)
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	words, bytes := 0, 0
	for _, a := range arts {
		words += len(strings.Fields(a.Body))
		bytes += len(a.Body)
	}
	ctx := context.Background()
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			if _, err := p.Analyze(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
