package event

import (
	"strings"

	"github.com/dragoman-news/dragoman/cameo"
)

// Finding the source and target of a verb without a parse tree: the noun
// phrase just before the verb (past auxiliaries, adverbs, "about to" and
// parentheticals) is its subject; the first phrase after it that names an
// actor, before another clause begins, is its object.

// subject returns the actors of the subject of verb v, searching left from
// token `from` (normally v.start-1), and the token where the subject
// phrase starts (-1 when none).
func (s *sentence) subject(vi int, from int) ([]actorHit, int) {
	if s.news && vi >= 0 && from >= 2 && s.toks[from].Up == "BY" && strings.HasSuffix(s.toks[s.verbs[vi].head].Up, "ING") &&
		strings.HasSuffix(s.toks[from-1].Up, "ED") && classOf(s.toks[from-1].Up) == cContent && classOf(s.toks[from-2].Up) != cAux {
		// "Mexico responded by recalling its ambassador": the act is
		// done by the subject of the verb it explains; a name just before
		// that verb is its subject even after a list ("a rally, and Serbia")
		if ci := s.chunkOf[from-2]; ci >= 0 && s.chunks[ci].end == from-1 && s.chunks[ci].codable() {
			if h := s.filter(s.chunkHits(ci)); len(h) > 0 {
				return dedupe(h), s.chunks[ci].start
			}
		}
		return s.subject(vi, from-2)
	}
	if s.news && vi >= 0 && from >= 0 && s.toks[from].Up == "," && s.participle(vi) {
		if r := cameo.Root(s.verbs[vi].form.code); r == "02" || r >= "10" && r <= "13" {
			// "Mali expelled the envoy, accusing Sweden of...": the
			// sentence's first actor accuses, demands, urges, rejects
			return s.antecedent(from)
		}
		return nil, -1 // ", killing four": whose act is not said here
	}
	i := s.skipLeft(from)
	if i < 0 {
		return nil, -1
	}
	u := s.toks[i].Up
	if s.news && u == "," && vi >= 0 && s.participle(vi) {
		return nil, -1 // ", killing four": whose act is not said here
	}
	if u == "AND" || u == "OR" || u == "BUT" || (u == "," && vi > 0) {
		// coordinated verbs share the subject of the previous verb
		if vi > 0 {
			pv := s.verbs[vi-1]
			if pv.end <= i {
				if !s.news || s.plainVerbAfter(pv.end-1, i) < 0 {
					return s.subject(vi-1, pv.start-1)
				}
			}
		}
		if s.news {
			// "said Ethiopia respected the border and intended to hold
			// talks": the first verb is no event verb; its subject is the
			// actor just before it
			from := 0
			if vi > 0 && s.verbs[vi-1].end <= i {
				from = s.verbs[vi-1].end - 1
			}
			if k := s.plainVerbAfter(from, i); k > 0 {
				return s.subject(-1, k-1)
			}
		}
		return nil, -1
	}
	if classOf(u) == cPron && u != "US" && u != "ME" && s.mentAt[i] < 0 {
		return s.antecedent(i)
	}
	if s.news && i > 0 && s.mentAt[i] < 0 && (u == "COUNTRY" || u == "NATION" || u == "GOVERNMENT") {
		switch s.toks[i-1].Up {
		case "HIS", "HER", "ITS", "THEIR":
			// "said his country stood with Norway": the country of the
			// first actor named before it
			for k := 0; k < i-1; k++ {
				ci := s.chunkOf[k]
				if ci < 0 || !s.chunks[ci].codable() {
					continue
				}
				h := s.filter(s.chunkHits(ci))
				if len(h) == 0 || len(h[0].code) < 3 || h[0].code[:3] == "IGO" || h[0].code[:3] == "---" {
					k = s.chunks[ci].end - 1
					continue
				}
				c := h[0]
				c.code = c.code[:3]
				return []actorHit{c}, i - 1
			}
		}
	}
	if (u == "THAT" || u == "WHO" || u == "WHICH") && i > 0 {
		// "a speech by Vance that accused": the relative's antecedent
		i--
		if s.toks[i].Up == "," && i > 0 {
			i--
		}
	}
	ci := s.chunkOf[i]
	if ci < 0 || s.chunks[ci].end != i+1 {
		return nil, -1
	}
	if s.news && s.chunks[ci].actor >= 0 && s.mentions[s.chunks[ci].actor].place && s.chunks[ci].start >= 2 {
		if p := s.chunks[ci].start - 1; s.toks[p].Up == "IN" || s.toks[p].Up == "AT" {
			switch s.toks[p-1].Up {
			case "MEETING", "GATHERED", "GATHERING", "ASSEMBLED":
				// "leaders meeting in Malabo demanded": the city hosts them,
				// it does not speak; they are the body the article was about
				if s.lastSource != nil {
					a := *s.lastSource
					a.Span = nil
					return []actorHit{{code: a.Actor, mention: -1, start: -1, end: -1, external: &a}}, p - 1
				}
				return nil, -1
			}
		}
	}
	participle := s.news && vi >= 0 && s.participle(vi)
	members, start := s.groupLeft(ci)
	// climb a chain of prepositional phrases to its head: "the ambassadors
	// of Arnor", "Gollum centre of a diplomatic row between Radagast",
	// "Arnor on Thursday"
	chain := [][]int{members}
	starts := []int{start}
	for {
		k := start - 1
		if k < 1 || classOf(s.toks[k].Up) != cPrep {
			break
		}
		hc := s.chunkOf[k-1]
		if hc < 0 || s.chunks[hc].end != k {
			break
		}
		members, start = s.groupLeft(hc)
		chain = append(chain, members)
		starts = append(starts, start)
	}
	for c := len(chain) - 1; c >= 0; c-- {
		if participle && c < len(chain)-1 {
			break // "posted a message on Twitter blaming Iran": not Twitter
		}
		var end int
		last := chain[c][len(chain[c])-1]
		end = s.chunks[last].end
		hits := s.filter(s.resolveGroup(chain[c], end))
		if len(hits) > 0 {
			return dedupe(hits), starts[c]
		}
		if s.news && c == len(chain)-1 && s.namedOnly(chain[c]) {
			break // "The Aam Aadmi Party in Goa said": the party, not Goa
		}
	}
	return nil, starts[len(starts)-1]
}

