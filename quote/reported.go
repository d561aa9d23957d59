package quote

import (
	"strings"

	"github.com/dragoman-news/dragoman"
)

// clauseStarter are words that can open a reported clause without "that":
// "Fried said such an approach could work", "Lavrov said there could be".
var clauseStarter = setOf("he", "she", "they", "it", "we", "i", "you", "there", "the", "a", "an", "this", "these",
	"those", "its", "their", "his", "her", "our", "such", "no", "some", "any", "many", "all", "both", "each",
	"every", "nothing", "none", "talks", "officials", "one", "two", "more", "most", "negotiations", "neither",
	"either", "several", "few", "much", "another")

// finite are the auxiliaries and copulas that show a bare noun phrase
// after a cue is the subject of a reported clause: "said aid convoys had
// been blocked", "said 23 people were arrested".
var finite = setOf("is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may",
	"might", "must", "should", "did", "does", "do", "shall")

// stopClause are words that, after a comma, begin a new clause that is no
// longer the reported content.
var stopClause = setOf("though", "although", "but", "while", "whereas", "adding", "saying", "referring")

// subordinator opens a clause that leaves the main clause after a
// parenthetical cue: "If talks fail, officials say, the strike goes on."
var subordinator = setOf("if", "when", "as", "although", "though", "while", "because", "before", "after", "once",
	"unless", "until", "since", "whether")

// reported finds speech without quotation marks: X said (that) …, X told
// reporters …, according to X, …, X described Y as Z.
func (a *analysis) reported() {
	for _, s := range a.sents {
		lastNP := [2]int{-1, -1}
		for v := s.From; v < s.To; v++ {
			t := a.toks[v]
			if t.Quoted || !t.Word {
				continue
			}
			if a.usedCue[v] {
				// a quotation credited through this cue may still close a
				// "that" clause of its own: "He added that the dam would
				// stay shut, "come what may.""
				y := a.skipAdverbials(v+1, s.To)
				if !(y+1 < s.To && a.toks[y].Lower == "that" && !a.toks[y].Quoted && a.toks[y+1].Word && !a.toks[y+1].Quoted) {
					continue
				}
			}
			if t.Lower == "according" && v+1 < s.To && a.toks[v+1].Lower == "to" {
				a.according(s, v)
				continue
			}
			vb, ok := a.lx.verbs[t.Lower]
			if !ok || t.Cap || vb.Frames&(frameThat|frameThatOnly|frameAs|frameTell) == 0 || a.passive(v) {
				continue
			}
			var np [2]int
			if strings.HasSuffix(t.Lower, "ing") {
				// "…, saying that …", "issued a statement saying …": the
				// subject of the sentence speaks.
				if v-1 <= s.From || (a.toks[v-1].Text != "," && !a.lx.media[a.toks[v-1].Lower]) {
					continue
				}
				if lastNP[0] >= 0 {
					np, ok = lastNP, true // "Zapata said, adding that …"
				} else {
					np = a.subjectOf(s)
					ok = np[1] > np[0] && np[1] < v
				}
			} else {
				np, ok = a.backNP(v, s.From)
			}
			if !ok && v-1 > s.From && a.toks[v-1].Lower == "and" {
				if lastNP[0] >= 0 {
					// "Varga called the vote … and said the deficit would fall"
					np, ok = lastNP, true
				} else {
					// "The State Department condemned China's actions and
					// said …": the subject of the sentence
					np = a.subjectOf(s)
					ok = np[1] > np[0] && np[1] < v
				}
			}
			if !ok {
				continue
			}
			lastNP = np
			from, medium, ok := a.contentStart(v, s.To, vb)
			if !ok && np[0]-1 >= s.From && (a.toks[np[0]-1].Lower == "which" || a.toks[np[0]-1].Lower == "what") && a.verbAfter(v+1, s.To) {
				// "its constitution, which Baku says contains claims": the
				// cue sits inside the clause it reports
				from, medium, ok = v+1, "", true
			}
			if !ok {
				continue
			}
			var to int
			comma := a.commaBefore(np[0], s.From)
			if from >= 0 && comma > s.From && a.toks[from-1].Text == "," && !subordinator[a.toks[s.From].Lower] {
				// "Orders won't leave idle capacity, Maróth said, and …":
				// the reported clause is the one before the cue.
				from = -1
			}
			if from < 0 {
				// "The talks will resume, officials said."
				if comma <= s.From {
					continue
				}
				from, to = s.From, comma
				if comma != np[0]-1 {
					// keep the partial quotation whole, closing mark
					// included: … it "did not meet the rules,"
					to = np[0]
				}
				if a.isSentenceStart(np[0]) {
					continue
				}
			} else {
				to = a.clauseEnd(from, s.To, vb.Frames&frameAs != 0)
			}
			if to-from < 2 || a.allQuoted(from, to) {
				continue // nothing reported beyond a quotation of its own
			}
			q := dragoman.Quote{Kind: dragoman.Reported, Span: a.tokSpan(from, to)}
			a.finish(&q, attribution{np: np, cue: v, how: "cue", medium: medium})
			if q.Speaker == nil && q.Attribution == "" {
				q.Attribution = "no-cue"
			}
			a.quotes = append(a.quotes, q)
		}
	}
}

