package actor

import (
	"context"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/gazetteer"
)

// cand is a candidate mention, over the words [ws, we).
type cand struct {
	ws, we      int
	start, end  int // byte span; set from the words unless a rule narrows it
	typ         dragoman.EntityType
	origin      string
	score       float64
	key         string // cluster key for non-person entities
	name        string // canonical name for non-person entities
	country     string
	actor       string
	otype       string // CAMEO type of an organization, body or group
	kind        gazetteer.Kind
	capital     bool
	admin       bool   // an "administration": the government of a head of state
	adminHead   string // "Trump" in "Trump administration"; "" for "the administration"
	groupAdmin  bool   // a group of the administration ("administration officials")
	dead        bool
	roles       []pendingRole
	ent         int // index into state.ents, -1 before clustering
	desc        bool
	metonymic   bool
	untyped     bool   // a capitalized run no rule has typed yet
	aliasOf     *cand  // "known as Hemedti": another name of that person
	homeCountry string // "Brigid Kosgei of Kenya": the person's country
	givenPlace  bool   // "Santiago Peña": a run opened by a place that is a given name
}

type state struct {
	r       *Resolver
	g       *gazetteer.Gazetteer
	d       *dragoman.Document
	body    string
	words   []word
	sents   [][2]int // word ranges per sentence
	caps    []bool   // per sentence: written in capitals
	titleAt []titleHit
	gazAt   []int // per word: index+1 of the gazetteer cand that covers it
	cands   []*cand
	at      time.Time
	english bool
	ents    []*entity
	byWord  [][]int32       // per word: the candidates that cover it
	mainCC  *string         // mainCountry, once computed
	lower   map[string]bool // words written in lower case, once computed
}

type titleHit struct {
	end int // end word of the title phrase starting here, 0 when none
	t   gazetteer.Title
}

func newState(r *Resolver, d *dragoman.Document) *state {
	s := &state{r: r, g: r.g, d: d, body: d.Article.Body, at: publication(d)}
	lang := strings.ToLower(d.Article.Language)
	s.english = lang == "" || lang == "en" || lang == "und" || strings.HasPrefix(lang, "en-")
	return s
}

func (s *state) run(ctx context.Context) error {
	spans := sentenceSpans(s.d)
	s.words, s.sents, s.caps = tokenizeDoc(s.body, spans)
	if !s.english {
		s.d.Warn("actor", "not-english", "the text does not read as English: only names of the gazetteer and of the tagger are resolved", nil)
	}
	s.titleAt = make([]titleHit, len(s.words))
	s.byWord = make([][]int32, len(s.words))
	s.gazAt = make([]int, len(s.words))
	for si, sr := range s.sents {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		s.scanGazetteer(sr)
		s.scanTitles(sr)
		if s.english && !s.caps[si] {
			s.scanRuns(sr)
		} else if s.caps[si] {
			s.scanShouted(sr)
		}
	}
	s.scanAdministrations()
	s.scanGroups()
	s.scanPlatforms()
	s.mergeModel()
	s.typeRuns()
	s.scanSharedNames()
	s.scanBodiesCountry()
	s.scanMetonymy()
	if err := ctx.Err(); err != nil {
		return err
	}
	s.readRoles()
	s.cluster()
	s.describe()
	s.pronouns()
	s.resolve()
	s.output()
	return nil
}

func (s *state) add(c *cand) *cand {
	if c.start == 0 && c.end == 0 {
		c.start, c.end = s.words[c.ws].start, s.words[c.we-1].end
	}
	c.ent = -1
	s.cands = append(s.cands, c)
	for k := c.ws; k < c.we && k < len(s.byWord); k++ {
		s.byWord[k] = append(s.byWord[k], int32(len(s.cands)-1))
	}
	return c
}

func (s *state) text(ws, we int) string {
	if ws >= we {
		return ""
	}
	return s.body[s.words[ws].start:s.words[we-1].end]
}

// live returns the live candidates overlapping words [ws, we).
func (s *state) live(ws, we int) []*cand {
	var out []*cand
	for k := max(ws, 0); k < we && k < len(s.byWord); k++ {
		for _, ci := range s.byWord[k] {
			c := s.cands[ci]
			if c.dead || c.desc || (c.ws < k && k > ws) {
				continue // dead, or counted at an earlier word
			}
			out = append(out, c)
		}
	}
	return out
}

