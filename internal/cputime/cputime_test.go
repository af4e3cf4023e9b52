package cputime

import (
	"runtime"
	"testing"
)

func TestNowCountsWork(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("not measured on this platform")
	}
	t0 := Now()
	x := 0
	for i := 0; i < 50_000_000; i++ {
		x += i % 7
	}
	if x == 0 || Now() <= t0 {
		t.Errorf("CPU time did not advance: %v -> %v", t0, Now())
	}
}
