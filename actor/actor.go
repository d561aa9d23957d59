// Package actor is the stage that says who is who. It finds the names of
// the article with the gazetteer and its own rules, merges them with the
// mentions of the statistical tagger when there are any, clusters them
// into one entity per referent, reads the roles the text gives people
// (premodifiers, appositives, relative clauses) and gives every entity an
// affiliation country and a CAMEO actor code. See docs/actors.md.
package actor

import (
	"context"
	"fmt"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/gazetteer"
)

// Options configure the resolver. The zero value uses the built-in tables
// only.
type Options struct {
	// Dicts are PETRARCH/Phoenix actor dictionary files, consulted for
	// people and organizations the text gives no role.
	Dicts []string
}

// Resolver is the actor stage. It is safe for concurrent use.
type Resolver struct {
	g    *gazetteer.Gazetteer
	dict *Dictionary
}

// New loads the tables and the dictionaries of opts.
func New(opts Options) (*Resolver, error) {
	g, err := gazetteer.Load()
	if err != nil {
		return nil, err
	}
	r := &Resolver{g: g}
	if len(opts.Dicts) > 0 {
		d, err := LoadDictionaries(opts.Dicts...)
		if err != nil {
			return nil, err
		}
		r.dict = d
	}
	return r, nil
}

// Name is the stage name.
func (*Resolver) Name() string { return "actor" }

// Annotate adds entities to the document and sets the entity of its
// mentions.
func (r *Resolver) Annotate(ctx context.Context, d *dragoman.Document) error {
	if d == nil {
		return fmt.Errorf("actor: nil document")
	}
	s := newState(r, d)
	if err := s.run(ctx); err != nil {
		return err
	}
	return nil
}

func publication(d *dragoman.Document) time.Time {
	if d.Article.Published != nil {
		return d.Article.Published.Time
	}
	return time.Time{}
}
