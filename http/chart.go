package http

import (
	"fmt"
	"html/template"
	"math"
	"net/url"
	"strings"
	"time"

	"github.com/dragoman-news/dragoman"
)

// quadColors are the fills of the four QuadClasses: verbal and material
// cooperation in greens, verbal and material conflict in reds.
var quadColors = [4]string{"#7fbf7b", "#1b7837", "#f4a582", "#b2182b"}

var quadNames = [4]string{"verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}

// dyadChart draws a dyad timeline as SVG: stacked bars of event counts per
// QuadClass for each period, and the mean Goldstein score as a line on its
// own scale (-10..+10). Each bar links to the events behind it.
func dyadChart(a, b string, by dragoman.Period, pts []dragoman.DyadPoint) template.HTML {
	const W, H, left, right, top, bottom = 760, 300, 44, 44, 16, 48
	if len(pts) == 0 {
		return template.HTML(`<p class="empty">No events between these two yet.</p>`)
	}
	maxN := 1
	for _, p := range pts {
		if p.Events > maxN {
			maxN = p.Events
		}
	}
	plotW, plotH := float64(W-left-right), float64(H-top-bottom)
	step := plotW / float64(len(pts))
	barW := math.Max(1, step*0.7)
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-label="Events between %s and %s per %s">`, W, H, template.HTMLEscapeString(a), template.HTMLEscapeString(b), by)
	// Axes and grid.
	fmt.Fprintf(&sb, `<line x1="%d" y1="%d" x2="%d" y2="%d" class="axis"/>`, left, H-bottom, W-right, H-bottom)
	for i := 0; i <= 4; i++ {
		y := float64(top) + plotH*float64(i)/4
		n := float64(maxN) * float64(4-i) / 4
		fmt.Fprintf(&sb, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" class="grid"/><text x="%d" y="%.1f" class="tick" text-anchor="end">%.0f</text>`, left, y, W-right, y, left-4, y+4, n)
		g := 10 - 5*float64(i)
		fmt.Fprintf(&sb, `<text x="%d" y="%.1f" class="tick gold">%+.0f</text>`, W-right+4, y+4, g)
	}
	labelEvery := int(math.Ceil(float64(len(pts)) / 10))
	var line []string
	for i, p := range pts {
		x := float64(left) + step*float64(i) + (step-barW)/2
		y := float64(H - bottom)
		href := eventsHref(a, b, by, p)
		fmt.Fprintf(&sb, `<a href="%s" class="bar"><title>%s: %d events, mean Goldstein %.1f</title>`, template.HTMLEscapeString(href), template.HTMLEscapeString(p.Period), p.Events, p.Goldstein)
		for qc := 0; qc < 4; qc++ {
			if p.Quad[qc] == 0 {
				continue
			}
			h := plotH * float64(p.Quad[qc]) / float64(maxN)
			y -= h
			fmt.Fprintf(&sb, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`, x, y, barW, h, quadColors[qc])
		}
		sb.WriteString(`</a>`)
		if i%labelEvery == 0 {
			fmt.Fprintf(&sb, `<text x="%.1f" y="%d" class="tick" text-anchor="middle">%s</text>`, x+barW/2, H-bottom+16, template.HTMLEscapeString(p.Period))
		}
		if p.Events > 0 {
			gy := float64(top) + plotH*(10-p.Goldstein)/20
			line = append(line, fmt.Sprintf("%.1f,%.1f", x+barW/2, gy))
		}
	}
	if len(line) > 1 {
		fmt.Fprintf(&sb, `<polyline points="%s" class="goldstein"/>`, strings.Join(line, " "))
	} else if len(line) == 1 {
		xy := strings.Split(line[0], ",")
		fmt.Fprintf(&sb, `<circle cx="%s" cy="%s" r="3" class="goldstein-dot"/>`, xy[0], xy[1])
	}
	// Legend.
	lx := left
	for qc := 0; qc < 4; qc++ {
		fmt.Fprintf(&sb, `<rect x="%d" y="%d" width="10" height="10" fill="%s"/><text x="%d" y="%d" class="legend">%s</text>`, lx, H-18, quadColors[qc], lx+14, H-9, quadNames[qc])
		lx += 150
	}
	fmt.Fprintf(&sb, `<line x1="%d" y1="%d" x2="%d" y2="%d" class="goldstein"/><text x="%d" y="%d" class="legend">mean Goldstein</text>`, lx, H-13, lx+14, H-13, lx+18, H-9)
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

// eventsHref links a chart bar to the events of its period.
func eventsHref(a, b string, by dragoman.Period, p dragoman.DyadPoint) string {
	start := p.Start
	var end time.Time
	switch by {
	case dragoman.Day:
		end = start
	case dragoman.Week:
		end = start.AddDate(0, 0, 6)
	default:
		end = start.AddDate(0, 1, -1)
	}
	v := url.Values{}
	v.Set("a", a)
	v.Set("b", b)
	v.Set("since", start.Format("2006-01-02"))
	v.Set("until", end.Format("2006-01-02"))
	return "/events?" + v.Encode()
}

// networkChart draws an actor and its most frequent neighbours as a small
// radial network: the actor in the middle, each neighbour on a circle with
// an edge whose width grows with the articles they share.
func networkChart(center dragoman.Actor, around []dragoman.ActorCount) template.HTML {
	const W, H, R = 520, 360, 130
	if len(around) == 0 {
		return template.HTML(`<p class="empty">No other actors appear beside this one yet.</p>`)
	}
	if len(around) > 12 {
		around = around[:12]
	}
	maxT := 1
	for _, n := range around {
		if n.Together > maxT {
			maxT = n.Together
		}
	}
	cx, cy := float64(W)/2, float64(H)/2
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="network" viewBox="0 0 %d %d" role="img" aria-label="Actors appearing beside %s">`, W, H, template.HTMLEscapeString(center.Name))
	type pos struct{ x, y float64 }
	ps := make([]pos, len(around))
	for i := range around {
		ang := 2*math.Pi*float64(i)/float64(len(around)) - math.Pi/2
		ps[i] = pos{cx + R*math.Cos(ang), cy + R*0.9*math.Sin(ang)}
		w := 1 + 5*float64(around[i].Together)/float64(maxT)
		fmt.Fprintf(&sb, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" class="edge" stroke-width="%.1f"/>`, cx, cy, ps[i].x, ps[i].y, w)
	}
	for i, n := range around {
		fmt.Fprintf(&sb, `<a href="/actors/%s" class="node node-%s"><title>%s: %d shared articles</title><circle cx="%.1f" cy="%.1f" r="7"/><text x="%.1f" y="%.1f" text-anchor="middle">%s</text></a>`,
			template.HTMLEscapeString(url.PathEscape(n.ID)), strings.ToLower(string(n.Type)), template.HTMLEscapeString(n.Name), n.Together,
			ps[i].x, ps[i].y, ps[i].x, ps[i].y-11, template.HTMLEscapeString(n.Name))
	}
	fmt.Fprintf(&sb, `<circle cx="%.1f" cy="%.1f" r="11" class="center"/><text x="%.1f" y="%.1f" text-anchor="middle" class="center-label">%s</text>`, cx, cy, cx, cy+26, template.HTMLEscapeString(center.Name))
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}
