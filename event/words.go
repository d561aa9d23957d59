package event

import "strings"

// Word classes the shallow parser needs. They are closed classes of
// English: no verb or noun of the lexicons belongs here.
type class uint8

const (
	cContent class = iota
	cPunct
	cConj
	cPrep
	cDet
	cAux
	cModal
	cNeg
	cSub
	cPron
	cAdverb
	cTo
)

var closedClass = map[string]class{}

func init() {
	add := func(c class, words string) {
		for _, w := range strings.Fields(words) {
			closedClass[w] = c
		}
	}
	add(cConj, "AND OR NOR BUT")
	add(cPrep, "OF IN ON AT WITH BY FOR FROM INTO OVER AGAINST ABOUT TOWARD TOWARDS BETWEEN AMONG AMONGST DURING NEAR UNDER THROUGH ACROSS VIA WITHOUT WITHIN LIKE THAN UPON ALONG AROUND BEHIND BEYOND DESPITE AMID INSIDE OUTSIDE ONTO PER REGARDING CONCERNING")
	add(cDet, "A AN THE ITS THEIR HIS HER THIS THESE THOSE SOME ANY ALL BOTH EACH EVERY NO OUR MY YOUR ANOTHER NEITHER EITHER SUCH")
	add(cAux, "IS ARE WAS WERE BE BEEN BEING AM HAS HAVE HAD HAVING DO DOES DID")
	add(cModal, "WILL WOULD CAN COULD SHOULD MAY MIGHT MUST SHALL WO CA 'LL 'D")
	add(cNeg, "NOT N'T NEVER")
	add(cSub, "THAT WHICH WHO WHOM WHOSE WHEN WHERE WHILE IF BECAUSE ALTHOUGH THOUGH WHETHER UNLESS WHEREAS AFTER BEFORE UNTIL SINCE AS ONCE")
	add(cPron, "HE SHE IT THEY WE I YOU HIM THEM US ME HERSELF HIMSELF THEMSELVES ITSELF")
	add(cAdverb, "AGAIN NOW ALSO ALREADY STILL JUST EVER EVEN SOON THEN REALLY ALMOST VERY YET LATER EARLIER TODAY TONIGHT YESTERDAY TOMORROW HERE THERE MOST ONLY NEVERTHELESS HOWEVER")
	add(cTo, "TO")
}

// classOf returns the class of an upper-case token.
func classOf(up string) class {
	if c, ok := closedClass[up]; ok {
		return c
	}
	if up == "" {
		return cPunct
	}
	r := up[0]
	if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r >= 0x80) {
		if up == "'S" || up == "'" {
			return cContent // possessive marker, inside a noun phrase
		}
		return cPunct
	}
	if len(up) > 4 && strings.HasSuffix(up, "LY") && up != "FAMILY" && up != "ITALY" && up != "SUPPLY" && up != "ALLY" && up != "RALLY" && up != "REPLY" && up != "ASSEMBLY" {
		return cAdverb
	}
	return cContent
}

// subordinators that close the search for a target: what follows is
// another clause.
var targetBarrier = map[string]bool{
	"AFTER": true, "BEFORE": true, "WHEN": true, "WHILE": true, "BECAUSE": true,
	"ALTHOUGH": true, "THOUGH": true, "UNLESS": true, "UNTIL": true, "WHEREAS": true,
	"WHICH": true, "WHO": true, "WHOM": true, "WHOSE": true, "WHERE": true, ";": true,
	":": true, "BUT": true, "SINCE": true,
}

// adjectives that may be joined by "and" inside one noun phrase ("awful and
// evil minister").
func adjectiveLike(t token) bool {
	w := t.Up
	if t.Text == "" || !(t.Text[0] >= 'a' && t.Text[0] <= 'z') {
		return false
	}
	switch w {
	case "EVIL", "COOL", "GOOD", "BAD", "OLD", "NEW", "BIG", "SMALL", "GREAT", "FULL",
		"SENIOR", "MAIN", "TOP", "POOR", "RICH", "STRONG", "WEAK", "FREE", "FAIR", "FIRM", "CLOSE":
		return true
	}
	for _, s := range []string{"FUL", "OUS", "IVE", "AL", "IC", "LESS", "ABLE", "IBLE", "ISH", "ARY", "ENT", "ANT"} {
		if strings.HasSuffix(w, s) && len(w) >= len(s)+2 {
			return true
		}
	}
	return false
}

// nouns whose "to" complement is not a clause of its own ("efforts to
// stop", "a place to visit").
func nounBeforeTo(t token) bool {
	if t.Text == "" || !(t.Text[0] >= 'a' && t.Text[0] <= 'z') {
		return false
	}
	w := t.Up
	if allowedBeforeTo(t) {
		return false
	}
	if participleLike(w) || strings.HasSuffix(w, "ING") {
		return false
	}
	return classOf(w) == cContent
}

// participleLike reports whether an upper-case word looks like a past
// participle or past tense ("noted", "begun", "known", "held").
func participleLike(w string) bool {
	if len(w) > 3 && (strings.HasSuffix(w, "ED") || strings.HasSuffix(w, "EN") || strings.HasSuffix(w, "WN") || strings.HasSuffix(w, "UN")) {
		return true
	}
	switch w {
	case "MADE", "DONE", "GONE", "SEEN", "SAID", "HELD", "LEFT", "MET", "KEPT", "PUT", "GOT", "BROUGHT",
		"THOUGHT", "TOLD", "FOUND", "SENT", "LENT", "SHOT", "FOUGHT", "HIT", "SANK", "BEGAN", "WON", "LOST", "LED", "SOUGHT", "CAUGHT", "STRUCK",
		"STOOD", "FROZE", "WITHDREW", "BROKE":
		return true
	}
	return false
}

// allowedBeforeTo: words that let a verb after "to" keep the subject found
// before them ("is about to", "was seen to", "will try to").
func allowedBeforeTo(t token) bool {
	w := t.Up
	switch classOf(w) {
	case cAux, cModal, cAdverb, cNeg:
		return true
	}
	switch w {
	case "ABOUT", "ABLE", "READY", "WILLING", "GOING", "SEEM", "SEEMS", "TRY", "TRIES", "WANT", "WANTS", "PLAN", "PLANS",
		"CONTINUE", "CONTINUES", "AGREE", "AGREES", "APPEAR", "APPEARS", "NEED", "NEEDS", "LIKELY", "UNLIKELY", "SET", "DUE",
		"HOPE", "HOPES", "INTEND", "INTENDS", "EXPECT", "EXPECTS", "REFUSE", "REFUSES", "DECIDE", "DECIDES", "PREPARED", "EAGER":
		return true
	}
	return participleLike(w) || strings.HasSuffix(w, "ING")
}
