package event

import (
	"strings"

	"github.com/dragoman-news/dragoman"
)

// sentence is one sentence under analysis: its tokens, the actors and
// agents found in it, its noun-phrase chunks and its verbs.
type sentence struct {
	toks  []token
	prior []string // the countries named in the article before this sentence, for "the two sides"
	// lastSource is the source of the last event coded in the sentence
	// before, for an "it" with no antecedent of its own
	lastSource *dragoman.ActorRef
	date       int // yyyymmdd, for date-bounded actor codes
	mentions   []mention
	agents     []agentMention
	mentAt     []int // token -> mention index or -1
	agentAt    []int
	chunks     []chunk
	chunkOf    []int // token -> chunk index or -1
	verbs      []verbHit
	verbAt     []int // token -> verb index or -1
	// news is set when coding articles rather than PETRARCH records: actors
	// known only by their role ("officials") are not coded, and a
	// possessor is not an object ("Washington's relations with Moscow").
	news bool
	// nounWords are the words of the nominal lexicon (news mode).
	nounWords map[string]bool
	// ctx is the country a role named without one belongs to ("police"
	// in a report from France is FRACOP), news mode only; "" for none.
	ctx string
	// ctxPlace is set when ctx is a place the sentence itself names.
	ctxPlace bool
	// entityTypes are the types of the document's entities, by index
	// (mention.ref), news mode only.
	entityTypes []dragoman.EntityType
	// intentVerb is set while the object of a verb of intent or threat is
	// looked for: its infinitive carries the action ("agreed to send aid
	// to Ukraine", "threatened to veto").
	intentVerb bool
	// heads maps the last word of the multi-word names read so far in
	// the article to their actor ("COUNCIL" -> the Security Council's),
	// so that "the council" names it again (news mode).
	heads map[string]headRef
	// forceVerb is set while the object of a verb of coercion or force is
	// looked for: its victims may come late ("opened fire with mortars
	// on villages").
	forceVerb bool
	// themeObject is set while the object of a verb that moves or gives
	// what it names is looked for ("put troops", "released prisoners"):
	// a role with no country there is what is moved, not the target.
	themeObject bool
}

// mention is an actor named in the sentence.
type mention struct {
	start, end int      // tokens
	codes      []string // one or more actor codes ("FRO/BIL/SAM" gives three)
	ref        int      // caller's reference (entity index), -1 for none
	name       string
	place      bool // a city or facility: a location when it modifies a noun
	adj        bool // a demonym used as an adjective ("Congolese")
	person     bool // an office holder the gazetteer knows by name
	// weak: a person whose only code is the article's country; such an
	// actor does not make a statement of state or an act of force alone
	weak bool
}

type agentMention struct {
	start, end int
	code       string // "~GOV", "NGO~"
}

// chunk is a base noun phrase: a run of content words, with the first actor
// in it and its agents.
type chunk struct {
	start, end int
	actor      int   // mention index or -1
	agents     []int // agent indexes
	former     bool
}

func (c chunk) codable() bool { return c.actor >= 0 || len(c.agents) > 0 }

// verbHit is a dictionary verb used as a verb.
type verbHit struct {
	start, end int // tokens covered (multi-word verbs cover several)
	head       int
	form       *verbForm
	alts       []*verbForm // other blocks with the same words ("SHOT" twice)
	passive    bool
}

// actorHit is one resolved actor of an event.
type actorHit struct {
	code     string
	mention  int // mention index or -1
	start    int // tokens naming it
	end      int
	external *dragoman.ActorRef // an actor from outside the sentence (a quote's speaker)
	ctx      bool               // a role whose country came from the context
}

// findActors marks the dictionary actors of the sentence, longest match
// first, leaving tokens already covered (by caller-supplied mentions)
// alone.
func (s *sentence) findActors(ix *phraseIndex) {
	for i := 0; i < len(s.toks); i++ {
		if s.mentAt[i] >= 0 {
			continue
		}
		p, n := ix.longest(s.toks, i)
		if p == nil {
			continue
		}
		free := true
		for k := i; k < i+n; k++ {
			if s.mentAt[k] >= 0 {
				free = false
			}
		}
		if !free {
			continue
		}
		code := resolveCodes(p.codes, s.date)
		var codes []string
		for _, c := range strings.Split(code, "/") {
			if c = strings.TrimSpace(c); c != "" {
				codes = append(codes, c)
			}
		}
		if len(codes) == 0 {
			codes = []string{"---"}
		}
		s.addMention(mention{start: i, end: i + n, codes: codes, ref: -1, name: p.name})
		i += n - 1
	}
}

