package events

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"

	"sitrep/internal/article"
	"sitrep/internal/nlp"
)

// The event-location linker: which of a sentence's place mentions is where
// its event happened, or none. Each candidate mention is described by binary
// features of its position relative to the trigger (side, distance, the
// preposition before it, clause boundaries, verbs and commas between, its
// rank among the candidates on its side, the kind of place, whether it
// heads an "X's Y" or "Y, X" pair...), and a log-linear model scores them
// against a "none" option. The weights (locmodel.json) are fitted by
// `sitrep train event-location` on the research assistants' annotations of
// Halterman's event-location data (not its gold "RELABEL" entries, nor any
// sentence they share a text with), so `sitrep eval event-location` scores
// data the model never saw.

//go:embed locmodel.json
var locModelJSON []byte

// LocModel is the linker's weights by feature name.
type LocModel struct {
	Weights map[string]float64 `json:"weights"`
	// Margin: the hand rule's pick stands unless another option (or none)
	// scores this much higher. Chosen by the trainer on held-back training
	// sentences.
	Margin float64 `json:"margin"`
	// Trained records how the weights were made.
	Trained string `json:"trained,omitempty"`
}

func loadLocModel(data []byte) (*LocModel, error) {
	var m LocModel
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("events: location model: %w", err)
	}
	if len(m.Weights) == 0 {
		return nil, nil // not trained: the hand rules stand
	}
	return &m, nil
}

// locCand is one place mention of a sentence as a candidate location.
type locCand struct {
	m     mention
	feats []string
}

func bucket(n int, edges ...int) string {
	for i, e := range edges {
		if n <= e {
			return strconv.Itoa(i)
		}
	}
	return strconv.Itoa(len(edges))
}

var locPrepFeature = map[string]bool{
	"in": true, "at": true, "near": true, "over": true, "outside": true, "inside": true, "across": true,
	"around": true, "into": true, "of": true, "on": true, "against": true, "from": true, "to": true,
	"toward": true, "towards": true, "off": true, "throughout": true, "between": true, "by": true,
	"through": true, "along": true, "for": true, "with": true, "and": true, ",": true, "'s": true,
}

// locCandidates lists the place mentions of the sentence with their features
// relative to the trigger tokens [ti, tend].
func locCandidates(st *sentState, ti, tend int, typ string) []locCand {
	var ms []mention
	for _, u := range st.units {
		ms = append(ms, u.places...)
	}
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].s < ms[b].s })
	var after, before []int
	for i, m := range ms {
		if m.s > tend {
			after = append(after, i)
		} else if m.e <= ti {
			before = append(before, i)
		}
	}
	rank := map[int]int{}
	for r, i := range after {
		rank[i] = r
	}
	for r := range before {
		rank[before[len(before)-1-r]] = r
	}
	violent := "0"
	if conflictual[typ] {
		violent = "1"
	}
	// the hand rule's pick (setLocation without the actors): the first place
	// after the trigger in its clause after a locative preposition, else the
	// nearest before
	rule := -1
	for _, i := range after {
		if pw := prepBefore(st, ms[i].s); (locPreps[pw] || pw == "of") && !hasBoundary(st, tend, ms[i].s) {
			rule = i
			break
		}
	}
	if rule < 0 {
		for k := len(before) - 1; k >= 0; k-- {
			if pw := prepBefore(st, ms[before[k]].s); locPreps[pw] || pw == "of" {
				rule = before[k]
				break
			}
		}
	}
	var out []locCand
	for i, m := range ms {
		if m.s <= tend && m.e > ti {
			continue // the trigger itself ("the Baghdad bombing")
		}
		side, dist, a, b := "after", m.s-tend, tend, m.s
		if m.e <= ti {
			side, dist, a, b = "before", ti-m.e+1, m.e-1, ti
		}
		verbs, commas, ands := 0, 0, 0
		for k := a + 1; k < b; k++ {
			t := st.toks[k]
			if t.low == "and" || t.low == "or" || t.low == "but" {
				ands++
			}
			if t.tag == "VBD" || t.tag == "VBZ" || t.tag == "VBP" {
				verbs++
			}
			if t.low == "," {
				commas++
			}
		}
		prep := prepBefore(st, m.s)
		if !locPrepFeature[prep] {
			prep = "other"
		}
		kind := "town"
		switch {
		case m.kind == mkCapital:
			kind = "capital"
		case !m.specific:
			kind = "country"
		}
		f := []string{
			"bias",
			"side=" + side,
			"dist=" + side + bucket(dist, 1, 2, 4, 7, 12, 20),
			"prep=" + prep,
			"sideprep=" + side + "_" + prep,
			"vprep=" + violent + "_" + prep,
			"rank=" + side + bucket(rank[i], 0, 1),
			"kind=" + kind,
			"sidekind=" + side + "_" + kind,
			"verbs=" + side + bucket(verbs, 0, 1),
			"commas=" + side + bucket(commas, 0, 1),
			"vside=" + violent + "_" + side,
			"ands=" + side + bucket(ands, 0),
			"kindrank=" + side + "_" + kind + bucket(rank[i], 0),
		}
		if len(ms) == 1 {
			f = append(f, "alone", "alone_"+side)
		}
		if i == rule {
			f = append(f, "rule", "rule_"+kind)
		}
		if side == "after" && hasBoundary(st, a, b) {
			f = append(f, "boundary")
		}
		if k := m.s - 1; k >= 0 && directions[st.toks[k].low] {
			f = append(f, "direction")
		}
		if k := m.s - 2; k >= 0 && st.toks[k+1].low == "of" && directions[st.toks[k].low] {
			f = append(f, "dirof") // "north of Karbala": a reference point
		}
		if k := m.s - 2; k >= 0 && st.toks[k+1].low == "of" && geoNouns[st.toks[k].low] {
			f = append(f, "cityof") // "the city of Manbij"
		}
		if m.e < len(st.toks) && (st.toks[m.e].low == "'s" || st.toks[m.e].low == "’s") {
			f = append(f, "possessor") // "Syria's Aleppo province"
		}
		if m.e < len(st.toks) && geoNouns[st.toks[m.e].low] {
			f = append(f, "designated") // "Aleppo province", "Khanasir town"
		}
		if m.s > 0 && st.toks[m.s-1].low == "," && i > 0 && ms[i-1].e == m.s-1 {
			f = append(f, "qualifier") // "Florencia, Caqueta": the bigger place after a comma
		}
		if i+1 < len(ms) && ms[i+1].s == m.e+1 && st.toks[m.e].low == "," {
			f = append(f, "qualified")
		}
		if m.s == 0 || (m.s == 1 && st.toks[0].low == "in") {
			f = append(f, "initial")
		}
		if u := st.unitAt[m.s]; u >= 0 && st.units[u].isActor && st.units[u].s < m.s {
			f = append(f, "inactor") // inside an actor's phrase ("the Baltic Sea port")
		}
		out = append(out, locCand{m: m, feats: f})
	}
	return out
}

