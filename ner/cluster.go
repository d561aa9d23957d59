package ner

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"time"
)

// Word clusters are induced from unlabelled text by a cheap distributional
// method: every frequent word is described by the words seen just before
// and just after it (positive PMI, randomly projected to a few dense
// dimensions) and by how it is capitalized, and the words are grouped by
// three levels of spherical k-means. A word's cluster path holds its group
// at each level (6 bits each), so that features can use coarse and fine
// groups, like Brown cluster prefixes.

const (
	clusterMinCount = 3
	clusterContexts = 1000
	clusterDims     = 96
	clusterSeed     = 20031
)

var clusterLevels = [3]int{32, 16, 8}

// BuildClusters induces word clusters from the unlabelled text under dir.
func BuildClusters(ctx context.Context, dir string, log io.Writer) (map[string]uint32, error) {
	start := time.Now()
	sents, err := unlabelledText(dir)
	if err != nil {
		return nil, fmt.Errorf("read unlabelled text under %s: %w", filepath.Clean(dir), err)
	}
	c, err := cluster(ctx, sents)
	if err == nil && log != nil {
		tokens := 0
		for _, s := range sents {
			tokens += len(s)
		}
		fmt.Fprintf(log, "clusters: %d words from %d sentences, %d tokens (%s)\n", len(c), len(sents), tokens, time.Since(start).Round(time.Millisecond))
	}
	return c, err
}

