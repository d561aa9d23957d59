package corpus

import (
	"crypto/sha1"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/dragoman-news/dragoman"
)

// ActorBase is the stable id of an actor first seen under the name key
// key: "A" and ten hex digits. A store that already holds that id adds a
// suffix.
func ActorBase(e *dragoman.Entity, key string) string {
	return hashID(string(e.Type) + "|" + key + "|" + e.Country)
}

// SplitID is the id of the actor split off from actor old with the name
// keys keys, whatever their order.
func SplitID(old string, keys []string) string {
	sorted := slices.Clone(keys)
	slices.Sort(sorted)
	return hashID("split|" + old + "|" + strings.Join(sorted, "|"))
}

func hashID(s string) string {
	sum := sha1.Sum([]byte(s))
	return "A" + hex.EncodeToString(sum[:])[:10]
}
