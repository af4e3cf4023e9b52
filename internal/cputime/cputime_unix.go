//go:build unix

package cputime

import (
	"syscall"
	"time"
)

// Now is the process's user and system CPU time so far (for load
// measurements on a shared machine, where wall time includes waiting).
func Now() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
