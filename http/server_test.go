package http_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/article"
	dhttp "github.com/dragoman-news/dragoman/http"
	"github.com/dragoman-news/dragoman/pipeline"
	"github.com/dragoman-news/dragoman/sqlite"
)

const token = "test-token"

type env struct {
	t     *testing.T
	url   string
	store dragoman.Store
	ids   map[string]string // fixture file -> article id
}

func parse(ctx context.Context, name, ct string, body []byte) ([]dragoman.Article, error) {
	var opts article.Options
	if ct == "text/plain" {
		opts.Format = article.FormatText
	}
	var out []dragoman.Article
	for it, err := range article.ReadReader(ctx, bytes.NewReader(body), name, opts) {
		if err != nil {
			return out, err
		}
		out = append(out, it.Article)
	}
	return out, nil
}

var sharedPipeline = func() func(t *testing.T) *pipeline.Pipeline {
	var p *pipeline.Pipeline
	return func(t *testing.T) *pipeline.Pipeline {
		if p == nil {
			var err error
			if p, err = pipeline.New(pipeline.Options{}); err != nil {
				t.Fatal(err)
			}
		}
		return p
	}
}()

func newEnv(t *testing.T, cfg dhttp.Config) *env {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "test.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if cfg.Store == nil {
		cfg.Store = db
	}
	cfg.Parse = parse
	cfg.Analyze = sharedPipeline(t).Analyze
	srv, err := dhttp.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &env{t: t, url: ts.URL, store: db, ids: map[string]string{}}
}

// ingestFixtures posts the test articles through the API.
func (e *env) ingestFixtures() {
	e.t.Helper()
	for _, name := range []string{"ankara-ceasefire.txt", "hanoi-trade.txt", "xss.txt"} {
		body, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			e.t.Fatal(err)
		}
		res, data := e.do("POST", "/api/v1/articles", "text/plain", body, token)
		if res.StatusCode != http.StatusCreated {
			e.t.Fatalf("ingest %s: %d %s", name, res.StatusCode, data)
		}
		var out struct{ IDs []string }
		json.Unmarshal(data, &out)
		if len(out.IDs) != 1 {
			e.t.Fatalf("ingest %s: ids %v", name, out.IDs)
		}
		e.ids[name] = out.IDs[0]
	}
}

