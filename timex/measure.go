package timex

// Handlers of durations, sets and clock times.

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/dragoman-news/dragoman"
)

// count reads a number, spelled out or in digits; known is false for
// "several", "a few".
func count(x string) (n float64, known bool) {
	x = strings.ToLower(strings.Join(strings.Fields(x), " "))
	if x == "" {
		return 0, false
	}
	if v, ok := numberWords[x]; ok {
		return v, true
	}
	if vagueCounts[x] {
		return 0, false
	}
	if i := strings.IndexAny(x, "- "); i > 0 {
		return numberWords[x[:i]] + numberWords[x[i+1:]], true
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(x, ",", ""), 64)
	return v, err == nil
}

// unitName reduces "centuries", "Years" to the singular key of the unit
// tables.
func unitName(x string) string {
	x = strings.ToLower(x)
	switch x {
	case "centuries":
		return "century"
	case "millennia":
		return "millennium"
	}
	return strings.TrimSuffix(x, "s")
}

func anchoredDuration(s *scan, m []int) (cand, bool) {
	rel := strings.ToLower(s.group(m, 1))
	approx := s.group(m, 2) != ""
	n, known := count(s.group(m, 3))
	unit := unitName(s.group(m, 4))
	c := cand{start: m[0], end: m[1], kind: "duration", value: durationValue(n, known, unit), approx: approx || !known, rule: "duration:anchored"}
	dir := 0
	switch rel {
	case "past", "last":
		dir = -1
	case "next", "coming":
		dir = 1
	}
	if dir != 0 && known && s.noPubFor("day") == "" {
		if other, ok := durationBack(s.pub, n, unit, dir); ok {
			c.resolved = true
			c.p = period{begin: other, end: s.pub}
			if dir > 0 {
				c.p = period{begin: s.pub, end: other}
			}
		}
	}
	if dir == 0 {
		c.rule = "duration:count"
	}
	return c, true
}

// countDuration reads "three days", "more than 20 years", "a decade-old",
// "18-month"; "$5bn a year" is a frequency.
func countDuration(s *scan, m []int) (cand, bool) {
	approx := s.group(m, 1) != ""
	num := strings.ToLower(s.group(m, 2))
	n, known := count(num)
	unit := unitName(s.group(m, 3))
	if unit == "second" && (num == "a" || num == "one") {
		return cand{}, false // "a second round"
	}
	if (num == "one" || num == "a") && unit == "day" && !approx && !isHyphen(s.body, s.groupStart(m, 3)-1) {
		if w := strings.ToLower(s.wordAfter(m[1])); w != "" && w != "after" && w != "before" && w != "later" && w != "earlier" && w != "of" && w != "in" {
			return cand{}, false // "one day he will", "a day to remember" stays
		}
	}
	if (num == "a" || num == "an" || num == "one") && !approx {
		prev := strings.ToLower(s.wordBefore(m[0]))
		if prev != "" && (isDigit(prev[len(prev)-1]) || perWords[prev]) {
			return cand{start: s.groupStart(m, 2), end: m[1], kind: "set", value: durationValue(1, true, unit), rule: "set:per"}, true
		}
	}
	if n >= 1000 && !strings.HasSuffix(strings.ToLower(s.group(m, 3)), "s") && !isHyphen(s.body, s.groupStart(m, 3)-1) {
		return cand{}, false // "2018 day five"
	}
	c := cand{start: m[0], end: m[1], kind: "duration", value: durationValue(n, known, unit), approx: approx || !known}
	if s.group(m, 4) != "" || isHyphen(s.body, s.groupStart(m, 3)-1) {
		c.rule = "duration:adjective"
	}
	// "a decade-old agreement": keep the article before the adjective.
	return c, c.value != ""
}

var perWords = set("once", "twice", "times", "million", "billion", "thousand",
	"trillion", "dollars", "euros", "pounds", "percent", "hundred", "bn", "m")

func isHyphen(b string, i int) bool { return i >= 0 && i < len(b) && b[i] == '-' }

func vagueDuration(s *scan, m []int) (cand, bool) {
	start := m[2]
	if start < 0 {
		start = m[4]
	}
	unit := unitName(s.group(m, 2))
	mod := strings.ToLower(s.group(m, 1))
	c := cand{start: start, end: m[1], kind: "duration", value: durationValue(0, false, unit), approx: true, rule: "duration:vague"}
	if strings.HasPrefix(mod, "recent") {
		c.kind, c.value, c.rule = "date", "PAST_REF", "date:recent"
	}
	return c, true
}

