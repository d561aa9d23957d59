package dragoman

import "context"

// Annotator is one stage of the pipeline: it reads the document and adds
// its own annotations. An Annotator is safe for concurrent use by several
// goroutines, each with its own document; models and tables are loaded
// once, when the Annotator is made.
type Annotator interface {
	Name() string
	Annotate(ctx context.Context, d *Document) error
}
