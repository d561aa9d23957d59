package actor

import (
	"strings"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/gazetteer"
)

// pendingRole is a role read from the text, some of whose parts wait for
// the entities to be known.
type pendingRole struct {
	dragoman.Role
	ws, we   int    // evidence words
	ofPerson *cand  // "adviser to Putin": the person the role serves
	ofActor  string // the actor code of an organization the role is held in (IGOWSTNAT)
	posting  string // where an ambassador or envoy is posted: not a nationality
	titleRef string // the head title, lower case, for descriptions ("president")
}

var flagWords = toSet("former ex- ex retired acting then onetime one-time erstwhile late interim")

var premodAdj = toSet(`deputy special senior chief top outgoing incoming longtime veteran current close national security
foreign policy press presidential assistant first vice associate principal lead executive defense defence economic
trade climate military house white personal political regional peace middle-east nuclear arms chief-of-staff top-ranking
high-ranking longtime longest-serving main industry health finance energy justice education interior agriculture environment
transport labour labor culture commerce development humanitarian`)

var postingTitles = toSet("ambassador envoy special envoy diplomat consul representative emissary peace envoy ambassadors envoys")

// ambassadorTitles represent a state wherever they are posted; an envoy
// may be an international body's own ("U.N. envoy").
var ambassadorTitles = toSet("ambassador ambassadors")

// postPreps put a role in a place it serves, not its holder's country:
// "ambassador in Lima", "coordinator for Sudan".
var postPreps = toSet("in for to")

var preps = toSet("to of in at on for with during since from under until after before by as")

// readRoles reads the roles of every person candidate.
func (s *state) readRoles() {
	for _, c := range s.cands {
		if c.dead || c.desc || c.typ != dragoman.Person {
			continue
		}
		if r, ok := s.premodifier(c, c.ws); ok {
			c.roles = append(c.roles, r)
		} else if k := c.ws - 1; k >= 1 && s.sameSent(k, c.ws) && s.words[k].text == "," {
			// "Russia's foreign minister, Sergei Lavrov, said": the title
			// must end right before the comma, or before a place it is
			// posted to ("Washington's ambassador in Lima, Karen Whitfield")
			end, posting, place := k, "", ""
			if p := s.candAt(k - 1); p != nil && p.typ == dragoman.GPE && p.we == k && p.ws >= 2 && s.sameSent(p.ws-1, c.ws) && postPreps[s.words[p.ws-1].lower] {
				end, posting, place = p.ws-1, s.text(p.ws, p.we), p.country
			}
			if _, h, ok := s.inTitle(end - 1); ok && h.end == end && !h.t.Group && !h.t.Honor {
				if r, ok := s.premodifier(c, end); ok {
					r.Origin = "appositive"
					if posting != "" {
						r.posting = posting
						if r.Of == "" {
							r.Of = posting
						}
						// "The opposition leader in Honiara, NAME,": only a
						// diplomat is posted abroad; anyone else serves
						// the place's country
						if r.Country == "" && r.ofActor == "" && !diplomatTitle(r.titleRef) && len(place) == 3 {
							r.Country = place
						}
					}
					c.roles = append(c.roles, r)
				}
			}
		}
		if len(c.roles) == 0 {
			if r, ok := s.sharedPlural(c); ok {
				c.roles = append(c.roles, r)
			}
		}
		c.roles = append(c.roles, s.postmodifiers(c)...)
		s.ofAfterName(c)
		for k := range c.roles {
			s.commissionOf(&c.roles[k])
		}
	}
}

// commissionOf gives a role of a commission that names no owner
// ("commission chairman NAME told reporters") to the international body
// named nearest before it: a commission is an organ of a bloc (the
// African Union Commission, the European Commission), not a company.
func (s *state) commissionOf(r *pendingRole) {
	if r.Country != "" || r.Of != "" || r.ofActor != "" || r.Former || r.ws <= 0 || r.ws >= len(s.words) {
		return
	}
	if s.words[r.ws-1].lower != "commission" && !strings.Contains(strings.ToLower(r.Title), "commission ") {
		return
	}
	var best *cand
	for _, p := range s.cands {
		if p.dead || p.start >= s.words[r.ws].start {
			continue
		}
		if p.typ == dragoman.Organization && orgActor(p) && strings.HasPrefix(p.actor, "IGO") {
			best = p
		}
	}
	if best == nil {
		return
	}
	r.Of, r.ofActor = best.name, best.actor
	if r.Type == "BUS" || r.Type == "" {
		r.Type = "GOV"
	}
}

