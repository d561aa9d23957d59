package main

import (
	"context"
	"fmt"
	"html"
	"io"
	"math"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dragoman-news/dragoman"
)

func init() {
	var (
		db, by, since, until, svg string
		directed, asJSON          bool
	)
	cmd := &cobra.Command{
		Use:   "dyad A B",
		Short: "Events between two countries or actors over time",
		Long: `dyad counts the stored events between A and B per day, week or month:
how many, how many of each QuadClass (verbal cooperation, material
cooperation, verbal conflict, material conflict) and the mean Goldstein
score (-10 most conflictual, +10 most cooperative). Events in both
directions count unless --directed. Negated events and near-duplicate
articles are left out.

A and B are country codes (RUS, USA: either side's country), CAMEO actor
codes (USAGOV, IGOUNO) or actor names and ids.

The table ends with a sparkline of the mean Goldstein score; --svg writes
a small chart (event counts stacked by QuadClass, Goldstein line).

Examples:

  dragoman dyad RUS UKR
  dragoman dyad USA CHN --by week --since 2025-01-01 --svg usa-chn.svg
  dragoman dyad "Sergei Lavrov" "Marco Rubio" --by day --json`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			q := dragoman.DyadQuery{A: args[0], B: args[1], By: dragoman.Period(by), Directed: directed}
			var err error
			if q.Since, err = parseDay("since", since); err != nil {
				return err
			}
			if q.Until, err = parseDay("until", until); err != nil {
				return err
			}
			return runDyad(cmd.Context(), db, q, svg, asJSON, cmd.OutOrStdout())
		},
	}
	fl := cmd.Flags()
	addDBFlag(fl, &db)
	fl.StringVar(&by, "by", "month", "period: day, week or month")
	fl.StringVar(&since, "since", "", "only events on or after this day")
	fl.StringVar(&until, "until", "", "only events on or before this day")
	fl.BoolVar(&directed, "directed", false, "only events with A as source and B as target")
	fl.StringVar(&svg, "svg", "", "write an SVG chart to `FILE`")
	fl.BoolVar(&asJSON, "json", false, "print JSON")
	rootCmd.AddCommand(cmd)
}

func runDyad(ctx context.Context, db string, q dragoman.DyadQuery, svg string, asJSON bool, w io.Writer) error {
	store, err := openStore(ctx, db, true)
	if err != nil {
		return err
	}
	defer store.Close()
	pts, err := store.Dyad(ctx, q)
	if err != nil {
		return err
	}
	if svg != "" {
		if err := os.WriteFile(svg, []byte(dyadSVG(q, pts)), 0o644); err != nil {
			return fmt.Errorf("write chart: %w", err)
		}
	}
	if asJSON {
		if pts == nil {
			pts = []dragoman.DyadPoint{}
		}
		return writeJSON(w, pts)
	}
	if len(pts) == 0 {
		fmt.Fprintf(w, "no events between %s and %s\n", q.A, q.B)
		return nil
	}
	t := newTable(w, "PERIOD", "EVENTS", "VERB-COOP", "MAT-COOP", "VERB-CONF", "MAT-CONF", "GOLDSTEIN")
	total := 0
	for _, p := range pts {
		total += p.Events
		t.row(p.Period, fmt.Sprint(p.Events), fmt.Sprint(p.Quad[0]), fmt.Sprint(p.Quad[1]), fmt.Sprint(p.Quad[2]), fmt.Sprint(p.Quad[3]), fmt.Sprintf("%+.2f", p.Goldstein))
	}
	if err := t.flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d events between %s and %s\n", total, q.A, q.B)
	fmt.Fprintf(w, "events     %s\n", sparkline(pts, func(p dragoman.DyadPoint) float64 { return float64(p.Events) }))
	fmt.Fprintf(w, "goldstein  %s\n", sparkline(pts, func(p dragoman.DyadPoint) float64 { return p.Goldstein }))
	if svg != "" {
		fmt.Fprintf(w, "chart written to %s\n", svg)
	}
	return nil
}

var sparks = []rune("▁▂▃▄▅▆▇█")

// sparkline draws one character per period, scaled between the smallest
// and largest value.
func sparkline(pts []dragoman.DyadPoint, value func(dragoman.DyadPoint) float64) string {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range pts {
		v := value(p)
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	var b strings.Builder
	for _, p := range pts {
		i := 0
		if hi > lo {
			i = int((value(p) - lo) / (hi - lo) * float64(len(sparks)-1))
		}
		b.WriteRune(sparks[i])
	}
	return b.String()
}

// dyadSVG draws event counts as bars stacked by QuadClass and the mean
// Goldstein score as a line on its own scale (-10..10).
func dyadSVG(q dragoman.DyadQuery, pts []dragoman.DyadPoint) string {
	const width, height, left, right, top, bottom = 720.0, 300.0, 44.0, 44.0, 36.0, 40.0
	colors := [4]string{"#4a90d9", "#2e7d32", "#f5a623", "#c62828"}
	names := [4]string{"verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="sans-serif" font-size="11">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(&b, `<text x="%.0f" y="18" font-size="14">%s and %s: events per %s</text>`+"\n", left, html.EscapeString(q.A), html.EscapeString(q.B), html.EscapeString(string(orPeriod(q.By))))
	plotW, plotH := width-left-right, height-top-bottom
	maxN := 1
	for _, p := range pts {
		maxN = max(maxN, p.Events)
	}
	fmt.Fprintf(&b, `<line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="#999"/>`+"\n", left, top+plotH, left+plotW, top+plotH)
	fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" text-anchor="end">%d</text>`+"\n", left-4, top+8, maxN)
	fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" text-anchor="end">0</text>`+"\n", left-4, top+plotH)
	fmt.Fprintf(&b, `<text x="%.0f" y="%.0f">+10</text><text x="%.0f" y="%.0f">-10</text>`+"\n", left+plotW+4, top+8, left+plotW+4, top+plotH)
	if len(pts) > 0 {
		slot := plotW / float64(len(pts))
		barW := math.Max(1, slot*0.8)
		var line []string
		for i, p := range pts {
			x := left + float64(i)*slot + (slot-barW)/2
			y := top + plotH
			for c := 0; c < 4; c++ {
				h := float64(p.Quad[c]) / float64(maxN) * plotH
				if h <= 0 {
					continue
				}
				y -= h
				fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s: %d %s</title></rect>`+"\n", x, y, barW, h, colors[c], p.Period, p.Quad[c], names[c])
			}
			gy := top + plotH*(10-p.Goldstein)/20
			line = append(line, fmt.Sprintf("%.1f,%.1f", left+float64(i)*slot+slot/2, gy))
			if len(pts) <= 24 || i%(len(pts)/12+1) == 0 {
				fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" text-anchor="middle">%s</text>`+"\n", left+float64(i)*slot+slot/2, top+plotH+14, p.Period)
			}
		}
		fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="black" stroke-width="1.5"/>`+"\n", strings.Join(line, " "))
	}
	for c := 0; c < 4; c++ {
		x := left + float64(c)*150
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.0f" width="10" height="10" fill="%s"/><text x="%.0f" y="%.0f">%s</text>`+"\n", x, height-14, colors[c], x+14, height-5, names[c])
	}
	fmt.Fprintf(&b, `<text x="%.0f" y="%.0f">— mean Goldstein</text>`+"\n", left+600, height-5)
	b.WriteString("</svg>\n")
	return b.String()
}

func orPeriod(p dragoman.Period) dragoman.Period {
	if p == "" {
		return dragoman.Month
	}
	return p
}
