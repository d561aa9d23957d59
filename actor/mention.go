package actor

import (
	"strings"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/gazetteer"
)

var determiners = toSet("the this that his her its their our whose an a")

// scanAdministrations finds "Trump administration" (the government of the
// named head, an organization) and "the administration" (a reference to the
// administration the article is about).
func (s *state) scanAdministrations() {
	for i, w := range s.words {
		if w.lower != "administration" && w.lower != "administrations" {
			continue
		}
		if i > 0 && s.words[i-1].sent == w.sent {
			p := s.candAt(i - 1)
			if p != nil && (p.untyped || p.typ == dragoman.Person) && p.we == i {
				head := s.text(p.ws, p.we)
				p.dead = true
				c := s.add(&cand{ws: p.ws, we: i + 1, typ: dragoman.Organization, origin: "rule", score: 0.9,
					admin: true, adminHead: head, otype: "GOV"})
				c.name = head + " administration"
				c.key = "A:" + strings.ToLower(head)
				continue
			}
			if p == nil && determiners[s.words[i-1].lower] {
				s.add(&cand{ws: i, we: i + 1, typ: dragoman.Organization, origin: "description", score: 0.6, admin: true, otype: "GOV", key: "A:"})
			}
		}
	}
}

var groupAdj = map[string]string{
	"senior": "", "top": "", "high-ranking": "", "government": "GOV", "military": "MIL", "intelligence": "SPY",
	"security": "GOV", "defense": "MIL", "defence": "MIL", "foreign": "GOV", "police": "COP", "army": "MIL",
	"administration": "GOV", "state": "GOV", "federal": "GOV", "western": "", "allied": "", "health": "HLH",
	"election": "GOV", "local": "GOV", "regional": "GOV", "provincial": "GOV", "city": "GOV", "opposition": "OPP",
	"business": "BUS", "industry": "BUS", "rebel": "REB", "militia": "REB", "peacekeeping": "MIL", "border": "GOV",
}

// scanGroups finds collective actors: "U.S. officials", "European
// leaders", "Trump administration officials", "administration officials".
func (s *state) scanGroups() {
	for i, w := range s.words {
		h := s.titleAt[i]
		if h.end != i+1 || !h.t.Group || w.cap {
			continue
		}
		typ := h.t.Type
		ws := i
		var mod *cand
		admin, adminHead := false, ""
		adjType := ""
		for j := i - 1; j >= 0 && s.words[j].sent == w.sent && i-j <= 6; j-- {
			x := s.words[j]
			if c := s.candAt(j); c != nil {
				if j+1 < i && s.words[j+1].text == "'s" {
					break // "America's allies": allies of America
				}
				if c.admin {
					admin, adminHead = true, c.adminHead
					ws = c.ws
					j = c.ws
					continue
				}
				if c.typ == dragoman.GPE || c.typ == dragoman.NORP || c.typ == dragoman.Location ||
					(c.typ == dragoman.Organization && c.origin == "gazetteer") {
					if mod == nil {
						mod = c
					}
					ws = c.ws
					j = c.ws
					continue
				}
				break
			}
			if x.lower == "administration" {
				admin = true
				ws = j
				continue
			}
			if t, ok := groupAdj[x.lower]; ok {
				if t != "" && adjType == "" {
					adjType = t
				}
				if x.lower == "western" {
					if mod == nil {
						mod = &cand{country: "WST", actor: "WST"}
					}
				}
				ws = j
				continue
			}
			if x.text == "-" || x.text == "'s" || x.text == "'" {
				ws = j
				continue
			}
			break
		}
		if mod == nil && !admin {
			continue
		}
		if adjType != "" && (typ == "GOV" || adjType != "GOV") {
			typ = adjType
		}
		for _, c := range s.live(ws, i+1) {
			c.dead = true
		}
		txt := s.text(ws, i+1)
		c := s.add(&cand{ws: ws, we: i + 1, typ: dragoman.Group, origin: "rule", score: 0.9, otype: typ, name: txt,
			key: "G:" + strings.ToLower(gazetteer.Key(txt))})
		if admin {
			c.groupAdmin, c.adminHead = true, adminHead
		}
		if mod != nil && !admin {
			c.country = mod.country
			switch {
			case mod.typ == dragoman.Organization && strings.HasPrefix(mod.actor, "IGO"):
				c.actor, c.country = mod.actor, ""
			case mod.kind == gazetteer.KindOrg && len(mod.actor) > 6:
				c.actor = mod.actor // "Hamas officials": PSEREBHMS
			case mod.typ == dragoman.Organization && mod.country != "":
				t := mod.otype
				if t == "" || t == "BUS" && typ != "BUS" {
					t = typ
				}
				if mod.kind == gazetteer.KindBody && mod.otype != "" {
					t = mod.otype
				}
				c.actor = mod.country + t
			case mod.country != "":
				c.actor = mod.country + typ
			}
		}
	}
}