// sharedPlural reads the role of the second name after a plural title:
// "deputy prime ministers Mher Grigoryan of Armenia and Shahin Mustafayev
// of Azerbaijan". The country is not shared: each name's own "of" gives it.
func (s *state) sharedPlural(c *cand) (pendingRole, bool) {
	k := c.ws - 1
	if k < 1 || !s.sameSent(k, c.ws) || s.words[k].lower != "and" {
		return pendingRole{}, false
	}
	k--
	if p := s.candAt(k); p != nil && p.typ == dragoman.GPE && p.we == k+1 && p.ws >= 1 && s.words[p.ws-1].lower == "of" {
		k = p.ws - 2 // "X of Armenia and": step over the first name's country
	}
	first := s.candAt(k)
	if first == nil || first.typ != dragoman.Person || first.we != k+1 || first.ws < 1 {
		return pendingRole{}, false
	}
	t := s.words[first.ws-1].lower
	if _, h, ok := s.inTitle(first.ws - 1); !ok || h.end != first.ws || !strings.HasSuffix(t, "s") || t == h.t.Title {
		return pendingRole{}, false
	}
	r, ok := s.premodifier(first, first.ws)
	if !ok || r.Country != "" || r.Of != "" {
		return pendingRole{}, false
	}
	return r, true
}

// ofAfterName reads "Professor Carl Lipo of Binghamton University" and
// "Brigid Kosgei of Kenya": an organization after the name is where the
// roles before it are held; a country is the person's own.
func (s *state) ofAfterName(c *cand) {
	k := c.we
	if !s.sameSent(k, c.ws) || k+1 >= len(s.words) {
		return
	}
	if p := s.words[k].lower; p != "of" && p != "from" && p != "at" {
		return
	}
	o := k + 1
	if s.words[o].lower == "the" && o+1 < len(s.words) {
		o++
	}
	obj := s.candAt(o)
	if obj == nil || !s.sameSent(o, c.ws) || obj.ws != o {
		return
	}
	switch {
	case obj.typ == dragoman.GPE && obj.kind == gazetteer.KindCountry:
		c.homeCountry = obj.country
	case obj.typ == dragoman.Organization && !obj.admin:
		for i := range c.roles {
			r := &c.roles[i]
			if r.Origin != "premodifier" || r.Of != "" {
				continue
			}
			r.Of = s.text(obj.ws, obj.we)
			if obj.otype != "" {
				if t, ok := s.g.Title(r.titleRef); ok {
					r.Type = orgRoleType(obj.otype, &t)
				}
			}
			if orgActor(obj) {
				r.ofActor = obj.actor
			} else if r.Country == "" {
				r.Country = obj.country
			}
		}
	}
}

func (s *state) sameSent(i, j int) bool {
	return i >= 0 && j >= 0 && i < len(s.words) && j < len(s.words) && s.words[i].sent == s.words[j].sent
}

