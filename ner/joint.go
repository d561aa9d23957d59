package ner

import "sync"

// joint holds both passes' weight rows for a feature in one 64-byte slot.
// The second pass uses every feature of the first, so at tagging time each
// of those is looked up once for both passes; only the features built
// from the first pass's labels are looked up again.
type joint struct {
	table []jentry
	mask  uint64
}

type jentry struct {
	key   uint64
	scale [2]float32
	w     [2][numLabels]int8
	_     [14]byte // pad to 64 bytes, one cache line
}

func newJoint(passes ...*weights) *joint {
	n := 0
	for _, p := range passes {
		if p != nil {
			n += p.rows
		}
	}
	size := 1
	for size < n+n/2+2 {
		size <<= 1
	}
	j := &joint{table: make([]jentry, size), mask: uint64(size - 1)}
	for pi, p := range passes {
		if p == nil {
			continue
		}
		for i := range p.table {
			e := &p.table[i]
			if e.key == 0 {
				continue
			}
			k := j.slot(e.key)
			k.scale[pi] = e.scale
			k.w[pi] = e.w
		}
	}
	return j
}

func (j *joint) slot(k uint64) *jentry {
	i := k & j.mask
	for j.table[i].key != 0 && j.table[i].key != k {
		i = (i + 1) & j.mask
	}
	j.table[i].key = k
	return &j.table[i]
}

func (j *joint) lookup(f uint64) *jentry {
	if f == 0 {
		f = 1
	}
	i := f & j.mask
	for {
		e := &j.table[i]
		if e.key == f {
			return e
		}
		if e.key == 0 {
			return nil
		}
		i = (i + 1) & j.mask
	}
}

// scores sets em1 and em2 (tokens × numLabels) to the first and second
// pass's scores of the features feats (token k has feats[offs[k]:offs[k+1]]).
// With add, it adds the second pass's scores to em2 and leaves em1 alone.
// It reads the home slot of every feature first, in a loop that does not
// branch on what it finds, so that the processor overlaps the cache misses.
func (j *joint) scores(feats []uint64, offs []int32, em1, em2 []float32, home []uint64, add bool) {
	table, mask := j.table, j.mask
	for i, f := range feats {
		home[i] = table[f&mask].key
	}
	n := len(offs) - 1
	for k := 0; k < n; k++ {
		var a1, a2 [numLabels]float32
		for i := offs[k]; i < offs[k+1]; i++ {
			f := feats[i]
			var e *jentry
			switch home[i] {
			case 0:
				continue
			case f:
				e = &table[f&mask]
			default:
				if e = j.lookup(f); e == nil {
					continue
				}
			}
			s1, s2 := e.scale[0], e.scale[1]
			for l := range a1 {
				a1[l] += float32(e.w[0][l]) * s1
				a2[l] += float32(e.w[1][l]) * s2
			}
		}
		row2 := em2[k*numLabels : (k+1)*numLabels]
		if add {
			for l := range a2 {
				row2[l] += a2[l]
			}
			continue
		}
		copy(em1[k*numLabels:(k+1)*numLabels], a1[:])
		copy(row2, a2[:])
	}
}

// jointOnce builds a model's joint table the first time it is needed.
type jointOnce struct {
	once sync.Once
	j    *joint
}

func (m *Model) jointTable() *joint {
	m.joint.once.Do(func() { m.joint.j = newJoint(m.stage1, m.stage2) })
	return m.joint.j
}
