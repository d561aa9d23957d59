package event_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/event"
)

var coder = func() func(tb testing.TB) *event.Coder {
	var c *event.Coder
	return func(tb testing.TB) *event.Coder {
		tb.Helper()
		if c == nil {
			var err error
			if c, err = event.New(event.Options{}); err != nil {
				tb.Fatal(err)
			}
		}
		return c
	}
}()

// docOf makes a document of sentences, one a line, published 2025-03-04.
func docOf(text string) *dragoman.Document {
	d := dragoman.NewDocument(dragoman.Article{
		Body:      text,
		Published: &dragoman.Published{Time: time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC), Precision: dragoman.PrecisionDay},
		Dateline:  &dragoman.Dateline{Place: "Geneva", CountryCode: "CHE"},
	})
	off := 0
	for i, line := range strings.Split(text, "\n") {
		d.Sentences = append(d.Sentences, dragoman.Sentence{Span: d.Span(off, off+len(line)), Index: i})
		off += len(line) + 1
	}
	return d
}

func code(t *testing.T, text string) []dragoman.Event {
	t.Helper()
	d := docOf(text)
	if err := coder(t).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, ev := range d.Events {
		if ev.Trigger.Text != d.Article.Body[ev.Trigger.Start:ev.Trigger.End] || !ev.Evidence.Contains(ev.Trigger) && ev.Evidence.Start > ev.Trigger.Start {
			t.Errorf("bad spans in %+v", ev)
		}
	}
	return d.Events
}

func cc(a *dragoman.ActorRef) string {
	if a == nil || len(a.Actor) < 3 {
		return ""
	}
	return a.Actor[:3]
}

// TestRoots codes one sentence for each CAMEO root.
func TestRoots(t *testing.T) {
	cases := []struct {
		root, src, tgt, text string
	}{
		{"01", "RUS", "UKR", "Russia denied responsibility for the blast in Ukraine."},
		{"02", "FRA", "IRN", "France urged Iran to release the detained journalists."},
		{"03", "JPN", "PHL", "Japan pledged aid to the Philippines after the typhoon."},
		{"04", "CHN", "BRA", "Chinese President Xi Jinping met Brazil's foreign minister on Monday."},
		{"05", "DEU", "POL", "Germany praised Poland for its handling of the crisis."},
		{"06", "NOR", "SWE", "Norway cooperated with Sweden on border security."},
		{"07", "USA", "UKR", "The United States sent military aid to Ukraine."},
		{"08", "ISR", "PSE", "Israel released dozens of prisoners to the Palestinians."},
		{"09", "NLD", "RUS", "The Netherlands investigated Russia over the downing of the airliner."},
		{"10", "IRN", "USA", "Iran demanded a ceasefire from the United States."},
		{"11", "CHN", "JPN", "China condemned Japan over the visit to the shrine."},
		{"12", "IRN", "USA", "Iran rejected talks with the United States."},
		{"13", "PRK", "KOR", "North Korea threatened South Korea with military action."},
		{"14", "SRB", "XKX", "Serbian students protested against Kosovo in Belgrade."},
		{"15", "RUS", "UKR", "Russia mobilized troops along its border with Ukraine."},
		{"16", "LTU", "BLR", "Lithuania imposed sanctions on Belarus on Tuesday."},
		{"17", "IRN", "GBR", "Iran arrested a British diplomat in Tehran."},
		{"18", "SDN", "TCD", "Sudanese gunmen kidnapped Chadian aid workers near the border."},
		{"19", "RUS", "UKR", "Russian forces attacked Ukraine overnight."},
		{"20", "SRB", "BIH", "Serbian forces massacred Bosnian civilians in Srebrenica."},
	}
	for _, c := range cases {
		t.Run("Root"+c.root, func(t *testing.T) {
			evs := code(t, c.text)
			for _, ev := range evs {
				if ev.Root == c.root && cc(ev.Source) == c.src && cc(ev.Target) == c.tgt {
					return
				}
			}
			var got []string
			for _, ev := range evs {
				got = append(got, cc(ev.Source)+"-"+cc(ev.Target)+"-"+ev.Code)
			}
			t.Errorf("%q: want %s-%s root %s, got %v", c.text, c.src, c.tgt, c.root, got)
		})
	}
}