// premodifier reads "Russian President", "State Department spokeswoman",
// "Middle East envoy", "former U.S. ambassador" before a name.
// premodifier reads the words before word at (the name, or the comma of a
// reversed appositive: "Russia's foreign minister, Sergei Lavrov").
func (s *state) premodifier(c *cand, at int) (pendingRole, bool) {
	type item struct {
		ws, we int
		cand   *cand
		title  *gazetteer.Title
		flag   string
		capq   bool // a capitalized qualifier of a title
	}
	var items []item
	i := at
	for i > 0 && s.sameSent(i-1, c.ws) && at-i < 12 {
		j := i - 1
		w := s.words[j]
		if k, h, ok := s.inTitle(j); ok && h.end == i && !h.t.Group {
			t := h.t
			items = append(items, item{ws: k, we: i, title: &t})
			i = k
			continue
		}
		if p := s.candAt(j); p != nil && p != c && p.we == i {
			if p.typ == dragoman.GPE || p.typ == dragoman.NORP || p.typ == dragoman.Location || p.typ == dragoman.Organization {
				items = append(items, item{ws: p.ws, we: p.we, cand: p})
				i = p.ws
				continue
			}
			break
		}
		if (w.text == "'s" || w.text == "-") && j > 0 {
			if p := s.candAt(j - 1); p != nil && p.typ != dragoman.Person {
				items = append(items, item{ws: j, we: i})
				i = j
				continue
			}
			break
		}
		if flagWords[w.lower] {
			items = append(items, item{ws: j, we: i, flag: w.lower})
			i = j
			continue
		}
		// "Organisation of Islamic Cooperation (OIC) head": an acronym in
		// brackets repeats the organization before it
		if w.text == ")" && j >= 2 && s.words[j-2].text == "(" && len(items) > 0 && items[len(items)-1].title != nil {
			if p := s.candAt(j - 3); p != nil && p.typ == dragoman.Organization && p.we == j-2 {
				items = append(items, item{ws: p.ws, we: p.we, cand: p})
				i = p.ws
				continue
			}
		}
		if w.cap && len(items) > 0 && (items[len(items)-1].title != nil || items[len(items)-1].capq) && !s.isTitleWord(j) &&
			!dayMonth[w.lower] && !(w.first && common[w.lower]) && !common[w.lower] {
			// a capitalized qualifier of the title after it ("Emergency Situations Minister")
			items = append(items, item{ws: j, we: i, capq: true})
			i = j
			continue
		}
		if premodAdj[w.lower] && len(items) > 0 {
			items = append(items, item{ws: j, we: i})
			i = j
			continue
		}
		// "AU trade and industry commissioner": two fields of a title
		if w.lower == "and" && len(items) > 0 && j > 0 && premodAdj[s.words[j-1].lower] && premodAdj[s.words[i].lower] && s.sameSent(j-1, c.ws) {
			items = append(items, item{ws: j, we: i})
			i = j
			continue
		}
		break
	}
	// the words read must hold a title
	var head *gazetteer.Title
	for _, it := range items { // items run right to left: the first title is the head
		if it.title != nil {
			head = it.title
			break
		}
	}
	if head == nil || head.Honor {
		return pendingRole{}, false
	}
	r := pendingRole{ws: i, we: at, titleRef: head.Title}
	r.Origin = "premodifier"
	r.Type = head.Type
	textStart := -1
	for k := len(items) - 1; k >= 0; k-- { // left to right
		it := items[k]
		switch {
		case it.flag != "":
			setFlag(&r.Role, it.flag)
			continue
		case it.cand != nil && (it.cand.typ == dragoman.GPE || it.cand.typ == dragoman.NORP) && textStart < 0:
			if r.Country == "" {
				r.Country = it.cand.country
			}
			continue
		case it.cand == nil && it.title == nil && textStart < 0 && (s.words[it.ws].text == "'s" || s.words[it.ws].text == "-"):
			continue
		}
		if it.cand != nil && it.cand.typ == dragoman.Organization && ambassadorTitles[head.Title] && orgActor(it.cand) {
			// "Rwanda's U.N. ambassador": a country's ambassador posted to
			// an international body, not an official of that body
			r.posting = s.text(it.cand.ws, it.cand.we)
		} else if it.cand != nil && it.cand.typ == dragoman.Organization {
			r.Of = s.text(it.cand.ws, it.cand.we)
			if it.cand.otype != "" {
				r.Type = orgRoleType(it.cand.otype, head)
			}
			if orgActor(it.cand) {
				r.ofActor = it.cand.actor
			} else if r.Country == "" {
				r.Country = it.cand.country
			}
		}
		if textStart < 0 {
			textStart = it.ws
		}
	}
	if textStart < 0 {
		textStart = i
	}
	r.Title = s.text(textStart, at)
	if j := i - 1; r.Country == "" && r.Of == "" && r.ofActor == "" && j >= 0 && s.sameSent(j, c.ws) && (s.words[j].lower == "its" || s.words[j].lower == "their") {
		s.possessorOrg(&r, j, head)
	}
	if r.Country == "" {
		r.Country = head.Country
	}
	// "Hong Kong Chief Executive Carrie Lam": a business title of a place
	// with no company is an office of its government
	if r.Type == "BUS" && r.Of == "" && r.Country != "" && s.words[at-1].cap {
		for _, it := range items {
			if it.cand != nil && it.cand.typ == dragoman.GPE {
				r.Type = "GOV"
			}
		}
	}
	sp := dragoman.NewSpan(s.body, s.words[i].start, s.words[at-1].end)
	r.Span = &sp
	return r, true
}

