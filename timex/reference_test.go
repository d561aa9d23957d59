package timex_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/article"
	"github.com/dragoman-news/dragoman/segment"
	"github.com/dragoman-news/dragoman/timex"
)

// TestReference checks every date of the reference article's expected.json
// (published 2025-02-18): some expression with each expected text must be found, in a sentence, with
// the value or the begin..end days it resolves to.
func TestReference(t *testing.T) {
	dir := sharedDir(t, "examples", "riyadh-talks")
	raw, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want struct {
		Published string `json:"published"`
		Dates     []struct {
			Text       string          `json:"text"`
			ResolvesTo json.RawMessage `json:"resolves_to"`
		} `json:"dates"`
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	a, err := article.ReadFile(ctx, filepath.Join(dir, "article.txt"), article.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a.Published = &dragoman.Published{Time: time.Date(2025, 2, 18, 12, 0, 0, 0, time.UTC), Precision: dragoman.PrecisionDay}
	d := dragoman.NewDocument(a)
	if err := segment.New().Annotate(ctx, d); err != nil {
		t.Fatal(err)
	}
	tg, err := timex.New()
	if err != nil {
		t.Fatal(err)
	}
	if err := tg.Annotate(ctx, d); err != nil {
		t.Fatal(err)
	}
	if len(want.Dates) == 0 {
		t.Fatal("expected.json lists no dates")
	}
	for _, w := range want.Dates {
		var one string
		var pair []string
		if json.Unmarshal(w.ResolvesTo, &one) != nil {
			if err := json.Unmarshal(w.ResolvesTo, &pair); err != nil || len(pair) != 2 {
				t.Fatalf("%s: resolves_to %s is neither a value nor a pair", w.Text, w.ResolvesTo)
			}
		}
		found := false
		var got []string
		for _, e := range d.Dates {
			if e.Text != w.Text {
				continue
			}
			got = append(got, e.Value+" "+e.Begin+".."+e.End+" ("+e.Rule+")")
			ok := one != "" && e.Value == one || pair != nil && e.Begin == pair[0] && e.End == pair[1]
			if ok && e.Sentence >= 0 {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: want %s, got %q", w.Text, w.ResolvesTo, got)
		}
	}
}
