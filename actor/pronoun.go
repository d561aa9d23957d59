package actor

import (
	"strings"

	"github.com/dragoman-news/dragoman"
)

// Pronoun resolution, kept conservative: a third-person singular pronoun
// (he, him, his, himself; she, her, hers, herself) joins the person of the nearest sentence (this one, before the pronoun,
// then up to three back) that names people, when exactly one person there
// fits its gender. A sentence whose people all have the other gender is
// passed over; two or more that fit leave the pronoun unlinked. Pronouns
// inside quotations are read the same way: on GUM news that links 20 more
// rightly for 5 more wrongly (see docs/actors.md).

var pronounGender = map[string]byte{
	"he": 'm', "him": 'm', "his": 'm', "himself": 'm',
	"she": 'f', "her": 'f', "hers": 'f', "herself": 'f',
}

// genderWords are words of titles and descriptions that carry a gender.
var genderWords = map[string]byte{
	"spokeswoman": 'f', "chairwoman": 'f', "congresswoman": 'f', "businesswoman": 'f', "councilwoman": 'f',
	"queen": 'f', "princess": 'f', "duchess": 'f', "lady": 'f', "actress": 'f', "mother": 'f', "wife": 'f',
	"widow": 'f', "daughter": 'f', "sister": 'f', "girl": 'f', "woman": 'f', "grandmother": 'f', "mrs.": 'f',
	"ms.": 'f', "mrs": 'f', "ms": 'f', "miss": 'f', "madam": 'f', "dame": 'f', "baroness": 'f', "sultana": 'f',
	"spokesman": 'm', "chairman": 'm', "congressman": 'm', "businessman": 'm', "councilman": 'm',
	"king": 'm', "prince": 'm', "duke": 'm', "emir": 'm', "sultan": 'm', "father": 'm', "husband": 'm',
	"son": 'm', "brother": 'm', "boy": 'm', "man": 'm', "grandfather": 'm', "mr.": 'm', "mr": 'm', "sir": 'm',
	"lord": 'm', "baron": 'm', "sheikh": 'm', "ayatollah": 'm', "imam": 'm', "pope": 'm', "cardinal": 'm',
	"bishop": 'm', "rabbi": 'm', "priest": 'm', "monk": 'm', "crown": 0,
}

// entityGender reads the gender of a person entity: an honorific before a
// mention, a gendered title or description among its roles, else the given
// name. Conflicting evidence gives none.
func (s *state) entityGender(e *entity) byte {
	var g byte
	vote := func(x byte) {
		if x == 0 {
			return
		}
		if g != 0 && g != x {
			g = 'x'
			return
		}
		if g != 'x' {
			g = x
		}
	}
	for _, c := range e.cands {
		if c.origin == "pronoun" {
			continue
		}
		if c.desc {
			for k := c.ws; k < c.we; k++ {
				vote(genderWords[s.words[k].lower])
			}
			continue
		}
		if c.ws > 0 && s.sameSent(c.ws-1, c.ws) {
			vote(honorGender(s.words[c.ws-1].lower))
			// "her father, Reginald Vanderbilt", "his wife Mary"
			// (after a comma only when a comma closes the name too)
			k := c.ws - 1
			if s.words[k].text == "," && k > 0 && s.sameSent(k-1, c.ws) && c.we < len(s.words) && s.words[c.we].text == "," {
				k--
			}
			vote(kinGender[s.words[k].lower])
		}
		vote(honorGender(s.words[c.ws].lower))
		if c.we-c.ws > 1 {
			vote(surnameGender(s.words[c.we-1].lower))
		}
	}
	for _, r := range e.roles {
		for _, w := range strings.Fields(strings.ToLower(r.Title)) {
			vote(genderWords[w])
		}
	}
	if g == 0 {
		// the given name of the longest name
		var best []string
		for _, c := range e.cands {
			if !c.desc {
				if ws := s.personWords(c); len(ws) > len(best) {
					best = ws
				}
			}
		}
		if len(best) > 1 {
			g = s.g.Gender(best[0])
		}
		if g == 0 && len(best) == 1 {
			if hs := s.g.Person(best[0]); len(hs) > 0 {
				if ws := strings.Fields(hs[0].Name); len(ws) > 1 {
					g = s.g.Gender(ws[0])
				}
			}
		}
	}
	if g == 'x' {
		return 0
	}
	return g
}

