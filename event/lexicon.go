package event

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dragoman-news/dragoman/cameo"
)

// CheckLexicon checks the built-in lexicon: every code it gives is a CAMEO
// event code, and its verbs and nouns reach all twenty roots.
func CheckLexicon() error {
	c, err := New(Options{})
	if err != nil {
		return err
	}
	roots := map[string]bool{}
	var bad []string
	check := func(code, where string) {
		for _, part := range strings.Split(code, ":") {
			if part == "" || part == "---" {
				continue
			}
			if !cameo.Valid(part) {
				bad = append(bad, fmt.Sprintf("%s in %s", part, where))
				continue
			}
			roots[cameo.Root(part)] = true
		}
	}
	for _, forms := range c.dict.verbs {
		for _, f := range forms {
			check(f.code, "verb "+strings.Join(f.words, " "))
			for _, p := range f.block.patterns {
				check(p.code, "pattern "+p.text)
			}
		}
	}
	for _, l := range c.nouns.byFirst {
		for _, p := range l {
			check(p.agent, "noun "+strings.Join(p.words, " "))
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return fmt.Errorf("codes that are not CAMEO: %s", strings.Join(bad, "; "))
	}
	var missing []string
	for r := 1; r <= 20; r++ {
		if k := fmt.Sprintf("%02d", r); !roots[k] {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("roots without a verb or noun: %s", strings.Join(missing, " "))
	}
	return nil
}
