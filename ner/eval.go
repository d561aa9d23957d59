package ner

import (
	"fmt"
	"io"
	"sort"
)

// Score counts exact-span matches of one entity type (or of all types).
type Score struct {
	Gold, Pred, Correct int
}

// Precision is Correct/Pred.
func (s Score) Precision() float64 { return ratio(s.Correct, s.Pred) }

// Recall is Correct/Gold.
func (s Score) Recall() float64 { return ratio(s.Correct, s.Gold) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Eval is an exact-span evaluation per entity type, as conlleval computes
// it: an entity counts only when its first token, last token and type all
// match.
type Eval struct {
	Types map[string]*Score
	All   Score
}

// NewEval returns an empty evaluation.
func NewEval() *Eval { return &Eval{Types: map[string]*Score{}} }

// Add scores one sentence's predicted tags against its gold tags.
func (e *Eval) Add(gold, pred []string) {
	g, p := Chunks(gold), Chunks(pred)
	type key struct {
		s, e int
		t    string
	}
	seen := make(map[key]bool, len(g))
	for _, c := range g {
		seen[key{c.Start, c.End, c.Type}] = true
		e.score(c.Type).Gold++
		e.All.Gold++
	}
	for _, c := range p {
		e.score(c.Type).Pred++
		e.All.Pred++
		if seen[key{c.Start, c.End, c.Type}] {
			e.score(c.Type).Correct++
			e.All.Correct++
		}
	}
}

func (e *Eval) score(t string) *Score {
	s := e.Types[t]
	if s == nil {
		s = &Score{}
		e.Types[t] = s
	}
	return s
}

// Write prints a table of precision, recall and F1 per type and overall.
func (e *Eval) Write(w io.Writer) error {
	types := make([]string, 0, len(e.Types))
	for t := range e.Types {
		types = append(types, t)
	}
	sort.Strings(types)
	if _, err := fmt.Fprintf(w, "%-6s %6s %6s %7s %7s %7s\n", "type", "gold", "pred", "P", "R", "F1"); err != nil {
		return err
	}
	row := func(name string, s Score) error {
		_, err := fmt.Fprintf(w, "%-6s %6d %6d %7.4f %7.4f %7.4f\n", name, s.Gold, s.Pred, s.Precision(), s.Recall(), s.F1())
		return err
	}
	for _, t := range types {
		if err := row(t, *e.Types[t]); err != nil {
			return err
		}
	}
	return row("all", e.All)
}
