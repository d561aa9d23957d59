package quote_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/quote"
)

// FuzzQuotes checks that no text makes the stage panic and that every
// quote's span lies inside the body, matches its text, and that its cue
// and speaker spans do too.
func FuzzQuotes(f *testing.F) {
	for _, s := range []string{
		"“We will not retreat,” said Maria Lopez.",
		`"Unclosed quote, said nobody.` + "\n\n" + `Next paragraph "with" marks.`,
		"‘Single’ and «guillemets» and „low” marks, don’t, allies’ concerns.",
		"“Opening\n\n“Reopening\n\n“Closing.”",
		"According to, said said said “” \"\" '' ‘’ , , .",
		"Officials say, the talks, according to X, will resume, he said.",
		"\"\"\"\"\"\"",
		"“a “b “c ” d",
	} {
		f.Add(s)
	}
	finder, err := quote.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		body = strings.TrimSpace(body)
		d := newDoc(body)
		if err := finder.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		inside := func(what string, s dragoman.Span) {
			if s.Start < 0 || s.End > len(body) || s.Start > s.End || body[s.Start:s.End] != s.Text {
				t.Fatalf("%s span %d-%d %q not inside the body", what, s.Start, s.End, s.Text)
			}
		}
		for _, q := range d.Quotes {
			inside("quote", q.Span)
			if q.Cue != nil {
				inside("cue", *q.Cue)
			}
			if q.Speaker != nil && q.Speaker.Span != nil {
				inside("speaker", *q.Speaker.Span)
			}
			if q.Speaker == nil && q.Attribution == "" {
				t.Fatalf("quote %q has no speaker and no reason", q.Text)
			}
		}
	})
}

// BenchmarkQuotes measures the stage alone on the test articles.
func BenchmarkQuotes(b *testing.B) {
	body := strings.Repeat(benchArticle+"\n\n", 4) + benchArticle
	finder, err := quote.New()
	if err != nil {
		b.Fatal(err)
	}
	tmpl := newDoc(body)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		d := *tmpl
		d.Warnings = nil
		if err := finder.Annotate(context.Background(), &d); err != nil {
			b.Fatal(err)
		}
	}
}

const benchArticle = `Leaders of the five ports met on Thursday to settle a dispute over fees.

“We are closer than we have ever been,” Kask said. “What remains is a question of arithmetic.”

Ozols said the numbers did not yet add up, and he warned that Riga would not accept a deal that shifted costs.

“Nobody should mistake politeness for agreement,” said Ozols, who has led the delegation since the talks began.

According to a draft seen by reporters, the so-called “shared berth" plan would let ships dock without a surcharge.

Finnish officials say the plan could cut costs by a tenth, though shipping companies have said the savings would be smaller.`
