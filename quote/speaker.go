// The words that name a speaker: reading the noun phrase before a cue,
// after an inverted cue, or at the head of a sentence.

package quote

import (
	"strings"
)

// Closed word classes the speaker finder needs. They are grammar, not
// lexicon: they do not change with the news.
var (
	functionWord = setOf("that", "which", "who", "whom", "whose", "and", "but", "or", "nor", "if", "when", "while",
		"as", "in", "on", "at", "to", "for", "with", "by", "from", "of", "into", "about", "over", "after", "before",
		"since", "because", "though", "although", "than", "then", "so", "is", "was", "were", "are", "be", "been",
		"has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must", "do", "does", "did",
		"not", "no", "this", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her",
		"their", "our", "my", "your", "him", "them", "us", "me", "there", "here", "where", "what", "how", "why",
		"the", "a", "an", "also", "already", "only", "even", "just", "still", "yet", "without", "against",
		"between", "during", "under", "through", "toward", "towards", "per", "via", "all", "both", "each", "some",
		"any", "many", "much", "more", "most", "such", "other", "another", "later", "earlier", "now")
	determiner = setOf("the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my")
	// determiners of a description that does not point back at a person
	// already named: "one European envoy said", "his spokesman said"
	indefinite = setOf("a", "an", "one", "another")
	possessive = setOf("his", "her", "their", "its")
	auxiliary  = setOf("has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must",
		"also", "already", "later", "earlier", "previously", "repeatedly", "reportedly", "recently", "once",
		"then", "again", "further", "long", "often", "never", "not", "did", "does", "do", "'ve", "’ve", "has also",
		"separately", "simply", "similarly", "further", "too", "first", "last", "finally", "privately", "publicly")
	negation = setOf("not", "never", "n't", "didn't", "didn’t", "won't", "won’t", "wouldn't", "wouldn’t",
		"hasn't", "hasn’t", "haven't", "haven’t", "doesn't", "doesn’t", "don't", "don’t", "declined", "refused")
	// past participles that do not end in -ed: "a draft seen by Reuters"
	irregularParticiple = setOf("seen", "written", "given", "taken", "shown", "drawn", "made", "sent", "held",
		"known", "read", "done", "found", "put", "set", "kept", "left", "brought", "sought", "thought", "won")
	quantifier = setOf("one", "some", "many", "several", "two", "three", "each", "none", "most", "all", "both", "few", "part")
	modal      = setOf("will", "would", "could", "should", "can", "may", "might", "must")
	pronoun    = map[string]string{"he": "he", "she": "she", "they": "they", "it": "it", "we": "we", "i": "i"}
	// object pronouns name a speaker only as the object of "quoted … as
	// saying"
	objectPronoun = map[string]string{"him": "he", "her": "she", "them": "they"}
	// capitalized words that open a sentence without being part of a name
	sentenceOpener = setOf("but", "and", "now", "still", "meanwhile", "yet", "however", "on", "in", "also", "so",
		"then", "earlier", "later", "instead", "separately", "today", "yesterday", "last", "this", "that", "when",
		"after", "before", "if", "while", "as", "at", "for", "with", "by", "since", "though", "although", "even",
		"here", "there", "other", "both", "some", "many", "several", "two", "three", "most", "few", "all", "other",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "previously", "finally",
		"nevertheless", "moreover", meanwhileDash)
	timeWord = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
		"yesterday", "tonight", "tomorrow", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year",
		"earlier", "later", "recently", "last", "this", "on", "at", "in", "that", "after", "before", "during",
		"while", "when", "referring", "adding", "saying", "noting")
	// words that open an appositive after a name: "Kellogg, the retired …,"
	appositiveOpener = setOf("the", "a", "an", "another", "who", "which", "whose", "himself", "herself", "one", "both",
		"former", "then", "now", "currently", "formerly", "previously")
	nameJoiner = setOf("of", "for", "and", "de", "del", "al", "al-", "bin", "ibn", "van", "von", "der", "den", "la", "le",
		"du", "da", "dos", "&")
)

