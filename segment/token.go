package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dragoman-news/dragoman"
)

// The tokenizer is a hand-written scanner over bytes, with an ASCII fast
// path and utf8 decoding only for non-ASCII runes. It follows the Penn
// Treebank conventions that matter for news: punctuation is split off,
// clitics become their own tokens ("did" "n't", "Washington" "’s"), and
// hyphenated words, numbers with separators, abbreviations with periods,
// URLs and e-mail addresses stay whole.

// asciiClass flags for bytes below utf8.RuneSelf.
const (
	cSpace = 1 << iota
	cLower
	cUpper
	cDigit
)

var ascii [utf8.RuneSelf]uint8

func init() {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c == ' ', c == '\t', c == '\n', c == '\r', c == '\v', c == '\f':
			ascii[c] = cSpace
		case c >= 'a' && c <= 'z':
			ascii[c] = cLower
		case c >= 'A' && c <= 'Z':
			ascii[c] = cUpper
		case c >= '0' && c <= '9':
			ascii[c] = cDigit
		}
	}
}

const cAlnum = cLower | cUpper | cDigit

// isSpaceRune reports whether r separates tokens: Unicode white space plus
// the zero-width characters that web text carries between words.
func isSpaceRune(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// isWordRune reports whether a non-ASCII rune belongs inside a word.
func isWordRune(r rune) bool {
	if r == utf8.RuneError {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) ||
		r == '\u00ad' // soft hyphen
}

// spaceAt reports whether s[i:] starts with a separator, and its size.
func spaceAt(s string, i int) (bool, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return ascii[c]&cSpace != 0, 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return isSpaceRune(r), n
}

// wordAt reports whether s[i:end] starts with a word character.
func wordAt(s string, i, end int) bool {
	if i >= end {
		return false
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return ascii[c]&cAlnum != 0 || c == '_'
	}
	r, _ := utf8.DecodeRuneInString(s[i:end])
	return isWordRune(r)
}

// letterBefore reports whether the rune ending at s[i] is a letter.
func letterBefore(s string, i int) bool {
	if i <= 0 {
		return false
	}
	c := s[i-1]
	if c < utf8.RuneSelf {
		return ascii[c]&(cLower|cUpper) != 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r)
}

func letterAt(s string, i, end int) bool {
	if i >= end {
		return false
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return ascii[c]&(cLower|cUpper) != 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:end])
	return unicode.IsLetter(r)
}

func digitAt(s string, i, end int) bool {
	return i >= 0 && i < end && s[i] >= '0' && s[i] <= '9'
}

func upperAt(s string, i, end int) bool {
	return i < end && s[i] < utf8.RuneSelf && ascii[s[i]]&cUpper != 0
}

