package postgres

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/corpus"
)

// A resolver finds the actors of one document's entities with few round
// trips: it reads every alias row for the document's names at once, then
// resolves the entities one by one in memory (seeing the names and actors
// the earlier entities added), and writes the actors' counts and the new
// names in one batch. The advisory locks Put holds on those names keep
// other writers from changing them meanwhile.
type resolver struct {
	p       *putter
	aliases map[string][]aliasRow // key + "\x00" + kind -> rows
	actors  map[string]*actorInfo
	exists  map[string]bool // actor ids known to be taken
	batch   *pgx.Batch      // the writes, sent by the caller
	keys    []string        // the document's name keys
	bases   []string        // the ids its new actors would take
}

type aliasRow struct {
	actor  string // the alias's own actor id
	target string // the actor it resolves to (its merged_into, else itself)
	alias  string
	pinned bool
}

type actorInfo struct {
	typ     dragoman.EntityType
	country string
	count   int
	named   bool // has a full-name alias
}

func aliasKey(key, kind string) string { return key + "\x00" + kind }

// newResolver prepares the resolution of a document's entities.
func (p *putter) newResolver(d *dragoman.Document) *resolver {
	r := &resolver{p: p, aliases: map[string][]aliasRow{}, actors: map[string]*actorInfo{}, exists: map[string]bool{}, batch: &pgx.Batch{}}
	seen := map[string]bool{}
	for i := range d.Entities {
		e := &d.Entities[i]
		ks := corpus.EntityKeys(e)
		for _, k := range ks {
			for _, key := range []string{k.Key, corpus.Surname(k.Written)} {
				if key != "" && !seen[key] {
					seen[key] = true
					r.keys = append(r.keys, key)
				}
			}
		}
		if len(ks) > 0 {
			r.bases = append(r.bases, actorBase(e, ks[0].Key))
		}
	}
	return r
}

// queueReads queues the reads of what the document's names are known as
// and of which of its new actor ids are taken.
func (r *resolver) queueReads(b *pgx.Batch) {
	if len(r.keys) == 0 {
		return
	}
	b.Queue(`SELECT al.key, al.kind, al.actor_id, coalesce(a.merged_into, a.id), al.alias, al.pinned,
			t.type, t.country, t.mentions, EXISTS (SELECT 1 FROM actor_aliases x WHERE x.actor_id = t.id AND x.kind = 'name')
		FROM actor_aliases al JOIN actors a ON a.id = al.actor_id JOIN actors t ON t.id = coalesce(a.merged_into, a.id)
		WHERE al.key = ANY($1)`, r.keys)
	b.Queue(`SELECT id FROM actors WHERE id = ANY($1)`, r.bases)
}

