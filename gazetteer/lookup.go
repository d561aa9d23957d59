package gazetteer

import (
	"sort"
	"strings"
	"time"
)

// Lookup returns every meaning of a phrase as written (case counts:
// "US" is the country, "us" is not).
func (g *Gazetteer) Lookup(phrase string) []Entry {
	k := Key(phrase)
	if es, ok := g.phrases[k]; ok {
		return es
	}
	// a possessive: "Russia’s", "allies’"
	for _, suf := range []string{" 's", " '"} {
		if strings.HasSuffix(k, suf) {
			return g.phrases[strings.TrimSuffix(k, suf)]
		}
	}
	return nil
}

// Find returns the first meaning of phrase of one of the given kinds.
func (g *Gazetteer) Find(phrase string, kinds ...Kind) (Entry, bool) {
	for _, e := range g.Lookup(phrase) {
		for _, k := range kinds {
			if e.Kind == k {
				return e, true
			}
		}
	}
	return Entry{}, false
}

// CountryOf returns the country code a word or phrase points to: a country
// name or variant ("U.S.", "Britain"), a demonym ("Russian", "Ukrainians"),
// a city ("Kyiv") or a national body or organization ("Kremlin", "Tesla").
// Regions and their demonyms return their CAMEO region code (EUR, MEA).
func (g *Gazetteer) CountryOf(phrase string) (string, bool) {
	for _, e := range g.Lookup(phrase) {
		switch e.Kind {
		case KindCountry, KindRegion, KindDemonym, KindCity:
			return e.Code, true
		case KindBody, KindOrg:
			if e.Country != "" {
				return e.Country, true
			}
		}
	}
	return "", false
}

// Demonym returns the country or region code of a nationality word
// ("Russian", "Europeans" -> EUR) and whether the form is a plural naming
// the people.
func (g *Gazetteer) Demonym(word string) (code string, plural, ok bool) {
	if e, ok := g.Find(word, KindDemonym); ok {
		return e.Code, e.Plural, true
	}
	return "", false, false
}

// Country returns the country or region with the given CAMEO code.
func (g *Gazetteer) Country(code string) (Country, bool) {
	c, ok := g.countries[code]
	if !ok {
		return Country{}, false
	}
	return *c, true
}

// CountryName returns the name of a country or region code, or the code.
func (g *Gazetteer) CountryName(code string) string {
	if c, ok := g.countries[code]; ok {
		return c.Name
	}
	return code
}

// Adjective returns the adjective of a country or region ("Russian"), or
// its name when the tables know none.
func (g *Gazetteer) Adjective(code string) string {
	if c, ok := g.countries[code]; ok {
		if len(c.Demonyms) > 0 {
			return c.Demonyms[0]
		}
		return c.Name
	}
	return code
}

// Title returns the title or office a phrase names, without regard to case
// ("Foreign Minister", "spokeswoman").
func (g *Gazetteer) Title(phrase string) (Title, bool) {
	t, ok := g.titles[strings.ToLower(Key(phrase))]
	return t, ok
}

// TitleAt returns the longest title that the lower-case words start with
// (words as Tokenize makes them) and how many words it takes; n is 0 when
// none does.
func (g *Gazetteer) TitleAt(words []string) (t Title, n int) {
	if len(words) == 0 || !g.titleHead[normalize(words[0])] {
		return Title{}, 0
	}
	var b strings.Builder
	for k := min(g.maxTitle, len(words)); k >= 1; k-- {
		b.Reset()
		for j := 0; j < k; j++ {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[j])
		}
		if t, ok := g.titles[normalize(b.String())]; ok {
			return t, k
		}
	}
	return Title{}, 0
}

// IsTitle reports whether phrase is a known title or office.
func (g *Gazetteer) IsTitle(phrase string) bool {
	t, ok := g.Title(phrase)
	return ok && !t.Group
}

// TitleType returns the CAMEO role type a title implies ("general" -> MIL),
// or "".
func (g *Gazetteer) TitleType(phrase string) string {
	t, _ := g.Title(phrase)
	return t.Type
}

// IsGivenName reports whether word, as written, is a known given name
// ("Sergei", "Tammy"). Words that are also place or organization names are
// left out.
func (g *Gazetteer) IsGivenName(word string) bool {
	w := normalize(word)
	return g.given[w] || hasNonASCII(w) && g.given[unaccent.Replace(w)] // "Lucía" as "Lucia"
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

// unaccent writes the accented Latin letters of names without accents.
var unaccent = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"í", "i", "ì", "i", "î", "i", "ï", "i", "ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o",
	"ú", "u", "ù", "u", "û", "u", "ü", "u", "ý", "y", "ÿ", "y", "ñ", "n", "ç", "c", "ś", "s", "š", "s",
	"ž", "z", "ź", "z", "ż", "z", "č", "c", "ć", "c", "ř", "r", "ł", "l", "ğ", "g", "ş", "s", "ı", "i",
	"Á", "A", "É", "E", "Í", "I", "Ó", "O", "Ú", "U", "Ñ", "N", "Ç", "C", "Š", "S", "Ž", "Z", "Č", "C", "Ł", "L", "Ö", "O", "Ü", "U", "Ş", "S", "İ", "I")

// Gender returns 'f' or 'm' for a given name, as written, that the news
// mostly gives to women or to men ("Tammy", "Sergei"), and 0 otherwise. It
// is weak evidence, for pronouns.
func (g *Gazetteer) Gender(given string) byte {
	w := normalize(given)
	if x := g.gender[w]; x != 0 || !hasNonASCII(w) {
		return x
	}
	return g.gender[unaccent.Replace(w)]
}

