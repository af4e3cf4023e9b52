package geo

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"sitrep/internal/country"
	"sitrep/internal/geo/gazetteer"
)

// Resolution is where one toponym span was resolved to.
type Resolution struct {
	Span
	Name      string // the place's name in the gazetteer
	Country   string // ISO alpha-2
	Admin1    string // admin1 name, "" when unknown
	Lat, Lon  float64
	GeonameID int
	Feature   string
	Score     float64 // probability of the chosen reading among the candidates
	Ambiguous bool
	OK        bool // false: no candidate at all
	Backoff   bool // no reading of its own: the article's main town stands in

	cand candidate // the reading chosen, for a Lexicon to learn
}

// candidate is one reading of a name.
type candidate struct {
	name      string
	id        int
	lat, lon  float64
	pop       int
	feature   string
	country   string
	admin1    string
	admin2    string
	primary   bool // the name is the place's own name, not an alternate
	isCountry bool
	comma     bool // a following ", Name" contains it
	contained bool // a town inside a county the article names, or that county
}

// Weights of the resolution score (log-odds-like units). They were set by
// hand from general knowledge of news (see docs/geo.md), not fitted.
const (
	wPop           = 0.9   // per decade of population
	wPrimary       = 1.2   // the mention is the place's own name, not an alternate
	wCountryIn     = 1.2   // the article names the candidate's country (or demonym)
	wCountrySh     = 2.5   // times the country's share of all country evidence
	wAdmin1        = 1.6   // the article names (or resolves a place in) the admin1
	wAdmin1Sh      = 2.0   // times the share of the article's other places in the admin1
	wComma         = 5.0   // "Alexandria, La." / "Antalya, Turkey": the next name contains it
	wDateline      = 1.5   // the dateline is in the same country (again for the admin1)
	wNear          = 3.0   // times the closeness to the other places of the article
	wNbCountry     = 2.0   // times the share of the article's other places in the same country
	maxCands       = 60    // candidates kept per name, by population
	wTownOverAdmin = 3.0   // a division loses to a town of the same name inside it
	wAltLoses      = 3.0   // an alternate name loses to a bigger place whose own name it is
	wDesignator    = 2.5   // the text calls it a state, county or city
	nearChars      = 300.0 // text distance at which a stand-in town's weight falls by e
	wContain       = 2.5   // a town inside a county the article names ("Paris" with "Henry County"), and that county
	wList          = 2.5   // listed next to names of its kind: "Missouri, New York and Virginia"
	wLocal         = 2.5   // the text writes it as a local place (its residents, police, schools; an address)
	ambiguousP     = 0.55  // below this probability a reading is flagged ambiguous
)

// arabicCountries are where a town's name may be written with or without
// the Arabic article.
var arabicCountries = map[string]bool{
	"SY": true, "IQ": true, "YE": true, "SA": true, "JO": true, "LB": true, "EG": true, "LY": true, "TN": true,
	"DZ": true, "MA": true, "SD": true, "PS": true, "KW": true, "BH": true, "QA": true, "AE": true, "OM": true,
	"MR": true, "EH": true, "IL": true,
}

// featureBonus is the prior of a feature type: countries, capitals and
// first-level divisions are what news names most.
func featureBonus(f string) float64 {
	switch f {
	case "PCLI", "COUNTRY":
		return 4.0
	case "PPLC":
		return 2.5
	case "ADM1":
		return 2.0
	case "PPLA":
		return 0.8
	case "PPLA2":
		return 0.3
	case "ADM2":
		return 0.0
	case "OCN", "CONT":
		return 4.0
	case "BLDG":
		return 3.0 // the seats of power news names for their governments
	case "RGN", "PEN", "SEA", "GULF", "MTS", "STRT", "CNL", "ISL", "STM", "LK", "LKS", "DSRT", "BAY", "HBR", "MT", "SQR":
		return 3.0 // written here because news names them
	case "PPLX", "PPLL", "PPLF", "PPLS":
		return -0.5
	}
	return 0
}

