package postgres

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/corpus"
)

// Has reports which of ids are stored.
func (db *DB) Has(ctx context.Context, ids []string) (map[string]bool, error) {
	out := make(map[string]bool, len(ids))
	err := db.read(ctx, "look up articles", func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT id FROM articles WHERE id = ANY($1)`, ids)
		if err != nil {
			return err
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
		for _, id := range ids {
			out[id] = true
		}
		return err
	})
	return out, err
}

// Put stores a batch in one transaction. It first takes a transaction
// advisory lock on every name and MinHash band the batch touches, in one
// order, so that writers resolving the same names or near-duplicate
// stories take turns (and never deadlock on those); an article id already
// stored, or being stored by another writer, is skipped once that writer
// commits.
func (db *DB) Put(ctx context.Context, b dragoman.Batch) (dragoman.PutResult, error) {
	var res dragoman.PutResult
	err := db.write(ctx, "store batch", func(tx pgx.Tx) error {
		p := &putter{tx: tx, ctx: ctx, at: time.Now().UTC()}
		if err := p.lock(b.Documents); err != nil {
			return err
		}
		var err error
		if res, err = corpus.PutEach(b.Documents, p.document); err != nil {
			return err
		}
		if err := p.writeActors(); err != nil {
			return err
		}
		if err := p.flush(); err != nil {
			return err
		}
		for _, f := range b.Failures {
			at := corpus.FailedAt(f)
			if _, err := tx.Exec(ctx, `INSERT INTO ingest_errors (source, article_id, stage, message, at) VALUES ($1,$2,$3,$4,$5) ON CONFLICT DO NOTHING`,
				f.Source, f.ArticleID, f.Stage, f.Message, at.UTC()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return dragoman.PutResult{}, err
	}
	return res, nil
}

type putter struct {
	tx  pgx.Tx
	ctx context.Context
	at  time.Time
	// This batch's first copies, for near-duplicates within the batch
	// (their bands are written at the end).
	batch []batchSig
	// Rows written with COPY at the end of the batch.
	rows map[string][][]any
	// The role titles (lower case) given to actors in this batch.
	roles map[string]map[string]bool
	// The actors of the batch's names, and what the batch adds to them.
	state *actorState
}

type batchSig struct {
	id    string
	sig   corpus.Signature
	bands [corpus.Bands]int64
}

// copyColumns are the tables written with COPY, and their columns.
var copyColumns = map[string][]string{
	"article_bands":     {"band", "key", "article_seq"},
	"article_countries": {"country", "article_seq"},
	"entities":          {"article_seq", "entity", "actor_id", "name", "type", "country", "code", "mentions"},
	"roles":             {"article_seq", "entity", "actor_id", "title", "of", "country", "type", "former"},
	"mentions":          {"article_seq", "entity", "actor_id", "start", "end", "text", "type", "sentence", "origin"},
	"quotes": {"article_seq", "qid", "kind", "text", "start", "end", "sentence", "speaker", "speaker_entity", "actor_id",
		"attribution", "cue", "medium", "day", "duplicate"},
	"events": {"article_seq", "vid", "day", "date_value", "code", "base", "root", "label", "quad_class", "goldstein",
		"source_name", "source_code", "source_country", "source_entity", "source_actor",
		"target_name", "target_code", "target_country", "target_entity", "target_actor",
		"trigger", "evidence", "sentence", "negated", "modality", "reported", "location", "location_country", "duplicate"},
	"dates": {"article_seq", "start", "end", "text", "sentence", "kind", "value", "begin", "end_day", "precision"},
}

// copyOrder writes parents before the rows that point at them.
var copyOrder = []string{"article_bands", "article_countries", "entities", "roles", "mentions", "quotes", "events", "dates"}

func (p *putter) add(table string, row ...any) {
	if p.rows == nil {
		p.rows = map[string][][]any{}
	}
	p.rows[table] = append(p.rows[table], row)
}

// flush writes the batch's rows with COPY.
func (p *putter) flush() error {
	for _, table := range copyOrder {
		rows := p.rows[table]
		if len(rows) == 0 {
			continue
		}
		if _, err := p.tx.CopyFrom(p.ctx, pgx.Identifier{table}, copyColumns[table], pgx.CopyFromRows(rows)); err != nil {
			return fmt.Errorf("copy %s: %w", table, err)
		}
	}
	return nil
}

// lock takes the advisory locks of the batch: article ids, name keys and
// band keys, sorted, in one round trip.
func (p *putter) lock(docs []*dragoman.Document) error {
	seen := map[int64]bool{}
	var keys []int64
	addKey := func(k int64) {
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	for _, d := range docs {
		if d == nil {
			continue
		}
		addKey(lockKey("article", d.Article.ID))
		for _, k := range corpus.Sign(d.Article.Title + "\n" + d.Article.Body).Bands() {
			addKey(k)
		}
		for i := range d.Entities {
			for _, k := range corpus.EntityKeys(&d.Entities[i]) {
				addKey(lockKey("name", k.Key))
				if s := corpus.Surname(k.Written); s != "" {
					addKey(lockKey("name", s))
				}
			}
		}
	}
	slices.Sort(keys)
	// One statement: a function scan returns the array's elements in
	// order, so the locks are taken in that order.
	_, err := p.tx.Exec(p.ctx, `SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k`, keys)
	return err
}

// document stores one document; added is false when it was already
// stored. It takes two round trips: one reads whether the article is
// stored, its near-duplicate candidates and what its names are known as;
// the other inserts the article with its actors' counts and names. The
// annotations wait for the batch's COPY.
func (p *putter) document(d *dragoman.Document) (added bool, dup *dragoman.NearDup, err error) {
	a := &d.Article
	if a.ID == "" {
		return false, nil, dragoman.Errorf(dragoman.EINVALID, "article from %s has no id", a.Source)
	}
	// PostgreSQL text holds neither NUL bytes nor invalid UTF-8: say so
	// rather than fail the batch with the server's message.
	for _, t := range []string{a.Title, a.Body} {
		if strings.IndexByte(t, 0) >= 0 || !utf8.ValidString(t) {
			return false, nil, dragoman.Errorf(dragoman.EINVALID, "article %s (%s) has NUL bytes or invalid UTF-8 in its text, which PostgreSQL cannot store", a.ID, a.Source)
		}
	}
	sig := corpus.Sign(a.Title + "\n" + a.Body)
	bands := sig.Bands()
	r := p.newResolver(d)
	read := &pgx.Batch{}
	read.Queue(`SELECT EXISTS (SELECT 1 FROM articles WHERE id = $1)`, a.ID)
	bandList := make([]int64, 0, len(bands))
	idx := make([]int16, 0, len(bands))
	for i, k := range bands {
		bandList = append(bandList, k)
		idx = append(idx, int16(i))
	}
	read.Queue(`SELECT DISTINCT a.id, a.minhash FROM unnest($1::smallint[], $2::bigint[]) AS q(band, key)
		JOIN LATERAL (SELECT article_seq FROM article_bands b WHERE b.band = q.band AND b.key = q.key LIMIT 50) b ON true
		JOIN articles a ON a.seq = b.article_seq`, idx, bandList)
	r.queueReads(read)
	br := p.tx.SendBatch(p.ctx, read)
	exists := false
	if err := br.QueryRow().Scan(&exists); err != nil || exists {
		br.Close()
		return false, nil, err
	}
	rows, err := br.Query()
	if err != nil {
		br.Close()
		return false, nil, err
	}
	dup, err = p.nearDuplicate(a.ID, sig, bands, rows)
	if err == nil {
		err = r.readReads(br)
	}
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return false, nil, err
	}

	var published *time.Time
	var day any
	prec := ""
	if a.Published != nil && !a.Published.Time.IsZero() {
		t := a.Published.Time.UTC()
		published, day = &t, t.Format("2006-01-02")
		prec = string(a.Published.Precision)
	}
	var dateline, country string
	if a.Dateline != nil {
		dateline, country = a.Dateline.Raw, a.Dateline.CountryCode
		if dateline == "" {
			dateline = a.Dateline.Place
		}
	}
	blob, err := corpus.EncodeDocument(d)
	if err != nil {
		return false, nil, err
	}
	var dupOf *string
	var sim *float64
	if dup != nil {
		dupOf, sim = &dup.Of, &dup.Similarity
	}
	// The article goes first in the write batch; the advisory lock on its
	// id keeps any other writer from inserting it meanwhile.
	var seq int64
	insert := func() error {
		return p.tx.QueryRow(p.ctx, `INSERT INTO articles (id, source, format, url, title, summary, site_name, language, bylines,
		published, day, precision, dateline, country, body, minhash, duplicate_of, similarity,
		sentences, entities, quotes, events, doc, ingested_at)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11::date,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24)
		RETURNING seq`,
			a.ID, a.Source, a.Format, a.URL, a.Title, a.Summary, a.SiteName, a.Language, strings.Join(a.Bylines, "; "),
			published, day, prec, dateline, country, a.Body, sig.Bytes(), dupOf, sim,
			len(d.Sentences), len(d.Entities), len(d.Quotes), len(d.Events), blob, p.at).Scan(&seq)
	}
	isDup := dup != nil
	countries := map[string]bool{}
	if country != "" {
		countries[country] = true
	}
	actors := map[string]string{}
	for i := range d.Entities {
		e := &d.Entities[i]
		id, err := r.resolve(e, day, isDup)
		if err != nil {
			return false, nil, err
		}
		actors[e.ID] = id
		if e.Country != "" && !isDup {
			countries[e.Country] = true
		}
		if id != "" {
			for _, role := range e.Roles {
				if p.roles == nil {
					p.roles = map[string]map[string]bool{}
				}
				if p.roles[id] == nil {
					p.roles[id] = map[string]bool{}
				}
				p.roles[id][strings.ToLower(role.Title)] = true
			}
		}
	}
	if err := insert(); err != nil {
		return false, nil, err
	}

	if dup == nil {
		for i, k := range bands {
			p.add("article_bands", int16(i), k, seq)
		}
		p.batch = append(p.batch, batchSig{id: a.ID, sig: sig, bands: bands})
	}
	p.entities(d, seq, actors)
	p.quotes(d, seq, day, isDup, actors)
	p.events(d, seq, day, isDup, actors, countries)
	for _, t := range d.Dates {
		p.add("dates", seq, t.Span.Start, t.Span.End, t.Text, t.Sentence, t.Kind, t.Value, t.Begin, t.End, string(t.Precision))
	}
	for _, c := range sortedKeys(countries) {
		p.add("article_countries", c, seq)
	}
	return true, dup, nil
}

// nearDuplicate finds a first copy, stored (rows: id and minhash of the
// articles sharing a band) or earlier in the batch, similar enough.
func (p *putter) nearDuplicate(id string, sig corpus.Signature, bands [corpus.Bands]int64, rows pgx.Rows) (*dragoman.NearDup, error) {
	var best *dragoman.NearDup
	consider := func(other string, o corpus.Signature) {
		if s := sig.Similarity(o); s >= corpus.NearDuplicate && (best == nil || s > best.Similarity) {
			best = &dragoman.NearDup{ID: id, Of: other, Similarity: s}
		}
	}
	for rows.Next() {
		var other string
		var mh []byte
		if err := rows.Scan(&other, &mh); err != nil {
			rows.Close()
			return nil, err
		}
		if o, ok := corpus.ParseSignature(mh); ok {
			consider(other, o)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, b := range p.batch {
		for i := range bands {
			if b.bands[i] == bands[i] {
				consider(b.id, b.sig)
				break
			}
		}
	}
	return best, nil
}

// entities adds the rows of the document's entities, roles and mentions.
func (p *putter) entities(d *dragoman.Document, seq int64, actors map[string]string) {
	index := map[string]int{} // entity id -> its row, the last one winning as INSERT OR REPLACE does
	var rows [][]any
	for i := range d.Entities {
		e := &d.Entities[i]
		actorID := actors[e.ID]
		row := []any{seq, e.ID, nullable(actorID), e.Name, string(e.Type), e.Country, e.Actor, len(e.Mentions)}
		if j, ok := index[e.ID]; ok {
			rows[j] = row
		} else {
			index[e.ID] = len(rows)
			rows = append(rows, row)
		}
		for _, r := range e.Roles {
			p.add("roles", seq, e.ID, nullable(actorID), r.Title, r.Of, r.Country, r.Type, r.Former)
		}
	}
	for _, row := range rows {
		p.add("entities", row...)
	}
	mentions := corpus.Mentions(d)
	for _, m := range mentions {
		p.add("mentions", seq, m.Entity, nullable(actors[m.Entity]), m.Start, m.End, m.Text, string(m.Type), m.Sentence, m.Origin)
	}
}

// hasRole reports whether an actor has held a role title, in the store or
// earlier in this batch (whose roles are written at its end).
func (p *putter) hasRole(id, title string) (bool, error) {
	if p.roles[id][strings.ToLower(title)] {
		return true, nil
	}
	var ok bool
	err := p.tx.QueryRow(p.ctx, `SELECT EXISTS (SELECT 1 FROM roles WHERE actor_id = $1 AND lower(title) = lower($2))`, id, title).Scan(&ok)
	return ok, err
}

func (p *putter) quotes(d *dragoman.Document, seq int64, day any, dup bool, actors map[string]string) {
	for i := range d.Quotes {
		q := &d.Quotes[i]
		speaker, entity, cue := corpus.QuoteParts(q)
		p.add("quotes", seq, q.ID, string(q.Kind), q.Text, q.Start, q.End, q.Sentence, speaker, entity, nullable(actors[entity]),
			q.Attribution, cue, q.Medium, dateArg(day), dup)
	}
}

func (p *putter) events(d *dragoman.Document, seq int64, day any, dup bool, actors map[string]string, countries map[string]bool) {
	for i := range d.Events {
		v := &d.Events[i]
		r := corpus.ShapeEvent(d, v, actors)
		evDay := day
		if r.Day != "" {
			evDay = r.Day
		}
		if r.LocationCountry != "" && !dup {
			countries[r.LocationCountry] = true
		}
		src, tgt := r.Source, r.Target
		p.add("events", seq, v.ID, dateArg(evDay), r.DateValue, v.Code, r.Base, r.Root, v.Label, v.QuadClass, v.Goldstein,
			src.Name, src.Code, src.Country, src.Entity, nullable(src.Actor), tgt.Name, tgt.Code, tgt.Country, tgt.Entity, nullable(tgt.Actor),
			v.Trigger.Text, v.Evidence.Text, v.Sentence, v.Negated, v.Modality, v.Reported, r.Location, r.LocationCountry, dup)
	}
}

// dateArg turns a "YYYY-MM-DD" day (or nil) into a value COPY can write
// to a date column.
func dateArg(day any) any {
	s, ok := day.(string)
	if !ok || s == "" {
		return nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return nil
	}
	return t
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
