package sqlite

import (
	"context"
	"database/sql"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dragoman-news/dragoman"
)

// rankCap bounds the work of one search. Ranking by bm25 costs FTS5 a
// little for every article it scores, so a search walks the index newest
// first and scores at most rankCap matches: a query matching at most
// rankCap articles is ranked among all its matches, one matching more (a
// very common word) among its rankCap most recently stored matches only,
// so that no query costs more than a bounded amount. Either way the score
// is FTS5's own bm25, with document frequencies over the whole corpus.
var rankCap = 250

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
			c := strings.ToUpper(q.Country)
			if err := w.among(ctx, tx, `article_countries WHERE country = ?`, []any{c}); err != nil {
				return err
			}
		}
		if q.Actor != "" {
			ids, err := actorIDs(ctx, tx, q.Actor)
			if err != nil {
				return err
			}
			if err := w.among(ctx, tx, `entities WHERE actor_id IN (`+placeholders(len(ids))+`)`, anys(ids)); err != nil {
				return err
			}
		}
		// CROSS JOIN keeps the full-text index as the outer loop, walked in
		// rowid order, so that the probe stops at the cap.
		from := ` FROM articles_fts CROSS JOIN articles a ON a.seq = articles_fts.rowid`
		// One walk down the index, newest first, scores the rankCap newest
		// matches (one more tells whether there are more); they are
		// ordered and paged here.
		rows, err := tx.QueryContext(ctx, `SELECT articles_fts.rowid, bm25(articles_fts, 5.0, 1.0)`+from+w.sql()+
			` ORDER BY articles_fts.rowid DESC LIMIT `+itoa(rankCap+1), w.args...)
		if err != nil {
			return ftsError(query, err)
		}
		var ranked []scored
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
		ranked = ranked[:min(len(ranked), rankCap)]
		sort.SliceStable(ranked, func(i, j int) bool {
			if ranked[i].rank != ranked[j].rank {
				return ranked[i].rank < ranked[j].rank
			}
			return ranked[i].seq > ranked[j].seq
		})
		ranked = ranked[min(len(ranked), q.Offset):min(len(ranked), q.Offset+q.Limit)]
		if len(ranked) == 0 {
			return nil
		}
		// Titles, bodies and snippets only for the page returned, read in
		// one statement.
		args := make([]any, len(ranked))
		at := make(map[int64]int, len(ranked))
		out = make([]dragoman.SearchHit, len(ranked))
		for i, s := range ranked {
			args[i] = s.seq
			at[s.seq] = i
			out[i].Rank = s.rank
		}
		rows, err = tx.QueryContext(ctx, `SELECT seq, id, title, url, published, body FROM articles WHERE seq IN (`+placeholders(len(args))+`)`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		terms := queryTerms(query)
		for rows.Next() {
			var seq int64
			var published sql.NullString
			var body string
			var h dragoman.SearchHit
			if err := rows.Scan(&seq, &h.ArticleID, &h.Title, &h.URL, &published, &body); err != nil {
				return err
			}
			i := at[seq]
			h.Rank = out[i].Rank
			h.Published = parseTime(published)
			h.Snippet = snippet(body, terms, 16)
			out[i] = h
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// fewArticles is the size below which a filter's articles are listed
// once per statement; above it, each match walked is looked up instead.
const fewArticles = 2000

// among restricts a search to the articles of table (a table with an
// article_seq column and a condition: "entities WHERE actor_id = ?"). A
// filter holding few articles is cheapest as a list built once; one
// holding many (a common country) is cheapest as a lookup for each match
// walked, as matches in it are dense and the walk stops at the cap.
func (w *where) among(ctx context.Context, tx *sql.Tx, table string, args []any) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM `+table+` LIMIT `+itoa(fewArticles)+`)`, args...).Scan(&n); err != nil {
		return err
	}
	if n < fewArticles {
		w.add(`a.seq IN (SELECT article_seq FROM `+table+`)`, args...)
		return nil
	}
	w.add(`EXISTS (SELECT 1 FROM `+table+` AND article_seq = a.seq)`, args...)
	return nil
}

type scored struct {
	seq  int64
	rank float64
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
	for i := 0; i < len(text); {
		c := text[i]
		var word bool
		size := 1
		if c < 0x80 {
			word = asciiWord[c]
		} else {
			r, n := utf8.DecodeRuneInString(text[i:])
			word, size = unicode.IsLetter(r) || unicode.IsDigit(r), n
		}
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			fn(start, i)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(text))
	}
}

// asciiWord tells the ASCII bytes that belong to words.
var asciiWord = func() (t [128]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// snippet returns about n words of body around the densest cluster of
// query terms, with the matched words in [brackets] and an ellipsis where
// the text was cut.
func snippet(body string, terms []string, n int) string {
	// Only the text around the first match is read word by word: a body
	// is long and the page shows a few lines of it.
	whole := len(body)
	lo, hi := aroundFirstHit(body, terms)
	body = body[lo:hi]
	type word struct {
		start, end int
		hit        bool
	}
	// A word can only match a term starting with its first byte, folded
	// to lower case (a non-ASCII first byte is always tried).
	var initial [256]bool
	for _, t := range terms {
		if t != "" {
			initial[t[0]] = true
		}
	}
	words := make([]word, 0, len(body)/5)
	forEachWord(body, func(s, e int) {
		c := body[s]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		hit := false
		if initial[c] || c >= 0x80 {
			w := body[s:e]
			for _, t := range terms {
				if hasPrefixFold(w, t) {
					hit = true
					break
				}
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
	if best > 0 || lo > 0 {
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
	if end < len(words) || hi < whole {
		b.WriteString("…")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// aroundFirstHit returns the part of body a snippet is drawn from: from a
// little before the first word starting with a term (found by substring
// search, in lower case or capitalized) to well after it, cut at spaces.
// It returns the whole body when a term is not plain ASCII or no
// occurrence is found that way (a word in capitals, say).
func aroundFirstHit(body string, terms []string) (lo, hi int) {
	const before, after = 200, 600
	if len(body) <= before+after {
		return 0, len(body)
	}
	first := -1
	for _, t := range terms {
		if t == "" {
			continue
		}
		for i := 0; i < len(t); i++ {
			if t[i] >= 0x80 {
				return 0, len(body)
			}
		}
		for _, v := range [2]string{t, strings.ToUpper(t[:1]) + t[1:]} {
			for from := 0; from < len(body); {
				i := strings.Index(body[from:], v)
				if i < 0 {
					break
				}
				i += from
				if i == 0 || body[i-1] < 0x80 && !asciiWord[body[i-1]] {
					if first < 0 || i < first {
						first = i
					}
					break
				}
				from = i + 1
			}
		}
	}
	if first < 0 {
		return 0, len(body)
	}
	lo, hi = max(0, first-before), min(len(body), first+after)
	for lo > 0 && body[lo-1] != ' ' && body[lo-1] != '\n' && lo < first {
		lo++
	}
	for hi < len(body) && body[hi] != ' ' && body[hi] != '\n' {
		hi--
	}
	if hi <= first {
		hi = len(body)
	}
	return lo, hi
}
