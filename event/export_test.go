package event

import "github.com/dragoman-news/dragoman"

// HasTrigger reports whether text holds a word of the lexicon, a verb in
// any of its forms (speech verbs aside) or a nominal event, whatever its
// use.
func (c *Coder) HasTrigger(text string) bool {
	toks := tokenize(text, 0)
	for i := range toks {
		for _, f := range c.dict.verbs[toks[i].Up] {
			if f.block.name != "SAY" && f.block.name != "TELL" {
				return true // speech verbs are not action words
			}
		}
		if p, _ := c.nouns.longest(toks, i); p != nil {
			return true
		}
	}
	return false
}

// MainCountry is mainCountry for the tests.
func (c *Coder) MainCountry(d *dragoman.Document) string { return mainCountry(d, c.gaz) }
