package article_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/article"
)

var update = flag.Bool("update", false, "rewrite golden files and the generated example WARC")

const examplesDir = "../examples/articles"

// golden is what the golden files hold for one article.
type golden struct {
	Article  dragoman.Article      `json:"article"`
	Warnings []dragoman.Diagnostic `json:"warnings,omitempty"`
}

// TestGolden reads every shipped example article and compares what the
// readers make of it with testdata/golden/<file>.json. Run with -update to
// rewrite them; a golden file without an example fails the test.
func TestGolden(t *testing.T) {
	files, err := os.ReadDir(examplesDir)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range files {
		if f.IsDir() || strings.HasPrefix(f.Name(), ".") {
			continue
		}
		name := f.Name()
		goldenPath := filepath.Join("testdata", "golden", name+".json")
		seen[goldenPath] = true
		t.Run(name, func(t *testing.T) {
			var got []golden
			for it, err := range article.Read(context.Background(), filepath.Join(examplesDir, name), article.Options{}) {
				if err != nil {
					t.Fatalf("read: %v", err)
				}
				it.Article.Source = filepath.ToSlash(it.Article.Source)
				checkBody(t, it.Article)
				got = append(got, golden{it.Article, it.Warnings})
			}
			data, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			data = append(data, '\n')
			if *update {
				if err := os.MkdirAll(filepath.Dir(goldenPath), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(goldenPath, data, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenPath)
			if err != nil {
				t.Fatalf("%v (run go test ./article -run TestGolden -update)", err)
			}
			if !bytes.Equal(data, want) {
				t.Errorf("%s differs from what the reader gives now (run with -update if the change is right):\n%s", goldenPath, firstDiff(string(want), string(data)))
			}
		})
	}
	orphans, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.json"))
	for _, o := range orphans {
		if !seen[o] {
			if *update {
				os.Remove(o)
				continue
			}
			t.Errorf("orphaned golden file %s: its example is gone", o)
		}
	}
}

// checkBody checks the body contract on an article.
func checkBody(t *testing.T, a dragoman.Article) {
	t.Helper()
	if a.Body == "" {
		t.Errorf("%s: empty body", a.Source)
	}
	if strings.TrimSpace(a.Body) != a.Body {
		t.Errorf("%s: body has leading or trailing whitespace", a.Source)
	}
	if strings.Contains(a.Body, "\n\n\n") {
		t.Errorf("%s: body has more than one blank line between paragraphs", a.Source)
	}
	for _, p := range strings.Split(a.Body, "\n\n") {
		if p == "" || strings.Contains(p, "\n") || strings.TrimSpace(p) != p {
			t.Errorf("%s: paragraph %q breaks the body contract", a.Source, p)
		}
	}
	if len(a.ID) != 16 {
		t.Errorf("%s: id %q", a.Source, a.ID)
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, x, y)
		}
	}
	return ""
}

// TestExampleWARC checks that examples/articles/crawl.warc.gz is what
// testdata/warc/*.html make, and rewrites it with -update. The file holds
// a warcinfo record, and for each page a request and an HTML response,
// plus an image response that the reader must skip; each record is its
// own gzip member, as Common Crawl writes them.
func TestExampleWARC(t *testing.T) {
	want := buildExampleWARC(t)
	path := filepath.Join(examplesDir, "crawl.warc.gz")
	if *update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run go test ./article -run TestExampleWARC -update", path)
	}
}

func buildExampleWARC(t *testing.T) []byte {
	t.Helper()
	pages, err := filepath.Glob(filepath.Join("testdata", "warc", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages under testdata/warc: %v", err)
	}
	sort.Strings(pages)
	var out bytes.Buffer
	n := 0
	record := func(typ, uri, ctype string, block []byte) {
		n++
		var h bytes.Buffer
		fmt.Fprintf(&h, "WARC/1.1\r\nWARC-Type: %s\r\n", typ)
		fmt.Fprintf(&h, "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n", n)
		fmt.Fprintf(&h, "WARC-Date: 2025-03-%02dT12:00:00Z\r\n", 1+n%28)
		if uri != "" {
			fmt.Fprintf(&h, "WARC-Target-URI: %s\r\n", uri)
		}
		fmt.Fprintf(&h, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", ctype, len(block))
		h.Write(block)
		h.WriteString("\r\n\r\n")
		zw := gzip.NewWriter(&out)
		zw.Write(h.Bytes())
		zw.Close()
	}
	record("warcinfo", "", "application/warc-fields", []byte("software: dragoman example generator\r\nformat: WARC File Format 1.1\r\n"))
	for _, p := range pages {
		html, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		slug := strings.TrimSuffix(filepath.Base(p), ".html")
		uri := "https://news.example/world/" + slug
		record("request", uri, "application/http; msgtype=request", []byte("GET /world/"+slug+" HTTP/1.1\r\nHost: news.example\r\n\r\n"))
		resp := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n", len(html))
		record("response", uri, "application/http; msgtype=response", append([]byte(resp), html...))
	}
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	resp := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: %d\r\n\r\n", len(png))
	record("response", "https://news.example/logo.png", "application/http; msgtype=response", append([]byte(resp), png...))
	return out.Bytes()
}