// MaxTitleWords is the number of words of the longest title.
func (g *Gazetteer) MaxTitleWords() int { return g.maxTitle }

// Holders returns the offices held at t by the person a name points to:
// the full name or an alias ("Lavrov", "Sergei Lavrov"), or a bare surname
// when a single person of the dictionary bears it. A zero t asks for
// offices still held. The result is ordered with head-of-state offices
// before others, then by start date, latest first.
func (g *Gazetteer) Holders(name string, t time.Time) []Holder {
	idx := g.holderIndex(name)
	var out []Holder
	persons := map[string]bool{}
	for _, i := range idx {
		h := g.holders[i]
		if h.Holds(t) {
			out = append(out, h)
			persons[h.Name] = true
		}
	}
	if len(persons) > 1 {
		return nil // an ambiguous surname
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].From.After(out[b].From) })
	return out
}

// holderIndex finds the rows of the office holders a name points to: the
// full name or alias, else a lone surname, else a name of several words
// under another transliteration or without a generational suffix ("Abbas
// Araqchi" for "Abbas Araghchi", "Ferdinand Marcos Jr." for "Ferdinand
// Marcos").
func (g *Gazetteer) holderIndex(name string) []int {
	ln := strings.ToLower(normalize(strings.TrimSpace(name)))
	one := !strings.Contains(ln, " ")
	if idx := g.byName[ln]; len(idx) > 0 {
		return idx
	}
	if one {
		if idx := g.bySurname[ln]; len(idx) > 0 {
			return idx
		}
	}
	if one || !foldable(ln) {
		return nil // a lone word under another spelling is too often someone else ("Barak", "Mohamed")
	}
	return g.byFold[spellFold(ln)]
}

// foldable reports a lower-case name that spellFold changes: a suffix, a
// letter it rewrites or a doubled letter. Most names are not, and are not
// folded (no allocation).
func foldable(ln string) bool {
	if strings.IndexByte(ln, 'q') >= 0 || strings.Contains(ln, "gh") || strings.Contains(ln, "kh") || strings.Contains(ln, "ck") {
		return true
	}
	for i := 1; i < len(ln); i++ {
		if ln[i] == ln[i-1] && ln[i] != ' ' {
			return true
		}
	}
	last := ln[strings.LastIndexByte(ln, ' ')+1:]
	return notSurname[last]
}

// spellFold maps a lower-case name onto a key shared by its usual
// romanizations: a generational suffix (Jr., III) is dropped, the
// letters written for one sound in Arabic, Persian and Slavic names
// (gh, q, kh, ck, k) become k, a final -yy is -y, and doubled letters
// are single ("Araghchi" and "Araqchi", "Zelenskyy" and "Zelensky",
// "Gaddafi" and "Gadafi").
func spellFold(ln string) string {
	w := strings.Fields(ln)
	for len(w) > 1 && notSurname[strings.TrimSuffix(w[len(w)-1], ",")] {
		w = w[:len(w)-1]
	}
	if len(w) > 1 {
		w[len(w)-2] = strings.TrimSuffix(w[len(w)-2], ",")
	}
	s := strings.Join(w, " ")
	s = foldSpell.Replace(s)
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	for _, r := range s {
		if r == prev && r != ' ' {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

var foldSpell = strings.NewReplacer("gh", "k", "kh", "k", "ck", "k", "q", "k", "yy", "y")

// Person returns every office of the dictionary held by the person a name
// points to, at any date.
func (g *Gazetteer) Person(name string) []Holder {
	idx := g.holderIndex(name)
	out := make([]Holder, 0, len(idx))
	for _, i := range idx {
		out = append(out, g.holders[i])
	}
	return out
}

// Match is one gazetteer name found in a text.
type Match struct {
	Start, End int // byte offsets into the scanned text
	Text       string
	Entries    []Entry
}

// Scan finds the names of the gazetteer in text, longest first and
// without overlaps. It matches case as written. A hyphenated word that is
// not a name as a whole is searched part by part ("U.S.-Russian").
func (g *Gazetteer) Scan(text string) []Match {
	return g.ScanTokens(text, Tokenize(text))
}

// ScanTokens is Scan over tokens already made with Tokenize.
func (g *Gazetteer) ScanTokens(text string, toks []Token) []Match {
	var out []Match
	var key strings.Builder
	for i := 0; i < len(toks); {
		best, bestN := []Entry(nil), 0
		maxN := min(g.maxWords, len(toks)-i)
		if !g.first[normalize(text[toks[i].Start:toks[i].End])] {
			maxN = 0
		}
		for n := maxN; n >= 1; n-- {
			key.Reset()
			for j := i; j < i+n; j++ {
				if j > i {
					key.WriteByte(' ')
				}
				key.WriteString(text[toks[j].Start:toks[j].End])
			}
			if es, ok := g.phrases[normalize(key.String())]; ok {
				best, bestN = es, n
				break
			}
		}
		if bestN > 0 {
			s, e := toks[i].Start, toks[i+bestN-1].End
			out = append(out, Match{Start: s, End: e, Text: text[s:e], Entries: best})
			i += bestN
			continue
		}
		w := text[toks[i].Start:toks[i].End]
		if strings.ContainsAny(w, "-‑") {
			off := toks[i].Start
			for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '‑' }) {
				k := strings.Index(text[off:toks[i].End], part)
				if k < 0 {
					break
				}
				ps := off + k
				if es, ok := g.phrases[normalize(part)]; ok {
					out = append(out, Match{Start: ps, End: ps + len(part), Text: part, Entries: es})
				}
				off = ps + len(part)
			}
		}
		i++
	}
	return out
}
