package event

import (
	"strings"

	"github.com/dragoman-news/dragoman"

	"github.com/dragoman-news/dragoman/cameo"
)

// rawEvent is one coded triple with the words it came from, before it is
// turned into a dragoman.Event.
type rawEvent struct {
	source  actorHit
	target  *actorHit
	code    string
	verb    int // index into sentence.verbs
	pattern *pattern
}

// codeOptions are the switches of one coding run.
type codeOptions struct {
	requireDyad bool
}

// binding holds what a pattern's $, + and % matched.
type binding struct {
	src, tgt, comp          []actorHit
	srcSet, tgtSet, compSet bool
	tgtPre, compPre         bool
	leftmost                int // leftmost token the pattern used before the verb
}

// discarded returns "sentencediscard" or "storydiscard" when the sentence
// holds a discard phrase.
func (s *sentence) discarded(d *Dictionaries) string {
	for _, dc := range d.discards {
		n := len(dc.words)
		for i := 0; i+n <= len(s.toks); i++ {
			ok := true
			for k, w := range dc.words {
				if s.toks[i+k].Up != w {
					ok = false
					break
				}
			}
			if ok {
				if dc.story {
					return "storydiscard"
				}
				return "sentencediscard"
			}
		}
	}
	return ""
}

// code finds the events of an analysed sentence.
func (s *sentence) code(d *Dictionaries, opt codeOptions) []rawEvent {
	var out []rawEvent
	for vi, v := range s.verbs {
		b, p, form := s.bestPattern(d, v)
		code := form.code
		if p != nil {
			code = p.code
		}
		if code == "" || code == "---" {
			continue
		}
		fwd, back := code, ""
		if k := strings.IndexByte(code, ':'); k >= 0 {
			fwd, back = code[:k], code[k+1:]
		}
		var src, tgt []actorHit
		switch {
		case b.srcSet:
			src = b.src
		case b.compSet && b.compPre:
			src = b.comp
		default:
			from := v.start - 1
			if b.tgtSet && b.tgtPre {
				from = b.leftmost - 1
			}
			src, _ = s.subject(vi, from)
			if s.news && (len(src) == 0 || fromContext(src)) {
				if two := s.twoSides(from); two != nil {
					src = two
				}
			}
		}
		switch {
		case b.tgtSet:
			tgt = b.tgt
		case b.compSet && !b.compPre:
			tgt = b.comp
		case b.srcSet:
			tgt, _ = s.subject(vi, v.start-1)
		default:
			s.themeObject = themeCode(fwd)
			s.intentVerb = cameo.Root(fwd) == "03" || cameo.Root(fwd) == "13" || cameo.Root(fwd) == "05"
			s.forceVerb = cameo.Root(fwd) >= "17"
			var at int
			tgt, at = s.object(vi, v.end)
			s.themeObject, s.intentVerb, s.forceVerb = false, false, false
			if s.news {
				// "urged both governments", "told the two sides": the
				// last two countries named, as for a subject
				if n := s.pairObjectNoun(v.end); n >= 0 {
					if two := s.twoSides(n); two != nil {
						tgt = two
					}
				}
			}
			if s.news && at != v.end && v.end < len(s.toks) && objectPronoun[s.toks[v.end].Up] && s.participle(vi) {
				tgt = nil
				// "ordered the envoy to leave, accusing him of …": the
				// pronoun of a participle clause no earlier stage resolved
				// is the object of the event before it
				for k := len(out) - 1; k >= 0; k-- {
					if out[k].target != nil && out[k].verb < vi {
						tgt = []actorHit{*out[k].target}
						if s.toks[v.end].Up == "BOTH" || s.toks[v.end].Up == "THEM" {
							for j := k - 1; j >= 0 && out[j].target != nil && out[j].verb < vi && out[j].verb != out[k].verb && out[j].source.code == out[k].source.code; j-- {
								tgt = append(tgt, *out[j].target)
							}
						}
						break
					}
				}
			}
		}
		if s.news && len(tgt) == 0 && len(src) > 0 && (fwd == "039" || fwd == "045" || p != nil && strings.Contains(p.text, "HOST")) {
			// "Brazil has offered to host talks", "Qatar offered to
			// mediate": between the last two countries named, the host
			// aside
			tgt = s.sidesBut(v.start, src[0].code)
		}
		if v.passive && !b.srcSet {
			by := s.byAgent(v.end)
			switch {
			case p == nil && len(by) > 0:
				subj, _ := s.subject(vi, v.start-1)
				src, tgt = by, subj
			case s.news && len(by) == 0:
				// "the team had been denied visas to enter the United
				// States": the subject suffered the action; who did it is
				// not said, unless only one kind of actor does it ("he was
				// arrested": the police; "she was sentenced": a court)
				imp := s.impliedAgent(fwd, v)
				if imp == nil {
					continue
				}
				subj, _ := s.subject(vi, v.start-1)
				src, tgt = []actorHit{*imp}, subj
			}
		}
		emit := func(a actorHit, t *actorHit, c string) {
			if c == "" || c == "---" {
				return
			}
			if t != nil && t.code == a.code && !s.distinct(&a, t) {
				return
			}
			out = append(out, rawEvent{source: a, target: t, code: c, verb: vi, pattern: p})
		}
		if len(tgt) == 0 && len(src) >= 2 && (b.compSet || back != "" || s.news && mutualBlock[form.block.name] && cameo.Root(fwd) <= "08") {
			// "Gondor and Osgiliath have renewed ties": each with the other
			for i := range src {
				for j := range src {
					if i != j {
						t := src[j]
						emit(src[i], &t, fwd)
					}
				}
			}
			continue
		}
		for _, a := range src {
			if len(tgt) == 0 {
				if !opt.requireDyad {
					emit(a, nil, fwd)
				}
				continue
			}
			for _, t := range tgt {
				t := t
				emit(a, &t, fwd)
				if back != "" && !(s.news && t.mention >= 0 && s.mentions[t.mention].place) {
					emit(t, &a, back) // a city visited hosts nobody
				}
			}
		}
		if len(src) == 0 && !opt.requireDyad {
			for _, t := range tgt {
				t := t
				emit(actorHit{code: "---", mention: -1, start: -1, end: -1}, &t, fwd)
			}
		}
	}
	return out
}

