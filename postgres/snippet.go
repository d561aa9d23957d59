package postgres

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// The snippet of a hit is made here rather than by ts_headline, which
// parses the whole body again for every hit (about 0.35 ms each): the
// query's lexemes come back from the server, and the body's words are
// stemmed with the same Snowball English stemmer as the index's.

// snippetWords is how many words a snippet shows, as the SQLite backend's.
const snippetWords = 16

var (
	lexemeRE = regexp.MustCompile(`'((?:[^']|'')*)'(:\*)?`)
	spaces   = regexp.MustCompile(`\s+`)
)

type lexeme struct {
	text   string
	prefix bool
}

// lexemes reads the lexemes of a tsquery's text ('presid' & 'minist':*).
func lexemes(tsquery string) []lexeme {
	var out []lexeme
	for _, m := range lexemeRE.FindAllStringSubmatch(tsquery, -1) {
		if m[1] != "" {
			out = append(out, lexeme{text: strings.ReplaceAll(m[1], "''", "'"), prefix: m[2] != ""})
		}
	}
	return out
}

type word struct{ start, end int }

// snippet returns the window of body with the most matched words, the
// matches wrapped in [ and ], an ellipsis where the body goes on.
func snippet(body string, lx []lexeme) string {
	var words []word
	start := -1
	for i, r := range body {
		in := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			words = append(words, word{start, i})
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, word{start, len(body)})
	}
	if len(words) == 0 {
		return ""
	}
	hit := make([]bool, len(words))
	for i, w := range words {
		lower := strings.ToLower(body[w.start:w.end])
		// Stemming changes only the end of a word: stem only the words
		// that begin as a lexeme does.
		maybe := false
		for _, l := range lx {
			if strings.HasPrefix(lower, l.text[:min(3, len(l.text))]) {
				maybe = true
				break
			}
		}
		if !maybe {
			continue
		}
		stem := english.Stem(lower, true)
		for _, l := range lx {
			if stem == l.text || l.prefix && strings.HasPrefix(stem, l.text) {
				hit[i] = true
				break
			}
		}
	}
	// The window with the most hits, the earliest among equals.
	best, bestN, n := 0, -1, 0
	for i := range words {
		if hit[i] {
			n++
		}
		if i >= snippetWords && hit[i-snippetWords] {
			n--
		}
		if first := max(0, i-snippetWords+1); n > bestN {
			best, bestN = first, n
		}
	}
	// Start a little before the first hit of the window, as a reader
	// wants the words that lead to it.
	for i := best; i < min(best+snippetWords, len(words)); i++ {
		if hit[i] {
			best = max(0, min(i-3, len(words)-snippetWords))
			break
		}
	}
	end := min(best+snippetWords, len(words))
	var b strings.Builder
	if best > 0 {
		b.WriteString("…")
	}
	for i := best; i < end; i++ {
		w := words[i]
		if i > best {
			sep := body[words[i-1].end:w.start]
			if strings.ContainsAny(sep, "\n\r\t") {
				sep = spaces.ReplaceAllString(sep, " ") // a paragraph break reads as a space
			}
			b.WriteString(sep)
		}
		if hit[i] {
			b.WriteString("[" + body[w.start:w.end] + "]")
		} else {
			b.WriteString(body[w.start:w.end])
		}
	}
	if end == len(words) {
		b.WriteString(spaces.ReplaceAllString(strings.TrimSpace(body[words[end-1].end:]), " "))
	} else {
		// Keep the punctuation that closes the last word, then an ellipsis.
		if r, _ := utf8.DecodeRuneInString(body[words[end-1].end:]); r == '.' || r == ',' || r == '"' {
			b.WriteRune(r)
		}
		b.WriteString("…")
	}
	return b.String()
}
