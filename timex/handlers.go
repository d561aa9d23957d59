package timex

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/dragoman-news/dragoman"
)

// Handlers turn a rule's match (submatch indices m) into a candidate. They
// return false to drop the match.

const noPub = "; unresolved: no publication date"

// noPubFor says why an expression in the given unit cannot be resolved
// ("" when it can): there is no publication date, or it is known only to
// the month or the year ("last week" needs the day; "last year" only the
// year).
func (s *scan) noPubFor(unit string) string {
	if !s.hasPub {
		return noPub
	}
	need := dragoman.PrecisionDay
	switch unit {
	case "month", "quarter", "spring", "summer", "autumn", "fall", "winter":
		need = dragoman.PrecisionMonth
	case "year", "decade", "century", "millennium":
		need = dragoman.PrecisionYear
	}
	have := s.pubPrecision
	h, known := precisionRank[have]
	if !known || have == dragoman.PrecisionMinute {
		return "" // minute, second, or not said: the day is known
	}
	if h > precisionRank[need] {
		return "; unresolved: publication date known only to the " + string(have)
	}
	return ""
}

func (s *scan) group(m []int, i int) string {
	if 2*i+1 >= len(m) || m[2*i] < 0 {
		return ""
	}
	return s.body[m[2*i]:m[2*i+1]]
}

func (s *scan) groupStart(m []int, i int) int { return m[2*i] }

func atoi(x string) int { n, _ := strconv.Atoi(strings.ReplaceAll(x, ",", "")); return n }

func month(x string) time.Month { return monthWords[strings.TrimSuffix(x, ".")] }

func dateCand(m []int, kind string, p period) cand {
	return cand{start: m[0], end: m[1], kind: kind, p: p, resolved: true}
}

// unresolved is a candidate found but not placed in time, with a reason.
func unresolved(m []int, kind, why string) cand {
	return cand{start: m[0], end: m[1], kind: kind, rule: why}
}

// parseDay checks the numbers of a written-out date ("Feb. 24, 2022"):
// they are exact, so no parser is needed, only a calendar check.
func (s *scan) parseDay(y int, mo time.Month, d int) (time.Time, bool) {
	if !validDay(y, mo, d) {
		return time.Time{}, false
	}
	return day(y, mo, d), true
}

// numericDate reads "24/02/2022", "3.4.2022", "2022/02/24" with
// go-dateparser, which knows the orders of day, month and year. When both
// first numbers could be the month, English order (month first) is taken
// and the rule says so.
func numericDate(s *scan, m []int) (cand, bool) {
	a, sep1, b, sep2, c := s.group(m, 1), s.group(m, 2), s.group(m, 3), s.group(m, 4), s.group(m, 5)
	if sep1 != sep2 || len(a) == 3 || len(a) == 4 && len(c) == 4 || len(a) != 4 && len(c) != 4 && (sep1 == "." || len(c) != 2) {
		return cand{}, false // "1.2.10" is a version, "2019/2020" a season
	}
	t := s.tagger
	got, err := t.parser.Parse(t.cfg, s.body[m[0]:m[1]])
	if err != nil || got.Time.IsZero() {
		return cand{}, false
	}
	y, mo, d := got.Time.Date()
	if y < 1000 {
		return cand{}, false
	}
	cd := dateCand(m, "date", dayPeriod(day(y, mo, d)))
	cd.rule = "date:numeric"
	if len(a) <= 2 && atoi(a) <= 12 && atoi(b) <= 12 && a != b {
		cd.rule += "; ambiguous order, read month first"
	}
	return cd, true
}

func isoDate(s *scan, m []int) (cand, bool) {
	y, mo, d := atoi(s.group(m, 1)), time.Month(atoi(s.group(m, 2))), atoi(s.group(m, 3))
	t, ok := s.parseDay(y, mo, d)
	if !ok || y < 1000 {
		return cand{}, false
	}
	return dateCand(m, "date", dayPeriod(t)), true
}

func monthDayYear(s *scan, m []int) (cand, bool) {
	mo, d, y := month(s.group(m, 2)), atoi(s.group(m, 3)), atoi(s.group(m, 4))
	t, ok := s.parseDay(y, mo, d)
	if !ok {
		return cand{}, false
	}
	return dateCand(m, "date", dayPeriod(t)), true
}