// readReads reads the results queueReads asked for.
func (r *resolver) readReads(br pgx.BatchResults) error {
	if len(r.keys) == 0 {
		return nil
	}
	rows, err := br.Query()
	if err != nil {
		return err
	}
	for rows.Next() {
		var key, kind, typ string
		var row aliasRow
		info := &actorInfo{}
		if err := rows.Scan(&key, &kind, &row.actor, &row.target, &row.alias, &row.pinned, &typ, &info.country, &info.count, &info.named); err != nil {
			rows.Close()
			return err
		}
		info.typ = dragoman.EntityType(typ)
		k := aliasKey(key, kind)
		r.aliases[k] = append(r.aliases[k], row)
		if r.actors[row.target] == nil {
			r.actors[row.target] = info
		}
		r.exists[row.target] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = br.Query()
	if err != nil {
		return err
	}
	taken, err := pgx.CollectRows(rows, pgx.RowTo[string])
	for _, id := range taken {
		r.exists[id] = true
	}
	return err
}

// lookup adds to cands the actors known under keys of a kind.
func (r *resolver) lookup(e *dragoman.Entity, cands map[string]*corpus.Candidate, kind string, keys []string) {
	for _, k := range keys {
		pinned := map[string]bool{}
		var order []string
		for _, row := range r.aliases[aliasKey(k, kind)] {
			if _, ok := pinned[row.target]; !ok {
				order = append(order, row.target)
			}
			pinned[row.target] = pinned[row.target] || row.pinned
		}
		for _, id := range order {
			info := r.actors[id]
			if info == nil || !corpus.Compatible(e.Type, info.typ) {
				continue
			}
			if e.Country != "" && info.country != "" && e.Country != info.country {
				continue
			}
			if c, ok := cands[id]; ok {
				c.Score++
				c.Pinned = c.Pinned || pinned[id]
				continue
			}
			cands[id] = &corpus.Candidate{ID: id, Country: info.country, Score: 1, Pinned: pinned[id], Count: info.count}
		}
	}
}

// resolve finds or makes the actor of an entity and records its aliases,
// as the SQLite backend does: full names (and the entity's aliases) are
// matched first; a person named by a single word is matched by surname
// only when one compatible actor has it, or its affiliation or roles
// single one out.
func (r *resolver) resolve(e *dragoman.Entity, day any, dup bool) (string, error) {
	keys := corpus.EntityKeys(e)
	if len(keys) == 0 {
		return "", nil
	}
	cands := map[string]*corpus.Candidate{}
	isPerson := e.Type == dragoman.Person
	var fullKeys, allKeys []string
	firstFull := ""
	for _, k := range keys {
		allKeys = append(allKeys, k.Key)
		if !isPerson || k.Kind == corpus.KindName {
			if len(fullKeys) == 0 {
				firstFull = k.Written
			}
			fullKeys = append(fullKeys, k.Key)
		}
	}
	if len(fullKeys) > 0 {
		r.lookup(e, cands, corpus.KindName, fullKeys)
		if len(cands) == 0 && isPerson {
			// An actor so far known only by this surname ("Lavrov" alone)
			// becomes the full-named one.
			if s := corpus.Surname(firstFull); s != "" {
				r.lookup(e, cands, corpus.KindSurname, []string{s})
				for id := range cands {
					if r.actors[id].named {
						delete(cands, id)
					}
				}
				if err := corpus.Narrow(cands, e, r.p.hasRole); err != nil {
					return "", err
				}
			}
		}
	} else {
		// "Lavrov": an actor known by that surname.
		r.lookup(e, cands, corpus.KindSurname, allKeys)
		if err := corpus.Narrow(cands, e, r.p.hasRole); err != nil {
			return "", err
		}
	}
	if len(cands) > 1 {
		// Several actors share the name: role evidence weighs in.
		if err := corpus.RoleEvidence(cands, e, r.p.hasRole); err != nil {
			return "", err
		}
	}
	mentions, articles := len(e.Mentions), 1
	if dup {
		mentions, articles = 0, 0
	}
	var id string
	if best := corpus.Best(cands); best != nil {
		id = best.ID
		r.fill(id, e, day, mentions, articles)
	} else {
		var err error
		if id, err = r.make(e, keys[0].Key, day, mentions, articles); err != nil {
			return "", err
		}
	}
	// Record the names, unless a hand edit pinned them to another actor.
	for _, k := range keys {
		r.alias(k.Key, k.Kind, id, k.Written)
		if isPerson && k.Kind == corpus.KindName {
			if s := corpus.Surname(k.Written); s != "" {
				r.alias(s, corpus.KindSurname, id, s)
			}
		}
	}
	return id, nil
}

// actorBase is the stable id of an actor first seen under key.
func actorBase(e *dragoman.Entity, key string) string {
	sum := sha1.Sum([]byte(string(e.Type) + "|" + key + "|" + e.Country))
	return "A" + hex.EncodeToString(sum[:])[:10]
}

// make queues a new actor with a stable id derived from its first name.
func (r *resolver) make(e *dragoman.Entity, key string, day any, mentions, articles int) (string, error) {
	base := actorBase(e, key)
	id := base
	for n := 2; ; n++ {
		taken := r.exists[id] || r.p.made[id]
		if !taken && id != base {
			// Suffixed ids were not read in advance.
			if err := r.p.tx.QueryRow(r.p.ctx, `SELECT EXISTS (SELECT 1 FROM actors WHERE id = $1)`, id).Scan(&taken); err != nil {
				return "", err
			}
		}
		if !taken {
			break
		}
		id = fmt.Sprintf("%s-%d", base, n)
	}
	if r.p.made == nil {
		r.p.made = map[string]bool{}
	}
	r.p.made[id] = true
	r.exists[id] = true
	r.actors[id] = &actorInfo{typ: e.Type, country: e.Country, count: mentions}
	r.batch.Queue(`INSERT INTO actors (id, name, type, country, code, mentions, articles, first_seen, last_seen)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8::date,$8::date)`,
		id, e.Name, string(e.Type), e.Country, e.Actor, mentions, articles, day)
	return id, nil
}

// fill queues the update that adds an article's entity to an actor's
// counts and fills what the actor lacks.
func (r *resolver) fill(id string, e *dragoman.Entity, day any, mentions, articles int) {
	if info := r.actors[id]; info != nil {
		info.count += mentions
		if info.country == "" {
			info.country = e.Country
		}
	}
	r.batch.Queue(`UPDATE actors SET
		mentions = mentions + $1, articles = articles + $2,
		country = CASE WHEN country = '' THEN $3 ELSE country END,
		code = CASE WHEN code = '' THEN $4 ELSE code END,
		name = CASE WHEN length($5) > length(name) AND $6 = 'PERSON' AND strpos($5, ' ') > 0 AND strpos(name, ' ') = 0 THEN $5 ELSE name END,
		first_seen = CASE WHEN $7::date IS NOT NULL AND (first_seen IS NULL OR $7::date < first_seen) THEN $7::date ELSE first_seen END,
		last_seen = CASE WHEN $7::date IS NOT NULL AND (last_seen IS NULL OR $7::date > last_seen) THEN $7::date ELSE last_seen END
		WHERE id = $8`,
		mentions, articles, e.Country, e.Actor, e.Name, string(e.Type), day, id)
}

// alias queues a name of an actor, unless a hand edit pinned the name to
// another actor.
func (r *resolver) alias(key, kind, id, written string) {
	k := aliasKey(key, kind)
	for _, row := range r.aliases[k] {
		if row.pinned && row.actor != id {
			return
		}
	}
	found := false
	for _, row := range r.aliases[k] {
		if row.actor == id && row.alias == written {
			found = true
		}
	}
	if !found {
		r.aliases[k] = append(r.aliases[k], aliasRow{actor: id, target: id, alias: written})
	}
	if kind == corpus.KindName {
		if info := r.actors[id]; info != nil {
			info.named = true
		}
	}
	r.batch.Queue(`INSERT INTO actor_aliases (key, actor_id, alias, kind, count) VALUES ($1, $2, $3, $4, 1)
		ON CONFLICT (key, kind, actor_id, alias) DO UPDATE SET count = actor_aliases.count + 1`, key, id, written, kind)
}