// candAt returns the live non-description candidate covering word i.
func (s *state) candAt(i int) *cand {
	if i < 0 || i >= len(s.byWord) {
		return nil
	}
	for _, ci := range s.byWord[i] {
		if c := s.cands[ci]; !c.dead && !c.desc {
			return c
		}
	}
	return nil
}

// wordAt returns the index of the first word ending after byte offset off.
func (s *state) wordAt(off int) int {
	return sort.Search(len(s.words), func(i int) bool { return s.words[i].end > off })
}

// scanGazetteer adds a candidate for each gazetteer name of the sentence.
func (s *state) scanGazetteer(sr [2]int) {
	toks := make([]gazetteer.Token, 0, sr[1]-sr[0])
	for _, w := range s.words[sr[0]:sr[1]] {
		toks = append(toks, gazetteer.Token{Start: w.start, End: w.end})
	}
	for _, m := range s.g.ScanTokens(s.body, toks) {
		ws, we := s.wordAt(m.Start), -1
		for i := ws; i < sr[1] && s.words[i].start < m.End; i++ {
			we = i + 1
		}
		if ws < sr[0] || we <= ws {
			continue
		}
		e := m.Entries[0]
		// "Russian" the adjective and "Russia" the country share no entry;
		// prefer a country or body reading over a city of the same name.
		for _, x := range m.Entries {
			if x.Kind == gazetteer.KindCountry || x.Kind == gazetteer.KindBody {
				e = x
				break
			}
		}
		c := &cand{ws: ws, we: we, start: m.Start, end: m.End, origin: "gazetteer", kind: e.Kind, score: 1}
		switch e.Kind {
		case gazetteer.KindCountry:
			c.typ, c.key, c.name, c.country, c.actor = dragoman.GPE, "C:"+e.Code, e.Name, e.Code, e.Code
		case gazetteer.KindCity:
			c.typ, c.key, c.name, c.country, c.actor, c.capital = dragoman.GPE, "T:"+e.Name, e.Name, e.Country, e.Country, e.Capital
		case gazetteer.KindRegion:
			c.typ, c.key, c.name, c.country, c.actor = dragoman.Location, "R:"+e.Code, e.Name, e.Code, e.Code
			if e.Code == "GZS" || e.Code == "WSB" {
				c.typ = dragoman.GPE
			}
		case gazetteer.KindDemonym:
			c.typ, c.key, c.name, c.country, c.actor = dragoman.NORP, "N:"+e.Code, e.Name, e.Code, e.Code
		case gazetteer.KindOrg:
			c.typ, c.key, c.name, c.country, c.actor, c.otype = dragoman.Organization, "O:"+e.Name, e.Name, e.Country, e.Code, e.Type
			if c.actor == "IGO" || c.actor == "NGO" {
				c.actor = ""
				if e.Country != "" {
					c.actor = e.Country + e.Type
				}
			}
		case gazetteer.KindBody:
			c.typ, c.key, c.name, c.country, c.otype = dragoman.Organization, "B:"+e.Name, e.Name, e.Country, e.Type
			if e.Country != "" {
				c.actor = e.Country + e.Type
			}
		}
		// a leading "the" is not part of the name
		if strings.HasPrefix(m.Text, "the ") && we-ws > 1 {
			c.ws++
			c.start = s.words[c.ws].start
		}
		s.add(c)
		for i := c.ws; i < c.we; i++ {
			s.gazAt[i] = len(s.cands)
		}
	}
}

