package events

import (
	"sort"
	"strings"

	"sitrep/internal/article"
)

// pattern is one compiled trigger.
type pattern struct {
	typ, mode, cameo string
	nominal          bool
	slots            [][]string // slot alternatives; slot 0 is the verb lemma or first noun word
	anywhere         []bool
}

func (c *Coder) compile() {
	c.verbPats = map[string][]*pattern{}
	c.nounPats = map[string][]*pattern{}
	c.lemmas = map[string]bool{}
	c.multiNoun = map[string]bool{}
	for _, ln := range strings.Split(triggerLexicon, "\n") {
		ln = strings.TrimSpace(ln)
		if ln == "" {
			continue
		}
		head, body, ok := strings.Cut(ln, ":")
		if !ok {
			continue
		}
		hf := strings.Fields(head)
		if len(hf) < 3 {
			continue
		}
		mode := hf[1]
		if mode == "-" {
			mode = ""
		}
		for _, ps := range strings.Split(body, ";") {
			ps = strings.TrimSpace(ps)
			if ps == "" {
				continue
			}
			p := &pattern{typ: hf[0], mode: mode, cameo: hf[2]}
			if strings.HasPrefix(ps, "n:") {
				p.nominal = true
				ps = ps[2:]
			}
			for _, w := range strings.Fields(ps) {
				any := strings.HasPrefix(w, "~")
				w = strings.TrimPrefix(w, "~")
				p.slots = append(p.slots, strings.Split(w, "|"))
				p.anywhere = append(p.anywhere, any)
			}
			if p.nominal {
				k := p.slots[0][0]
				if len(p.slots) == 1 {
					k = nounLemma(k)
				} else {
					c.multiNoun[k] = true
				}
				c.nounPats[k] = append(c.nounPats[k], p)
			} else {
				c.verbPats[p.slots[0][0]] = append(c.verbPats[p.slots[0][0]], p)
				c.lemmas[p.slots[0][0]] = true
			}
		}
	}
	for _, m := range []map[string]bool{lightVerbs, reportingVerbs, intentVerbs, transparentVerbs, haltVerbs, engageVerbs, underVerbs, intentGovernors, withdrawVerbs, issuingVerbs, describeVerbs, {"need": true}} {
		for k := range m {
			c.lemmas[k] = true
		}
	}
}

// unit is a noun phrase (or a mention outside one) with what it says about
// an actor and a place.
type unit struct {
	s, e       int
	actor      article.Actor
	isActor    bool
	person     bool
	plural     bool
	pronoun    string
	possessive bool
	places     []mention
	theme      string
	known      bool // a named entity, known actor, person, country
	rank       int  // how good the name is: entity 4, person/known 3, country 2
	ms         int  // first mention token
	kinds      int  // bit set of mention kinds
	// weakCountry is a person entity's country from the entities stage
	// (which may be only the nearest country named in the sentence), used
	// when neither the phrase nor the gazetteer says more
	weakCountry string
}

const headRule = false

const subjFallback = true

// onlyCountry is the one country the sentence's actors and places name
// (IGO/NGO aside), "" when there are none or several.
func (c *Coder) onlyCountry(st *sentState) string {
	only := ""
	for _, v := range st.units {
		cc := v.actor.Country
		if cc == "" {
			cc = c.placeCountry(v)
		}
		if cc == "" || cc == "IGO" || cc == "NGO" {
			continue
		}
		if only != "" && only != cc {
			return ""
		}
		only = cc
	}
	return only
}

// placeCountry is the alpha-3 country of the first place in u that has
// one, "" if none.
func (c *Coder) placeCountry(u *unit) string {
	for _, pm := range u.places {
		if pm.place != nil && pm.place.Country != "" {
			if ci, ok := c.countries.ByAlpha2(pm.place.Country); ok {
				return ci.Alpha3
			}
		}
	}
	return ""
}

const tgtFallback = true

// targetThings are heads of phrases that are attacked or acted on for a
// country: "a Russian airliner", "the Israeli embassy".
var targetThings = map[string]bool{"embassy": true, "consulate": true, "ship": true, "ships": true, "vessel": true, "tanker": true, "convoy": true, "helicopter": true, "base": true, "bases": true, "positions": true, "territory": true, "town": true, "towns": true, "village": true, "villages": true, "border": true, "interests": true, "targets": true, "goods": true, "exports": true, "imports": true, "forces": true, "people": true, "nationals": true, "citizens": true}

var aircraftWords = map[string]bool{"airliner": true, "plane": true, "aircraft": true, "jet": true, "airbus": true, "a321": true, "flight": true, "jetliner": true, "boeing": true, "airliners": true, "planes": true}

// buildUnits groups mentions into noun-phrase units.
func (c *Coder) buildUnits(st *sentState, ms []mention) {
	n := len(st.toks)
	st.unitAt = make([]int, n)
	for i := range st.unitAt {
		st.unitAt[i] = -1
	}
	// NP spans from the chunker; a mention outside any NP is its own span
	npOf := make([]int, n)
	spans := [][2]int{}
	for i := 0; i < n; i++ {
		npOf[i] = -1
	}
	for i := 0; i < n; {
		ch := st.toks[i].chunk
		if ch == "B-NP" || (ch == "I-NP") {
			j := i + 1
			for j < n && st.toks[j].chunk == "I-NP" {
				j++
			}
			for k := i; k < j; k++ {
				npOf[k] = len(spans)
			}
			spans = append(spans, [2]int{i, j})
			i = j
			continue
		}
		i++
	}
	byspan := map[int]*unit{}
	order := []*unit{}
	for _, m := range ms {
		si := -1
		if m.s >= 0 && m.s < n {
			si = npOf[m.s]
		}
		var u *unit
		if si >= 0 {
			// a mention that runs past its NP widens it
			if m.e > spans[si][1] {
				spans[si][1] = m.e
			}
			u = byspan[si]
			if u == nil {
				u = &unit{s: min(spans[si][0], m.s), e: spans[si][1]}
				byspan[si] = u
				order = append(order, u)
			}
		} else {
			u = &unit{s: max(m.s, 0), e: m.e}
			order = append(order, u)
		}
		c.addToUnit(st, u, m)
	}
	for _, u := range order {
		c.finishUnit(st, u)
	}
	// "X of/in/from Y": an agent phrase takes Y's country
	for k := 0; k+1 < len(order); k++ {
		u, v := order[k], order[k+1]
		link := u.e < n && v.s == u.e+1 && (st.toks[u.e].low == "of" || (st.toks[u.e].low == "in" && v.kinds&(1<<mkCountry) != 0) || st.toks[u.e].low == "from" || st.toks[u.e].low == "for" && u.actor.Role == "GOV")
		// "forces loyal to the Syrian government", "militias backed by Iran"
		if !link && u.e+1 < n && v.s == u.e+2 {
			switch st.toks[u.e].low + " " + st.toks[u.e+1].low {
			case "loyal to", "close to", "backed by", "allied with", "allied to", "linked to", "supported by", "armed by":
				link = true
			}
		}
		if link && u.isActor && u.actor.Country == "" && (!u.known || u.person) && v.actor.Country != "" && v.isActor {
			u.actor.Country = v.actor.Country
			if !v.known || v.person {
				u.actor.Name = strings.TrimSpace(u.actor.Name + " " + st.join(u.e, v.e))
			}
		}
	}
	st.units = order
	for idx, u := range order {
		for i := u.s; i < u.e && i < n; i++ {
			if i >= 0 {
				st.unitAt[i] = idx
			}
		}
	}
}

func (c *Coder) addToUnit(st *sentState, u *unit, m mention) {
	if m.s < u.s {
		u.s = max(m.s, 0)
	}
	if m.e > u.e {
		u.e = m.e
	}
	if u.kinds == 0 || m.s < u.ms {
		u.ms = max(m.s, 0)
	}
	u.kinds |= 1 << m.kind
	switch m.kind {
	case mkEntity, mkPerson, mkKnown:
		rank := 3
		if m.kind == mkEntity {
			rank = 4
			if m.etype == article.Location {
				// a country or city inside a longer actor phrase ("U.S.
				// President Barack Obama") modifies it, as a country does
				rank = 2
			}
		}
		if !u.known || u.rank < rank {
			u.actor.Name = m.name
			u.rank = rank
			u.known = true
			if m.kind == mkPerson || (m.kind == mkEntity && m.etype == article.Person) {
				u.person = true
			}
		}
		if m.kind == mkPerson {
			u.person = true
		}
		if m.kind == mkEntity && m.etype == article.Person && c.gaz != nil {
			if u.weakCountry == "" {
				u.weakCountry = m.country
			}
		} else if u.actor.Country == "" {
			u.actor.Country = m.country
		}
		if u.actor.Role == "" {
			u.actor.Role = m.role
		}
		u.isActor = true
	case mkCountry, mkCapital:
		if u.actor.Country == "" {
			u.actor.Country = m.country
		}
		if !u.known {
			u.actor.Name = m.name
			u.known = true
			u.rank = 2
			if m.kind == mkCapital && u.actor.Role == "" {
				u.actor.Role = "GOV"
			}
		}
		u.isActor = true
		if m.place != nil {
			u.places = append(u.places, m)
		}
	case mkDemonym:
		if u.actor.Country == "" {
			u.actor.Country = m.country
		}
		u.isActor = true
	case mkAgent:
		if u.actor.Role == "" || (!u.person && m.role != "") {
			if m.role != "" {
				u.actor.Role = m.role
			}
		}
		if aircraftWords[strings.ToLower(m.name)] {
			u.theme = "aircraft"
		}
		u.isActor = true
		if strings.HasSuffix(strings.ToLower(m.name), "s") {
			u.plural = true
		}
	case mkPlace:
		u.places = append(u.places, m)
		// a place that is a country (per a.Places) is also an actor
		if !m.specific {
			if ci, ok := c.countries.ByAlpha2(m.place.Country); ok && u.actor.Country == "" {
				u.actor.Country = ci.Alpha3
				if !u.known {
					u.actor.Name = m.name
					u.known = true
				}
				u.isActor = true
			}
		}
	case mkPronoun:
		u.pronoun = m.role
		u.isActor = true
	}
}

func (c *Coder) finishUnit(st *sentState, u *unit) {
	// an agent noun or a demonym makes an actor only as the phrase's head
	// ("Egyptian police", "Russian airliner"), not as a modifier ("military
	// aid", "a Senegalese peace plan")
	if headRule && u.isActor && !u.known && u.pronoun == "" && u.kinds&(1<<mkCountry|1<<mkCapital|1<<mkEntity|1<<mkKnown|1<<mkPerson) == 0 {
		h := u.e - 1
		for h > u.s && (st.toks[h].tag == "POS" || st.toks[h].low == "'s") {
			h--
		}
		hw := st.toks[h].low
		if _, ok := agentRoles[hw]; !ok && !aircraftWords[hw] && !targetThings[hw] {
			u.isActor = false
		}
	}
	for i := u.s; i < u.e; i++ {
		if aircraftWords[st.toks[i].low] {
			u.theme = "aircraft"
		}
		if strings.HasSuffix(st.toks[i].low, "'s") || strings.HasSuffix(st.toks[i].low, "’s") || (i+1 < len(st.toks) && (st.toks[i+1].low == "'s" || st.toks[i+1].low == "’s")) {
			u.possessive = true
		}
	}
	if !u.known && u.pronoun == "" {
		s := u.s
		for s < u.e && (st.toks[s].tag == "DT" || st.toks[s].low == "the" || st.toks[s].low == "a" || st.toks[s].low == "an") {
			s++
		}
		u.actor.Name = st.join(s, u.e)
	}
	if u.pronoun != "" && u.e-u.s > 1 && !u.known {
		// "their airliners", "our plane": the pronoun is a modifier
		s := u.s + 1
		u.actor.Name = st.join(s, u.e)
	}
	if u.theme == "" && u.actor.Name != "" {
		u.theme = strings.ToLower(u.actor.Name)
	}
	if u.isActor && u.known && u.pronoun == "" && u.actor.Country == "" && isCap(u.actor.Name) {
		// world knowledge: who acts for which country
		s := u.s
		for s < u.e && st.toks[s].tag == "DT" {
			s++
		}
		if cc, r, ok := c.gaz.Full(u.actor.Name); ok {
			u.actor.Country = cc
			if u.actor.Role == "" {
				u.actor.Role = r
			}
		} else if cc, r, ok := c.gaz.Full(st.join(s, u.e)); ok && s < u.e {
			// the phrase with its title: "President Bush"
			u.actor.Country = cc
			if u.actor.Role == "" {
				u.actor.Role = r
			}
		} else if cc, r, ok := c.gaz.Surname(u.actor.Name); ok && u.person {
			u.actor.Country = cc
			if u.actor.Role == "" {
				u.actor.Role = r
			}
		} else if cc, r, ok := c.leaders.Full(u.actor.Name); ok {
			// our own list of office holders (leaders.go)
			u.actor.Country = cc
			if u.actor.Role == "" {
				u.actor.Role = r
			}
		} else if cc, r, ok := c.leaders.Full(st.join(s, u.e)); ok && s < u.e {
			u.actor.Country = cc
			if u.actor.Role == "" {
				u.actor.Role = r
			}
		} else if cc, r, ok := c.leaders.Surname(u.actor.Name); ok && (u.person || u.e-u.s == 1 && st.toks[u.s].tag == "NNP" || attributiveSurname(st, u)) {
			// a person, or a bare proper name that is a listed surname ("Obama criticized")
			u.actor.Country = cc
			if u.actor.Role == "" {
				u.actor.Role = r
			}
		}
	}
	if u.actor.Country == "" {
		u.actor.Country = u.weakCountry
	}
}

// attributiveSurname: the unit is "the <Name> administration /
// government / regime": one proper name before an agent noun.
func attributiveSurname(st *sentState, u *unit) bool {
	nnp := -1
	for k := u.s; k < u.e; k++ {
		switch t := st.toks[k]; {
		case t.tag == "DT":
		case t.tag == "NNP" && nnp < 0 && strings.EqualFold(t.text, u.actor.Name):
			nnp = k
		case nnp >= 0 && k == u.e-1 && agentRoles[t.low] == "GOV":
		default:
			return false
		}
	}
	return nnp >= 0 && nnp < u.e-1
}

// resolve fills a pronoun unit's actor from the discourse.
func (c *Coder) resolve(st *sentState, u *unit, d *discourse, before int) article.Actor {
	if u == nil {
		return article.Actor{}
	}
	if u.pronoun == "" {
		return u.actor
	}
	var ref *article.Actor
	// nearest actor of the right kind earlier in this sentence, the
	// reporting verb's subject first ("Hungary has said it will support")
	inSentence := func(person bool) *article.Actor {
		if st.speaker != nil && st.speaker.pronoun == "" && st.speaker.s < before && st.speaker.person == person {
			a := st.speaker.actor
			return &a
		}
		var r *article.Actor
		for _, v := range st.units {
			if v.e <= u.s && v.isActor && v.pronoun == "" && v.person == person && (v.known || v.actor.Country != "") {
				a := v.actor
				r = &a
			}
		}
		return r
	}
	switch u.pronoun {
	case "PS", "PSP":
		ref = inSentence(true)
		if ref == nil && st.speaker != nil && st.speaker.pronoun == "" && st.speaker.s < before {
			a := st.speaker.actor
			ref = &a
		}
		if ref == nil {
			ref = d.lastPerson
		}
	case "N", "NP":
		ref = inSentence(false)
		if ref == nil {
			ref = d.lastThing
		}
	case "PL", "PLP":
		ref = inSentence(false)
		if ref == nil && st.speaker != nil && st.speaker.pronoun == "" && st.speaker.s < before {
			a := st.speaker.actor
			ref = &a
		}
		if ref == nil {
			ref = d.lastPlural
		}
		if ref == nil {
			ref = d.lastThing
		}
	case "SELF", "SELFP":
		if st.speaker != nil && st.speaker.pronoun == "" {
			a := st.speaker.actor
			ref = &a
		}
	}
	out := article.Actor{}
	if ref != nil {
		out = *ref
	}
	if u.e-u.s > 1 && strings.HasSuffix(u.pronoun, "P") || (u.pronoun == "SELFP" && u.e-u.s > 1) {
		// "their airliners": the thing, with the possessor's country
		cc := out.Country
		if u.actor.Country != "" {
			cc = u.actor.Country
		}
		out = article.Actor{Name: u.actor.Name, Country: cc, Role: u.actor.Role}
	}
	return out
}