// tokenize appends the tokens of body[start:end] to toks.
func tokenize(body string, start, end int, toks []dragoman.Token) []dragoman.Token {
	i := start
	for i < end {
		c := body[i]
		if c < utf8.RuneSelf {
			cls := ascii[c]
			if cls&cSpace != 0 {
				i++
				continue
			}
			if cls&cAlnum != 0 || c == '_' {
				toks, i = word(body, i, end, toks)
				continue
			}
			if (c == '#' || c == '@') && letterAt(body, i+1, end) && (i == start || !wordAt(body, i-1, end)) {
				// A hashtag or a handle: "#IStandWithAhmed", "@POTUS".
				toks, i = word(body, i, end, toks)
				continue
			}
			if c == '.' && digitAt(body, i+1, end) && (i == start || !wordAt(body, i-1, end)) {
				// A number without its leading zero: ".265".
				toks, i = word(body, i, end, toks)
				continue
			}
			if c == '\'' {
				if j := decade(body, i, 1, start, end); j > 0 {
					toks = append(toks, tok(body, i, j))
					i = j
					continue
				}
			}
			j := punct(body, i, end)
			toks = append(toks, tok(body, i, j))
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(body[i:end])
		switch {
		case isSpaceRune(r):
			i += n
		case isWordRune(r):
			toks, i = word(body, i, end, toks)
		case r == '’' && decade(body, i, n, start, end) > 0:
			j := decade(body, i, n, start, end)
			toks = append(toks, tok(body, i, j))
			i = j
		default:
			// A dash, a curly quote, an ellipsis character, a symbol or an
			// invalid byte: one token each.
			toks = append(toks, tok(body, i, i+n))
			i += n
		}
	}
	return toks
}

// decade returns the end of an abbreviated decade or year starting with
// the apostrophe of n bytes at i ("'90s", "’08"), or 0.
func decade(s string, i, n, start, end int) int {
	j := i + n
	if (i > start && wordAt(s, i-1, end)) || !digitAt(s, j, end) || !digitAt(s, j+1, end) || digitAt(s, j+2, end) {
		return 0
	}
	j += 2
	if j < end && s[j] == 's' {
		j++
	}
	if wordAt(s, j, end) {
		return 0
	}
	return j
}

func tok(body string, i, j int) dragoman.Token {
	return dragoman.Token{Span: dragoman.Span{Start: i, End: j, Text: body[i:j]}}
}

// punct returns the end of the ASCII punctuation token starting at i: a run
// of periods (an ellipsis), of hyphens ("--"), or of ! and ?; otherwise one
// byte.
func punct(s string, i, end int) int {
	c := s[i]
	j := i + 1
	switch c {
	case '.', '-':
		for j < end && s[j] == c {
			j++
		}
	case '!', '?':
		for j < end && (s[j] == '!' || s[j] == '?') {
			j++
		}
	case '`':
		if j < end && s[j] == '`' {
			j++ // `` opens a quotation in typewriter style
		}
	case '[':
		if strings.HasPrefix(s[j:end], "...]") {
			j += 4 // an elision in a quotation: [...]
		}
	}
	return j
}

// urlPrefixes start a web address that is kept whole up to the next space.
var urlPrefixes = [...]string{"http://", "https://", "ftp://", "www.", "HTTP://", "HTTPS://", "WWW."}

// word scans the word starting at i, appends its token or tokens and
// returns the index after it.
func word(s string, i, end int, toks []dragoman.Token) ([]dragoman.Token, int) {
	if c := s[i]; c == 'h' || c == 'w' || c == 'f' || c == 'H' || c == 'W' {
		for _, p := range urlPrefixes {
			if strings.HasPrefix(s[i:end], p) && i+len(p) < end && !isSpaceByte(s, i+len(p)) {
				j := urlEnd(s, i, end)
				return append(toks, tok(s, i, j)), j
			}
		}
	}
	j := i
	if c := s[i]; c == '#' || c == '@' {
		j++
	}
	seg := i          // start of the current hyphen-joined part ("non-|U.S")
	part := i         // start of the current part, after the last connector
	apos := -1        // position of the last in-word apostrophe
	partLetters := 0  // letters in the current part
	partLower := true // current part is a capital (optional) then lower case
scan:
	for j < end {
		c := s[j]
		if c < utf8.RuneSelf {
			cls := ascii[c]
			if cls&cAlnum != 0 || c == '_' {
				if cls&(cLower|cUpper) != 0 {
					if cls&cUpper != 0 && j > part {
						partLower = false
					}
					partLetters++
				} else {
					partLower = false
				}
				j++
				continue
			}
			keep := false
			switch c {
			case '-':
				keep = wordAt(s, j+1, end)
			case '.':
				switch {
				case wordAt(s, j+1, end):
					// "3.5", "U.S", "wsj.com"; but "allies.RIYADH" is two
					// sentences glued together, not a name.
					keep = !(partLower && partLetters >= 3 && upperAt(s, j+1, end))
				case j+2 < end && s[j+1] == '-' && wordAt(s, j+2, end):
					keep = isInitialism(s[seg:j]) // "U.S.-Russian"
				}
			case ',':
				keep = digitAt(s, j-1, end) && digitAt(s, j+1, end) && digitAt(s, j+2, end) &&
					digitAt(s, j+3, end) && !digitAt(s, j+4, end)
			case ':':
				keep = digitAt(s, j-1, end) && digitAt(s, j+1, end)
			case '/', '@':
				keep = wordAt(s, j+1, end)
			case '&':
				keep = upperAt(s, j-1, end) && upperAt(s, j+1, end)
			case '\'':
				keep = letterBefore(s, j) && letterAt(s, j+1, end)
				if keep {
					apos = j
				}
			}
			if !keep {
				break scan
			}
			if c != '\'' {
				part, partLetters, partLower = j+1, 0, true
			}
			if c == '-' || c == '/' {
				seg = j + 1
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:end])
		switch {
		case isWordRune(r):
			if unicode.IsLetter(r) {
				if unicode.IsUpper(r) && j > part {
					partLower = false
				}
				partLetters++
			}
			j += n
		case r == '’' && letterBefore(s, j) && letterAt(s, j+n, end):
			apos = j
			j += n
		case r == '\u2011' && wordAt(s, j+n, end): // non-breaking hyphen
			seg, part = j+n, j+n
			partLetters, partLower = 0, true
			j += n
		default:
			break scan
		}
	}
	if j-i == 6 && equalFold(s[i:j], "cannot") {
		return append(toks, tok(s, i, i+3), tok(s, i+3, j)), j // can not
	}
	if apos >= 0 {
		if k := clitic(s, i, apos, j); k > i {
			return append(toks, tok(s, i, k), tok(s, k, j)), j
		}
	}
	// An abbreviation keeps its period: "U.S.", "Gen.", "R.", "a.m.".
	if j < end && s[j] == '.' && !(j+1 < end && s[j+1] == '.') && keepsPeriod(s, i, seg, j) {
		j++
	}
	return append(toks, tok(s, i, j)), j
}

func isSpaceByte(s string, i int) bool {
	sp, _ := spaceAt(s, i)
	return sp
}

// clitic returns where a clitic starts in the word s[i:j] whose last
// apostrophe is at apos: "did|n't", "Washington|’s", "we|’ve"; or -1.
func clitic(s string, i, apos, j int) int {
	suffix := s[apos:j]
	// Skip the apostrophe (one byte for ', three for ’).
	_, n := utf8.DecodeRuneInString(suffix)
	rest := suffix[n:]
	switch {
	case equalFold(rest, "t") && apos-1 > i && (s[apos-1] == 'n' || s[apos-1] == 'N'):
		return apos - 1 // n't
	case equalFold(rest, "s"), equalFold(rest, "ll"), equalFold(rest, "re"),
		equalFold(rest, "ve"), equalFold(rest, "d"), equalFold(rest, "m"):
		return apos
	}
	return -1
}

// equalFold compares an ASCII word case-insensitively without allocating.
func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for k := 0; k < len(a); k++ {
		x, y := a[k], b[k]
		if x >= 'A' && x <= 'Z' {
			x += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// keepsPeriod reports whether the word s[i:j], followed by a period at j,
// is an abbreviation that takes the period into its token. seg is where
// the last hyphen-joined part of the word starts ("non-U.S").
func keepsPeriod(s string, i, seg, j int) bool {
	if class, ok := abbreviations[s[i:j+1]]; ok {
		// "No. 10", "Feb. 18"; but "No." alone is a word and a full stop.
		return class != beforeNumber || digitAfterSpace(s, j+1)
	}
	if _, ok := abbreviations[s[seg:j+1]]; ok && seg > i {
		return true // "R-Ariz."
	}
	part := s[seg:j]
	if isInitialism(part) {
		return true
	}
	// A single capital letter is an initial: "Michael R. Gordon".
	r, n := utf8.DecodeRuneInString(part)
	return n == len(part) && unicode.IsUpper(r)
}

// digitAfterSpace reports whether a digit follows s[i:] after at most one
// space or no-break space.
func digitAfterSpace(s string, i int) bool {
	switch {
	case strings.HasPrefix(s[i:], " "):
		i++
	case strings.HasPrefix(s[i:], "\u00a0"):
		i += len("\u00a0")
	}
	return digitAt(s, i, len(s))
}

// isInitialism reports whether w is single letters joined by periods, the
// last one without its period: "U.S", "a.m", "D.C".
func isInitialism(w string) bool {
	if len(w) < 3 {
		return false
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if k%2 == 0 {
			if c >= utf8.RuneSelf || ascii[c]&(cLower|cUpper) == 0 {
				return false
			}
		} else if c != '.' {
			return false
		}
	}
	return len(w)%2 == 1
}

// urlEnd returns the end of the web address starting at i: the next space,
// less the punctuation that closes the sentence or the bracket around it.
func urlEnd(s string, i, end int) int {
	j := i
	for j < end {
		if sp, n := spaceAt(s, j); sp {
			break
		} else {
			j += n
		}
	}
	open := strings.Count(s[i:j], "(") - strings.Count(s[i:j], ")")
	for j > i+1 {
		r, n := utf8.DecodeLastRuneInString(s[i:j])
		switch r {
		case '.', ',', ';', ':', '!', '?', '"', '\'', ']', '}', '>', '’', '”', '»':
			j -= n
			continue
		case ')':
			if open < 0 {
				open++
				j -= n
				continue
			}
		}
		break
	}
	return j
}
