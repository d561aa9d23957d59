package sqlite

import (
	"strings"
	"testing"
)

func TestSnippet(t *testing.T) {
	for _, c := range []struct {
		body  string
		terms []string
		want  string
	}{
		{"The Storm came. Storms closed the port.", []string{"storm"}, "The [Storm] came. [Storms] closed the…"},
		{"Zürich and Ärzte: the zürich talks.", []string{"zürich", "ärzt"}, "[Zürich] and [Ärzte]: the [zürich] talks"},
		{"one two three four five six seven eight nine ten eleven twelve 2025 sanctions thirteen", []string{"2025", "sanction"},
			"…ten eleven twelve [2025] [sanctions] thirteen"},
		{"nothing here", []string{"storm"}, "nothing here"},
		{strings.Repeat("calm day. ", 100) + "A STORM and a storm surge. " + strings.Repeat("calm again. ", 200), []string{"storm"},
			"…day. A [STORM] and a [storm]…"},
		{strings.Repeat("unstormy ", 300) + "storms", []string{"storm"}, "…unstormy unstormy unstormy [storms]"},
	} {
		if got := snippet(c.body, c.terms, 6); got != c.want {
			t.Errorf("snippet(%q, %q) = %q, want %q", c.body, c.terms, got, c.want)
		}
	}
}
