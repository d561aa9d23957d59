package postgres

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/corpus"
)

// actorIDs resolves an actor reference (an id, a name or alias, or a
// surname) to actor ids, most mentioned first. Merged actors resolve to
// the actor they were merged into.
func actorIDs(ctx context.Context, tx pgx.Tx, ref string) ([]string, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, dragoman.Errorf(dragoman.EINVALID, "empty actor name")
	}
	var id, merged string
	err := tx.QueryRow(ctx, `SELECT id, coalesce(merged_into, '') FROM actors WHERE id = $1`, ref).Scan(&id, &merged)
	if err == nil {
		for merged != "" {
			id = merged
			if err := tx.QueryRow(ctx, `SELECT coalesce(merged_into, '') FROM actors WHERE id = $1`, id).Scan(&merged); err != nil {
				return nil, err
			}
		}
		return []string{id}, nil
	}
	if err != pgx.ErrNoRows {
		return nil, err
	}
	key := corpus.NameKey(ref)
	for _, kind := range []string{corpus.KindName, corpus.KindSurname} {
		rows, err := tx.Query(ctx, `SELECT r.id FROM (SELECT DISTINCT coalesce(a.merged_into, a.id) AS id, a.mentions
			FROM actor_aliases al JOIN actors a ON a.id = al.actor_id
			WHERE al.key = $1 AND al.kind = $2) r GROUP BY r.id ORDER BY max(r.mentions) DESC, r.id`, key, kind)
		if err != nil {
			return nil, err
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return nil, err
		}
		if len(ids) > 0 {
			return ids, nil
		}
	}
	return nil, dragoman.Errorf(dragoman.ENOTFOUND, "no actor %q", ref)
}

const actorColumns = `a.id, a.name, a.type, a.country, a.code, a.mentions, a.articles, a.first_seen, a.last_seen`

func scanActor(s pgx.Row, extra ...any) (dragoman.Actor, error) {
	var a dragoman.Actor
	var typ string
	err := s.Scan(append([]any{&a.ID, &a.Name, &typ, &a.Country, &a.Code, &a.Mentions, &a.Articles, &a.FirstSeen, &a.LastSeen}, extra...)...)
	a.Type = dragoman.EntityType(typ)
	return a, err
}

