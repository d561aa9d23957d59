package quote_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/shared"
	"github.com/dragoman-news/dragoman/pipeline"
)

// Recorded baselines on the GUM Wikinews news documents, where quotations
// are marked with <quote>: the test fails below them. Recall counts direct
// and partial quotations; precision is measured on the documents that
// carry quotation markup.
const (
	baselineGUMRecall    = 0.95
	baselineGUMPrecision = 0.80
)

// gumDoc is one GUM document rebuilt as an article body, with its gold
// quotation spans (content without the marks).
type gumDoc struct {
	Name   string
	Body   string
	Quotes []dragoman.Span // <quote> elements
	Qs     []dragoman.Span // <q> elements: mentioned words, titles, scare quotes, short fragments
}

var xmlTag = regexp.MustCompile(`<(/?)([a-z]+)[^>]*>`)

// readGUM rebuilds a document from its CoNLL-U file: tokens joined by
// their SpaceAfter, paragraphs at "# newpar", the first heading (the
// title) left out; quotation elements come from the XML= attributes.
func readGUM(t testing.TB, path string) gumDoc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	doc := gumDoc{Name: strings.TrimSuffix(filepath.Base(path), ".conllu")}
	type open struct {
		name  string
		start int
	}
	var stack []open
	space := false // a space is owed before the next token
	skipTitle := true
	inTitle := false
	mwtEnd := 0
	var mwtForm, mwtMisc string
	var pendingXML []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	emit := func(form, misc string, xmls []string) {
		if inTitle {
			return
		}
		// opening tags apply before the token, closing tags after it
		var closes []string
		for _, x := range xmls {
			for _, m := range xmlTag.FindAllStringSubmatch(x, -1) {
				if m[1] == "/" {
					closes = append(closes, m[2])
				} else {
					if space {
						b.WriteByte(' ')
						space = false
					}
					stack = append(stack, open{m[2], b.Len()})
				}
			}
		}
		if space {
			b.WriteByte(' ')
		}
		b.WriteString(form)
		space = !strings.Contains(misc, "SpaceAfter=No")
		for _, name := range closes {
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].name != name {
					continue
				}
				sp := gumContent(b.String(), stack[k].start, b.Len())
				switch name {
				case "quote":
					doc.Quotes = append(doc.Quotes, sp)
				case "q":
					doc.Qs = append(doc.Qs, sp)
				}
				stack = append(stack[:k], stack[k+1:]...)
				break
			}
		}
	}
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "# newpar") && !strings.HasPrefix(line, "# newpar_block") {
			if skipTitle {
				inTitle = true
				skipTitle = false
				continue
			}
			if inTitle {
				inTitle = false
			} else if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			space = false
			continue
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < 10 || strings.Contains(c[0], ".") {
			continue
		}
		misc := c[9]
		xmls := []string{}
		for _, m := range strings.Split(misc, "|") {
			if strings.HasPrefix(m, "XML=") {
				xmls = append(xmls, strings.ReplaceAll(m[4:], ":::", "="))
			}
		}
		if i := strings.IndexByte(c[0], '-'); i > 0 {
			mwtEnd = atoi(c[0][i+1:])
			mwtForm, mwtMisc = c[1], misc
			pendingXML = pendingXML[:0]
			continue
		}
		id := atoi(c[0])
		if mwtEnd > 0 {
			pendingXML = append(pendingXML, xmls...)
			if id == mwtEnd {
				emit(mwtForm, mwtMisc, pendingXML)
				mwtEnd = 0
			}
			continue
		}
		emit(c[1], misc, xmls)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	doc.Body = b.String()
	return doc
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// gumContent trims white space and quotation marks from both ends.
func gumContent(body string, s, e int) dragoman.Span {
	const trim = " \n\"'“”‘’«»"
	for s < e {
		r, n := utf8.DecodeRuneInString(body[s:e])
		if !strings.ContainsRune(trim, r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(body[s:e])
		if !strings.ContainsRune(trim, r) {
			break
		}
		e -= n
	}
	return dragoman.NewSpan(body, s, e)
}

func overlap(a, b dragoman.Span) int {
	return max(0, min(a.End, b.End)-max(a.Start, b.Start))
}

// gumScore counts gold quotations found (a found quotation covers at
// least half of the gold one) and predicted quotations that are right (at
// least half of them lies inside gold quotations).
type gumScore struct {
	gold, found, pred, right, predOnQ int
	missed                            []string
	wrong                             []string
}

func scoreGUM(doc gumDoc, qs []dragoman.Quote, kinds map[dragoman.QuoteKind]bool) gumScore {
	var s gumScore
	var preds []dragoman.Span
	for _, q := range qs {
		if kinds[q.Kind] {
			preds = append(preds, q.Span)
		}
	}
	s.gold = len(doc.Quotes)
	for _, g := range doc.Quotes {
		ok := false
		for _, p := range preds {
			if 2*overlap(p, g) >= g.Len() {
				ok = true
			}
		}
		if ok {
			s.found++
		} else {
			s.missed = append(s.missed, doc.Name+": "+g.Text)
		}
	}
	s.pred = len(preds)
	for _, p := range preds {
		in, inQ := 0, 0
		for _, g := range doc.Quotes {
			in += overlap(p, g)
		}
		for _, g := range doc.Qs {
			inQ += overlap(p, g)
		}
		switch {
		case 2*in >= p.Len():
			s.right++
		case 2*inQ >= p.Len():
			s.predOnQ++
			s.wrong = append(s.wrong, doc.Name+": <q> "+p.Text)
		default:
			s.wrong = append(s.wrong, doc.Name+": "+p.Text)
		}
	}
	return s
}

func gumFiles(t testing.TB, prefix string) []string {
	dir := shared.Dir(t, "data", "gum-wikinews", "dep")
	files, err := filepath.Glob(filepath.Join(dir, prefix+"*.conllu"))
	if err != nil || len(files) == 0 {
		t.Skipf("no %s files in %s", prefix, dir)
	}
	sort.Strings(files)
	return files
}

func TestGUMQuotations(t *testing.T) {
	recall, precision := evalGUM(t, "GUM_news_")
	if recall < baselineGUMRecall {
		t.Errorf("recall %.3f below baseline %.3f", recall, baselineGUMRecall)
	}
	if precision < baselineGUMPrecision {
		t.Errorf("precision %.3f below baseline %.3f", precision, baselineGUMPrecision)
	}
}

// TestGUMInterviews reports the same figures on the Wikinews interviews,
// whose questions and answers are mostly unquoted; it has no baseline.
func TestGUMInterviews(t *testing.T) {
	evalGUM(t, "GUM_interview_")
}

// evalGUM scores the stage on the GUM documents whose names start with
// prefix and returns the recall of direct and partial quotations and the
// precision on the documents with quotation markup.
func evalGUM(t *testing.T, prefix string) (recall, annotatedPrecision float64) {
	files := gumFiles(t, prefix)
	p, err := pipeline.New(pipeline.Options{Until: "quote"})
	if err != nil {
		t.Fatal(err)
	}
	marked := map[dragoman.QuoteKind]bool{dragoman.Direct: true, dragoman.Partial: true}
	all := map[dragoman.QuoteKind]bool{dragoman.Direct: true, dragoman.Partial: true, dragoman.Reported: true}
	var tot, totAll, annotated gumScore
	for _, f := range files {
		doc := readGUM(t, f)
		d, err := p.Analyze(context.Background(), dragoman.Article{Body: doc.Body})
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range d.Quotes {
			if q.Start < 0 || q.End > len(doc.Body) || doc.Body[q.Start:q.End] != q.Text {
				t.Fatalf("%s: quote span %d-%d does not match its text", doc.Name, q.Start, q.End)
			}
		}
		s := scoreGUM(doc, d.Quotes, marked)
		sa := scoreGUM(doc, d.Quotes, all)
		tot.gold += s.gold
		tot.found += s.found
		tot.pred += s.pred
		tot.right += s.right
		tot.predOnQ += s.predOnQ
		tot.missed = append(tot.missed, s.missed...)
		tot.wrong = append(tot.wrong, s.wrong...)
		totAll.found += sa.found
		if len(doc.Quotes)+len(doc.Qs) > 0 {
			annotated.gold++
			annotated.pred += s.pred
			annotated.right += s.right
		}
	}
	for _, m := range tot.missed {
		t.Logf("missed: %.100s", m)
	}
	for _, w := range tot.wrong {
		t.Logf("not a <quote>: %.100s", w)
	}
	recall = float64(max(tot.found, 0)) / float64(max(tot.gold, 1))
	precision := float64(tot.right) / float64(max(tot.pred, 1))
	t.Logf("%s <quote>: %d gold; direct+partial recall %.3f (%d), precision %.3f (%d/%d; %d of the rest are <q> fragments); recall with reported speech too %.3f",
		prefix, tot.gold, recall, tot.found, precision, tot.right, tot.pred, tot.predOnQ, float64(totAll.found)/float64(tot.gold))
	// Several documents carry no quotation markup at all although they
	// quote people; precision is gated on the documents that have some.
	annotatedPrecision = float64(annotated.right) / float64(max(annotated.pred, 1))
	t.Logf("precision on the %d of %d documents with quotation markup: %.3f (%d/%d)", annotated.gold, len(files), annotatedPrecision, annotated.right, annotated.pred)
	return recall, annotatedPrecision
}
