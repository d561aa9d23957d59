package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dragoman-news/dragoman"
)

// attribution is what the cue search found for one quotation.
type attribution struct {
	np       [2]int // speaker tokens [from, to); from == to when none
	cue      int    // cue token, -1 when none
	cueEnd   int    // end of a multi-word cue ("according to"), exclusive
	medium   string
	how      string // "cue", "according-to", "carryover", "colon"...
	carry    *lastQuote
	fromPrev bool // the speaker may carry over from reported speech in sentence prevSent
	prevSent int
	inverted bool
}

func noAttribution() attribution { return attribution{cue: -1} }

func (at attribution) found() bool {
	return at.np[1] > at.np[0] || at.carry != nil || at.fromPrev
}

// directOne classifies and attributes one quotation found by its marks;
// quoted tokens are [qi, qj).
func (a *analysis) directOne(r region, qi, qj int) {
	if qi >= len(a.toks) {
		return
	}
	content := a.spanOf(r.Content.Start, r.Content.End)
	words := countWords(content.Text)
	if words == 0 {
		return
	}
	para := a.toks[qi].Para
	sentO := a.sentOf[qi]
	// Tokens of the writer's sentence before the opening mark (after any
	// earlier quotation) and after the closing mark (up to the next one).
	bFrom := a.sents[sentO].From
	for x := qi - 1; x >= bFrom; x-- {
		if a.toks[x].Quoted {
			bFrom = x + 1
			break
		}
	}
	before := [2]int{bFrom, qi}
	after := [2]int{qj, qj}
	if qj > qi && qj <= len(a.toks) && !r.Unbalanced {
		sentC := a.sentOf[qj-1]
		end := a.sents[sentC].To
		x := qj
		for x < end && !a.toks[x].Quoted {
			x++
		}
		after = [2]int{qj, x}
		if x == end && onlyPunct(a.toks[qj:x]) {
			after = [2]int{qj, qj} // “…". — nothing of the writer's after it
		}
	}

	if a.isScare(qi) {
		return
	}
	wholeStart := a.startsUtterance(before, content.Text)
	at := a.attributeDirect(before, after, qi, qj)
	if !at.found() && after[0] == after[1] && !r.Unbalanced {
		at = a.nextSentenceCue(qj)
	}
	endsPunct := endsWithPunct(content.Text)
	kind := dragoman.Partial
	if wholeStart && (endsPunct || after[1] == after[0] || at.found()) {
		kind = dragoman.Direct
	}
	if !at.found() {
		// A quotation with no cue of its own that follows a quotation
		// belongs to the speaker just quoted.
		if c := a.colonIntro(qi); c.found() {
			at = c // a colon introduces a new speaker: "The study outlined: “…”"
		} else if a.last != nil && a.last.attributed && (kind == dragoman.Direct && a.sentOf[qi]-a.last.sent <= 1 && (a.last.para == para || a.last.para == para-1) ||
			a.last.cue >= before[0] && a.last.cue < qi) {
			// (or: the attribution of the quotation just before sits between
			// the two: “…" read the statement; “…")
			at.carry = a.last
			at.how = "carryover"
		} else if kind == dragoman.Direct && sentO > 0 && a.sents[sentO-1].To > 0 && a.toks[a.sents[sentO-1].From].Para == para && before[1] == before[0] {
			// "…, Zapata said, adding it required endurance. “It's an
			// isometric exercise…”": the speaker of the sentence before,
			// if it reports speech; see resolveDeferred.
			at.prevSent, at.fromPrev = sentO-1, true
			at.how = "carryover"
		}
	}
	if kind == dragoman.Partial && words <= 8 && (titleLike(content.Text) || a.namesNoun(qi, qj, words)) {
		return // a title or a name: on "The Countdown" site, the "History" section
	}
	if !at.found() || (at.fromPrev && at.np[1] == at.np[0] && at.carry == nil) {
		// Short fragments and titles with nothing saying they were spoken
		// are names or scare quotes, not speech.
		if words <= 4 || (kind == dragoman.Partial && words < 8) || titleLike(content.Text) {
			return
		}
	}
	q := dragoman.Quote{Kind: kind, Span: content}
	if r.Unbalanced {
		q.Flags = append(q.Flags, "unbalanced")
		sp := a.spanOf(r.Open.Start, r.Open.End)
		a.d.Warn("quote", "unbalanced-quote", "quotation mark never closed; quotation bounded by its paragraph", &sp)
	}
	if r.MultiPara {
		q.Flags = append(q.Flags, "multi-paragraph")
	}
	a.finish(&q, at)
	if kind == dragoman.Direct && at.cue >= 0 {
		a.usedCue[at.cue] = true
	}
	a.last = &lastQuote{index: len(a.quotes), attributed: at.found(), para: r.LastPara, end: r.Close.End, sent: a.sentOf[max(qj, after[1])-1], cue: at.cue}
	if at.carry != nil {
		a.last.group = at.carry.group
	} else if at.np[1] > at.np[0] {
		a.last.group = a.lx.groups[a.toks[at.np[1]-1].Lower]
	}
	a.quotes = append(a.quotes, q)
}

