package ner

import "strings"

// gazetteer is a list of names (sequences of lowercase word hashes), each
// with the set of types it was seen with.
type gazetteer struct {
	first map[uint64][]gazEntry
	max   int
}

type gazEntry struct {
	rest  []uint64
	types uint8 // bit t set: seen as typeNames[t]
}

func (g *gazetteer) add(key []uint64, typ uint8) {
	if len(key) == 0 || typ >= numTypes {
		return
	}
	if g.first == nil {
		g.first = make(map[uint64][]gazEntry)
	}
	list := g.first[key[0]]
	for i := range list {
		if equalHashes(list[i].rest, key[1:]) {
			list[i].types |= 1 << typ
			return
		}
	}
	g.first[key[0]] = append(list, gazEntry{rest: key[1:], types: 1 << typ})
	if len(key) > g.max {
		g.max = len(key)
	}
}

// addName adds a name written as space-separated words.
func (g *gazetteer) addName(name string, typ uint8) {
	var sc scratch
	words := strings.Fields(name)
	key := make([]uint64, len(words))
	for i, w := range words {
		key[i] = (*Model)(nil).makeTok(w, &sc).lower
	}
	g.add(key, typ)
}

func equalHashes(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// match finds, in every sentence of d, the names of the gazetteer, and
// returns per token the (type, BILOU position) of each name covering it.
func (g *gazetteer) match(d *docInfo) [][]gazHit {
	hits := make([][]gazHit, len(d.toks))
	if g == nil || g.first == nil {
		return hits
	}
	for si := 0; si+1 < len(d.sents); si++ {
		a, b := int(d.sents[si]), int(d.sents[si+1])
		for i := a; i < b; i++ {
			list := g.first[d.toks[i].lower]
			for _, e := range list {
				end := i + 1 + len(e.rest)
				if end > b {
					continue
				}
				ok := true
				for k, h := range e.rest {
					if d.toks[i+1+k].lower != h {
						ok = false
						break
					}
				}
				if !ok {
					continue
				}
				for t := uint8(0); t < numTypes; t++ {
					if e.types&(1<<t) == 0 {
						continue
					}
					for j := i; j < end; j++ {
						pos := uint8(posI)
						switch {
						case end-i == 1:
							pos = posU
						case j == i:
							pos = posB
						case j == end-1:
							pos = posL
						}
						hits[j] = append(hits[j], gazHit{typ: t, pos: pos})
					}
				}
			}
		}
	}
	return hits
}
