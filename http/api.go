package http

import (
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/go-chi/chi/v5"
)

// query reads the common query parameters of list endpoints.
type query struct {
	r   *http.Request
	err error
}

func (q *query) str(name string) string { return strings.TrimSpace(q.r.URL.Query().Get(name)) }

func (q *query) int(name string, def, max int) int {
	v := q.str(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		if q.err == nil {
			q.err = dragoman.Errorf(dragoman.EINVALID, "%s must be a non-negative integer, not %q", name, v)
		}
		return def
	}
	if max > 0 && n > max {
		n = max
	}
	return n
}

func (q *query) date(name string) time.Time {
	v := q.str(name)
	if v == "" {
		return time.Time{}
	}
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01", "2006"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t
		}
	}
	if q.err == nil {
		q.err = dragoman.Errorf(dragoman.EINVALID, "%s must be a date such as 2025-02-18, not %q", name, v)
	}
	return time.Time{}
}

func (q *query) bool(name string) bool {
	v := strings.ToLower(q.str(name))
	return v == "1" || v == "true" || v == "yes"
}

// list is the envelope of every list response.
type list[T any] struct {
	Items  []T `json:"items"`
	Count  int `json:"count"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
}

func newList[T any](items []T, limit, offset int) list[T] {
	if items == nil {
		items = []T{}
	}
	return list[T]{Items: items, Count: len(items), Limit: limit, Offset: offset}
}

const defaultLimit, maxLimit = 50, 500

// readArticles parses a request body into articles with the configured
// parser.
func (s *Server) readArticles(r *http.Request) ([]dragoman.Article, error) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		return nil, dragoman.Errorf(dragoman.EINVALID, "the request body is empty: send an article as text, HTML or JSON")
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	arts, err := s.cfg.Parse(r.Context(), "request", ct, body)
	if err != nil {
		if dragoman.ErrorCode(err) == dragoman.EINTERNAL {
			return nil, &dragoman.Error{Code: dragoman.EINVALID, Message: "cannot read the article: " + err.Error()}
		}
		return nil, err
	}
	if len(arts) == 0 {
		return nil, dragoman.Errorf(dragoman.EINVALID, "no article found in the request body")
	}
	return arts, nil
}

func (s *Server) analyze(r *http.Request, a dragoman.Article) (*dragoman.Document, error) {
	release, err := s.acquire(r.Context())
	if err != nil {
		return nil, err
	}
	defer release()
	start := time.Now()
	d, err := s.cfg.Analyze(r.Context(), a)
	s.metrics.analysisDone(time.Since(start))
	return d, err
}

// apiAnalyze analyses the posted article and returns its document; nothing
// is stored. A body holding several articles (JSON Lines, a feed) returns
// a list.
func (s *Server) apiAnalyze(w http.ResponseWriter, r *http.Request) {
	arts, err := s.readArticles(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	var docs []*dragoman.Document
	for _, a := range arts {
		d, err := s.analyze(r, a)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		if !q(r).bool("tokens") {
			d.Tokens = nil
		}
		docs = append(docs, d)
	}
	if len(docs) == 1 {
		writeJSON(w, http.StatusOK, docs[0])
		return
	}
	writeJSON(w, http.StatusOK, newList(docs, len(docs), 0))
}

func q(r *http.Request) *query { return &query{r: r} }

func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) {
	arts, err := s.readArticles(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	var b dragoman.Batch
	for _, a := range arts {
		d, err := s.analyze(r, a)
		if err != nil {
			b.Failures = append(b.Failures, dragoman.IngestFailure{Source: a.Source, ArticleID: a.ID, Stage: "analyze", Message: err.Error(), At: time.Now().UTC()})
			continue
		}
		b.Documents = append(b.Documents, d)
	}
	res, err := s.cfg.Store.Put(r.Context(), b)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.metrics.ingested.Add(int64(len(res.Added)))
	if len(res.Added) > 0 {
		s.searches.clear()
		s.pageReads.clear()
	}
	ids := make([]string, 0, len(arts))
	for _, d := range b.Documents {
		ids = append(ids, d.Article.ID)
	}
	status := http.StatusCreated
	if len(res.Added) == 0 {
		status = http.StatusOK
	}
	writeJSON(w, status, map[string]any{
		"ids":             ids,
		"added":           nonNil(res.Added),
		"skipped":         nonNil(res.Skipped),
		"near_duplicates": res.NearDuplicates,
		"failed":          b.Failures,
	})
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) {
	qq := q(r)
	f := dragoman.ArticleFilter{
		Actor: qq.str("actor"), Country: qq.str("country"),
		Since: qq.date("since"), Until: qq.date("until"),
		IncludeDuplicates: qq.bool("duplicates"),
		Limit:             qq.int("limit", defaultLimit, maxLimit), Offset: qq.int("offset", 0, 0),
	}
	if qq.err != nil {
		s.apiError(w, r, qq.err)
		return
	}
	items, err := s.cfg.Store.Articles(r.Context(), f)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newList(items, f.Limit, f.Offset))
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	d, err := s.cfg.Store.Document(r.Context(), chi.URLParam(r, "id"))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	qq := q(r)
	sq := dragoman.SearchQuery{
		Query: qq.str("q"), Actor: qq.str("actor"), Country: qq.str("country"),
		Since: qq.date("since"), Until: qq.date("until"),
		Limit: qq.int("limit", 20, maxLimit), Offset: qq.int("offset", 0, 0),
	}
	if qq.err == nil && sq.Query == "" {
		qq.err = dragoman.Errorf(dragoman.EINVALID, "q is required: /api/v1/search?q=words")
	}
	if qq.err != nil {
		s.apiError(w, r, qq.err)
		return
	}
	hits, err := s.search(r.Context(), sq)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newList(hits, sq.Limit, sq.Offset))
}

func (s *Server) apiActors(w http.ResponseWriter, r *http.Request) {
	qq := q(r)
	f := dragoman.ActorFilter{
		Name: qq.str("q"), Type: dragoman.EntityType(strings.ToUpper(qq.str("type"))), Country: qq.str("country"),
		Limit: qq.int("limit", defaultLimit, maxLimit), Offset: qq.int("offset", 0, 0),
	}
	if qq.err != nil {
		s.apiError(w, r, qq.err)
		return
	}
	items, err := s.cfg.Store.Actors(r.Context(), f)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newList(items, f.Limit, f.Offset))
}

func (s *Server) apiActor(w http.ResponseWriter, r *http.Request) {
	p, err := s.cfg.Store.Actor(r.Context(), chi.URLParam(r, "id"))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) {
	qq := q(r)
	f := dragoman.QuoteFilter{
		Speaker: qq.str("speaker"), ArticleID: qq.str("article"),
		Since: qq.date("since"), Until: qq.date("until"), IncludeDuplicates: qq.bool("duplicates"),
		Limit: qq.int("limit", defaultLimit, maxLimit), Offset: qq.int("offset", 0, 0),
	}
	if qq.err != nil {
		s.apiError(w, r, qq.err)
		return
	}
	items, err := s.cfg.Store.Quotes(r.Context(), f)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newList(items, f.Limit, f.Offset))
}

func eventFilter(qq *query) dragoman.EventFilter {
	return dragoman.EventFilter{
		ArticleID: qq.str("article"), Actor: qq.str("actor"),
		Source: qq.str("source"), Target: qq.str("target"), Country: qq.str("country"),
		Root: qq.str("root"), Code: qq.str("code"), QuadClass: qq.int("quad", 0, 4),
		Since: qq.date("since"), Until: qq.date("until"),
		IncludeDuplicates: qq.bool("duplicates"), IncludeNegated: qq.bool("negated"),
		Limit: qq.int("limit", defaultLimit, maxLimit), Offset: qq.int("offset", 0, 0),
	}
}

func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) {
	qq := q(r)
	f := eventFilter(qq)
	if qq.err != nil {
		s.apiError(w, r, qq.err)
		return
	}
	items, err := s.cfg.Store.Events(r.Context(), f)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newList(items, f.Limit, f.Offset))
}

func dyadQuery(r *http.Request, qq *query) dragoman.DyadQuery {
	by := dragoman.Period(strings.ToLower(qq.str("by")))
	switch by {
	case "", dragoman.Day, dragoman.Week, dragoman.Month:
	default:
		if qq.err == nil {
			qq.err = dragoman.Errorf(dragoman.EINVALID, "by must be day, week or month, not %q", by)
		}
	}
	if by == "" {
		by = dragoman.Month
	}
	return dragoman.DyadQuery{
		A: chi.URLParam(r, "a"), B: chi.URLParam(r, "b"), By: by,
		Since: qq.date("since"), Until: qq.date("until"), Directed: qq.bool("directed"),
	}
}

func (s *Server) apiDyad(w http.ResponseWriter, r *http.Request) {
	qq := q(r)
	dq := dyadQuery(r, qq)
	if qq.err != nil {
		s.apiError(w, r, qq.err)
		return
	}
	pts, err := s.cfg.Store.Dyad(r.Context(), dq)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if pts == nil {
		pts = []dragoman.DyadPoint{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"a": dq.A, "b": dq.B, "by": dq.By, "points": pts})
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) {
	st, err := s.cfg.Store.Stats(r.Context())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}
