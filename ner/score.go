package ner

import (
	"context"
	"math"
)

// A mention's score is the logistic of (margin-scoreBias)/scoreTemp,
// clamped into [0.001, 0.999]. The constants were read off the CoNLL
// development split: mentions with a margin near scoreBias are right about
// half the time, those above 60 about 95% of the time.
const (
	scoreBias = 15
	scoreTemp = 20
)

func marginScore(margin float32) float64 {
	s := 1 / (1 + math.Exp(-(float64(margin)-scoreBias)/scoreTemp))
	return math.Min(0.999, math.Max(0.001, s))
}

// maxMarginals fills mm (n × numLabels) with the score of the best allowed
// sequence that gives token k label c, using the forward scores in delta
// that viterbi left.
func maxMarginals(em []float32, trans *[numTrans]float32, delta, beta, mm []float32, n int) {
	const L = numLabels
	last := beta[(n-1)*L : n*L]
	for c := 0; c < L; c++ {
		i := c*(L+1) + L
		if transAllowed[i] {
			last[c] = trans[i]
		} else {
			last[c] = negInf
		}
	}
	for k := n - 2; k >= 0; k-- {
		next := beta[(k+1)*L : (k+2)*L]
		cur := beta[k*L : (k+1)*L]
		for c := 0; c < L; c++ {
			best := negInf
			for q := 0; q < L; q++ {
				i := c*(L+1) + q
				if !transAllowed[i] {
					continue
				}
				if v := trans[i] + em[(k+1)*L+q] + next[q]; v > best {
					best = v
				}
			}
			cur[c] = best
		}
	}
	for i := 0; i < n*L; i++ {
		mm[i] = delta[i] + beta[i]
	}
}

// tagDocScored tags a document and returns its mentions with scores.
func (m *Model) tagDocScored(ctx context.Context, sents [][]string, ws *workspace) ([][]Mention, error) {
	d := m.newDocInfo(sents, &ws.sc)
	j := m.jointTable()
	n := len(d.toks)
	if cap(ws.em1) < n*numLabels {
		ws.em1 = make([]float32, n*numLabels+n*numLabels/2)
		ws.em2 = make([]float32, n*numLabels+n*numLabels/2)
	}
	em1, em2 := ws.em1[:n*numLabels], ws.em2[:n*numLabels]
	labels := make([]uint8, n)
	features := func(si int, s1 *stage1Info, mode int) {
		m.sentFeaturesOf(d, si, s1, mode, &ws.sc)
		if cap(ws.home) < len(ws.sc.feats) {
			ws.home = make([]uint64, len(ws.sc.feats)+len(ws.sc.feats)/2)
		}
	}
	span := func(si int) (int, int) { return int(d.sents[si]), int(d.sents[si+1]) }
	for si := range sents {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		a, b := span(si)
		features(si, nil, featBase)
		j.scores(ws.sc.feats, ws.sc.offs, em1[a*numLabels:b*numLabels], em2[a*numLabels:b*numLabels], ws.home[:len(ws.sc.feats)], false)
		if m.stage2 != nil {
			ws.grow(b - a)
			viterbi(em1[a*numLabels:b*numLabels], &m.stage1.trans, labels[a:b], ws.delta, ws.back)
		}
	}
	final, em := m.stage1, em1
	var s1 *stage1Info
	if m.stage2 != nil {
		s1 = newStage1Info(d, labels)
		labels = make([]uint8, n)
		final, em = m.stage2, em2
	}
	out := make([][]Mention, len(sents))
	for si := range sents {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		a, b := span(si)
		if a == b {
			continue
		}
		if s1 != nil {
			features(si, s1, featS1)
			j.scores(ws.sc.feats, ws.sc.offs, nil, em2[a*numLabels:b*numLabels], ws.home[:len(ws.sc.feats)], true)
		}
		out[si] = m.mentions(em[a*numLabels:b*numLabels], &final.trans, labels[a:b], ws)
	}
	return out, nil
}

// mentions decodes one sentence from its emission scores and scores each
// entity it finds by its max-marginal margin.
func (m *Model) mentions(em []float32, trans *[numTrans]float32, ls []uint8, ws *workspace) []Mention {
	n := len(ls)
	ws.grow(n)
	viterbi(em, trans, ls, ws.delta, ws.back)
	chunks := labelChunks(ls)
	if len(chunks) == 0 {
		return nil
	}
	if cap(ws.beta) < n*numLabels {
		ws.beta = make([]float32, n*numLabels)
		ws.mm = make([]float32, n*numLabels)
	}
	beta, mm := ws.beta[:n*numLabels], ws.mm[:n*numLabels]
	maxMarginals(em, trans, ws.delta, beta, mm, n)
	out := make([]Mention, 0, len(chunks))
	for _, c := range chunks {
		margin := float32(math.Inf(1))
		for k := c.Start; k < c.End; k++ {
			row := mm[k*numLabels : (k+1)*numLabels]
			best := row[ls[k]]
			other := negInf
			for l, v := range row {
				if uint8(l) != ls[k] && v > other {
					other = v
				}
			}
			if mg := best - other; mg < margin {
				margin = mg
			}
		}
		out = append(out, Mention{Start: c.Start, End: c.End, Type: c.Type, Score: marginScore(margin)})
	}
	return out
}
