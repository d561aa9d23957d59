package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/sqlite"
	"github.com/dragoman-news/dragoman/storetest"
)

// TestSearchBeyondCap covers queries matching more articles than the
// exact-ranking cap: results still come ranked, paged and with snippets.
func TestSearchBeyondCap(t *testing.T) {
	defer sqlite.SetRankCap(5)()
	ctx := context.Background()
	db := open(t)
	var docs []*dragoman.Document
	for i := 0; i < 12; i++ {
		title := fmt.Sprintf("Weather report number %d", i)
		body := fmt.Sprintf("Report %d. The harbour stayed calm and the ferries ran on time; a storm is expected later in the week.", i)
		if i == 9 {
			title = "Storm warning for the whole coast"
			body = "A storm is coming. Storm surges and storm winds are forecast, and the storm may close the ports."
		}
		docs = append(docs, storetest.NewDoc(fmt.Sprintf("w%02d", i), title, body, fmt.Sprintf("2025-01-%02d", i+1)).Doc)
	}
	if _, err := db.Put(ctx, dragoman.Batch{Documents: docs}); err != nil {
		t.Fatal(err)
	}
	hits, err := db.Search(ctx, dragoman.SearchQuery{Query: "storm", Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 3 || hits[0].ArticleID != "w09" {
		t.Fatalf("storm beyond the cap: %+v, want w09 first", hits)
	}
	for i, h := range hits {
		if !strings.Contains(h.Snippet, "[storm]") && !strings.Contains(h.Snippet, "[Storm]") {
			t.Errorf("hit %d snippet %q", i, h.Snippet)
		}
		if i > 0 && h.Rank < hits[i-1].Rank {
			t.Errorf("ranks out of order: %v", hits)
		}
	}
	page2, err := db.Search(ctx, dragoman.SearchQuery{Query: "storm", Limit: 3, Offset: 3})
	if err != nil || len(page2) != 2 {
		t.Fatalf("second page: %d hits, %v (the estimate ranks the 5 newest matches)", len(page2), err)
	}
	for _, h := range page2 {
		for _, g := range hits {
			if h.ArticleID == g.ArticleID {
				t.Errorf("%s on both pages", h.ArticleID)
			}
		}
	}
	// Malformed queries still fail clearly on this path.
	if _, err := db.Search(ctx, dragoman.SearchQuery{Query: "storm AND"}); dragoman.ErrorCode(err) != dragoman.EINVALID {
		t.Errorf("malformed: %v", err)
	}
}

// FuzzSearch: any query either works or is an invalid-query error; it
// never panics or fails otherwise, on either ranking path.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"Lavrov", `"dead end"`, "talks AND", `"unbalanced`, "NEAR(a b, 2)", "title:grain", "*", "a OR", "(x", "-x", "ü*", "x^y", `"`, "NOT talks", "sanction* OR 2025"} {
		f.Add(q)
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(f.TempDir(), "fuzz.db"), sqlite.Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Put(ctx, dragoman.Batch{Documents: storetest.Base()}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, cap := range []int{250, 1} {
			restore := sqlite.SetRankCap(cap)
			hits, err := db.Search(ctx, dragoman.SearchQuery{Query: q})
			restore()
			if err != nil && dragoman.ErrorCode(err) != dragoman.EINVALID {
				t.Fatalf("Search(%q) with cap %d: %v", q, cap, err)
			}
			for _, h := range hits {
				if h.ArticleID == "" {
					t.Fatalf("Search(%q): hit without id", q)
				}
			}
		}
	})
}
