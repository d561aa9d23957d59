package actor

import (
	"sort"
	"strings"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/gazetteer"
)

// entity gathers the candidates of one referent.
type entity struct {
	typ    dragoman.EntityType
	key    string
	cands  []*cand
	roles  []pendingRole
	name   string
	ctry   string
	actor  string
	origin string
	first  int // byte offset of the first mention
	id     string
}

// personKey is the clustering key of a person name: the dictionary's name
// when the dictionary knows it, else first and last word.
func (s *state) personWords(c *cand) []string {
	var out []string
	for i := c.ws; i < c.we; i++ {
		w := s.words[i].text
		if w == "'s" || w == "'" || w == "-" || w == "." {
			continue
		}
		if h, ok := s.g.Title(w); ok && h.Honor {
			continue
		}
		out = append(out, w)
	}
	return out
}

func (s *state) newEntity(typ dragoman.EntityType, key string) *entity {
	e := &entity{typ: typ, key: key}
	s.ents = append(s.ents, e)
	return e
}

func (s *state) attach(e *entity, c *cand) {
	c.ent = len(s.ents) - 1
	for i, x := range s.ents {
		if x == e {
			c.ent = i
		}
	}
	e.cands = append(e.cands, c)
}

// cluster groups the candidates into entities.
func (s *state) cluster() {
	s.directions()
	byKey := map[string]*entity{}
	var persons []*cand
	for _, c := range s.cands {
		if c.dead || c.desc {
			continue
		}
		if c.typ == dragoman.Person {
			persons = append(persons, c)
			continue
		}
		if c.key == "" {
			c.key = string(c.typ) + ":" + strings.ToLower(gazetteer.Key(s.text(c.ws, c.we)))
		}
		if c.key == "A:" {
			continue // "the administration": after the named ones
		}
		e := byKey[c.key]
		if e == nil {
			e = s.newEntity(c.typ, c.key)
			byKey[c.key] = e
		}
		s.attach(e, c)
	}
	// "the administration" is the administration the article names most
	var admin *entity
	for _, e := range s.ents {
		if strings.HasPrefix(e.key, "A:") && (admin == nil || len(e.cands) > len(admin.cands)) {
			admin = e
		}
	}
	for _, c := range s.cands {
		if c.dead || c.key != "A:" {
			continue
		}
		if admin == nil {
			admin = s.newEntity(dragoman.Organization, "A:")
			byKey["A:"] = admin
		}
		s.attach(admin, c)
	}
	s.clusterPersons(persons)
}

func (s *state) clusterPersons(persons []*cand) {
	byFull := map[string]*entity{}
	bySurname := map[string][]*entity{}
	byFirst := map[string][]*entity{}
	byMiddle := map[string][]*entity{} // first of two surnames
	keyOf := func(ws []string) string {
		full := strings.Join(ws, " ")
		if hs := s.g.Person(full); len(hs) > 0 {
			return "P:" + strings.ToLower(hs[0].Name)
		}
		if len(ws) == 1 {
			return "P:" + strings.ToLower(ws[0])
		}
		return "P:" + strings.ToLower(ws[0]+" "+ws[len(ws)-1])
	}
	// full names first; a name that ends a longer one met before it is
	// that person ("García Harfuch" after "Omar García Harfuch")
	type fullName struct {
		words []string
		e     *entity
	}
	fulls := map[string][]fullName{} // by last word
	for _, c := range persons {
		ws := s.personWords(c)
		if len(ws) < 2 {
			continue
		}
		k := keyOf(ws)
		e := byFull[k]
		if e == nil {
			var hit *entity
			for _, f := range fulls[strings.ToLower(ws[len(ws)-1])] {
				if len(f.words) > len(ws) && strings.EqualFold(strings.Join(f.words[len(f.words)-len(ws):], " "), strings.Join(ws, " ")) {
					if hit != nil && hit != f.e {
						hit = nil
						break
					}
					hit = f.e
				}
			}
			if hit != nil {
				byFull[k] = hit
				e = hit
			}
		}
		if e == nil {
			e = s.newEntity(dragoman.Person, k)
			byFull[k] = e
			last := strings.ToLower(ws[len(ws)-1])
			bySurname[last] = append(bySurname[last], e)
			if bare := stripParticle(last); bare != last {
				bySurname[bare] = append(bySurname[bare], e) // "Abadi" for "Haider al-Abadi"
			}
			byFirst[strings.ToLower(ws[0])] = append(byFirst[strings.ToLower(ws[0])], e)
			if m := s.firstSurname(ws); m != "" {
				byMiddle[strings.ToLower(m)] = append(byMiddle[strings.ToLower(m)], e)
			}
			if hs := s.g.Person(strings.Join(ws, " ")); len(hs) > 0 {
				for _, a := range hs[0].Aliases {
					if !strings.Contains(a, " ") {
						bySurname[strings.ToLower(a)] = append(bySurname[strings.ToLower(a)], e)
					}
				}
			}
		}
		s.attach(e, c)
		if last := strings.ToLower(ws[len(ws)-1]); len(fulls[last]) < 8 {
			fulls[last] = append(fulls[last], fullName{ws, e})
		}
	}
	// then single words: a surname of a full name, the nearest before it
	for _, c := range persons {
		if c.aliasOf != nil && c.aliasOf.ent >= 0 {
			s.attach(s.ents[c.aliasOf.ent], c)
			continue
		}
		ws := s.personWords(c)
		if len(ws) != 1 {
			if len(ws) == 0 {
				c.dead = true
			}
			continue
		}
		w := strings.ToLower(ws[0])
		cands := bySurname[w]
		if len(cands) == 0 {
			cands = bySurname[stripParticle(w)] // "al-Abadi" for "Haider Abadi"
		}
		if len(cands) == 0 {
			cands = byMiddle[w] // "Quispe" for "Rafael Quispe Alarcón"
		}
		if len(cands) == 0 {
			cands = byFirst[w]
		}
		var e *entity
		switch len(cands) {
		case 0:
		case 1:
			e = cands[0]
		default:
			best := -1
			for _, x := range cands {
				for _, m := range x.cands {
					if m.start < c.start && m.start > best {
						best, e = m.start, x
					}
				}
			}
			if e == nil {
				e = cands[0]
			}
		}
		if e == nil {
			k := keyOf(ws)
			e = byFull[k]
			if e == nil {
				e = s.newEntity(dragoman.Person, k)
				byFull[k] = e
				bySurname[w] = append(bySurname[w], e)
			}
		}
		s.attach(e, c)
	}
	for _, e := range s.ents {
		seen := map[roleKey]bool{}
		for _, c := range e.cands {
			for _, r := range c.roles {
				k := roleKey{r.Title, r.Of, r.Country, r.Type, r.Former, r.Retired, r.Acting, r.Origin}
				if !seen[k] {
					seen[k] = true
					e.roles = append(e.roles, r)
				}
			}
		}
	}
}

