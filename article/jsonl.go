package article

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dragoman-news/dragoman"
)

// jsonRecord is one line of a JSON Lines input; docs/formats.md lists the
// fields. Unknown fields are ignored.
type jsonRecord struct {
	ID        json.RawMessage `json:"id"`
	Title     string          `json:"title"`
	Headline  string          `json:"headline"`
	Text      string          `json:"text"`
	Body      string          `json:"body"`
	Content   string          `json:"content"`
	HTML      string          `json:"html"`
	URL       string          `json:"url"`
	Published json.RawMessage `json:"published"`
	Date      json.RawMessage `json:"date"`
	Summary   string          `json:"summary"`
	Byline    json.RawMessage `json:"byline"`
	Author    json.RawMessage `json:"author"`
	Language  string          `json:"language"`
	SiteName  string          `json:"site_name"`
	// Article is set when the line is a document that dragoman analyze
	// printed: its article is read again as it was.
	Article *dragoman.Article `json:"article"`
}

// readJSONL reads one article a line. A line longer than the article cap
// is skipped (with an error) without being held in memory; a line that is
// not a JSON object gives an error naming it, and reading goes on.
func readJSONL(ctx context.Context, r *bufio.Reader, s *source) bool {
	if isJSONDocument(r) {
		return readJSONDocument(ctx, r, s)
	}
	max := s.opts.maxBytes()
	var buf []byte
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return s.fail(fmt.Sprintf("line %d", n), err)
		}
		buf = buf[:0]
		tooLarge := false
		var rerr error
		for {
			chunk, err := r.ReadSlice('\n')
			if !tooLarge {
				if len(buf)+len(chunk) > max+1 {
					tooLarge = true
					buf = buf[:0]
				} else {
					buf = append(buf, chunk...)
				}
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			rerr = err
			break
		}
		record := fmt.Sprintf("line %d", n)
		if rerr != nil && rerr != io.EOF {
			return s.fail(record, rerr) // a partial line is no record
		}
		if tooLarge {
			if !s.fail(record, fmt.Errorf("%w (a line over %d bytes)", ErrTooLarge, max)) {
				return false
			}
		} else if line := bytes.TrimSpace(buf); len(line) > 0 {
			line, repaired := repairUTF8(line)
			it, err := parseJSONRecord(ctx, line)
			if repaired {
				it.warn("invalid_utf8", invalidUTF8Message)
			}
			if err != nil {
				if !s.fail(record, err) {
					return false
				}
			} else if !s.emit(it, record) {
				return false
			}
		}
		if rerr == io.EOF {
			return true
		}
	}
}

