// Package country names the world's countries the way news does: by common
// and official name ("Syria", "Syrian Arab Republic"), by the short forms
// reporters use ("U.S.", "Britain", "DRC"), by demonym ("Syrian",
// "Russians") and by capital ("Moscow", "Damascus"), each resolved to ISO
// 3166-1 alpha-2 and alpha-3 codes.
//
// Country codes, names, capitals and centroids come from the
// github.com/pariz/gountries module; the news short forms (names.txt) and the
// demonyms (demonyms.txt) are written here. The index is built once, is
// immutable and safe for concurrent use.
//
// It does not find names in running text (see entities and geo) and knows
// nothing below the country level (see geo for places).
package country

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/pariz/gountries"
)

// Info is one country.
type Info struct {
	Alpha2  string  // ISO 3166-1 alpha-2, e.g. SY
	Alpha3  string  // ISO 3166-1 alpha-3, e.g. SYR
	Name    string  // common English name, e.g. Syria
	Capital string  // e.g. Damascus
	Lat     float64 // a representative point (gountries' centroid)
	Lon     float64
}

// Index looks countries up by code, name, demonym and capital.
type Index struct {
	byAlpha2  map[string]int
	byAlpha3  map[string]int
	byName    map[string]int
	byDemonym map[string]int
	byCapital map[string]int
	all       []Info
}

//go:embed names.txt
var namesTxt string

//go:embed demonyms.txt
var demonymsTxt string

var (
	once sync.Once
	def  *Index
)

// Default returns the shared index, built on first use (a few milliseconds).
// It is read-only.
func Default() *Index {
	once.Do(func() { def = build() })
	return def
}

func key(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	return strings.Join(strings.Fields(s), " ")
}

func build() *Index {
	ix := &Index{
		byAlpha2: map[string]int{}, byAlpha3: map[string]int{}, byName: map[string]int{},
		byDemonym: map[string]int{}, byCapital: map[string]int{},
	}
	q := gountries.New()
	for _, c := range q.FindAllCountries() {
		info := Info{
			Alpha2: c.Codes.Alpha2, Alpha3: c.Codes.Alpha3, Name: c.Name.Common,
			Capital: c.Geo.Capital, Lat: c.Coordinates.Latitude, Lon: c.Coordinates.Longitude,
		}
		if info.Alpha3 == "" {
			continue
		}
		i := len(ix.all)
		ix.all = append(ix.all, info)
		ix.byAlpha2[info.Alpha2] = i
		ix.byAlpha3[info.Alpha3] = i
		for _, n := range []string{c.Name.Common, c.Name.Official} {
			if n != "" {
				ix.byName[key(n)] = i
			}
		}
		if info.Capital != "" {
			ix.byCapital[key(info.Capital)] = i
		}
	}
	// Kosovo has no ISO code; news treats it as a country (XK / XKX by convention).
	if _, ok := ix.byAlpha3["XKX"]; !ok {
		i := len(ix.all)
		ix.all = append(ix.all, Info{Alpha2: "XK", Alpha3: "XKX", Name: "Kosovo", Capital: "Pristina", Lat: 42.58, Lon: 20.89})
		ix.byAlpha2["XK"], ix.byAlpha3["XKX"] = i, i
		ix.byCapital["pristina"] = i
	}
	// Washington, D.C.: gountries spells the capital "Washington D.C.".
	if i, ok := ix.byAlpha3["USA"]; ok {
		ix.byCapital["washington"] = i
	}
	each(namesTxt, func(name, a3 string) {
		if i, ok := ix.byAlpha3[a3]; ok {
			ix.byName[key(name)] = i
		}
	})
	each(demonymsTxt, func(word, a3 string) {
		i, ok := ix.byAlpha3[a3]
		if !ok {
			return
		}
		k := key(word)
		ix.byDemonym[k] = i
		if pluralizes(k) {
			if _, taken := ix.byDemonym[k+"s"]; !taken {
				ix.byDemonym[k+"s"] = i
			}
		}
	})
	return ix
}

// pluralizes reports whether a demonym names people with a plain -s
// ("Syrians", "Israelis", "Poles", "Turks") rather than being an adjective
// only ("Chinese", "British", "French", "Swiss", "U.S.").
func pluralizes(k string) bool {
	for _, suf := range []string{"ese", "ish", "ch", ".", "ss", "s"} {
		if strings.HasSuffix(k, suf) {
			return false
		}
	}
	return !strings.Contains(k, " ") || strings.HasSuffix(k, "an")
}

func each(txt string, fn func(a, b string)) {
	for _, line := range strings.Split(txt, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		a, b, ok := strings.Cut(line, "\t")
		if ok {
			fn(strings.TrimSpace(a), strings.TrimSpace(b))
		}
	}
}

func (ix *Index) get(m map[string]int, k string) (Info, bool) {
	i, ok := m[k]
	if !ok {
		return Info{}, false
	}
	return ix.all[i], true
}

// ByAlpha2 finds a country by ISO alpha-2 code ("SY").
func (ix *Index) ByAlpha2(code string) (Info, bool) {
	return ix.get(ix.byAlpha2, strings.ToUpper(code))
}

// ByAlpha3 finds a country by ISO alpha-3 code ("SYR").
func (ix *Index) ByAlpha3(code string) (Info, bool) {
	return ix.get(ix.byAlpha3, strings.ToUpper(code))
}

// ByName finds a country by name as news writes it: "Syria", "the United
// States", "U.S.", "Britain". Case and a leading "the" are ignored.
func (ix *Index) ByName(name string) (Info, bool) { return ix.get(ix.byName, key(name)) }

// ByDemonym finds a country by its adjective or people: "Syrian",
// "Russians", "French", "U.S.".
func (ix *Index) ByDemonym(word string) (Info, bool) { return ix.get(ix.byDemonym, key(word)) }

// ByCapital finds a country by its capital city: "Moscow", "Washington".
func (ix *Index) ByCapital(city string) (Info, bool) { return ix.get(ix.byCapital, key(city)) }

// Lookup tries name, then demonym: what a word or phrase in a sentence most
// likely says about a country ("Syria" and "Syrian" both give SYR). It
// ignores capitals, which are places in their own right.
func (ix *Index) Lookup(s string) (Info, bool) {
	if c, ok := ix.ByName(s); ok {
		return c, true
	}
	return ix.ByDemonym(s)
}

// All returns every country, in the order gountries lists them.
func (ix *Index) All() []Info { return ix.all }