const meanwhileDash = "meanwhile—"

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func isAdverb(w string) bool {
	return auxiliary[w] || (len(w) > 4 && strings.HasSuffix(w, "ly") && w != "family" && w != "italy" && w != "assembly")
}

// backNP finds the subject of the cue at token v: the noun phrase that
// ends just before it (skipping auxiliaries and adverbs, and an appositive
// set off by commas), no further back than lo. It fails on negated speech.
func (a *analysis) backNP(v, lo int) ([2]int, bool) {
	i := v - 1
	if i-2 >= lo && a.toks[i].Lower == "as" {
		// "KCNA quoted her as saying", "Interfax quoted a senior official
		// as saying": the one quoted speaks
		for q := i - 2; q >= lo && q >= i-5; q-- {
			if t := a.toks[q]; (t.Lower == "quoted" || t.Lower == "cited") && !t.Quoted {
				if q+1 < i && !functionWord[a.toks[q+1].Lower] || objectPronoun[a.toks[q+1].Lower] != "" || determiner[a.toks[q+1].Lower] {
					if !(q-1 >= lo && (a.toks[q-1].Lower == "was" || a.toks[q-1].Lower == "is" || a.toks[q-1].Lower == "were" || a.toks[q-1].Lower == "been")) {
						return [2]int{q + 1, i}, true
					}
				}
				break
			}
			if !a.toks[q].Word || a.toks[q].Quoted {
				break
			}
		}
	}
	if i-2 >= lo && a.toks[i].Lower == "as" && (a.toks[i-1].Lower == "quoted" || a.toks[i-1].Lower == "cited") {
		// "Peskov was quoted as saying": the subject of the passive speaks
		switch a.toks[i-2].Lower {
		case "was", "is", "were", "are", "been":
			i -= 3
			if i >= lo && (a.toks[i].Lower == "has" || a.toks[i].Lower == "have" || a.toks[i].Lower == "had") {
				i--
			}
		}
	}
	for i >= lo && a.toks[i].Word && isAdverb(a.toks[i].Lower) {
		if negation[a.toks[i].Lower] || modal[a.toks[i].Lower] {
			return [2]int{}, false
		}
		i--
	}
	if i < lo {
		return [2]int{}, false
	}
	if a.toks[i].Text == ")" {
		// "Mike Ryan of the World Health Organization (WHO) told"
		k := i - 1
		for k > lo && i-k < 12 && a.toks[k].Text != "(" {
			k--
		}
		if a.toks[k].Text != "(" || k-1 < lo {
			return [2]int{}, false
		}
		i = k - 1
	}
	if a.toks[i].Text == "," {
		// "Keith Kellogg, the retired general who …, said"
		k := i - 1
		for ; k > lo && i-k < 40; k-- {
			if a.toks[k].Text == "," || a.toks[k].Quoted {
				break
			}
		}
		if k < lo || a.toks[k].Text != "," {
			return [2]int{}, false
		}
		if isPreposition(a.toks[k+1].Lower) && k-1 >= lo {
			// "The central bank, in a statement, said"
			return a.backNP(k, lo)
		}
		if allCap(a.toks[k+1 : i]) {
			// "The secretary general of CEI, Nunzio Galantino, has called"
			return [2]int{k + 1, i}, true
		}
		roleFirst := a.lx.roles[a.toks[k+1].Lower] && !a.toks[k+1].Cap // "Putin, president of Russia, said"
		if !roleFirst && a.toks[i-1].Cap && a.toks[i-1].Word {
			// "Another co-author, engineering professor Julian Marshall,
			// said"; "Its mission chief, former Costa Rican foreign
			// minister Eduardo Solís, told": the whole appositive is a
			// described name.
			if np, ok := a.backNP(i, k+1); ok && a.toks[np[1]-1].Cap && a.hasRoleWord(np) && (!appositiveOpener[a.toks[k+1].Lower] || np[0] <= k+2 && a.roleBeforeName(np)) {
				return np, true
			}
		}
		short := i-k-1 <= 4 && !a.hasVerb(k+1, i) // "Jonna Mendez, also CIA, said"
		// "Abbas Araqchi, speaking in Tehran on Tuesday, said"
		participle := !a.toks[k+1].Cap && (strings.HasSuffix(a.toks[k+1].Lower, "ing") || a.toks[k+1].Lower == "asked")
		if k == lo || !appositiveOpener[a.toks[k+1].Lower] && !a.lx.roles[a.toks[k+1].Lower] && !short && !participle {
			return [2]int{}, false
		}
		i = k - 1
		if i < lo {
			return [2]int{}, false
		}
	}
	if a.toks[i].Lower == "who" {
		return a.antecedent(i, lo)
	}
	head := a.toks[i]
	if !head.Word || head.Quoted || head.Lower == "you" {
		return [2]int{}, false
	}
	if _, ok := pronoun[head.Lower]; ok {
		return [2]int{i, i + 1}, true
	}
	nounHead := a.lx.groups[head.Lower] || a.lx.roles[head.Lower] || a.lx.media[head.Lower]
	if !head.Cap && !nounHead && a.barePlural(i, v) {
		// "…, arbitrators said, …": a plural noun alone between a comma
		// and a cue set off at the end of its clause names a group the
		// lexicon does not list
		return [2]int{i, i + 1}, true
	}
	if !head.Cap && !nounHead {
		// "officials on both sides said", "diplomats in both capitals
		// said": a group or role noun with a short phrase after it
		for p := i - 1; p >= lo && p >= i-4; p-- {
			t := a.toks[p]
			if !t.Word || t.Quoted || t.Cap {
				break
			}
			if (t.Lower == "on" || t.Lower == "in" || t.Lower == "from" || t.Lower == "at") && p-1 >= lo && !a.toks[p-1].Cap &&
				(a.lx.groups[a.toks[p-1].Lower] || a.lx.roles[a.toks[p-1].Lower]) {
				if np, ok := a.backNP(p, lo); ok && np[1] == p {
					return [2]int{np[0], i + 1}, true
				}
				break
			}
			if a.lx.verbs[t.Lower].Lemma != "" || isVerbLike(t.Lower) || finite[t.Lower] {
				break
			}
		}
		// "The team wrote", "the family's statement read": a noun right
		// after a determiner.
		if i-2 >= lo && determiner[a.toks[i-1].Lower] && timeWord[head.Lower] && isPreposition(a.toks[i-2].Lower) {
			// "A report from the government during the weekend said": the
			// time phrase is not the subject
			return a.backNP(i-2, lo)
		}
		if i-1 >= lo && (determiner[a.toks[i-1].Lower] || isPossessiveName(a.toks[i-1])) && !functionWord[head.Lower] && !isVerbLike(head.Lower) && a.lx.verbs[head.Lower].Lemma == "" {
			if i-3 >= lo && a.toks[i-2].Lower == "of" && quantifier[a.toks[i-3].Lower] {
				return [2]int{i - 3, i + 1}, true // "One of the children said"
			}
			return [2]int{i - 1, i + 1}, true
		}
		if i-2 >= lo && (determiner[a.toks[i-2].Lower] || isPossessiveName(a.toks[i-2])) && a.toks[i-1].Word && !functionWord[a.toks[i-1].Lower] && !functionWord[head.Lower] &&
			!isVerbLike(head.Lower) && a.lx.verbs[head.Lower].Lemma == "" && a.lx.verbs[a.toks[i-1].Lower].Lemma == "" {
			return [2]int{i - 2, i + 1}, true // "The event description read"
		}
		return [2]int{}, false
	}
	if head.Cap && sentenceOpener[head.Lower] && (i == lo || a.isSentenceStart(i)) {
		return [2]int{}, false
	}
	j := i
	lower := 0
	for j-1 >= lo && i-j < 9 {
		t := a.toks[j-1]
		if t.Quoted || !t.Word {
			break
		}
		if t.Cap && !(sentenceOpener[t.Lower] && a.isSentenceStart(j-1)) {
			j--
			continue
		}
		if isNumber(t.Text) && j-2 >= lo && a.toks[j-2].Cap && a.toks[j].Cap {
			j-- // "The Lost 52 Project"
			continue
		}
		if t.Lower == "to" && j-2 >= lo && a.lx.titles[a.toks[j-2].Text] {
			j-- // "Ambassador to Germany Richard Grenell"
			continue
		}
		if nameJoiner[t.Lower] && j-2 >= lo && a.toks[j-2].Cap && a.toks[j-2].Word && (a.toks[j].Cap || nounHead) {
			j--
			continue
		}
		if determiner[t.Lower] && t.Lower != "this" && t.Lower != "these" && t.Lower != "those" {
			j--
			// "Crystal C'Bearing of the Northern Arapaho … office"
			if j-2 >= lo && a.toks[j-1].Lower == "of" && a.toks[j-2].Cap && a.toks[j-2].Word && !a.toks[j-2].Quoted {
				j--
				continue
			}
			break
		}
		if !t.Cap && !functionWord[t.Lower] && lower < 4 && (nounHead || a.lx.roles[t.Lower] || a.lx.groups[t.Lower]) && !isVerbLike(t.Lower) {
			if _, isVerb := a.lx.verbs[t.Lower]; isVerb {
				break
			}
			lower++
			nounHead = true // a name after a role word: "spokeswoman Tammy Bruce"
			j--
			continue
		}
		break
	}
	// "One of the children said"
	if j-2 >= lo && a.toks[j-1].Lower == "of" && quantifier[a.toks[j-2].Lower] {
		j -= 2
	}
	// "A spokeswoman for the Russian Foreign Ministry said", "an official
	// from TfL"
	if j-2 >= lo && (a.lx.roles[a.toks[j-2].Lower] || a.lx.groups[a.toks[j-2].Lower]) && !a.toks[j-2].Cap {
		switch a.toks[j-1].Lower {
		case "for", "from", "at", "with", "of", "within", "in":
			j -= 2
			// "A Western diplomat in Bamako": the role word's modifiers
			for k := 0; k < 3 && j-1 >= lo && a.toks[j-1].Word && !a.toks[j-1].Quoted && !determiner[a.toks[j-1].Lower] &&
				(a.toks[j-1].Cap && !(sentenceOpener[a.toks[j-1].Lower] && a.isSentenceStart(j-1)) ||
					!a.toks[j-1].Cap && !functionWord[a.toks[j-1].Lower] && !isVerbLike(a.toks[j-1].Lower) && a.lx.verbs[a.toks[j-1].Lower].Lemma == ""); k++ {
				j--
			}
			if j-1 >= lo && determiner[a.toks[j-1].Lower] {
				j--
			}
		}
	}
	// "Dr. Steven Wolf at Saint Francis said": the speaker is the person
	// before the place.
	if j-2 >= lo && a.toks[j-2].Cap && a.toks[j-2].Word {
		switch a.toks[j-1].Lower {
		case "at", "from", "with", "in":
			// "Ryan Norris of the University of Guelph in Ontario said",
			// "Officials in Kyiv said"
			if np, ok := a.backNP(j-1, lo); ok && a.toks[np[1]-1].Cap {
				return np, true
			}
		}
	}
	return [2]int{j, i + 1}, true
}

