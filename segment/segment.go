// Package segment is the first stage of the pipeline: it divides an
// article's body into paragraphs, sentences and tokens.
//
// Paragraphs are separated by blank lines (a line holding only white
// space); the body contract is exactly one blank line, but any run of them,
// with carriage returns or other white space, is understood. Sentences never
// cross paragraphs. Tokens follow the Penn Treebank conventions for news.
// Every span is a half-open range of UTF-8 byte offsets into the body and
// carries its text. See docs/segmentation.md for the rules.
package segment

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/dragoman-news/dragoman"
)

// Segmenter fills Document.Paragraphs, Sentences and Tokens. Its zero
// value is ready to use, and it is safe for concurrent use.
type Segmenter struct{}

// New returns a Segmenter.
func New() *Segmenter { return &Segmenter{} }

// Name is the stage name, "segment".
func (*Segmenter) Name() string { return "segment" }

// Annotate replaces the document's paragraphs, sentences and tokens with
// those of its body.
func (s *Segmenter) Annotate(ctx context.Context, d *dragoman.Document) error {
	body := d.Article.Body
	d.Paragraphs = d.Paragraphs[:0]
	d.Sentences = d.Sentences[:0]
	d.Tokens = make([]dragoman.Token, 0, estimateTokens(body))
	var ends []int
	for p := range paragraphs(body) {
		if err := ctx.Err(); err != nil {
			return err
		}
		pi := len(d.Paragraphs)
		d.Paragraphs = append(d.Paragraphs, dragoman.Paragraph{
			Span:  dragoman.Span{Start: p.start, End: p.end, Text: body[p.start:p.end]},
			Index: pi,
		})
		first := len(d.Tokens)
		d.Tokens = tokenize(body, p.start, p.end, d.Tokens)
		ends = sentenceEnds(body, d.Tokens[first:], ends[:0])
		from := first
		for _, e := range ends {
			to := first + e
			if to <= from {
				continue
			}
			start, end := d.Tokens[from].Start, d.Tokens[to-1].End
			d.Sentences = append(d.Sentences, dragoman.Sentence{
				Span:       dragoman.Span{Start: start, End: end, Text: body[start:end]},
				Index:      len(d.Sentences),
				Paragraph:  pi,
				TokenStart: from,
				TokenEnd:   to,
			})
			from = to
		}
	}
	return nil
}

// estimateTokens guesses how many tokens body has, a little high, so that
// the token slice is allocated once: news has about 1.2 tokens a word
// (punctuation and clitics), and counting spaces is cheap.
func estimateTokens(body string) int {
	words := strings.Count(body, " ") + strings.Count(body, "\n") + 1
	return words + words/3 + 16
}

type span struct{ start, end int }

// paragraphs yields the paragraphs of body: the stretches between blank
// lines, trimmed of white space. A paragraph of only white space is none.
func paragraphs(body string) func(yield func(span) bool) {
	return func(yield func(span) bool) {
		start := -1 // start of the current paragraph's first non-blank line
		end := 0    // end of its last non-blank line
		line := 0
		for line <= len(body) {
			nl := line
			for nl < len(body) && body[nl] != '\n' {
				nl++
			}
			a, b := trim(body, line, nl)
			if a < b {
				if start < 0 {
					start = a
				}
				end = b
			} else if start >= 0 {
				if !yield(span{start, end}) {
					return
				}
				start = -1
			}
			line = nl + 1
		}
		if start >= 0 {
			yield(span{start, end})
		}
	}
}

// trim returns [a, b) inside [i, j) without leading and trailing separators.
func trim(s string, i, j int) (int, int) {
	for i < j {
		sp, n := spaceAt(s, i)
		if !sp {
			break
		}
		i += n
	}
	for j > i {
		c := s[j-1]
		if c < utf8.RuneSelf {
			if ascii[c]&cSpace == 0 {
				break
			}
			j--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s[i:j])
		if !isSpaceRune(r) {
			break
		}
		j -= n
	}
	return i, j
}