// noneFeatures describe the "no location" option.
func noneFeatures(cands []locCand, typ string) []string {
	violent := "0"
	if conflictual[typ] {
		violent = "1"
	}
	return []string{"none", "none_n=" + bucket(len(cands), 0, 1, 2, 4), "none_v=" + violent}
}

func (m *LocModel) score(f []string) float64 {
	s := 0.0
	for _, x := range f {
		s += m.Weights[x]
	}
	return s
}

// pick returns the best candidate, or -1 for none.
func (m *LocModel) pick(cands []locCand, typ string) int {
	fs := make([][]string, len(cands))
	for i, c := range cands {
		fs[i] = c.feats
	}
	return m.Pick(fs, noneFeatures(cands, typ))
}

// Pick chooses among candidates described by their features (and the none
// option's): the best-scored, unless the hand rule's pick (the candidate
// with feature "rule") is within Margin of it; -1 is none. It is the
// chooser's decision (choose, rolemodel.go), whose clause conventions read
// features place candidates never have.
func (m *LocModel) Pick(cands [][]string, none []string) int { return m.choose(cands, none) }

// LocExample is one training sentence for the linker: each candidate's
// features, the none option's, and which candidate mentions overlap a gold
// location (rune spans into the article's Body).
type LocExample struct {
	Cands [][]string
	Spans [][2]int
	None  []string
}

// LocationExamples describes, for the event named by the word at the rune
// span [verbStart, verbEnd) of a's Body (already through the stages before
// events), the place mentions of its sentence as the linker sees them.
// ok is false when the span is not inside one sentence's tokens.
func (c *Coder) LocationExamples(a *article.Article, verbStart, verbEnd int) (ex LocExample, ok bool) {
	runes := []rune(a.Body)
	reg := &registry{bySurname: map[string]*person{}}
	d := &discourse{speakerLoc: map[string]*article.EventLocation{}}
	for _, sp := range nlp.Sentences(a.Body) {
		if verbStart < sp.Start || verbEnd > sp.End {
			continue
		}
		st := c.sentence(a, sp, runes, reg, d)
		if len(st.toks) == 0 {
			return ex, false
		}
		c.prepare(st)
		ti, tend := st.tokRange(verbStart, verbEnd)
		if ti < 0 {
			return ex, false
		}
		typ := ""
		for _, tr := range c.findTriggers(st) {
			if tr.i >= ti && tr.i < tend {
				typ = tr.p.typ
			}
		}
		cands := locCandidates(st, ti, tend-1, typ)
		for _, cd := range cands {
			ex.Cands = append(ex.Cands, cd.feats)
			ex.Spans = append(ex.Spans, [2]int{st.toks[cd.m.s].start, st.toks[cd.m.e-1].end})
		}
		ex.None = noneFeatures(cands, typ)
		return ex, true
	}
	return ex, false
}