// scanPlatforms types "X" the social network after "on" ("wrote on X").
func (s *state) scanPlatforms() {
	for i, w := range s.words {
		if (w.text != "X" && w.text != "X.") || i == 0 || s.words[i-1].lower != "on" || s.words[i-1].sent != w.sent {
			continue
		}
		for _, c := range s.live(i, i+1) {
			c.dead = true
		}
		s.add(&cand{ws: i, we: i + 1, start: w.start, end: w.start + 1, typ: dragoman.Organization, origin: "rule", score: 0.9, name: "X", key: "O:X", country: "USA", otype: "MED"})
	}
}

// mergeModel brings in the mentions of the statistical tagger: they type
// the capitalized runs no rule typed, and give way to the gazetteer and the
// rules where they disagree.
func (s *state) mergeModel() {
	for _, m := range s.d.Mentions {
		switch m.Origin {
		case "gazetteer", "rule", "description", "pronoun", "dictionary":
			continue // ours, from an earlier run
		}
		ws, we := s.wordAt(m.Start), -1
		for i := ws; i < len(s.words) && s.words[i].start < m.End; i++ {
			we = i + 1
		}
		if we <= ws {
			continue
		}
		// titles and possessives are not part of a name
		for ws < we && (s.isTitleWord(ws) || determiners[s.words[ws].lower]) && m.Type == dragoman.Person {
			ws++
		}
		for ws < we && (s.words[we-1].text == "'s" || s.words[we-1].text == "'") {
			we--
		}
		// "Regina Ip In": a capitalized function word that opens the next
		// clause is no part of the name
		for we-ws > 1 && common[s.words[we-1].lower] && s.words[we-1].cap && !isUpperWord(s.words[we-1].text) {
			we--
		}
		// a lone capitalized function word is no name ("In")
		if we-ws == 1 && common[s.words[ws].lower] && !isUpperWord(s.words[ws].text) {
			continue
		}
		// "Professor Burrows" tagged as an organization: a person's title
		// and a name with no head word of organizations
		if (m.Type == dragoman.Organization || m.Type == dragoman.Misc) && we-ws > 1 && s.isTitleWord(ws) && !s.titleAt[ws].t.Group {
			k := ws
			for k < we && s.isTitleWord(k) {
				k++
			}
			if k < we && s.words[k].cap && !orgHeads[s.words[we-1].text] {
				ws = k
			}
		}
		if ws >= we {
			continue
		}
		typ := m.Type
		if typ == "PER" {
			typ = dragoman.Person
		}
		// "Muslims", "Rohingya" tagged as places: a community
		if g, ok := communities[s.words[ws].text]; ok && we-ws == 1 {
			for _, c := range s.live(ws, we) {
				c.dead = true
			}
			s.addCommunity(ws, g)
			continue
		}
		// "Cho Min-ho" tagged MISC: a Korean or Chinese surname and a
		// hyphenated given name
		if typ != dragoman.Person && s.hanName(ws, we) {
			typ = dragoman.Person
		}
		// "Marilyn" tagged as a place: a lone given name used as a name
		if (typ == dragoman.GPE || typ == dragoman.Location) && we-ws == 1 && s.g.Gender(s.words[ws].text) != 0 && s.loneGivenName(ws) {
			typ = dragoman.Person
		}
		over := s.live(ws, we)
		// "Santiago Peña" tagged as a place: the rules read a given name
		if typ != dragoman.Person && typ != dragoman.Organization {
			for _, c := range over {
				if c.givenPlace && c.ws == ws && c.we == we {
					typ = dragoman.Person
				}
			}
		}
		keep := true
		for _, c := range over {
			if c.untyped {
				continue
			}
			// "Denzel Washington": a person name around a lone place
			if typ == dragoman.Person && c.origin == "gazetteer" && c.we-c.ws == 1 && we-ws > 1 &&
				(c.typ == dragoman.GPE || c.typ == dragoman.NORP) && c.ws >= ws && c.we <= we {
				continue
			}
			keep = false
		}
		if !keep {
			continue
		}
		for _, c := range over {
			if c.untyped && typ == dragoman.Person && c.ws <= ws && c.we >= we {
				ws, we = c.ws, c.we // the run holds the whole name
			}
			c.dead = true
		}
		sc := m.Score
		if sc == 0 {
			sc = 0.9
		}
		s.add(&cand{ws: ws, we: we, typ: typ, origin: "model", score: sc})
	}
}

