package ner

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The training command reads, besides the labelled CoNLL-2003 training
// split, unlabelled text for word clusters and name lists for the
// gazetteer, all from the shared data folder. eng.testa is never read.

// unlabelledText returns the sentences (as words) of every corpus under
// dir that the clusters are induced from.
func unlabelledText(dir string) ([][]string, error) {
	var out [][]string
	addCoNLL := func(rel string) error {
		docs, err := ReadCoNLLFile(filepath.Join(dir, rel))
		if err != nil {
			return err
		}
		for _, d := range docs {
			for _, s := range d.Sentences {
				out = append(out, s.Words)
			}
		}
		return nil
	}
	for _, rel := range []string{"conll2003/eng.train", "gmb-ner/gmb_ner.conll", "wikigold/wikigold.conll.txt", "wnut17/wnut17train.conll"} {
		if err := addCoNLL(rel); err != nil {
			return nil, err
		}
	}
	// GUM: CoNLL-U, the word form in the second column.
	gum, _ := filepath.Glob(filepath.Join(dir, "gum-wikinews", "dep", "*.conllu"))
	more, _ := filepath.Glob(filepath.Join(dir, "gum-wikinews", "other_genres", "*", "*.conllu"))
	for _, p := range append(gum, more...) {
		sents, err := readCoNLLU(p)
		if err != nil {
			return nil, err
		}
		out = append(out, sents...)
	}
	// ECB+: XML with one <token> element per word.
	var ecb []string
	filepath.WalkDir(filepath.Join(dir, "ecbplus", "docs"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".xml") {
			ecb = append(ecb, p)
		}
		return nil
	})
	sort.Strings(ecb)
	for _, p := range ecb {
		sents, err := readECB(p)
		if err != nil {
			return nil, err
		}
		out = append(out, sents...)
	}
	// Wikinews 2019 articles and re3d documents: raw text.
	if texts, err := readWikinewsCSV(filepath.Join(dir, "wikinews-articles", "wikinews_2019.csv")); err == nil {
		for _, t := range texts {
			out = append(out, tokenizeText(t)...)
		}
	} else {
		return nil, err
	}
	re3d, _ := filepath.Glob(filepath.Join(dir, "re3d", "*", "documents.json"))
	for _, p := range re3d {
		err := readJSONLines(p, func(line []byte) error {
			var doc struct{ Text string }
			if err := json.Unmarshal(line, &doc); err != nil {
				return err
			}
			out = append(out, tokenizeText(doc.Text)...)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func readCoNLLU(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out [][]string
	var cur []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		if line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 || strings.ContainsAny(cols[0], "-.") {
			continue // multiword ranges and empty nodes
		}
		cur = append(cur, cols[1])
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out, sc.Err()
}

var ecbToken = regexp.MustCompile(`<token [^>]*sentence="(\d+)"[^>]*>([^<]*)</token>`)

func readECB(path string) ([][]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out [][]string
	var cur []string
	last := ""
	for _, m := range ecbToken.FindAllSubmatch(b, -1) {
		s, w := string(m[1]), xmlUnescape(string(m[2]))
		if s != last && len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
		last = s
		if w != "" {
			cur = append(cur, w)
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

var xmlEntities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'")

func xmlUnescape(s string) string { return xmlEntities.Replace(s) }

func readWikinewsCSV(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	var out []string
	for i := 0; ; i++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if i == 0 || len(rec) < 4 {
			continue
		}
		out = append(out, rec[2], rec[3])
	}
	return out, nil
}

func readJSONLines(path string, fn func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<24), 1<<24)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if err := fn([]byte(line)); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return sc.Err()
}

// tokenizeText splits raw text into sentences of words, Penn-style enough
// for counting contexts: punctuation apart, "'s" and "n't" apart, a
// sentence ending at . ! ? or a line break.
func tokenizeText(text string) [][]string {
	var out [][]string
	var cur []string
	word := strings.Builder{}
	flushWord := func() {
		if word.Len() == 0 {
			return
		}
		w := word.String()
		word.Reset()
		if strings.HasSuffix(w, "'s") && len(w) > 2 {
			cur = append(cur, w[:len(w)-2], "'s")
			return
		}
		if strings.HasSuffix(w, "n't") && len(w) > 3 {
			cur = append(cur, w[:len(w)-3], "n't")
			return
		}
		cur = append(cur, w)
	}
	flushSent := func() {
		flushWord()
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	rs := []rune(text)
	for i, r := range rs {
		switch {
		case r == '\n':
			flushSent()
		case unicode.IsSpace(r):
			flushWord()
		case r == '.' && word.Len() > 0 && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]):
			word.WriteRune(r) // U.S.
		case r == '.' && word.Len() == 1:
			word.WriteRune(r) // an initial: J.
		case (r == '-' || r == '\'' || r == '\u2019' || r == ',' && word.Len() > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i+1])) && word.Len() > 0:
			word.WriteRune(r)
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			flushWord()
			cur = append(cur, string(r))
			if r == '.' || r == '!' || r == '?' {
				flushSent()
			}
		default:
			word.WriteRune(r)
		}
	}
	flushSent()
	return out
}

