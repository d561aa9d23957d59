package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/gazetteer"
)

// word is one token of the body.
type word struct {
	text       string // as written, apostrophes straightened
	start, end int    // byte offsets into the body
	sent       int    // sentence index
	first      bool   // first word of its sentence (after opening marks)
	cap        bool   // starts with a capital letter or is a particle-led name ("al-Sharaa")
	lower      string
}

// sentenceSpans returns the sentences of the document, or splits the body
// itself when no stage has.
func sentenceSpans(d *dragoman.Document) [][2]int {
	if len(d.Sentences) > 0 {
		out := make([][2]int, len(d.Sentences))
		for i, s := range d.Sentences {
			out[i] = [2]int{s.Start, s.End}
		}
		return out
	}
	return naiveSentences(d.Article.Body)
}

// naiveSentences splits text on blank lines and on sentence-final marks
// followed by a capital or an opening quotation mark.
func naiveSentences(body string) [][2]int {
	var out [][2]int
	toks := gazetteer.Tokenize(body)
	start := -1
	for i, t := range toks {
		if start < 0 {
			start = t.Start
		}
		tx := body[t.Start:t.End]
		end := false
		if i+1 == len(toks) {
			end = true
		} else {
			next := toks[i+1]
			gap := body[t.End:next.Start]
			if strings.Contains(gap, "\n\n") {
				end = true
			} else if tx == "." || tx == "!" || tx == "?" || ((tx == "\"" || tx == "”" || tx == "’") && i > 0 && strings.ContainsAny(body[toks[i-1].Start:toks[i-1].End], ".!?")) {
				r, _ := utf8.DecodeRuneInString(body[next.Start:])
				if gap != "" && (unicode.IsUpper(r) || r == '“' || r == '"') {
					end = true
				}
			}
		}
		if end {
			out = append(out, [2]int{start, t.End})
			start = -1
		}
	}
	return out
}

var openers = map[string]bool{"“": true, "\"": true, "'": true, "‘": true, "(": true, "[": true, "—": true, "-": true, ":": true, "–": true}

// particles may sit inside a name between capitalized words.
var particles = map[string]bool{
	"bin": true, "ibn": true, "al": true, "el": true, "de": true, "da": true, "van": true, "von": true,
	"der": true, "den": true, "la": true, "le": true, "du": true, "dos": true, "das": true, "di": true, "del": true,
}

func isCapWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		return true
	}
	// al-Sharaa, el-Sisi
	for _, p := range []string{"al-", "el-", "ad-", "as-", "an-", "ash-", "az-", "bin-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p) {
			r, _ := utf8.DecodeRuneInString(w[len(p):])
			return unicode.IsUpper(r)
		}
	}
	return false
}

func isAllCaps(s string) bool {
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 12 && upper*10 >= letters*8
}

// tokenizeDoc makes the words of every sentence.
func tokenizeDoc(body string, sents [][2]int) (words []word, ranges [][2]int, caps []bool) {
	ranges = make([][2]int, len(sents))
	caps = make([]bool, len(sents))
	repl := strings.NewReplacer("’", "'", "ʼ", "'")
	for si, s := range sents {
		a, b := max(0, s[0]), min(len(body), s[1])
		if a > b {
			a = b
		}
		text := body[a:b]
		caps[si] = isAllCaps(text)
		ranges[si][0] = len(words)
		first := true
		for _, t := range gazetteer.Tokenize(text) {
			tx := text[t.Start:t.End]
			nt := repl.Replace(tx)
			w := word{text: nt, start: a + t.Start, end: a + t.End, sent: si, lower: strings.ToLower(nt)}
			if first && openers[tx] {
				words = append(words, w)
				continue
			}
			w.first = first
			// after a dash or colon a new clause starts: "BEIRUT — A ceasefire"
			if !first && len(words) > ranges[si][0] {
				switch words[len(words)-1].text {
				case "—", "–", ":", "“", "\"", "(", "‘":
					w.first = true
				}
			}
			first = false
			w.cap = isCapWord(nt)
			words = append(words, w)
		}
		ranges[si][1] = len(words)
	}
	return words, ranges, caps
}

// common are words that start sentences with a capital without being
// names; a sentence-initial name run loses them.
var common = toSet(`a about above according across after afterward again against ago all almost along already also
although always among an and another any anyone anything are around as at back be because been before behind
being below beneath beside besides between beyond both but by can could despite did do does doing done down
during each earlier either else elsewhere enough even ever every everyone everything except far few fewer first
for from further had has have having he her here hers herself him himself his how however i if in including
indeed inside instead into is it its itself just last late later least less like likely many may maybe me meanwhile
might more moreover most much must my myself near nearly neither never nevertheless next no none nor not
nothing now of off often on once one only onto or other others otherwise our ours ourselves out outside over
perhaps please rather really regardless same several she should since so some someone something sometimes soon
still such than that the their theirs them themselves then there thereafter therefore these they this those
though through throughout thus to today together tomorrow too toward towards under unless unlike until up upon
us very via was we well were what whatever when whenever where whereas wherever whether which while who whoever
whom whose why will with within without would yes yet you your yours yourself yesterday tonight asked says said
speaking talking writing according after asked told calling while given meanwhile instead still once again
separately earlier later overall recently currently initially finally additionally similarly first second third
new old other another several many most some officials critics supporters analysts experts people residents
trans-atlantic western eastern northern southern`)

var dayMonth = toSet(`monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept
oct nov dec christmas easter`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