// antecedent finds the name a "who" refers back to: "led by Mark Hay, a
// marine ecologist at GT, who said". It is the nearest run of capitalized
// words followed by a comma (or by the "who" itself).
func (a *analysis) antecedent(who, lo int) ([2]int, bool) {
	for x := who - 1; x > lo && who-x < 30; x-- {
		t := a.toks[x]
		if t.Quoted {
			break
		}
		if !(t.Cap && t.Word) || (a.toks[x+1].Text != "," && x+1 != who) {
			continue
		}
		k := x
		for k-1 >= lo && a.toks[k-1].Cap && a.toks[k-1].Word && !a.toks[k-1].Quoted {
			k--
		}
		if sentenceOpener[a.toks[k].Lower] && a.isSentenceStart(k) {
			k++
		}
		if k <= x {
			return [2]int{k, x + 1}, true
		}
	}
	return [2]int{}, false
}

// hasVerb reports a speech verb or a word that looks like a verb in
// tokens [i, j).
func (a *analysis) hasVerb(i, j int) bool {
	for x := i; x < j; x++ {
		if _, ok := a.lx.verbs[a.toks[x].Lower]; ok || (!a.toks[x].Cap && isVerbLike(a.toks[x].Lower) && !isAdverb(a.toks[x].Lower)) {
			return true
		}
		switch a.toks[x].Lower {
		case "is", "was", "are", "were", "has", "have", "had":
			return true
		}
	}
	return false
}