// kinGender are kinship nouns that give the gender of the name after them.
var kinGender = map[string]byte{
	"father": 'm', "son": 'm', "husband": 'm', "brother": 'm', "grandfather": 'm', "uncle": 'm', "nephew": 'm', "widower": 'm',
	"mother": 'f', "daughter": 'f', "wife": 'f', "sister": 'f', "grandmother": 'f', "aunt": 'f', "niece": 'f', "widow": 'f',
}

// surnameGender reads the gender of Slavic surnames: Skvortsova and
// Zakharova are women, Lavrov and Zelensky men.
func surnameGender(w string) byte {
	for _, suf := range []string{"ova", "eva", "yova", "skaya", "tskaya"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return 'f'
		}
	}
	for _, suf := range []string{"ov", "ev", "sky", "skiy", "skyi", "vich"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return 'm'
		}
	}
	return 0
}

func honorGender(w string) byte {
	switch w {
	case "mr.", "mr", "sir":
		return 'm'
	case "ms.", "ms", "mrs.", "mrs", "miss", "madam", "dame":
		return 'f'
	}
	return 0
}

// pronouns links he/she pronouns to the people they stand for, adding
// mentions of origin "pronoun".
func (s *state) pronouns() {
	if !s.english {
		return
	}
	gender := make([]byte, len(s.ents))
	hasPerson := false
	for ei, e := range s.ents {
		if e.typ == dragoman.Person && len(e.cands) > 0 {
			gender[ei] = s.entityGender(e)
			hasPerson = true
		}
	}
	if !hasPerson {
		return
	}
	// the person mentions of each sentence, in text order
	bySent := make([][]*cand, len(s.sents))
	for _, c := range s.cands {
		if c.dead || c.ent < 0 || c.ent >= len(s.ents) || s.ents[c.ent].typ != dragoman.Person {
			continue
		}
		si := s.words[c.ws].sent
		bySent[si] = append(bySent[si], c)
	}
	for _, l := range bySent {
		sortCands(l)
	}
	for i, w := range s.words {
		pg := pronounGender[w.lower]
		if pg == 0 || s.candAt(i) != nil {
			continue
		}
		si := w.sent
		for k := si; k >= 0 && k >= si-3; k-- {
			seen := map[int]bool{}
			var fit []int
			for _, c := range bySent[k] {
				if k == si && c.start >= w.start {
					break
				}
				if seen[c.ent] {
					continue
				}
				if k == si && w.lower == "him" && !s.clauseBreak(c.we, i) {
					continue // "Yunus thanked him": not Yunus
				}
				seen[c.ent] = true
				if g := gender[c.ent]; g == 0 || g == pg {
					fit = append(fit, c.ent)
				}
			}
			if len(seen) == 0 || len(fit) == 0 {
				continue // no people here, or none of this gender: look further back
			}
			ei := -1
			if len(fit) == 1 {
				ei = fit[0]
			}
			if ei >= 0 {
				c := s.add(&cand{ws: i, we: i + 1, typ: dragoman.Person, origin: "pronoun", desc: true, score: 0.5})
				c.ent = ei
				s.ents[ei].cands = append(s.ents[ei].cands, c)
				bySent[si] = append(bySent[si], c)
				sortCands(bySent[si])
				if gender[ei] == 0 {
					gender[ei] = pg
				}
			}
			break
		}
	}
}

// clauseWords end a clause: a name before one of them may be the referent
// of an object pronoun after it.
var clauseWords = toSet(", ; : that who which when because after before while and but said says told to for with")

// clauseBreak reports a clause boundary between words a and b.
func (s *state) clauseBreak(a, b int) bool {
	for k := a; k < b; k++ {
		if clauseWords[s.words[k].lower] {
			return true
		}
	}
	return false
}
