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

// LoadTraining reads the training documents under dir (the shared data
// folder). eng.testa is never read here.
func LoadTraining(dir string) ([]Doc, error) {
	var all []Doc
	for _, rel := range TrainingFiles {
		docs, err := ReadCoNLLFile(filepath.Join(dir, rel))
		if err != nil {
			return nil, err
		}
		all = append(all, docs...)
	}
	return all, nil
}
