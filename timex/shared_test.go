package timex_test

import (
	"testing"

	"github.com/dragoman-news/dragoman/internal/shared"
)

func sharedDir(t testing.TB, elem ...string) string { return shared.Dir(t, elem...) }