// scanTitles marks the titles and offices of the sentence ("Secretary of
// State", "spokeswoman"), longest first, outside gazetteer names.
func (s *state) scanTitles(sr [2]int) {
	buf := make([]string, 0, s.g.MaxTitleWords())
	var sing []string // a plural title read as the singular
	for i := sr[0]; i < sr[1]; {
		if s.gazAt[i] != 0 {
			i++
			continue
		}
		buf = buf[:0]
		for j := i; j < sr[1] && j-i < s.g.MaxTitleWords() && s.gazAt[j] == 0; j++ {
			buf = append(buf, s.words[j].lower)
		}
		t, found := s.g.TitleAt(buf)
		// "deputy prime ministers": a plural of a title of several words
		for n := len(buf); n >= 2 && n > found; n-- {
			if w := buf[n-1]; len(w) > 3 && strings.HasSuffix(w, "s") && s.words[i].lower == buf[0] {
				sing = append(append(sing[:0], buf[:n-1]...), w[:len(w)-1])
				if pt, pf := s.g.TitleAt(sing); pf == n && !pt.Group {
					t, found = pt, n
					break
				}
			}
		}
		// "Refugee Council", "Student Association": a capitalized title
		// word before a head word of organizations names the organization
		if found > 0 && s.words[i].cap && i+found < sr[1] && orgHeads[s.words[i+found].text] {
			found = 0
		}
		// "Office of the UN High Commissioner for Human Rights", "Office of
		// the Prime Minister": an office named after a title
		if found > 0 && s.words[i].cap && s.officeOf(i, sr[0]) {
			found = 0
		}
		// "Hassan Sheikh Mohamud": a one-word title between a given name
		// and another capitalized word is part of the name
		if found == 1 && s.words[i].cap && i > sr[0] && i+1 < sr[1] && s.words[i+1].cap &&
			s.gazAt[i-1] == 0 && (s.g.IsGivenName(s.words[i-1].text) || s.g.Gender(s.words[i-1].text) != 0) {
			found = 0
		}
		if found > 0 {
			// "Minister of Emergency Situations", "Director of the Office of
			// Budget", "High Commissioner for Human Rights": the capitalized
			// complement belongs to the title, up to a given name
			end := i + found
			if ofTitles[s.words[end-1].lower] && end+1 < sr[1] && (s.words[end].lower == "of" || s.words[end].lower == "for" && s.words[end-1].cap) {
				k := end + 1
				if k < sr[1] && s.words[k].lower == "the" {
					k++
				}
				j := k
				for j < sr[1] && (s.words[j].cap || s.words[j].lower == "and" || s.words[j].lower == "of") && !s.g.IsGivenName(s.words[j].text) && !isUpperWord(s.words[j].text) {
					j++
				}
				office := j > k && officeNouns[s.words[j-1].text]
				if (j == sr[1] || !s.g.IsGivenName(s.words[j].text)) && !office {
					// no given name: leave the last two words to the name,
					// unless they end the name of an office ("High
					// Commissioner for Human Rights who ...")
					j -= 2
				}
				for j > k && !s.words[j-1].cap {
					j--
				}
				if j > k && (j < sr[1] && s.words[j].cap || office) {
					end = j
					for x := k; x < j; x++ {
						if s.gazAt[x] != 0 {
							s.cands[s.gazAt[x]-1].dead = true
							s.gazAt[x] = 0
						}
					}
					found = end - i
				}
			}
			// "China's vice minister of public security, Liu Hongwei": a
			// lower-case complement, when a comma closes it (a reversed
			// appositive), belongs to the title too
			if end == i+found && ofTitles[s.words[end-1].lower] && end+1 < sr[1] && s.words[end].lower == "of" {
				k := end + 1
				j := k
				for j < sr[1] && j-k < 4 && !s.words[j].cap && isLowerWord(s.words[j].text) && !complementStop[s.words[j].lower] {
					j++
				}
				if j > k && j < sr[1] && s.words[j].text == "," {
					end, found = j, j-i
				}
			}
			s.titleAt[i] = titleHit{end: end, t: t}
		} else {
			// plural of a title: "advisers", "envoys"
			w := s.words[i].lower
			if strings.HasSuffix(w, "s") && len(w) > 3 {
				if t, hit := s.g.Title(w[:len(w)-1]); hit && !t.Group {
					if _, isGroup := s.g.Title(w); !isGroup {
						s.titleAt[i] = titleHit{end: i + 1, t: t}
					}
				}
			}
			found = 1
		}
		i += found
	}
}

