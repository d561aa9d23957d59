// Package cameo holds the CAMEO codebook as data: the event codes with their
// labels, Goldstein scores and QuadClass, and the actor codes (countries and
// regions, role types, known groups, religions, ethnic groups). The tables
// are embedded and decoded once, on first use.
//
// It is a data package: any stage may import it.
package cameo

import (
	"bufio"
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed events.tsv
var eventsTSV string

//go:embed actors.tsv
var actorsTSV string

// QuadClass values, as GDELT defines them.
const (
	VerbalCooperation   = 1
	MaterialCooperation = 2
	VerbalConflict      = 3
	MaterialConflict    = 4
)

// EventCode is one entry of the CAMEO event codebook.
type EventCode struct {
	Code      string  `json:"code"`  // "0431"
	Label     string  `json:"label"` // "Host a visit"
	Goldstein float64 `json:"goldstein"`
	QuadClass int     `json:"quad_class"`
}

// Base is the first three digits of the code ("043"), or the root when the
// code is a root.
func (e EventCode) Base() string { return Base(e.Code) }

// Root is the first two digits of the code ("04").
func (e EventCode) Root() string { return Root(e.Code) }

// ActorKind says what an actor code names.
type ActorKind string

const (
	KindCountry  ActorKind = "country"  // USA, RUS, and regions such as EUR, MEA
	KindType     ActorKind = "type"     // GOV, MIL, BUS...
	KindGroup    ActorKind = "group"    // NATO, UNO, IMF...
	KindReligion ActorKind = "religion" // CHR, MOS...
	KindEthnic   ActorKind = "ethnic"   // lower-case codes
)

// ActorCode is one three-letter CAMEO actor code.
type ActorCode struct {
	Kind  ActorKind `json:"kind"`
	Code  string    `json:"code"`
	Label string    `json:"label"`
}

type tables struct {
	events     []EventCode
	byCode     map[string]int
	actors     []ActorCode
	actorIndex map[ActorKind]map[string]int
}

var load = sync.OnceValues(func() (*tables, error) {
	t := &tables{byCode: map[string]int{}, actorIndex: map[ActorKind]map[string]int{}}
	if err := eachRow(eventsTSV, 4, func(f []string) error {
		g, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return fmt.Errorf("goldstein of %s: %w", f[0], err)
		}
		q, err := strconv.Atoi(f[2])
		if err != nil {
			return fmt.Errorf("quad class of %s: %w", f[0], err)
		}
		t.byCode[f[0]] = len(t.events)
		t.events = append(t.events, EventCode{Code: f[0], Goldstein: g, QuadClass: q, Label: f[3]})
		return nil
	}); err != nil {
		return nil, fmt.Errorf("cameo events: %w", err)
	}
	if err := eachRow(actorsTSV, 3, func(f []string) error {
		k := ActorKind(f[0])
		if t.actorIndex[k] == nil {
			t.actorIndex[k] = map[string]int{}
		}
		t.actorIndex[k][f[1]] = len(t.actors)
		t.actors = append(t.actors, ActorCode{Kind: k, Code: f[1], Label: f[2]})
		return nil
	}); err != nil {
		return nil, fmt.Errorf("cameo actors: %w", err)
	}
	return t, nil
})

func eachRow(data string, n int, fn func([]string) error) error {
	sc := bufio.NewScanner(strings.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != n {
			return fmt.Errorf("line %d: %d fields, want %d", line, len(f), n)
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	return sc.Err()
}

// Load decodes the embedded tables, returning an error when they are
// damaged. Every other function calls it; call it first to check.
func Load() error {
	_, err := load()
	return err
}

// Event returns the codebook entry for a CAMEO event code ("043", "0431",
// "19"). A code that the codebook does not list but whose base or root it
// does (a dictionary's private refinement) gets the label and scores of the
// nearest listed ancestor, with its own code.
func Event(code string) (EventCode, bool) {
	t, err := load()
	if err != nil {
		return EventCode{}, false
	}
	if i, ok := t.byCode[code]; ok {
		return t.events[i], true
	}
	for _, p := range []string{Base(code), Root(code)} {
		if i, ok := t.byCode[p]; ok && p != "" {
			e := t.events[i]
			e.Code = code
			return e, true
		}
	}
	return EventCode{}, false
}

// Events returns every entry of the codebook in code order.
func Events() []EventCode {
	t, err := load()
	if err != nil {
		return nil
	}
	out := make([]EventCode, len(t.events))
	copy(out, t.events)
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// Valid reports whether code is a CAMEO event code of the codebook.
func Valid(code string) bool {
	t, err := load()
	if err != nil {
		return false
	}
	_, ok := t.byCode[code]
	return ok
}

// Root returns the root of an event code: its first two digits, or "" when
// the code does not start with two digits.
func Root(code string) string {
	if len(code) < 2 || !isDigit(code[0]) || !isDigit(code[1]) {
		return ""
	}
	return code[:2]
}

// Base returns the base of an event code: its first three characters, or
// the root for a two-digit code.
func Base(code string) string {
	if Root(code) == "" {
		return ""
	}
	if len(code) < 3 {
		return code
	}
	return code[:3]
}

// QuadClass returns the GDELT QuadClass of an event code (1 verbal
// cooperation, 2 material cooperation, 3 verbal conflict, 4 material
// conflict), or 0 when the code has no valid root.
func QuadClass(code string) int {
	r := Root(code)
	if r == "" {
		return 0
	}
	n, _ := strconv.Atoi(r)
	switch {
	case n >= 1 && n <= 5:
		return VerbalCooperation
	case n >= 6 && n <= 9:
		return MaterialCooperation
	case n >= 10 && n <= 14:
		return VerbalConflict
	case n >= 15 && n <= 20:
		return MaterialConflict
	}
	return 0
}

// Actor looks up a three-letter actor code of the given kind.
func Actor(kind ActorKind, code string) (ActorCode, bool) {
	t, err := load()
	if err != nil {
		return ActorCode{}, false
	}
	i, ok := t.actorIndex[kind][code]
	if !ok {
		return ActorCode{}, false
	}
	return t.actors[i], true
}

// Country returns the label of a CAMEO country or region code ("RUS" ->
// "Russia", "EUR" -> "Europe").
func Country(code string) (string, bool) {
	a, ok := Actor(KindCountry, code)
	return a.Label, ok
}

// Actors returns every actor code of a kind, in code order.
func Actors(kind ActorKind) []ActorCode {
	t, err := load()
	if err != nil {
		return nil
	}
	var out []ActorCode
	for _, a := range t.actors {
		if a.Kind == kind {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// SplitActor splits a CAMEO actor code into three-letter parts
// ("USAGOV" -> ["USA", "GOV"]). A trailing remainder shorter than three
// letters is kept as its own part.
func SplitActor(code string) []string {
	var parts []string
	for len(code) > 3 {
		parts = append(parts, code[:3])
		code = code[3:]
	}
	if code != "" {
		parts = append(parts, code)
	}
	return parts
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