func (gc *Geocoder) candidates(text string) []candidate {
	key := gazetteer.Key(strings.TrimSuffix(strings.TrimSuffix(text, "'s"), "’s"))
	var out []candidate
	if c, ok := gc.c.ByName(text); ok {
		out = append(out, gc.countryCand(c))
	} else if c, ok := gc.c.ByName(strings.TrimSuffix(strings.TrimSuffix(text, "'s"), "’s")); ok {
		out = append(out, gc.countryCand(c))
	}
	if len(out) == 0 {
		if c, ok := gc.c.ByDemonym(text); ok {
			out = append(out, gc.countryCand(c)) // "Russian", "Americans": the country
		}
	}
	ids := gc.g.Lookup(key)
	if len(ids) > maxCands {
		ids = ids[:maxCands]
	}
	// the Arabic article: "Qamishli" is GeoNames' "Al Qamishli", "al-Raqqa"
	// its "Raqqa" (towns of Arabic-speaking countries only)
	alt := ""
	if rest, ok := strings.CutPrefix(key, "al "); ok && rest != "" {
		alt = rest
	} else if !strings.Contains(key, " ") && len(key) > 3 {
		alt = "al " + key
	}
	if alt != "" {
		seen := make(map[int]bool, len(ids))
		for _, i := range ids {
			seen[i] = true
		}
		for _, i := range gc.g.Lookup(alt) {
			if e := gc.g.Entries[i]; !seen[i] && arabicCountries[e.Country] && len(ids) < maxCands {
				ids = append(ids, i)
			}
		}
	}
	for _, i := range ids {
		e := gc.g.Entries[i]
		short, _, _ := strings.Cut(e.Name, ",") // "Washington, D.C." is Washington
		if city := strings.TrimSuffix(short, " City"); city != short {
			if _, isCountry := gc.c.ByName(city); !isCountry {
				short = city // "New York City" is New York; "Mexico City" is not Mexico
			}
		}
		c := candidate{name: e.Name, id: e.ID, lat: e.Lat, lon: e.Lon, pop: e.Pop, feature: e.Feature,
			country: e.Country, admin1: e.Admin1, admin2: e.Admin2}
		if ek := gazetteer.Key(e.Name); ek == key || gazetteer.Key(short) == key || alt != "" && ek == alt {
			c.primary = true
		}
		if len(out) > 0 && out[0].isCountry && c.feature == "ADM1" && c.country == out[0].country {
			continue // a division named like its country
		}
		out = append(out, c)
	}
	// "Wales", "Gaza": a part of a country that news also names for the
	// whole is the part when the gazetteer has it under its own name.
	if len(out) > 1 && out[0].isCountry && gazetteer.Key(out[0].name) != key {
		for _, c := range out[1:] {
			if c.primary && c.country == out[0].country && (c.feature != "PPL" || c.pop > 100_000) {
				out = out[1:]
				break
			}
		}
	}
	if r, ok := regionDemonyms[key]; ok && gazetteer.Key(r) != key {
		rc := gc.candidates(r)
		if len(out) == 0 || !out[0].isCountry {
			return append(rc, out...) // "African", "European", "Arab": the region
		}
		if len(rc) > 0 && !rc[0].isCountry && rc[0].country == out[0].country {
			return rc // "English", "Scottish": the nation, not the whole United Kingdom
		}
	}
	return out
}

func (gc *Geocoder) countryCand(c country.Info) candidate {
	lat, lon := c.Lat, c.Lon
	if p, ok := gc.points[c.Alpha2]; ok {
		lat, lon = p.lat, p.lon
	}
	return candidate{name: c.Name, id: gc.countryIDs[c.Alpha2], lat: lat, lon: lon, pop: 50_000_000, feature: "PCLI",
		country: c.Alpha2, primary: true, isCountry: true}
}

// evidence is what the article says about where it is.
type evidence struct {
	countries      map[string]float64 // alpha-2 -> weight of mentions
	total          float64
	byKey          map[string]map[string]float64 // name key -> alpha-2 -> weight it gave
	keyTotal       map[string]float64            // name key -> all the weight it gave
	datelineCC     string
	datelineAdmin1 string
}

var datelineRE = regexp.MustCompile(`^\s*([A-Z][A-Za-z.'’ -]{1,40}?)(?:,\s*([A-Z][A-Za-z. ]{1,30}?))?\s*(?:\([^)]{1,40}\))?\s*[-–—]{1,2}\s`)

// textEvidence collects the countries and demonyms the text names and its
// dateline.
func (gc *Geocoder) textEvidence(text string) *evidence {
	ev := &evidence{countries: map[string]float64{}, byKey: map[string]map[string]float64{}, keyTotal: map[string]float64{}}
	toks := tokens(text)
	runes := []rune(text)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !isWord(t.Text) || !isCap(t.Text) {
			continue
		}
		matched := 0
		for n := min(4, len(toks)-i); n >= 1; n-- {
			s := string(runes[toks[i].Start:toks[i+n-1].End])
			if c, ok := gc.c.ByName(s); ok {
				ev.add(gazetteer.Key(s), c.Alpha2, 1)
				matched = n
				break
			}
			if n <= 2 {
				if c, ok := gc.c.ByDemonym(s); ok {
					ev.add(gazetteer.Key(s), c.Alpha2, 0.6)
					matched = n
					break
				}
			}
		}
		if matched > 0 {
			i += matched - 1
		}
	}
	if m := datelineMatch(text); m != nil {
		for _, part := range []string{m[2], m[1]} {
			if part == "" {
				continue
			}
			cs := gc.candidates(strings.TrimSpace(part))
			if len(cs) == 0 {
				continue
			}
			best := cs[0]
			for _, c := range cs[1:] {
				if priorScore(c) > priorScore(best) {
					best = c
				}
			}
			if part == m[2] {
				ev.datelineCC = best.country
				if best.feature == "ADM1" {
					ev.datelineAdmin1 = best.country + "." + best.admin1
				}
				continue
			}
			if ev.datelineCC == "" {
				ev.datelineCC = best.country
			}
		}
	}
	return ev
}

