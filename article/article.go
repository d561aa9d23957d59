// Package article reads news articles from plain text, HTML, JSON Lines,
// RSS/Atom feeds and WARC archives and turns each into a dragoman.Article
// whose Body follows the body contract: paragraphs separated by exactly one
// blank line ("\n\n"), no leading or trailing whitespace.
//
// Reading streams: Read yields one article at a time, so memory is bounded
// by the largest article (Options.MaxArticleBytes), not by the input. A bad
// record (a malformed JSON line, an unreadable feed item, a broken WARC
// record) yields an error naming the input and the line or record, and
// reading goes on with the next one.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dragoman-news/dragoman"
)

// Formats the readers understand, as given to Options.Format and stored in
// Article.Format.
const (
	FormatText  = "text"
	FormatHTML  = "html"
	FormatJSONL = "jsonl"
	FormatRSS   = "rss"
	FormatWARC  = "warc"
)

// DefaultMaxArticleBytes caps the size of one article (one text file, one
// JSON line, one WARC record) when Options.MaxArticleBytes is zero.
const DefaultMaxArticleBytes = 8 << 20

// Options configure reading. The zero value detects the format of each
// input from its content.
type Options struct {
	// Format forces one reader ("text", "html", "jsonl", "rss", "warc");
	// empty detects it from the content.
	Format string
	// Published, when set, replaces the publication date of every article.
	Published *dragoman.Published
	// MaxArticleBytes caps one article; larger ones give an error
	// ("article too large"). Zero means DefaultMaxArticleBytes.
	MaxArticleBytes int
}

func (o Options) maxBytes() int {
	if o.MaxArticleBytes > 0 {
		return o.MaxArticleBytes
	}
	return DefaultMaxArticleBytes
}

// Item is one article read from an input, with what the reader noticed on
// the way (a repaired encoding, text that does not read as English). The
// warnings belong in the analysed document's Warnings.
type Item struct {
	Article  dragoman.Article
	Warnings []dragoman.Diagnostic
}

// Stage is the name readers give their diagnostics.
const Stage = "read"

func (it *Item) warn(code, format string, args ...any) {
	it.Warnings = append(it.Warnings, dragoman.Diagnostic{Stage: Stage, Code: code, Message: fmt.Sprintf(format, args...)})
}

// ID returns the stable id of a body: the first 16 hex digits of the
// SHA-256 of the body lowercased with its whitespace collapsed, so that
// re-wrapping or re-reading an article from another format keeps its id.
func ID(body string) string {
	buf := make([]byte, 0, len(body))
	space := false
	for i := 0; i < len(body); {
		c := body[i]
		var r rune
		if c < utf8.RuneSelf {
			r = rune(c)
			i++
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(body[i:])
			i += n
		}
		if unicode.IsSpace(r) {
			space = len(buf) > 0
			continue
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			buf = append(buf, byte(r))
		} else {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:8])
}

// finish completes an article once its reader has filled in what the
// source gives: it repairs the encoding of every text field, applies the
// published override, sets the id and the language, and checks the body.
func finish(it *Item, opts Options) error {
	a := &it.Article
	repaired := false
	for _, f := range []*string{&a.Title, &a.Summary, &a.Contact, &a.SiteName, &a.URL, &a.Body} {
		if !utf8.ValidString(*f) {
			*f = strings.ToValidUTF8(*f, "\uFFFD")
			repaired = true
		}
	}
	for i := range a.Bylines {
		if !utf8.ValidString(a.Bylines[i]) {
			a.Bylines[i] = strings.ToValidUTF8(a.Bylines[i], "\uFFFD")
			repaired = true
		}
	}
	if repaired && !hasCode(it.Warnings, "invalid_utf8") {
		it.warn("invalid_utf8", invalidUTF8Message)
	}
	a.Title = collapseSpace(a.Title)
	a.Summary = collapseSpace(a.Summary)
	a.Body = normalizeBody(a.Body)
	if a.Body == "" {
		return dragoman.Errorf(dragoman.EINVALID, "no article text found")
	}
	if opts.Published != nil {
		p := *opts.Published
		a.Published = &p
	}
	a.ID = ID(a.Body)
	if a.Language == "" || strings.HasPrefix(strings.ToLower(a.Language), "en") {
		if lang, ratio := detectLanguage(a.Body); lang == "en" {
			a.Language = "en"
		} else {
			a.Language = "und"
			it.warn("not_english", "the text does not read as English (stopword ratio %.2f); analysis expects English", ratio)
		}
	} else {
		it.warn("not_english", "the source declares the language %q; analysis expects English", a.Language)
	}
	return nil
}

// normalizeBody makes s follow the body contract: paragraphs separated by
// exactly "\n\n", the lines of a paragraph joined with a space, runs of
// spaces and tabs collapsed, no leading or trailing whitespace.
func normalizeBody(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var out []string
	for _, para := range strings.Split(s, "\n\n") {
		p := collapseSpace(para)
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// collapseSpace turns every run of whitespace (newlines included, and the
// no-break space) into one space, drops control characters and zero-width
// spaces, and trims the ends. Text that needs none of it is returned as is.
func collapseSpace(s string) string {
	if isCollapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			space = b.Len() > 0
			continue
		}
		if r < 0x20 || r == 0x7f {
			continue // stray control characters
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isCollapsed reports whether s is text that collapseSpace would leave
// unchanged: valid UTF-8 with no leading, trailing or doubled spaces, no
// other white space, no control or zero-width characters.
func isCollapsed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if prevSpace {
					return false
				}
				prevSpace = true
			case c < 0x20 || c == 0x7f:
				return false
			default:
				prevSpace = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			return false
		}
		prevSpace = false
		i += n
	}
	return true
}

// joinParagraphs joins paragraphs with the body separator, skipping empty
// ones.
func joinParagraphs(paras []string) string {
	var out []string
	for _, p := range paras {
		if p = collapseSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

func hasCode(ds []dragoman.Diagnostic, code string) bool {
	for _, d := range ds {
		if d.Code == code {
			return true
		}
	}
	return false
}
