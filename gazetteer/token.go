package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word of a text, as a half-open byte range [Start, End).
type Token struct {
	Start, End int
}

// abbrevs are words that keep their full stop ("Gen.", "St.").
var abbrevs = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Gen": true, "Lt": true, "Col": true,
	"Maj": true, "Brig": true, "Adm": true, "Sgt": true, "Capt": true, "Sen": true, "Rep": true,
	"Gov": true, "Prof": true, "St": true, "No": true, "Jr": true, "Sr": true, "Mt": true,
	"Ft": true, "Rev": true, "Cmdr": true, "Amb": true, "Pres": true, "Inc": true, "Corp": true,
	"Co": true, "Ltd": true, "Secy": true, "Gens": true, "Sens": true, "Reps": true,
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// Tokenize splits text into words and punctuation marks. A word keeps
// inner hyphens ("Minsk-2", "al-Qaeda") and apostrophes ("Sana'a"), and the
// full stops of initials and abbreviations ("U.S.", "R.", "Gen."); a
// possessive "’s" is a token of its own, so that "Trump’s" yields "Trump".
func Tokenize(text string) []Token {
	var toks []Token
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !isWordRune(r) {
			// possessive 's / ’s / bare ’ after a word ending in s
			if isApostrophe(r) && len(toks) > 0 && toks[len(toks)-1].End == i {
				j := i + n
				if j < len(text) && (text[j] == 's' || text[j] == 'S') && (j+1 == len(text) || !isWordByte(text, j+1)) {
					toks = append(toks, Token{i, j + 1})
					i = j + 1
					continue
				}
			}
			toks = append(toks, Token{i, i + n})
			i += n
			continue
		}
		start := i
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r) {
				j += n
				continue
			}
			if (r == '-' || r == '‑' || r == '&') && j+n < len(text) {
				if r2, _ := utf8.DecodeRuneInString(text[j+n:]); isWordRune(r2) {
					j += n
					continue
				}
			}
			if isApostrophe(r) && j+n < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j+n:])
				if isWordRune(r2) {
					// a possessive or contraction 's ends the word
					k := j + n + n2
					if (r2 == 's' || r2 == 'S') && (k >= len(text) || !isWordByte(text, k)) {
						break
					}
					j += n
					continue
				}
			}
			if r == '.' {
				word := text[start:j]
				// initials and dotted abbreviations: U.S., D.C., R.
				if lastSegmentLen(word) == 1 && startsUpperOrLetter(word) {
					if j+1 < len(text) && isLetterByte(text[j+1]) && (j+2 >= len(text) || text[j+2] == '.') {
						j += 2
						continue
					}
					j++
					break
				}
				if abbrevs[word] || abbrevs[strings.ToUpper(word[:1])+strings.ToLower(word[1:])] || (strings.Contains(word, ".") && lastSegmentLen(word) == 1) {
					j++
				}
			}
			break
		}
		if j == start { // cannot happen, but never loop forever
			j = start + n
		}
		toks = append(toks, Token{start, j})
		i = j
	}
	return toks
}

func isWordByte(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

func isLetterByte(b byte) bool { return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' }

func lastSegmentLen(w string) int {
	if k := strings.LastIndexByte(w, '.'); k >= 0 {
		w = w[k+1:]
	}
	return utf8.RuneCountInString(w)
}

func startsUpperOrLetter(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r)
}

// normalize maps typographic variants to one form for keys: curly
// apostrophes become straight ones.
func normalize(s string) string {
	if !strings.ContainsAny(s, "’ʼ‑") {
		return s
	}
	return strings.NewReplacer("’", "'", "ʼ", "'", "‑", "-").Replace(s)
}

// Key is the lookup key of a phrase: its tokens joined by single spaces,
// apostrophes made straight. Case is kept.
func Key(phrase string) string {
	toks := Tokenize(phrase)
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(phrase[t.Start:t.End])
	}
	return normalize(b.String())
}
