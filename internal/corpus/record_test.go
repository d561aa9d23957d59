package corpus_test

import (
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/corpus"
)

func TestSplitIDIgnoresOrder(t *testing.T) {
	a := corpus.SplitID("A0123456789", []string{"lavrov", "sergei lavrov"})
	b := corpus.SplitID("A0123456789", []string{"sergei lavrov", "lavrov"})
	if a != b || len(a) != 11 || !corpus.IsActorID(a) {
		t.Errorf("split ids %q and %q: want one actor id", a, b)
	}
	if c := corpus.SplitID("A9876543210", []string{"lavrov"}); c == a {
		t.Errorf("different splits share id %q", c)
	}
}

func TestShapeEvent(t *testing.T) {
	d := &dragoman.Document{Entities: []dragoman.Entity{
		{ID: "E1", Name: "Oslo Council", Type: dragoman.Organization, Country: "NOR"},
		{ID: "E2", Name: "Harbour Guild", Type: dragoman.Organization, Actor: "DNKBUS"},
	}}
	v := &dragoman.Event{
		Code:     "0412",
		Date:     &dragoman.DateRef{Value: "2024-03-09"},
		Source:   &dragoman.ActorRef{Name: "the council", Entity: "E1"},
		Target:   &dragoman.ActorRef{Name: "the guild", Entity: "E2"},
		Location: &dragoman.Place{Name: "Bergen", CountryCode: "NOR"},
	}
	r := corpus.ShapeEvent(d, v, map[string]string{"E1": "Aaaaaaaaaaa"})
	want := corpus.EventRow{
		Day: "2024-03-09", DateValue: "2024-03-09", Root: "04", Base: "041",
		Source:   corpus.EventSide{Name: "the council", Country: "NOR", Entity: "E1", Actor: "Aaaaaaaaaaa"},
		Target:   corpus.EventSide{Name: "the guild", Code: "DNKBUS", Country: "DNK", Entity: "E2"},
		Location: "Bergen", LocationCountry: "NOR",
	}
	if r != want {
		t.Errorf("ShapeEvent:\n got %+v\nwant %+v", r, want)
	}
	v.Date = &dragoman.DateRef{Value: "2024-03"}
	if r := corpus.ShapeEvent(d, v, nil); r.Day != "" || r.DateValue != "2024-03" {
		t.Errorf("month date: day %q value %q, want no day", r.Day, r.DateValue)
	}
}

func TestDyadSeries(t *testing.T) {
	s := corpus.NewDyadSeries(dragoman.Month)
	day := func(v string) time.Time { t, _ := time.Parse("2006-01-02", v); return t }
	s.Add(day("2024-02-20"), 1, 2, 6)
	s.Add(day("2024-01-05"), 4, 1, -10)
	s.Add(day("2024-02-03"), 3, 1, -1)
	got := s.Points()
	if len(got) != 2 || got[0].Period != "2024-01" || got[1].Period != "2024-02" {
		t.Fatalf("periods %+v, want 2024-01 then 2024-02", got)
	}
	if p := got[1]; p.Events != 3 || p.Quad != [4]int{2, 0, 1, 0} || p.Goldstein != 1.67 {
		t.Errorf("2024-02: %+v, want 3 events, quads [2 0 1 0], Goldstein 1.67", p)
	}
	if _, err := corpus.DyadPeriod(dragoman.DyadQuery{A: "RUS", B: "UKR", By: "year"}); err == nil {
		t.Error("DyadPeriod accepted a year")
	}
}

func TestMentionsFromEntities(t *testing.T) {
	d := &dragoman.Document{Entities: []dragoman.Entity{
		{ID: "E1", Mentions: []dragoman.Mention{{Sentence: 0}, {Sentence: 2, Entity: "E1"}}},
		{ID: "E2", Mentions: []dragoman.Mention{{Sentence: 1}}},
	}}
	got := corpus.Mentions(d)
	if len(got) != 3 || got[0].Entity != "E1" || got[1].Entity != "E1" || got[2].Entity != "E2" {
		t.Errorf("Mentions = %+v, want three naming E1, E1, E2", got)
	}
	d.Mentions = []dragoman.Mention{{Sentence: 1, Entity: "E2"}}
	if got := corpus.Mentions(d); len(got) != 1 {
		t.Errorf("Mentions with document mentions = %+v, want those", got)
	}
}