// orgRoleType is the role type of a title held in an organization of type
// otype: a spokeswoman of the Pentagon speaks for the military.
func orgRoleType(otype string, t *gazetteer.Title) string {
	switch otype {
	case "IGO", "NGO", "BUS", "MED", "GOV", "MIL", "LEG", "JUD", "SPY", "COP", "REB", "HRI", "EDU", "IMG", "INS", "CRM":
	default:
		return t.Type
	}
	if otype == "REB" || otype == "INS" || otype == "CRM" {
		return otype // the founder of an armed group is no businessman
	}
	if t.Type == "BUS" || t.Type == "MED" && otype != "MED" {
		return t.Type
	}
	if otype == "IGO" || otype == "IMG" {
		return t.Type
	}
	return otype
}

func setFlag(r *dragoman.Role, f string) {
	switch f {
	case "retired":
		r.Retired = true
	case "acting", "interim":
		r.Acting = true
	default:
		r.Former = true
	}
}

// relative verbs and what they say of the role that follows.
var relVerbs = []struct {
	words  []string
	former bool
	affil  bool
}{
	{words: []string{"once", "served", "as"}, former: true},
	{words: []string{"previously", "served", "as"}, former: true},
	{words: []string{"formerly", "served", "as"}, former: true},
	{words: []string{"served", "as"}, former: true},
	{words: []string{"used", "to", "be"}, former: true},
	{words: []string{"had", "been"}, former: true},
	{words: []string{"was", "once"}, former: true},
	{words: []string{"was"}, former: true},
	{words: []string{"is", "serving", "as"}},
	{words: []string{"has", "served", "as"}},
	{words: []string{"has", "emerged", "as"}},
	{words: []string{"has", "become"}},
	{words: []string{"now", "serves", "as"}},
	{words: []string{"serves", "as"}},
	{words: []string{"is", "now"}},
	{words: []string{"has", "been"}},
	{words: []string{"became"}},
	{words: []string{"remains"}},
	{words: []string{"is", "at"}, affil: true},
	{words: []string{"works", "at"}, affil: true},
	{words: []string{"works", "for"}, affil: true},
	{words: []string{"is", "with"}, affil: true},
	{words: []string{"heads"}, affil: true},
	{words: []string{"leads"}, affil: true},
	{words: []string{"runs"}, affil: true},
	{words: []string{"chairs"}, affil: true},
	{words: []string{"directs"}, affil: true},
	{words: []string{"founded"}, affil: true},
	{words: []string{"owns"}, affil: true},
	{words: []string{"is"}},
}

var npStops = toSet(", ; . who which that said says told : ( ) “ ” \" — – and but while whose when where")

// postmodifiers reads appositives and relative clauses after a name:
// "Yuri Ushakov, a close adviser to Putin who served as the Russian
// ambassador in Washington".
func (s *state) postmodifiers(c *cand) []pendingRole {
	var out []pendingRole
	k := c.we
	if !s.sameSent(k, c.ws) || s.words[k].text != "," {
		return nil
	}
	k++
	if !s.sameSent(k, c.ws) {
		return nil
	}
	if s.words[k].lower != "who" {
		end := s.npEnd(k, c.ws)
		if r, ok := s.roleFromNP(k, end, "appositive", false); ok {
			out = append(out, r)
		} else {
			return nil // a list of names, not an appositive
		}
		k = end
	}
	if s.sameSent(k, c.ws) && s.words[k].lower == "who" {
		k++
		for _, v := range relVerbs {
			if !s.hasWords(k, v.words, c.ws) {
				continue
			}
			a := k + len(v.words)
			end := s.npEnd(a, c.ws)
			if v.affil {
				if r, ok := s.affiliation(a, end, v.words[len(v.words)-1]); ok {
					out = append(out, r)
				}
			} else if r, ok := s.roleFromNP(a, end, "relative", v.former); ok {
				out = append(out, r)
			}
			break
		}
	}
	return out
}