// commaBefore returns the comma that ends the clause before a speaker at
// np0: the token just before it ("…, officials said"), or a comma inside
// the closing mark of a partial quotation ("… it "did not meet the
// requirements," Shiham says"). It returns -1 when there is none.
func (a *analysis) commaBefore(np0, lo int) int {
	c := np0 - 1
	if c < lo {
		return -1
	}
	if a.toks[c].Text == "," {
		return c
	}
	if t := a.toks[c]; !t.Word && t.Quoted && isCloser(t.Text) && c-1 >= lo && a.toks[c-1].Text == "," && a.toks[c-1].Quoted {
		// the clause must open outside the quotation
		if o := a.openerOf(c); o > lo && !a.toks[o-1].Quoted {
			return c - 1
		}
	}
	return -1
}

// openerOf returns the opening mark of the quotation that closes at c, or
// -1.
func (a *analysis) openerOf(c int) int {
	for k := c - 1; k >= 0; k-- {
		if !a.toks[k].Quoted {
			return -1
		}
		if !a.toks[k].Word && isOpener(a.toks[k].Text) && (k == 0 || !a.toks[k-1].Quoted) {
			return k
		}
	}
	return -1
}

// allQuoted reports tokens [from, to) that all lie inside quotation marks.
func (a *analysis) allQuoted(from, to int) bool {
	for x := from; x < to; x++ {
		if !a.toks[x].Quoted {
			return false
		}
	}
	return true
}

