package http

import (
	"html/template"
	"net/url"
	"sort"
	"strings"

	"github.com/dragoman-news/dragoman"
)

// annotated renders an article body as HTML with its entities, quotes and
// event evidence marked. Every piece of article text goes through
// template.HTMLEscapeString; only the markup around it is ours.
//
// The body is cut at every annotation boundary; each piece is wrapped in
// the marks of the annotations that cover it, so overlapping annotations
// (a name inside a quotation inside an event's evidence) nest without
// breaking the HTML.
func annotated(d *dragoman.Document) template.HTML {
	body := d.Article.Body
	type mark struct {
		start, end int
		kind       string // "ent", "quote", "ev"
		class      string
		href       string
		title      string
		id         string
	}
	var marks []mark
	for _, e := range d.Entities {
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(body) || m.Start >= m.End {
				continue
			}
			marks = append(marks, mark{start: m.Start, end: m.End, kind: "ent",
				class: "ent ent-" + strings.ToLower(string(e.Type)),
				href:  "/actors/" + url.PathEscape(e.Name), title: entityTitle(e)})
		}
	}
	for _, qt := range d.Quotes {
		if qt.Start < 0 || qt.End > len(body) || qt.Start >= qt.End {
			continue
		}
		speaker := "speaker unknown"
		if qt.Speaker != nil {
			speaker = qt.Speaker.Name
		}
		marks = append(marks, mark{start: qt.Start, end: qt.End, kind: "quote", class: "quote quote-" + string(qt.Kind), title: string(qt.Kind) + " quote: " + speaker, id: qt.ID})
	}
	for _, ev := range d.Events {
		if ev.Evidence.Start < 0 || ev.Evidence.End > len(body) || ev.Evidence.Start >= ev.Evidence.End {
			continue
		}
		marks = append(marks, mark{start: ev.Evidence.Start, end: ev.Evidence.End, kind: "ev", id: ev.ID})
	}
	cuts := map[int]bool{0: true, len(body): true}
	for _, m := range marks {
		cuts[m.start] = true
		cuts[m.end] = true
	}
	for _, p := range d.Paragraphs {
		cuts[p.Start] = true
		cuts[p.End] = true
	}
	points := make([]int, 0, len(cuts))
	for c := range cuts {
		points = append(points, c)
	}
	sort.Ints(points)

	var b strings.Builder
	b.WriteString("<p>")
	para := 0
	for i := 0; i+1 < len(points); i++ {
		lo, hi := points[i], points[i+1]
		if para < len(d.Paragraphs) && lo >= d.Paragraphs[para].End {
			// Leaving a paragraph: the gap text is whitespace.
			for para < len(d.Paragraphs) && lo >= d.Paragraphs[para].End {
				para++
			}
			b.WriteString("</p>\n<p>")
			if para < len(d.Paragraphs) && hi <= d.Paragraphs[para].Start {
				continue
			}
		}
		piece := body[lo:hi]
		var evs []string
		var ent, quote *mark
		for k := range marks {
			m := &marks[k]
			if m.start <= lo && hi <= m.end {
				switch m.kind {
				case "ev":
					evs = append(evs, m.id)
				case "ent":
					if ent == nil || m.end-m.start < ent.end-ent.start {
						ent = m
					}
				case "quote":
					quote = m
				}
			}
		}
		text := template.HTMLEscapeString(piece)
		open, closeTags := "", ""
		if quote != nil {
			open += `<span class="` + quote.class + `" data-quote="` + template.HTMLEscapeString(quote.id) + `" title="` + template.HTMLEscapeString(quote.title) + `">`
			closeTags = "</span>" + closeTags
		}
		if len(evs) > 0 {
			open += `<span class="evidence" data-ev="` + template.HTMLEscapeString(strings.Join(evs, " ")) + `">`
			closeTags = "</span>" + closeTags
		}
		if ent != nil {
			open += `<a class="` + ent.class + `" href="` + template.HTMLEscapeString(ent.href) + `" title="` + template.HTMLEscapeString(ent.title) + `">`
			closeTags = "</a>" + closeTags
		}
		b.WriteString(open + text + closeTags)
	}
	b.WriteString("</p>")
	return template.HTML(b.String())
}

func entityTitle(e dragoman.Entity) string {
	parts := []string{e.Name, string(e.Type)}
	if e.Actor != "" {
		parts = append(parts, e.Actor)
	}
	if len(e.Roles) > 0 {
		parts = append(parts, e.Roles[0].Title)
	}
	return strings.Join(parts, " · ")
}