var speechVerbs = toSet("said says told added wrote asked noted warned argued stated declared insisted explained tweeted posted")

// typeRuns types the capitalized runs left: people, mostly, when something
// says so.
func (s *state) typeRuns() {
	persons := map[string]bool{}
	weak := map[string]bool{} // surnames of names typed by their shape alone
	// single capitalized words that speak: "Kosiec said"
	speakers := map[string]bool{}
	for i := 0; i+1 < len(s.words); i++ {
		if s.words[i].cap && s.sameSent(i, i+1) && speechVerbs[s.words[i+1].lower] {
			speakers[s.words[i].text] = true
		}
	}
	for _, c := range s.cands {
		if c.dead || !c.untyped {
			continue
		}
		// "Pan-democrat Lam Cheuk-ting", "Nonpartisan Paul Tse": a
		// sentence-initial word the text also writes in lower case is no
		// part of the name
		if c.we-c.ws > 1 && s.words[c.ws].first && s.lowerWords()[s.words[c.ws].lower] {
			c.ws++
			c.start = s.words[c.ws].start
		}
		n := c.we - c.ws
		first := s.words[c.ws]
		prevTitle := false
		if c.ws > 0 && s.words[c.ws-1].sent == first.sent {
			if j, h, ok := s.inTitle(c.ws - 1); ok && !h.t.Group && j >= 0 {
				prevTitle = true
			}
			// "the foreign minister, Sergei Lavrov,"
			if s.words[c.ws-1].text == "," && c.ws >= 2 && s.sameSent(c.ws-2, c.ws) {
				if _, h, ok := s.inTitle(c.ws - 2); ok && h.end == c.ws-1 && !h.t.Group && !h.t.Honor {
					prevTitle = true
				}
			}
		}
		after := ""
		if c.we+1 < len(s.words) && s.words[c.we].text == "," && s.words[c.we].sent == first.sent {
			after = s.words[c.we+1].lower
		}
		nextWord := ""
		if c.we < len(s.words) && s.words[c.we].sent == first.sent {
			nextWord = s.words[c.we].lower
		}
		prevWord := ""
		if c.ws > 0 && s.words[c.ws-1].sent == first.sent {
			prevWord = s.words[c.ws-1].lower
		}
		holders := s.g.Person(s.text(c.ws, c.we))
		if g, ok := communities[first.text]; ok && n == 1 {
			c.dead = true
			s.addCommunity(c.ws, g)
			continue
		}
		if (after == "a" || after == "the") && s.appositivePlace(c) {
			// "Magnitogorsk, a city in the Urals"
			c.typ, c.score, c.name = dragoman.GPE, 0.7, s.text(c.ws, c.we)
			continue
		}
		// "Irving, Texas,", "Saratoga Springs, New York.": a name before a
		// state or country set off by commas is a place in it
		if cc := s.placeAfterComma(c); cc != "" && len(holders) == 0 && !(n > 1 && s.g.IsGivenName(first.text)) {
			c.typ, c.score, c.name, c.country, c.actor = dragoman.GPE, 0.7, s.text(c.ws, c.we), cc, cc
			c.key = "T:" + c.name
			continue
		}
		// "Mohamed Hamdan Dagalo, known as Hemedti"
		if c.ws >= 2 && s.sameSent(c.ws-2, c.ws) && (s.words[c.ws-2].lower == "known" || s.words[c.ws-2].lower == "called") && s.words[c.ws-1].lower == "as" {
			for k := c.ws - 3; k >= 0 && k >= c.ws-5 && s.sameSent(k, c.ws); k-- {
				if p := s.candAt(k); p != nil && p.typ == dragoman.Person {
					c.typ, c.score, c.aliasOf = dragoman.Person, 0.8, p
					break
				}
			}
			if c.aliasOf != nil {
				continue
			}
		}
		// "Economic Development Minister NAME": a field of work right
		// before a title qualifies the title, it names no one
		if n <= 3 && !prevTitle && len(holders) == 0 && officeNouns[s.words[c.we-1].text] && c.we < len(s.words) &&
			s.sameSent(c.we, c.ws) && s.titleAt[c.we].end > c.we && !s.titleAt[c.we].t.Honor {
			c.dead = true
			continue
		}
		// "of the Addis Standard": "the" stands before a person's name only
		// when it opens with a given name ("the Tom Cruise video")
		afterThe := prevWord == "the"
		switch {
		case afterThe && !prevTitle && len(holders) == 0 && !s.g.IsGivenName(first.text) && s.g.Gender(first.text) == 0:
			c.typ, c.score = dragoman.Misc, 0.4
		case prevTitle, s.g.IsGivenName(first.text) && n > 1, len(holders) > 0, s.hanName(c.ws, c.we),
			after == "who" && n > 1 && !preps[prevWord], (after == "a" || after == "the") && s.appositiveRole(c),
			n > 1 && (speechVerbs[nextWord] || speechVerbs[prevWord]),
			s.r.dict != nil && s.r.dict.isPerson(s.text(c.ws, c.we)):
			c.typ, c.score = dragoman.Person, 0.8
		case n > 1 && n <= 4 && !hasDigit(s.text(c.ws, c.we)) && (speakers[s.words[c.we-1].text] || n == 2 && s.g.IsGivenName(first.text)):
			c.typ, c.score = dragoman.Person, 0.5
		case n >= 2 && n <= 3 && s.nameShaped(c):
			c.typ, c.score = dragoman.Person, 0.4
		case n == 1 && first.first:
			c.typ, c.score = dragoman.Misc, 0.3 // kept only if a person's surname
		default:
			c.typ, c.score = dragoman.Misc, 0.4
		}
		if c.typ == dragoman.Person && c.score >= 0.5 {
			persons[s.words[c.we-1].text] = true
			persons[stripCasedParticle(s.words[c.we-1].text)] = true
		} else if c.typ == dragoman.Person {
			weak[s.words[c.we-1].text] = true
		}
	}
	for _, c := range s.cands {
		if !c.dead && c.origin == "model" && c.typ == dragoman.Person {
			persons[s.words[c.we-1].text] = true
			persons[stripCasedParticle(s.words[c.we-1].text)] = true
		}
	}
	// the tagger's organizations and odd names that are people: after a
	// title ("Vice President JD Vance"), or named as people elsewhere
	for _, c := range s.cands {
		if c.dead || c.origin != "model" || (c.typ != dragoman.Organization && c.typ != dragoman.Misc) {
			continue
		}
		prevTitle := false
		if c.ws > 0 && s.sameSent(c.ws-1, c.ws) {
			if _, h, ok := s.inTitle(c.ws - 1); ok && !h.t.Group && h.end == c.ws {
				prevTitle = true
			}
		}
		txt := s.text(c.ws, c.we)
		if prevTitle || (c.we-c.ws == 1 && (persons[txt] || s.g.Gender(txt) != 0)) || len(s.g.Holders(txt, s.at)) > 0 {
			if c.we < len(s.words) && s.words[c.we].lower == "administration" {
				continue
			}
			c.typ = dragoman.Person
		}
	}
	// how often each lone capitalized word occurs
	singles := map[string]int{}
	for _, c := range s.cands {
		if !c.dead && c.untyped && c.we-c.ws == 1 {
			singles[s.words[c.ws].text]++
		}
	}
	// given names that open exactly one person's full name ("Daniel" after
	// "Daniel Montalvo")
	firsts := map[string]int{}
	seenFull := map[string]bool{}
	for _, c := range s.cands {
		if c.dead || c.typ != dragoman.Person || c.we-c.ws < 2 || c.score < 0.5 && c.origin != "model" {
			continue
		}
		full := strings.ToLower(s.text(c.ws, c.we))
		if !seenFull[full] && s.g.IsGivenName(s.words[c.ws].text) {
			seenFull[full] = true
			firsts[s.words[c.ws].text]++
		}
	}
	// surnames of full names that hold a place name ("Valeska Paris")
	fullSurnames := map[string]bool{}
	for _, c := range s.cands {
		if !c.dead && c.typ == dragoman.Person && c.we-c.ws >= 2 && (c.score >= 0.5 || c.origin == "model") {
			fullSurnames[s.words[c.we-1].text] = true
			if w := s.firstSurname(s.personWords(c)); w != "" {
				fullSurnames[w] = true // "Mendoza" of "Lucía Mendoza Ríos"
			}
		}
	}
	// single words that are the surname of a person found elsewhere
	for _, c := range s.cands {
		if c.dead || !c.untyped || c.typ != dragoman.Misc {
			continue
		}
		w := s.words[c.ws].text
		if persons[w] || len(s.g.Holders(w, s.at)) > 0 || weak[w] && s.personContext(c.ws) || firsts[w] == 1 ||
			s.g.Gender(w) != 0 && (!s.words[c.ws].first || singles[w] > 1) && s.loneGivenName(c.ws) { // "Gloria", "Marilyn"
			c.typ, c.score = dragoman.Person, 0.7
		} else if s.words[c.ws].first || (c.ws > 0 && s.words[c.ws-1].lower == "the") {
			c.dead = true
		}
	}
	// the tagger's places the tables do not know: "Irving, Texas"
	for _, c := range s.cands {
		if c.dead || c.origin != "model" || c.country != "" || (c.typ != dragoman.GPE && c.typ != dragoman.Location && c.typ != dragoman.Facility) {
			continue
		}
		if cc := s.placeAfterComma(c); cc != "" {
			c.country, c.actor = cc, cc
			c.name = s.text(c.ws, c.we)
			c.key = "T:" + c.name
		}
	}
	// "Valeska Paris ... Paris said": a lone place name that is the
	// surname of a person of the text, not after a preposition of place
	for _, c := range s.cands {
		if c.dead || c.origin != "gazetteer" || c.we-c.ws != 1 || (c.kind != gazetteer.KindCity && c.kind != gazetteer.KindCountry) {
			continue
		}
		w := s.words[c.ws]
		if !fullSurnames[w.text] || c.ws > 0 && s.sameSent(c.ws-1, c.ws) && (locPreps[s.words[c.ws-1].lower] || s.isTitleWord(c.ws-1)) {
			continue
		}
		c.typ, c.origin, c.key, c.name, c.country, c.actor, c.capital, c.kind = dragoman.Person, "rule", "", "", "", "", false, 0
	}
	for _, c := range s.cands {
		c.untyped = false
	}
}