// contentStart finds where the reported clause after the cue at v starts.
// It returns -1 when the cue ends the sentence ("…, officials said.") and
// false when the cue takes no clause here.
func (a *analysis) contentStart(v, end int, vb verb) (int, string, bool) {
	x := v + 1
	if x >= end {
		return -1, "", true
	}
	if a.toks[x].Text == "." || a.toks[x].Text == "!" || a.toks[x].Text == "?" {
		return -1, "", x+1 >= end
	}
	medium := ""
	if vb.Frames&frameAs != 0 {
		// X described the talks as …: an "as" must follow within the clause.
		for k := x + 1; k < end && k < x+20; k++ {
			tk := a.toks[k]
			if tk.Lower == "as" && !tk.Quoted {
				return x, "", true
			}
			if tk.Text == "." || tk.Text == ";" {
				break
			}
		}
		return 0, "", false
	}
	if vb.Frames&frameTell != 0 {
		np := a.objectNP(x, end)
		if np[1] > np[0] {
			y := a.skipAdverbials(np[1], end)
			if y < end && a.toks[y].Lower == "that" {
				return y + 1, a.tokSpan(np[0], np[1]).Text, y+1 < end
			}
		}
		if vb.Frames&(frameThat|frameThatOnly) == 0 {
			return 0, "", false
		}
		// "warned that …" as well as "warned lawmakers that …"
	}
	// said on Monday, said in a statement, wrote on X …
	y := a.skipAdverbials(x, end)
	if y > x {
		medium = a.medium(x, y, vb)
		y = a.skipAdverbialTail(y, end)
	}
	x = y
	if x >= end {
		return -1, medium, true
	}
	t := a.toks[x]
	switch {
	case t.Lower == "that" && !t.Quoted:
		x++
		if x < end && a.toks[x].Text == "," {
			x++ // "reported that, in a phone call in late July, …"
		}
		return x, medium, x < end
	case t.Text == "," && y == v+1 && vb.Frames&frameThat != 0 && a.parenthetical(v):
		// ", administration officials say, Ukrainian officials will …"
		if x+1 < end && a.toks[x+1].Word && !a.toks[x+1].Quoted {
			return x + 1, medium, true
		}
	case t.Text == ".":
		return -1, medium, x+1 >= end
	case vb.Frames&frameThat != 0 && (y == v+1 || a.onlyTime(v+1, y)) && t.Word && !t.Quoted && (clauseStarter[t.Lower] || t.Cap || a.bareSubject(x, end)):
		return x, medium, true
	}
	return 0, "", false
}

// parenthetical reports a cue set off by commas with its subject:
// ", administration officials say,".
func (a *analysis) parenthetical(v int) bool {
	np, ok := a.backNP(v, a.sents[a.sentOf[v]].From)
	return ok && np[0] > 0 && a.commaBefore(np[0], 0) >= 0
}

// skipAdverbials skips time words and short prepositional phrases after a
// cue: "on Monday", "in a statement", "at a security conference in Europe".
func (a *analysis) skipAdverbials(x, end int) int {
	for x < end {
		t := a.toks[x]
		switch {
		case t.Quoted || !t.Word:
			return x
		case timeWord[t.Lower] && t.Lower != "that" && t.Lower != "while" && t.Lower != "when" && !isPreposition(t.Lower):
			x++
		case isPreposition(t.Lower) && x+1 < end && timeWord[a.toks[x+1].Lower] && a.toks[x+1].Cap:
			// "on Sunday", "on Monday night"
			x += 2
			for x < end && timeWord[a.toks[x].Lower] && !isPreposition(a.toks[x].Lower) && a.toks[x].Lower != "that" {
				x++
			}
		case isPreposition(t.Lower):
			np := a.objectNP(x+1, end)
			if np[1] <= np[0] || np[1]-x > 7 {
				return x
			}
			x = np[1]
		default:
			return x
		}
	}
	return x
}

// skipAdverbialTail extends an adverbial phrase already skipped after a
// cue by what may follow its noun: an "of" complement ("at the close of an
// extraordinary summit") or a participle phrase ("in a statement carried
// by state media"), so that a "that" after them is still found.
func (a *analysis) skipAdverbialTail(y, end int) int {
	for n := 0; n < 2 && y < end; n++ {
		t := a.toks[y]
		if t.Quoted || !t.Word {
			return y
		}
		participle := strings.HasSuffix(t.Lower, "ed") && !a2(t.Lower) || irregularParticiple[t.Lower]
		switch {
		case t.Lower == "of":
			np := a.objectNP(y+1, end)
			if np[1] <= np[0] || np[1]-y > 6 {
				return y
			}
			y = np[1]
		case t.Lower == "by" && y-1 >= 0 && (strings.HasSuffix(a.toks[y-1].Lower, "ed") && !a2(a.toks[y-1].Lower) || irregularParticiple[a.toks[y-1].Lower]):
			// the participle was read into the noun phrase: "a statement
			// carried | by state media"
			np := a.objectNP(y+1, end)
			if np[1] <= np[0] || np[1]-y > 6 {
				return y
			}
			y = a.skipAdverbials(np[1], end)
		case participle && y+1 < end && (a.toks[y+1].Lower == "online" || isAdverb(a.toks[y+1].Lower)) && !negation[a.toks[y+1].Lower]:
			// "in a statement posted online that …"
			y = a.skipAdverbials(y+2, end)
		case participle && y+1 < end && (a.toks[y+1].Lower == "by" || isPreposition(a.toks[y+1].Lower)):
			np := a.objectNP(y+2, end)
			if np[1] <= np[0] || np[1]-y > 7 {
				return y
			}
			y = a.skipAdverbials(np[1], end)
		default:
			return y
		}
	}
	return y
}

