// Package dbopen opens the Store a --db flag names: a postgres:// or
// postgresql:// URL opens the PostgreSQL backend, anything else is the path
// of a SQLite file.
package dbopen

import (
	"context"
	"strings"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/sqlite"
)

// Options say how to open the store.
type Options struct {
	ReadOnly bool
}

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens the store named by dsn.
func Open(ctx context.Context, dsn string, opts Options) (dragoman.Store, error) {
	if IsPostgres(dsn) {
		return openPostgres(ctx, dsn, opts)
	}
	return sqlite.Open(ctx, dsn, sqlite.Options{ReadOnly: opts.ReadOnly})
}

// openPostgres is replaced when the PostgreSQL backend is built in.
var openPostgres = func(ctx context.Context, dsn string, opts Options) (dragoman.Store, error) {
	return nil, dragoman.Errorf(dragoman.ENOTIMPLEMENTED, "PostgreSQL support is not built into this binary")
}
