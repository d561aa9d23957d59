package dragoman

// Event is a CAMEO-coded action: who did what to whom, where and when,
// with the words it came from.
type Event struct {
	ID        string    `json:"id"` // "v1", "v2"...
	Sentence  int       `json:"sentence"`
	Source    *ActorRef `json:"source"`
	Target    *ActorRef `json:"target,omitempty"`
	Code      string    `json:"code"` // full CAMEO event code: "0431"
	Base      string    `json:"base"` // first three digits: "043"
	Root      string    `json:"root"` // first two digits: "04"
	Label     string    `json:"label,omitempty"`
	QuadClass int       `json:"quad_class"` // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
	Goldstein float64   `json:"goldstein"`
	Trigger   Span      `json:"trigger"`  // the verb or noun that carries the action
	Evidence  Span      `json:"evidence"` // the clause the event was coded from
	Negated   bool      `json:"negated,omitempty"`
	Modality  string    `json:"modality,omitempty"` // "intent", "possible", "demand"... when not asserted as fact
	Location  *Place    `json:"location,omitempty"`
	Date      *DateRef  `json:"date,omitempty"`
	Reported  bool      `json:"reported,omitempty"` // inside a quotation or reported speech
	Speaker   *ActorRef `json:"speaker,omitempty"`  // who reported it, when Reported
}

// Place is where an event happened.
type Place struct {
	Name        string `json:"name"`
	CountryCode string `json:"country_code,omitempty"`
	Entity      string `json:"entity,omitempty"`
	Origin      string `json:"origin,omitempty"` // "sentence", "dateline"
	Span        *Span  `json:"span,omitempty"`
}

// DateRef is the date of an event, from a time expression of its clause or
// from the publication date.
type DateRef struct {
	Value     string    `json:"value"` // "2025-02-18", "2022-02", "2015"
	Precision Precision `json:"precision"`
	Expr      int       `json:"expr"` // index into Document.Dates, -1 when it comes from the publication date
	Origin    string    `json:"origin,omitempty"`
}