// communities are religious and ethnic groups, with their CAMEO religion
// or ethnic code where it has one: NORP, never places or people.
var communities = map[string]struct{ name, code string }{
	"Muslim": {"Muslims", "MOS"}, "Muslims": {"Muslims", "MOS"}, "Christian": {"Christians", "CHR"}, "Christians": {"Christians", "CHR"},
	"Jews": {"Jews", "JEW"}, "Jewish": {"Jews", "JEW"}, "Hindu": {"Hindus", "HIN"}, "Hindus": {"Hindus", "HIN"},
	"Sikh": {"Sikhs", "SIK"}, "Sikhs": {"Sikhs", "SIK"}, "Buddhist": {"Buddhists", "BUD"}, "Buddhists": {"Buddhists", "BUD"},
	"Catholic": {"Catholics", "CTH"}, "Catholics": {"Catholics", "CTH"}, "Protestant": {"Protestants", "PRO"}, "Protestants": {"Protestants", "PRO"},
	"Shia": {"Shias", "SHI"}, "Shiite": {"Shias", "SHI"}, "Shiites": {"Shias", "SHI"}, "Sunni": {"Sunnis", "SUN"}, "Sunnis": {"Sunnis", "SUN"},
	"Druze": {"Druze", "DRZ"}, "Copts": {"Copts", "CPT"}, "Coptic": {"Copts", "CPT"}, "Alawite": {"Alawites", "ALE"}, "Alawites": {"Alawites", "ALE"},
	"Kurd": {"Kurds", "KUR"}, "Kurds": {"Kurds", "KUR"}, "Kurdish": {"Kurds", "KUR"}, "Rohingya": {"Rohingya", ""},
	"Uyghur": {"Uyghurs", ""}, "Uyghurs": {"Uyghurs", ""}, "Uighur": {"Uyghurs", ""}, "Uighurs": {"Uyghurs", ""},
	"Tamil": {"Tamils", ""}, "Tamils": {"Tamils", ""}, "Yazidi": {"Yazidis", ""}, "Yazidis": {"Yazidis", ""},
	"Pashtun": {"Pashtuns", ""}, "Pashtuns": {"Pashtuns", ""}, "Hazara": {"Hazaras", ""}, "Hazaras": {"Hazaras", ""},
	"Tutsi": {"Tutsis", ""}, "Tutsis": {"Tutsis", ""}, "Hutu": {"Hutus", ""}, "Hutus": {"Hutus", ""},
	"Arabs": {"Arabs", ""}, "Bedouin": {"Bedouin", ""},
}