// hasRoleWord reports a lower-case role word among tokens np.
func (a *analysis) hasRoleWord(np [2]int) bool {
	for x := np[0]; x < np[1]; x++ {
		if !a.toks[x].Cap && a.lx.roles[a.toks[x].Lower] {
			return true
		}
	}
	return false
}

// allCap reports a run of capitalized words: a name.
func allCap(ts []token) bool {
	if len(ts) == 0 || len(ts) > 5 {
		return false
	}
	for _, t := range ts {
		if !t.Word || !t.Cap && !nameJoiner[t.Lower] {
			return false
		}
	}
	return ts[len(ts)-1].Cap
}

// isVerbLike rejects lower-case words that are clearly verbs or adverbs,
// so that "he added officials" does not become one phrase.
func isVerbLike(w string) bool {
	return strings.HasSuffix(w, "ed") && !a2(w) || strings.HasSuffix(w, "ing") || isAdverb(w)
}

// a2 keeps a few nouns and adjectives that end in -ed.
func a2(w string) bool {
	switch w {
	case "united", "red", "armed", "retired", "detained", "elected", "appointed":
		return true
	}
	return false
}

func (a *analysis) isSentenceStart(i int) bool {
	s := a.sents[a.sentOf[i]]
	if i == s.From {
		return true
	}
	for x := s.From; x < i; x++ {
		if a.toks[x].Word && !a.toks[x].Quoted {
			return false
		}
	}
	return true
}