// trigger is a matched lexicon pattern in a sentence.
type trigger struct {
	i, end int // head token, last matched token
	p      *pattern
}

func isVerbTag(t string) bool { return strings.HasPrefix(t, "VB") }
func isNounTag(t string) bool { return strings.HasPrefix(t, "NN") }

// inReport reports whether token ti is inside what a reporting verb of the
// sentence reports: after it ("X said Y struck Z", "He added: ..."), in a
// quotation that ends before it ('"Y struck Z," X said'), or before a
// closing ", he said". A participle
// opening the sentence ("Speaking after Putin vowed ..., Obama said") does
// not report what follows it; the main reporting verb does.
func inReport(st *sentState, reports []int, ti int) bool {
	isQuote := func(s string) bool { return s == "\"" || s == "“" || s == "”" || s == "''" || s == "``" }
	for _, r := range reports {
		if st.toks[r].tag == "VBG" && r <= 1 {
			continue
		}
		if ti > r {
			return true
		}
		if ti < r {
			open, closed := false, false
			for k := 0; k < ti; k++ {
				if isQuote(st.toks[k].text) {
					open = !open
				}
			}
			for k := ti + 1; k < r && open; k++ {
				if isQuote(st.toks[k].text) {
					closed = true
					break
				}
			}
			if open && closed {
				return true
			}
			// "More talks would be held with Moscow, he said." (the
			// reporting clause closes the sentence)
			for k := r - 1; k > ti && k >= r-4 && r >= len(st.toks)-4; k-- {
				if st.toks[k].text == "," {
					return true
				}
			}
		}
	}
	return false
}

// findTriggers matches the lexicon against the sentence.
func (c *Coder) findTriggers(st *sentState) []trigger {
	toks := st.toks
	var out []trigger
	used := make([]bool, len(toks))
	for i := range toks {
		t := &toks[i]
		if t.tag == "VBG" && i > 0 && c.multiNoun[toks[i-1].low] && c.nominalAt(toks, i-1) {
			continue // "suicide bombing" with "bombing" read as a gerund: the compound codes it
		}
		if isVerbTag(t.tag) || t.tag == "" || (t.tag == "JJ" && (t.low == "willing" || t.low == "ready" || t.low == "prepared")) {
			pats := c.verbPats[t.lem]
			var best *pattern
			bestEnd := -1
			for _, p := range pats {
				if e, ok := matchSlots(toks, i, p); ok && (best == nil || len(p.slots) > len(best.slots) || len(p.slots) == len(best.slots) && len(p.slots) > 1 && e < bestEnd) {
					best, bestEnd = p, e // (equally specific: the nearer object word, "violating the ceasefire agreement")
				}
			}
			if t.tag == "VBN" && i > 1 && (toks[i-1].lem == "be" || toks[i-2].lem == "be") && (best == nil || len(best.slots) == 1) {
				// passive: the object word stands before the verb ("UN
				// sanctions against Iran were lifted")
				for _, p := range pats {
					if len(p.slots) == 2 && p.anywhere[1] && !p.nominal {
						for k := max(i-6, 0); k < i; k++ {
							if inAlts(toks[k].low, p.slots[1]) || inAlts(nounLemma(toks[k].low), p.slots[1]) {
								best, bestEnd = p, i
								break
							}
						}
					}
				}
			}
			if best != nil && t.low == "march" && isCap(t.text) && i > 0 {
				best = nil // the month
			}
			if best != nil && i > 0 && toks[i-1].low == "as" && t.low == "opposed" {
				best = nil
			}
			if best != nil && t.lem == "call" && best.typ == "CONSULT" && len(best.slots) == 1 && callNames(toks, i) {
				best = nil // "a program called X", "called the ambassador a stupid guy"
			}
			// "the wounded", "the injured": a verb form after a determiner names people
			if best != nil && i > 0 && toks[i-1].tag == "DT" && (t.tag == "VBN" || t.tag == "VBD") {
				best = nil
			}
			// attributive participle: "apparently coordinated attacks", "the disputed town"
			if best != nil && bestEnd == i && (t.tag == "VBN" || t.tag == "VBG" || t.tag == "VBD") && i+1 < len(toks) && (toks[i+1].tag == "NN" || toks[i+1].tag == "NNS") && i > 0 && (toks[i-1].tag == "DT" || toks[i-1].tag == "RB" && t.tag != "VBD" || toks[i-1].low == "apparently" || toks[i-1].tag == "JJ" || toks[i-1].tag == "PRP$" || toks[i-1].tag == "CD") && !auxWords[toks[i-1].lem] && !(st.unitAt[i-1] >= 0 && st.units[st.unitAt[i-1]].isActor) {
				best = nil
			}
			if best != nil {
				// a NONE pattern (a CAMEO 01 public statement: "declined to
				// comment", "denied the charges") claims its words and codes nothing
				if best.typ != "NONE" {
					out = append(out, trigger{i, bestEnd, best})
				}
				// mark the matched words (not the gaps between them) as used
				used[i] = true
				for _, k := range slotIndexes(toks, i, best) {
					used[k] = true
				}
			}
		}
	}
	// "vowed to hunt down": the embedded verb codes it, not the intent verb
	keep := out[:0]
	for _, tr := range out {
		drop := false
		// "was willing / ready / prepared to attack": the embedded act codes it
		if toks[tr.i].lem == "be" && tr.end == tr.i+1 && tr.end+2 < len(toks) && toks[tr.end+1].low == "to" {
			for _, o := range out {
				if o.i == tr.end+2 || (o.i == tr.end+3 && toks[tr.end+2].tag == "RB") {
					drop = true
				}
			}
		}
		if intentVerbs[toks[tr.i].lem] && tr.end == tr.i && tr.i+2 < len(toks) && toks[tr.i+1].low == "to" {
			for _, o := range out {
				if o.i == tr.i+2 || (o.i == tr.i+3 && toks[tr.i+2].tag == "RB") {
					drop = true
				}
			}
		}
		// "expressed its willingness to withdraw", "a pledge to provide aid"
		if intentNouns[toks[tr.end].low] != "" && tr.end+2 < len(toks) && toks[tr.end+1].low == "to" && (tr.p.nominal || intentGovernors[toks[tr.i].lem]) {
			for _, o := range out {
				if !o.p.nominal && (o.i == tr.end+2 || (o.i == tr.end+3 && toks[tr.end+2].tag == "RB")) {
					drop = true
				}
			}
		}
		if !drop {
			keep = append(keep, tr)
		}
	}
	out = keep
	for i := range toks {
		t := &toks[i]
		if used[i] || !(isNounTag(t.tag) || t.tag == "" || t.tag == "JJ" || t.tag == "VBG" || c.multiNoun[t.low]) {
			continue // (the first word of a compound, "suicide bombing", may be mistagged)
		}
		var best *pattern
		bestEnd := -1
		bestExact := false
		for _, key := range []string{t.low, nounLemma(t.low)} {
			for _, p := range c.nounPats[key] {
				if e, ok := matchNoun(toks, i, p); ok {
					exact := inAlts(toks[e].low, p.slots[len(p.slots)-1])
					if best == nil || len(p.slots) > len(best.slots) || len(p.slots) == len(best.slots) && exact && !bestExact {
						best, bestEnd, bestExact = p, e, exact
					}
				}
			}
		}
		if best == nil {
			continue
		}
		if inName(st, i) {
			continue
		}
		if t.low == "march" && isCap(t.text) || t.low == "may" {
			continue // the month
		}
		if !isNounTag(toks[bestEnd].tag) && toks[bestEnd].tag != "" && toks[bestEnd].tag != "VBG" {
			continue
		}
		conflict := false
		for k := i; k <= bestEnd; k++ {
			if used[k] {
				conflict = true
			}
		}
		if conflict {
			continue
		}
		if best.typ != "NONE" {
			out = append(out, trigger{bestEnd, bestEnd, best})
		}
		for k := i; k <= bestEnd; k++ {
			used[k] = true
		}
	}
	return out
}

// nominalAt: a multi-word nominal pattern matches from token i.
func (c *Coder) nominalAt(toks []tok, i int) bool {
	for _, p := range c.nounPats[toks[i].low] {
		if len(p.slots) > 1 {
			if _, ok := matchNoun(toks, i, p); ok {
				return true
			}
		}
	}
	return false
}

// callNames: "call" at i names rather than phones: a participle after a
// noun ("a programme called X") or an object followed by a second noun
// phrase or an adjective ("called the ambassador a stupid guy", "calling
// it a cowardly act").
func callNames(toks []tok, i int) bool {
	if toks[i].tag == "VBN" && i > 0 && (isNounTag(toks[i-1].tag) || toks[i-1].low == "so") {
		return true
	}
	j := i + 1
	if j < len(toks) && (toks[j].tag == "PRP" || toks[j].chunk == "B-NP") {
		j++
		for j < len(toks) && toks[j].chunk == "I-NP" {
			j++
		}
	} else {
		return false
	}
	if j >= len(toks) {
		return false
	}
	w := toks[j]
	return w.tag == "JJ" || w.low == "a" || w.low == "an" || w.tag == "JJS" || (w.tag == "RB" && j+1 < len(toks) && toks[j+1].tag == "JJ")
}

// inName: token i is part of a name (an entity, a known actor, a person),
// so "Cooperation" in "Asia-Pacific Economic Cooperation" is no trigger.
func inName(st *sentState, i int) bool {
	ui := st.unitAt[i]
	if ui < 0 {
		return false
	}
	u := st.units[ui]
	return u.kinds&(1<<mkEntity|1<<mkKnown|1<<mkPerson) != 0 && i >= u.ms && i < u.e && u.actor.Name != "" && strings.Contains(strings.ToLower(u.actor.Name), st.toks[i].low)
}

// slotIndexes returns the token indexes the slots after the first matched.
func slotIndexes(toks []tok, i int, p *pattern) []int {
	var out []int
	last := i
	for s := 1; s < len(p.slots); s++ {
		limit := 2
		if p.anywhere[s] {
			limit = 7
		} else if s == 1 && (inAlts("on", p.slots[s]) || inAlts("for", p.slots[s])) {
			limit = 1
			if last+2 < len(toks) && isTimeWord(toks[last+1].low) {
				limit = 2
			}
		}
		for k := last + 1; k < len(toks) && k <= last+limit; k++ {
			if inAlts(toks[k].low, p.slots[s]) || inAlts(nounLemma(toks[k].low), p.slots[s]) {
				out = append(out, k)
				last = k
				break
			}
		}
	}
	return out
}

func matchSlots(toks []tok, i int, p *pattern) (int, bool) {
	last := i
	for s := 1; s < len(p.slots); s++ {
		found := -1
		limit := 2
		if p.anywhere[s] {
			limit = 7
		} else if s == 1 && (inAlts("on", p.slots[s]) || inAlts("for", p.slots[s])) {
			limit = 1 // a preposition, not a particle: "called Putin on Tuesday" is no "call on"
			if last+2 < len(toks) && isTimeWord(toks[last+1].low) {
				limit = 2 // "called Thursday on Arabs"
			}
		}
		for k := last + 1; k < len(toks) && k <= last+limit; k++ {
			if inAlts(toks[k].low, p.slots[s]) || inAlts(nounLemma(toks[k].low), p.slots[s]) {
				found = k
				break
			}
			if toks[k].low == "," || toks[k].low == "." || toks[k].low == ";" {
				break
			}
			if p.anywhere[s] && slotStoppers[toks[k].low] {
				break // the object words belong to the verb's own clause
			}
		}
		if found < 0 {
			return 0, false
		}
		last = found
	}
	return last, true
}

// slotStoppers open a new clause: a far object word past them is not the
// verb's ("warned that it would retaliate against any attack").
var slotStoppers = map[string]bool{"that": true, "which": true, "who": true, "because": true, "if": true,
	"unless": true, "after": true, "before": true, "when": true, "while": true, "since": true, "although": true}

func matchNoun(toks []tok, i int, p *pattern) (int, bool) {
	for s := range p.slots {
		k := i + s
		if k >= len(toks) {
			return 0, false
		}
		w := toks[k].low
		if s == len(p.slots)-1 {
			if !inAlts(w, p.slots[s]) && !inAlts(nounLemma(w), p.slots[s]) {
				return 0, false
			}
		} else if !inAlts(w, p.slots[s]) {
			return 0, false
		}
	}
	return i + len(p.slots) - 1, true
}

func inAlts(w string, alts []string) bool {
	for _, a := range alts {
		if w == a {
			return true
		}
	}
	return false
}

var auxWords = map[string]bool{
	"be": true, "have": true, "do": true, "get": true, "to": true, "also": true, "already": true, "reportedly": true,
	"then": true, "later": true, "just": true, "still": true, "again": true, "allegedly": true, "repeatedly": true,
	"recently": true, "now": true, "jointly": true, "apparently": true, "finally": true, "formally": true, "publicly": true,
	"immediately": true, "yesterday": true, "today": true, "once": true, "even": true, "further": true,
	"outright": true, "flatly": true, "firmly": true, "strongly": true, "sharply": true, "bluntly": true, "swiftly": true, "quickly": true, "unanimously": true, "officially": true, "effectively": true, "partially": true, "partly": true, "temporarily": true, "indefinitely": true, "secretly": true, "openly": true, "personally": true, "reluctantly": true, "eventually": true,
}

// clauseBoundary tokens stop the search for a subject or object.
func clauseBoundary(t tok) bool {
	switch t.low {
	case ";", ":", "that", "which", "who", "whom", "while", "whereas", "because", "although", "though", "but", "when", "if", "unless", "after", "before", "as", "since", "(", ")", "\"", "“", "”":
		return true
	}
	return false
}

// verbGroup walks left from verb v over auxiliaries, modals, negation and
// intention verbs ("vowed to", "is willing to"). It returns the first token
// of the group, the modality found and the intention verb's lemma.
type modality struct {
	modal   string // hyp, future, oblig, neg
	neg     bool
	intent  string
	passive bool
	start   int
}

// reportedBefore: a reporting verb stands before token k in the sentence.
func reportedBefore(st *sentState, k int) bool {
	for j := 0; j < k; j++ {
		if isVerbTag(st.toks[j].tag) && reportingVerbs[st.toks[j].lem] {
			return true
		}
	}
	return false
}

// haltVerbs end the act named by the gerund after them.
var haltVerbs = map[string]bool{"stop": true, "halt": true, "cease": true, "suspend": true, "quit": true, "discontinue": true, "end": true}

