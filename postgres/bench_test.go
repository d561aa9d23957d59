package postgres_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/storebench"
	"github.com/dragoman-news/dragoman/postgres"
)

// BenchmarkPut stores generated documents in batches of 64 into a fresh
// schema and reports documents per second.
func BenchmarkPut(b *testing.B) {
	b.ReportAllocs()
	db := open(b)
	ctx := context.Background()
	docs := storebench.Docs(b, b.N)
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i += 64 {
		if _, err := db.Put(ctx, dragoman.Batch{Documents: docs[i:min(i+64, b.N)]}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "docs/s")
}

// BenchmarkPutParallel stores generated documents from four writers at
// once (as four workers do), in batches of 64, and reports documents per
// second: how far concurrent writers overlap when they share actor names.
func BenchmarkPutParallel(b *testing.B) {
	b.ReportAllocs()
	db := open(b)
	ctx := context.Background()
	docs := storebench.Docs(b, b.N)
	const writers = 4
	var next atomic.Int64
	errs := make(chan error, writers)
	b.ResetTimer()
	start := time.Now()
	for range writers {
		go func() {
			for {
				i := int(next.Add(64)) - 64
				if i >= b.N {
					errs <- nil
					return
				}
				if _, err := db.Put(ctx, dragoman.Batch{Documents: docs[i:min(i+64, b.N)]}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for range writers {
		if err := <-errs; err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "docs/s")
}

// bigStore opens a store of n generated documents in the schema
// dragoman_bench_N of the test server, building it the first time and
// keeping it for later runs (drop it with DROP SCHEMA ... CASCADE).
// DRAGOMAN_BENCH_N sets n (default 100000).
func bigStore(b *testing.B) *postgres.DB {
	url := serverURL(b)
	n := storebench.BigN()
	ctx := context.Background()
	db, err := postgres.Open(ctx, url, postgres.Options{Schema: fmt.Sprintf("dragoman_bench_%d", n)})
	if err != nil {
		b.Fatal(err)
	}
	var have int
	if err := db.Pool().QueryRow(ctx, `SELECT count(*) FROM articles`).Scan(&have); err != nil {
		b.Fatal(err)
	}
	if have < n {
		start := time.Now()
		storebench.Fill(b, db, have, n)
		if _, err := db.Pool().Exec(ctx, `VACUUM ANALYZE`); err != nil {
			b.Fatal(err)
		}
		b.Logf("built %d documents in %v", n-have, time.Since(start))
	}
	return db
}

// BenchmarkSearch runs varied queries against the big store and reports
// the median and 99th percentile latency of one query.
func BenchmarkSearch(b *testing.B) {
	b.ReportAllocs()
	db := bigStore(b)
	defer db.Close()
	lat, _ := storebench.Time(b, storebench.Search(context.Background(), db))
	storebench.ReportPercentiles(b, "", lat)
}

// BenchmarkDyad times a month-by-month dyad timeline over the big store.
func BenchmarkDyad(b *testing.B) {
	b.ReportAllocs()
	db := bigStore(b)
	defer db.Close()
	lat, _ := storebench.Time(b, storebench.Dyad(context.Background(), db))
	storebench.ReportPercentiles(b, "", lat)
}
