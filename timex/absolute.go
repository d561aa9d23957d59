package timex

// Handlers of the dates written out: days, months, years, decades,
// centuries, holidays.

import (
	"regexp"
	"strings"
	"time"
)

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

func nineEleven(s *scan, m []int) (cand, bool) {
	c := dateCand(m, "date", dayPeriod(day(2001, 9, 11)))
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