// bestPattern returns the most specific pattern of the verb's block that
// matches, with what it bound.
func (s *sentence) bestPattern(d *Dictionaries, v verbHit) (binding, *pattern, *verbForm) {
	forms := append([]*verbForm{v.form}, v.alts...)
	for _, f := range forms {
		for _, p := range f.block.patterns {
			b := binding{leftmost: v.start}
			if s.matchPre(d, p.pre, 0, v.start-1, &b) && s.matchPost(d, p.post, 0, v.end, &b) {
				return b, p, f
			}
		}
	}
	for _, f := range forms {
		if f.code != "" && f.code != "---" {
			return binding{}, nil, f
		}
	}
	return binding{}, nil, v.form
}

func (s *sentence) matchPost(d *Dictionaries, els []pelem, k, pos int, b *binding) bool {
	if k == len(els) {
		return true
	}
	e := els[k]
	last := len(s.toks) - 1
	if e.adj || e.kind == pSkip {
		last = pos
	}
	for p := pos; p <= last && p < len(s.toks); p++ {
		switch e.kind {
		case pWord:
			if s.toks[p].Up == e.word && s.matchPost(d, els, k+1, p+1, b) {
				return true
			}
		case pSynset:
			for _, m := range d.members(e.word) {
				if s.wordsAt(m, p) && s.matchPost(d, els, k+1, p+len(m), b) {
					return true
				}
			}
		case pSource, pTarget, pCompound:
			ci := s.chunkOf[p]
			if ci < 0 || s.chunks[ci].start != p || !s.chunks[ci].codable() {
				continue
			}
			members, end := s.groupRight(ci)
			hits := dedupe(s.resolveGroup(members, end))
			if len(hits) == 0 {
				continue
			}
			save := *b
			b.set(e.kind, hits, false)
			if s.matchPost(d, els, k+1, end, b) {
				return true
			}
			*b = save
		case pSkip:
			q := p
			if classOf(s.toks[q].Up) == cPrep && q+1 < len(s.toks) {
				q++
			}
			ci := s.chunkOf[q]
			if ci < 0 {
				continue
			}
			if s.matchPost(d, els, k+1, s.chunks[ci].end, b) {
				return true
			}
		}
	}
	return false
}

