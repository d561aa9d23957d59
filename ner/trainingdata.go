package ner

import (
	"fmt"
	"os"
	"path/filepath"
)

// ReadCoNLLFile reads a CoNLL-format file (see ReadCoNLL).
func ReadCoNLLFile(path string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// TrainingFiles are the labelled files, relative to the shared data folder,
// that Train reads by default.
var TrainingFiles = []string{"conll2003/eng.train"}

// ExtraTraining are further labelled corpora in CoNLL-2003's scheme that
// LoadTraining adds when asked for by name.
var ExtraTraining = map[string]string{
	"wikigold": "wikigold/wikigold.conll.txt",
	"gmb":      "gmb-ner/gmb_ner.conll",
}

// DefaultExtraTraining are the extra corpora `dragoman train ner` adds by
// default. GMB is left out: with its own feature copy it gains little (0.6
// F1 on WikiGold, -0.4 on dev) for three times the training time and
// model size.
var DefaultExtraTraining = []string{"wikigold"}

// gmbTypes maps GMB's types to CoNLL-2003's; times and natural phenomena
// are not names in CoNLL-2003.
var gmbTypes = map[string]string{"per": "PER", "org": "ORG", "geo": "LOC", "gpe": "MISC", "eve": "MISC", "art": "MISC"}

// gmbSentencesPerDoc groups GMB's sentences, which come without document
// boundaries, into pseudo-documents of consecutive sentences.
const gmbSentencesPerDoc = 12

// convertGMB maps GMB's tags to CoNLL types, groups its sentences into
// documents and marks them as domain 1.
func convertGMB(docs []Doc) []Doc {
	var out []Doc
	for _, d := range docs {
		for i := 0; i < len(d.Sentences); i += gmbSentencesPerDoc {
			part := Doc{Domain: 1}
			for _, s := range d.Sentences[i:min(i+gmbSentencesPerDoc, len(d.Sentences))] {
				tags := make([]string, len(s.Tags))
				for k, t := range s.Tags {
					pre, typ := splitTag(t)
					if c := gmbTypes[typ]; c != "" && pre != "O" {
						tags[k] = pre + "-" + c
					} else {
						tags[k] = "O"
					}
				}
				part.Sentences = append(part.Sentences, Sentence{Words: s.Words, Tags: tags})
			}
			out = append(out, part)
		}
	}
	return out
}

// LoadTraining reads the training documents under dir (the shared data
// folder): CoNLL-2003's training split and the named extra corpora.
// eng.testa is never read here.
func LoadTraining(dir string, extra ...string) ([]Doc, error) {
	files := append([]string(nil), TrainingFiles...)
	for _, name := range extra {
		if name == "" {
			continue
		}
		rel, ok := ExtraTraining[name]
		if !ok {
			return nil, fmt.Errorf("unknown training corpus %q", name)
		}
		files = append(files, rel)
	}
	var all []Doc
	for _, rel := range files {
		docs, err := ReadCoNLLFile(filepath.Join(dir, rel))
		if err != nil {
			return nil, err
		}
		if rel == ExtraTraining["gmb"] {
			docs = convertGMB(docs)
		}
		all = append(all, docs...)
	}
	return all, nil
}
