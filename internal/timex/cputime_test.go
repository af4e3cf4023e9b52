package timex

import (
	"testing"
	"time"

	"sitrep/internal/cputime"
)

// cpuTime returns the process's user+system CPU time. Benchmarks report it
// per op as cpu-ns/op: on a loaded shared machine wall time per op overstates
// the cost, CPU time does not.
func cpuTime() time.Duration { return cputime.Now() }

// reportCPU reports the CPU time per op since start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}