// announcedBefore: the nearest reporting verb before k announces a
// decision ("announced Wednesday it would", "decided that it would").
func announcedBefore(st *sentState, k int) bool {
	for j := k - 1; j >= 0; j-- {
		if isVerbTag(st.toks[j].tag) && (reportingVerbs[st.toks[j].lem] || st.toks[j].lem == "decide") {
			return st.toks[j].lem == "announce" || st.toks[j].lem == "decide" || st.toks[j].lem == "declare"
		}
	}
	return false
}

func (c *Coder) verbGroup(st *sentState, v int) modality {
	toks := st.toks
	m := modality{start: v}
	k := v - 1
	for k >= 0 {
		t := toks[k]
		switch {
		case (transparentVerbs[t.lem] || haltVerbs[t.lem]) && k+1 == v && toks[v].tag == "VBG" && isVerbTag(t.tag):
			// "resumed shelling", "continued fighting": the gerund is the event
		case t.low == "to" && k > 0 && toks[k-1].lem == "be" && k+1 == v && toks[k-1].tag != "VBN":
			if m.modal == "" {
				m.modal = "future" // "is to visit China next week"
			}
		case negators[t.low]:
			m.neg = true
		case modals[t.low] != "" && (t.tag == "MD" || t.tag == "" || t.text == t.low):
			if m.modal == "" {
				m.modal = modals[t.low]
				if t.low == "would" && reportedBefore(st, k) {
					m.modal = "future" // "said they would boycott": future in the past
				}
			}
			if t.low == "cannot" {
				m.neg = true
			}
		case t.lem == "be" || t.lem == "get":
			if toks[v].tag == "VBN" && !(v+1 < len(toks) && toks[v+1].low == "in" && (toks[v].low == "engaged" || toks[v].low == "involved")) {
				m.passive = true // (not "were engaged in ethnic cleansing")
			}
		case auxWords[t.lem] || auxWords[t.low] || t.tag == "RB":
		case t.low == "to" || t.low == "and":
		case (t.low == "due" || t.low == "set" || t.low == "scheduled" || t.low == "slated" || t.low == "poised") && k+1 < len(toks) && toks[k+1].low == "to" && k > 0 && toks[k-1].lem == "be":
			if m.modal == "" {
				m.modal = "future" // "is due to visit", "are scheduled to meet"
			}
		case (isVerbTag(t.tag) || t.tag == "JJ") && k+1 < len(toks) && toks[k+1].low == "to" && (t.low == "unwilling" || t.low == "reluctant"):
			if m.intent == "" {
				m.intent = "refuse" // "is unwilling to release the prisoners"
			}
		case (isVerbTag(t.tag) || t.tag == "JJ") && k+1 < len(toks) && toks[k+1].low == "to" && (intentVerbs[t.lem] || t.low == "willing" || t.low == "ready" || t.low == "prepared" || t.low == "determined" || t.low == "able" || t.lem == "have" || t.lem == "need" || transparentVerbs[t.lem]):
			if m.intent == "" && !transparentVerbs[t.lem] {
				m.intent = t.lem
				if t.lem == "have" || t.lem == "need" {
					m.intent = "oblig"
				}
				if t.lem == "prepare" && k > 0 && toks[k-1].lem == "be" {
					m.intent = "ready" // "was prepared to use force": willingness, not a posture
				}
			}
		case intentNouns[t.low] != "" && k+1 < len(toks) && toks[k+1].low == "to" && k+1 < v:
			// "expressed its willingness to withdraw", "announced plans to
			// impose sanctions": a noun of intent under a verb that states it
			j := k - 1
			for j >= 0 && (toks[j].tag == "DT" || toks[j].tag == "PRP$" || toks[j].tag == "JJ" || toks[j].tag == "RB" || toks[j].tag == "POS") {
				if toks[j].low == "no" {
					m.neg = true // "had no plans to release"
				}
				j--
			}
			if j < 0 || !isVerbTag(toks[j].tag) || !intentGovernors[toks[j].lem] {
				// "Iran's refusal to allow inspectors": a possessor's
				// intention still qualifies the act
				if k > 0 && (toks[k-1].tag == "POS" || toks[k-1].tag == "PRP$" || strings.HasSuffix(toks[k-1].low, "'s") || strings.HasSuffix(toks[k-1].low, "’s") || strings.HasSuffix(toks[k-1].low, "s'")) && m.intent == "" {
					m.intent = intentNouns[t.low]
				}
				m.start = k + 1
				return m
			}
			if m.intent == "" {
				m.intent = intentNouns[t.low]
			}
			k = j
		default:
			m.start = k + 1
			return m
		}
		if t.low == "and" {
			m.start = k + 1
			if toks[v].tag == "VB" && m.modal == "" && m.intent == "" && k == v-1 {
				// "must ensure security and provide amenities", "agreed to
				// withdraw and hand over": a bare infinitive after "and"
				// shares the governor of the verb it is coordinated with
				for j := k - 1; j >= 0 && j >= k-12; j-- {
					if clauseBoundary(toks[j]) || toks[j].low == "," {
						break
					}
					if toks[j].tag == "VB" {
						pm := c.verbGroup(st, j)
						m.modal, m.intent = pm.modal, pm.intent
						if pm.neg {
							m.neg = true
						}
						break
					}
					if isVerbTag(toks[j].tag) {
						break
					}
				}
			}
			return m
		}
		k--
	}
	m.start = 0
	return m
}

// subjectOf finds the unit that is the subject of the verb group starting
// at vs (token index of the verb v), following coordination back to the
// earlier verb, and skipping relative clauses, prepositional objects and
// time phrases.
func (c *Coder) subjectOf(st *sentState, v, vs int, depth int) *unit {
	toks := st.toks
	if depth > 3 {
		return nil
	}
	k := vs - 1
	// coordination: "vowed to ... and intensified"
	if k >= 0 && (toks[k].low == "and" || toks[k].low == "but" || toks[k].low == "or") {
		for j := k - 1; j >= 0; j-- {
			if isVerbTag(toks[j].tag) && (toks[j].tag == toks[v].tag || pastTags[toks[v].tag] && pastTags[toks[j].tag] || (toks[v].tag == "VBD" && toks[j].tag == "VBZ")) {
				m := c.verbGroup(st, j)
				return c.subjectOf(st, j, m.start, depth+1)
			}
		}
		return nil
	}
	// "Pakistan, a key U.S. ally in the war against terrorism, has refused":
	// a comma right before the verb group may close an apposition
	appos := k >= 0 && toks[k].low == ","
	for ; k >= 0; k-- {
		t := toks[k]
		if ui := st.unitAt[k]; ui >= 0 {
			u := st.units[ui]
			if u.s > 0 && isPrep(toks[u.s-1]) && !(u.e == vs && subordinators[toks[u.s-1].low]) && !(u.isActor && quantityOf(toks, u.s)) {
				k = u.s
				continue
			}
			if appos && u.e < vs && u.s > 1 && toks[u.s-1].low == "," && (toks[u.s].low == "a" || toks[u.s].low == "an" || toks[u.s].low == "the") {
				if hi := st.unitAt[u.s-2]; hi >= 0 && st.units[hi].isActor && st.units[hi].kinds&(1<<mkCountry|1<<mkCapital|1<<mkEntity|1<<mkKnown|1<<mkPerson) != 0 {
					// the head, qualified by its apposition when it says
					// nothing itself ("X, the former Prime Minister of Sri Lanka,")
					h := *st.units[hi]
					if h.actor.Country == "" {
						h.actor.Country = u.actor.Country
					}
					if h.actor.Role == "" {
						h.actor.Role = u.actor.Role
					}
					return &h
				}
			}
			// "Libyan leader Muammar Gaddafi and Bulgarian President Todor Zhivkov signed": the first conjunct
			for u.s > 1 && toks[u.s-1].low == "and" && st.unitAt[u.s-2] >= 0 && st.units[st.unitAt[u.s-2]].isActor {
				u = st.units[st.unitAt[u.s-2]]
			}
			return u
		}
		if t.low == "that" || t.low == "which" || t.low == "who" {
			// relative clause: its head is the NP just before
			if k > 0 {
				if ui := st.unitAt[k-1]; ui >= 0 && t.low != "that" || (k > 0 && st.unitAt[k-1] >= 0 && !isVerbTag(toks[k-1].tag)) {
					if ui := st.unitAt[k-1]; ui >= 0 {
						return st.units[ui]
					}
				}
			}
			return nil
		}
		if isVerbTag(t.tag) {
			// a relative clause between subject and verb: "an Airbus A321 that crashed over Egypt ... was"
			for j := k - 1; j >= 0 && j >= k-3; j-- {
				if toks[j].low == "that" || toks[j].low == "which" || toks[j].low == "who" {
					k = j
					if j > 0 && st.unitAt[j-1] >= 0 {
						return st.units[st.unitAt[j-1]]
					}
				}
			}
			if reportingVerbs[t.lem] {
				return nil
			}
			if t.tag == "VBN" || t.tag == "VBG" && k > 0 && (st.unitAt[k-1] >= 0 || toks[k-1].chunk == "I-NP" || toks[k-1].chunk == "B-NP") {
				continue // reduced relative: "The Red Cross operating in Iraq said"
			}
			if t.tag == "VBG" {
				return nil
			}
			return nil
		}
		if t.chunk == "B-NP" || t.chunk == "I-NP" {
			// a non-actor NP: a time phrase or a prepositional object is skipped, anything else is the subject (not an actor)
			j := k
			for j > 0 && toks[j].chunk == "I-NP" && (toks[j-1].chunk == "I-NP" || toks[j-1].chunk == "B-NP") {
				j--
			}
			if isTimePhrase(toks, j, k+1) || t.tag == "CD" || (j > 0 && isPrep(toks[j-1])) || (j > 0 && (toks[j-1].tag == "VBG" || toks[j-1].tag == "VBN")) {
				// also the object of a participle: "aircraft using precision guided missiles killed"
				k = j
				continue
			}
			// "USAID and other international donors provided": the actor conjunct
			if j > 1 && toks[j-1].low == "and" && st.unitAt[j-2] >= 0 && st.units[st.unitAt[j-2]].isActor {
				u := st.units[st.unitAt[j-2]]
				for u.s > 1 && toks[u.s-1].low == "and" && st.unitAt[u.s-2] >= 0 && st.units[st.unitAt[u.s-2]].isActor {
					u = st.units[st.unitAt[u.s-2]]
				}
				return u
			}
			return &unit{s: j, e: k + 1, actor: article.Actor{Name: st.join(j, k+1)}, theme: themeOf(st, j, k+1)}
		}
		if t.low == ")" {
			// "Amnesty International (AI) has accused": skip the parenthesis
			for j := k - 1; j >= 0 && j >= k-8; j-- {
				if toks[j].low == "(" {
					k = j
					break
				}
			}
			continue
		}
		if t.low == "," {
			// ", which runs the prison system," between subject and verb
			for j := k - 1; j >= 0 && j >= k-15; j-- {
				if (toks[j].low == "which" || toks[j].low == "who") && j > 0 && toks[j-1].low == "," {
					k = j - 1
					break
				}
			}
			continue
		}
		if clauseBoundary(t) {
			return nil
		}
	}
	return nil
}

var quantWords = map[string]bool{"at": true, "least": true, "more": true, "than": true, "some": true, "about": true, "nearly": true, "several": true, "dozens": true, "of": true}

var pastTags = map[string]bool{"VBD": true, "VBN": true}

func themeOf(st *sentState, s, e int) string {
	for i := s; i < e; i++ {
		if aircraftWords[st.toks[i].low] {
			return "aircraft"
		}
	}
	return ""
}

var subordinators = map[string]bool{"after": true, "before": true, "since": true, "as": true, "while": true, "because": true, "if": true, "when": true, "although": true, "though": true, "until": true, "once": true, "whether": true, "unless": true}

// prepBefore returns the word before token s, skipping articles and
// compass adjectives ("in northern Syria" -> "in").
func prepBefore(st *sentState, s int) string {
	k := s - 1
	for k >= 0 && (st.toks[k].low == "the" || directions[st.toks[k].low]) {
		k--
	}
	if k < 0 {
		return ""
	}
	return st.toks[k].low
}

func isPrep(t tok) bool {
	return t.tag == "IN" && t.low != "that" || t.low == "to" && t.tag == "TO"
}

var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"today": true, "yesterday": true, "week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true,
	"weekend": true, "night": true, "morning": true, "evening": true, "hours": true, "days": true, "day": true, "time": true,
}

func isTimeWord(w string) bool { return timeWords[w] }

func isTimePhrase(toks []tok, s, e int) bool {
	for i := s; i < e; i++ {
		if isTimeWord(toks[i].low) {
			return true
		}
	}
	return false
}

// objectAfter finds the first actor unit after token k within the clause.
func (c *Coder) objectAfter(st *sentState, k int, window int) *unit {
	return c.objectAfterFrom(st, k, window, false)
}

// headOK: a phrase is a target only when its head names an actor: a name,
// a country, a person, or an agent noun or attackable thing as the last
// word ("military aid", "its demands" are not actors).
func headOK(st *sentState, u *unit) bool {
	if u.kinds&(1<<mkCountry|1<<mkCapital|1<<mkEntity|1<<mkKnown|1<<mkPerson|1<<mkDemonym) != 0 {
		return true
	}
	if u.pronoun != "" && u.e-u.s == 1 {
		return true
	}
	h := u.e - 1
	for h > u.s && (st.toks[h].tag == "POS" || st.toks[h].low == "'s") {
		h--
	}
	hw := st.toks[h].low
	_, agent := agentRoles[hw]
	return agent || aircraftWords[hw] || targetThings[hw] || hw == "counterpart" || hw == "counterparts"
}

// objectAfterFrom is objectAfter; fromOK lets "from X" be the object
// ("withdraw from Chad").
func (c *Coder) objectAfterFrom(st *sentState, k int, window int, fromOK bool) *unit {
	toks := st.toks
	for j := k + 1; j < len(toks) && j <= k+window; j++ {
		t := toks[j]
		if ui := st.unitAt[j]; ui >= 0 {
			u := st.units[ui]
			if u.isActor && headOK(st, u) && !(u.e < len(toks) && reportingVerbs[toks[u.e].lem] && isVerbTag(toks[u.e].tag)) {
				if placeLike(st, u) {
					j = u.e - 1 // "on the Thai border": where, not whom
					continue
				}
				if j > 0 && (toks[j-1].low == "from" && !fromOK || toks[j-1].low == "by") {
					j = u.e - 1
					continue
				}
				return u
			}
			j = u.e - 1
			continue
		}
		if t.low == ";" || t.low == ":" || (t.low == "," && j > k+1) || t.low == "\"" || t.low == "“" || t.low == "”" {
			return nil
		}
		if isVerbTag(t.tag) && (reportingVerbs[t.lem] || t.tag == "VBD" || t.tag == "VBZ") && j > k+1 {
			return nil
		}
		if t.low == "who" || t.low == "which" || t.low == "while" || t.low == "because" {
			return nil
		}
	}
	return nil
}

