package postgres_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/postgres"
	"github.com/dragoman-news/dragoman/storetest"
)

// serverURL returns the test server's URL, or skips the test.
func serverURL(t testing.TB) string {
	t.Helper()
	url := os.Getenv("DRAGOMAN_TEST_POSTGRES")
	if url == "" {
		t.Skip("DRAGOMAN_TEST_POSTGRES is not set; run scripts/test.sh, or set it to postgres://postgres@127.0.0.1:5432/test?sslmode=disable")
	}
	return url
}

// open opens a store in a fresh schema of the test server, dropped when
// the test ends.
func open(t testing.TB) *postgres.DB {
	t.Helper()
	url := serverURL(t)
	schema := fmt.Sprintf("dragoman_test_%d_%08x", os.Getpid(), rand.Uint32())
	db, err := postgres.Open(context.Background(), url, postgres.Options{Schema: schema})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.DropSchema(context.Background()); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
		db.Close()
	})
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) dragoman.Store { return open(t) })
}

// TestConcurrentPut has several writers store overlapping batches at once,
// as several workers do when a message is redelivered: every article is
// stored once and every actor made once.
func TestConcurrentPut(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	docs := func() []*dragoman.Document {
		return append(storetest.Base(), storetest.Exchange(), storetest.Moex(), storetest.MoexAgain())
	}
	const writers = 6
	errs := make(chan error, writers)
	for w := 0; w < writers; w++ {
		go func(w int) {
			d := docs()
			// Each writer puts the same articles in another order.
			rand.New(rand.NewPCG(uint64(w), 7)).Shuffle(len(d), func(i, j int) { d[i], d[j] = d[j], d[i] })
			for len(d) > 0 {
				n := min(len(d), 1+w%3)
				if _, err := db.Put(ctx, dragoman.Batch{Documents: d[:n]}); err != nil {
					errs <- err
					return
				}
				d = d[n:]
			}
			errs <- nil
		}(w)
	}
	for range writers {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The same articles put once by one writer, for comparison.
	ref := open(t)
	if _, err := ref.Put(ctx, dragoman.Batch{Documents: docs()}); err != nil {
		t.Fatal(err)
	}
	want, err := ref.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != want.Articles || st.Mentions != want.Mentions || st.Events != want.Events || st.Quotes != want.Quotes || st.Dates != want.Dates {
		t.Errorf("stats after concurrent puts = %+v, want %+v", st, want)
	}
	var actors, names int
	if err := db.Pool().QueryRow(ctx, `SELECT count(*), count(DISTINCT lower(name) || type) FROM actors`).Scan(&actors, &names); err != nil {
		t.Fatal(err)
	}
	if actors != names {
		t.Errorf("%d actors for %d distinct names: some actor was made twice", actors, names)
	}
	for _, name := range []string{"Lavrov", "Marco Rubio", "MOEX"} {
		p, err := db.Actor(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		q, err := ref.Actor(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		if p.Articles != q.Articles || p.Mentions != q.Mentions {
			t.Errorf("%s: %d articles %d mentions after concurrent puts, want %d and %d", name, p.Articles, p.Mentions, q.Articles, q.Mentions)
		}
	}
}

// TestSearchSyntax checks the translation of the FTS5-style syntax.
func TestSearchSyntax(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	if _, err := db.Put(ctx, dragoman.Batch{Documents: storetest.Base()}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		query string
		want  int
	}{
		{"Lavrov", 3},
		{"lavrov", 3},
		{"Lavrov NOT Rubio", 1},
		{"Lavrov AND (grain OR sanctions)", 2},
		{"Lavrov grain", 1},
		{"negot*", 3},
		{`"dead end" OR convoy`, 2},
		{`"listened to each"`, 1},
		{"kharkiv*", 1},
		{"the", 0},
		{"NEAR(Lavrov talks, 10)", 2},
		{"NEAR(grain Geneva)", 1},
	} {
		hits, err := db.Search(ctx, dragoman.SearchQuery{Query: tc.query})
		if err != nil {
			t.Errorf("Search(%q): %v", tc.query, err)
			continue
		}
		if len(hits) != tc.want {
			t.Errorf("Search(%q) = %d hits, want %d", tc.query, len(hits), tc.want)
		}
	}
	hits, err := db.Search(ctx, dragoman.SearchQuery{Query: "embassies"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || !strings.Contains(hits[0].Snippet, "[embassies]") {
		t.Errorf("snippet = %+v, want the word in brackets", hits)
	}
}

// TestUnstorableText: text PostgreSQL cannot hold fails that article with
// a clear error, and the batch goes through one by one in the ingest.
func TestUnstorableText(t *testing.T) {
	db := open(t)
	d := storetest.Convoy()
	d.Article.ID = "nul"
	d.Article.Body = strings.Replace(d.Article.Body, "trucks", "truck\x00", 1)
	_, err := db.Put(context.Background(), dragoman.Batch{Documents: []*dragoman.Document{d}})
	if dragoman.ErrorCode(err) != dragoman.EINVALID || !strings.Contains(err.Error(), "NUL") {
		t.Errorf("Put of a body with a NUL byte: %v, want an invalid-input error that says why", err)
	}
	if _, err := db.Put(context.Background(), dragoman.Batch{Documents: []*dragoman.Document{storetest.Convoy()}}); err != nil {
		t.Errorf("Put after a refused article: %v", err)
	}
}