// NameSources are the corpora BuildNames reads by default. WikiGold is
// left out because the model trains on it (DefaultExtraTraining): names
// from the training data make the model trust the list blindly (on dev,
// keeping WikiGold's names out while training on it is worth 0.6 F1).
var NameSources = []string{"gmb", "wnut", "re3d"}

// BuildNames builds the gazetteer from the labelled corpora other than
// CoNLL-2003 (whose own names would make the model trust the list blindly
// on its training data): GMB, WikiGold, WNUT-17 and re3d. Each name maps to
// the set of CoNLL types it was labelled with (bit t: typeNames[t]).
func BuildNames(dir string, sources ...string) (map[string]uint8, error) {
	if len(sources) == 0 {
		sources = NameSources
	}
	use := map[string]bool{}
	for _, s := range sources {
		use[s] = true
	}
	counts := map[string]*[numTypes]int{}
	add := func(words []string, typ string) {
		t := typeIndex(typ)
		if t < 0 || len(words) == 0 || len(words) > 6 {
			return
		}
		capital := false
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsUpper(r) {
				capital = true
			}
		}
		if !capital {
			return
		}
		key := strings.Join(words, " ")
		c := counts[key]
		if c == nil {
			c = new([numTypes]int)
			counts[key] = c
		}
		c[t]++
	}
	fromCoNLL := func(rel string, mapType func(string) string) error {
		docs, err := ReadCoNLLFile(filepath.Join(dir, rel))
		if err != nil {
			return err
		}
		for _, d := range docs {
			for _, s := range d.Sentences {
				for _, c := range Chunks(s.Tags) {
					add(s.Words[c.Start:c.End], mapType(c.Type))
				}
			}
		}
		return nil
	}
	gmb := map[string]string{"per": "PER", "org": "ORG", "geo": "LOC", "gpe": "MISC", "eve": "MISC", "art": "MISC"}
	if use["gmb"] {
		if err := fromCoNLL("gmb-ner/gmb_ner.conll", func(t string) string { return gmb[t] }); err != nil {
			return nil, err
		}
	}
	if use["wikigold"] {
		if err := fromCoNLL("wikigold/wikigold.conll.txt", func(t string) string { return t }); err != nil {
			return nil, err
		}
	}
	wnut := map[string]string{"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG", "product": "MISC", "creative-work": "MISC"}
	if use["wnut"] {
		if err := fromCoNLL("wnut17/wnut17train.conll", func(t string) string { return wnut[t] }); err != nil {
			return nil, err
		}
	}
	re3d := map[string]string{"Person": "PER", "Organisation": "ORG", "Location": "LOC", "Nationality": "MISC"}
	var files []string
	if use["re3d"] {
		files, _ = filepath.Glob(filepath.Join(dir, "re3d", "*", "entities.json"))
	}
	for _, p := range files {
		err := readJSONLines(p, func(line []byte) error {
			var e struct {
				Type       string
				Value      string
				Confidence float64
			}
			if err := json.Unmarshal(line, &e); err != nil {
				return err
			}
			if e.Confidence >= 0.5 && re3d[e.Type] != "" {
				for _, s := range tokenizeText(e.Value) {
					add(s, re3d[e.Type])
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	out := make(map[string]uint8, len(counts))
	for name, c := range counts {
		total := 0
		for _, n := range c {
			total += n
		}
		var mask uint8
		for t, n := range c {
			// Keep the types a name has at least a fifth of the time.
			if n*5 >= total {
				mask |= 1 << t
			}
		}
		out[name] = mask
	}
	return out, nil
}
