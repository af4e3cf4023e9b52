// Package geoeval reads geoparsing gold corpora in the XML formats of LGL,
// GeoWebNews and GeoVirus (as published with "A Pragmatic Guide to
// Geoparsing Evaluation", Gritta et al. 2019) and scores the geo stage on
// them: with gold toponym spans (accuracy within 161 km, exact GeoNames id,
// mean and median error, AUC) and end to end with sitrep's own spans
// (toponym precision and recall).
//
// It reads files given on the command line; the corpora are not shipped.
// It does not train anything.
package geoeval

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"sitrep/internal/geo"
)

// Gold is one annotated toponym, in rune offsets into its document's text.
type Gold struct {
	Start, End int
	Name       string
	Class      string // GeoWebNews type (Literal, Metonymic, ...); "" elsewhere
	HasCoord   bool   // geocoded: Lat/Lon are set
	Lat, Lon   float64
	GeonameID  int
}

// Doc is one article of a corpus.
type Doc struct {
	ID       string
	Source   string // the publisher: LGL's <domain>, the host of GeoWebNews' <link> or GeoVirus' <source>
	Text     string
	Toponyms []Gold
}

// Format names a corpus format.
type Format string

// The formats Read understands.
const (
	LGL      Format = "lgl"
	GWN      Format = "gwn"
	GeoVirus Format = "geovirus"
	Auto     Format = "auto"
)

type xmlDoc struct {
	Articles []xmlArticle `xml:"article"`
}

type xmlArticle struct {
	DocID     string        `xml:"docid,attr"`
	File      string        `xml:"file,attr"`
	Source    string        `xml:"source"`
	Domain    string        `xml:"domain"`
	Link      string        `xml:"link"`
	Text      string        `xml:"text"`
	Toponyms  []xmlToponym  `xml:"toponyms>toponym"`
	Locations []xmlLocation `xml:"locations>location"`
}

type xmlToponym struct {
	Start  string `xml:"start"`
	End    string `xml:"end"`
	Phrase string `xml:"phrase"`
	Gaztag *struct {
		ID  string `xml:"geonameid,attr"`
		Lat string `xml:"lat"`
		Lon string `xml:"lon"`
	} `xml:"gaztag"`
	// GeoWebNews
	Extracted string `xml:"extractedName"`
	Type      string `xml:"type"`
	GeoID     string `xml:"geonamesID"`
	Latitude  string `xml:"latitude"`
	Longitude string `xml:"longitude"`
}

type xmlLocation struct {
	Name  string `xml:"name"`
	Start string `xml:"start"`
	End   string `xml:"end"`
	Lat   string `xml:"lat"`
	Lon   string `xml:"lon"`
}

// Read parses a corpus. With Auto ("auto") the format is told from
// the elements: <toponyms> with <gaztag> is LGL, with <extractedName>
// GeoWebNews, <locations> GeoVirus. Offsets are checked against the text
// and repaired where a corpus is known to be off: GeoVirus offsets are one
// past (the mention is text[start-1:end-1]); a GeoWebNews span whose text
// differs from its name is moved to the nearest occurrence of the name.
// Toponyms whose offsets cannot be made to fit are dropped and counted in
// the returned number.
func Read(r io.Reader, f Format) ([]Doc, int, error) {
	var x xmlDoc
	dec := xml.NewDecoder(r)
	dec.Strict = true
	if err := dec.Decode(&x); err != nil {
		return nil, 0, fmt.Errorf("geo xml: %w", err)
	}
	var docs []Doc
	dropped := 0
	for ai, a := range x.Articles {
		format := f
		if format == Auto || format == "" {
			format = detect(a)
		}
		d := Doc{ID: firstNonEmpty(a.DocID, a.File, a.Source, strconv.Itoa(ai)), Text: a.Text}
		if a.Domain != "" {
			d.Source = geo.SourceKey("", a.Domain)
		} else {
			d.Source = geo.SourceKey(firstNonEmpty(a.Link, a.Source), "")
		}
		runes := []rune(a.Text)
		switch format {
		case LGL, GWN:
			for _, t := range a.Toponyms {
				g, ok := parseToponym(t, format)
				if !ok {
					dropped++
					continue
				}
				if !fit(runes, &g) {
					dropped++
					continue
				}
				d.Toponyms = append(d.Toponyms, g)
			}
		case GeoVirus:
			for _, l := range a.Locations {
				s, err1 := strconv.Atoi(strings.TrimSpace(l.Start))
				e, err2 := strconv.Atoi(strings.TrimSpace(l.End))
				lat, err3 := strconv.ParseFloat(strings.TrimSpace(l.Lat), 64)
				lon, err4 := strconv.ParseFloat(strings.TrimSpace(l.Lon), 64)
				if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
					dropped++
					continue
				}
				g := Gold{Start: s - 1, End: e - 1, Name: l.Name, HasCoord: true, Lat: lat, Lon: lon}
				if !fit(runes, &g) {
					dropped++
					continue
				}
				d.Toponyms = append(d.Toponyms, g)
			}
		default:
			return nil, 0, fmt.Errorf("geo xml: unknown format %q", format)
		}
		docs = append(docs, d)
	}
	return docs, dropped, nil
}

