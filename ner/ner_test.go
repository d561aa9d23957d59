package ner_test

import (
	"context"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/ner"
)

// makeDoc splits body into paragraphs at blank lines, sentences at lines
// ending in . ! or ? and tokens at spaces and punctuation: a stand-in for
// segment/ that keeps the test independent of it.
func makeDoc(body string) *dragoman.Document {
	d := dragoman.NewDocument(dragoman.Article{Body: body})
	start := -1
	flush := func(end int) {
		if start >= 0 {
			d.Tokens = append(d.Tokens, dragoman.Token{Span: d.Span(start, end)})
			start = -1
		}
	}
	sentStart, tokStart := 0, 0
	endSentence := func(end int) {
		if len(d.Tokens) > tokStart {
			d.Sentences = append(d.Sentences, dragoman.Sentence{
				Span: d.Span(sentStart, end), Index: len(d.Sentences),
				TokenStart: tokStart, TokenEnd: len(d.Tokens),
			})
		}
		tokStart = len(d.Tokens)
		sentStart = end
	}
	for i, r := range body {
		switch {
		case unicode.IsSpace(r):
			flush(i)
			if r == '\n' {
				endSentence(i)
			}
		case unicode.IsPunct(r) && r != '-' && r != '\'':
			flush(i)
			d.Tokens = append(d.Tokens, dragoman.Token{Span: d.Span(i, i+utf8.RuneLen(r))})
			if r == '.' || r == '!' || r == '?' {
				endSentence(i + 1)
			}
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flush(len(body))
	endSentence(len(body))
	return d
}

func tagger(t testing.TB) *ner.Tagger {
	t.Helper()
	tg, err := ner.New()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// checkMentions verifies the invariants every output must keep: spans in
// the body, on token boundaries, carrying their text, in order, typed.
func checkMentions(t testing.TB, d *dragoman.Document) {
	t.Helper()
	prev := -1
	for _, m := range d.Mentions {
		if m.Start < 0 || m.End > len(d.Article.Body) || m.Start >= m.End {
			t.Fatalf("mention %+v outside body of %d bytes", m, len(d.Article.Body))
		}
		if d.Article.Body[m.Start:m.End] != m.Text {
			t.Fatalf("mention text %q, body has %q", m.Text, d.Article.Body[m.Start:m.End])
		}
		if m.Start < prev {
			t.Fatalf("mentions out of order at %+v", m)
		}
		prev = m.End
		if m.Origin != "model" || m.Score <= 0 || m.Score >= 1 {
			t.Fatalf("mention %+v: want origin model and a score in (0,1)", m)
		}
		switch m.Type {
		case dragoman.Person, dragoman.Organization, dragoman.GPE, dragoman.Location, dragoman.NORP, dragoman.Misc:
		default:
			t.Fatalf("mention %+v has unexpected type", m)
		}
		if m.Sentence < 0 || m.Sentence >= len(d.Sentences) || !d.Sentences[m.Sentence].Contains(m.Span) {
			t.Fatalf("mention %+v not inside its sentence", m)
		}
	}
}

func mentionTypes(d *dragoman.Document) map[string]dragoman.EntityType {
	out := map[string]dragoman.EntityType{}
	for _, m := range d.Mentions {
		out[m.Text] = m.Type
	}
	return out
}

func TestAnnotate(t *testing.T) {
	tg := tagger(t)
	body := "Foreign Minister Anna Kowalski of Poland met officials from the European Commission in Brussels on Tuesday.\n\n" +
		"Kowalski said Polish farmers would not accept the plan, according to a statement from the Warsaw government.\n\n" +
		"The talks in Geneva were also attended by Toyota and the United Nations."
	d := makeDoc(body)
	if err := tg.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	checkMentions(t, d)
	got := mentionTypes(d)
	want := map[string]dragoman.EntityType{
		"Anna Kowalski":       dragoman.Person,
		"Poland":              dragoman.GPE,
		"European Commission": dragoman.Organization,
		"Brussels":            dragoman.GPE,
		"Kowalski":            dragoman.Person,
		"Polish":              dragoman.NORP,
		"Geneva":              dragoman.GPE,
		"United Nations":      dragoman.Organization,
	}
	for text, typ := range want {
		if got[text] != typ {
			t.Errorf("%q: got type %q, want %q (all: %v)", text, got[text], typ, got)
		}
	}
	if d.Mentions[0].Sentence != 0 {
		t.Errorf("first mention in sentence %d, want 0", d.Mentions[0].Sentence)
	}
}

// TestBadInput runs text that is hard for a tagger trained on newswire:
// it must not crash, must keep the invariants, and must not call every
// word a name.
func TestBadInput(t *testing.T) {
	tg := tagger(t)
	long := strings.Repeat("the minister of the interior said that talks with the delegation from Berlin would continue and ", 400)
	cases := []struct {
		name, body string
		maxShare   float64 // most mentions per token allowed
	}{
		{"AllCapsHeadline", "RUSSIA AND UKRAINE AGREE TO PRISONER EXCHANGE AFTER TALKS IN ISTANBUL\n\nOfficials from both countries met in Istanbul on Friday.", 0.5},
		{"NoCapitals", "vladimir putin met donald trump in helsinki where they discussed nato and the european union.", 0.5},
		{"VeryLongSentence", long, 0.2},
		{"Russian", "Министр иностранных дел России Сергей Лавров встретился с коллегами в Москве.", 1},
		{"Chinese", "中国外交部发言人在北京举行例行记者会。", 1},
		{"Table", "Name Country Points\nSmith Kenya 12\nJones Ethiopia 10\nGarcia Spain 9", 1},
		{"Punctuation", "!!! ... ??? --- ((( ))) \"\" ''", 0},
		{"Empty", "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := makeDoc(c.body)
			if err := tg.Annotate(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			checkMentions(t, d)
			if n := len(d.Tokens); n > 0 && float64(len(d.Mentions)) > c.maxShare*float64(n) {
				t.Errorf("%d mentions over %d tokens", len(d.Mentions), n)
			}
		})
	}
}

func TestAllCapsHeadlineFindsNames(t *testing.T) {
	tg := tagger(t)
	d := makeDoc("Officials from Russia and Ukraine met in Istanbul on Friday.\n\nRUSSIA AND UKRAINE AGREE TO PRISONER EXCHANGE")
	if err := tg.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, m := range d.Mentions {
		if m.Sentence == 1 && (m.Text == "RUSSIA" || m.Text == "UKRAINE") {
			found++
		}
	}
	if found != 2 {
		t.Errorf("headline: found %d of RUSSIA, UKRAINE in %+v", found, d.Mentions)
	}
}

func TestWarnsOnOtherLanguages(t *testing.T) {
	tg := tagger(t)
	d := makeDoc("Le président Emmanuel Macron a rencontré Olaf Scholz à Berlin.")
	d.Article.Language = "fr"
	if err := tg.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	checkMentions(t, d)
	if len(d.Warnings) != 1 || d.Warnings[0].Code != "not_english" {
		t.Errorf("warnings %+v, want one not_english", d.Warnings)
	}
}

func TestCanceled(t *testing.T) {
	tg := tagger(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := makeDoc("Angela Merkel visited Paris.")
	if err := tg.Annotate(ctx, d); err == nil {
		t.Fatal("want an error from a canceled context")
	}
}

func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"Barack Obama visited Kenya.",
		"NATO SUMMIT IN VILNIUS",
		"\u201cWe will not give up,\u201d said Zelenskiy.",
		"a\n\nb",
		"\xff\xfe broken UTF-8 Paris",
	} {
		f.Add(s)
	}
	tg := tagger(f)
	f.Fuzz(func(t *testing.T, body string) {
		d := makeDoc(body)
		if err := tg.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkMentions(t, d)
	})
}
