package actor

import (
	"sort"
	"strings"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/gazetteer"
)

// resolve gives every entity its name, country and actor code.
func (s *state) resolve() {
	for _, e := range s.ents {
		sortCands(e.cands)
		e.first = e.cands[0].start
	}
	main := s.mainCountry()
	// organizations, places and groups first: people may point at them
	for _, e := range s.ents {
		if e.typ != dragoman.Person && e.typ != dragoman.Group {
			s.resolveThing(e, main)
		}
	}
	// people whose roles stand on their own, then those that point at
	// another person ("adviser to Putin")
	for pass := 0; pass < 2; pass++ {
		for _, e := range s.ents {
			if e.typ != dragoman.Person || e.actor != "" || e.origin == "done" {
				continue
			}
			dep := false
			for _, r := range e.roles {
				if r.ofPerson != nil && r.Country == "" {
					dep = true
				}
			}
			if dep && pass == 0 {
				continue
			}
			s.resolvePerson(e, main)
		}
	}
	for _, e := range s.ents {
		if e.typ == dragoman.Group {
			s.resolveGroup(e, main)
		}
	}
}

// mainCountry is the country the article is most about: the country of
// its most mentioned administration, else its most mentioned country.
func (s *state) mainCountry() string {
	if s.mainCC != nil {
		return *s.mainCC
	}
	cc := s.countMainCountry()
	s.mainCC = &cc
	return cc
}

func (s *state) countMainCountry() string {
	count := map[string]int{}
	for _, c := range s.cands {
		if !c.dead && !c.desc && (c.typ == dragoman.GPE || c.typ == dragoman.NORP) && len(c.country) == 3 && c.kind != gazetteer.KindRegion {
			if _, ok := s.g.Country(c.country); ok {
				if cc, _ := s.g.Country(c.country); !cc.IsRegion {
					count[c.country]++
				}
			}
		}
	}
	// the dateline's country counts twice; ties go to the country named
	// first
	if dl := s.d.Article.Dateline; dl != nil && len(dl.CountryCode) == 3 {
		count[dl.CountryCode] += 2
	}
	firstAt := map[string]int{}
	for _, c := range s.cands {
		if _, seen := firstAt[c.country]; !seen && count[c.country] > 0 && !c.dead {
			firstAt[c.country] = c.start
		}
	}
	best, n := "", 0
	for k, v := range count {
		if v > n || v == n && (firstAt[k] < firstAt[best] || firstAt[k] == firstAt[best] && k < best) {
			best, n = k, v
		}
	}
	return best
}

func (s *state) entityOf(c *cand) *entity {
	if c == nil || c.ent < 0 || c.ent >= len(s.ents) {
		return nil
	}
	return s.ents[c.ent]
}

func (s *state) longestText(e *entity) string {
	best := ""
	for _, c := range e.cands {
		if c.desc {
			continue
		}
		t := s.body[c.start:c.end]
		if len(t) > len(best) {
			best = t
		}
	}
	return best
}

func (s *state) resolveThing(e *entity, main string) {
	c0 := e.cands[0]
	e.name = c0.name
	if e.name == "" {
		e.name = s.longestText(e)
	}
	e.ctry = c0.country
	e.actor = c0.actor
	if e.actor != "" {
		e.origin = "gazetteer"
	}
	switch {
	case c0.admin:
		head := ""
		for _, c := range e.cands {
			if c.adminHead != "" {
				head = c.adminHead
				e.name = c.name
				break
			}
		}
		country := ""
		if head != "" {
			if hs := s.g.Person(head); len(hs) > 0 {
				country = hs[0].Country
			}
		}
		if country == "" {
			country = main
			e.origin = "context"
		} else {
			e.origin = "dictionary"
		}
		if e.name == "" {
			e.name = "administration"
		}
		e.ctry = country
		if country != "" {
			e.actor = country + "GOV"
		}
	case c0.capital:
		for _, c := range e.cands {
			if c.metonymic {
				e.actor = e.ctry + "GOV"
				e.origin = "context"
			}
		}
	case e.actor == "" && s.r.dict != nil:
		for _, c := range e.cands {
			if code, ok := s.r.dict.Code(s.body[c.start:c.end], s.at); ok {
				e.actor, e.origin = code, "petrarch"
				break
			}
		}
	}
}

// adminCountry is the country of the administration a group belongs to.
func (s *state) adminCountry(head, main string) string {
	if head != "" {
		if hs := s.g.Person(head); len(hs) > 0 {
			return hs[0].Country
		}
	}
	var best *entity
	for _, e := range s.ents {
		if strings.HasPrefix(e.key, "A:") && e.ctry != "" && (best == nil || len(e.cands) > len(best.cands)) {
			best = e
		}
	}
	if best != nil {
		return best.ctry
	}
	return main
}

