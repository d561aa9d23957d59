package segment_test

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman/internal/shared"
)

// referenceBody reads the reference article and returns its body lines
// (everything after the "Summary" line) as paragraphs. The summary glued to
// the dateline stays glued: splitting it is the reader's job, and the
// segmenter must cope with it anyway.
func referenceBody(t testing.TB) string {
	dir := shared.Dir(t, "examples", "riyadh-talks")
	raw, err := os.ReadFile(filepath.Join(dir, "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) == "Summary" {
			lines = lines[i+1:]
			break
		}
	}
	var paras []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			paras = append(paras, l)
		}
	}
	return strings.Join(paras, "\n\n")
}

func TestReferenceArticle(t *testing.T) {
	d := annotate(t, referenceBody(t))
	checkInvariants(t, d)
	if len(d.Paragraphs) != 24 {
		t.Errorf("got %d paragraphs, want 24", len(d.Paragraphs))
	}
	// Every sentence was read and checked by hand; these pin the hard ones.
	if len(d.Sentences) != 32 {
		t.Errorf("got %d sentences, want 32", len(d.Sentences))
		for _, s := range d.Sentences {
			t.Logf("%d: %s", s.Paragraph, s.Text)
		}
	}
	sentences := sentenceTexts(d)
	for _, want := range []string{
		// Summary glued to the dateline: split after "allies.".
		"The first high-profile meeting with Moscow since the full-scale invasion of Ukraine has rattled Washington’s allies.",
		// Mismatched quotation marks, the closing one after the period.
		"Even before Middle East envoy Steve Witkoff, national security adviser Mike Waltz and Secretary of State Marco Rubio left for the talks here, Trump mused that his administration’s diplomacy might lead to a summit meeting between himself and Putin in Saudi Arabia in the “not too distant future.\"",
		// A quotation followed by the rest of the sentence.
		"“There were a lot of people at the table, but it didn’t work out,\" Kellogg said at a security conference in Europe on Saturday.",
		// Two sentences of one quotation, the break after the attribution.
		"“There is an argument that we shouldn’t meet with them while they’re continuing to smash the Ukrainians,\" Fried said, referring to Russia’s attacks on Ukraine.",
		"“It is more important that when we do talk, we maintain the firm position to not be suckers.\"",
		// "U.S." inside and at the start of a sentence.
		"Now the pendulum has swung to a new approach in which the U.S., but not European allies, will be directly involved.",
		// A middle initial and an e-mail address.
		"Write to Michael R. Gordon at michael.gordon@wsj.com",
	} {
		if !slices.Contains(sentences, want) {
			t.Errorf("missing sentence %q", want)
		}
	}
	tokens := tokenTexts(d)
	for _, want := range []string{"U.S.", "U.S.-Russian", "Minsk-2", "full-scale", "’s", "n’t", "michael.gordon@wsj.com", "R.", "—"} {
		if !slices.Contains(tokens, want) {
			t.Errorf("missing token %q", want)
		}
	}
}

// TestWikinewsInvariants segments the 2019 Wikinews articles and checks the
// span contract on each, and that no sentence runs absurdly long.
func TestWikinewsInvariants(t *testing.T) {
	bodies := wikinewsBodies(t)
	for i, body := range bodies {
		d := annotate(t, body)
		checkInvariants(t, d)
		for _, s := range d.Sentences {
			if n := s.TokenEnd - s.TokenStart; n > 150 {
				t.Errorf("article %d: a sentence of %d tokens: %.120q", i, n, s.Text)
			}
		}
	}
}

// wikinewsBodies reads the Wikinews articles from ../shared, skipping the
// test when they are absent.
func wikinewsBodies(tb testing.TB) []string {
	dir := shared.Dir(tb, "data", "wikinews-articles")
	bodies, err := loadWikinews(dir)
	if err != nil {
		tb.Fatal(err)
	}
	if len(bodies) == 0 {
		tb.Skipf("no articles in %s", dir)
	}
	return bodies
}

// loadWikinews reads the articles of the CSV files in dir, normalized to
// the body contract (paragraphs separated by one blank line).
func loadWikinews(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil {
		return nil, err
	}
	var bodies []string
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		for _, row := range rows[1:] {
			var paras []string
			for _, p := range strings.Split(row[len(row)-1], "\n") {
				if p = strings.TrimSpace(p); p != "" {
					paras = append(paras, p)
				}
			}
			bodies = append(bodies, strings.Join(paras, "\n\n"))
		}
	}
	return bodies, nil
}
