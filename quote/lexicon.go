package quote

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed lexicon.tsv
var lexiconTSV string

//go:embed given_gender.tsv
var givenGenderTSV string

// Frames a speech verb takes; see lexicon.tsv.
const (
	frameQuote    = 1 << iota // attributes a direct quotation
	frameThat                 // takes a reported clause, "that" optional
	frameThatOnly             // takes a reported clause only after "that"
	frameAs                   // X described Y as Z
	frameTell                 // X told AUDIENCE (that) ...
	frameOn                   // X wrote on MEDIUM
	frameFrag                 // X called the ruling "dangerous"
	frameOut                  // only with "out" after it: X pointed out
)

// verb is one speech verb of the lexicon.
type verb struct {
	Lemma  string
	Frames int
}

// lexicon holds the speech cues and the word classes the speaker finder
// relies on. It is decoded once from lexicon.tsv.
type lexicon struct {
	verbs     map[string]verb // by inflected form, lower case
	media     map[string]bool // speech nouns that name a medium
	phrases   map[string]string
	audiences map[string]bool
	groups    map[string]bool
	roles     map[string]bool
	titles    map[string]bool
	scare     [][]string      // word sequences, lower case
	given     map[string]byte // given name -> 'h' (he) or 's' (she)
}

var loadLexicon = sync.OnceValues(func() (*lexicon, error) { return parseLexicon(lexiconTSV) })

func parseLexicon(src string) (*lexicon, error) {
	lx := &lexicon{
		verbs: map[string]verb{}, media: map[string]bool{}, phrases: map[string]string{},
		audiences: map[string]bool{}, groups: map[string]bool{}, roles: map[string]bool{}, titles: map[string]bool{},
	}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var f []string
		for _, x := range strings.Split(line, "\t") {
			if x != "" {
				f = append(f, x)
			}
		}
		bad := func() error { return fmt.Errorf("lexicon.tsv line %d: malformed %q line", n+1, f[0]) }
		switch f[0] {
		case "verb":
			if len(f) != 4 {
				return nil, bad()
			}
			v := verb{Lemma: f[1]}
			for _, fr := range strings.Split(f[3], ",") {
				switch fr {
				case "quote":
					v.Frames |= frameQuote
				case "that":
					v.Frames |= frameThat
				case "that!":
					v.Frames |= frameThatOnly
				case "as":
					v.Frames |= frameAs
				case "tell":
					v.Frames |= frameTell
				case "on":
					v.Frames |= frameOn
				case "frag":
					v.Frames |= frameFrag
				case "out":
					v.Frames |= frameOut
				default:
					return nil, fmt.Errorf("lexicon.tsv line %d: unknown frame %q", n+1, fr)
				}
			}
			for _, form := range strings.Split(f[2], ",") {
				lx.verbs[form] = v
			}
		case "noun":
			if len(f) != 3 {
				return nil, bad()
			}
			lx.media[f[1]] = true
		case "phrase":
			if len(f) != 3 {
				return nil, bad()
			}
			lx.phrases[f[1]] = f[2]
		case "audience", "group", "role", "title", "scare":
			if len(f) != 2 {
				return nil, bad()
			}
			w := f[1]
			switch f[0] {
			case "audience":
				lx.audiences[w] = true
			case "group":
				lx.groups[w] = true
			case "role":
				lx.roles[w] = true
			case "title":
				lx.titles[w] = true
			case "scare":
				lx.scare = append(lx.scare, strings.Fields(w))
			}
		default:
			return nil, fmt.Errorf("lexicon.tsv line %d: unknown kind %q", n+1, f[0])
		}
	}
	if len(lx.verbs) == 0 {
		return nil, fmt.Errorf("lexicon.tsv: no speech verbs")
	}
	lx.given = map[string]byte{}
	for n, line := range strings.Split(givenGenderTSV, "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		g, names, ok := strings.Cut(line, "\t")
		if !ok || (g != "f" && g != "m") {
			return nil, fmt.Errorf("given_gender.tsv line %d: want f or m, a tab, names", n+1)
		}
		code := byte('h')
		if g == "f" {
			code = 's'
		}
		for _, name := range strings.Fields(names) {
			lx.given[name] = code
		}
	}
	return lx, nil
}

// givenGender returns the gender a given name usually carries, 'h' or 's',
// or 0. A name written with accents the list spells without (Lucía,
// Thérèse, José) is looked up without them too.
func (lx *lexicon) givenGender(name string) byte {
	if g := lx.given[name]; g != 0 {
		return g
	}
	return lx.given[foldAccents(name)]
}

// accentFold maps accented Latin letters to their base letter.
var accentFold = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"í", "i", "ì", "i", "î", "i", "ï", "i", "ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o", "ú", "u",
	"ù", "u", "û", "u", "ü", "u", "ñ", "n", "ç", "c", "ý", "y", "Á", "A", "É", "E", "Í", "I", "Ó", "O",
	"Ú", "U", "Ñ", "N", "Ç", "C", "Ö", "O", "Ü", "U")

func foldAccents(s string) string { return accentFold.Replace(s) }
