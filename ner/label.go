package ner

// The tagger labels tokens with BILOU tags over the four CoNLL types:
// O, then for each type B- (begin), I- (inside), L- (last), U- (unit).
const (
	numTypes  = 4
	numLabels = 1 + 4*numTypes
)

// typeNames are the CoNLL-2003 types the model predicts, in label order.
var typeNames = [numTypes]string{"PER", "ORG", "LOC", "MISC"}

const (
	posB = iota
	posI
	posL
	posU
)

func label(typ, pos int) uint8 { return uint8(1 + 4*typ + pos) }

// labelType returns the type index of a label, or -1 for O.
func labelType(l uint8) int {
	if l == 0 {
		return -1
	}
	return int(l-1) / 4
}

func labelPos(l uint8) int { return int(l-1) % 4 }

var labelNames = func() [numLabels]string {
	var n [numLabels]string
	n[0] = "O"
	for t := range numTypes {
		for p, pre := range []string{"B-", "I-", "L-", "U-"} {
			n[label(t, p)] = pre + typeNames[t]
		}
	}
	return n
}()

func typeIndex(name string) int {
	for i, n := range typeNames {
		if n == name {
			return i
		}
	}
	return -1
}

// allowed reports whether label b may follow label a (a == numLabels marks
// the start of the sentence, b == numLabels its end).
func allowed(a, b int) bool {
	open := func(l int) bool { // a B- or I- that must be continued
		return l > 0 && l < numLabels && (labelPos(uint8(l)) == posB || labelPos(uint8(l)) == posI)
	}
	cont := func(l int) bool { // an I- or L- that must continue
		return l > 0 && l < numLabels && (labelPos(uint8(l)) == posI || labelPos(uint8(l)) == posL)
	}
	if open(a) {
		return cont(b) && labelType(uint8(a)) == labelType(uint8(b))
	}
	return !cont(b)
}

// bilou turns chunks over n tokens into BILOU labels; chunks of unknown
// types are left out.
func bilou(chunks []Chunk, n int) []uint8 {
	out := make([]uint8, n)
	for _, c := range chunks {
		t := typeIndex(c.Type)
		if t < 0 {
			continue
		}
		if c.End-c.Start == 1 {
			out[c.Start] = label(t, posU)
			continue
		}
		for i := c.Start; i < c.End; i++ {
			switch i {
			case c.Start:
				out[i] = label(t, posB)
			case c.End - 1:
				out[i] = label(t, posL)
			default:
				out[i] = label(t, posI)
			}
		}
	}
	return out
}

// labelChunks reads the chunks of a valid BILOU label sequence.
func labelChunks(ls []uint8) []Chunk {
	var out []Chunk
	start := -1
	for i, l := range ls {
		if l == 0 {
			start = -1
			continue
		}
		switch labelPos(l) {
		case posU:
			out = append(out, Chunk{Start: i, End: i + 1, Type: typeNames[labelType(l)]})
			start = -1
		case posB:
			start = i
		case posL:
			if start >= 0 {
				out = append(out, Chunk{Start: start, End: i + 1, Type: typeNames[labelType(l)]})
			}
			start = -1
		}
	}
	return out
}