// plainVerbAfter returns the last token in (from, to) that reads as a
// past-tense verb outside the lexicon ("respected"), when it comes right
// after a phrase with an actor, in the same clause as to; else -1.
func (s *sentence) plainVerbAfter(from, to int) int {
	for k := to - 1; k > from && k > to-12; k-- {
		switch s.toks[k].Up {
		case ",", ";", ":", "THAT", "WHICH", "WHO":
			return -1
		}
	}
	for k := to - 1; k > from; k-- {
		u := s.toks[k].Up
		if s.verbAt[k] >= 0 || s.mentAt[k] >= 0 || s.agentAt[k] >= 0 || classOf(u) != cContent || len(u) < 5 || !strings.HasSuffix(u, "ED") {
			continue
		}
		// the last such verb before the conjunction is the one it joins
		if ci := s.chunkOf[k-1]; ci >= 0 && s.chunks[ci].end == k && s.chunks[ci].codable() {
			return k
		}
		return -1
	}
	return -1
}

// namedOnly reports whether a list of phrases heads with a name the
// earlier stages know but that has no actor code.
func (s *sentence) namedOnly(members []int) bool {
	c := s.chunks[members[0]]
	return c.actor >= 0 && s.mentions[c.actor].codes[0] == "---"
}

// participle reports whether verb vi is an -ing form with no auxiliary
// before it ("a message blaming Iran", ", killing four"): its subject is
// not simply the phrase before it.
func (s *sentence) participle(vi int) bool {
	v := s.verbs[vi]
	if !strings.HasSuffix(s.toks[v.head].Up, "ING") || v.start == 0 {
		return false
	}
	switch classOf(s.toks[v.start-1].Up) {
	case cAux, cModal, cTo, cAdverb, cNeg:
		return false
	}
	return true
}

