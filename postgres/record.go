package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/corpus"
)

func queryQuotes(ctx context.Context, tx pgx.Tx, cond string, args []any, n, off int) ([]dragoman.QuoteRecord, error) {
	q := `SELECT a.id, a.title, a.published, q.qid, q.kind, q.text, q.start, q."end", q.speaker, coalesce(q.actor_id, ''),
		q.attribution, q.cue, q.duplicate
		FROM quotes q JOIN articles a ON a.seq = q.article_seq`
	if cond != "" {
		q += ` WHERE ` + cond
	}
	q += ` ORDER BY q.day DESC NULLS LAST, q.seq DESC` + limit(n, off)
	rows, err := tx.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dragoman.QuoteRecord
	for rows.Next() {
		var r dragoman.QuoteRecord
		var qid, kind string
		if err := rows.Scan(&r.ArticleID, &r.ArticleTitle, &r.Published, &qid, &kind, &r.Text, &r.Start, &r.End,
			&r.Speaker, &r.ActorID, &r.Attribution, &r.Cue, &r.Duplicate); err != nil {
			return nil, err
		}
		r.ID = r.ArticleID + "/" + qid
		r.Kind = dragoman.QuoteKind(kind)
		r.Published = utc(r.Published)
		out = append(out, r)
	}
	return out, rows.Err()
}

// Quotes lists quotes, newest first.
func (db *DB) Quotes(ctx context.Context, f dragoman.QuoteFilter) ([]dragoman.QuoteRecord, error) {
	var out []dragoman.QuoteRecord
	err := db.read(ctx, "list quotes", func(tx pgx.Tx) error {
		var w where
		if !f.IncludeDuplicates {
			w.add(`NOT q.duplicate`)
		}
		w.days("q.day", f.Since, f.Until)
		if f.ArticleID != "" {
			w.add(`a.id = ?`, f.ArticleID)
		}
		if f.Speaker != "" {
			ids, err := actorIDs(ctx, tx, f.Speaker)
			if err != nil {
				return err
			}
			w.add(`q.actor_id = ANY(?)`, ids)
		}
		cond := strings.TrimPrefix(w.sql(), " WHERE ")
		var err error
		out, err = queryQuotes(ctx, tx, cond, w.args, f.Limit, f.Offset)
		return err
	})
	return out, err
}

const eventColumns = `e.seq, e.vid, a.id, a.url, to_char(e.day, 'YYYY-MM-DD'), a.published, e.code, e.base, e.root, e.label, e.quad_class, e.goldstein,
	e.source_name, e.source_code, e.source_country, coalesce(e.source_actor, ''),
	e.target_name, e.target_code, e.target_country, coalesce(e.target_actor, ''),
	e.trigger, e.evidence, e.negated, e.modality, e.reported, e.location, e.location_country, e.duplicate, a.ingested_at`

