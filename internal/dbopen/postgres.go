package dbopen

import (
	"context"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/postgres"
)

func init() {
	openPostgres = func(ctx context.Context, dsn string, opts Options) (dragoman.Store, error) {
		return postgres.Open(ctx, dsn, postgres.Options{ReadOnly: opts.ReadOnly})
	}
}
