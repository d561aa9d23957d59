// Package golden compares a test's output with a file kept under
// testdata/, or rewrites the file when the test runs with its -update flag.
package golden

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// Check compares got with the golden file at path; with update it writes
// got there instead.
func Check(t *testing.T, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run the test with -update and review the diff):\n%s", path, got)
	}
}

// Orphans fails for every file matching pattern whose base name is not in
// seen: a golden file whose fixture is gone. With update it removes them.
func Orphans(t *testing.T, pattern string, seen map[string]bool, update bool) {
	t.Helper()
	files, _ := filepath.Glob(pattern)
	for _, f := range files {
		if seen[filepath.Base(f)] {
			continue
		}
		if update {
			os.Remove(f)
		} else {
			t.Errorf("orphaned golden file %s", f)
		}
	}
}