func cluster(ctx context.Context, sents [][]string) (map[string]uint32, error) {
	var sc scratch
	// Lowercase forms and capitalization counts.
	ids := map[string]int32{}
	var words []string
	var freq []float64
	var capMid, lowerN []float64
	seq := make([][]int32, len(sents))
	for si, s := range sents {
		row := make([]int32, len(s))
		for i, w := range s {
			t := (*Model)(nil).makeTok(w, &sc)
			id, ok := ids[t.lowerStr]
			if !ok {
				id = int32(len(words))
				ids[t.lowerStr] = id
				words = append(words, t.lowerStr)
				freq = append(freq, 0)
				capMid = append(capMid, 0)
				lowerN = append(lowerN, 0)
			}
			freq[id]++
			if i > 0 && (t.cls == clsInit || t.cls == clsMixed) {
				capMid[id]++
			}
			if t.cls == clsLower {
				lowerN[id]++
			}
			row[i] = id
		}
		seq[si] = row
	}
	// Context words: the most frequent forms.
	order := make([]int32, len(words))
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(a, b int) bool {
		if freq[order[a]] != freq[order[b]] {
			return freq[order[a]] > freq[order[b]]
		}
		return words[order[a]] < words[order[b]]
	})
	ctxIdx := make([]int32, len(words))
	for i := range ctxIdx {
		ctxIdx[i] = -1
	}
	for r, id := range order {
		if r >= clusterContexts {
			break
		}
		ctxIdx[id] = int32(r)
	}
	nctx := 2 * (clusterContexts + 2) // left and right, plus <s>/</s> and rare
	var vocab []int32
	row := make([]int32, len(words))
	for _, id := range order {
		if freq[id] < clusterMinCount {
			break
		}
		row[id] = int32(len(vocab))
		vocab = append(vocab, id)
	}
	counts := make([]map[int32]float64, len(vocab))
	for i := range counts {
		counts[i] = map[int32]float64{}
	}
	ctxTotal := make([]float64, nctx)
	total := 0.0
	ctxOf := func(id int32) int32 {
		if id < 0 {
			return clusterContexts // boundary
		}
		if c := ctxIdx[id]; c >= 0 {
			return c
		}
		return clusterContexts + 1 // a rare word
	}
	for _, s := range seq {
		for i, id := range s {
			if freq[id] < clusterMinCount {
				continue
			}
			v := row[id]
			left, right := int32(-1), int32(-1)
			if i > 0 {
				left = s[i-1]
			}
			if i+1 < len(s) {
				right = s[i+1]
			}
			l, r := ctxOf(left), int32(clusterContexts+2)+ctxOf(right)
			counts[v][l]++
			counts[v][r]++
			ctxTotal[l]++
			ctxTotal[r]++
			total += 2
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Random projection of PPMI vectors.
	rng := rand.New(rand.NewPCG(clusterSeed, 1))
	proj := make([][clusterDims]float32, nctx)
	for i := range proj {
		for d := range proj[i] {
			if rng.IntN(2) == 0 {
				proj[i][d] = 1
			} else {
				proj[i][d] = -1
			}
		}
	}
	const extra = 2
	dim := clusterDims + extra
	vecs := make([]float32, len(vocab)*dim)
	for v, id := range vocab {
		x := vecs[v*dim : (v+1)*dim]
		wsum := 0.0
		for _, n := range counts[v] {
			wsum += n
		}
		keys := make([]int32, 0, len(counts[v]))
		for c := range counts[v] {
			keys = append(keys, c)
		}
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		for _, c := range keys {
			n := counts[v][c]
			pmi := math.Log(n * total / (wsum * ctxTotal[c]))
			if pmi <= 0 {
				continue
			}
			for d := 0; d < clusterDims; d++ {
				x[d] += float32(pmi) * proj[c][d]
			}
		}
		normalize(x[:clusterDims])
		// Capitalization profile, weighted to matter about as much as a
		// good share of the context.
		x[clusterDims] = float32(capMid[id]/freq[id]) * 0.7
		x[clusterDims+1] = float32(lowerN[id]/freq[id]) * 0.7
		normalize(x)
	}
	// Three levels of spherical k-means.
	paths := make([]uint32, len(vocab))
	members := make([]int32, len(vocab))
	for i := range members {
		members[i] = int32(i)
	}
	groups := [][]int32{members}
	for level, k := range clusterLevels {
		var next [][]int32
		for _, g := range groups {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			assign := kmeans(vecs, dim, g, k, rng)
			parts := make([][]int32, k)
			for i, v := range g {
				a := assign[i]
				paths[v] |= uint32(a) << (6 * (2 - level))
				parts[a] = append(parts[a], v)
			}
			for _, p := range parts {
				if len(p) > 0 {
					next = append(next, p)
				}
			}
		}
		groups = next
	}
	out := make(map[string]uint32, len(vocab))
	for v, id := range vocab {
		out[words[id]] = paths[v]
	}
	return out, nil
}

func normalize(x []float32) {
	var s float64
	for _, v := range x {
		s += float64(v) * float64(v)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range x {
		x[i] *= inv
	}
}

// kmeans groups the vectors of members into at most k clusters by cosine
// similarity and returns each member's cluster.
func kmeans(vecs []float32, dim int, members []int32, k int, rng *rand.Rand) []int {
	assign := make([]int, len(members))
	if len(members) <= k {
		for i := range assign {
			assign[i] = i
		}
		return assign
	}
	cent := make([]float32, k*dim)
	// Seeds: random members (from the seeded generator), then refine.
	for c := 0; c < k; c++ {
		m := members[rng.IntN(len(members))]
		copy(cent[c*dim:(c+1)*dim], vecs[int(m)*dim:(int(m)+1)*dim])
	}
	for it := 0; it < 12; it++ {
		changed := 0
		for i, m := range members {
			x := vecs[int(m)*dim : (int(m)+1)*dim]
			best, arg := float32(-2), 0
			for c := 0; c < k; c++ {
				y := cent[c*dim : (c+1)*dim]
				var s float32
				for d := range x {
					s += x[d] * y[d]
				}
				if s > best {
					best, arg = s, c
				}
			}
			if assign[i] != arg || it == 0 {
				changed++
			}
			assign[i] = arg
		}
		for i := range cent {
			cent[i] = 0
		}
		size := make([]int, k)
		for i, m := range members {
			c := assign[i]
			size[c]++
			y := cent[c*dim : (c+1)*dim]
			for d, v := range vecs[int(m)*dim : (int(m)+1)*dim] {
				y[d] += v
			}
		}
		for c := 0; c < k; c++ {
			if size[c] == 0 { // re-seed an empty cluster
				m := members[rng.IntN(len(members))]
				copy(cent[c*dim:(c+1)*dim], vecs[int(m)*dim:(int(m)+1)*dim])
				continue
			}
			normalize(cent[c*dim : (c+1)*dim])
		}
		if changed == 0 {
			break
		}
	}
	return assign
}
