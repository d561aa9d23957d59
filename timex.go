package dragoman

// TimeExpr is a time expression of the text resolved against the
// publication date.
type TimeExpr struct {
	Span
	Sentence  int       `json:"sentence"`
	Kind      string    `json:"kind"`                // "date", "time", "duration", "set"
	Value     string    `json:"value,omitempty"`     // ISO-like: "2025-02-18", "2022-02", "2015", "2025-W07"; for durations "P20Y"
	Begin     string    `json:"first_day,omitempty"` // first day covered, YYYY-MM-DD (not "begin"/"end": "end" would hide Span.End in JSON)
	End       string    `json:"last_day,omitempty"`  // last day covered, YYYY-MM-DD
	Precision Precision `json:"precision,omitempty"`
	Approx    bool      `json:"approx,omitempty"`      // "more than 20 years", "about a decade"
	Rule      string    `json:"rule,omitempty"`        // which rule resolved it
	TimeOfDay string    `json:"time_of_day,omitempty"` // "morning", "afternoon", "evening", "night", or a clock time "15:00"
}
