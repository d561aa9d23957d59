package article_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dragoman-news/dragoman/article"
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