// deferred is a speaker found through another: a pronoun, or the speaker
// of the quotation carried over. They are resolved in text order once
// every named speaker is known.
type deferred struct {
	quote     int // index in analysis.quotes
	carryFrom int // index of the quotation whose speaker carries over, or -1
	pronoun   int // token of the pronoun, or -1
	prevSent  int // sentence whose reported speech's speaker carries over, or -1
}

// resolveDeferred fills the speakers of pronouns and carryovers, in the
// order of the text.
func (a *analysis) resolveDeferred() {
	sort.SliceStable(a.deferred, func(i, j int) bool {
		return a.quotes[a.deferred[i].quote].Start < a.quotes[a.deferred[j].quote].Start
	})
	for _, df := range a.deferred {
		q := &a.quotes[df.quote]
		if df.pronoun >= 0 {
			t := a.toks[df.pronoun]
			p := pronoun[t.Lower]
			if p == "" {
				p = objectPronoun[t.Lower] // "KCNA quoted her as saying"
			}
			q.Speaker, q.Attribution = a.resolvePronoun(df.pronoun, p)
			if q.Speaker != nil {
				a.spoken = append(a.spoken, spoken{pos: t.Start, para: t.Para, ref: q.Speaker, group: p == "they"})
			}
			continue
		}
		if df.prevSent >= 0 {
			// the last speaker named in that sentence, by reported speech
			var best *spoken
			for k := range a.spoken {
				sp := &a.spoken[k]
				if x := a.tokAt(sp.pos); x < len(a.toks) && a.sentOf[x] == df.prevSent && (best == nil || sp.pos > best.pos) {
					best = sp
				}
			}
			if best != nil {
				r := *best.ref
				q.Speaker, q.Attribution = &r, "carryover"
			}
			continue
		}
		src := a.quotes[df.carryFrom]
		if src.Speaker == nil {
			q.Attribution = src.Attribution // why the speaker is unknown
			continue
		}
		sp := *src.Speaker
		q.Speaker = &sp
	}
}

// namesNoun reports a short quoted fragment used as the name of the noun
// that follows it: the "History" section, a "Hope" badge.
func (a *analysis) namesNoun(qi, qj, words int) bool {
	if words > 4 || qi == 0 || qj >= len(a.toks) {
		return false
	}
	prev, next := a.toks[qi-1], a.toks[qj]
	if !(determiner[prev.Lower] || strings.HasSuffix(prev.Lower, "'s") || strings.HasSuffix(prev.Lower, "’s")) {
		return false
	}
	if !next.Word || next.Cap || next.Quoted || functionWord[next.Lower] || isVerbLike(next.Lower) {
		return false
	}
	_, isVerb := a.lx.verbs[next.Lower]
	return !isVerb && next.Para == prev.Para
}