func detect(a xmlArticle) Format {
	if len(a.Locations) > 0 {
		return GeoVirus
	}
	for _, t := range a.Toponyms {
		if t.Extracted != "" || t.Type != "" {
			return GWN
		}
	}
	return LGL
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

func parseToponym(t xmlToponym, f Format) (Gold, bool) {
	s, err1 := strconv.Atoi(strings.TrimSpace(t.Start))
	e, err2 := strconv.Atoi(strings.TrimSpace(t.End))
	if err1 != nil || err2 != nil {
		return Gold{}, false
	}
	g := Gold{Start: s, End: e}
	switch f {
	case LGL:
		g.Name = t.Phrase
		if t.Gaztag != nil {
			lat, err1 := strconv.ParseFloat(strings.TrimSpace(t.Gaztag.Lat), 64)
			lon, err2 := strconv.ParseFloat(strings.TrimSpace(t.Gaztag.Lon), 64)
			id, _ := strconv.Atoi(strings.TrimSpace(t.Gaztag.ID))
			if err1 == nil && err2 == nil {
				g.HasCoord, g.Lat, g.Lon, g.GeonameID = true, lat, lon, id
			}
		}
	case GWN:
		g.Name, g.Class = t.Extracted, t.Type
		if id, err := strconv.Atoi(strings.TrimSpace(t.GeoID)); err == nil {
			lat, err1 := strconv.ParseFloat(strings.TrimSpace(t.Latitude), 64)
			lon, err2 := strconv.ParseFloat(strings.TrimSpace(t.Longitude), 64)
			if err1 == nil && err2 == nil {
				g.HasCoord, g.Lat, g.Lon, g.GeonameID = true, lat, lon, id
			}
		}
	}
	return g, true
}

// fit checks g's offsets against the text and, when the text there is not
// the name, moves the span to the nearest occurrence of the name.
func fit(runes []rune, g *Gold) bool {
	ok := func(s, e int) bool { return s >= 0 && e <= len(runes) && s < e }
	if g.Name == "" {
		return ok(g.Start, g.End)
	}
	if ok(g.Start, g.End) && string(runes[g.Start:g.End]) == g.Name {
		return true
	}
	name := []rune(g.Name)
	best := -1
	for i := 0; i+len(name) <= len(runes); i++ {
		if runes[i] == name[0] && string(runes[i:i+len(name)]) == g.Name {
			if best < 0 || abs(i-g.Start) < abs(best-g.Start) {
				best = i
			}
		}
	}
	if best < 0 || abs(best-g.Start) > 200 {
		return false
	}
	g.Start, g.End = best, best+len(name)
	return true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// maxKm is the error given to a toponym the geocoder left unresolved (half
// the Earth's circumference, as the paper does).
const maxKm = 20039.0

// Report is the result of an evaluation.
type Report struct {
	Docs, Geocoded, Resolved, BackedOff int
	Within161, ExactID                  int
	Covered                             int // some reading within 161 km: the gazetteer's ceiling
	MeanKm, MedianKm, AUC               float64
	// End to end, with sitrep's own spans.
	GoldSpans, PredSpans, TruePos, OverlapPos int
	EndToEnd161, EndToEndMatched              int
	Dropped                                   int
	Errors                                    []ErrorCase // the first keepErrors of AllErrors
	AllErrors                                 []ErrorCase // every toponym resolved more than 161 km off
}

// ErrorCase is one toponym resolved more than 161 km from gold.
type ErrorCase struct {
	Doc, Name, Got, GotCC, GotFeature string
	Km                                float64
	GoldLat, GoldLon                  float64
	Backoff                           bool // the article's main town stood in
	Covered                           bool // some reading lies within 161 km of gold: a ranking error
}

// Acc161 is the share of geocoded gold toponyms resolved within 161 km.
func (r Report) Acc161() float64 { return ratio(r.Within161, r.Geocoded) }

// IDAcc is the share resolved to the gold GeoNames id.
func (r Report) IDAcc() float64 { return ratio(r.ExactID, r.Geocoded) }

// Precision of sitrep's own toponym spans (exact match).
func (r Report) Precision() float64 { return ratio(r.TruePos, r.PredSpans) }

// Recall of sitrep's own toponym spans (exact match).
func (r Report) Recall() float64 { return ratio(r.TruePos, r.GoldSpans) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// SpanClasses filters the gold toponyms that count for end-to-end span
// precision and recall. GeoWebNews annotates more than toponyms: its
// expression, non-toponym, demonym, homonym and language classes are left
// out. LGL and GeoVirus gold have no classes and all count.
var SpanClasses = map[string]bool{
	"": true, "Literal": true, "Literal_Modifier": true, "Metonymic": true, "Mixed": true, "Coercion": true,
	"Embedded_Literal": true, "Non_Literal_Modifier": true, "Embedded_Non_Lit": true,
}

// Evaluate scores gc on docs. keepErrors bounds the error cases kept.
func Evaluate(gc *geo.Geocoder, docs []Doc, keepErrors int) Report {
	return EvaluateWith(gc, docs, keepErrors, nil)
}

// EvaluateWith is Evaluate with per-source lexicons (nil: none), learnt as
// a stream would teach them: each article is resolved with what the earlier
// articles of its source (in file order) resolved end to end, then teaches
// its own end-to-end resolutions. No gold reaches a lexicon.
func EvaluateWith(gc *geo.Geocoder, docs []Doc, keepErrors int, ls *geo.Lexicons) Report {
	var rep Report
	rep.Docs = len(docs)
	var errs []float64
	for _, d := range docs {
		var spans []geo.Span
		var golds []Gold
		runes := []rune(d.Text)
		for _, g := range d.Toponyms {
			if !g.HasCoord {
				continue
			}
			spans = append(spans, geo.Span{Start: g.Start, End: g.End, Text: string(runes[g.Start:g.End])})
			golds = append(golds, g)
		}
		lx := ls.Snapshot(d.Source)
		rs := gc.ResolveGoldIn(d.Text, spans, lx)
		for i, r := range rs {
			g := golds[i]
			rep.Geocoded++
			km := maxKm
			if r.OK {
				rep.Resolved++
				if r.Backoff {
					rep.BackedOff++
				}
				km = geo.Haversine(r.Lat, r.Lon, g.Lat, g.Lon)
			}
			covered := gc.Covers(spans[i].Text, g.Lat, g.Lon, 161)
			if covered {
				rep.Covered++
			}
			if km <= 161 {
				rep.Within161++
			} else {
				e := ErrorCase{Doc: d.ID, Name: g.Name, Got: r.Name, GotCC: r.Country, GotFeature: r.Feature, Km: km,
					GoldLat: g.Lat, GoldLon: g.Lon, Backoff: r.Backoff, Covered: covered}
				rep.AllErrors = append(rep.AllErrors, e)
				if len(rep.Errors) < keepErrors {
					rep.Errors = append(rep.Errors, e)
				}
			}
			if r.OK && !r.Backoff && r.GeonameID != 0 && r.GeonameID == g.GeonameID {
				rep.ExactID++
			}
			errs = append(errs, km)
		}
		// end to end
		pred := gc.Spot(d.Text, nil)
		own := gc.ResolveIn(d.Text, pred, lx)
		ls.Learn(d.Source, "", own)
		goldSet := map[[2]int]Gold{}
		for _, g := range d.Toponyms {
			if SpanClasses[g.Class] {
				goldSet[[2]int{g.Start, g.End}] = g
				rep.GoldSpans++
			}
		}
		rep.PredSpans += len(pred)
		for i, p := range pred {
			if g, ok := goldSet[[2]int{p.Start, p.End}]; ok {
				rep.TruePos++
				if g.HasCoord && own[i].OK {
					rep.EndToEndMatched++
					if geo.Haversine(own[i].Lat, own[i].Lon, g.Lat, g.Lon) <= 161 {
						rep.EndToEnd161++
					}
				}
				continue
			}
			for _, g := range d.Toponyms {
				if SpanClasses[g.Class] && p.Start < g.End && g.Start < p.End {
					rep.OverlapPos++
					break
				}
			}
		}
	}
	if len(errs) > 0 {
		var sum, auc float64
		for _, e := range errs {
			sum += e
			auc += math.Log(e+1) / math.Log(maxKm)
		}
		rep.MeanKm = sum / float64(len(errs))
		sort.Float64s(errs)
		n := len(errs)
		if n%2 == 1 {
			rep.MedianKm = errs[n/2]
		} else {
			rep.MedianKm = (errs[n/2-1] + errs[n/2]) / 2
		}
		rep.AUC = auc / float64(n)
	}
	return rep
}

// Format writes the report as text.
func (r Report) Format(w io.Writer, name string) {
	fmt.Fprintf(w, "%s: %d articles, %d geocoded gold toponyms (%d dropped for bad offsets)\n", name, r.Docs, r.Geocoded, r.Dropped)
	fmt.Fprintf(w, "  gold spans:  acc@161km %.3f  exact GeoNames id %.3f  mean %.0f km  median %.1f km  AUC %.3f  (resolved %d, backed off %d; some reading within 161 km for %.3f)\n",
		r.Acc161(), r.IDAcc(), r.MeanKm, r.MedianKm, r.AUC, r.Resolved, r.BackedOff, ratio(r.Covered, r.Geocoded))
	fmt.Fprintf(w, "  end to end:  toponym precision %.3f  recall %.3f  (gold %d, predicted %d, exact %d, overlapping %d); acc@161km of matched %.3f\n",
		r.Precision(), r.Recall(), r.GoldSpans, r.PredSpans, r.TruePos, r.OverlapPos, ratio(r.EndToEnd161, r.EndToEndMatched))
}

// FormatBreakdown writes the errors grouped: by the feature class of the
// reading chosen (with how many had a reading within 161 km among their
// candidates, i.e. were lost in ranking rather than missing from the
// gazetteer), then the top most frequent errors by name, reading and
// distance (rounded to 10 km).
func (r Report) FormatBreakdown(w io.Writer, top int) {
	type agg struct{ n, covered, backoff int }
	byFeat := map[string]*agg{}
	for _, e := range r.AllErrors {
		f := e.GotFeature
		if f == "" {
			f = "(none)"
		}
		a := byFeat[f]
		if a == nil {
			a = &agg{}
			byFeat[f] = a
		}
		a.n++
		if e.Covered {
			a.covered++
		}
		if e.Backoff {
			a.backoff++
		}
	}
	feats := make([]string, 0, len(byFeat))
	for f := range byFeat {
		feats = append(feats, f)
	}
	sort.Slice(feats, func(i, j int) bool {
		if byFeat[feats[i]].n != byFeat[feats[j]].n {
			return byFeat[feats[i]].n > byFeat[feats[j]].n
		}
		return feats[i] < feats[j]
	})
	fmt.Fprintf(w, "  errors: %d (by feature of the reading chosen; ranked = a reading within 161 km was a candidate)\n", len(r.AllErrors))
	for _, f := range feats {
		a := byFeat[f]
		fmt.Fprintf(w, "    %-6s %5d  ranked %5d  backoff %5d\n", f, a.n, a.covered, a.backoff)
	}
	type key struct {
		name, got, cc, feat string
		km                  int
	}
	groups := map[key]int{}
	for _, e := range r.AllErrors {
		groups[key{e.Name, e.Got, e.GotCC, e.GotFeature, int(math.Round(e.Km/10) * 10)}]++
	}
	keys := make([]key, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if groups[a] != groups[b] {
			return groups[a] > groups[b]
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.km < b.km
	})
	if top > len(keys) {
		top = len(keys)
	}
	fmt.Fprintf(w, "  top %d errors (count, gold name -> reading chosen, km off):\n", top)
	for _, k := range keys[:top] {
		fmt.Fprintf(w, "    %4d  %-28q -> %s (%s %s) %d km\n", groups[k], k.name, k.got, k.cc, k.feat, k.km)
	}
}
