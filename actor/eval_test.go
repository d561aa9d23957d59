package actor_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/actor"
	"github.com/dragoman-news/dragoman/internal/shared"
)

// The evaluation of this file scores the stage against two annotated
// corpora of ../shared: GUM news (every mention typed and clustered into
// coreference chains) and re3d (entities of political and security
// documents). See docs/actors.md for the figures and how they are counted.

// gumTok is one token of a GUM document with its byte span in the body.
type gumTok struct {
	start, end int
	upos       string
	head       int // document-wide index of the syntactic head, -1 for the root
	lower      string
}

// gumMention is one gold mention: tokens [a, b], its type, its chain.
type gumMention struct {
	a, b  int
	typ   string // person, organization, place...
	chain string // document-wide chain id
	head  int    // token whose head lies outside the mention
}

type gumGold struct {
	name     string
	body     string
	toks     []gumTok
	mentions []gumMention
}

// readGUMGold reads the GUM news documents with their tokens and every
// entity mention.
func readGUMGold(t testing.TB) []gumGold {
	dir := shared.Dir(t, "data", "gum-wikinews", "dep")
	files, _ := filepath.Glob(filepath.Join(dir, "GUM_news_*.conllu"))
	var out []gumGold
	for _, f := range files {
		out = append(out, parseGUM(t, f))
	}
	return out
}

func parseGUM(t testing.TB, path string) gumGold {
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	g := gumGold{name: filepath.Base(path)}
	var body strings.Builder
	newPar := false
	sentText := ""
	sentBase, cursor := 0, 0 // byte offset of the sentence in the body; search cursor in it
	sentTok0 := 0
	open := map[string][]int{} // chain -> start token indices of open mentions
	openIdx := map[string][]int{}
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "# newpar"):
			if !strings.HasPrefix(line, "# newpar_block") {
				newPar = true
			}
			continue
		case strings.HasPrefix(line, "# text = "):
			// a headline or caption (no final stop) stands alone
			if prev := strings.TrimRight(sentText, " "); prev != "" && !strings.ContainsAny(prev[len(prev)-1:], ".!?\"')”’:") {
				newPar = true
			}
			sentText = strings.TrimPrefix(line, "# text = ")
			if body.Len() > 0 {
				if newPar {
					body.WriteString("\n\n")
				} else {
					body.WriteString(" ")
				}
			}
			newPar = false
			sentBase, cursor = body.Len(), 0
			body.WriteString(sentText)
			sentTok0 = len(g.toks)
			continue
		case strings.HasPrefix(line, "#"):
			continue
		}
		fs := strings.Split(line, "\t")
		if len(fs) != 10 || strings.ContainsAny(fs[0], "-.") {
			continue
		}
		form := fs[1]
		tk := gumTok{upos: fs[3], lower: strings.ToLower(form), head: -1}
		if k := strings.Index(sentText[cursor:], form); k >= 0 {
			tk.start = sentBase + cursor + k
			tk.end = tk.start + len(form)
			cursor += k + len(form)
		} else {
			tk.start, tk.end = sentBase+cursor, sentBase+cursor
		}
		if h, err := strconv.Atoi(fs[6]); err == nil && h > 0 {
			tk.head = sentTok0 + h - 1
		}
		idx := len(g.toks)
		g.toks = append(g.toks, tk)
		for _, part := range strings.Split(fs[9], "|") {
			ann, ok := strings.CutPrefix(part, "Entity=")
			if !ok {
				continue
			}
			for i := 0; i < len(ann); {
				switch {
				case ann[i] == '(':
					j := i + 1
					for j < len(ann) && ann[j] != '(' && ann[j] != ')' {
						j++
					}
					desc := strings.SplitN(ann[i+1:j], "-", 8)
					chain := desc[0]
					typ := ""
					if len(desc) > 1 {
						typ = desc[1]
					}
					g.mentions = append(g.mentions, gumMention{a: idx, b: idx, typ: typ, chain: chain})
					if j < len(ann) && ann[j] == ')' {
						j++ // a one-token mention
					} else {
						open[chain] = append(open[chain], idx)
						openIdx[chain] = append(openIdx[chain], len(g.mentions)-1)
					}
					i = j
				case ann[i] >= '0' && ann[i] <= '9':
					j := i
					for j < len(ann) && ann[j] >= '0' && ann[j] <= '9' {
						j++
					}
					chain := ann[i:j]
					if st := openIdx[chain]; len(st) > 0 {
						g.mentions[st[len(st)-1]].b = idx
						openIdx[chain] = st[:len(st)-1]
						open[chain] = open[chain][:len(open[chain])-1]
					}
					if j < len(ann) && ann[j] == ')' {
						j++
					}
					i = j
				default:
					i++
				}
			}
		}
	}
	g.body = body.String()
	for k := range g.mentions {
		m := &g.mentions[k]
		m.head = m.b
		for x := m.a; x <= m.b; x++ {
			if h := g.toks[x].head; h < m.a || h > m.b {
				m.head = x
				break
			}
		}
	}
	return g
}

