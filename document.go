package dragoman

// SchemaVersion names the version of the JSON document that `dragoman
// analyze` prints. It changes when a field changes meaning or disappears;
// new fields may be added within a version.
const SchemaVersion = "dragoman.document/1"

// Document is an article and every annotation the pipeline has put on it.
// It is the only thing pipeline stages share.
type Document struct {
	Schema     string       `json:"schema"`
	Article    Article      `json:"article"`
	Paragraphs []Paragraph  `json:"paragraphs"`
	Sentences  []Sentence   `json:"sentences"`
	Tokens     []Token      `json:"tokens,omitempty"`
	Mentions   []Mention    `json:"mentions,omitempty"`
	Entities   []Entity     `json:"entities"`
	Quotes     []Quote      `json:"quotes"`
	Events     []Event      `json:"events"`
	Dates      []TimeExpr   `json:"dates"`
	Warnings   []Diagnostic `json:"warnings,omitempty"`
}

// NewDocument wraps an article in an empty document.
func NewDocument(a Article) *Document {
	return &Document{Schema: SchemaVersion, Article: a}
}

// Span returns the span [start, end) of the document's body.
func (d *Document) Span(start, end int) Span { return NewSpan(d.Article.Body, start, end) }

// Warn records a diagnostic on the document.
func (d *Document) Warn(stage, code, msg string, at *Span) {
	d.Warnings = append(d.Warnings, Diagnostic{Stage: stage, Code: code, Message: msg, At: at})
}

// Entity returns the entity with the given id, or nil.
func (d *Document) Entity(id string) *Entity {
	for i := range d.Entities {
		if d.Entities[i].ID == id {
			return &d.Entities[i]
		}
	}
	return nil
}

// SentenceAt returns the index of the sentence containing byte offset off,
// or -1.
func (d *Document) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		s := d.Sentences[m]
		switch {
		case off < s.Start:
			hi = m
		case off >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// Diagnostic is something a stage noticed and wants the user to know: an
// unbalanced quotation mark, text that is not English, a repaired encoding.
type Diagnostic struct {
	Stage   string `json:"stage"`
	Code    string `json:"code"`
	Message string `json:"message"`
	At      *Span  `json:"at,omitempty"`
}

// Paragraph is one paragraph of the body.
type Paragraph struct {
	Span
	Index int `json:"index"`
}

// Sentence is one sentence of the body. Tokens [TokenStart, TokenEnd) index
// Document.Tokens.
type Sentence struct {
	Span
	Index      int `json:"index"`
	Paragraph  int `json:"paragraph"`
	TokenStart int `json:"token_start"`
	TokenEnd   int `json:"token_end"`
}

// Token is one word or punctuation mark. Tag is a part-of-speech tag when a
// stage has set one.
type Token struct {
	Span
	Tag string `json:"tag,omitempty"`
}
