package quote_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// verbTable renders the verb lines of lexicon.tsv as the Markdown table of
// docs/quotes.md, one row per line in file order.
func verbTable(tsv string) string {
	var b strings.Builder
	b.WriteString("| lemma | forms | frames |\n|---|---|---|\n")
	for _, line := range strings.Split(tsv, "\n") {
		f := strings.FieldsFunc(strings.TrimSpace(line), func(r rune) bool { return r == '\t' })
		if len(f) != 4 || f[0] != "verb" {
			continue
		}
		b.WriteString("| " + f[1] + " | " + strings.ReplaceAll(f[2], ",", ", ") + " | " + f[3] + " |\n")
	}
	return b.String()
}

// TestDocsVerbTable checks that the verb table in docs/quotes.md is the one
// lexicon.tsv gives; -update rewrites the table in the document.
func TestDocsVerbTable(t *testing.T) {
	tsv, err := os.ReadFile("lexicon.tsv")
	if err != nil {
		t.Fatal(err)
	}
	docPath := filepath.Join("..", "docs", "quotes.md")
	doc, err := os.ReadFile(docPath)
	if err != nil {
		t.Skipf("%s: %v", docPath, err)
	}
	text := string(doc)
	start := strings.Index(text, "| lemma | forms | frames |\n")
	if start < 0 {
		t.Fatalf("%s: no verb table (header \"| lemma | forms | frames |\")", docPath)
	}
	end := strings.Index(text[start:], "\n\n")
	if end < 0 {
		end = len(text) - start
	}
	end += start + 1
	want := verbTable(string(tsv))
	if text[start:end] == want {
		return
	}
	if *update {
		if err := os.WriteFile(docPath, []byte(text[:start]+want+text[end:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s: the verb table differs from lexicon.tsv (run go test ./quote -run TestDocsVerbTable -update); want:\n%s", docPath, want)
}
