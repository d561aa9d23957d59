package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of the body, as the quote stage
// sees it. The stage keeps its own light tokens so that it works the same
// whatever segmenter ran before it.
type token struct {
	Start, End int
	Text       string
	Lower      string
	Para       int  // paragraph index
	Word       bool // letters or digits, not punctuation
	Cap        bool // starts with an upper-case letter
	Quoted     bool // inside a quotation (marks included)
}

// abbreviations keep their final period inside the word.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true, "gen": true,
	"lt": true, "col": true, "sgt": true, "capt": true, "adm": true, "sen": true, "rep": true, "gov": true,
	"gov't": true, "prof": true, "rev": true, "inc": true, "co": true, "corp": true, "ltd": true, "no": true,
	"vs": true, "jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sept": true, "sep": true,
	"oct": true, "nov": true, "dec": true, "etc": true, "mt": true, "ft": true, "maj": true, "cpl": true,
}

// lowerInitials keep their final period: "9:54 a.m. ET", "e.g.".
var lowerInitials = map[string]bool{"a.m": true, "p.m": true, "e.g": true, "i.e": true, "a.k.a": true}

// tokenize splits the body into tokens. paraAt gives the paragraph index
// of each token.
func tokenize(body string, paras []para) []token {
	var toks []token
	pi := 0
	i := 0
	for i < len(body) {
		r, size := utf8.DecodeRuneInString(body[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		for pi+1 < len(paras) && i >= paras[pi+1].Start {
			pi++
		}
		start := i
		if isWordRune(r) {
			j := i + size
			for j < len(body) {
				r2, s2 := utf8.DecodeRuneInString(body[j:])
				if isWordRune(r2) {
					j += s2
					continue
				}
				if isJoiner(r2) && j+s2 < len(body) {
					r3, _ := utf8.DecodeRuneInString(body[j+s2:])
					if isWordRune(r3) {
						j += s2
						continue
					}
				}
				break
			}
			// Keep the period of an abbreviation or of initials (U.S., D.C.).
			if j < len(body) && body[j] == '.' {
				w := strings.ToLower(body[start:j])
				single := j-start == 1
				nextWordCap := j+2 < len(body) && body[j+1] == ' ' && body[j+2] >= 'A' && body[j+2] <= 'Z'
				if abbreviations[w] || isInitials(body[start:j]) && (!single || nextWordCap) || lowerInitials[w] {
					j++
				}
			}
			toks = append(toks, newToken(body, start, j, pi, true))
			i = j
			continue
		}
		toks = append(toks, newToken(body, start, i+size, pi, false))
		i += size
	}
	return toks
}

func newToken(body string, s, e, para int, word bool) token {
	t := body[s:e]
	r, _ := utf8.DecodeRuneInString(t)
	return token{Start: s, End: e, Text: t, Lower: strings.ToLower(t), Para: para, Word: word, Cap: unicode.IsUpper(r)}
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isJoiner reports runes that may sit inside a word: U.S., don’t, Minsk-2.
func isJoiner(r rune) bool {
	switch r {
	case '.', '\'', '’', '-', '‑', '&', '/':
		return true
	}
	return false
}

// isInitials matches "U.S", "D.C", "U.K": single letters joined by periods.
func isInitials(w string) bool {
	if len(w) < 3 {
		return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
	}
	for i := 0; i < len(w); i++ {
		if i%2 == 1 {
			if w[i] != '.' {
				return false
			}
		} else if !(w[i] >= 'A' && w[i] <= 'Z') {
			return false
		}
	}
	return true
}

// para is one paragraph of the body.
type para struct{ Start, End int }

// paragraphs returns the document's paragraphs, or splits the body on
// blank lines when no earlier stage did.
func paragraphs(body string, given []para) []para {
	if len(given) > 0 {
		return given
	}
	var ps []para
	start := 0
	for start <= len(body) {
		k := strings.Index(body[start:], "\n\n")
		end := len(body)
		if k >= 0 {
			end = start + k
		}
		s, e := start, end
		for s < e && (body[s] == '\n' || body[s] == ' ' || body[s] == '\r') {
			s++
		}
		for e > s && (body[e-1] == '\n' || body[e-1] == ' ' || body[e-1] == '\r') {
			e--
		}
		if e > s {
			ps = append(ps, para{s, e})
		}
		if k < 0 {
			break
		}
		start = end + 2
	}
	return ps
}

// sentence is a range of tokens [From, To).
type sentence struct{ From, To int }

// closers may follow a sentence's final punctuation.
func isCloser(t string) bool {
	switch t {
	case "\"", "”", "’", "'", "»", "›", ")", "]":
		return true
	}
	return false
}

func isOpener(t string) bool {
	switch t {
	case "\"", "“", "‘", "'", "«", "‹", "„", "(", "[":
		return true
	}
	return false
}

// sentences splits the tokens into sentences: after . ! ? (and any closing
// marks) when the next token starts a sentence, and at paragraph ends.
func sentences(toks []token) []sentence {
	var out []sentence
	from := 0
	for i := 0; i < len(toks); i++ {
		last := i == len(toks)-1 || toks[i+1].Para != toks[i].Para
		if last {
			out = append(out, sentence{from, i + 1})
			from = i + 1
			continue
		}
		t := toks[i].Text
		if t != "." && t != "!" && t != "?" && t != "…" {
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].Para == toks[i].Para && isCloser(toks[j].Text) && toks[j].Start == toks[j-1].End {
			j++
		}
		if j >= len(toks) || toks[j].Para != toks[i].Para {
			continue // the paragraph end will close it
		}
		if toks[j].Start == toks[j-1].End {
			continue // glued: "allies.RIYADH", "3.5"
		}
		n := toks[j]
		if n.Cap || isOpener(n.Text) || (n.Word && unicode.IsDigit(rune(n.Text[0]))) {
			out = append(out, sentence{from, j})
			from = j
			i = j - 1
		}
	}
	return out
}
