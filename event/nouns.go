package event

import (
	"strings"

	"github.com/dragoman-news/dragoman/cameo"
	"github.com/dragoman-news/dragoman/gazetteer"
)

// Nominal events: "the talks", "Moscow's full-scale invasion of Ukraine",
// "a phone call Trump held with Putin", "a summit meeting between himself
// and Putin".

// lightVerbs carry a nominal event: "held talks", "a call Trump held with".
var lightVerbs = map[string]bool{
	"HOLD": true, "HOLDS": true, "HELD": true, "HOLDING": true, "HAD": true, "HAS": true, "HAVE": true,
	"MADE": true, "MAKE": true, "MAKES": true, "MAKING": true, "CONDUCTED": true, "CONDUCT": true,
	"LAUNCHED": true, "LAUNCH": true, "LAUNCHES": true, "BEGAN": true, "BEGIN": true, "STARTED": true,
	"CARRIED": true, "STAGED": true, "PLACED": true,
	"OPENED": true, "OPEN": true, "OPENS": true, "ANNOUNCED": true, "ORDERED": true, "MOUNTED": true,
	"USED": true, "USE": true, "USES": true, "USING": true, "FIRED": true,
}

// speechVerbs introduce reported speech: their subject speaks for a
// nominal event with no source of its own.
var speechVerbs = map[string]bool{
	"SAID": true, "SAYS": true, "SAY": true, "TOLD": true, "ADDED": true, "STATED": true,
	"ANNOUNCED": true, "WROTE": true, "DECLARED": true, "INSISTED": true, "MUSED": true, "SUGGESTED": true,
}

// nounEvents codes the nominal events of an analysed sentence.
func (st *docState) nounEvents(s *sentence, si int) {
	for i := 0; i < len(s.toks); i++ {
		if s.mentAt[i] >= 0 || s.verbAt[i] >= 0 || s.nameWord(i) {
			continue
		}
		p, n := st.c.nouns.longest(s.toks, i)
		if p == nil {
			continue
		}
		ci := s.chunkOf[i]
		if ci < 0 || s.chunkOf[i+n-1] != ci {
			continue
		}
		c := s.chunks[ci]
		// the noun heads its phrase, or an actor follows it ("a phone call
		// Trump held")
		after := i + n
		byPassive := after+1 < len(s.toks) && s.toks[after+1].Up == "BY" && reducedPassive(s.toks[after].Text)
		if after < c.end && s.mentAt[after] < 0 && !byPassive {
			continue
		}
		if i > 0 && metaphor[s.toks[i-1].Up] {
			i = after - 1
			continue // "economic war", "trade war", "price war"
		}
		flags := st.c.flags[p]
		sym := strings.Contains(flags, "sym")
		src, tgt, how := st.nounRoles(s, c, i, after, sym)
		if sym && src == nil && tgt == nil && byPassive {
			// "an agreement reached by the ministers of Armenia and
			// Azerbaijan": its makers are its parties
			if by := s.makers(after + 2); len(by) >= 2 {
				src, tgt, how = &by[0], &by[1], "by"
			}
		}
		if src == nil && tgt == nil && strings.Contains(flags, "meet") && st.lastMeet[0] != nil && s.definite(c, i) && !(c.end < len(s.toks) && copula[s.toks[c.end].Up]) {
			// "the Riyadh meeting" is the meeting told before; "the talks
			// were confidential" describes it and is no event
			a, b := *st.lastMeet[0], *st.lastMeet[1]
			a.Span, b.Span = nil, nil
			src = &actorHit{code: a.Actor, mention: -1, start: -1, end: -1, external: &a}
			tgt = &actorHit{code: b.Actor, mention: -1, start: -1, end: -1, external: &b}
		}
		if src == nil || src.code == "" {
			src, how = st.speakerFor(s, i), "speaker"
		}
		lo := c.start
		for lo < i && classOf(s.toks[lo].Up) == cDet {
			lo++
		}
		if src == nil || borrowedSource(how) || tgt == nil && !ownSource(how) {
			// with no target, a noun is coded only when the text says whose
			// action it is ("Russia's investigation", "police launched a
			// raid"), not for the subject of another verb ("police
			// condemned the attack") or the speaker of the sentence
			i = after - 1
			continue
		}
		st.add(s, si, p.agent, src, tgt, i, i+n, lo)
		if how == "pair" {
			st.add(s, si, p.agent, tgt, src, i, i+n, lo) // neither comes first
		}
		i = after - 1
	}
}

