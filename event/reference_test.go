package event_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/article"
	"github.com/dragoman-news/dragoman/internal/shared"
	"github.com/dragoman-news/dragoman/pipeline"
)

// expectedEvent is one event of the reference annotation.
type expectedEvent struct {
	ID              string   `json:"id"`
	Source          any      `json:"source"`
	Target          string   `json:"target"`
	AcceptTargets   []string `json:"accept_targets"`
	Symmetric       bool     `json:"symmetric"`
	Root            string   `json:"root"`
	AcceptCodes     []string `json:"accept_codes"`
	Where           string   `json:"where"`
	Date            string   `json:"date"`
	DateRange       []string `json:"date_range"`
	DateMonth       string   `json:"date_month"`
	Required        bool     `json:"required"`
	EvidenceContain string   `json:"evidence_contains"`
}

func analyseReference(t *testing.T) (*dragoman.Document, []expectedEvent) {
	t.Helper()
	dir := shared.Dir(t, "examples", "riyadh-talks")
	pub := time.Date(2025, 2, 18, 0, 0, 0, 0, time.UTC)
	a, err := article.ReadFile(context.Background(), filepath.Join(dir, "article.txt"), article.Options{Format: article.FormatText, Published: &dragoman.Published{Time: pub, Precision: dragoman.PrecisionDay}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Analyze(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Events []expectedEvent `json:"events"`
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	return d, exp.Events
}

func codesOf(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func country(a *dragoman.ActorRef) string {
	if a == nil || len(a.Actor) < 3 {
		return ""
	}
	return a.Actor[:3]
}

func in(s string, l []string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// matches reports whether ev satisfies the expectation x for source code
// src.
func matches(ev dragoman.Event, x expectedEvent, src string) bool {
	targets := append([]string{x.Target}, x.AcceptTargets...)
	s, tg := country(ev.Source), country(ev.Target)
	ok := s == src && in(tg, targets)
	if !ok && x.Symmetric {
		ok = tg == src && in(s, targets)
	}
	if !ok || ev.Root != x.Root {
		return false
	}
	if len(x.AcceptCodes) > 0 && !in(ev.Code, x.AcceptCodes) && !in(ev.Base, x.AcceptCodes) {
		return false
	}
	if x.EvidenceContain != "" && !strings.Contains(ev.Evidence.Text, x.EvidenceContain) {
		return false
	}
	if x.Where != "" && (ev.Location == nil || !strings.Contains(ev.Location.Name, x.Where)) {
		return false
	}
	if x.Date != "" && (ev.Date == nil || ev.Date.Value != x.Date) {
		return false
	}
	if x.DateMonth != "" && (ev.Date == nil || !strings.HasPrefix(ev.Date.Value, x.DateMonth)) {
		return false
	}
	if len(x.DateRange) == 2 {
		if ev.Date == nil || ev.Date.Expr < 0 {
			return false
		}
	}
	return true
}

func TestReferenceEvents(t *testing.T) {
	d, exp := analyseReference(t)
	for _, ev := range d.Events {
		t.Logf("%s s%d %s -> %s %s %s neg=%v mod=%q date=%v where=%v rep=%v :: %q", ev.ID, ev.Sentence, actor(ev.Source), actor(ev.Target), ev.Code, ev.Label, ev.Negated, ev.Modality, dateOf(ev), placeName(ev), ev.Reported, ev.Evidence.Text)
	}
	found := 0
	required := 0
	for _, x := range exp {
		if x.Required {
			required++
		}
		ok := false
		for _, src := range codesOf(x.Source) {
			got := false
			for _, ev := range d.Events {
				if matches(ev, x, src) {
					got = true
					break
				}
			}
			ok = got
			if !got {
				break
			}
		}
		switch {
		case ok:
			found++
		case x.Required:
			t.Errorf("required event %q not found", x.ID)
		default:
			t.Logf("optional event %q not found", x.ID)
		}
	}
	t.Logf("%d of %d reference events found (%d required)", found, len(exp), required)
	for _, ev := range d.Events {
		s, tg := country(ev.Source), country(ev.Target)
		if ev.QuadClass == 4 && (s == "USA" && tg == "RUS" || s == "RUS" && tg == "USA") {
			t.Errorf("material conflict between the USA and Russia: %s %q", ev.Code, ev.Evidence.Text)
		}
		if ev.Root == "08" && strings.Contains(ev.Evidence.Text, "concession") {
			t.Errorf("a concession coded from a negated sentence: %q", ev.Evidence.Text)
		}
	}
}

func actor(a *dragoman.ActorRef) string {
	if a == nil {
		return "-"
	}
	return a.Actor + "(" + a.Name + ")"
}

func dateOf(ev dragoman.Event) string {
	if ev.Date == nil {
		return "-"
	}
	return ev.Date.Value
}

func placeName(ev dragoman.Event) string {
	if ev.Location == nil {
		return "-"
	}
	return ev.Location.Name + "/" + ev.Location.Origin
}