func isPreposition(w string) bool {
	switch w {
	case "on", "in", "at", "during", "via", "through", "after", "before", "to", "outside", "inside", "near":
		return true
	}
	return false
}

// clauseEnd returns where the reported clause that starts at from ends:
// the end of the sentence, a semicolon, or a comma that opens a
// contrasting clause (", though …").
func (a *analysis) clauseEnd(from, end int, asFrame bool) int {
	to := end
	for k := from; k < end; k++ {
		t := a.toks[k]
		if t.Quoted {
			continue
		}
		if t.Text == "," && k+2 < end && (a.toks[k+1].Lower == "and" || a.toks[k+1].Lower == "but") {
			if _, ok := pronoun[a.toks[k+2].Lower]; ok {
				to = k // "…, and he warned that …"
				break
			}
		}
		if t.Text == ";" {
			to = k
			break
		}
		if stopClause[t.Lower] && !(asFrame && t.Lower == "but") && k-2 > from && a.toks[k-1].Quoted && isCloser(a.toks[k-1].Text) && a.toks[k-2].Text == "," {
			// the comma sits inside the quotation: … had been "calm and
			// orderly," but noted delays
			to = k
			break
		}
		if t.Text == "," && k+1 < end {
			n := a.toks[k+1].Lower
			if stopClause[n] && !(asFrame && n == "but") {
				to = k
				break
			}
			if n == "according" {
				to = k
				break
			}
		}
	}
	for to > from && !a.toks[to-1].Word && !a.toks[to-1].Quoted {
		to--
	}
	return to
}

// according handles "according to X, …" and "…, according to X."
func (a *analysis) according(s sentence, v int) {
	np := a.forwardNP(v+2, s.To)
	if np[1] <= np[0] {
		return
	}
	after := np[1]
	if after+1 < s.To && a.lx.media[a.toks[after-1].Lower] && (a.toks[after].Lower == "from" || a.toks[after].Lower == "by") {
		// "according to a statement from the Foreign Ministry": the
		// statement is the ministry's
		if src := a.forwardNP(after+1, s.To); src[1] > src[0] {
			np, after = src, src[1]
		}
	}
	if after+1 < s.To && a.toks[after].Text == "," {
		// "According to the El Paso mayor, Dee Margo, police …"
		k := after + 1
		for k < s.To && a.toks[k].Text != "," {
			k++
		}
		if k < s.To && allCap(a.toks[after+1:k]) {
			np = [2]int{after + 1, k}
			after = k
		}
	}
	if after+1 < s.To && a.toks[after].Text == "," && !a.toks[after+1].Cap && a.lx.roles[a.toks[after+1].Lower] {
		// "According to a post by Amy Cook, director of the event, …":
		// an appositive that opens with a role word is not the content
		k := after + 1
		for k < s.To && k-after < 15 && a.toks[k].Text != "," {
			k++
		}
		if k+1 < s.To && a.toks[k].Text == "," {
			after = k
		}
	}
	if after+1 < s.To && a.toks[after].Text == "," && (a.toks[after+1].Lower == "which" || a.toks[after+1].Lower == "who") {
		// "According to AFP, which cited sources close to the inquiry, …"
		k := after + 1
		for k < s.To && a.toks[k].Text != "," {
			k++
		}
		if k < s.To {
			after = k
		}
	}
	var from, to int
	switch {
	case after < s.To && a.toks[after].Text == "," && (v == s.From || a.isSentenceStart(v)):
		from, to = after+1, a.clauseEnd(after+1, s.To, false)
	case v-1 > s.From && a.toks[v-1].Text == "," && after < s.To && a.toks[after].Text == "," && v-1-s.From < 4:
		// "Longer term, according to X, the goal is …"
		from, to = after+1, a.clauseEnd(after+1, s.To, false)
	case v-1 > s.From && a.toks[v-1].Text == ",":
		from, to = s.From, v-1
	default:
		return
	}
	if to-from < 2 {
		return
	}
	// A quotation already attributed this way is not reported speech too.
	for x := from; x < to; x++ {
		if a.toks[x].Quoted {
			return
		}
	}
	q := dragoman.Quote{Kind: dragoman.Reported, Span: a.tokSpan(from, to)}
	a.finish(&q, attribution{np: np, cue: v, cueEnd: v + 2, how: "according-to"})
	a.quotes = append(a.quotes, q)
}

