package dragoman

// Span is a half-open range [Start, End) of UTF-8 byte offsets into the
// article body, with the text it covers.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// NewSpan returns the span [start, end) of body with its text. Offsets are
// clamped into the body so that a bad caller cannot make it panic.
func NewSpan(body string, start, end int) Span {
	if start < 0 {
		start = 0
	}
	if end > len(body) {
		end = len(body)
	}
	if start > end {
		start = end
	}
	return Span{Start: start, End: end, Text: body[start:end]}
}

// Len is the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// IsZero reports whether the span is empty and at offset zero.
func (s Span) IsZero() bool { return s.Start == 0 && s.End == 0 && s.Text == "" }
