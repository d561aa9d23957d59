package ner

import "math"

const numTrans = (numLabels + 1) * (numLabels + 1)

// weights is one linear-chain model: a weight row of numLabels scores per
// known feature hash, found through an open-addressing table, and a
// transition matrix [prev][cur] where index numLabels stands for the start
// (as prev) and the end (as cur) of the sentence.
type weights struct {
	keys  []uint64 // table slots; 0 marks an empty slot
	slots []int32  // row of the key in the same slot
	mask  uint64
	w     []float32 // rows × numLabels
	trans [numTrans]float32
}

// newWeights builds the lookup table for rows whose hashes are keys.
func newWeights(keys []uint64, w []float32) *weights {
	size := 1
	for size < 2*len(keys)+2 {
		size <<= 1
	}
	m := &weights{keys: make([]uint64, size), slots: make([]int32, size), mask: uint64(size - 1), w: w}
	for row, k := range keys {
		if k == 0 {
			k = 1
		}
		i := k & m.mask
		for m.keys[i] != 0 {
			i = (i + 1) & m.mask
		}
		m.keys[i] = k
		m.slots[i] = int32(row)
	}
	return m
}

func (m *weights) lookup(f uint64) int32 {
	if f == 0 {
		f = 1
	}
	i := f & m.mask
	for {
		k := m.keys[i]
		if k == f {
			return m.slots[i]
		}
		if k == 0 {
			return -1
		}
		i = (i + 1) & m.mask
	}
}

// rowKeys lists the hashes of the rows in row order.
func (m *weights) rowKeys() []uint64 {
	out := make([]uint64, len(m.w)/numLabels)
	for i, k := range m.keys {
		if k != 0 {
			out[m.slots[i]] = k
		}
	}
	return out
}

var negInf = float32(math.Inf(-1))

// transAllowed[prev*(numLabels+1)+cur] says whether the BILOU scheme lets
// cur follow prev.
var transAllowed = func() [numTrans]bool {
	var a [numTrans]bool
	for p := 0; p <= numLabels; p++ {
		for c := 0; c <= numLabels; c++ {
			switch {
			case p == numLabels && c == numLabels:
				a[p*(numLabels+1)+c] = false
			case p == numLabels:
				a[p*(numLabels+1)+c] = allowed(0, c) // like after O
			case c == numLabels:
				a[p*(numLabels+1)+c] = allowed(p, 0) && (p == 0 || labelPos(uint8(p)) == posL || labelPos(uint8(p)) == posU)
			default:
				a[p*(numLabels+1)+c] = allowed(p, c)
			}
		}
	}
	return a
}()

// emissions fills em (n × numLabels) from the feature rows of n tokens:
// token k has rows[offs[k]:offs[k+1]], -1 meaning unknown.
func emissions(w []float32, rows []int32, offs []int32, em []float32) {
	n := len(offs) - 1
	for k := 0; k < n; k++ {
		var s [numLabels]float32
		for _, r := range rows[offs[k]:offs[k+1]] {
			if r < 0 {
				continue
			}
			row := w[int(r)*numLabels : int(r)*numLabels+numLabels]
			for l := range s {
				s[l] += row[l]
			}
		}
		copy(em[k*numLabels:], s[:])
	}
}

// viterbi finds the best allowed label sequence for emission scores em
// (n × numLabels) and transitions trans, writing it to out.
func viterbi(em []float32, trans *[numTrans]float32, out []uint8, delta []float32, back []uint8) {
	n := len(out)
	if n == 0 {
		return
	}
	const L = numLabels
	// delta[k*L+c]: best score of a path ending at token k with label c.
	for c := 0; c < L; c++ {
		i := L*(L+1) + c
		if transAllowed[i] {
			delta[c] = em[c] + trans[i]
		} else {
			delta[c] = negInf
		}
	}
	for k := 1; k < n; k++ {
		prev := delta[(k-1)*L : k*L]
		cur := delta[k*L : (k+1)*L]
		for c := 0; c < L; c++ {
			best, arg := negInf, 0
			for p := 0; p < L; p++ {
				i := p*(L+1) + c
				if !transAllowed[i] {
					continue
				}
				if v := prev[p] + trans[i]; v > best {
					best, arg = v, p
				}
			}
			cur[c] = best + em[k*L+c]
			back[k*L+c] = uint8(arg)
		}
	}
	best, arg := negInf, 0
	last := delta[(n-1)*L : n*L]
	for p := 0; p < L; p++ {
		i := p*(L+1) + L
		if !transAllowed[i] {
			continue
		}
		if v := last[p] + trans[i]; v > best {
			best, arg = v, p
		}
	}
	out[n-1] = uint8(arg)
	for k := n - 1; k > 0; k-- {
		out[k-1] = back[k*L+int(out[k])]
	}
}