// officeOf reports a title at word i that completes "Office of (the)
// (UN) …": the name of an office, not a title before a name.
func (s *state) officeOf(i, from int) bool {
	k := i - 1
	for n := 0; n < 3 && k >= from && s.words[k].cap && !officeHeads[s.words[k].text]; n++ {
		k-- // "the UN High Commissioner"
	}
	if k >= from && s.words[k].lower == "the" {
		k--
	}
	return k-1 >= from && s.words[k].lower == "of" && officeHeads[s.words[k-1].text]
}

var officeHeads = toSet("Office Bureau Secretariat Cabinet Department")

// inTitle reports whether word i is inside a title phrase, and returns it.
func (s *state) inTitle(i int) (int, titleHit, bool) {
	lo := max(0, i-s.g.MaxTitleWords()+1)
	for j := i; j >= lo; j-- {
		if h := s.titleAt[j]; h.end > i {
			return j, h, true
		}
	}
	return 0, titleHit{}, false
}

// officeNouns end the names of offices, departments and institutes
// (fields of work), never a person's.
var officeNouns = toSet("Research Studies Science Sciences Technology Policy Innovation Planning Statistics Rights Affairs Refugees Development Security Defence Defense Justice Health Trade Finance Education Interior Energy Agriculture Environment Commerce Industry Labour Labor Transport Culture Tourism Budget Intelligence Operations Relations Cooperation Integration Reconciliation")

var ofTitles = toSet("minister secretary director head chief governor president chairman chairwoman commissioner ambassador envoy spokesman spokeswoman mayor general")

var partyWords = toSet("Republican Democrat Democratic Conservative Labour Liberal Tory Socialist Green Communist")

var lawNouns = toSet("accord accords agreement agreements treaty deal pact protocol ceasefire cease-fire truce memorandum resolution act convention framework charter declaration")
var lawHeads = toSet("Accord Accords Agreement Treaty Pact Protocol Act Convention Charter Declaration Memorandum Resolution Plan Doctrine")
var facHeads = toSet("Palace Airport Square Bridge Stadium Arena Hotel Hospital Base Airbase Plant Tower Towers Mosque Cathedral Church Synagogue Temple Station Building Embassy Consulate Prison Dam Port Harbor Harbour Street Avenue Boulevard Mall Museum Park Gate Terminal Reactor Pipeline Canal Camp Field Hall Castle Fortress Monastery Kremlin")
var locHeads = toSet("Sea Ocean River Lake Mountains Mountain Island Islands Bay Gulf Peninsula Valley Desert Strait Coast Region Province County District Basin Plateau Heights Corridor")
var eventHeads = toSet("War Games Olympics Cup Championship Championships Summit Festival Election Elections Revolution Uprising Massacre Crisis Forum Expo")

// businessWords make an organization's name a business one wherever they
// stand in it, when its head word says nothing ("Business Council", not
// "Ministry of Commerce").
var businessWords = toSet("Business Commerce Industries Bankers Manufacturers Exporters Employers")

// orgHeadTypes give the CAMEO type of an organization by its head word.
var orgHeadTypes = map[string]string{}

func init() {
	for t, ws := range map[string]string{
		"MIL": "Army Navy Force Forces Command Corps Regiment Battalion Brigade Brigades Division Fleet Guard Guards Legion",
		"COP": "Police Patrol",
		"LEG": "Parliament Assembly Senate Congress",
		"JUD": "Court Tribunal",
		"EDU": "University College School Academy",
		"MED": "Times Post News Journal Daily Tribune Herald Gazette Telegraph Radio Television TV Channel Broadcasting Media Press",
		"BUS": "Corporation Corp. Inc. Inc Company Co. Ltd. Ltd Holdings Industries Motors Airlines Airways",
		"GOV": "Ministry Cabinet Directorate Secretariat",
	} {
		for _, w := range strings.Fields(ws) {
			orgHeadTypes[w] = t
		}
	}
}

func headType(w string) string { return orgHeadTypes[w] }

// ofPlaceHeads open names of places with "of": "Gulf of Mexico", "Bay of
// Bengal", "Strait of Hormuz", "Sea of Azov".
var ofPlaceHeads = toSet("Gulf Bay Sea Strait Straits Isle Cape Horn Lake Gulf")