// antecedent resolves a pronoun subject at token i to the first actor of
// the sentence before it ("Ethiopia indicated it would act"); a plural
// pronoun takes the whole list ("Britain and Sweden have suggested they").
func (s *sentence) antecedent(i int) ([]actorHit, int) {
	plural, neuter, personal := false, false, false
	switch s.toks[i].Up {
	case "THEY", "THEM", "THEMSELVES", "WE":
		plural = true
	case "IT", "ITS", "ITSELF":
		neuter = true
	case "HE", "SHE", "HIM", "HER", "HIMSELF", "HERSELF":
		personal = s.news
	}
	if s.news {
		for k := 0; k < i; k++ {
			switch s.toks[k].Up {
			case "\"", "“", "”":
				return nil, -1 // the pronoun is inside a quotation, or after one
			}
		}
	}
	for k := 0; k < i; k++ {
		ci := s.chunkOf[k]
		if ci < 0 || !s.chunks[ci].codable() {
			continue
		}
		if s.news {
			if st := s.chunks[ci].start; st > 0 && classOf(s.toks[st-1].Up) == cPrep {
				k = s.chunks[ci].end - 1
				continue // "in French", "on Twitter": not a subject
			}
		}
		if plural {
			members, end := s.groupRight(ci)
			if h := s.filter(s.resolveGroup(members, end)); len(h) > 0 {
				return dedupe(h), s.chunks[ci].start
			}
			continue
		}
		if h := s.filter(s.chunkHits(ci)); len(h) > 0 {
			if neuter && fromContext(h) {
				continue // "officials said it killed nine": not the officials
			}
			if personal && !s.isPerson(&h[0]) {
				continue // "Texas authorities ... while she was visiting": a person
			}
			return dedupe(h), s.chunks[ci].start
		}
	}
	if s.news && neuter && s.lastSource != nil {
		// "Azerbaijan's foreign ministry says … In a statement, it calls
		// on Yerevan": the actor of the sentence before
		a := *s.lastSource
		a.Span = nil
		return []actorHit{{code: a.Actor, mention: -1, start: -1, end: -1, external: &a}}, i
	}
	return nil, -1
}

// filter gives, in news mode, actors known only by a role ("---GOV") the
// country of their context ("police" in a report from France: FRACOP),
// and drops them when there is none.
func (s *sentence) filter(h []actorHit) []actorHit {
	if !s.news {
		return h
	}
	out := h[:0]
	for _, x := range h {
		if strings.HasPrefix(x.code, "---") {
			if s.ctx == "" || len(x.code) <= 3 {
				continue
			}
			x.code = s.ctx + x.code[3:]
			x.ctx = true
		}
		out = append(out, x)
	}
	return out
}

// skipLeft moves left from token i over what may stand between a subject
// and its verb; it returns the first token that may not, or -1.
func (s *sentence) skipLeft(i int) int {
	for i >= 0 {
		t := s.toks[i]
		c := classOf(t.Up)
		switch {
		case s.mentAt[i] >= 0 || s.agentAt[i] >= 0:
			return i
		case c == cAux || c == cModal || c == cNeg || c == cAdverb:
			i--
		case c == cTo:
			// "is about to", "was seen to": the subject lies further left;
			// "called on Gondor to be allowed": the infinitive has none here
			if s.news && i >= 3 && classOf(s.toks[i-2].Up) == cPrep && timeWord[s.toks[i-1].Up] &&
				(allowedBeforeTo(s.toks[i-3]) || s.verbAt[i-3] >= 0) {
				i -= 4 // "agreed on Thursday to extend", "voted on Monday to demand"
				continue
			}
			if i == 0 || !(allowedBeforeTo(s.toks[i-1]) || s.verbAt[i-1] >= 0) {
				return -1
			}
			i--
		case t.Up == "ABOUT" && i+1 < len(s.toks) && s.toks[i+1].Up == "TO":
			i--
		case s.news && isQuote(t.Up) && i > 0 && classOf(s.toks[i-1].Up) == cContent && !isQuote(s.toks[i-1].Up):
			i-- // `Beijing "firmly opposes"`: a quotation that opens at the verb
		case c == cConj && i > 0 && classOf(s.toks[i-1].Up) == cAdverb && i+1 < len(s.toks) && classOf(s.toks[i+1].Up) == cAdverb:
			i-- // "heavily and unjustly"
		case i+1 < len(s.toks) && s.toks[i+1].Up == "TO" && c == cContent && t.Text[0] >= 'a' && t.Text[0] <= 'z':
			i-- // "seen to", "try to", "begun to"
		case s.verbAt[i] >= 0 && i+1 < len(s.toks) && s.toks[i+1].Up == "TO":
			i = s.verbs[s.verbAt[i]].start - 1
		case t.Up == ",":
			// a parenthetical: ", in remarks published on Monday,"
			k := i - 1
			for k >= 0 && i-k < 30 && s.toks[k].Up != "," {
				k--
			}
			if k < 0 || i-k >= 30 || i-k < 2 {
				return i
			}
			i = k - 1
		default:
			return i
		}
	}
	return -1
}