// perpetratorOfObject: when a statement's object is a violent happening
// ("condemned an attack by Osgiliath soldiers", "denounced Israel's
// air strikes"), its target is who did it, not where it happened.
func (c *Coder) perpetratorOfObject(st *sentState, tr trigger, all []trigger) *unit {
	toks := st.toks
	for _, o := range all {
		if !o.p.nominal || !conflictual[o.p.typ] || o.i <= tr.end || o.i > tr.end+5 {
			continue
		}
		first := o.i - len(o.p.slots) + 1
		blocked := false
		for k := tr.end + 1; k < first; k++ {
			if clauseBoundary(toks[k]) || toks[k].low == "," || isVerbTag(toks[k].tag) {
				blocked = true
			}
		}
		if blocked {
			continue
		}
		if u, _ := c.byAgent(st, o.i); u != nil && u.isActor {
			return u
		}
		if first > 0 {
			if ui := st.unitAt[first-1]; ui >= 0 && st.units[ui].isActor && st.units[ui].possessive && st.units[ui].s > tr.end {
				return st.units[ui]
			}
			if ui := st.unitAt[first]; ui >= 0 && st.units[ui].isActor && st.units[ui].ms < first && st.units[ui].s > tr.end && st.units[ui].actor.Country != "" {
				return st.units[ui] // "the Israeli air strikes"
			}
		}
		return nil
	}
	return nil
}

// documentNouns are what a statement comes in: "issued a statement
// calling on", "put out a report accusing".
var documentNouns = map[string]bool{"statement": true, "statements": true, "report": true, "letter": true, "declaration": true,
	"communique": true, "communiqué": true, "resolution": true, "message": true, "note": true, "video": true, "release": true, "motion": true, "appeal": true,
	"bill": true, "decree": true, "law": true, "measure": true}

// weaponHeads are agent nouns that name what is fired, not at whom.
var weaponHeads = map[string]bool{"artillery": true, "tanks": true, "aircraft": true, "jets": true, "warplanes": true, "missiles": true, "rockets": true, "mortars": true, "shells": true}

// placeLike: a geographic feature after a locative preposition ("on the
// Thai border", "near the eastern Thai border", "along the coast") says
// where a thing happened, not to whom.
func placeLike(st *sentState, u *unit) bool {
	switch prepBefore(st, u.s) {
	case "on", "near", "along", "across", "at", "in", "over", "inside", "outside":
	default:
		return false
	}
	h := st.toks[u.e-1].low
	return h == "border" || h == "borders" || h == "frontier" || h == "coast" || h == "region" || h == "area" || h == "side" || h == "territory" || h == "waters"
}

// splitCoordinated splits one phrase "Israel and Syria", "Sudanese
// troops and rebels" into its conjuncts; nil when it has no "and".
func (c *Coder) splitCoordinated(st *sentState, u *unit) (*unit, *unit) {
	toks := st.toks
	for a := u.s + 1; a+1 < u.e; a++ {
		if toks[a].low != "and" {
			continue
		}
		part := func(s, e int, inherit bool) *unit {
			phr := strings.TrimPrefix(st.join(s, e), "the ")
			p := &unit{s: s, e: e, isActor: true, known: true, actor: article.Actor{Name: phr}}
			if ci, ok := c.countries.ByName(phr); ok {
				p.actor.Country = ci.Alpha3
			} else if ci, ok := c.countries.ByDemonym(st.toks[s].text); ok {
				p.actor.Country = ci.Alpha3
			} else if inherit {
				p.actor.Country = u.actor.Country
			}
			h := strings.ToLower(st.toks[e-1].text)
			if r, ok := agentRoles[h]; ok {
				p.actor.Role = r
			}
			return p
		}
		return part(u.s, a, true), part(a+1, u.e, false)
	}
	return nil, nil
}

// crowdSubject: the subject is people rather than a state: a civilian,
// opposition, labour, student or religious role, a quantity ("thousands
// of"), or a plural demonym ("Egyptians").
func crowdSubject(st *sentState, u *unit, a article.Actor) bool {
	switch a.Role {
	case "CVL", "OPP", "LAB", "EDU", "REL", "REF", "AGR":
		return true
	case "":
	default:
		return false
	}
	for k := max(u.s-3, 0); k < u.e; k++ {
		switch st.toks[k].low {
		case "thousands", "hundreds", "dozens", "tens", "crowds", "crowd", "scores":
			return true
		}
	}
	return u.kinds&(1<<mkDemonym) != 0 && u.kinds&(1<<mkCountry|1<<mkCapital|1<<mkKnown|1<<mkEntity|1<<mkPerson) == 0 && strings.HasSuffix(st.toks[u.e-1].low, "s")
}

// protestHeads head the noun phrases of people in the street.
var protestHeads = map[string]bool{"protesters": true, "protestors": true, "demonstrators": true, "strikers": true,
	"students": true, "rioters": true, "marchers": true, "crowd": true, "crowds": true, "mob": true, "mobs": true,
	"youths": true, "unionists": true, "workers": true, "activists": true, "picketers": true}

// protestCrowd: the unit names people in the street ("thousands of
// students", "angry protesters").
func protestCrowd(st *sentState, u *unit) bool {
	for k := u.s; k < u.e; k++ {
		if protestHeads[st.toks[k].low] {
			return true
		}
	}
	return false
}

// transnational: a known actor listed without a country on purpose (al
// Qaeda, Islamic State): no sentence's country is its own.
func (c *Coder) transnational(a article.Actor) bool {
	if a.Name == "" {
		return false
	}
	ka, ok := c.known[strings.ToLower(a.Name)]
	return ok && ka.code == "" && ka.role == "INS"
}

// outOfQuestion: the clause after token end declares the act impossible.
func outOfQuestion(toks []tok, end int) bool {
	for k := end + 1; k < len(toks) && k <= end+10; k++ {
		w := toks[k].low
		if w == ";" || w == "but" || w == "because" {
			return false
		}
		if w == "out" && k+3 < len(toks) && toks[k+1].low == "of" && toks[k+2].low == "the" && toks[k+3].low == "question" {
			return true
		}
		if w == "not" && k+2 < len(toks) && toks[k+1].low == "an" && toks[k+2].low == "option" {
			return true
		}
		if (w == "unacceptable" || w == "unthinkable") && k > 0 && toks[k-1].lem == "be" {
			return true
		}
	}
	return false
}

// measureNouns measure a happening: "10 days of war games", "a wave of
// air strikes", "a new round of talks".
var measureNouns = map[string]bool{"days": true, "weeks": true, "months": true, "hours": true, "years": true, "day": true, "week": true,
	"round": true, "rounds": true, "series": true, "wave": true, "waves": true, "spate": true, "string": true, "campaign": true, "number": true}

// transparentVerbs take an infinitive that is itself the event: "began
// to shell", "attempted to assassinate", "tried to storm".
var transparentVerbs = map[string]bool{"continue": true, "begin": true, "start": true, "attempt": true, "try": true, "manage": true, "decide": true, "resume": true, "keep": true}

// repressedWords head the targets of violent repression.
var repressedWords = map[string]bool{"protesters": true, "protestors": true, "demonstrators": true, "protester": true, "protestor": true, "demonstrator": true, "marchers": true, "rioters": true,
	"crowd": true, "crowds": true, "strikers": true, "protest": true, "protests": true, "demonstration": true, "demonstrations": true, "rally": true}

// issuingVerbs put a document out; its participle content is the event.
var issuingVerbs = map[string]bool{"issue": true, "approve": true, "adopt": true, "pass": true, "passed": true, "release": true, "publish": true,
	"send": true, "put": true, "sign": true, "unveil": true, "present": true, "submit": true, "introduce": true, "deliver": true}

// issuedBefore: the document noun at d is the object of an issuing verb
// ("issued a statement", "approved a strongly worded resolution").
func issuedBefore(st *sentState, d int) bool {
	for k := d - 1; k >= 0 && k >= d-5; k-- {
		t := st.toks[k]
		if t.low == "out" && k > 0 {
			return issuingVerbs[st.toks[k-1].lem]
		}
		if isVerbTag(t.tag) && (t.tag != "VBN" || issuingVerbs[t.lem]) {
			return issuingVerbs[t.lem]
		}
		if clauseBoundary(t) || t.low == "," {
			return false
		}
	}
	return false
}

// vehicleOfContent: the object of the verb ending at end is a document
// whose content follows as a participle ("approved a resolution
// criticizing", "passed a bill lifting").
func vehicleOfContent(st *sentState, end int) bool {
	toks := st.toks
	for k := end + 1; k < len(toks) && k <= end+5; k++ {
		if documentNouns[toks[k].low] {
			return k+1 < len(toks) && toks[k+1].tag == "VBG"
		}
		if isVerbTag(toks[k].tag) && toks[k].tag != "VBN" || clauseBoundary(toks[k]) || toks[k].low == "," {
			return false
		}
	}
	return false
}

// participleSubject is the subject of a present participle with none of
// its own: the subject of the clause it hangs on, after a comma ("X
// attacked the town, killing 12") or after a document the subject issued
// ("X issued a statement calling on Y"). nil when it does not apply.
func (c *Coder) participleSubject(st *sentState, v int, m modality) *unit {
	toks := st.toks
	if toks[v].tag != "VBG" || m.start != v || v < 2 {
		return nil
	}
	k := v - 1
	if toks[k].low != "," {
		// a document noun phrase right before: "a statement", "a report"
		if !documentNouns[toks[k].low] {
			return nil
		}
		for k > 0 && (toks[k].chunk == "I-NP" || toks[k].chunk == "B-NP" || toks[k].tag == "DT" || toks[k].tag == "JJ" || toks[k].tag == "NN") && !isVerbTag(toks[k].tag) {
			if toks[k].chunk == "B-NP" {
				k--
				break
			}
			k--
		}
		if k < 0 || !isVerbTag(toks[k].tag) && toks[k].low != "out" {
			return nil
		}
		if toks[k].low == "out" && k > 0 {
			k-- // "put out a report"
		}
		if !isVerbTag(toks[k].tag) {
			return nil
		}
	} else {
		// the finite verb of the clause before the comma
		j := k - 1
		for ; j >= 0 && j >= k-15; j-- {
			if clauseBoundary(toks[j]) {
				return nil
			}
			if toks[j].tag == "VBD" || toks[j].tag == "VBZ" || toks[j].tag == "VBP" {
				break
			}
		}
		if j < 0 || j < k-15 {
			return nil
		}
		k = j
	}
	pm := c.verbGroup(st, k)
	if pm.passive {
		return nil
	}
	if u := c.subjectOf(st, k, pm.start, 1); u != nil && u.isActor && u.pronoun == "" {
		return u
	}
	return nil
}

// byAgent finds "by X" after token k: the agent of a passive.
func (c *Coder) byAgent(st *sentState, k int) (*unit, string) {
	toks := st.toks
	for j := k + 1; j < len(toks) && j <= k+3; j++ {
		if toks[j].low != "by" {
			continue
		}
		mode := ""
		for q := j + 1; q < len(toks) && q <= j+4; q++ {
			switch nounLemma(toks[q].low) {
			case "bomb", "explosive", "explosion", "blast", "ied":
				mode = "bombing"
			case "missile", "airstrike", "warplane", "drone", "jet":
				mode = "aerial"
			case "gunman", "gunmen", "gunfire", "sniper", "bullet":
				mode = "firearms"
			case "suicide":
				mode = "suicide-attack"
			}
		}
		if ui := st.unitAt[min(j+1, len(toks)-1)]; ui >= 0 && st.units[ui].isActor {
			return st.units[ui], mode
		}
		if j+2 < len(toks) {
			if ui := st.unitAt[j+2]; ui >= 0 && st.units[ui].isActor {
				return st.units[ui], mode
			}
		}
		return nil, mode
	}
	return nil, ""
}

var cooperative = map[string]bool{"AGREE": true, "CONSULT": true, "SUPPORT": true, "COOPERATE": true, "AID": true, "CONCEDE": true, "RETREAT": true}
var conflictual = map[string]bool{"ASSAULT": true, "COERCE": true, "SANCTION": true, "MOBILIZE": true, "PROTEST": true, "THREATEN": true}

var evalNouns = map[string]bool{"attitude": true, "stance": true, "position": true, "policy": true, "policies": true, "approach": true, "behaviour": true, "behavior": true, "actions": true, "conduct": true, "decision": true, "remarks": true, "response": true, "role": true}
var negAdjs = map[string]bool{"weird": true, "short-sighted": true, "wrong": true, "unacceptable": true, "irresponsible": true, "hypocritical": true, "absurd": true, "dangerous": true, "provocative": true, "illegal": true, "counterproductive": true, "misguided": true, "outrageous": true, "shameful": true, "aggressive": true, "hostile": true, "disgraceful": true, "cynical": true, "reckless": true, "unjustified": true, "biased": true, "destructive": true, "strange": true}
var obligations = map[string]bool{"must": true, "should": true, "ought": true}

// codeSentence finds the events of one sentence.
// prepare tags, lemmatises and chunks the sentence into units (actors and
// places): what every analysis of it starts from.
func (c *Coder) prepare(st *sentState) {
	words := make([]string, len(st.toks))
	for i, t := range st.toks {
		words[i] = t.text
	}
	if c.tagger != nil {
		tags, chunks := c.tagger.Tag(words)
		for i := range st.toks {
			st.toks[i].tag, st.toks[i].chunk = tags[i], chunks[i]
		}
	}
	for i := range st.toks {
		st.toks[i].lem = lemma(st.toks[i].low, c.lemmas)
	}
	// the tagger reads "EU provides € 45m" as a noun phrase: a lexicon
	// verb in -s right after a name and before a determiner or number is
	// a verb
	for i := 1; i+1 < len(st.toks); i++ {
		t := &st.toks[i]
		if t.tag == "NNS" && strings.HasSuffix(t.low, "s") && c.verbPats[t.lem] != nil && t.lem != t.low && st.toks[i-1].tag == "NNP" {
			switch n := st.toks[i+1]; {
			case n.tag == "DT" || n.tag == "CD" || n.tag == "PRP$" || n.low == "$" || n.low == "€" || n.low == "£":
				t.tag, t.chunk = "VBZ", "B-VP"
			}
		}
	}
	// two finite verbs in a row: the second is a plural noun ("rejected
	// calls to release", "dismissed demands")
	for i := 1; i < len(st.toks); i++ {
		t, p := &st.toks[i], st.toks[i-1]
		if t.tag == "VBZ" && strings.HasSuffix(t.low, "s") && (p.tag == "VBD" || p.tag == "VBZ" || p.tag == "VBP") && !auxWords[p.lem] && p.lem != "be" && p.lem != "have" && p.lem != "do" && !reportingVerbs[p.lem] {
			t.tag, t.chunk = "NNS", "B-NP"
		}
	}
	// an irregular past the tagger did not know ("The IMF froze loans")
	// is a verb after a noun and before its object
	for i := 1; i+1 < len(st.toks); i++ {
		t := &st.toks[i]
		if l, ok := irregular[t.low]; ok && (t.tag == "NN" || t.tag == "JJ") && c.verbPats[l] != nil && strings.HasPrefix(st.toks[i-1].tag, "NN") {
			switch n := st.toks[i+1]; {
			case n.tag == "DT" || n.tag == "CD" || n.tag == "PRP$" || n.tag == "NNS" || n.tag == "NNP":
				t.tag, t.chunk = "VBD", "B-VP"
			}
		}
	}
	ms := c.findMentions(st)
	c.buildUnits(st, ms)
}

