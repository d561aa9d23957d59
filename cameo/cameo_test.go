package cameo_test

import (
	"testing"

	"github.com/dragoman-news/dragoman/cameo"
)

func TestLoad(t *testing.T) {
	if err := cameo.Load(); err != nil {
		t.Fatal(err)
	}
	ev := cameo.Events()
	if len(ev) != 311 {
		t.Errorf("codebook has %d codes, want 311", len(ev))
	}
	roots := map[string]bool{}
	for _, e := range ev {
		roots[e.Root()] = true
		if e.QuadClass != cameo.QuadClass(e.Code) {
			t.Errorf("%s: quad class %d, derived %d", e.Code, e.QuadClass, cameo.QuadClass(e.Code))
		}
		if e.Goldstein < -10 || e.Goldstein > 10 {
			t.Errorf("%s: goldstein %v out of range", e.Code, e.Goldstein)
		}
	}
	if len(roots) != 20 {
		t.Errorf("%d roots, want 20", len(roots))
	}
}

func TestEvent(t *testing.T) {
	cases := []struct {
		code      string
		quad      int
		goldstein float64
		label     string
	}{
		{"043", 1, 2.8, "Host a visit"},
		{"0431", 1, 0, ""},
		{"051", 1, 3.4, "Praise or endorse"},
		{"112", 3, -2, "Accuse, not specified below"},
		{"124", 3, 0, ""},
		{"190", 4, -10, "Use conventional military force, not specified below"},
		{"20", 4, -10, ""},
		{"106", 3, -5, "Demand withdrawal"},
		{"1056", 3, -5, "Demand de-escalation of military engagement"},
	}
	for _, c := range cases {
		t.Run(c.code, func(t *testing.T) {
			e, ok := cameo.Event(c.code)
			if !ok {
				t.Fatalf("%s not found", c.code)
			}
			if e.QuadClass != c.quad {
				t.Errorf("quad class %d, want %d", e.QuadClass, c.quad)
			}
			if c.goldstein != 0 && e.Goldstein != c.goldstein {
				t.Errorf("goldstein %v, want %v", e.Goldstein, c.goldstein)
			}
			if c.label != "" && e.Label != c.label {
				t.Errorf("label %q, want %q", e.Label, c.label)
			}
		})
	}
	if e, ok := cameo.Event("0439"); !ok || e.Code != "0439" || e.QuadClass != 1 {
		t.Errorf("private refinement 0439: %+v %v", e, ok)
	}
	if _, ok := cameo.Event("xyz"); ok {
		t.Error("xyz should not be found")
	}
}

func TestActors(t *testing.T) {
	if l, ok := cameo.Country("RUS"); !ok || l != "Russia" {
		t.Errorf("RUS = %q %v", l, ok)
	}
	if _, ok := cameo.Actor(cameo.KindType, "GOV"); !ok {
		t.Error("GOV type missing")
	}
	if got := cameo.SplitActor("USAGOVMIL"); len(got) != 3 || got[1] != "GOV" {
		t.Errorf("SplitActor = %v", got)
	}
	if len(cameo.Actors(cameo.KindCountry)) < 200 {
		t.Error("too few countries")
	}
}

func TestRootBase(t *testing.T) {
	if cameo.Root("0431") != "04" || cameo.Base("0431") != "043" || cameo.Base("04") != "04" {
		t.Error("root/base")
	}
	if cameo.QuadClass("x") != 0 || cameo.QuadClass("145") != 3 || cameo.QuadClass("061") != 2 {
		t.Error("quad")
	}
}