func dayMonthYear(s *scan, m []int) (cand, bool) {
	d, mo, y := atoi(s.group(m, 2)), month(s.group(m, 3)), atoi(s.group(m, 4))
	t, ok := s.parseDay(y, mo, d)
	if !ok {
		return cand{}, false
	}
	return dateCand(m, "date", dayPeriod(t)), true
}

// monthDay resolves a date without a year ("March 5") to the year that
// fits the tense of its clause, or else the one nearest publication.
func monthDay(s *scan, m []int) (cand, bool) {
	return s.dayNoYear(m, month(s.group(m, 2)), atoi(s.group(m, 3)))
}

func dayMonth(s *scan, m []int) (cand, bool) {
	return s.dayNoYear(m, month(s.group(m, 3)), atoi(s.group(m, 2)))
}

func (s *scan) dayNoYear(m []int, mo time.Month, d int) (cand, bool) {
	if d < 1 || d > 31 || mo == 0 {
		return cand{}, false
	}
	if why := s.noPubFor("year"); why != "" {
		return unresolved(m, "date", "date:month-day"+why), validDay(2000, mo, d)
	}
	return s.nearestYear(m, "date:month-day", func(y int) (time.Time, bool) {
		return day(y, mo, d), validDay(y, mo, d)
	})
}

// nearestYear places a day given without its year in the year before,
// of, or after publication: the one the tense of the clause allows that
// is nearest to publication.
func (s *scan) nearestYear(m []int, rule string, dayIn func(y int) (time.Time, bool)) (cand, bool) {
	tense := s.tense(m[0], m[1])
	best, found := time.Time{}, false
	for _, y := range []int{s.pub.Year() - 1, s.pub.Year(), s.pub.Year() + 1} {
		t, ok := dayIn(y)
		if !ok {
			continue
		}
		// A date a month on the wrong side of publication still fits the
		// tense: "is to run from January 23" written on January 28.
		switch {
		case tense > 0 && t.Before(s.pub.AddDate(0, 0, -tenseSlack)), tense < 0 && t.After(s.pub.AddDate(0, 0, 1)):
			continue
		}
		if !found || absDays(t, s.pub) < absDays(best, s.pub) {
			best, found = t, true
		}
	}
	if !found {
		return cand{}, false
	}
	c := dateCand(m, "date", dayPeriod(best))
	c.rule = rule + tenseNote(tense)
	return c, true
}

// tenseSlack is how many days before publication a date without a year
// may lie in a clause in the future tense (an event under way). In the
// past tense a date may lie one day after publication (time zones).
const tenseSlack = 31

func absDays(a, b time.Time) float64 {
	d := a.Sub(b).Hours()
	if d < 0 {
		d = -d
	}
	return d
}

func tenseNote(t int) string {
	switch {
	case t > 0:
		return "; future"
	case t < 0:
		return "; past"
	}
	return ""
}

func monthYear(s *scan, m []int) (cand, bool) {
	mo, y := month(s.group(m, 2)), atoi(s.group(m, 3))
	if mo == 0 || y < 1000 || y > 2199 {
		return cand{}, false
	}
	part := partWord(s.group(m, 1))
	c := dateCand(m, "date", monthPeriod(y, mo).part(part))
	c.approx = part != ""
	return c, true
}

// partWord reduces "the end of", "mid" and friends to early, mid or late.
func partWord(x string) string {
	x = strings.ToLower(x)
	switch {
	case x == "":
		return ""
	case strings.Contains(x, "early"), strings.Contains(x, "beginning"), strings.Contains(x, "start"):
		return "early"
	case strings.Contains(x, "mid"):
		return "mid"
	default:
		return "late"
	}
}

// monthWithoutYearCue are the words after which a bare month name is a
// month and not a name ("in May", "since March").
var monthCue = set("in", "since", "by", "until", "till", "from", "through",
	"during", "of", "between", "and", "to", "before", "after", "early", "late",
	"mid", "last", "next", "this", "on", "or", "around", "until", "throughout")

