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
// the clause within cueWindow bytes decides. The clause is the sentence
// cut at the marks and words that open another one (see clauseBounds), so
// "would be circulated on Friday and that he hoped" keeps Friday in the
// future and "told ... on Monday that inspectors must return" in the past.
func (s *scan) tense(start, end int) int {
	lo, hi := s.clauseBounds(start, end)
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
				case (w == "later" || w == "earlier") && timeUnits[prev]:
					// "weeks later": counted from another date, no tense.
				case !after && prospective[w] && strings.EqualFold(s.wordAfter(j), "to"):
					// "sought to show unity before a summit in July": what
					// an infinitive after these verbs names lies ahead.
					best, bestDist = 1, dist
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

// clauseBounds is the stretch of text around [start, end) whose words may
// give its tense: the sentence, at most cueWindow bytes either side, cut at
// a semicolon, a colon, a quotation mark or a dash, and at a word that opens
// another clause ("that", "which", "because"...; "and", "but", "or" only
// after a comma, and after the expression not before a day, month or
// number: "On Monday, and Tuesday").
// Commas alone do not cut: "seized Goma, the largest city in eastern
// Congo, in January" is one clause.
func (s *scan) clauseBounds(start, end int) (int, int) {
	b := s.body
	ss, se := s.sentence(start)
	lo, hi := max(ss, start-cueWindow), min(se, end+cueWindow)
	for i := start - 1; i >= lo; i-- {
		if n := clauseMark(b, i); n > 0 {
			lo = i + n
			break
		}
		if !isLetter(b[i]) || i > 0 && isWordByte(b[i-1]) {
			continue
		}
		j := i
		for j < start && isLetter(b[j]) {
			j++
		}
		w := strings.ToLower(b[i:j])
		if clauseOpeners[w] || coordinators[w] && commaBefore(b, i) {
			lo = j
			break
		}
	}
	for i := end; i < hi; i++ {
		if n := clauseMark(b, i); n > 0 {
			hi = i
			break
		}
		if !isLetter(b[i]) || i > 0 && isWordByte(b[i-1]) {
			continue
		}
		j := i
		for j < hi && isLetter(b[j]) {
			j++
		}
		w := strings.ToLower(b[i:j])
		if clauseOpeners[w] || coordinators[w] && commaBefore(b, i) && !timeWord(s.wordAfter(j)) {
			hi = i
			break
		}
	}
	return lo, hi
}

// clauseMark is the length of the mark that starts at b[i] and separates
// clauses, or 0.
func clauseMark(b string, i int) int {
	switch b[i] {
	case ';', '"':
		return 1
	case ':':
		if i+1 < len(b) && b[i+1] == ' ' {
			return 1
		}
		return 0
	}
	for _, m := range []string{"“", "”", "—", " – ", " -- "} {
		if strings.HasPrefix(b[i:], m) {
			return len(m)
		}
	}
	return 0
}

// commaBefore reports whether a comma comes right before b[i], across spaces.
func commaBefore(b string, i int) bool {
	for i > 0 && b[i-1] == ' ' {
		i--
	}
	return i > 0 && b[i-1] == ','
}

// timeWord reports whether w names a day, a month or a number, as in
// "Monday and Tuesday", "March and April", "2 and 3 June".
func timeWord(w string) bool {
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	_, wd := weekdayWords[w]
	return wd || monthWords[w] != 0
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// notPastEd are words in -ed that are not verbs in the past.
var notPastEd = set("need", "indeed", "speed", "proceed", "exceed", "succeed",
	"united", "red", "bed", "hundred", "seed", "feed", "breed", "weed", "greed",
	"creed", "embed", "shed", "led", "wed", "bred", "sled", "fled")
