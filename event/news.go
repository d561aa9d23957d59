package event

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/cameo"
	"github.com/dragoman-news/dragoman/gazetteer"
)

// docState is the coder's work on one document.
type docState struct {
	c        *Coder
	d        *dragoman.Document
	pub      time.Time
	date     int
	lastMeet [2]*dragoman.ActorRef // participants of the last meeting coded
	recent   []string              // country codes in order of mention (places aside), for "the two sides"
	drafts   []draft
	// country is the article's country: the dateline's, else the country
	// most of its mentions belong to. Roles named without a country
	// ("police", "officials") and people of unknown affiliation with a
	// role take it (see context.go).
	country string
	types   []dragoman.EntityType // of d.Entities
	codes   []string              // the actor code of each entity (entityCode)
	// bySentence lists the (entity, mention) pairs of each sentence
	bySentence map[int][][2]int
	heads      map[string]headRef
}

// draft is an event on its way: needTarget marks a deployment or offer of
// troops that named no target ("troops on the ground"), which takes the
// country where the article's fighting is.
type draft struct {
	ev         dragoman.Event
	needTarget bool
}

func newDocState(c *Coder, d *dragoman.Document) *docState {
	st := &docState{c: c, d: d}
	if p := d.Article.Published; p != nil && !p.Time.IsZero() {
		st.pub = p.Time
		st.date = p.Time.Year()*10000 + int(p.Time.Month())*100 + p.Time.Day()
	}
	st.country = mainCountry(d, c.gaz)
	st.codes = make([]string, len(d.Entities))
	st.bySentence = map[int][][2]int{}
	for ei := range d.Entities {
		e := &d.Entities[ei]
		st.codes[ei] = st.entityCode(e)
		if st.codes[ei] == "" {
			continue
		}
		for mi, m := range e.Mentions {
			si := sentenceAt(d.Sentences, m.Start)
			st.bySentence[si] = append(st.bySentence[si], [2]int{ei, mi})
		}
	}
	st.types = make([]dragoman.EntityType, len(d.Entities))
	for i := range d.Entities {
		st.types[i] = d.Entities[i].Type
	}
	return st
}

// sentence codes one sentence of the document.
func (st *docState) sentence(si int, sent dragoman.Sentence) {
	body := st.d.Article.Body
	if sent.Start < 0 || sent.End > len(body) || sent.Start >= sent.End {
		return
	}
	text := body[sent.Start:sent.End]
	s := &sentence{toks: tokenize(text, sent.Start), date: st.date, news: true, nounWords: st.c.nounWords}
	if len(s.toks) == 0 || len(s.toks) > 400 {
		return
	}
	s.mentAt = fill(len(s.toks))
	s.agentAt = fill(len(s.toks))
	s.entityTypes = st.types
	s.heads = st.heads
	st.markEntities(s, sent)
	st.markGazetteer(s, text, sent.Start)
	st.markPeople(s, sent)
	s.analyse(st.c.dict)
	s.ctx = st.sentenceCountry(s)
	s.prior = st.recent
	for k := len(st.drafts) - 1; k >= 0; k-- {
		if ev := st.drafts[k].ev; ev.Sentence == si-1 && ev.Source != nil && len(ev.Source.Actor) >= 3 && ev.Source.Actor[:3] != "---" {
			s.lastSource = ev.Source
			break
		} else if ev.Sentence < si-1 {
			break
		}
	}
	for _, m := range s.mentions {
		if c := s.nationOf(m); c != "" {
			st.recent = append(st.recent, c)
		}
	}
	for _, r := range s.code(st.c.dict, codeOptions{requireDyad: false}) {
		st.verbEvent(s, si, r)
	}
	st.nounEvents(s, si)
	st.rememberHeads(s)
}

// rememberHeads records the last word of the sentence's multi-word actor
// names ("Security Council", "Foreign Ministry") for "the council".
func (st *docState) rememberHeads(s *sentence) {
	for _, m := range s.mentions {
		if m.end-m.start < 2 || len(m.codes) != 1 || m.codes[0] == "---" || m.weak || m.place {
			continue
		}
		if st.heads == nil {
			st.heads = map[string]headRef{}
		}
		h := headRef{code: m.codes[0], name: m.name}
		if m.ref >= 0 && m.ref < len(st.d.Entities) {
			h.entity = st.d.Entities[m.ref].ID
			h.name = st.d.Entities[m.ref].Name
		}
		if h.name == "" {
			h.name = st.d.Article.Body[s.toks[m.start].Start:s.toks[m.end-1].End]
		}
		st.heads[s.toks[m.end-1].Up] = h
		for k := m.start + 1; k < m.end-1; k++ {
			if s.toks[k].Up == "OF" {
				// "the court" after "the International Court of Justice":
				// the head noun stands before "of"
				if _, ok := st.heads[s.toks[k-1].Up]; !ok {
					st.heads[s.toks[k-1].Up] = h
				}
				break
			}
		}
	}
}

// tokenRange returns the tokens lying inside the byte range [start, end).
func (s *sentence) tokenRange(start, end int) (int, int) {
	a, b := -1, -1
	for i, t := range s.toks {
		if t.Start >= start && t.End <= end {
			if a < 0 {
				a = i
			}
			b = i + 1
		}
	}
	return a, b
}

func (s *sentence) free(a, b int) bool {
	if a < 0 || b <= a {
		return false
	}
	for k := a; k < b; k++ {
		if s.mentAt[k] >= 0 || s.agentAt[k] >= 0 {
			return false
		}
	}
	return true
}

