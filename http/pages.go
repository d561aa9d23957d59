package http

import (
	"bytes"
	"context"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/go-chi/chi/v5"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

func staticHandler() http.Handler {
	sub, _ := fs.Sub(staticFS, "static")
	return http.FileServer(http.FS(sub))
}

var funcs = template.FuncMap{
	"date": func(t *time.Time) string {
		if t == nil || t.IsZero() {
			return ""
		}
		return t.Format("2 Jan 2006")
	},
	"short": func(s string, n int) string {
		r := []rune(s)
		if len(r) <= n {
			return s
		}
		return string(r[:n]) + "…"
	},
	"lower": strings.ToLower,
	"snippet": func(s string) template.HTML {
		// The store marks matches with [ and ]; escape first, then mark.
		e := template.HTMLEscapeString(s)
		e = strings.ReplaceAll(e, "[", "<mark>")
		e = strings.ReplaceAll(e, "]", "</mark>")
		return template.HTML(e)
	},
	"quad": func(q int) string {
		if q >= 1 && q <= 4 {
			return quadNames[q-1]
		}
		return ""
	},
	"actorName": func(a *dragoman.EventActor) string {
		if a == nil {
			return "—"
		}
		if a.Code != "" && a.Name != "" && a.Name != a.Code {
			return a.Name + " (" + a.Code + ")"
		}
		if a.Name != "" {
			return a.Name
		}
		return a.Code
	},
	"refName": func(a *dragoman.ActorRef) string {
		if a == nil {
			return "—"
		}
		if a.Actor != "" && a.Actor != a.Name {
			return a.Name + " (" + a.Actor + ")"
		}
		return a.Name
	},
}

var pages = template.Must(template.New("").Funcs(funcs).ParseFS(templateFS, "templates/*.html"))

type pageData struct {
	Title string
	Query string
	Data  any
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, title string, data any) {
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, name, pageData{Title: title, Query: r.URL.Query().Get("q"), Data: data}); err != nil {
		s.log.Error("render page", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	st := errorStatus(err)
	msg := dragoman.ErrorMessage(err)
	if st >= 500 {
		s.log.Error("page failed", "path", r.URL.Path, "err", err)
	}
	s.render(w, r, st, "error.html", http.StatusText(st), map[string]any{"Status": st, "Message": msg})
}

func (s *Server) pageHome(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	data, err := cachedRead(s, "home", func() (map[string]any, error) {
		arts, err := s.cfg.Store.Articles(ctx, dragoman.ArticleFilter{Limit: 15})
		if err != nil {
			return nil, err
		}
		actors, err := s.cfg.Store.Actors(ctx, dragoman.ActorFilter{Limit: 15})
		if err != nil {
			return nil, err
		}
		stats, err := s.cfg.Store.Stats(ctx)
		if err != nil {
			return nil, err
		}
		return map[string]any{"Articles": arts, "Actors": actors, "Stats": stats}, nil
	})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	dyads, err := s.activeDyads(ctx)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "home.html", "dragoman", map[string]any{
		"Articles": data["Articles"], "Actors": data["Actors"], "Stats": data["Stats"], "Dyads": dyads,
	})
}

// cachedRead returns what read returns, reused for the search cache's
// lifetime under key (when the cache is on).
func cachedRead[V any](s *Server, key string, read func() (V, error)) (V, error) {
	if v, ok := s.pageReads.get(key); ok {
		if v, ok := v.(V); ok {
			return v, nil
		}
	}
	v, err := read()
	if err != nil {
		return v, err
	}
	s.pageReads.put(key, v)
	return v, nil
}

// dyadCacheFor is how long the home page's list of active dyads is kept:
// counting them reads the recent events, which is the dearest part of the
// page, and the list changes slowly.
const dyadCacheFor = 30 * time.Second

// activeDyads returns the country pairs with the most events among the
// 1,000 most recent, recomputed at most every dyadCacheFor.
func (s *Server) activeDyads(ctx context.Context) ([]dyadCount, error) {
	s.dyadMu.Lock()
	defer s.dyadMu.Unlock()
	if s.dyads != nil && time.Since(s.dyadsAt) < dyadCacheFor {
		return s.dyads, nil
	}
	evs, err := s.cfg.Store.Events(ctx, dragoman.EventFilter{Limit: 1000})
	if err != nil {
		return nil, err
	}
	s.dyads, s.dyadsAt = topDyads(evs, 10), time.Now()
	return s.dyads, nil
}

type dyadCount struct {
	A, B  string
	Count int
}

// topDyads counts events per unordered pair of countries.
func topDyads(evs []dragoman.EventRecord, n int) []dyadCount {
	counts := map[[2]string]int{}
	for _, e := range evs {
		if e.Source == nil || e.Target == nil {
			continue
		}
		a, b := countryOf(e.Source), countryOf(e.Target)
		if a == "" || b == "" || a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		counts[[2]string{a, b}]++
	}
	out := make([]dyadCount, 0, len(counts))
	for k, c := range counts {
		out = append(out, dyadCount{k[0], k[1], c})
	}
	sortDyads(out)
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func sortDyads(d []dyadCount) {
	for i := 1; i < len(d); i++ {
		for j := i; j > 0 && (d[j].Count > d[j-1].Count || d[j].Count == d[j-1].Count && d[j].A+d[j].B < d[j-1].A+d[j-1].B); j-- {
			d[j], d[j-1] = d[j-1], d[j]
		}
	}
}

func countryOf(a *dragoman.EventActor) string {
	if a.Country != "" {
		return a.Country
	}
	if len(a.Code) >= 3 {
		return a.Code[:3]
	}
	return ""
}

func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) {
	qq := q(r)
	sq := dragoman.SearchQuery{Query: qq.str("q"), Actor: qq.str("actor"), Country: qq.str("country"),
		Since: qq.date("since"), Until: qq.date("until"), Limit: 30, Offset: qq.int("offset", 0, 0)}
	data := map[string]any{"Query": sq.Query}
	if qq.err != nil {
		data["Error"] = dragoman.ErrorMessage(qq.err)
		s.render(w, r, http.StatusBadRequest, "search.html", "Search", data)
		return
	}
	if sq.Query != "" {
		hits, err := s.search(r.Context(), sq)
		if err != nil {
			if dragoman.ErrorCode(err) == dragoman.EINVALID {
				data["Error"] = dragoman.ErrorMessage(err)
				s.render(w, r, http.StatusBadRequest, "search.html", "Search", data)
				return
			}
			s.pageError(w, r, err)
			return
		}
		data["Hits"] = hits
		actors, _ := cachedRead(s, "actors named "+sq.Query, func() ([]dragoman.Actor, error) {
			return s.cfg.Store.Actors(r.Context(), dragoman.ActorFilter{Name: sq.Query, Limit: 8})
		})
		data["Actors"] = actors
	}
	s.render(w, r, http.StatusOK, "search.html", "Search: "+sq.Query, data)
}

func (s *Server) pageArticle(w http.ResponseWriter, r *http.Request) {
	d, err := s.cfg.Store.Document(r.Context(), chi.URLParam(r, "id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "article.html", d.Article.Title, articleView(d))
}

func articleView(d *dragoman.Document) map[string]any {
	return map[string]any{"Doc": d, "Body": annotated(d)}
}

func (s *Server) pageActor(w http.ResponseWriter, r *http.Request) {
	p, err := s.cfg.Store.Actor(r.Context(), chi.URLParam(r, "ref"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "actor.html", p.Name, map[string]any{"P": p, "Network": networkChart(p.Actor, p.Neighbors)})
}

func (s *Server) pageDyad(w http.ResponseWriter, r *http.Request) {
	qq := q(r)
	dq := dyadQuery(r, qq)
	if qq.err != nil {
		s.pageError(w, r, qq.err)
		return
	}
	pts, err := s.cfg.Store.Dyad(r.Context(), dq)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	total := 0
	for _, p := range pts {
		total += p.Events
	}
	s.render(w, r, http.StatusOK, "dyad.html", dq.A+" and "+dq.B, map[string]any{
		"Q": dq, "Points": pts, "Total": total, "Chart": dyadChart(dq.A, dq.B, dq.By, pts),
	})
}

func (s *Server) pageEvents(w http.ResponseWriter, r *http.Request) {
	qq := q(r)
	f := eventFilter(qq)
	if qq.err != nil {
		s.pageError(w, r, qq.err)
		return
	}
	if f.Limit == defaultLimit {
		f.Limit = 200
	}
	var evs []dragoman.EventRecord
	var err error
	if a, b := qq.str("a"), qq.str("b"); a != "" && b != "" {
		// Both directions of a dyad, as its chart counts them.
		evs, err = s.dyadEvents(r, f, a, b)
	} else {
		evs, err = s.cfg.Store.Events(r.Context(), f)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "events.html", "Events", map[string]any{"F": f, "Events": evs})
}

func (s *Server) dyadEvents(r *http.Request, f dragoman.EventFilter, a, b string) ([]dragoman.EventRecord, error) {
	f.Source, f.Target = a, b
	ab, err := s.cfg.Store.Events(r.Context(), f)
	if err != nil {
		return nil, err
	}
	f.Source, f.Target = b, a
	ba, err := s.cfg.Store.Events(r.Context(), f)
	if err != nil {
		return nil, err
	}
	all := append(ab, ba...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].Date > all[j].Date })
	return all, nil
}

func (s *Server) pageAnalyze(w http.ResponseWriter, r *http.Request) {
	data := map[string]any{}
	if r.Method == http.MethodPost {
		if err := r.ParseForm(); err != nil {
			s.pageError(w, r, dragoman.Errorf(dragoman.EINVALID, "cannot read the form: %v", err))
			return
		}
		text := r.PostForm.Get("text")
		data["Text"] = text
		if strings.TrimSpace(text) == "" {
			data["Error"] = "Paste an article first."
			s.render(w, r, http.StatusBadRequest, "analyze.html", "Analyze", data)
			return
		}
		ct := "text/plain"
		if strings.HasPrefix(strings.TrimSpace(text), "<") {
			ct = "text/html"
		}
		arts, err := s.cfg.Parse(r.Context(), "pasted text", ct, []byte(text))
		if err == nil && len(arts) == 0 {
			err = dragoman.Errorf(dragoman.EINVALID, "no article found in the text")
		}
		if err != nil {
			data["Error"] = dragoman.ErrorMessage(err)
			s.render(w, r, http.StatusBadRequest, "analyze.html", "Analyze", data)
			return
		}
		if p := r.PostForm.Get("published"); p != "" {
			if t, err := time.Parse("2006-01-02", p); err == nil {
				arts[0].Published = &dragoman.Published{Time: t, Precision: dragoman.PrecisionDay}
			}
		}
		d, err := s.analyze(r, arts[0])
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		data["View"] = articleView(d)
	}
	s.render(w, r, http.StatusOK, "analyze.html", "Analyze", data)
}
