package actor_test

import (
	"bufio"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/actor"
	"github.com/dragoman-news/dragoman/internal/shared"
)

// gumDoc is one GUM news document: its text, rebuilt from the sentences,
// and the named people of its gold annotation (entities of type person
// linked to a Wikipedia identity).
type gumDoc struct {
	name   string
	body   string
	people map[string]bool // identities, spaces for underscores
}

func readGUM(t testing.TB) []gumDoc {
	dir := shared.Dir(t, "data", "gum-wikinews", "dep")
	files, _ := filepath.Glob(filepath.Join(dir, "GUM_news_*.conllu"))
	var docs []gumDoc
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		d := gumDoc{name: filepath.Base(f), people: map[string]bool{}}
		var paras []string
		var cur []string
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "# newpar"):
				if len(cur) > 0 {
					paras = append(paras, strings.Join(cur, " "))
					cur = nil
				}
			case strings.HasPrefix(line, "# text = "):
				cur = append(cur, strings.TrimPrefix(line, "# text = "))
			case !strings.HasPrefix(line, "#") && strings.Contains(line, "Entity="):
				for _, part := range strings.Split(line, "Entity=")[1:] {
					part, _, _ = strings.Cut(part, "|")
					for _, open := range strings.Split(part, "(")[1:] {
						open = strings.TrimRight(open, ")")
						fs := strings.SplitN(open, "-", 8)
						if len(fs) == 8 && fs[1] == "person" && fs[7] != "" {
							id := fs[7]
							if k := strings.IndexByte(id, ')'); k >= 0 && !strings.Contains(id, "%28") {
								id = id[:k] // the closing bracket of another entity
							}
							if u, err := url.PathUnescape(id); err == nil {
								id = u
							}
							id, _, _ = strings.Cut(id, " (")
							id, _, _ = strings.Cut(id, "_(")
							id = strings.ReplaceAll(id, "_", " ")
							if strings.Contains(id, " ") { // a named person, not a people ("Afghans")
								d.people[id] = true
							}
						}
					}
				}
			}
		}
		fh.Close()
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
		}
		d.body = strings.Join(paras, "\n\n")
		docs = append(docs, d)
	}
	return docs
}

func lastWord(s string) string {
	w := strings.Fields(strings.ToLower(s))
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

// gumScore is the share of gold named people found as PERSON entities (by
// surname), and the share of PERSON entities that are gold named people.
// Gold links only some names, so precision is a lower bound.
func gumScore(docs []gumDoc, resolve func(dragoman.Article) *dragoman.Document) (recall, precision float64) {
	gold, found, sys, right := 0, 0, 0, 0
	for _, g := range docs {
		d := resolve(dragoman.Article{ID: g.name, Body: g.body, Language: "en"})
		mine := map[string]bool{}
		for _, e := range d.Entities {
			if e.Type == dragoman.Person {
				mine[lastWord(e.Name)] = true
				sys++
			}
		}
		golds := map[string]bool{}
		for p := range g.people {
			golds[lastWord(p)] = true
		}
		for p := range golds {
			gold++
			if mine[p] {
				found++
			}
		}
		for p := range mine {
			if golds[p] {
				right++
			}
		}
	}
	return float64(found) / float64(max(gold, 1)), float64(right) / float64(max(sys, 1))
}

// TestGUM measures how many of the named people of the GUM news documents
// come out as PERSON entities, with the rules alone (held to a baseline)
// and after the tagger (logged).
func TestGUM(t *testing.T) {
	docs := readGUM(t)
	rules := func(a dragoman.Article) *dragoman.Document { return resolveArticle(t, a, actor.Options{}) }
	rec, prec := gumScore(docs, rules)
	t.Logf("GUM news, %d documents, rules alone: named-person recall %.3f, precision (lower bound) %.3f", len(docs), rec, prec)
	if rec < 0.85 || prec < 0.54 {
		t.Errorf("named-person recall %.3f, precision %.3f: below the baseline 0.85, 0.54", rec, prec)
	}
	model := func(a dragoman.Article) *dragoman.Document {
		d := withTagger(t, a)
		checkSpans(t, d)
		return d
	}
	rec, prec = gumScore(docs, model)
	t.Logf("GUM news, with the tagger: named-person recall %.3f, precision (lower bound) %.3f", rec, prec)
}