// markEntities turns the entities of earlier stages into actor mentions.
func (st *docState) markEntities(s *sentence, sent dragoman.Sentence) {
	for _, em := range st.bySentence[sent.Index] {
		ei := em[0]
		e := &st.d.Entities[ei]
		code := st.codes[ei]
		if code == "" {
			continue
		}
		{
			m := e.Mentions[em[1]]
			if m.Start < sent.Start || m.End > sent.End {
				continue
			}
			if m.Origin == "pronoun" {
				switch strings.ToLower(m.Text) {
				case "they", "them", "their", "we", "us", "our", "it", "its":
					continue // lists and groups are resolved in the sentence
				}
			}
			a, b := s.tokenRange(m.Start, m.End)
			if !s.free(a, b) {
				continue
			}
			if code == "---" {
				if _, ok := st.c.gaz.Find(m.Text); ok {
					continue
				}
				s.addMention(mention{start: a, end: b, codes: []string{code}, ref: -1, name: e.Name})
				continue
			}
			weak := strings.HasSuffix(code, weakMark)
			place := false
			if e.Type == dragoman.GPE || e.Type == dragoman.Facility || e.Type == dragoman.Location {
				if ge, ok := st.c.gaz.Find(m.Text, gazetteer.KindCity); ok && ge.Code != "" {
					place = true
				}
				if e.Type == dragoman.Facility {
					place = true
				}
			}
			adj := e.Type == dragoman.NORP && !strings.HasSuffix(m.Text, "s")
			s.addMention(mention{start: a, end: b, codes: []string{strings.TrimSuffix(code, weakMark)}, ref: ei, name: e.Name, place: place, weak: weak, adj: adj})
		}
	}
}

// sentenceAt returns the index of the sentence holding offset off (0 when
// the document has no sentences).
func sentenceAt(sents []dragoman.Sentence, off int) int {
	k := sort.Search(len(sents), func(i int) bool { return sents[i].End > off })
	if k < len(sents) {
		return sents[k].Index
	}
	return 0
}

// entityCode is the actor code an entity is coded with: its own, its
// country for places and peoples, one from the context (contextCode), or
// "---" for a name with no code, which keeps the gazetteer from reading
// the place in it ("American Civil Liberties Union"); "" for none.
func (st *docState) entityCode(e *dragoman.Entity) string {
	code := e.Actor
	if code == "" && (e.Type == dragoman.GPE || e.Type == dragoman.NORP || e.Type == dragoman.Location) {
		code = e.Country
	}
	if code == "" {
		code = st.contextCode(e)
	}
	if code == "" {
		switch e.Type {
		case dragoman.Organization, dragoman.Facility, dragoman.Law, dragoman.EventName:
			code = "---"
		}
	}
	return code
}

// markGazetteer marks countries, demonyms, cities, regions, bodies and
// organizations the gazetteer knows.
func (st *docState) markGazetteer(s *sentence, text string, base int) {
	for _, m := range st.c.gaz.Scan(text) {
		a, b := s.tokenRange(base+m.Start, base+m.End)
		if !s.free(a, b) || len(m.Entries) == 0 {
			continue
		}
		e := m.Entries[0]
		switch e.Kind {
		case gazetteer.KindCountry, gazetteer.KindRegion, gazetteer.KindDemonym:
			s.addMention(mention{start: a, end: b, codes: []string{e.Code}, ref: -1, name: e.Name, adj: e.Kind == gazetteer.KindDemonym && !e.Plural})
		case gazetteer.KindCity:
			code := e.Code
			if code == "" {
				code = e.Country
			}
			if code != "" {
				s.addMention(mention{start: a, end: b, codes: []string{code}, ref: -1, name: e.Name, place: true})
			}
		case gazetteer.KindBody, gazetteer.KindOrg:
			switch {
			case e.Kind == gazetteer.KindOrg && e.Code != "":
				s.addMention(mention{start: a, end: b, codes: []string{e.Code}, ref: -1, name: e.Name})
			case e.Country != "":
				s.addMention(mention{start: a, end: b, codes: []string{e.Country + e.Type}, ref: -1, name: e.Name})
			case e.Type != "":
				idx := len(s.agents)
				s.agents = append(s.agents, agentMention{start: a, end: b, code: "~" + e.Type})
				for k := a; k < b; k++ {
					s.agentAt[k] = idx
				}
			}
		}
	}
}

// markPeople gives people the code of the office they held on the
// publication date, from the gazetteer's office holders: the named-entity
// stage's person mentions first, then runs of capitalized words.
func (st *docState) markPeople(s *sentence, sent dragoman.Sentence) {
	try := func(a, b int) bool {
		if !s.free(a, b) {
			return false
		}
		name := strings.Join(tokTexts(s.toks[a:b]), " ")
		hs := st.c.gaz.Holders(name, st.pub)
		if len(hs) == 0 || hs[0].Actor == "" {
			return false
		}
		s.addMention(mention{start: a, end: b, codes: []string{hs[0].Actor}, ref: -1, name: hs[0].Name, person: true})
		return true
	}
	for _, m := range st.d.Mentions {
		if m.Type != dragoman.Person || m.Start < sent.Start || m.End > sent.End {
			continue
		}
		a, b := s.tokenRange(m.Start, m.End)
		if !try(a, b) && b-a > 1 {
			try(b-1, b)
		}
	}
	for i := 0; i < len(s.toks); i++ {
		if !capitalized(s.toks[i]) || s.mentAt[i] >= 0 {
			continue
		}
		j := i
		for j < len(s.toks) && j-i < 4 && capitalized(s.toks[j]) && s.mentAt[j] < 0 {
			j++
		}
		if !try(i, j) {
			for k := i; k < j; k++ {
				if try(k, j) {
					break
				}
			}
		}
		i = j - 1
	}
}

func capitalized(t token) bool {
	r := []rune(t.Text)
	return len(r) > 1 && unicode.IsUpper(r[0]) && classOf(t.Up) == cContent
}

