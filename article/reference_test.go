package article_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman/article"
	"github.com/dragoman-news/dragoman/internal/shared"
)

// TestReference reads the reference article from ../shared and checks
// every field of the article part of its expected.json.
func TestReference(t *testing.T) {
	dir := shared.Dir(t, "examples", "riyadh-talks")
	raw, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want struct {
		Article struct {
			Title    string `json:"title"`
			Summary  string `json:"summary"`
			Dateline struct {
				Place       string `json:"place"`
				Country     string `json:"country"`
				CountryCode string `json:"country_code"`
			} `json:"dateline"`
			Byline         []string `json:"byline"`
			Contact        string   `json:"contact"`
			BodyStartsWith string   `json:"body_starts_with"`
			BodyEndsWith   string   `json:"body_ends_with"`
			MustNotContain []string `json:"body_must_not_contain"`
			Paragraphs     int      `json:"paragraphs"`
		} `json:"article"`
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	w := want.Article
	a, err := article.ReadFile(context.Background(), filepath.Join(dir, "article.txt"), article.Options{})
	if err != nil {
		t.Fatal(err)
	}
	check := func(field, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", field, got, want)
		}
	}
	check("title", a.Title, w.Title)
	check("summary", a.Summary, w.Summary)
	if a.Dateline == nil {
		t.Fatal("no dateline")
	}
	check("dateline.place", a.Dateline.Place, w.Dateline.Place)
	check("dateline.country", a.Dateline.Country, w.Dateline.Country)
	check("dateline.country_code", a.Dateline.CountryCode, w.Dateline.CountryCode)
	check("bylines", strings.Join(a.Bylines, "|"), strings.Join(w.Byline, "|"))
	check("contact", a.Contact, w.Contact)
	if !strings.HasPrefix(a.Body, w.BodyStartsWith) {
		t.Errorf("body starts %q, want %q", a.Body[:min(len(a.Body), 80)], w.BodyStartsWith)
	}
	if !strings.HasSuffix(a.Body, w.BodyEndsWith) {
		t.Errorf("body ends %q, want %q", a.Body[max(0, len(a.Body)-80):], w.BodyEndsWith)
	}
	for _, s := range w.MustNotContain {
		if strings.Contains(a.Body, s) {
			t.Errorf("body contains %q", s)
		}
	}
	if n := len(strings.Split(a.Body, "\n\n")); n != w.Paragraphs {
		t.Errorf("%d paragraphs, want %d", n, w.Paragraphs)
	}
	if a.Language != "en" {
		t.Errorf("language = %q, want en", a.Language)
	}
	if len(a.ID) != 16 {
		t.Errorf("id = %q, want 16 hex digits", a.ID)
	}
}
