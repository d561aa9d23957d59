package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/corpus"
)

// Has reports which of ids are stored.
func (db *DB) Has(ctx context.Context, ids []string) (map[string]bool, error) {
	out := make(map[string]bool, len(ids))
	err := db.read(ctx, "look up articles", func(tx *sql.Tx) error {
		for start := 0; start < len(ids); start += 500 {
			chunk := ids[start:min(start+500, len(ids))]
			q := `SELECT id FROM articles WHERE id IN (` + placeholders(len(chunk)) + `)`
			rows, err := tx.QueryContext(ctx, q, anys(chunk)...)
			if err != nil {
				return err
			}
			for rows.Next() {
				var id string
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return err
				}
				out[id] = true
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// Put stores a batch in one transaction.
func (db *DB) Put(ctx context.Context, b dragoman.Batch) (dragoman.PutResult, error) {
	var res dragoman.PutResult
	err := db.write(ctx, "store batch", func(tx *sql.Tx) error {
		p := &putter{tx: tx, ctx: ctx, at: now()}
		var err error
		if res, err = corpus.PutEach(b.Documents, p.document); err != nil {
			return err
		}
		for _, f := range b.Failures {
			at := corpus.FailedAt(f)
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO ingest_errors (source, article_id, stage, message, at) VALUES (?,?,?,?,?)`,
				f.Source, f.ArticleID, f.Stage, f.Message, at.UTC().Format(time.RFC3339)); err != nil {
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
	tx    *sql.Tx
	ctx   context.Context
	at    string
	stmts map[string]*sql.Stmt // prepared once a transaction
}

func (p *putter) stmt(q string) (*sql.Stmt, error) {
	if s, ok := p.stmts[q]; ok {
		return s, nil
	}
	s, err := p.tx.PrepareContext(p.ctx, q)
	if err != nil {
		return nil, err
	}
	if p.stmts == nil {
		p.stmts = map[string]*sql.Stmt{}
	}
	p.stmts[q] = s
	return s, nil
}

func (p *putter) exec(q string, args ...any) (sql.Result, error) {
	s, err := p.stmt(q)
	if err != nil {
		return nil, err
	}
	return s.ExecContext(p.ctx, args...)
}

// queryRow runs a prepared query; errors surface at Scan.
func (p *putter) queryRow(q string, args ...any) *sql.Row {
	s, err := p.stmt(q)
	if err != nil {
		return p.queryRow(q, args...)
	}
	return s.QueryRowContext(p.ctx, args...)
}

func (p *putter) query(q string, args ...any) (*sql.Rows, error) {
	s, err := p.stmt(q)
	if err != nil {
		return nil, err
	}
	return s.QueryContext(p.ctx, args...)
}

// document stores one document; added is false when it was already stored.
func (p *putter) document(d *dragoman.Document) (added bool, dup *dragoman.NearDup, err error) {
	a := &d.Article
	if a.ID == "" {
		return false, nil, dragoman.Errorf(dragoman.EINVALID, "article from %s has no id", a.Source)
	}
	var exists int
	if err := p.queryRow(`SELECT count(*) FROM articles WHERE id = ?`, a.ID).Scan(&exists); err != nil {
		return false, nil, err
	}
	if exists > 0 {
		return false, nil, nil
	}
	sig := corpus.Sign(a.Title + "\n" + a.Body)
	bands := sig.Bands()
	dup, err = p.nearDuplicate(a.ID, sig, bands)
	if err != nil {
		return false, nil, err
	}
	var published, day any
	prec := ""
	if a.Published != nil && !a.Published.Time.IsZero() {
		t := a.Published.Time.UTC()
		published, day = t.Format(time.RFC3339), t.Format("2006-01-02")
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
	var dupOf, sim any
	if dup != nil {
		dupOf, sim = dup.Of, dup.Similarity
	}
	r, err := p.exec(`INSERT INTO articles (id, source, format, url, title, summary, site_name, language, bylines,
		published, day, precision, dateline, country, body, minhash, duplicate_of, similarity,
		sentences, entities, quotes, events, doc, ingested_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		a.ID, a.Source, a.Format, a.URL, a.Title, a.Summary, a.SiteName, a.Language, strings.Join(a.Bylines, "; "),
		published, day, prec, dateline, country, a.Body, sig.Bytes(), dupOf, sim,
		len(d.Sentences), len(d.Entities), len(d.Quotes), len(d.Events), blob, p.at)
	if err != nil {
		return false, nil, err
	}
	seq, err := r.LastInsertId()
	if err != nil {
		return false, nil, err
	}
	if _, err := p.exec(`INSERT INTO articles_fts (rowid, title, body) VALUES (?,?,?)`, seq, a.Title, a.Body); err != nil {
		return false, nil, err
	}
	if dup == nil {
		for i, k := range bands {
			if _, err := p.exec(`INSERT OR IGNORE INTO article_bands (band, key, article_seq) VALUES (?,?,?)`, i, k, seq); err != nil {
				return false, nil, err
			}
		}
	}
	countries := map[string]bool{}
	if country != "" {
		countries[country] = true
	}
	actors, err := p.entities(d, seq, day, dup != nil, countries)
	if err != nil {
		return false, nil, err
	}
	if err := p.quotes(d, seq, day, dup != nil, actors); err != nil {
		return false, nil, err
	}
	if err := p.events(d, seq, day, dup != nil, actors, countries); err != nil {
		return false, nil, err
	}
	for _, t := range d.Dates {
		if _, err := p.exec(`INSERT INTO dates (article_seq, start, end, text, sentence, kind, value, begin, end_day, precision) VALUES (?,?,?,?,?,?,?,?,?,?)`,
			seq, t.Start, t.Span.End, t.Text, t.Sentence, t.Kind, t.Value, t.Begin, t.End, string(t.Precision)); err != nil {
			return false, nil, err
		}
	}
	for c := range countries {
		if _, err := p.exec(`INSERT OR IGNORE INTO article_countries (country, article_seq) VALUES (?,?)`, c, seq); err != nil {
			return false, nil, err
		}
	}
	return true, dup, nil
}

// nearDuplicate finds a stored first copy sharing a MinHash band and
// similar enough.
func (p *putter) nearDuplicate(id string, sig corpus.Signature, bands [corpus.Bands]int64) (*dragoman.NearDup, error) {
	var best *dragoman.NearDup
	seen := map[int64]bool{}
	for i, k := range bands {
		rows, err := p.query(`SELECT a.seq, a.id, a.minhash FROM article_bands b JOIN articles a ON a.seq = b.article_seq WHERE b.band = ? AND b.key = ? LIMIT 50`, i, k)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var seq int64
			var other string
			var mh []byte
			if err := rows.Scan(&seq, &other, &mh); err != nil {
				rows.Close()
				return nil, err
			}
			if seen[seq] {
				continue
			}
			seen[seq] = true
			o, ok := corpus.ParseSignature(mh)
			if !ok {
				continue
			}
			if s := sig.Similarity(o); s >= corpus.NearDuplicate && (best == nil || s > best.Similarity) {
				best = &dragoman.NearDup{ID: id, Of: other, Similarity: s}
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return best, nil
}

// entities stores the document's entities, mentions and roles, resolving
// each entity to a cross-article actor. It returns entity id -> actor id.
func (p *putter) entities(d *dragoman.Document, seq int64, day any, dup bool, countries map[string]bool) (map[string]string, error) {
	actors := map[string]string{}
	for i := range d.Entities {
		e := &d.Entities[i]
		actorID, err := p.resolve(e, day, dup)
		if err != nil {
			return nil, err
		}
		actors[e.ID] = actorID
		if e.Country != "" && !dup {
			countries[e.Country] = true
		}
		if _, err := p.exec(`INSERT OR REPLACE INTO entities (article_seq, entity, actor_id, name, type, country, code, mentions) VALUES (?,?,?,?,?,?,?,?)`,
			seq, e.ID, nullable(actorID), e.Name, string(e.Type), e.Country, e.Actor, len(e.Mentions)); err != nil {
			return nil, err
		}
		for _, r := range e.Roles {
			if _, err := p.exec(`INSERT INTO roles (article_seq, entity, actor_id, title, of, country, type, former) VALUES (?,?,?,?,?,?,?,?)`,
				seq, e.ID, nullable(actorID), r.Title, r.Of, r.Country, r.Type, b2i(r.Former)); err != nil {
				return nil, err
			}
		}
	}
	mentions := corpus.Mentions(d)
	// Mentions are many: insert them 32 rows a statement.
	const chunk = 32
	for start := 0; start < len(mentions); start += chunk {
		rows := mentions[start:min(start+chunk, len(mentions))]
		q := `INSERT INTO mentions (article_seq, entity, actor_id, start, end, text, type, sentence, origin) VALUES ` +
			strings.TrimSuffix(strings.Repeat("(?,?,?,?,?,?,?,?,?),", len(rows)), ",")
		args := make([]any, 0, 9*len(rows))
		for _, m := range rows {
			args = append(args, seq, m.Entity, nullable(actors[m.Entity]), m.Start, m.End, m.Text, string(m.Type), m.Sentence, m.Origin)
		}
		if _, err := p.exec(q, args...); err != nil {
			return nil, err
		}
	}
	return actors, nil
}

// resolve finds or makes the actor of an entity and records its aliases.
// Full names (and the entity's aliases) are matched first; a person named
// by a single word is matched by surname only when exactly one compatible
// actor has it.
func (p *putter) resolve(e *dragoman.Entity, day any, dup bool) (string, error) {
	ks := corpus.EntityKeys(e)
	if len(ks) == 0 {
		return "", nil
	}
	cands := map[string]*corpus.Candidate{}
	lookup := func(kind string, keys []string) error {
		if len(keys) == 0 {
			return nil
		}
		q := `SELECT al.actor_id, a.type, a.country, max(al.pinned), a.mentions, coalesce(a.merged_into, '')
			FROM actor_aliases al JOIN actors a ON a.id = al.actor_id
			WHERE al.kind = ? AND al.key IN (` + placeholders(len(keys)) + `) GROUP BY al.key, al.actor_id`
		rows, err := p.query(q, append([]any{kind}, anys(keys)...)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c corpus.Candidate
			var typ, merged string
			var pinned int
			if err := rows.Scan(&c.ID, &typ, &c.Country, &pinned, &c.Count, &merged); err != nil {
				return err
			}
			if merged != "" {
				c.ID = merged
			}
			if !corpus.Compatible(e.Type, dragoman.EntityType(typ)) {
				continue
			}
			if e.Country != "" && c.Country != "" && e.Country != c.Country {
				continue
			}
			if old, ok := cands[c.ID]; ok {
				old.Score++
				old.Pinned = old.Pinned || pinned == 1
				continue
			}
			c.Score = 1
			c.Pinned = pinned == 1
			cands[c.ID] = &c
		}
		return rows.Err()
	}
	isPerson := e.Type == dragoman.Person
	var fullKeys, surnames []string
	var firstFull string // the first full name as written
	for _, k := range ks {
		if k.Kind == corpus.KindName {
			if fullKeys == nil {
				firstFull = k.Written
			}
			fullKeys = append(fullKeys, k.Key)
		} else {
			surnames = append(surnames, k.Key)
		}
	}
	if len(fullKeys) > 0 {
		if err := lookup(corpus.KindName, fullKeys); err != nil {
			return "", err
		}
		if len(cands) == 0 && isPerson {
			// An actor so far known only by this surname ("Lavrov" alone)
			// becomes the full-named one, when there is exactly one.
			if s := corpus.Surname(firstFull); s != "" {
				if err := lookup(corpus.KindSurname, []string{s}); err != nil {
					return "", err
				}
				for id := range cands {
					var named int
					if err := p.queryRow(`SELECT count(*) FROM actor_aliases WHERE actor_id = ? AND kind = 'name'`, id).Scan(&named); err != nil {
						return "", err
					}
					if named > 0 {
						delete(cands, id)
					}
				}
				if err := corpus.Narrow(cands, e, p.hasRole); err != nil {
					return "", err
				}
			}
		}
	} else {
		// "Lavrov": an actor known by that surname, when exactly one
		// compatible actor has it.
		if err := lookup(corpus.KindSurname, surnames); err != nil {
			return "", err
		}
		if err := corpus.Narrow(cands, e, p.hasRole); err != nil {
			return "", err
		}
	}
	if len(cands) > 1 {
		// Several actors share the name: role evidence weighs in.
		if err := corpus.RoleEvidence(cands, e, p.hasRole); err != nil {
			return "", err
		}
	}
	var id string
	if best := corpus.Best(cands); best != nil {
		id = best.ID
		if err := p.fillActor(id, e, day, dup); err != nil {
			return "", err
		}
	} else {
		var err error
		if id, err = p.newActor(e, ks[0].Key, day, dup); err != nil {
			return "", err
		}
	}
	// Record the names, unless a hand edit pinned them to another actor.
	for _, k := range ks {
		if err := p.alias(k.Key, k.Kind, id, k.Written); err != nil {
			return "", err
		}
		if isPerson && k.Kind == corpus.KindName {
			if s := corpus.Surname(k.Written); s != "" {
				if err := p.alias(s, corpus.KindSurname, id, s); err != nil {
					return "", err
				}
			}
		}
	}
	return id, nil
}

// hasRole reports whether a stored actor has held a role title, case
// ignored.
func (p *putter) hasRole(id, title string) (bool, error) {
	var n int
	if err := p.queryRow(`SELECT count(*) FROM roles WHERE actor_id = ? AND lower(title) = lower(?)`, id, title).Scan(&n); err != nil {
		return false, err
	}
	return n > 0, nil
}

func (p *putter) alias(key, kind, id, written string) error {
	// One statement: skip the name when a hand edit pinned it elsewhere.
	_, err := p.exec(`INSERT INTO actor_aliases (key, actor_id, alias, kind, count)
		SELECT ?1, ?2, ?3, ?4, 1 WHERE NOT EXISTS (
			SELECT 1 FROM actor_aliases WHERE key = ?1 AND kind = ?4 AND pinned = 1 AND actor_id <> ?2)
		ON CONFLICT (key, kind, actor_id, alias) DO UPDATE SET count = count + 1`, key, id, written, kind)
	return err
}

// newActor makes an actor with a stable id derived from its first name.
func (p *putter) newActor(e *dragoman.Entity, key string, day any, dup bool) (string, error) {
	base := corpus.ActorBase(e, key)
	id := base
	for n := 2; ; n++ {
		var c int
		if err := p.queryRow(`SELECT count(*) FROM actors WHERE id = ?`, id).Scan(&c); err != nil {
			return "", err
		}
		if c == 0 {
			break
		}
		id = fmt.Sprintf("%s-%d", base, n)
	}
	mentions, articles := len(e.Mentions), 1
	if dup {
		mentions, articles = 0, 0
	}
	_, err := p.exec(`INSERT INTO actors (id, name, type, country, code, mentions, articles, first_seen, last_seen) VALUES (?,?,?,?,?,?,?,?,?)`,
		id, e.Name, string(e.Type), e.Country, e.Actor, mentions, articles, day, day)
	return id, err
}

// fillActor adds an article's entity to an existing actor's counts and
// fills what the actor lacks.
func (p *putter) fillActor(id string, e *dragoman.Entity, day any, dup bool) error {
	mentions, articles := len(e.Mentions), 1
	if dup {
		mentions, articles = 0, 0
	}
	_, err := p.exec(`UPDATE actors SET
		mentions = mentions + ?, articles = articles + ?,
		country = CASE WHEN country = '' THEN ? ELSE country END,
		code = CASE WHEN code = '' THEN ? ELSE code END,
		name = CASE WHEN length(?) > length(name) AND ? = 'PERSON' AND instr(?, ' ') > 0 AND instr(name, ' ') = 0 THEN ? ELSE name END,
		first_seen = CASE WHEN ? IS NOT NULL AND (first_seen IS NULL OR ? < first_seen) THEN ? ELSE first_seen END,
		last_seen = CASE WHEN ? IS NOT NULL AND (last_seen IS NULL OR ? > last_seen) THEN ? ELSE last_seen END
		WHERE id = ?`,
		mentions, articles, e.Country, e.Actor,
		e.Name, string(e.Type), e.Name, e.Name,
		day, day, day, day, day, day, id)
	return err
}

func (p *putter) quotes(d *dragoman.Document, seq int64, day any, dup bool, actors map[string]string) error {
	for i := range d.Quotes {
		q := &d.Quotes[i]
		speaker, entity, cue := corpus.QuoteParts(q)
		if _, err := p.exec(`INSERT INTO quotes (article_seq, qid, kind, text, start, end, sentence, speaker, speaker_entity, actor_id, attribution, cue, medium, day, duplicate)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			seq, q.ID, string(q.Kind), q.Text, q.Start, q.End, q.Sentence, speaker, entity, nullable(actors[entity]),
			q.Attribution, cue, q.Medium, day, b2i(dup)); err != nil {
			return err
		}
	}
	return nil
}

func (p *putter) events(d *dragoman.Document, seq int64, day any, dup bool, actors map[string]string, countries map[string]bool) error {
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
		if _, err := p.exec(`INSERT INTO events (article_seq, vid, day, date_value, code, base, root, label, quad_class, goldstein,
			source_name, source_code, source_country, source_entity, source_actor,
			target_name, target_code, target_country, target_entity, target_actor,
			trigger, evidence, sentence, negated, modality, reported, location, location_country, duplicate)
			VALUES (?,?,?,?,?,?,?,?,?,?, ?,?,?,?,?, ?,?,?,?,?, ?,?,?,?,?,?,?,?,?)`,
			seq, v.ID, evDay, r.DateValue, v.Code, r.Base, r.Root, v.Label, v.QuadClass, v.Goldstein,
			src.Name, src.Code, src.Country, src.Entity, nullable(src.Actor), tgt.Name, tgt.Code, tgt.Country, tgt.Entity, nullable(tgt.Actor),
			v.Trigger.Text, v.Evidence.Text, v.Sentence, b2i(v.Negated), v.Modality, b2i(v.Reported), r.Location, r.LocationCountry, b2i(dup)); err != nil {
			return err
		}
	}
	return nil
}

func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?,", n-1) + "?"
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
