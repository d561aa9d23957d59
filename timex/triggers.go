package timex

import (
	"sort"
	"strings"
)

// Every rule needs a head word: a month or weekday name, a unit of time, a
// number... Rather than run every regular expression over the whole body,
// the tagger first lists the head words (triggers) in one pass, and runs
// each rule only over windows of text around the triggers it needs.

type trigger uint16

const (
	tDigit trigger = 1 << iota // any run of digits
	tYear                      // a run of exactly four digits
	tMonth
	tWeekday
	tUnit
	tRelDay
	tHoliday
	tNoon
	tSetAdverb
)

var triggerWords = func() map[string]trigger {
	m := map[string]trigger{}
	add := func(t trigger, words ...string) {
		for _, w := range words {
			m[w] |= t
		}
	}
	for w := range monthWords {
		add(tMonth, w)
	}
	for w := range weekdayWords {
		add(tWeekday|tHoliday, w)
		add(tWeekday, w+"s")
	}
	for u := range unitDesignators {
		add(tUnit, u, u+"s")
	}
	for w := range decadeWords {
		add(tUnit, w)
	}
	add(tUnit, "centuries", "millennia", "weekend", "weekends", "quarter", "spring", "summer", "autumn", "fall", "winter",
		"Spring", "Summer", "Autumn", "Fall", "Winter", "Years", "Decades", "Days", "Weeks", "Months", "Hours")
	add(tRelDay, "today", "tonight", "yesterday", "tomorrow", "morning", "afternoon", "evening", "night",
		"Today", "Tonight", "Yesterday", "Tomorrow")
	add(tHoliday, "Christmas", "Easter", "Halloween", "Pentecost", "Day", "Eve")
	add(tNoon, "noon", "midday", "midnight", "Noon", "Midday", "Midnight")
	for w := range setAdverbs {
		add(tSetAdverb, w)
	}
	return m
}()

// reach says which triggers a rule needs and how far, in bytes, its
// match may start before a trigger and end after it.
type reach struct {
	needs         trigger
	before, after int
}

var ruleReach = map[string]reach{
	"date:iso": {tYear, 1, 8}, "date:numeric": {tDigit, 1, 12}, "date:year": {tYear, 8, 1}, "time:military": {tYear, 1, 12},
	"date:decade": {tDigit, 12, 4}, "date:decade-word": {tUnit, 16, 1}, "date:part-of-period": {tUnit, 36, 5},
	"date:nine-eleven": {tDigit, 1, 3}, "date:short-year": {tDigit, 5, 1}, "time:clock": {tDigit, 4, 12}, "time:clock24": {tDigit, 1, 18},
	"date:mdy": {tMonth, 12, 12}, "date:dmy": {tMonth, 28, 10}, "date:md": {tMonth, 12, 7},
	"date:dm": {tMonth, 28, 1}, "date:month-year": {tMonth, 22, 12},
	"date:month-relative-year": {tMonth, 22, 20}, "date:month": {tMonth, 22, 1},
	"date:century": {tUnit, 32, 1}, "date:holiday": {tHoliday, 14, 16},
	"date:weekday": {tWeekday, 18, 12}, "date:relative-day": {tRelDay | tUnit, 26, 12},
	"date:relative-period": {tUnit, 40, 1}, "date:season-year": {tUnit, 14, 12},
	"date:ago": {tUnit, 48, 12}, "date:anaphoric": {tUnit | tRelDay, 24, 12}, "duration:anchored": {tUnit, 56, 1}, "duration:count": {tUnit, 48, 8},
	"duration:vague": {tUnit, 28, 1}, "duration:vague-of": {tUnit, 1, 4}, "set:frequency": {tUnit, 24, 1},
	"set:every": {tUnit | tWeekday, 36, 1}, "set:weekdays": {tWeekday, 4, 2}, "set:adverb": {tSetAdverb, 1, 1},
	"time:noon": {tNoon, 1, 1},
}

// span is a half-open byte range of the body.
type span struct{ start, end int }