func (s *state) hasWords(k int, ws []string, sentOf int) bool {
	for i, w := range ws {
		if !s.sameSent(k+i, sentOf) || s.words[k+i].lower != w {
			return false
		}
	}
	return true
}

// npEnd finds the end of a noun phrase starting at a: the next comma,
// relative pronoun or end of clause, within 25 words.
func (s *state) npEnd(a, sentOf int) int {
	k := a
	for k < len(s.words) && s.sameSent(k, sentOf) && k-a < 25 {
		w := s.words[k]
		if npStops[w.lower] && !(w.lower == "and" && k > a && s.candAt(k-1) != nil && s.candAt(k+1) != nil) {
			break
		}
		k++
	}
	return k
}

// roleFromNP reads a role from a noun phrase: "the retired U.S. Army
// lieutenant general", "a former U.S. ambassador to Poland", "one of
// Trump’s closest advisers".
func (s *state) roleFromNP(a, b int, origin string, former bool) (pendingRole, bool) {
	if a >= b {
		return pendingRole{}, false
	}
	i := a
	if s.words[i].lower == "one" && i+1 < b && s.words[i+1].lower == "of" {
		i += 2
	}
	// find the head title: the last title before the first preposition
	// that follows one
	headAt, headEnd := -1, -1
	var head gazetteer.Title
	for k := i; k < b; k++ {
		if h := s.titleAt[k]; h.end > 0 && h.end <= b && !h.t.Group && !h.t.Honor && !s.adjectiveTitle(k, h) {
			headAt, headEnd, head = k, h.end, h.t
			k = h.end - 1
			continue
		}
		if headAt >= 0 && preps[s.words[k].lower] {
			break
		}
	}
	if headAt < 0 {
		return pendingRole{}, false
	}
	if p := s.candAt(headEnd); headEnd < b && p != nil && p.typ == dragoman.Person {
		return pendingRole{}, false // "national security adviser Mike Waltz": another person
	}
	r := pendingRole{ws: a, we: b, titleRef: head.Title}
	evEnd := headEnd
	r.Origin = origin
	r.Type = head.Type
	r.Former = former
	titleStart := headAt
	for k := i; k < headAt; k++ {
		w := s.words[k]
		if flagWords[w.lower] {
			setFlag(&r.Role, w.lower)
			continue
		}
		if p := s.candAt(k); p != nil {
			switch p.typ {
			case dragoman.GPE, dragoman.NORP:
				if r.Country == "" {
					r.Country = p.country
				}
			case dragoman.Organization:
				if r.Of == "" {
					r.Of = s.text(p.ws, p.we)
				} else {
					r.Of += " and " + s.text(p.ws, p.we)
				}
				if p.otype != "" {
					r.Type = orgRoleType(p.otype, &head)
				}
				if orgActor(p) {
					r.ofActor = p.actor
				} else if r.Country == "" {
					r.Country = p.country
				}
			case dragoman.Person:
				if p.we < b && s.words[p.we].text == "'s" {
					r.ofPerson = p
					r.Of = s.text(p.ws, p.we)
				}
			}
			k = p.we - 1
			continue
		}
		if premodAdj[w.lower] || strings.HasSuffix(w.lower, "est") {
			if titleStart == headAt || k < titleStart {
				titleStart = k
			}
			continue
		}
		titleStart = headAt
	}
	// a title's words: plural titles read as the singular
	r.Title = s.text(titleStart, headEnd)
	if strings.HasSuffix(r.Title, "s") && headEnd-headAt == 1 && s.words[headAt].lower != head.Title {
		r.Title = strings.TrimSuffix(r.Title, "s")
	}
	// what follows the title: "to Putin", "to Poland", "in Washington", "of Russia"
	for k := headEnd; k+1 < b; k++ {
		p := s.words[k].lower
		if !preps[p] {
			continue
		}
		o := k + 1
		for o < b && (determiners[s.words[o].lower] || s.isTitleWord(o) && s.candAt(o) == nil) {
			o++ // "to President Biden", "of the Sudanese army"
		}
		obj := s.candAt(o)
		if obj != nil && (obj.typ == dragoman.NORP || obj.typ == dragoman.GPE) {
			// "of the Sudanese army": the country of the organization
			if x := s.candAt(obj.we); x != nil && x.typ == dragoman.Organization && x.we <= b {
				if r.Country == "" {
					r.Country = obj.country
				}
				obj = x
			}
		}
		if obj != nil && obj.typ == dragoman.GPE && (p == "with" || p == "at" || p == "of" || p == "for") && s.basedAt(obj) {
			// "an analyst with the Nairobi-based Sahan Research group": the
			// place the organization is based in gives its country
			if r.Country == "" && len(obj.country) == 3 {
				r.Country = obj.country
			}
			evEnd = obj.we
			if obj.we < b && s.words[obj.we].lower == "based" {
				evEnd++
			}
			if x := s.candAt(evEnd); x != nil && x.we <= b && (x.typ == dragoman.Organization || x.typ == dragoman.Misc) {
				r.Of = s.text(x.ws, x.we)
				evEnd = x.we
				if x.typ == dragoman.Organization && x.otype != "" {
					r.Type = orgRoleType(x.otype, &head)
				} else if x.we < b && ngoNouns[s.words[x.we].lower] {
					r.Type = "NGO"
					evEnd = x.we + 1
				}
			}
			break
		}
		if obj == nil {
			// "a professor of international law at Leiden University": a
			// field in lower case is stepped over, a name that is none of
			// ours ends the search
			if p == "to" || p == "of" && (o >= b || s.words[o].cap) {
				break
			}
			continue
		}
		objText := s.text(obj.ws, obj.we)
		if p != "on" && p != "for" && p != "during" && p != "since" {
			evEnd = obj.we
		}
		switch {
		case (p == "to" || p == "in") && postingTitles[head.Title]:
			r.posting = objText
			if r.Of == "" {
				r.Of = objText
			}
		case p == "to" && obj.typ == dragoman.Person:
			r.ofPerson = obj
			r.Of = objText
		case (p == "of" || p == "at") && (obj.typ == dragoman.GPE) && r.Country == "":
			r.Country = obj.country
		case (p == "of" || p == "at" || p == "to" || p == "for") && obj.typ == dragoman.Organization:
			// "a spokeswoman for the World Health Organization"
			r.Of = objText
			if obj.otype != "" {
				r.Type = orgRoleType(obj.otype, &head)
			}
			if orgActor(obj) {
				r.ofActor = obj.actor
			} else if r.Country == "" {
				r.Country = obj.country
				// "the Observer Research Foundation in New Delhi"
				if r.Country == "" && obj.we+1 < len(s.words) && s.sameSent(obj.we+1, a) && (s.words[obj.we].lower == "in" || s.words[obj.we].lower == "of") {
					if pl := s.candAt(obj.we + 1); pl != nil && pl.typ == dragoman.GPE && len(pl.country) == 3 {
						r.Country = pl.country
						evEnd = max(evEnd, pl.we)
					}
				}
			}
		}
		break
	}
	if r.Country == "" {
		r.Country = head.Country
	}
	r.we = min(evEnd, b)
	sp := dragoman.NewSpan(s.body, s.words[a].start, s.words[r.we-1].end)
	r.Span = &sp
	return r, true
}

