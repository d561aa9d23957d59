package segment_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dragoman-news/dragoman"
)

// checkInvariants reports every way the document's segmentation breaks the
// span contract: spans inside the body with their text, in order, not
// overlapping; tokens inside their sentence, sentences inside their
// paragraph; every non-space byte in some token.
func checkInvariants(t *testing.T, d *dragoman.Document) {
	t.Helper()
	body := d.Article.Body
	span := func(kind string, i int, s dragoman.Span) bool {
		if s.Start < 0 || s.End > len(body) || s.Start >= s.End {
			t.Errorf("%s %d: bad span [%d, %d) in a body of %d bytes", kind, i, s.Start, s.End, len(body))
			return false
		}
		if s.Text != body[s.Start:s.End] {
			t.Errorf("%s %d: text %q is not body[%d:%d] = %q", kind, i, s.Text, s.Start, s.End, body[s.Start:s.End])
			return false
		}
		return true
	}
	for i, p := range d.Paragraphs {
		if !span("paragraph", i, p.Span) {
			return
		}
		if p.Index != i {
			t.Errorf("paragraph %d: index %d", i, p.Index)
		}
		if i > 0 && p.Start < d.Paragraphs[i-1].End {
			t.Errorf("paragraph %d overlaps the one before", i)
		}
	}
	tokenAt := 0
	for i, s := range d.Sentences {
		if !span("sentence", i, s.Span) {
			return
		}
		if s.Index != i {
			t.Errorf("sentence %d: index %d", i, s.Index)
		}
		if i > 0 && s.Start < d.Sentences[i-1].End {
			t.Errorf("sentence %d overlaps the one before", i)
		}
		if s.Paragraph < 0 || s.Paragraph >= len(d.Paragraphs) || !d.Paragraphs[s.Paragraph].Contains(s.Span) {
			t.Errorf("sentence %d [%d, %d) is not inside its paragraph %d", i, s.Start, s.End, s.Paragraph)
		}
		if s.TokenStart != tokenAt || s.TokenEnd <= s.TokenStart || s.TokenEnd > len(d.Tokens) {
			t.Errorf("sentence %d: tokens [%d, %d), want a non-empty range from %d", i, s.TokenStart, s.TokenEnd, tokenAt)
			return
		}
		if d.Tokens[s.TokenStart].Start != s.Start || d.Tokens[s.TokenEnd-1].End != s.End {
			t.Errorf("sentence %d does not start and end with its tokens", i)
		}
		tokenAt = s.TokenEnd
	}
	if tokenAt != len(d.Tokens) {
		t.Errorf("sentences cover %d of %d tokens", tokenAt, len(d.Tokens))
	}
	covered := 0
	for i, tk := range d.Tokens {
		if !span("token", i, tk.Span) {
			return
		}
		if tk.Start < covered {
			t.Errorf("token %d overlaps the one before", i)
		}
		// What lies between two tokens is white space.
		if gap := body[covered:tk.Start]; i > 0 && strings.TrimFunc(gap, isSep) != "" {
			t.Errorf("bytes %q before token %d belong to no token", gap, i)
		}
		covered = tk.End
	}
}

func isSep(r rune) bool {
	return strings.ContainsRune(" \t\n\r\v\f\u0085\u00a0\u1680\u2028\u2029\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff", r) ||
		(r >= '\u2000' && r <= '\u200a')
}

func FuzzSegment(f *testing.F) {
	seeds := []string{
		"",
		"One.\n\nTwo.",
		"U.S. officials met Lt. Gen. Ray Dorn. He said “not now.\" Then he left.",
		`"Stop," he said. "Now!" she said... Mr. X. Y. Z. went to www.example.org/(a). Done?!`,
		"didn’t can't O'Brien's 1,000.5 3.5% U.S.-Russian #tag @x a@b.c [...] …",
		"\xff\xfe bad \xc3 bytes.\u00a0\u200bHidden space.",
		"  \r\n\r\n  ",
		"a.b.c.d.e. A. B. .. ... .... !!! ??? \"\" ” “ ( ) [",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		d := annotate(t, body)
		checkInvariants(t, d)
		if utf8.ValidString(body) {
			for _, tk := range d.Tokens {
				if !utf8.ValidString(tk.Text) {
					t.Errorf("token %q of a valid body is not valid UTF-8", tk.Text)
				}
			}
		}
	})
}
