package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/corpus"
)

func queryQuotes(ctx context.Context, tx *sql.Tx, cond string, args []any, n, off int) ([]dragoman.QuoteRecord, error) {
	q := `SELECT a.id, a.title, a.published, q.qid, q.kind, q.text, q.start, q.end, q.speaker, coalesce(q.actor_id, ''),
		q.attribution, q.cue, q.duplicate
		FROM quotes q JOIN articles a ON a.seq = q.article_seq`
	if cond != "" {
		q += ` WHERE ` + cond
	}
	q += ` ORDER BY q.day DESC, q.seq DESC` + limit(n, off)
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dragoman.QuoteRecord
	for rows.Next() {
		var r dragoman.QuoteRecord
		var published sql.NullString
		var qid, kind string
		var dup int
		if err := rows.Scan(&r.ArticleID, &r.ArticleTitle, &published, &qid, &kind, &r.Text, &r.Start, &r.End,
			&r.Speaker, &r.ActorID, &r.Attribution, &r.Cue, &dup); err != nil {
			return nil, err
		}
		r.ID = r.ArticleID + "/" + qid
		r.Kind = dragoman.QuoteKind(kind)
		r.Published = parseTime(published)
		r.Duplicate = dup == 1
		out = append(out, r)
	}
	return out, rows.Err()
}

// Quotes lists quotes, newest first.
func (db *DB) Quotes(ctx context.Context, f dragoman.QuoteFilter) ([]dragoman.QuoteRecord, error) {
	var out []dragoman.QuoteRecord
	err := db.read(ctx, "list quotes", func(tx *sql.Tx) error {
		var w where
		if !f.IncludeDuplicates {
			w.add(`q.duplicate = 0`)
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
			w.add(`q.actor_id IN (`+placeholders(len(ids))+`)`, anys(ids)...)
		}
		cond := strings.TrimPrefix(w.sql(), " WHERE ")
		var err error
		out, err = queryQuotes(ctx, tx, cond, w.args, f.Limit, f.Offset)
		return err
	})
	return out, err
}

const eventColumns = `e.seq, e.vid, a.id, a.url, e.day, a.published, e.code, e.base, e.root, e.label, e.quad_class, e.goldstein,
	e.source_name, e.source_code, e.source_country, coalesce(e.source_actor, ''),
	e.target_name, e.target_code, e.target_country, coalesce(e.target_actor, ''),
	e.trigger, e.evidence, e.negated, e.modality, e.reported, e.location, e.location_country, e.duplicate, a.ingested_at`

func queryEvents(ctx context.Context, tx *sql.Tx, whereSQL string, args []any, tail string) ([]dragoman.EventRecord, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+eventColumns+` FROM events e JOIN articles a ON a.seq = e.article_seq`+
		whereSQL+` ORDER BY e.day DESC, e.seq DESC`+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dragoman.EventRecord
	for rows.Next() {
		var r dragoman.EventRecord
		var vid string
		var day, published sql.NullString
		var src, tgt dragoman.EventActor
		var neg, rep, dup int
		var ingested string
		if err := rows.Scan(&r.Seq, &vid, &r.ArticleID, &r.URL, &day, &published, &r.Code, &r.Base, &r.Root, &r.Label, &r.QuadClass, &r.Goldstein,
			&src.Name, &src.Code, &src.Country, &src.ActorID, &tgt.Name, &tgt.Code, &tgt.Country, &tgt.ActorID,
			&r.Trigger, &r.Evidence, &neg, &r.Modality, &rep, &r.Location, &r.LocationCountry, &dup, &ingested); err != nil {
			return nil, err
		}
		r.Date = day.String
		r.Published = parseTime(published)
		r.Negated, r.Reported, r.Duplicate = neg == 1, rep == 1, dup == 1
		r.IngestedAt, _ = time.Parse(time.RFC3339, ingested)
		corpus.CompleteEvent(&r, vid, src, tgt)
		out = append(out, r)
	}
	return out, rows.Err()
}

// sideCond matches one side of an event ("source" or "target") against an
// actor id, a name, or a country or CAMEO code.
func sideCond(ctx context.Context, tx *sql.Tx, side, ref string) (string, []any, error) {
	ref = strings.TrimSpace(ref)
	if corpus.IsCode(ref) {
		ids, err := actorIDs(ctx, tx, ref)
		if err == nil && strings.HasPrefix(ref, "A") && len(ids) == 1 && ids[0] == ref {
			return `e.` + side + `_actor = ?`, []any{ref}, nil
		}
		c := strings.ToUpper(ref)
		if len(c) == 3 {
			// The country column holds the code's country too (RUSGOV ->
			// RUS), so one indexed equality does.
			return `e.` + side + `_country = ?`, []any{c}, nil
		}
		return `e.` + side + `_code LIKE ?`, []any{c + "%"}, nil
	}
	ids, err := actorIDs(ctx, tx, ref)
	if err != nil {
		return "", nil, err
	}
	return `e.` + side + `_actor IN (` + placeholders(len(ids)) + `)`, anys(ids), nil
}