// datelineMatch finds the dateline at the start of the text, or right after
// a headline that precedes it ("Lebanon schedules clean-up. LEBANON --"),
// where only a capitalised place name counts ("ATLANTA -").
func datelineMatch(text string) []string {
	if m := datelineRE.FindStringSubmatch(firstLine(text)); m != nil {
		return m
	}
	head := text
	if len(head) > 300 {
		head = head[:300]
	}
	for i := 0; i+2 < len(head); i++ {
		if head[i] != '.' && head[i] != '\n' {
			continue
		}
		rest := strings.TrimLeft(head[i+1:], " \t\n")
		m := datelineRE.FindStringSubmatch(firstLine(rest))
		if m == nil || strings.ToUpper(m[1]) != m[1] || len(strings.TrimSpace(m[1])) < 3 {
			continue
		}
		return m
	}
	return nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 120 {
		s = s[:120]
	}
	return s
}

// runeSlice is runes[start:end] as a string, "" for a bad range.
func runeSlice(runes []rune, start, end int) string {
	if start < 0 || end > len(runes) || start >= end {
		return ""
	}
	return string(runes[start:end])
}

func (ev *evidence) add(key, cc string, w float64) {
	if cc == "" {
		return
	}
	ev.countries[cc] += w
	ev.total += w
	m := ev.byKey[key]
	if m == nil {
		m = map[string]float64{}
		ev.byKey[key] = m
	}
	m[cc] += w
	ev.keyTotal[key] += w
}

func priorScore(c candidate) float64 {
	pop := float64(c.pop)
	if c.feature == "ADM1" || c.feature == "ADM2" {
		pop /= 3 // the sum of its towns overstates how often news means the division
	}
	s := wPop*math.Log10(pop+10) + featureBonus(c.feature)
	if c.primary {
		s += wPrimary
	}
	return s
}

// group is one distinct name in the text with all its occurrences.
type group struct {
	key    string
	spans  []int // indices into the span list
	cands  []candidate
	comma  []string // names that follow it after a comma ("Alexandria, La.")
	pick   int
	probs  []float64
	scores []float64
	// kinds are the feature kinds the text around the name gives ("Georgia
	// state", "the city of Alexandria"): admin1, admin2, town
	kinds map[string]bool
	// backedOff: the candidates are those of a part of the name
	backedOff bool
	// listKinds counts the kinds (admin1, country) of the names listed
	// next to it ("Missouri, New York and Virginia")
	listKinds map[string]int
}

// Resolve resolves toponym spans of text to places. Spans with the same name
// resolve to the same place (one sense per article).
func (gc *Geocoder) Resolve(text string, spans []Span) []Resolution {
	return gc.resolve(text, spans, false, nil)
}

// ResolveIn is Resolve for an article of a source whose lexicon is lx (nil:
// none): the lexicon's places count as one more neighbour of every name.
func (gc *Geocoder) ResolveIn(text string, spans []Span, lx *Lexicon) []Resolution {
	return gc.resolve(text, spans, false, lx)
}

func (gc *Geocoder) resolve(text string, spans []Span, backoff bool, lx *Lexicon) []Resolution {
	out, _ := gc.resolveGroups(text, spans, backoff, lx)
	return out
}

// Explain resolves gold-style spans (with backoff) and describes each
// name's best-scored readings after the last round (for development).
func (gc *Geocoder) Explain(text string, spans []Span, top int) string {
	_, groups := gc.resolveGroups(text, spans, true, nil)
	var b strings.Builder
	for _, g := range groups {
		fmt.Fprintf(&b, "%q x%d: %d candidates", spans[g.spans[0]].Text, len(g.spans), len(g.cands))
		if g.backedOff {
			b.WriteString(" (backed off)")
		}
		b.WriteString("\n")
		idx := make([]int, len(g.cands))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, c int) bool { return g.scores[idx[a]] > g.scores[idx[c]] })
		for n, i := range idx {
			if n >= top {
				break
			}
			c := g.cands[i]
			fmt.Fprintf(&b, "   %-24s %s %-4s %-4s %-5s pop %9d prior %5.2f score %6.2f p %.2f  %.3f,%.3f\n",
				c.name, c.country, c.admin1, c.admin2, c.feature, c.pop, priorScore(c), g.scores[i], g.probs[i], c.lat, c.lon)
		}
	}
	return b.String()
}