// bareSubject reports a noun phrase with no determiner at x that a finite
// verb follows within a few words: the subject of a reported clause
// without "that" ("said aid convoys had been blocked", "said 23 people
// were arrested"), not an object ("said goodbye to").
func (a *analysis) bareSubject(x, end int) bool {
	if t := a.toks[x]; functionWord[t.Lower] || isVerbLike(t.Lower) || a.lx.verbs[t.Lower].Lemma != "" {
		return false
	}
	limit := x + 4
	if amount[a.toks[x].Lower] && x+2 < end && a.toks[x+1].Lower == "of" {
		// "said thousands of people had crossed": the amount's "of"
		// phrase is part of the subject
		limit = x + 6
	}
	for k := x + 1; k < end && k <= limit; k++ {
		t := a.toks[k]
		if !t.Word || t.Quoted {
			return false
		}
		if t.Lower == "of" && k == x+1 && limit > x+4 {
			continue
		}
		if finite[t.Lower] {
			return true
		}
		if isAdverb(t.Lower) || t.Lower == "still" {
			continue // "said companies still faced"
		}
		if strings.HasSuffix(t.Lower, "ed") && !a2(t.Lower) {
			return true // "said police arrested", a past tense
		}
		if functionWord[t.Lower] || isVerbLike(t.Lower) {
			return false
		}
	}
	return false
}

// amount are nouns of quantity that head a subject with "of": "thousands
// of people", "dozens of soldiers".
var amount = setOf("hundreds", "thousands", "millions", "billions", "dozens", "scores", "tens", "tons", "tonnes")

// onlyTime reports tokens [from, to) that only say when: "on Sunday",
// "Monday", "last week".
func (a *analysis) onlyTime(from, to int) bool {
	for x := from; x < to; x++ {
		t := a.toks[x]
		if !t.Word || !(timeWord[t.Lower] || isPreposition(t.Lower)) || t.Lower == "that" || t.Lower == "when" || t.Lower == "while" {
			return false
		}
	}
	return to > from
}

// verbAfter reports a finite verb at x: "is", "was", or a lower-case word
// in -s or -ed ("contains", "violated").
func (a *analysis) verbAfter(x, end int) bool {
	if x >= end {
		return false
	}
	t := a.toks[x]
	if !t.Word || t.Cap || t.Quoted {
		return false
	}
	return finite[t.Lower] || len(t.Lower) > 3 && !functionWord[t.Lower] && (strings.HasSuffix(t.Lower, "s") && !strings.HasSuffix(t.Lower, "ss") || strings.HasSuffix(t.Lower, "ed"))
}