func (s *sentence) addMention(m mention) {
	idx := len(s.mentions)
	s.mentions = append(s.mentions, m)
	for k := m.start; k < m.end; k++ {
		s.mentAt[k] = idx
	}
}

func (s *sentence) findAgents(ix *phraseIndex) {
	for i := 0; i < len(s.toks); i++ {
		if s.mentAt[i] >= 0 || s.agentAt[i] >= 0 {
			continue
		}
		p, n := ix.longest(s.toks, i)
		if p == nil {
			continue
		}
		ok := true
		for k := i; k < i+n; k++ {
			if s.mentAt[k] >= 0 {
				ok = false
			}
		}
		if !ok {
			continue
		}
		idx := len(s.agents)
		s.agents = append(s.agents, agentMention{start: i, end: i + n, code: p.agent})
		for k := i; k < i+n; k++ {
			s.agentAt[k] = idx
		}
		i += n - 1
	}
}

// findVerbs marks the dictionary verbs used as verbs.
func (s *sentence) findVerbs(d *Dictionaries) {
	for i := 0; i < len(s.toks); i++ {
		if s.mentAt[i] >= 0 || s.agentAt[i] >= 0 {
			continue
		}
		c := classOf(s.toks[i].Up)
		if c == cModal || c == cDet || c == cPrep || c == cConj || c == cSub {
			continue
		}
		if s.news && s.nameWord(i) {
			continue // "on March 24", "the Iraq War", "Strike Force"
		}
		if s.news && strings.HasPrefix(s.toks[i].Up, "BACK") && i > 0 && s.particleAfter(i-1) {
			continue // "brought back the relic": a particle
		}
		for _, vf := range d.verbs[s.toks[i].Up] {
			st := i - vf.head
			en := st + len(vf.words)
			if st < 0 || en > len(s.toks) {
				continue
			}
			ok := true
			for k, w := range vf.words {
				if s.toks[st+k].Up != w || (st+k != i && (s.mentAt[st+k] >= 0 || s.verbAt[st+k] >= 0)) {
					ok = false
					break
				}
			}
			if !ok || s.nounReading(st, i, vf) {
				continue
			}
			if classOf(s.toks[i].Up) == cAux && !s.auxPattern(d, st, en, vf) {
				continue // "has", "have" as auxiliaries
			}
			v := verbHit{start: st, end: en, head: i, form: vf}
			for _, o := range d.verbs[s.toks[i].Up] {
				if o != vf && o.block != vf.block && o.head == vf.head && strings.Join(o.words, " ") == strings.Join(vf.words, " ") {
					v.alts = append(v.alts, o)
				}
			}
			v.passive = s.passiveAt(st, i)
			idx := len(s.verbs)
			s.verbs = append(s.verbs, v)
			for k := st; k < en; k++ {
				s.verbAt[k] = idx
			}
			i = en - 1
			break
		}
	}
}

// particleAfter reports whether token i is a lower-case verb-like word
// that a following "back" completes ("brought back", "came back").
func (s *sentence) particleAfter(i int) bool {
	t := s.toks[i]
	if t.Text == "" || !(t.Text[0] >= 'a' && t.Text[0] <= 'z') || s.mentAt[i] >= 0 || s.agentAt[i] >= 0 {
		return false
	}
	switch classOf(t.Up) {
	case cContent:
		return true
	case cAux:
		return false
	}
	return false
}

// nameWord reports whether token i is capitalized inside the sentence,
// so part of a name or a title rather than a verb or a common noun.
func (s *sentence) nameWord(i int) bool {
	if i == 0 {
		return false
	}
	t := s.toks[i].Text
	if t == "" || !(t[0] >= 'A' && t[0] <= 'Z') {
		return false
	}
	switch s.toks[i-1].Up {
	case "\"", "“", "‘", "'", "(", "[", ":", "—", "-", "–":
		return false // a quotation or an aside starts here
	}
	return true
}

