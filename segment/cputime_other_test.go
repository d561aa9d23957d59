//go:build !unix

package segment_test

import "time"

// cpuTime is unknown here; the benchmark then reports wall-clock figures only.
func cpuTime() time.Duration { return 0 }
