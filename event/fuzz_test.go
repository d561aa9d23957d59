package event_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dragoman-news/dragoman/event"
)

// FuzzCode feeds arbitrary text to both coders: no panic, and every span
// lies inside the text and covers what it claims.
func FuzzCode(f *testing.F) {
	for _, s := range []string{
		"Russia’s attacks on Ukraine",
		"Britain and Sweden have suggested they would be willing to put their own troops on the ground.",
		"a phone call Trump held with Putin last week",
		"between himself and",
		"the two nations",
		", , and and 's 's",
		"Arnor is about to restore full diplomatic ties with Gondor",
		"“no thought\" of making territorial concessions",
	} {
		f.Add(s)
	}
	d := event.NewDictionaries()
	if err := d.Load("verbs", strings.NewReader("--- MEET [040:040] ---\nMEET {MET}\n- * WITH % [031]\n- + * $ [041]\n- ^ * [042]\n")); err != nil {
		f.Fatal(err)
	}
	if err := d.Load("actors", strings.NewReader("ARNOR [ARN]\nGONDOR [GON]\n+MINAS_TIRITH\n")); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		d.CodeText(text, event.SentenceOptions{Date: 20250101, AllowMonad: true})
		doc := docOf(text)
		if err := coder(t).Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		body := doc.Article.Body
		for _, ev := range doc.Events {
			for _, sp := range []struct{ s, e int }{{ev.Trigger.Start, ev.Trigger.End}, {ev.Evidence.Start, ev.Evidence.End}} {
				if sp.s < 0 || sp.e > len(body) || sp.s > sp.e {
					t.Fatalf("span %v outside the text", sp)
				}
			}
			if body[ev.Trigger.Start:ev.Trigger.End] != ev.Trigger.Text {
				t.Fatalf("trigger text %q does not match", ev.Trigger.Text)
			}
		}
	})
}
