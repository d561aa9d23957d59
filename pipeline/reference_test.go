package pipeline_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/article"
	"github.com/dragoman-news/dragoman/internal/shared"
	"github.com/dragoman-news/dragoman/pipeline"
)

// expected is the part of the reference annotation this test reads.
type expected struct {
	People []struct {
		Name        string   `json:"name"`
		Also        []string `json:"also"`
		Actor       string   `json:"actor"`
		AcceptActor []string `json:"accept_actor"`
	} `json:"people"`
	DirectQuotes []struct {
		Text    string `json:"text"`
		Speaker string `json:"speaker"`
	} `json:"direct_quotes"`
	ReportedSpeech []struct {
		Speaker string `json:"speaker"`
		Starts  string `json:"content_starts_with"`
	} `json:"reported_speech"`
	Events []struct {
		ID          string          `json:"id"`
		Source      json.RawMessage `json:"source"`
		Target      string          `json:"target"`
		AcceptTgts  []string        `json:"accept_targets"`
		Symmetric   bool            `json:"symmetric"`
		Root        string          `json:"root"`
		AcceptCodes []string        `json:"accept_codes"`
		Required    bool            `json:"required"`
		Evidence    string          `json:"evidence_contains"`
	} `json:"events"`
	Dates []struct {
		Text       string          `json:"text"`
		ResolvesTo json.RawMessage `json:"resolves_to"`
	} `json:"dates"`
}

// TestReferenceArticle runs the whole pipeline on the reference report
// and checks it against the hand-made annotation: the people with their
// actor codes, every direct quotation and most reported speech with the
// right speaker, every required event, nothing the annotation forbids, and
// every date.
func TestReferenceArticle(t *testing.T) {
	dir := shared.Dir(t, "examples", "riyadh-talks")
	raw, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp expected
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	a, err := article.ReadFile(ctx, filepath.Join(dir, "article.txt"), article.Options{
		Published: &dragoman.Published{Time: time.Date(2025, 2, 18, 0, 0, 0, 0, time.UTC), Precision: dragoman.PrecisionDay},
	})
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Analyze(ctx, a)
	if err != nil {
		t.Fatal(err)
	}

	sameSpeaker := func(got *dragoman.ActorRef, want string) bool {
		if got == nil {
			return false
		}
		g, w := strings.ToLower(got.Name), strings.ToLower(want)
		if g == w || strings.Contains(w, g) || strings.Contains(g, w) {
			return true
		}
		gs, ws := strings.Fields(g), strings.Fields(w)
		return len(gs) > 0 && len(ws) > 0 && gs[len(gs)-1] == ws[len(ws)-1]
	}

	t.Run("People", func(t *testing.T) {
		for _, want := range exp.People {
			var found *dragoman.Entity
			for i := range d.Entities {
				if d.Entities[i].Name == want.Name {
					found = &d.Entities[i]
				}
			}
			if found == nil {
				t.Errorf("%s not found", want.Name)
				continue
			}
			accept := want.AcceptActor
			if len(accept) == 0 {
				accept = []string{want.Actor}
			}
			if found.Type != dragoman.Person || !slices.Contains(accept, found.Actor) {
				t.Errorf("%s: type %s actor %q, want PERSON %v", want.Name, found.Type, found.Actor, accept)
			}
		}
		for _, e := range d.Entities {
			if e.Type == dragoman.Person && slices.Contains([]string{"Tesla", "SpaceX", "X", "NATO", "State Department", "Trump administration"}, e.Name) {
				t.Errorf("%s typed as a person", e.Name)
			}
		}
	})

	t.Run("DirectQuotes", func(t *testing.T) {
		for _, want := range exp.DirectQuotes {
			head := strings.TrimRight(want.Text, ",. ")
			if len(head) > 40 {
				head = head[:40]
			}
			ok := false
			for _, q := range d.Quotes {
				if q.Kind != dragoman.Reported && strings.Contains(q.Text, head) && sameSpeaker(q.Speaker, want.Speaker) {
					ok = true
				}
			}
			if !ok {
				t.Errorf("direct quotation %q by %s not found with its speaker", head, want.Speaker)
			}
		}
	})

	t.Run("ReportedSpeech", func(t *testing.T) {
		good := 0
		for _, want := range exp.ReportedSpeech {
			for _, q := range d.Quotes {
				if q.Kind == dragoman.Reported && strings.HasPrefix(q.Text, want.Starts) && sameSpeaker(q.Speaker, want.Speaker) {
					good++
					break
				}
			}
		}
		t.Logf("reported speech: %d of %d with the right speaker", good, len(exp.ReportedSpeech))
		if good < 11 {
			t.Errorf("reported speech: %d of %d with the right speaker, want at least 11", good, len(exp.ReportedSpeech))
		}
	})

	country := func(r *dragoman.ActorRef) string {
		if r == nil || len(r.Actor) < 3 {
			return ""
		}
		return r.Actor[:3]
	}
	t.Run("Events", func(t *testing.T) {
		for _, want := range exp.Events {
			if !want.Required {
				continue
			}
			var sources []string
			var one string
			if json.Unmarshal(want.Source, &one) == nil {
				sources = []string{one}
			} else {
				json.Unmarshal(want.Source, &sources)
			}
			targets := append([]string{want.Target}, want.AcceptTgts...)
			for _, src := range sources {
				ok := false
				for _, ev := range d.Events {
					codeOK := ev.Root == want.Root && (len(want.AcceptCodes) == 0 || slices.Contains(want.AcceptCodes, ev.Code))
					s, tg := country(ev.Source), country(ev.Target)
					pairOK := s == src && slices.Contains(targets, tg)
					if want.Symmetric {
						pairOK = pairOK || tg == src && slices.Contains(targets, s)
					}
					sentence := ""
					if ev.Sentence >= 0 && ev.Sentence < len(d.Sentences) {
						sentence = d.Sentences[ev.Sentence].Text
					}
					if codeOK && pairOK && !ev.Negated && strings.Contains(sentence, want.Evidence) {
						ok = true
					}
				}
				if !ok {
					t.Errorf("event %s (%s -> %s, root %s, %q) not found", want.ID, src, want.Target, want.Root, want.Evidence)
				}
			}
		}
	})

	t.Run("MustNot", func(t *testing.T) {
		for _, ev := range d.Events {
			s, tg := country(ev.Source), country(ev.Target)
			if ev.Root >= "15" && ev.Root <= "20" && (s == "USA" && tg == "RUS" || s == "RUS" && tg == "USA") {
				t.Errorf("material conflict between the USA and Russia: %s %q", ev.Code, ev.Evidence.Text)
			}
			if strings.Contains(ev.Evidence.Text, "territorial concessions") && !ev.Negated && (ev.Root == "07" || ev.Root == "08" || ev.Root == "03") {
				t.Errorf("a territorial concession coded as happening: %s %q", ev.Code, ev.Evidence.Text)
			}
		}
	})

	t.Run("Dates", func(t *testing.T) {
		for _, want := range exp.Dates {
			var one string
			var rng []string
			json.Unmarshal(want.ResolvesTo, &one)
			json.Unmarshal(want.ResolvesTo, &rng)
			ok := false
			for _, x := range d.Dates {
				if x.Text != want.Text {
					continue
				}
				if one != "" && x.Value == one {
					ok = true
				}
				if len(rng) == 2 && x.Begin == rng[0] && x.End == rng[1] {
					ok = true
				}
			}
			if !ok {
				t.Errorf("date %q does not resolve to %s", want.Text, want.ResolvesTo)
			}
		}
	})
}
