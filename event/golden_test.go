package event_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/golden")

// TestGolden codes the articles of testdata/golden (one sentence a line,
// written for these tests) and compares the events with the .golden files.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	seen := map[string]bool{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		seen[name+".golden"] = true
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d := docOf(strings.TrimRight(string(raw), "\n"))
			if err := coder(t).Annotate(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, ev := range d.Events {
				flags := []string{}
				if ev.Negated {
					flags = append(flags, "neg")
				}
				if ev.Modality != "" {
					flags = append(flags, ev.Modality)
				}
				date, place := "-", "-"
				if ev.Date != nil {
					date = ev.Date.Value
				}
				if ev.Location != nil {
					place = ev.Location.Name
				}
				fmt.Fprintf(&b, "%s s%d %s -> %s %s [%s] date=%s place=%s trigger=%q evidence=%q\n",
					ev.ID, ev.Sentence, ev.Source.Actor, actorCode(ev.Target), ev.Code, strings.Join(flags, ","), date, place, ev.Trigger.Text, ev.Evidence.Text)
			}
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./event -run Golden -update)", err)
			}
			if string(want) != b.String() {
				t.Errorf("events differ from %s (run with -update after checking):\n--- got\n%s--- want\n%s", golden, b.String(), want)
			}
		})
	}
	// orphaned golden files
	goldens, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.golden"))
	for _, g := range goldens {
		if !seen[filepath.Base(g)] {
			t.Errorf("%s has no fixture", g)
		}
	}
}

// actorCode is an actor's code, "-" for a missing target.
func actorCode(a *dragoman.ActorRef) string {
	if a == nil {
		return "-"
	}
	return a.Actor
}
