package event_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/wikinews"
	"github.com/dragoman-news/dragoman/pipeline"
)

// wikinewsBaseline is the number of events the whole pipeline codes in the
// 171 Wikinews articles of 2019; TestWikinews fails below it.
const wikinewsBaseline = 190

// TestWikinews runs the whole pipeline over the Wikinews articles of 2019
// and reports events per article and the share of
// sentences holding a lexicon word that yield an event. With
// DRAGOMAN_EVENT_DUMP=FILE it writes every sentence with its events there,
// and with DRAGOMAN_EVENT_SAMPLE=N a random sample of N events (seed 1, or
// DRAGOMAN_EVENT_SEED) to FILE.sample for a precision check by hand.
func TestWikinews(t *testing.T) {
	if testing.Short() {
		t.Skip("whole pipeline over 171 articles")
	}
	arts := wikinews.Articles(t)
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := coder(t)
	dumpPath := os.Getenv("DRAGOMAN_EVENT_DUMP")
	var dump strings.Builder
	var all []string
	events, sents, trig, trigEv, words := 0, 0, 0, 0, 0
	roots := map[string]int{}
	for _, a := range arts {
		d, err := p.Analyze(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		words += len(strings.Fields(a.Body))
		bySent := map[int][]dragoman.Event{}
		for _, ev := range d.Events {
			if ev.Negated {
				continue
			}
			bySent[ev.Sentence] = append(bySent[ev.Sentence], ev)
			events++
			roots[ev.Root]++
		}
		if dumpPath != "" {
			fmt.Fprintf(&dump, "### %s [%s]\n", a.Title, c.MainCountry(d))
		}
		for si, s := range d.Sentences {
			sents++
			has := c.HasTrigger(s.Text)
			if has {
				trig++
				if len(bySent[si]) > 0 {
					trigEv++
				}
			}
			if dumpPath == "" {
				continue
			}
			mark := " "
			if has {
				mark = "*"
			}
			fmt.Fprintf(&dump, "%s %d %s\n", mark, si, s.Text)
			for _, ev := range bySent[si] {
				line := describe(ev)
				fmt.Fprintf(&dump, "    => %s\n", line)
				all = append(all, fmt.Sprintf("%s\n   in: %s\n   => %s", a.Title, s.Text, line))
			}
		}
	}
	t.Logf("%d articles, %d words, %d sentences: %d events (%.2f an article, %.2f per 1,000 words)",
		len(arts), words, sents, events, float64(events)/float64(len(arts)), 1000*float64(events)/float64(words))
	t.Logf("sentences with a lexicon word: %d, of which %d yield an event (%.1f%%)", trig, trigEv, 100*float64(trigEv)/float64(trig))
	rs, _ := json.Marshal(roots)
	t.Logf("events by root: %s", rs)
	if dumpPath != "" {
		if err := os.WriteFile(dumpPath, []byte(dump.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		var n int
		fmt.Sscanf(os.Getenv("DRAGOMAN_EVENT_SAMPLE"), "%d", &n)
		if n > 0 {
			var seed uint64 = 1
			fmt.Sscanf(os.Getenv("DRAGOMAN_EVENT_SEED"), "%d", &seed)
			r := rand.New(rand.NewPCG(seed, seed))
			r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
			if n > len(all) {
				n = len(all)
			}
			var b strings.Builder
			for i, s := range all[:n] {
				fmt.Fprintf(&b, "%d. %s\n\n", i+1, s)
			}
			os.WriteFile(dumpPath+".sample", []byte(b.String()), 0o644)
		}
	}
	if events < wikinewsBaseline {
		t.Errorf("%d events, want at least %d", events, wikinewsBaseline)
	}
}

func describe(ev dragoman.Event) string {
	tgt := "-"
	if ev.Target != nil {
		tgt = ev.Target.Actor + " (" + ev.Target.Name + ")"
	}
	flags := ""
	if ev.Modality != "" {
		flags += " " + ev.Modality
	}
	if ev.Reported {
		flags += " reported"
	}
	return fmt.Sprintf("%s (%s) %s %s -> %s [%s]%s", ev.Source.Actor, ev.Source.Name, ev.Code, ev.Label, tgt, ev.Trigger.Text, flags)
}
