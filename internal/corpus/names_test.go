package corpus_test

import (
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman/internal/corpus"
)

func TestNameKey(t *testing.T) {
	same := [][]string{
		{"Sergei Lavrov", "Sergey Lavrov", "SERGEI LAVROV", "sergei  lavrov"},
		{"Volodymyr Zelenskyy", "Volodymyr Zelensky"},
		{"Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"},
		{"The Kremlin", "Kremlin"},
		{"U.S.", "US"},
		{"O'Brien", "OBrien"},
	}
	for _, group := range same {
		for _, n := range group[1:] {
			if a, b := corpus.NameKey(group[0]), corpus.NameKey(n); a != b {
				t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q; want equal", group[0], a, n, b)
			}
		}
	}
	different := [][2]string{{"Sergei Lavrov", "Sergei Ivanov"}, {"Paris", "Parris Island"}, {"Ahmed", "Ahmad Shah"}}
	for _, p := range different {
		if corpus.NameKey(p[0]) == corpus.NameKey(p[1]) {
			t.Errorf("%q and %q share a key", p[0], p[1])
		}
	}
	if k := corpus.NameKey("  ,, "); k != "" {
		t.Errorf("NameKey of punctuation = %q", k)
	}
}

func TestSurname(t *testing.T) {
	for in, want := range map[string]string{
		"Sergei Lavrov":          corpus.NameKey("Lavrov"),
		"Martin Luther King Jr.": corpus.NameKey("King"),
		"Lavrov":                 "",
		"":                       "",
	} {
		if got := corpus.Surname(in); got != want {
			t.Errorf("Surname(%q) = %q, want %q", in, got, want)
		}
	}
}

const wire = `Foreign ministers of the two countries met in the capital on Tuesday and agreed to restore
embassy staff, reopen consulates and set up working groups on trade, energy and the release of prisoners,
officials said after four hours of talks that both sides described as useful but difficult.`

func TestMinHash(t *testing.T) {
	a := corpus.Sign(wire)
	if a.Similarity(corpus.Sign(wire)) != 1 {
		t.Errorf("a text is not identical to itself")
	}
	edited := strings.Replace(wire, "useful but difficult", "useful though difficult", 1)
	if s := a.Similarity(corpus.Sign(edited)); s < 0.7 {
		t.Errorf("a small edit: similarity %.2f, want >= 0.7 (a near-duplicate)", s)
	}
	other := corpus.Sign(`Heavy rain flooded streets in the port city overnight, cutting power to thousands of homes
and forcing the closure of schools, the mayor's office said, as forecasters warned of more storms this week.`)
	if s := a.Similarity(other); s > 0.2 {
		t.Errorf("unrelated texts: similarity %.2f", s)
	}
	shared := 0
	ab, eb := a.Bands(), corpus.Sign(edited).Bands()
	for i := range ab {
		if ab[i] == eb[i] {
			shared++
		}
	}
	if shared == 0 {
		t.Errorf("a near-duplicate shares no band: it would never be a candidate")
	}
	back, ok := corpus.ParseSignature(a.Bytes())
	if !ok || back != a {
		t.Errorf("signature does not survive encoding")
	}
	if _, ok := corpus.ParseSignature([]byte{1, 2, 3}); ok {
		t.Errorf("a short blob parsed as a signature")
	}
}
