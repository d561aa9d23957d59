// Package http is dragoman's HTTP edge: a JSON API under /api/v1 and
// server-rendered pages for analysts, both over a dragoman.Store. It never
// touches a backend directly, and it reads and analyses articles through
// the functions it is given, so it knows no stage.
package http

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/go-chi/chi/v5"
)

// Parser turns a request body into articles. contentType is the request's
// media type ("text/plain", "text/html", "application/json"...).
type Parser func(ctx context.Context, name, contentType string, body []byte) ([]dragoman.Article, error)

// Analyzer runs the analysis pipeline on one article.
type Analyzer func(ctx context.Context, a dragoman.Article) (*dragoman.Document, error)

// Config holds what the server needs. Store, Parse and Analyze are
// required.
type Config struct {
	Store   dragoman.Store
	Parse   Parser
	Analyze Analyzer
	// Token is the bearer token writes need. Empty refuses every write.
	Token string
	// MaxBody limits request bodies in bytes; default 8 MiB.
	MaxBody int64
	// Timeout bounds each request; default 30s.
	Timeout time.Duration
	// MaxAnalyses bounds analyses running at once; default 4.
	MaxAnalyses int
	// SearchCacheTTL is how long a search's answer is reused; default 10s,
	// negative turns the cache off. Articles stored through this server
	// clear it at once; ones stored by another process show after the TTL.
	SearchCacheTTL time.Duration
	Logger         *slog.Logger
}

// Server serves the API and the pages.
type Server struct {
	cfg     Config
	router  chi.Router
	sem     chan struct{}
	metrics *metrics
	log     *slog.Logger

	searches *resultCache[[]dragoman.SearchHit]
	// pageReads keeps, as briefly as searches, the other reads of the
	// home and search pages (counts, newest articles, top actors, actors
	// named like a query); cleared with searches.
	pageReads *resultCache[any]

	dyadMu  sync.Mutex
	dyads   []dyadCount
	dyadsAt time.Time
}

// New builds the server's routes.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil || cfg.Parse == nil || cfg.Analyze == nil {
		return nil, errors.New("http: Store, Parse and Analyze are required")
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 8 << 20
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.MaxAnalyses <= 0 {
		cfg.MaxAnalyses = 4
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.SearchCacheTTL == 0 {
		cfg.SearchCacheTTL = 10 * time.Second
	}
	s := &Server{cfg: cfg, sem: make(chan struct{}, cfg.MaxAnalyses), metrics: newMetrics(), log: cfg.Logger}
	if cfg.SearchCacheTTL > 0 {
		s.searches = newResultCache[[]dragoman.SearchHit](512, cfg.SearchCacheTTL)
		s.pageReads = newResultCache[any](512, cfg.SearchCacheTTL)
	}
	r := chi.NewRouter()
	r.Use(s.recoverer, s.securityHeaders, s.measure, s.limitBody, s.timeout)

	r.Get("/healthz", s.healthz)
	r.Get("/metrics", s.metricsHandler)
	r.Get("/openapi.json", s.openapi)
	r.Route("/api/v1", func(r chi.Router) {
		r.Post("/analyze", s.apiAnalyze)
		r.Get("/articles", s.apiArticles)
		r.Get("/articles/{id}", s.apiArticle)
		r.With(s.requireToken).Post("/articles", s.apiIngest)
		r.Get("/search", s.apiSearch)
		r.Get("/actors", s.apiActors)
		r.Get("/actors/{id}", s.apiActor)
		r.Get("/quotes", s.apiQuotes)
		r.Get("/events", s.apiEvents)
		r.Get("/dyads/{a}/{b}", s.apiDyad)
		r.Get("/stats", s.apiStats)
		r.NotFound(func(w http.ResponseWriter, r *http.Request) {
			s.apiError(w, r, dragoman.Errorf(dragoman.ENOTFOUND, "no such endpoint: %s %s", r.Method, r.URL.Path))
		})
	})

	r.Get("/", s.pageHome)
	r.Get("/search", s.pageSearch)
	r.Get("/articles/{id}", s.pageArticle)
	r.Get("/actors/{ref}", s.pageActor)
	r.Get("/dyads/{a}/{b}", s.pageDyad)
	r.Get("/events", s.pageEvents)
	r.Get("/analyze", s.pageAnalyze)
	r.Post("/analyze", s.pageAnalyze)
	r.Handle("/static/*", http.StripPrefix("/static/", staticHandler()))
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		s.pageError(w, r, dragoman.Errorf(dragoman.ENOTFOUND, "page not found"))
	})
	s.router = r
	return s, nil
}

