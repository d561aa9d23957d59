package postgres

import (
	"strings"
	"testing"
)

func TestSnippet(t *testing.T) {
	body := `Negotiators resumed talks on grain exports in Geneva on Thursday after a pause of several months. Lavrov did not attend. The Kremlin welcomed the meeting, and Rubio said Washington would send a delegation to the next round of negotiations.`
	for _, tc := range []struct {
		tsquery string
		want    []string // in the snippet
		not     []string
	}{
		{`'lavrov'`, []string{"[Lavrov]"}, []string{"[Negotiators]"}},
		{`'negoti'`, []string{"[Negotiators]"}, nil},
		{`'negot':*`, []string{"[Negotiators]"}, nil},
		{`'grain' & 'export'`, []string{"[grain] [exports]"}, nil},
		{`'deleg' <-> 'round'`, []string{"[delegation]", "[round]", "…"}, []string{"[Negotiators]"}},
		{`'absent'`, []string{"Negotiators resumed", "…"}, []string{"["}},
	} {
		got := snippet(body, lexemes(tc.tsquery))
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("snippet for %s = %q, want %q in it", tc.tsquery, got, w)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(got, w) {
				t.Errorf("snippet for %s = %q, want no %q", tc.tsquery, got, w)
			}
		}
		if n := len(strings.Fields(got)); n > snippetWords+1 {
			t.Errorf("snippet for %s has %d words: %q", tc.tsquery, n, got)
		}
	}
	if got := snippet("One paragraph ends.\n\nThe grain follows.", lexemes(`'grain'`)); got != "One paragraph ends. The [grain] follows." {
		t.Errorf("snippet across paragraphs = %q", got)
	}
	if got := lexemes(`'o''brien' & !'x':*`); len(got) != 2 || got[0].text != "o'brien" || !got[1].prefix {
		t.Errorf("lexemes = %+v", got)
	}
}
