// Package gazetteer holds the names the engine knows: countries with their
// CAMEO codes, variants, demonyms and capitals; cities; regions;
// international organizations; government bodies; titles and offices with
// the CAMEO role type they imply; and a dictionary of office holders with
// date ranges. It is a data package: any stage may import it.
//
// The tables are tab-separated files under data/, embedded in the binary and
// decoded once, on the first call to Load.
package gazetteer

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"
	"time"
)

//go:embed data/*.tsv data/*.txt
var files embed.FS

// Kind says what a gazetteer entry names.
type Kind uint8

const (
	KindCountry Kind = iota + 1 // "Russia", "U.S."
	KindCity                    // "Riyadh", "Kyiv"
	KindRegion                  // "Europe", "Middle East"
	KindDemonym                 // "Russian", "Europeans"
	KindOrg                     // "NATO", "Hamas", "Tesla"
	KindBody                    // "State Department", "Kremlin", "Foreign Ministry"
)

var kindNames = [...]string{"", "country", "city", "region", "demonym", "org", "body"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// Entry is one meaning of a name.
type Entry struct {
	Kind Kind
	Name string // canonical name: "United States", "Russians", "NATO"
	// Code is the CAMEO code: the country or region code for countries,
	// cities, regions and demonyms (USA, EUR); the actor code for
	// organizations (IGOWSTNAT, PSEREBHMS).
	Code    string
	Country string // country code when the entry belongs to one (cities, bodies, national organizations)
	Type    string // CAMEO role type: GOV, MIL, LEG... for bodies; IGO, NGO, BUS, REB... for organizations
	Capital bool   // a capital city
	Plural  bool   // a plural demonym ("Russians") that names the people
}

// Country is one country with everything the tables say about it.
type Country struct {
	Code     string
	Name     string
	Variants []string
	Demonyms []string // adjective first ("Russian"), then other forms
	Capitals []string // first is the main one
	IsRegion bool
}

// Title is an office or description a person may hold.
type Title struct {
	Title   string // lower case: "foreign minister"
	Type    string // CAMEO role type: GOV, MIL, LEG, JUD, BUS, ELI, MED, NGO...
	Head    bool   // head of state or government
	Group   bool   // a plural collective noun ("officials", "troops")
	Honor   bool   // an honorific ("Mr.", "Dr.") that implies no role
	Country string // set when the title alone fixes the country ("secretary of state" -> USA)
}

// Holder is one office held by one person over a range of dates.
type Holder struct {
	Name    string
	Aliases []string
	Actor   string // CAMEO actor code: USAGOV, RUSMIL, IGOUNO...
	Country string // the first three letters of Actor for national actors, empty for IGOs
	Type    string // the role type part of Actor: GOV, MIL...
	Role    string
	From    time.Time
	To      time.Time // zero while in office
}

// Holds reports whether the office was held at t. A zero t matches an
// office still held.
func (h Holder) Holds(t time.Time) bool {
	if t.IsZero() {
		return h.To.IsZero()
	}
	if !h.From.IsZero() && t.Before(h.From) {
		return false
	}
	return h.To.IsZero() || t.Before(h.To)
}

// Gazetteer is the decoded tables. It is read-only and safe for concurrent
// use.
type Gazetteer struct {
	phrases   map[string][]Entry // case-kept keys
	first     map[string]bool    // first words of the keys
	maxWords  int
	countries map[string]*Country
	titles    map[string]Title // lower-case keys
	titleHead map[string]bool  // first words of the titles
	maxTitle  int
	holders   []Holder
	byName    map[string][]int // lower-case full names and aliases
	bySurname map[string][]int // lower-case last word of name and aliases
	byFold    map[string][]int // full names and aliases folded by spellFold
	given     map[string]bool  // given names, as written
	gender    map[string]byte  // given names as written -> 'f' or 'm'
}

// Load decodes the embedded tables once and returns them.
var Load = sync.OnceValues(load)

// MustLoad is Load for tests and package-level tables; it panics on a
// broken table, which the package's own tests rule out.
func MustLoad() *Gazetteer {
	g, err := Load()
	if err != nil {
		panic(err)
	}
	return g
}

func load() (*Gazetteer, error) {
	g := &Gazetteer{
		phrases:   map[string][]Entry{},
		first:     map[string]bool{},
		countries: map[string]*Country{},
		titles:    map[string]Title{},
		titleHead: map[string]bool{},
		byName:    map[string][]int{},
		bySurname: map[string][]int{},
		byFold:    map[string][]int{},
		given:     map[string]bool{},
		gender:    map[string]byte{},
	}
	steps := []struct {
		file string
		cols int
		fn   func([]string) error
	}{
		{"countries.tsv", 5, g.addCountry},
		{"regions.tsv", 4, g.addRegion},
		{"cities.tsv", 3, g.addCity},
		{"orgs.tsv", 5, g.addOrg},
		{"bodies.tsv", 4, g.addBody},
		{"titles.tsv", 4, g.addTitle},
		{"holders.tsv", 6, g.addHolder},
		{"given_names.txt", 1, g.addGiven},
		{"given_gender.tsv", 2, g.addGender},
	}
	for _, s := range steps {
		if err := readTable(s.file, s.cols, s.fn); err != nil {
			return nil, err
		}
	}
	return g, nil
}

func readTable(name string, cols int, fn func([]string) error) error {
	f, err := files.Open("data/" + name)
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) > cols {
			return fmt.Errorf("gazetteer: %s:%d: %d columns, want %d", name, line, len(fields), cols)
		}
		for len(fields) < cols {
			fields = append(fields, "")
		}
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if err := fn(fields); err != nil {
			return fmt.Errorf("gazetteer: %s:%d: %w", name, line, err)
		}
	}
	return sc.Err()
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, "|")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (g *Gazetteer) add(phrase string, e Entry) {
	k := Key(phrase)
	if k == "" {
		return
	}
	for _, old := range g.phrases[k] {
		if old == e {
			return
		}
	}
	g.phrases[k] = append(g.phrases[k], e)
	first, _, _ := strings.Cut(k, " ")
	g.first[first] = true
	if n := strings.Count(k, " ") + 1; n > g.maxWords {
		g.maxWords = n
	}
}