// TestNegationModality checks that negated and hypothetical actions are
// not coded as done.
func TestNegationModality(t *testing.T) {
	cases := []struct {
		name, text string
		code       string // wanted code ("" for no event)
		neg        bool
		modality   string
	}{
		{"NoThoughtOfConcessions", "Lavrov said there could be no thought of making concessions to Ukraine.", "124", false, "refusal"},
		{"WillingToPutTroops", "France and Italy would be willing to put their troops on the ground in Lebanon.", "0334", false, "intent"},
		{"MightLeadToSummit", "Modi said the talks might lead to a summit between himself and Xi Jinping.", "036", false, "intent"},
		{"DidNotAttack", "Russia did not attack Ukraine on Monday.", "", false, ""},
		{"RefusedToMeet", "Iran refused to meet Britain's envoy.", "125", false, "refusal"},
		{"PlansToVisit", "Egypt plans to visit Sudan next week.", "036", false, "intent"},
		{"Asserted", "Egypt visited Sudan on Monday.", "042", false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			evs := code(t, c.text)
			if c.code == "" {
				for _, ev := range evs {
					if ev.QuadClass == 4 {
						t.Errorf("negated attack coded: %s %q", ev.Code, ev.Evidence.Text)
					}
				}
				return
			}
			for _, ev := range evs {
				if ev.Code == c.code {
					if ev.Negated != c.neg || ev.Modality != c.modality {
						t.Errorf("%s: negated %v modality %q, want %v %q", ev.Code, ev.Negated, ev.Modality, c.neg, c.modality)
					}
					return
				}
			}
			var got []string
			for _, ev := range evs {
				got = append(got, cc(ev.Source)+"-"+cc(ev.Target)+"-"+ev.Code)
			}
			t.Errorf("%q: want code %s, got %v", c.text, c.code, got)
		})
	}
}

// TestPairs gives one event per actor pair.
func TestPairs(t *testing.T) {
	evs := code(t, "Britain and Sweden condemned Iran and Syria on Friday.")
	got := map[string]bool{}
	for _, ev := range evs {
		got[cc(ev.Source)+"-"+cc(ev.Target)] = true
	}
	for _, want := range []string{"GBR-IRN", "GBR-SYR", "SWE-IRN", "SWE-SYR"} {
		if !got[want] {
			t.Errorf("missing %s in %v", want, got)
		}
	}
}

// TestNominal codes events named by nouns.
func TestNominal(t *testing.T) {
	evs := code(t, "The talks came a year after Turkey's invasion of Syria in March 2024.")
	for _, ev := range evs {
		if ev.Code == "190" && cc(ev.Source) == "TUR" && cc(ev.Target) == "SYR" {
			if ev.Date == nil || ev.Date.Value == "" {
				t.Errorf("no date on %+v", ev)
			}
			return
		}
	}
	t.Errorf("invasion not coded: %+v", evs)
}

// TestMeetingHere places a meeting "here" in the dateline city.
func TestMeetingHere(t *testing.T) {
	evs := code(t, "Iranian and French diplomats held talks here on Monday.")
	for _, ev := range evs {
		if ev.Root == "04" {
			if ev.Location == nil || ev.Location.Name != "Geneva" || ev.Location.Origin != "dateline" {
				t.Errorf("location %+v", ev.Location)
			}
			return
		}
	}
	t.Errorf("no meeting in %+v", evs)
}

func TestCodesAreCAMEO(t *testing.T) {
	if err := event.CheckLexicon(); err != nil {
		t.Fatal(err)
	}
}

// TestConcurrent annotates documents from several goroutines with one
// coder: the results match a sequential run.
func TestConcurrent(t *testing.T) {
	texts := []string{
		"Britain and Sweden condemned Iran and Syria on Friday.",
		"Russian forces attacked Ukraine overnight.",
		"Egypt visited Sudan on Monday.",
	}
	want := make([]int, len(texts))
	for i, s := range texts {
		want[i] = len(code(t, s))
	}
	c := coder(t)
	errs := make(chan error, 30)
	for g := 0; g < 30; g++ {
		go func(g int) {
			d := docOf(texts[g%len(texts)])
			if err := c.Annotate(context.Background(), d); err != nil {
				errs <- err
				return
			}
			if len(d.Events) != want[g%len(texts)] {
				errs <- fmt.Errorf("%q: %d events, want %d", texts[g%len(texts)], len(d.Events), want[g%len(texts)])
				return
			}
			errs <- nil
		}(g)
	}
	for g := 0; g < 30; g++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestAnnouncedForce codes "will attack" as a threat, not an attack.
func TestAnnouncedForce(t *testing.T) {
	evs := code(t, "Iran will attack Israel if the strikes continue, its army said.")
	for _, ev := range evs {
		if ev.QuadClass == 4 {
			t.Errorf("announced attack coded as done: %s", ev.Code)
		}
		if ev.Code == "138" && cc(ev.Source) == "IRN" && cc(ev.Target) == "ISR" {
			return
		}
	}
	t.Errorf("no threat in %+v", evs)
}
