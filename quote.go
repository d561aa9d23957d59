package dragoman

// QuoteKind distinguishes quotations.
type QuoteKind string

const (
	Direct   QuoteKind = "direct"   // a whole quoted utterance
	Partial  QuoteKind = "partial"  // a quoted fragment inside the writer's sentence
	Reported QuoteKind = "reported" // speech without quotation marks
)

// Quote is something somebody said, with who said it.
type Quote struct {
	ID       string    `json:"id"` // "q1", "q2"...
	Kind     QuoteKind `json:"kind"`
	Span               // the quoted or reported content, without the marks
	Sentence int       `json:"sentence"`
	Speaker  *ActorRef `json:"speaker"`
	// How the speaker was found ("cue", "pronoun", "description",
	// "carryover", "group") or, when Speaker is nil, why not.
	Attribution string   `json:"attribution"`
	Cue         *Span    `json:"cue,omitempty"`    // the speech verb or noun
	Medium      string   `json:"medium,omitempty"` // "reporters", "X", "a conference"...
	Flags       []string `json:"flags,omitempty"`  // "unbalanced", "multi-paragraph"...
}