// ownSource reports whether nounRoles found the source of a noun in the
// words of the noun itself: a possessor or modifier, "by X", or the
// subject of a light verb ("held talks", "launched an investigation").
func ownSource(how string) bool {
	return how == "modifier" || how == "by" || how == "light" || how == "pair"
}

// borrowedSource reports a source taken from the subject of another
// verb ("police condemned the attack on the mosque"): never the noun's.
func borrowedSource(how string) bool { return how == "verb" }

// metaphor are modifiers that make a noun of force a figure of speech.
var metaphor = map[string]bool{
	"ECONOMIC": true, "TRADE": true, "PRICE": true, "TARIFF": true, "CURRENCY": true, "CULTURE": true,
	"CULTURAL": true, "BIDDING": true, "TURF": true, "LEGAL": true, "POLITICAL": true, "PROPAGANDA": true,
	"INFORMATION": true, "CYBER": true, "WORD": true, "PUBLICITY": true, "CHARM": true, "HUNGER": true,
}

// nounRoles finds the source and target of a noun at tokens [a, b) of
// chunk c, and says where the source came from: "modifier", "by",
// "light", "verb" (the subject of a lexicon verb before the phrase),
// "pair" (a hyphenated pair of nations, each side acting on the other).
func (st *docState) nounRoles(s *sentence, c chunk, a, b int, sym bool) (src, tgt *actorHit, how string) {
	// a possessor or modifier inside the phrase: "Moscow's invasion",
	// "U.S. sanctions"; a city there is a place ("the Riyadh meeting")
	for k := c.start; k < a; k++ {
		mi := s.mentAt[k]
		if mi < 0 {
			continue
		}
		m := s.mentions[mi]
		poss := m.end < len(s.toks) && s.toks[m.end].Up == "'S"
		if m.place && !poss {
			k = m.end - 1
			continue
		}
		h := s.chunkHits(s.chunkOf[k])
		for _, x := range h {
			if x.mention == mi {
				x := x
				src = &x
				break
			}
		}
		if src == nil && len(h) > 0 {
			src = &h[0]
		}
		if src != nil {
			how = "modifier"
		}
		break
	}
	j := b
	// "a phone call Trump held with Putin"
	if j < len(s.toks) && s.mentAt[j] >= 0 {
		m := s.mentions[s.mentAt[j]]
		if m.end+1 < len(s.toks) && lightVerbs[s.toks[m.end].Up] && s.toks[m.end+1].Up == "WITH" {
			if h := s.filter(s.chunkHits(s.chunkOf[j])); len(h) > 0 && src == nil {
				src, how = &h[0], "light"
			}
			if g := s.groupAfter(m.end + 2); len(g) > 0 {
				tgt = &g[0]
			}
			return src, tgt, how
		}
	}
	if j < len(s.toks) {
		switch s.toks[j].Up {
		case "BETWEEN":
			x, y := s.pairAfter(j + 1)
			if x != nil && y != nil {
				if src == nil {
					return x, y, "modifier"
				}
				if sameCountry(src.code, x.code) {
					return src, y, how
				}
				return src, x, how
			}
		case "OF", "ON", "AGAINST", "WITH", "TO", "INTO", "TOWARD", "TOWARDS", "UPON":
			if g := s.groupAfter(j + 1); len(g) > 0 {
				tgt = &g[0]
			}
		case "BY":
			if g := s.groupAfter(j + 1); len(g) > 0 && src == nil {
				src, how = &g[0], "by"
			}
		}
	}
	if sym && src == nil && tgt == nil {
		// "clashes along the Kyrgyz-Tajik border": the two nations of a
		// hyphenated pair of adjectives in the noun's clause
		if x, y := st.hyphenPair(s, b); x != nil {
			return x, y, "pair"
		}
	}
	if src == nil && c.start > 0 {
		// "held talks with", "launched an attack on": the subject of the
		// light verb before the phrase
		k := c.start - 1
		if lightVerbs[s.toks[k].Up] || s.verbAt[k] >= 0 {
			if h, _ := s.subjectAt(k); len(h) > 0 {
				src, how = &h[0], "verb"
				if lightVerbs[s.toks[k].Up] && s.verbAt[k] < 0 {
					how = "light"
				}
			}
		}
	}
	return src, tgt, how
}