func tokTexts(ts []token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Text
	}
	return out
}

// ---- turning coded triples into events ----

// verbEvent turns a triple coded from a verb into a draft event.
func (st *docState) verbEvent(s *sentence, si int, r rawEvent) {
	v := s.verbs[r.verb]
	if v.form.block.name == "SAY" && r.pattern == nil && (!s.institution(&r.source) || s.pronounBefore(v.start)) {
		// "said" alone is a statement only from a state or one of its
		// bodies ("the Foreign Ministry said"), not from a person, a
		// company or "officials"; a person's public statement needs a
		// cue ("said in a statement", "told reporters")
		return
	}
	if strings.HasPrefix(r.source.code, "---") && r.target != nil {
		// "Russia has telegraphed that its objectives include rolling
		// back U.S. sanctions": what an actor's goals include, it demands
		if owner, at := s.goalOwner(v.start); len(owner) > 0 {
			for i := range owner {
				st.add(s, si, demandOf(r.code), &owner[i], r.target, v.start, v.end, at)
			}
			return
		}
	}
	if r.target == nil && (cameo.Root(r.code) == "11" || cameo.Root(r.code) == "12") && v.end+1 < len(s.toks) && s.toks[v.end].Up == "THE" &&
		s.mentAt[v.end+1] < 0 && s.agentAt[v.end+1] < 0 && actNoun[s.toks[v.end+1].Up] && len(r.source.code) >= 3 {
		// "condemned the launch": the act is the last show or use of
		// force the article told, and its actor the target
		for k := len(st.drafts) - 1; k >= 0; k-- {
			ev := st.drafts[k].ev
			if ev.Root >= "15" && ev.Source != nil && len(ev.Source.Actor) >= 3 && ev.Source.Actor[:3] != "---" {
				if ev.Source.Actor[:3] != r.source.code[:3] {
					a := *ev.Source
					a.Span = nil
					r.target = &actorHit{code: a.Actor, mention: -1, start: -1, end: -1, external: &a}
				}
				break
			}
		}
	}
	st.add(s, si, r.code, &r.source, r.target, v.start, v.end, v.start)
}

// actNoun name an act already told ("condemned the launch").
var actNoun = map[string]bool{"LAUNCH": true, "LAUNCHES": true, "TEST": true, "TESTS": true, "ATTACK": true, "ATTACKS": true,
	"STRIKE": true, "STRIKES": true, "INCURSION": true, "DRILLS": true, "EXERCISES": true, "SHELLING": true, "BOMBING": true}

// goalNouns name what an actor wants.
var goalNouns = map[string]bool{"OBJECTIVES": true, "GOALS": true, "AIMS": true, "DEMANDS": true, "CONDITIONS": true, "PRIORITIES": true}

// goalOwner returns whose goals the -ing verb at token v completes
// ("its objectives include rolling back...", "Iran's demands include
// lifting...") and where the phrase starts, or nil.
func (s *sentence) goalOwner(v int) ([]actorHit, int) {
	if !strings.HasSuffix(s.toks[v].Up, "ING") || v < 3 {
		return nil, 0
	}
	switch s.toks[v-1].Up {
	case "INCLUDE", "INCLUDES", "INCLUDED", "ARE", "WERE", "REMAIN":
	default:
		return nil, 0
	}
	g := v - 2
	if !goalNouns[s.toks[g].Up] {
		return nil, 0
	}
	for k := g - 1; k >= 0 && k >= g-4; k-- {
		u := s.toks[k].Up
		if u == "ITS" || u == "THEIR" {
			h, _ := s.antecedent(k)
			return h, k
		}
		if ci := s.chunkOf[k]; ci >= 0 && s.mentAt[k] >= 0 {
			return s.filter(s.chunkHits(ci)), k
		}
		if classOf(u) != cContent {
			break
		}
	}
	return nil, 0
}

// demandOf turns the code of a wanted action into the demand for it:
// easing sanctions (085) is demanding it (1054).
func demandOf(code string) string {
	switch cameo.Base(code) {
	case "081":
		return "1051"
	case "082":
		return "1052"
	case "084":
		return "1053"
	case "085":
		return "1054"
	case "086":
		return "1055"
	case "087":
		return "1056"
	}
	return "100"
}

