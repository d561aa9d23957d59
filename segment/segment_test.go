package segment_test

import (
	"context"
	"slices"
	"testing"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/segment"
)

// annotate segments body and fails the test on error.
func annotate(t testing.TB, body string) *dragoman.Document {
	t.Helper()
	d := dragoman.NewDocument(dragoman.Article{Body: body})
	if err := segment.New().Annotate(context.Background(), d); err != nil {
		t.Fatalf("Annotate: %v", err)
	}
	return d
}

func sentenceTexts(d *dragoman.Document) []string {
	var out []string
	for _, s := range d.Sentences {
		out = append(out, s.Text)
	}
	return out
}

func tokenTexts(d *dragoman.Document) []string {
	var out []string
	for _, tk := range d.Tokens {
		out = append(out, tk.Text)
	}
	return out
}

func TestName(t *testing.T) {
	if got := segment.New().Name(); got != "segment" {
		t.Errorf("Name() = %q, want segment", got)
	}
}

func TestParagraphs(t *testing.T) {
	d := annotate(t, "First paragraph here.\n\nSecond one. It has two sentences.")
	if len(d.Paragraphs) != 2 {
		t.Fatalf("got %d paragraphs, want 2", len(d.Paragraphs))
	}
	want := []string{"First paragraph here.", "Second one.", "It has two sentences."}
	if got := sentenceTexts(d); !slices.Equal(got, want) {
		t.Errorf("sentences = %q, want %q", got, want)
	}
	if s := d.Sentences[2]; s.Paragraph != 1 || d.Tokens[s.TokenStart].Text != "It" {
		t.Errorf("third sentence: paragraph %d, first token %q", s.Paragraph, d.Tokens[s.TokenStart].Text)
	}
}
