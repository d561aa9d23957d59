package gencorpus_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman/internal/corpus"
	"github.com/dragoman-news/dragoman/internal/gencorpus"
)

var seeds = []gencorpus.Seed{
	{Title: "Bridge reopens after repairs", Date: time.Date(2024, 4, 2, 0, 0, 0, 0, time.UTC), Paragraphs: []string{
		"The river bridge in the old town reopened on Monday after eight months of repairs to its steel frame.",
		"Engineers said the structure had been weakened by decades of salt used on the roads in winter.",
		"Traffic officials said buses would return to their usual routes by the end of the week.",
	}},
	{Title: "Library wins architecture prize", Date: time.Date(2024, 9, 14, 0, 0, 0, 0, time.UTC), Paragraphs: []string{
		"A public library built of timber and glass won the national architecture prize on Friday.",
		"The jury praised the reading rooms, which face a park, and the low energy use of the building.",
		"The architects said they had borrowed ideas from barns in the surrounding countryside.",
		"More than two thousand people visited the library in its first week, the city said.",
	}},
	{Title: "Heat wave strains power grid", Date: time.Date(2025, 7, 21, 0, 0, 0, 0, time.UTC), Paragraphs: []string{
		"Temperatures above forty degrees pushed electricity demand to a record on Sunday.",
		"The grid operator asked factories to pause production in the afternoon to avoid blackouts.",
		"Hospitals switched on backup generators as a precaution, health officials said.",
	}},
}

// TestGenerateVaried: generated articles are not byte-identical, dates
// vary, and about the asked share are near-duplicates of another.
func TestGenerateVaried(t *testing.T) {
	var buf bytes.Buffer
	const n = 600
	if err := gencorpus.Generate(&buf, seeds, gencorpus.Options{N: n, Seed: 3, NearDups: 0.1}); err != nil {
		t.Fatal(err)
	}
	texts := map[string]bool{}
	days := map[string]bool{}
	var sigs []corpus.Signature
	sc := bufio.NewScanner(&buf)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var r gencorpus.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if r.Title == "" || r.Text == "" || r.URL == "" {
			t.Fatalf("incomplete record %+v", r)
		}
		texts[r.Text] = true
		days[r.Date] = true
		sigs = append(sigs, corpus.Sign(r.Text))
	}
	if len(sigs) != n {
		t.Fatalf("%d records, want %d", len(sigs), n)
	}
	if len(texts) < n*95/100 {
		t.Errorf("only %d distinct texts of %d", len(texts), n)
	}
	if len(days) < 100 {
		t.Errorf("only %d distinct dates", len(days))
	}
	// Near-duplicates: similar to an earlier article above the store's
	// threshold. With three seeds mixes resemble each other more than real
	// news does, so this bounds from below only.
	near := 0
	for i := range sigs {
		for j := 0; j < i; j++ {
			if sigs[i].Similarity(sigs[j]) >= corpus.NearDuplicate {
				near++
				break
			}
		}
	}
	if near < n*8/100 {
		t.Errorf("%d near-duplicates of %d, want at least 8%%", near, n)
	}
	// The same seed writes the same corpus.
	var again bytes.Buffer
	gencorpus.Generate(&again, seeds, gencorpus.Options{N: n, Seed: 3, NearDups: 0.1})
	var first bytes.Buffer
	gencorpus.Generate(&first, seeds, gencorpus.Options{N: n, Seed: 3, NearDups: 0.1})
	if !bytes.Equal(again.Bytes(), first.Bytes()) {
		t.Errorf("the same seed wrote different corpora")
	}
}
