package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
)

// modelMagic opens every model file; the number after it changes whenever
// features change meaning.
const (
	modelMagic   = "dragoman-ner"
	modelVersion = 2
)

// Model is a trained tagger: a first-pass linear-chain model, an optional
// second pass that also sees the first pass's labels over the whole
// document, word clusters and a gazetteer.
type Model struct {
	stage1, stage2 *weights
	clusters       map[string]uint32
	gazetteer      *gazetteer
	gazNames       []gazName
	joint          jointOnce
	// Info describes how the model was trained, for the model card.
	Info string
}

type gazName struct {
	name  string
	types uint8
}

// workspace is the memory one tagging call needs; Tagger pools them.
type workspace struct {
	sc    scratch
	em    []float32
	delta []float32
	back  []uint8
	beta  []float32
	mm    []float32
	home  []uint64
	em1   []float32 // whole document, first pass
	em2   []float32 // whole document, second pass
}

func (ws *workspace) grow(n int) {
	if cap(ws.em) < n*numLabels {
		ws.em = make([]float32, n*numLabels)
		ws.delta = make([]float32, n*numLabels)
		ws.back = make([]uint8, n*numLabels)
	}
	ws.em = ws.em[:n*numLabels]
	ws.delta = ws.delta[:n*numLabels]
	ws.back = ws.back[:n*numLabels]
}

// TagDoc tags the sentences of one document and returns IOB2 tags
// (B-PER, I-PER, B-ORG, ... O) per sentence.
func (m *Model) TagDoc(sents [][]string) [][]string {
	var ws workspace
	res, _ := m.tagDocScored(context.Background(), sents, &ws)
	out := make([][]string, len(sents))
	for i, ms := range res {
		chunks := make([]Chunk, len(ms))
		for k, c := range ms {
			chunks[k] = Chunk{Start: c.Start, End: c.End, Type: c.Type}
		}
		out[i] = IOB2(chunks, len(sents[i]))
	}
	return out
}

// Features reports the number of weight rows of each pass.
func (m *Model) Features() (stage1, stage2 int) {
	stage1 = m.stage1.rows
	if m.stage2 != nil {
		stage2 = m.stage2.rows
	}
	return
}

// WriteTo writes the model, gzip-compressed, with weights quantized to 16
// bits.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	e := &encoder{w: bw}
	e.str(modelMagic)
	e.u32(modelVersion)
	e.str(m.Info)
	e.u32(uint32(len(m.clusters)))
	for _, word := range sortedKeys(m.clusters) {
		e.str(word)
		e.u32(m.clusters[word])
	}
	e.u32(uint32(len(m.gazNames)))
	for _, g := range m.gazNames {
		e.str(g.name)
		e.u8(g.types)
	}
	e.weights(m.stage1)
	if m.stage2 != nil {
		e.u8(1)
		e.weights(m.stage2)
	} else {
		e.u8(0)
	}
	if e.err != nil {
		return cw.n, e.err
	}
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	if err := zw.Close(); err != nil {
		return cw.n, err
	}
	return cw.n, nil
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	defer zr.Close()
	d := &decoder{r: bufio.NewReaderSize(zr, 1<<16)}
	if d.str() != modelMagic {
		return nil, errors.New("read model: not a dragoman NER model")
	}
	if v := d.u32(); v != modelVersion {
		return nil, fmt.Errorf("read model: version %d, want %d (retrain with dragoman train ner)", v, modelVersion)
	}
	m := &Model{Info: d.str()}
	if n := d.u32(); n > 0 && d.err == nil {
		m.clusters = make(map[string]uint32, n)
		for i := uint32(0); i < n && d.err == nil; i++ {
			w := d.str()
			m.clusters[w] = d.u32()
		}
	}
	if n := d.u32(); n > 0 && d.err == nil {
		for i := uint32(0); i < n && d.err == nil; i++ {
			name := d.str()
			m.gazNames = append(m.gazNames, gazName{name: name, types: d.u8()})
		}
		m.buildGazetteer()
	}
	m.stage1 = d.weights()
	if d.u8() == 1 {
		m.stage2 = d.weights()
	}
	if d.err != nil {
		return nil, fmt.Errorf("read model: %w", d.err)
	}
	return m, nil
}

