package timex_test

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time the process has used so far. The machine the
// benchmarks run on is shared, so besides the wall-clock bytes/s they
// report bytes per CPU second ("cpu-B/s"), which does not depend on how
// busy the other cores are.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds the cpu-B/s metric for n loops over size bytes since
// start.
func reportCPU(b *testing.B, start time.Duration, size int) {
	if used := cpuTime() - start; used > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/used.Seconds(), "cpu-B/s")
	}
}
