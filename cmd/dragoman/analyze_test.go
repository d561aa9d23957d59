package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman"
)

const batchArticle = `%s
PARIS — Foreign ministers of the Group of Seven met in Paris on Thursday and agreed to coordinate new sanctions, the French foreign ministry said.
"We will act together or not at all," the French foreign minister, Claire Dubois, told reporters after the meeting.
`

// TestAnalyzeBatch runs analyze on a batch mixing a binary file, a file
// with invalid UTF-8, a truncated gzip file, an empty file and good
// articles: the bad inputs are named on stderr, the good articles (and the
// repaired one) come out in input order, and the command fails.
func TestAnalyzeBatch(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte(strings.Repeat(strings.ReplaceAll(batchArticle, "%s", "Truncated"), 50)))
	zw.Close()
	inputs := []string{
		write("1-good.txt", []byte(strings.ReplaceAll(batchArticle, "%s", "First headline"))),
		write("2-binary.bin", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00")),
		write("3-latin1.txt", []byte(strings.ReplaceAll(batchArticle, "%s", "Caf\xe9 headline"))),
		write("4-cut.txt.gz", z.Bytes()[:z.Len()/2]),
		write("5-empty.txt", nil),
		write("6-good.txt", []byte(strings.ReplaceAll(batchArticle, "%s", "Last headline"))),
		filepath.Join(dir, "7-missing.txt"),
	}
	var stdout, stderr bytes.Buffer
	err := runAnalyze(context.Background(), inputs, analyzeFlags{jsonl: true, jobs: 2, until: "segment"}, &stdout, &stderr)
	if err == nil {
		t.Fatal("analyze succeeded on a batch with bad inputs")
	}
	var titles []string
	for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		var d dragoman.Document
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("bad output line %q: %v", line, err)
		}
		titles = append(titles, d.Article.Title)
		if d.Tokens != nil {
			t.Errorf("tokens printed without --tokens")
		}
		if strings.HasPrefix(d.Article.Title, "Caf") {
			found := false
			for _, w := range d.Warnings {
				found = found || w.Code == "invalid_utf8"
			}
			if !found {
				t.Errorf("no invalid_utf8 warning on the repaired article: %v", d.Warnings)
			}
		}
	}
	want := []string{"First headline", "Caf\uFFFD headline", "Last headline"}
	if strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Errorf("titles %q, want %q", titles, want)
	}
	for _, bad := range []string{"2-binary.bin", "4-cut.txt.gz", "5-empty.txt", "7-missing.txt"} {
		if !strings.Contains(stderr.String(), bad) {
			t.Errorf("stderr does not name %s:\n%s", bad, stderr.String())
		}
	}
	for _, good := range []string{"1-good.txt", "3-latin1.txt", "6-good.txt"} {
		if strings.Contains(stderr.String(), good) {
			t.Errorf("stderr names a good input %s:\n%s", good, stderr.String())
		}
	}
}

// TestAnalyzeOrder checks that parallel analysis prints in input order.
func TestAnalyzeOrder(t *testing.T) {
	dir := t.TempDir()
	var inputs []string
	for i := range 12 {
		p := filepath.Join(dir, string(rune('a'+i))+".txt")
		os.WriteFile(p, []byte(strings.ReplaceAll(batchArticle, "%s", "Headline "+string(rune('A'+i)))), 0o644)
		inputs = append(inputs, p)
	}
	var stdout, stderr bytes.Buffer
	if err := runAnalyze(context.Background(), inputs, analyzeFlags{jsonl: true, jobs: 4, tokens: true, until: "segment"}, &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 12 {
		t.Fatalf("%d documents", len(lines))
	}
	for i, line := range lines {
		var d dragoman.Document
		json.Unmarshal([]byte(line), &d)
		if want := "Headline " + string(rune('A'+i)); d.Article.Title != want {
			t.Errorf("document %d is %q, want %q", i, d.Article.Title, want)
		}
		if len(d.Tokens) == 0 {
			t.Errorf("document %d: no tokens with --tokens", i)
		}
	}
}

// TestAnalyzeFlags checks --until with an unknown stage and -o.
func TestAnalyzeFlags(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := runAnalyze(context.Background(), []string{"../../examples/articles/geneva-talks.txt"}, analyzeFlags{until: "nosuchstage", jobs: 1}, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "nosuchstage") {
		t.Errorf("--until nosuchstage: %v", err)
	}
	out := filepath.Join(t.TempDir(), "out.json")
	err = runAnalyze(context.Background(), []string{"../../examples/articles/geneva-talks.txt"}, analyzeFlags{until: "segment", output: out, published: "2025-03-14", jobs: 1}, &stdout, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var d dragoman.Document
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	if d.Article.Published == nil || d.Article.Published.Time.Format("2006-01-02") != "2025-03-14" || len(d.Sentences) == 0 || stdout.Len() != 0 {
		t.Errorf("published %+v, %d sentences, stdout %d bytes", d.Article.Published, len(d.Sentences), stdout.Len())
	}
}
