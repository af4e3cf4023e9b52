package events

import (
	"sort"
	"strings"
	"unicode"

	"sitrep/internal/article"
	"sitrep/internal/country"
)

// mention kinds found in a sentence.
const (
	mkEntity  = iota + 1 // from a.Entities
	mkPerson             // a person name (title or registry)
	mkKnown              // IGO, NGO, armed group, region
	mkCountry            // country name
	mkCapital            // capital city as metonym for the government
	mkDemonym            // "Russian", "Syrian"
	mkAgent              // agent noun: troops, police, rebels...
	mkPlace              // a place from a.Places or a locative phrase
	mkPronoun            // he, she, it, they, we, its, his...
)

// mention is one actor cue or place in a sentence, in token indexes [s, e).
type mention struct {
	s, e     int
	kind     int
	name     string
	country  string // alpha-3
	role     string
	place    *article.EventLocation // for places
	specific bool                   // a place below country level
	etype    string                 // entity type, for mentions from a.Entities
}

// Attributes returns the country (alpha-3) and CAMEO role an actor phrase
// names, from its own words only ("Russian warplanes" -> RUS, MIL). It is
// the stand-in for entities.Attributes until that lands.
func Attributes(phrase string) (country3, role string) {
	ix := country.Default()
	for _, w := range strings.Fields(phrase) {
		w = strings.Trim(w, ".,;:'\"()")
		lw := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))
		if country3 == "" && isCap(w) {
			if c, ok := ix.Lookup(w); ok && capOK(w, lw) {
				country3 = c.Alpha3
			} else if c, ok := ix.ByCapital(w); ok {
				country3 = c.Alpha3
			}
		}
		if r, ok := agentRoles[lw]; ok && r != "" && role == "" {
			role = r
		}
	}
	return country3, role
}