var orgHeads = toSet(`Council Organization Organisation Institute Institution University College School Party Ministry Department
Agency Bank Fund Committee Commission Group Association Union Corporation Corp. Inc. Inc Company Co. Ltd. Ltd Times Post
News Journal Foundation Center Centre Court Assembly Parliament Army Navy Force Forces Guard Guards Brigade Brigades
Front Movement Alliance League Federation Service Services Office Authority Club Network Airlines Airways Media Press
Review Daily Tribune Herald Gazette Telegraph Times Bureau Board Society Trust Partners Capital Holdings Industries
Motors Energy Oil Petroleum Group Cabinet Senate Congress Command Corps Regiment Battalion Division Directorate Secretariat
Observatory Watch Initiative Project Program Programme Coalition Conference Academy Tribunal Legion Lab Labs Systems
Technologies Communications Broadcasting Radio Television TV Channel Agency Laboratory Laboratories Patrol Police
Hospital Museum Library Zoo Clinic Authority Exchange Council Fleet Agency Register Registry Institute Ministry`)

// scanRuns finds runs of capitalized words and types those that end with
// a head word of agreements, facilities or organizations. The rest stay
// untyped name candidates.
func (s *state) scanRuns(sr [2]int) {
	var runs [][2]int
	i := sr[0]
	for i < sr[1] {
		w := s.words[i]
		if w.cap && s.gazAt[i] == 0 && isUpperWord(w.text) {
			i = s.shouting(i, sr)
			continue
		}
		if w.text == "I" {
			i++
			continue
		}
		// "Senior Colonel Shi Yi", "Republican Kevin McCarthy": a capitalized
		// modifier of a title or a name
		if w.cap && (premodAdj[w.lower] || flagWords[w.lower]) && i+1 < sr[1] && s.isTitleWord(i+1) ||
			partyWords[w.text] && i+1 < sr[1] && s.words[i+1].cap {
			i++
			continue
		}
		if !w.cap || dayMonth[w.lower] && s.gazAt[i] == 0 || s.isTitleWord(i) || (w.first && common[w.lower] && s.gazAt[i] == 0) {
			i++
			continue
		}
		j := i + 1
		for j < sr[1] {
			x := s.words[j]
			if x.cap && s.gazAt[j] == 0 && isUpperWord(x.text) && len(x.text) > 4 {
				break
			}
			// "Theresa May": a month after a given name is a surname
			monthName := dayMonth[x.lower] && s.gazAt[j] == 0 && !(s.g.IsGivenName(s.words[j-1].text) || s.g.Gender(s.words[j-1].text) != 0)
			if x.cap && !s.isTitleWord(j) && !monthName {
				j++
				continue
			}
			if particles[x.lower] && j+1 < sr[1] && s.words[j+1].cap && !s.isTitleWord(j+1) {
				j += 2
				continue
			}
			break
		}
		// "Deputy Emergency Situations Minister Alexander Chupriyan": words
		// between two titles qualify the second one
		if j < sr[1] && s.titleAt[j].end > 0 && !s.titleAt[j].t.Group && i > sr[0] && s.isTitleWord(i-1) &&
			s.titleAt[j].end < sr[1] && s.words[s.titleAt[j].end].cap {
			i = j
			continue
		}
		runs = append(runs, [2]int{i, j})
		i = j
	}
	// "Institute for the Study of War", "Bank of England"
	merged := map[int]bool{}
	for k := 0; k+1 < len(runs); k++ {
		a, b := runs[k], runs[k+1]
		if !orgHeads[s.words[a[1]-1].text] && !lawHeads[s.words[a[1]-1].text] && !ofPlaceHeads[s.words[a[1]-1].text] && !merged[a[0]] {
			continue
		}
		gap := b[0] - a[1]
		if gap < 1 || gap > 2 {
			continue
		}
		g0 := s.words[a[1]].lower
		// "Institute for National Defense and Security Research": a
		// second field joined by "and" after "of" or "for"
		andField := g0 == "and" && gap == 1 && merged[a[0]] && s.gazAt[b[0]] == 0 && officeNouns[s.words[b[1]-1].text]
		if g0 != "of" && g0 != "for" && g0 != "on" && !andField {
			continue
		}
		if gap == 2 && s.words[a[1]+1].lower != "the" {
			continue
		}
		runs[k] = [2]int{a[0], b[1]}
		runs = append(runs[:k+1], runs[k+2:]...)
		merged[a[0]] = true
		k--
	}
	for _, r := range runs {
		s.typeRun(r[0], r[1], sr, merged[r[0]])
	}
}

