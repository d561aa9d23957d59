package timex_test

import (
	"context"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
)

// FuzzTimex checks, on any text and any publication day, that the tagger
// does not panic and that its expressions are in order, do not overlap,
// lie inside the body and carry their own text.
func FuzzTimex(f *testing.F) {
	seeds := []string{
		"Officials met on Tuesday, Feb. 24, 2022, at 3 p.m. and again last week.",
		"more than 20 years; a decade-old accord of 2015; the 1990s; mid-March",
		"since 2014–2016 and 24/02/2022 or 1.2.10; 2,000 troops; $2015",
		"’80s '90s the twenty-first century Good Friday 1998 New Year’s Eve",
		"Monday night\n\nyesterday morning at noon, 0300 UTC Monday, twice a year",
		"",
		"2015",
		"January 1",
	}
	for i, s := range seeds {
		f.Add(s, int64(i*400-1000))
	}
	tg := tagger(f)
	f.Fuzz(func(t *testing.T, body string, days int64) {
		a := dragoman.Article{Body: body}
		if days%7 != 0 { // some articles have no date
			pub := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days%40000))
			a.Published = &dragoman.Published{Time: pub, Precision: dragoman.PrecisionDay}
		}
		d := dragoman.NewDocument(a)
		if err := tg.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		prevEnd := 0
		for _, e := range d.Dates {
			if e.Start < prevEnd || e.Span.End <= e.Start || e.Span.End > len(body) {
				t.Fatalf("span [%d,%d) out of order or outside the body (previous end %d, body %d bytes)", e.Start, e.Span.End, prevEnd, len(body))
			}
			if body[e.Start:e.Span.End] != e.Text {
				t.Fatalf("span [%d,%d) text %q != %q", e.Start, e.Span.End, e.Text, body[e.Start:e.Span.End])
			}
			if e.Begin > e.End {
				t.Fatalf("%q: first day %s after last day %s", e.Text, e.Begin, e.End)
			}
			prevEnd = e.Span.End
		}
	})
}