// nounReading reports whether the verb word at head reads as a noun ("an
// attack", "a brief private visit", "the meeting") or as the complement of
// a noun ("efforts to stop").
func (s *sentence) nounReading(st, head int, vf *verbForm) bool {
	if st == 0 {
		// "Clashes over water killed dozens": a plural of the nominal
		// lexicon opening the sentence before a preposition
		w := s.toks[head].Up
		return s.news && head == 0 && s.nounWords != nil && s.nounWords[w] && strings.HasSuffix(w, "S") && !strings.HasSuffix(w, "SS") &&
			head+1 < len(s.toks) && classOf(s.toks[head+1].Up) == cPrep
	}
	prev := s.toks[st-1]
	pc := classOf(prev.Up)
	if pc == cDet || prev.Up == "'S" || prev.Up == "'" {
		return true
	}
	if s.news && pc == cAdverb && st >= 2 && classOf(s.toks[st-2].Up) == cDet {
		return true // "an earlier protest", "the most recent attack"
	}
	if pc == cTo && st >= 2 && nounBeforeTo(s.toks[st-2]) && s.mentAt[st-2] < 0 && s.verbAt[st-2] < 0 {
		return true
	}
	w := s.toks[head].Up
	if s.news && (strings.HasSuffix(w, "S") && !strings.HasSuffix(w, "SS") || !participleLike(w) && !strings.HasSuffix(w, "ING")) &&
		adjectiveLike(prev) && s.mentAt[st-1] < 0 && s.agentAt[st-1] < 0 {
		return true // "economic sanctions", "capital murder", "military assault"
	}
	if s.news && strings.HasSuffix(w, "S") && !strings.HasSuffix(w, "SS") {
		// "through previous document requests": a plural noun after a
		// preposition and its modifiers
		for k, n := st-1, 0; k >= 0 && n < 4; k, n = k-1, n+1 {
			t := s.toks[k]
			c := classOf(t.Up)
			if c == cPrep || c == cDet {
				return true // "for talks", "through document requests"
			}
			if c != cContent || s.mentAt[k] >= 0 || s.agentAt[k] >= 0 || s.verbAt[k] >= 0 || !(t.Text[0] >= 'a' && t.Text[0] <= 'z') {
				break
			}
		}
	}
	base := !participleLike(w)
	if !base {
		return false
	}
	if s.nounWords != nil && s.nounWords[w] {
		// "the Riyadh talks", "the highest-profile meeting": a noun of the
		// nominal lexicon after a determiner and modifiers
		for k := st - 1; k >= 0 && k >= st-5; k-- {
			u := s.toks[k].Up
			c := classOf(u)
			if c == cDet || u == "'S" {
				return true
			}
			if c != cContent {
				break
			}
		}
	}
	// adjectives back to a determiner
	for k, n := st-1, 0; k >= 0 && n < 3; k, n = k-1, n+1 {
		t := s.toks[k]
		c := classOf(t.Up)
		if c == cDet || t.Up == "'S" {
			return true
		}
		if c != cContent || s.mentAt[k] >= 0 || s.agentAt[k] >= 0 || s.verbAt[k] >= 0 {
			return false
		}
		if !(t.Text[0] >= 'a' && t.Text[0] <= 'z') || strings.HasSuffix(t.Up, "S") {
			return false
		}
	}
	return false
}

// auxPattern reports whether an auxiliary listed as a verb ("has") is
// used in one of its block's word patterns ("has no wish").
func (s *sentence) auxPattern(d *Dictionaries, st, en int, vf *verbForm) bool {
	for _, p := range vf.block.patterns {
		if !wordsOnly(p) {
			continue
		}
		b := binding{leftmost: st}
		if s.matchPre(d, p.pre, 0, st-1, &b) && s.matchPost(d, p.post, 0, en, &b) {
			return true
		}
	}
	return false
}

