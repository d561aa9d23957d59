package article_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dragoman-news/dragoman/article"
)

const goodText = `Leaders meet in Vienna to discuss the future of the energy charter
VIENNA — Ministers from twenty countries met in Vienna on Monday to discuss the future of the energy charter treaty, which several members have left.
"We are here to decide whether the treaty still has a purpose," the chair of the meeting, Austrian Energy Minister Klara Steiner, said.
`

// read collects what Read yields for one input.
func read(t *testing.T, path string, opts article.Options) (items []article.Item, errs []error) {
	t.Helper()
	for it, err := range article.Read(context.Background(), path, opts) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		items = append(items, it)
	}
	return items, errs
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(data []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	t.Run("Binary", func(t *testing.T) {
		p := write(t, dir, "image.bin", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"))
		items, errs := read(t, p, article.Options{})
		if len(items) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "binary") || !strings.Contains(errs[0].Error(), p) {
			t.Fatalf("items %d, errs %v", len(items), errs)
		}
	})
	t.Run("Empty", func(t *testing.T) {
		p := write(t, dir, "empty.txt", nil)
		_, errs := read(t, p, article.Options{})
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), "empty") || !strings.Contains(errs[0].Error(), p) {
			t.Fatalf("errs %v", errs)
		}
	})
	t.Run("OnlySpace", func(t *testing.T) {
		p := write(t, dir, "blank.txt", []byte("\n\n   \n"))
		_, errs := read(t, p, article.Options{})
		if len(errs) != 1 {
			t.Fatalf("errs %v", errs)
		}
	})
	t.Run("Missing", func(t *testing.T) {
		p := filepath.Join(dir, "nope.txt")
		_, errs := read(t, p, article.Options{})
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), p) {
			t.Fatalf("errs %v", errs)
		}
	})
	t.Run("InvalidUTF8", func(t *testing.T) {
		p := write(t, dir, "latin1.txt", []byte(strings.Replace(goodText, "Austrian", "\xd6sterreich's", 1)))
		items, errs := read(t, p, article.Options{})
		if len(errs) != 0 || len(items) != 1 {
			t.Fatalf("items %d errs %v", len(items), errs)
		}
		a := items[0].Article
		if !utf8.ValidString(a.Body) || !strings.Contains(a.Body, "\uFFFDsterreich") {
			t.Errorf("body not repaired: %q", a.Body)
		}
		if !hasWarning(items[0], "invalid_utf8") {
			t.Errorf("no invalid_utf8 warning: %v", items[0].Warnings)
		}
	})
	t.Run("TruncatedGzip", func(t *testing.T) {
		var jl bytes.Buffer
		for range 200 {
			jl.WriteString(`{"title":"Talks resume","text":"` + strings.Repeat("Envoys met again in Oslo on Tuesday and said the talks would go on. ", 20) + `"}` + "\n")
		}
		z := gz(jl.Bytes())
		p := write(t, dir, "cut.jsonl.gz", z[:len(z)*2/3])
		items, errs := read(t, p, article.Options{})
		if len(items) == 0 {
			t.Errorf("no article read before the cut")
		}
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), p) || !strings.Contains(errs[0].Error(), "truncated") {
			t.Errorf("errs %v", errs)
		}
	})
	t.Run("GzipText", func(t *testing.T) {
		p := write(t, dir, "good.txt.gz", gz([]byte(goodText)))
		items, errs := read(t, p, article.Options{})
		if len(errs) != 0 || len(items) != 1 || items[0].Article.Dateline == nil {
			t.Fatalf("items %v errs %v", items, errs)
		}
	})
	t.Run("BadJSONLine", func(t *testing.T) {
		data := `{"title":"One","text":"The first article says the envoys met in Oslo and agreed to meet again."}
{"title": "Two", "text": broken}
not json at all

{"title":"Three","text":"The third article says the envoys met in Rome and agreed to meet again."}
`
		p := write(t, dir, "mixed.jsonl", []byte(data))
		items, errs := read(t, p, article.Options{})
		if len(items) != 2 || len(errs) != 2 {
			t.Fatalf("items %d errs %v", len(items), errs)
		}
		if !strings.Contains(errs[0].Error(), p+": line 2") || !strings.Contains(errs[1].Error(), p+": line 3") {
			t.Errorf("errors do not name the lines: %v", errs)
		}
		if items[1].Article.Source != p+"#line5" {
			t.Errorf("source %q", items[1].Article.Source)
		}
	})
	t.Run("HugeSingleLine", func(t *testing.T) {
		// 50 MB on one line: the text reader stops at the cap, the JSON
		// Lines reader skips the line without holding it.
		big := bytes.Repeat([]byte("word "), 10<<20)
		p := write(t, dir, "huge.txt", big)
		_, errs := read(t, p, article.Options{})
		if len(errs) != 1 || !errors.Is(errs[0], article.ErrTooLarge) {
			t.Errorf("text: errs %v", errs)
		}
		line := append([]byte(`{"title":"x","text":"`), big...)
		line = append(line, "\"}\n"+`{"title":"Small","text":"A small article follows the huge one and must still be read."}`+"\n"...)
		p = write(t, dir, "huge.jsonl", line)
		items, errs := read(t, p, article.Options{})
		if len(items) != 1 || len(errs) != 1 || !errors.Is(errs[0], article.ErrTooLarge) || !strings.Contains(errs[0].Error(), "line 1") {
			t.Errorf("jsonl: items %d errs %v", len(items), errs)
		}
	})
	t.Run("MalformedHTML", func(t *testing.T) {
		p := write(t, dir, "broken.html", []byte("<html><body><p>MOSCOW (Reuters) - Officials said on Monday that <b>talks would <i>resume</p><div><p>in the spring, after a pause of two months.</table></html"))
		items, errs := read(t, p, article.Options{})
		if len(errs) != 0 || len(items) != 1 {
			t.Fatalf("items %d errs %v", len(items), errs)
		}
	})
	t.Run("MalformedFeed", func(t *testing.T) {
		p := write(t, dir, "broken.rss", []byte(`<?xml version="1.0"?><rss><channel><item><title>One</title><description>Text`))
		_, errs := read(t, p, article.Options{})
		if len(errs) == 0 || !strings.Contains(errs[0].Error(), p) {
			t.Fatalf("errs %v", errs)
		}
	})
	t.Run("BrokenWARCRecord", func(t *testing.T) {
		page := "<html><body><p>GENEVA — Negotiators said on Friday that the talks would resume next week after a pause, and that both sides had agreed on an agenda for the next round of meetings.</p></body></html>"
		resp := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
		rec := func(uri, block string, length int) string {
			return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri + "\r\nWARC-Date: 2025-01-02T03:04:05Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
				itoa(length) + "\r\n\r\n" + block + "\r\n\r\n"
		}
		data := rec("https://a.example/1", resp, len(resp)) +
			"garbage line\r\nmore garbage\r\n" +
			rec("https://a.example/2", resp, len(resp))
		p := write(t, dir, "bad.warc", []byte(data))
		items, errs := read(t, p, article.Options{})
		if len(items) != 2 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "record 2") {
			t.Fatalf("items %d errs %v", len(items), errs)
		}
		if items[0].Article.URL != "https://a.example/1" || items[0].Article.Published == nil {
			t.Errorf("article 1: %+v", items[0].Article)
		}
	})
	t.Run("NotEnglish", func(t *testing.T) {
		p := write(t, dir, "fr.txt", []byte("Les ministres se sont réunis lundi à Paris\nLes ministres des affaires étrangères se sont réunis lundi à Paris pour discuter de la situation au Proche-Orient, selon un communiqué publié par le ministère.\n"))
		items, _ := read(t, p, article.Options{})
		if len(items) != 1 || items[0].Article.Language != "und" || !hasWarning(items[0], "not_english") {
			t.Fatalf("items %+v", items)
		}
	})
	t.Run("Directory", func(t *testing.T) {
		d := filepath.Join(dir, "tree")
		os.MkdirAll(filepath.Join(d, "b"), 0o755)
		os.MkdirAll(filepath.Join(d, ".hidden"), 0o755)
		write(t, d, "a.txt", []byte(goodText))
		write(t, filepath.Join(d, "b"), "c.txt", []byte(goodText))
		write(t, filepath.Join(d, ".hidden"), "x.txt", []byte(goodText))
		items, errs := read(t, d, article.Options{})
		if len(errs) != 0 || len(items) != 2 || !strings.HasSuffix(items[1].Article.Source, filepath.Join("b", "c.txt")) {
			t.Fatalf("items %d errs %v", len(items), errs)
		}
	})
	t.Run("TooLarge", func(t *testing.T) {
		p := write(t, dir, "big.txt", []byte(goodText))
		_, errs := read(t, p, article.Options{MaxArticleBytes: 100})
		if len(errs) != 1 || !errors.Is(errs[0], article.ErrTooLarge) || !strings.Contains(errs[0].Error(), "article too large") {
			t.Fatalf("errs %v", errs)
		}
	})
}

