package timex

import (
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
