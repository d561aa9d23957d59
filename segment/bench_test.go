package segment_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/shared"
	"github.com/dragoman-news/dragoman/segment"
)

// fixture is a news article written for the benchmark, used when
// ../shared is absent.
const fixture = `KYIV, Ukraine—Lt. Gen. Ray Dorn, the U.S. envoy, arrived on Feb. 18 for talks that officials called "a first step." He met Ukraine's foreign minister at 9 a.m. and left before noon.

"We didn't come here to sign anything," Dorn told reporters. "We came to listen." The talks, the first since the 2015 Minsk-2 accord, were held at the Mariinsky Palace.

Sen. Alma Ruiz, who chairs the U.S. Senate's foreign-relations panel, said the visit cost $4.2 million and drew 1,200 protesters. Her office posted details at https://example.org/visit and asked for questions at press@example.org.

Markets were calm. The hryvnia rose 0.4% against the dollar... Traders in London, Warsaw and Frankfurt said they expected more volatility — "much more," one said.`

// benchmarkBodies returns the Wikinews articles of ../shared, or the
// fixture when they are absent.
func benchmarkBodies(b *testing.B) []string {
	if dir := shared.Path("data", "wikinews-articles"); dir != "" {
		bodies, err := loadWikinews(dir)
		if err != nil {
			b.Fatal(err)
		}
		if len(bodies) > 0 {
			return bodies
		}
	}
	return []string{fixture}
}

// BenchmarkSegment segments the 171 Wikinews articles of 2019 (or the
// fixture when ../shared is absent); it reports bytes/s, words/s and
// words per CPU second (words being the whitespace-separated words of the
// input) and allocations.
func BenchmarkSegment(b *testing.B) {
	bodies := benchmarkBodies(b)
	var size, words int
	for _, body := range bodies {
		size += len(body)
		words += len(strings.Fields(body))
	}
	s := segment.New()
	ctx := context.Background()
	docs := make([]*dragoman.Document, len(bodies))
	for i, body := range bodies {
		docs[i] = dragoman.NewDocument(dragoman.Article{Body: body})
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			d.Paragraphs, d.Sentences, d.Tokens = nil, nil, nil
			if err := s.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	if cpu > 0 {
		// On a busy machine wall-clock time includes waiting for a core.
		b.ReportMetric(float64(words)*float64(b.N)/cpu.Seconds(), "words/cpu-s")
	}
	b.ReportMetric(float64(len(bodies)), "articles/op")
}

// BenchmarkHugeBody segments one 50 MB paragraph of news-like text, the
// size of the largest input the readers must survive; run it alone:
//
//	go test ./segment/ -run '^$' -bench HugeBody -benchtime 1x -cpu 1
func BenchmarkHugeBody(b *testing.B) {
	unit := fixture[:strings.Index(fixture, "\n")] + " "
	body := strings.Repeat(unit, 50_000_000/len(unit))
	d := dragoman.NewDocument(dragoman.Article{Body: body})
	s := segment.New()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Annotate(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(d.Tokens)), "tokens")
	b.ReportMetric(float64(len(d.Sentences)), "sentences")
}