// finish fills the speaker, cue, medium and attribution of q.
func (a *analysis) finish(q *dragoman.Quote, at attribution) {
	if at.cue >= 0 {
		end := at.cue + 1
		if at.cueEnd > end {
			end = at.cueEnd
		}
		sp := a.tokSpan(at.cue, end)
		q.Cue = &sp
	}
	q.Medium = at.medium
	switch {
	case at.fromPrev:
		a.deferred = append(a.deferred, deferred{quote: len(a.quotes), carryFrom: -1, pronoun: -1, prevSent: at.prevSent})
		q.Attribution = "no-cue"
	case at.carry != nil:
		// filled in once every speaker is known, see resolveDeferred
		a.deferred = append(a.deferred, deferred{quote: len(a.quotes), carryFrom: at.carry.index, pronoun: -1, prevSent: -1})
		q.Attribution = "carryover"
	case at.np[1]-at.np[0] == 1 && (pronoun[a.toks[at.np[0]].Lower] != "" || objectPronoun[a.toks[at.np[0]].Lower] != ""):
		a.deferred = append(a.deferred, deferred{quote: len(a.quotes), carryFrom: -1, pronoun: at.np[0], prevSent: -1})
		q.Attribution = "pronoun"
	case at.np[1] > at.np[0]:
		q.Speaker, q.Attribution = a.resolve(at.np[0], at.np[1])
		if (at.how == "according-to" || at.how == "colon") && q.Speaker != nil {
			q.Attribution = at.how
		}
		if q.Speaker != nil && q.Attribution != "pronoun" {
			head := a.toks[at.np[1]-1]
			a.spoken = append(a.spoken, spoken{pos: head.Start, para: head.Para, ref: q.Speaker, group: a.lx.groups[head.Lower] || strings.Contains(q.Speaker.Name, " and ")})
		}
	default:
		q.Attribution = "no-cue"
	}
}

// startsUtterance reports whether a quotation starts a whole utterance:
// nothing of the writer's sentence before it, or an attribution ending in
// a colon or comma ("Kellogg said:", "…," X told reporters, "…").
func (a *analysis) startsUtterance(before [2]int, content string) bool {
	if before[1] <= before[0] {
		return true
	}
	last := a.toks[before[1]-1]
	if last.Text == ":" {
		return true
	}
	hasCue := false
	for x := before[0]; x < before[1]; x++ {
		if _, ok := a.lx.verbs[a.toks[x].Lower]; ok {
			hasCue = true
		}
	}
	if last.Text == "," && hasCue {
		return true
	}
	r, _ := utf8.DecodeRuneInString(content)
	if hasCue && unicode.IsUpper(r) {
		if _, ok := a.lx.verbs[last.Lower]; ok {
			return true // Trump said "We will win."
		}
	}
	return false
}

// attributeDirect looks for the cue and speaker of a quotation: right
// after it ("…," said X / "…," X said / "…," according to X), right before
// it (X said: "…"), then anywhere in its sentence (X said there could be
// "no thought" of …).
func (a *analysis) attributeDirect(before, after [2]int, qi, qj int) attribution {
	// After the quotation.
	x := after[0]
	if x < after[1] && a.toks[x].Text == "," {
		x++
	}
	if x < after[1] {
		if at := a.afterCue(x, after[1]); at.found() {
			return at
		}
	}
	// "Remarked Center for Biological Diversity scientist Tierra Curry, “…”"
	if f := before[0]; f < before[1] && a.toks[f].Cap && a.isSentenceStart(f) {
		if vb, ok := a.lx.verbs[a.toks[f].Lower]; ok && vb.Frames&frameQuote != 0 {
			if np := a.forwardNP(f+1, before[1]); np[1] > np[0] {
				return attribution{np: np, cue: f, how: "cue", inverted: true}
			}
		}
	}
	// Before it: the last cue in the writer's words before the mark, but
	// not across a relative clause with a subject of its own ("criticized
	// the decision, which Ross has referred to as “…”": Ross's words).
	for v := before[1] - 1; v >= before[0]; v-- {
		if at := a.cueAt(v, before[0], before[1], true); at.found() {
			return at
		}
		if (a.toks[v].Lower == "which" || a.toks[v].Lower == "whom") && v+1 < before[1] && a.toks[v+1].Cap && a.toks[v+1].Word {
			break
		}
	}
	// Anywhere else after it in the sentence.
	for v := after[0]; v < after[1]; v++ {
		if at := a.cueAt(v, after[0], after[1], true); at.found() {
			return at
		}
	}
	// Before an earlier quotation of the same sentence: Bruce described
	// the talks as "…", but not "…".
	s := a.sents[a.sentOf[qi]]
	for v := before[0] - 1; v >= s.From; v-- {
		if a.toks[v].Quoted {
			continue
		}
		if (a.toks[v].Lower == "which" || a.toks[v].Lower == "whom") && v+1 < len(a.toks) && a.toks[v+1].Cap && a.toks[v+1].Word && !a.toks[v+1].Quoted {
			break // the quotations before belong to the relative clause's subject
		}
		lo := v
		for lo > s.From && !a.toks[lo-1].Quoted {
			lo--
		}
		if at := a.cueAt(v, lo, before[1], true); at.found() {
			return at
		}
	}
	return noAttribution()
}