// basedAt reports a place written as "Nairobi-based" or "Nairobi based".
func (s *state) basedAt(c *cand) bool {
	w := s.words[c.we-1]
	if strings.HasSuffix(w.lower, "-based") && c.end < w.end {
		return true
	}
	return c.we < len(s.words) && s.words[c.we].lower == "based" && s.sameSent(c.ws, c.we)
}

// ngoNouns, written in lower case after a name, make it a
// non-governmental organization: "the Sahan Research group".
var ngoNouns = toSet("group charity monitor organisation organization nonprofit think-tank")

// adjTitles are one-word titles that are also adjectives: "a major
// donor", "the general public", "a chief concern".
var adjTitles = toSet("major general chief executive official deputy head principal private senior")

// adjectiveTitle reports a one-word title written in lower case and
// followed by a lower-case noun: an adjective, not an office.
func (s *state) adjectiveTitle(k int, h titleHit) bool {
	if h.end != k+1 || !adjTitles[s.words[k].lower] || s.words[k].cap || !s.sameSent(k, k+1) {
		return false
	}
	n := s.words[k+1]
	return !n.cap && !preps[n.lower] && !npStops[n.lower] && n.lower != "'s"
}

// affiliation reads "who is at the Atlantic Council think tank", "who heads
// Gazprom".
func (s *state) affiliation(a, b int, verb string) (pendingRole, bool) {
	for k := a; k < b; k++ {
		p := s.candAt(k)
		if p == nil || p.typ != dragoman.Organization {
			continue
		}
		r := pendingRole{ws: a, we: b}
		r.Origin = "relative"
		r.Of = s.text(p.ws, p.we)
		r.Title = r.Of
		switch verb {
		case "heads", "leads", "runs", "chairs", "directs":
			r.Title = "head of " + r.Of
		case "founded":
			r.Title = "founder of " + r.Of
		case "owns":
			r.Title = "owner of " + r.Of
		}
		r.Type = p.otype
		if r.Type == "" {
			r.Type = "ELI"
		}
		if orgActor(p) {
			r.ofActor = p.actor
		} else {
			r.Country = p.country
		}
		sp := dragoman.NewSpan(s.body, s.words[a].start, s.words[b-1].end)
		r.Span = &sp
		return r, true
	}
	return pendingRole{}, false
}

