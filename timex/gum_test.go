package timex_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
)

// goldDate is a <date> of the GUM XML: its span in the rebuilt body and
// its resolution (when="2017-07-18", or from= and to=).
type goldDate struct {
	start, end     int
	when, from, to string
}

// Baselines measured on GUM news and interviews (see docs/dates.md); the
// test fails if the tagger falls below them.
const (
	gumRecallBaseline    = 0.91 // gold dates overlapped by an expression
	gumResolvedBaseline  = 0.83 // gold dates with a value overlapped by an expression resolving to it
	gumPrecisionBaseline = 0.90 // our kind=date expressions that overlap a gold date
)

// TestGUM scores the tagger against the <date when=...> markup of the GUM
// Wikinews documents of ../shared, each resolved against its dateCreated.
// GUM marks dates, not durations or sets, and not every date (it leaves
// out some bare years), so the precision figure is a floor.
func TestGUM(t *testing.T) {
	dir := sharedDir(t, "data", "gum-wikinews", "xml")
	files, _ := filepath.Glob(filepath.Join(dir, "GUM_*.xml"))
	if len(files) == 0 {
		t.Skip("no GUM XML in " + dir)
	}
	tg := tagger(t)
	var gold, found, valued, resolved, ours, oursHit int
	for _, f := range files {
		body, pub, golds := readGUM(t, f)
		a := dragoman.Article{Body: body}
		if !pub.IsZero() {
			a.Published = &dragoman.Published{Time: pub, Precision: dragoman.PrecisionDay}
		}
		d := dragoman.NewDocument(a)
		if err := tg.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, g := range golds {
			gold++
			if g.when != "" || g.from != "" {
				valued++
			}
			hit, good := false, false
			for _, e := range d.Dates {
				if e.Start < g.end && g.start < e.Span.End {
					hit = true
					if g.when != "" && (e.Value == g.when || e.Begin == g.when && e.End == g.when) ||
						g.from != "" && e.Begin == g.from && e.End == g.to {
						good = true
					}
				}
			}
			if hit {
				found++
			}
			if good {
				resolved++
			} else if testing.Verbose() && (g.when != "" || g.from != "") {
				var got []string
				for _, e := range d.Dates {
					if e.Start < g.end && g.start < e.Span.End {
						got = append(got, e.Text+"="+e.Value+" "+e.Begin+".."+e.End)
					}
				}
				t.Logf("%s: %q gold %s%s..%s, got %q", filepath.Base(f), body[g.start:g.end], g.when, g.from, g.to, got)
			}
		}
		for _, e := range d.Dates {
			if e.Kind != "date" {
				continue
			}
			ours++
			hit := false
			for _, g := range golds {
				if e.Start < g.end && g.start < e.Span.End {
					hit = true
				}
			}
			if hit {
				oursHit++
			} else if testing.Verbose() {
				t.Logf("%s: not in gold: %q (%s %s)", filepath.Base(f), e.Text, e.Value, e.Rule)
			}
		}
	}
	if gold == 0 {
		t.Fatal("no gold dates read")
	}
	recall, res, prec := ratio(found, gold), ratio(resolved, valued), ratio(oursHit, ours)
	t.Logf("GUM: %d documents, %d gold dates; found %d (%.1f%%); of the %d with a gold value, %d resolved to it (%.1f%%); %d of our %d dates overlap gold (%.1f%%)",
		len(files), gold, found, 100*recall, valued, resolved, 100*res, oursHit, ours, 100*prec)
	if recall < gumRecallBaseline || res < gumResolvedBaseline || prec < gumPrecisionBaseline {
		t.Errorf("below baseline: recall %.3f (min %.2f), resolved %.3f (min %.2f), precision %.3f (min %.2f)",
			recall, gumRecallBaseline, res, gumResolvedBaseline, prec, gumPrecisionBaseline)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

var (
	gumAttr      = regexp.MustCompile(`(\w+)="([^"]*)"`)
	noSpaceAfter = map[string]bool{"(": true, "[": true, "“": true, "$": true, "‘": true}
	noSpaceBefor = map[string]bool{",": true, ".": true, ";": true, ":": true, "!": true, "?": true, ")": true, "]": true,
		"%": true, "”": true, "’": true, "'s": true, "’s": true, "n't": true, "'": true, "'re": true, "'ve": true,
		"'ll": true, "'d": true, "'m": true}
)

// readGUM rebuilds the text of a GUM XML document (one token a line)
// in the body contract, with its dateCreated and <date> spans.
func readGUM(t *testing.T, path string) (string, time.Time, []goldDate) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	var pub time.Time
	var golds []goldDate
	var open []goldDate
	newPara, inWord, glue, dquote := false, false, false, false
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "<") {
			tag := strings.TrimLeft(strings.SplitN(strings.TrimPrefix(line, "<"), " ", 2)[0], "/")
			tag = strings.TrimSuffix(tag, ">")
			attrs := map[string]string{}
			for _, m := range gumAttr.FindAllStringSubmatch(line, -1) {
				attrs[m[1]] = m[2]
			}
			closing := strings.HasPrefix(line, "</")
			switch tag {
			case "text":
				if v := attrs["dateCreated"]; v != "" {
					pub, _ = time.Parse("2006-01-02", v)
				}
			case "p", "head", "caption", "item", "sp", "quote":
				newPara = true
			case "w":
				inWord, glue = !closing, false
			case "date":
				if closing {
					if n := len(open); n > 0 {
						g := open[n-1]
						open = open[:n-1]
						g.end = b.Len()
						if g.end > g.start {
							golds = append(golds, g)
						}
					}
				} else {
					if newPara && b.Len() > 0 {
						b.WriteString("\n\n")
						newPara = false
					}
					open = append(open, goldDate{start: -1, when: attrs["when"], from: attrs["from"], to: attrs["to"]})
				}
			}
			continue
		}
		word, _, _ := strings.Cut(line, "\t")
		if word == "" {
			continue
		}
		switch {
		case b.Len() == 0:
		case newPara:
			b.WriteString("\n\n")
		case inWord && glue, noSpaceBefor[word], word == "\"" && dquote:
		default:
			s := b.String()
			if last := s[len(s)-1:]; !noSpaceAfter[last] && !strings.HasSuffix(s, "“") && !(strings.HasSuffix(s, "\"") && dquote) {
				b.WriteByte(' ')
			}
		}
		if word == "\"" {
			dquote = !dquote
		}
		newPara = false
		for i := range open {
			if open[i].start < 0 {
				open[i].start = b.Len()
			}
		}
		b.WriteString(word)
		glue = inWord
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String(), pub, golds
}