type roleKey struct {
	title, of, country, typ string
	former, retired, acting bool
	origin                  string
}

// describe adds description mentions: the words of the roles ("the Russian
// foreign minister") and definite descriptions of a known office holder
// ("the U.S. president").
func (s *state) describe() {
	for ei, e := range s.ents {
		if e.typ != dragoman.Person {
			continue
		}
		for _, m := range e.cands {
			for _, r := range m.roles {
				if r.we > r.ws {
					c := s.add(&cand{ws: r.ws, we: r.we, typ: dragoman.Person, origin: "description", desc: true, score: 0.7})
					c.ent = ei
					e.cands = append(e.cands, c)
				}
			}
		}
	}
	titles := map[*entity][][2]string{}
	for _, e := range s.ents {
		if e.typ == dragoman.Person {
			titles[e] = s.entityTitles(e)
		}
	}
	descAt := map[int]bool{}
	for _, x := range s.cands {
		if x.desc {
			for k := x.ws; k < x.we; k++ {
				descAt[k] = true
			}
		}
	}
	// "the U.S. president", "the Russian foreign minister", "the president
	// of Russia", "the spokeswoman": a title after "the" names the one person
	// of the article who holds it (with that country, when one is written)
	for i := 0; i+1 < len(s.words); i++ {
		if s.words[i].lower != "the" || descAt[i] || descAt[i+1] {
			continue
		}
		k, country := i+1, ""
		if p := s.candAt(k); p != nil {
			if (p.typ != dragoman.GPE && p.typ != dragoman.NORP) || p.country == "" {
				continue
			}
			k, country = p.we, p.country
		}
		if k >= len(s.words) || !s.sameSent(k, i) {
			continue
		}
		h := s.titleAt[k]
		if h.end == 0 || h.t.Group || h.t.Honor || !s.sameSent(h.end-1, i) {
			continue
		}
		end := h.end
		if end < len(s.words) && s.sameSent(end, i) {
			next := s.words[end]
			if next.cap && next.text != "'s" {
				continue // a name follows: a premodifier, read already
			}
			if next.lower == "of" && country == "" && end+1 < len(s.words) {
				// "the president of Russia"
				p := s.candAt(end + 1)
				if p == nil || p.typ != dragoman.GPE || p.country == "" {
					continue
				}
				country, end = p.country, p.we
			} else if next.lower == "of" || next.lower == "to" || next.lower == "for" {
				continue // "the adviser to ...": another role
			}
		}
		var match *entity
		for pass := 0; pass < 2 && match == nil; pass++ {
			// exact titles first; then, for a bare head noun ("the
			// minister", "the envoy"), any title with that head held by a
			// person named earlier
			if pass == 1 && (h.end-k != 1 || strings.Contains(h.t.Title, " ")) {
				break
			}
			for _, e := range s.ents {
				if e.typ != dragoman.Person {
					continue
				}
				for _, r := range titles[e] {
					ok := r[0] == h.t.Title
					if pass == 1 {
						ok = r[0] != "" && lastField(r[0]) == h.t.Title && s.namedBefore(e, s.words[i].start)
					}
					if ok && (country == "" || r[1] == country) {
						if match != nil && match != e {
							match = nil
							goto next
						}
						match = e
					}
				}
			}
		}
		if match != nil {
			c := s.add(&cand{ws: i, we: end, typ: dragoman.Person, origin: "description", desc: true, score: 0.6})
			for ei, e := range s.ents {
				if e == match {
					c.ent = ei
				}
			}
			match.cands = append(match.cands, c)
		}
	next:
	}
}

