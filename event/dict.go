package event

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Dictionaries are what the coder matches against a sentence: verbs with
// their patterns and synonym sets, actors (with date-bounded codes), agents
// (roles such as "minister" that add a type to an actor) and discards. They
// are read from files in the PETRARCH/TABARI formats or from the coder's
// built-in lexicon, which is written in the same format.
type Dictionaries struct {
	verbs    map[string][]*verbForm // keyed by the head word form
	synsets  map[string][][]string  // "&NAME" -> members (each a word sequence)
	flat     map[string][][]string  // synsets with nested synsets expanded
	actors   phraseIndex
	agents   phraseIndex
	discards []discard
	// counts for reports
	nVerbs, nPatterns, nActors, nAgents int
}

// verbForm is one written form of a verb: a single word ("RESTORED") or a
// multi-word verb whose head is marked ("WIRE TAPPED", head 1).
type verbForm struct {
	words []string
	head  int
	code  string // the form's own code, or the block's
	block *verbBlock
}

// verbBlock is one "--- VERB [code] ---" entry with its patterns.
type verbBlock struct {
	name     string
	code     string
	patterns []*pattern // most specific first once loaded
}

// pattern is one "- words * words [code]" line: words that must surround
// the verb for the pattern's code to apply.
type pattern struct {
	pre    []pelem // before the verb, nearest first
	post   []pelem // after the verb, nearest first
	code   string
	weight int // literal words: the most specific pattern wins
	order  int
	text   string
}

// pelem kinds.
const (
	pWord     = 'w'
	pSynset   = 's'
	pSource   = '$'
	pTarget   = '+'
	pCompound = '%'
	pSkip     = '^'
)

type pelem struct {
	kind byte
	word string
	adj  bool // must touch the element nearer the verb (joined by "_")
}

// phrase is an actor or agent entry: its words and codes.
type phrase struct {
	words []string
	codes []datedCode // actors
	agent string      // agents: "~GOV" (after the actor) or "NGO~" (before)
	name  string
}

// datedCode is an actor code valid between two dates (yyyymmdd, 0 = open).
type datedCode struct {
	code     string
	from, to int
}

type discard struct {
	words []string
	story bool
}

type phraseIndex struct {
	byFirst map[string][]*phrase
}

func (x *phraseIndex) add(p *phrase) {
	if len(p.words) == 0 {
		return
	}
	if x.byFirst == nil {
		x.byFirst = map[string][]*phrase{}
	}
	x.byFirst[p.words[0]] = append(x.byFirst[p.words[0]], p)
}

func (x *phraseIndex) sort() {
	for _, l := range x.byFirst {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i].words) > len(l[j].words) })
	}
}

// longest returns the longest phrase starting at toks[i] and its length in
// tokens.
func (x *phraseIndex) longest(toks []token, i int) (*phrase, int) {
	for _, p := range x.byFirst[toks[i].Up] {
		if i+len(p.words) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(p.words); k++ {
			if toks[i+k].Up != p.words[k] {
				ok = false
				break
			}
		}
		if ok {
			return p, len(p.words)
		}
	}
	return nil, 0
}

// NewDictionaries returns empty dictionaries.
func NewDictionaries() *Dictionaries {
	return &Dictionaries{verbs: map[string][]*verbForm{}, synsets: map[string][][]string{}}
}