func (s *state) resolveGroup(e *entity, main string) {
	c0 := e.cands[0]
	e.name = c0.name
	if w := strings.Fields(e.name); len(w) > 1 && (w[0] == "Other" || w[0] == "other") {
		e.name = strings.Join(w[1:], " ")
	}
	e.ctry, e.actor, e.origin = c0.country, c0.actor, "role"
	if c0.groupAdmin {
		e.ctry = s.adminCountry(c0.adminHead, main)
		if e.ctry != "" {
			e.actor = e.ctry + c0.otype
		}
	}
}

func (s *state) resolvePerson(e *entity, main string) {
	// the name: the longest full name of the text, else the dictionary's
	best := []string{}
	for _, c := range e.cands {
		if c.desc {
			continue
		}
		ws := s.personWords(c)
		if len(ws) > len(best) || len(ws) == len(best) && len(strings.Join(ws, " ")) > len(strings.Join(best, " ")) {
			best = ws
		}
	}
	e.name = strings.Join(best, " ")
	holders := s.holdersOf(e)
	if len(holders) == 0 {
		holders = s.g.Person(e.name)
		if len(holders) > 0 && len(best) == 1 {
			// a person of the dictionary out of office: name only
			holders = holders[:1]
			e.name = holders[0].Name
			holders = nil
		}
	}
	if len(best) == 1 && len(holders) > 0 {
		e.name = holders[0].Name
	}
	// finish the roles: countries of the people they serve
	for i := range e.roles {
		r := &e.roles[i]
		if r.Country == "" && r.ofPerson != nil {
			if x := s.entityOf(r.ofPerson); x != nil && x != e {
				r.Country = x.ctry
				if r.Country == "" {
					r.Country = s.dictCountry(x)
				}
			}
		}
	}
	country := ""
	for _, cur := range []bool{true, false} {
		for _, r := range e.roles {
			if r.Country != "" && len(r.Country) == 3 && (!cur || !r.Former && !r.Retired) {
				country = r.Country
				break
			}
		}
		if country != "" {
			break
		}
	}
	if country == "" && len(holders) > 0 {
		country = holders[0].Country
	}
	if country == "" {
		for _, c := range e.cands {
			if c.homeCountry != "" {
				country = c.homeCountry
				break
			}
		}
	}
	if country == "" && s.r.dict != nil {
		if code, ok := s.r.dict.Code(e.name, s.at); ok && len(code) >= 3 && !strings.HasPrefix(code, "IGO") {
			country = code[:3]
		}
	}
	e.ctry = country
	// the actor: a current role of the text, else the dictionary
	typeOnly := ""
	for _, r := range e.roles {
		if r.Former || r.Retired || r.Type == "" {
			continue
		}
		switch {
		case r.ofActor != "":
			e.actor = r.ofActor
		case r.Country != "":
			e.actor = r.Country + roleType(r.Type)
		case country != "":
			e.actor = country + roleType(r.Type)
		case len(holders) > 0:
			// a state's official the text gives no country, whom the
			// dictionary knows in office: the dictionary, not the context
			continue
		case main != "" && stateType[r.Type]:
			// a state's official the text gives no country: the country
			// named nearest before, else the article's country
			near := s.nearCountry(e, main)
			e.actor, e.ctry = near+roleType(r.Type), near
			e.origin = "context"
			return
		default:
			if typeOnly == "" && r.Of != "" && r.Type != "ELI" && !stateType[r.Type] && !r.Former {
				typeOnly = roleType(r.Type)
			}
			continue
		}
		e.origin = "role"
		return
	}
	if len(e.roles) > 0 && country != "" {
		// former or retired only: the country alone
		e.actor, e.origin = country, "role"
		return
	}
	if len(e.roles) > 0 && len(holders) == 0 && main != "" {
		for _, r := range e.roles {
			if stateType[r.Type] {
				near := s.nearCountry(e, main)
				e.actor, e.ctry, e.origin = near, near, "context"
				return
			}
		}
	}
	if len(holders) > 0 {
		h := holders[0]
		e.actor, e.origin = h.Actor, "dictionary"
		if e.ctry == "" {
			e.ctry = h.Country
		}
		e.roles = append(e.roles, pendingRole{Role: dragoman.Role{Title: h.Role, Country: h.Country, Type: h.Type, Origin: "dictionary"}})
		return
	}
	if s.r.dict != nil {
		for _, n := range []string{e.name, s.longestText(e)} {
			if code, ok := s.r.dict.Code(n, s.at); ok {
				e.actor, e.origin = code, "petrarch"
				return
			}
		}
	}
	if country != "" {
		e.actor, e.origin = country, "role"
		return
	}
	// "a researcher at the American University of Central Asia": a body
	// of no one country gives its kind alone
	if typeOnly != "" {
		e.actor, e.origin = typeOnly, "role"
	}
}