// byline follows a medium named as a speaker to its author: "according
// to a tweet on Monday by US Secretary of State Mike Pompeo", "a statement
// from the ministry".
func (a *analysis) byline(np [2]int, end int) [2]int {
	if np[1] <= np[0] || !a.lx.media[a.toks[np[1]-1].Lower] {
		return np
	}
	x := np[1]
	for x < end && x < np[1]+4 && a.toks[x].Lower != "by" && a.toks[x].Lower != "from" {
		if !a.toks[x].Word || a.toks[x].Quoted {
			return np
		}
		x++
	}
	if x >= end || (a.toks[x].Lower != "by" && a.toks[x].Lower != "from") {
		return np
	}
	if by := a.forwardNP(x+1, end); by[1] > by[0] {
		return by
	}
	return np
}

// subjectOf returns the noun phrase that opens sentence s when it names
// someone (a name, a group or a role) and a verb follows it: the speaker of
// "Governor John Bel Edwards addressed the public: “…”".
func (a *analysis) subjectOf(s sentence) [2]int {
	x := s.From
	if isPreposition(a.toks[x].Lower) || a.toks[x].Lower == "in" || a.openingParticiple(x, s) {
		// "In a statement posted to her account, then-Secretary Vázquez …"
		for x < s.To && a.toks[x].Text != "," {
			x++
		}
		x++
		if x >= s.To {
			return [2]int{s.From, s.From}
		}
	}
	for x < s.To && (!a.toks[x].Word || sentenceOpener[a.toks[x].Lower]) && !a.toks[x].Quoted {
		if a.toks[x].Text == "," || a.toks[x].Word {
			x++
			continue
		}
		break
	}
	if x >= s.To || a.toks[x].Quoted {
		return [2]int{x, x}
	}
	np := a.subjectAt(x, s)
	if np[1] <= np[0] {
		// "A month later, during the debate, O'Rourke defended …": a name
		// after one of the first commas
		for c, seen := s.From, 0; c < s.To-1 && seen < 3; c++ {
			if a.toks[c].Quoted {
				break
			}
			if a.toks[c].Text != "," {
				continue
			}
			seen++
			if n := a.subjectAt(c+1, s); n[1] > n[0] && a.toks[n[1]-1].Cap {
				return n
			}
		}
	}
	return np
}