func (s *state) isTitleWord(i int) bool {
	_, _, ok := s.inTitle(i)
	return ok
}

// typeRun applies the head-word rules to one run.
func (s *state) typeRun(ws, we int, sr [2]int, merged bool) {
	last := s.words[we-1]
	lastFree := s.gazAt[we-1] == 0
	next := ""
	if we < sr[1] {
		next = s.words[we].lower
	}
	var typ dragoman.EntityType
	end := we
	// "Oromo Liberation Army": a generic body of the tables ("Army") that
	// ends a run with words of its own is the head of a name
	if !lastFree && orgHeads[last.text] && we-ws > 1 && s.gazAt[we-2] == 0 {
		if g := s.cands[s.gazAt[we-1]-1]; g.ws == we-1 && g.we == we && g.kind == gazetteer.KindBody {
			g.dead = true
			s.gazAt[we-1] = 0
			lastFree = true
		}
	}
	switch {
	case lawNouns[next] && !s.isTitleWord(we):
		typ, end = dragoman.Law, we+1
	case lastFree && lawHeads[last.text] && we-ws > 1:
		typ = dragoman.Law
	case lastFree && facHeads[last.text] && we-ws > 1:
		typ = dragoman.Facility
	case merged && ofPlaceHeads[s.words[ws].text]:
		typ = dragoman.Location // "Gulf of Mexico", "Bay of Bengal"
	case lastFree && orgHeads[last.text] && we-ws > 1, merged:
		typ = dragoman.Organization
	case lastFree && locHeads[last.text] && we-ws > 1:
		typ = dragoman.Location
	case lastFree && eventHeads[last.text] && we-ws > 1:
		typ = dragoman.EventName
	}
	// a name of the gazetteer that covers the run stands
	if g := s.gazAt[ws]; g != 0 && end == we {
		if c := s.cands[g-1]; c.origin == "gazetteer" && c.start == s.words[ws].start && c.end >= s.words[we-1].end {
			return
		}
	}
	if typ == dragoman.Organization {
		// "U.S.-China Business Council": places joined to the name by a
		// hyphen belong to it
		for ws >= 2 && s.words[ws-1].text == "-" && s.words[ws-1].start == s.words[ws-2].end && s.words[ws-1].end == s.words[ws].start {
			p := s.candAt(ws - 2)
			if p == nil || p.origin != "gazetteer" || p.we != ws-1 || (p.typ != dragoman.GPE && p.typ != dragoman.NORP) {
				break
			}
			ws = p.ws
		}
	}
	if typ != "" {
		country := ""
		var within *cand // "ECOWAS Commission": an organ of an international body
		// "American University of Central Asia": the place after "of"
		// names where the body is, not the nationality that opens it
		ofPlace := false
		for _, c := range s.live(ws, end) {
			if c.origin == "gazetteer" && c.ws > ws && s.words[c.ws-1].lower == "of" && c.typ != dragoman.NORP && c.typ != dragoman.Organization {
				ofPlace = true
				if cc, ok := s.g.Country(c.country); ok && !cc.IsRegion && len(c.country) == 3 {
					country = c.country
				}
				break
			}
		}
		for _, c := range s.live(ws, end) {
			if c.origin == "gazetteer" {
				if typ == dragoman.Organization && within == nil && orgActor(c) {
					within = c
				}
				// a place inside the name, or a nationality opening it
				// ("Saudi Gazette", not "Institute for Russian Studies")
				if country == "" && !ofPlace && len(c.country) == 3 && (c.typ != dragoman.NORP || c.ws == ws) {
					if cc, ok := s.g.Country(c.country); ok && !cc.IsRegion {
						country = c.country
					}
				}
				c.dead = true
			}
		}
		if typ == dragoman.Facility && country == "" && s.d.Article.Dateline != nil {
			country = s.d.Article.Dateline.CountryCode
		}
		if typ == dragoman.Law || typ == dragoman.EventName || typ == dragoman.Location && merged {
			country = "" // an agreement named after a place is not of it, nor a sea
		}
		txt := s.text(ws, end)
		c := s.add(&cand{ws: ws, we: end, typ: typ, origin: "rule", score: 0.8, name: txt, key: string(typ) + ":" + strings.ToLower(txt), country: country})
		if typ == dragoman.Organization {
			// the head word says what kind of body it is: "Eastern Theater
			// Command" MIL, "Addis Ababa University" EDU
			t := headType(s.words[we-1].text)
			for i := ws + 1; t == "" && i < end-1; i++ {
				if s.words[i].lower == "of" {
					t = headType(s.words[i-1].text) // "University of Nairobi"
					break
				}
			}
			if t != "" {
				c.otype = t
				if country != "" {
					c.actor = country + t
				}
			}
			for i := ws; i < end && c.otype == ""; i++ {
				if businessWords[s.words[i].text] {
					c.otype = "BUS" // "U.S.-China Business Council", "Chamber of Commerce"
					if country != "" {
						c.actor = country + "BUS"
					}
				}
			}
			if within != nil {
				// its members take the body's code (IGOWAFWAS)
				c.kind, c.otype, c.actor, c.country = gazetteer.KindOrg, within.otype, within.actor, within.country
			}
		}
		for i := ws; i < end; i++ {
			s.gazAt[i] = len(s.cands)
		}
		return
	}
	// the words no gazetteer name covers are name candidates
	i := ws
	for i < we {
		if s.gazAt[i] != 0 {
			i++
			continue
		}
		if !s.words[i].cap {
			i++ // a particle or connector left alone
			continue
		}
		j := i
		for j < we && s.gazAt[j] == 0 && (s.words[j].cap || particles[s.words[j].lower]) {
			j++
		}
		// "Israel Katz": a place that starts a name the dictionary knows
		if i > ws && s.gazAt[i-1] != 0 {
			if gc := s.cands[s.gazAt[i-1]-1]; gc.we-gc.ws == 1 && gc.origin == "gazetteer" {
				if len(s.g.Person(s.text(i-1, j))) > 0 {
					gc.dead = true
					s.gazAt[i-1] = 0
					i--
				} else if s.placeAsGivenName(gc, i, j) {
					gc.dead = true
					s.gazAt[i-1] = 0
					i--
					k := j
					for k > i && particles[s.words[k-1].lower] {
						k--
					}
					s.add(&cand{ws: i, we: k, origin: "rule", untyped: true, givenPlace: true})
					i = j
					continue
				}
			}
		}
		// "Denzel Washington": a place right after a given name is a surname
		if j < we && j-i >= 1 && s.g.IsGivenName(s.words[j-1].text) {
			if gc := s.cands[s.gazAt[j]-1]; gc.we-gc.ws == 1 && (gc.kind == gazetteer.KindCity || gc.kind == gazetteer.KindCountry) {
				gc.dead = true
				s.gazAt[j] = 0
				j++
				// "Lucía Mendoza Ríos": a second surname after it
				for j < we && s.gazAt[j] == 0 && s.words[j].cap {
					j++
				}
			}
		}
		// a particle cannot end a name
		k := j
		for k > i && particles[s.words[k-1].lower] {
			k--
		}
		if k > i {
			s.add(&cand{ws: i, we: k, origin: "rule", untyped: true})
		}
		i = j
	}
}