func vagueOf(s *scan, m []int) (cand, bool) {
	unit := unitName(s.group(m, 1))
	return cand{start: m[2], end: m[3], kind: "duration", value: durationValue(0, false, unit), approx: true, rule: "duration:vague"}, true
}

func frequency(s *scan, m []int) (cand, bool) {
	times := map[string]int{"once": 1, "twice": 2, "three times": 3, "four times": 4}
	k := strings.ToLower(s.group(m, 1))
	n, ok := times[k]
	if !ok {
		n = atoi(strings.Fields(k)[0])
	}
	unit := unitName(s.group(m, 2))
	return cand{start: m[0], end: m[1], kind: "set", value: durationValue(1, true, unit), rule: fmt.Sprintf("set:frequency; %d times", n)}, true
}

func every(s *scan, m []int) (cand, bool) {
	if wd := s.group(m, 4); wd != "" {
		return cand{start: m[0], end: m[1], kind: "set", value: fmt.Sprintf("XXXX-WXX-%d", isoWeekday(weekdayWords[wd]))}, true
	}
	n, known := 1.0, true
	if s.group(m, 1) != "" {
		n = 2
	} else if s.group(m, 2) != "" {
		n, known = count(s.group(m, 2))
	}
	return cand{start: m[0], end: m[1], kind: "set", value: durationValue(n, known, unitName(s.group(m, 3)))}, true
}

func isoWeekday(w time.Weekday) int { return (int(w)+6)%7 + 1 }

func weekdayPlural(s *scan, m []int) (cand, bool) {
	wd := weekdayWords[s.group(m, 1)]
	start := s.groupStart(m, 1)
	return cand{start: start, end: m[1], kind: "set", value: fmt.Sprintf("XXXX-WXX-%d", isoWeekday(wd))}, true
}

func setAdverb(s *scan, m []int) (cand, bool) {
	if startsCapitalized(s.wordAfter(m[1])) {
		return cand{}, false // "the daily Kommersant"
	}
	return cand{start: m[0], end: m[1], kind: "set", value: setAdverbs[s.group(m, 1)]}, true
}

// clock candidates carry their time in timeOfDay ("15:00") and are placed
// on the publication day unless mergeClock joins them to a day.
func (s *scan) clock(m []int, h, min int, rule string) (cand, bool) {
	if h > 23 || min > 59 {
		return cand{}, false
	}
	hm := fmt.Sprintf("%02d:%02d", h, min)
	c := cand{start: m[0], end: m[1], kind: "time", timeOfDay: hm, rule: rule}
	if s.noPubFor("day") == "" {
		c.p, c.resolved = dayPeriod(s.pub), true
		c.p.precision = dragoman.PrecisionMinute
		c.value = s.pub.Format(dayLayout) + "T" + hm
		c.rule += "; on publication day"
	} else {
		c.value = "T" + hm
	}
	return c, true
}

func clockAMPM(s *scan, m []int) (cand, bool) {
	h, min := atoi(s.group(m, 1)), atoi(s.group(m, 2))
	if h < 1 || h > 12 {
		return cand{}, false
	}
	if strings.HasPrefix(strings.ToLower(s.group(m, 3)), "p") && h != 12 {
		h += 12
	} else if strings.HasPrefix(strings.ToLower(s.group(m, 3)), "a") && h == 12 {
		h = 0
	}
	return s.clock(m, h, min, "time:clock")
}

var clockCue = set("at", "by", "until", "till", "from", "before", "after", "around", "about", "since", "to", "between", "and")

func clock24(s *scan, m []int) (cand, bool) {
	if s.group(m, 3) == "" && !clockCue[strings.ToLower(s.wordBefore(m[0]))] {
		return cand{}, false // "won 2:1", "John 3:16"
	}
	return s.clock(m, atoi(s.group(m, 1)), atoi(s.group(m, 2)), "time:clock24")
}

func military(s *scan, m []int) (cand, bool) {
	return s.clock(m, atoi(s.group(m, 1)), atoi(s.group(m, 2)), "time:clock24")
}

func noon(s *scan, m []int) (cand, bool) {
	h := 12
	if strings.EqualFold(s.group(m, 1), "midnight") {
		h = 0
	}
	return s.clock(m, h, 0, "time:noon")
}
