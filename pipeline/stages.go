package pipeline

import (
	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/actor"
	"github.com/dragoman-news/dragoman/event"
	"github.com/dragoman-news/dragoman/ner"
	"github.com/dragoman-news/dragoman/quote"
	"github.com/dragoman-news/dragoman/segment"
	"github.com/dragoman-news/dragoman/timex"
)

type constructor struct {
	name string
	make func(Options) (dragoman.Annotator, error)
}

// constructors lists the stages in the order they run. Each stage package
// exposes New(...) returning a dragoman.Annotator; add it here, in its
// place:
//
//	segment -> ner -> actor -> timex -> quote -> event
func constructors() []constructor {
	return []constructor{
		{"segment", func(o Options) (dragoman.Annotator, error) { return segment.New(), nil }},
		{"ner", func(o Options) (dragoman.Annotator, error) { return ner.New() }},
		{"actor", func(o Options) (dragoman.Annotator, error) { return actor.New(actor.Options{Dicts: o.ActorDicts}) }},
		{"timex", func(o Options) (dragoman.Annotator, error) { return timex.New() }},
		{"quote", func(o Options) (dragoman.Annotator, error) { return quote.New() }},
		{"event", func(o Options) (dragoman.Annotator, error) { return event.New(event.Options{ActorFiles: o.ActorDicts}) }},
	}
}