// parseJSONRecord reads one JSON Lines record into an article.
func parseJSONRecord(ctx context.Context, line []byte) (Item, error) {
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return Item{}, dragoman.Errorf(dragoman.EINVALID, "bad JSON: %v", jsonErrText(err))
	}
	var it Item
	var err error
	switch {
	case rec.Article != nil && strings.TrimSpace(rec.Article.Body) != "":
		// a document of dragoman analyze: keep what was read before
		it.Article = *rec.Article
		it.Article.Body = joinParagraphs(strings.Split(it.Article.Body, "\n\n"))
	case rec.HTML != "":
		it, err = parseHTML(ctx, []byte(rec.HTML), rec.URL)
		if err != nil {
			return Item{}, err
		}
	default:
		text := firstNonEmpty(rec.Text, rec.Body, rec.Content)
		if strings.TrimSpace(text) == "" {
			return Item{}, dragoman.Errorf(dragoman.EINVALID, "no text: want one of the fields text, body, content or html")
		}
		var paras []string
		if looksLikeHTML(text) {
			paras = htmlFragmentParagraphs(text)
		} else {
			paras = textParagraphs(strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n"))
		}
		finishParagraphs(&it.Article, paras)
	}
	a := &it.Article
	a.Format = FormatJSONL
	if t := firstNonEmpty(rec.Title, rec.Headline); t != "" {
		a.Title = t
	}
	if rec.URL != "" {
		a.URL = rec.URL
	}
	if rec.Summary != "" {
		a.Summary = rec.Summary
	}
	if rec.SiteName != "" {
		a.SiteName = rec.SiteName
	}
	if rec.Language != "" {
		a.Language = rec.Language
	}
	if names := jsonNames(rec.Byline, rec.Author); len(names) > 0 {
		a.Bylines = names
	}
	for _, raw := range []json.RawMessage{rec.Published, rec.Date} {
		if p := jsonDate(raw); p != nil {
			a.Published = p
			break
		} else if len(raw) > 0 && string(raw) != "null" && string(raw) != `""` {
			it.warn("bad_date", "cannot read the date %s", string(raw))
		}
	}
	return it, nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

func looksLikeHTML(s string) bool {
	l := strings.ToLower(s[:min(len(s), 4096)])
	return strings.Contains(l, "<p") || strings.Contains(l, "<br") || strings.Contains(l, "<div")
}

// jsonNames reads a byline given as a string ("Jane Doe and John Roe") or
// as a list of strings.
func jsonNames(raws ...json.RawMessage) []string {
	for _, raw := range raws {
		if len(raw) == 0 {
			continue
		}
		var s string
		if json.Unmarshal(raw, &s) == nil && s != "" {
			return splitAuthors(s)
		}
		var list []string
		if json.Unmarshal(raw, &list) == nil && len(list) > 0 {
			var out []string
			for _, n := range list {
				out = appendNew(out, splitAuthors(n)...)
			}
			return out
		}
	}
	return nil
}

// jsonDate reads a date given as a string or as Unix seconds.
func jsonDate(raw json.RawMessage) *dragoman.Published {
	if len(raw) == 0 {
		return nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if s == "" {
			return nil
		}
		p, err := ParsePublished(s)
		if err != nil {
			return nil
		}
		return p
	}
	var secs float64
	if json.Unmarshal(raw, &secs) == nil && secs > 0 {
		return &dragoman.Published{Time: time.Unix(int64(secs), 0).UTC(), Precision: dragoman.PrecisionSecond}
	}
	return nil
}

// jsonErrText shortens encoding/json's messages.
func jsonErrText(err error) string {
	return strings.TrimPrefix(err.Error(), "json: ")
}

// isJSONDocument reports whether the input is not JSON Lines but a JSON
// array of articles or pretty-printed objects: it opens with "[", or its
// first line is not a JSON value on its own.
func isJSONDocument(r *bufio.Reader) bool {
	head, _ := r.Peek(sniffSize)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(head) > 0 && head[0] == '[' {
		return true
	}
	nl := bytes.IndexByte(head, '\n')
	if nl < 0 {
		return false // one long line, or the whole input: JSON Lines either way
	}
	return !json.Valid(bytes.TrimSpace(head[:nl]))
}

// readJSONDocument reads a JSON array of article objects, or a sequence of
// (pretty-printed) objects. Records are named "item N". The input is held
// whole, up to four times the article cap; a syntax error ends it, since
// there is no line to resume at.
func readJSONDocument(ctx context.Context, r *bufio.Reader, s *source) bool {
	data, err := readCapped(r, maxFeedArticles*s.opts.maxBytes())
	if err != nil {
		return s.fail("", err)
	}
	data, repaired := repairUTF8(data)
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	array := false
	if t, err := dec.Token(); err == nil && t == json.Delim('[') {
		array = true
	} else {
		dec = json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	}
	for n := 1; dec.More(); n++ {
		record := fmt.Sprintf("item %d", n)
		if err := ctx.Err(); err != nil {
			return s.fail(record, err)
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return s.fail(record, dragoman.Errorf(dragoman.EINVALID, "bad JSON: %v", jsonErrText(err)))
		}
		it, err := parseJSONRecord(ctx, raw)
		if err != nil {
			if !s.fail(record, err) {
				return false
			}
			continue
		}
		if repaired {
			it.warn("invalid_utf8", invalidUTF8Message)
		}
		if !s.emit(it, record) {
			return false
		}
	}
	if array {
		if _, err := dec.Token(); err != nil {
			return s.fail("", dragoman.Errorf(dragoman.EINVALID, "bad JSON: unterminated array: %v", jsonErrText(err)))
		}
	}
	return true
}