// add applies negation and modality, finds the date, place and speaker,
// and keeps the event.
func (st *docState) add(s *sentence, si int, code string, src, tgt *actorHit, trigA, trigB, evA int) {
	if src == nil || strings.HasPrefix(src.code, "---") {
		return
	}
	if tgt != nil && strings.HasPrefix(tgt.code, "---") {
		return
	}
	if tgt != nil && src.mention >= 0 && tgt.mention >= 0 && src.mention < len(s.mentions) && tgt.mention < len(s.mentions) {
		if ra, rb := s.mentions[src.mention].ref, s.mentions[tgt.mention].ref; ra >= 0 && ra == rb {
			return // one entity on itself ("He called for ... Lee Baca")
		}
	}
	if tgt != nil && selfEvent(src.code, tgt.code) && !(src.code != tgt.code && (s.isPerson(src) || s.isPerson(tgt))) && !s.distinct(src, tgt) {
		// a person known only by the article's country is no country's
		// own name ("the judge sentenced Turpin" is USAJUD on USA)
		return
	}
	switch cameo.Root(code) {
	case "14":
		if stateActor(src.code) && strings.HasPrefix(s.toks[trigA].Up, "PROTEST") {
			code = "114" // "Manila protested": a state complains officially
		}
	}
	if tgt == nil {
		switch cameo.Root(code) {
		case "05", "11", "12", "13":
			// "welcomed the decision", "rejected the charge"
			tgt = st.reactionTarget(s, src, trigB)
		}
	}
	switch cameo.Root(code) {
	case "01":
		if code == "010" {
			tgt = nil // "announced that...": a statement has no target here
		}
	case "19":
		if (!armed(src.code) || s.isPerson(src)) && (tgt == nil || !armed(tgt.code) || s.isPerson(tgt)) && verbalAttack(s.toks[trigA].Up) {
			code = "111" // "Trump attacked the investigation": words, not force
		}
	}
	neg := s.negatedBefore(evA)
	mod := s.modalityBefore(evA)
	if mod == modalityRequested {
		return // what one actor asked another to do is not done: the asking is the event
	}
	if neg && cameo.Base(code) == "057" && !s.refusedBefore(evA) {
		return // "has not signed any agreement": nothing was signed, nothing refused
	}
	code, ok := adjustCode(code, neg, mod)
	if !ok {
		return
	}
	switch {
	case neg:
		// a negated cooperation is coded as the refusal it reports ("no
		// thought of making concessions": 124), which did happen: the
		// event is not negated, and its modality says how it was read
		mod = ModalityRefusal
	case mod != "" && cameo.Root(code) >= "09" && cameo.Root(code) <= "15":
		// "said he intended to sue", "would send more ships": kept, with
		// its modality
	case mod != "" && !strings.HasPrefix(code, "03") && !strings.HasPrefix(code, "13"):
		mod = "" // the event as coded is asserted
	}
	info, ok := cameo.Event(code)
	if !ok {
		return
	}
	body := st.d.Article.Body
	ev := dragoman.Event{
		Sentence:  si,
		Code:      code,
		Base:      cameo.Base(code),
		Root:      cameo.Root(code),
		Label:     info.Label,
		QuadClass: info.QuadClass,
		Goldstein: info.Goldstein,
		Trigger:   dragoman.NewSpan(body, s.toks[trigA].Start, s.toks[trigB-1].End),
		Modality:  mod,
	}
	lo, hi := evA, trigB
	ev.Source = st.ref(s, src)
	if src.start >= 0 && src.start < lo {
		lo = src.start
	}
	if src.end > hi && src.start >= 0 {
		hi = src.end
	}
	if tgt != nil {
		ev.Target = st.ref(s, tgt)
		if tgt.start >= 0 && tgt.start < lo {
			lo = tgt.start
		}
		if tgt.end > hi {
			hi = tgt.end
			// the whole phrase of the target: "Indian positions",
			// "punishing U.S. economic sanctions"
			if ci := s.chunkOf[tgt.end-1]; ci >= 0 && s.chunks[ci].end > hi && s.chunks[ci].end-tgt.end <= 4 {
				hi = s.chunks[ci].end
			}
		}
	}
	ev.Evidence = dragoman.NewSpan(body, s.toks[lo].Start, s.toks[hi-1].End)
	ev.Date = st.dateOf(s, lo, hi)
	meetingToday := ev.Root == "04" && code != "041" && ev.Date != nil && (ev.Date.Expr < 0 || ev.Date.Value == st.pub.Format("2006-01-02"))
	ev.Location = st.placeOf(s, lo, hi, trigA, meetingToday)
	if q := st.quoteAt(ev.Trigger.Start); q != nil {
		ev.Reported = true
		ev.Speaker = q.Speaker
	}
	if tgt == nil && ev.Root >= "18" && s.ctxPlace && len(src.code) >= 3 && !sameCountry(src.code, s.ctx) && stateForce(src.code) && !s.isPerson(src) && trigB < len(s.toks) && classOf(s.toks[trigB].Up) != cPunct {
		// "Russia struck energy facilities" in a report from Kyiv: force
		// on things is force on the country where they are
		name, _ := cameo.Country(s.ctx)
		ev.Target = &dragoman.ActorRef{Name: name, Actor: s.ctx}
		tgt = &actorHit{code: s.ctx, mention: -1, start: -1, end: -1, ctx: true, external: ev.Target}
	}
	if tgt == nil && ev.Root >= "18" && trigB < len(s.toks) && classOf(s.toks[trigB].Up) == cPunct {
		// "hundreds of Taliban killed.": a participle, not who killed
		return
	}
	dr := draft{ev: ev}
	if (vague(s, src) || s.isWeak(src)) && (tgt == nil || vague(s, tgt) || s.isWeak(tgt)) && !(ev.Root == "11" || ev.Root == "12") && (vague(s, src) || tgt != nil) {
		// two people known by name only ("who hosts the series with
		// Gregg Turkington"): kept for coercion, force and protest, and
		// for accusations and rejections
		switch ev.Root {
		case "14", "17", "18", "19", "20":
		default:
			return
		}
	}
	if vague(s, src) && (tgt == nil || vague(s, tgt)) {
		// "many people would ask": with no named actor on either side,
		// only what such actors do to each other is kept ("police
		// arrested a man", "a gunman shot shoppers", "protesters marched")
		switch ev.Root {
		case "14", "17", "18", "19", "20":
		default:
			return
		}
	}
	if tgt == nil && s.isWeak(src) {
		// a person the text gives no role: only what anyone may do alone
		switch ev.Root {
		case "14", "18":
		default:
			return
		}
	}
	if tgt == nil {
		switch cameo.Base(code) {
		case "074", "033", "150", "154":
			dr.needTarget = true
		default:
			if (mod == ModalityIntent || s.agreedTo(trigA)) && cameo.Root(code) == "03" && stateActor(src.code) {
				// "Ethiopia intended to hold talks", "the bloc agreed on
				// Friday to cut tariffs": an intent or a commitment a state
				// states in so many words needs no actor as its object
				break
			}
			if !alone(code, src.code) {
				return
			}
		}
	}
	if ev.Root == "04" && ev.Source != nil && ev.Target != nil {
		st.lastMeet = [2]*dragoman.ActorRef{ev.Source, ev.Target}
	}
	st.drafts = append(st.drafts, dr)
}

