package article

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/dragoman-news/dragoman"
)

// Stdin is the input name that reads standard input.
const Stdin = "-"

// sniffSize is how much of an input is looked at to detect its format.
const sniffSize = 8 << 10

// readBufferSize is the buffer of each input; it must hold sniffSize.
const readBufferSize = 16 << 10

// ErrTooLarge is wrapped by the error of an article over
// Options.MaxArticleBytes.
var ErrTooLarge = dragoman.Errorf(dragoman.ETOOLARGE, "article too large")

// InputError is the error of one input, or of one record of an input: it
// names the input and, when there is one, the line or record.
type InputError struct {
	Input  string // file path or "-"
	Record string // "line 4", "record 2", "item 3"; empty for the whole input
	Err    error
}

func (e *InputError) Error() string {
	if e.Record != "" {
		return e.Input + ": " + e.Record + ": " + e.Err.Error()
	}
	return e.Input + ": " + e.Err.Error()
}

func (e *InputError) Unwrap() error { return e.Err }

// ReadAll reads every input in turn (see Read).
func ReadAll(ctx context.Context, inputs []string, opts Options) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		for _, in := range inputs {
			for it, err := range Read(ctx, in, opts) {
				if !yield(it, err) {
					return
				}
			}
		}
	}
}

// Read yields the articles of one input: a file, a directory (every file
// under it, recursively, in lexical order, hidden files skipped), or "-"
// for standard input. Gzip-compressed input is decompressed whatever its
// name. Errors name the input (an *InputError); after an error of one
// record or one file of a directory, reading goes on.
func Read(ctx context.Context, path string, opts Options) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		if path == Stdin {
			readStream(ctx, os.Stdin, Stdin, opts, yield)
			return
		}
		st, err := os.Stat(path)
		if err != nil {
			yield(Item{}, &InputError{Input: path, Err: cleanPathErr(err)})
			return
		}
		if !st.IsDir() {
			readFile(ctx, path, opts, yield)
			return
		}
		files, err := listFiles(path)
		if err != nil {
			if !yield(Item{}, &InputError{Input: path, Err: cleanPathErr(err)}) {
				return
			}
		}
		for _, f := range files {
			if ctx.Err() != nil {
				yield(Item{}, &InputError{Input: f, Err: ctx.Err()})
				return
			}
			if !readFile(ctx, f, opts, yield) {
				return
			}
		}
	}
}

// listFiles returns the regular files under dir, sorted, without hidden
// files and folders.
func listFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

func cleanPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

func readFile(ctx context.Context, path string, opts Options, yield func(Item, error) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(Item{}, &InputError{Input: path, Err: cleanPathErr(err)})
	}
	defer f.Close()
	return readStream(ctx, f, path, opts, yield)
}

// ReadReader yields the articles of r, named name in errors and sources.
func ReadReader(ctx context.Context, r io.Reader, name string, opts Options) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		readStream(ctx, r, name, opts, yield)
	}
}

// readStream detects compression and format and hands r to the reader.
// It returns false when the consumer stopped.
func readStream(ctx context.Context, r io.Reader, name string, opts Options, yield func(Item, error) bool) bool {
	fail := func(err error) bool { return yield(Item{}, &InputError{Input: name, Err: err}) }
	br := bufio.NewReaderSize(r, readBufferSize)
	head, err := br.Peek(2)
	if err != nil && len(head) == 0 {
		if err == io.EOF {
			return fail(dragoman.Errorf(dragoman.EINVALID, "empty input"))
		}
		return fail(cleanPathErr(err))
	}
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fail(fmt.Errorf("gzip: %w", err))
		}
		defer zr.Close()
		br = bufio.NewReaderSize(&gzipErrReader{zr}, readBufferSize)
	}
	if b, _ := br.Peek(2); len(b) == 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff) {
		// UTF-16 with a byte-order mark (as some Windows tools save text)
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, dec), readBufferSize)
	}
	head, err = br.Peek(sniffSize)
	if len(head) == 0 {
		if err == nil || err == io.EOF {
			return fail(dragoman.Errorf(dragoman.EINVALID, "empty input"))
		}
		return fail(err)
	}
	format := opts.Format
	if format == "" {
		format = Detect(head, name)
	}
	if format != FormatWARC && isBinary(head) {
		return fail(dragoman.Errorf(dragoman.EINVALID, "binary file, not a news article (it has NUL bytes or many control characters)"))
	}
	src := &source{name: name, opts: opts, yield: yield}
	switch format {
	case FormatText, FormatHTML:
		data, err := readCapped(br, opts.maxBytes())
		if err != nil {
			return fail(err)
		}
		if strings.TrimSpace(string(data)) == "" {
			return fail(dragoman.Errorf(dragoman.EINVALID, "empty input"))
		}
		if format == FormatHTML {
			data = decodeCharset(data)
		}
		data, repaired := repairUTF8(data)
		var it Item
		if format == FormatText {
			it = parseText(string(data))
		} else {
			it, err = parseHTML(ctx, data, "")
			if err != nil {
				return fail(err)
			}
		}
		if repaired {
			it.warn("invalid_utf8", invalidUTF8Message)
		}
		return src.emit(it, "")
	case FormatJSONL:
		return readJSONL(ctx, br, src)
	case FormatRSS:
		return readFeed(ctx, br, src)
	case FormatWARC:
		return readWARC(ctx, br, src)
	default:
		return fail(dragoman.Errorf(dragoman.EINVALID, "unknown format %q (want text, html, jsonl, rss or warc)", format))
	}
}