func (c *Coder) codeSentence(st *sentState, d *discourse) []*draft {
	if len(st.toks) == 0 {
		return nil
	}
	if !c.mayHaveEvent(st) {
		c.updateDiscourseCheap(st, d)
		return nil
	}
	c.prepare(st)
	// the sentence's speaker: subject of a reporting verb
	var reports []int
	for i, t := range st.toks {
		if isVerbTag(t.tag) && reportingVerbs[t.lem] {
			reports = append(reports, i)
			if st.speaker == nil {
				m := c.verbGroup(st, i)
				if u := c.subjectOf(st, i, m.start, 0); u != nil && u.isActor {
					st.speaker = u
				} else if u := c.objectAfter(st, i, 2); u != nil && u.isActor && i > 0 && (st.toks[i-1].low == "," || st.toks[i-1].low == "\"" || st.toks[i-1].low == "”") {
					// '"...," Medvedev said' is handled above; '"...," said Medvedev'
					st.speaker = u
				}
			}
		}
	}
	if st.speaker == nil {
		// '"..., " Medvedev said': subject before the reporting verb at the end
		for _, r := range reports {
			if r > 0 && st.unitAt[r-1] >= 0 {
				st.speaker = st.units[st.unitAt[r-1]]
			}
		}
	}
	var speakerActor article.Actor
	if st.speaker != nil {
		speakerActor = c.resolve(st, st.speaker, d, st.speaker.s)
		// where the speaker spoke: "said ... in Manila", "speaking in Manila"
		for _, u := range st.units {
			for _, pm := range u.places {
				if pm.s > 0 && (st.toks[pm.s-1].low == "in" || st.toks[pm.s-1].low == "at") && pm.specific {
					if _, seen := d.speakerLoc[speakerActor.Name]; speakerActor.Name != "" && !seen {
						d.speakerLoc[speakerActor.Name] = pm.place
					}
				}
			}
		}
	}
	var out []*draft
	trigs := c.findTriggers(st)
	sort.Slice(trigs, func(a, b int) bool { return trigs[a].i < trigs[b].i })
	for _, tr := range trigs {
		dr := c.codeTrigger(st, d, tr, trigs)
		if dr != nil {
			// an event told in reported speech is reported by the speaker
			// (unless the speaker is its own source: "X said it would ...")
			if speakerActor.Name != "" && dr.ev.Source.Name != speakerActor.Name && inReport(st, reports, tr.i) {
				rb := speakerActor
				dr.ev.ReportedBy = &rb
			}
			out = append(out, dr)
		}
	}
	out = append(out, c.reportedEvents(st, d, reports, speakerActor)...)
	// casualties go to the sentence's violent events
	dead, inj := casualties(st.toks)
	for _, dr := range out {
		if dr.ev.Type == "ASSAULT" || dr.ev.Type == "COERCE" {
			if dr.ev.Fatalities == nil {
				dr.ev.Fatalities = dead
			}
			if dr.ev.Injured == nil {
				dr.ev.Injured = inj
			}
		}
	}
	if (dead != nil || inj != nil) && !hasType(out, "ASSAULT") && c.casualtyOnly(st) {
		dr := c.newDraft(st, d, "ASSAULT", "", "190", 0, 0.4)
		dr.ev.Fatalities, dr.ev.Injured = dead, inj
		out = append(out, dr)
	}
	// "X claimed responsibility"
	for i := 0; i+1 < len(st.toks); i++ {
		if st.toks[i].lem == "claim" && (st.toks[i+1].low == "responsibility" || st.toks[i+1].low == "credit") {
			claimant := ""
			var claimantU *unit
			for _, u := range st.units {
				if u.s < i && u.known && !u.person {
					claimant, claimantU = u.actor.Name, u
					break
				}
			}
			if claimant == "" {
				m := c.verbGroup(st, i)
				if u := c.subjectOf(st, i, m.start, 0); u != nil {
					claimant, claimantU = u.actor.Name, u
				}
			}
			if claimant != "" {
				claimed := false
				for _, dr := range out {
					if dr.ev.Type == "ASSAULT" {
						dr.ev.ClaimedBy = claimant
						claimed = true
						// the claimant is the attack's source when the
						// sentence names no other ("The Taliban claimed
						// responsibility for the attack, which killed ...")
						if dr.ev.Source.Name == "" && claimantU != nil && claimantU.isActor {
							dr.ev.Source = c.resolve(st, claimantU, d, i)
						}
					}
				}
				if !claimed {
					dr := c.newDraft(st, d, "ASSAULT", "", "", i, 0.3)
					dr.ev.ClaimedBy = claimant
					if claimantU != nil && claimantU.isActor {
						// the attack it joins takes the claimant as its
						// source when it names no other
						dr.ev.Source = c.resolve(st, claimantU, d, i)
					}
					dr.anaphoric = true
					dr.theme = "claim"
					out = append(out, dr)
				}
			}
		}
	}
	c.updateDiscourse(st, d)
	return mergeSentence(out)
}

// dateBlocked: a clause boundary stands between the trigger and the date
// ("ordered the strikes after ... crashed over Egypt last month").
func dateBlocked(st *sentState, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for k := a + 1; k < b; k++ {
		switch st.toks[k].low {
		case "that", "which", "who", "after", "before", "because", "when", "while", "since", ";", "\"", "“", "”":
			return true
		}
	}
	return false
}

func hasType(ds []*draft, t string) bool {
	for _, d := range ds {
		if d.ev.Type == t {
			return true
		}
	}
	return false
}

// casualtyOnly: a sentence reporting deaths from an unnamed cause ("broke
// up ..., killing all 224 on board") is a violent event only when a kill
// word is its verb.
func (c *Coder) casualtyOnly(st *sentState) bool {
	for _, t := range st.toks {
		if (t.low == "killing" || t.low == "killed" || t.low == "wounding") && isVerbTag(t.tag) {
			return true
		}
	}
	return false
}

// mayHaveEvent is a cheap pre-filter: a sentence with no trigger word is
// not tagged at all.
func (c *Coder) mayHaveEvent(st *sentState) bool {
	for _, t := range st.toks {
		l := lemma(t.low, c.lemmas)
		if _, ok := c.verbPats[l]; ok {
			return true
		}
		if _, ok := c.nounPats[t.low]; ok {
			return true
		}
		if _, ok := c.nounPats[nounLemma(t.low)]; ok {
			return true
		}
		if reportingVerbs[l] || killWords[t.low] {
			return true
		}
	}
	return false
}

func (c *Coder) newDraft(st *sentState, d *discourse, typ, mode, cameo string, ti int, conf float64) *draft {
	ev := article.Event{Type: typ, Mode: mode, CAMEO: cameo, Confidence: conf,
		Evidence: article.Evidence{Sentence: st.text, Start: st.start, End: st.start + len(st.runes)}}
	dr := &draft{ev: ev}
	if ti >= 0 && ti < len(st.toks) {
		t := st.toks[ti]
		dr.pos = t.start
		dr.ev.Evidence.Trigger = &article.Mention{Start: t.start, End: t.end, Text: t.text}
		// ", killing three soldiers": what the attack before it did
		// (", killing or wounding 50")
		dr.consequence = ti > 1 && casualtyParticiples[t.low] && (st.toks[ti-1].low == "," ||
			(st.toks[ti-1].low == "or" || st.toks[ti-1].low == "and") && casualtyParticiples[st.toks[ti-2].low])
	}
	// date: the expression nearest the trigger
	best, bd := "", 1<<30
	for _, dm := range st.dates {
		if ds, _ := st.tokRange(st.start+dm.start, st.start+dm.end); ds >= 0 && ti >= 0 && dateBlocked(st, ti, ds) {
			continue
		}
		rel := dr.pos - st.start
		dist := dm.start - rel
		if dist < 0 {
			dist = rel - dm.end
		}
		if dist < bd {
			best, bd = dm.value, dist
		}
	}
	if best != "" {
		dr.ev.Date, dr.dateExplicit = best, true
	} else if d.hasPub {
		dr.ev.Date = d.pub.Format("2006-01-02")
	}
	return dr
}

