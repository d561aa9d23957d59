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
	scoreTemp = 15
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
	labels := make([]uint8, len(d.toks))
	final := m.stage1
	var s1 *stage1Info
	if m.stage2 != nil {
		for si := range sents {
			if si%64 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			m.tagSentence(m.stage1, d, si, nil, ws, labels[d.sents[si]:d.sents[si+1]])
		}
		s1 = newStage1Info(d, labels)
		labels = make([]uint8, len(d.toks))
		final = m.stage2
	}
	out := make([][]Mention, len(sents))
	for si := range sents {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		ls := labels[d.sents[si]:d.sents[si+1]]
		n := len(ls)
		if n == 0 {
			continue
		}
		m.tagSentence(final, d, si, s1, ws, ls)
		chunks := labelChunks(ls)
		if len(chunks) == 0 {
			continue
		}
		if cap(ws.beta) < n*numLabels {
			ws.beta = make([]float32, n*numLabels)
			ws.mm = make([]float32, n*numLabels)
		}
		beta, mm := ws.beta[:n*numLabels], ws.mm[:n*numLabels]
		maxMarginals(ws.em, &final.trans, ws.delta, beta, mm, n)
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
			score := marginScore(margin)
			out[si] = append(out[si], Mention{Start: c.Start, End: c.End, Type: c.Type, Score: score})
		}
	}
	return out, nil
}