func (e *env) do(method, path, ct string, body []byte, tok string) (*http.Response, []byte) {
	e.t.Helper()
	req, err := http.NewRequest(method, e.url+path, bytes.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	return res, data
}

func (e *env) get(path string) (int, []byte) {
	res, data := e.do("GET", path, "", nil, "")
	return res.StatusCode, data
}

func errorCode(t *testing.T, data []byte) string {
	t.Helper()
	var eb struct {
		Error struct{ Code, Message string }
	}
	if err := json.Unmarshal(data, &eb); err != nil || eb.Error.Code == "" || eb.Error.Message == "" {
		t.Fatalf("not a JSON error: %s", data)
	}
	return eb.Error.Code
}

func TestWritesNeedToken(t *testing.T) {
	body := []byte("A headline\nGENEVA — Some text about talks.")
	t.Run("NoTokenConfigured", func(t *testing.T) {
		e := newEnv(t, dhttp.Config{})
		res, data := e.do("POST", "/api/v1/articles", "text/plain", body, "anything")
		if res.StatusCode != 401 || errorCode(t, data) != dragoman.EUNAUTHORIZED {
			t.Fatalf("got %d %s", res.StatusCode, data)
		}
	})
	e := newEnv(t, dhttp.Config{Token: token})
	t.Run("Missing", func(t *testing.T) {
		res, data := e.do("POST", "/api/v1/articles", "text/plain", body, "")
		if res.StatusCode != 401 || res.Header.Get("WWW-Authenticate") == "" {
			t.Fatalf("got %d %s", res.StatusCode, data)
		}
	})
	t.Run("Wrong", func(t *testing.T) {
		res, _ := e.do("POST", "/api/v1/articles", "text/plain", body, "nope")
		if res.StatusCode != 401 {
			t.Fatalf("got %d", res.StatusCode)
		}
	})
	t.Run("RightThenIdempotent", func(t *testing.T) {
		res, data := e.do("POST", "/api/v1/articles", "text/plain", body, token)
		if res.StatusCode != 201 {
			t.Fatalf("got %d %s", res.StatusCode, data)
		}
		res, data = e.do("POST", "/api/v1/articles", "text/plain", body, token)
		var out struct{ Added, Skipped []string }
		json.Unmarshal(data, &out)
		if res.StatusCode != 200 || len(out.Added) != 0 || len(out.Skipped) != 1 {
			t.Fatalf("second post: %d %s", res.StatusCode, data)
		}
	})
}

func TestAPI(t *testing.T) {
	e := newEnv(t, dhttp.Config{Token: token})
	e.ingestFixtures()
	ankara := e.ids["ankara-ceasefire.txt"]

	t.Run("Healthz", func(t *testing.T) {
		if st, data := e.get("/healthz"); st != 200 || !bytes.Contains(data, []byte(`"ok"`)) {
			t.Fatalf("%d %s", st, data)
		}
	})
	t.Run("Analyze", func(t *testing.T) {
		body, _ := os.ReadFile("testdata/hanoi-trade.txt")
		res, data := e.do("POST", "/api/v1/analyze", "text/plain", body, "")
		if res.StatusCode != 200 {
			t.Fatalf("%d %s", res.StatusCode, data)
		}
		var d dragoman.Document
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatal(err)
		}
		if d.Article.Title != "Vietnam and Japan sign maritime cooperation pact" || len(d.Sentences) < 4 || d.Tokens != nil {
			t.Fatalf("title %q, %d sentences, %d tokens", d.Article.Title, len(d.Sentences), len(d.Tokens))
		}
		// Nothing stored.
		st, _ := e.store.Stats(context.Background())
		if st.Articles != 3 {
			t.Fatalf("analyze stored something: %d articles", st.Articles)
		}
	})
	t.Run("AnalyzeJSON", func(t *testing.T) {
		res, data := e.do("POST", "/api/v1/analyze", "application/json",
			[]byte(`{"title": "Envoys meet", "text": "Diplomats from Chile and Peru met in Lima on Friday.", "published": "2025-03-07"}`), "")
		if res.StatusCode != 200 || !bytes.Contains(data, []byte(`"Envoys meet"`)) {
			t.Fatalf("%d %s", res.StatusCode, data)
		}
	})
	t.Run("AnalyzeEmpty", func(t *testing.T) {
		res, data := e.do("POST", "/api/v1/analyze", "text/plain", nil, "")
		if res.StatusCode != 400 || errorCode(t, data) != dragoman.EINVALID {
			t.Fatalf("%d %s", res.StatusCode, data)
		}
	})
	t.Run("Articles", func(t *testing.T) {
		st, data := e.get("/api/v1/articles?limit=2")
		var l struct {
			Items []dragoman.ArticleRecord
			Count int
		}
		json.Unmarshal(data, &l)
		if st != 200 || l.Count != 2 {
			t.Fatalf("%d %s", st, data)
		}
		if st, data := e.get("/api/v1/articles?limit=abc"); st != 400 || errorCode(t, data) != dragoman.EINVALID {
			t.Fatalf("bad limit: %d %s", st, data)
		}
		if st, data := e.get("/api/v1/articles?since=yesterday-ish"); st != 400 {
			t.Fatalf("bad date: %d %s", st, data)
		}
	})
	t.Run("Article", func(t *testing.T) {
		st, data := e.get("/api/v1/articles/" + ankara)
		var d dragoman.Document
		json.Unmarshal(data, &d)
		if st != 200 || d.Article.ID != ankara || !strings.Contains(d.Article.Body, "Fidan") {
			t.Fatalf("%d %s", st, data)
		}
		if st, data := e.get("/api/v1/articles/does-not-exist"); st != 404 || errorCode(t, data) != dragoman.ENOTFOUND {
			t.Fatalf("missing article: %d %s", st, data)
		}
	})
	t.Run("Search", func(t *testing.T) {
		st, data := e.get("/api/v1/search?q=ceasefire")
		var l struct{ Items []dragoman.SearchHit }
		json.Unmarshal(data, &l)
		if st != 200 || len(l.Items) == 0 || l.Items[0].ArticleID != ankara {
			t.Fatalf("%d %s", st, data)
		}
		if st, data := e.get("/api/v1/search"); st != 400 || errorCode(t, data) != dragoman.EINVALID {
			t.Fatalf("no q: %d %s", st, data)
		}
		if st, data := e.get(`/api/v1/search?q=%22unbalanced`); st != 400 || errorCode(t, data) != dragoman.EINVALID {
			t.Fatalf("malformed q: %d %s", st, data)
		}
	})
	t.Run("Actors", func(t *testing.T) {
		st, data := e.get("/api/v1/actors?q=Fidan")
		var l struct{ Items []dragoman.Actor }
		json.Unmarshal(data, &l)
		if st != 200 || len(l.Items) == 0 {
			t.Fatalf("%d %s", st, data)
		}
		st, data = e.get("/api/v1/actors/" + l.Items[0].ID)
		if st != 200 || !bytes.Contains(data, []byte("Fidan")) {
			t.Fatalf("actor: %d %s", st, data)
		}
		if st, _ := e.get("/api/v1/actors/nobody-at-all"); st != 404 {
			t.Fatalf("missing actor: %d", st)
		}
	})
	t.Run("Quotes", func(t *testing.T) {
		st, data := e.get("/api/v1/quotes?article=" + ankara)
		if st != 200 || !bytes.Contains(data, []byte("guns stay silent")) {
			t.Fatalf("%d %s", st, data)
		}
	})
	t.Run("Events", func(t *testing.T) {
		st, data := e.get("/api/v1/events?limit=100")
		if st != 200 || !bytes.Contains(data, []byte(`"items"`)) {
			t.Fatalf("%d %s", st, data)
		}
		if st, _ := e.get("/api/v1/events?quad=x"); st != 400 {
			t.Fatalf("bad quad: %d", st)
		}
	})
	t.Run("Dyad", func(t *testing.T) {
		st, data := e.get("/api/v1/dyads/VNM/JPN?by=week")
		if st != 200 || !bytes.Contains(data, []byte(`"points"`)) {
			t.Fatalf("%d %s", st, data)
		}
		if st, data := e.get("/api/v1/dyads/VNM/JPN?by=fortnight"); st != 400 || errorCode(t, data) != dragoman.EINVALID {
			t.Fatalf("bad by: %d %s", st, data)
		}
	})
	t.Run("Stats", func(t *testing.T) {
		st, data := e.get("/api/v1/stats")
		var s dragoman.Stats
		json.Unmarshal(data, &s)
		if st != 200 || s.Articles != 3 {
			t.Fatalf("%d %s", st, data)
		}
	})
	t.Run("UnknownEndpoint", func(t *testing.T) {
		if st, data := e.get("/api/v1/nothing"); st != 404 || errorCode(t, data) != dragoman.ENOTFOUND {
			t.Fatalf("%d %s", st, data)
		}
	})
	t.Run("Metrics", func(t *testing.T) {
		st, data := e.get("/metrics")
		for _, want := range []string{`dragoman_http_requests_total{method="GET",route="/api/v1/search",status="200"}`, "dragoman_articles_ingested_total 3", "dragoman_analysis_seconds_count", "dragoman_http_request_duration_seconds_bucket"} {
			if st != 200 || !bytes.Contains(data, []byte(want)) {
				t.Errorf("metrics lack %s", want)
			}
		}
	})
	t.Run("OpenAPI", func(t *testing.T) {
		st, data := e.get("/openapi.json")
		var doc struct {
			OpenAPI string
			Paths   map[string]any
		}
		if err := json.Unmarshal(data, &doc); err != nil || st != 200 || !strings.HasPrefix(doc.OpenAPI, "3.") {
			t.Fatalf("%d %v", st, err)
		}
		for _, p := range []string{"/api/v1/analyze", "/api/v1/articles", "/api/v1/articles/{id}", "/api/v1/search", "/api/v1/actors", "/api/v1/actors/{id}", "/api/v1/quotes", "/api/v1/events", "/api/v1/dyads/{a}/{b}", "/healthz", "/metrics"} {
			if doc.Paths[p] == nil {
				t.Errorf("openapi.json lacks %s", p)
			}
		}
	})
}