// codeTrigger turns one trigger into a draft event.
func (c *Coder) codeTrigger(st *sentState, d *discourse, tr trigger, all []trigger) *draft {
	toks := st.toks
	p := tr.p
	typ, mode, cameo := p.typ, p.mode, p.cameo
	conf := 0.6
	var srcU, tgtU *unit
	var m modality
	fixedRoles := false
	if !p.nominal {
		m = c.verbGroup(st, tr.i)
		if m.passive {
			tgtU = c.subjectOf(st, tr.i, m.start, 0)
			if tgtU != nil && !tgtU.isActor {
				// "Diplomatic relations with Libya were severed", "Aid to
				// the country was suspended": the actor in the subject's PP
				if u := prepActorAfter(st, tgtU.e, m.start); u != nil {
					tgtU = u
				}
			}
			var bm string
			srcU, bm = c.byAgent(st, tr.end)
			if bm != "" && (typ == "ASSAULT") {
				if mode == "" {
					mode = bm
				}
			}
		} else {
			srcU = c.subjectOf(st, tr.i, m.start, 0)
			if u := c.participleSubject(st, tr.i, m); u != nil {
				srcU = u
			}
			if srcU == nil || !srcU.isActor {
				if u := c.governorSubject(st, tr.i, m); u != nil {
					srcU = u
				}
			}
			tgtU = c.objectAfterFrom(st, tr.end, 10, typ == "RETREAT" || typ == "COERCE" && mode == "seize")
			if tr.end > tr.i {
				// the object inside the pattern: "give Tanzania a grant",
				// "expelled two Russian diplomats"
				for k := tr.i + 1; k <= tr.end; k++ {
					if ui := st.unitAt[k]; ui >= 0 && st.units[ui].isActor && headOK(st, st.units[ui]) && !(k > 0 && (toks[k-1].low == "from" || toks[k-1].low == "by")) && !weaponHeads[toks[st.units[ui].e-1].low] {
						if st.units[ui].actor.Country != "" || tgtU == nil {
							tgtU = st.units[ui]
						}
						break
					}
				}
			}
			if typ == "ACCUSE" || typ == "REJECT" || typ == "PROTEST" {
				if u := c.perpetratorOfObject(st, tr, all); u != nil {
					tgtU = u
				}
			}
		}
		// reporting verbs as triggers ("claim", "insist") have a clause object
		conf = 0.7
	} else {
		conf = 0.55
		// light verb: "launched air strikes", "ordered the strikes", "held talks"
		s := tr.i - len(p.slots)
		for s >= 0 && (toks[s].tag == "DT" || toks[s].tag == "JJ" || toks[s].tag == "JJS" || toks[s].tag == "PRP$" || toks[s].tag == "CD" || toks[s].tag == "NN" || toks[s].tag == "NNP" || toks[s].low == "out" || toks[s].low == "up" || quantWords[toks[s].low] || s > 0 && toks[s].low == "of" && measureNouns[toks[s-1].low] || measureNouns[toks[s].low] && s+1 < len(toks) && toks[s+1].low == "of") && tr.i-s < 9 && (st.unitAt[s] < 0 || toks[s].tag == "PRP$") {
			s-- // (also "10 days of war games", "a new round of talks")
		}
		// "engaged in negotiations", "took part in the attack", "participated
		// in the talks": the verb before "in" lends its subject too
		engaged := false
		if s > 0 && toks[s].low == "in" && (engageVerbs[toks[s-1].lem] || s > 1 && toks[s-1].low == "part" && toks[s-2].lem == "take") {
			s--
			if toks[s].low == "part" {
				s--
			}
			engaged = true
		}
		// "X has been under house arrest", "X remained under siege": the
		// subject of the verb before "under" is the target
		if first := tr.i - len(p.slots) + 1; first >= 2 && toks[first-1].low == "under" || first >= 3 && toks[first-2].low == "under" && (toks[first-1].tag == "DT" || toks[first-1].tag == "JJ") || first >= 1 && toks[first].low == "under" {
			u := first - 1
			if toks[first].low == "under" {
				u = first
			} else if toks[u].low != "under" {
				u--
			}
			if v := u - 1; v >= 0 && isVerbTag(toks[v].tag) && underVerbs[toks[v].lem] {
				vm := c.verbGroup(st, v)
				if su := c.subjectOf(st, v, vm.start, 0); su != nil && su.isActor {
					tgtU = su
				}
			}
		}
		// attributive actor inside the nominal's NP: "Russian air strikes", "militant attacks"
		first := tr.i - len(p.slots) + 1
		if ui := st.unitAt[first]; ui >= 0 && st.units[ui].isActor && st.units[ui].ms < first && st.units[ui].pronoun == "" {
			u := *st.units[ui]
			if !u.known {
				u.actor.Name = st.join(u.ms, first)
			}
			u.theme = ""
			srcU = &u
		}
		if s >= 0 && isVerbTag(toks[s].tag) {
			if lightVerbs[toks[s].lem] || engaged || c.verbPats[toks[s].lem] == nil {
				m = c.verbGroup(st, s)
				if u := c.subjectOf(st, s, m.start, 0); u != nil {
					srcU = u
				}
				conf = 0.65
			}
		} else if s >= 0 && st.unitAt[s] >= 0 && st.units[st.unitAt[s]].possessive {
			srcU = st.units[st.unitAt[s]]
		} else {
			for q := tr.end + 1; q < len(toks) && q <= tr.end+4; q++ {
				if toks[q].tag == "VBN" && lightVerbs[toks[q].lem] {
					m = c.verbGroup(st, q)
					if u, _ := c.byAgent(st, q); u != nil {
						srcU = u
					}
					if u := c.objectAfter(st, q, 4); u != nil {
						tgtU = u
					}
					break
				}
				if !(auxWords[toks[q].lem] || modals[toks[q].low] != "" || toks[q].tag == "RB") {
					break
				}
			}
		}
		// "the bombing of the airliner", "strikes against militants"
		k := tr.end + 1
		if k < len(toks) {
			switch toks[k].low {
			case "against", "on", "of", "targeting", "at", "with", "between", "to", "into", "in":
				if u := c.objectAfter(st, tr.end, 6); u != nil {
					if !(toks[k].low == "in" && len(u.places) > 0 && typ != "CONSULT") {
						tgtU = u
					}
				}
			case "by":
				if u, _ := c.byAgent(st, tr.end); u != nil {
					srcU = u
				}
			case "from":
				// "came under attack from Iranian forces"
				if u := c.objectAfterFrom(st, tr.end, 5, true); u != nil && conflictual[typ] {
					srcU = u
					if first := tr.i - len(p.slots) + 1; first >= 2 && toks[first-1].low == "under" && toks[first-2].lem == "come" {
						m = c.verbGroup(st, first-2)
						tgtU = c.subjectOf(st, first-2, m.start, 0)
						fixedRoles = true
					} else if first >= 1 && toks[first].low == "under" && underVerbs[toks[first-1].lem] {
						// "came under fire from rebel positions"
						m = c.verbGroup(st, first-1)
						tgtU = c.subjectOf(st, first-1, m.start, 0)
						fixedRoles = true
					}
				}
			}
			// "fighting between Sudanese troops and rebels", "talks between A and B"
			if toks[k].low == "between" && tgtU != nil && tgtU.isActor && (srcU == nil || !srcU.isActor) {
				if tgtU.e+1 < len(toks) && toks[tgtU.e].low == "and" {
					if ui := st.unitAt[tgtU.e+1]; ui >= 0 && st.units[ui].isActor {
						srcU, tgtU = tgtU, st.units[ui]
					}
				} else if l, r := c.splitCoordinated(st, tgtU); l != nil {
					srcU, tgtU = l, r
				}
			}
		}
		// "an offensive, Operation Rah-e-Nijat, against militants": past an apposition
		if tgtU == nil && conflictual[typ] {
			for q := tr.end + 2; q < len(toks) && q <= tr.end+8; q++ {
				if isVerbTag(toks[q].tag) && toks[q].tag != "VBN" && toks[q].tag != "VBG" {
					break
				}
				if toks[q].low == "against" || toks[q].low == "targeting" {
					tgtU = c.objectAfter(st, q-1, 6)
					break
				}
			}
		}
	}
	// "Air strikes ... killed 12": the nominal subject codes the happening
	subjNominal := false
	if !p.nominal && srcU != nil && !srcU.isActor {
		for _, o := range all {
			if o.p.nominal && o.p.typ == typ && o.i >= srcU.s && o.i < srcU.e {
				subjNominal = true
			}
		}
	}
	// the subject of a verb inside a nominal's object is not its source
	if srcU != nil && tgtU == srcU {
		tgtU = nil
	}
	// a meeting's partner comes with "with", past its place: "held talks in
	// Jerusalem with Israeli Prime Minister Benjamin Netanyahu"
	if typ == "CONSULT" && (tgtU == nil || !tgtU.isActor || locPreps[prepBefore(st, tgtU.s)]) {
		for q := tr.end + 1; q < len(toks) && q <= tr.end+10; q++ {
			if clauseBoundary(toks[q]) || toks[q].low == ";" || isVerbTag(toks[q].tag) && toks[q].tag != "VBG" && toks[q].tag != "VBN" {
				break
			}
			if toks[q].low == "with" {
				if u := c.objectAfter(st, q, 4); u != nil && u.isActor && u != srcU {
					tgtU = u
				}
				break
			}
		}
	}
	// a symmetric happening with a coordinated subject: "Gondor and
	// Osgiliath have postponed their meeting", "Jordan and Britain agreed"
	if (tgtU == nil || !tgtU.isActor) && srcU != nil && srcU.isActor && (typ == "CONSULT" || typ == "COOPERATE" || typ == "AGREE" || p.cameo == "057") && srcU.e+1 < len(toks) && toks[srcU.e].low == "and" {
		if ui := st.unitAt[srcU.e+1]; ui >= 0 && st.units[ui].isActor && st.units[ui].e <= tr.i && st.units[ui].pronoun == "" {
			tgtU = st.units[ui]
		}
	} else if (tgtU == nil || !tgtU.isActor) && srcU != nil && srcU.isActor && (typ == "CONSULT" || typ == "COOPERATE" || typ == "AGREE" || p.cameo == "057") {
		// one phrase "Jordan and Britain", "Israel and Hamas": the first
		// named actor and its partner after "and"
		for k := srcU.s + 1; k+1 < srcU.e; k++ {
			if toks[k].low != "and" {
				continue
			}
			left, lok := c.phraseActor(st.join(srcU.s, k))
			right, rok := c.phraseActor(st.join(k+1, srcU.e))
			if lok && rok && left.Name != right.Name {
				end := srcU.e
				srcU = &unit{s: srcU.s, e: k, isActor: true, known: true, actor: left}
				tgtU = &unit{s: k + 1, e: end, isActor: true, known: true, actor: right}
				fixedRoles = true // the chooser sees only the whole phrase
				break
			}
			phr := strings.TrimPrefix(st.join(k+1, srcU.e), "the ")
			if ci, ok := c.countries.ByName(phr); ok && ci.Alpha3 != srcU.actor.Country {
				tgtU = &unit{s: k + 1, e: srcU.e, isActor: true, known: true, actor: article.Actor{Name: phr, Country: ci.Alpha3}}
			}
			break
		}
	}
	src := c.resolve(st, srcU, d, tr.i)
	tgt := c.resolve(st, tgtU, d, tr.i)
	// "came under fire" is shooting only when armed forces fire ("came
	// under fire from rebel positions"), not "came under fire from critics"
	if p.nominal && len(p.slots) == 2 && p.slots[0][0] == "under" {
		switch src.Role {
		case "MIL", "REB", "INS", "COP":
		default:
			return nil
		}
	}
	// bare "leave" is a withdrawal only when armed forces leave a place
	// ("The last Soviet troops left Afghanistan"), not "left for Paris"
	if !p.nominal && len(p.slots) == 1 && toks[tr.i].lem == "leave" {
		armed := srcU != nil && srcU.isActor && (src.Role == "MIL" || src.Role == "REB" || src.Role == "INS")
		place := tgtU != nil && (len(tgtU.places) > 0 || tgtU.kinds&(1<<mkCountry|1<<mkCapital|1<<mkPlace) != 0) && tr.end+1 < len(toks) && st.unitAt[tr.end+1] >= 0 || tr.end+2 < len(toks) && toks[tr.end+1].tag == "DT" && st.unitAt[tr.end+2] >= 0 && tgtU != nil
		if !armed || !place || m.passive {
			return nil
		}
	}
	if srcU != nil && !srcU.isActor {
		src = article.Actor{}
	}
	if tgtU != nil && !tgtU.isActor {
		tgt = article.Actor{}
	}
	// no subject actor: the nearest actor with a country before the trigger
	// in the clause ("The main Hutu rebel group, Forces for ..., insisted")
	if subjFallback && !p.nominal && !m.passive && (srcU == nil || !srcU.isActor) && !(toks[tr.i].tag == "VBG" && tr.i > 0 && toks[tr.i-1].tag == "IN") && !(m.start > 0 && (toks[m.start-1].low == "and" || toks[m.start-1].low == "but" || toks[m.start-1].low == "or")) {
		for k := tr.i - 1; k >= 0; k-- {
			if clauseBoundary(toks[k]) && toks[k].low != "(" && toks[k].low != ")" {
				break
			}
			if (toks[k].tag == "VBD" || toks[k].tag == "VBZ" || toks[k].tag == "VBP") && k < m.start && !auxWords[toks[k].lem] {
				break // another verb: its own clause
			}
			if ui := st.unitAt[k]; ui >= 0 {
				u := st.units[ui]
				pw := prepBefore(st, u.s)
				if u.isActor && u != tgtU && u.actor.Country != "" && pw != "against" && pw != "on" && pw != "to" && pw != "from" && pw != "with" && !locPreps[pw] && !subjNominal {
					srcU = u
					src = c.resolve(st, u, d, tr.i)
					break
				}
				k = u.s
			}
		}
	}
	// no object actor: the first actor with a country after the trigger in the sentence
	if tgtFallback && (tgtU == nil || !tgtU.isActor) {
		for k := tr.end + 1; k < len(toks); k++ {
			if toks[k].low == ";" || isVerbTag(toks[k].tag) && reportingVerbs[toks[k].lem] {
				break
			}
			if ui := st.unitAt[k]; ui >= 0 {
				u := st.units[ui]
				if u.isActor && u != srcU && u.actor.Country != "" && headOK(st, u) && src.Country != u.actor.Country && !placeLike(st, u) {
					tgtU = u
					tgt = c.resolve(st, u, d, tr.i)
					break
				}
				k = u.e - 1
			}
		}
	}
	// the fitted chooser (rolemodel.go) may overrule the picks above; the
	// confidence still counts the actors the rules found
	var dconf float64
	if cs, ct, ca, cb, dc := c.chooseRoles(st, d, tr, m, srcU, tgtU, src, tgt); !fixedRoles {
		srcU, tgtU, src, tgt, dconf = cs, ct, ca, cb, dc
	} // else the construction says who did what to whom ("came under fire from X", "Israel and Hamas agreed")
	// a trigger that names its doers ("40 protesters", "demonstrators") is
	// its own source, whoever acts on them in the clause
	if p.nominal && agentTriggers[toks[tr.i].low] {
		if ui := st.unitAt[tr.i]; ui >= 0 && st.units[ui].isActor {
			srcU = st.units[ui]
			src = c.resolve(st, srcU, d, tr.i)
			if tgtU == srcU {
				tgtU, tgt = nil, article.Actor{}
			}
		}
	}
	conf += dconf
	// a titled official with no country of his own: the country the
	// sentence places him in ("President X threatened a curfew in Algiers")
	if src.Country == "" && srcU != nil && srcU.isActor && (srcU.known || srcU.person || src.Role != "") {
		for _, v := range st.units {
			if v == srcU || v.pronoun != "" {
				continue
			}
			pw := prepBefore(st, v.s)
			domestic := v == tgtU && (typ == "COERCE" || typ == "CONCEDE")
			if v == tgtU && !domestic || !(domestic || pw == "in" || pw == "at" || v.s < tr.i && (pw == "" || pw == "of" || pw == "from" || pw == "," || pw == "and")) {
				continue
			}
			if v.kinds&(1<<mkCountry|1<<mkCapital|1<<mkDemonym) != 0 && v.actor.Country != "" && v.actor.Country != "IGO" && v.actor.Country != "NGO" {
				src.Country = v.actor.Country
				break
			}
		}
	}
	// a target with no country: the place it is in ("an army camp in western Kabul")
	if tgt.Country == "" && tgtU != nil && tgtU.isActor {
		for _, v := range st.units {
			if v == srcU || v == tgtU || v.pronoun != "" || v.s < tgtU.e {
				continue
			}
			if pw := prepBefore(st, v.s); (pw == "in" || pw == "at" || pw == "of") && v.s-tgtU.e <= 4 && v.kinds&(1<<mkCountry|1<<mkCapital|1<<mkDemonym|1<<mkPlace) != 0 && v.actor.Country != "" && v.actor.Country != "IGO" && v.actor.Country != "NGO" {
				tgt.Country = v.actor.Country
				break
			}
		}
	}
	// an actor still with no country, in a sentence that names only one
	// country: that country (most events are domestic: "Rebels blocked
	// roads into Abidjan", "workers of a Tehran bus company")
	srcDomOK := srcU != nil && srcU.isActor && (srcU.pronoun == "" || src.Name != "" && src.Role != "" && src.Role != "CVL") && !c.transnational(src)
	if src.Country == "" && srcDomOK || tgt.Country == "" && tgtU != nil && tgtU.isActor && tgtU.pronoun == "" {
		if only := c.onlyCountry(st); only != "" {
			if src.Country == "" && srcDomOK {
				src.Country = only
			}
			if tgt.Country == "" && tgtU != nil && tgtU.isActor && tgtU.pronoun == "" && !c.transnational(tgt) {
				tgt.Country = only
			}
		}
	}
	// "thousands of Egyptians protested against": people in the street
	// protest (CAMEO 141); a government protests verbally (111)
	if typ == "ACCUSE" && toks[tr.i].lem == "protest" && srcU != nil && srcU.isActor && crowdSubject(st, srcU, src) {
		typ, mode, cameo = "PROTEST", "demonstrate", "141"
	}
	// protesters who occupy, blockade or burn are dissenting (CAMEO 14x),
	// not coercing: "students occupied the university", "strikers
	// blockaded the port", "protesters set fire to cars"
	// crowds that storm, stone or clash riot (CAMEO 145)
	if typ == "ASSAULT" && srcU != nil && srcU.isActor && protestCrowd(st, srcU) && (mode == "" || mode == "beat" || mode == "primitive") {
		typ, mode, cameo = "PROTEST", "riot", "145"
	}
	if typ == "COERCE" && srcU != nil && srcU.isActor && protestCrowd(st, srcU) {
		switch mode {
		case "seize", "restrict":
			typ, mode, cameo = "PROTEST", "obstruct", "144"
		case "destroy":
			typ, mode, cameo = "PROTEST", "riot", "145"
		}
	}
	// a non-state target with no country, hit by a state's forces:
	// domestic ("Burmese troops captured a Karen guerrilla stronghold")
	if tgt.Country == "" && tgtU != nil && tgtU.isActor && tgtU.pronoun == "" && src.Country != "" && src.Country != "IGO" && src.Country != "NGO" && (typ == "ASSAULT" || typ == "COERCE") {
		switch tgt.Role {
		case "REB", "INS", "OPP", "CVL":
			switch src.Role {
			case "MIL", "COP", "GOV", "":
				tgt.Country = src.Country
			}
		}
	}
	// modality
	hyp, neg := false, m.neg
	switch m.intent {
	case "":
	case "hesitate":
		if neg {
			// "would not hesitate to use force": a vow
			neg = false
			if conflictual[typ] || typ == "SANCTION" {
				typ, mode, cameo = "THREATEN", "", "130"
			} else if cooperative[typ] {
				typ, mode, cameo = "AGREE", "", "030"
			} else {
				hyp = true
			}
		} else {
			typ, mode, cameo = "REJECT", "", "120"
		}
	case "refuse", "decline", "fail":
		typ, mode, cameo = "REJECT", "", "120"
	case "threaten", "warn":
		typ, mode, cameo = "THREATEN", "", "130"
	case "offer":
		// an offer is cooperative whatever is offered ("offered to freeze
		// its nuclear programme")
		typ, mode, cameo = "AGREE", "", "030"
	case "vow", "swear":
		if conflictual[typ] || typ == "REJECT" || typ == "SANCTION" {
			typ, mode, cameo = "THREATEN", "", "130"
		} else {
			typ, mode, cameo = "AGREE", "", "030"
		}
	case "oblig":
		hyp = true
	case "prepare":
		if typ == "ASSAULT" {
			// "prepared to resume shelling": a military posture
			typ, mode, cameo = "MOBILIZE", "troops", "150"
		} else if cooperative[typ] {
			typ, mode, cameo = "AGREE", "", "030"
		} else if conflictual[typ] {
			typ, mode, cameo = "THREATEN", "", "130"
		} else {
			hyp = true
		}
	default:
		if cooperative[typ] {
			typ, mode, cameo = "AGREE", "", "030"
		} else if conflictual[typ] {
			typ, mode, cameo = "THREATEN", "", "130"
		} else {
			hyp = true
		}
	}
	// "stopped providing aid", "halted shelling": ending an act
	if !p.nominal && toks[tr.i].tag == "VBG" && m.start < tr.i && tr.i > 0 && haltVerbs[toks[tr.i-1].lem] && isVerbTag(toks[tr.i-1].tag) {
		switch {
		case typ == "AID":
			typ, mode, cameo = "SANCTION", "aid", "162"
		case cooperative[typ]:
			typ, mode, cameo = "SANCTION", "", "160"
		case conflictual[typ] && typ != "REJECT" && typ != "THREATEN":
			typ, mode, cameo = "RETREAT", "", "087"
		}
	}
	if deniedBefore(toks, tr.i) {
		hyp = true // "denied that its troops had entered", "denied attacking": not asserted
	}
	if inCondition(toks, tr.i) {
		hyp = true // "unless Baghdad accepted its conditions", "if sanctions were imposed"
	}
	switch m.modal {
	case "hyp":
		hyp = true
	case "future":
		if announcedBefore(st, m.start) && typ == "SANCTION" {
			// "announced it would prohibit all aid": a decision made
			// public is the act, not a threat or a promise
			break
		}
		if (typ == "RETREAT" && withdrawsHelp(st, tr.end) && withdrawVerbs[toks[tr.i].lem] || typ == "SANCTION" || typ == "REJECT" && !neg) && m.intent == "" {
			// "will withdraw its force", "would boycott": a threat
			typ, mode, cameo = "THREATEN", "", "130"
		} else if cooperative[typ] && typ != "AGREE" && m.intent == "" {
			typ, mode, cameo = "AGREE", "", "030"
		} else if conflictual[typ] && typ != "THREATEN" && m.intent == "" {
			typ, mode, cameo = "THREATEN", "", "130"
		}
	case "oblig":
		hyp = true
	}
	if typ == "RETREAT" && !hyp && typ != "THREATEN" && withdrawsHelp(st, tr.end) && (toks[tr.i].lem == "withdraw" || toks[tr.i].lem == "pull") {
		typ, mode, cameo = "SANCTION", "expel", "166" // withdrawing peacekeepers or inspectors
	}
	// "removing the sanctions is out of the question", "a withdrawal is
	// not an option": the speaker rejects the cooperative act
	if cooperative[typ] && !hyp && outOfQuestion(toks, tr.end) {
		typ, mode, cameo, neg = "REJECT", "", "120", false
		if src.Name == "" && st.speaker != nil && st.speaker.isActor {
			src = c.resolve(st, st.speaker, d, tr.i)
		}
	}
	if neg && cooperative[typ] && !hyp {
		typ, mode, cameo, neg = "REJECT", "", "120", false
	}
	// CAMEO 175, violent repression: force used on protesters ("police
	// fired on demonstrators") is coercion, not an assault
	if typ == "ASSAULT" && tgtU != nil && repressedWords[st.toks[max(tgtU.e-1, tgtU.s)].low] {
		typ, mode, cameo = "COERCE", "repress", "175"
	}
	// letting an international body in is CAMEO 086 ("permitted the Red
	// Cross to visit the prisoners")
	if typ == "CONCEDE" && (toks[tr.i].lem == "allow" || toks[tr.i].lem == "permit") && (tgt.Country == "IGO" || tgt.Country == "NGO") {
		typ, mode, cameo = "RETREAT", "access", "086"
	}
	// a police raid is law enforcement (CAMEO 17x), not a military assault
	if typ == "ASSAULT" && (src.Role == "COP" || src.Role == "JUD") && (toks[tr.i].lem == "raid" || toks[tr.i].lem == "storm" || toks[tr.i].low == "raid" || toks[tr.i].low == "raids") {
		typ, mode, cameo = "COERCE", "", "170"
	}
	if typ == "ASSAULT" && mode == "" {
		mode = c.sentenceMode(st)
		if mode != "" {
			cameo = modeCAMEO(mode, cameo)
		}
	}
	dr := c.newDraft(st, d, typ, mode, cameo, tr.i, conf)
	dr.subjNominal = subjNominal
	dr.ev.Source, dr.ev.Target = src, tgt
	dr.ev.Hypothetical, dr.ev.Negated = hyp, neg
	if src.Name != "" {
		dr.ev.Confidence += 0.1
	}
	if tgt.Name != "" {
		dr.ev.Confidence += 0.1
	}
	if hyp || neg {
		dr.ev.Confidence -= 0.2
	}
	sub := c.subordination(st, tr.i, m)
	if !p.nominal && issuingVerbs[toks[tr.i].lem] && vehicleOfContent(st, tr.end) {
		sub++ // "approved a resolution criticizing": the approving carries the criticism
	}
	if p.nominal && statementBefore(st, tr.i) {
		sub++ // "expressed concern about the attack": a statement about it, not the attack
	}
	if p.nominal && typ == "CONSULT" && reportSetting(st, tr) {
		sub++ // "said at a meeting with students that", "told a news conference"
	}
	if p.nominal && objectOfTrigger(st, tr, all) {
		sub++ // "demonstrated against the arrest of", "accused Iraq of the attack": the verb's theme
	}
	if p.nominal {
		// "at the request of", "after the attack": a nominal in an adverbial phrase is background
		first := tr.i - len(p.slots) + 1
		switch prepBefore(st, first) {
		case "at", "upon", "following", "after", "despite", "amid", "before", "since", "over", "during", "throughout":
			sub++
		case "on":
			if typ == "CONSULT" {
				sub++ // "on a visit to Moscow", "on a tour of the region"
			}
		}
		// a weapon named in a prepositional phrase is no attack: "talks on
		// limiting the number of nuclear missiles", "a treaty on rockets"
		if len(p.slots) == 1 && weaponNominals[p.slots[0][0]] {
			switch prepBefore(st, first) {
			case "of", "on", "about", "over", "with", "for", "against":
				sub++
			}
		}
	}
	if sub > 0 && !(typ == "PROTEST" && tr.i > 0 && (toks[tr.i-1].low == "to" || toks[tr.i-1].low == "in")) {
		dr.ev.Confidence -= 0.2 * float64(sub)
	}
	if tgtU != nil && tgtU.theme != "" {
		dr.theme = tgtU.theme
	} else if srcU != nil && srcU.theme == "aircraft" && typ == "ASSAULT" {
		dr.theme = "aircraft"
	}
	if p.nominal && tr.i-len(p.slots) >= 0 {
		w := toks[tr.i-len(p.slots)+1-1].low
		dr.anaphoric = w == "the" || w == "these" || w == "this" || w == "its" || w == "their"
	}
	dr.verbal = !conflictual[typ] && typ != "AID" && typ != "RETREAT" && typ != "CONSULT" && typ != "COOPERATE"
	c.setLocation(st, dr, tr, srcU, tgtU)
	if dr.ev.Location == nil && dr.verbal && dr.ev.Source.Name != "" {
		if l := d.speakerLoc[dr.ev.Source.Name]; l != nil {
			cp := *l
			dr.ev.Location = &cp
		}
	}
	c.secondOpinion(st, dr)
	return dr
}