// alone reports whether an event with code may be coded with no target,
// as GDELT codes one-sided events: protests, coercion and assaults
// ("police arrested 20 people", "protesters marched"), force by an armed
// actor ("the army shelled the town"), investigations, and what a
// political actor says with no actor as its object: statements, appeals,
// demands, criticism, rejections, threats ("the ministry announced", "the
// opposition rejected the plan"). The same words from anyone else (a
// company, a witness) are not coded.
func alone(code, src string) bool {
	switch cameo.Root(code) {
	case "09", "14", "17", "18":
		return true
	case "15", "19", "20":
		return armed(src) // "the hospital has deployed", "CNN hit"
	case "01", "02", "10", "11", "12", "13":
		// "the ministry called for calm", "the opposition rejected the
		// plan": said by a political actor, with no actor as its object
		return political(src)
	}
	switch code {
	case "0871", "0874":
		return true
	}
	return false
}

// stateActor reports a state or one of its bodies, or an international
// organization: no opposition, civilians or companies.
func stateActor(code string) bool {
	if len(code) == 3 {
		_, ok := cameo.Country(code)
		return ok
	}
	if strings.HasPrefix(code, "IGO") {
		return true
	}
	for i := 3; i+3 <= len(code); i += 3 {
		switch code[i : i+3] {
		case "GOV", "LEG", "JUD", "MIL", "SPY":
		default:
			return false
		}
	}
	return len(code) > 3
}

// stateForce reports a state or its military, the actors whose force
// on things GDELT places in the country where it lands.
func stateForce(code string) bool {
	if len(code) == 3 {
		_, ok := cameo.Country(code)
		return ok
	}
	return len(code) == 6 && code[3:] == "MIL"
}

// armed reports whether an actor code may use force on its own: a state,
// its military, police or intelligence, an armed group, a criminal.
func armed(code string) bool {
	if len(code) == 3 {
		_, ok := cameo.Country(code)
		return ok
	}
	for i := 0; i+3 <= len(code); i += 3 {
		switch code[i : i+3] {
		case "MIL", "COP", "SPY", "REB", "INS", "SEP", "UAF", "CRM", "IMG", "PKO", "NAT": // NAT: NATO, a military alliance
			return true
		}
	}
	return false
}

// verbalAttack reports a verb of attacking that news uses for words as
// often as for force ("attacked the decision", "hit out at").
func verbalAttack(up string) bool {
	for _, p := range []string{"ATTACK", "HIT", "STRIK", "STRUCK", "TARGET", "SMASH"} {
		if strings.HasPrefix(up, p) {
			return true
		}
	}
	return false
}

// political reports whether an actor code names a state, a body of one,
// an international organization, or an armed or opposition group.
func political(code string) bool {
	if len(code) == 3 {
		_, ok := cameo.Country(code)
		return ok
	}
	for i := 0; i+3 <= len(code); i += 3 {
		switch code[i : i+3] {
		case "GOV", "LEG", "JUD", "MIL", "COP", "SPY", "REB", "INS", "SEP", "OPP", "IGO", "UAF", "IMG":
			return true
		}
	}
	return false
}

func actorOf(r *dragoman.ActorRef) string {
	if r == nil {
		return ""
	}
	return r.Actor
}

// vague reports an actor the text names by its role only, with its
// country from the context ("officials", "police").
func vague(s *sentence, h *actorHit) bool {
	return h.ctx
}

// institution reports whether an actor is a state or a political body
// named as such ("Russia", "the Foreign Ministry", "NATO"), not a person
// nor a role with its country from the context.
func (s *sentence) institution(h *actorHit) bool {
	if h.mention < 0 || h.ctx || !political(h.code) {
		return false
	}
	m := s.mentions[h.mention]
	if m.weak {
		return false
	}
	if ci := s.chunkOf[m.start]; ci >= 0 {
		c := s.chunks[ci]
		for _, a := range c.agents {
			if !bodyWords[s.toks[s.agents[a].end-1].Up] {
				return false // "Tehran's foreign minister": a person
			}
		}
		for k := c.start; k < c.end; k++ {
			if mi := s.mentAt[k]; mi >= 0 && !s.bodyMention(s.mentions[mi]) {
				return false // "AU chairperson President el-Sisi"
			}
		}
	}
	return s.bodyMention(m)
}

// bodyMention reports whether a mention names a state or an organization,
// not a person or a group of people ("U.S. officials").
func (s *sentence) bodyMention(m mention) bool {
	if m.weak || m.person {
		return false
	}
	if m.ref >= 0 {
		if m.ref >= len(s.entityTypes) {
			return false
		}
		switch s.entityTypes[m.ref] {
		case dragoman.Person, dragoman.Group:
			return false
		}
	}
	return true
}

// pronounBefore reports whether the subject of the verb at token i is a
// pronoun ("he said").
func (s *sentence) pronounBefore(i int) bool {
	k := s.skipLeft(i - 1)
	return k >= 0 && classOf(s.toks[k].Up) == cPron
}

// bodyWords are the roles that name a body rather than a person.
var bodyWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`GOVERNMENT GOVERNMENTS ADMINISTRATION MINISTRY MINISTRIES DEPARTMENT
		AGENCY POLICE MILITARY ARMY NAVY FORCES COURT PARLIAMENT CONGRESS SENATE ASSEMBLY KREMLIN
		CABINET REGIME COUNCIL COMMISSION AUTHORITIES OFFICE EMBASSY LEADERSHIP`) {
		bodyWords[w] = true
	}
}

