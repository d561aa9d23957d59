package ner

import (
	"context"
	"io"
)

// BuildClusters induces word clusters from the unlabelled text under dir.
func BuildClusters(ctx context.Context, dir string, log io.Writer) (map[string]uint32, error) {
	return nil, nil
}

// BuildNames builds the gazetteer from lists under dir.
func BuildNames(dir string) (map[string]uint8, error) {
	return nil, nil
}