func isCap(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// capOK rejects short lower-case-looking words that the country index
// would take ("us" -> USA): short forms must be written in capitals.
func capOK(w, lw string) bool {
	return isCap(w) && (len(lw) > 3 || strings.ToUpper(w) == w)
}

var pronouns = map[string]string{
	"he": "PS", "she": "PS", "him": "PS", "her": "PS", "his": "PSP",
	"it": "N", "its": "NP", "they": "PL", "them": "PL", "their": "PLP",
	"we": "SELF", "our": "SELFP", "us": "SELF",
}

var weekdaysMonths = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// nameStop are capitalised words that start sentences but name nothing.
var nameStop = map[string]bool{"meanwhile": true, "however": true, "also": true, "but": true, "and": true, "the": true,
	"in": true, "on": true, "at": true, "a": true, "an": true, "this": true, "that": true, "it": true, "he": true, "she": true,
	"they": true, "we": true, "i": true, "following": true, "according": true, "after": true, "before": true, "since": true,
	"while": true, "when": true, "earlier": true, "later": true, "last": true, "next": true, "today": true, "yesterday": true,
	"thursday": true, "monday": true, "tuesday": true, "wednesday": true, "friday": true, "saturday": true, "sunday": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "fourth": true, "first": true, "second": true, "third": true, "despite": true,
	"under": true, "with": true, "for": true, "from": true, "by": true, "as": true, "if": true, "thus": true, "so": true,
	"senior": true, "former": true, "angry": true, "young": true, "ethnic": true, "top": true, "radical": true, "some": true,
	"thousands": true, "hundreds": true, "several": true, "both": true, "two": true, "three": true, "four": true, "five": true}

// genericEnd ends a run of capitalised words before a word that names a
// country or an agent ("Senior Hungarian" is not a name).
func (c *Coder) genericEnd(st *sentState, i int, covered []bool) int {
	e := capSeq(st, i, covered)
	for k := i; k < e; k++ {
		w := strings.TrimSuffix(st.toks[k].text, "'s")
		if _, ok := c.countries.Lookup(w); ok && capOK(w, strings.ToLower(w)) {
			return k
		}
		if _, ok := agentRoles[st.toks[k].low]; ok && k > i {
			return k
		}
	}
	return e
}

func isVerbTagStr(t string) bool { return strings.HasPrefix(t, "VB") }

var geoNouns = map[string]bool{"peninsula": true, "river": true, "valley": true, "province": true, "mountains": true, "sea": true, "gulf": true, "strait": true, "island": true, "islands": true, "desert": true, "region": true, "street": true, "square": true, "city": true, "district": true, "county": true, "bay": true, "lake": true, "coast": true, "airport": true, "bridge": true, "camp": true}

// placeDesignators follow a place's name: "Khanasir town", "Teba neighbourhood".
var placeDesignators = map[string]bool{
	"town": true, "village": true, "district": true, "neighbourhood": true, "neighborhood": true, "camp": true,
	"city": true, "province": true, "governorate": true, "countryside": true, "suburb": true, "area": true, "region": true,
}

var locPreps = map[string]bool{"in": true, "at": true, "near": true, "over": true, "outside": true, "inside": true, "across": true, "around": true, "into": true}

var directions = map[string]bool{
	"northern": true, "southern": true, "eastern": true, "western": true, "central": true, "north": true,
	"south": true, "east": true, "west": true, "northeastern": true, "northwestern": true, "southeastern": true,
	"southwestern": true, "north-east": true, "north-west": true, "south-east": true, "south-west": true,
}

// person is one person the article names, merged by surname.
type person struct {
	full, country, role string
}

// registry remembers the article's people so that "Obama" after
// "U.S. President Barack Obama" resolves to the full name and country.
type registry struct {
	bySurname map[string]*person
}

func surnameKey(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimPrefix(w, "al-")
	w = strings.TrimPrefix(w, "el-")
	return w
}

// findMentions finds actor and place cues in tokens of one sentence: our
// own recogniser's, and the entity and place mentions of the upstream
// stages. Where both cover the same words, an own cue that names a country
// (a country, capital, demonym, or a known actor with its code) is kept,
// since it comes from the words themselves; otherwise the upstream mention
// replaces ours. The result is in token order.
func (c *Coder) findMentions(st *sentState) []mention {
	own := c.ownMentions(st)
	up := c.upstreamMentions(st)
	if len(up) == 0 {
		return own
	}
	coded := func(m mention) bool {
		return m.country != "" || m.kind == mkCountry || m.kind == mkCapital || m.kind == mkDemonym
	}
	dropped := make([]bool, len(own))
	var out []mention
	for _, u := range up {
		keepOwn := false
		for _, o := range own {
			if o.s < u.e && u.s < o.e && coded(o) {
				keepOwn = true
				break
			}
		}
		if keepOwn {
			continue
		}
		for k, o := range own {
			if o.s < u.e && u.s < o.e {
				dropped[k] = true
			}
		}
		out = append(out, u)
	}
	for k, o := range own {
		if !dropped[k] {
			out = append(out, o)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].s < out[b].s })
	return out
}

// upstreamMentions are the entity and place mentions of the other stages
// in a sentence, by rune offsets.
func (c *Coder) upstreamMentions(st *sentState) []mention {
	var out []mention
	for _, m := range st.ents {
		s, e := st.tokRange(m.start, m.end)
		if s < 0 {
			continue
		}
		if m.ent.Type == article.Location && m.ent.Country == "" {
			// a place the entities stage could not put in a country is
			// a place (a.Places has it, or our locative rule), not an actor
			continue
		}
		out = append(out, mention{s: s, e: e, kind: mkEntity, name: m.ent.Name, country: m.ent.Country, role: m.ent.Role, etype: m.ent.Type})
	}
	for _, m := range st.places {
		s, e := st.tokRange(m.start, m.end)
		if s < 0 {
			continue
		}
		p := m.place
		loc := &article.EventLocation{Name: cleanName(m.text), Country: p.Country, Lat: p.Lat, Lon: p.Lon}
		spec := p.Feature != "COUNTRY" && p.Feature != "PCLI"
		if _, isC := c.countries.ByAlpha2(p.Country); isC && (p.Feature == "" && c.isCountryName(m.text)) {
			spec = false
		}
		out = append(out, mention{s: s, e: e, kind: mkPlace, name: loc.Name, place: loc, specific: spec})
	}
	return out
}

// arabicArticleName: "al-Qaeda", "al-Shabaab", "el-Sisi": a name whose
// article is written in lower case.
func arabicArticleName(w string) bool {
	for _, p := range []string{"al-", "el-", "ad-", "an-", "as-", "ash-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p) && isCap(w[len(p):]) {
			return true
		}
	}
	return false
}