// subjectAt reads a subject phrase starting at token x of sentence s and
// followed by a verb-like lower-case word, or returns an empty range.
func (a *analysis) subjectAt(x int, s sentence) [2]int {
	if x >= s.To || a.toks[x].Quoted {
		return [2]int{x, x}
	}
	np := a.forwardNP(x, s.To)
	// "Trump's statement read:", "Bolton gave an account:": the phrase
	// ends before its verb.
	for np[1]-1 > np[0] && np[1] < s.To {
		last := a.toks[np[1]-1]
		if last.Cap || a.lx.roles[last.Lower] || a.lx.groups[last.Lower] || a.lx.media[last.Lower] {
			break
		}
		if np[1]-np[0] == 2 && determiner[a.toks[np[0]].Lower] {
			break // "The palace issued": keep the noun
		}
		np[1]--
	}
	if np[1] <= np[0] || np[1] >= s.To {
		return [2]int{x, x}
	}
	if n := a.toks[np[1]]; n.Text == "," {
		// "a Republican, Mark Amodei, has …"
		k := np[1] + 1
		for k < s.To && a.toks[k].Text != "," {
			k++
		}
		if k < s.To && allCap(a.toks[np[1]+1:k]) {
			return [2]int{np[1] + 1, k}
		}
	}
	if n := a.toks[np[1]]; !n.Word || n.Cap || n.Quoted {
		return [2]int{x, x}
	}
	if np[1]-np[0] == 1 && (sentenceOpener[a.toks[np[0]].Lower] || quantifier[a.toks[np[0]].Lower] || determiner[a.toks[np[0]].Lower] || a.toks[np[0]].Lower == "another") {
		return [2]int{x, x} // "Another was tour manager Thomas Gray"
	}
	return np
}

// forwardNP reads the speaker after an inverted cue: said Ivo Daalder,
// said the spokeswoman, said he.
func (a *analysis) forwardNP(x, end int) [2]int {
	if x >= end {
		return [2]int{x, x}
	}
	if _, ok := pronoun[a.toks[x].Lower]; ok && a.toks[x].Word {
		return [2]int{x, x + 1}
	}
	j := x
	hasName := false
	if determiner[a.toks[j].Lower] {
		j++
	}
	for j < end && j-x < 10 {
		t := a.toks[j]
		if !t.Word || t.Quoted {
			break
		}
		if t.Cap {
			hasName = true
			j++
			continue
		}
		if nameJoiner[t.Lower] && j+1 < end && a.toks[j+1].Cap && j > x {
			j++
			continue
		}
		if !functionWord[t.Lower] && !timeWord[t.Lower] && !isVerbLike(t.Lower) {
			_, isVerb := a.lx.verbs[t.Lower]
			if !isVerb || (j > x && determiner[a.toks[j-1].Lower]) { // "a tweet"
				j++
				continue
			}
		}
		break
	}
	if j == x {
		return [2]int{x, x}
	}
	head := a.toks[j-1]
	if !hasName && determiner[a.toks[x].Lower] && j-x == 2 && !functionWord[head.Lower] {
		// "according to a draft of the conclusions": the noun keeps its
		// "of" complement
		if j+2 < end && a.toks[j].Lower == "of" && determiner[a.toks[j+1].Lower] && !quantifier[head.Lower] {
			k := j + 2
			for k < end && k < j+5 && a.toks[k].Word && !a.toks[k].Quoted && !functionWord[a.toks[k].Lower] && !isVerbLike(a.toks[k].Lower) && !irregularParticiple[a.toks[k].Lower] && a.lx.verbs[a.toks[k].Lower].Lemma == "" {
				k++
			}
			if k > j+2 {
				return [2]int{x, k}
			}
		}
		return [2]int{x, j} // "said a protester using the pseudonym Katya"
	}
	if !hasName && !a.lx.roles[head.Lower] && !a.lx.groups[head.Lower] && !a.lx.media[head.Lower] {
		// "the ministry's statement read": end at the last noun that can speak
		for k := j - 2; k > x; k-- {
			w := a.toks[k].Lower
			if a.lx.roles[w] || a.lx.groups[w] || a.lx.media[w] {
				return [2]int{x, k + 1}
			}
		}
		return [2]int{x, x}
	}
	return [2]int{x, j}
}