// subordination counts how deep in subordinate clauses a trigger sits:
// relative clauses, adverbial clauses (after, because, when...), purpose
// infinitives and prepositional gerunds. Reported speech ("said that")
// does not count. Background events get a lower confidence.
func (c *Coder) subordination(st *sentState, i int, m modality) int {
	toks := st.toks
	n := 0
	for k := 0; k < i; k++ {
		w := toks[k].low
		switch {
		case (w == "which" || w == "who" || w == "whom") && k > 0 && toks[k-1].low != ",":
			n++
		case w == "which" || w == "who":
			n++
		case w == "that" && k > 0 && !reportThat(toks, k):
			n++
		case subordinators[w] && toks[k].tag == "IN" && k+1 < len(toks) && !(toks[k+1].tag == "CD"):
			// "after a Serbian army jet shot down": a clause, not a PP, when a verb follows soon
			for q := k + 1; q < len(toks) && q <= k+8 && q <= i; q++ {
				if isVerbTag(toks[q].tag) && toks[q].tag != "VBG" && toks[q].tag != "VBN" {
					n++
					break
				}
			}
		}
	}
	toInf := false
	for k := m.start; k < i; k++ {
		if toks[k].low == "to" {
			toInf = true
		}
	}
	// reduced relative: "a group seeking to overthrow", "the group blamed for"
	if i > 0 && (toks[i].tag == "VBG" || toks[i].tag == "VBN") && (isNounTag(toks[i-1].tag) || toks[i-1].low == ",") && m.start == i && !(toks[i].tag == "VBG" && documentNouns[toks[i-1].low] && issuedBefore(st, i-1)) && !finiteReading(st, i) {
		n++ // (not "a resolution criticizing": the document's content is the event)
	}
	if m.intent == "" && toInf || (i > 0 && toks[i].tag == "VBG" && (toks[i-1].tag == "IN" || toks[i-1].low == ",")) {
		n++
	}
	return n
}

// finiteReading: a past form the tagger read as a participle after a noun
// is the sentence's finite verb when a direct object follows it and no
// other verb does before the clause ends ("Authorities arrested the
// journalist", not "the group blamed for").
func finiteReading(st *sentState, i int) bool {
	toks := st.toks
	if toks[i].tag != "VBN" || i+1 >= len(toks) || !strings.HasSuffix(toks[i].low, "ed") && irregular[toks[i].low] == "" {
		return false
	}
	switch toks[i+1].tag {
	case "DT", "PRP$", "CD", "NNP", "NNPS", "PRP":
	default:
		return false
	}
	// the subject before it must not be inside a prepositional phrase or
	// follow another finite verb of the same clause
	for k := i - 1; k >= 0; k-- {
		t := toks[k]
		if t.low == "," || t.low == ";" || t.low == "that" || t.low == "which" || t.low == "who" {
			return true
		}
		if t.tag == "VBD" || t.tag == "VBZ" || t.tag == "VBP" || t.tag == "MD" {
			return false
		}
	}
	return true
}

// reportSetting: the nominal trigger tr is where a statement was made:
// the object of a reporting verb or of a preposition right after one.
func reportSetting(st *sentState, tr trigger) bool {
	toks := st.toks
	k := tr.i - len(tr.p.slots)
	for k >= 0 && (toks[k].tag == "DT" || toks[k].tag == "JJ" || toks[k].tag == "PRP$" || toks[k].tag == "CD" || toks[k].tag == "NN" && st.unitAt[k] < 0) {
		k--
	}
	if k >= 0 && (toks[k].low == "at" || toks[k].low == "in" || toks[k].low == "during" || toks[k].low == "to") {
		k--
		for k >= 0 && toks[k].tag == "RB" {
			k--
		}
	}
	return k >= 0 && isVerbTag(toks[k].tag) && reportingVerbs[toks[k].lem] && !lightVerbs[toks[k].lem]
}

// objectOfTrigger: the nominal trigger tr stands in the object of a verb
// trigger earlier in its clause.
func objectOfTrigger(st *sentState, tr trigger, all []trigger) bool {
	first := tr.i - len(tr.p.slots) + 1
	for _, o := range all {
		if o.p.nominal || o.end >= first || first-o.end > 8 {
			continue
		}
		blocked := false
		for k := o.end + 1; k < first; k++ {
			if clauseBoundary(st.toks[k]) || isVerbTag(st.toks[k].tag) && st.toks[k].tag != "VBG" {
				blocked = true
				break
			}
		}
		if !blocked {
			return true
		}
	}
	return false
}

// quantityHeads count people: "thousands of students", "a group of
// soldiers", "members of the opposition" (the actor is after "of").
var quantityHeads = map[string]bool{"thousands": true, "hundreds": true, "dozens": true, "scores": true, "millions": true,
	"tens": true, "number": true, "group": true, "groups": true, "members": true, "band": true, "crowd": true, "crowds": true}

// quantityOf: the unit starting at s follows "<quantity> of".
func quantityOf(toks []tok, s int) bool {
	return s >= 2 && toks[s-1].low == "of" && quantityHeads[toks[s-2].low]
}

// underVerbs put their subject under a nominal event: "has been under
// house arrest", "remained under siege", "came under attack".
var underVerbs = map[string]bool{"be": true, "remain": true, "stay": true, "come": true, "live": true, "fall": true, "place": true, "put": true, "keep": true}

// prepActorAfter: the actor unit in a prepositional phrase (with, to, on,
// against, of, for) starting at e, before limit.
func prepActorAfter(st *sentState, e, limit int) *unit {
	toks := st.toks
	if e >= limit || e >= len(toks) {
		return nil
	}
	switch toks[e].low {
	case "with", "to", "on", "against", "of", "for":
	default:
		return nil
	}
	for k := e + 1; k < limit && k <= e+3; k++ {
		if ui := st.unitAt[k]; ui >= 0 && st.units[ui].isActor {
			return st.units[ui]
		}
		if toks[k].tag != "DT" && toks[k].tag != "JJ" {
			break
		}
	}
	return nil
}

// weaponNominals name weapons, which code an attack only as its agent
// ("rockets hit the town") or its object ("fired rockets").
var weaponNominals = map[string]bool{"missiles": true, "missile": true, "rockets": true, "rocket": true, "shells": true, "shell": true, "mortars": true, "mortar": true, "artillery": true}

// governorSubject finds the subject of a verb whose own subject slot is
// empty: a purpose infinitive after the main verb's object ("mobilized
// pressure groups to help support") takes the main subject; a gerund after
// "guilty of" / "responsible for" takes the subject of "be".
func (c *Coder) governorSubject(st *sentState, v int, m modality) *unit {
	toks := st.toks
	k := m.start - 1
	if k >= 0 && toks[k].lem == "help" {
		k--
	}
	switch {
	case k >= 1 && toks[k].low == "to" && m.intent == "":
		// purpose: the main verb before, in the same clause
		for j := k - 1; j >= 0 && j >= k-12; j-- {
			if clauseBoundary(toks[j]) || toks[j].low == "," {
				return nil
			}
			if (toks[j].tag == "VBD" || toks[j].tag == "VBZ" || toks[j].tag == "VBP" || toks[j].tag == "VBN") && !auxWords[toks[j].lem] && !reportingVerbs[toks[j].lem] {
				gm := c.verbGroup(st, j)
				if gm.passive {
					return nil
				}
				if u := c.subjectOf(st, j, gm.start, 1); u != nil && u.isActor {
					return u
				}
				return nil
			}
		}
	case toks[v].tag == "VBG" && k >= 2 && (toks[k].low == "of" || toks[k].low == "for") && guiltWords[toks[k-1].low]:
		for j := k - 2; j >= 0 && j >= k-4; j-- {
			if toks[j].lem == "be" || toks[j].lem == "find" {
				gm := c.verbGroup(st, j)
				if u := c.subjectOf(st, j, gm.start, 1); u != nil && u.isActor {
					return u
				}
				return nil
			}
		}
	}
	return nil
}

var guiltWords = map[string]bool{"guilty": true, "responsible": true, "culpable": true, "capable": true}

// deniedBefore: token i sits in what a "deny" verb before it denies.
func deniedBefore(toks []tok, i int) bool {
	for k := i - 1; k >= 0 && k >= i-10; k-- {
		t := toks[k]
		if isVerbTag(t.tag) && (t.lem == "deny" || t.lem == "refute") {
			return true
		}
		if t.low == ";" || t.low == ":" || t.low == "but" || t.low == "and" && k+1 < len(toks) && isVerbTag(toks[k+1].tag) {
			return false
		}
		if (t.tag == "VBD" || t.tag == "VBZ" || t.tag == "VBP") && reportingVerbs[t.lem] {
			return false
		}
	}
	return false
}

// inCondition: token i sits in a conditional clause ("if ...", "unless
// ...") that has not closed before it.
func inCondition(toks []tok, i int) bool {
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		switch toks[k].low {
		case "if", "unless":
			return true
		case ",", ";", ":", "that", "\"", "“", "”":
			return false
		}
	}
	return false
}

// reportThat: the "that" at k opens a reported clause, right after a
// reporting verb or past a short phrase ("said on Monday that", "told
// reporters that", "said in a statement that").
func reportThat(toks []tok, k int) bool {
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		if isVerbTag(toks[j].tag) {
			return reportingVerbs[toks[j].lem]
		}
		if toks[j].low == "," || toks[j].low == ";" || toks[j].low == "that" || toks[j].low == "which" || toks[j].low == "who" {
			return false
		}
	}
	return false
}

var statementObjects = map[string]bool{"concern": true, "concerns": true, "condolences": true, "condolence": true, "sympathy": true,
	"regret": true, "sorrow": true, "grief": true, "shock": true, "hope": true, "hopes": true, "optimism": true, "respects": true, "outrage": true}

// statementBefore: a statement of feeling comes before token i.
func statementBefore(st *sentState, i int) bool {
	for k := 0; k < i; k++ {
		if statementObjects[st.toks[k].low] {
			return true
		}
	}
	return false
}

// withdrawVerbs take help away ("will withdraw its peacekeepers"), unlike
// "will ease restrictions on workers".
var withdrawVerbs = map[string]bool{"withdraw": true, "pull": true, "recall": true, "remove": true, "evacuate": true}

