package postgres

import (
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/corpus"
)

// Actor resolution in a Put works in memory over what the store knows of
// the batch's names, read once per name: Put holds the advisory locks of
// every name of the batch, so no other writer changes them meanwhile. The
// actors' counts and names are written once at the end of the batch, so
// that a much-mentioned actor (a country) is updated once a batch rather
// than once an article.
type actorState struct {
	aliases map[string][]aliasRow // key + "\x00" + kind -> rows
	loaded  map[string]bool       // keys whose rows were read
	actors  map[string]*actorInfo
	exists  map[string]bool // actor ids known to be taken
	made    []string        // actors made in this batch, in order
	counts  map[aliasRef]int
	order   []aliasRef
}

type aliasRow struct {
	actor  string // the alias's own actor id
	target string // the actor it resolves to (its merged_into, else itself)
	alias  string
	pinned bool
}

type aliasRef struct{ key, kind, actor, alias string }

// actorInfo is an actor as the batch sees it, and what the batch adds to
// it.
type actorInfo struct {
	typ     dragoman.EntityType
	name    string
	country string
	count   int
	named   bool // has a full-name alias
	isNew   bool // made in this batch

	code              string // new actors: their code; others: the first code to fill in
	mentions          int    // added (new actors: all)
	articles          int
	newName, country0 string // others: a longer name, a country to fill in
	first, last       string // days seen in this batch
}

func aliasKey(key, kind string) string { return key + "\x00" + kind }

// A resolver resolves the entities of one document.
type resolver struct {
	p     *putter
	s     *actorState
	keys  []string // names not read yet
	bases []string // ids its new actors would take, not known yet
}

// newResolver prepares the resolution of a document's entities.
func (p *putter) newResolver(d *dragoman.Document) *resolver {
	if p.state == nil {
		p.state = &actorState{aliases: map[string][]aliasRow{}, loaded: map[string]bool{}, actors: map[string]*actorInfo{},
			exists: map[string]bool{}, counts: map[aliasRef]int{}}
	}
	r := &resolver{p: p, s: p.state}
	seen := map[string]bool{}
	for i := range d.Entities {
		e := &d.Entities[i]
		ks := corpus.EntityKeys(e)
		for _, k := range ks {
			for _, key := range []string{k.Key, corpus.Surname(k.Written)} {
				if key != "" && !seen[key] && !r.s.loaded[key] {
					seen[key] = true
					r.keys = append(r.keys, key)
				}
			}
		}
		if len(ks) > 0 {
			if b := corpus.ActorBase(e, ks[0].Key); !r.s.exists[b] {
				r.bases = append(r.bases, b)
			}
		}
	}
	return r
}

// queueReads queues the reads of what the document's new names are known
// as and of which of its new actor ids are taken.
func (r *resolver) queueReads(b *pgx.Batch) {
	if len(r.keys) == 0 && len(r.bases) == 0 {
		return
	}
	b.Queue(`SELECT al.key, al.kind, al.actor_id, coalesce(a.merged_into, a.id), al.alias, al.pinned,
			t.type, t.name, t.country, t.mentions, EXISTS (SELECT 1 FROM actor_aliases x WHERE x.actor_id = t.id AND x.kind = 'name')
		FROM actor_aliases al JOIN actors a ON a.id = al.actor_id JOIN actors t ON t.id = coalesce(a.merged_into, a.id)
		WHERE al.key = ANY($1)`, r.keys)
	b.Queue(`SELECT id FROM actors WHERE id = ANY($1)`, r.bases)
}