// plurals returns the demonym forms with regular plurals added.
func plurals(forms []string) (all []string, plural map[string]bool) {
	plural = map[string]bool{}
	seen := map[string]bool{}
	for _, f := range forms {
		if !seen[f] {
			seen[f] = true
			all = append(all, f)
		}
		if strings.HasSuffix(f, "s") {
			plural[f] = true
		}
		if (strings.HasSuffix(f, "n") || strings.HasSuffix(f, "i")) && !strings.HasSuffix(f, "ern") {
			p := f + "s"
			if !seen[p] {
				seen[p] = true
				all = append(all, p)
			}
			plural[p] = true
		}
	}
	return all, plural
}

func (g *Gazetteer) addCountry(f []string) error {
	code, name := f[0], f[1]
	if len(code) != 3 || name == "" {
		return fmt.Errorf("bad country %q %q", code, name)
	}
	c := &Country{Code: code, Name: name, Variants: split(f[2]), Capitals: split(f[4])}
	dem, plural := plurals(split(f[3]))
	c.Demonyms = dem
	g.countries[code] = c
	e := Entry{Kind: KindCountry, Name: name, Code: code, Country: code}
	g.add(name, e)
	for _, v := range c.Variants {
		g.add(v, e)
	}
	pname := pluralName(dem, plural)
	for _, d := range dem {
		g.add(d, Entry{Kind: KindDemonym, Name: pname, Code: code, Country: code, Plural: plural[d]})
	}
	for _, cap := range c.Capitals {
		g.add(cap, Entry{Kind: KindCity, Name: cap, Code: code, Country: code, Capital: true})
	}
	return nil
}

// pluralName is the name of the people: the first plural form, else the
// adjective ("Chinese").
func pluralName(forms []string, plural map[string]bool) string {
	for _, f := range forms {
		if plural[f] {
			return f
		}
	}
	if len(forms) > 0 {
		return forms[0]
	}
	return ""
}

func (g *Gazetteer) addRegion(f []string) error {
	code, name := f[0], f[1]
	if len(code) != 3 || name == "" {
		return fmt.Errorf("bad region %q %q", code, name)
	}
	c := &Country{Code: code, Name: name, Variants: split(f[2]), IsRegion: true}
	dem, plural := plurals(split(f[3]))
	c.Demonyms = dem
	g.countries[code] = c
	e := Entry{Kind: KindRegion, Name: name, Code: code}
	g.add(name, e)
	for _, v := range c.Variants {
		g.add(v, e)
	}
	pname := pluralName(dem, plural)
	for _, d := range dem {
		g.add(d, Entry{Kind: KindDemonym, Name: pname, Code: code, Plural: plural[d]})
	}
	return nil
}