// withdrawsHelp: the thing withdrawn is help the target wants
// (peacekeepers, inspectors, aid), so announcing it is a threat.
func withdrawsHelp(st *sentState, end int) bool {
	for k := end + 1; k < len(st.toks) && k <= end+6; k++ {
		switch nounLemma(st.toks[k].low) {
		case "peacekeeper", "peacekeeping", "inspector", "observer", "monitor", "aid", "support", "ambassador", "envoy", "cooperation", "force", "worker", "mission", "mediator", "mediation":
			return true
		}
	}
	return false
}

func (c *Coder) addIntent(st *sentState, d *discourse, typ, mode, cameo *string, to string) {
	*typ, *mode, *cameo = to, "", "130"
}

// sentenceMode reads an assault's means from the words of the sentence.
func (c *Coder) sentenceMode(st *sentState) string {
	for _, t := range st.toks {
		switch nounLemma(t.low) {
		case "bomb", "explosive", "ied", "blast", "explosion":
			return "bombing"
		case "airstrike", "warplane":
			return "aerial"
		case "gunman", "gunmen", "gunfire", "machine-gun", "rifle":
			return "firearms"
		case "machete", "knife", "stone", "club":
			return "primitive"
		case "artillery", "mortar", "rocket", "shell", "tank":
			return "heavy-weapons"
		}
	}
	return ""
}

func modeCAMEO(mode, def string) string {
	switch mode {
	case "aerial":
		return "195"
	case "bombing":
		return "183"
	case "suicide-attack":
		return "1831"
	case "firearms":
		return "193"
	case "heavy-weapons":
		return "194"
	case "abduct":
		return "181"
	case "beat", "primitive":
		return "182"
	case "assassinate":
		return "186"
	}
	return def
}

// setLocation picks the event's own place: the first place after the
// trigger in its clause (not an origin or destination), else the nearest
// before it.
func (c *Coder) setLocation(st *sentState, dr *draft, tr trigger, srcU, tgtU *unit) {
	type cand struct {
		m    mention
		dist int
	}
	var after, before []cand
	violent := conflictual[dr.ev.Type]
	for _, u := range st.units {
		if (u == srcU || (u == tgtU && !violent)) && len(u.places) > 0 && u.known && !u.places[0].specific {
			continue
		}
		if u == srcU && u.actor.Role == "GOV" && len(u.places) > 0 && u.places[0].kind == mkCapital {
			continue
		}
		for _, pm := range u.places {
			pw := prepBefore(st, pm.s)
			if !locPreps[pw] && pw != "of" && !(u == tgtU && violent) && !(violent && pm.specific && (pw == "on" || pw == "against")) {
				continue
			}
			if pm.s > tr.end {
				if stop := hasBoundary(st, tr.end, pm.s); stop {
					continue
				}
				after = append(after, cand{pm, pm.s - tr.end})
			} else if pm.e <= tr.i {
				before = append(before, cand{pm, tr.i - pm.e})
			}
		}
	}
	var pick *mention
	if c.loc != nil {
		after, before = nil, nil // the fitted linker decides
		cands := locCandidates(st, tr.i, tr.end, dr.ev.Type)
		if k := c.loc.pick(cands, dr.ev.Type); k >= 0 {
			pick = &cands[k].m
		}
	}
	if len(after) > 0 {
		bi := 0
		for i := range after {
			if after[i].dist < after[bi].dist {
				bi = i
			}
		}
		pick = &after[bi].m
	} else if len(before) > 0 {
		bi := 0
		for i := range before {
			if before[i].dist < before[bi].dist {
				bi = i
			}
		}
		pick = &before[bi].m
	}
	if pick != nil {
		l := *pick.place
		dr.ev.Location = &l
		dr.specificLoc = pick.specific
		if l.Country == "" {
			// a city with no country: the next country in the sentence ("Raqqa in northern Syria")
			for _, u := range st.units {
				for _, pm := range u.places {
					if pm.s > pick.s && pm.s <= pick.e+4 && pm.place.Country != "" {
						dr.ev.Location.Country = pm.place.Country
					}
				}
			}
		}
	}
}

func hasBoundary(st *sentState, a, b int) bool {
	for k := a + 1; k < b; k++ {
		t := st.toks[k]
		if t.low == ";" || t.low == ":" || t.low == "\"" || t.low == "“" || t.low == "”" {
			return true
		}
		if isVerbTag(t.tag) && (t.tag == "VBD" || t.tag == "VBZ" || t.tag == "VBP") && k > a+2 {
			return true
		}
	}
	return false
}

// reportedEvents codes what reported speech itself says: "X said Y had to
// shift" is a REQUEST from X to Y; "X said Y's stance was short-sighted" an
// ACCUSE.
func (c *Coder) reportedEvents(st *sentState, d *discourse, reports []int, speaker article.Actor) []*draft {
	out := c.reportedSpeech(st, d, reports, speaker)
	if len(out) == 0 {
		out = c.characterisation(st, d)
	}
	return out
}

func (c *Coder) reportedSpeech(st *sentState, d *discourse, reports []int, speaker article.Actor) []*draft {
	if speaker.Name == "" {
		return nil
	}
	toks := st.toks
	var out []*draft
	for _, r := range reports {
		// clause after the reporting verb
		for j := r + 1; j < len(toks) && j < r+12; j++ {
			ui := st.unitAt[j]
			if ui < 0 {
				continue
			}
			u := st.units[ui]
			if !u.isActor && isTimePhrase(toks, u.s, u.e) {
				j = u.e - 1 // "concluded on Saturday that ..."
				continue
			}
			if !u.isActor || u.pronoun == "SELF" {
				break
			}
			k := u.e
			for hop := 0; hop < 3 && k+1 < len(toks); hop++ {
				w := toks[k].low
				if (w == "and" || w == "or" || w == "," || w == "in" || w == "of" || w == "from") && st.unitAt[k+1] >= 0 {
					k = st.units[st.unitAt[k+1]].e
					continue
				}
				if (w == "and" || w == "or") && toks[k+1].chunk == "B-NP" {
					// "the US and other developed nations must"
					k++
					for k+1 < len(toks) && toks[k+1].chunk == "I-NP" {
						k++
					}
					k++
					continue
				}
				break
			}
			for k < len(toks) && (toks[k].tag == "RB" || toks[k].low == "also") {
				k++
			}
			if k+1 < len(toks) && ((toks[k].lem == "have" && toks[k+1].low == "to") || obligations[toks[k].low] || (toks[k].lem == "need" && toks[k+1].low == "to")) {
				tgt := c.resolve(st, u, d, u.s)
				if tgt.Name != "" && tgt.Name != speaker.Name {
					dr := c.newDraft(st, d, "REQUEST", "", "100", k, 0.75)
					dr.ev.Source, dr.ev.Target = speaker, tgt
					dr.verbal = true
					if l := d.speakerLoc[speaker.Name]; l != nil {
						cp := *l
						dr.ev.Location = &cp
					}
					out = append(out, dr)
				}
			}
			break
		}
	}
	// evaluation: "<actor>'s stance ... looked weird", "the stance of <actor> ... is wrong"
	for i, t := range toks {
		if !evalNouns[t.low] {
			continue
		}
		var tu *unit
		if i > 0 && st.unitAt[i-1] >= 0 && st.units[st.unitAt[i-1]].possessive {
			tu = st.units[st.unitAt[i-1]]
		} else if st.unitAt[i] >= 0 && st.units[st.unitAt[i]].possessive && st.units[st.unitAt[i]].s < i {
			tu = st.units[st.unitAt[i]]
		} else if i+1 < len(toks) && toks[i+1].low == "of" {
			for j := i + 2; j < len(toks) && j < i+6; j++ {
				if ui := st.unitAt[j]; ui >= 0 && st.units[ui].isActor {
					tu = st.units[ui]
					break
				}
			}
		}
		if tu == nil {
			continue
		}
		for j := i + 1; j < len(toks) && j < i+12; j++ {
			if negAdjs[toks[j].low] || negAdjs[strings.Trim(toks[j].low, "\"“”")] {
				tgt := c.resolve(st, tu, d, tu.s)
				if tgt.Name != "" && tgt.Name != speaker.Name {
					dr := c.newDraft(st, d, "ACCUSE", "disapprove", "111", i, 0.6)
					dr.ev.Source, dr.ev.Target = speaker, tgt
					dr.verbal = true
					out = append(out, dr)
				}
				break
			}
		}
	}
	return out
}

// characterisation: "described the sanctions as an act of war", "called
// the attack a cowardly act", "said the elections were rigged": a negative
// judgement of another's act is a criticism (CAMEO 111); "said the plan
// was unacceptable" rejects the plan (120).
func (c *Coder) characterisation(st *sentState, d *discourse) []*draft {
	toks := st.toks
	var out []*draft
	{
		for i, t := range toks {
			if !isVerbTag(t.tag) || !(describeVerbs[t.lem] || reportingVerbs[t.lem] && t.lem != "deny") {
				continue
			}
			neg := -1
			for j := i + 1; j < len(toks) && j < i+12; j++ {
				if toks[j].low == ";" || toks[j].low == "." {
					break
				}
				if w := strings.Trim(toks[j].low, "\"“”"); negAdjs[w] || negJudgements[w] || w == "act" && j+2 < len(toks) && toks[j+1].low == "of" && actOfWords[toks[j+2].low] {
					neg = j
					break
				}
			}
			if neg < 0 {
				continue
			}
			// a reported clause must predicate it: "said X was rigged", not "said in a rigged vote"
			if !describeVerbs[t.lem] {
				pred := false
				for j := i + 1; j < neg; j++ {
					if toks[j].lem == "be" || toks[j].lem == "call" || toks[j].lem == "describe" {
						pred = true
					}
				}
				if !pred {
					continue
				}
			}
			m := c.verbGroup(st, i)
			su := c.subjectOf(st, i, m.start, 0)
			if su == nil || !su.isActor {
				continue
			}
			src := c.resolve(st, su, d, su.s)
			var tgt article.Actor
			for j := i + 1; j < neg+3 && j < len(toks); j++ {
				if ui := st.unitAt[j]; ui >= 0 && st.units[ui].isActor && st.units[ui] != su {
					tgt = c.resolve(st, st.units[ui], d, j)
					break
				}
			}
			if tgt.Name == src.Name {
				tgt = article.Actor{}
			}
			typ, mode, cameo := "ACCUSE", "disapprove", "111"
			if toks[neg].low == "unacceptable" {
				for j := i + 1; j < neg; j++ {
					if proposalNouns[nounLemma(toks[j].low)] {
						typ, mode, cameo = "REJECT", "", "120"
					}
				}
			}
			conf := 0.6
			if describeVerbs[t.lem] {
				conf = 0.75 // the sentence's own verb characterises
			}
			dr := c.newDraft(st, d, typ, mode, cameo, i, conf)
			dr.ev.Source, dr.ev.Target = src, tgt
			dr.verbal = true
			out = append(out, dr)
			break
		}
	}
	return out
}

var actOfWords = map[string]bool{"war": true, "aggression": true, "terror": true, "terrorism": true, "piracy": true, "cowardice": true, "barbarism": true, "provocation": true}

var proposalNouns = map[string]bool{"plan": true, "proposal": true, "offer": true, "demand": true, "resolution": true, "deal": true, "initiative": true, "condition": true, "term": true, "ultimatum": true}

// describeVerbs characterise their object: "described X as", "called X a".
var describeVerbs = map[string]bool{"describe": true, "call": true, "brand": true, "label": true, "term": true, "dub": true, "characterize": true, "characterise": true}

// negJudgements condemn what they characterise.
var negJudgements = map[string]bool{"aggression": true, "interference": true, "provocation": true, "rigged": true, "fraudulent": true,
	"baseless": true, "unfounded": true, "lies": true, "cowardly": true, "barbaric": true, "criminal": true, "illegitimate": true,
	"unjust": true, "act of war": true, "war": false, "terrorism": true, "genocide": true, "atrocity": true, "massacre": false,
	"violation": true, "blackmail": true, "piracy": true, "farce": true, "sham": true, "travesty": true, "fabrication": true}

// updateDiscourse remembers the sentence's subjects for pronouns later.
func (c *Coder) updateDiscourse(st *sentState, d *discourse) {
	for i, t := range st.toks {
		if !isVerbTag(t.tag) || t.tag == "VBG" || t.tag == "VBN" && i > 0 && !auxWords[st.toks[i-1].lem] {
			continue
		}
		m := c.verbGroup(st, i)
		u := c.subjectOf(st, i, m.start, 0)
		if u == nil || !u.isActor || u.pronoun != "" {
			continue
		}
		a := u.actor
		switch {
		case u.person:
			d.lastPerson = &a
		case u.plural:
			d.lastPlural = &a
			d.lastThing = &a
		default:
			d.lastThing = &a
		}
	}
}

// updateDiscourseCheap: for untagged sentences, a person named first is
// remembered from the registry.
func (c *Coder) updateDiscourseCheap(st *sentState, d *discourse) {}

// mergeSentence merges same-type events of one sentence: one happening
// told with a verb and a noun ("a roadside bombing ... killed").
func mergeSentence(ds []*draft) []*draft {
	var out []*draft
	for _, dr := range ds {
		merged := false
		for _, o := range out {
			if dr.consequence && o.ev.Type == "ASSAULT" && dr.ev.Type == "ASSAULT" && o.pos < dr.pos &&
				o.ev.Hypothetical == dr.ev.Hypothetical && o.ev.Negated == dr.ev.Negated {
				// "Rebels shelled the airport, killing three soldiers": one
				// attack, whose doer is the clause's (the participle's own
				// nearest noun is not its subject)
				dr.ev.Source = article.Actor{}
				absorb(o, dr, false)
				merged = true
				break
			}
			if dr.subjNominal && o.ev.Type == dr.ev.Type && (o.ev.Mode == "" || dr.ev.Mode == "" || o.ev.Mode == dr.ev.Mode) {
				absorb(o, dr, false)
				merged = true
				break
			}
			if o.ev.Type == dr.ev.Type && o.ev.Hypothetical == dr.ev.Hypothetical && o.ev.Negated == dr.ev.Negated && compatible(o, dr) && sameActors(o, dr) && (o.theme != "" && o.theme == dr.theme || bare(o) || bare(dr)) {
				absorb(o, dr, false)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, dr)
		}
	}
	return out
}

// phraseActor is the actor a short phrase names by itself: a country, a
// known actor ("Hamas", "the United Nations").
func (c *Coder) phraseActor(phr string) (article.Actor, bool) {
	phr = strings.TrimSpace(strings.TrimPrefix(phr, "the "))
	if ci, ok := c.countries.ByName(phr); ok {
		return article.Actor{Name: cleanName(phr), Country: ci.Alpha3}, true
	}
	if ka, ok := c.known[strings.ToLower(phr)]; ok {
		return article.Actor{Name: ka.name, Country: ka.code, Role: ka.role}, true
	}
	return article.Actor{}, false
}

// agentTriggers are nominal triggers that name the event's doers.
var agentTriggers = map[string]bool{"protesters": true, "protestors": true, "demonstrators": true, "rioters": true, "strikers": true, "marchers": true}

// casualtyParticiples after a comma tell what the attack before them did.
var casualtyParticiples = map[string]bool{"killing": true, "wounding": true, "injuring": true, "leaving": true}

func bare(d *draft) bool { return d.ev.Source.Name == "" && d.ev.Target.Name == "" }

func sameActors(a, b *draft) bool {
	return (a.ev.Source.Name == "" || b.ev.Source.Name == "" || a.ev.Source.Name == b.ev.Source.Name) &&
		(a.ev.Target.Name == "" || b.ev.Target.Name == "" || a.ev.Target.Name == b.ev.Target.Name)
}
