// Package wikinews gives tests and benchmarks the 2019 Wikinews articles of
// ../shared (url,date,title,text CSV) read through the JSON Lines reader,
// as `dragoman analyze` would read them.
package wikinews

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
)

// Articles reads the articles, skipping the test when ../shared is absent.
func Articles(tb testing.TB) []dragoman.Article {
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