// placeAsGivenName reports a one-word place that is also a given name,
// directly followed by one or two surname-like words: "Santiago Peña",
// "Florence Nightingale".
func (s *state) placeAsGivenName(gc *cand, i, j int) bool {
	if gc.kind != gazetteer.KindCity && gc.kind != gazetteer.KindCountry || j-i > 2 || gc.we != i {
		return false
	}
	given := s.words[gc.ws].text
	if s.g.Gender(given) == 0 && !s.g.IsGivenName(given) {
		return false
	}
	for k := i; k < j; k++ {
		w := s.words[k]
		if orgHeads[w.text] || placeWords[w.text] || s.titleAt[k].end > 0 || s.g.IsGivenName(w.text) || isUpperWord(w.text) || s.lowerWords()[w.lower] {
			return false
		}
	}
	return true
}

// placeWords after a place name make a longer place or a thing named
// after it, never a surname: "Jordan Valley", "Victoria Falls", "Georgia
// Tech", "Chad Basin".
var placeWords = toSet(`River Valley Falls Basin Lake Harbour Harbor Bay Street Road Avenue Square Park Airport Station
Tech Island Islands Mountains Hills Coast Province County State City Region Strait Sea Gulf Border Crisis War Summit
Agreement Accord Accords Treaty Declaration Protocol Process Plan Peninsula Heights Desert Canal Dam Bridge Port Stadium
Cathedral Cup Open Marathon Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
June July August September October November December`)

