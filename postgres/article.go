package postgres

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/corpus"
)

const articleColumns = `a.id, a.source, a.url, a.title, a.site_name, a.language, a.published, a.country,
	coalesce(a.duplicate_of, ''), a.sentences, a.entities, a.quotes, a.events, a.ingested_at`

func scanArticle(s pgx.Row) (dragoman.ArticleRecord, error) {
	var r dragoman.ArticleRecord
	err := s.Scan(&r.ID, &r.Source, &r.URL, &r.Title, &r.SiteName, &r.Language, &r.Published, &r.Country,
		&r.DuplicateOf, &r.Sentences, &r.Entities, &r.Quotes, &r.Events, &r.IngestedAt)
	r.Published = utc(r.Published)
	r.IngestedAt = r.IngestedAt.UTC()
	return r, err
}

func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// Article returns one article's record.
func (db *DB) Article(ctx context.Context, id string) (*dragoman.ArticleRecord, error) {
	var r dragoman.ArticleRecord
	err := db.read(ctx, "read article", func(tx pgx.Tx) error {
		var err error
		r, err = scanArticle(tx.QueryRow(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = $1`, id))
		if err == pgx.ErrNoRows {
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
	err := db.read(ctx, "read document", func(tx pgx.Tx) error {
		var blob []byte
		var body string
		err := tx.QueryRow(ctx, `SELECT doc, body FROM articles WHERE id = $1`, id).Scan(&blob, &body)
		if err == pgx.ErrNoRows {
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

// articleFilters adds the country and actor filters shared by Articles and
// Search.
func articleFilters(ctx context.Context, tx pgx.Tx, w *where, country, actor string) error {
	if country != "" {
		w.add(`a.seq IN (SELECT article_seq FROM article_countries WHERE country = ?)`, strings.ToUpper(country))
	}
	if actor != "" {
		ids, err := actorIDs(ctx, tx, actor)
		if err != nil {
			return err
		}
		w.add(`a.seq IN (SELECT article_seq FROM entities WHERE actor_id = ANY(?))`, ids)
	}
	return nil
}

// Articles lists articles, newest first.
func (db *DB) Articles(ctx context.Context, f dragoman.ArticleFilter) ([]dragoman.ArticleRecord, error) {
	var out []dragoman.ArticleRecord
	err := db.read(ctx, "list articles", func(tx pgx.Tx) error {
		var w where
		if !f.IncludeDuplicates {
			w.add(`a.duplicate_of IS NULL`)
		}
		w.days("a.day", f.Since, f.Until)
		if err := articleFilters(ctx, tx, &w, f.Country, f.Actor); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT `+articleColumns+` FROM articles a`+w.sql()+
			` ORDER BY a.published DESC NULLS LAST, a.seq DESC`+limit(f.Limit, f.Offset), w.args...)
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

// rankWeights weigh the classes D, C, B, A of ts_rank_cd: the title (A)
// counts five times the body (B), as bm25(articles_fts, 5.0, 1.0) does in
// the SQLite backend.
const rankWeights = `'{0.05, 0.1, 0.2, 1.0}'`

// rankCap bounds the work of one search, as in the SQLite backend: the
// matches are ranked among the rankCap most recently stored ones, so that
// a very common word does not rank (and read the text vectors of) every
// article. A query matching at most rankCap articles is ranked exactly.
const rankCap = 400

// Search runs a full-text query, best first. Rank is minus ts_rank_cd
// (title weighted 5x), so that lower is better as with bm25.
func (db *DB) Search(ctx context.Context, q dragoman.SearchQuery) ([]dragoman.SearchHit, error) {
	tree, err := parseQuery(q.Query)
	if err != nil {
		return nil, err
	}
	if q.Limit <= 0 {
		q.Limit = 20
	}
	var out []dragoman.SearchHit
	err = db.read(ctx, "search", func(tx pgx.Tx) error {
		var w where
		tsq := tree.tsquery(&w)
		w.add(`a.tsv @@ ` + tsq)
		w.add(`a.duplicate_of IS NULL`)
		w.days("a.day", q.Since, q.Until)
		if err := articleFilters(ctx, tx, &w, q.Country, q.Actor); err != nil {
			return err
		}
		// The tsquery is written out in the WHERE clause, and the query
		// planned with its values (QueryExecModeExec: no cached generic
		// plan), so that the planner knows how common the words are: the
		// GIN index for rare ones, the newest rows first for common ones.
		args := append([]any{pgx.QueryExecModeExec}, w.args...)
		rows, err := tx.Query(ctx, `WITH m AS MATERIALIZED (SELECT a.seq FROM articles a`+w.sql()+
			` ORDER BY a.seq DESC LIMIT `+itoa(rankCap)+`), q AS MATERIALIZED (SELECT `+tsq+` AS q)
			SELECT h.id, h.title, h.url, h.published, h.body, q.q::text, h.r
			FROM (SELECT a.seq, a.id, a.title, a.url, a.published, a.body, -ts_rank_cd(`+rankWeights+`, a.tsv, q.q) AS r
				FROM m JOIN articles a ON a.seq = m.seq, q ORDER BY r, a.seq`+limit(q.Limit, q.Offset)+`) h, q
			ORDER BY h.r, h.seq`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var h dragoman.SearchHit
			var r float32
			var body, tsq string
			if err := rows.Scan(&h.ArticleID, &h.Title, &h.URL, &h.Published, &body, &tsq, &r); err != nil {
				return err
			}
			h.Snippet = snippet(body, lexemes(tsq))
			h.Published = utc(h.Published)
			h.Rank = float64(r)
			out = append(out, h)
		}
		return rows.Err()
	})
	return out, err
}

func itoa(n int) string { return strconv.Itoa(n) }