func (gc *Geocoder) resolveGroups(text string, spans []Span, backoff bool, lx *Lexicon) ([]Resolution, []*group) {
	ev := gc.textEvidence(text)
	runes := []rune(text)
	byKey := map[string]*group{}
	var groups []*group
	for i, s := range spans {
		k := gazetteer.Key(s.Text)
		g := byKey[k]
		if g == nil {
			g = &group{key: k, cands: gc.candidates(s.Text)}
			if len(g.cands) == 0 && backoff {
				g.cands, g.backedOff = gc.backoffCandidates(s.Text)
			}
			byKey[k] = g
			groups = append(groups, g)
		}
		g.spans = append(g.spans, i)
		if kind := designatorAround(runes, s.Start, s.End); kind != "" {
			if g.kinds == nil {
				g.kinds = map[string]bool{}
			}
			g.kinds[kind] = true
		}
		if i+1 < len(spans) {
			between := runeSlice(runes, s.End, spans[i+1].Start)
			if strings.TrimSpace(between) == "," {
				g.comma = append(g.comma, spans[i+1].Text)
			}
		}
		// a list of places of one kind: "Missouri, New York, North Carolina
		// and Virginia" (states), "Russia, Georgia and Ukraine" (countries)
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(spans) {
				continue
			}
			a, b := s, spans[j]
			if j < i {
				a, b = spans[j], s
			}
			if !listSep(runeSlice(runes, a.End, b.Start)) {
				continue
			}
			if kind := gc.listKind(spans[j].Text); kind != "" {
				if g.listKinds == nil {
					g.listKinds = map[string]int{}
				}
				g.listKinds[kind]++
			}
		}
	}
	// comma context: "Alexandria, La.": keep the readings inside the second name
	for _, g := range groups {
		for _, next := range g.comma {
			for _, c := range gc.candidates(next) {
				if c.feature == "ADM1" || c.isCountry {
					ev.admin1Hint(g, c)
				}
			}
		}
	}
	// a town and a county the article names that contain it: "Paris" and
	// "Henry County" (Tennessee's Paris lies in Tennessee's Henry County)
	markContainment(groups)
	// pass 1: priors and the text's countries
	for _, g := range groups {
		g.choose(ev, nil, gc)
	}
	// pass 2: add what the other names resolved to, a name at a time in
	// text order, each seeing the others' latest readings (updating all at
	// once let two names that support each other swap readings every
	// round: Huntsville and Walker County, Texas and Alabama)
	sets := make([]partnerSet, len(groups))
	for i, g := range groups {
		sets[i] = g.partners()
	}
	supporter := make([]bool, len(groups))
	for i := range supporter {
		supporter[i] = true
	}
	if len(sets) > maxSupporters {
		order := make([]int, len(sets))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool { return sets[order[a]].w > sets[order[b]].w })
		for _, i := range order[maxSupporters:] {
			supporter[i] = false
		}
	}
	lexSet, lexTop := lx.neighbour()
	var lexSum float64
	for _, p := range lexTop {
		lexSum += p.n
	}
	for round := 0; round < rounds; round++ {
		for gi, g := range groups {
			if len(g.cands) == 0 {
				continue
			}
			ctx := &neighbours{}
			for _, p := range lexTop {
				ctx.add(p.c, lexWeight*p.n/lexSum)
			}
			if len(lexSet.cands) > 0 {
				ctx.others = append(ctx.others, lexSet)
			}
			for j, o := range groups {
				if j == gi || len(o.cands) == 0 {
					continue
				}
				ctx.add(o.cands[o.pick], o.probs[o.pick]*float64(len(o.spans)))
				if supporter[j] && len(sets[j].cands) > 0 {
					ctx.others = append(ctx.others, sets[j])
				}
			}
			g.choose(ev, ctx, gc)
			sets[gi] = g.partners()
		}
	}
	// a shorter form ("Hatch" of "Brands Hatch") counts only when it lies
	// near the article's other places; else the main town stands in
	for _, g := range groups {
		if !g.backedOff || len(g.cands) == 0 {
			continue
		}
		c := g.cands[g.pick]
		near, others := 0.0, 0
		for _, o := range groups {
			if o == g || o.backedOff || len(o.cands) == 0 || !pointlike(o.cands[o.pick]) {
				continue
			}
			others++
			p := o.cands[o.pick]
			near = math.Max(near, closeness(haversine(c.lat, c.lon, p.lat, p.lon)))
		}
		if others > 0 && near < closeness(300) {
			g.cands = nil
		}
	}
	out := make([]Resolution, len(spans))
	for _, g := range groups {
		for _, si := range g.spans {
			r := Resolution{Span: spans[si]}
			if len(g.cands) > 0 {
				c := g.cands[g.pick]
				r.Name, r.Country, r.Lat, r.Lon, r.GeonameID, r.Feature = c.name, c.country, c.lat, c.lon, c.id, c.feature
				if a, ok := gc.g.Admin1(c.country, c.admin1); ok && c.admin1 != "" {
					r.Admin1 = a.Name
				}
				r.Score = g.probs[g.pick]
				r.cand = c
				r.Ambiguous = len(g.cands) > 1 && r.Score < ambiguousP
				r.OK = true
			}
			out[si] = r
		}
	}
	if backoff {
		gc.fillUnresolved(out)
	}
	return out, groups
}

