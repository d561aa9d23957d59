package dragoman

import "time"

// Precision says how much of a date is known.
type Precision string

const (
	PrecisionNone    Precision = ""
	PrecisionYear    Precision = "year"
	PrecisionMonth   Precision = "month"
	PrecisionWeek    Precision = "week"
	PrecisionDay     Precision = "day"
	PrecisionMinute  Precision = "minute"
	PrecisionSecond  Precision = "second"
	PrecisionDecade  Precision = "decade"
	PrecisionCentury Precision = "century"
)

// Published is a publication date and how precisely it is known.
type Published struct {
	Time      time.Time `json:"time"`
	Precision Precision `json:"precision"`
}

// Dateline is the place line at the head of a news story
// ("RIYADH, Saudi Arabia—", "MOSCOW (Reuters) -").
type Dateline struct {
	Place       string `json:"place"`
	Country     string `json:"country,omitempty"`
	CountryCode string `json:"country_code,omitempty"` // ISO 3166-1 alpha-3, which CAMEO uses for countries
	Agency      string `json:"agency,omitempty"`       // "Reuters" in "MOSCOW (Reuters) -"
	Raw         string `json:"raw,omitempty"`          // the dateline as written
}

// Article is one news article as read from its source, before analysis.
// Body is the text every Span points into.
type Article struct {
	ID        string     `json:"id"`     // stable: a hash of the normalized body text
	Source    string     `json:"source"` // the input it came from (file path, "-", path#line, path#record)
	Format    string     `json:"format"` // text, html, jsonl, rss, warc
	URL       string     `json:"url,omitempty"`
	Title     string     `json:"title"`
	Summary   string     `json:"summary,omitempty"`
	Dateline  *Dateline  `json:"dateline,omitempty"`
	Bylines   []string   `json:"bylines,omitempty"`
	Contact   string     `json:"contact,omitempty"`
	SiteName  string     `json:"site_name,omitempty"`
	Language  string     `json:"language,omitempty"` // "en" when the text reads as English; otherwise a best guess or "und"
	Published *Published `json:"published,omitempty"`
	Body      string     `json:"body"`
}
