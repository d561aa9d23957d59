package sqlite

import (
	"context"
	"database/sql"
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/dragoman-news/dragoman"
)

// rankCap bounds the work of one search. bm25 in FTS5 counts every
// article that matches each term before it scores one, so its cost grows
// with the number of matches. A query matching at most rankCap articles is
// ranked exactly by bm25; one matching more (a very common word) is ranked
// among its rankCap most recently stored matches by an estimate of bm25
// computed here, so that no query costs more than a bounded amount.
var rankCap = 250

// leadBytes is how much of each body the estimate reads: the lead of a
// news story says what it is about.
const leadBytes = 1200

// Search runs a full-text query, best first (bm25, title weighted 5x).
func (db *DB) Search(ctx context.Context, q dragoman.SearchQuery) ([]dragoman.SearchHit, error) {
	query := strings.TrimSpace(q.Query)
	if query == "" {
		return nil, dragoman.Errorf(dragoman.EINVALID, "empty search query")
	}
	if q.Limit <= 0 {
		q.Limit = 20
	}
	var out []dragoman.SearchHit
	err := db.read(ctx, "search", func(tx *sql.Tx) error {
		var w where
		w.add(`articles_fts MATCH ?`, query)
		w.add(`a.duplicate_of IS NULL`)
		w.days("a.day", q.Since, q.Until)
		if q.Country != "" {
			w.add(`a.seq IN (SELECT article_seq FROM article_countries WHERE country = ?)`, strings.ToUpper(q.Country))
		}
		if q.Actor != "" {
			ids, err := actorIDs(ctx, tx, q.Actor)
			if err != nil {
				return err
			}
			w.add(`a.seq IN (SELECT article_seq FROM entities WHERE actor_id IN (`+placeholders(len(ids))+`))`, anys(ids)...)
		}
		// CROSS JOIN keeps the full-text index as the outer loop, walked in
		// rowid order, so that the probe stops at the cap.
		from := ` FROM articles_fts CROSS JOIN articles a ON a.seq = articles_fts.rowid` + w.sql()
		// Probe: the newest matches, up to one more than the cap.
		seqs, err := int64s(ctx, tx, `SELECT articles_fts.rowid`+from+` ORDER BY articles_fts.rowid DESC LIMIT `+itoa(rankCap+1), w.args)
		if err != nil {
			return ftsError(query, err)
		}
		var ranked []scored
		if len(seqs) <= rankCap {
			rows, err := tx.QueryContext(ctx, `SELECT articles_fts.rowid, bm25(articles_fts, 5.0, 1.0) AS r`+from+
				` ORDER BY r`+limit(q.Limit, q.Offset), w.args...)
			if err != nil {
				return ftsError(query, err)
			}
			for rows.Next() {
				var s scored
				if err := rows.Scan(&s.seq, &s.rank); err != nil {
					rows.Close()
					return ftsError(query, err)
				}
				ranked = append(ranked, s)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return ftsError(query, err)
			}
		} else {
			if ranked, err = estimateRanks(ctx, tx, seqs[:rankCap], queryTerms(query)); err != nil {
				return err
			}
			if q.Offset >= len(ranked) {
				ranked = nil
			} else {
				ranked = ranked[q.Offset:min(len(ranked), q.Offset+q.Limit)]
			}
		}
		terms := queryTerms(query)
		for _, s := range ranked {
			var h dragoman.SearchHit
			var published sql.NullString
			var body string
			if err := tx.QueryRowContext(ctx, `SELECT id, title, url, published, body FROM articles WHERE seq = ?`, s.seq).
				Scan(&h.ArticleID, &h.Title, &h.URL, &published, &body); err != nil {
				return err
			}
			h.Published = parseTime(published)
			h.Rank = s.rank
			h.Snippet = snippet(body, terms, 16)
			out = append(out, h)
		}
		return nil
	})
	return out, err
}

type scored struct {
	seq  int64
	rank float64
}