func hasWarning(it article.Item, code string) bool {
	for _, w := range it.Warnings {
		if w.Code == code {
			return true
		}
	}
	return false
}

func itoa(n int) string {
	return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(n))
}

func fmtInt(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// TestStopEarly breaks out of the loop after the first article of every
// example: the readers must stop without calling on (which would panic).
func TestStopEarly(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(examplesDir, "*"))
	for _, f := range files {
		n := 0
		for range article.Read(context.Background(), f, article.Options{}) {
			n++
			break
		}
		if n != 1 {
			t.Errorf("%s: %d", f, n)
		}
	}
	n := 0
	for range article.ReadAll(context.Background(), []string{examplesDir, examplesDir}, article.Options{}) {
		if n++; n == 3 {
			break
		}
	}
}

// TestCanceled checks that a canceled context ends reading with an error.
func TestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var errs []error
	for _, err := range article.Read(ctx, filepath.Join(examplesDir, "wire.jsonl"), article.Options{}) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) == 0 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("errs %v", errs)
	}
}

func TestJSONDocuments(t *testing.T) {
	dir := t.TempDir()
	one := `{"title": "Envoys meet in Oslo", "text": "OSLO — Envoys met in Oslo on Tuesday and agreed to meet again next month."}`
	pretty := "{\n  \"title\": \"Envoys meet in Oslo\",\n  \"text\": \"OSLO — Envoys met in Oslo on Tuesday and agreed to meet again.\"\n}\n"
	for _, tc := range []struct {
		name, data string
		items      int
		errs       int
	}{
		{"Array", "[\n" + one + ",\n" + one + "\n]\n", 2, 0},
		{"ArrayWithBadItem", "[" + one + `, {"title": "no text"}, ` + one + "]", 2, 1},
		{"Pretty", pretty + pretty, 2, 0},
		{"Unterminated", "[" + one + ",", 1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, dir, tc.name+".json", []byte(tc.data))
			items, errs := read(t, p, article.Options{})
			if len(items) != tc.items || len(errs) != tc.errs {
				t.Fatalf("items %d errs %v", len(items), errs)
			}
			if items[0].Article.Format != article.FormatJSONL || items[0].Article.Dateline == nil || items[0].Article.Source != p+"#item1" {
				t.Errorf("%+v", items[0].Article)
			}
		})
	}
}

