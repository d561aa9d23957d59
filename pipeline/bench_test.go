package pipeline_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/article"
	"github.com/dragoman-news/dragoman/internal/shared"
	"github.com/dragoman-news/dragoman/pipeline"
)

// wikinews reads the Wikinews articles of 2019 (url,date,title,text) through
// the JSON Lines reader, as `dragoman analyze` would read them.
func wikinews(tb testing.TB) []dragoman.Article {
	tb.Helper()
	path := filepath.Join(shared.Dir(tb, "data", "wikinews-articles"), "wikinews_2019.csv")
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.LazyQuotes = true
	rows, err := r.ReadAll()
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	for i, row := range rows {
		if i == 0 || len(row) < 4 {
			continue
		}
		enc.Encode(map[string]string{"url": row[0], "date": row[1], "title": row[2], "text": row[3]})
	}
	jl := filepath.Join(tb.TempDir(), "wikinews.jsonl")
	if err := os.WriteFile(jl, []byte(sb.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	var out []dragoman.Article
	for it, err := range article.Read(context.Background(), jl, article.Options{}) {
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, it.Article)
	}
	return out
}

// BenchmarkAnalyze runs the whole pipeline over the Wikinews articles of
// 2019; run it with -cpu 1 for the one-core figure (docs/events.md).
func BenchmarkAnalyze(b *testing.B) {
	arts := wikinews(b)
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