// Events lists events, newest first.
func (db *DB) Events(ctx context.Context, f dragoman.EventFilter) ([]dragoman.EventRecord, error) {
	var out []dragoman.EventRecord
	err := db.read(ctx, "list events", func(tx *sql.Tx) error {
		var w where
		if !f.IncludeDuplicates {
			w.add(`e.duplicate = 0`)
		}
		if !f.IncludeNegated {
			w.add(`e.negated = 0`)
		}
		w.days("e.day", f.Since, f.Until)
		if f.ArticleID != "" {
			w.add(`a.id = ?`, f.ArticleID)
		}
		if f.Root != "" {
			w.add(`e.root = ?`, f.Root)
		}
		if f.Code != "" {
			w.add(`e.code LIKE ?`, f.Code+"%")
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
			in := placeholders(len(ids))
			w.add(`(e.source_actor IN (`+in+`) OR e.target_actor IN (`+in+`))`, append(anys(ids), anys(ids)...)...)
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
	err = db.read(ctx, "dyad", func(tx *sql.Tx) error {
		sa, aa, err := sideCond(ctx, tx, "source", q.A)
		if err != nil {
			return err
		}
		tb, ab, err := sideCond(ctx, tx, "target", q.B)
		if err != nil {
			return err
		}
		var w where
		w.add(`e.duplicate = 0 AND e.negated = 0 AND e.day IS NOT NULL`)
		w.days("e.day", q.Since, q.Until)
		if q.Directed {
			w.add(sa+` AND `+tb, append(aa, ab...)...)
		} else {
			sb, bb, _ := sideCond(ctx, tx, "source", q.B)
			ta, ba, _ := sideCond(ctx, tx, "target", q.A)
			args := append(append(append(aa, ab...), bb...), ba...)
			w.add(`((`+sa+` AND `+tb+`) OR (`+sb+` AND `+ta+`))`, args...)
		}
		rows, err := tx.QueryContext(ctx, `SELECT e.day, e.quad_class, count(*), sum(e.goldstein) FROM events e`+w.sql()+
			` GROUP BY e.day, e.quad_class`, w.args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		series := corpus.NewDyadSeries(by)
		for rows.Next() {
			var day string
			var quad, n int
			var sum float64
			if err := rows.Scan(&day, &quad, &n, &sum); err != nil {
				return err
			}
			t, err := time.Parse("2006-01-02", day)
			if err != nil {
				continue
			}
			series.Add(t, quad, n, sum)
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
	err := db.read(ctx, "stats", func(tx *sql.Tx) error {
		var first, last sql.NullString
		var articles, quotes, quoteDups, events, eventDups int
		// Each count is of a whole table or an index (the smallest, or a
		// partial index of the near-duplicates), never a scan of rows.
		for _, c := range []struct {
			q   string
			dst []any
		}{
			{`SELECT count(*) FROM articles`, []any{&articles}},
			{`SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL`, []any{&s.Duplicates}},
			{`SELECT min(day) FROM articles`, []any{&first}},
			{`SELECT max(day) FROM articles`, []any{&last}},
			{`SELECT count(*) FROM actors WHERE merged_into IS NULL AND articles > 0`, []any{&s.Actors}},
			{`SELECT count(*) FROM mentions`, []any{&s.Mentions}},
			{`SELECT count(*) FROM quotes`, []any{&quotes}},
			{`SELECT count(*) FROM quotes WHERE duplicate = 1`, []any{&quoteDups}},
			{`SELECT count(*) FROM events`, []any{&events}},
			{`SELECT count(*) FROM events WHERE duplicate = 1`, []any{&eventDups}},
			{`SELECT count(*) FROM dates`, []any{&s.Dates}},
			{`SELECT count(*) FROM ingest_errors`, []any{&s.IngestErrors}},
		} {
			if err := tx.QueryRowContext(ctx, c.q).Scan(c.dst...); err != nil {
				return err
			}
		}
		s.Articles = articles - s.Duplicates
		s.Quotes = quotes - quoteDups
		s.Events = events - eventDups
		s.First, s.Last = parseTime(first), parseTime(last)
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
	err := db.read(ctx, "list ingest errors", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT source, article_id, stage, message, at FROM ingest_errors ORDER BY seq DESC`+limit(n, 0))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var f dragoman.IngestFailure
			var at string
			if err := rows.Scan(&f.Source, &f.ArticleID, &f.Stage, &f.Message, &at); err != nil {
				return err
			}
			f.At, _ = time.Parse(time.RFC3339, at)
			out = append(out, f)
		}
		return rows.Err()
	})
	return out, err
}
