package corpus

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/dragoman-news/dragoman"
)

// EventSide is one side of an event as the stores keep it.
type EventSide struct {
	Name    string
	Code    string // the CAMEO actor code, the entity's when the event has none
	Country string // the entity's country, else the code's
	Entity  string
	Actor   string // the cross-article actor id, or ""
}

// EventRow is an event flattened into the columns the stores keep.
type EventRow struct {
	Day       string // the event's own day ("2006-01-02") when its date is one, else ""
	DateValue string
	Root      string // the CAMEO root code, from the code when unset
	Base      string // the CAMEO base code, from the code when unset
	Source    EventSide
	Target    EventSide
	Location  string
	// LocationCountry is the country code of the event's location.
	LocationCountry string
}

// ShapeEvent flattens an event of d; actors maps entity ids to actor ids.
func ShapeEvent(d *dragoman.Document, v *dragoman.Event, actors map[string]string) EventRow {
	var r EventRow
	if v.Date != nil {
		r.DateValue = v.Date.Value
		if len(v.Date.Value) == 10 {
			if _, err := time.Parse("2006-01-02", v.Date.Value); err == nil {
				r.Day = v.Date.Value
			}
		}
	}
	side := func(a *dragoman.ActorRef) EventSide {
		if a == nil {
			return EventSide{}
		}
		s := EventSide{Name: a.Name, Code: a.Actor, Entity: a.Entity, Actor: actors[a.Entity]}
		if e := d.Entity(a.Entity); e != nil {
			s.Country = e.Country
			if s.Code == "" {
				s.Code = e.Actor
			}
		}
		if s.Country == "" {
			s.Country = CountryOfCode(s.Code)
		}
		return s
	}
	r.Source, r.Target = side(v.Source), side(v.Target)
	if v.Location != nil {
		r.Location, r.LocationCountry = v.Location.Name, v.Location.CountryCode
	}
	r.Root, r.Base = v.Root, v.Base
	if r.Root == "" && len(v.Code) >= 2 {
		r.Root = v.Code[:2]
	}
	if r.Base == "" && len(v.Code) >= 3 {
		r.Base = v.Code[:3]
	}
	return r
}

// DyadSeries sums event counts per day and quad class into dyad periods.
// The zero value is not usable; make one with NewDyadSeries.
type DyadSeries struct {
	by     dragoman.Period
	points map[string]*dragoman.DyadPoint
	sums   map[string]float64
}

// NewDyadSeries returns an empty series bucketed by period.
func NewDyadSeries(by dragoman.Period) *DyadSeries {
	return &DyadSeries{by: by, points: map[string]*dragoman.DyadPoint{}, sums: map[string]float64{}}
}

// Add counts n events of a quad class (1-4) on day t whose Goldstein
// scores sum to goldstein.
func (s *DyadSeries) Add(t time.Time, quad, n int, goldstein float64) {
	label, start := Bucket(t, s.by)
	p := s.points[label]
	if p == nil {
		p = &dragoman.DyadPoint{Period: label, Start: start}
		s.points[label] = p
	}
	p.Events += n
	if quad >= 1 && quad <= 4 {
		p.Quad[quad-1] += n
	}
	s.sums[label] += goldstein
}

// Points returns the periods in time order, each with its mean Goldstein
// score rounded to two decimals.
func (s *DyadSeries) Points() []dragoman.DyadPoint {
	var out []dragoman.DyadPoint
	for label, p := range s.points {
		p.Goldstein = math.Round(s.sums[label]/float64(p.Events)*100) / 100
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out
}

// DyadPeriod checks a dyad query and returns its period, a month when
// unset.
func DyadPeriod(q dragoman.DyadQuery) (dragoman.Period, error) {
	if strings.TrimSpace(q.A) == "" || strings.TrimSpace(q.B) == "" {
		return "", dragoman.Errorf(dragoman.EINVALID, "a dyad needs two sides")
	}
	by := q.By
	if by == "" {
		by = dragoman.Month
	}
	if by != dragoman.Day && by != dragoman.Week && by != dragoman.Month {
		return "", dragoman.Errorf(dragoman.EINVALID, "unknown period %q (day, week or month)", by)
	}
	return by, nil
}

// CompleteEvent fills what an event record takes from its row beyond the
// plain columns: its id, "<article id>/<event id>", and its sides, left nil
// when the row has none.
func CompleteEvent(r *dragoman.EventRecord, vid string, src, tgt dragoman.EventActor) {
	r.ID = r.ArticleID + "/" + vid
	if src != (dragoman.EventActor{}) {
		r.Source = &src
	}
	if tgt != (dragoman.EventActor{}) {
		r.Target = &tgt
	}
}

// Mentions returns the document's mentions: d.Mentions, or when that is
// empty, those of its entities, each naming its entity.
func Mentions(d *dragoman.Document) []dragoman.Mention {
	if len(d.Mentions) > 0 {
		return d.Mentions
	}
	var out []dragoman.Mention
	for _, e := range d.Entities {
		for _, m := range e.Mentions {
			if m.Entity == "" {
				m.Entity = e.ID
			}
			out = append(out, m)
		}
	}
	return out
}

// QuoteParts returns the speaker's name and entity and the cue of a
// quote, "" where it has none.
func QuoteParts(q *dragoman.Quote) (speaker, entity, cue string) {
	if q.Speaker != nil {
		speaker, entity = q.Speaker.Name, q.Speaker.Entity
	}
	if q.Cue != nil {
		cue = q.Cue.Text
	}
	return speaker, entity, cue
}

// FailedAt is when an ingest failure happened: its time, or now when it
// has none.
func FailedAt(f dragoman.IngestFailure) time.Time {
	if f.At.IsZero() {
		return time.Now()
	}
	return f.At
}
