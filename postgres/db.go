// Package postgres is the Store on PostgreSQL (through pgx): the same
// tables as the SQLite backend with native types, full-text search on a
// generated tsvector column with a GIN index, and migrations embedded.
// Several processes may write at once: Put is idempotent by article id,
// and the names it resolves to actors are locked for the transaction, so
// two writers never make the same actor twice. docs/schema-sql.md
// describes the tables.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"net"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/corpus"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Options tune how a database is opened. The zero value opens it for
// reading and writing and brings its schema up to date.
type Options struct {
	// ReadOnly never writes: no migrations, and writes fail.
	ReadOnly bool
	// Schema, when set, is the PostgreSQL schema the tables live in; it is
	// created when absent. A search_path parameter in the URL does the
	// same.
	Schema string
	// MaxConns caps the connection pool; zero means pgxpool's default
	// (the larger of 4 and the number of CPUs).
	MaxConns int32
}

// DB is the PostgreSQL Store.
type DB struct {
	pool   *pgxpool.Pool
	name   string // the URL without its password, for messages
	schema string
	ro     bool
}

var _ dragoman.Store = (*DB)(nil)

var schemaName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// Open connects to the database at url (postgres://user@host:5432/db) and
// applies the embedded migrations not yet applied.
func Open(ctx context.Context, url string, opts Options) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, dragoman.Errorf(dragoman.EINVALID, "database URL %s: %v", redact(url), err)
	}
	db := &DB{name: redact(url), ro: opts.ReadOnly}
	schema := opts.Schema
	if schema == "" {
		schema = cfg.ConnConfig.RuntimeParams["search_path"]
	}
	if schema != "" {
		if !schemaName.MatchString(schema) {
			return nil, dragoman.Errorf(dragoman.EINVALID, "database %s: schema %q: use letters, digits and _", db.name, schema)
		}
		cfg.ConnConfig.RuntimeParams["search_path"] = schema
		db.schema = schema
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	if db.pool, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
		return nil, db.wrap(err, "connect")
	}
	if err := db.pool.Ping(ctx); err != nil {
		db.pool.Close()
		return nil, db.wrap(err, "connect")
	}
	if opts.ReadOnly {
		var n int
		if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
			db.pool.Close()
			var pe *pgconn.PgError
			if errors.As(err, &pe) && pe.Code == "42P01" {
				return nil, dragoman.Errorf(dragoman.ENOTFOUND, "database %s has no dragoman tables (run `dragoman ingest` or `dragoman worker` first)", db.name)
			}
			return nil, db.wrap(err, "read schema")
		}
		return db, nil
	}
	if err := db.setup(ctx); err != nil {
		db.pool.Close()
		return nil, err
	}
	return db, nil
}

// redact drops the password from a URL for messages.
func redact(url string) string {
	if i := strings.Index(url, "://"); i >= 0 {
		rest := url[i+3:]
		if at := strings.LastIndex(rest, "@"); at >= 0 {
			if c := strings.Index(rest[:at], ":"); c >= 0 {
				return url[:i+3] + rest[:c] + ":***" + rest[at:]
			}
		}
	}
	return url
}

// setup creates the schema when asked to and applies the migrations, in
// one transaction holding an advisory lock, so that several workers
// starting at once on an empty database do not trip over each other.
func (db *DB) setup(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	return db.write(ctx, "migrate", func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, lockKey("migrate", db.schema)); err != nil {
			return err
		}
		if db.schema != "" {
			if _, err := tx.Exec(ctx, `CREATE SCHEMA IF NOT EXISTS `+pgx.Identifier{db.schema}.Sanitize()); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)`); err != nil {
			return err
		}
		for _, name := range names {
			base := filepath.Base(name)
			v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
			if err != nil {
				return fmt.Errorf("migration %s: name must start with a number", base)
			}
			var n int
			if err := tx.QueryRow(ctx, `SELECT count(*) FROM schema_migrations WHERE version = $1`, v).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				continue
			}
			body, err := migrations.ReadFile(name)
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, string(body)); err != nil {
				return fmt.Errorf("migration %s: %w", base, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())`, v, base); err != nil {
				return err
			}
		}
		return nil
	})
}