func (s *state) addCommunity(i int, g struct{ name, code string }) {
	s.add(&cand{ws: i, we: i + 1, typ: dragoman.NORP, origin: "rule", score: 0.8, name: g.name, key: "N:" + g.name, actor: g.code})
}

// loneGivenName reports a given name used alone as a person's name: not
// after a preposition of place or an article ("in Tyler", "the Oscar"),
// not before a number or another capitalized word ("737 Max").
func (s *state) loneGivenName(i int) bool {
	if i > 0 && s.sameSent(i-1, i) {
		p := s.words[i-1].lower
		if locPreps[p] || p == "the" || p == "a" || p == "an" || hasDigit(p) {
			return false
		}
	}
	if i+1 < len(s.words) && s.sameSent(i, i+1) {
		n := s.words[i+1]
		if n.cap || hasDigit(n.text) {
			return false
		}
	}
	return true
}

// personContext reports a single word used as a person's name: it speaks
// ("Noori said"), or a title or honorific precedes it ("Ms. Noori").
func (s *state) personContext(i int) bool {
	if i+1 < len(s.words) && s.sameSent(i, i+1) && speechVerbs[s.words[i+1].lower] ||
		i > 0 && s.sameSent(i-1, i) && speechVerbs[s.words[i-1].lower] {
		return true // "Noori said", "said Noori"
	}
	if i > 0 && s.sameSent(i-1, i) {
		if _, h, ok := s.inTitle(i - 1); ok && !h.t.Group {
			return true
		}
	}
	return false
}

