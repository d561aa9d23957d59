package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotation marks come in two families: double (“ ” " « » „) and single
// (‘ ’ ' ‹ ›). A closing mark closes the innermost open mark of its family,
// so “mismatched" pairs (curly open, straight close) still pair.
const (
	familyDouble = 'd'
	familySingle = 's'
)

type markRole int

const (
	roleOpen markRole = iota
	roleClose
)

type mark struct {
	Start, End int
	Family     byte
	Role       markRole
}

// region is one quotation found by its marks: the marks and the content
// between them.
type region struct {
	Open, Close   mark // Close.Start == Close.End when the quotation never closed
	Content       span // without the marks, trimmed
	Unbalanced    bool
	MultiPara     bool
	LastPara      int
	FirstPara     int
	reopenedParas int
}

type span struct{ Start, End int }

// Bounds on a quotation whose closing mark is missing.
const (
	maxChainParas   = 12   // paragraphs a multi-paragraph quotation may run over
	maxChainBytes   = 8000 // bytes it may run over
	maxUnclosedTail = 400  // bytes an unclosed quotation may run to its paragraph's end
)

// classify returns the quotation marks of one paragraph, deciding for each
// straight or ambiguous mark whether it opens, closes or is an apostrophe.
func classify(body string, p para) []mark {
	var marks []mark
	openDouble, openSingle := 0, 0
	for i := p.Start; i < p.End; {
		r, size := utf8.DecodeRuneInString(body[i:])
		prev, next := prevRune(body, p.Start, i), nextRune(body, p.End, i+size)
		m := mark{Start: i, End: i + size}
		ok := true
		switch r {
		case '“', '„', '«':
			m.Family, m.Role = familyDouble, roleOpen
		case '”', '»':
			m.Family, m.Role = familyDouble, roleClose
		case '‹':
			m.Family, m.Role = familySingle, roleOpen
		case '›':
			m.Family, m.Role = familySingle, roleClose
		case '"':
			m.Family = familyDouble
			left := next != 0 && !unicode.IsSpace(next)  // touches what follows
			right := prev != 0 && !unicode.IsSpace(prev) // touches what precedes
			switch {
			case left && !right:
				m.Role = roleOpen
			case right && !left && openDouble == 0 && (prev == ',' || prev == ':'):
				m.Role = roleOpen // said," [Warhol] liked …
			case right && !left:
				m.Role = roleClose
			case right && left && isOpenContext(prev):
				m.Role = roleOpen
			case right && left && strings.ContainsRune(".,;:!?)", next):
				m.Role = roleClose
			case openDouble > 0:
				m.Role = roleClose
			default:
				m.Role = roleOpen
			}
		case '‘':
			m.Family, m.Role = familySingle, roleOpen
			if isWordRune(prev) { // rock ‘n’ roll
				ok = false
			}
		case '’', '\'':
			m.Family = familySingle
			switch {
			case isWordRune(prev) && isWordRune(next):
				ok = false // don’t, Russia’s
			case r == '\'' && (prev == 0 || unicode.IsSpace(prev) || isOpenContext(prev)) && unicode.IsLetter(next):
				m.Role = roleOpen
			case openSingle > 0 && prev != 0 && !unicode.IsSpace(prev) && (next == 0 || !isWordRune(next)):
				m.Role = roleClose
			default:
				ok = false // an apostrophe: allies’ concerns, ’90s
			}
		default:
			ok = false
		}
		if ok {
			marks = append(marks, m)
			d := 1
			if m.Role == roleClose {
				d = -1
			}
			if m.Family == familyDouble {
				openDouble = max(0, openDouble+d)
			} else {
				openSingle = max(0, openSingle+d)
			}
		}
		i += size
	}
	return marks
}

func isOpenContext(r rune) bool {
	switch r {
	case '(', '[', '{', '—', '–', '-', ':', '“', '‘', '"', '\'', '«', '/':
		return true
	}
	return false
}

func prevRune(s string, lo, i int) rune {
	if i <= lo {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[lo:i])
	return r
}

func nextRune(s string, hi, i int) rune {
	if i >= hi {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:hi])
	return r
}

