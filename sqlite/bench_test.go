package sqlite_test

import (
	"context"
	"encoding/json"
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
	"github.com/dragoman-news/dragoman/sqlite"
)

func benchSeeds(b *testing.B) []gencorpus.Seed {
	seeds, err := gencorpus.ReadCSV(filepath.Join(shared.Dir(b, "data", "wikinews-articles"), "wikinews_2019.csv"))
	if err != nil {
		b.Fatal(err)
	}
	return seeds
}

// BenchmarkPut stores generated documents in batches of 64.
func BenchmarkPut(b *testing.B) {
	b.ReportAllocs()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "put.db"), sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	g := gencorpus.NewDocs(benchSeeds(b), 1)
	b.ResetTimer()
	for i := 0; i < b.N; {
		var batch dragoman.Batch
		for k := 0; k < 64 && i < b.N; k++ {
			batch.Documents = append(batch.Documents, g.Next(i))
			i++
		}
		if _, err := db.Put(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
}

// bigStore opens (building it the first time) a store of n generated
// documents, kept in the temporary folder between runs. DRAGOMAN_BENCH_N
// sets n (default 100000).
func bigStore(b *testing.B) *sqlite.DB {
	n := 100000
	if s := os.Getenv("DRAGOMAN_BENCH_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("dragoman-bench-%d.db", n))
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".building"
		os.Remove(tmp)
		db, err := sqlite.Open(ctx, tmp, sqlite.Options{})
		if err != nil {
			b.Fatal(err)
		}
		g := gencorpus.NewDocs(benchSeeds(b), 1)
		start := time.Now()
		for i := 0; i < n; {
			var batch dragoman.Batch
			for k := 0; k < 256 && i < n; k++ {
				batch.Documents = append(batch.Documents, g.Next(i))
				i++
			}
			if _, err := db.Put(ctx, batch); err != nil {
				b.Fatal(err)
			}
		}
		db.Close()
		b.Logf("built %d documents in %v", n, time.Since(start))
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
	}
	db, err := sqlite.Open(ctx, path, sqlite.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	return db
}

var searchQueries = []dragoman.SearchQuery{
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

// BenchmarkSearch runs varied queries (common and rare words, phrases,
// OR, NOT, prefixes, filters) against the big store and reports the median
// and 99th percentile latency of one query.
func BenchmarkSearch(b *testing.B) {
	b.ReportAllocs()
	db := bigStore(b)
	defer db.Close()
	ctx := context.Background()
	var lat, cpu []time.Duration
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := searchQueries[i%len(searchQueries)]
		start, c0 := time.Now(), threadCPU()
		if _, err := db.Search(ctx, q); err != nil {
			b.Fatalf("%+v: %v", q, err)
		}
		lat = append(lat, time.Since(start))
		cpu = append(cpu, threadCPU()-c0)
	}
	reportPercentiles(b, lat, cpu)
}

// BenchmarkDyad times a month-by-month dyad timeline over the whole big
// store.
func BenchmarkDyad(b *testing.B) {
	b.ReportAllocs()
	db := bigStore(b)
	defer db.Close()
	ctx := context.Background()
	pairs := [][2]string{{"RUS", "USA"}, {"UKR", "RUS"}, {"CHN", "USA"}, {"Sergei Lavrov", "Marco Rubio"}}
	var lat, cpu []time.Duration
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := pairs[i%len(pairs)]
		start, c0 := time.Now(), threadCPU()
		pts, err := db.Dyad(ctx, dragoman.DyadQuery{A: p[0], B: p[1], By: dragoman.Month})
		if err != nil || len(pts) == 0 {
			b.Fatalf("dyad %v: %d points, %v", p, len(pts), err)
		}
		lat = append(lat, time.Since(start))
		cpu = append(cpu, threadCPU()-c0)
	}
	reportPercentiles(b, lat, cpu)
}

// reportPercentiles reports the median and 99th percentile of the wall
// time of one operation and of the CPU time its thread spent, which a
// machine shared with other work inflates less.
func reportPercentiles(b *testing.B, lat, cpu []time.Duration) {
	if len(lat) == 0 {
		return
	}
	at := func(d []time.Duration, p float64) float64 {
		slices.Sort(d)
		return float64(d[min(len(d)-1, int(p*float64(len(d))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(lat, 0.5), "p50-ms")
	b.ReportMetric(at(lat, 0.99), "p99-ms")
	b.ReportMetric(at(cpu, 0.5), "p50-cpu-ms")
	b.ReportMetric(at(cpu, 0.99), "p99-cpu-ms")
}

// BenchmarkPutAnalysed stores documents the pipeline produced, read from
// the JSON Lines file named by DRAGOMAN_BENCH_DOCS (`dragoman analyze
// --jsonl` output), each under a fresh id: the store's share of an ingest.
func BenchmarkPutAnalysed(b *testing.B) {
	path := os.Getenv("DRAGOMAN_BENCH_DOCS")
	if path == "" {
		b.Skip("set DRAGOMAN_BENCH_DOCS to a file of analysed documents")
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	var docs []*dragoman.Document
	dec := json.NewDecoder(f)
	for {
		var d dragoman.Document
		if err := dec.Decode(&d); err != nil {
			break
		}
		docs = append(docs, &d)
	}
	f.Close()
	if len(docs) == 0 {
		b.Fatal("no documents")
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "put.db"), sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; {
		var batch dragoman.Batch
		for k := 0; k < 64 && i < b.N; k++ {
			d := *docs[i%len(docs)]
			d.Article.ID = fmt.Sprintf("%s-%d", d.Article.ID, i)
			batch.Documents = append(batch.Documents, &d)
			i++
		}
		if _, err := db.Put(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
}

// threadCPU is the CPU time (user and system) of the calling OS thread.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