// evalClass maps a type onto the three classes scored: PER, ORG, PLACE.
func gumClass(typ string) string {
	switch typ {
	case "person":
		return "PER"
	case "organization":
		return "ORG"
	case "place":
		return "PLACE"
	}
	return ""
}

func sysClass(t dragoman.EntityType) string {
	switch t {
	case dragoman.Person:
		return "PER"
	case dragoman.Organization:
		return "ORG"
	case dragoman.GPE, dragoman.Location, dragoman.Facility:
		return "PLACE"
	}
	return ""
}

var evalDebug = os.Getenv("ACTOR_EVAL_DEBUG")

var thirdPronouns = map[string]bool{"he": true, "she": true, "him": true, "her": true, "his": true, "hers": true, "himself": true, "herself": true}

// prf holds counts for precision and recall.
type prf struct{ tp, sys, gold int }

func (x prf) p() float64 { return float64(x.tp) / float64(max(x.sys, 1)) }
func (x prf) r() float64 { return float64(x.tp) / float64(max(x.gold, 1)) }
func (x prf) f() float64 {
	p, r := x.p(), x.r()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// bcubed accumulates B-cubed precision and recall over mentions present on
// both sides.
type bcubed struct {
	p, r float64
	n    int
}

func (b bcubed) P() float64 { return b.p / float64(max(b.n, 1)) }
func (b bcubed) R() float64 { return b.r / float64(max(b.n, 1)) }
func (b bcubed) F() float64 {
	p, r := b.P(), b.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// add scores one document: items are (gold cluster, system cluster) pairs.
func (b *bcubed) add(items [][2]string) {
	for _, x := range items {
		inter, gs, ss := 0, 0, 0
		for _, y := range items {
			if y[0] == x[0] {
				gs++
			}
			if y[1] == x[1] {
				ss++
			}
			if y[0] == x[0] && y[1] == x[1] {
				inter++
			}
		}
		b.p += float64(inter) / float64(ss)
		b.r += float64(inter) / float64(gs)
		b.n++
	}
}

// gumEval is the score of the stage on GUM news.
type gumEval struct {
	typing  map[string]*prf // by class; tp counts system mentions (precision)
	found   map[string]int  // gold named mentions found with their class (recall)
	coded   map[string]int  // right system mentions whose entity has a country or actor code
	named   bcubed          // clustering of named mentions
	all     bcubed          // named, description and pronoun mentions
	pronoun prf             // he/she/his/her linked to the right named person
	desc    prf             // description mentions linked to the right person
}

func (e gumEval) recall(c string) float64 {
	return float64(e.found[c]) / float64(max(e.typing[c].gold, 1))
}

func (e gumEval) String() string {
	var b strings.Builder
	for _, c := range []string{"PER", "ORG", "PLACE"} {
		x := e.typing[c]
		p, r := x.p(), e.recall(c)
		fmt.Fprintf(&b, "%s P %.3f R %.3f F %.3f (%d/%d, %d/%d); ", c, p, r, 2*p*r/max(p+r, 1e-9), x.tp, x.sys, e.found[c], x.gold)
	}
	fmt.Fprintf(&b, "places with a code %.3f, people with a code %.3f; ", float64(e.coded["PLACE"])/float64(max(e.typing["PLACE"].tp, 1)),
		float64(e.coded["PER"])/float64(max(e.typing["PER"].tp, 1)))
	fmt.Fprintf(&b, "B3 named P %.3f R %.3f F %.3f (%d); ", e.named.P(), e.named.R(), e.named.F(), e.named.n)
	fmt.Fprintf(&b, "B3 all P %.3f R %.3f F %.3f (%d); ", e.all.P(), e.all.R(), e.all.F(), e.all.n)
	fmt.Fprintf(&b, "pronouns P %.3f R %.3f (%d/%d/%d); ", e.pronoun.p(), e.pronoun.r(), e.pronoun.tp, e.pronoun.sys, e.pronoun.gold)
	fmt.Fprintf(&b, "descriptions P %.3f (%d/%d)", e.desc.p(), e.desc.tp, e.desc.sys)
	return b.String()
}

// scoreGUM runs resolve on every document and scores it. A GPE fits a
// gold place and a gold organization alike (GUM types a country that
// acts, or fields a team, as an organization). A system mention
// is aligned with the gold mention whose head token it covers and whose
// tokens it overlaps most (overlap over union).
func scoreGUM(docs []gumGold, resolve func(dragoman.Article) *dragoman.Document) gumEval {
	ev := gumEval{typing: map[string]*prf{"PER": {}, "ORG": {}, "PLACE": {}}, found: map[string]int{}, coded: map[string]int{}}
	for _, g := range docs {
		d := resolve(dragoman.Article{ID: g.name, Body: g.body, Language: "en"})
		// gold mentions by head token, smallest first
		byHead := map[int][]int{}
		for i, m := range g.mentions {
			byHead[m.head] = append(byHead[m.head], i)
		}
		for _, l := range byHead {
			sort.Slice(l, func(a, b int) bool {
				ma, mb := g.mentions[l[a]], g.mentions[l[b]]
				return ma.b-ma.a < mb.b-mb.a
			})
		}
		align := func(m dragoman.Mention) int {
			// the gold mention with its head inside that best covers the
			// system mention (overlap over union, in tokens)
			best, bestScore := -1, 0.0
			sa, sb := -1, -1
			for x, tk := range g.toks {
				if tk.start >= m.End {
					break
				}
				if tk.end <= m.Start || tk.start < m.Start || tk.end > m.End {
					continue
				}
				if sa < 0 {
					sa = x
				}
				sb = x
			}
			for x := sa; x >= 0 && x <= sb; x++ {
				for _, gi := range byHead[x] {
					gm := g.mentions[gi]
					inter := min(gm.b, sb) - max(gm.a, sa) + 1
					union := max(gm.b, sb) - min(gm.a, sa) + 1
					if sc := float64(inter) / float64(union); sc > bestScore {
						best, bestScore = gi, sc
					}
				}
			}
			if best >= 0 {
				return best
			}
			// no head inside (a misparsed head): the smallest gold mention
			// holding the whole system mention
			for gi, gm := range g.mentions {
				if g.toks[gm.a].start <= m.Start && g.toks[gm.b].end >= m.End &&
					(best < 0 || gm.b-gm.a < g.mentions[best].b-g.mentions[best].a) {
					best = gi
				}
			}
			return best
		}
		named := func(gm gumMention) bool {
			return gumClass(gm.typ) != "" && g.toks[gm.head].upos == "PROPN"
		}
		pronoun := func(gm gumMention) bool {
			return gm.a == gm.b && gm.typ == "person" && thirdPronouns[g.toks[gm.a].lower]
		}
		// chains with a named person mention
		namedChain := map[string]bool{}
		for _, gm := range g.mentions {
			if named(gm) && gm.typ == "person" {
				namedChain[gm.chain] = true
			}
		}
		found := map[int]string{}  // gold named mention -> class found
		foundGPE := map[int]bool{} // gold named mention found as a GPE
		var namedItems, allItems [][2]string
		seenN, seenA := map[int]bool{}, map[int]bool{}
		entChains := map[string]map[string]bool{} // system entity -> gold chains of its name mentions
		type pend struct {
			gi   int
			ent  string
			org  string
			text string
		}
		var later []pend
		for _, m := range d.Mentions {
			gi := align(m)
			if m.Origin == "description" {
				// a premodifier ("US President") belongs to the person
				// mention around it, not to the place inside it
				best := -1
				for k, gm := range g.mentions {
					if gm.typ == "person" && g.toks[gm.a].start <= m.Start && g.toks[gm.b].end >= m.End &&
						(best < 0 || gm.b-gm.a < g.mentions[best].b-g.mentions[best].a) {
						best = k
					}
				}
				if best >= 0 {
					gi = best
				}
			}
			switch m.Origin {
			case "pronoun", "description":
				later = append(later, pend{gi, m.Entity, m.Origin, m.Text})
				continue
			}
			c := sysClass(m.Type)
			if gi >= 0 {
				gm := g.mentions[gi]
				if named(gm) {
					if !seenN[gi] {
						seenN[gi] = true
						namedItems = append(namedItems, [2]string{gm.chain, m.Entity})
					}
					if c != "" && found[gi] != gumClass(gm.typ) {
						found[gi] = c
					}
					if m.Type == dragoman.GPE {
						foundGPE[gi] = true
					}
				}
				if entChains[m.Entity] == nil {
					entChains[m.Entity] = map[string]bool{}
				}
				entChains[m.Entity][gm.chain] = true
				if !seenA[gi] {
					seenA[gi] = true
					allItems = append(allItems, [2]string{gm.chain, m.Entity})
				}
			}
			if c == "" {
				continue
			}
			ev.typing[c].sys++
			if gi >= 0 && (gumClass(g.mentions[gi].typ) == c || m.Type == dragoman.GPE && g.mentions[gi].typ == "organization") {
				ev.typing[c].tp++
				if e := d.Entity(m.Entity); e != nil && (e.Country != "" || e.Actor != "") {
					ev.coded[c]++
				}
			} else if evalDebug != "" {
				gt := "none"
				if gi >= 0 {
					gt = g.mentions[gi].typ
				}
				fmt.Printf("FP %s %s %q gold=%s\n", g.name, c, m.Text, gt)
			}
		}
		for _, gm := range g.mentions {
			if named(gm) {
				ev.typing[gumClass(gm.typ)].gold++
			}
			if pronoun(gm) && namedChain[gm.chain] {
				ev.pronoun.gold++
			}
		}
		for _, p := range later {
			right := p.gi >= 0 && entChains[p.ent][g.mentions[p.gi].chain]
			if evalDebug != "" && !right {
				gt := "none"
				if p.gi >= 0 {
					gm := g.mentions[p.gi]
					gt = gm.typ + " " + g.body[g.toks[gm.a].start:g.toks[gm.b].end]
				}
				fmt.Printf("BADLINK %s %s %s -> %s gold=%s\n", g.name, p.org, p.text, p.ent, gt)
			}
			if p.org == "pronoun" {
				ev.pronoun.sys++
				if right && pronoun(g.mentions[p.gi]) {
					ev.pronoun.tp++
				}
			} else {
				ev.desc.sys++
				if right {
					ev.desc.tp++
				}
			}
			if p.gi >= 0 && !seenA[p.gi] {
				seenA[p.gi] = true
				allItems = append(allItems, [2]string{g.mentions[p.gi].chain, p.ent})
			}
		}
		for gi, gm := range g.mentions {
			if !named(gm) {
				continue
			}
			if c := found[gi]; c == gumClass(gm.typ) {
				ev.found[c]++
			} else if foundGPE[gi] && gm.typ == "organization" {
				ev.found["ORG"]++
			} else if evalDebug != "" {
				fmt.Printf("FN %s %s %q got=%q\n", g.name, gm.typ, g.body[g.toks[gm.a].start:g.toks[gm.b].end], c)
			}
		}
		if evalDebug != "" {
			byChain := map[string]map[string]bool{}
			for _, it := range namedItems {
				if byChain[it[0]] == nil {
					byChain[it[0]] = map[string]bool{}
				}
				byChain[it[0]][it[1]] = true
			}
			for ch, es := range byChain {
				if len(es) > 1 {
					var names []string
					for id := range es {
						if e := d.Entity(id); e != nil {
							names = append(names, e.Name+"/"+string(e.Type))
						}
					}
					sort.Strings(names)
					fmt.Printf("SPLIT %s chain %s: %s\n", g.name, ch, strings.Join(names, " | "))
				}
			}
		}
		ev.named.add(namedItems)
		ev.all.add(allItems)
	}
	return ev
}

// re3dDoc is one re3d document with its gold entities (byte offsets).
type re3dDoc struct {
	id, text string
	gold     []re3dEnt
}

type re3dEnt struct {
	start, end int
	typ        string
	value      string
}

func readRe3d(t testing.TB) []re3dDoc {
	root := shared.Dir(t, "data", "re3d")
	dirs, _ := filepath.Glob(filepath.Join(root, "*", "documents.json"))
	var out []re3dDoc
	for _, df := range dirs {
		dir := filepath.Dir(df)
		docs := map[string]*re3dDoc{}
		var order []string
		eachJSON(t, df, func(raw []byte) {
			var x struct {
				ID   string `json:"_id"`
				Text string `json:"text"`
			}
			if json.Unmarshal(raw, &x) == nil {
				docs[x.ID] = &re3dDoc{id: x.ID, text: x.Text}
				order = append(order, x.ID)
			}
		})
		eachJSON(t, filepath.Join(dir, "entities.json"), func(raw []byte) {
			var x struct {
				Doc   string  `json:"documentId"`
				Begin int     `json:"begin"`
				End   int     `json:"end"`
				Type  string  `json:"type"`
				Value string  `json:"value"`
				Conf  float64 `json:"confidence"`
			}
			if json.Unmarshal(raw, &x) != nil || x.Conf < 0.5 {
				return
			}
			d := docs[x.Doc]
			if d == nil {
				return
			}
			s, e := runeToByte(d.text, x.Begin), runeToByte(d.text, x.End)
			if s < 0 || e < s || d.text[s:e] != x.Value {
				k := strings.Index(d.text[max(0, min(s, len(d.text))-40):], x.Value)
				if k < 0 {
					return
				}
				s = max(0, min(s, len(d.text))-40) + k
				e = s + len(x.Value)
			}
			d.gold = append(d.gold, re3dEnt{start: s, end: e, typ: x.Type, value: x.Value})
		})
		for _, id := range order {
			out = append(out, *docs[id])
		}
	}
	return out
}

func runeToByte(s string, n int) int {
	i := 0
	for b := range s {
		if i == n {
			return b
		}
		i++
	}
	if i == n {
		return len(s)
	}
	return -1
}

func eachJSON(t testing.TB, path string, fn func([]byte)) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<22), 1<<22)
	for sc.Scan() {
		fn(sc.Bytes())
	}
}

