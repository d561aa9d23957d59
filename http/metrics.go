package http

import (
	"crypto/subtle"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5"
)

func constantTimeEqual(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// latencyBuckets are the upper bounds, in seconds, of the request latency
// histogram.
var latencyBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

type routeKey struct {
	method, route string
	status        int
}

type histogram struct {
	counts []uint64 // per bucket, cumulative at export time
	sum    float64
	n      uint64
}

type metrics struct {
	mu       sync.Mutex
	requests map[routeKey]uint64
	latency  map[string]*histogram // by route

	ingested     atomic.Int64
	analyses     atomic.Int64
	analysisNano atomic.Int64
	panics       atomic.Int64
	cacheHits    atomic.Int64
}

func newMetrics() *metrics {
	return &metrics{requests: map[routeKey]uint64{}, latency: map[string]*histogram{}}
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (s *Server) measure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		route := "unmatched"
		if rc := chi.RouteContext(r.Context()); rc != nil && rc.RoutePattern() != "" {
			route = rc.RoutePattern()
		}
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		s.metrics.observe(r.Method, route, sw.status, time.Since(start))
	})
}

func (m *metrics) observe(method, route string, status int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[routeKey{method, route, status}]++
	h := m.latency[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets))}
		m.latency[route] = h
	}
	sec := d.Seconds()
	for i, b := range latencyBuckets {
		if sec <= b {
			h.counts[i]++
			break
		}
	}
	h.sum += sec
	h.n++
}

func (m *metrics) analysisDone(d time.Duration) {
	m.analyses.Add(1)
	m.analysisNano.Add(int64(d))
}

// metricsHandler writes the Prometheus text exposition format.
func (s *Server) metricsHandler(w http.ResponseWriter, r *http.Request) {
	m := s.metrics
	var b strings.Builder
	m.mu.Lock()
	keys := make([]routeKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].route != keys[j].route {
			return keys[i].route < keys[j].route
		}
		if keys[i].method != keys[j].method {
			return keys[i].method < keys[j].method
		}
		return keys[i].status < keys[j].status
	})
	b.WriteString("# HELP dragoman_http_requests_total HTTP requests by route, method and status.\n# TYPE dragoman_http_requests_total counter\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "dragoman_http_requests_total{method=%q,route=%q,status=\"%d\"} %d\n", k.method, k.route, k.status, m.requests[k])
	}
	routes := make([]string, 0, len(m.latency))
	for r := range m.latency {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	b.WriteString("# HELP dragoman_http_request_duration_seconds HTTP request latency by route.\n# TYPE dragoman_http_request_duration_seconds histogram\n")
	for _, route := range routes {
		h := m.latency[route]
		var cum uint64
		for i, ub := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(&b, "dragoman_http_request_duration_seconds_bucket{route=%q,le=\"%g\"} %d\n", route, ub, cum)
		}
		fmt.Fprintf(&b, "dragoman_http_request_duration_seconds_bucket{route=%q,le=\"+Inf\"} %d\n", route, h.n)
		fmt.Fprintf(&b, "dragoman_http_request_duration_seconds_sum{route=%q} %g\n", route, h.sum)
		fmt.Fprintf(&b, "dragoman_http_request_duration_seconds_count{route=%q} %d\n", route, h.n)
	}
	m.mu.Unlock()
	fmt.Fprintf(&b, "# HELP dragoman_articles_ingested_total Articles stored through the API.\n# TYPE dragoman_articles_ingested_total counter\ndragoman_articles_ingested_total %d\n", m.ingested.Load())
	fmt.Fprintf(&b, "# HELP dragoman_analysis_seconds Time spent analysing articles.\n# TYPE dragoman_analysis_seconds summary\ndragoman_analysis_seconds_sum %g\ndragoman_analysis_seconds_count %d\n", time.Duration(m.analysisNano.Load()).Seconds(), m.analyses.Load())
	fmt.Fprintf(&b, "# HELP dragoman_http_panics_total Handler panics recovered.\n# TYPE dragoman_http_panics_total counter\ndragoman_http_panics_total %d\n", m.panics.Load())
	fmt.Fprintf(&b, "# HELP dragoman_search_cache_hits_total Searches answered from the short-lived result cache.\n# TYPE dragoman_search_cache_hits_total counter\ndragoman_search_cache_hits_total %d\n", m.cacheHits.Load())
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	_, _ = w.Write([]byte(b.String()))
}