func wordsOnly(p *pattern) bool {
	for _, e := range append(append([]pelem(nil), p.pre...), p.post...) {
		if e.kind != pWord && e.kind != pSynset {
			return false
		}
	}
	return true
}

// passiveAt reports whether a verb is a participle after a form of "be".
func (s *sentence) passiveAt(st, head int) bool {
	w := s.toks[head].Up
	if !(strings.HasSuffix(w, "ED") || strings.HasSuffix(w, "EN") || strings.HasSuffix(w, "WN") || w == "HELD" || w == "MET" || w == "SHOT" || w == "LEFT" || w == "HIT" || w == "CAUGHT" || w == "SEIZED") {
		return false
	}
	for k := st - 1; k >= 0 && k >= st-4; k-- {
		u := s.toks[k].Up
		switch u {
		case "WAS", "WERE", "BE", "BEEN", "BEING", "IS", "ARE", "GET", "GOT":
			return true
		}
		c := classOf(u)
		if c != cAdverb && c != cNeg && !(c == cConj && k > 0 && classOf(s.toks[k-1].Up) == cAdverb) {
			return false
		}
	}
	return false
}

// makeChunks groups content words into base noun phrases.
func (s *sentence) makeChunks() {
	cur := -1
	for i, t := range s.toks {
		content := s.mentAt[i] >= 0 || s.agentAt[i] >= 0
		c := classOf(t.Up)
		if !content {
			if s.verbAt[i] >= 0 {
				cur = -1
				continue
			}
			switch c {
			case cContent:
				content = true
				// an unknown past-tense verb ("noted", "trashed") ends a phrase
				lower := t.Text[0] >= 'a' && t.Text[0] <= 'z'
				if lower && len(t.Up) > 4 && strings.HasSuffix(t.Up, "ED") &&
					i > 0 && classOf(s.toks[i-1].Up) != cDet && !adjectiveLike(s.toks[i-1]) {
					content = false
				}
				// "said", "says": speech verbs; "plans to visit": a verb
				// governing the infinitive after it
				if lower && (speechVerbs[t.Up] || i+2 < len(s.toks) && s.toks[i+1].Up == "TO" && s.verbAt[i+2] >= 0 && i > 0 && classOf(s.toks[i-1].Up) != cDet) {
					content = false
				}
			case cDet:
				// a determiner opens a new phrase
				cur = -1
				content = true
			case cConj:
				// "awful and evil minister": adjectives joined inside a phrase
				if t.Up == "AND" && cur >= 0 && i > 0 && i+1 < len(s.toks) &&
					adjectiveLike(s.toks[i-1]) && adjectiveLike(s.toks[i+1]) {
					content = true
				}
			}
		}
		if !content {
			cur = -1
			continue
		}
		if cur < 0 {
			s.chunks = append(s.chunks, chunk{start: i, end: i + 1, actor: -1})
			cur = len(s.chunks) - 1
		}
		ch := &s.chunks[cur]
		ch.end = i + 1
		s.chunkOf[i] = cur
		if m := s.mentAt[i]; m >= 0 && ch.actor < 0 {
			ch.actor = m
		}
		if a := s.agentAt[i]; a >= 0 && (len(ch.agents) == 0 || ch.agents[len(ch.agents)-1] != a) {
			ch.agents = append(ch.agents, a)
		}
		if t.Up == "FORMER" {
			ch.former = true
		}
		// a possessive closes the phrase only when no content follows
	}
}

// analyse runs every step on the sentence.
func (s *sentence) analyse(d *Dictionaries) {
	n := len(s.toks)
	if s.mentAt == nil {
		s.mentAt = fill(n)
	}
	if s.agentAt == nil {
		s.agentAt = fill(n)
	}
	s.verbAt = fill(n)
	s.chunkOf = fill(n)
	s.findActors(&d.actors)
	s.findAgents(&d.agents)
	s.findVerbs(d)
	s.makeChunks()
}

func fill(n int) []int {
	a := make([]int, n)
	for i := range a {
		a[i] = -1
	}
	return a
}

// ---- codes of noun phrases ----