// triggersOf lists the triggers of body in text order.
func triggersOf(body string) (pos []span, kind []trigger) {
	for i := 0; i < len(body); {
		c := body[i]
		switch {
		case isDigit(c):
			j := i
			for j < len(body) && isDigit(body[j]) {
				j++
			}
			k := tDigit
			if j-i == 4 {
				k |= tYear
			}
			pos, kind = append(pos, span{i, j}), append(kind, k)
			i = j
		case isLetter(c):
			j := i
			for j < len(body) && isLetter(body[j]) {
				j++
			}
			if t := triggerWords[body[i:j]]; t != 0 {
				pos, kind = append(pos, span{i, j}), append(kind, t)
			} else if c <= 'Z' && j-i <= 10 && triggerWords[strings.ToLower(body[i:j])]&tUnit != 0 {
				pos, kind = append(pos, span{i, j}), append(kind, tUnit)
			}
			i = j
		default:
			i++
		}
	}
	return pos, kind
}

// maxTrigger bounds the length of a trigger word when sizing the text a
// rule is tried on.
const maxTrigger = 16

// wordStarts lists the offsets where a word, a number or an apostrophe
// ("’80s") starts: the only places a match may start.
func wordStarts(body string) []int {
	var out []int
	for i := 0; i < len(body); i++ {
		c := body[i]
		if !(isLetter(c) || isDigit(c) || c == '\'' || c == 0xE2 && strings.HasPrefix(body[i:], "’")) {
			continue
		}
		if i > 0 && (isLetter(body[i-1]) || isDigit(body[i-1])) {
			continue
		}
		out = append(out, i)
	}
	return out
}

// matchStarts returns, in order and without repeats, the word starts from
// which rule r is worth trying: those at most r.reach.before bytes before
// a trigger of the kinds it needs that passes its gate.
func matchStarts(body string, words []int, pos []span, kind []trigger, r rule) []int {
	var out []int
	last := -1
	for i, p := range pos {
		if kind[i]&r.reach.needs == 0 || r.gate != nil && !r.gate(body, p) {
			continue
		}
		lo := sort.SearchInts(words, p.start-r.reach.before)
		for k := lo; k < len(words) && words[k] <= p.start; k++ {
			if words[k] > last {
				out = append(out, words[k])
				last = words[k]
			}
		}
	}
	return out
}