// distinct reports whether two actors are different organizations or
// groups of the document, whatever their codes ("the RSF accused the army": two
// SDNMIL): news mode only.
func (s *sentence) distinct(a, b *actorHit) bool {
	if !s.news || a.mention < 0 || b.mention < 0 || a.mention >= len(s.mentions) || b.mention >= len(s.mentions) {
		return false
	}
	ra, rb := s.mentions[a.mention].ref, s.mentions[b.mention].ref
	return ra >= 0 && rb >= 0 && ra != rb && body(s.entityTypes[ra]) && body(s.entityTypes[rb])
}

// body reports an organization or group, the actors a shared code may
// hide two of (a government army and a paramilitary force both MIL).
func body(t dragoman.EntityType) bool {
	return t == dragoman.Organization || t == dragoman.Group
}

// isPerson reports an actor that is a person of the document, whose
// bare country code stands for their nationality, not their state.
func (s *sentence) isPerson(h *actorHit) bool {
	if h.mention < 0 || h.mention >= len(s.mentions) {
		return false
	}
	m := s.mentions[h.mention]
	return m.weak || m.person || m.ref >= 0 && m.ref < len(s.entityTypes) && s.entityTypes[m.ref] == dragoman.Person
}

// isWeak reports an actor known by name only (see weakMark).
func (s *sentence) isWeak(h *actorHit) bool {
	return h.mention >= 0 && h.mention < len(s.mentions) && s.mentions[h.mention].weak
}

func sameCountry(a, b string) bool {
	return len(a) >= 3 && len(b) >= 3 && a[:3] == b[:3]
}

// selfEvent reports an event of an actor on itself or on its own bare
// country ("the Trump administration ... Washington's relations"), which
// shallow parsing gives more often than news reports it; an event between
// two bodies of one country (USAGOV on USALEG) is kept.
func selfEvent(a, b string) bool {
	return a == b || sameCountry(a, b) && (len(a) == 3 || len(b) == 3)
}

// ref makes the ActorRef of an actor hit.
func (st *docState) ref(s *sentence, h *actorHit) *dragoman.ActorRef {
	r := &dragoman.ActorRef{Actor: spokenFor(h.code)}
	if h.external != nil {
		c := *h.external
		c.Actor = spokenFor(h.code)
		return &c
	}
	if h.start >= 0 && h.end > h.start && h.end <= len(s.toks) {
		sp := dragoman.NewSpan(st.d.Article.Body, s.toks[h.start].Start, s.toks[h.end-1].End)
		r.Span = &sp
		r.Name = sp.Text
	}
	if h.mention >= 0 {
		m := s.mentions[h.mention]
		if m.ref >= 0 && m.ref < len(st.d.Entities) {
			r.Entity = st.d.Entities[m.ref].ID
			r.Name = st.d.Entities[m.ref].Name
		} else if m.name != "" && r.Name == "" {
			r.Name = m.name
		}
	}
	return r
}

// negatedBefore reports a negation shortly before token i in its clause
// ("did not attack", "no thought of making concessions", "refused to").
func (s *sentence) negatedBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-7; k-- {
		u := s.toks[k].Up
		switch u {
		case "NOT", "N'T", "NEVER", "NO":
			return true
		case ",", ";", ":", "THAT", "WHICH", "WHO", "BECAUSE", "IF", "WHEN", "WHILE", "BUT":
			return false
		case "REFUSED", "REFUSES", "REFUSE", "DECLINED", "DECLINES", "FAILED", "FAILS":
			return k+1 < len(s.toks) && s.toks[k+1].Up == "TO"
		}
	}
	return false
}

// agreedTo reports "agreed (on Friday) to" at token i: a commitment.
func (s *sentence) agreedTo(i int) bool {
	if !strings.HasPrefix(s.toks[i].Up, "AGREE") {
		return false
	}
	for k := i + 1; k < len(s.toks) && k <= i+4; k++ {
		switch s.toks[k].Up {
		case "TO":
			return true
		case ",", ";", ":", "THAT", "WITH":
			return false
		}
	}
	return false
}

// refusedBefore reports refusal wording ("refused to", "declined to")
// shortly before token i in its clause, as opposed to a plain "not".
func (s *sentence) refusedBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-7; k-- {
		switch s.toks[k].Up {
		case ",", ";", ":", "THAT", "WHICH", "WHO", "BECAUSE", "IF", "WHEN", "WHILE", "BUT":
			return false
		case "REFUSED", "REFUSES", "REFUSE", "DECLINED", "DECLINES", "FAILED", "FAILS", "REJECTED", "REJECTS":
			return k+1 < len(s.toks) && s.toks[k+1].Up == "TO"
		}
	}
	return false
}

// modalityBefore returns "intent" or "possible" when the action is not
// asserted as done: "would be willing to put troops", "might lead to a
// summit", "plans to visit".
func (s *sentence) modalityBefore(i int) string {
	mod := ""
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		u := s.toks[k].Up
		switch u {
		case ",", ";", ":", "THAT", "WHICH", "WHO", "BECAUSE", "WHEN", "WHILE", "BUT", "AND":
			return mod
		case "WILLING", "READY", "PREPARED", "PLANS", "PLAN", "PLANNED", "INTENDS", "INTEND", "INTENDED",
			"OFFERED", "OFFERS", "PROMISED", "PROMISES", "PLEDGED", "PLEDGES", "VOWED", "VOWS", "HOPES", "HOPED",
			"WANTS", "WANTED", "AIMS", "SEEKS", "SOUGHT", "LEAD":
			if k+1 < len(s.toks) && (s.toks[k+1].Up == "TO" || s.toks[k+1].Up == "FOR" && (u == "READY" || u == "WILLING" || u == "PREPARED")) {
				return ModalityIntent // "plans to visit", "ready for talks"
			}
		case "ASKED", "REQUESTED", "URGED", "ASKS", "REQUESTS", "URGES", "ASKING", "REQUESTING", "URGING":
			if k < i-1 && s.verbAt[k] < 0 || k < i-1 && s.verbs[s.verbAt[k]].end < i {
				return modalityRequested // "has requested Trump declare a state of emergency"
			}
		case "WOULD", "COULD", "MIGHT", "MAY", "WILL", "SHALL", "'LL", "'D":
			if mod == "" {
				mod = ModalityPossible
			}
		}
	}
	return mod
}