// object returns the actors of the object of verb v, searching right from
// token `from` (normally v.end).
func (s *sentence) object(vi int, from int) ([]actorHit, int) {
	var possessor []actorHit // "the House's decision", kept unless an actor follows
	pat := -1
	for i := from; i < len(s.toks); i++ {
		u := s.toks[i].Up
		if targetBarrier[u] {
			return possessor, pat
		}
		if s.news && isQuote(u) && i > 0 && s.toks[i-1].Up == "," {
			return possessor, pat // `audiences," said Sana Qureshi Malik`
		}
		if s.news && (u == "ACCORDING" || u == "TO" && !s.intentVerb && s.infinitiveAt(i+1)) {
			// "according to prosecutor Josh Bash": who said it; "was to
			// meet Monday to discuss Pierluisi's confirmation": another
			// clause
			return possessor, pat
		}
		if (u == "AND" || u == ",") && s.nextIsVerb(i+1) {
			return possessor, pat
		}
		if s.news && u == "AS" && i > from && s.toks[i-1].Up != "SUCH" && s.toks[i-1].Up != "WELL" && i+1 < len(s.toks) && s.toks[i+1].Up != "WELL" {
			// "condemned the launch as a violation of U.N. resolutions":
			// what it is called, not whom
			return possessor, pat
		}
		if s.news && u == "BY" && i-1 > from && reducedPassive(s.toks[i-1].Text) && classOf(s.toks[i-2].Up) != cAux {
			// "exchanged prisoners in a swap brokered by the UAE": the
			// agent of another verb, not the object of this one
			return possessor, pat
		}
		if u == "," && i+1 < len(s.toks) {
			// ", a senior official said": another clause
			if ci := s.chunkOf[i+1]; ci >= 0 && s.chunks[ci].start == i+1 && s.nextIsVerb(s.chunks[ci].end) {
				return possessor, pat
			}
		}
		ci := s.chunkOf[i]
		if ci < 0 || s.chunks[ci].start != i {
			continue
		}
		c := s.chunks[ci]
		if !c.codable() {
			// "the population of Gondor", "ties with Gondor": keep looking
			continue
		}
		if s.news && len(c.agents) == 0 && c.actor >= 0 && s.mentions[c.actor].end < c.end && s.toks[s.mentions[c.actor].end].Up == "'S" {
			// a possessor: the object unless an actor follows ("reset
			// Washington's relations with Moscow")
			if possessor == nil {
				possessor, pat = s.filter(s.chunkHits(ci)), i
			}
			continue
		}
		if s.news && i > 0 && s.setting(ci) {
			continue // "met in Riyadh", "praised him on Twitter": where, not whom
		}
		members, end := s.groupRight(ci)
		hits := s.filter(s.resolveGroup(members, end))
		if len(hits) > 0 && fromContext(hits) {
			// "mobilized troops along its border with Ukraine", "arrested
			// two men in Paris": a role with no country of its own is the
			// object only when no named actor follows, and never when it
			// is what the source moves or gives ("put their own troops")
			if s.themeObject || ownedBySubject(s.toks[c.start].Up) || !s.forceVerb && !s.nearObject(from, c.start) {
				continue
			}
			if vi >= 0 && c.start == from && blameBlock[s.verbs[vi].form.block.name] {
				// "accuses the government of selling assets to India": the
				// one accused is the direct object, not a name in the charge;
				// "the government" is the accuser's own when the country of
				// the sentence is only a place in the charge
				if subj, _ := s.subject(vi, s.verbs[vi].start-1); s.ctxPlace && len(subj) > 0 && len(subj[0].code) >= 3 {
					if _, ok := cameo.Country(subj[0].code[:3]); ok {
						for k := range hits {
							hits[k].code = subj[0].code[:3] + hits[k].code[3:]
						}
					}
				}
				return dedupe(hits), i
			}
			if possessor == nil {
				possessor, pat = dedupe(hits), i
			}
			continue
		}
		if len(hits) > 0 {
			return dedupe(hits), i
		}
	}
	return possessor, pat
}