// hyphenPair finds, from token i to the end of its clause, a word like
// "Kyrgyz-Tajik" whose two halves name two different countries.
func (st *docState) hyphenPair(s *sentence, i int) (*actorHit, *actorHit) {
	country := func(w string) string {
		if st.c.gaz == nil {
			return ""
		}
		c := ""
		for _, m := range st.c.gaz.Scan(w) {
			if m.Start == 0 && m.End == len(w) && len(m.Entries) > 0 {
				if e := m.Entries[0]; e.Kind == gazetteer.KindCountry || e.Kind == gazetteer.KindDemonym {
					c = e.Code
				}
			}
		}
		if len(c) != 3 {
			return ""
		}
		if _, ok := cameo.Country(c); !ok {
			return ""
		}
		return c
	}
	for k := i; k < len(s.toks) && k < i+12; k++ {
		u := s.toks[k].Up
		if s.verbAt[k] >= 0 || classOf(u) == cPunct {
			break
		}
		parts := strings.Split(s.toks[k].Text, "-")
		if len(parts) != 2 {
			continue
		}
		a, b := country(parts[0]), country(parts[1])
		if a == "" || b == "" || sameCountry(a, b) {
			continue
		}
		return &actorHit{code: a, mention: -1, start: k, end: k + 1}, &actorHit{code: b, mention: -1, start: k, end: k + 1}
	}
	return nil, nil
}

// subjectAt is subject() for a word that need not be a lexicon verb.
func (s *sentence) subjectAt(k int) ([]actorHit, int) {
	vi := s.verbAt[k]
	if vi >= 0 {
		return s.subject(vi, s.verbs[vi].start-1)
	}
	return s.subject(-1, k-1)
}

// groupAfter returns the actors of the first phrase starting at token i,
// past determiners.
func (s *sentence) groupAfter(i int) []actorHit {
	if i >= len(s.toks) {
		return nil
	}
	ci := s.chunkOf[i]
	if ci < 0 || s.chunks[ci].start != i || !s.chunks[ci].codable() {
		return nil
	}
	members, end := s.groupRight(ci)
	return dedupe(s.filter(s.resolveGroup(members, end)))
}

// pairAfter reads "X and Y" after "between": reflexives stand for the
// first actor of the sentence, "the two nations" for the last two
// countries named.
func (s *sentence) pairAfter(i int) (*actorHit, *actorHit) {
	if i+2 < len(s.toks) && s.toks[i].Up == "THE" && s.toks[i+1].Up == "TWO" {
		var codes []actorHit
		for k := i - 1; k >= 0 && len(codes) < 2; k-- {
			if mi := s.mentAt[k]; mi >= 0 {
				m := s.mentions[mi]
				if len(m.codes) == 0 || len(m.codes[0]) < 3 {
					continue
				}
				if ci := s.chunkOf[m.start]; ci >= 0 && m.end < s.chunks[ci].end && s.toks[m.end].Up != "'S" {
					k = m.start
					continue // "the Ukraine conflict": a modifier, not a nation
				}
				h := actorHit{code: m.codes[0][:3], mention: mi, start: m.start, end: m.end}
				if len(codes) == 1 && sameCountry(codes[0].code, h.code) {
					continue
				}
				codes = append(codes, h)
				k = m.start
			}
		}
		if len(codes) == 2 {
			return &codes[1], &codes[0]
		}
		return nil, nil
	}
	one := func(k int) (*actorHit, int) {
		if k >= len(s.toks) {
			return nil, k
		}
		switch s.toks[k].Up {
		case "HIMSELF", "HERSELF", "THEMSELVES", "ITSELF":
			h, _ := s.reflexive(k)
			if len(h) > 0 {
				return &h[0], k + 1
			}
			return nil, k + 1
		}
		ci := s.chunkOf[k]
		if ci < 0 || s.chunks[ci].start != k {
			return nil, k
		}
		h := s.filter(s.chunkHits(ci))
		if len(h) == 0 {
			return nil, s.chunks[ci].end
		}
		return &h[0], s.chunks[ci].end
	}
	x, next := one(i)
	if x == nil || next >= len(s.toks) || s.toks[next].Up != "AND" {
		return nil, nil
	}
	y, _ := one(next + 1)
	return x, y
}

