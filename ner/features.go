package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes of (template, values) pairs; the model keeps
// a weight row only for the hashes it saw often enough in training.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func mix(a, b uint64) uint64 {
	x := a*0x9E3779B97F4A7C15 ^ b
	x ^= x >> 31
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// Templates. Their numbers are part of the model format: renumbering one
// needs a retrained model (bump modelVersion).
const (
	tBias = iota + 1
	tWord
	tLower
	tShape
	tPre
	tSuf
	tLowerM1
	tLowerP1
	tLowerM2
	tLowerP2
	tShapeM1
	tShapeP1
	tShapeM1Shape
	tShapeShapeP1
	tShape3
	tLowerM1Lower
	tLowerLowerP1
	tLowerM1Shape
	tShapeLowerP1
	tWordM1
	tWordP1
	tClus
	tClusM1
	tClusP1
	tClass
	tDocCase
	tCapsLower
	tGaz
	tGazClass
	tClass3
	tLen
	tClusLowerP1
	tLowerM1Clus
	// second stage
	tS1
	tS1M1
	tS1P1
	tS1M1S1
	tS1S1P1
	tAgg
	tAggMajor
	tDocGaz
	tAggLowerM1
)

// Capitalization classes.
const (
	clsLower  = iota // letters, all lowercase
	clsInit          // first letter capital, the rest not
	clsAllCap        // two or more letters, all capitals
	clsOneCap        // a single capital letter
	clsMixed         // capitals inside: McDonald, iPhone
	clsDigit         // digits, no letters
	clsPunct         // neither letters nor digits
)

// Bits of the document case profile of a word (its lowercase form).
const (
	seenLower    = 1 << iota // written in lowercase in a mixed-case sentence
	seenCapMid               // capitalized, not first in a mixed-case sentence
	seenCapFirst             // capitalized, first in a mixed-case sentence
)

// tok is what the features need to know about one token.
type tok struct {
	word, lower, shape uint64
	pre, suf           [4]uint64
	clus               [3]uint64
	cls                uint8
	lowerStr           string
}

var (
	hStart  = hashString("<s>")
	hStart2 = hashString("<s2>")
	hEnd    = hashString("</s>")
	hEnd2   = hashString("</s2>")
)

// normWord maps typographic variants to the forms of the training corpora
// (CoNLL-2003 uses ASCII quotes).
func normWord(s string) string {
	if isASCII(s) {
		if s == "``" || s == "''" {
			return `"`
		}
		return s
	}
	return typoReplacer.Replace(s)
}

var typoReplacer = strings.NewReplacer(
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u00ab", `"`, "\u00bb", `"`,
	"\u2018", "'", "\u2019", "'", "\u201a", "'",
	"\u2013", "-", "\u2014", "--", "\u2026", "...", "\u00a0", " ",
)

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lowerForm lowercases s and maps every digit to 0.
func lowerForm(s string, buf []byte) ([]byte, bool) {
	buf = buf[:0]
	if isASCII(s) {
		changed := false
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
				changed = true
			case c >= '1' && c <= '9':
				c = '0'
				changed = true
			}
			buf = append(buf, c)
		}
		return buf, changed
	}
	for _, r := range s {
		if unicode.IsDigit(r) {
			r = '0'
		} else {
			r = unicode.ToLower(r)
		}
		buf = utf8.AppendRune(buf, r)
	}
	return buf, true
}

