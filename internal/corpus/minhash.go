package corpus

import (
	"encoding/binary"
	"hash/fnv"
	"math"
	"strings"
	"unicode"
)

// MinHash sizes: Hashes values in Bands bands of Rows rows. Two articles
// whose shingle sets have Jaccard similarity s share at least one band with
// probability 1-(1-s^Rows)^Bands: above 0.99 for s=0.8, about 0.03 for
// s=0.3.
const (
	Hashes = 32
	Bands  = 8
	Rows   = Hashes / Bands
	// NearDuplicate is the estimated similarity above which an article is
	// a near-duplicate of another.
	NearDuplicate = 0.7
	shingle       = 3
)

// Signature is the MinHash signature of a text.
type Signature [Hashes]uint64

// Sign computes the MinHash signature of text over word 3-shingles, case
// and punctuation ignored.
func Sign(text string) Signature {
	var sig Signature
	for i := range sig {
		sig[i] = math.MaxUint64
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	add := func(h uint64) {
		for i := range sig {
			v := mix(h ^ seeds[i])
			if v < sig[i] {
				sig[i] = v
			}
		}
	}
	if len(words) < shingle {
		h := fnv.New64a()
		h.Write([]byte(strings.Join(words, " ")))
		add(h.Sum64())
		return sig
	}
	for i := 0; i+shingle <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+shingle] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		add(h.Sum64())
	}
	return sig
}

// Bands returns the band keys of the signature: band i hashes rows
// [i*Rows, (i+1)*Rows). Keys fit in a signed 64-bit integer column.
func (s Signature) Bands() [Bands]int64 {
	var out [Bands]int64
	var buf [8]byte
	for b := 0; b < Bands; b++ {
		h := fnv.New64a()
		buf[0] = byte(b)
		h.Write(buf[:1])
		for _, v := range s[b*Rows : (b+1)*Rows] {
			binary.LittleEndian.PutUint64(buf[:], v)
			h.Write(buf[:])
		}
		out[b] = int64(h.Sum64() >> 1)
	}
	return out
}

// Similarity estimates the Jaccard similarity of the two texts.
func (s Signature) Similarity(o Signature) float64 {
	n := 0
	for i := range s {
		if s[i] == o[i] {
			n++
		}
	}
	return float64(n) / Hashes
}

// Bytes encodes the signature for storage.
func (s Signature) Bytes() []byte {
	b := make([]byte, 8*Hashes)
	for i, v := range s {
		binary.LittleEndian.PutUint64(b[8*i:], v)
	}
	return b
}

// ParseSignature decodes a stored signature; ok is false when b has the
// wrong length.
func ParseSignature(b []byte) (s Signature, ok bool) {
	if len(b) != 8*Hashes {
		return s, false
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return s, true
}

// seeds give each hash function its own permutation.
var seeds = func() (s [Hashes]uint64) {
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x = mix(x + uint64(i) + 1)
		s[i] = x
	}
	return s
}()

// mix is the splitmix64 finalizer.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
