package ner_test

import (
	"os"
	"testing"

	"github.com/dragoman-news/dragoman/internal/shared"
	"github.com/dragoman-news/dragoman/ner"
)

// baselineF1 is the exact-span F1 of the embedded model on the CoNLL-2003
// development split, as recorded in MODEL.md (rounded down). A model that
// scores lower fails the test.
const baselineF1 = 0.936

func TestCoNLLDev(t *testing.T) {
	path := shared.Dir(t, "data", "conll2003", "eng.testa")
	docs, err := ner.ReadCoNLLFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ner.EmbeddedModel()
	if err != nil {
		t.Fatal(err)
	}
	e := m.Evaluate(docs)
	if testing.Verbose() {
		e.Write(os.Stdout)
	}
	if e.All.Gold != 5942 {
		t.Errorf("read %d gold entities, want 5942", e.All.Gold)
	}
	if f := e.All.F1(); f < baselineF1 {
		t.Errorf("dev F1 %.4f below the baseline %.3f", f, baselineF1)
	}
}

// BenchmarkTag measures tagging speed on the development split: tokens/s
// of wall-clock time (run with -cpu 1 for one core) and tokens per second
// of CPU time used by the process, garbage collection included, which stays
// meaningful on a busy machine.
func BenchmarkTag(b *testing.B) {
	path := shared.Dir(b, "data", "conll2003", "eng.testa")
	docs, err := ner.ReadCoNLLFile(path)
	if err != nil {
		b.Fatal(err)
	}
	m, err := ner.EmbeddedModel()
	if err != nil {
		b.Fatal(err)
	}
	var sents [][][]string
	tokens := 0
	for _, d := range docs {
		var ss [][]string
		for _, s := range d.Sentences {
			ss = append(ss, s.Words)
			tokens += len(s.Words)
		}
		sents = append(sents, ss)
	}
	tg := ner.NewWithModel(m)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, ss := range sents {
			if _, err := tg.Tag(b.Context(), ss); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(tokens)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}
