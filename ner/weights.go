package ner

import (
	"math"
	"sort"
)

const numTrans = (numLabels + 1) * (numLabels + 1)

// weights is one linear-chain model: a row of numLabels scores per known
// feature hash, quantized to 8 bits with one scale per row and kept in an
// open-addressing table beside its key, and a transition matrix
// [prev][cur] where index numLabels stands for the start (as prev) and the
// end (as cur) of the sentence. Tagging reads the rows of both passes from
// a joint table (joint.go).
type weights struct {
	table []entry
	mask  uint64
	rows  int
	trans [numTrans]float32
}

type entry struct {
	key   uint64 // 0 marks an empty slot
	scale float32
	w     [numLabels]int8 // weight = w × scale
}

// newWeights quantizes float rows (rows × numLabels, row r for keys[r]) into
// a table.
func newWeights(keys []uint64, w []float32) *weights {
	m := newTable(len(keys))
	for r, k := range keys {
		e := m.slot(k)
		row := w[r*numLabels : (r+1)*numLabels]
		var maxAbs float32
		for _, v := range row {
			maxAbs = max(maxAbs, v, -v)
		}
		if maxAbs == 0 {
			continue
		}
		e.scale = maxAbs / 127
		for l, v := range row {
			e.w[l] = int8(math.Round(float64(v / e.scale)))
		}
	}
	return m
}

// newTable returns an empty table for n rows.
func newTable(n int) *weights {
	size := 1
	for size < n+n/2+2 {
		size <<= 1
	}
	return &weights{table: make([]entry, size), mask: uint64(size - 1), rows: n}
}

// slot returns the entry for key k, claiming an empty one if needed.
func (m *weights) slot(k uint64) *entry {
	if k == 0 {
		k = 1
	}
	i := k & m.mask
	for m.table[i].key != 0 && m.table[i].key != k {
		i = (i + 1) & m.mask
	}
	m.table[i].key = k
	return &m.table[i]
}

// sortedEntries lists the occupied slots by key.
func (m *weights) sortedEntries() []*entry {
	out := make([]*entry, 0, m.rows)
	for i := range m.table {
		if m.table[i].key != 0 {
			out = append(out, &m.table[i])
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].key < out[b].key })
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

// prevAllowed[c] lists the labels that label c may follow.
var prevAllowed = func() (out [numLabels][]uint8) {
	for c := 0; c < numLabels; c++ {
		for p := 0; p < numLabels; p++ {
			if transAllowed[p*(numLabels+1)+c] {
				out[c] = append(out[c], uint8(p))
			}
		}
	}
	return out
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
			for _, p := range prevAllowed[c] {
				i := int(p)*(L+1) + c
				if v := prev[p] + trans[i]; v > best {
					best, arg = v, int(p)
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
