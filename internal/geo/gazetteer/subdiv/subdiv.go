// Package subdiv gives the gazetteer builder the representative points of
// first-level divisions (states, provinces) from github.com/pariz/gountries'
// subdivision tables. It is used only when building gazetteer.bin: gountries
// parses all its YAML on start-up, which the stage must not pay at run time.
package subdiv

import (
	"github.com/pariz/gountries"

	"sitrep/internal/geo/gazetteer"
)

// Points returns, per alpha-2 country code, gountries' subdivisions with
// their names and point, in the form gazetteer.Sources.Admin1Points takes.
func Points() map[string][]gazetteer.NamedPoint {
	q := gountries.New()
	out := map[string][]gazetteer.NamedPoint{}
	for _, c := range q.FindAllCountries() {
		cc := c.Codes.Alpha2
		for _, s := range c.SubDivisions() {
			if s.Coordinates.Latitude == 0 && s.Coordinates.Longitude == 0 {
				continue
			}
			names := append([]string{s.Name}, s.Names...)
			out[cc] = append(out[cc], gazetteer.NamedPoint{Names: names, Lat: s.Coordinates.Latitude, Lon: s.Coordinates.Longitude})
		}
	}
	return out
}
