//go:build race

package ner

// sync.Pool drops items at random under the race detector.
const raceEnabled = true