// re3dNamed reports a gold value that is a name: a word other than a
// leading "The" starts with a capital.
var re3dPronouns = map[string]bool{"I": true, "We": true, "He": true, "She": true, "They": true, "It": true, "You": true}

func re3dNamed(v string) bool {
	for i, w := range strings.Fields(v) {
		if i == 0 && (w == "The" || w == "the") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) && !re3dPronouns[w] {
			return true
		}
	}
	return false
}

// re3dMatch says whether a system class fits a re3d type: countries are
// annotated as organizations when they act and as locations when they are
// places, so a GPE fits both; a group ("U.S. officials") is an
// organization.
func re3dMatch(t dragoman.EntityType, gold string) bool {
	switch gold {
	case "Person":
		return t == dragoman.Person
	case "Organisation":
		return t == dragoman.Organization || t == dragoman.GPE || t == dragoman.Group
	case "Location":
		return t == dragoman.GPE || t == dragoman.Location || t == dragoman.Facility
	}
	return false
}

// scoreRe3d scores typing: a system mention of a scored type (names,
// descriptions and pronouns alike, as re3d annotates all three) counts when
// it overlaps a gold entity (of any type); it is right when one of those
// fits its type. Recall is over gold Person, Organisation and Location
// names.
func scoreRe3d(docs []re3dDoc, resolve func(dragoman.Article) *dragoman.Document) map[string]*prf {
	out := map[string]*prf{"Person": {}, "Organisation": {}, "Location": {}}
	for _, doc := range docs {
		d := resolve(dragoman.Article{ID: doc.id, Body: doc.text, Language: "en"})
		for _, m := range d.Mentions {
			var over []re3dEnt
			for _, g := range doc.gold {
				if g.start < m.End && m.Start < g.end {
					over = append(over, g)
				}
			}
			if len(over) == 0 {
				continue
			}
			cls := ""
			switch m.Type {
			case dragoman.Person:
				cls = "Person"
			case dragoman.Organization, dragoman.Group:
				cls = "Organisation"
			case dragoman.Location, dragoman.Facility:
				cls = "Location"
			case dragoman.GPE:
				cls = "Location"
				for _, g := range over {
					if g.typ == "Organisation" {
						cls = "Organisation"
					}
				}
			default:
				continue
			}
			out[cls].sys++
			for _, g := range over {
				if re3dMatch(m.Type, g.typ) {
					out[cls].tp++
					break
				}
			}
		}
		seen := map[[2]int]bool{}
		for _, g := range doc.gold {
			if out[g.typ] == nil || !re3dNamed(g.value) || seen[[2]int{g.start, g.end}] {
				continue
			}
			seen[[2]int{g.start, g.end}] = true
			out[g.typ].gold++
			// recall counts in a separate tally: tp above is precision's
			hit := false
			for _, m := range d.Mentions {
				if m.Start < g.end && g.start < m.End && re3dMatch(m.Type, g.typ) {
					out[g.typ+"/found"] = addFound(out[g.typ+"/found"])
					hit = true
					break
				}
			}
			if !hit && evalDebug != "" {
				fmt.Printf("RFN %s %q\n", g.typ, g.value)
			}
		}
	}
	return out
}