// stripCasedParticle removes an Arabic article from a surname as
// written: "al-Abadi" -> "Abadi".
func stripCasedParticle(w string) string {
	if x := stripParticle(strings.ToLower(w)); len(x) < len(w) {
		return w[len(w)-len(x):]
	}
	return w
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// scanBodiesCountry gives a body the country written before it ("Russia's
// Foreign Ministry", "the Ukrainian Defense Ministry", also "Pakistan's
// Foreign Office" though the name alone is Britain's), else the country it
// was last written with ("India's army ... the army's Northern Command"),
// else the usual country of its name, else the nearest country of its
// sentence, the dateline's or the article's.
func (s *state) scanBodiesCountry() {
	// the country a body was last written with ("Pakistan's Foreign
	// Office", "India's army"), by the body's name
	written := map[string]string{}
	for _, c := range s.cands {
		if c.dead || c.kind != gazetteer.KindBody {
			continue
		}
		fixed := c.country // the country the body's name usually implies
		c.country = ""
		j := c.ws - 1
		if j >= 0 && s.words[j].text == "'s" {
			j--
		}
		if j >= 0 && s.words[j].sent == s.words[c.ws].sent {
			if p := s.candAt(j); p != nil && (p.typ == dragoman.GPE || p.typ == dragoman.NORP) && len(p.country) == 3 && p.we == j+1 {
				c.country = p.country // outranks the usual one: Pakistan's Foreign Office
				written[c.name] = c.country
			}
		}
		if c.country == "" && fixed == "" {
			// "In Belgrade, Serbian President NAME said … Hours later, the
			// Foreign Ministry announced": the side its sentence, or the
			// one before, speaks for outranks the Croatian Foreign
			// Ministry named paragraphs earlier and the dateline
			c.country = s.contextCountry(c.ws, c.start, 1)
		}
		if cc, ok := written[c.name]; ok && c.country == "" {
			c.country = cc // named again without a country: the one named before
		}
		if c.country == "" && fixed != "" {
			c.country = fixed
		}
		if c.country != fixed && c.country != "" && fixed != "" {
			c.actor = c.country + c.otype
			c.key = "B:" + c.name + ":" + c.country
		}
		if fixed != "" {
			continue
		}
		generic := s.words[c.ws].lower == s.words[c.ws].text
		if c.country == "" && generic {
			// "the military": of the nearest country named before it in the sentence
			for k := c.ws - 1; k >= 0 && s.sameSent(k, c.ws); k-- {
				if p := s.candAt(k); p != nil && p != c && len(p.country) == 3 && p.typ != dragoman.Location {
					c.country = p.country
					break
				}
			}
		}
		if c.country == "" && s.d.Article.Dateline != nil {
			c.country = s.d.Article.Dateline.CountryCode
		}
		if c.country == "" {
			c.country = s.mainCountry() // "the army": the army of the country the article is about
		}
		if c.country != "" {
			c.actor = c.country + c.otype
			c.key = "B:" + c.name + ":" + c.country
			if generic {
				c.name = s.g.Adjective(c.country) + " " + s.words[c.ws].lower
				if c.we-c.ws > 1 {
					c.name = s.g.Adjective(c.country) + " " + s.text(c.ws, c.we)
				}
			}
		}
	}
}

var locPreps = toSet("in at to from near into outside inside across throughout around via of between")
var actVerbs = toSet(`said says has have had is was will would could should wants wanted accused rejected denied
warned agreed refused announced demanded insisted signaled signalled launched sent threatened hopes hoped believes
believed considers considered sees saw says responded urged called condemned welcomed plans planned seeks sought
must may might can did does`)

// scanMetonymy marks capitals that stand for their governments:
// "Washington's allies", "talks with Moscow", "Moscow rejected".
func (s *state) scanMetonymy() {
	for _, c := range s.cands {
		if c.dead || !c.capital {
			continue
		}
		prev, next := "", ""
		if c.ws > 0 && s.words[c.ws-1].sent == s.words[c.ws].sent {
			prev = s.words[c.ws-1].lower
		}
		if c.we < len(s.words) && s.words[c.we].sent == s.words[c.ws].sent {
			next = s.words[c.we].lower
		}
		switch {
		case locPreps[prev]:
		case next == "'s" || actVerbs[next] || prev == "with" || prev == "toward" || prev == "towards" || prev == "against" || prev == "and":
			c.metonymic = true
		}
	}
}

var placeNouns = toSet("city town village province region country capital state island port district county suburb neighbourhood neighborhood area")

// appositiveRole reports whether the words after "Name, a ..." hold a
// person's title.
func (s *state) appositiveRole(c *cand) bool {
	a := c.we + 1
	_, ok := s.roleFromNP(a, s.npEnd(a, c.ws), "appositive", false)
	return ok
}

// placeAfterComma returns the country of "Name, <state or country>"
// closed by a comma or the end of the sentence, else "".
func (s *state) placeAfterComma(c *cand) string {
	k := c.we
	if !s.sameSent(k, c.ws) || s.words[k].text != "," || !s.sameSent(k+1, c.ws) {
		return ""
	}
	p := s.candAt(k + 1)
	if p == nil || p.origin != "gazetteer" || p.ws != k+1 || p.typ != dragoman.GPE || len(p.country) != 3 {
		return ""
	}
	if e := p.we; s.sameSent(e, c.ws) && s.words[e].text != "," && s.words[e].text != "." && s.words[e].text != ";" && s.words[e].text != "(" {
		return ""
	}
	return p.country
}

// appositivePlace reports "Name, a city ...".
func (s *state) appositivePlace(c *cand) bool {
	for k := c.we + 2; k < c.we+5 && s.sameSent(k, c.ws); k++ {
		if placeNouns[s.words[k].lower] {
			return true
		}
		if !premodAdj[s.words[k].lower] && !strings.HasSuffix(s.words[k].lower, "ern") && s.words[k].lower != "small" && s.words[k].lower != "large" && s.words[k].lower != "major" {
			return false
		}
	}
	return false
}

// nameShaped reports a run that looks like a personal name: two or three
// words in title case, none a common word, a head word of organizations or
// places, or a gazetteer name.
func (s *state) nameShaped(c *cand) bool {
	// "the Addis Standard": a definite article does not stand before a
	// person's name
	if c.ws > 0 && s.sameSent(c.ws-1, c.ws) && s.words[c.ws-1].lower == "the" {
		return false
	}
	// "Colombia Risk Analysis": words glued to a place name are the rest
	// of an organization's name
	if c.ws > 0 && s.sameSent(c.ws-1, c.ws) && s.words[c.ws-1].cap {
		if p := s.candAt(c.ws - 1); p != nil && p.origin == "gazetteer" && (p.typ == dragoman.GPE || p.typ == dragoman.Location) {
			return false
		}
	}
	for i := c.ws; i < c.we; i++ {
		w := s.words[i]
		if particles[w.lower] || (i > c.ws && (w.text == "." || strings.HasSuffix(w.text, "."))) {
			continue
		}
		if common[w.lower] || orgHeads[w.text] || locHeads[w.text] || eventHeads[w.text] || facHeads[w.text] ||
			isUpperWord(w.text) || hasDigit(w.text) || notNameWords[w.lower] || s.lowerWords()[w.lower] {
			return false
		}
	}
	return true
}

// lowerWords are the words the document writes in lower case: a
// capitalized word that also appears so is a common word ("Civic Passion"
// beside "passion"), not a surname.
func (s *state) lowerWords() map[string]bool {
	if s.lower == nil {
		s.lower = map[string]bool{}
		for _, w := range s.words {
			if w.text == w.lower && len(w.lower) > 2 && !particles[w.lower] {
				s.lower[w.lower] = true
			}
		}
	}
	return s.lower
}

// notNameWords are capitalized words of names of things, not people.
var notNameWords = toSet(`world national international united new north south east west central great royal federal state
city county street road avenue park station airport university college school hospital church museum center centre
house hall tower bridge river lake mountain island beach valley bay global general public news times post daily
company group bank fund party movement council committee league cup games prize award awards day week year festival
disney google apple microsoft facebook twitter amazon internet web online digital traffic tracker bulletin flight
airlines air force navy army police service services system systems project program programme act law bill code
court trial case report review journal magazine book series show film movie album song team club fc united city
shuttle science fair gallery galleries springs aviation standards nutrition collections climate change nature soup`)

// sharedNames are names and demonyms two countries share; the gazetteer
// gives the first reading, the article's other places may give another.
var sharedNames = map[string][]string{
	"Congo":     {"COG", "COD"},
	"Congolese": {"COD", "COG"},
}

// scanSharedNames reads a name two countries share as the country the
// article's other places, groups and bodies point at: "Congo" with Goma,
// Kinshasa or the M23 is the Democratic Republic of the Congo; with
// Brazzaville, the Republic of the Congo.
func (s *state) scanSharedNames() {
	var shared []*cand
	votes := map[string]int{}
	for _, c := range s.cands {
		if c.dead || c.desc || len(c.country) != 3 {
			continue
		}
		if _, ok := sharedNames[s.body[c.start:c.end]]; ok && (c.typ == dragoman.GPE || c.typ == dragoman.NORP) {
			shared = append(shared, c)
			continue
		}
		votes[c.country]++
	}
	for _, c := range shared {
		opts := sharedNames[s.body[c.start:c.end]]
		best := c.country
		for _, o := range opts {
			if votes[o] > votes[best] {
				best = o
			}
		}
		if best == c.country {
			continue
		}
		cc, ok := s.g.Country(best)
		if !ok {
			continue
		}
		c.country, c.actor = best, best
		if c.typ == dragoman.GPE {
			c.key, c.name = "C:"+best, cc.Name
		} else {
			c.key = "N:" + best
		}
	}
}

// hanSurnames are common Korean and Chinese surnames as romanized in the
// news (Korean, Mandarin in Taiwan's Wade-Giles and pinyin, Cantonese).
var hanSurnames = toSet(`Kim Lee Park Choi Cho Jung Jeong Kang Yoon Yun Jang Lim Han Shin Seo Kwon Hwang Ahn Song Yoo
Hong Jeon Moon Yang Baek Nam Oh Ko Koh Bae Noh Ryu Chung Byun Heo Yeo Chae Woo Goh Ha Jo Kwak Sung Cha Joo Min
Lin Chen Wang Li Zhang Liu Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lai Tsai Hsu Chang Cheng Lu Kuo Hsieh
Chiang Tseng Lam Leung Wong Chan Cheung Ho Tang Yip Tse Lau Chu Yeh Su Hsiao Tsao Shih Chou Teng Fang Kao Liang
Wei Xie Deng Feng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Xue Lo Yap Ng Tan Teo Goh Ong`)

// hanName reports a Korean or Chinese name written surname first with a
// hyphenated given name: "Cho Min-ho", "Lin Yu-hsuan", "Park Soo-jin".
func (s *state) hanName(ws, we int) bool {
	if we-ws != 2 || !hanSurnames[s.words[ws].text] {
		return false
	}
	g := s.words[ws+1].text
	k := strings.IndexByte(g, '-')
	if k < 2 || k > len(g)-3 || strings.Count(g, "-") != 1 {
		return false
	}
	a, b := g[:k], g[k+1:]
	return a[0] >= 'A' && a[0] <= 'Z' && isLowerASCII(a[1:]) && isLowerASCII(b)
}

func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

// firstSurname is the first of two surnames of a Spanish or Portuguese
// name written whole ("Quispe" of "Rafael Quispe Alarcón"), by which the
// news names the person again: a given name and two words that are no
// given names or particles.
func (s *state) firstSurname(ws []string) string {
	if len(ws) != 3 || !s.g.IsGivenName(ws[0]) {
		return ""
	}
	m := ws[1]
	if s.g.IsGivenName(m) || s.g.Gender(m) != 0 || particles[strings.ToLower(m)] || strings.HasSuffix(m, ".") || s.g.IsGivenName(ws[2]) {
		return ""
	}
	return m
}