// gzipErrReader names gzip's errors, so that a truncated file says so.
type gzipErrReader struct{ r io.Reader }

func (g *gzipErrReader) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = errors.New("truncated gzip data (unexpected end of file)")
		} else {
			err = fmt.Errorf("gzip: %w", err)
		}
	}
	return n, err
}

// readCapped reads all of r, failing with ErrTooLarge past max bytes
// without holding more than max+1 of them.
func readCapped(r io.Reader, max int) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > max {
		return nil, fmt.Errorf("%w (over %d bytes)", ErrTooLarge, max)
	}
	return data, nil
}

// source carries what every reader needs to hand out an article.
type source struct {
	name  string
	opts  Options
	yield func(Item, error) bool
}

// emit finishes the article read from record (empty for a whole-file
// article) and yields it, or yields the error that finishing found.
func (s *source) emit(it Item, record string) bool {
	a := &it.Article
	a.Source = s.name
	if record != "" {
		a.Source = s.name + "#" + strings.ReplaceAll(record, " ", "")
	}
	if err := finish(&it, s.opts); err != nil {
		return s.yield(Item{}, &InputError{Input: s.name, Record: record, Err: err})
	}
	return s.yield(it, nil)
}

func (s *source) fail(record string, err error) bool {
	return s.yield(Item{}, &InputError{Input: s.name, Record: record, Err: err})
}

// Detect guesses the format of an input from its first bytes, using the
// name only to break ties.
func Detect(head []byte, name string) string {
	h := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	lower := bytes.ToLower(h[:min(len(h), 2048)])
	switch {
	case bytes.HasPrefix(h, []byte("WARC/")):
		return FormatWARC
	case bytes.HasPrefix(h, []byte("{")):
		return FormatJSONL
	case bytes.HasPrefix(h, []byte("[")) && bytes.HasPrefix(bytes.TrimLeft(h[1:], " \t\r\n"), []byte("{")):
		return FormatJSONL // a JSON array of articles
	case bytes.HasPrefix(h, []byte("<")):
		if bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) || bytes.Contains(lower, []byte("<rdf:rdf")) {
			return FormatRSS
		}
		return FormatHTML
	}
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(name, ".gz")))
	switch ext {
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".warc":
		return FormatWARC
	}
	return FormatText
}

// isBinary reports whether head looks like binary data: a NUL byte, or
// more than one in twenty bytes a control character other than tab and
// line breaks.
func isBinary(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			ctrl++
		}
	}
	return ctrl*20 > len(head)
}

// ReadFile reads the first article of a file: a convenience for tests and
// tools that hold one article a file.
func ReadFile(ctx context.Context, path string, opts Options) (dragoman.Article, error) {
	for it, err := range Read(ctx, path, opts) {
		return it.Article, err
	}
	return dragoman.Article{}, &InputError{Input: path, Err: dragoman.Errorf(dragoman.EINVALID, "no article found")}
}

const invalidUTF8Message = "invalid UTF-8 in the input was replaced with U+FFFD"

// repairUTF8 replaces each invalid UTF-8 sequence of data with U+FFFD and
// reports whether there was one.
func repairUTF8(data []byte) ([]byte, bool) {
	if utf8.Valid(data) {
		return data, false
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD")), true
}