func (m *Model) buildGazetteer() {
	g := &gazetteer{}
	for _, n := range m.gazNames {
		for t := uint8(0); t < numTypes; t++ {
			if n.types&(1<<t) != 0 {
				g.addName(n.name, t)
			}
		}
	}
	m.gazetteer = g
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

type encoder struct {
	w   *bufio.Writer
	err error
	buf [8]byte
}

func (e *encoder) write(p []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(p)
	}
}
func (e *encoder) u8(v uint8) { e.write([]byte{v}) }
func (e *encoder) u32(v uint32) {
	binary.LittleEndian.PutUint32(e.buf[:4], v)
	e.write(e.buf[:4])
}
func (e *encoder) u64(v uint64) {
	binary.LittleEndian.PutUint64(e.buf[:8], v)
	e.write(e.buf[:8])
}
func (e *encoder) str(s string) {
	e.u32(uint32(len(s)))
	e.write([]byte(s))
}

// weights writes the rows as their hash keys in increasing order, their
// scales, then the int8 weights label by label (so that runs of zeros
// compress), then the transitions.
func (e *encoder) weights(w *weights) {
	entries := w.sortedEntries()
	e.u32(uint32(len(entries)))
	for _, en := range entries {
		e.u64(en.key)
	}
	for _, en := range entries {
		e.u32(math.Float32bits(en.scale))
	}
	col := make([]byte, len(entries))
	for l := 0; l < numLabels; l++ {
		for i, en := range entries {
			col[i] = byte(en.w[l])
		}
		e.write(col)
	}
	for _, v := range w.trans {
		e.u32(math.Float32bits(v))
	}
}

type decoder struct {
	r   *bufio.Reader
	err error
	buf [8]byte
}

func (d *decoder) read(n int) []byte {
	if d.err != nil {
		return d.buf[:n]
	}
	_, d.err = io.ReadFull(d.r, d.buf[:n])
	return d.buf[:n]
}
func (d *decoder) u8() uint8   { return d.read(1)[0] }
func (d *decoder) u32() uint32 { return binary.LittleEndian.Uint32(d.read(4)) }
func (d *decoder) u64() uint64 { return binary.LittleEndian.Uint64(d.read(8)) }
func (d *decoder) str() string {
	n := d.u32()
	if d.err != nil || n > 1<<20 {
		if d.err == nil {
			d.err = errors.New("string too long")
		}
		return ""
	}
	var sb strings.Builder
	sb.Grow(int(n))
	_, err := io.CopyN(&sb, d.r, int64(n))
	if err != nil {
		d.err = err
	}
	return sb.String()
}

func (d *decoder) weights() *weights {
	n := d.u32()
	if d.err != nil || n > 1<<26 {
		if d.err == nil {
			d.err = errors.New("too many feature rows")
		}
		return nil
	}
	keys := make([]uint64, n)
	for i := range keys {
		keys[i] = d.u64()
	}
	m := newTable(int(n))
	entries := make([]*entry, n)
	for i, k := range keys {
		entries[i] = m.slot(k)
	}
	for _, en := range entries {
		en.scale = math.Float32frombits(d.u32())
	}
	raw := make([]byte, int(n))
	for l := 0; l < numLabels && d.err == nil; l++ {
		_, d.err = io.ReadFull(d.r, raw)
		for r, en := range entries {
			en.w[l] = int8(raw[r])
		}
	}
	for i := range m.trans {
		m.trans[i] = math.Float32frombits(d.u32())
	}
	return m
}

// Encode returns the model file's bytes.
func (m *Model) Encode() ([]byte, error) {
	var b bytes.Buffer
	_, err := m.WriteTo(&b)
	return b.Bytes(), err
}

// ReadModelFile reads a model file written by WriteTo.
func ReadModelFile(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