// ServeHTTP makes the server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.router.ServeHTTP(w, r) }

// statusOf maps application error codes to HTTP status codes: the one
// table that does so.
var statusOf = map[string]int{
	dragoman.EINVALID:        http.StatusBadRequest,
	dragoman.ENOTFOUND:       http.StatusNotFound,
	dragoman.ECONFLICT:       http.StatusConflict,
	dragoman.EUNAUTHORIZED:   http.StatusUnauthorized,
	dragoman.ETOOLARGE:       http.StatusRequestEntityTooLarge,
	dragoman.EUNAVAILABLE:    http.StatusServiceUnavailable,
	dragoman.ENOTIMPLEMENTED: http.StatusNotImplemented,
	dragoman.EINTERNAL:       http.StatusInternalServerError,
}

func errorStatus(err error) int {
	if errors.Is(err, context.DeadlineExceeded) {
		return http.StatusGatewayTimeout
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge
	}
	if st, ok := statusOf[dragoman.ErrorCode(err)]; ok {
		return st
	}
	return http.StatusInternalServerError
}

type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	st := errorStatus(err)
	var body errorBody
	body.Error.Code = dragoman.ErrorCode(err)
	body.Error.Message = dragoman.ErrorMessage(err)
	switch st {
	case http.StatusGatewayTimeout:
		body.Error.Code, body.Error.Message = dragoman.EUNAVAILABLE, "request timed out"
	case http.StatusRequestEntityTooLarge:
		body.Error.Code, body.Error.Message = dragoman.ETOOLARGE, fmt.Sprintf("request body over %d bytes", s.cfg.MaxBody)
	}
	if st >= 500 {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	writeJSON(w, st, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// Middleware.

func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic in handler", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				s.metrics.panics.Add(1)
				err := dragoman.Errorf(dragoman.EINTERNAL, "internal error")
				if strings.HasPrefix(r.URL.Path, "/api/") {
					s.apiError(w, r, err)
				} else {
					http.Error(w, "internal error", http.StatusInternalServerError)
				}
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// contentSecurityPolicy allows scripts and styles only from the server's
// own /static files: nothing inline, so article text can never run.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

func (s *Server) limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) timeout(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func (s *Server) requireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.Token == "" {
			s.apiError(w, r, dragoman.Errorf(dragoman.EUNAUTHORIZED, "writes are disabled: start the server with --token or DRAGOMAN_TOKEN"))
			return
		}
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || !constantTimeEqual(strings.TrimSpace(got), s.cfg.Token) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="dragoman"`)
			s.apiError(w, r, dragoman.Errorf(dragoman.EUNAUTHORIZED, "a valid bearer token is required"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// acquire takes a slot for an analysis, or fails when the request ends
// first.
func (s *Server) acquire(ctx context.Context) (func(), error) {
	select {
	case s.sem <- struct{}{}:
		return func() { <-s.sem }, nil
	case <-ctx.Done():
		return nil, dragoman.Errorf(dragoman.EUNAVAILABLE, "too many analyses running; try again")
	}
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	if _, err := s.cfg.Store.Stats(r.Context()); err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "error": dragoman.ErrorMessage(err)})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// search runs a full-text query through the short-lived result cache.
func (s *Server) search(ctx context.Context, q dragoman.SearchQuery) ([]dragoman.SearchHit, error) {
	key := fmt.Sprintf("%q|%q|%q|%d|%d|%d|%d", q.Query, q.Actor, q.Country, q.Since.Unix(), q.Until.Unix(), q.Limit, q.Offset)
	if hits, ok := s.searches.get(key); ok {
		s.metrics.cacheHits.Add(1)
		return hits, nil
	}
	hits, err := s.cfg.Store.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	s.searches.put(key, hits)
	return hits, nil
}