func (s *sentence) matchPre(d *Dictionaries, els []pelem, k, pos int, b *binding) bool {
	if k == len(els) {
		return true
	}
	e := els[k]
	first := 0
	if e.adj || e.kind == pSkip {
		first = pos
	}
	for p := pos; p >= first && p >= 0; p-- {
		switch e.kind {
		case pWord:
			if s.toks[p].Up == e.word {
				save := b.leftmost
				if p < b.leftmost {
					b.leftmost = p
				}
				if s.matchPre(d, els, k+1, p-1, b) {
					return true
				}
				b.leftmost = save
			}
		case pSynset:
			for _, m := range d.members(e.word) {
				st := p - len(m) + 1
				if st >= 0 && s.wordsAt(m, st) {
					save := b.leftmost
					if st < b.leftmost {
						b.leftmost = st
					}
					if s.matchPre(d, els, k+1, st-1, b) {
						return true
					}
					b.leftmost = save
				}
			}
		case pSource, pTarget, pCompound:
			ci := s.chunkOf[p]
			if ci < 0 || s.chunks[ci].end != p+1 || !s.chunks[ci].codable() {
				continue
			}
			members, start := s.groupLeft(ci)
			hits := dedupe(s.resolveGroup(members, p+1))
			if len(hits) == 0 {
				continue
			}
			save := *b
			b.set(e.kind, hits, true)
			if start < b.leftmost {
				b.leftmost = start
			}
			if s.matchPre(d, els, k+1, start-1, b) {
				return true
			}
			*b = save
		case pSkip:
			ci := s.chunkOf[p]
			if ci < 0 {
				continue
			}
			if s.matchPre(d, els, k+1, s.chunks[ci].start-1, b) {
				return true
			}
		}
	}
	return false
}

func (b *binding) set(kind byte, hits []actorHit, pre bool) {
	switch kind {
	case pSource:
		b.src, b.srcSet = hits, true
	case pTarget:
		b.tgt, b.tgtSet, b.tgtPre = hits, true, pre
	case pCompound:
		b.comp, b.compSet, b.compPre = hits, true, pre
	}
}

// wordsAt reports whether words occur at token i.
func (s *sentence) wordsAt(words []string, i int) bool {
	if i < 0 || i+len(words) > len(s.toks) {
		return false
	}
	for k, w := range words {
		if s.toks[i+k].Up != w {
			return false
		}
	}
	return true
}

// members returns the members of a synset, nested synsets expanded.
func (d *Dictionaries) members(name string) [][]string {
	if m, ok := d.flat[name]; ok {
		return m
	}
	return d.expandSynset(name, 0)
}

func (d *Dictionaries) expandSynset(name string, depth int) [][]string {
	if depth > 4 {
		return nil
	}
	var out [][]string
	for _, m := range d.synsets[name] {
		if len(m) == 1 && strings.HasPrefix(m[0], "&") {
			out = append(out, d.expandSynset(m[0], depth+1)...)
			continue
		}
		out = append(out, m)
	}
	return out
}

// impliedRoles names the actor a passive of coercion implies when it
// names none: who arrests, who sentences, who deports.
var impliedRoles = []struct{ prefix, typ, name string }{
	{"ARREST", "COP", "police"}, {"DETAIN", "COP", "police"}, {"TAKEN", "COP", "police"},
	{"CHARGED", "JUD", "prosecutors"}, {"INDICTED", "JUD", "prosecutors"}, {"PROSECUTED", "JUD", "prosecutors"},
	{"CONVICTED", "JUD", "a court"}, {"SENTENCED", "JUD", "a court"}, {"JAILED", "JUD", "a court"},
	{"IMPRISONED", "JUD", "a court"}, {"FINED", "JUD", "a court"},
	{"DEPORTED", "GOV", "the authorities"}, {"EXPELLED", "GOV", "the authorities"}, {"EXTRADITED", "GOV", "the authorities"},
	// a bid, offer or request turned down: the government it was put to
	{"REJECTED", "GOV", "the government"}, {"TURNED", "GOV", "the government"}, {"REBUFFED", "GOV", "the government"},
	{"SPURNED", "GOV", "the government"},
}

