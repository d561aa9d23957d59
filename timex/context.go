package timex

import (
	"strings"
)

// The words around a match: the word before and after it, and the tense of
// its clause.

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '\'' || c >= 0x80
}

// wordBefore is the word that ends right before offset i, across spaces.
func (s *scan) wordBefore(i int) string {
	b := s.body
	for i > 0 && (b[i-1] == ' ' || b[i-1] == '\t' || b[i-1] == '\n') {
		i--
	}
	end := i
	for i > 0 && isWordByte(b[i-1]) {
		i--
	}
	w := strings.TrimLeft(b[i:end], ".'")
	// Curly apostrophes and quotation marks are multi-byte; strip a leading
	// one ("“In 2015").
	for _, q := range []string{"“", "‘", "’", "”"} {
		w = strings.TrimPrefix(w, q)
	}
	return w
}

// wordAfter is the word that starts right after offset i, across spaces,
// without trailing punctuation.
func (s *scan) wordAfter(i int) string {
	b := s.body
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	start := i
	for i < len(b) && isWordByte(b[i]) {
		i++
	}
	return strings.TrimRight(b[start:i], ".'")
}

// sentence returns the bounds of the sentence holding offset i: the
// document's sentences when the segmenter ran, else the text between
// sentence-ending marks and line breaks.
func (s *scan) sentence(i int) (int, int) {
	if k := s.doc.SentenceAt(i); k >= 0 {
		st := s.doc.Sentences[k]
		return st.Start, st.End
	}
	b := s.body
	start := i
	for start > 0 {
		c := b[start-1]
		if c == '\n' || (c == ' ' && start > 1 && isSentenceEnd(b, start-2)) {
			break
		}
		start--
	}
	end := i
	for end < len(b) {
		c := b[end]
		if c == '\n' || isSentenceEnd(b, end) && (end+1 == len(b) || b[end+1] == ' ' || b[end+1] == '\n') {
			break
		}
		end++
	}
	return start, end
}

// isSentenceEnd reports whether b[i] is a mark that ends a sentence: not
// the point of "p.m." or "Dr.".
func isSentenceEnd(b string, i int) bool {
	switch b[i] {
	case '?', '!':
		return true
	case '.':
		j := i
		for j > 0 && (isLetter(b[j-1]) || b[j-1] == '.') {
			j--
		}
		return !abbreviations[strings.ToLower(b[j:i])]
	}
	return false
}

var abbreviations = set("a.m", "p.m", "mr", "mrs", "ms", "dr", "st", "jan", "feb",
	"mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s",
	"u.k", "u.n", "gen", "gov", "sen", "rep", "no", "vs", "inc", "ltd", "co", "jr",
	"sr", "prof", "lt", "col", "capt", "sgt", "approx")

// cueWindow is how far, in bytes, a tense cue may be from the expression.
const cueWindow = 80

// tense guesses whether the clause around [start, end) speaks of the
// future (+1), the past (-1) or says nothing (0): the nearest cue word of
// the sentence within cueWindow bytes decides.
func (s *scan) tense(start, end int) int {
	ss, se := s.sentence(start)
	lo, hi := max(ss, start-cueWindow), min(se, end+cueWindow)
	best, bestDist := 0, cueWindow+1
	look := func(from, to int, after bool) {
		i, prev := from, ""
		for i < to {
			for i < to && !isLetter(s.body[i]) {
				i++
			}
			j := i
			for j < to && (isLetter(s.body[j]) || s.body[j] == '\'' || s.body[j] >= 0x80) {
				j++
			}
			if j == i {
				break
			}
			w := strings.ToLower(s.body[i:j])
			dist := start - j
			if after {
				dist = i - end
			}
			if k := strings.LastIndexAny(w, "'’"); k >= 0 && futureCues[w[k:]] {
				w = w[k:]
			}
			if dist >= 0 && dist < bestDist {
				switch {
				case futureCues[w], w == "to" && (prev == "is" || prev == "are" || prev == "am"):
					best, bestDist = 1, dist
				case prev == "be" || prev == "being":
					// "will be held": the tense is the modal's.
				case pastCues[w], len(w) > 4 && strings.HasSuffix(w, "ed") && !notPastEd[w] && s.body[i] >= 'a':
					best, bestDist = -1, dist
				}
			}
			prev = w
			i = j
		}
	}
	if lo < start {
		look(lo, start, false)
	}
	if end < hi {
		look(end, hi, true)
	}
	return best
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// notPastEd are words in -ed that are not verbs in the past.
var notPastEd = set("need", "indeed", "speed", "proceed", "exceed", "succeed",
	"united", "red", "bed", "hundred", "seed", "feed", "breed", "weed", "greed",
	"creed", "embed", "shed", "led", "wed", "bred", "sled", "fled")