// compose joins an actor code and agent codes, skipping three-letter parts
// the code already holds ("USAGOV" + "~GOV" stays "USAGOV").
func compose(actor string, agents []string) string {
	code := actor
	prefix := ""
	for _, a := range agents {
		a = strings.TrimSpace(a)
		pre := strings.HasSuffix(a, "~")
		a = strings.Trim(a, "~ ")
		for len(a) > 0 {
			part := a
			if len(part) > 3 {
				part = a[:3]
			}
			a = a[len(part):]
			if hasPart(code, part) || hasPart(prefix, part) {
				continue
			}
			if part == "GOV" && strings.HasPrefix(actor, "IGO") {
				continue // an IGO's officials and bodies are the IGO itself
			}
			if pre {
				prefix += part
			} else {
				code += part
			}
		}
	}
	return prefix + code
}

func hasPart(code, part string) bool {
	for i := 0; i+3 <= len(code); i += 3 {
		if code[i:i+3] == part {
			return true
		}
	}
	return false
}

// agentCodes returns the agent codes of a chunk, "former" turning the
// role into ELI.
func (s *sentence) agentCodes(c chunk) []string {
	var out []string
	for _, a := range c.agents {
		code := s.agents[a].code
		if c.former {
			if strings.HasSuffix(code, "~") {
				code = "ELI~"
			} else {
				code = "~ELI"
			}
		}
		out = append(out, code)
	}
	return out
}

// chunkHits returns the actors of one chunk on its own.
func (s *sentence) chunkHits(ci int) []actorHit {
	c := s.chunks[ci]
	ag := s.agentCodes(c)
	if s.news && c.actor >= 0 && s.modifierOnly(c, s.mentions[c.actor]) {
		// "a Kabul car bombing", "the American Civil Liberties Union":
		// the place names something else
		c.actor = -1
	}
	if s.news && c.actor >= 0 && s.mentions[c.actor].codes[0] == "---" {
		return nil // a name the earlier stages know is no actor
	}
	if s.news && c.actor < 0 && len(c.agents) == 1 && s.toks[c.start].Up == "THE" && s.agentHeads(c) {
		a := s.agents[c.agents[0]]
		if h, ok := s.heads[s.toks[a.end-1].Up]; ok {
			// "the council" after "the Security Council"
			return []actorHit{{code: h.code, mention: -1, start: a.start, end: a.end, external: &dragoman.ActorRef{Name: h.name, Entity: h.entity}}}
		}
	}
	if s.news && c.actor < 0 && len(c.agents) > 0 && (!s.agentHeads(c) || ownedBySubject(s.toks[c.start].Up)) {
		// "police oversight council", "criminal rehabilitation"; "their
		// legal department": someone's, not the state's
		return nil
	}
	if c.actor >= 0 {
		m := s.mentions[c.actor]
		poss := m.end < c.end && (s.toks[m.end].Up == "'S" || s.toks[m.end].Up == "'")
		if s.news && len(m.codes) == 1 && len(m.codes[0]) == 3 && !poss {
			// "Middle East envoy Steve Witkoff": a person or body with a
			// full code says more than the region before it
			for k := m.end; k < c.end; k++ {
				if mi := s.mentAt[k]; mi >= 0 && len(s.mentions[mi].codes) == 1 && len(s.mentions[mi].codes[0]) > 3 {
					m = s.mentions[mi]
					break
				}
			}
		}
		var out []actorHit
		for _, code := range m.codes {
			out = append(out, actorHit{code: compose(code, ag), mention: c.actor, start: m.start, end: m.end})
		}
		return out
	}
	if len(ag) > 0 {
		a := s.agents[c.agents[0]]
		return []actorHit{{code: compose("---", ag), mention: -1, start: a.start, end: s.agents[c.agents[len(c.agents)-1]].end}}
	}
	return nil
}

// headRef is an actor an article named in several words, for a later
// definite phrase made of its last word ("the council").
type headRef struct{ code, name, entity string }