// impliedAgent returns the actor a passive verb of coercion implies, of
// the sentence's country, or nil. Its name is in parentheses: the text
// does not write it.
func (s *sentence) impliedAgent(code string, v verbHit) *actorHit {
	if s.ctx == "" || cameo.Root(code) != "17" && cameo.Root(code) != "12" {
		return nil
	}
	w := s.toks[v.head].Up
	for _, r := range impliedRoles {
		if strings.HasPrefix(w, r.prefix) {
			return &actorHit{code: s.ctx + r.typ, mention: -1, start: -1, end: -1, ctx: true,
				external: &dragoman.ActorRef{Name: "(" + r.name + ")"}}
		}
	}
	return nil
}

// themeCode reports whether the object of a verb coded so is usually what
// the source gives, moves or frees rather than whom it acts on: intents
// and offers, aid, yielding, force postures.
func themeCode(code string) bool {
	switch cameo.Root(code) {
	case "03", "07", "08", "15":
		return true
	}
	return false
}

// mutualBlock names the verbs whose compound subject with no object acts
// on itself ("the United States and China agreed to extend the truce",
// "Armenia and Azerbaijan signed a treaty"): each side with the other.
var mutualBlock = map[string]bool{"AGREE": true, "DEMARCATE": true, "MARK": true, "SIGN": true, "COOPERATE": true, "RESET": true, "RESTORE": true, "EXCHANGE": true}

// objectPronoun are the pronouns that may stand for the object of the
// verb before ("accusing him of", "accusing both of").
var objectPronoun = map[string]bool{"HIM": true, "HER": true, "THEM": true, "BOTH": true}

// twoSides reads a subject "the two sides" or "both countries" ending at or
// before token from as the last two countries the article named; "officials
// from both sides" are the two sides' officials.
func (s *sentence) twoSides(from int) []actorHit {
	j := s.skipLeft(from)
	if j < 1 || !pairNoun[s.toks[j].Up] {
		return nil
	}
	start := j - 1
	switch {
	case s.toks[j-1].Up == "BOTH":
	case s.toks[j-1].Up == "TWO" && j >= 2 && s.toks[j-2].Up == "THE":
		start = j - 2
	default:
		return nil
	}
	a, b := s.pairBefore(start)
	if a == "" {
		return nil
	}
	agent := ""
	if start >= 2 && (s.toks[start-1].Up == "FROM" || s.toks[start-1].Up == "OF" || s.toks[start-1].Up == "ON") && s.agentAt[start-2] >= 0 {
		// "negotiators from both sides"
		if h := s.filter(s.chunkHits(s.chunkOf[start-2])); len(h) > 0 && fromContext(h) && len(h[0].code) > 3 {
			agent = h[0].code[3:]
		}
		start = s.chunks[s.chunkOf[start-2]].start
	}
	return []actorHit{
		{code: a + agent, mention: -1, start: start, end: j + 1},
		{code: b + agent, mention: -1, start: start, end: j + 1},
	}
}

// pairObjectNoun returns the index of the noun of an object "both
// governments" or "the two sides" starting at token i, or -1.
func (s *sentence) pairObjectNoun(i int) int {
	switch {
	case i+1 < len(s.toks) && s.toks[i].Up == "BOTH" && pairNoun[s.toks[i+1].Up]:
		return i + 1
	case i+2 < len(s.toks) && s.toks[i].Up == "THE" && s.toks[i+1].Up == "TWO" && pairNoun[s.toks[i+2].Up]:
		return i + 2
	}
	return -1
}

var pairNoun = map[string]bool{"SIDES": true, "COUNTRIES": true, "NATIONS": true, "GOVERNMENTS": true, "NEIGHBOURS": true, "NEIGHBORS": true, "CAPITALS": true}

// sidesBut returns the last two countries named before token i, other than
// the country of code.
func (s *sentence) sidesBut(i int, code string) []actorHit {
	own := s.prior
	var codes []string
	for _, c := range own {
		codes = append(codes, c)
	}
	for _, m := range s.mentions {
		if c := s.nationOf(m); m.end <= i && c != "" {
			codes = append(codes, c)
		}
	}
	var out []actorHit
	for k := len(codes) - 1; k >= 0 && len(out) < 2; k-- {
		c := codes[k]
		if strings.HasPrefix(c, "IGO") || sameCountry(c, code) || len(out) == 1 && sameCountry(c, out[0].code) {
			continue
		}
		out = append(out, actorHit{code: c, mention: -1, start: -1, end: -1})
	}
	if len(out) < 2 {
		return nil
	}
	return out
}
