package article

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	"github.com/dragoman-news/dragoman"
)

// maxWARCHeader bounds the header block of one WARC record.
const maxWARCHeader = 64 << 10

// warcRecord is the header of one WARC record.
type warcRecord struct {
	Version string // "WARC/1.0", "WARC/1.1"
	Header  textproto.MIMEHeader
	Length  int64
}

// readWARC reads a WARC/1.0 or WARC/1.1 file (ISO 28500), record by
// record, holding at most one record in memory. Each "response" record
// whose HTTP payload is HTML (and each "resource" record of type
// text/html) is an article, with WARC-Target-URI as its URL and WARC-Date
// as its date when the page gives none. Other records are skipped. A
// gzip file of one member per record, as Common Crawl ships them, has
// already been decompressed by the caller.
func readWARC(ctx context.Context, r *bufio.Reader, s *source) bool {
	max := s.opts.maxBytes()
	for n := 1; ; n++ {
		record := fmt.Sprintf("record %d", n)
		if err := ctx.Err(); err != nil {
			return s.fail(record, err)
		}
		rec, err := readWARCHeader(r)
		if err == io.EOF {
			return true
		}
		if err != nil {
			// A broken header leaves no way to find the next record
			// except by looking for the next version line.
			if !s.fail(record, err) {
				return false
			}
			if errors.Is(err, errWARCSync) {
				if serr := resyncWARC(r); serr != nil {
					if serr != io.EOF {
						return s.fail(record, serr)
					}
					return true
				}
				continue
			}
			return false
		}
		typ := strings.ToLower(rec.Header.Get("WARC-Type"))
		ctype, _, _ := mime.ParseMediaType(rec.Header.Get("Content-Type"))
		want := typ == "response" && (ctype == "application/http" || ctype == "")
		want = want || (typ == "resource" && (ctype == "text/html" || ctype == "application/xhtml+xml"))
		want = want || (typ == "conversion" && ctype == "text/plain") // WET: text already extracted
		if !want {
			if _, err := io.CopyN(io.Discard, r, rec.Length); err != nil {
				return s.fail(record, fmt.Errorf("short record: %w", err))
			}
			continue
		}
		if rec.Length > int64(max) {
			if _, err := io.CopyN(io.Discard, r, rec.Length); err != nil {
				return s.fail(record, fmt.Errorf("short record: %w", err))
			}
			if !s.fail(record, fmt.Errorf("%w (%d bytes, the cap is %d)", ErrTooLarge, rec.Length, max)) {
				return false
			}
			continue
		}
		block := make([]byte, rec.Length)
		if _, err := io.ReadFull(r, block); err != nil {
			return s.fail(record, fmt.Errorf("short record (%d bytes announced): %w", rec.Length, err))
		}
		uri := strings.Trim(rec.Header.Get("WARC-Target-URI"), "<>")
		if uri != "" {
			record = fmt.Sprintf("record %d (%s)", n, uri)
		}
		it, skip, err := warcArticle(ctx, typ, block, uri, rec.Header.Get("WARC-Date"))
		switch {
		case skip:
		case err != nil:
			if !s.fail(record, err) {
				return false
			}
		default:
			if !s.emit(it, fmt.Sprintf("record %d", n)) {
				return false
			}
		}
	}
}

var errWARCSync = errors.New("not at a WARC record")

// readWARCHeader reads the version line and the named fields of the next
// record, skipping the blank lines that end the previous one.
func readWARCHeader(r *bufio.Reader) (*warcRecord, error) {
	var line string
	for {
		l, err := readLine(r, maxWARCHeader)
		if err != nil {
			if err == io.EOF && l == "" {
				return nil, io.EOF
			}
			if err != io.EOF {
				return nil, err
			}
		}
		if strings.TrimSpace(l) != "" {
			line = strings.TrimSpace(l)
			break
		}
		if err == io.EOF {
			return nil, io.EOF
		}
	}
	if !strings.HasPrefix(line, "WARC/") {
		return nil, fmt.Errorf("%w: want a WARC/1.0 or WARC/1.1 version line, found %q", errWARCSync, clip(line, 40))
	}
	rec := &warcRecord{Version: line, Header: textproto.MIMEHeader{}}
	size := 0
	for {
		l, err := readLine(r, maxWARCHeader)
		if err != nil {
			return nil, fmt.Errorf("record header: %w", unexpected(err))
		}
		size += len(l)
		if size > maxWARCHeader {
			return nil, fmt.Errorf("%w: record header over %d bytes", errWARCSync, maxWARCHeader)
		}
		l = strings.TrimRight(l, "\r\n")
		if l == "" {
			break
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue // continuation lines and junk: not needed here
		}
		rec.Header.Add(strings.TrimSpace(k), strings.TrimSpace(v))
	}
	cl := rec.Header.Get("Content-Length")
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("%w: bad Content-Length %q", errWARCSync, cl)
	}
	rec.Length = n
	return rec, nil
}

