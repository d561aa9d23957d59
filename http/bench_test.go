package http_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/dragoman-news/dragoman"
	dhttp "github.com/dragoman-news/dragoman/http"
	"github.com/dragoman-news/dragoman/internal/gencorpus"
	"github.com/dragoman-news/dragoman/internal/shared"
	"github.com/dragoman-news/dragoman/sqlite"
)

var benchOnce struct {
	sync.Once
	srv *dhttp.Server
	ids []string
	err error
}

// benchServer builds a server over a generated corpus of
// DRAGOMAN_BENCH_N articles (default 10000), once per test binary.
func benchServer(b *testing.B) (*dhttp.Server, []string) {
	seedsPath := filepath.Join(shared.Dir(b, "data", "wikinews-articles"), "wikinews_2019.csv")
	benchOnce.Do(func() {
		n := 10000
		if s := os.Getenv("DRAGOMAN_BENCH_N"); s != "" {
			n, _ = strconv.Atoi(s)
		}
		seeds, err := gencorpus.ReadCSV(seedsPath)
		if err != nil {
			benchOnce.err = err
			return
		}
		ctx := context.Background()
		dir, _ := os.MkdirTemp("", "dragoman-http-bench")
		db, err := sqlite.Open(ctx, filepath.Join(dir, "bench.db"), sqlite.Options{})
		if err != nil {
			benchOnce.err = err
			return
		}
		g := gencorpus.NewDocs(seeds, 7)
		for i := 0; i < n; {
			var batch dragoman.Batch
			for k := 0; k < 256 && i < n; k++ {
				d := g.Next(i)
				benchOnce.ids = append(benchOnce.ids, d.Article.ID)
				batch.Documents = append(batch.Documents, d)
				i++
			}
			if _, err := db.Put(ctx, batch); err != nil {
				benchOnce.err = err
				return
			}
		}
		benchOnce.srv, benchOnce.err = dhttp.New(dhttp.Config{Store: db, Parse: parse, Analyze: func(context.Context, dragoman.Article) (*dragoman.Document, error) {
			return nil, dragoman.Errorf(dragoman.ENOTIMPLEMENTED, "not in benchmarks")
		}})
	})
	if benchOnce.err != nil {
		b.Fatal(benchOnce.err)
	}
	return benchOnce.srv, benchOnce.ids
}

func benchPage(b *testing.B, path func(i int) string) {
	srv, _ := benchServer(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path(i), nil))
		if rec.Code != 200 {
			b.Fatalf("%s: %d", path(i), rec.Code)
		}
	}
}

var benchWords = []string{"election", "president", "minister", "police", "government", "protest", "talks", "court"}

func BenchmarkSearchPage(b *testing.B) {
	benchPage(b, func(i int) string { return "/search?q=" + benchWords[i%len(benchWords)] })
}

func BenchmarkSearchAPI(b *testing.B) {
	benchPage(b, func(i int) string { return "/api/v1/search?q=" + benchWords[i%len(benchWords)] })
}

func BenchmarkArticlePage(b *testing.B) {
	_, ids := benchServer(b)
	benchPage(b, func(i int) string { return "/articles/" + ids[(i*7919)%len(ids)] })
}

func BenchmarkHomePage(b *testing.B) {
	benchPage(b, func(i int) string { return "/" })
}
