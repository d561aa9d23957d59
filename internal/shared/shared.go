// Package shared finds the ../shared folder of corpora and reference data
// that sits beside the project (CI has it; a fresh clone elsewhere may not).
// Tests that need it call Dir(t), which skips the test with a reason when
// the folder is absent.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the path of the shared folder, or "" when it cannot be
// found. DRAGOMAN_SHARED overrides the search; otherwise it is the folder
// named shared beside the module root.
func Root() string {
	if d := os.Getenv("DRAGOMAN_SHARED"); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
		return ""
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(filepath.Dir(dir), "shared")
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				return p
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Path joins elem onto the shared folder, or returns "" when it is absent.
func Path(elem ...string) string {
	r := Root()
	if r == "" {
		return ""
	}
	return filepath.Join(append([]string{r}, elem...)...)
}

// Dir returns the path of elem inside the shared folder, skipping the test
// when the folder or the path is absent.
func Dir(tb testing.TB, elem ...string) string {
	tb.Helper()
	r := Root()
	if r == "" {
		tb.Skip("../shared is absent (set DRAGOMAN_SHARED to its path to run this test)")
	}
	p := filepath.Join(append([]string{r}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s is absent: %v", p, err)
	}
	return p
}