// timeWord are the day and month names and the adverbs of time that may
// stand between a verb and its infinitive ("agreed on Thursday to").
var timeWord = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY
		JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER
		TODAY YESTERDAY TUESDAY'S FRIDAY'S`) {
		timeWord[w] = true
	}
}

func isQuote(u string) bool {
	switch u {
	case "\"", "“", "”", "‘", "’", "'":
		return true
	}
	return false
}

// infinitiveAt reports whether token i, after "to", reads as a verb: a
// lexicon verb, or a lower-case word that is no determiner, number or
// -ing form ("to discuss", not "to the talks", "to Ukraine").
func (s *sentence) infinitiveAt(i int) bool {
	if i >= len(s.toks) || s.mentAt[i] >= 0 || s.agentAt[i] >= 0 {
		return false
	}
	if s.verbAt[i] >= 0 {
		return true
	}
	t := s.toks[i]
	if t.Text == "" || !(t.Text[0] >= 'a' && t.Text[0] <= 'z') || classOf(t.Up) != cContent {
		return false
	}
	return !strings.HasSuffix(t.Up, "ING") && !strings.HasSuffix(t.Up, "S") && !strings.HasSuffix(t.Up, "ED")
}

// blameBlock names verb blocks whose direct object is the one blamed,
// whatever names the charge after it holds.
var blameBlock = map[string]bool{"ACCUSE": true, "CRITICIZE": true}

// nearObject reports whether a phrase at token at is the verb's own
// object: right after the verb (from), or after one preposition ("called
// for the safe zone for refugees": not the refugees).
func (s *sentence) nearObject(from, at int) bool {
	return at <= from || at == from+1 && classOf(s.toks[from].Up) == cPrep
}

// fromContext reports whether every actor of a phrase is a role that took
// the country of its context.
func fromContext(h []actorHit) bool {
	for _, x := range h {
		if !x.ctx {
			return false
		}
	}
	return true
}

// setting reports whether chunk ci names where something happened rather
// than to whom: a city after "in/at/near", a medium after "on/in".
func (s *sentence) setting(ci int) bool {
	c := s.chunks[ci]
	if c.start == 0 || c.actor < 0 {
		return false
	}
	prep := s.toks[c.start-1].Up
	m := s.mentions[c.actor]
	switch prep {
	case "IN", "AT", "NEAR", "DURING", "VIA", "THROUGH", "ON":
	default:
		return false
	}
	if m.place && prep != "ON" {
		return true
	}
	return len(m.codes) == 1 && strings.HasSuffix(m.codes[0], "MED") && (prep == "ON" || prep == "IN" || prep == "VIA" || prep == "THROUGH")
}

// nextIsVerb reports whether a verb follows token i past auxiliaries and
// adverbs ("and promised", "and has called").
func (s *sentence) nextIsVerb(i int) bool {
	for ; i < len(s.toks); i++ {
		if s.verbAt[i] >= 0 {
			return true
		}
		switch classOf(s.toks[i].Up) {
		case cAux, cModal, cNeg, cAdverb:
			continue
		}
		return false
	}
	return false
}

// byAgent returns the actors after "by" following a passive verb.
func (s *sentence) byAgent(from int) []actorHit {
	for i := from; i < len(s.toks) && i < from+10; i++ {
		u := s.toks[i].Up
		if targetBarrier[u] || u == "," || u == "WITH" || u == "ACCORDING" {
			return nil // "destroyed, with some estimates by the Red Cross"
		}
		if u == "BY" {
			h, _ := s.object(-1, i+1)
			return h
		}
	}
	return nil
}

// ownedBySubject reports a possessive determiner that gives a phrase to
// the clause's own subject ("their own troops", "its police").
func ownedBySubject(up string) bool {
	switch up {
	case "ITS", "THEIR", "HIS", "HER", "OUR", "MY", "YOUR":
		return true
	}
	return false
}

// reducedPassive reports whether a word is a lower-case past participle
// that opens a reduced relative clause ("a swap brokered by", "a ceasefire
// mediated by").
func reducedPassive(w string) bool {
	if strings.ToLower(w) != w {
		return false
	}
	return irregularParticiple[w] || len(w) >= 5 && strings.HasSuffix(w, "ed")
}

var irregularParticiple = map[string]bool{
	"led": true, "made": true, "held": true, "backed": true, "written": true, "drawn": true,
	"brought": true, "built": true, "taken": true, "given": true, "won": true, "run": true,
}
