package event

import (
	"strings"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/cameo"
	"github.com/dragoman-news/dragoman/gazetteer"
)

// Actors from context. News names many actors by their role alone
// ("police arrested two men", "officials said") and many people the
// dictionaries do not know. Like PETRARCH's agents, a role adds a type to
// a country; when the sentence names none, the country is the one the
// article is about: the dateline's, else the country most of the article's
// mentions belong to.

// headlineWeight is what a place named in the headline counts for: the
// headline says where the story is ("Gunman opens fire in El Paso, Texas")
// even when the body names another country more often.
const headlineWeight = 6

// mainCountry returns the country an article is about, or "": the
// dateline's, else the one most mentions of its entities belong to, a
// place in the headline counting as headlineWeight mentions.
func mainCountry(d *dragoman.Document, gaz *gazetteer.Gazetteer) string {
	if dl := d.Article.Dateline; dl != nil && len(dl.CountryCode) == 3 {
		return dl.CountryCode
	}
	count := map[string]int{}
	total := 0
	if gaz != nil && d.Article.Title != "" {
		for _, m := range gaz.Scan(d.Article.Title) {
			if len(m.Entries) == 0 {
				continue
			}
			e := m.Entries[0]
			cc := ""
			switch e.Kind {
			case gazetteer.KindCountry, gazetteer.KindDemonym:
				cc = e.Code
			case gazetteer.KindCity:
				cc = e.Country
				if cc == "" {
					cc = e.Code
				}
			}
			if _, ok := cameo.Country(cc); ok && len(cc) == 3 {
				count[cc] += headlineWeight
				total += headlineWeight
			}
		}
	}
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Type == dragoman.NORP {
			continue // "Mexican nationals" in a report from Texas: who, not where
		}
		cc := e.Country
		if cc == "" && len(e.Actor) >= 3 {
			cc = e.Actor[:3]
		}
		if len(cc) != 3 {
			continue
		}
		if _, ok := cameo.Country(cc); !ok {
			continue
		}
		n := len(e.Mentions)
		count[cc] += n
		total += n
	}
	best, most, second := "", 0, 0
	for cc, n := range count {
		switch {
		case n > most || n == most && cc < best:
			if best != "" && most > second {
				second = most
			}
			best, most = cc, n
		case n > second:
			second = n
		}
	}
	// a clear majority: at least two mentions, two fifths of them, and more
	// than any other country
	if most < 2 || 5*most < 2*total || most == second {
		return ""
	}
	return best
}

// sentenceCountry returns the country of a sentence's roles: the one
// country it names as a place ("in Mexico", "Clairton, Pennsylvania"),
// else the article's.
func (st *docState) sentenceCountry(s *sentence) string {
	one := ""
	for _, m := range s.mentions {
		if len(m.codes) != 1 || len(m.codes[0]) < 3 {
			continue
		}
		if !m.place && !(isCountry(m.codes) && st.isPlaceName(s, m)) {
			continue
		}
		cc := m.codes[0][:3]
		if _, ok := cameo.Country(cc); !ok {
			continue
		}
		switch {
		case one == "":
			one = cc
		case one != cc:
			return st.country // several countries: none of them is sure
		}
	}
	if one != "" {
		s.ctxPlace = true
		return one
	}
	return st.country
}

// contextCode returns an actor code for an entity the actor stage left
// without one, when the text supports it: a person with a role of known
// type ("Sheriff Lee": COP) takes the role's country, else the entity's,
// else the article's; a person whose country alone is known is that
// country; an organization whose name holds a role word ("Florida Highway
// Patrol", "Emergencies Ministry") is that role of its country.
func (st *docState) contextCode(e *dragoman.Entity) string {
	switch e.Type {
	case dragoman.Person:
		for _, r := range e.Roles {
			if r.Type == "" || r.Former || r.Retired {
				continue
			}
			cc := r.Country
			if cc == "" {
				cc = e.Country
			}
			if cc == "" {
				cc = st.country
			}
			if cc != "" {
				return cc + r.Type
			}
		}
		if len(e.Country) == 3 {
			return e.Country
		}
		if st.country != "" && len(e.Mentions) > 0 {
			return st.country + weakMark
		}
	case dragoman.Organization, dragoman.Group:
		typ := st.c.roleOf(e.Name)
		if typ == "" {
			return ""
		}
		cc := e.Country
		if cc == "" {
			cc = st.country
		}
		if cc != "" {
			return cc + typ
		}
	}
	return ""
}

// weakMark ends the code contextCode gives a person known by name only:
// the article's country, and nothing the text says of their role.
const weakMark = "?"

// roleOf returns the type code of the last role word of a name
// ("Florida Highway Patrol": COP), or "".
func (c *Coder) roleOf(name string) string {
	toks := tokenize(name, 0)
	typ := ""
	for i := 0; i < len(toks); i++ {
		p, n := c.dict.agents.longest(toks, i)
		if p == nil {
			continue
		}
		if t := strings.Trim(p.agent, "~ "); len(t) == 3 {
			typ = t
		}
		i += n - 1
	}
	return typ
}
