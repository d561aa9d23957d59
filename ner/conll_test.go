package ner_test

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman/ner"
)

func TestChunks(t *testing.T) {
	cases := []struct {
		name string
		tags string
		want []ner.Chunk
	}{
		{"IOB1", "I-PER I-PER O I-LOC", []ner.Chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"IOB1AdjacentSameType", "I-LOC B-LOC I-LOC", []ner.Chunk{{0, 1, "LOC"}, {1, 3, "LOC"}}},
		{"IOB2", "B-ORG I-ORG B-ORG O", []ner.Chunk{{0, 2, "ORG"}, {2, 3, "ORG"}}},
		{"TypeChange", "I-PER I-ORG", []ner.Chunk{{0, 1, "PER"}, {1, 2, "ORG"}}},
		{"BILOU", "B-MISC L-MISC U-PER O", []ner.Chunk{{0, 2, "MISC"}, {2, 3, "PER"}}},
		{"AllO", "O O", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ner.Chunks(strings.Fields(c.tags))
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Chunks(%s) = %v, want %v", c.tags, got, c.want)
			}
		})
	}
}

func TestIOB2(t *testing.T) {
	got := strings.Join(ner.IOB2([]ner.Chunk{{0, 2, "LOC"}, {2, 3, "LOC"}}, 4), " ")
	if want := "B-LOC I-LOC B-LOC O"; got != want {
		t.Errorf("IOB2 = %q, want %q", got, want)
	}
}

// A tiny corpus in CoNLL-2003 layout, written for this test.
const tinyCoNLL = `-DOCSTART- -X- O O

Maria NNP I-NP I-PER
Lopez NNP I-NP I-PER
visited VBD I-VP O
Lisbon NNP I-NP I-LOC
. . O O

The DT I-NP O
Harbour NNP I-NP I-ORG
Trust NNP I-NP I-ORG
said VBD I-VP O
so RB I-ADVP O
. . O O

-DOCSTART- -X- O O

Lopez NNP I-NP I-PER
left VBD I-VP O
Lisbon NNP I-NP I-LOC
for IN I-PP O
Oslo NNP I-NP I-LOC
. . O O
`

func TestReadCoNLL(t *testing.T) {
	docs, err := ner.ReadCoNLL(strings.NewReader(tinyCoNLL))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Sentences) != 2 || len(docs[1].Sentences) != 1 {
		t.Fatalf("got %d documents, want 2 with 2 and 1 sentences", len(docs))
	}
	s := docs[0].Sentences[0]
	if strings.Join(s.Words, " ") != "Maria Lopez visited Lisbon ." || s.Tags[0] != "I-PER" {
		t.Errorf("first sentence: %v %v", s.Words, s.Tags)
	}
	if !docs[0].Start || docs[0].Blanks != 1 {
		t.Errorf("document start not kept: %+v", docs[0])
	}
}

// TestTrainRoundTrip trains a model on the tiny corpus, writes it, reads
// it back and checks that both tag alike and learnt the training data.
func TestTrainRoundTrip(t *testing.T) {
	docs, err := ner.ReadCoNLL(strings.NewReader(tinyCoNLL))
	if err != nil {
		t.Fatal(err)
	}
	m, err := ner.Train(context.Background(), docs, ner.TrainOptions{Iters: 5, Folds: 2, MinCount: 1, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := ner.ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range docs {
		sents := make([][]string, len(d.Sentences))
		for k, s := range d.Sentences {
			sents[k] = s.Words
		}
		a, b := m.TagDoc(sents), m2.TagDoc(sents)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("document %d: model tags %v, read-back model tags %v", i, a, b)
		}
	}
	if f := m2.Evaluate(docs).All.F1(); f < 0.99 {
		t.Errorf("F1 on its own training data %.3f, want 1", f)
	}
	if _, err := ner.ReadModel(strings.NewReader("not a model")); err == nil {
		t.Error("ReadModel accepted garbage")
	}
}

func TestEval(t *testing.T) {
	e := ner.NewEval()
	e.Add(strings.Fields("I-PER I-PER O I-LOC"), strings.Fields("B-PER I-PER O B-ORG"))
	if e.All.Gold != 2 || e.All.Pred != 2 || e.All.Correct != 1 {
		t.Errorf("got %+v", e.All)
	}
	if p := e.Types["PER"]; p == nil || p.F1() != 1 {
		t.Errorf("PER: %+v", p)
	}
	var out bytes.Buffer
	if err := e.Write(&out); err != nil || !strings.Contains(out.String(), "all") {
		t.Errorf("Write: %v %q", err, out.String())
	}
}
