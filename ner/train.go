package ner

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"time"
)

// TrainOptions configure Train. The zero value trains with the defaults.
type TrainOptions struct {
	Iters    int    // passes over the data per model; default 12
	Folds    int    // jackknife folds for the second pass; default 5, negative for one pass only
	MinCount int    // features seen fewer times are dropped; default 2
	Seed     uint64 // shuffling seed; runs with one seed give one model
	Bags     int    // models averaged per pass, each with its own order; default 1
	// Clusters maps lowercase words to cluster paths (see Cluster).
	Clusters map[string]uint32
	// Names are gazetteer entries: a name (words separated by spaces) and
	// the set of types (bit t for typeNames[t]) it has.
	Names map[string]uint8
	// Dev, when set, is scored after every pass (never trained on).
	Dev []Doc
	Log io.Writer
	// Info is stored in the model for its card.
	Info string
}

// instance is one training sentence: feature rows per token and gold labels.
type instance struct {
	rows []int32
	offs []int32
	gold []uint8
}

type trainer struct {
	w, acc   []float32
	trans    [numTrans]float32
	transAcc [numTrans]float32
	c        float32
	ws       workspace
	out      []uint8
}

func newTrainer(rows int) *trainer {
	return &trainer{w: make([]float32, rows*numLabels), acc: make([]float32, rows*numLabels), c: 1}
}

func (t *trainer) decode(in *instance, w []float32, trans *[numTrans]float32) []uint8 {
	n := len(in.gold)
	t.ws.grow(n)
	if cap(t.out) < n {
		t.out = make([]uint8, n)
	}
	out := t.out[:n]
	emissions(w, in.rows, in.offs, t.ws.em)
	viterbi(t.ws.em, trans, out, t.ws.delta, t.ws.back)
	return out
}

func (t *trainer) update(in *instance, pred []uint8) {
	c := t.c
	for k, g := range in.gold {
		p := pred[k]
		if g == p {
			continue
		}
		for _, r := range in.rows[in.offs[k]:in.offs[k+1]] {
			if r < 0 {
				continue
			}
			base := int(r) * numLabels
			t.w[base+int(g)]++
			t.acc[base+int(g)] += c
			t.w[base+int(p)]--
			t.acc[base+int(p)] -= c
		}
	}
	L := numLabels
	prevG, prevP := L, L
	for k := 0; k <= len(in.gold); k++ {
		g, p := L, L
		if k < len(in.gold) {
			g, p = int(in.gold[k]), int(pred[k])
		}
		if g != p || prevG != prevP {
			i := prevG*(L+1) + g
			t.trans[i]++
			t.transAcc[i] += c
			j := prevP*(L+1) + p
			t.trans[j]--
			t.transAcc[j] -= c
		}
		prevG, prevP = g, p
	}
}

// average returns the averaged weights.
func (t *trainer) average() ([]float32, [numTrans]float32) {
	w := make([]float32, len(t.w))
	for i := range w {
		w[i] = t.w[i] - t.acc[i]/t.c
	}
	var tr [numTrans]float32
	for i := range tr {
		tr[i] = t.trans[i] - t.transAcc[i]/t.c
	}
	return w, tr
}

func (t *trainer) train(ctx context.Context, data []*instance, iters int, seed uint64, eval func(w []float32, tr *[numTrans]float32, it int)) error {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	for it := 0; it < iters; it++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			in := data[i]
			pred := t.decode(in, t.w, &t.trans)
			for k := range pred {
				if pred[k] != in.gold[k] {
					t.update(in, pred)
					break
				}
			}
			t.c++
		}
		if eval != nil {
			w, tr := t.average()
			eval(w, &tr, it)
		}
	}
	return nil
}

// corpus is the training documents with their analyses.
type corpus struct {
	docs  []*docInfo
	words [][][]string
	gold  [][]uint8 // per doc, per token
}

func (m *Model) prepare(docs []Doc) *corpus {
	c := &corpus{}
	var sc scratch
	for _, d := range docs {
		sents := make([][]string, len(d.Sentences))
		var gold []uint8
		for i, s := range d.Sentences {
			sents[i] = s.Words
			gold = append(gold, bilou(Chunks(s.Tags), len(s.Words))...)
		}
		c.words = append(c.words, sents)
		di := m.newDocInfo(sents, &sc)
		di.domain = d.Domain
		c.docs = append(c.docs, di)
		c.gold = append(c.gold, gold)
	}
	return c
}

