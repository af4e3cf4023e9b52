// Package cputime reads the process's CPU time, for benchmarks and load
// measurements on a shared machine: wall time includes waiting for the
// other processes, CPU time does not. It measures nothing else.
package cputime