func loadActor(ctx context.Context, tx pgx.Tx, id string) (*dragoman.Actor, error) {
	a, err := scanActor(tx.QueryRow(ctx, `SELECT `+actorColumns+` FROM actors a WHERE a.id = $1`, id))
	if err == pgx.ErrNoRows {
		return nil, dragoman.Errorf(dragoman.ENOTFOUND, "no actor %q", id)
	}
	if err != nil {
		return nil, err
	}
	rows, err := tx.Query(ctx, `SELECT alias FROM actor_aliases WHERE actor_id = $1 AND kind = 'name' ORDER BY count DESC, alias`, id)
	if err != nil {
		return nil, err
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	seen := map[string]bool{a.Name: true}
	for _, s := range names {
		if !seen[s] {
			seen[s] = true
			a.Aliases = append(a.Aliases, s)
		}
	}
	return &a, err
}

// Actors lists actors, most mentioned first.
func (db *DB) Actors(ctx context.Context, f dragoman.ActorFilter) ([]dragoman.Actor, error) {
	var out []dragoman.Actor
	err := db.read(ctx, "list actors", func(tx pgx.Tx) error {
		var w where
		w.add(`a.merged_into IS NULL`)
		if f.Type != "" {
			w.add(`a.type = ?`, string(f.Type))
		}
		if f.Country != "" {
			w.add(`a.country = ?`, strings.ToUpper(f.Country))
		}
		if f.Name != "" {
			key := corpus.NameKey(f.Name)
			w.add(`a.id IN (SELECT actor_id FROM actor_aliases WHERE key LIKE ?)`, likePrefix(key))
		}
		rows, err := tx.Query(ctx, `SELECT `+actorColumns+` FROM actors a`+w.sql()+` ORDER BY a.mentions DESC, a.id`+limit(f.Limit, f.Offset), w.args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			a, err := scanActor(rows)
			if err != nil {
				rows.Close()
				return err
			}
			out = append(out, a)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for i := range out {
			full, err := loadActor(ctx, tx, out[i].ID)
			if err != nil {
				return err
			}
			out[i].Aliases = full.Aliases
		}
		return nil
	})
	return out, err
}

// likePrefix escapes s for LIKE and adds %.
func likePrefix(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s) + "%"
}

// Actor returns an actor's profile.
func (db *DB) Actor(ctx context.Context, ref string) (*dragoman.ActorProfile, error) {
	var p dragoman.ActorProfile
	err := db.read(ctx, "read actor", func(tx pgx.Tx) error {
		ids, err := actorIDs(ctx, tx, ref)
		if err != nil {
			return err
		}
		a, err := loadActor(ctx, tx, ids[0])
		if err != nil {
			return err
		}
		p.Actor = *a
		id := a.ID
		rows, err := tx.Query(ctx, `SELECT min(r.title), max(r.of), max(r.country), r.former, count(DISTINCT r.article_seq), min(ar.day), max(ar.day)
			FROM roles r JOIN articles ar ON ar.seq = r.article_seq AND ar.duplicate_of IS NULL
			WHERE r.actor_id = $1 GROUP BY lower(r.title), r.former ORDER BY min(ar.day), count(*) DESC`, id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var r dragoman.ActorRole
			if err := rows.Scan(&r.Title, &r.Of, &r.Country, &r.Former, &r.Count, &r.FirstSeen, &r.LastSeen); err != nil {
				rows.Close()
				return err
			}
			p.Roles = append(p.Roles, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if p.Quotes, err = queryQuotes(ctx, tx, `q.actor_id = $1 AND NOT q.duplicate`, []any{id}, 20, 0); err != nil {
			return err
		}
		if p.AsSource, err = queryEvents(ctx, tx, ` WHERE e.source_actor = $1 AND NOT e.duplicate`, []any{id}, ` LIMIT 20`); err != nil {
			return err
		}
		if p.AsTarget, err = queryEvents(ctx, tx, ` WHERE e.target_actor = $1 AND NOT e.duplicate`, []any{id}, ` LIMIT 20`); err != nil {
			return err
		}
		rows, err = tx.Query(ctx, `SELECT `+actorColumns+`, count(DISTINCT o.article_seq) AS n
			FROM entities me JOIN articles ar ON ar.seq = me.article_seq AND ar.duplicate_of IS NULL
			JOIN entities o ON o.article_seq = me.article_seq AND o.actor_id <> me.actor_id
			JOIN actors a ON a.id = o.actor_id
			WHERE me.actor_id = $1 GROUP BY a.id ORDER BY n DESC, a.mentions DESC, a.id LIMIT 10`, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c dragoman.ActorCount
			if c.Actor, err = scanActor(rows, &c.Together); err != nil {
				return err
			}
			p.Neighbors = append(p.Neighbors, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// lockEdits serializes hand edits of actors with each other.
func lockEdits(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, lockKey("edit", "actors"))
	return err
}

// MergeActors folds from into into and remembers it: from's aliases are
// pinned to into, so later ingests resolve them there.
func (db *DB) MergeActors(ctx context.Context, into, from string) (*dragoman.Actor, error) {
	var out *dragoman.Actor
	err := db.write(ctx, "merge actors", func(tx pgx.Tx) error {
		if err := lockEdits(ctx, tx); err != nil {
			return err
		}
		a, err := actorIDs(ctx, tx, into)
		if err != nil {
			return err
		}
		b, err := actorIDs(ctx, tx, from)
		if err != nil {
			return err
		}
		keep, gone := a[0], b[0]
		if keep == gone {
			return dragoman.Errorf(dragoman.EINVALID, "%q and %q are already the same actor (%s)", into, from, keep)
		}
		stmts := []string{
			`INSERT INTO actor_aliases (key, actor_id, alias, kind, count, pinned)
				SELECT key, $1, alias, kind, count, true FROM actor_aliases WHERE actor_id = $2
				ON CONFLICT (key, kind, actor_id, alias) DO UPDATE SET count = actor_aliases.count + excluded.count, pinned = true`,
			`DELETE FROM actor_aliases WHERE actor_id = $2 AND $1::text IS NOT NULL`,
			`UPDATE actor_aliases SET pinned = true WHERE actor_id = $1 AND $2::text IS NOT NULL`,
			`UPDATE entities SET actor_id = $1 WHERE actor_id = $2`,
			`UPDATE roles SET actor_id = $1 WHERE actor_id = $2`,
			`UPDATE mentions SET actor_id = $1 WHERE actor_id = $2`,
			`UPDATE quotes SET actor_id = $1 WHERE actor_id = $2`,
			`UPDATE events SET source_actor = $1 WHERE source_actor = $2`,
			`UPDATE events SET target_actor = $1 WHERE target_actor = $2`,
			`UPDATE actors SET merged_into = $1 WHERE id = $2 OR merged_into = $2`,
			`UPDATE actors SET
				country = CASE WHEN country = '' THEN (SELECT country FROM actors WHERE id = $2) ELSE country END,
				code = CASE WHEN code = '' THEN (SELECT code FROM actors WHERE id = $2) ELSE code END
				WHERE id = $1`,
		}
		for _, s := range stmts {
			if _, err := tx.Exec(ctx, s, keep, gone); err != nil {
				return err
			}
		}
		if err := recount(ctx, tx, keep, gone); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO actor_edits (op, actor_id, other_id, at) VALUES ('merge', $1, $2, now())`, keep, gone); err != nil {
			return err
		}
		out, err = loadActor(ctx, tx, keep)
		return err
	})
	return out, err
}

// SplitActor moves the named aliases of an actor to a new actor and
// remembers it.
func (db *DB) SplitActor(ctx context.Context, ref string, aliases []string) (*dragoman.Actor, error) {
	if len(aliases) == 0 {
		return nil, dragoman.Errorf(dragoman.EINVALID, "split %q: name the aliases to move to a new actor", ref)
	}
	var out *dragoman.Actor
	err := db.write(ctx, "split actor", func(tx pgx.Tx) error {
		if err := lockEdits(ctx, tx); err != nil {
			return err
		}
		ids, err := actorIDs(ctx, tx, ref)
		if err != nil {
			return err
		}
		old, err := loadActor(ctx, tx, ids[0])
		if err != nil {
			return err
		}
		keys := map[string]bool{}
		var keyList []string
		for _, al := range aliases {
			k := corpus.NameKey(al)
			var has bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM actor_aliases WHERE actor_id = $1 AND key = $2)`, old.ID, k).Scan(&has); err != nil {
				return err
			}
			if !has {
				return dragoman.Errorf(dragoman.EINVALID, "actor %s (%s) has no alias %q", old.ID, old.Name, al)
			}
			if !keys[k] {
				keys[k] = true
				keyList = append(keyList, k)
			}
		}
		var remaining int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM actor_aliases WHERE actor_id = $1 AND kind = 'name' AND NOT key = ANY($2)`,
			old.ID, keyList).Scan(&remaining); err != nil {
			return err
		}
		if remaining == 0 {
			return dragoman.Errorf(dragoman.EINVALID, "split %s: the actor would keep no name; name only some of its aliases", old.ID)
		}
		newID := corpus.SplitID(old.ID, keyList)
		if _, err := tx.Exec(ctx, `INSERT INTO actors (id, name, type, country, code) VALUES ($1, $2, $3, '', '')`,
			newID, aliases[0], string(old.Type)); err != nil {
			return err
		}
		// The aliases move and are pinned; so are the ones that stay.
		if _, err := tx.Exec(ctx, `UPDATE actor_aliases SET actor_id = $1, pinned = true WHERE actor_id = $2 AND key = ANY($3)`, newID, old.ID, keyList); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE actor_aliases SET pinned = true WHERE actor_id = $1 AND kind = 'name'`, old.ID); err != nil {
			return err
		}
		// Entities whose own name is one of the moved aliases move, with
		// everything that points at them.
		rows, err := tx.Query(ctx, `SELECT article_seq, entity, name FROM entities WHERE actor_id = $1`, old.ID)
		if err != nil {
			return err
		}
		type ent struct {
			seq int64
			id  string
		}
		var moved []ent
		for rows.Next() {
			var e ent
			var name string
			if err := rows.Scan(&e.seq, &e.id, &name); err != nil {
				rows.Close()
				return err
			}
			if keys[corpus.NameKey(name)] {
				moved = append(moved, e)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, e := range moved {
			for _, s := range []string{
				`UPDATE entities SET actor_id = $1 WHERE article_seq = $2 AND entity = $3`,
				`UPDATE roles SET actor_id = $1 WHERE article_seq = $2 AND entity = $3`,
				`UPDATE mentions SET actor_id = $1 WHERE article_seq = $2 AND entity = $3`,
				`UPDATE quotes SET actor_id = $1 WHERE article_seq = $2 AND speaker_entity = $3`,
				`UPDATE events SET source_actor = $1 WHERE article_seq = $2 AND source_entity = $3`,
				`UPDATE events SET target_actor = $1 WHERE article_seq = $2 AND target_entity = $3`,
			} {
				if _, err := tx.Exec(ctx, s, newID, e.seq, e.id); err != nil {
					return err
				}
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE actors SET
			country = coalesce((SELECT country FROM entities WHERE actor_id = $1 AND country <> '' LIMIT 1), ''),
			code = coalesce((SELECT code FROM entities WHERE actor_id = $1 AND code <> '' LIMIT 1), '')
			WHERE id = $1`, newID); err != nil {
			return err
		}
		if err := recount(ctx, tx, old.ID, newID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO actor_edits (op, actor_id, other_id, aliases, at) VALUES ('split', $1, $2, $3, now())`,
			old.ID, newID, strings.Join(aliases, "|")); err != nil {
			return err
		}
		out, err = loadActor(ctx, tx, newID)
		return err
	})
	return out, err
}

// recount recomputes the counts of the given actors from their entities.
func recount(ctx context.Context, tx pgx.Tx, ids ...string) error {
	for _, id := range ids {
		if _, err := tx.Exec(ctx, `UPDATE actors SET
			mentions = coalesce((SELECT sum(e.mentions) FROM entities e JOIN articles a ON a.seq = e.article_seq AND a.duplicate_of IS NULL WHERE e.actor_id = $1), 0),
			articles = (SELECT count(DISTINCT e.article_seq) FROM entities e JOIN articles a ON a.seq = e.article_seq AND a.duplicate_of IS NULL WHERE e.actor_id = $1),
			first_seen = (SELECT min(a.day) FROM entities e JOIN articles a ON a.seq = e.article_seq WHERE e.actor_id = $1),
			last_seen = (SELECT max(a.day) FROM entities e JOIN articles a ON a.seq = e.article_seq WHERE e.actor_id = $1)
			WHERE id = $1`, id); err != nil {
			return err
		}
	}
	return nil
}
