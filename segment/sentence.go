package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dragoman-news/dragoman"
)

// The sentence splitter works on the tokens of one paragraph. A sentence can
// end only after a terminal token (. ! ? an ellipsis, or an abbreviation
// that kept its period); closing quotation marks and brackets written right
// after it stay in the sentence; whether it does end depends on the first
// word after them and, for abbreviations, on the abbreviation's class.

// sentenceEnds returns, for the tokens toks of one paragraph of body, the
// index after the last token of each sentence, appended to ends.
func sentenceEnds(body string, toks []dragoman.Token, ends []int) []int {
	n := len(toks)
	start := 0 // first token of the current sentence
	for i := 0; i < n; i++ {
		kind := terminal(toks[i].Text)
		if kind == notTerminal || (i == start && toks[i].Text == "[...]") {
			continue
		}
		// Closing marks written right after the terminator belong to the
		// sentence: `meeting."`, `(see above.)`.
		last := i
		for last+1 < n && closes(body, toks, last+1) {
			last++
		}
		// So does a reference mark after it: `in 1805. [19]`.
		for last+1 < n {
			k := citation(toks[last+1:])
			if k == 0 {
				break
			}
			last += k
		}
		// A list number opening a paragraph is no sentence: "1.", "2.1.", "iv.".
		if kind == fullStop && i == 1 && toks[i].Text == "." && listNumber(toks[0].Text) {
			i = last
			continue
		}
		if last+1 >= n {
			break // the paragraph ends the sentence
		}
		if last > i && (toks[i].Text == "?" || toks[i].Text == "!") && isQuote(toks[last].Text) &&
			attribution(toks[last+1:]) {
			i = last // `"Why now?" Dorn asked.`
			continue
		}
		if endsBefore(kind, toks[i].Text, toks[last+1:]) {
			ends = append(ends, last+1)
			start = last + 1
		}
		i = last
	}
	return append(ends, n)
}

type terminalKind uint8

const (
	notTerminal  terminalKind = iota
	fullStop                  // . ! ?
	ellipsis                  // ... or …
	abbreviation              // a token that kept its period: U.S., Gen., R.
)

func terminal(t string) terminalKind {
	switch t {
	case ".", "!", "?":
		return fullStop
	case "…", "...", "[...]":
		return ellipsis
	}
	last := t[len(t)-1]
	switch last {
	case '!', '?':
		return fullStop // "?!", "!!"
	case '.':
		if t[0] == '.' {
			if len(t) > 3 {
				return fullStop // "...." is an ellipsis and a period
			}
			return ellipsis
		}
		return abbreviation
	}
	return notTerminal
}

// citation returns the number of tokens of the reference mark that opens
// toks ("[", "17", "]"; "[", "citation", "needed", "]"), or 0: a bracket
// holding at most four tokens, none of them capitalized.
func citation(toks []dragoman.Token) int {
	if len(toks) < 3 || toks[0].Text != "[" {
		return 0
	}
	for k := 1; k < len(toks) && k <= 5; k++ {
		t := toks[k].Text
		if t == "]" {
			if k == 1 {
				return 0
			}
			return k + 1
		}
		if r, _ := utf8.DecodeRuneInString(t); unicode.IsUpper(r) || t == "[" {
			return 0
		}
	}
	return 0
}

// listNumber reports whether t numbers an item of a list: "1", "2.1",
// "iv", "a".
func listNumber(t string) bool {
	if len(t) > 6 {
		return false
	}
	if len(t) == 1 && t[0] >= 'a' && t[0] <= 'z' {
		return true
	}
	for k := 0; k < len(t); k++ {
		if c := t[k]; !(c >= '0' && c <= '9' || c == '.') {
			return strings.Trim(t, "ivxIVX") == ""
		}
	}
	return true
}

// isCloser reports whether t closes a quotation or a bracket.
func isCloser(t string) bool {
	switch t {
	case `"`, "'", "”", "’", ")", "]", "}", "»", "›", "''":
		return true
	}
	return false
}

// closes reports whether toks[k] closes what precedes it: a closing mark
// written right after it, or any quotation mark written right after it and
// followed by a space or nothing. The second case catches mismatched pairs:
// `decision.“ However`.
func closes(body string, toks []dragoman.Token, k int) bool {
	t := toks[k].Text
	if toks[k].Start != toks[k-1].End {
		// A quotation mark set off by a thin space, or alone at the end of
		// the paragraph, closes too: `tomorrow.'\u2009"`.
		return isQuote(t) && (k+1 == len(toks) || thinSpace(body[toks[k-1].End:toks[k].Start]))
	}
	if isCloser(t) {
		return true
	}
	return (t == "“" || t == "‘" || t == "„") && (k+1 == len(toks) || toks[k+1].Start > toks[k].End)
}