// featureSet collects the feature hashes of every sentence of the corpus.
type featureSet struct {
	private map[uint64]bool // features private to a domain other than 0
	feats   [][]uint64      // per sentence
	offs    [][]int32
	gold    [][]uint8
	doc     []int // document of each sentence
}

func (m *Model) collect(c *corpus, s1 []*stage1Info) *featureSet {
	fs := &featureSet{private: map[uint64]bool{}}
	var sc scratch
	for di, d := range c.docs {
		var info *stage1Info
		if s1 != nil {
			info = s1[di]
		}
		for si := 0; si+1 < len(d.sents); si++ {
			m.sentFeatures(d, si, info, &sc)
			if d.domain != 0 {
				for k := 0; k+1 < len(sc.offs); k++ {
					a, b := sc.offs[k], sc.offs[k+1]
					half := a + (b-a)/2
					for _, f := range sc.feats[half:b] {
						fs.private[f] = true
					}
				}
			}
			fs.feats = append(fs.feats, append([]uint64(nil), sc.feats...))
			fs.offs = append(fs.offs, append([]int32(nil), sc.offs...))
			fs.gold = append(fs.gold, c.gold[di][d.sents[si]:d.sents[si+1]])
			fs.doc = append(fs.doc, di)
		}
	}
	return fs
}

// index keeps the features seen at least minCount times and turns the
// sentences into instances.
func (fs *featureSet) index(minCount int) (keys []uint64, data []*instance) {
	count := make(map[uint64]int32, 1<<20)
	for _, f := range fs.feats {
		for _, h := range f {
			count[h]++
		}
	}
	row := make(map[uint64]int32, len(count)/2)
	for _, f := range fs.feats {
		for _, h := range f {
			if count[h] >= int32(minCount) {
				if _, ok := row[h]; !ok {
					row[h] = int32(len(keys))
					keys = append(keys, h)
				}
			}
		}
	}
	for i, f := range fs.feats {
		in := &instance{rows: make([]int32, len(f)), offs: fs.offs[i], gold: fs.gold[i]}
		for k, h := range f {
			if r, ok := row[h]; ok {
				in.rows[k] = r
			} else {
				in.rows[k] = -1
			}
		}
		data = append(data, in)
	}
	return keys, data
}

// prune drops the rows whose weights are all zero.
func prune(keys []uint64, w []float32, private map[uint64]bool) ([]uint64, []float32) {
	var k2 []uint64
	var w2 []float32
	for r, k := range keys {
		if private[k] {
			continue
		}
		row := w[r*numLabels : (r+1)*numLabels]
		keep := false
		for _, v := range row {
			if v > 1e-3 || v < -1e-3 {
				keep = true
				break
			}
		}
		if keep {
			k2 = append(k2, k)
			w2 = append(w2, row...)
		}
	}
	return k2, w2
}