// afterCue matches the attribution right after a quotation, starting at
// token x and ending before end.
func (a *analysis) afterCue(x, end int) attribution {
	t := a.toks[x]
	// "…," according to X.
	if t.Lower == "according" && x+1 < end && a.toks[x+1].Lower == "to" {
		np := a.byline(a.forwardNP(x+2, end), end)
		if np[1] > np[0] {
			return attribution{np: np, cue: x, cueEnd: x + 2, how: "according-to"}
		}
	}
	// "…," said X — inverted.
	if v, ok := a.lx.verbs[t.Lower]; ok && !t.Cap && v.Frames&frameQuote != 0 {
		np := a.appositiveName(a.forwardNP(x+1, end), end)
		if np[1] > np[0] {
			return attribution{np: np, cue: x, how: "cue", inverted: true, medium: a.medium(np[1], end, v)}
		}
	}
	// "…," X said.
	for v := x + 1; v < end && v < x+14; v++ {
		vb, ok := a.lx.verbs[a.toks[v].Lower]
		if !ok || a.toks[v].Cap || vb.Frames&frameQuote == 0 {
			continue
		}
		np, ok := a.backNP(v, x)
		if ok && np[0] == x {
			return attribution{np: np, cue: v, how: "cue", medium: a.medium(v+1, end, vb)}
		}
		break
	}
	return noAttribution()
}

// nextSentenceCue reads the attribution of a quotation that ends with its
// sentence when the segmenter split after "!" or "?" before a name:
// “… in two days!" Macron told the world via Twitter. It only accepts a cue
// that introduces no clause and no quotation of its own.
func (a *analysis) nextSentenceCue(qj int) attribution {
	if qj >= len(a.toks) || qj == 0 || a.toks[qj].Para != a.toks[qj-1].Para {
		return noAttribution()
	}
	s := a.sents[a.sentOf[qj]]
	if s.From != qj {
		return noAttribution()
	}
	end := s.To
	for x := qj; x < s.To; x++ {
		if a.toks[x].Quoted {
			end = x
			break
		}
	}
	at := a.afterCue(qj, end)
	if !at.found() || at.cue < 0 || at.how != "cue" {
		return noAttribution()
	}
	vb := a.lx.verbs[a.toks[at.cue].Lower]
	if from, _, ok := a.contentStart(at.cue, s.To, vb); ok && from >= 0 {
		return noAttribution() // "Kellogg said the plan would work": speech of its own
	}
	if end < s.To {
		return noAttribution() // "McGurk later wrote, “…”" introduces the next quotation
	}
	return at
}