// modifierOnly reports whether an actor mention only modifies the head
// of its phrase: a city before a common noun that is no role ("a Kabul
// car bombing", not "Moscow police"), or a country before capitalized
// words that are no role, which make a name of something else ("U.S.
// Route 2", "American Civil Liberties Union").
func (s *sentence) modifierOnly(c chunk, m mention) bool {
	k := m.end
	if k >= c.end || s.toks[k].Up == "'S" || s.toks[k].Up == "'" {
		return false
	}
	if mi := s.mentAt[k]; mi >= 0 && s.mentions[mi].codes[0] == "---" {
		return true // "French Civil Security service": part of a name
	}
	// any role or actor later in the phrase keeps it ("Moscow riot
	// police", "Indian Defence Minister Rajnath Singh")
	for j := k; j < c.end; j++ {
		if s.agentAt[j] >= 0 || s.mentAt[j] >= 0 {
			return false
		}
	}
	if m.place {
		return true
	}
	t := s.toks[k].Text
	if t == "" || len(m.codes) != 1 || len(m.codes[0]) != 3 {
		return false
	}
	if t[0] >= 'A' && t[0] <= 'Z' {
		return true // "U.S. Route 2"
	}
	// a demonym before a thing that is no actor: "Congolese soil",
	// "Iranian oil" (but "Indian positions", "Qatari mediators")
	return m.adj && thingWords[s.toks[k].Up]
}

// thingWords are what a country has that does not act for it.
var thingWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`SOIL EARTHQUAKE QUAKE TREMOR STORM HURRICANE TYPHOON CYCLONE FLOOD FLOODS WILDFIRE WILDFIRES ECONOMY CURRENCY MARKET MARKETS GOODS PRODUCTS
		EXPORTS IMPORTS LANGUAGE CULTURE CUISINE FOOD FILM FILMS MUSIC HISTORY ART LITERATURE
		ORIGIN DESCENT HERITAGE CITIZENSHIP PASSPORT STYLE`) {
		thingWords[w] = true
	}
}

// agentHeads reports whether the last role of a phrase is its head: only
// a possessive may follow it ("police's").
func (s *sentence) agentHeads(c chunk) bool {
	last := s.agents[c.agents[len(c.agents)-1]]
	k := last.end
	return k >= c.end || s.toks[k].Up == "'S" || s.toks[k].Up == "'"
}

// isConnector reports whether tokens [i, j) join members of a list: ",",
// "and", "or", "nor", ", and".
func (s *sentence) connectorAt(i int) (end int, comma bool, ok bool) {
	if i >= len(s.toks) {
		return 0, false, false
	}
	u := s.toks[i].Up
	switch u {
	case ",":
		if i+1 < len(s.toks) {
			switch s.toks[i+1].Up {
			case "AND", "OR", "NOR":
				return i + 2, false, true
			}
		}
		return i + 1, true, true
	case "AND", "OR", "NOR", "&":
		return i + 1, false, true
	}
	return 0, false, false
}

// groupRight collects the list of chunks starting with chunk ci ("Mordor,
// Rohan, Fornost and Bree"). Lists joined by commas alone need a final
// "and" or "or".
func (s *sentence) groupRight(ci int) (members []int, end int) {
	members = []int{ci}
	end = s.chunks[ci].end
	pending := []int{}
	pendingEnd := end
	for {
		e, comma, ok := s.connectorAt(pendingEnd)
		if !ok || e >= len(s.toks) || s.chunkOf[e] < 0 || s.chunks[s.chunkOf[e]].start != e {
			break
		}
		nc := s.chunkOf[e]
		pending = append(pending, nc)
		pendingEnd = s.chunks[nc].end
		if !comma {
			members = append(members, pending...)
			pending = pending[:0]
			end = pendingEnd
		}
	}
	return members, end
}

// groupLeft collects the list that ends with chunk ci.
func (s *sentence) groupLeft(ci int) (members []int, start int) {
	members = []int{ci}
	start = s.chunks[ci].start
	sawAnd := false
	var pending []int
	pstart := start
	for {
		k := pstart - 1
		if k < 0 {
			break
		}
		u := s.toks[k].Up
		var ck int
		switch {
		case u == "AND" || u == "OR" || u == "NOR" || u == "&":
			ck = k - 1
			if ck >= 0 && s.toks[ck].Up == "," {
				ck--
			}
			sawAnd = true
		case u == ",":
			ck = k - 1
		default:
			ck = -1
		}
		if ck < 0 || s.chunkOf[ck] < 0 || s.chunks[s.chunkOf[ck]].end != ck+1 {
			break
		}
		nc := s.chunkOf[ck]
		pending = append(pending, nc)
		pstart = s.chunks[nc].start
		if sawAnd {
			members = append(members, pending...)
			pending = pending[:0]
			start = pstart
		}
	}
	// members are right-to-left; put them in text order
	for i, j := 0, len(members)-1; i < j; i, j = i+1, j-1 {
		members[i], members[j] = members[j], members[i]
	}
	return members, start
}

