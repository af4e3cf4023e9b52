// Package geo is the places stage: it finds the toponyms of an article's
// Body, resolves each to a place of the gazetteer (GeoNames towns,
// administrative divisions, the regions news names) or a country, with a
// score and an ambiguity flag, and sets the article's country focus.
//
// Toponyms come from the entities stage's LOCATION mentions when it found
// any, and from a gazetteer spotter over Body (capitalised names the
// gazetteer knows, with guards against person and organisation names).
// Resolution weighs population and feature-type priors against what the
// article says: the countries and demonyms it names, its dateline, ", State"
// and ", Country" qualifiers, admin1 context and how close each reading lies
// to the article's other places.
//
// It reads only Body (captions and other boilerplate are not the article)
// and does not code events or decide where an event happened (see events).
package geo

import (
	"context"
	"sort"

	"sitrep/internal/article"
	"sitrep/internal/country"
	"sitrep/internal/geo/gazetteer"
)

// Geocoder is the places stage. It is immutable and safe for concurrent use.
type Geocoder struct {
	g          *gazetteer.Gazetteer
	c          *country.Index
	points     map[string]point // GeoNames' representative points of countries, where they differ from gountries'
	countryIDs map[string]int   // GeoNames ids of countries
	lexicons   *Lexicons        // per-source lexicons Apply reads and teaches; nil: none
}

type point struct{ lat, lon float64 }

// NewDefault returns the stage with the embedded gazetteer.
func NewDefault() (*Geocoder, error) {
	g, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	return New(g, country.Default()), nil
}

// New returns the stage over a gazetteer and a country index.
func New(g *gazetteer.Gazetteer, c *country.Index) *Geocoder {
	gc := &Geocoder{g: g, c: c, points: map[string]point{}, countryIDs: map[string]int{}}
	loadCountryTable(gc)
	return gc
}

// WithLexicons returns a copy of the stage whose Apply resolves each article
// with its source's lexicon (see Lexicon) and then teaches it the article's
// places. The lexicons are the caller's state, shared by the copies it makes.
func (gc *Geocoder) WithLexicons(ls *Lexicons) *Geocoder {
	cp := *gc
	cp.lexicons = ls
	return &cp
}

// Name implements analyze.Stage.
func (*Geocoder) Name() string { return "places" }

// Apply implements analyze.Stage: it fills a.Places (offsets into Body) and
// a.Focus.
func (gc *Geocoder) Apply(ctx context.Context, a *article.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	spans := gc.Spot(a.Body, a.Entities)
	src := SourceKey(a.URL, a.Source)
	rs := gc.ResolveIn(a.Body, spans, gc.lexicons.Snapshot(src))
	gc.lexicons.Learn(src, a.ID, rs)
	a.Places = Places(rs)
	a.Focus = Focus(rs)
	return nil
}

// Places merges resolutions into places, one per distinct place, in order
// of first mention.
func Places(rs []Resolution) []article.Place {
	var out []article.Place
	idx := map[string]int{}
	for _, r := range rs {
		if !r.OK || r.Backoff {
			continue
		}
		k := r.Country + "|" + r.Feature + "|" + r.Name
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, article.Place{Name: r.Name, Country: r.Country, Admin1: r.Admin1, Lat: r.Lat, Lon: r.Lon,
				GeonameID: r.GeonameID, Feature: r.Feature, Score: round3(r.Score), Ambiguous: r.Ambiguous})
		}
		p := &out[i]
		p.Mentions = append(p.Mentions, article.Mention{Start: r.Start, End: r.End, Text: r.Text})
		if s := round3(r.Score); s > p.Score {
			p.Score = s
		}
	}
	if out == nil {
		out = []article.Place{}
	}
	return out
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// Focus is the country the article is about, as CLIFF reports it: the
// country with the most mentions of itself and of places in it, ties going
// to the one named first.
func Focus(rs []Resolution) string {
	type tally struct {
		n     float64
		first int
	}
	t := map[string]*tally{}
	for i, r := range rs {
		if !r.OK || r.Backoff || r.Country == "" {
			continue
		}
		x := t[r.Country]
		if x == nil {
			x = &tally{first: i}
			t[r.Country] = x
		}
		x.n += 0.5 + r.Score/2
	}
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := t[keys[i]], t[keys[j]]
		if a.n != b.n {
			return a.n > b.n
		}
		return a.first < b.first
	})
	if len(keys) == 0 {
		return ""
	}
	return keys[0]
}

// ResolveGold resolves given toponym spans (an evaluation with gold spans):
// a name the gazetteer cannot read backs off to a shorter form, then to the
// article's main town.
func (gc *Geocoder) ResolveGold(text string, spans []Span) []Resolution {
	return gc.resolve(text, spans, true, nil)
}

// ResolveGoldIn is ResolveGold with the lexicon of the article's source.
func (gc *Geocoder) ResolveGoldIn(text string, spans []Span, lx *Lexicon) []Resolution {
	return gc.resolve(text, spans, true, lx)
}

// Covers reports whether any reading of name lies within km of lat/lon: how
// far the gazetteer itself lets a resolver go (evaluation only).
func (gc *Geocoder) Covers(name string, lat, lon, km float64) bool {
	for _, c := range gc.candidates(name) {
		if haversine(c.lat, c.lon, lat, lon) <= km {
			return true
		}
	}
	return false
}

// Reading is one place a name can mean, as Lookup lists it.
type Reading struct {
	Name       string  `json:"name"`
	Country    string  `json:"country"`
	Admin1     string  `json:"admin1,omitempty"`
	Feature    string  `json:"feature"`
	Population int     `json:"population"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	GeonameID  int     `json:"geonameid,omitempty"`
	OwnName    bool    `json:"own_name"` // the name is the place's own, not an alternate
}

// Lookup lists the readings the gazetteer has for a name, before any
// context: the candidates resolution weighs.
func (gc *Geocoder) Lookup(name string) []Reading {
	var out []Reading
	for _, c := range gc.candidates(name) {
		r := Reading{Name: c.name, Country: c.country, Feature: c.feature, Population: c.pop,
			Lat: round3(c.lat), Lon: round3(c.lon), GeonameID: c.id, OwnName: c.primary || c.isCountry}
		if a, ok := gc.g.Admin1(c.country, c.admin1); ok && c.admin1 != "" {
			r.Admin1 = a.Name
		}
		out = append(out, r)
	}
	return out
}
