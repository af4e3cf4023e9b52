package geo

import (
	_ "embed"
	"strconv"
	"strings"
)

// countries.txt: GeoNames ids and representative points of countries,
// written here (see docs/geo.md).
//
//go:embed countries.txt
var countriesTxt string

// countrypoints.tsv: the Factbook points of mledoze/countries, generated
// from gountries by gen-countrypoints; countries.txt overrides them.
//
//go:embed countrypoints.tsv
var countryPointsTSV string

func loadCountryTable(gc *Geocoder) {
	for _, line := range strings.Split(countryPointsTSV, "\n") {
		fs := strings.Split(line, "\t")
		if len(fs) != 3 || line[0] == '#' {
			continue
		}
		lat, err1 := strconv.ParseFloat(fs[1], 64)
		lon, err2 := strconv.ParseFloat(fs[2], 64)
		if err1 == nil && err2 == nil {
			gc.points[fs[0]] = point{lat, lon}
		}
	}
	for _, line := range strings.Split(countriesTxt, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		fs := strings.Split(line, "\t")
		if len(fs) < 2 {
			continue
		}
		if id, err := strconv.Atoi(fs[1]); err == nil && id > 0 {
			gc.countryIDs[fs[0]] = id
		}
		if len(fs) >= 4 {
			lat, err1 := strconv.ParseFloat(fs[2], 64)
			lon, err2 := strconv.ParseFloat(fs[3], 64)
			if err1 == nil && err2 == nil {
				gc.points[fs[0]] = point{lat, lon}
			}
		}
	}
}
