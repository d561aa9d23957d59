package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/corpus"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

const articleColumns = `a.id, a.source, a.url, a.title, a.site_name, a.language, a.published, a.country,
	coalesce(a.duplicate_of, ''), a.sentences, a.entities, a.quotes, a.events, a.ingested_at`

func scanArticle(s interface{ Scan(...any) error }) (dragoman.ArticleRecord, error) {
	var r dragoman.ArticleRecord
	var published sql.NullString
	var ingested string
	err := s.Scan(&r.ID, &r.Source, &r.URL, &r.Title, &r.SiteName, &r.Language, &published, &r.Country,
		&r.DuplicateOf, &r.Sentences, &r.Entities, &r.Quotes, &r.Events, &ingested)
	r.Published = parseTime(published)
	r.IngestedAt, _ = time.Parse(time.RFC3339, ingested)
	return r, err
}

// Article returns one article's record.
func (db *DB) Article(ctx context.Context, id string) (*dragoman.ArticleRecord, error) {
	var r dragoman.ArticleRecord
	err := db.read(ctx, "read article", func(tx *sql.Tx) error {
		var err error
		r, err = scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return dragoman.Errorf(dragoman.ENOTFOUND, "no article %q", id)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// Document returns an article's stored document.
func (db *DB) Document(ctx context.Context, id string) (*dragoman.Document, error) {
	var d *dragoman.Document
	err := db.read(ctx, "read document", func(tx *sql.Tx) error {
		var blob []byte
		var body string
		err := tx.QueryRowContext(ctx, `SELECT doc, body FROM articles WHERE id = ?`, id).Scan(&blob, &body)
		if errors.Is(err, sql.ErrNoRows) {
			return dragoman.Errorf(dragoman.ENOTFOUND, "no article %q", id)
		}
		if err != nil {
			return err
		}
		d, err = corpus.DecodeDocument(blob, body)
		return err
	})
	return d, err
}

// Articles lists articles, newest first.
func (db *DB) Articles(ctx context.Context, f dragoman.ArticleFilter) ([]dragoman.ArticleRecord, error) {
	var out []dragoman.ArticleRecord
	err := db.read(ctx, "list articles", func(tx *sql.Tx) error {
		var w where
		if !f.IncludeDuplicates {
			w.add(`a.duplicate_of IS NULL`)
		}
		w.days("a.day", f.Since, f.Until)
		if f.Country != "" {
			w.add(`a.seq IN (SELECT article_seq FROM article_countries WHERE country = ?)`, strings.ToUpper(f.Country))
		}
		if f.Actor != "" {
			ids, err := actorIDs(ctx, tx, f.Actor)
			if err != nil {
				return err
			}
			w.add(`a.seq IN (SELECT article_seq FROM entities WHERE actor_id IN (`+placeholders(len(ids))+`))`, anys(ids)...)
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles a`+w.sql()+
			` ORDER BY a.published DESC, a.seq DESC`+limit(f.Limit, f.Offset), w.args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r, err := scanArticle(rows)
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	return out, err
}

// ftsError turns an FTS5 syntax error into a clear invalid-query error.
func ftsError(query string, err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	msg := err.Error()
	// The search statements are fixed but for the MATCH text, so a plain
	// SQL error (code 1, not busy, I/O or corruption) is the query's.
	if errors.As(err, &se) && se.Code() == sqlite3.SQLITE_ERROR {
		detail := msg
		if i := strings.Index(detail, "fts5: "); i >= 0 {
			detail = detail[i+len("fts5: "):]
		} else if i := strings.LastIndex(detail, "SQL logic error: "); i >= 0 {
			detail = detail[i+len("SQL logic error: "):]
		} else if i := strings.LastIndex(detail, ": "); i >= 0 {
			detail = detail[i+2:]
		}
		detail = strings.TrimSuffix(detail, " (1)")
		return &dragoman.Error{Code: dragoman.EINVALID, Message: "malformed search query " + quote(query) + ": " + detail +
			` (use words, "quoted phrases", AND, OR, NOT, prefix*; quote words with punctuation)`}
	}
	return err
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// where builds a WHERE clause.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) days(col string, since, until time.Time) {
	if !since.IsZero() {
		w.add(col+` >= ?`, since.UTC().Format("2006-01-02"))
	}
	if !until.IsZero() {
		w.add(col+` <= ?`, until.UTC().Format("2006-01-02"))
	}
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

func limit(n, off int) string {
	if n <= 0 && off <= 0 {
		return ""
	}
	if n <= 0 {
		n = -1
	}
	return " LIMIT " + itoa(n) + " OFFSET " + itoa(off)
}

func itoa(n int) string { return strconv.Itoa(n) }

func parseTime(s sql.NullString) *time.Time {
	if !s.Valid || s.String == "" {
		return nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02"} {
		if t, err := time.Parse(layout, s.String); err == nil {
			return &t
		}
	}
	return nil
}