// resolveGroup turns a list of chunks into actors: members with only an
// agent take the actor of a sibling ("Danish media and government"), and a
// list of agents followed by "of/in/from" and actors combines with them
// ("lawmakers and officials in Fornost and Gondor").
func (s *sentence) resolveGroup(members []int, end int) []actorHit {
	hasActor := -1
	for _, m := range members {
		if s.chunks[m].actor >= 0 {
			hasActor = m
			break
		}
	}
	if hasActor < 0 {
		// agents (or nothing) followed by a prepositional phrase with actors
		if pe, ok := s.attachAt(end); ok {
			pm, pend := s.groupRight(pe)
			inner := s.resolveGroup(pm, pend)
			var out []actorHit
			anyAgent := false
			for _, m := range members {
				ag := s.agentCodes(s.chunks[m])
				if len(ag) == 0 {
					continue
				}
				anyAgent = true
				for _, h := range inner {
					h.code = compose(h.code, ag)
					out = append(out, h)
				}
			}
			if !anyAgent {
				return inner
			}
			return out
		}
	}
	var out []actorHit
	for mi, m := range members {
		c := s.chunks[m]
		if c.actor < 0 && mi == len(members)-1 && hasActor >= 0 {
			// "Ithilen and the government of Gondor", "sheep and goats of Gondor"
			if pe, ok := s.attachAt(end); ok {
				pm, pend := s.groupRight(pe)
				ag := s.agentCodes(c)
				for _, h := range s.resolveGroup(pm, pend) {
					h.code = compose(h.code, ag)
					out = append(out, h)
				}
				continue
			}
		}
		if c.actor < 0 && len(c.agents) > 0 && hasActor >= 0 {
			// inherit the sibling's actor and its leading agents
			hc := s.chunks[hasActor]
			hag := s.agentCodes(hc)
			if len(hag) > 0 {
				hag = hag[:len(hag)-1]
			}
			mm := s.mentions[hc.actor]
			for _, code := range mm.codes {
				out = append(out, actorHit{code: compose(compose(code, hag), s.agentCodes(c)), mention: hc.actor, start: s.agents[c.agents[0]].start, end: s.agents[c.agents[0]].end})
			}
			continue
		}
		if s.news && mi < len(members)-1 && c.actor >= 0 && len(c.agents) == 0 {
			// "U.S. and Russian officials": the role of the last member is
			// every member's
			if last := s.chunks[members[len(members)-1]]; last.actor >= 0 && len(last.agents) > 0 {
				ag := s.agentCodes(last)
				for _, h := range s.chunkHits(m) {
					h.code = compose(h.code, ag)
					out = append(out, h)
				}
				continue
			}
		}
		out = append(out, s.chunkHits(m)...)
	}
	return out
}

// attachAt: at token i a preposition ("of", "in", "from") followed by a
// chunk holding an actor; returns that chunk.
func (s *sentence) attachAt(i int) (int, bool) {
	if i+1 >= len(s.toks) {
		return 0, false
	}
	switch s.toks[i].Up {
	case "OF", "IN", "FROM":
	default:
		return 0, false
	}
	j := i + 1
	if s.chunkOf[j] < 0 {
		return 0, false
	}
	ci := s.chunkOf[j]
	if s.chunks[ci].actor < 0 {
		return 0, false
	}
	return ci, true
}

// dedupe removes repeated codes, keeping the first.
func dedupe(h []actorHit) []actorHit {
	seen := map[string]bool{}
	out := h[:0]
	for _, x := range h {
		if seen[x.code] {
			continue
		}
		seen[x.code] = true
		out = append(out, x)
	}
	return out
}