// paraPairs pairs the marks of one paragraph. It returns the outermost
// closed pairs, the outermost double open mark left unclosed (if any), and
// double closing marks that had no open mark.
func paraPairs(marks []mark) (pairs [][2]mark, unclosed *mark, stray []mark) {
	var stack []mark
	for _, m := range marks {
		if m.Role == roleOpen {
			stack = append(stack, m)
			continue
		}
		k := len(stack) - 1
		for k >= 0 && stack[k].Family != m.Family {
			k--
		}
		if k < 0 {
			if m.Family == familyDouble {
				stray = append(stray, m)
			}
			continue
		}
		open := stack[k]
		stack = stack[:k] // opens of the other family inside are dropped
		if len(stack) == 0 {
			pairs = append(pairs, [2]mark{open, m})
		}
	}
	for i := range stack {
		if stack[i].Family == familyDouble {
			m := stack[i]
			unclosed = &m
			break
		}
	}
	// An unclosed mark inside a closed pair cannot be: the close popped it.
	// Pairs that lie inside the unclosed quotation are part of it.
	if unclosed != nil {
		kept := pairs[:0]
		for _, pr := range pairs {
			if pr[0].Start < unclosed.Start {
				kept = append(kept, pr)
			}
		}
		pairs = kept
	}
	return pairs, unclosed, stray
}

// paraMarks are the paired marks of one paragraph.
type paraMarks struct {
	pairs    [][2]mark
	unclosed *mark
}

// findRegions finds every quotation of the body by its marks, following
// the news convention for quotations over several paragraphs and bounding
// those whose closing mark is missing.
func findRegions(body string, ps []para) (regions []region, stray []mark) {
	pm := make([]paraMarks, len(ps))
	for i, p := range ps {
		pairs, unclosed, st := paraPairs(classify(body, p))
		pm[i] = paraMarks{pairs, unclosed}
		stray = append(stray, st...)
	}
	mk := func(open, close mark) region {
		r := region{Open: open, Close: close}
		r.Content = trimSpan(body, open.End, close.Start)
		return r
	}
	skipFirstPair := make([]bool, len(ps))
	for i := range ps {
		for k, pr := range pm[i].pairs {
			if k == 0 && skipFirstPair[i] {
				continue
			}
			regions = append(regions, mk(pr[0], pr[1]))
			regions[len(regions)-1].FirstPara, regions[len(regions)-1].LastPara = i, i
		}
		u := pm[i].unclosed
		if u == nil || (skipFirstPair[i] && len(pm[i].pairs) == 0) {
			continue
		}
		// Follow the chain: each next paragraph that opens with a double
		// mark continues the quotation; the first one whose opening mark
		// closes ends it.
		j := i
		bytes := ps[i].End - u.Start
		closed := false
		var end mark
		for j+1 < len(ps) && j+1-i < maxChainParas && bytes < maxChainBytes {
			n := j + 1
			first := firstMark(body, ps[n], pm[n])
			if first == nil {
				break
			}
			j = n
			bytes += ps[n].End - ps[n].Start
			if len(pm[n].pairs) > 0 && pm[n].pairs[0][0].Start == first.Start {
				end = pm[n].pairs[0][1]
				skipFirstPair[n] = true
				closed = true
				break
			}
			skipFirstPair[n] = true // its unclosed open belongs to this chain
			if pm[n].unclosed == nil || pm[n].unclosed.Start != first.Start {
				break
			}
		}
		r := region{Open: *u, FirstPara: i, LastPara: j, MultiPara: j > i}
		if closed {
			r.Close = end
			r.Content = trimSpan(body, u.End, end.Start)
		} else {
			stop := ps[j].End
			if j == i && stop-u.End > maxUnclosedTail {
				stop = sentenceEndAfter(body, u.End, ps[j].End)
			}
			r.Close = mark{Start: stop, End: stop, Family: familyDouble, Role: roleClose}
			r.Content = trimSpan(body, u.End, stop)
			r.Unbalanced = true
		}
		regions = append(regions, r)
	}
	return regions, stray
}

// firstMark returns the paragraph's first mark when it is a double opening
// mark at the very start of the paragraph.
func firstMark(body string, p para, pm paraMarks) *mark {
	var first *mark
	if len(pm.pairs) > 0 {
		first = &pm.pairs[0][0]
	}
	if pm.unclosed != nil && (first == nil || pm.unclosed.Start < first.Start) {
		first = pm.unclosed
	}
	if first == nil || first.Start != p.Start || first.Family != familyDouble {
		return nil
	}
	return first
}

// sentenceEndAfter returns the end of the sentence that runs on from off,
// or hi.
func sentenceEndAfter(body string, off, hi int) int {
	for i := off; i < hi; i++ {
		switch body[i] {
		case '.', '!', '?':
			if i+1 >= hi || body[i+1] == ' ' {
				return i + 1
			}
		}
	}
	return hi
}

// trimSpan trims white space from both ends of [s, e).
func trimSpan(body string, s, e int) span {
	for s < e {
		r, size := utf8.DecodeRuneInString(body[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(body[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return span{s, e}
}
