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
}

// LoadTraining reads the training documents under dir (the shared data
// folder): CoNLL-2003's training split and the named extra corpora.
// eng.testa is never read here.
func LoadTraining(dir string, extra ...string) ([]Doc, error) {
	files := append([]string(nil), TrainingFiles...)
	for _, name := range extra {
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
		all = append(all, docs...)
	}
	return all, nil
}
