package quote_test

import (
	"testing"

	"github.com/dragoman-news/dragoman"
)

// Shapes from held-out batch 6 (docs/quality.md), in invented sentences.
func TestBatch6Shapes(t *testing.T) {
	t.Run("AccordingToAStatementFrom", func(t *testing.T) {
		body := "The two ports will share a customs office, according to a statement from the Latvian Transport Ministry."
		d := newDoc(body, entity(body, "e1", dragoman.Organization, "Latvian Transport Ministry", "LVAGOV"))
		check(t, annotate(t, d), []want{{kind: dragoman.Reported, text: "The two ports will share a customs office", speaker: "Latvian Transport Ministry", entity: "e1"}})
	})
	t.Run("AccordingToAPostByNameAndRole", func(t *testing.T) {
		body := "According to a post by Ines Bauer, director of the festival, the stage was built in a week."
		d := newDoc(body, entity(body, "e1", dragoman.Person, "Ines Bauer", ""))
		check(t, annotate(t, d), []want{{kind: dragoman.Reported, text: "the stage was built in a week", speaker: "Ines Bauer", entity: "e1"}})
	})
	t.Run("AppositiveNameAfterPossessiveTitle", func(t *testing.T) {
		body := "\"We saw no fraud at the polls,\" said its head, Irena Volk, a former Slovene judge."
		d := newDoc(body, entity(body, "e1", dragoman.Person, "Irena Volk", ""))
		check(t, annotate(t, d), []want{{kind: dragoman.Direct, speaker: "Irena Volk", entity: "e1"}})
	})
	t.Run("NameThenNowAppositive", func(t *testing.T) {
		body := "Former Chilean trade minister Tomas Ibarra Soto, now a lecturer at the University of Valparaiso, said the deal had stalled."
		d := newDoc(body, entity(body, "e1", dragoman.Person, "Tomas Ibarra Soto", ""))
		check(t, annotate(t, d), []want{{kind: dragoman.Reported, text: "the deal had stalled", speaker: "Tomas Ibarra Soto", entity: "e1"}})
	})
	t.Run("FrontedWithLowerCaseTitleThenName", func(t *testing.T) {
		body := "The main rail line is expected to stay closed until May, the rail operator Vaylix said."
		d := newDoc(body, entity(body, "e1", dragoman.Organization, "Vaylix", ""))
		check(t, annotate(t, d), []want{{kind: dragoman.Reported, text: "The main rail line is expected to stay closed until May", speaker: "Vaylix", entity: "e1"}})
	})
	t.Run("AddedThatWithTrailingPartial", func(t *testing.T) {
		body := "Berg spoke on Monday. He added that the dam would not open its gates in June, as it did last year, \"come what may.\""
		d := newDoc(body, entity(body, "e1", dragoman.Person, "Berg", ""))
		qs := annotate(t, d)
		found := false
		for _, q := range qs {
			t.Logf("got %s %q speaker=%v", q.Kind, q.Text, q.Speaker)
			if q.Kind == dragoman.Reported && len(q.Text) > 20 && q.Text[:20] == "the dam would not op" {
				found = true
			}
		}
		if !found {
			t.Fatal("no reported clause after \"added that\"")
		}
	})
	t.Run("ToldObjectOutsideThat", func(t *testing.T) {
		body := "Party leader Ana Ruiz told supporters outside the party's offices that the party would not accept \"a stolen count.\""
		d := newDoc(body, entity(body, "e1", dragoman.Person, "Ana Ruiz", ""))
		qs := annotate(t, d)
		found := false
		for _, q := range qs {
			t.Logf("got %s %q speaker=%v", q.Kind, q.Text, q.Speaker)
			if q.Kind == dragoman.Reported && len(q.Text) > 20 && q.Text[:20] == "the party would not " {
				found = true
			}
		}
		if !found {
			t.Fatal("no reported clause after \"told supporters outside … that\"")
		}
	})
	t.Run("SaidInStatementThatWithPartial", func(t *testing.T) {
		body := "The Organization of American States mission said in a preliminary statement that the vote had been \"calm and orderly,\" but noted delays."
		d := newDoc(body, entity(body, "e1", dragoman.Organization, "Organization of American States", "IGOWSTOAS"))
		qs := annotate(t, d)
		var dir, rep bool
		for _, q := range qs {
			t.Logf("got %s %q speaker=%v", q.Kind, q.Text, q.Speaker)
			if q.Speaker == nil || q.Speaker.Entity != "e1" {
				continue
			}
			if q.Kind == dragoman.Partial {
				dir = true
			}
			if q.Kind == dragoman.Reported && q.Text == "the vote had been \"calm and orderly,\"" {
				rep = true
			}
		}
		if !dir || !rep {
			t.Fatalf("direct %v reported %v by the OAS", dir, rep)
		}
	})
}
