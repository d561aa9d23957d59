// Package quote is the pipeline stage that finds who said what: direct
// quotations by their marks, partial quotations inside the writer's
// sentences, and reported speech without marks, each with its speaker.
//
// It runs after the entity stages and reads doc.Entities to name speakers;
// with no entities it still finds quotations and names speakers as
// written. Speech cues and word classes are data (lexicon.tsv); the rules
// are described in docs/quotes.md.
package quote

import (
	"context"
	"fmt"
	"sort"

	"github.com/dragoman-news/dragoman"
)

// Finder finds quotations. It is safe for concurrent use.
type Finder struct {
	lx *lexicon
}

// New returns a Finder with the built-in lexicon.
func New() (*Finder, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, fmt.Errorf("quote lexicon: %w", err)
	}
	return &Finder{lx: lx}, nil
}

// Name implements dragoman.Annotator.
func (f *Finder) Name() string { return "quote" }

// Annotate fills d.Quotes, replacing any quotes already there.
func (f *Finder) Annotate(ctx context.Context, d *dragoman.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a := newAnalysis(f.lx, d)
	a.direct()
	if err := ctx.Err(); err != nil {
		return err
	}
	a.reported()
	a.resolveDeferred()
	sort.SliceStable(a.quotes, func(i, j int) bool { return a.quotes[i].Start < a.quotes[j].Start })
	for i := range a.quotes {
		a.quotes[i].ID = fmt.Sprintf("q%d", i+1)
		a.quotes[i].Sentence = d.SentenceAt(a.quotes[i].Start)
	}
	d.Quotes = a.quotes
	return nil
}

// analysis is the working state for one document.
type analysis struct {
	lx     *lexicon
	d      *dragoman.Document
	body   string
	paras  []para
	toks   []token
	sents  []sentence
	sentOf []int // token index -> sentence index
	ments  []mref
	quotes []dragoman.Quote
	// cue tokens that attribute a whole direct quotation; reported speech
	// does not use them again.
	usedCue map[int]bool
	// speaker of the last quotation, for carryover and pronouns
	last *lastQuote
	// speakers named so far, for pronouns
	spoken   []spoken
	deferred []deferred
}

type lastQuote struct {
	index      int  // in analysis.quotes
	attributed bool // it has a speaker, or a way to one
	group      bool
	para       int // last paragraph of the quotation
	end        int // byte offset where it ended
	sent       int // sentence of its closing mark or attribution
	cue        int // its cue token, or -1
}

// mref is an entity mention, with the entity it belongs to.
type mref struct {
	Start, End int
	Entity     string
	Type       dragoman.EntityType
}

func newAnalysis(lx *lexicon, d *dragoman.Document) *analysis {
	a := &analysis{lx: lx, d: d, body: d.Article.Body, usedCue: map[int]bool{}}
	var given []para
	for _, p := range d.Paragraphs {
		given = append(given, para{p.Start, p.End})
	}
	a.paras = paragraphs(a.body, given)
	a.toks = tokenize(a.body, a.paras)
	a.sents = sentences(a.toks)
	a.sentOf = make([]int, len(a.toks))
	for si, s := range a.sents {
		for i := s.From; i < s.To; i++ {
			a.sentOf[i] = si
		}
	}
	for _, e := range d.Entities {
		for _, m := range e.Mentions {
			a.ments = append(a.ments, mref{m.Start, m.End, e.ID, e.Type})
		}
	}
	for _, m := range d.Mentions {
		if m.Entity != "" {
			a.ments = append(a.ments, mref{m.Start, m.End, m.Entity, m.Type})
		}
	}
	sort.Slice(a.ments, func(i, j int) bool { return a.ments[i].Start < a.ments[j].Start })
	return a
}

// tokAt returns the index of the first token starting at or after off.
func (a *analysis) tokAt(off int) int {
	return sort.Search(len(a.toks), func(i int) bool { return a.toks[i].Start >= off })
}

func (a *analysis) spanOf(s, e int) dragoman.Span { return dragoman.NewSpan(a.body, s, e) }

// tokSpan is the body span of tokens [i, j).
func (a *analysis) tokSpan(i, j int) dragoman.Span {
	if i >= j {
		return a.spanOf(a.toks[i].Start, a.toks[i].Start)
	}
	return a.spanOf(a.toks[i].Start, a.toks[j-1].End)
}

// direct finds the quotations that have marks, classifies them and
// attributes them.
func (a *analysis) direct() {
	regions, stray := findRegions(a.body, a.paras)
	for _, m := range stray {
		sp := a.spanOf(m.Start, m.End)
		a.d.Warn("quote", "stray-closing-mark", "closing quotation mark with no opening mark", &sp)
	}
	// Mark every quoted token first, so that cue search skips quoted words.
	tokRanges := make([][2]int, len(regions))
	for k, r := range regions {
		i := a.tokAt(r.Open.Start)
		j := a.tokAt(r.Close.End)
		if r.Close.End == r.Close.Start { // unclosed: up to the bound
			j = a.tokAt(r.Close.Start)
		}
		for x := i; x < j; x++ {
			a.toks[x].Quoted = true
		}
		tokRanges[k] = [2]int{i, j}
	}
	for k, r := range regions {
		if r.Content.End <= r.Content.Start {
			continue
		}
		a.directOne(r, tokRanges[k][0], tokRanges[k][1])
	}
}