// ownMentions are the cues our own recogniser finds in a sentence.
func (c *Coder) ownMentions(st *sentState) []mention {
	toks := st.toks
	var out []mention
	n := len(toks)
	covered := make([]bool, n)
	for i := 0; i < n; i++ {
		if covered[i] {
			continue
		}
		t := toks[i]
		if p, ok := pronouns[t.low]; ok && (t.low != "us" || t.text == "us") {
			out = append(out, mention{s: i, e: i + 1, kind: mkPronoun, role: p, name: t.text})
			continue
		}
		if !isCap(t.text) && !unicode.IsDigit([]rune(t.text)[0]) && !arabicArticleName(t.text) {
			if r, ok := agentRoles[t.low]; ok {
				out = append(out, mention{s: i, e: i + 1, kind: mkAgent, role: r, name: t.text})
			}
			continue
		}
		// longest multiword match of known actors, countries, capitals
		best := mention{}
		for l := min(8, n-i); l >= 1; l-- { // known actors up to 8 words ("Islamic State in Iraq and the Levant"), the rest up to 5
			if anyCovered(covered, i, i+l) {
				continue
			}
			phr := strings.TrimSuffix(strings.TrimSuffix(st.join(i, i+l), "'s"), "’s")
			lp := strings.ToLower(phr)
			last := toks[i+l-1].text
			if !isCap(last) && !unicode.IsDigit([]rune(last)[0]) && l > 1 {
				continue
			}
			if ka, ok := c.known[lp]; ok && (len(lp) > 4 || ka.dict || lp == "west" || strings.ToUpper(phr) == phr) && !(l == 1 && lp == "west" && !(i > 0 && toks[i-1].low == "the")) {
				best = mention{s: i, e: i + l, kind: mkKnown, name: ka.name, country: ka.code, role: ka.role}
				if ka.code == "IGO" || ka.code == "NGO" {
					best.country = ka.code
				}
				if l == 1 && lp == "west" {
					best.s = i - 1
				}
				break
			}
			if l > 5 {
				continue
			}
			if ci, ok := c.countries.ByName(phr); ok && capOK(phr, lp) {
				best = mention{s: i, e: i + l, kind: mkCountry, name: cleanName(phr), country: ci.Alpha3,
					place: &article.EventLocation{Name: cleanName(phr), Country: ci.Alpha2, Lat: ci.Lat, Lon: ci.Lon}}
				break
			}
			if ci, ok := c.countries.ByDemonym(phr); ok && l >= 2 && l <= 3 && capOK(phr, lp) {
				best = mention{s: i, e: i + l, kind: mkDemonym, name: phr, country: ci.Alpha3} // "Sri Lankan", "South Korean"
				break
			}
			if ci, ok := c.countries.ByCapital(phr); ok && l <= 3 {
				best = mention{s: i, e: i + l, kind: mkCapital, name: phr, country: ci.Alpha3, role: "GOV",
					place: &article.EventLocation{Name: phr, Country: ci.Alpha2}, specific: true}
				break
			}
			if l == 1 {
				w := strings.TrimSuffix(strings.TrimSuffix(t.text, "'s"), "’s")
				for _, suf := range []string{"-led", "-backed", "-based", "-owned", "-run", "-held", "-born"} {
					w = strings.TrimSuffix(w, suf)
				}
				if ci, ok := c.countries.ByDemonym(w); ok && capOK(w, strings.ToLower(w)) {
					best = mention{s: i, e: i + 1, kind: mkDemonym, name: t.text, country: ci.Alpha3}
				}
			}
		}
		if best.kind == mkDemonym && best.s > 0 && toks[best.s-1].low == "ethnic" {
			// "ethnic Albanians", "ethnic Turks": an ethnicity, not a
			// nationality; the sentence places them
			best.country = ""
		}
		if best.kind != 0 {
			out = append(out, best)
			for k := max(best.s, 0); k < best.e; k++ {
				covered[k] = true
			}
			i = best.e - 1
			continue
		}
		// person names: [title]* Name Name...
		if pm, ok := c.personAt(st, i, covered); ok {
			out = append(out, pm)
			for k := pm.s; k < pm.e; k++ {
				covered[k] = true
			}
			i = pm.e - 1
			continue
		}
		// title words and agent nouns written with a capital (President, Police)
		if r, ok := agentRoles[t.low]; ok {
			out = append(out, mention{s: i, e: i + 1, kind: mkAgent, role: r, name: t.text})
			continue
		}
		// locative proper noun: "in Manila", "over the Sinai Peninsula", "of Raqqa"
		if pl, ok := c.placeAt(st, i, covered); ok {
			out = append(out, pl)
			for k := pl.s; k < pl.e; k++ {
				covered[k] = true
			}
			i = pl.e - 1
			continue
		}
		// any other proper name: an actor we know nothing more about
		// ("Netanyahu says", "the Kurdistan Workers' Party")
		if e := c.genericEnd(st, i, covered); e > i && strings.HasPrefix(t.tag, "NNP") && !nameStop[t.low] && !(i == 0 && e == 1 && (len(toks) < 2 || !isVerbTagStr(toks[1].tag) && toks[1].tag != "MD")) && c.nounPats[t.low] == nil && c.nounPats[nounLemma(t.low)] == nil {
			m := mention{s: i, e: e, kind: mkKnown, name: st.join(i, e)}
			if e-i == 1 && e < len(toks) && isVerbTagStr(toks[e].tag) && reportingVerbs[lemma(toks[e].low, nil)] && !(i > 0 && toks[i-1].low == "the") {
				m.kind = mkPerson // "Netanyahu says"
			}
			if p, ok := st.reg.bySurname[surnameKey(toks[e-1].text)]; ok {
				m = mention{s: i, e: e, kind: mkPerson, name: p.full, country: p.country, role: p.role}
			}
			out = append(out, m)
			for k := i; k < e; k++ {
				covered[k] = true
			}
			i = e - 1
		}
	}
	return out
}