func TestBodyLimit(t *testing.T) {
	e := newEnv(t, dhttp.Config{Token: token, MaxBody: 1024})
	big := []byte("Headline\n" + strings.Repeat("Words of a long article. ", 200))
	res, data := e.do("POST", "/api/v1/analyze", "text/plain", big, "")
	if res.StatusCode != 413 || errorCode(t, data) != dragoman.ETOOLARGE {
		t.Fatalf("%d %s", res.StatusCode, data)
	}
}

// panicky is a store whose Stats panics, to prove one bad request does not
// take the server down.
type panicky struct{ dragoman.Store }

func (panicky) Stats(context.Context) (*dragoman.Stats, error) { panic("boom") }

func TestPanicRecovered(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	e := newEnv(t, dhttp.Config{Store: panicky{db}})
	if st, data := e.get("/api/v1/stats"); st != 500 || errorCode(t, data) != dragoman.EINTERNAL {
		t.Fatalf("%d %s", st, data)
	}
	if st, _ := e.get("/api/v1/articles"); st != 200 {
		t.Fatalf("server did not survive the panic: %d", st)
	}
}

func TestPages(t *testing.T) {
	e := newEnv(t, dhttp.Config{Token: token})
	e.ingestFixtures()
	ankara := e.ids["ankara-ceasefire.txt"]
	for _, c := range []struct{ name, path, want string }{
		{"Home", "/", "Turkey hosts Armenian and Azerbaijani envoys"},
		{"Search", "/search?q=ceasefire", "<mark>"},
		{"SearchMalformed", "/search?q=%22oops", "class=\"error-msg\""},
		{"Article", "/articles/" + ankara, "guns stay silent"},
		{"Actor", "/actors/Hakan%20Fidan", "Fidan"},
		{"Dyad", "/dyads/VNM/CHN?by=week", "<h1>VNM and CHN</h1>"},
		{"Events", "/events", "<table class=\"events\">"},
		{"Analyze", "/analyze", "<textarea"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, data := e.do("GET", c.path, "", nil, "")
			if !bytes.Contains(data, []byte(c.want)) {
				t.Fatalf("%s: status %d, page lacks %q", c.path, res.StatusCode, c.want)
			}
			if res.Header.Get("Content-Security-Policy") == "" || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
				t.Fatalf("headers: %v", res.Header)
			}
		})
	}
	t.Run("NotFound", func(t *testing.T) {
		if st, _ := e.get("/articles/nope"); st != 404 {
			t.Fatalf("status %d", st)
		}
	})
	t.Run("AnalyzePost", func(t *testing.T) {
		body, _ := os.ReadFile("testdata/hanoi-trade.txt")
		form := "text=" + urlEscape(string(body)) + "&published=2025-03-10"
		res, data := e.do("POST", "/analyze", "application/x-www-form-urlencoded", []byte(form), "")
		if res.StatusCode != 200 || !bytes.Contains(data, []byte("freedom of navigation")) || !bytes.Contains(data, []byte(`class="body"`)) {
			t.Fatalf("%d", res.StatusCode)
		}
	})
}

// TestHostileArticleRendersInert: markup in an article's title and text is
// shown as text, never parsed as HTML.
func TestHostileArticleRendersInert(t *testing.T) {
	e := newEnv(t, dhttp.Config{Token: token})
	e.ingestFixtures()
	for _, path := range []string{"/articles/" + e.ids["xss.txt"], "/", "/search?q=payload"} {
		res, data := e.do("GET", path, "", nil, "")
		page := string(data)
		for _, bad := range []string{"<script>alert", "<img src=x", "<script>document", "<b>bold</b>"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: page carries live markup %q", path, bad)
			}
		}
		if res.StatusCode == 200 && path != "/search?q=payload" && !strings.Contains(page, "&lt;script&gt;") {
			t.Errorf("%s: escaped payload not shown", path)
		}
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("CSP %q", csp)
		}
	}
}

func urlEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '.', c == '_':
			b.WriteByte(c)
		default:
			b.WriteString("%" + strings.ToUpper(string("0123456789abcdef"[c>>4])+string("0123456789abcdef"[c&15])))
		}
	}
	return b.String()
}