// Train trains a model on labelled documents.
func Train(ctx context.Context, docs []Doc, opts TrainOptions) (*Model, error) {
	if opts.Iters <= 0 {
		opts.Iters = 12
	}
	if opts.Folds == 0 {
		opts.Folds = 5
	}
	if opts.MinCount <= 0 {
		opts.MinCount = 2
	}
	logf := func(format string, args ...any) {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, format+"\n", args...)
		}
	}
	start := time.Now()
	m := &Model{clusters: opts.Clusters, Info: opts.Info}
	for _, name := range sortedKeys(opts.Names) {
		m.gazNames = append(m.gazNames, gazName{name: name, types: opts.Names[name]})
	}
	if len(m.gazNames) > 0 {
		m.buildGazetteer()
	}
	c := m.prepare(docs)
	fs := m.collect(c, nil)
	keys, data := fs.index(opts.MinCount)
	logf("stage 1: %d sentences, %d features (%s)", len(data), len(keys), time.Since(start).Round(time.Second))

	var dev *corpus
	if len(opts.Dev) > 0 {
		dev = m.prepare(opts.Dev)
	}
	evalWith := func(stage string, mk func(w []float32, tr *[numTrans]float32) *Model) func([]float32, *[numTrans]float32, int) {
		if dev == nil {
			return nil
		}
		return func(w []float32, tr *[numTrans]float32, it int) {
			mm := mk(w, tr)
			e := mm.evalCorpus(dev, opts.Dev)
			logf("%s pass %d: dev F1 %.4f (%s)", stage, it+1, e.All.F1(), time.Since(start).Round(time.Second))
		}
	}
	mk1 := func(w []float32, tr *[numTrans]float32) *Model {
		ww := newWeights(keys, w)
		ww.trans = *tr
		return &Model{stage1: ww, clusters: m.clusters, gazetteer: m.gazetteer}
	}

	// Second pass training data: first-pass labels on each fold from a
	// model trained on the other folds.
	var s1 []*stage1Info
	if opts.Folds > 1 {
		labels := make([][]uint8, len(c.docs))
		for di := range labels {
			labels[di] = make([]uint8, len(c.docs[di].toks))
		}
		for f := 0; f < opts.Folds; f++ {
			var part []*instance
			for i, in := range data {
				if fs.doc[i]%opts.Folds != f {
					part = append(part, in)
				}
			}
			t := newTrainer(len(keys))
			if err := t.train(ctx, part, opts.Iters, opts.Seed+uint64(f)+1, nil); err != nil {
				return nil, err
			}
			w, tr := t.average()
			for i, in := range data {
				di := fs.doc[i]
				if di%opts.Folds != f {
					continue
				}
				pred := t.decode(in, w, &tr)
				si := sentenceOf(c.docs[di], i, fs)
				copy(labels[di][c.docs[di].sents[si]:], pred)
			}
			logf("fold %d/%d done (%s)", f+1, opts.Folds, time.Since(start).Round(time.Second))
		}
		s1 = make([]*stage1Info, len(c.docs))
		for di, d := range c.docs {
			s1[di] = newStage1Info(d, labels[di])
		}
	}

	w, tr, err := trainBagged(ctx, len(keys), data, opts, opts.Seed, evalWith("stage 1", mk1))
	if err != nil {
		return nil, err
	}
	k1, w1 := prune(keys, w, fs.private)
	m.stage1 = newWeights(k1, w1)
	m.stage1.trans = tr
	logf("stage 1 trained: %d rows kept (%s)", len(k1), time.Since(start).Round(time.Second))
	if s1 == nil {
		return m, nil
	}

	fs2 := m.collect(c, s1)
	keys2, data2 := fs2.index(opts.MinCount)
	logf("stage 2: %d features", len(keys2))
	mk2 := func(w []float32, tr *[numTrans]float32) *Model {
		ww := newWeights(keys2, w)
		ww.trans = *tr
		return &Model{stage1: m.stage1, stage2: ww, clusters: m.clusters, gazetteer: m.gazetteer}
	}
	w2, tr2, err := trainBagged(ctx, len(keys2), data2, opts, opts.Seed+100, evalWith("stage 2", mk2))
	if err != nil {
		return nil, err
	}
	k2, w2 := prune(keys2, w2, fs2.private)
	m.stage2 = newWeights(k2, w2)
	m.stage2.trans = tr2
	logf("stage 2 trained: %d rows kept (%s)", len(k2), time.Since(start).Round(time.Second))
	return m, nil
}

// trainBagged trains opts.Bags models that differ only in the order they
// see the sentences and averages their weights.
func trainBagged(ctx context.Context, rows int, data []*instance, opts TrainOptions, seed uint64, eval func([]float32, *[numTrans]float32, int)) ([]float32, [numTrans]float32, error) {
	bags := max(opts.Bags, 1)
	var w []float32
	var tr [numTrans]float32
	for b := 0; b < bags; b++ {
		t := newTrainer(rows)
		ev := eval
		if b < bags-1 {
			ev = nil
		}
		if err := t.train(ctx, data, opts.Iters, seed+uint64(b)*7919, ev); err != nil {
			return nil, tr, err
		}
		wb, trb := t.average()
		if w == nil {
			w = wb
		} else {
			for i := range w {
				w[i] += wb[i]
			}
		}
		for i := range tr {
			tr[i] += trb[i]
		}
	}
	inv := 1 / float32(bags)
	for i := range w {
		w[i] *= inv
	}
	for i := range tr {
		tr[i] *= inv
	}
	return w, tr, nil
}

// sentenceOf returns the index within its document of sentence i of fs.
func sentenceOf(d *docInfo, i int, fs *featureSet) int {
	di := fs.doc[i]
	first := i
	for first > 0 && fs.doc[first-1] == di {
		first--
	}
	return i - first
}

// evalCorpus tags prepared documents and scores them against their gold tags.
func (m *Model) evalCorpus(c *corpus, docs []Doc) *Eval {
	return m.Evaluate(docs)
}

// Evaluate tags documents and scores the result against their gold tags.
func (m *Model) Evaluate(docs []Doc) *Eval {
	e := NewEval()
	for _, d := range docs {
		sents := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			sents[i] = s.Words
		}
		tags := m.TagDoc(sents)
		for si, s := range d.Sentences {
			e.Add(s.Tags, tags[si])
		}
	}
	return e
}