func anyCovered(c []bool, s, e int) bool {
	for i := s; i < e; i++ {
		if c[i] {
			return true
		}
	}
	return false
}

func cleanName(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"the ", "The "} {
		s = strings.TrimPrefix(s, p)
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
	return s
}

func (c *Coder) isCountryName(s string) bool {
	_, ok := c.countries.ByName(s)
	return ok
}

// capSeq returns the end of a run of capitalised words starting at i.
// articleCap: a name written with a lower-case Arabic article, "al-Tijara".
func articleCap(w string) bool {
	for _, p := range []string{"al-", "el-", "ad-", "ar-", "as-", "ash-", "az-"} {
		if rest, ok := strings.CutPrefix(w, p); ok && rest != "" && isCap(rest) {
			return true
		}
	}
	return false
}

func capSeq(st *sentState, i int, covered []bool) int {
	j := i
	for j < len(st.toks) && !covered[j] && (isCap(st.toks[j].text) || (j == i && articleCap(st.toks[j].text)) || (j > i && (strings.HasPrefix(st.toks[j].text, "al-") || strings.HasPrefix(st.toks[j].text, "el-"))) || (j > i && (st.toks[j].low == "al" || st.toks[j].low == "bin" || st.toks[j].low == "de"))) && (!weekdaysMonths[st.toks[j].low] || j > i && isCap(st.toks[j].text) && !(j+1 < len(st.toks) && st.toks[j+1].tag == "CD")) {
		if j > i && (st.toks[j].low == "al" || st.toks[j].low == "bin") && !(j+1 < len(st.toks) && isCap(st.toks[j+1].text)) {
			break
		}
		j++
	}
	return j
}

