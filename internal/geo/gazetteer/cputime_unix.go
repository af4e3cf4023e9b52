//go:build unix

package gazetteer

import (
	"syscall"
	"time"
)

// CPUTime is the process's user and system CPU time so far (for load
// measurements on a shared machine, where wall time includes waiting).
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
