package timex

import (
	"fmt"
	"strconv"
	"time"

	"github.com/dragoman-news/dragoman"
)

// Calendar arithmetic on civil days. Every date here is a time.Time at
// midnight UTC standing for a day; the publication date is reduced to its
// day in its own time zone first.

const dayLayout = "2006-01-02"

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func dayOf(t time.Time) time.Time { y, m, d := t.Date(); return day(y, m, d) }

func lastOfMonth(y int, m time.Month) time.Time { return day(y, m+1, 0) }

// validDay reports whether y-m-d names a real day (no February 30).
func validDay(y int, m time.Month, d int) bool {
	return d >= 1 && m >= 1 && m <= 12 && d <= lastOfMonth(y, m).Day()
}

// span of days a resolved expression covers.
type period struct {
	value      string
	begin, end time.Time
	precision  dragoman.Precision
}

func dayPeriod(t time.Time) period {
	return period{value: t.Format(dayLayout), begin: t, end: t, precision: dragoman.PrecisionDay}
}

func monthPeriod(y int, m time.Month) period {
	return period{value: fmt.Sprintf("%04d-%02d", y, int(m)), begin: day(y, m, 1), end: lastOfMonth(y, m), precision: dragoman.PrecisionMonth}
}

func yearPeriod(y int) period {
	return period{value: fmt.Sprintf("%04d", y), begin: day(y, 1, 1), end: day(y, 12, 31), precision: dragoman.PrecisionYear}
}

// weekPeriod is the ISO week (Monday to Sunday) holding t.
func weekPeriod(t time.Time) period {
	off := (int(t.Weekday()) + 6) % 7 // days since Monday
	mon := t.AddDate(0, 0, -off)
	y, w := mon.ISOWeek()
	return period{value: fmt.Sprintf("%04d-W%02d", y, w), begin: mon, end: mon.AddDate(0, 0, 6), precision: dragoman.PrecisionWeek}
}

// weekendPeriod is the Saturday and Sunday of the ISO week holding t.
func weekendPeriod(t time.Time) period {
	w := weekPeriod(t)
	return period{value: w.value + "-WE", begin: w.begin.AddDate(0, 0, 5), end: w.end, precision: dragoman.PrecisionDay}
}

func decadePeriod(start int) period {
	return period{value: strconv.Itoa(start / 10), begin: day(start, 1, 1), end: day(start+9, 12, 31), precision: dragoman.PrecisionDecade}
}

// centuryPeriod is the n-th century counted the way news counts it: the
// 20th century is 1900-1999.
func centuryPeriod(n int) period {
	start := (n - 1) * 100
	return period{value: fmt.Sprintf("%02d", n-1), begin: day(start, 1, 1), end: day(start+99, 12, 31), precision: dragoman.PrecisionCentury}
}

// seasonPeriod is the season of year y; winter y runs from December y.
func seasonPeriod(name string, y int) period {
	s := seasons[name]
	begin := day(y, s.start, 1)
	end := lastOfMonth(y, s.end)
	if s.end < s.start {
		end = lastOfMonth(y+1, s.end)
	}
	return period{value: fmt.Sprintf("%04d-%s", y, s.code), begin: begin, end: end, precision: dragoman.PrecisionMonth}
}

// part narrows a period to its early, middle or late part, on calendar
// lines: days 1-10, 11-20, 21-end of a month; January-April, May-August,
// September-December of a year; years 0-3, 4-6, 7-9 of a decade; the
// first, middle and last third of a century. Weeks and days keep their
// bounds.
func (p period) part(which string) period {
	if which == "" {
		return p
	}
	y, m := p.begin.Year(), p.begin.Month()
	var early, mid, late period
	switch p.precision {
	case dragoman.PrecisionMonth:
		if p.end.Sub(p.begin).Hours()/24 > 40 { // a season
			early = period{begin: p.begin, end: p.begin.AddDate(0, 1, -1)}
			mid = period{begin: p.begin.AddDate(0, 1, 0), end: p.begin.AddDate(0, 2, -1)}
			late = period{begin: p.begin.AddDate(0, 2, 0), end: p.end}
			break
		}
		early = period{begin: p.begin, end: day(y, m, 10)}
		mid = period{begin: day(y, m, 11), end: day(y, m, 20)}
		late = period{begin: day(y, m, 21), end: p.end}
	case dragoman.PrecisionYear:
		early = period{begin: p.begin, end: day(y, 4, 30)}
		mid = period{begin: day(y, 5, 1), end: day(y, 8, 31)}
		late = period{begin: day(y, 9, 1), end: p.end}
	case dragoman.PrecisionDecade:
		early = period{begin: p.begin, end: day(y+3, 12, 31)}
		mid = period{begin: day(y+4, 1, 1), end: day(y+6, 12, 31)}
		late = period{begin: day(y+7, 1, 1), end: p.end}
	case dragoman.PrecisionCentury:
		early = period{begin: p.begin, end: day(y+32, 12, 31)}
		mid = period{begin: day(y+33, 1, 1), end: day(y+65, 12, 31)}
		late = period{begin: day(y+66, 1, 1), end: p.end}
	default:
		return p
	}
	pick := late
	switch which {
	case "early", "beginning", "start":
		pick = early
	case "mid", "middle":
		pick = mid
	}
	p.begin, p.end = pick.begin, pick.end
	return p
}