func (c *Coder) personAt(st *sentState, i int, covered []bool) (mention, bool) {
	toks := st.toks
	// titles
	j := i
	role := ""
	for j < len(toks) {
		r, ok := titles[toks[j].low]
		if !ok || !isCap(toks[j].text) {
			break
		}
		if r != "" {
			role = r
		}
		j++
		if j < len(toks) && toks[j].text == "." {
			j++
		}
	}
	hadTitle := j > i
	e := capSeq(st, j, covered)
	if e == j {
		return mention{}, false
	}
	// a name is NNP words not known as something else
	for k := j; k < e; k++ {
		if _, ok := agentRoles[toks[k].low]; ok {
			e = k
			break
		}
		if w := strings.TrimSuffix(toks[k].text, "'s"); !hadTitle {
			if _, ok := c.countries.Lookup(w); ok && capOK(w, strings.ToLower(w)) {
				e = k
				break
			}
		}
	}
	if e == j {
		return mention{}, false
	}
	full := st.join(j, e)
	if p, ok := st.reg.bySurname[surnameKey(toks[e-1].text)]; ok {
		if role == "" {
			role = p.role
		}
		return mention{s: i, e: e, kind: mkPerson, name: p.full, country: p.country, role: role}, true
	}
	if hadTitle && e-j >= 1 {
		return mention{s: i, e: e, kind: mkPerson, name: full, role: role}, true
	}
	// an untitled capitalised run tagged NNP, two words or more: a name,
	// unless a preposition of place comes before or a place noun ends it
	pw := prepBefore(st, i)
	if locPreps[pw] || pw == "from" || pw == "to" || geoNouns[toks[e-1].low] {
		return mention{}, false
	}
	if e-j >= 2 && !(i == 0 && e-j == 1) && strings.HasPrefix(toks[j].tag, "NNP") {
		return mention{s: i, e: e, kind: mkPerson, name: full}, true
	}
	return mention{}, false
}

func (c *Coder) placeAt(st *sentState, i int, covered []bool) (mention, bool) {
	toks := st.toks
	k := i - 1
	for k >= 0 && (toks[k].low == "the" || directions[toks[k].low]) {
		k--
	}
	if k < 0 {
		return mention{}, false
	}
	pw := toks[k].low
	ofPlace := pw == "of" && k > 0 && (toks[k-1].low == "city" || toks[k-1].low == "town" || toks[k-1].low == "village" || toks[k-1].low == "stronghold" || toks[k-1].low == "province" || toks[k-1].low == "region" || toks[k-1].low == "capital" || toks[k-1].low == "area" || toks[k-1].low == "outskirts" || toks[k-1].low == "centre" || toks[k-1].low == "center" || toks[k-1].low == "district" || toks[k-1].low == "suburbs" || toks[k-1].low == "port")
	e := capSeq(st, i, covered)
	if e == i {
		return mention{}, false
	}
	// "on Khanasir town", "of the Aziziyah district": a designator after the
	// name makes it a place whatever the preposition
	designated := e < len(toks) && placeDesignators[toks[e].low] && (pw == "on" || pw == "of" || pw == "against" || pw == "toward" || pw == "towards")
	if !locPreps[pw] && !ofPlace && pw != "from" && pw != "to" && !designated {
		return mention{}, false
	}
	name := st.join(i, e)
	if _, ok := c.known[strings.ToLower(name)]; ok {
		return mention{}, false
	}
	if strings.HasSuffix(strings.ToLower(name), " summit") || strings.HasSuffix(name, "Summit") {
		return mention{}, false
	}
	loc := &article.EventLocation{Name: name}
	return mention{s: i, e: e, kind: mkPlace, name: name, place: loc, specific: true}, true
}

// learnPeople fills the registry from every "Title Name" and
// "Country Title Name" in text (body and captions: captions name people
// too, though no event is coded from them).
func (c *Coder) learnPeople(reg *registry, text string) {
	st := &sentState{reg: reg}
	st.setTokens(text, 0)
	toks := st.toks
	for i := 0; i < len(toks); i++ {
		if _, ok := titles[toks[i].low]; !ok || !isCap(toks[i].text) {
			continue
		}
		j := i
		role := ""
		for j < len(toks) {
			r, ok := titles[toks[j].low]
			if !ok || !isCap(toks[j].text) {
				break
			}
			if r != "" {
				role = r
			}
			j++
		}
		e := capSeq(st, j, make([]bool, len(toks)))
		if e-j < 2 {
			continue
		}
		// country just before the title: "U.S. President", "Russian Prime Minister"
		cc := ""
		if i > 0 {
			w := strings.TrimSuffix(toks[i-1].text, "'s")
			if ci, ok := c.countries.Lookup(w); ok && isCap(w) && capOK(w, strings.ToLower(w)) {
				cc = ci.Alpha3
			}
		}
		key := surnameKey(toks[e-1].text)
		full := st.join(j, e)
		p := reg.bySurname[key]
		if p == nil {
			p = &person{full: full}
			reg.bySurname[key] = p
		}
		if len(full) > len(p.full) {
			p.full = full
		}
		if p.country == "" {
			p.country = cc
		}
		if p.role == "" {
			p.role = role
		}
		i = e - 1
	}
}