// markContainment flags the county readings of one name that contain a
// town reading of another name, and those towns.
func markContainment(groups []*group) {
	type key struct{ cc, a1, a2 string }
	counties := map[key][]*candidate{}
	for _, g := range groups {
		for i := range g.cands {
			c := &g.cands[i]
			if c.feature == "ADM2" && c.admin2 != "" {
				k := key{c.country, c.admin1, c.admin2}
				counties[k] = append(counties[k], c)
			}
		}
	}
	if len(counties) == 0 {
		return
	}
	for _, g := range groups {
		for i := range g.cands {
			t := &g.cands[i]
			if !strings.HasPrefix(t.feature, "PPL") || t.admin2 == "" {
				continue
			}
			for _, c := range counties[key{t.country, t.admin1, t.admin2}] {
				if gazetteer.Key(c.name) == g.key || strings.HasPrefix(gazetteer.Key(c.name), g.key+" ") {
					continue // its own county ("Raqqa", "Washington County" of Washington)
				}
				c.contained, t.contained = true, true
			}
		}
	}
}

// admin1Hint records that g's name was followed by ", c".
func (ev *evidence) admin1Hint(g *group, c candidate) {
	for i := range g.cands {
		gc := &g.cands[i]
		if gc.isCountry {
			continue
		}
		if c.isCountry && gc.country == c.country || !c.isCountry && gc.country == c.country && gc.admin1 == c.admin1 {
			gc.comma = true
		}
	}
}

// partnerSet is a name's plausible point-like readings, each with its
// probability raised to a small power (so that an unlikely reading still
// counts, for less).
type partnerSet struct {
	cands []partner
	w     float64
}

type partner struct {
	c candidate
	q float64
}

const (
	maxSupporters = 40
	rounds        = 2 // rounds of neighbour support after the first pass
	maxPartners   = 15
	partnerExp    = 0.25
)

func pointlike(c candidate) bool {
	switch c.feature {
	case "PCLI", "ADM1", "CONT", "OCN", "RGN", "SEA", "GULF", "PEN", "MTS", "STM", "DSRT":
		return false
	}
	return !c.isCountry
}

func (g *group) partners() partnerSet {
	idx := make([]int, 0, len(g.cands))
	for i, c := range g.cands {
		if pointlike(c) {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return g.probs[idx[a]] > g.probs[idx[b]] })
	if len(idx) > maxPartners {
		idx = idx[:maxPartners]
	}
	ps := partnerSet{w: math.Sqrt(float64(len(g.spans)))}
	for _, i := range idx {
		ps.cands = append(ps.cands, partner{c: g.cands[i], q: math.Pow(g.probs[i], partnerExp)})
	}
	return ps
}

// neighbours summarises the other places of an article.
type neighbours struct {
	others    []partnerSet
	countries map[string]float64
	admin1    map[string]float64
	total     float64
}

func (n *neighbours) add(c candidate, w float64) {
	if n.countries == nil {
		n.countries, n.admin1 = map[string]float64{}, map[string]float64{}
	}
	n.countries[c.country] += w
	n.total += w
	if c.admin1 != "" {
		n.admin1[c.country+"."+c.admin1] += w
	}
}

// closeness is 1 for a neighbour within 25 km, falling to 0 at 1,500 km.
func closeness(km float64) float64 {
	if km < 25 {
		return 1
	}
	v := 1 - math.Log10(km/25)/math.Log10(60)
	return math.Max(0, v)
}

