// Package ner finds the names of people, organizations, places and other
// things in a segmented document: a statistical tagger trained by the
// project on CoNLL-2003 (see MODEL.md), run after segment/ and before the
// stages that resolve entities.
//
// The model predicts the four CoNLL-2003 types, which the tagger maps to
// dragoman entity types:
//
//	PER  -> PERSON
//	ORG  -> ORG
//	LOC  -> LOC when the name is a region, sea, river, mountain range or
//	        continent ("Middle East", "Gulf of Mexico", "Europe"),
//	        otherwise GPE (countries, cities, states)
//	MISC -> NORP when the name is a nationality or group word ("Russian",
//	        "Europeans", "Shi'ite"), otherwise MISC (events, laws, works...)
//
// Every mention has Origin "model" and a Score in (0, 1): the logistic of
// the margin between the best labelling and the best one that labels the
// mention's tokens otherwise.
package ner

import (
	"bytes"
	"context"
	_ "embed"
	"strconv"
	"strings"
	"sync"

	"github.com/dragoman-news/dragoman"
)

//go:embed model/ner.model
var modelFile []byte

// embedded decodes the model built into the binary, once.
var embedded = sync.OnceValues(func() (*Model, error) {
	return ReadModel(bytes.NewReader(modelFile))
})

// EmbeddedModel returns the model built into the binary, decoded once.
func EmbeddedModel() (*Model, error) { return embedded() }

// maxSentence is the longest run of tokens tagged as one sequence; longer
// sentences (tables, lists without punctuation) are tagged in pieces.
const maxSentence = 256

// Tagger is the named-entity stage. It is safe for concurrent use.
type Tagger struct {
	model *Model
	pool  sync.Pool
}

// New returns a tagger with the embedded model.
func New() (*Tagger, error) {
	m, err := embedded()
	if err != nil {
		return nil, err
	}
	return NewWithModel(m), nil
}

// NewWithModel returns a tagger with the given model.
func NewWithModel(m *Model) *Tagger {
	t := &Tagger{model: m}
	t.pool.New = func() any { return new(workspace) }
	return t
}

// Name implements dragoman.Annotator.
func (t *Tagger) Name() string { return "ner" }

// Model returns the tagger's model.
func (t *Tagger) Model() *Model { return t.model }

// Annotate tags every sentence of the document and appends the mentions
// it finds to d.Mentions.
func (t *Tagger) Annotate(ctx context.Context, d *dragoman.Document) error {
	if len(d.Sentences) == 0 || len(d.Tokens) == 0 {
		return nil
	}
	if lang := strings.ToLower(d.Article.Language); lang != "" && !strings.HasPrefix(lang, "en") {
		d.Warn("ner", "not_english", "the named-entity model was trained on English news; on text in "+
			"language "+strconv.Quote(d.Article.Language)+" its mentions are a best effort", nil)
	}
	type piece struct {
		sentence   int
		start, end int // token indexes into d.Tokens
	}
	var pieces []piece
	var words [][]string
	for si, s := range d.Sentences {
		start, end := s.TokenStart, s.TokenEnd
		if start < 0 {
			start = 0
		}
		if end > len(d.Tokens) {
			end = len(d.Tokens)
		}
		for a := start; a < end; a += maxSentence {
			b := min(a+maxSentence, end)
			ws := make([]string, b-a)
			for i := a; i < b; i++ {
				ws[i-a] = d.Tokens[i].Text
			}
			pieces = append(pieces, piece{sentence: si, start: a, end: b})
			words = append(words, ws)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	ws := t.pool.Get().(*workspace)
	defer t.pool.Put(ws)
	res, err := t.model.tagDocScored(ctx, words, ws)
	if err != nil {
		return err
	}
	body := d.Article.Body
	for pi, p := range pieces {
		for _, m := range res[pi] {
			first, last := d.Tokens[p.start+m.Start], d.Tokens[p.start+m.End-1]
			span := dragoman.NewSpan(body, first.Start, last.End)
			d.Mentions = append(d.Mentions, dragoman.Mention{
				Span:     span,
				Type:     mapType(m.Type, words[pi][m.Start:m.End]),
				Sentence: p.sentence,
				Origin:   "model",
				Score:    m.Score,
			})
		}
	}
	return nil
}

// Mention is an entity the model found in a sentence: tokens [Start, End)
// of CoNLL type Type (PER, ORG, LOC, MISC), with a confidence in (0, 1).
type Mention struct {
	Start, End int
	Type       string
	Score      float64
}

// Tag tags the sentences of one document (each a list of words) and
// returns the mentions of each sentence.
func (t *Tagger) Tag(ctx context.Context, sents [][]string) ([][]Mention, error) {
	ws := t.pool.Get().(*workspace)
	defer t.pool.Put(ws)
	return t.model.tagDocScored(ctx, sents, ws)
}