// cueAt tries token v as a speech cue whose subject lies in [lo, v).
func (a *analysis) cueAt(v, lo, hi int, quoteFrame bool) attribution {
	t := a.toks[v]
	if t.Quoted {
		return noAttribution()
	}
	if t.Lower == "according" && v+1 < hi && a.toks[v+1].Lower == "to" {
		np := a.byline(a.forwardNP(v+2, hi), hi)
		if np[1] > np[0] {
			return attribution{np: np, cue: v, cueEnd: v + 2, how: "according-to"}
		}
		return noAttribution()
	}
	vb, ok := a.lx.verbs[t.Lower]
	if !ok || t.Cap { // "the United States" is no cue
		return noAttribution()
	}
	if vb.Frames&frameOut != 0 && (v+1 >= len(a.toks) || a.toks[v+1].Lower != "out") {
		return noAttribution() // pointed to the table, not pointed out
	}
	if a.passive(v) {
		// "Gutierrez was described by the CBCP as “…”": the agent speaks
		if v+2 < hi && a.toks[v+1].Lower == "by" {
			if np := a.forwardNP(v+2, hi); np[1] > np[0] {
				return attribution{np: np, cue: v, how: "cue"}
			}
		}
		return noAttribution()
	}
	if strings.HasSuffix(t.Lower, "ing") {
		// ", writing, “…”", ", also observing, “…”": the subject of the
		// sentence speaks
		w := v - 1
		for w >= lo && a.toks[w].Word && isAdverb(a.toks[w].Lower) {
			w--
		}
		if w < lo || a.toks[w].Text != "," {
			// "with Zinichev describing the “…”"
			if np, ok := a.backNP(v, lo); ok && (a.toks[np[1]-1].Cap || a.toks[v-1].Lower == "as") {
				return attribution{np: np, cue: v, how: "cue"} // "KCNA quoted her as saying"
			}
			return noAttribution()
		}
		np := a.subjectOf(a.sents[a.sentOf[v]])
		if np[1] <= np[0] || np[1] >= v {
			return noAttribution()
		}
		return attribution{np: np, cue: v, how: "cue"}
	}
	np, ok := a.backNP(v, lo)
	if ok && vb.Frames&frameOn != 0 && a.lx.media[a.toks[np[1]-1].Lower] {
		return noAttribution() // "a statement posted to her account"
	}
	if !ok && v-1 >= lo && a.toks[v-1].Lower == "and" {
		// "A spokeswoman for the ministry said … and called …": the
		// subject of an earlier cue of the sentence; "The State Department
		// gave its sympathies and said …": the subject of the sentence.
		sent := a.sents[a.sentOf[v]]
		for u := v - 2; u >= sent.From && !ok; u-- {
			if _, isCue := a.lx.verbs[a.toks[u].Lower]; isCue && !a.toks[u].Cap && !a.toks[u].Quoted {
				np, ok = a.backNP(u, sent.From)
			}
		}
		if !ok {
			np = a.subjectOf(sent)
			ok = np[1] > np[0] && np[1] < v
		}
	}
	if !ok {
		return noAttribution()
	}
	return attribution{np: np, cue: v, how: "cue", medium: a.medium(v+1, hi, vb)}
}

// passive reports "is said to", "was told", which do not name a speaker.
func (a *analysis) passive(v int) bool {
	for x := v - 1; x >= 0 && x >= v-2; x-- {
		switch a.toks[x].Lower {
		case "is", "was", "were", "are", "be", "been", "being", "get", "got":
			return true
		}
		if !isAdverb(a.toks[x].Lower) {
			break
		}
	}
	return false
}

// colonIntro finds "X said:" closing the sentence or paragraph just before
// a quotation that has no cue of its own.
func (a *analysis) colonIntro(qi int) attribution {
	if qi == 0 {
		return noAttribution()
	}
	prev := qi - 1
	if a.toks[prev].Text != ":" || a.toks[prev].Quoted {
		return noAttribution()
	}
	s := a.sents[a.sentOf[prev]]
	for v := prev - 1; v >= s.From; v-- {
		if at := a.cueAt(v, s.From, prev, true); at.found() {
			at.how = "cue"
			return at
		}
	}
	// "Governor Edwards addressed the public: “…”": the subject of the
	// sentence the colon ends.
	if np := a.subjectOf(s); np[1] > np[0] {
		return attribution{np: np, cue: -1, how: "colon"}
	}
	return noAttribution()
}

// onlyQuotesBetween reports whether the text between two offsets is only
// white space, punctuation and quoted words: nothing of the writer's
// sentence that could introduce another speaker.
func (a *analysis) onlyQuotesBetween(from, to int) bool {
	if from > to {
		return false
	}
	for x := a.tokAt(from); x < len(a.toks) && a.toks[x].Start < to; x++ {
		t := a.toks[x]
		if t.Word && !t.Quoted {
			return false
		}
	}
	return true
}