// definite reports whether a nominal event refers back to one already
// told: "the talks", "the Riyadh meeting".
func (s *sentence) definite(c chunk, noun int) bool {
	return c.start < noun && (s.toks[c.start].Up == "THE" || s.toks[c.start+1].Up == "'S")
}

// reflexive resolves "himself" to the speaker of the sentence ("Trump
// mused that ... between himself and Putin"), else to its first actor.
func (s *sentence) reflexive(k int) ([]actorHit, int) {
	for j := k - 1; j > 0; j-- {
		if speechVerbs[s.toks[j].Up] {
			if h, at := s.subject(-1, j-1); len(h) > 0 {
				return h, at
			}
		}
	}
	return s.antecedent(k)
}

// speakerFor returns who speaks for a nominal event at token i: the
// speaker of the quotation holding it, else the subject of the sentence's
// speech verb ("Lavrov said there could be no thought of...").
func (st *docState) speakerFor(s *sentence, i int) *actorHit {
	if q := st.quoteAt(s.toks[i].Start); q != nil && q.Speaker != nil {
		code := q.Speaker.Actor
		if code == "" && q.Speaker.Name != "" {
			if hs := st.c.gaz.Holders(q.Speaker.Name, st.pub); len(hs) > 0 {
				code = hs[0].Actor
			}
		}
		if code != "" {
			r := *q.Speaker
			r.Span = nil
			return &actorHit{code: code, mention: -1, start: -1, end: -1, external: &r}
		}
	}
	for k := 0; k < i; k++ {
		if speechVerbs[s.toks[k].Up] {
			if h, _ := s.subject(-1, k-1); len(h) > 0 {
				return &h[0]
			}
		}
	}
	return nil
}

// copula are the verbs after which a noun phrase is described rather than
// acted ("the talks were confidential").
var copula = map[string]bool{"IS": true, "ARE": true, "WAS": true, "WERE": true, "REMAIN": true, "REMAINS": true, "REMAINED": true, "SEEMED": true, "APPEARED": true}

// makers returns the distinct actors named from token i to the end of the
// phrase ("deputy prime ministers Mher Grigoryan of Armenia and Shahin
// Mustafayev of Azerbaijan at talks"): a list, its members' "of X" kept.
func (s *sentence) makers(i int) []actorHit {
	var out []actorHit
	for k := i; k < len(s.toks) && k < i+20; k++ {
		u := s.toks[k].Up
		if targetBarrier[u] || u == "," || u == "AT" || u == "IN" || u == "ON" || u == "DURING" || s.verbAt[k] >= 0 {
			break
		}
		ci := s.chunkOf[k]
		if ci < 0 || s.chunks[ci].start != k {
			continue
		}
		for _, h := range s.filter(s.chunkHits(ci)) {
			if h.ctx {
				continue // "the prime ministers of X and Y": the countries say whose
			}
			dup := false
			for _, o := range out {
				dup = dup || sameCountry(o.code, h.code)
			}
			if !dup {
				out = append(out, h)
			}
		}
	}
	return out
}
