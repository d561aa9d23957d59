package article_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dragoman-news/dragoman/article"
)

// fuzzRead reads data with the given format forced and checks what comes
// out: valid UTF-8 everywhere, the body contract, an error that names the
// input.
func fuzzRead(t *testing.T, format string, data []byte) {
	opts := article.Options{Format: format, MaxArticleBytes: 1 << 20}
	for it, err := range article.ReadReader(context.Background(), bytes.NewReader(data), "fuzz-input", opts) {
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz-input") {
				t.Fatalf("error does not name the input: %v", err)
			}
			continue
		}
		a := it.Article
		for name, s := range map[string]string{"title": a.Title, "summary": a.Summary, "body": a.Body, "contact": a.Contact, "url": a.URL, "site": a.SiteName} {
			if !utf8.ValidString(s) {
				t.Fatalf("%s is not valid UTF-8: %q", name, s)
			}
		}
		for _, b := range a.Bylines {
			if !utf8.ValidString(b) {
				t.Fatalf("byline not valid UTF-8: %q", b)
			}
		}
		if a.Body == "" || strings.TrimSpace(a.Body) != a.Body || strings.Contains(a.Body, "\n\n\n") {
			t.Fatalf("body breaks the contract: %q", a.Body)
		}
		for _, p := range strings.Split(a.Body, "\n\n") {
			if p == "" || strings.Contains(p, "\n") {
				t.Fatalf("paragraph breaks the contract: %q", p)
			}
		}
		if len(a.ID) != 16 {
			t.Fatalf("id %q", a.ID)
		}
	}
}

func addExamples(f *testing.F, pattern string) {
	files, _ := filepath.Glob(filepath.Join(examplesDir, pattern))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
}

func FuzzText(f *testing.F) {
	addExamples(f, "*.txt")
	f.Add([]byte("Title\nSummary\nA dek.LONDON, Jan. 5 (AP) —Body text here.\nBy Jane Doe"))
	f.Add([]byte("Friday, January 4, 2019\n\nText.\n\n\n"))
	f.Add([]byte("\xff\xfe\x00bad"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, article.FormatText, data) })
}

func FuzzHTML(f *testing.F) {
	addExamples(f, "*.html")
	f.Add([]byte("<html><body><p>WASHINGTON — Text<br><br>more</p></body></html>"))
	f.Add([]byte("<p><b><i>unclosed"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, article.FormatHTML, data) })
}

func FuzzJSONL(f *testing.F) {
	addExamples(f, "*.jsonl")
	f.Add([]byte(`{"title":"t","text":"x","published":12345}` + "\n{bad\n" + `{"html":"<p>hi</p>","byline":["a","b"]}`))
	f.Add([]byte("[{\"title\":\"t\",\"text\":\"x y z\"},\n{\"body\":\"<p>a</p>\"}]"))
	f.Add([]byte("{\n \"title\": \"t\",\n \"text\": \"pretty\"\n}\n{\"text\":\"two\"}"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, article.FormatJSONL, data) })
}

func FuzzFeed(f *testing.F) {
	addExamples(f, "*.rss")
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title><content type="html">&lt;p&gt;Hi there&lt;/p&gt;</content></entry></feed>`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, article.FormatRSS, data) })
}

func FuzzWARC(f *testing.F) {
	addExamples(f, "*.warc.gz")
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 60\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Some text</p>\r\n\r\n"))
	f.Add([]byte("WARC/1.1\r\nContent-Length: -1\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, article.FormatWARC, data) })
}