// modalityRequested marks an action another actor asked for; such
// events are not kept.
const modalityRequested = "requested"

// adjustCode turns a negated cooperation into a refusal and an intended
// or possible one into an intent (CAMEO 03), an announced act of force
// into a threat (13), and drops negated conflict.
func adjustCode(code string, neg bool, mod string) (string, bool) {
	root := cameo.Root(code)
	if root == "" {
		return code, false
	}
	r := 0
	fmt.Sscanf(root, "%d", &r)
	if neg && code == "011" {
		return code, true // "declined to comment": the refusal is the code
	}
	if neg {
		switch {
		case r == 8:
			return "124", true
		case r == 4 || code == "036":
			return "125", true
		case r == 6 || r == 7:
			return "121", true
		case r == 3 && strings.HasPrefix(code, "033"):
			return "122", true
		case r >= 1 && r <= 5:
			return "120", true
		}
		return code, false
	}
	if mod == "" {
		return code, true
	}
	switch r {
	case 4:
		return "036", true
	case 5:
		return "032", true
	case 6:
		return "031", true
	case 7:
		switch cameo.Base(code) {
		case "071":
			return "0331", true
		case "072":
			return "0332", true
		case "073":
			return "0333", true
		case "074":
			return "0334", true
		}
		return "033", true
	case 8:
		switch cameo.Base(code) {
		case "084":
			return "0353", true
		case "085":
			return "0354", true
		case "087":
			return "0356", true
		}
		return "035", true
	}
	switch {
	case r == 16 || r == 17:
		return "130", true // "will cut ties", "would arrest": a threat
	case r == 15:
		return code, true // "would send more ships": a posture announced, kept with its modality
	case r >= 15:
		return "138", true // "will destroy", "would attack": threatening force
	}
	return code, true
}

// dateOf takes the date of a time expression near the event, else the
// publication date.
func (st *docState) dateOf(s *sentence, lo, hi int) *dragoman.DateRef {
	a := s.toks[lo].Start
	end := hi + 4
	if end > len(s.toks) {
		end = len(s.toks)
	}
	b := s.toks[end-1].End
	best := -1
	for i, t := range st.d.Dates {
		if t.Kind == "duration" || t.Kind == "set" || t.Value == "" {
			continue
		}
		if t.Span.Start < b && t.Span.End > a {
			best = i
			break
		}
	}
	if best >= 0 {
		t := st.d.Dates[best]
		return &dragoman.DateRef{Value: t.Value, Precision: t.Precision, Expr: best, Origin: "sentence"}
	}
	if !st.pub.IsZero() {
		prec := dragoman.PrecisionDay
		if p := st.d.Article.Published; p != nil && p.Precision != "" && p.Precision != dragoman.PrecisionMinute && p.Precision != dragoman.PrecisionSecond {
			prec = p.Precision
		}
		return &dragoman.DateRef{Value: st.pub.Format("2006-01-02"), Precision: prec, Expr: -1, Origin: "published"}
	}
	return nil
}

// placeOf finds where the event happened: a place named in or just after
// it ("in Riyadh", "the Riyadh meeting"), or the dateline city for "here"
// and for a meeting of the day that names no place (not a phone call).
func (st *docState) placeOf(s *sentence, lo, hi, trig int, meetingToday bool) *dragoman.Place {
	end := hi + 8
	if end > len(s.toks) {
		end = len(s.toks)
	}
	body := st.d.Article.Body
	placeAt := func(m mention) *dragoman.Place {
		sp := dragoman.NewSpan(body, s.toks[m.start].Start, s.toks[m.end-1].End)
		p := &dragoman.Place{Name: sp.Text, Origin: "sentence", Span: &sp}
		if cc, ok := st.c.gaz.CountryOf(sp.Text); ok {
			p.CountryCode = cc
		} else if len(m.codes) > 0 && len(m.codes[0]) >= 3 {
			p.CountryCode = m.codes[0][:3]
		}
		if m.ref >= 0 && m.ref < len(st.d.Entities) {
			p.Entity = st.d.Entities[m.ref].ID
		}
		return p
	}
	// "the talks here"
	for k := trig + 1; k < len(s.toks) && k <= hi+1; k++ {
		if s.toks[k].Up == "HERE" {
			if dl := st.d.Article.Dateline; dl != nil && dl.Place != "" {
				return &dragoman.Place{Name: dl.Place, CountryCode: dl.CountryCode, Origin: "dateline"}
			}
		}
	}
	// a place inside the trigger's phrase: "the Riyadh meeting"
	if ci := s.chunkOf[trig]; ci >= 0 {
		for k := s.chunks[ci].start; k < trig; k++ {
			if mi := s.mentAt[k]; mi >= 0 && s.mentions[mi].place {
				return placeAt(s.mentions[mi])
			}
		}
	}
	for k := lo; k < end-1; k++ {
		u := s.toks[k].Up
		if u != "IN" && u != "AT" {
			continue
		}
		for j := k + 1; j < end && j <= k+4; j++ {
			if mi := s.mentAt[j]; mi >= 0 {
				m := s.mentions[mi]
				if m.place || isCountry(m.codes) && st.isPlaceName(s, m) {
					return placeAt(m)
				}
				break
			}
			if classOf(s.toks[j].Up) != cDet && classOf(s.toks[j].Up) != cContent {
				break
			}
		}
	}
	here := false
	for _, t := range s.toks {
		if t.Up == "HERE" {
			here = true
		}
	}
	if dl := st.d.Article.Dateline; dl != nil && dl.Place != "" && (here || meetingToday) {
		return &dragoman.Place{Name: dl.Place, CountryCode: dl.CountryCode, Origin: "dateline"}
	}
	return nil
}