// resyncWARC skips lines up to the next version line, leaving it unread.
func resyncWARC(r *bufio.Reader) error {
	for {
		b, err := r.Peek(5)
		if err == nil && string(b) == "WARC/" {
			return nil
		}
		if err != nil {
			return io.EOF
		}
		if _, err := readLine(r, maxWARCHeader); err != nil {
			if err == io.EOF {
				return io.EOF
			}
			return err
		}
	}
}

// readLine reads one line (with its end) of at most max bytes; the rest
// of a longer line is discarded.
func readLine(r *bufio.Reader, max int) (string, error) {
	var buf []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if len(buf) < max {
			buf = append(buf, chunk[:min(len(chunk), max-len(buf))]...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return string(buf), err
	}
}

func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// warcArticle reads the article of one record's block. skip reports a
// record that holds no HTML page (an image, a redirect, a robots.txt).
func warcArticle(ctx context.Context, typ string, block []byte, uri, date string) (it Item, skip bool, err error) {
	body := block
	if typ == "conversion" {
		text, repaired := repairUTF8(block)
		it = parseText(string(text))
		if repaired {
			it.warn("invalid_utf8", invalidUTF8Message)
		}
		return warcFinish(it, uri, date), false, nil
	}
	if typ == "response" {
		resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(block)), nil)
		if err != nil {
			return Item{}, false, dragoman.Errorf(dragoman.EINVALID, "bad HTTP response in record: %v", err)
		}
		defer resp.Body.Close()
		if resp.StatusCode < 200 || resp.StatusCode >= 300 {
			return Item{}, true, nil
		}
		ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
		if ct != "" && ct != "text/html" && ct != "application/xhtml+xml" {
			return Item{}, true, nil
		}
		var rd io.Reader = resp.Body
		if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
			zr, err := gzip.NewReader(resp.Body)
			if err != nil {
				return Item{}, false, dragoman.Errorf(dragoman.EINVALID, "gzip payload: %v", err)
			}
			rd = zr
		}
		body, err = io.ReadAll(io.LimitReader(rd, int64(len(block))*8+1<<20))
		if err != nil && len(body) == 0 {
			return Item{}, false, dragoman.Errorf(dragoman.EINVALID, "read HTTP payload: %v", err)
		}
		if ct == "" && !bytes.Contains(bytes.ToLower(body[:min(len(body), 1024)]), []byte("<html")) {
			return Item{}, true, nil
		}
	}
	body, repaired := repairUTF8(decodeCharset(body))
	it, err = parseHTML(ctx, body, uri)
	if err != nil {
		return Item{}, false, err
	}
	if repaired {
		it.warn("invalid_utf8", invalidUTF8Message)
	}
	return warcFinish(it, uri, date), false, nil
}

// warcFinish sets what a WARC record gives an article: format, URL, and
// the capture date when the page gives no date.
func warcFinish(it Item, uri, date string) Item {
	it.Article.Format = FormatWARC
	if it.Article.URL == "" || uri != "" {
		it.Article.URL = uri
	}
	if it.Article.Published == nil && date != "" {
		if t, err := time.Parse(time.RFC3339Nano, date); err == nil {
			it.Article.Published = &dragoman.Published{Time: t.UTC(), Precision: dragoman.PrecisionSecond}
			it.warn("crawl_date", "the page gives no date; the WARC-Date of its capture stands in for it")
		}
	}
	return it
}