// openingParticiple reports a sentence that opens with a participle
// phrase set off by a comma: "Speaking to supporters on Monday, he
// accused …", "Asked about the vote, the minister said …". The participle
// is not a name, and the subject follows the comma.
func (a *analysis) openingParticiple(x int, s sentence) bool {
	t := a.toks[x]
	if !t.Word || !t.Cap || t.Quoted || len(t.Lower) < 5 || x+1 >= s.To {
		return false
	}
	if !strings.HasSuffix(t.Lower, "ing") && !strings.HasSuffix(t.Lower, "ed") {
		return false
	}
	if n := a.toks[x+1]; !n.Word || n.Cap || a.mentionFor(x, x+1) != nil {
		return false // "Beijing has …", "United Nations"
	}
	for k := x + 1; k < s.To && k < x+25; k++ {
		if a.toks[k].Quoted {
			return false
		}
		if a.toks[k].Text == "," {
			return true
		}
	}
	return false
}

// isPossessiveName reports a capitalised possessive that stands as the
// determiner of a noun: "China's coast guard said", "Iran's judiciary".
func isPossessiveName(t token) bool {
	return t.Cap && t.Word && !t.Quoted && (strings.HasSuffix(t.Text, "'s") || strings.HasSuffix(t.Text, "’s"))
}

// roleBeforeName reports a phrase that ends with a name right after a
// lower-case role word: "former Costa Rican foreign minister Eduardo
// Solís", not "a member of Parliament".
func (a *analysis) roleBeforeName(np [2]int) bool {
	r := np[1] - 1
	for r-1 >= np[0] && a.toks[r-1].Cap && a.toks[r-1].Word {
		r--
	}
	return r-1 >= np[0] && !a.toks[r-1].Cap && a.lx.roles[a.toks[r-1].Lower]
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// barePlural reports a lone lower-case plural noun at i, right after a
// comma and right before the cue at v, with the cue closing its clause (a
// comma or the sentence's end after it): "…, mediators said."
func (a *analysis) barePlural(i, v int) bool {
	t := a.toks[i]
	if i+1 != v || i < 1 || a.toks[i-1].Text != "," || v+1 >= len(a.toks) || t.Quoted || !t.Word || len(t.Lower) < 5 {
		return false
	}
	if !strings.HasSuffix(t.Lower, "s") || strings.HasSuffix(t.Lower, "ss") || strings.HasSuffix(t.Lower, "ous") || adverbInS[t.Lower] || functionWord[t.Lower] || isVerbLike(t.Lower) || a.lx.verbs[t.Lower].Lemma != "" || timeWord[t.Lower] {
		return false
	}
	n := a.toks[v+1].Text
	return n == "," || n == "." || a.sentOf[v+1] != a.sentOf[v]
}

// adverbInS are adverbs that end in -s like a plural noun.
var adverbInS = setOf("perhaps", "sometimes", "always", "afterwards", "besides", "nevertheless", "nonetheless",
	"regardless", "towards", "backwards", "forwards", "whereas", "thus", "hence")
