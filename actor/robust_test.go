package actor_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/actor"
	"github.com/dragoman-news/dragoman/segment"
)

func resolveText(t testing.TB, body, lang string) *dragoman.Document {
	t.Helper()
	return resolveArticle(t, dragoman.Article{ID: "x", Body: body, Language: lang}, actor.Options{})
}

func TestBadInput(t *testing.T) {
	t.Run("AllCaps", func(t *testing.T) {
		d := resolveText(t, "TRUMP MEETS PUTIN IN ALASKA AS RUSSIAN DRONES POUND UKRAINE\n\nKYIV, Ukraine — Russia fired drones overnight.", "en")
		for _, e := range d.Entities {
			if e.Type == dragoman.Person && strings.Contains(e.Name, "MEETS") {
				t.Errorf("shouted headline read as a person: %q", e.Name)
			}
		}
		if findEntity(d, "Kyiv") == nil || findEntity(d, "Russia") == nil {
			t.Errorf("dateline or country lost: %+v", d.Entities)
		}
	})
	t.Run("NoCapitals", func(t *testing.T) {
		d := resolveText(t, "the president met the prime minister in moscow on tuesday and officials said little.", "en")
		for _, e := range d.Entities {
			if e.Type == dragoman.Person {
				t.Errorf("person %q from text without capitals", e.Name)
			}
		}
	})
	t.Run("TableOfNames", func(t *testing.T) {
		var b strings.Builder
		for i := 0; i < 400; i++ {
			fmt.Fprintf(&b, "Maria Petrova%d | Russia | %d\n", i, i)
		}
		d := resolveText(t, strings.TrimSpace(b.String()), "en")
		if len(d.Entities) == 0 {
			t.Error("no entity in a table of names")
		}
	})
	t.Run("LongSentence", func(t *testing.T) {
		body := strings.Repeat("officials from Russia and Ukraine met Sergei Lavrov, the Russian foreign minister, and ", 3000) + "left."
		d := resolveText(t, body, "en")
		e := findEntity(d, "Sergei Lavrov")
		if e == nil || e.Actor != "RUSGOV" {
			t.Errorf("Lavrov in a long sentence: %+v", e)
		}
	})
	t.Run("NotEnglish", func(t *testing.T) {
		d := resolveText(t, "Der Bundeskanzler Friedrich Merz traf am Dienstag in Berlin den Präsidenten der Ukraine. Die Regierung sagte, die Gespräche seien gut gewesen.", "de")
		warned := false
		for _, w := range d.Warnings {
			warned = warned || w.Code == "not-english"
		}
		if !warned {
			t.Error("no warning on German text")
		}
		for _, e := range d.Entities {
			if e.Name == "Regierung" || e.Name == "Die Regierung" || e.Name == "Der Bundeskanzler Friedrich Merz" {
				t.Errorf("German noun read as a name: %q", e.Name)
			}
		}
		if findEntity(d, "Berlin") == nil {
			t.Error("Berlin not found in German text")
		}
	})
	t.Run("Empty", func(t *testing.T) {
		d := resolveText(t, "", "en")
		if len(d.Entities) != 0 || len(d.Mentions) != 0 {
			t.Errorf("entities from nothing: %+v", d.Entities)
		}
	})
}

func TestDictionaryOption(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/test.actors.txt"
	dict := "# test\nJANE_ROE_\n+J._ROE_\n\t[GBRGOV 200101-231231]\n\t[GBRBUS]\nACME_WIDGETS_ [USABUS]\n"
	if err := writeFile(path, dict); err != nil {
		t.Fatal(err)
	}
	r, err := actor.New(actor.Options{Dicts: []string{path}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ year, want string }{{"2021-06-01", "GBRGOV"}, {"2025-06-01", "GBRBUS"}} {
		a := dragoman.Article{Body: "Jane Roe met reporters. Roe later left.", Language: "en"}
		a.Published = mustPublished(t, c.year)
		d := dragoman.NewDocument(a)
		if err := r.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		e := findEntity(d, "Jane Roe")
		if e == nil || e.Actor != c.want || e.ActorOrigin != "petrarch" {
			t.Errorf("%s: Jane Roe = %+v, want %s from petrarch", c.year, e, c.want)
		}
	}
	if _, err := actor.New(actor.Options{Dicts: []string{dir + "/missing.txt"}}); err == nil {
		t.Error("no error for a missing dictionary")
	}
}

func FuzzAnnotate(f *testing.F) {
	f.Add("Russian President Vladimir Putin met U.S. officials in Riyadh, Saudi Arabia.")
	f.Add("Keith Kellogg, the retired U.S. Army lieutenant general who is serving as a special envoy, said")
	f.Add("“Trump’s” administration officials, who")
	f.Add("A , , who who the the . . X. on X")
	r, err := actor.New(actor.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if !utf8.ValidString(body) {
			return
		}
		d := dragoman.NewDocument(dragoman.Article{Body: body, Language: "en"})
		if err := r.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkSpans(t, d)
	})
}

// TestConcurrent resolves the fixtures from several goroutines with one
// resolver and expects the entities of a resolver used alone.
func TestConcurrent(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "fixtures", "*.txt"))
	r, err := actor.New(actor.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, f := range files {
		want[f] = fmt.Sprint(summarize(resolveArticle(t, readFixture(t, f), actor.Options{})))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, f := range files {
				d := dragoman.NewDocument(readFixture(t, f))
				if err := segment.New().Annotate(context.Background(), d); err != nil {
					errs <- err.Error()
					return
				}
				if err := r.Annotate(context.Background(), d); err != nil {
					errs <- err.Error()
					return
				}
				if got := fmt.Sprint(summarize(d)); got != want[f] {
					errs <- f + ": entities differ when resolved concurrently"
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