// orgActor reports an organization whose members take its own code rather
// than their country's: international bodies and armed groups
// (IGOWSTNAT, IMGMUSALQ, PSEREBHMS).
func orgActor(c *cand) bool {
	if c.kind != gazetteer.KindOrg || c.actor == "" {
		return false
	}
	switch c.otype {
	case "IGO", "IMG", "REB", "INS":
		return len(c.actor) > 6 || strings.HasPrefix(c.actor, "IGO")
	}
	return strings.HasPrefix(c.actor, "IGO") || strings.HasPrefix(c.actor, "IMG")
}

// possessorOrg gives a role written after "its" or "their" ("its
// spokeswoman, Teresita Dizon-Cruz") the organization it belongs to: the
// nearest organization of the sentence before word j ("while the RSF sent
// its political adviser"), else the first of the sentence before (its
// subject); its country is its own or the place written after it ("the
// Department of Foreign Affairs in Manila").
func (s *state) possessorOrg(r *pendingRole, j int, head *gazetteer.Title) {
	si := s.words[j].sent
	var org *cand
	for _, sent := range []int{si, si - 1} {
		for _, c := range s.cands {
			if c.dead || c.desc || c.typ != dragoman.Organization || c.start >= s.words[j].start || s.words[c.ws].sent != sent {
				continue
			}
			if org == nil || sent == si && c.start > org.start || sent != si && c.start < org.start {
				org = c
			}
		}
		if org != nil {
			break
		}
	}
	if org == nil {
		return
	}
	r.Of = s.text(org.ws, org.we)
	if org.otype != "" {
		r.Type = orgRoleType(org.otype, head)
	}
	if orgActor(org) {
		r.ofActor = org.actor
		return
	}
	r.Country = org.country
	if k := org.we; r.Country == "" && k+1 < len(s.words) && s.sameSent(k+1, org.ws) && (s.words[k].lower == "in" || s.words[k].lower == "of") {
		if pl := s.candAt(k + 1); pl != nil && pl.typ == dragoman.GPE && len(pl.country) == 3 {
			r.Country = pl.country
		}
	}
}

// diplomatTitle: a title whose holder is posted to another country
// (ambassador, envoy, diplomat, consul, attaché).
func diplomatTitle(t string) bool {
	for _, w := range strings.Fields(t) {
		switch strings.TrimSuffix(w, "s") {
		case "ambassador", "envoy", "diplomat", "consul", "attaché", "attache", "chargé", "charge":
			return true
		}
	}
	return false
}
