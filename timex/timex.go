// Package timex is the pipeline stage that finds time expressions in an
// article ("Tuesday", "last week", "February 2022", "more than 20 years",
// "at 3 p.m.") and resolves them against the publication date into
// Document.Dates.
//
// The tagger is a table of rules (rules.go), each a regular expression with
// a handler (handlers.go) that turns a match into a candidate. Overlapping
// candidates are settled by keeping the longest; a clock time next to a
// day is then merged into it. Relative expressions are resolved with news
// conventions: a bare weekday is the most recent such day on or before
// publication unless the clause is in the future tense. Numeric dates
// ("24/02/2022"), whose order of day and month varies, are read with
// go-dateparser. See docs/dates.md.
//
// To stay fast, a rule is not run over the whole body: one pass lists the
// head words the rules need (triggers.go), and each rule is tried only at
// the word starts just before its triggers.
package timex

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	dp "github.com/markusmobius/go-dateparser"

	"github.com/dragoman-news/dragoman"
)

// Tagger finds and resolves time expressions. It is safe for concurrent
// use.
type Tagger struct {
	rules  []rule
	parser *dp.Parser
	cfg    *dp.Configuration

	fullScan bool // try every rule at every word of the body (tests compare it with the triggers)
}

// New compiles the rules. It fails only if a rule table is broken.
func New() (*Tagger, error) {
	return compiled()
}

var compiled = sync.OnceValues(func() (*Tagger, error) {
	table, err := rules()
	if err != nil {
		return nil, fmt.Errorf("timex: %w", err)
	}
	t := &Tagger{
		rules:  table,
		parser: &dp.Parser{},
		cfg: &dp.Configuration{
			Languages:     []string{"en"},
			StrictParsing: true,
			CurrentTime:   time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		},
	}
	// Warm the parser's locale data once, so that the first article does
	// not pay for it.
	if _, err := t.parser.Parse(t.cfg, "24/02/2022"); err != nil {
		return nil, fmt.Errorf("timex: date parser: %w", err)
	}
	return t, nil
})

// Name is the stage name used by the pipeline.
func (t *Tagger) Name() string { return "timex" }

// Annotate finds the time expressions of the body and replaces d.Dates
// with them, in text order.
func (t *Tagger) Annotate(ctx context.Context, d *dragoman.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d.Dates = t.Find(d)
	return nil
}

// Find returns the time expressions of the document's body without
// changing the document.
func (t *Tagger) Find(d *dragoman.Document) []dragoman.TimeExpr {
	s := &scan{tagger: t, doc: d, body: d.Article.Body}
	if p := d.Article.Published; p != nil && !p.Time.IsZero() {
		s.pub, s.hasPub, s.pubPrecision = dayOf(p.Time), true, p.Precision
	}
	var cands []cand
	pos, kind := triggersOf(s.body)
	words := wordStarts(s.body)
	for _, r := range t.rules {
		var starts []int
		if t.fullScan {
			starts = words
		} else {
			starts = matchStarts(s.body, words, pos, kind, r)
		}
		for _, ws := range starts {
			_, we := widen(s.body, ws, ws+r.reach.before+r.reach.after+maxTrigger)
			m := r.anchored.FindStringSubmatchIndex(s.body[ws:we])
			if m == nil {
				continue
			}
			for i := range m {
				if m[i] >= 0 {
					m[i] += ws
				}
			}
			c, ok := r.handle(s, m)
			if !ok || !s.clean(c.start, c.end) {
				continue
			}
			if c.rule == "" {
				c.rule = r.name
			}
			cands = append(cands, c)
		}
	}
	kept := s.extendSince(s.resolveAnaphora(s.joinSeasonYears(clockToSentenceDay(s, mergeClock(s, longestFirst(cands))))))
	out := make([]dragoman.TimeExpr, 0, len(kept))
	for _, c := range kept {
		out = append(out, c.expr(d))
	}
	return out
}

// cand is a proposed expression before it is placed in the document.
type cand struct {
	start, end int
	kind       string
	p          period
	resolved   bool // p holds the resolution
	value      string
	approx     bool
	rule       string
	timeOfDay  string

	// An anaphoric expression ("the next day", "three days later") is
	// counted from the date before it: anaUnit is its unit and anaOff how
	// many units it moves.
	anaUnit string
	anaOff  int
}

func (c cand) expr(d *dragoman.Document) dragoman.TimeExpr {
	e := dragoman.TimeExpr{
		Span:      d.Span(c.start, c.end),
		Sentence:  d.SentenceAt(c.start),
		Kind:      c.kind,
		Value:     c.value,
		Approx:    c.approx,
		Rule:      c.rule,
		TimeOfDay: c.timeOfDay,
	}
	if c.resolved {
		if e.Value == "" {
			e.Value = c.p.value
		}
		if !c.p.begin.IsZero() {
			e.Begin = c.p.begin.Format(dayLayout)
			e.End = c.p.end.Format(dayLayout)
		}
		e.Precision = c.p.precision
	}
	return e
}

