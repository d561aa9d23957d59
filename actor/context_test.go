package actor_test

import (
	"context"
	"testing"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/actor"
)

// TestContextCountry pins where a bare title ("Foreign Minister NAME")
// takes its country from when the text names none next to it: the sides
// the text names, scoped to the sentence and the subjects of the
// sentences before, and only then the dateline.
func TestContextCountry(t *testing.T) {
	r, err := actor.New(actor.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, dateline, text string
		entity, actor        string
	}{
		// the sentence before opens with the side; the dateline is the other one
		{"SubjectOverDateline", "MTN",
			"Montenegro's Foreign Ministry expelled an Albanian diplomat on Monday.\n\nIn Tirana, Albanian Prime Minister Edi Rama called the move hostile and said Albania would answer. Hours later, the Foreign Ministry said Ambassador Arben Hoxha had been called home.\n\nForeign Minister Elira Dervishi told reporters the ministry would wait.",
			"Arben Hoxha", "ALBGOV"},
		{"SubjectOverDatelineNextParagraph", "MTN",
			"Montenegro's Foreign Ministry expelled an Albanian diplomat on Monday.\n\nIn Tirana, Albanian Prime Minister Edi Rama called the move hostile and said Albania would answer. Hours later, the Foreign Ministry said Ambassador Arben Hoxha had been called home.\n\nForeign Minister Elira Dervishi told reporters the ministry would wait.",
			"Elira Dervishi", "ALBGOV"},
		// the previous sentence's subject, not a country in its tail
		{"SubjectNotTail", "",
			"Mauritius has given a French company the contract, a choice that follows a contest between Paris and Beijing.\n\nTrade Minister Devika Ramsaran told reporters the work would start in May.",
			"Devika Ramsaran", "MUSGOV"},
		// not from a relative clause
		{"NotFromRelativeClause", "",
			"Fiji signed the deal on Monday. Its critics, who had long been courted by China, were joined by former president Ratu Kamikamica, who called the deal rushed.",
			"Ratu Kamikamica", "FJI"},
		// a place an official other than a diplomat is "in" is his country
		{"OfficialInPlace", "",
			"Australia said it was not consulted. The opposition leader in Honiara, Peter Kenilorea, rejected the deal.",
			"Peter Kenilorea", "SLBOPP"},
		// a title before the name, in an appositive
		{"ReversedLowerComplement", "",
			"The pact was signed by Fiji's police minister and Japan's vice minister of maritime affairs, Kenji Arakawa, after talks.",
			"Kenji Arakawa", "JPNGOV"},
		{"ReversedDelegationChief", "",
			"Talks resumed in Doha. The Sudanese government's delegation chief, Omar Siddiq, welcomed the deal.",
			"Omar Siddiq", "SDNGOV"},
		// a commission's officer belongs to the bloc named before
		{"CommissionOfBloc", "",
			"The Economic Community of West African States suspended Guinea on Monday.\n\n\"This must end,\" commission president Omar Touray told reporters.",
			"Omar Touray", "IGOWAFWAS"},
		// a demonym in another person's title is not the sentence's side
		{"NotFromAnotherPersonsTitle", "",
			"Mali's junta seized power in May. A team led by former Ghanaian president John Mahama will travel to Bamako. The junta's leader, General Moussa Diarra, rejected the plan.",
			"Moussa Diarra", "MLIMIL"},
		// "the army" near a venue: the side of the story, not the host
		{"ArmyNotOfVenue", "GNQ",
			"The African Union suspended Guinea-Bissau on Sunday.\n\nLeaders meeting in Malabo demanded the release of the president, held since the army seized power.",
			"Bissau-Guinean army", "GNBMIL"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := dragoman.Article{Body: c.text, Language: "en", Published: mustPublished(t, "2026-02-10")}
			if c.dateline != "" {
				a.Dateline = &dragoman.Dateline{Place: "X", CountryCode: c.dateline}
			}
			d := dragoman.NewDocument(a)
			if err := r.Annotate(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			checkSpans(t, d)
			e := findEntity(d, c.entity)
			if e == nil {
				dump(t, d)
				t.Fatalf("no entity %q", c.entity)
			}
			if e.Actor != c.actor {
				dump(t, d)
				t.Errorf("%q: actor %q, want %q", c.entity, e.Actor, c.actor)
			}
		})
	}
}

// TestFieldBeforeTitle: a capitalized field of work before a title
// qualifies the title and is no person of its own.
func TestFieldBeforeTitle(t *testing.T) {
	r, err := actor.New(actor.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := dragoman.Article{Body: "Economic Development Minister Hawwa Nashid told reporters on Tuesday that the port would open.", Language: "en", Published: mustPublished(t, "2026-02-10")}
	d := dragoman.NewDocument(a)
	if err := r.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	checkSpans(t, d)
	for _, e := range d.Entities {
		if e.Type == dragoman.Person && e.Name != "Hawwa Nashid" {
			dump(t, d)
			t.Errorf("person %q", e.Name)
		}
	}
	if e := findEntity(d, "Hawwa Nashid"); e == nil || len(e.Roles) == 0 || e.Roles[0].Title != "Economic Development Minister" {
		dump(t, d)
		t.Errorf("Hawwa Nashid: %+v", e)
	}
}
