package entities

import (
	"time"

	"sitrep/internal/cputime"
)

// cpuTime is the process's CPU time (see cputime).
func cpuTime() time.Duration { return cputime.Now() }