func widen(body string, start, end int) (int, int) {
	if start <= 0 {
		start = 0
	} else {
		for start > 0 && !isSpace(body[start-1]) {
			start--
		}
	}
	if end >= len(body) {
		end = len(body)
	} else {
		for end < len(body) && !isSpace(body[end]) {
			end++
		}
	}
	return start, end
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// gates are cheap checks on a trigger, run before a rule's regular
// expression is: most triggers of a rule cannot start one of its matches
// ("years" with no number before it cannot be "three years"). A rule
// without a gate looks at every trigger of its kinds. The windows test
// checks that the gates lose nothing against a full scan.
var gates = map[string]func(b string, p span) bool{
	"date:iso": func(b string, p span) bool { return byteAt(b, p.end) == '-' && isDigit(byteAt(b, p.end+1)) },
	"date:numeric": func(b string, p span) bool {
		c := byteAt(b, p.end)
		return (c == '/' || c == '.') && isDigit(byteAt(b, p.end+1)) && p.end-p.start <= 4
	},
	"time:military": func(b string, p span) bool { return clockZone[strings.ToLower(nextWord(b, p.end))] },
	"date:decade": func(b string, p span) bool {
		return byteAt(b, p.end) == 's' || strings.HasPrefix(b[p.end:], "'s") || strings.HasPrefix(b[p.end:], "’s")
	},
	"date:part-of-period": func(b string, p span) bool {
		return strings.Contains(b[max(0, p.start-36):p.start], " of ") || strings.HasPrefix(b[p.end:], " end") || strings.HasPrefix(b[p.end:], "-end")
	},
	"date:short-year": func(b string, p span) bool {
		return p.end-p.start == 2 && (byteAt(b, p.start-1) == '\'' || strings.HasSuffix(b[:p.start], "’")) && byteAt(b, p.end) != 's'
	},
	"date:nine-eleven": func(b string, p span) bool { return b[p.start:p.end] == "9" && strings.HasPrefix(b[p.end:], "/11") },
	"time:clock": func(b string, p span) bool {
		return p.end-p.start <= 2 && strings.ContainsAny(b[p.end:min(len(b), p.end+6)], "apAP")
	},
	"time:clock24": func(b string, p span) bool { return p.end-p.start <= 2 && byteAt(b, p.end) == ':' },
	"date:mdy":     digitAfter, "date:md": digitAfter, "date:month-year": digitAfter,
	"date:dmy": digitBefore, "date:dm": digitBefore,
	"date:month-relative-year": func(b string, p span) bool {
		return strings.Contains(b[p.end:min(len(b), p.end+22)], "year")
	},
	"date:century": func(b string, p span) bool { return strings.HasPrefix(strings.ToLower(b[p.start:p.end]), "centur") },
	"date:relative-day": func(b string, p span) bool {
		return relDayHeads[strings.ToLower(b[p.start:p.end])]
	},
	"date:relative-period": func(b string, p span) bool { return periodMods[strings.ToLower(prevWord(b, p.start))] },
	"date:season-year": func(b string, p span) bool {
		_, ok := seasons[strings.ToLower(b[p.start:p.end])]
		return ok && strings.IndexFunc(b[p.end:min(len(b), p.end+8)], func(r rune) bool { return r >= '0' && r <= '9' }) >= 0
	},
	"date:ago":          func(b string, p span) bool { return agoWords[strings.ToLower(nextWord(b, p.end))] },
	"duration:anchored": func(b string, p span) bool { return strings.Contains(b[max(0, p.start-56):p.start], "he ") },
	"duration:count":    countBefore,
	"duration:vague": func(b string, p span) bool {
		return b[p.end-1] == 's' && vagueHeads[strings.ToLower(prevWord(b, p.start))]
	},
	"duration:vague-of": func(b string, p span) bool { return b[p.end-1] == 's' && nextWord(b, p.end) == "of" },
	"set:frequency":     func(b string, p span) bool { return perHeads[strings.ToLower(prevWord(b, p.start))] },
	"set:every": func(b string, p span) bool {
		w := strings.ToLower(b[max(0, p.start-36):p.start])
		return strings.Contains(w, "every") || strings.Contains(w, "each")
	},
	"set:weekdays": func(b string, p span) bool { return b[p.end-1] == 's' },
}

var (
	clockZone   = set("gmt", "utc", "hours", "hrs", "local")
	relDayHeads = set("today", "tonight", "yesterday", "tomorrow", "morning", "afternoon", "evening", "night", "day")
	periodMods  = set("last", "next", "this", "coming", "past")
	agoWords    = set("ago", "earlier", "later", "before", "after", "from", "hence")
	vagueHeads  = set("for", "in", "over", "within", "after", "spanning", "of", "recent", "many", "several", "past", "last")
	perHeads    = set("a", "an", "per", "each", "every")
	countHeads  = set("few", "several", "many", "some", "dozen", "of", "half", "hundred", "couple")
)

func digitAfter(b string, p span) bool {
	i := p.end
	for i < len(b) && (b[i] == '.' || b[i] == ',' || b[i] == ' ' || b[i] == '\n') && i < p.end+3 {
		i++
	}
	if strings.HasPrefix(b[i:], "of ") {
		i += 3
	}
	return isDigit(byteAt(b, i))
}

func digitBefore(b string, p span) bool {
	w := prevWord(b, p.start)
	if w == "of" || w == "the" {
		return true
	}
	w = strings.TrimRight(w, "stndrh")
	return w != "" && isDigit(w[len(w)-1])
}

// countBefore: a number right before a unit ("three days", "20-year",
// "a decade-old", "several months").
func countBefore(b string, p span) bool {
	if byteAt(b, p.start-1) == '-' {
		return true
	}
	w := strings.ToLower(prevWord(b, p.start))
	if w == "" {
		return false
	}
	if isDigit(w[len(w)-1]) {
		return true
	}
	_, num := numberWords[w]
	return num || countHeads[w]
}

// prevWord is the word before offset i across spaces; nextWord the one
// after offset i.
func prevWord(b string, i int) string {
	for i > 0 && isSpace(b[i-1]) {
		i--
	}
	end := i
	for i > 0 && (isLetter(b[i-1]) || isDigit(b[i-1]) || b[i-1] == '.' || b[i-1] == ',') {
		i--
	}
	return strings.Trim(b[i:end], ".,")
}

func nextWord(b string, i int) string {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	start := i
	for i < len(b) && isLetter(b[i]) {
		i++
	}
	return b[start:i]
}