func (g *group) choose(ev *evidence, nb *neighbours, gc *Geocoder) {
	if len(g.cands) == 0 {
		return
	}
	scores := make([]float64, len(g.cands))
	for i, c := range g.cands {
		s := priorScore(c)
		if !c.primary && g.biggerOwner(c) {
			s -= wAltLoses // "Rome" is an old name of Washington, D.C.; Rome is Rome
		}
		if (c.feature == "ADM1" || c.feature == "ADM2") && g.hasTownIn(c) {
			s -= wTownOverAdmin // "Raqqa", "New York", "Moscow": the town, not the division named after it
		}
		// what the rest of the text says: a name is no evidence for itself
		self := ev.byKey[g.key][c.country]
		selfTotal := ev.keyTotal[g.key]
		if w := ev.countries[c.country] - self; w > 0 {
			s += wCountryIn + wCountrySh*w/(ev.total-selfTotal)
		}
		if ev.datelineCC != "" && c.country == ev.datelineCC {
			s += wDateline
		}
		if ev.datelineAdmin1 != "" && c.country+"."+c.admin1 == ev.datelineAdmin1 {
			s += wDateline
		}
		if c.comma {
			s += wComma
		}
		if c.contained {
			s += wContain
		}
		if c.feature == "ADM1" && g.listKinds["admin1"] > 0 || c.isCountry && g.listKinds["country"] > 0 {
			s += wList
		}
		if g.kinds["local"] && !c.isCountry {
			s += wLocal
		}
		if g.kinds[kindOf(c)] {
			s += wDesignator // "the Georgia state line", "the city of Paris"
		}
		if nb != nil && nb.total > 0 {
			s += wNbCountry * nb.countries[c.country] / nb.total
			if !c.isCountry && c.admin1 != "" {
				// the other names lie in its division (or it is their division)
				if w := nb.admin1[c.country+"."+c.admin1]; w > 0 {
					s += wAdmin1*math.Min(1, w) + wAdmin1Sh*w/nb.total
				}
			}
			if len(nb.others) > 0 && pointlike(c) {
				// each other name supports the reading by its closest
				// plausible reading: "Paris" and "Henry County" settle on
				// Tennessee together even when each alone would not
				var num, den float64
				for _, o := range nb.others {
					best := 0.0
					for _, p := range o.cands {
						a := closeness(haversine(c.lat, c.lon, p.c.lat, p.c.lon))
						if p.c.country == c.country && p.c.admin1 == c.admin1 && c.admin1 != "" {
							a = math.Max(a, 0.8)
						}
						best = math.Max(best, a*p.q)
					}
					num += o.w * best
					den += o.w
				}
				s += wNear * num / den
			}
		}
		scores[i] = s
	}
	best := 0
	for i := range scores {
		if scores[i] > scores[best] {
			best = i
		}
	}
	var z float64
	probs := make([]float64, len(scores))
	for i := range scores {
		probs[i] = math.Exp(scores[i] - scores[best])
		z += probs[i]
	}
	for i := range probs {
		probs[i] /= z
	}
	g.pick, g.probs, g.scores = best, probs, scores
}

func haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := (lat2-lat1)*math.Pi/180, (lon2-lon1)*math.Pi/180
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(math.Min(1, h)))
}

// Haversine is the great-circle distance in km.
func Haversine(lat1, lon1, lat2, lon2 float64) float64 { return haversine(lat1, lon1, lat2, lon2) }

// designators are trailing words a name may carry that the gazetteer lacks.
var designators = []string{" river", " county", " city", " province", " valley", " region", " district", " state",
	" parish", " township", " village", " town", " area", " lake", " island", " islands", " mountains", " park"}

// backoffCandidates tries shorter forms of a name the gazetteer does not
// know: without a designator ("Kent County" -> "Kent"), then its longest
// known run of words ("Third Presbyterian Church of New Orleans" -> "New
// Orleans").
func (gc *Geocoder) backoffCandidates(text string) (cs []candidate, sub bool) {
	k := gazetteer.Key(text)
	for _, d := range designators {
		if strings.HasSuffix(k, d) {
			if cs := gc.candidates(strings.TrimSuffix(k, d)); len(cs) > 0 {
				return cs, false
			}
		}
	}
	words := strings.Fields(k)
	for n := len(words) - 1; n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			sub := strings.Join(words[i:i+n], " ")
			if n == 1 && (stoplist[sub] || generic[sub] || len(sub) < 4) {
				continue
			}
			if cs := gc.candidates(sub); len(cs) > 0 {
				return cs, true
			}
		}
	}
	return nil, false
}