// shapeOf writes the shape of s: X for a capital, x for a small letter, d
// for a digit, other characters as they are, runs of one class collapsed.
func shapeOf(s string, buf []byte) (shape []byte, cls uint8) {
	buf = buf[:0]
	var upper, lower, digit, letters int
	var last byte
	for _, r := range s {
		var c byte
		switch {
		case r < utf8.RuneSelf && r >= 'A' && r <= 'Z', r >= utf8.RuneSelf && unicode.IsUpper(r):
			c = 'X'
			upper++
			letters++
		case r < utf8.RuneSelf && r >= 'a' && r <= 'z', r >= utf8.RuneSelf && unicode.IsLetter(r):
			c = 'x'
			lower++
			letters++
		case r < utf8.RuneSelf && r >= '0' && r <= '9', r >= utf8.RuneSelf && unicode.IsDigit(r):
			c = 'd'
			digit++
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c != last || (c != 'X' && c != 'x' && c != 'd') {
			if len(buf) < 12 {
				buf = append(buf, c)
			}
		}
		last = c
	}
	switch {
	case letters == 0 && digit > 0:
		cls = clsDigit
	case letters == 0:
		cls = clsPunct
	case upper == 0:
		cls = clsLower
	case lower == 0 && upper == 1:
		cls = clsOneCap
	case lower == 0:
		cls = clsAllCap
	default:
		r, _ := utf8.DecodeRuneInString(s)
		if unicode.IsUpper(r) && upper == 1 {
			cls = clsInit
		} else {
			cls = clsMixed
		}
	}
	return buf, cls
}

// scratch is per-call working memory, reused across sentences.
type scratch struct {
	lower, shape []byte
	feats        []uint64
	offs         []int32
}

// makeTok computes the token features of one word.
func (m *Model) makeTok(word string, sc *scratch) tok {
	word = normWord(word)
	var t tok
	t.word = hashString(word)
	var changed bool
	sc.lower, changed = lowerForm(word, sc.lower)
	if changed {
		t.lowerStr = string(sc.lower)
	} else {
		t.lowerStr = word
	}
	lw := t.lowerStr
	t.lower = hashString(lw)
	h := uint64(fnvOffset)
	for i := 0; i < len(lw) && i < 4; i++ {
		h ^= uint64(lw[i])
		h *= fnvPrime
		t.pre[i] = h
	}
	h = fnvOffset
	for i := 0; i < len(lw) && i < 4; i++ {
		h ^= uint64(lw[len(lw)-1-i])
		h *= fnvPrime
		t.suf[i] = h
	}
	sc.shape, t.cls = shapeOf(word, sc.shape)
	h = fnvOffset
	for _, c := range sc.shape {
		h ^= uint64(c)
		h *= fnvPrime
	}
	t.shape = h
	if m != nil && m.clusters != nil {
		if c, ok := m.clusters[lw]; ok {
			t.clus = clusterHashes(c)
		}
	}
	return t
}

// clusterHashes turns a cluster path into hashes of its prefixes at three
// depths.
func clusterHashes(c uint32) [3]uint64 {
	return [3]uint64{
		mix(1, uint64(c>>12)),
		mix(2, uint64(c>>6)),
		mix(3, uint64(c)),
	}
}

// docInfo holds the tokens of one document and the evidence gathered over
// all of them.
type docInfo struct {
	toks    []tok
	sents   []int32 // sentence i is toks[sents[i]:sents[i+1]]
	allCaps []bool
	cases   map[uint64]uint8 // lower hash -> seen* bits
	gaz     [][]gazHit       // per token, static gazetteer matches
	domain  uint8
}

type gazHit struct {
	typ, pos uint8
}

// newDocInfo analyses the words of a document, given as sentences.
func (m *Model) newDocInfo(sents [][]string, sc *scratch) *docInfo {
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	d := &docInfo{
		toks:    make([]tok, 0, n),
		sents:   make([]int32, 0, len(sents)+1),
		allCaps: make([]bool, len(sents)),
		cases:   make(map[uint64]uint8, n/2),
	}
	for si, s := range sents {
		d.sents = append(d.sents, int32(len(d.toks)))
		start := len(d.toks)
		hasLower, capWords := false, 0
		for _, w := range s {
			t := m.makeTok(w, sc)
			switch t.cls {
			case clsLower, clsInit, clsMixed:
				hasLower = true
			case clsAllCap:
				capWords++
			}
			d.toks = append(d.toks, t)
		}
		d.allCaps[si] = !hasLower && capWords > 0
		if d.allCaps[si] {
			continue
		}
		first := true
		for _, t := range d.toks[start:] {
			switch t.cls {
			case clsLower:
				d.cases[t.lower] |= seenLower
			case clsInit, clsAllCap, clsMixed, clsOneCap:
				if first {
					d.cases[t.lower] |= seenCapFirst
				} else {
					d.cases[t.lower] |= seenCapMid
				}
			}
			if t.cls != clsPunct {
				first = false
			}
		}
	}
	d.sents = append(d.sents, int32(len(d.toks)))
	if m != nil && m.gazetteer != nil {
		d.gaz = m.gazetteer.match(d)
	}
	return d
}

// stage1Info is the first pass's labels over a document, gathered for the
// second pass.
type stage1Info struct {
	labels []uint8                      // per token of the document
	agg    map[uint64][numLabels]uint16 // lower hash -> label counts
	chunks *gazetteer                   // entity strings the first pass found
	hits   [][]gazHit
}

func newStage1Info(d *docInfo, labels []uint8) *stage1Info {
	s := &stage1Info{labels: labels, agg: make(map[uint64][numLabels]uint16)}
	g := &gazetteer{}
	for i, t := range d.toks {
		if t.cls == clsPunct || t.cls == clsDigit {
			continue
		}
		c := s.agg[t.lower]
		if c[labels[i]] < 65535 {
			c[labels[i]]++
		}
		s.agg[t.lower] = c
	}
	for si := 0; si+1 < len(d.sents); si++ {
		a, b := d.sents[si], d.sents[si+1]
		for _, ch := range labelChunks(labels[a:b]) {
			key := make([]uint64, 0, ch.End-ch.Start)
			for k := ch.Start; k < ch.End; k++ {
				key = append(key, d.toks[int(a)+k].lower)
			}
			g.add(key, uint8(typeIndex(ch.Type)))
		}
	}
	s.chunks = g
	s.hits = g.match(d)
	return s
}

func (s *scratch) add(f uint64) { s.feats = append(s.feats, f) }

// Feature groups for sentFeaturesOf.
const (
	featBase = 1 << iota // what the first pass sees
	featS1               // what the second pass adds: the first pass's labels
)

// sentFeatures appends the feature hashes of every token of sentence si to
// sc.feats; sc.offs[k]..sc.offs[k+1] delimit token k's features. With s1
// the second pass's features are included.
func (m *Model) sentFeatures(d *docInfo, si int, s1 *stage1Info, sc *scratch) {
	mode := featBase
	if s1 != nil {
		mode |= featS1
	}
	m.sentFeaturesOf(d, si, s1, mode, sc)
}

// sentFeaturesOf is sentFeatures for the feature groups in mode.
func (m *Model) sentFeaturesOf(d *docInfo, si int, s1 *stage1Info, mode int, sc *scratch) {
	a, b := int(d.sents[si]), int(d.sents[si+1])
	toks := d.toks[a:b]
	sc.feats = sc.feats[:0]
	sc.offs = append(sc.offs[:0], 0)
	caps := d.allCaps[si]
	firstWord := 0
	for firstWord < len(toks) && toks[firstWord].cls == clsPunct {
		firstWord++
	}
	lowerAt := func(i int) uint64 {
		switch {
		case i == -1:
			return hStart
		case i < -1:
			return hStart2
		case i == len(toks):
			return hEnd
		case i > len(toks):
			return hEnd2
		}
		return toks[i].lower
	}
	wordAt := func(i int) uint64 {
		if i < 0 || i >= len(toks) {
			return lowerAt(i)
		}
		return toks[i].word
	}
	shapeAt := func(i int) uint64 {
		if i < 0 || i >= len(toks) {
			return lowerAt(i)
		}
		return toks[i].shape
	}
	clusAt := func(i, depth int) uint64 {
		if i < 0 || i >= len(toks) {
			return lowerAt(i)
		}
		return toks[i].clus[depth]
	}
	clsAt := func(i int) uint64 {
		if i < 0 || i >= len(toks) {
			return 100
		}
		return uint64(toks[i].cls)
	}
	capsBit := uint64(0)
	if caps {
		capsBit = 1
	}
	for i := range toks {
		t := &toks[i]
		if mode&featBase != 0 {
			sc.add(mix(tBias, 0))
			sc.add(mix(tWord, t.word))
			sc.add(mix(tLower, t.lower))
			sc.add(mix(tShape, t.shape))
			for k := 0; k < 4; k++ {
				if t.pre[k] != 0 {
					sc.add(mix(mix(tPre, uint64(k)), t.pre[k]))
				}
				if t.suf[k] != 0 {
					sc.add(mix(mix(tSuf, uint64(k)), t.suf[k]))
				}
			}
			sc.add(mix(tLowerM1, lowerAt(i-1)))
			sc.add(mix(tLowerP1, lowerAt(i+1)))
			sc.add(mix(tLowerM2, lowerAt(i-2)))
			sc.add(mix(tLowerP2, lowerAt(i+2)))
			sc.add(mix(tShapeM1, shapeAt(i-1)))
			sc.add(mix(tShapeP1, shapeAt(i+1)))
			sc.add(mix(mix(tShapeM1Shape, shapeAt(i-1)), t.shape))
			sc.add(mix(mix(tShapeShapeP1, t.shape), shapeAt(i+1)))
			sc.add(mix(mix(mix(tShape3, shapeAt(i-1)), t.shape), shapeAt(i+1)))
			sc.add(mix(mix(tLowerM1Lower, lowerAt(i-1)), t.lower))
			sc.add(mix(mix(tLowerLowerP1, t.lower), lowerAt(i+1)))
			sc.add(mix(mix(tLowerM1Shape, lowerAt(i-1)), t.shape))
			sc.add(mix(mix(tShapeLowerP1, t.shape), lowerAt(i+1)))
			sc.add(mix(tWordM1, wordAt(i-1)))
			sc.add(mix(tWordP1, wordAt(i+1)))
			if t.clus[0] != 0 {
				for k := 0; k < 3; k++ {
					sc.add(mix(mix(tClus, uint64(k)), t.clus[k]))
				}
			}
			for k := 1; k < 3; k++ {
				sc.add(mix(mix(tClusM1, uint64(k)), clusAt(i-1, k)))
				sc.add(mix(mix(tClusP1, uint64(k)), clusAt(i+1, k)))
			}
			sc.add(mix(mix(tClusLowerP1, clusAt(i, 2)), lowerAt(i+1)))
			sc.add(mix(mix(tLowerM1Clus, lowerAt(i-1)), clusAt(i, 2)))
			initial := uint64(0)
			if i == firstWord {
				initial = 1
			}
			sc.add(mix(tClass, uint64(t.cls)|initial<<4|capsBit<<5))
			sc.add(mix(tClass3, clsAt(i-1)<<16|clsAt(i)<<8|clsAt(i+1)))
			if t.cls != clsLower && t.cls != clsPunct && t.cls != clsDigit {
				dc := uint64(d.cases[t.lower])
				sc.add(mix(tDocCase, dc|uint64(t.cls)<<4|initial<<8|capsBit<<9))
			}
			if caps {
				sc.add(mix(tCapsLower, t.lower))
			}
			n := len(t.lowerStr)
			if n > 8 {
				n = 8
			}
			sc.add(mix(tLen, uint64(n)))
			if d.gaz != nil {
				for _, h := range d.gaz[a+i] {
					g := uint64(h.typ)<<4 | uint64(h.pos)
					sc.add(mix(tGaz, g))
					sc.add(mix(tGazClass, g<<8|uint64(t.cls)))
				}
			}
		}
		if s1 != nil && mode&featS1 != 0 {
			l := func(j int) uint64 {
				if j < 0 || j >= len(toks) {
					return 99
				}
				return uint64(s1.labels[a+j])
			}
			sc.add(mix(tS1, l(i)))
			sc.add(mix(tS1M1, l(i-1)))
			sc.add(mix(tS1P1, l(i+1)))
			sc.add(mix(tS1M1S1, l(i-1)<<8|l(i)))
			sc.add(mix(tS1S1P1, l(i)<<8|l(i+1)))
			if t.cls != clsPunct && t.cls != clsDigit {
				c := s1.agg[t.lower]
				c[s1.labels[a+i]]--
				best, bestN := -1, uint16(0)
				var typeN [numTypes]uint16
				for lab := 0; lab < numLabels; lab++ {
					if c[lab] == 0 {
						continue
					}
					sc.add(mix(tAgg, uint64(lab)))
					if lab > 0 {
						typeN[labelType(uint8(lab))] += c[lab]
					}
				}
				total := uint16(0)
				for ty, k := range typeN {
					total += k
					if k > bestN {
						best, bestN = ty, k
					}
				}
				if best >= 0 {
					sc.add(mix(tAggMajor, uint64(best)))
					sc.add(mix(tAggLowerM1, uint64(best)<<8|uint64(t.cls)))
				} else if c[0] > 0 {
					sc.add(mix(tAggMajor, 9))
				}
			}
			for _, h := range s1.hits[a+i] {
				sc.add(mix(tDocGaz, uint64(h.typ)<<4|uint64(h.pos)))
			}
		}
		if d.domain != 0 {
			// A private copy of every feature for the other domain.
			from := sc.offs[len(sc.offs)-1]
			for _, f := range sc.feats[from:] {
				sc.add(mix(f, 0xd0+uint64(d.domain)))
			}
		}
		sc.offs = append(sc.offs, int32(len(sc.feats)))
	}
}
