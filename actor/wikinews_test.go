package actor_test

import (
	"context"
	"encoding/csv"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/actor"
	"github.com/dragoman-news/dragoman/internal/shared"
	"github.com/dragoman-news/dragoman/segment"
)

// wikinews reads the 2019 Wikinews articles of ../shared.
func wikinews(t testing.TB) []dragoman.Article {
	path := shared.Dir(t, "data", "wikinews-articles", "wikinews_2019.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []dragoman.Article
	for _, r := range recs[1:] {
		tm, _ := time.Parse("2006-01-02", r[1])
		body := strings.ReplaceAll(r[3], "\r\n", "\n")
		// the first line is a date, not body text
		if _, rest, ok := strings.Cut(body, "\n"); ok {
			body = rest
		}
		var paras []string
		for _, p := range strings.Split(body, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
		out = append(out, dragoman.Article{ID: r[0], Title: r[2], Language: "en", Body: strings.Join(paras, "\n\n"),
			Published: &dragoman.Published{Time: tm, Precision: dragoman.PrecisionDay}})
	}
	return out
}

// TestWikinews runs the stage over the Wikinews articles: every span must
// read the body, and the share of people with an actor code and of
// multi-word people must stay above the recorded baseline (rules alone).
func TestWikinews(t *testing.T) {
	arts := wikinews(t)
	r, err := actor.New(actor.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	persons, coded, groups, words := 0, 0, 0, 0
	types := map[dragoman.EntityType]int{}
	for _, a := range arts {
		d := dragoman.NewDocument(a)
		if err := segment.New().Annotate(ctx, d); err != nil {
			t.Fatal(err)
		}
		if err := r.Annotate(ctx, d); err != nil {
			t.Fatal(err)
		}
		checkSpans(t, d)
		words += len(strings.Fields(a.Body))
		for _, e := range d.Entities {
			types[e.Type]++
			switch e.Type {
			case dragoman.Person:
				persons++
				if e.Actor != "" {
					coded++
				}
			case dragoman.Group:
				groups++
			}
		}
	}
	share := float64(coded) / float64(max(persons, 1))
	t.Logf("%d articles, %d words: %d people (%.1f%% with an actor code), %d groups; entities by type %v",
		len(arts), words, persons, 100*share, groups, types)
	if persons < 800 || coded < 250 {
		t.Errorf("%d people, %d with an actor code, in %d articles; baseline 800 and 250", persons, coded, len(arts))
	}
	if share < 0.25 {
		t.Errorf("%.1f%% of people have an actor code, baseline 25%%", 100*share)
	}
}
