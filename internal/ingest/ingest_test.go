package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/article"
	"github.com/dragoman-news/dragoman/internal/ingest"
	"github.com/dragoman-news/dragoman/sqlite"
)

func items(n int, readErrAt int) iter.Seq2[article.Item, error] {
	return func(yield func(article.Item, error) bool) {
		for i := 0; i < n; i++ {
			if i == readErrAt {
				if !yield(article.Item{}, &article.InputError{Input: "feed.xml", Record: "item 3", Err: errors.New("bad XML")}) {
					return
				}
				continue
			}
			body := fmt.Sprintf("Article number %d tells of event %d in the town of Place%d, where officials met.", i, i*7, i)
			a := dragoman.Article{ID: fmt.Sprintf("a%03d", i), Source: fmt.Sprintf("in/%d.txt", i), Title: fmt.Sprintf("Story %d", i), Body: body}
			if !yield(article.Item{Article: a}, nil) {
				return
			}
		}
	}
}

// TestBadArticles: an article a stage fails on, one it panics on, and an
// unreadable record are recorded with their errors; the others are stored.
func TestBadArticles(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "i.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	analyze := func(ctx context.Context, d *dragoman.Document) error {
		switch d.Article.ID {
		case "a005":
			return errors.New("ner: model exploded")
		case "a011":
			panic("index out of range")
		}
		d.Sentences = []dragoman.Sentence{{Span: d.Span(0, len(d.Article.Body))}}
		return nil
	}
	var last ingest.Counts
	sum, err := ingest.Run(ctx, db, items(40, 20), analyze, ingest.Options{Workers: 3, BatchSize: 7, Progress: func(c ingest.Counts) { last = c }})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 37 || sum.Failed != 3 || sum.Read != 40 || !last.ReadDone || last.Added != 37 {
		t.Fatalf("summary = %+v, last progress %+v", sum.Counts, last)
	}
	fails, err := db.IngestErrors(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range fails {
		got[f.Source] = f.Stage + ": " + f.Message
	}
	if !strings.HasPrefix(got["in/5.txt"], "ner: ner: model exploded") {
		t.Errorf("stage error recorded as %q", got["in/5.txt"])
	}
	if !strings.HasPrefix(got["in/11.txt"], "analyze: panic: index out of range") {
		t.Errorf("panic recorded as %q", got["in/11.txt"])
	}
	if got["feed.xml#item 3"] != "read: bad XML" {
		t.Errorf("read error recorded as %q (all: %v)", got["feed.xml#item 3"], got)
	}
	// Again: the stored articles are skipped before analysis, the failed
	// ones are tried again (and fail again, recorded once).
	sum, err = ingest.Run(ctx, db, items(40, 20), analyze, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 0 || sum.Skipped != 37 || sum.Failed != 3 {
		t.Errorf("second run = %+v", sum.Counts)
	}
	if fails, _ := db.IngestErrors(ctx, 0); len(fails) != 3 {
		t.Errorf("failures recorded twice: %d", len(fails))
	}
}

// TestStoreUnavailable: a store that cannot be written stops the run with
// its error.
func TestStoreUnavailable(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ro.db")
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := sqlite.Open(ctx, path, sqlite.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	_, err = ingest.Run(ctx, ro, items(10, -1), func(context.Context, *dragoman.Document) error { return nil }, ingest.Options{})
	if dragoman.ErrorCode(err) != dragoman.EUNAVAILABLE {
		t.Errorf("ingest into a read-only store: %v, want unavailable", err)
	}
}

// TestSlowArticle: an article a stage never finishes is recorded as timed
// out and does not hold up the others.
func TestSlowArticle(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "slow.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	block := make(chan struct{})
	defer close(block)
	analyze := func(ctx context.Context, d *dragoman.Document) error {
		if d.Article.ID == "a003" {
			<-block // ignores its context, as a buggy stage might
		}
		return nil
	}
	sum, err := ingest.Run(ctx, db, items(8, -1), analyze, ingest.Options{Workers: 2, Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 7 || sum.Failed != 1 || !strings.Contains(sum.Failures[0].Message, "timed out") {
		t.Errorf("summary = %+v, failures %+v", sum.Counts, sum.Failures)
	}
}