// isScare reports a quotation that a name-giving word introduces:
// so-called "reset", dubbed "Robogee", the word "parole".
func (a *analysis) isScare(qi int) bool {
	for _, seq := range a.lx.scare {
		n := len(seq)
		if qi-n < 0 {
			continue
		}
		ok := true
		for k := 0; k < n; k++ {
			t := a.toks[qi-n+k]
			if t.Quoted || t.Lower != seq[k] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
		// "so-called" is one token.
		if n == 2 && a.toks[qi-1].Lower == seq[0]+"-"+seq[1] {
			return true
		}
	}
	return false
}

// medium finds the audience or medium after a cue: "told reporters",
// "wrote on X", "said in a statement", "said at a security conference".
func (a *analysis) medium(x, end int, vb verb) string {
	if x >= end {
		return ""
	}
	if vb.Frames&frameTell != 0 {
		np := a.objectNP(x, end)
		if np[1] > np[0] {
			return a.tokSpan(np[0], np[1]).Text
		}
		return ""
	}
	for k := x; k < end && k < x+4; k++ {
		switch a.toks[k].Lower {
		case "on", "in", "at", "to", "during", "via", "through":
		default:
			if timeWord[a.toks[k].Lower] && a.toks[k].Word {
				continue // said Monday in a statement
			}
			return ""
		}
		np := a.objectNP(k+1, end)
		if np[1] <= np[0] {
			continue
		}
		head := a.toks[np[1]-1]
		if a.lx.media[head.Lower] || a.lx.audiences[head.Lower] || (a.toks[k].Lower == "on" && head.Cap) {
			return a.tokSpan(np[0], np[1]).Text
		}
	}
	return ""
}

// objectNP reads a short noun phrase from x: an optional determiner, then
// words up to a preposition, a time word, a clause word or punctuation.
func (a *analysis) objectNP(x, end int) [2]int {
	j := x
	for j < end && j < x+6 {
		t := a.toks[j]
		if t.Lower == "of" && j > x && a.toks[j-1].Cap && j+1 < end && a.toks[j+1].Cap && a.toks[j+1].Word && !a.toks[j+1].Quoted {
			j++ // "the agency's Board of Governors"
			continue
		}
		if !t.Word || t.Quoted || functionWord[t.Lower] && !(j == x && determiner[t.Lower]) || timeWord[t.Lower] || j > x && isPreposition(t.Lower) {
			break // "told supporters outside the offices that"
		}
		if _, ok := a.lx.verbs[t.Lower]; ok {
			break
		}
		j++
	}
	return [2]int{x, j}
}

func onlyPunct(ts []token) bool {
	for _, t := range ts {
		if t.Word {
			return false
		}
	}
	return true
}

func countWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := isWordRune(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

func endsWithPunct(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', ',', '!', '?', '…', ':', ';', '—':
		return true
	}
	return false
}

// titleLike reports Title Case text with no sentence punctuation: a
// headline or work title in quotation marks.
func titleLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 {
		return true
	}
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	if strings.ContainsAny(s, ".!?,;") {
		return false
	}
	return caps*3 >= len(words)*2
}

// appositiveName returns the name set off by commas right after a
// lower-case description: in "said its head, Irena Volk, a former judge"
// the speaker is Irena Volk, not "its head". Otherwise np is unchanged.
func (a *analysis) appositiveName(np [2]int, end int) [2]int {
	if np[1] <= np[0] || np[1]+1 >= end || a.toks[np[1]].Text != "," || a.toks[np[1]-1].Cap {
		return np
	}
	k := np[1] + 1
	for k < end && k-np[1] <= 6 && a.toks[k].Word && a.toks[k].Cap && !a.toks[k].Quoted {
		k++
	}
	if k == np[1]+1 || !(k == end || a.toks[k].Text == "," || a.toks[k].Text == "." || a.toks[k].Text == ";") {
		return np
	}
	if a.mentionFor(np[1]+1, k) == nil {
		return np
	}
	return [2]int{np[1] + 1, k}
}
