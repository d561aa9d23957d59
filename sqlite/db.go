// Package sqlite is the embedded Store: one SQLite file (pure Go, through
// modernc.org/sqlite) in WAL mode, with FTS5 for full-text search and its
// schema migrations embedded. The tables are meant to be queried with plain
// SQL too; docs/schema-sql.md describes them.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/corpus"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// DefaultPath is the database file used when none is given.
const DefaultPath = "dragoman.db"

//go:embed migrations/*.sql
var migrations embed.FS

// Options tune how a database is opened. The zero value opens it for
// reading and writing, creating it when absent.
type Options struct {
	// ReadOnly opens an existing database without ever writing to it.
	ReadOnly bool
	// BusyTimeout is how long a write waits for another process holding
	// the database; zero means 10 seconds.
	BusyTimeout time.Duration
	// MaxPages caps the file at this many 4 KiB pages (a quota); a write
	// past it fails as a full disk would. Zero means no cap.
	MaxPages int
}

// readers is the number of reading connections: enough to keep every
// core busy with reads while some wait on I/O.
var readers = max(4, runtime.NumCPU())

// DB is the SQLite Store.
type DB struct {
	path string
	w    *sql.DB // one connection, BEGIN IMMEDIATE: the only writer
	r    *sql.DB // readers
	ro   bool
}

var _ dragoman.Store = (*DB)(nil)

// Open opens or creates the database at path and brings its schema up to
// date. ":memory:" is not supported (readers and the writer need to share
// a file); tests use a file in t.TempDir().
func Open(ctx context.Context, path string, opts Options) (*DB, error) {
	if path == "" {
		path = DefaultPath
	}
	busy := opts.BusyTimeout
	if busy == 0 {
		busy = 10 * time.Second
	}
	st, err := os.Stat(path)
	switch {
	case err == nil && st.IsDir():
		return nil, dragoman.Errorf(dragoman.EINVALID, "database %s is a directory", path)
	case err != nil && errors.Is(err, fs.ErrNotExist):
		if opts.ReadOnly {
			return nil, dragoman.Errorf(dragoman.ENOTFOUND, "database %s does not exist (run `dragoman ingest` first)", path)
		}
		if dir := filepath.Dir(path); dir != "" {
			if _, err := os.Stat(dir); err != nil {
				return nil, dragoman.Errorf(dragoman.EINVALID, "database %s: folder %s does not exist", path, dir)
			}
		}
	case err != nil:
		return nil, &dragoman.Error{Code: dragoman.EUNAVAILABLE, Message: "database " + path, Err: err}
	}
	if err == nil && st.Size() > 0 {
		if err := checkHeader(path); err != nil {
			return nil, err
		}
	}
	db := &DB{path: path, ro: opts.ReadOnly}
	ms := strconv.FormatInt(busy.Milliseconds(), 10)
	q := url.Values{}
	q.Add("_pragma", "busy_timeout("+ms+")")
	q.Add("_pragma", "foreign_keys(0)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "cache_size(-32000)")   // 32 MB of pages a connection
	q.Add("_pragma", "mmap_size(268435456)") // read through 256 MB of mapped file
	if opts.ReadOnly {
		q.Set("mode", "ro")
	}
	if opts.MaxPages > 0 {
		q.Add("_pragma", "max_page_count("+strconv.Itoa(opts.MaxPages)+")")
	}
	rq := q.Encode()
	q.Set("_txlock", "immediate")
	wq := q.Encode()
	if db.r, err = sql.Open("sqlite", "file:"+path+"?"+rq); err != nil {
		return nil, db.wrap(err, "open")
	}
	if !opts.ReadOnly {
		if db.w, err = sql.Open("sqlite", "file:"+path+"?"+wq); err != nil {
			db.r.Close()
			return nil, db.wrap(err, "open")
		}
		db.w.SetMaxOpenConns(1)
		if err := db.setup(ctx); err != nil {
			db.Close()
			return nil, err
		}
	} else {
		var n int
		if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
			db.Close()
			return nil, db.wrap(err, "open")
		}
	}
	// Readers stay open between requests: a fresh connection pays for its
	// pragmas and for parsing the schema again. (database/sql keeps only 2
	// idle connections unless told otherwise.)
	db.r.SetMaxOpenConns(readers)
	db.r.SetMaxIdleConns(readers)
	db.r.SetConnMaxIdleTime(0)
	return db, nil
}