// attribution reports whether toks open with a speaker and a speech verb:
// a capitalized word and at most two more ("Dorn", "Sen. Alma Ruiz", "He",
// "The president") and then "said", "asked"...; or the verb first ("asked
// Dorn").
func attribution(toks []dragoman.Token) bool {
	if len(toks) > 0 && speechVerbs[toks[0].Text] {
		return true
	}
	for k := 0; k < len(toks) && k < 4; k++ {
		t := toks[k].Text
		if k > 0 && speechVerbs[t] {
			return true
		}
		r, _ := utf8.DecodeRuneInString(t)
		if !unicode.IsLetter(r) || (k == 0 && !unicode.IsUpper(r)) {
			return false
		}
	}
	return false
}

// thinSpace reports whether gap is one of the narrow spaces typesetters put
// between nested quotation marks.
func thinSpace(gap string) bool {
	return gap == "\u2009" || gap == "\u202f" || gap == "\u200a"
}

func isQuote(t string) bool {
	switch t {
	case `"`, "'", "”", "’", "“", "‘", "»", "«":
		return true
	}
	return false
}

// isOpener reports whether t can open a quotation or a bracket.
func isOpener(t string) bool {
	switch t {
	case `"`, "'", "“", "‘", "(", "[", "{", "«", "‹", "``", "„":
		return true
	}
	return false
}

// endsBefore decides whether a sentence ends after the terminal token t of
// the given kind, when rest (never empty) follows it.
func endsBefore(kind terminalKind, t string, rest []dragoman.Token) bool {
	// Skip opening marks to the first word: `said. "We`; an elision
	// after a full stop opens the next sentence too: `done. [...] We`.
	k := 0
	for k < len(rest)-1 && k < 3 && (isOpener(rest[k].Text) || rest[k].Text == "[...]") {
		k++
	}
	opened := k > 0
	next := rest[k].Text
	r, _ := utf8.DecodeRuneInString(next)
	lower := unicode.IsLower(r)
	upper := unicode.IsUpper(r)
	digit := unicode.IsDigit(r)
	if !opened && !lower && !upper && !digit && !isOpener(next) {
		// Punctuation goes on with the sentence: `U.S.,`, `?),`, `etc.;`.
		// A dash or a symbol after a full stop starts a new one.
		if kind == fullStop && !continuesSentence(next) {
			return true
		}
		return false
	}
	switch kind {
	case fullStop:
		// A lower-case word starts a sentence only when it is a name
		// written in camel case: "eBay", "iPhone", "wikiHow".
		return !lower || opened || camelCase(next)
	case ellipsis:
		return upper && (opened || starters[next])
	}
	switch abbreviations[t] {
	case neverEnds:
		return false
	case beforeNumber:
		return upper || opened
	case endsBeforeCapital:
		// "9 a.m. Tuesday", "8 p.m. AST", "10 a.m. Tongan time".
		zone := notSentenceStart[next] || allCaps(next) ||
			(k+1 < len(rest) && (rest[k+1].Text == "time" || rest[k+1].Text == "Time"))
		return upper && !zone
	}
	// endsBeforeStarter, initialisms (U.S.) and initials (R.).
	return starters[next] || (opened && upper)
}

// continuesSentence reports whether a punctuation token after a full stop
// belongs to the same sentence.
func continuesSentence(t string) bool {
	switch t {
	case ",", ";", ":", ")", "]", "}", "”", "’", `"`, "'", "%", "—", "–", "-", "--":
		return true
	}
	return terminal(t) != notTerminal // `Yahoo!.`, `escaping!).`
}

// allCaps reports whether w is two to five capital ASCII letters, the
// shape of a time zone ("EST", "AEDT").
func allCaps(w string) bool {
	if len(w) < 2 || len(w) > 5 {
		return false
	}
	for k := 0; k < len(w); k++ {
		if w[k] < 'A' || w[k] > 'Z' {
			return false
		}
	}
	return true
}

// camelCase reports whether w starts with a lower-case letter and has an
// upper-case one after it.
func camelCase(w string) bool {
	for k, r := range w {
		if k > 0 && unicode.IsUpper(r) {
			return true
		}
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return false
}