// fillUnresolved gives a name the gazetteer cannot read at all the article's
// most confident town (a street, a building, a neighbourhood of it), or
// failing that its main country. Only the evaluation with gold spans uses it.
func (gc *Geocoder) fillUnresolved(rs []Resolution) {
	// the towns (point-like places) with their mentions' confidence;
	// failing any, the admin1s ("Cauvery" in an article of Tamil Nadu and
	// Karnataka). Each unresolved name takes the one whose confidence,
	// discounted by the text distance to its nearest mention, is highest.
	weight := map[string]float64{}
	first := map[string]int{}
	bestKey := ""
	for i := range rs {
		r := &rs[i]
		if !r.OK || r.Backoff || !pointlike(candidate{feature: r.Feature}) {
			continue
		}
		k := r.Country + "|" + r.Feature + "|" + r.Name
		if _, ok := first[k]; !ok {
			first[k] = i
		}
		weight[k] += r.Score
		if bestKey == "" || weight[k] > weight[bestKey] {
			bestKey = k
		}
	}
	if bestKey == "" {
		for i := range rs {
			r := &rs[i]
			if !r.OK || r.Backoff || r.Feature != "ADM1" {
				continue
			}
			k := r.Country + "|" + r.Feature + "|" + r.Name
			if _, ok := first[k]; !ok {
				first[k] = i
			}
			weight[k] += r.Score
			if bestKey == "" || weight[k] > weight[bestKey] {
				bestKey = k
			}
		}
	}
	if bestKey == "" {
		return
	}
	best := rs[first[bestKey]]
	for i := range rs {
		r := &rs[i]
		if r.OK {
			continue
		}
		sp := r.Span
		*r = best
		// the towns weighed by their mentions' confidence and by how close
		// in the text their nearest mention is ("Trump Tower ... in New York")
		bestJ, bestV := -1, 0.0
		minD, at := map[string]int{}, map[string]int{}
		for j := range rs {
			o := &rs[j]
			if j == i || !o.OK || o.Backoff {
				continue
			}
			k := o.Country + "|" + o.Feature + "|" + o.Name
			if _, ok := first[k]; !ok {
				continue
			}
			d := max(o.Start-sp.End, sp.Start-o.End, 0)
			if m, ok := minD[k]; !ok || d < m {
				minD[k], at[k] = d, j
			}
		}
		for k, d := range minD {
			v := weight[k] * math.Exp(-float64(d)/nearChars)
			if bestJ < 0 || v > bestV || v == bestV && at[k] < bestJ {
				bestJ, bestV = at[k], v
			}
		}
		if bestJ >= 0 {
			*r = rs[bestJ]
		}
		r.Span, r.Score, r.Ambiguous, r.GeonameID = sp, 0, true, 0
		r.Backoff = true
	}
}

// biggerOwner reports whether a bigger place has the name as its own.
func (g *group) biggerOwner(a candidate) bool {
	for _, c := range g.cands {
		if (c.feature == "ADM1" || c.feature == "ADM2") && c.country == a.country && c.admin1 == a.admin1 {
			continue // its own division named after it ("Raqqa", "New York")
		}
		if c.primary && c.pop > a.pop {
			return true
		}
	}
	return false
}

// hasTownIn reports whether the group has a town reading inside division a.
func (g *group) hasTownIn(a candidate) bool {
	for _, c := range g.cands {
		if strings.HasPrefix(c.feature, "PPL") && (c.primary || c.pop >= 1_000_000 || c.pop*3 >= a.pop) && c.country == a.country && c.admin1 == a.admin1 &&
			(a.feature != "ADM2" || c.admin2 == a.admin2) {
			return true
		}
	}
	return false
}

// regionDemonyms are adjectives news uses for regions beyond countries.
var regionDemonyms = map[string]string{
	"african": "Africa", "european": "Europe", "asian": "Asia", "arab": "Middle East", "middle eastern": "Middle East",
	"kurdish": "Kurdistan Region", "central american": "Central America", "latin american": "Latin America",
	"south american": "South America", "north american": "North America",
	"balkan": "Balkans", "caucasian": "Caucasus", "scandinavian": "Scandinavia", "mediterranean": "Mediterranean",
	"scottish": "Scotland", "welsh": "Wales", "english": "England", "northern irish": "Northern Ireland",
	"chechen": "Chechnya", "tibetan": "Tibet", "siberian": "Siberia", "saharan": "Sahara",
	"sub saharan": "Sub-Saharan Africa", "southeast asian": "Southeast Asia", "palestinian": "Palestine",
	"south ossetian": "South Ossetia", "south ossetians": "South Ossetia", "abkhaz": "Abkhazia",
	"abkhazian": "Abkhazia", "abkhazians": "Abkhazia", "dagestani": "Dagestan", "chechens": "Chechnya",
	"kurds": "Kurdistan Region", "africans": "Africa", "europeans": "Europe", "asians": "Asia", "arabs": "Middle East",
	"soviet": "Soviet Union", "sicilian": "Sicily", "sardinian": "Sardinia", "corsican": "Corsica", "crimean": "Crimea", "tibetans": "Tibet", "kashmiri": "Kashmir", "kashmiris": "Kashmir",
}

// generic words of feature names are no name on their own.
var generic = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`river creek lake lakes island islands valley mountain mountains mount hill hills
	park beach bay harbor harbour grove springs spring falls fork forest wood woods point heights ridge canyon
	county parish city town township village borough district province region state territory
	north south east west upper lower new old great little big saint fort port lake glen
	road street avenue highway route bridge church school college university hospital center centre`) {
		generic[w] = true
	}
}

