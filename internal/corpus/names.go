// Package corpus holds the logic that every Store backend shares: name keys
// for resolving actors across articles and MinHash fingerprints for finding
// near-duplicate articles. It does no I/O.
package corpus

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NameKey folds a name to the key under which aliases are matched: case,
// accents, punctuation and a leading "the" are ignored, and the common
// spelling variants of transliterated names are folded together ("Sergey"
// and "Sergei", "Zelenskyy" and "Zelensky", "Mohammed" and "Muhammad" do
// not all meet, but y/i and doubled letters do).
func NameKey(name string) string {
	words := nameWords(name)
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	for i, w := range words {
		words[i] = foldSpelling(w)
	}
	return strings.Join(words, " ")
}

// Surname returns the key of the last word of a person's name, or "" when
// the name has a single word.
func Surname(name string) string {
	words := nameWords(name)
	// Drop generational suffixes: "Jr", "Sr", "II", "III".
	for len(words) > 1 {
		switch words[len(words)-1] {
		case "jr", "sr", "ii", "iii", "iv":
			words = words[:len(words)-1]
			continue
		}
		break
	}
	if len(words) < 2 {
		return ""
	}
	return foldSpelling(words[len(words)-1])
}

// Words reports how many words a name has.
func Words(name string) int { return len(nameWords(name)) }

func nameWords(name string) []string {
	var b strings.Builder
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// accent: drop
		case r == '\'' || r == '’' || r == '.':
			// "O'Brien" -> "obrien", "U.S." -> "us"
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Fields(b.String())
}

// foldSpelling folds y to i and collapses doubled letters, so that
// transliteration variants share a key.
func foldSpelling(w string) string {
	var b strings.Builder
	var last rune
	for _, r := range w {
		if r == 'y' {
			r = 'i'
		}
		if r == last {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}
