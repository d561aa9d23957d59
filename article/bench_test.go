package article_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman/article"
	"github.com/dragoman-news/dragoman/internal/shared"
)

// benchRead reads one example file b.N times, reporting bytes per second
// of input and allocations.
func benchRead(b *testing.B, name string) {
	data, err := os.ReadFile(filepath.Join(examplesDir, name))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	ctx := context.Background()
	for b.Loop() {
		n := 0
		for _, err := range article.ReadReader(ctx, bytes.NewReader(data), name, article.Options{}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n == 0 {
			b.Fatal("no article")
		}
	}
}

func BenchmarkReadText(b *testing.B)  { benchRead(b, "geneva-talks.txt") }
func BenchmarkReadHTML(b *testing.B)  { benchRead(b, "nairobi-ceasefire.html") }
func BenchmarkReadJSONL(b *testing.B) { benchRead(b, "wire.jsonl") }
func BenchmarkReadFeed(b *testing.B)  { benchRead(b, "world.rss") }
func BenchmarkReadWARC(b *testing.B)  { benchRead(b, "crawl.warc.gz") }

// BenchmarkReadWikinews reads the 171 Wikinews articles of ../shared (as
// JSON Lines built in memory from their CSV) and reports words read per
// second. It skips when ../shared is absent.
func BenchmarkReadWikinews(b *testing.B) {
	path := filepath.Join(shared.Dir(b, "data", "wikinews-articles"), "wikinews_2019.csv")
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	words := 0
	for _, r := range rows[1:] {
		enc.Encode(map[string]string{"url": r[0], "date": r[1], "title": r[2], "text": r[3]})
		words += len(strings.Fields(r[3]))
	}
	data := buf.Bytes()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	ctx := context.Background()
	for b.Loop() {
		n := 0
		for _, err := range article.ReadReader(ctx, bytes.NewReader(data), "wikinews.jsonl", article.Options{}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != len(rows)-1 {
			b.Fatalf("%d articles, want %d", n, len(rows)-1)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
