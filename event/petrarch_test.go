package event_test

import (
	"context"
	"flag"
	"path/filepath"
	"testing"

	"github.com/dragoman-news/dragoman/event"
	"github.com/dragoman-news/dragoman/internal/shared"
)

var verbose = flag.Bool("petrarch.v", false, "print every failing PETRARCH record")

// petrarchBaseline is the number of records of PETR.UnitTest.records.xml
// the coder passed when last measured; the test fails below it.
const petrarchBaseline = 257

func loadPetrarch(tb testing.TB) (*event.Validation, *event.Dictionaries) {
	tb.Helper()
	dir := shared.Dir(tb, "eval", "petrarch")
	v, err := event.ReadValidation(filepath.Join(dir, "PETR.UnitTest.records.xml"))
	if err != nil {
		tb.Fatal(err)
	}
	d, err := v.LoadDictionaries()
	if err != nil {
		tb.Fatal(err)
	}
	return v, d
}

func TestPetrarchValidation(t *testing.T) {
	v, d := loadPetrarch(t)
	res := v.Validate(d)
	pass := 0
	for _, r := range res {
		if r.Pass {
			pass++
		} else if *verbose {
			t.Logf("FAIL %-18s want %s got %s :: %s", r.Record.ID, event.FormatTriples(r.Record.Expected), event.FormatTriples(r.Got), r.Record.Text)
		}
	}
	t.Logf("%d of %d records pass (%.1f%%)", pass, len(res), 100*float64(pass)/float64(len(res)))
	if len(res) != 284 {
		t.Errorf("read %d records, want 284", len(res))
	}
	if pass < petrarchBaseline {
		t.Errorf("%d records pass, below the recorded baseline of %d", pass, petrarchBaseline)
	}
}

// TestStageWithDictionaries runs the event stage with PETRARCH's
// dictionaries in place of the built-in lexicon.
func TestStageWithDictionaries(t *testing.T) {
	dir := shared.Dir(t, "eval", "petrarch", "validation_dictionaries")
	c, err := event.New(event.Options{
		Replace:    true,
		VerbFiles:  []string{filepath.Join(dir, "PETR.Validate.verbs.txt")},
		ActorFiles: []string{filepath.Join(dir, "PETR.Validate.actors.txt")},
		AgentFiles: []string{filepath.Join(dir, "PETR.Validate.agents.txt")},
	})
	if err != nil {
		t.Fatal(err)
	}
	d := docOf("Arnor is about to restore full diplomatic ties with Gondor's government.")
	if err := c.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || d.Events[0].Source.Actor != "ARN" || d.Events[0].Target.Actor != "GONGOV" || d.Events[0].Code != "064" {
		t.Errorf("events %+v", d.Events)
	}
}