// isPlaceName reports whether a mention names a country or region rather
// than its people ("in Europe", not "in European airspace").
func (st *docState) isPlaceName(s *sentence, m mention) bool {
	text := st.d.Article.Body[s.toks[m.start].Start:s.toks[m.end-1].End]
	_, ok := st.c.gaz.Find(text, gazetteer.KindCountry, gazetteer.KindRegion, gazetteer.KindCity)
	return ok
}

func isCountry(codes []string) bool {
	if len(codes) == 0 || len(codes[0]) != 3 {
		return false
	}
	_, ok := cameo.Country(codes[0])
	return ok
}

// quoteAt returns the quotation or reported speech holding offset off.
func (st *docState) quoteAt(off int) *dragoman.Quote {
	var best *dragoman.Quote
	for i := range st.d.Quotes {
		q := &st.d.Quotes[i]
		if off >= q.Start && off < q.End && q.Speaker != nil {
			if best == nil || q.Len() < best.Len() {
				best = q
			}
		}
	}
	return best
}

// restates reports whether ev repeats an event already kept: the same
// actors and root in overlapping words ("imposed new sanctions on Iran"
// as a verb and as a noun).
func (st *docState) restates(ev dragoman.Event) bool {
	for i := len(st.d.Events) - 1; i >= 0; i-- {
		o := st.d.Events[i]
		if o.Sentence != ev.Sentence {
			break
		}
		if o.Root == ev.Root && o.Source.Actor == ev.Source.Actor && actorOf(o.Target) == actorOf(ev.Target) && o.Evidence.Overlaps(ev.Evidence) {
			return true
		}
	}
	return false
}

// finish gives troops "on the ground" the country where the article's
// fighting is, drops what still has no target, and numbers the events.
func (st *docState) finish() {
	theater := map[string]int{}
	for _, dr := range st.drafts {
		if dr.ev.Target != nil && dr.ev.QuadClass == cameo.MaterialConflict && len(dr.ev.Target.Actor) >= 3 {
			theater[dr.ev.Target.Actor[:3]]++
		}
	}
	where, most := "", 0
	for c, n := range theater {
		if n > most || (n == most && c < where) {
			where, most = c, n
		}
	}
	seen := map[string]bool{}
	for _, dr := range st.drafts {
		ev := dr.ev
		if ev.Target == nil && dr.needTarget {
			switch {
			case where != "" && !selfEvent(ev.Source.Actor, where):
				name, _ := cameo.Country(where)
				ev.Target = &dragoman.ActorRef{Name: name, Actor: where}
			case !alone(ev.Code, ev.Source.Actor):
				continue
			}
		}
		key := fmt.Sprintf("%d|%s|%s|%s|%d", ev.Sentence, ev.Source.Actor, actorOf(ev.Target), ev.Code, ev.Trigger.Start)
		if seen[key] || st.restates(ev) {
			continue
		}
		seen[key] = true
		ev.ID = fmt.Sprintf("v%d", len(st.d.Events)+1)
		st.d.Events = append(st.d.Events, ev)
	}
}

// nationOf gives the country code of a mention that names an actor and not
// a place ("in Gaza", "the Riyadh talks"), or "".
func (s *sentence) nationOf(m mention) string {
	if len(m.codes) == 0 || len(m.codes[0]) < 3 || m.codes[0][:3] == "---" || m.place {
		return ""
	}
	if m.start > 0 {
		switch s.toks[m.start-1].Up {
		case "IN", "AT", "NEAR", "INSIDE", "ACROSS", "THROUGHOUT":
			return ""
		}
	}
	return m.codes[0][:3]
}

// pairBefore returns the last two countries named before token i of the
// sentence (earlier sentences included), for "the two sides".
func (s *sentence) pairBefore(i int) (string, string) {
	codes := append([]string(nil), s.prior...)
	for _, m := range s.mentions {
		if c := s.nationOf(m); m.end <= i && c != "" {
			codes = append(codes, c)
		}
	}
	var a, b string
	for k := len(codes) - 1; k >= 0; k-- {
		switch {
		case strings.HasPrefix(codes[k], "IGO"):
		case b == "":
			b = codes[k]
		case !sameCountry(codes[k], b):
			a = codes[k]
			return a, b
		}
	}
	return "", ""
}

// spokenFor drops a government type appended to an actor that already has
// a type of its own: "Hamas spokesman" (PSEREBHMS), "delegations from
// Sudan's army" (SDNMIL), "a Russian army spokesman" (RUSMIL) speak for
// that actor; they are no government of it.
func spokenFor(code string) string {
	if strings.HasPrefix(code, "IGO") && len(code) > 6 && strings.HasSuffix(code, "GOV") {
		return code[:len(code)-3] // "a NATO spokesman": IGOWSTNAT, never + GOV
	}
	if len(code) < 9 || !strings.HasSuffix(code, "GOV") {
		return code
	}
	for i := 3; i+3 <= len(code)-3; i += 3 {
		switch code[i : i+3] {
		case "MIL", "REB", "COP", "SPY", "OPP", "INS", "UAF", "JUD", "LEG":
			return code[:len(code)-3]
		}
	}
	return code
}