// readReads reads the results queueReads asked for.
func (r *resolver) readReads(br pgx.BatchResults) error {
	if len(r.keys) == 0 && len(r.bases) == 0 {
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
		if err := rows.Scan(&key, &kind, &row.actor, &row.target, &row.alias, &row.pinned, &typ, &info.name, &info.country, &info.count, &info.named); err != nil {
			rows.Close()
			return err
		}
		info.typ = dragoman.EntityType(typ)
		k := aliasKey(key, kind)
		r.s.aliases[k] = append(r.s.aliases[k], row)
		if r.s.actors[row.target] == nil {
			r.s.actors[row.target] = info
		}
		r.s.exists[row.target] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, k := range r.keys {
		r.s.loaded[k] = true
	}
	rows, err = br.Query()
	if err != nil {
		return err
	}
	taken, err := pgx.CollectRows(rows, pgx.RowTo[string])
	for _, id := range taken {
		r.s.exists[id] = true
	}
	return err
}

// lookup adds to cands the actors known under keys of a kind.
func (r *resolver) lookup(e *dragoman.Entity, cands map[string]*corpus.Candidate, kind string, keys []string) {
	for _, k := range keys {
		pinned := map[string]bool{}
		var order []string
		for _, row := range r.s.aliases[aliasKey(k, kind)] {
			if _, ok := pinned[row.target]; !ok {
				order = append(order, row.target)
			}
			pinned[row.target] = pinned[row.target] || row.pinned
		}
		for _, id := range order {
			info := r.s.actors[id]
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
					if r.s.actors[id].named {
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

// make makes a new actor with a stable id derived from its first name.
func (r *resolver) make(e *dragoman.Entity, key string, day any, mentions, articles int) (string, error) {
	base := corpus.ActorBase(e, key)
	id := base
	for n := 2; ; n++ {
		taken := r.s.exists[id]
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
	r.s.exists[id] = true
	d, _ := day.(string)
	r.s.actors[id] = &actorInfo{typ: e.Type, name: e.Name, country: e.Country, code: e.Actor, count: mentions, isNew: true,
		mentions: mentions, articles: articles, first: d, last: d}
	r.s.made = append(r.s.made, id)
	return id, nil
}

// fill adds an article's entity to an actor's counts and fills what the
// actor lacks, as the SQLite backend's UPDATE does.
func (r *resolver) fill(id string, e *dragoman.Entity, day any, mentions, articles int) {
	info := r.s.actors[id]
	if info == nil { // cannot happen: candidates come from actors read
		info = &actorInfo{}
		r.s.actors[id] = info
	}
	info.count += mentions
	info.mentions += mentions
	info.articles += articles
	if info.country == "" && e.Country != "" {
		info.country = e.Country
		info.country0 = e.Country
	}
	if info.code == "" {
		info.code = e.Actor
	}
	if len(e.Name) > len(info.name) && e.Type == dragoman.Person && containsSpace(e.Name) && !containsSpace(info.name) {
		info.name = e.Name
		info.newName = e.Name
	}
	if d, _ := day.(string); d != "" {
		if info.first == "" || d < info.first {
			info.first = d
		}
		if info.last == "" || d > info.last {
			info.last = d
		}
	}
}

func containsSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			return true
		}
	}
	return false
}

// alias records a name of an actor, unless a hand edit pinned the name to
// another actor.
func (r *resolver) alias(key, kind, id, written string) {
	k := aliasKey(key, kind)
	for _, row := range r.s.aliases[k] {
		if row.pinned && row.actor != id {
			return
		}
	}
	found := false
	for _, row := range r.s.aliases[k] {
		if row.actor == id && row.alias == written {
			found = true
		}
	}
	if !found {
		r.s.aliases[k] = append(r.s.aliases[k], aliasRow{actor: id, target: id, alias: written})
	}
	if kind == corpus.KindName {
		if info := r.s.actors[id]; info != nil {
			info.named = true
		}
	}
	ref := aliasRef{key, kind, id, written}
	if r.s.counts[ref] == 0 {
		r.s.order = append(r.s.order, ref)
	}
	r.s.counts[ref]++
}

// writeActors writes the batch's new actors, the counts and names it
// added to the others, and the aliases, in one round trip.
func (p *putter) writeActors() error {
	s := p.state
	if s == nil {
		return nil
	}
	b := &pgx.Batch{}
	made := map[string]bool{}
	for _, id := range s.made {
		a := s.actors[id]
		made[id] = true
		b.Queue(`INSERT INTO actors (id, name, type, country, code, mentions, articles, first_seen, last_seen)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8::date,$9::date)`,
			id, a.name, string(a.typ), a.country, a.code, a.mentions, a.articles, dateArg(a.first), dateArg(a.last))
	}
	for id, a := range s.actors {
		if made[id] || a.articles == 0 && a.mentions == 0 && a.first == "" && a.country0 == "" && a.code == "" && a.newName == "" {
			continue
		}
		b.Queue(`UPDATE actors SET
			mentions = mentions + $1, articles = articles + $2,
			country = CASE WHEN country = '' THEN $3 ELSE country END,
			code = CASE WHEN code = '' THEN $4 ELSE code END,
			name = CASE WHEN $5 <> '' THEN $5 ELSE name END,
			first_seen = CASE WHEN $6::date IS NOT NULL AND (first_seen IS NULL OR $6::date < first_seen) THEN $6::date ELSE first_seen END,
			last_seen = CASE WHEN $7::date IS NOT NULL AND (last_seen IS NULL OR $7::date > last_seen) THEN $7::date ELSE last_seen END
			WHERE id = $8`,
			a.mentions, a.articles, a.country0, a.code, a.newName, dateArg(a.first), dateArg(a.last), id)
	}
	for _, ref := range s.order {
		b.Queue(`INSERT INTO actor_aliases (key, actor_id, alias, kind, count) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (key, kind, actor_id, alias) DO UPDATE SET count = actor_aliases.count + excluded.count`,
			ref.key, ref.actor, ref.alias, ref.kind, s.counts[ref])
	}
	if b.Len() == 0 {
		return nil
	}
	return p.tx.SendBatch(p.ctx, b).Close()
}
