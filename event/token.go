package event

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of a sentence. Up is the form the
// lexicons match against: upper case, curly apostrophes made straight.
type token struct {
	Text       string
	Up         string
	Start, End int // byte offsets into the text that was tokenized
}

// tokenize splits text into words and punctuation, with byte offsets
// relative to base. Clitics are split the way treebanks split them
// ("Russia's" -> Russia 's, "didn't" -> did n't), abbreviations keep their
// dots ("U.S."), and underscores separate words as spaces do.
func tokenize(text string, base int) []token {
	var out []token
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r) || r == '_':
			i += w
		case isWordRune(r):
			j := i
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					j += w2
					continue
				}
				// internal hyphen, dot of an abbreviation, apostrophe
				if (r2 == '-' || r2 == '.' || r2 == '&' || r2 == '\'' || r2 == '’') && j+w2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+w2:])
					if isWordRune(r3) && (r2 != '.' || abbrevDot(text[i:j])) {
						j += w2
						continue
					}
				}
				if r2 == '.' && abbrevDot(text[i:j]) && strings.Contains(text[i:j], ".") {
					j += w2 // the final dot of "U.S."
				}
				break
			}
			out = appendWord(out, text, i, j, base)
			i = j
		case r == '\'' || r == '’':
			// clitic 's at the start of a token (after a split)
			j := i + w
			k := j
			for k < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[k:])
				if !unicode.IsLetter(r2) {
					break
				}
				k += w2
			}
			if k > j && k-j <= 2 {
				out = append(out, mk(text, i, k, base))
				i = k
				continue
			}
			out = append(out, mk(text, i, j, base))
			i = j
		default:
			out = append(out, mk(text, i, i+w, base))
			i += w
		}
	}
	return out
}

// appendWord adds the word text[i:j], splitting off clitics.
func appendWord(out []token, text string, i, j, base int) []token {
	w := text[i:j]
	lw := strings.ToLower(w)
	// n't
	if strings.HasSuffix(lw, "n't") || strings.HasSuffix(lw, "n’t") {
		k := strings.LastIndex(lw, "n") // start of n't
		if k > 0 {
			out = append(out, mk(text, i, i+k, base))
			return append(out, mk(text, i+k, j, base))
		}
	}
	for _, cl := range []string{"'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"} {
		if strings.HasSuffix(lw, cl) && len(lw) > len(cl) {
			k := j - len(cl)
			out = append(out, mk(text, i, k, base))
			return append(out, mk(text, k, j, base))
		}
	}
	if strings.HasSuffix(lw, "s'") || strings.HasSuffix(lw, "s’") {
		k := j - len("'")
		if strings.HasSuffix(lw, "s’") {
			k = j - len("’")
		}
		out = append(out, mk(text, i, k, base))
		return append(out, mk(text, k, j, base))
	}
	return append(out, mk(text, i, j, base))
}

func mk(text string, i, j, base int) token {
	t := text[i:j]
	up := strings.ToUpper(t)
	if strings.ContainsRune(up, '’') {
		up = strings.ReplaceAll(up, "’", "'")
	}
	return token{Text: t, Up: up, Start: base + i, End: base + j}
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// abbrevDot reports whether a dot after w belongs to it: single letters
// ("U" of "U.S.") and words already holding dots.
func abbrevDot(w string) bool {
	if strings.Contains(w, ".") {
		parts := strings.Split(w, ".")
		for _, p := range parts {
			if utf8.RuneCountInString(p) > 2 {
				return false
			}
		}
		return true
	}
	return utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0])
}
