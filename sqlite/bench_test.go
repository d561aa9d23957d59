package sqlite_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/gencorpus"
	"github.com/dragoman-news/dragoman/internal/storebench"
	"github.com/dragoman-news/dragoman/sqlite"
)

// BenchmarkPut stores generated documents in batches of 64.
func BenchmarkPut(b *testing.B) {
	b.ReportAllocs()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "put.db"), sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	g := gencorpus.NewDocs(storebench.Seeds(b), 1)
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
	n := storebench.BigN()
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("dragoman-bench-%d.db", n))
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".building"
		os.Remove(tmp)
		db, err := sqlite.Open(ctx, tmp, sqlite.Options{})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		storebench.Fill(b, db, 0, n)
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

// BenchmarkSearch runs varied queries (common and rare words, phrases,
// OR, NOT, prefixes, filters) against the big store and reports the median
// and 99th percentile latency of one query.
func BenchmarkSearch(b *testing.B) {
	b.ReportAllocs()
	db := bigStore(b)
	defer db.Close()
	lat, cpu := storebench.Time(b, storebench.Search(context.Background(), db))
	storebench.ReportPercentiles(b, "", lat)
	storebench.ReportPercentiles(b, "cpu-", cpu)
}

// BenchmarkDyad times a month-by-month dyad timeline over the whole big
// store.
func BenchmarkDyad(b *testing.B) {
	b.ReportAllocs()
	db := bigStore(b)
	defer db.Close()
	lat, cpu := storebench.Time(b, storebench.Dyad(context.Background(), db))
	storebench.ReportPercentiles(b, "", lat)
	storebench.ReportPercentiles(b, "cpu-", cpu)
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
