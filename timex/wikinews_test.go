package timex_test

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
)

var wikinewsDump = flag.String("wikinews-dump", "", "write every expression found in the Wikinews corpus to this TSV file")

// TestWikinews runs the tagger over the Wikinews articles of ../shared
// (url,date,title,text) and checks corpus-level properties: every span
// lies inside the body and matches its text, spans are ordered, and
// relative expressions resolve when the date is known (anaphoric ones
// such as "the next day" may lack a date to count from). The counts are
// logged; -wikinews-dump writes every expression for inspection.
func TestWikinews(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	dir := sharedDir(t, "data", "wikinews-articles")
	files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	if len(files) == 0 {
		t.Skip("no CSV in " + dir)
	}
	tg := tagger(t)
	var dump io.Writer = io.Discard
	if *wikinewsDump != "" {
		f, err := os.Create(*wikinewsDump)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		dump = f
	}
	articles, bytes, unresolvedRel := 0, 0, 0
	kinds, rules := map[string]int{}, map[string]int{}
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		header, err := r.Read()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		col := map[string]int{}
		for i, h := range header {
			col[strings.ToLower(strings.TrimSpace(h))] = i
		}
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			body := normalizeBody(rec[col["text"]])
			if body == "" {
				continue
			}
			a := dragoman.Article{Body: body, URL: rec[col["url"]]}
			if pt, ok := parseCorpusDate(rec[col["date"]]); ok {
				a.Published = &dragoman.Published{Time: pt, Precision: dragoman.PrecisionDay}
			}
			d := dragoman.NewDocument(a)
			if err := tg.Annotate(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			articles++
			bytes += len(body)
			prev := -1
			for _, e := range d.Dates {
				if e.Start < 0 || e.Span.End > len(body) || e.Start >= e.Span.End || body[e.Start:e.Span.End] != e.Text {
					t.Fatalf("%s: bad span %+v", a.URL, e.Span)
				}
				if e.Start < prev {
					t.Fatalf("%s: spans out of order at %d", a.URL, e.Start)
				}
				prev = e.Span.End
				kinds[e.Kind]++
				rules[strings.SplitN(e.Rule, ";", 2)[0]]++
				if a.Published != nil && e.Kind == "date" && e.Value == "" && !strings.Contains(e.Rule, "no earlier date") {
					unresolvedRel++
				}
				ctxStart, ctxEnd := max(0, e.Start-40), min(len(body), e.Span.End+40)
				fmt.Fprintf(dump, "%s\t%s\t%s\t%s\t%s\t%s..%s\t%s\n", rec[col["date"]], e.Kind, e.Rule, e.Text, e.Value, e.Begin, e.End,
					strings.ReplaceAll(body[ctxStart:ctxEnd], "\n", " "))
			}
		}
		f.Close()
	}
	total := 0
	for _, n := range kinds {
		total += n
	}
	t.Logf("%d articles, %d bytes, %d expressions: %v", articles, bytes, total, kinds)
	names := make([]string, 0, len(rules))
	for k := range rules {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool { return rules[names[i]] > rules[names[j]] })
	for _, k := range names {
		t.Logf("  %-24s %d", k, rules[k])
	}
	if articles > 0 && total == 0 {
		t.Fatal("no expressions in the whole corpus")
	}
	if unresolvedRel > 0 {
		t.Errorf("%d dates left unresolved in dated articles", unresolvedRel)
	}
}

// normalizeBody puts corpus text in the body contract: paragraphs
// separated by one blank line, no outer whitespace.
func normalizeBody(s string) string {
	var paras []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

func parseCorpusDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02 15:04:05", "January 2, 2006", "Monday, January 2, 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// BenchmarkTimexWikinews tags the Wikinews articles of ../shared, dated,
// on one goroutine; bytes/s is body bytes per second.
func BenchmarkTimexWikinews(b *testing.B) {
	dir := sharedDir(b, "data", "wikinews-articles")
	f, err := os.Open(filepath.Join(dir, "wikinews_2019.csv"))
	if err != nil {
		b.Skip(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil || len(recs) < 2 {
		b.Fatal("cannot read the corpus: ", err)
	}
	var docs []*dragoman.Document
	size := 0
	for _, rec := range recs[1:] {
		body := normalizeBody(rec[3])
		a := dragoman.Article{Body: body}
		if pt, ok := parseCorpusDate(rec[1]); ok {
			a.Published = &dragoman.Published{Time: pt, Precision: dragoman.PrecisionDay}
		}
		docs = append(docs, dragoman.NewDocument(a))
		size += len(body)
	}
	tg := tagger(b)
	ctx := context.Background()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			if err := tg.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, start, size)
}
