// Package pipeline runs the analysis stages in order. It is the only
// package that knows the order; the stages themselves only read and write
// the shared *dragoman.Document.
package pipeline

import (
	"context"
	"fmt"

	"github.com/dragoman-news/dragoman"
)

// Options select and configure the stages. The zero value runs every stage
// with its built-in data.
type Options struct {
	// Stop after the named stage ("segment", "ner", "actor", "timex",
	// "quote", "event"); empty runs them all.
	Until string
	// ActorDicts are PETRARCH/Phoenix actor dictionary files to load on top
	// of the built-in office holders.
	ActorDicts []string
}

// Pipeline is a ready-to-run sequence of stages. It is safe for concurrent
// use: each call to Analyze works on its own document.
type Pipeline struct {
	stages []dragoman.Annotator
}

// New builds the pipeline, loading every model and table once.
func New(opts Options) (*Pipeline, error) {
	p := &Pipeline{}
	for _, mk := range constructors() {
		a, err := mk.make(opts)
		if err != nil {
			return nil, fmt.Errorf("load %s stage: %w", mk.name, err)
		}
		p.stages = append(p.stages, a)
		if opts.Until == mk.name {
			break
		}
	}
	return p, nil
}

// Stages lists the names of the stages in the order they run.
func (p *Pipeline) Stages() []string {
	names := make([]string, len(p.stages))
	for i, s := range p.stages {
		names[i] = s.Name()
	}
	return names
}

// Analyze runs every stage on the article and returns the document.
func (p *Pipeline) Analyze(ctx context.Context, a dragoman.Article) (*dragoman.Document, error) {
	d := dragoman.NewDocument(a)
	if err := p.Run(ctx, d); err != nil {
		return d, err
	}
	return d, nil
}

// Run runs every stage on an existing document.
func (p *Pipeline) Run(ctx context.Context, d *dragoman.Document) error {
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Annotate(ctx, d); err != nil {
			return fmt.Errorf("%s: %w", s.Name(), err)
		}
	}
	normalize(d)
	return nil
}

// normalize makes empty annotation lists print as [] rather than null.
func normalize(d *dragoman.Document) {
	if d.Paragraphs == nil {
		d.Paragraphs = []dragoman.Paragraph{}
	}
	if d.Sentences == nil {
		d.Sentences = []dragoman.Sentence{}
	}
	if d.Entities == nil {
		d.Entities = []dragoman.Entity{}
	}
	if d.Quotes == nil {
		d.Quotes = []dragoman.Quote{}
	}
	if d.Events == nil {
		d.Events = []dragoman.Event{}
	}
	if d.Dates == nil {
		d.Dates = []dragoman.TimeExpr{}
	}
}
