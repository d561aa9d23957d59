package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one sentence of a labelled corpus: its words and, when the
// corpus has them, their gold tags (IOB1 or IOB2, types PER, ORG, LOC, MISC).
type Sentence struct {
	Words []string
	Tags  []string
	// Lines holds the original lines of a CoNLL file, so that a tagged copy
	// can be written with every column kept.
	Lines []string
	// Blanks counts the blank lines that followed the sentence.
	Blanks int
}

// Doc is one document of a labelled corpus: the unit over which the
// tagger gathers document-level evidence.
type Doc struct {
	Sentences []Sentence
	// Start is true when the document was opened by a -DOCSTART- line,
	// StartLine holds that line and Blanks the blank lines after it that
	// came before the first sentence.
	Start     bool
	StartLine string
	Blanks    int
	// Domain is 0 for CoNLL-2003 style text; a corpus whose annotation
	// differs (GMB) has its own number, and its features get a private
	// copy in training that absorbs the differences (see Train).
	Domain uint8
}

// ReadCoNLL reads a corpus in CoNLL format: one token a line with the
// token first and the tag last, blank lines between sentences and
// -DOCSTART- lines between documents. Columns may be separated by spaces
// or tabs. A file without -DOCSTART- is one document.
func ReadCoNLL(r io.Reader) ([]Doc, error) {
	var docs []Doc
	var cur Doc
	var sent Sentence
	flushSent := func() {
		if len(sent.Words) > 0 {
			cur.Sentences = append(cur.Sentences, sent)
		}
		sent = Sentence{}
	}
	flushDoc := func() {
		flushSent()
		if len(cur.Sentences) > 0 || cur.Start || cur.Blanks > 0 {
			docs = append(docs, cur)
		}
		cur = Doc{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r\n")
		fields := strings.Fields(text)
		if len(fields) == 0 {
			flushSent()
			if n := len(cur.Sentences); n > 0 {
				cur.Sentences[n-1].Blanks++
			} else {
				cur.Blanks++
			}
			continue
		}
		if fields[0] == "-DOCSTART-" {
			flushDoc()
			cur.Start = true
			cur.StartLine = text
			continue
		}
		sent.Words = append(sent.Words, fields[0])
		tag := "O"
		if len(fields) > 1 {
			tag = fields[len(fields)-1]
		}
		sent.Tags = append(sent.Tags, tag)
		sent.Lines = append(sent.Lines, text)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
	flushDoc()
	return docs, nil
}

// Chunk is an entity in a tag sequence: tokens [Start, End) of type Type.
type Chunk struct {
	Start, End int
	Type       string
}

// Chunks reads the entities of a tag sequence in IOB1, IOB2 or BILOU: an
// entity starts at B-, S- or U-, at I-/L-/E- after a tag of another type, and
// ends before a tag that does not continue it.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	open := -1
	typ := ""
	closeAt := func(i int) {
		if open >= 0 {
			out = append(out, Chunk{Start: open, End: i, Type: typ})
		}
		open, typ = -1, ""
	}
	for i, t := range tags {
		prefix, ty := splitTag(t)
		switch prefix {
		case "", "O":
			closeAt(i)
		case "B", "U", "S":
			closeAt(i)
			open, typ = i, ty
		default: // I, L, E
			if open < 0 || ty != typ {
				closeAt(i)
				open, typ = i, ty
			}
		}
		if prefix == "U" || prefix == "S" || prefix == "L" || prefix == "E" {
			closeAt(i + 1)
		}
	}
	closeAt(len(tags))
	return out
}

func splitTag(t string) (prefix, typ string) {
	if t == "O" || t == "" {
		return "O", ""
	}
	if i := strings.IndexByte(t, '-'); i > 0 {
		return t[:i], t[i+1:]
	}
	return "I", t
}

// IOB2 writes chunks over n tokens as IOB2 tags (B- on the first token of
// every entity, I- inside, O outside).
func IOB2(chunks []Chunk, n int) []string {
	tags := make([]string, n)
	for i := range tags {
		tags[i] = "O"
	}
	for _, c := range chunks {
		for i := c.Start; i < c.End && i < n; i++ {
			if i == c.Start {
				tags[i] = "B-" + c.Type
			} else {
				tags[i] = "I-" + c.Type
			}
		}
	}
	return tags
}