func monthAlone(s *scan, m []int) (cand, bool) {
	part, rel, name := s.group(m, 1), strings.ToLower(s.group(m, 2)), s.group(m, 3)
	if part == "" && rel == "" && !monthCue[strings.ToLower(s.wordBefore(m[0]))] {
		return cand{}, false
	}
	if name == "May" && part == "" && rel == "" && startsCapitalized(s.wordAfter(m[1])) {
		return cand{}, false // "in May Smith's view"
	}
	mo := monthWords[name]
	if why := s.noPubFor("month"); why != "" {
		return unresolved(m, "date", "date:month"+why), true
	}
	py, pm := s.pub.Year(), s.pub.Month()
	y := py
	note := ""
	switch rel {
	case "last", "this past", "past":
		if mo >= pm {
			y--
		}
	case "next", "this coming", "coming":
		if mo <= pm {
			y++
		}
	case "this":
	default:
		tense := s.tense(m[0], m[1])
		note = tenseNote(tense)
		switch {
		case mo > pm && tense < 0:
			y--
		case mo < pm && tense > 0:
			y++
		case tense == 0 && int(mo)-int(pm) > 6:
			y-- // the nearer of the two
		case tense == 0 && int(pm)-int(mo) > 6:
			y++
		}
		if tense == 0 {
			note = "; nearest"
		}
	}
	p := partWord(part)
	c := dateCand(m, "date", monthPeriod(y, mo).part(p))
	c.approx = p != ""
	c.rule = "date:month" + note
	return c, true
}