// isUpperWord reports a word written in capitals, two letters or more
// ("PORT", "RSF").
func isUpperWord(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// shouting handles a run of words in capitals that no gazetteer name
// covers: a dateline ("PORT SUDAN, Sudan") or a shouted headline. The run
// is looked up as a title-cased name; otherwise it is no name at all.
func (s *state) shouting(i int, sr [2]int) int {
	j := i
	for j < sr[1] && s.gazAt[j] == 0 && isUpperWord(s.words[j].text) {
		j++
	}
	parts := make([]string, 0, j-i)
	for k := i; k < j; k++ {
		w := s.words[k].lower
		parts = append(parts, strings.ToUpper(w[:1])+w[1:])
	}
	name := strings.Join(parts, " ")
	if !s.shoutedPlace(i, j, name) && j-i == 1 && len(s.words[i].text) <= 4 {
		// an acronym the gazetteer does not know: leave it to the rest
		s.add(&cand{ws: i, we: j, origin: "rule", untyped: true})
	}
	return j
}

// shoutedPlace adds a place written in capitals ("PORT SUDAN") when the
// gazetteer knows it title-cased.
func (s *state) shoutedPlace(i, j int, name string) bool {
	if e, ok := s.g.Find(name, gazetteer.KindCity, gazetteer.KindCountry, gazetteer.KindRegion); ok {
		c := s.add(&cand{ws: i, we: j, origin: "gazetteer", kind: e.Kind, score: 0.8, typ: dragoman.GPE,
			key: "T:" + e.Name, name: e.Name, country: e.Country, actor: e.Country, capital: e.Capital})
		if e.Kind == gazetteer.KindCountry {
			c.key = "C:" + e.Code
		}
		if e.Kind == gazetteer.KindRegion {
			c.typ, c.key, c.country, c.actor = dragoman.Location, "R:"+e.Code, e.Code, e.Code
		}
		for k := i; k < j; k++ {
			s.gazAt[k] = len(s.cands)
		}
		return true
	}
	return false
}

// scanShouted finds places in a sentence written in capitals ("TRUMP
// MEETS PUTIN IN ALASKA"), longest first, up to three words.
func (s *state) scanShouted(sr [2]int) {
	for i := sr[0]; i < sr[1]; i++ {
		if s.gazAt[i] != 0 || !isUpperWord(s.words[i].text) {
			continue
		}
		for n := min(3, sr[1]-i); n >= 1; n-- {
			parts := make([]string, 0, n)
			ok := true
			for k := i; k < i+n; k++ {
				w := s.words[k].lower
				if s.gazAt[k] != 0 || !isUpperWord(s.words[k].text) {
					ok = false
					break
				}
				parts = append(parts, strings.ToUpper(w[:1])+w[1:])
			}
			if ok && s.shoutedPlace(i, i+n, strings.Join(parts, " ")) {
				i += n - 1
				break
			}
		}
	}
}

// complementStop are words a lower-case complement of a title does not
// hold ("minister of state, who …" ends at the comma anyway; "minister
// of the …" is a description, not a title).
var complementStop = toSet("the a an his her its their who which that said says")

// isLowerWord: a word of lower-case letters (a field of a title).
func isLowerWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) && r != '-' {
			return false
		}
	}
	return true
}