// nearCountry is the country named nearest before the first mention of a
// person, in its sentence or the two before it (a country, a demonym, a
// capital, a national body or group), else main. "Chinese officials
// accused him ... A spokesman for the Eastern Theater Command, Senior
// Colonel Shi Yi" makes the spokesman Chinese in a story about Taiwan.
func (s *state) nearCountry(e *entity, main string) string {
	first := e.cands[0]
	for _, c := range e.cands {
		if !c.desc && c.start < first.start || first.desc && !c.desc {
			first = c
		}
	}
	si := s.words[first.ws].sent
	// "She said Security Minister Omar García Harfuch would meet ...": a
	// person earlier in the sentence whose country is known
	for _, c := range s.cands {
		if c.dead || c.start >= first.start || s.words[c.ws].sent != si || c.ent < 0 || c.ent >= len(s.ents) {
			continue
		}
		if x := s.ents[c.ent]; x != e && x.typ == dragoman.Person {
			if cc := s.knownCountry(x); cc != "" {
				return cc
			}
		}
	}
	if cc := s.contextCountry(first.ws, first.start, 2); cc != "" {
		return cc
	}
	return main
}

// contextCountry is the country the words before word w (at byte offset
// before) speak for: the nearest side named before it in its own
// sentence, outside a relative clause ("Former president NAME, who moved
// the country closer to China": not China), else the side a sentence
// before it (up to back sentences) opens with, its subject ("The Maldives
// has awarded … a decision that follows competition between New Delhi
// and Beijing": the Maldives, not Beijing). A venue ("in Malabo") and a
// guest ("Sweden's ambassador") are no side. Empty when none.
func (s *state) contextCountry(w, before, back int) string {
	si := s.words[w].sent
	best, at := "", -1
	firstOf := map[int]string{}
	for _, c := range s.cands {
		if c.dead || c.desc || c.start >= before || len(c.country) != 3 {
			continue
		}
		cs := s.words[c.ws].sent
		if cs < si-back || cs > si {
			continue
		}
		switch c.typ {
		case dragoman.GPE, dragoman.NORP, dragoman.Group, dragoman.Organization:
		default:
			continue
		}
		if cc, ok := s.g.Country(c.country); !ok || cc.IsRegion {
			continue
		}
		if c.typ == dragoman.GPE && c.ws > 0 && s.sameSent(c.ws-1, c.ws) && venuePreps[s.words[c.ws-1].lower] {
			continue // "talks would resume in Caracas": a venue, not a side
		}
		if s.foreignPresence(c) {
			continue // "ordered Sweden's ambassador to leave": a guest, not a side
		}
		if cs < si {
			if s.inPersonRole(c) {
				continue // "a team led by former Nigerian president NAME": his side, not the sentence's
			}
			if _, ok := firstOf[cs]; !ok {
				firstOf[cs] = c.country
			}
			continue
		}
		if c.start > at && !s.inRelative(c.ws, w) {
			best, at = c.country, c.start
		}
	}
	if best != "" {
		return best
	}
	for k := si - 1; k >= si-back; k-- {
		if cc := firstOf[k]; cc != "" {
			return cc
		}
	}
	return ""
}

// inRelative: word k lies in a relative clause or a bracketed aside
// that closes before word w of the same sentence (", who moved the
// country closer to China during his term,").
func (s *state) inRelative(k, w int) bool {
	for j := k - 1; j >= 0 && s.sameSent(j, k); j-- {
		switch s.words[j].lower {
		case ",", ";", "(", ")":
			return false
		case "who", "whose", "which":
			// the clause must end before w
			for x := k + 1; x < w && s.sameSent(x, k); x++ {
				if s.words[x].text == "," || s.words[x].text == ")" {
					return true
				}
			}
			return false
		}
	}
	return false
}

// knownCountry is a person's country from the roles the text gives or the
// dictionary, before the person is resolved.
func (s *state) knownCountry(e *entity) string {
	if e.ctry != "" {
		return e.ctry
	}
	for _, r := range e.roles {
		if len(r.Country) == 3 && !r.Former && !r.Retired {
			return r.Country
		}
	}
	return s.dictCountry(e)
}

