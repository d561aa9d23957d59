// Package storebench holds what the store benchmarks of every backend
// share: the seed articles, the search queries and dyads they time, and
// how they report latency, so that the backends' figures compare.
package storebench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/gencorpus"
	"github.com/dragoman-news/dragoman/internal/shared"
)

// Seeds reads the Wikinews articles the generated corpora grow from; it
// skips the benchmark when ../shared is absent.
func Seeds(b *testing.B) []gencorpus.Seed {
	seeds, err := gencorpus.ReadCSV(filepath.Join(shared.Dir(b, "data", "wikinews-articles"), "wikinews_2019.csv"))
	if err != nil {
		b.Fatal(err)
	}
	return seeds
}

// SearchQueries are varied searches: common and rare words, phrases, OR,
// NOT, prefixes and filters.
var SearchQueries = []dragoman.SearchQuery{
	{Query: "earthquake"},
	{Query: "president"},
	{Query: "police"},
	{Query: "said"},
	{Query: `"prime minister"`},
	{Query: "election OR vote"},
	{Query: "protest*"},
	{Query: "flood NOT rain"},
	{Query: "Lavrov"},
	{Query: "talks", Country: "RUS"},
	{Query: "crisis", Actor: "Xi Jinping"},
	{Query: "government", Since: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2020, 6, 30, 0, 0, 0, 0, time.UTC)},
	{Query: "hospital injured"},
	{Query: "NEAR(fire killed, 5)"},
	{Query: "Brexit"},
	{Query: "zzzunknownword"},
}

// DyadPairs are the two sides of the dyads timed: countries and people.
var DyadPairs = [][2]string{{"RUS", "USA"}, {"UKR", "RUS"}, {"CHN", "USA"}, {"Sergei Lavrov", "Marco Rubio"}}

// ReportPercentiles reports the median and 99th percentile of d, in
// milliseconds, as the metrics p50-<name>ms and p99-<name>ms ("" gives
// p50-ms). It sorts d.
func ReportPercentiles(b *testing.B, name string, d []time.Duration) {
	if len(d) == 0 {
		return
	}
	slices.Sort(d)
	at := func(p float64) float64 {
		return float64(d[min(len(d)-1, int(p*float64(len(d))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.5), "p50-"+name+"ms")
	b.ReportMetric(at(0.99), "p99-"+name+"ms")
}

// ThreadCPU is the CPU time (user and system) of the calling OS thread,
// which a machine shared with other work inflates less than wall time.
// Lock the goroutine to its thread around what it measures.
func ThreadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Search returns an operation for Time: the i-th search of SearchQueries,
// round and round.
func Search(ctx context.Context, s dragoman.Store) func(i int) error {
	return func(i int) error {
		q := SearchQueries[i%len(SearchQueries)]
		if _, err := s.Search(ctx, q); err != nil {
			return fmt.Errorf("%+v: %w", q, err)
		}
		return nil
	}
}

// Dyad returns an operation for Time: the month-by-month timeline of the
// i-th of DyadPairs, round and round, which must have points.
func Dyad(ctx context.Context, s dragoman.Store) func(i int) error {
	return func(i int) error {
		p := DyadPairs[i%len(DyadPairs)]
		pts, err := s.Dyad(ctx, dragoman.DyadQuery{A: p[0], B: p[1], By: dragoman.Month})
		if err != nil || len(pts) == 0 {
			return fmt.Errorf("dyad %v: %d points, %v", p, len(pts), err)
		}
		return nil
	}
}

// Time runs op b.N times, from a reset timer, on one OS thread, and
// returns the wall time and the thread's CPU time of each run; it stops
// the benchmark at the first error.
func Time(b *testing.B, op func(i int) error) (wall, cpu []time.Duration) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start, c0 := time.Now(), ThreadCPU()
		if err := op(i); err != nil {
			b.Fatal(err)
		}
		wall = append(wall, time.Since(start))
		cpu = append(cpu, ThreadCPU()-c0)
	}
	return wall, cpu
}

// BigN is the size of the big store the search and dyad benchmarks run
// on: DRAGOMAN_BENCH_N, 100000 by default.
func BigN() int {
	n := 100000
	if s := os.Getenv("DRAGOMAN_BENCH_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	return n
}

// Fill stores the generated documents from, from+1... up to n in s, in
// batches of 256; the generator runs over the ones before from, so that a
// store filled halfway is completed with the documents it lacks.
func Fill(b *testing.B, s dragoman.Store, from, n int) {
	ctx := context.Background()
	g := gencorpus.NewDocs(Seeds(b), 1)
	for i := 0; i < from; i++ {
		g.Next(i) // the documents already stored: the generator's state moves on
	}
	for i := from; i < n; {
		var batch dragoman.Batch
		for k := 0; k < 256 && i < n; k++ {
			batch.Documents = append(batch.Documents, g.Next(i))
			i++
		}
		if _, err := s.Put(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
}

// Docs generates the first n documents, the ones Fill would store first.
func Docs(b *testing.B, n int) []*dragoman.Document {
	g := gencorpus.NewDocs(Seeds(b), 1)
	docs := make([]*dragoman.Document, n)
	for i := range docs {
		docs[i] = g.Next(i)
	}
	return docs
}