func startsCapitalized(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

func yearAlone(s *scan, m []int) (cand, bool) {
	y := atoi(s.group(m, 2))
	if y < 1000 || y > 2100 {
		return cand{}, false
	}
	ys := s.groupStart(m, 2)
	before := strings.ToLower(s.wordBefore(ys))
	after := strings.ToLower(s.wordAfter(m[1]))
	if ys > 0 && s.group(m, 1) == "" {
		prefix := s.body[max(0, ys-3):ys]
		switch {
		case strings.HasSuffix(prefix, "-") || strings.HasSuffix(prefix, "–"):
			// "2014-2015" and "2014–2015" are ranges of years; "Su-2015" is not.
			dash := ys - 1
			if strings.HasSuffix(prefix, "–") {
				dash = ys - 3
			}
			if !isDigit(byteAt(s.body, dash-1)) {
				return cand{}, false
			}
		case strings.HasSuffix(prefix, "€") || strings.ContainsAny(prefix[len(prefix)-1:], "$#£/+'"):
			return cand{}, false
		}
	}
	if strings.HasPrefix(s.body[m[1]:], "%") || strings.HasPrefix(s.body[m[1]:], "/") {
		return cand{}, false
	}
	rangeAfter := yearRange.MatchString(s.body[m[1]:min(len(s.body), m[1]+8)])
	if _, wd := weekdayWords[s.wordAfter(m[1])]; wd || !rangeAfter && (yearBlockers[before] || yearUnits[strings.TrimRight(after, ".,;:")]) {
		return cand{}, false
	}
	strong := yearPrepositions[before] || s.group(m, 1) != "" || rangeAfter
	if strong && !timePrepositions[before] && !rangeAfter && len(after) > 3 && strings.HasSuffix(after, "s") && !strings.HasSuffix(after, "ss") && after == s.wordAfter(m[1]) && !notCountNoun[after] {
		return cand{}, false // "a survey of 1709 schoolchildren"
	}
	if y < 1800 && !timePrepositions[before] && before != "year" && s.group(m, 1) == "" && !rangeAfter {
		return cand{}, false // "a survey of 1709 schoolchildren"
	}
	if !strong {
		if y < 1800 {
			return cand{}, false
		}
		// "1500 soldiers": a plural noun right after a bare number.
		if len(after) > 3 && strings.HasSuffix(after, "s") && !strings.HasSuffix(after, "ss") && after == s.wordAfter(m[1]) && !notCountNoun[after] {
			return cand{}, false
		}
	}
	p := partWord(s.group(m, 1))
	c := dateCand(m, "date", yearPeriod(y).part(p))
	c.approx = p != ""
	return c, true
}

// yearRange is what follows the first year of a range ("2000 - 2050",
// "2014–16").
var yearRange = regexp.MustCompile(`^\s?[-–]\s?\d{2,4}\b`)

// timePrepositions are the prepositions after which a number is a year
// whatever follows it ("in 2015 troops were...").
var timePrepositions = set("in", "since", "until", "till", "by", "during", "before", "after", "from")

// notCountNoun are words ending in s that follow a year without making it
// a count ("2015 was", "2015 elections" is still a year).
var notCountNoun = set("was", "has", "is", "elections", "olympics", "games",
	"accords", "talks", "protests", "riots", "floods", "attacks", "awards",
	"finals", "polls", "sanctions", "negotiations", "agreements", "series",
	"levels", "figures", "results", "standards", "rules", "nations",
	"laws", "reforms", "plans", "budgets", "statistics", "numbers")

func byteAt(s string, i int) byte {
	if i < 0 || i >= len(s) {
		return 0
	}
	return s[i]
}

func decade(s *scan, m []int) (cand, bool) {
	var start int
	switch {
	case s.group(m, 2) != "":
		start = atoi(s.group(m, 2)+s.group(m, 3)) * 10
	default:
		d := s.group(m, 4)
		if d == "" {
			d = s.group(m, 5)
		}
		start = 2000 + atoi(d)*10
		ref := 2025
		if s.hasPub {
			ref = s.pub.Year()
		}
		if start > ref {
			start -= 100
		}
	}
	p := partWord(s.group(m, 1))
	c := dateCand(m, "date", decadePeriod(start).part(p))
	c.approx = p != ""
	return c, true
}

func century(s *scan, m []int) (cand, bool) {
	n := atoi(s.group(m, 2))
	if n == 0 {
		n = ordinalWords[strings.ToLower(s.group(m, 3))]
	}
	if n < 1 || n > 22 {
		return cand{}, false
	}
	p := partWord(s.group(m, 1))
	c := dateCand(m, "date", centuryPeriod(n).part(p))
	c.approx = p != ""
	return c, true
}

// weekday resolves "Tuesday", "last Friday", "next Monday", "Monday night".
func weekday(s *scan, m []int) (cand, bool) {
	mod, name, part := strings.ToLower(s.group(m, 1)), s.group(m, 2), strings.ToLower(s.group(m, 3))
	if namedDays[strings.ToLower(s.wordBefore(s.groupStart(m, 2)))] && mod == "" {
		return cand{}, false
	}
	wd := weekdayWords[name]
	if mod == "" && strings.EqualFold(s.wordBefore(s.groupStart(m, 2)), "a") {
		return cand{start: s.groupStart(m, 2), end: m[1], kind: "set", value: fmt.Sprintf("XXXX-WXX-%d", isoWeekday(wd)), rule: "set:weekday"}, true
	}
	rule := "date:weekday"
	if why := s.noPubFor("day"); why != "" {
		c := unresolved(m, "date", rule+why)
		c.timeOfDay = part
		return c, true
	}
	var t time.Time
	switch mod {
	case "last", "this past", "past":
		t, rule = weekdayBefore(s.pub, wd), rule+"; last"
	case "next", "this coming", "coming":
		t, rule = weekdayAfter(s.pub, wd), rule+"; next"
	default:
		tense := s.tense(m[0], m[1])
		if tense > 0 {
			t, rule = weekdayOnOrAfter(s.pub, wd), rule+"; future"
		} else {
			t, rule = weekdayOnOrBefore(s.pub, wd), rule+"; most recent"
		}
		if mod == "early" || mod == "late" {
			part = map[string]string{"early": "morning", "late": "night"}[mod]
		}
	}
	c := dateCand(m, "date", dayPeriod(t))
	c.rule, c.timeOfDay = rule, part
	if c.timeOfDay == "overnight" {
		c.timeOfDay = "night"
	}
	return c, true
}

func relativeDay(s *scan, m []int) (cand, bool) {
	w := strings.ToLower(strings.Join(strings.Fields(s.group(m, 1)), " "))
	if w == "today" && strings.EqualFold(s.wordBefore(m[0]), "usa") {
		return cand{}, false // the newspaper
	}
	if why := s.noPubFor("day"); why != "" {
		return unresolved(m, "date", "date:relative-day"+why), true
	}
	off, part := 0, ""
	switch w {
	case "today":
	case "tonight":
		part = "night"
	case "yesterday":
		off = -1
	case "tomorrow":
		off = 1
	case "the day before yesterday":
		off = -2
	case "the day after tomorrow":
		off = 2
	case "last night":
		off, part = -1, "night"
	default:
		f := strings.Fields(w)
		part = f[len(f)-1]
		switch f[0] {
		case "yesterday":
			off = -1
		case "tomorrow":
			off = 1
		}
	}
	c := dateCand(m, "date", dayPeriod(s.pub.AddDate(0, 0, off)))
	c.timeOfDay = part
	return c, true
}

// relativePeriod resolves "last week", "next month", "this year",
// "earlier this month", "the past year", "last summer".
func relativePeriod(s *scan, m []int) (cand, bool) {
	part := strings.ToLower(s.group(m, 1))
	rel := strings.ToLower(strings.Join(strings.Fields(s.group(m, 2)), " "))
	unit := strings.ToLower(s.group(m, 3))
	if why := s.noPubFor(unit); why != "" {
		return unresolved(m, "date", "date:relative-period"+why), true
	}
	// "the past year", "the last week", "this past week" are spans ending
	// at publication; "the next month" one starting there.
	if _, isUnit := unitDesignators[unit]; isUnit && (rel == "the past" || rel == "the last" || rel == "the next" || rel == "the coming") && part == "" {
		dir := -1
		if rel == "the next" || rel == "the coming" {
			dir = 1
		}
		other, ok := durationBack(s.pub, 1, unit, dir)
		if !ok {
			return cand{}, false
		}
		c := cand{start: m[0], end: m[1], kind: "duration", resolved: true, value: durationValue(1, true, unit), rule: "duration:anchored"}
		c.p = period{begin: other, end: s.pub}
		if dir > 0 {
			c.p = period{begin: s.pub, end: other}
		}
		return c, true
	}
	n := 0
	switch rel {
	case "last", "this past", "past", "the past", "the last":
		n = -1
	case "next", "coming", "the next", "the coming":
		n = 1
	}
	var p period
	if unit == "weekend" && rel == "this" {
		// "this weekend": the one just gone when the clause is in the past,
		// else the one of this week.
		if s.tense(m[0], m[1]) < 0 && s.pub.Weekday() != time.Saturday {
			n = -1
			if s.pub.Weekday() == time.Sunday {
				n = 0
			}
		}
	}
	if _, ok := seasons[unit]; ok {
		p = seasonRelative(s.pub, unit, n)
	} else {
		var ok bool
		if p, ok = shift(s.pub, unit, n); !ok {
			return cand{}, false
		}
	}
	c := dateCand(m, "date", p)
	switch part {
	case "":
	case "earlier":
		if n == 0 && p.begin.Before(s.pub) {
			c.p.end = s.pub.AddDate(0, 0, -1)
		}
		c.approx = true
	case "later", "the rest of":
		if n == 0 && p.end.After(s.pub) {
			c.p.begin = s.pub.AddDate(0, 0, 1)
		}
		c.approx = true
	default:
		c.p = p.part(partWord(part))
		c.approx = true
	}
	return c, true
}

func seasonYear(s *scan, m []int) (cand, bool) {
	name, y := strings.ToLower(s.group(m, 2)), atoi(s.group(m, 3))
	if y < 1000 || y > 2100 {
		return cand{}, false
	}
	c := dateCand(m, "date", seasonPeriod(name, y).part(partWord(s.group(m, 1))))
	c.approx = s.group(m, 1) != ""
	return c, true
}

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

func agoOffset(s *scan, m []int) (cand, bool) {
	approx := s.group(m, 1) != ""
	n, known := count(s.group(m, 2))
	unit := unitName(s.group(m, 3))
	dir := strings.ToLower(strings.Join(strings.Fields(s.group(m, 4)), " "))
	if s.group(m, 2) == "" && !strings.HasSuffix(strings.ToLower(s.group(m, 3)), "s") {
		return cand{}, false // "day after", "year before"
	}
	if dir != "ago" && dir != "from now" && dir != "hence" {
		// "three days later": a span measured from another event.
		if s.group(m, 2) == "" {
			return cand{}, false
		}
		c := cand{start: m[0], end: m[1], kind: "duration", value: durationValue(n, known, unit), approx: approx || !known, rule: "duration:offset"}
		if known && float64(int(n)) == n && (dir == "later" || dir == "earlier") {
			c.anaUnit, c.anaOff = unit, int(n)
			if dir == "earlier" {
				c.anaOff = -c.anaOff
			}
		}
		return c, true
	}
	if !known {
		v := "PAST_REF"
		if dir != "ago" {
			v = "FUTURE_REF"
		}
		return cand{start: m[0], end: m[1], kind: "date", value: v, approx: true, rule: "date:ago; vague"}, true
	}
	if why := s.noPubFor(unit); why != "" {
		return unresolved(m, "date", "date:ago"+why), true
	}
	if dir != "ago" {
		n = -n
	}
	p, ok := ago(s.pub, unit, n)
	if !ok {
		return unresolved(m, "date", "date:ago; unresolved: unit"), true
	}
	c := dateCand(m, "date", p)
	c.approx = approx
	return c, true
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

// holiday resolves "Christmas", "Easter Monday 2016", "New Year's Eve".
func holiday(s *scan, m []int) (cand, bool) {
	name := strings.ToLower(strings.ReplaceAll(s.group(m, 1), "’", "'"))
	if startsCapitalized(s.wordAfter(m[1])) && s.group(m, 2) == "" {
		return cand{}, false // "Easter Island", "the Good Friday Agreement"
	}
	dayIn := func(y int) (time.Time, bool) {
		if off, ok := easterOffsets[name]; ok {
			return easter(y).AddDate(0, 0, off), true
		}
		h, ok := holidays[name]
		return day(y, h.month, h.day), ok
	}
	if y := s.group(m, 2); y != "" {
		t, ok := dayIn(atoi(y))
		return dateCand(m, "date", dayPeriod(t)), ok
	}
	if why := s.noPubFor("year"); why != "" {
		return unresolved(m, "date", "date:holiday"+why), true
	}
	return s.nearestYear(m, "date:holiday", dayIn)
}

// monthRelativeYear resolves "June of this year", "March last year".
func monthRelativeYear(s *scan, m []int) (cand, bool) {
	if why := s.noPubFor("year"); why != "" {
		return unresolved(m, "date", "date:month-relative-year"+why), true
	}
	y := s.pub.Year() + map[string]int{"last": -1, "next": 1}[strings.ToLower(s.group(m, 3))]
	p := partWord(s.group(m, 1))
	c := dateCand(m, "date", monthPeriod(y, monthWords[s.group(m, 2)]).part(p))
	c.approx = p != ""
	return c, true
}

func decadeWord(s *scan, m []int) (cand, bool) {
	p := partWord(s.group(m, 1))
	c := dateCand(m, "date", decadePeriod(decadeWords[strings.ToLower(s.group(m, 2))]).part(p))
	c.approx = p != ""
	return c, true
}

// partOfPeriod resolves "the end of the year", "the start of this month",
// "year-end" to a part of the current period.
func partOfPeriod(s *scan, m []int) (cand, bool) {
	which, unit := strings.ToLower(s.group(m, 1)), strings.ToLower(s.group(m, 2))
	if unit == "" {
		which, unit = "the end", strings.ToLower(s.group(m, 3))
	}
	if why := s.noPubFor(unit); why != "" {
		return unresolved(m, "date", "date:part-of-period"+why), true
	}
	p, ok := shift(s.pub, unit, 0)
	if !ok {
		return cand{}, false
	}
	if which == "the turn" {
		which = "the start"
	}
	c := dateCand(m, "date", p.part(partWord(strings.TrimPrefix(which, "the "))))
	c.approx = true
	return c, true
}

func nineEleven(s *scan, m []int) (cand, bool) {
	c := dateCand(m, "date", dayPeriod(day(2001, 9, 11)))
	return c, true
}

// anaphoric reads "the next day", "the previous week", "the day before",
// "that day": dates counted from an earlier date of the text, resolved
// later by resolveAnaphora.
func anaphoric(s *scan, m []int) (cand, bool) {
	rel, unit := strings.ToLower(s.group(m, 1)), strings.ToLower(s.group(m, 2))
	switch {
	case s.group(m, 3) != "":
		rel, unit = strings.ToLower(s.group(m, 4)), strings.ToLower(s.group(m, 3))
	case s.group(m, 5) != "":
		rel, unit = "that", strings.ToLower(s.group(m, 6))
	}
	off := 0
	switch rel {
	case "next", "following", "after":
		off = 1
	case "previous", "preceding", "before":
		off = -1
	}
	c := cand{start: m[0], end: m[1], kind: "date", rule: "date:anaphoric; unresolved: no earlier date to count from"}
	if partsOfDay[unit] {
		c.timeOfDay = unit
		unit = "day"
	}
	c.anaUnit, c.anaOff = unit, off
	return c, true
}

// shortYearAlone reads "’08", "in '84": the most recent such year at or
// before the year after publication (2025 makes '26 2026 and '27 1927).
func shortYearAlone(s *scan, m []int) (cand, bool) {
	if strings.HasPrefix(s.body[m[1]:], "’") || strings.HasPrefix(s.body[m[1]:], "'") || byteAt(s.body, m[1]) == 's' {
		return cand{}, false // a quotation: ‘90’
	}
	ref := 2025
	if s.hasPub {
		ref = s.pub.Year()
	}
	y := ref/100*100 + atoi(s.group(m, 2))
	if y > ref+1 {
		y -= 100
	}
	c := dateCand(m, "date", yearPeriod(y))
	c.start = m[2]
	return c, true
}