// checkHeader refuses a file that is not an SQLite database before SQLite
// gets a chance to treat it as one.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return &dragoman.Error{Code: dragoman.EUNAVAILABLE, Message: "database " + path, Err: err}
	}
	defer f.Close()
	head := make([]byte, 16)
	if n, _ := f.Read(head); n < 16 || string(head) != "SQLite format 3\x00" {
		return dragoman.Errorf(dragoman.EINVALID, "%s is not a dragoman database (not an SQLite file, or corrupt); nothing was changed", path)
	}
	return nil
}

// setup sets WAL mode and applies the embedded migrations not yet applied.
func (db *DB) setup(ctx context.Context) error {
	var mode string
	if err := db.w.QueryRowContext(ctx, `PRAGMA journal_mode=WAL`).Scan(&mode); err != nil {
		return db.wrap(err, "open")
	}
	if _, err := db.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return db.wrap(err, "create schema_migrations")
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		base := filepath.Base(name)
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with a number", base)
		}
		if err := db.migrate(ctx, v, name); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) migrate(ctx context.Context, version int, name string) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return db.wrap(err, "migrate")
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&n); err != nil {
		return db.wrap(err, "migrate")
	}
	if n > 0 {
		return nil
	}
	body, err := migrations.ReadFile(name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return db.wrap(err, "migration "+filepath.Base(name))
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		version, filepath.Base(name), now()); err != nil {
		return db.wrap(err, "migrate")
	}
	return db.wrap(tx.Commit(), "migrate")
}

// Path returns the database file.
func (db *DB) Path() string { return db.path }

// Close closes the database.
func (db *DB) Close() error {
	var err error
	if db.w != nil {
		// Fold the WAL back into the main file so that a copied .db file is
		// complete on its own.
		db.w.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
		err = db.w.Close()
	}
	if db.r != nil {
		if e := db.r.Close(); err == nil {
			err = e
		}
	}
	return err
}

// IntegrityCheck runs PRAGMA integrity_check and returns its first line,
// "ok" for a sound database.
func (db *DB) IntegrityCheck(ctx context.Context) (string, error) {
	var s string
	err := db.r.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&s)
	return s, db.wrap(err, "integrity check")
}

// SQL gives read access to the database for ad-hoc queries.
func (db *DB) SQL() *sql.DB { return db.r }

// write runs fn in one write transaction.
func (db *DB) write(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	if db.ro {
		return dragoman.Errorf(dragoman.EUNAVAILABLE, "database %s is opened read-only", db.path)
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return db.wrap(err, what)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return db.wrap(err, what)
	}
	return db.wrap(tx.Commit(), what)
}

// read runs fn in one read transaction.
func (db *DB) read(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return db.wrap(err, what)
	}
	defer tx.Rollback()
	return db.wrap(fn(tx), what)
}

// wrap turns SQLite errors into application errors with a clear message.
func (db *DB) wrap(err error, what string) error {
	if err == nil {
		return nil
	}
	if corpus.KeepError(err) {
		return err
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return &dragoman.Error{Code: dragoman.EUNAVAILABLE, Message: fmt.Sprintf("%s: database %s is locked by another process (try again when it finishes)", what, db.path), Err: err}
		case sqlite3.SQLITE_READONLY:
			return &dragoman.Error{Code: dragoman.EUNAVAILABLE, Message: fmt.Sprintf("%s: database %s is read-only (check the permissions of the file and its folder)", what, db.path), Err: err}
		case sqlite3.SQLITE_CANTOPEN:
			return &dragoman.Error{Code: dragoman.EUNAVAILABLE, Message: fmt.Sprintf("%s: cannot open database %s (check the path and permissions)", what, db.path), Err: err}
		case sqlite3.SQLITE_FULL:
			return &dragoman.Error{Code: dragoman.EUNAVAILABLE, Message: fmt.Sprintf("%s: disk full writing %s; the last batch was rolled back, everything stored before it is intact", what, db.path), Err: err}
		case sqlite3.SQLITE_IOERR:
			return &dragoman.Error{Code: dragoman.EUNAVAILABLE, Message: fmt.Sprintf("%s: I/O error on %s; the last batch was rolled back", what, db.path), Err: err}
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return &dragoman.Error{Code: dragoman.EINVALID, Message: fmt.Sprintf("%s: database %s is corrupt or not a dragoman database", what, db.path), Err: err}
		}
	}
	return fmt.Errorf("%s: %w", what, err)
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }
