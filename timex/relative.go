package timex

// Handlers of the dates counted from publication or from another date:
// weekdays, today, last week, two weeks ago, the next day.

import (
	"fmt"
	"strings"
	"time"
)

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