// TestReadOwnOutput reads documents printed by analyze back as articles.
func TestReadOwnOutput(t *testing.T) {
	src, err := article.ReadFile(context.Background(), filepath.Join(examplesDir, "moscow-grain.txt"), article.Options{})
	if err != nil {
		t.Fatal(err)
	}
	line, _ := json.Marshal(map[string]any{"schema": "dragoman.document/1", "article": src, "paragraphs": []any{}})
	p := write(t, t.TempDir(), "out.jsonl", append(line, '\n'))
	items, errs := read(t, p, article.Options{})
	if len(errs) != 0 || len(items) != 1 {
		t.Fatalf("items %d errs %v", len(items), errs)
	}
	got := items[0].Article
	if got.ID != src.ID || got.Body != src.Body || got.Title != src.Title || got.Dateline == nil || got.Dateline.Agency != "Reuters" || got.Format != article.FormatJSONL {
		t.Errorf("got %+v", got)
	}
}

// TestWET reads a WARC conversion record (Common Crawl's WET files: text
// already extracted) as plain text.
func TestWET(t *testing.T) {
	text := "Envoys agree on prisoner exchange\nGENEVA — Envoys of the two governments agreed on Friday to exchange prisoners next week, the International Committee of the Red Cross said.\n"
	rec := "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://news.example/swap\r\nWARC-Date: 2025-04-04T10:00:00Z\r\nContent-Type: text/plain\r\nContent-Length: " + itoa(len(text)) + "\r\n\r\n" + text + "\r\n\r\n"
	p := write(t, t.TempDir(), "x.warc.wet", []byte(rec))
	items, errs := read(t, p, article.Options{})
	if len(items) != 1 || len(errs) != 0 {
		t.Fatalf("items %d errs %v", len(items), errs)
	}
	a := items[0].Article
	if a.Title != "Envoys agree on prisoner exchange" || a.URL != "https://news.example/swap" || a.Dateline == nil || a.Format != article.FormatWARC || a.Published == nil {
		t.Errorf("%+v", a)
	}
}