// LoadFile reads one dictionary file; kind is "verbs", "actors", "agents" or
// "discards".
func (d *Dictionaries) LoadFile(kind, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := d.Load(kind, f); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// Load reads a dictionary of the given kind.
func (d *Dictionaries) Load(kind string, r io.Reader) error {
	var err error
	switch kind {
	case "verbs":
		err = d.readVerbs(r)
	case "actors":
		err = d.readActors(r)
	case "agents":
		err = d.readAgents(r)
	case "discards":
		err = d.readDiscards(r)
	default:
		return fmt.Errorf("unknown dictionary kind %q", kind)
	}
	d.finish()
	return err
}

// finish orders what was read for matching: longest phrases first, most
// specific patterns first, synsets flattened.
func (d *Dictionaries) finish() {
	d.actors.sort()
	d.agents.sort()
	seen := map[*verbBlock]bool{}
	for _, forms := range d.verbs {
		for _, f := range forms {
			b := f.block
			if seen[b] {
				continue
			}
			seen[b] = true
			sort.SliceStable(b.patterns, func(i, j int) bool {
				if b.patterns[i].weight != b.patterns[j].weight {
					return b.patterns[i].weight > b.patterns[j].weight
				}
				return b.patterns[i].order < b.patterns[j].order
			})
		}
	}
	d.flat = map[string][][]string{}
	for name := range d.synsets {
		d.flat[name] = d.expandSynset(name, 0)
	}
}

// lines yields the meaningful lines of a dictionary: XML comments removed,
// "#" comments cut, trailing space trimmed. Leading whitespace is kept
// (actor files use it for code lines).
func lines(r io.Reader, fn func(n int, line string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	inComment := false
	n := 0
	for sc.Scan() {
		n++
		s := sc.Text()
		if inComment {
			if k := strings.Index(s, "-->"); k >= 0 {
				s = s[k+3:]
				inComment = false
			} else {
				continue
			}
		}
		for {
			k := strings.Index(s, "<!")
			if k < 0 {
				break
			}
			e := strings.Index(s[k:], ">")
			if e < 0 {
				s = s[:k]
				inComment = true
				break
			}
			s = s[:k] + s[k+e+1:]
		}
		if k := strings.IndexByte(s, '#'); k >= 0 {
			s = s[:k]
		}
		s = strings.TrimRight(s, " \t\r")
		if strings.TrimSpace(s) == "" {
			continue
		}
		if err := fn(n, s); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return sc.Err()
}

var codeRE = regexp.MustCompile(`\[([^\]]*)\]`)

// splitWords turns a dictionary phrase ("MINAS_TIRITH", "CARAS GALADHON")
// into upper-case words.
func splitWords(s string) []string {
	s = strings.ToUpper(strings.ReplaceAll(s, "_", " "))
	return strings.Fields(s)
}

// ---- verbs ----

func (d *Dictionaries) readVerbs(r io.Reader) error {
	var block *verbBlock
	var synset string
	order := 0
	return lines(r, func(n int, s string) error {
		t := strings.TrimSpace(s)
		switch {
		case strings.HasPrefix(t, "---"):
			synset = ""
			name := strings.Trim(t, "- ")
			code := ""
			if m := codeRE.FindAllStringSubmatch(name, -1); len(m) > 0 {
				code = strings.TrimSpace(m[0][1])
				name = strings.TrimSpace(name[:strings.Index(name, "[")])
			}
			block = &verbBlock{name: name, code: code}
			d.nVerbs++
		case strings.HasPrefix(t, "&"):
			synset = strings.TrimRight(strings.ToUpper(strings.Fields(t)[0]), "_")
			block = nil
			if _, ok := d.synsets[synset]; !ok {
				d.synsets[synset] = nil
			}
		case synset != "" && strings.HasPrefix(t, "+"):
			d.synsets[synset] = append(d.synsets[synset], splitWords(strings.TrimPrefix(t, "+")))
		case block == nil:
			// stray line outside a block
		case strings.HasPrefix(t, "-"):
			p, err := parsePattern(strings.TrimSpace(t[1:]))
			if err != nil {
				return err
			}
			if p != nil {
				order++
				p.order = order
				block.patterns = append(block.patterns, p)
				d.nPatterns++
			}
		default:
			d.addVerbLine(block, t)
		}
		return nil
	})
}

// addVerbLine reads "VERB", "VERB {FORMS}", "+MULTI_WORD {...}",
// "WORD_+VERB [code]" lines of a block.
func (d *Dictionaries) addVerbLine(b *verbBlock, t string) {
	code := b.code
	if m := codeRE.FindStringSubmatch(t); m != nil {
		code = strings.TrimSpace(m[1])
		t = strings.TrimSpace(codeRE.ReplaceAllString(t, ""))
	}
	var irregular []string
	if k := strings.IndexByte(t, '{'); k >= 0 {
		e := strings.IndexByte(t, '}')
		if e > k {
			irregular = strings.Fields(t[k+1 : e])
		}
		t = strings.TrimSpace(t[:k])
	}
	forms := append([]string{t}, irregular...)
	for i, f := range forms {
		words, head := verbWords(f)
		if len(words) == 0 {
			continue
		}
		d.addVerbForm(&verbForm{words: words, head: head, code: code, block: b})
		if i == 0 {
			// regular inflections of the head word
			for _, inf := range inflect(words[head]) {
				w := append([]string(nil), words...)
				w[head] = inf
				d.addVerbForm(&verbForm{words: w, head: head, code: code, block: b})
			}
		}
	}
}

// verbWords splits a verb form into words and finds its head: the word
// marked with "+" in a multi-word verb, else the first.
func verbWords(f string) ([]string, int) {
	f = strings.ToUpper(strings.ReplaceAll(f, "_", " "))
	parts := strings.Fields(f)
	head := 0
	for i, p := range parts {
		if strings.HasPrefix(p, "+") {
			head = i
			parts[i] = strings.TrimPrefix(p, "+")
		}
	}
	out := parts[:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	if head >= len(out) {
		head = 0
	}
	return out, head
}

func (d *Dictionaries) addVerbForm(v *verbForm) {
	key := v.words[v.head]
	for _, o := range d.verbs[key] {
		if o.block == v.block && strings.Join(o.words, " ") == strings.Join(v.words, " ") {
			return
		}
	}
	d.verbs[key] = append(d.verbs[key], v)
	sort.SliceStable(d.verbs[key], func(i, j int) bool { return len(d.verbs[key][i].words) > len(d.verbs[key][j].words) })
}

// inflect makes the regular forms of a verb: -S, -ED, -ING, with the usual
// spelling changes for a final E or consonant plus Y.
func inflect(v string) []string {
	if len(v) < 2 {
		return nil
	}
	last := v[len(v)-1]
	switch {
	case last == 'E':
		return []string{v + "S", v + "D", v[:len(v)-1] + "ING"}
	case last == 'Y' && !strings.ContainsRune("AEIOU", rune(v[len(v)-2])):
		return []string{v[:len(v)-1] + "IES", v[:len(v)-1] + "IED", v + "ING"}
	case strings.HasSuffix(v, "S") || strings.HasSuffix(v, "SH") || strings.HasSuffix(v, "CH") || strings.HasSuffix(v, "X") || strings.HasSuffix(v, "Z"):
		return []string{v + "ES", v + "ED", v + "ING"}
	}
	return []string{v + "S", v + "ED", v + "ING"}
}

// parsePattern reads the part of a pattern line after "- ". Patterns whose
// code is not an event code (TABARI's "+++", "###" placeholders) are
// skipped by returning nil.
func parsePattern(t string) (*pattern, error) {
	m := codeRE.FindStringSubmatch(t)
	if m == nil {
		return nil, nil
	}
	code := strings.TrimSpace(m[1])
	if code != "---" && (code == "" || code[0] < '0' || code[0] > '9') {
		return nil, nil
	}
	body := strings.TrimSpace(t[:strings.Index(t, "[")])
	p := &pattern{code: code, text: body}
	// Split into elements, remembering "_" joins.
	type el struct {
		s    string
		join bool // joined to the next element
	}
	var els []el
	for _, chunk := range strings.Fields(body) {
		parts := strings.Split(chunk, "_")
		for i, part := range parts {
			if part == "" {
				continue
			}
			join := i < len(parts)-1 && parts[i+1] != ""
			els = append(els, el{s: part, join: join})
		}
	}
	star := -1
	for i, e := range els {
		if e.s == "*" {
			star = i
			break
		}
	}
	if star < 0 {
		return nil, nil
	}
	mkel := func(s string) pelem {
		switch s {
		case "$":
			return pelem{kind: pSource}
		case "+":
			return pelem{kind: pTarget}
		case "%":
			return pelem{kind: pCompound}
		case "^":
			return pelem{kind: pSkip}
		}
		if strings.HasPrefix(s, "&") {
			p.weight++
			return pelem{kind: pSynset, word: strings.ToUpper(s)}
		}
		p.weight++
		return pelem{kind: pWord, word: strings.ToUpper(s)}
	}
	for i := star - 1; i >= 0; i-- {
		e := mkel(els[i].s)
		e.adj = els[i].join // joined to the element after it (nearer the verb)
		p.pre = append(p.pre, e)
	}
	for i := star + 1; i < len(els); i++ {
		e := mkel(els[i].s)
		e.adj = els[i-1].join // joined to the element before it (nearer the verb)
		p.post = append(p.post, e)
	}
	return p, nil
}

// ---- actors ----

func (d *Dictionaries) readActors(r io.Reader) error {
	var cur []*phrase // the entry and its synonyms
	var codes []datedCode
	flush := func() {
		for _, p := range cur {
			p.codes = codes
			d.actors.add(p)
			d.nActors++
		}
		cur, codes = nil, nil
	}
	err := lines(r, func(n int, s string) error {
		t := strings.TrimSpace(s)
		indented := s[0] == ' ' || s[0] == '\t'
		switch {
		case strings.HasPrefix(t, "["):
			codes = append(codes, parseActorCodes(t)...)
		case strings.HasPrefix(t, "+"):
			name := t[1:]
			if k := strings.IndexByte(name, '['); k >= 0 {
				codes = append(codes, parseActorCodes(name[k:])...)
				name = name[:k]
			}
			if w := splitWords(name); len(w) > 0 && len(cur) > 0 {
				cur = append(cur, &phrase{words: w, name: cur[0].name})
			}
		case indented && len(cur) > 0:
			// continuation
		default:
			flush()
			name := t
			if k := strings.IndexByte(t, '['); k >= 0 {
				name = t[:k]
				codes = append(codes, parseActorCodes(t[k:])...)
			}
			w := splitWords(name)
			if len(w) == 0 {
				return nil
			}
			cur = []*phrase{{words: w, name: strings.Join(w, " ")}}
		}
		return nil
	})
	flush()
	return err
}

func parseActorCodes(t string) []datedCode {
	var out []datedCode
	for _, m := range codeRE.FindAllStringSubmatch(t, -1) {
		out = append(out, parseDatedCode(m[1]))
	}
	return out
}

// parseDatedCode reads "HOBGOV 19950601 - 19990815", "HOB < 950601",
// "HOBREB >990816", "ORCHOB 20100109-20100112" or a bare code.
func parseDatedCode(s string) datedCode {
	s = strings.TrimSpace(s)
	f := strings.Fields(s)
	if len(f) == 0 {
		return datedCode{}
	}
	dc := datedCode{code: f[0]}
	rest := strings.Join(f[1:], "")
	switch {
	case rest == "":
	case strings.HasPrefix(rest, "<"):
		dc.to = parseDictDate(rest[1:]) - 1
	case strings.HasPrefix(rest, ">"):
		dc.from = parseDictDate(rest[1:]) + 1
	case strings.Contains(rest, "-"):
		k := strings.Index(rest, "-")
		dc.from = parseDictDate(rest[:k])
		dc.to = parseDictDate(rest[k+1:])
	}
	return dc
}

// parseDictDate reads yyyymmdd or yymmdd (19yy) as an integer yyyymmdd.
func parseDictDate(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0
	}
	if len(strings.TrimSpace(s)) == 6 {
		n += 19000000
	}
	return n
}

// resolve picks the code valid on date (yyyymmdd; 0 = unknown): the first
// dated code whose range holds the date, else the first undated one.
func resolveCodes(codes []datedCode, date int) string {
	if date > 0 {
		for _, c := range codes {
			if c.from == 0 && c.to == 0 {
				continue
			}
			if (c.from == 0 || date >= c.from) && (c.to == 0 || date <= c.to) {
				return c.code
			}
		}
	}
	for _, c := range codes {
		if c.from == 0 && c.to == 0 {
			return c.code
		}
	}
	if len(codes) > 0 && date == 0 {
		return codes[len(codes)-1].code
	}
	return ""
}

// ---- agents ----

func (d *Dictionaries) readAgents(r io.Reader) error {
	macros := map[string][]string{}
	return lines(r, func(n int, s string) error {
		t := strings.TrimSpace(s)
		if strings.HasPrefix(t, "!") && strings.Contains(t, "=") {
			k := strings.Index(t, "=")
			name := strings.TrimSpace(t[:k])
			for _, v := range strings.Split(t[k+1:], ",") {
				if v = strings.TrimSpace(v); v != "" {
					macros[strings.ToUpper(name)] = append(macros[strings.ToUpper(name)], strings.ToUpper(v))
				}
			}
			return nil
		}
		m := codeRE.FindStringSubmatch(t)
		if m == nil {
			return nil
		}
		code := strings.ReplaceAll(m[1], " ", "")
		head := strings.TrimSpace(t[:strings.Index(t, "[")])
		var plurals []string
		explicit := false
		if k := strings.IndexByte(head, '{'); k >= 0 {
			e := strings.IndexByte(head, '}')
			if e > k {
				plurals = strings.Fields(head[k+1 : e])
			}
			explicit = true
			head = strings.TrimSpace(head[:k])
		}
		for _, name := range expandMacros(strings.ToUpper(head), macros) {
			forms := []string{name}
			if explicit {
				forms = append(forms, plurals...)
			} else {
				forms = append(forms, plural(name))
			}
			for _, f := range forms {
				for _, g := range expandMacros(strings.ToUpper(f), macros) {
					if w := splitWords(g); len(w) > 0 {
						d.agents.add(&phrase{words: w, agent: code, name: strings.Join(splitWords(name), " ")})
						d.nAgents++
					}
				}
			}
		}
		return nil
	})
}

func expandMacros(s string, macros map[string][]string) []string {
	for name, vals := range macros {
		if strings.Contains(s, name) {
			var out []string
			for _, v := range vals {
				out = append(out, expandMacros(strings.Replace(s, name, v, 1), macros)...)
			}
			return out
		}
	}
	return []string{s}
}

// plural makes the regular plural of the last word of a phrase.
func plural(s string) string {
	n := len(s)
	switch {
	case n > 1 && s[n-1] == 'Y' && !strings.ContainsRune("AEIOU", rune(s[n-2])):
		return s[:n-1] + "IES"
	case strings.HasSuffix(s, "S") || strings.HasSuffix(s, "SH") || strings.HasSuffix(s, "CH") || strings.HasSuffix(s, "X"):
		return s + "ES"
	}
	return s + "S"
}

// ---- discards ----

func (d *Dictionaries) readDiscards(r io.Reader) error {
	return lines(r, func(n int, s string) error {
		t := strings.TrimSpace(s)
		story := strings.HasPrefix(t, "+")
		t = strings.TrimPrefix(t, "+")
		if w := splitWords(t); len(w) > 0 {
			d.discards = append(d.discards, discard{words: w, story: story})
		}
		return nil
	})
}