func addFound(p *prf) *prf {
	if p == nil {
		p = &prf{}
	}
	p.tp++
	return p
}

func re3dString(m map[string]*prf) string {
	var b strings.Builder
	for _, c := range []string{"Person", "Organisation", "Location"} {
		x := m[c]
		found := 0
		if f := m[c+"/found"]; f != nil {
			found = f.tp
		}
		p := x.p()
		r := float64(found) / float64(max(x.gold, 1))
		fmt.Fprintf(&b, "%s P %.3f R %.3f (%d/%d, %d/%d); ", c, p, r, x.tp, x.sys, found, x.gold)
	}
	return b.String()
}

func re3dRecall(m map[string]*prf, c string) float64 {
	found := 0
	if f := m[c+"/found"]; f != nil {
		found = f.tp
	}
	return float64(found) / float64(max(m[c].gold, 1))
}

// baseline is a recorded figure and the name it goes by.
type baseline struct {
	name      string
	got, want float64
}

func checkBaselines(t *testing.T, bs []baseline) {
	t.Helper()
	for _, b := range bs {
		if b.got < b.want {
			t.Errorf("%s %.3f below the baseline %.3f", b.name, b.got, b.want)
		}
	}
}

// TestEvalGUM scores the stage on GUM news with the rules alone (held to
// baselines) and after the tagger (logged).
func TestEvalGUM(t *testing.T) {
	docs := readGUMGold(t)
	rules := func(a dragoman.Article) *dragoman.Document { return resolveArticle(t, a, actor.Options{}) }
	ev := scoreGUM(docs, rules)
	t.Logf("GUM news, %d documents, rules alone: %s", len(docs), ev)
	checkBaselines(t, []baseline{
		{"PER precision", ev.typing["PER"].p(), 0.93},
		{"PER recall", ev.recall("PER"), 0.72},
		{"ORG precision", ev.typing["ORG"].p(), 0.75},
		{"ORG recall", ev.recall("ORG"), 0.44},
		{"PLACE precision", ev.typing["PLACE"].p(), 0.89},
		{"PLACE recall", ev.recall("PLACE"), 0.63},
		{"B3 named F", ev.named.F(), 0.94},
		{"B3 all F", ev.all.F(), 0.90},
		{"pronoun precision", ev.pronoun.p(), 0.85},
		{"pronoun recall", ev.pronoun.r(), 0.56},
	})
	if testing.Short() {
		return
	}
	model := func(a dragoman.Article) *dragoman.Document { return withTagger(t, a) }
	if evalDebug != "" {
		fmt.Println("=== after the tagger")
	}
	t.Logf("GUM news, after the tagger: %s", scoreGUM(docs, model))
}

// TestEvalRe3d scores typing on re3d with the rules alone (held to
// baselines) and after the tagger (logged).
func TestEvalRe3d(t *testing.T) {
	docs := readRe3d(t)
	rules := func(a dragoman.Article) *dragoman.Document { return resolveArticle(t, a, actor.Options{}) }
	m := scoreRe3d(docs, rules)
	t.Logf("re3d, %d documents, rules alone: %s", len(docs), re3dString(m))
	checkBaselines(t, []baseline{
		{"Person precision", m["Person"].p(), 0.84},
		{"Person recall", re3dRecall(m, "Person"), 0.79},
		{"Organisation precision", m["Organisation"].p(), 0.91},
		{"Organisation recall", re3dRecall(m, "Organisation"), 0.69},
		{"Location precision", m["Location"].p(), 0.90},
		{"Location recall", re3dRecall(m, "Location"), 0.72},
	})
	if testing.Short() {
		return
	}
	model := func(a dragoman.Article) *dragoman.Document { return withTagger(t, a) }
	t.Logf("re3d, after the tagger: %s", re3dString(scoreRe3d(docs, model)))
}