// scan is the state of one call to Find.
type scan struct {
	tagger *Tagger
	doc    *dragoman.Document
	body   string
	pub    time.Time
	hasPub bool
	// pubPrecision is how precisely the publication date is known;
	// relative expressions finer than it stay unresolved.
	pubPrecision dragoman.Precision
}

// clean rejects a candidate that is part of a larger number: "12,2015",
// "2015.5", "32015".
func (s *scan) clean(start, end int) bool {
	if start < 0 || end > len(s.body) || start >= end {
		return false
	}
	b := s.body
	if isDigit(b[start]) && start > 0 {
		p := b[start-1]
		if isDigit(p) || (p == ',' || p == '.') && start > 1 && isDigit(b[start-2]) {
			return false
		}
	}
	if isDigit(b[end-1]) && end < len(b) {
		n := b[end]
		if isDigit(n) || (n == ',' || n == '.') && end+1 < len(b) && isDigit(b[end+1]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// longestFirst keeps, of overlapping candidates, the longest (the earliest
// rule on a tie), and returns the kept ones in text order.
func longestFirst(cands []cand) []cand {
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ca, cb := cands[order[a]], cands[order[b]]
		if la, lb := ca.end-ca.start, cb.end-cb.start; la != lb {
			return la > lb
		}
		return ca.start < cb.start
	})
	var kept []cand
	for _, i := range order {
		c := cands[i]
		overlaps := false
		for _, k := range kept {
			if c.start < k.end && k.start < c.end {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, c)
		}
	}
	sort.Slice(kept, func(a, b int) bool { return kept[a].start < kept[b].start })
	return kept
}

// mergeClock joins a clock time to a day right beside it ("Tuesday at 3
// p.m.", "9 a.m. on Monday") into one expression of kind time.
func mergeClock(s *scan, kept []cand) []cand {
	out := kept[:0:0]
	for i := 0; i < len(kept); i++ {
		c := kept[i]
		if i+1 < len(kept) {
			n := kept[i+1]
			gap := s.body[c.end:n.start]
			if glue[strings.ToLower(gap)] || len(gap) < 40 && zoneGlue.MatchString(gap) {
				if d, t, ok := dayAndClock(c, n); ok {
					out = append(out, joinClock(c.start, n.end, d, t))
					i++
					continue
				}
			}
		}
		out = append(out, c)
	}
	return out
}

var glue = set(" ", ", ", " at ", ", at ", " on ", " of ", " this ")

// nearDay is how far a day may be from a clock time to give it its date.
const nearDay = 32

// zoneGap reports whether the text between a clock time and a day holds
// nothing but a time zone, parentheses, commas and on/at.
func zoneGap(gap string) bool {
	return onlyZone.MatchString(parenthesis.ReplaceAllString(gap, " "))
}

var (
	parenthesis = regexp.MustCompile(`\([^()]{0,30}\)`)
	onlyZone    = regexp.MustCompile(`^[\s,]*(?:local time|[A-Z]{2,4})?[\s,]*(?:on|at)?\s*$`)
)

// zoneGlue is a time zone and a parenthesis between a clock time and its
// day: "8:30 p.m. BST (1930 UTC) on August 27".
var zoneGlue = regexp.MustCompile(`^(?:\s+(?:local time|[A-Z]{2,4}))?(?:\s+\([^()]{1,24}\))?,?\s+(?:on\s+|at\s+)?$`)

// clockToSentenceDay places a clock time that no day stands beside on a
// day separated from it only by a time zone and parentheses ("8:30 p.m.
// BST (1930 UTC) on August 27"), when there is exactly one.
func clockToSentenceDay(s *scan, kept []cand) []cand {
	for i := range kept {
		c := &kept[i]
		if c.kind != "time" || !strings.HasSuffix(c.rule, "; on publication day") {
			continue
		}
		ss, se := s.sentence(c.start)
		var only *cand
		n := 0
		for j := range kept {
			d := &kept[j]
			near := d.start >= c.end && d.start-c.end <= nearDay && zoneGap(s.body[c.end:d.start]) ||
				d.end <= c.start && c.start-d.end <= nearDay && zoneGap(s.body[d.end:c.start])
			if near && d.start >= ss && d.end <= se && d.kind == "date" && d.resolved && d.p.precision == dragoman.PrecisionDay {
				if only == nil || only.p.value != d.p.value {
					n++
				}
				only = d
			}
		}
		if n == 1 {
			c.p = dayPeriod(only.p.begin)
			c.p.precision = dragoman.PrecisionMinute
			c.value = only.p.value + "T" + c.timeOfDay
			c.rule = strings.TrimSuffix(c.rule, "; on publication day") + "; on the day of its sentence"
		}
	}
	return kept
}

func dayAndClock(a, b cand) (day, clock cand, ok bool) {
	isDay := func(c cand) bool {
		return c.kind == "date" && c.resolved && c.p.precision == dragoman.PrecisionDay || c.kind == "date" && strings.HasPrefix(c.rule, "date:weekday") && !c.resolved
	}
	switch {
	case isDay(a) && b.kind == "time" && b.timeOfDay != "":
		return a, b, true
	case a.kind == "time" && a.timeOfDay != "" && isDay(b):
		return b, a, true
	}
	return cand{}, cand{}, false
}

func joinClock(start, end int, d, t cand) cand {
	c := d
	c.start, c.end = start, end
	c.kind = "time"
	c.timeOfDay = t.timeOfDay
	c.rule = d.rule + "+" + strings.TrimSuffix(t.rule, "; on publication day")
	if d.resolved {
		c.value = d.p.value + "T" + t.timeOfDay
		c.p.precision = dragoman.PrecisionMinute
	}
	return c
}

// extendSince widens "since 2014" to cover "since" and the time from then
// to publication.
func (s *scan) extendSince(kept []cand) []cand {
	for i := range kept {
		c := &kept[i]
		if c.kind != "date" || c.start < 6 {
			continue
		}
		if !strings.EqualFold(s.body[c.start-6:c.start], "since ") {
			continue
		}
		c.start -= 6
		c.rule += "+since"
		if c.resolved && s.hasPub && c.p.begin.Before(s.pub) {
			c.p.end = s.pub
		}
	}
	return kept
}

// shortYear is the end of "2015-16", "2015/16".
var shortYear = regexp.MustCompile(`^[-–/](\d{2})\b`)

// joinSeasonYears reads "2015-16" (a season across two years) as one
// expression whose value is an ISO 8601 interval ("2015/2016"). Ranges
// of two full expressions ("from 2008 to 2016") stay two expressions, as
// in TimeML and GUM.
func (s *scan) joinSeasonYears(kept []cand) []cand {
	out := kept[:0:0]
	for i := 0; i < len(kept); i++ {
		a := kept[i]
		if a.kind == "date" && a.resolved && a.p.precision == dragoman.PrecisionYear && len(a.p.value) == 4 {
			if m := shortYear.FindStringSubmatchIndex(s.body[a.end:]); m != nil && !isDigit(byteAt(s.body, a.end+m[1])) {
				y := a.p.begin.Year()/100*100 + atoi(s.body[a.end+m[2]:a.end+m[3]])
				if y == a.p.begin.Year()+1 {
					a.end += m[1]
					a.value = a.p.value + "/" + yearPeriod(y).value
					a.p.end = day(y, 12, 31)
					a.rule += "+season"
					out = append(out, a)
					continue
				}
			}
		}
		out = append(out, a)
	}
	return out
}

// resolveAnaphora counts "the next day", "a week earlier", "that day" from
// the last date before them in the same paragraph that is at least as
// precise as their unit. Without one, "the next day" stays unresolved and
// "three days later" stays a duration.
func (s *scan) resolveAnaphora(kept []cand) []cand {
	var anchor *cand
	for i := range kept {
		c := &kept[i]
		if anchor != nil && strings.Contains(s.body[anchor.end:c.start], "\n\n") {
			anchor = nil
		}
		if c.anaUnit != "" {
			if anchor != nil && finerOrEqual(anchor.p.precision, c.anaUnit) {
				unit, off := c.anaUnit, c.anaOff
				switch unit { // "a decade later" is ten years after, not the next decade
				case "decade":
					unit, off = "year", 10*off
				case "century":
					unit, off = "year", 100*off
				}
				if p, ok := shift(anchor.p.begin, unit, off); ok {
					c.kind, c.p, c.resolved, c.value = "date", p, true, ""
					c.rule = "date:anaphoric; from " + strings.Join(strings.Fields(s.body[anchor.start:anchor.end]), " ")
				}
			}
			if c.resolved {
				anchor = c
			}
			continue
		}
		if (c.kind == "date" || c.kind == "time") && c.resolved && !c.p.begin.IsZero() && c.p.precision != "" {
			anchor = c
		}
	}
	return kept
}

// finerOrEqual reports whether a date of precision p can anchor a move by
// unit ("the next day" needs a day).
func finerOrEqual(p dragoman.Precision, unit string) bool {
	r, ok := precisionRank[p]
	n, ok2 := unitRank[unit]
	return ok && ok2 && r <= n
}

// precisionRank orders precisions from the finest; unitRank gives each
// unit the rank of the precision it needs.
var (
	precisionRank = map[dragoman.Precision]int{dragoman.PrecisionMinute: 0, dragoman.PrecisionDay: 1, dragoman.PrecisionWeek: 2,
		dragoman.PrecisionMonth: 3, dragoman.PrecisionYear: 4, dragoman.PrecisionDecade: 5, dragoman.PrecisionCentury: 6}
	unitRank = map[string]int{"day": 1, "night": 1, "morning": 1, "afternoon": 1, "evening": 1, "week": 2, "fortnight": 2,
		"month": 3, "year": 4, "decade": 5, "century": 6}
)