// entityTitles lists (head title, country) pairs of a person: from the
// roles of the text and from the dictionary.
func (s *state) entityTitles(e *entity) [][2]string {
	var out [][2]string
	country := ""
	for _, r := range e.roles {
		if r.Country != "" {
			country = r.Country
		}
	}
	for _, r := range e.roles {
		c := r.Country
		if c == "" {
			c = country
		}
		if c == "" {
			c = s.dictCountry(e)
		}
		out = append(out, [2]string{r.titleRef, c})
	}
	// the dictionary's offices: "President of Russia" -> president, RUS
	for _, h := range s.holdersOf(e) {
		t, _, _ := strings.Cut(strings.ToLower(h.Role), " of ")
		if tt, ok := s.g.Title(t); ok {
			out = append(out, [2]string{tt.Title, h.Country})
		}
	}
	return out
}

func (s *state) dictCountry(e *entity) string {
	for _, h := range s.holdersOf(e) {
		return h.Country
	}
	return ""
}

// holdersOf returns the dictionary offices of a person entity at the
// publication date.
func (s *state) holdersOf(e *entity) []gazetteer.Holder {
	names := map[string]bool{}
	var longest string
	for _, c := range e.cands {
		if c.desc {
			continue
		}
		n := strings.Join(s.personWords(c), " ")
		names[n] = true
		if len(n) > len(longest) {
			longest = n
		}
	}
	if hs := s.g.Holders(longest, s.at); len(hs) > 0 {
		return hs
	}
	keys := make([]string, 0, len(names))
	for n := range names {
		keys = append(keys, n)
	}
	sort.Strings(keys)
	for _, n := range keys {
		if hs := s.g.Holders(n, s.at); len(hs) > 0 {
			return hs
		}
	}
	return nil
}

func sortCands(cs []*cand) {
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].start != cs[j].start {
			return cs[i].start < cs[j].start
		}
		return cs[i].end > cs[j].end
	})
}

func lastField(s string) string {
	if k := strings.LastIndexByte(s, ' '); k >= 0 {
		return s[k+1:]
	}
	return s
}

// namedBefore reports whether a person is named before byte offset off.
func (s *state) namedBefore(e *entity, off int) bool {
	for _, c := range e.cands {
		if !c.desc && c.start < off {
			return true
		}
	}
	return false
}

// directions makes "the North" and "the South" the country of the article
// whose name they open ("North Korea", "South Sudan"), when it names only
// one such.
func (s *state) directions() {
	var byWord map[string]*cand
	for _, c := range s.cands {
		if c.dead || c.typ != dragoman.GPE || c.kind != gazetteer.KindCountry {
			continue
		}
		first, _, ok := strings.Cut(c.name, " ")
		if !ok || first != "North" && first != "South" && first != "East" && first != "West" {
			continue
		}
		if byWord == nil {
			byWord = map[string]*cand{}
		}
		if old, seen := byWord[first]; seen && (old == nil || old.key != c.key) {
			byWord[first] = nil // two countries: ambiguous
			continue
		}
		byWord[first] = c
	}
	if byWord == nil {
		return
	}
	for _, c := range s.cands {
		if c.dead || c.desc || c.we-c.ws != 1 || c.typ == dragoman.Person {
			continue
		}
		w := s.words[c.ws]
		x := byWord[w.text]
		if x == nil || c.ws == 0 || s.words[c.ws-1].lower != "the" {
			continue
		}
		c.typ, c.key, c.name, c.country, c.actor, c.kind, c.origin = x.typ, x.key, x.name, x.country, x.actor, x.kind, "rule"
	}
}

// stripParticle removes an Arabic article from a lower-case surname:
// "al-abadi" -> "abadi".
func stripParticle(w string) string {
	for _, p := range []string{"al-", "el-", "ad-", "as-", "an-", "ash-", "az-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+2 {
			return w[len(p):]
		}
	}
	return w
}