// foreignPresence reports a country named as the sender of an envoy or an
// embassy ("Sweden's ambassador", "the French embassy"), which names a
// guest of the country the story is about, not its officials' country.
func (s *state) foreignPresence(c *cand) bool {
	k := c.we
	if k < len(s.words) && s.words[k].text == "'s" {
		k++
	}
	if k >= len(s.words) || !s.sameSent(k, c.ws) {
		return false
	}
	w := s.words[k].lower
	return w == "embassy" || w == "embassies" || ambassadorTitles[w] || w == "envoy" || w == "envoys" || w == "diplomats"
}

var venuePreps = toSet("in at to near into across around inside outside via throughout")

// roleType maps the role types of titles onto the CAMEO codes an actor
// code carries.
func roleType(t string) string {
	switch t {
	case "IGO":
		return "GOV"
	case "":
		return ""
	}
	return t
}

// output writes the mentions and entities onto the document.
func (s *state) output() {
	var live []*cand
	for _, c := range s.cands {
		if !c.dead && c.ent >= 0 {
			live = append(live, c)
		}
	}
	sortCands(live)
	order := make([]*entity, 0, len(s.ents))
	for _, e := range s.ents {
		if len(e.cands) > 0 {
			order = append(order, e)
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].first < order[j].first })
	for i, e := range order {
		e.id = "e" + itoa(i+1)
	}
	mentions := make([]dragoman.Mention, 0, len(live))
	for _, c := range live {
		e := s.ents[c.ent]
		typ := e.typ
		m := dragoman.Mention{Span: dragoman.NewSpan(s.body, c.start, c.end), Type: typ, Sentence: s.words[c.ws].sent,
			Entity: e.id, Origin: c.origin, Score: c.score}
		if len(s.d.Sentences) > 0 {
			if k := s.d.SentenceAt(c.start); k >= 0 {
				m.Sentence = k
			}
		}
		mentions = append(mentions, m)
	}
	s.d.Mentions = mentions
	ents := make([]dragoman.Entity, 0, len(order))
	byID := map[string]int{}
	for _, e := range order {
		byID[e.id] = len(ents)
		ents = append(ents, dragoman.Entity{ID: e.id, Name: e.name, Type: e.typ, Country: e.ctry, Actor: e.actor,
			ActorOrigin: e.origin, Roles: finalRoles(e.roles, e.ctry), Mentions: []dragoman.Mention{}})
	}
	for _, e := range order {
		for _, c := range e.cands {
			if c.desc || e.typ != dragoman.Person {
				continue
			}
			for _, r := range c.roles {
				if r.Origin == "premodifier" && r.ws < c.ws {
					a := s.body[s.words[r.ws].start:c.end]
					x := &ents[byID[e.id]]
					if !contains(x.Aliases, a) {
						x.Aliases = append(x.Aliases, a)
					}
				}
			}
		}
	}
	for _, m := range mentions {
		k := byID[m.Entity]
		ents[k].Mentions = append(ents[k].Mentions, m)
		if m.Origin != "description" && m.Origin != "pronoun" && m.Text != ents[k].Name && !contains(ents[k].Aliases, m.Text) {
			ents[k].Aliases = append(ents[k].Aliases, m.Text)
		}
	}
	s.d.Entities = ents
}

func finalRoles(rs []pendingRole, country string) []dragoman.Role {
	var out []dragoman.Role
	seen := map[dragoman.Role]bool{}
	for _, r := range rs {
		if r.Country == "" && r.ofActor == "" && !r.Former && !r.Retired {
			r.Country = country // a role the text gives no country is held at home
		}
		k := r.Role
		k.Span = nil
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r.Role)
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// stateType are the role types of state actors, which take the country
// named nearest when the text gives them none.
var stateType = map[string]bool{"GOV": true, "MIL": true, "LEG": true, "JUD": true, "SPY": true, "COP": true, "IGO": true, "OPP": true,
	"REB": true, "INS": true, "SEP": true} // and the armed groups fighting a state

// inPersonRole: the name c is written in the role before or after a
// person's name ("former Nigerian president Goodluck Jonathan").
func (s *state) inPersonRole(c *cand) bool {
	for _, p := range s.cands {
		if p.dead || p.typ != dragoman.Person || len(p.roles) == 0 || !s.sameSent(p.ws, c.ws) {
			continue
		}
		for _, r := range p.roles {
			if r.ws <= c.ws && c.we <= r.we {
				return true
			}
		}
	}
	return false
}