func (g *Gazetteer) addCity(f []string) error {
	name, code := f[0], f[2]
	if name == "" || len(code) != 3 {
		return fmt.Errorf("bad city %q %q", name, code)
	}
	e := Entry{Kind: KindCity, Name: name, Code: code, Country: code}
	g.add(name, e)
	for _, v := range split(f[1]) {
		g.add(v, e)
	}
	return nil
}

func (g *Gazetteer) addOrg(f []string) error {
	code, kind, name := f[0], f[1], f[2]
	if name == "" {
		return fmt.Errorf("bad organization %q", name)
	}
	e := Entry{Kind: KindOrg, Name: name, Code: code, Type: kind, Country: f[4]}
	for _, v := range append([]string{name}, split(f[3])...) {
		g.add(v, e)
		// British and American spellings name the same body
		if b := strings.NewReplacer("Organization", "Organisation", "Organisation", "Organization").Replace(v); b != v {
			g.add(b, e)
		}
	}
	return nil
}

func (g *Gazetteer) addBody(f []string) error {
	name, typ := f[0], f[2]
	if name == "" || typ == "" {
		return fmt.Errorf("bad body %q", name)
	}
	e := Entry{Kind: KindBody, Name: name, Type: typ, Country: f[3]}
	if e.Country != "" {
		e.Code = e.Country + typ
	}
	g.add(name, e)
	for _, v := range split(f[1]) {
		g.add(v, e)
	}
	return nil
}

func (g *Gazetteer) addTitle(f []string) error {
	t := Title{Title: strings.ToLower(f[0]), Type: f[1], Country: f[3]}
	switch f[2] {
	case "head":
		t.Head = true
	case "group":
		t.Group = true
	case "honorific":
		t.Honor = true
	case "":
	default:
		return fmt.Errorf("bad title kind %q", f[2])
	}
	if t.Title == "" || (t.Type == "" && !t.Honor) {
		return fmt.Errorf("bad title %q", f[0])
	}
	k := strings.ToLower(Key(t.Title))
	g.titles[k] = t
	first, _, _ := strings.Cut(k, " ")
	g.titleHead[first] = true
	if n := strings.Count(k, " ") + 1; n > g.maxTitle {
		g.maxTitle = n
	}
	return nil
}

func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse("2006-01-02", s)
}

func (g *Gazetteer) addHolder(f []string) error {
	h := Holder{Name: f[0], Aliases: split(f[1]), Actor: f[2], Role: f[3]}
	if h.Name == "" || len(h.Actor) < 3 {
		return fmt.Errorf("bad holder %q", h.Name)
	}
	var err error
	if h.From, err = parseDate(f[4]); err != nil {
		return err
	}
	if h.To, err = parseDate(f[5]); err != nil {
		return err
	}
	if !strings.HasPrefix(h.Actor, "IGO") && !strings.HasPrefix(h.Actor, "NGO") && !strings.HasPrefix(h.Actor, "IMG") {
		h.Country = h.Actor[:3]
		if len(h.Actor) >= 6 {
			h.Type = h.Actor[3:6]
		}
	} else {
		h.Type = h.Actor[:3]
	}
	i := len(g.holders)
	g.holders = append(g.holders, h)
	for _, n := range append([]string{h.Name}, h.Aliases...) {
		ln := strings.ToLower(normalize(n))
		g.byName[ln] = appendOnce(g.byName[ln], i)
		if strings.Contains(ln, " ") {
			fn := spellFold(ln)
			g.byFold[fn] = appendOnce(g.byFold[fn], i)
		}
		if w := strings.Fields(ln); len(w) > 1 {
			last := w[len(w)-1]
			if !notSurname[last] { // "Charles III" has no surname "III"
				g.bySurname[last] = appendOnce(g.bySurname[last], i)
			}
		}
	}
	return nil
}

// notSurname are last words of names that are no surname.
var notSurname = map[string]bool{"ii": true, "iii": true, "iv": true, "jr.": true, "jr": true, "sr.": true, "sr": true}

func appendOnce(s []int, i int) []int {
	for _, j := range s {
		if j == i {
			return s
		}
	}
	return append(s, i)
}

func (g *Gazetteer) addGender(f []string) error {
	if f[0] == "" || (f[1] != "f" && f[1] != "m") {
		return fmt.Errorf("bad gendered name %q %q", f[0], f[1])
	}
	g.gender[f[0]] = f[1][0]
	return nil
}

func (g *Gazetteer) addGiven(f []string) error {
	if f[0] != "" && len(g.phrases[f[0]]) == 0 {
		g.given[f[0]] = true
	}
	return nil
}