// Close closes the connection pool.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// Pool gives access to the connection pool for ad-hoc queries.
func (db *DB) Pool() *pgxpool.Pool { return db.pool }

// DropSchema drops the schema the store was opened in, with its tables:
// tests and benchmarks clean up with it.
func (db *DB) DropSchema(ctx context.Context) error {
	if db.schema == "" {
		return dragoman.Errorf(dragoman.EINVALID, "database %s was opened without a schema; not dropping anything", db.name)
	}
	_, err := db.pool.Exec(ctx, `DROP SCHEMA IF EXISTS `+pgx.Identifier{db.schema}.Sanitize()+` CASCADE`)
	return db.wrap(err, "drop schema")
}

// maxTries bounds the retries of a write that lost a deadlock or a
// serialization conflict with another writer.
const maxTries = 8

// write runs fn in one transaction, again when it loses a deadlock or a
// serialization conflict to another writer.
func (db *DB) write(ctx context.Context, what string, fn func(tx pgx.Tx) error) error {
	if db.ro {
		return dragoman.Errorf(dragoman.EUNAVAILABLE, "database %s is opened read-only", db.name)
	}
	var err error
	for try := 0; try < maxTries; try++ {
		if try > 0 {
			select {
			case <-time.After(time.Duration(try*try) * 10 * time.Millisecond):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		err = pgx.BeginFunc(ctx, db.pool, fn)
		if !retryable(err) {
			break
		}
	}
	return db.wrap(err, what)
}

func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}

// read runs fn in one read-only transaction that sees one snapshot.
func (db *DB) read(ctx context.Context, what string, fn func(tx pgx.Tx) error) error {
	err := pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, fn)
	return db.wrap(err, what)
}

// wrap turns PostgreSQL errors into application errors with a clear
// message.
func (db *DB) wrap(err error, what string) error {
	if err == nil {
		return nil
	}
	if corpus.KeepError(err) {
		return err
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "53100": // disk_full
			return &dragoman.Error{Code: dragoman.EUNAVAILABLE, Message: fmt.Sprintf("%s: disk full on the server of %s; the last batch was rolled back, everything stored before it is intact", what, db.name), Err: err}
		case pe.Code == "25006": // read_only_sql_transaction
			return &dragoman.Error{Code: dragoman.EUNAVAILABLE, Message: fmt.Sprintf("%s: database %s is read-only", what, db.name), Err: err}
		case strings.HasPrefix(pe.Code, "53"), strings.HasPrefix(pe.Code, "57"), strings.HasPrefix(pe.Code, "08"):
			return &dragoman.Error{Code: dragoman.EUNAVAILABLE, Message: fmt.Sprintf("%s: database %s is unavailable (%s)", what, db.name, pe.Message), Err: err}
		case pe.Code == "28000" || pe.Code == "28P01" || pe.Code == "3D000":
			return &dragoman.Error{Code: dragoman.EUNAVAILABLE, Message: fmt.Sprintf("%s: cannot open database %s: %s", what, db.name, pe.Message), Err: err}
		case retryable(err):
			return &dragoman.Error{Code: dragoman.EUNAVAILABLE, Message: fmt.Sprintf("%s: database %s stayed busy with other writers after %d tries", what, db.name, maxTries), Err: err}
		}
	}
	var ne net.Error
	var ce *pgconn.ConnectError
	if errors.As(err, &ne) || errors.As(err, &ce) {
		return &dragoman.Error{Code: dragoman.EUNAVAILABLE, Message: fmt.Sprintf("%s: cannot reach database %s (is the server up?)", what, db.name), Err: err}
	}
	return fmt.Errorf("%s: %w", what, err)
}

// lockKey is the advisory lock key of a name in a namespace.
func lockKey(kind, name string) int64 {
	h := fnv.New64a()
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write([]byte(name))
	return int64(h.Sum64())
}