// Debug describes the candidates and scores of each name (for development).
func (gc *Geocoder) Debug(text string, spans []Span) string {
	var b strings.Builder
	seen := map[string]bool{}
	for _, s := range spans {
		k := gazetteer.Key(s.Text)
		if seen[k] {
			continue
		}
		seen[k] = true
		cs := gc.candidates(s.Text)
		fmt.Fprintf(&b, "%s: %d candidates\n", s.Text, len(cs))
		for i, c := range cs {
			if i >= 6 {
				break
			}
			fmt.Fprintf(&b, "   %s %s %s %s pop %d prior %.2f\n", c.name, c.country, c.admin1, c.feature, c.pop, priorScore(c))
		}
	}
	return b.String()
}

// kindOf is a reading's kind for designators: admin1, admin2 or town.
func kindOf(c candidate) string {
	switch {
	case c.feature == "ADM1":
		return "admin1"
	case c.feature == "ADM2":
		return "admin2"
	case strings.HasPrefix(c.feature, "PPL"):
		return "town"
	}
	return ""
}

// designatorAround reads the words next to a name for what kind of place the
// text says it is: "Georgia state line", "the state of Georgia", "Idlib
// province", "Clarke County" (when the span stops short of it), "the city of
// Paris", "Paris city council".
func designatorAround(runes []rune, start, end int) string {
	next := strings.ToLower(firstWord(runes, end))
	switch next {
	case "state", "province", "governorate", "oblast", "prefecture", "region":
		return "admin1"
	case "county", "counties", "parish", "district":
		return "admin2"
	case "city", "town", "village", "mayor", "township":
		return "town"
	case "residents", "police", "council", "councilman", "councilwoman", "aldermen", "selectmen", "school", "schools",
		"library", "firefighters", "elementary", "middle", "high":
		return "local" // "Jordan middle school", "Lebanon residents": a town or a state, not a country
	}
	if localBefore(runes, start) {
		return "local"
	}
	prev := strings.ToLower(lastWords(runes, start, 2))
	switch prev {
	case "state of", "province of", "governorate of", "region of":
		return "admin1"
	case "county of", "parish of":
		return "admin2"
	case "city of", "town of", "village of", "mayor of", "suburb of", "outskirts of", "downtown":
		return "town"
	}
	return ""
}

// listSep reports whether the text between two names makes them a list:
// ", " / " and " / ", and " / " or ".
func listSep(between string) bool {
	switch strings.TrimSpace(between) {
	case ",", "and", ", and", "or", ", or", "&":
		return true
	}
	return false
}

// listKind is the kind of a listed name when it is plainly an admin1 or a
// country (its best prior reading).
func (gc *Geocoder) listKind(text string) string {
	cs := gc.candidates(text)
	if len(cs) == 0 {
		return ""
	}
	best := cs[0]
	for _, c := range cs[1:] {
		if priorScore(c) > priorScore(best) {
			best = c
		}
	}
	switch {
	case best.isCountry:
		return "country"
	case best.feature == "ADM1":
		return "admin1"
	}
	return ""
}

// localBefore reports a street address or an age before the name, as local
// news writes a town: "1301 Lafayette Ave., Lebanon", "Joyce Glover, 22,
// Palestine".
func localBefore(runes []rune, start int) bool {
	i := start
	for i > 0 && runes[i-1] == ' ' {
		i--
	}
	if i == 0 || runes[i-1] != ',' {
		return false
	}
	i--
	for i > 0 && runes[i-1] == ' ' {
		i--
	}
	j := i
	for j > 0 && unicode.IsDigit(runes[j-1]) {
		j--
	}
	if i-j >= 1 && i-j <= 3 && j > 1 && runes[j-1] == ' ' && runes[j-2] == ',' {
		return true // ", 22, Palestine"
	}
	w := strings.ToLower(strings.TrimSuffix(lastWords(runes, i, 1), "."))
	if i > 0 && runes[i-1] == '.' {
		w = strings.ToLower(lastWords(runes, i-1, 1))
	}
	switch w {
	case "ave", "avenue", "st", "street", "rd", "road", "blvd", "boulevard", "dr", "drive", "ln", "lane", "hwy", "highway", "pike":
		return true
	}
	return false
}

// firstWord is the word that starts after position i (spaces skipped).
func firstWord(runes []rune, i int) string {
	for i < len(runes) && runes[i] == ' ' {
		i++
	}
	j := i
	for j < len(runes) && (unicode.IsLetter(runes[j])) {
		j++
	}
	return string(runes[i:j])
}

// lastWords are the n words before position i, joined by a space.
func lastWords(runes []rune, i, n int) string {
	var words []string
	for len(words) < n {
		for i > 0 && runes[i-1] == ' ' {
			i--
		}
		j := i
		for j > 0 && unicode.IsLetter(runes[j-1]) {
			j--
		}
		if j == i {
			break
		}
		words = append([]string{string(runes[j:i])}, words...)
		i = j
	}
	return strings.Join(words, " ")
}