func queryEvents(ctx context.Context, tx pgx.Tx, whereSQL string, args []any, tail string) ([]dragoman.EventRecord, error) {
	rows, err := tx.Query(ctx, `SELECT `+eventColumns+` FROM events e JOIN articles a ON a.seq = e.article_seq`+
		whereSQL+` ORDER BY e.day DESC NULLS LAST, e.seq DESC`+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dragoman.EventRecord
	for rows.Next() {
		var r dragoman.EventRecord
		var vid string
		var day *string
		var src, tgt dragoman.EventActor
		if err := rows.Scan(&r.Seq, &vid, &r.ArticleID, &r.URL, &day, &r.Published, &r.Code, &r.Base, &r.Root, &r.Label, &r.QuadClass, &r.Goldstein,
			&src.Name, &src.Code, &src.Country, &src.ActorID, &tgt.Name, &tgt.Code, &tgt.Country, &tgt.ActorID,
			&r.Trigger, &r.Evidence, &r.Negated, &r.Modality, &r.Reported, &r.Location, &r.LocationCountry, &r.Duplicate, &r.IngestedAt); err != nil {
			return nil, err
		}
		if day != nil {
			r.Date = *day
		}
		r.Published = utc(r.Published)
		r.IngestedAt = r.IngestedAt.UTC()
		corpus.CompleteEvent(&r, vid, src, tgt)
		out = append(out, r)
	}
	return out, rows.Err()
}

// sideCond matches one side of an event ("source" or "target") against an
// actor id, a name, or a country or CAMEO code.
func sideCond(ctx context.Context, tx pgx.Tx, side, ref string) (string, []any, error) {
	ref = strings.TrimSpace(ref)
	if corpus.IsCode(ref) {
		ids, err := actorIDs(ctx, tx, ref)
		if err == nil && strings.HasPrefix(ref, "A") && len(ids) == 1 && ids[0] == ref {
			return `e.` + side + `_actor = ?`, []any{ref}, nil
		}
		c := strings.ToUpper(ref)
		if len(c) == 3 {
			return `(e.` + side + `_country = ? OR e.` + side + `_code = ?)`, []any{c, c}, nil
		}
		return `e.` + side + `_code LIKE ?`, []any{likePrefix(c)}, nil
	}
	ids, err := actorIDs(ctx, tx, ref)
	if err != nil {
		return "", nil, err
	}
	return `e.` + side + `_actor = ANY(?)`, []any{ids}, nil
}

// Events lists events, newest first.
func (db *DB) Events(ctx context.Context, f dragoman.EventFilter) ([]dragoman.EventRecord, error) {
	var out []dragoman.EventRecord
	err := db.read(ctx, "list events", func(tx pgx.Tx) error {
		var w where
		if !f.IncludeDuplicates {
			w.add(`NOT e.duplicate`)
		}
		if !f.IncludeNegated {
			w.add(`NOT e.negated`)
		}
		w.days("e.day", f.Since, f.Until)
		if f.ArticleID != "" {
			w.add(`a.id = ?`, f.ArticleID)
		}
		if f.Root != "" {
			w.add(`e.root = ?`, f.Root)
		}
		if f.Code != "" {
			w.add(`e.code LIKE ?`, likePrefix(f.Code))
		}
		if f.QuadClass != 0 {
			w.add(`e.quad_class = ?`, f.QuadClass)
		}
		if f.Country != "" {
			c := strings.ToUpper(f.Country)
			w.add(`(e.source_country = ? OR e.target_country = ? OR e.location_country = ?)`, c, c, c)
		}
		for _, s := range []struct{ side, ref string }{{"source", f.Source}, {"target", f.Target}} {
			if s.ref == "" {
				continue
			}
			cond, args, err := sideCond(ctx, tx, s.side, s.ref)
			if err != nil {
				return err
			}
			w.add(cond, args...)
		}
		if f.Actor != "" {
			ids, err := actorIDs(ctx, tx, f.Actor)
			if err != nil {
				return err
			}
			w.add(`(e.source_actor = ANY(?) OR e.target_actor = ANY(?))`, ids, ids)
		}
		var err error
		out, err = queryEvents(ctx, tx, w.sql(), w.args, limit(f.Limit, f.Offset))
		return err
	})
	return out, err
}

// Dyad counts the events between A and B per period.
func (db *DB) Dyad(ctx context.Context, q dragoman.DyadQuery) ([]dragoman.DyadPoint, error) {
	by, err := corpus.DyadPeriod(q)
	if err != nil {
		return nil, err
	}
	var out []dragoman.DyadPoint
	err = db.read(ctx, "dyad", func(tx pgx.Tx) error {
		sa, aa, err := sideCond(ctx, tx, "source", q.A)
		if err != nil {
			return err
		}
		tb, ab, err := sideCond(ctx, tx, "target", q.B)
		if err != nil {
			return err
		}
		var w where
		w.add(`NOT e.duplicate AND NOT e.negated AND e.day IS NOT NULL`)
		w.days("e.day", q.Since, q.Until)
		if q.Directed {
			w.add(sa+` AND `+tb, append(aa, ab...)...)
		} else {
			sb, bb, _ := sideCond(ctx, tx, "source", q.B)
			ta, ba, _ := sideCond(ctx, tx, "target", q.A)
			args := append(append(append(aa, ab...), bb...), ba...)
			w.add(`((`+sa+` AND `+tb+`) OR (`+sb+` AND `+ta+`))`, args...)
		}
		rows, err := tx.Query(ctx, `SELECT e.day, e.quad_class, count(*), sum(e.goldstein) FROM events e`+w.sql()+
			` GROUP BY e.day, e.quad_class`, w.args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		series := corpus.NewDyadSeries(by)
		for rows.Next() {
			var day time.Time
			var quad, n int
			var sum float64
			if err := rows.Scan(&day, &quad, &n, &sum); err != nil {
				return err
			}
			series.Add(day.UTC(), quad, n, sum)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		out = series.Points()
		return nil
	})
	return out, err
}

// Stats counts what the store holds.
func (db *DB) Stats(ctx context.Context) (*dragoman.Stats, error) {
	var s dragoman.Stats
	err := db.read(ctx, "stats", func(tx pgx.Tx) error {
		var first, last *time.Time
		for _, c := range []struct {
			q   string
			dst []any
		}{
			{`SELECT count(*) FILTER (WHERE duplicate_of IS NULL), count(*) FILTER (WHERE duplicate_of IS NOT NULL), min(day), max(day) FROM articles`, []any{&s.Articles, &s.Duplicates, &first, &last}},
			{`SELECT count(*) FROM actors WHERE merged_into IS NULL AND articles > 0`, []any{&s.Actors}},
			{`SELECT count(*) FROM mentions`, []any{&s.Mentions}},
			{`SELECT count(*) FROM quotes WHERE NOT duplicate`, []any{&s.Quotes}},
			{`SELECT count(*) FROM events WHERE NOT duplicate`, []any{&s.Events}},
			{`SELECT count(*) FROM dates`, []any{&s.Dates}},
			{`SELECT count(*) FROM ingest_errors`, []any{&s.IngestErrors}},
		} {
			if err := tx.QueryRow(ctx, c.q).Scan(c.dst...); err != nil {
				return err
			}
		}
		s.First, s.Last = utc(first), utc(last)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &s, nil
}

// IngestErrors lists recorded failures, newest first.
func (db *DB) IngestErrors(ctx context.Context, n int) ([]dragoman.IngestFailure, error) {
	var out []dragoman.IngestFailure
	err := db.read(ctx, "list ingest errors", func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT source, article_id, stage, message, at FROM ingest_errors ORDER BY seq DESC`+limit(n, 0))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var f dragoman.IngestFailure
			if err := rows.Scan(&f.Source, &f.ArticleID, &f.Stage, &f.Message, &f.At); err != nil {
				return err
			}
			f.At = f.At.UTC()
			out = append(out, f)
		}
		return rows.Err()
	})
	return out, err
}
