package quote_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/article"
	"github.com/dragoman-news/dragoman/internal/shared"
	"github.com/dragoman-news/dragoman/pipeline"
)

// Recorded baselines on the reference article: the test fails below them.
const (
	baselineRefDirect   = 10 // of 10 direct and partial quotations, with the right speaker
	baselineRefReported = 13 // of 13 pieces of reported speech, with the right speaker
)

type refExpected struct {
	People []struct {
		Name string   `json:"name"`
		Also []string `json:"also"`
	} `json:"people"`
	Organizations []struct {
		Name string   `json:"name"`
		Also []string `json:"also"`
	} `json:"organizations"`
	Direct []struct {
		Text    string `json:"text"`
		Speaker string `json:"speaker"`
		Kind    string `json:"kind"`
		Cue     string `json:"cue"`
	} `json:"direct_quotes"`
	Reported []struct {
		Speaker    string `json:"speaker"`
		StartsWith string `json:"content_starts_with"`
		Cue        string `json:"cue"`
	} `json:"reported_speech"`
}

// analyzeFile reads an article and runs the pipeline up to the quote stage.
func analyzeFile(t testing.TB, path string) *dragoman.Document {
	t.Helper()
	ctx := context.Background()
	a, err := article.ReadFile(ctx, path, article.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Options{Until: "quote"})
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Analyze(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestReferenceArticle(t *testing.T) {
	dir := shared.Dir(t, "examples", "riyadh-talks")
	raw, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp refExpected
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	names := map[string][]string{} // canonical name -> names it may be written as
	for _, p := range exp.People {
		names[p.Name] = append([]string{p.Name}, p.Also...)
	}
	for _, o := range exp.Organizations {
		names[o.Name] = append([]string{o.Name}, o.Also...)
	}
	matches := func(want string, got *dragoman.ActorRef) bool {
		if got == nil {
			return false
		}
		for _, n := range append(names[want], want) {
			if strings.EqualFold(n, got.Name) {
				return true
			}
		}
		return false
	}
	d := analyzeFile(t, filepath.Join(dir, "article.txt"))
	norm := func(s string) string { return strings.TrimRight(strings.TrimSpace(s), ".,") }

	direct := 0
	for _, e := range exp.Direct {
		var found *dragoman.Quote
		for i, q := range d.Quotes {
			if q.Kind != dragoman.Reported && norm(q.Text) == norm(e.Text) {
				found = &d.Quotes[i]
			}
		}
		switch {
		case found == nil:
			t.Logf("direct: missing %q", e.Text)
		case !matches(e.Speaker, found.Speaker):
			t.Logf("direct: %q: speaker %+v (%s), want %s", e.Text, found.Speaker, found.Attribution, e.Speaker)
		case e.Kind == "partial" && found.Kind != dragoman.Partial:
			t.Logf("direct: %q: kind %s, want partial", e.Text, found.Kind)
		default:
			direct++
		}
	}
	reported := 0
	for _, e := range exp.Reported {
		var found *dragoman.Quote
		for i, q := range d.Quotes {
			if q.Kind == dragoman.Reported && strings.HasPrefix(q.Text, e.StartsWith) {
				found = &d.Quotes[i]
			}
		}
		switch {
		case found == nil:
			t.Logf("reported: missing %q", e.StartsWith)
		case !matches(e.Speaker, found.Speaker):
			t.Logf("reported: %q: speaker %+v (%s), want %s", e.StartsWith, found.Speaker, found.Attribution, e.Speaker)
		case found.Cue == nil || found.Cue.Text != e.Cue:
			t.Logf("reported: %q: cue %v, want %s", e.StartsWith, found.Cue, e.Cue)
		default:
			reported++
		}
	}
	t.Logf("reference: %d/%d direct, %d/%d reported; %d quotes found, %d expected",
		direct, len(exp.Direct), reported, len(exp.Reported), len(d.Quotes), len(exp.Direct)+len(exp.Reported))
	if direct < baselineRefDirect {
		t.Errorf("direct quotations with the right speaker: %d, baseline %d", direct, baselineRefDirect)
	}
	if reported < baselineRefReported {
		t.Errorf("reported speech with the right speaker: %d, baseline %d", reported, baselineRefReported)
	}
}
