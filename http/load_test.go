package http_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
	dhttp "github.com/dragoman-news/dragoman/http"
	"github.com/dragoman-news/dragoman/internal/gencorpus"
	"github.com/dragoman-news/dragoman/internal/shared"
	"github.com/dragoman-news/dragoman/sqlite"
)

// TestLoad puts 50 concurrent clients on the search and article pages of
// a generated corpus over loopback, for a bounded number of requests, and
// reports requests per second and latency percentiles. It asserts only
// that every request succeeded; the figures go to the log (and the README).
//
// It runs twice: once with searches drawn from 15 common words (as
// analysts repeat searches, so the server's short-lived result cache
// answers most), and once with every search a word not searched before
// (each one reaches the store).
//
//	DRAGOMAN_LOAD=10000 go test -run TestLoad -v ./http/
func TestLoad(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("DRAGOMAN_LOAD"))
	if n <= 0 {
		t.Skip("set DRAGOMAN_LOAD to the corpus size (e.g. 10000) to run the load test")
	}
	seeds, err := gencorpus.ReadCSV(filepath.Join(shared.Dir(t, "data", "wikinews-articles"), "wikinews_2019.csv"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "load.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	g := gencorpus.NewDocs(seeds, 7)
	var ids []string
	seen := map[string]bool{}
	var vocab []string
	for i := 0; i < n; {
		var b dragoman.Batch
		for k := 0; k < 256 && i < n; k++ {
			d := g.Next(i)
			ids = append(ids, d.Article.ID)
			if i < 400 {
				for _, w := range strings.Fields(strings.ToLower(d.Article.Body)) {
					if len(w) >= 5 && strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 && !seen[w] {
						seen[w] = true
						vocab = append(vocab, w)
					}
				}
			}
			b.Documents = append(b.Documents, d)
			i++
		}
		if _, err := db.Put(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	srv, err := dhttp.New(dhttp.Config{Store: db, Parse: parse, Analyze: func(context.Context, dragoman.Article) (*dragoman.Document, error) {
		return nil, dragoman.Errorf(dragoman.ENOTIMPLEMENTED, "not in the load test")
	}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(vocab), func(i, j int) { vocab[i], vocab[j] = vocab[j], vocab[i] })
	common := []string{"election", "president", "minister", "police", "government", "protest", "talks", "court", "war", "trade", "climate", "vote", "parliament", "attack", "agreement"}
	for _, phase := range []struct {
		name  string
		words func(c, i int, r *rand.Rand) string
	}{
		{"repeated", func(c, i int, r *rand.Rand) string { return common[r.IntN(len(common))] }},
		{"unique", func(c, i int, r *rand.Rand) string { return vocab[(c*perClient+i)%len(vocab)] }},
	} {
		t.Run(phase.name, func(t *testing.T) { runLoad(t, ts.URL, ids, phase.words, n) })
	}
}

const clients, perClient = 50, 100

func runLoad(t *testing.T, base string, ids []string, word func(c, i int, r *rand.Rand) string, n int) {
	tr := &http.Transport{MaxIdleConnsPerHost: clients}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	type sample struct {
		kind string
		d    time.Duration
	}
	var mu sync.Mutex
	var samples []sample
	var failures []string
	cpu0 := processCPU()
	start := time.Now()
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(c), 42))
			for i := 0; i < perClient; i++ {
				var path, kind string
				if i%2 == 0 {
					kind = "search"
					path = "/search?q=" + url.QueryEscape(word(c, i, r))
				} else {
					kind = "article"
					path = "/articles/" + ids[r.IntN(len(ids))]
				}
				t0 := time.Now()
				res, err := client.Get(base + path)
				if err == nil {
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
				}
				d := time.Since(t0)
				mu.Lock()
				samples = append(samples, sample{kind, d})
				if err != nil {
					failures = append(failures, err.Error())
				} else if res.StatusCode != 200 {
					failures = append(failures, fmt.Sprintf("%s: %d", path, res.StatusCode))
				}
				mu.Unlock()
			}
		}(c)
	}
	wg.Wait()
	elapsed := time.Since(start)
	cpu := processCPU() - cpu0
	if len(failures) > 0 {
		t.Fatalf("%d of %d requests failed, first: %s", len(failures), len(samples), failures[0])
	}
	pct := func(kind string, p float64) time.Duration {
		var ds []time.Duration
		for _, s := range samples {
			if kind == "" || s.kind == kind {
				ds = append(ds, s.d)
			}
		}
		slices.Sort(ds)
		return ds[int(float64(len(ds)-1)*p)]
	}
	t.Logf("corpus %d articles; %d clients x %d requests = %d in %v: %.0f requests/s", n, clients, perClient, len(samples), elapsed.Round(time.Millisecond), float64(len(samples))/elapsed.Seconds())
	// CPU of the whole process (server and clients) per request: a figure
	// that other work on a shared machine inflates less than latency.
	t.Logf("CPU %v in all, %v a request", cpu.Round(time.Millisecond), (cpu / time.Duration(len(samples))).Round(time.Microsecond))
	for _, k := range []string{"", "search", "article"} {
		name := k
		if name == "" {
			name = "all"
		}
		t.Logf("%-8s median %v  p99 %v", name, pct(k, 0.5).Round(10*time.Microsecond), pct(k, 0.99).Round(10*time.Microsecond))
	}
}

// processCPU is the CPU time (user and system) this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
