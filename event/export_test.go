package event

// HasTrigger reports whether text holds a word of the lexicon, a verb in
// any of its forms or a nominal event, whatever its use.
func (c *Coder) HasTrigger(text string) bool {
	toks := tokenize(text, 0)
	for i := range toks {
		if len(c.dict.verbs[toks[i].Up]) > 0 {
			return true
		}
		if p, _ := c.nouns.longest(toks, i); p != nil {
			return true
		}
	}
	return false
}