func int64s(ctx context.Context, tx *sql.Tx, q string, args []any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// estimateRanks scores candidates with bm25 (k1 1.2, b 0.75, title
// weighted 5x) where document frequencies are counted among the candidates
// themselves. Ranks are negative, lower is better, as FTS5's are.
func estimateRanks(ctx context.Context, tx *sql.Tx, seqs []int64, terms []string) ([]scored, error) {
	if len(terms) == 0 {
		out := make([]scored, len(seqs))
		for i, s := range seqs {
			out[i] = scored{seq: s}
		}
		return out, nil
	}
	type doc struct {
		seq     int64
		tf      []float64 // weighted term frequency per term
		length  float64
		present []bool
	}
	docs := make([]doc, 0, len(seqs))
	df := make([]int, len(terms))
	var total float64
	for start := 0; start < len(seqs); start += 200 {
		chunk := seqs[start:min(start+200, len(seqs))]
		args := make([]any, len(chunk))
		for i, s := range chunk {
			args[i] = s
		}
		rows, err := tx.QueryContext(ctx, `SELECT seq, title, substr(body, 1, `+itoa(leadBytes)+`) FROM articles WHERE seq IN (`+placeholders(len(chunk))+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var d doc
			var title, body string
			if err := rows.Scan(&d.seq, &title, &body); err != nil {
				rows.Close()
				return nil, err
			}
			d.tf = make([]float64, len(terms))
			d.present = make([]bool, len(terms))
			tl := countTerms(title, terms, d.tf, 5)
			bl := countTerms(body, terms, d.tf, 1)
			d.length = float64(5*tl + bl)
			for i, f := range d.tf {
				if f > 0 {
					d.present[i] = true
					df[i]++
				}
			}
			total += d.length
			docs = append(docs, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	avg := total / float64(max(len(docs), 1))
	n := float64(len(docs))
	out := make([]scored, len(docs))
	for i, d := range docs {
		score := 0.0
		for t := range terms {
			if !d.present[t] {
				continue
			}
			idf := math.Log((n-float64(df[t])+0.5)/(float64(df[t])+0.5) + 1)
			tf := d.tf[t]
			score += idf * tf * 2.2 / (tf + 1.2*(0.25+0.75*d.length/max(avg, 1)))
		}
		out[i] = scored{seq: d.seq, rank: -score}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].rank != out[j].rank {
			return out[i].rank < out[j].rank
		}
		return out[i].seq > out[j].seq
	})
	return out, nil
}

// queryTerms returns the words of an FTS5 query that should be found in a
// matching text: operators, column names, NOT clauses and punctuation
// dropped, words lowercased and cut to a rough stem ("sanctions" ->
// "sanction"); a prefix query keeps its prefix.
func queryTerms(q string) []string {
	var terms []string
	seen := map[string]bool{}
	skipNext := false
	for _, f := range strings.FieldsFunc(q, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"()+,^`, r)
	}) {
		switch f {
		case "AND", "OR", "NEAR":
			continue
		case "NOT":
			skipNext = true
			continue
		}
		if skipNext {
			skipNext = false
			continue
		}
		if i := strings.IndexByte(f, ':'); i >= 0 {
			f = f[i+1:]
		}
		if strings.HasPrefix(f, "NEAR") {
			continue
		}
		f = strings.TrimSuffix(strings.ToLower(f), "*")
		f = strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if f == "" {
			continue
		}
		if _, err := parseIntStrict(f); err == nil {
			// numbers are matched whole
		} else {
			f = stem(f)
		}
		if !seen[f] {
			seen[f] = true
			terms = append(terms, f)
		}
	}
	return terms
}

func parseIntStrict(s string) (int, error) {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, errNotInt
		}
		n = n*10 + int(r-'0')
	}
	return n, nil
}

var errNotInt = dragoman.Errorf(dragoman.EINVALID, "not an integer")

// stem cuts common English endings so that a word's forms share a
// prefix: "sanctions", "sanctioned" -> "sanction"; "talks" -> "talk".
func stem(w string) string {
	for _, suf := range []string{"ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s", "e", "y"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// countTerms adds weight to tf[i] for every word of text starting with
// terms[i], and returns the number of words.
func countTerms(text string, terms []string, tf []float64, weight float64) int {
	words := 0
	forEachWord(text, func(start, end int) {
		words++
		w := text[start:end]
		for i, t := range terms {
			if hasPrefixFold(w, t) {
				tf[i] += weight
			}
		}
	})
	return words
}

// hasPrefixFold reports whether w starts with the lowercase prefix p,
// ignoring case.
func hasPrefixFold(w, p string) bool {
	if len(w) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := w[i]
		if c >= 0x80 || p[i] >= 0x80 {
			return strings.HasPrefix(strings.ToLower(w), p)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// forEachWord calls fn with the byte range of every word of text.
func forEachWord(text string, fn func(start, end int)) {
	start := -1
	for i, r := range text {
		var word bool
		if r < 0x80 {
			word = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
		} else {
			word = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			fn(start, i)
			start = -1
		}
	}
	if start >= 0 {
		fn(start, len(text))
	}
}

// snippet returns about n words of body around the densest cluster of
// query terms, with the matched words in [brackets] and an ellipsis where
// the text was cut.
func snippet(body string, terms []string, n int) string {
	type word struct {
		start, end int
		hit        bool
	}
	var words []word
	forEachWord(body, func(s, e int) {
		w := body[s:e]
		hit := false
		for _, t := range terms {
			if hasPrefixFold(w, t) {
				hit = true
				break
			}
		}
		words = append(words, word{s, e, hit})
	})
	if len(words) == 0 {
		return ""
	}
	// The window of n words with the most hits, earliest first.
	best, bestHits, hits := 0, -1, 0
	for i := range words {
		if words[i].hit {
			hits++
		}
		if i >= n && words[i-n].hit {
			hits--
		}
		if i >= n-1 && hits > bestHits {
			best, bestHits = i-n+1, hits
		}
	}
	if bestHits < 0 {
		best = 0
	}
	// Start a little before the first hit when the window allows.
	first := best
	for first < len(words) && first < best+n && !words[first].hit {
		first++
	}
	if first < best+n && first-best > 3 {
		best = max(0, first-3)
	}
	end := min(len(words), best+n)
	var b strings.Builder
	if best > 0 {
		b.WriteString("…")
	}
	from := words[best].start
	for _, w := range words[best:end] {
		b.WriteString(body[from:w.start])
		if w.hit {
			b.WriteString("[" + body[w.start:w.end] + "]")
		} else {
			b.WriteString(body[w.start:w.end])
		}
		from = w.end
	}
	if end < len(words) {
		b.WriteString("…")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
