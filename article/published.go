package article

import (
	"strings"
	"time"

	"github.com/dragoman-news/dragoman"
	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"
)

// isoLayouts are tried before the general date parser, each with the
// precision it gives.
var isoLayouts = []struct {
	layout    string
	precision dragoman.Precision
}{
	{time.RFC3339Nano, dragoman.PrecisionSecond},
	{"2006-01-02T15:04:05", dragoman.PrecisionSecond},
	{"2006-01-02T15:04Z07:00", dragoman.PrecisionMinute},
	{"2006-01-02T15:04", dragoman.PrecisionMinute},
	{"2006-01-02 15:04:05", dragoman.PrecisionSecond},
	{"2006-01-02 15:04", dragoman.PrecisionMinute},
	{"2006-01-02", dragoman.PrecisionDay},
	{"2006-01", dragoman.PrecisionMonth},
	{"2006", dragoman.PrecisionYear},
	{time.RFC1123Z, dragoman.PrecisionSecond},
	{time.RFC1123, dragoman.PrecisionSecond},
}

var dateparserConfig = &dps.Configuration{
	Languages:            []string{"en"},
	CurrentTime:          time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
	DefaultTimezone:      time.UTC,
	PreferredDayOfMonth:  dps.First,
	PreferredMonthOfYear: dps.FirstMonth,
	ReturnTimeAsPeriod:   true,
}

// ParsePublished reads a publication date with its precision: ISO 8601
// ("2025-02-18", "2025-02", "2025-02-18T09:30:00Z"), RFC 1123 as feeds
// write it, or English dates as news writes them ("Feb. 18, 2025",
// "Tuesday, February 18, 2025", "18 February 2025").
func ParsePublished(s string) (*dragoman.Published, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, dragoman.Errorf(dragoman.EINVALID, "empty date")
	}
	for _, l := range isoLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return &dragoman.Published{Time: t.UTC(), Precision: l.precision}, nil
		}
	}
	d, err := dps.Parse(dateparserConfig, s)
	if err != nil || d.IsZero() {
		return nil, dragoman.Errorf(dragoman.EINVALID, "cannot read %q as a date", s)
	}
	p := &dragoman.Published{Time: d.Time.UTC()}
	switch d.Period {
	case date.Second:
		p.Precision = dragoman.PrecisionSecond
	case date.Minute, date.Hour:
		p.Precision = dragoman.PrecisionMinute
	case date.Month:
		p.Precision = dragoman.PrecisionMonth
	case date.Year:
		p.Precision = dragoman.PrecisionYear
	default:
		p.Precision = dragoman.PrecisionDay
	}
	return p, nil
}
