package actor_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/actor"
	"github.com/dragoman-news/dragoman/segment"
)

func writeFile(path, s string) error { return os.WriteFile(path, []byte(s), 0o644) }

func mustPublished(t testing.TB, s string) *dragoman.Published {
	tm, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return &dragoman.Published{Time: tm, Precision: dragoman.PrecisionDay}
}

// BenchmarkResolve resolves the fixture articles, already segmented, and
// reports words per second.
func BenchmarkResolve(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "fixtures", "*.txt"))
	var docs []*dragoman.Document
	words := 0
	for _, f := range files {
		d := dragoman.NewDocument(readFixture(b, f))
		if err := segment.New().Annotate(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		words += len(strings.Fields(d.Article.Body))
	}
	r, err := actor.New(actor.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			d.Mentions, d.Entities = nil, nil
			if err := r.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkResolveWikinews resolves the 171 Wikinews articles of
// ../shared, segmented beforehand, and reports words per second.
func BenchmarkResolveWikinews(b *testing.B) {
	arts := wikinews(b)
	var docs []*dragoman.Document
	words := 0
	for _, a := range arts {
		d := dragoman.NewDocument(a)
		if err := segment.New().Annotate(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		words += len(strings.Fields(a.Body))
	}
	r, err := actor.New(actor.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			d.Mentions, d.Entities = nil, nil
			if err := r.Annotate(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