// weekdayOnOrBefore is the last day with weekday wd on or before t;
// weekdayAfter the first one strictly after it, and so on.
func weekdayOnOrBefore(t time.Time, wd time.Weekday) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) - int(wd) + 7) % 7))
}

func weekdayBefore(t time.Time, wd time.Weekday) time.Time {
	return weekdayOnOrBefore(t.AddDate(0, 0, -1), wd)
}

func weekdayOnOrAfter(t time.Time, wd time.Weekday) time.Time {
	return t.AddDate(0, 0, (int(wd)-int(t.Weekday())+7)%7)
}

func weekdayAfter(t time.Time, wd time.Weekday) time.Time {
	return weekdayOnOrAfter(t.AddDate(0, 0, 1), wd)
}

// shift moves a period of the given unit by n units from the one holding
// t: shift(t, "month", -1) is last month.
func shift(t time.Time, unit string, n int) (period, bool) {
	switch unit {
	case "day", "night":
		return dayPeriod(t.AddDate(0, 0, n)), true
	case "week":
		return weekPeriod(t.AddDate(0, 0, 7*n)), true
	case "fortnight":
		return weekPeriod(t.AddDate(0, 0, 14*n)), true
	case "weekend":
		return weekendPeriod(t.AddDate(0, 0, 7*n)), true
	case "month":
		y, m, _ := t.Date()
		first := day(y, m, 1).AddDate(0, n, 0)
		return monthPeriod(first.Year(), first.Month()), true
	case "quarter":
		y, m, _ := t.Date()
		q := (int(m)-1)/3 + n
		y += floorDiv(q, 4)
		q = q - 4*floorDiv(q, 4)
		b := day(y, time.Month(3*q+1), 1)
		return period{value: fmt.Sprintf("%04d-Q%d", y, q+1), begin: b, end: b.AddDate(0, 3, -1), precision: dragoman.PrecisionMonth}, true
	case "year":
		return yearPeriod(t.Year() + n), true
	case "decade":
		return decadePeriod(t.Year()/10*10 + 10*n), true
	case "century":
		return centuryPeriod(t.Year()/100 + 1 + n), true
	}
	return period{}, false
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// seasonRelative resolves "last summer", "this winter", "next spring".
func seasonRelative(t time.Time, name string, dir int) period {
	y := t.Year()
	cur := seasonPeriod(name, y)
	if name == "winter" && t.Month() <= 2 {
		cur = seasonPeriod(name, y-1)
	}
	switch {
	case dir < 0: // the most recent one that has ended before t
		if cur.end.Before(t) {
			return cur
		}
		return seasonPeriod(name, yearOf(cur)-1)
	case dir > 0:
		if cur.begin.After(t) {
			return cur
		}
		return seasonPeriod(name, yearOf(cur)+1)
	}
	return cur
}

func yearOf(p period) int { return p.begin.Year() }

// ago moves back n units from t: "two weeks ago".
func ago(t time.Time, unit string, n float64) (period, bool) {
	whole := int(n)
	if float64(whole) != n {
		if unit == "year" {
			return dayPeriod(t.AddDate(0, -int(n*12), 0)), true
		}
		return period{}, false
	}
	switch unit {
	case "day", "night":
		return dayPeriod(t.AddDate(0, 0, -whole)), true
	case "week", "fortnight":
		if unit == "fortnight" {
			whole *= 2
		}
		return weekPeriod(t.AddDate(0, 0, -7*whole)), true
	case "month":
		return shift(t, "month", -whole)
	case "year":
		return yearPeriod(t.Year() - whole), true
	case "decade":
		return yearPeriod(t.Year() - 10*whole), true
	case "century":
		return yearPeriod(t.Year() - 100*whole), true
	}
	return period{}, false
}

// durationValue writes an ISO 8601 duration: P20Y, P3D, PT2H; X for an
// unknown count (PXY).
func durationValue(n float64, known bool, unit string) string {
	u, ok := unitDesignators[unit]
	if !ok {
		return ""
	}
	count := "X"
	if known {
		count = strconv.FormatFloat(n*u.times, 'f', -1, 64)
	}
	if u.clock {
		return "PT" + count + u.designator
	}
	return "P" + count + u.designator
}

// durationDays is a rough length in days, for anchoring "the past two
// weeks" on the publication date.
func durationBack(t time.Time, n float64, unit string, dir int) (time.Time, bool) {
	whole := int(n)
	if float64(whole) != n || whole <= 0 {
		return time.Time{}, false
	}
	k := dir * whole
	switch unit {
	case "day":
		return t.AddDate(0, 0, k), true
	case "week":
		return t.AddDate(0, 0, 7*k), true
	case "fortnight":
		return t.AddDate(0, 0, 14*k), true
	case "month":
		return t.AddDate(0, k, 0), true
	case "year":
		return t.AddDate(k, 0, 0), true
	case "decade":
		return t.AddDate(10*k, 0, 0), true
	case "century":
		return t.AddDate(100*k, 0, 0), true
	}
	return time.Time{}, false
}

// easter is Easter Sunday of year y in the Gregorian calendar (the
// anonymous Gregorian algorithm).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	dd := (h+l-7*m+114)%31 + 1
	return day(y, time.Month(month), dd)
}
