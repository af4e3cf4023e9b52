package events

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"

	"sitrep/internal/article"
)

// The fitted actor chooser: which of a sentence's actor units is the
// source of an event, and which its target (or none). The hand rules of
// codeTrigger (subject, object, passive by-agent, light verbs, fallbacks)
// pick first; then each actor unit of the sentence is described, once as a
// source candidate and once as a target candidate, by binary features of
// its position relative to the trigger (side, distance, the preposition
// before it, passive voice, a by-agent, a reporting verb or relative
// pronoun between, clause boundaries, coordination), of its kind (person,
// country, capital, demonym, known actor, agent noun, pronoun, possessive,
// with or without a country) and of what the rules say about it (the rule's
// pick for this role and for the other, the grammatical subject, the first
// object). Two log-linear models (source, target) score the candidates
// against a "none" option; the rule's pick stands unless another option
// scores more than the model's margin higher. The weights (rolemodel.json)
// are fitted by `sitrep train event-roles` on ConfliBERT cameo_ner/train;
// cameo_ner/test and PLOVER are never read by the trainer.

//go:embed rolemodel.json
var roleModelJSON []byte

// RoleModel holds the source and target choosers. Each is a LocModel: its
// weights by feature name and the margin by which another option must beat
// the rule's pick.
type RoleModel struct {
	Source  *LocModel `json:"source"`
	Target  *LocModel `json:"target"`
	Trained string    `json:"trained,omitempty"`
}

func loadRoleModel(data []byte) (*RoleModel, error) {
	var m RoleModel
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("events: role model: %w", err)
	}
	if m.Source == nil || m.Target == nil || len(m.Source.Weights) == 0 || len(m.Target.Weights) == 0 {
		return nil, nil // not trained: the hand rules stand
	}
	return &m, nil
}

// WithRoleModel returns a copy of the coder that chooses sources and
// targets with m (nil: by the hand rules alone), for training and comparing.
func (c *Coder) WithRoleModel(m *RoleModel) *Coder {
	cp := *c
	cp.roles = m
	return &cp
}

// roleChoice is one trigger's actor candidates as the choosers see them.
type roleChoice struct {
	pos      int // rune offset of the trigger
	units    []*unit
	src, tgt [][]string // features of each unit as a source, as a target
	srcNone  []string
	tgtNone  []string
	ruleS    int // the rules' picks: index into units, -1 none
	ruleT    int
	content  [][][2]int // rune spans of each unit's content words
}

func sameSpan(a, b *unit) bool {
	return a != nil && b != nil && a.s == b.s && a.e == b.e
}

// roleCandidates describes the sentence's actor units for trigger tr, given
// the rules' picks srcU and tgtU.
func (c *Coder) roleCandidates(st *sentState, tr trigger, m modality, srcU, tgtU *unit) *roleChoice {
	toks := st.toks
	rc := &roleChoice{ruleS: -1, ruleT: -1}
	if len(toks) > 0 && tr.i < len(toks) {
		rc.pos = toks[tr.i].start
	}
	first := tr.i
	if tr.p.nominal {
		first = tr.i - len(tr.p.slots) + 1
	}
	last := tr.end
	for _, u := range st.units {
		if !u.isActor {
			continue
		}
		if srcU != nil && srcU.isActor && srcU != u && sameSpan(srcU, u) {
			u = srcU
		} else if tgtU != nil && tgtU.isActor && tgtU != u && sameSpan(tgtU, u) {
			u = tgtU
		}
		rc.units = append(rc.units, u)
	}
	for _, r := range []*unit{srcU, tgtU} {
		if r == nil || !r.isActor {
			continue
		}
		found := false
		for _, u := range rc.units {
			if u == r || sameSpan(u, r) {
				found = true
			}
		}
		if !found { // a phrase the rules made up ("Jordan and Britain" -> Britain)
			rc.units = append(rc.units, r)
		}
	}
	for i, u := range rc.units {
		if srcU != nil && srcU.isActor && (u == srcU || sameSpan(u, srcU)) && rc.ruleS < 0 {
			rc.ruleS = i
		}
		if tgtU != nil && tgtU.isActor && (u == tgtU || sameSpan(u, tgtU)) && rc.ruleT < 0 {
			rc.ruleT = i
		}
	}
	// what the rules say apart from the final picks
	var subj, obj, agent *unit
	if !tr.p.nominal {
		subj = c.subjectOf(st, tr.i, m.start, 0)
		obj = c.objectAfter(st, tr.end, 10)
		if m.passive {
			agent, _ = c.byAgent(st, tr.end)
		}
	} else {
		obj = c.objectAfter(st, tr.end, 6)
	}
	voice := "act"
	switch {
	case tr.p.nominal:
		voice = "nom"
	case m.passive:
		voice = "pass"
	}
	class := "verbal"
	switch {
	case conflictual[tr.p.typ]:
		class = "conf"
	case cooperative[tr.p.typ]:
		class = "coop"
	}
	// ranks of the actor units on each side
	rank := make([]int, len(rc.units))
	nb, na := 0, 0
	for i := len(rc.units) - 1; i >= 0; i-- {
		if rc.units[i].e <= first {
			rank[i] = nb
			nb++
		}
	}
	for i, u := range rc.units {
		if u.s > last {
			rank[i] = na
			na++
		}
	}
	for i, u := range rc.units {
		side, a, b := "in", first, first
		switch {
		case u.e <= first:
			side, a, b = "before", u.e-1, first
		case u.s > last:
			side, a, b = "after", last, u.s
		}
		dist := b - a
		verbs, commas, ands, reports, rels, bound := 0, 0, 0, 0, 0, false
		for k := a + 1; k < b; k++ {
			t := toks[k]
			switch t.low {
			case "and", "or", "but":
				ands++
			case ",":
				commas++
			case "who", "which", "that", "whom":
				rels++
			}
			if t.tag == "VBD" || t.tag == "VBZ" || t.tag == "VBP" {
				verbs++
			}
			if isVerbTag(t.tag) && reportingVerbs[t.lem] {
				reports++
			}
			if clauseBoundary(t) || t.low == ";" {
				bound = true
			}
		}
		prep := prepBefore(st, u.s)
		if !locPrepFeature[prep] && prep != "" {
			prep = "other"
		}
		if u.s > 0 && (toks[u.s-1].low == "against" || toks[u.s-1].low == "targeting") {
			prep = "against"
		}
		f := []string{
			"bias",
			"side=" + side,
			"vside=" + voice + "_" + side,
			"cside=" + class + "_" + side,
			"dist=" + side + bucket(dist, 1, 2, 4, 7, 12),
			"prep=" + prep,
			"sideprep=" + side + "_" + prep,
			"vprep=" + voice + "_" + prep,
			"rank=" + side + bucket(rank[i], 0, 1),
			"verbs=" + side + bucket(verbs, 0, 1),
			"commas=" + side + bucket(commas, 0, 1),
			"ands=" + side + bucket(ands, 0),
			"tside=" + tr.p.typ + "_" + side,
			"cprep=" + class + "_" + prep,
		}
		if reports > 0 {
			f = append(f, "report_between", "report_between_"+side)
		}
		if rels > 0 {
			f = append(f, "rel_between_"+side)
		}
		if bound {
			f = append(f, "boundary_"+side)
		}
		if bound || reports > 0 {
			f = append(f, "outclause")
		}
		kinds := []string{}
		for k, name := range []string{mkEntity: "entity", mkPerson: "person", mkKnown: "known", mkCountry: "country", mkCapital: "capital", mkDemonym: "demonym", mkAgent: "agent", mkPlace: "place", mkPronoun: "pronoun"} {
			if name != "" && u.kinds&(1<<k) != 0 {
				kinds = append(kinds, name)
			}
		}
		for _, k := range kinds {
			f = append(f, "kind="+k, "sidekind="+side+"_"+k)
		}
		if u.pronoun != "" {
			f = append(f, "pron="+u.pronoun)
		}
		if u.possessive || u.e < len(toks) && (toks[u.e].low == "'s" || toks[u.e].low == "’s") {
			f = append(f, "possessive", "possessive_"+side)
		}
		if u.actor.Country == "" {
			f = append(f, "nocountry")
		} else if u.actor.Country == "IGO" || u.actor.Country == "NGO" {
			f = append(f, "igo")
		}
		if u.actor.Role != "" {
			f = append(f, "role="+u.actor.Role)
		}
		if u.known {
			f = append(f, "named")
		}
		if u.plural {
			f = append(f, "plural")
		}
		if !headOK(st, u) {
			f = append(f, "nohead")
		}
		if placeLike(st, u) {
			f = append(f, "placelike")
		}
		if u.theme != "" {
			f = append(f, "theme")
		}
		if u.e < len(toks) && (toks[u.e].low == "and" || toks[u.e].low == "or") {
			f = append(f, "conj_first")
		}
		if u.s > 0 && (toks[u.s-1].low == "and" || toks[u.s-1].low == "or") {
			f = append(f, "conj_second")
		}
		if u.s == 0 || u.s == 1 && toks[0].tag == "DT" {
			f = append(f, "initial")
		}
		if u.e < len(toks) && isVerbTag(toks[u.e].tag) && reportingVerbs[toks[u.e].lem] {
			f = append(f, "speaker_verb") // "X said"
		}
		if st.speaker != nil && sameSpan(st.speaker, u) {
			f = append(f, "speaker")
		}
		if sameSpan(subj, u) {
			f = append(f, "subj", "subj_"+voice)
		}
		if sameSpan(obj, u) {
			f = append(f, "obj", "obj_"+voice)
		}
		if sameSpan(agent, u) {
			f = append(f, "byagent")
		}
		src := append([]string(nil), f...)
		tgt := append([]string(nil), f...)
		if i == rc.ruleS {
			src = append(src, "rule", "rule_"+voice, "rule_"+side)
			tgt = append(tgt, "orule")
		}
		if i == rc.ruleT {
			tgt = append(tgt, "rule", "rule_"+voice, "rule_"+side)
			src = append(src, "orule")
		}
		rc.src = append(rc.src, src)
		rc.tgt = append(rc.tgt, tgt)
		if c.roleTrace != nil {
			var ct [][2]int
			for k := u.s; k < u.e; k++ {
				if !clfStop[toks[k].low] && toks[k].tag != "DT" && toks[k].tag != "POS" {
					ct = append(ct, [2]int{toks[k].start, toks[k].end})
				}
			}
			rc.content = append(rc.content, ct)
		}
	}
	n := bucket(len(rc.units), 0, 1, 2, 4)
	rc.srcNone = []string{"none", "none_n=" + n, "none_v=" + voice, "none_c=" + class, "none_t=" + tr.p.typ}
	rc.tgtNone = []string{"none", "none_n=" + n, "none_v=" + voice, "none_c=" + class, "none_t=" + tr.p.typ}
	if srcU != nil && !srcU.isActor {
		// the subject is a thing: "Air strikes ... killed 12", "The
		// decision angered"
		rc.srcNone = append(rc.srcNone, "none_thing_"+voice)
	}
	if subj != nil && !subj.isActor {
		rc.srcNone = append(rc.srcNone, "none_thing_subj")
		rc.tgtNone = append(rc.tgtNone, "none_thing_subj")
	}
	if rc.ruleS < 0 {
		rc.srcNone = append(rc.srcNone, "rule", "none_rule")
	}
	if rc.ruleT < 0 {
		rc.tgtNone = append(rc.tgtNone, "rule", "none_rule")
	}
	return rc
}

// choose returns the option the model picks among the candidates and none
// (-1): the best-scored, unless the rule's pick (the option with feature
// "rule", none included) is within Margin of it. The coder's convention for
// reported speech holds: a speaker (a unit across a reporting verb from
// the trigger) never replaces an actor the rules found in the reported
// clause ("A source said Russia launched air strikes": Russia stays), and
// a unit in another clause (past a reporting verb or a clause boundary)
// neither fills a role the rules left empty ("Putin ordered the strikes
// after ... an Airbus that crashed ... was brought down by a bomb": no
// source) nor replaces a pick the rules found in the trigger's own clause
// ("Iran threatened ... unless Baghdad accepted": Baghdad accepted).
func (m *LocModel) choose(cands [][]string, none []string) int {
	best, bestS := -1, m.score(none)
	rule, ruleS := -2, 0.0
	if hasFeature(none, "rule") {
		rule, ruleS = -1, bestS
	}
	for i, f := range cands {
		if rule == -2 && hasFeature(f, "rule") {
			rule, ruleS = i, m.score(f)
		}
	}
	for i, f := range cands {
		if s := m.score(f); s > bestS {
			best, bestS = i, s
		}
	}
	if rule >= 0 && best >= 0 && best != rule && hasFeature(cands[best], "report_between") {
		return rule
	}
	if rule > -2 && best >= 0 && best != rule && hasFeature(cands[best], "outclause") && (rule == -1 || !hasFeature(cands[rule], "outclause")) {
		return rule // nor does a unit of another clause fill a gap the rules left
	}
	if rule > -2 && best != rule && bestS-ruleS < m.Margin {
		return rule
	}
	return best
}

func hasFeature(f []string, x string) bool {
	for _, y := range f {
		if y == x {
			return true
		}
	}
	return false
}

// chooseRoles is the hook in codeTrigger: given the rules' source and
// target, it returns the fitted choosers' (the same ones when the model
// agrees or is absent), and the change to the event's confidence that
// keeps it counting the actors the rules found (+0.1 each, added later for
// the final ones): the choice of a sentence's main event stays the rules'.
func (c *Coder) chooseRoles(st *sentState, d *discourse, tr trigger, m modality, srcU, tgtU *unit, src, tgt article.Actor) (*unit, *unit, article.Actor, article.Actor, float64) {
	if c.roles == nil && c.roleTrace == nil {
		return srcU, tgtU, src, tgt, 0
	}
	rc := c.roleCandidates(st, tr, m, srcU, tgtU)
	if c.roleTrace != nil {
		*c.roleTrace = append(*c.roleTrace, rc)
	}
	if c.roles == nil || len(rc.units) == 0 {
		return srcU, tgtU, src, tgt, 0
	}
	found := func(a, b article.Actor) float64 {
		n := 0.0
		if a.Name != "" {
			n += 0.1
		}
		if b.Name != "" {
			n += 0.1
		}
		return n
	}
	before := found(src, tgt)
	ks := c.roles.Source.choose(rc.src, rc.srcNone)
	if srcU != nil && !srcU.isActor {
		// the subject is a thing, often a nominal event the verb joins
		// ("Air strikes against militants killed 12"): no actor replaces it
		ks = rc.ruleS
	}
	kt := c.roles.Target.choose(rc.tgt, rc.tgtNone)
	if ks >= 0 && ks == kt {
		// one unit cannot be both: whichever differs from its rule goes back
		if ks != rc.ruleS {
			ks = rc.ruleS
		} else {
			kt = rc.ruleT
		}
	}
	if ks != rc.ruleS {
		if ks < 0 {
			srcU, src = nil, article.Actor{}
		} else {
			srcU = rc.units[ks]
			src = c.resolve(st, srcU, d, tr.i)
		}
	}
	if kt != rc.ruleT {
		if kt < 0 {
			tgtU, tgt = nil, article.Actor{}
		} else {
			tgtU = rc.units[kt]
			tgt = c.resolve(st, tgtU, d, tr.i)
		}
	}
	return srcU, tgtU, src, tgt, before - found(src, tgt)
}

// RoleExample is one sentence's main event as the choosers see it: its
// actor units' features as sources and as targets, the none options', and
// which units overlap gold source and target spans.
type RoleExample struct {
	Src, Tgt         [][]string
	SrcNone, TgtNone []string
	// Units: the rune spans of each unit's content words (not
	// determiners, prepositions or possessive marks)
	Units [][][2]int
	// GoldS, GoldT: indexes of the units that are right as the source /
	// target (set by the caller)
	GoldS, GoldT []int
	// HasS, HasT: the gold names a source / target at all (set by the
	// caller); without one, the right answer is none
	HasS, HasT bool
}

// RoleExamples codes a (already through the stages before events, or bare)
// with the hand rules alone and describes its main event's actor units.
// ok is false when nothing is coded.
func (c *Coder) RoleExamples(a *article.Article) (ex RoleExample, ok bool) {
	var trace []*roleChoice
	cp := *c
	cp.roles, cp.roleTrace = nil, &trace
	ev, found := MainEvent(cp.Code(context.Background(), a))
	if !found || ev.Evidence.Trigger == nil {
		return ex, false
	}
	var rc *roleChoice
	for _, r := range trace {
		if r.pos == ev.Evidence.Trigger.Start {
			rc = r
		}
	}
	if rc == nil {
		return ex, false
	}
	return RoleExample{Src: rc.src, Tgt: rc.tgt, SrcNone: rc.srcNone, TgtNone: rc.tgtNone, Units: rc.content}, true
}

// ChoiceExample is one choice to learn: each candidate's features, the
// none option's, and the right options (candidate indexes, -1 for none).
type ChoiceExample struct {
	Cands [][]string
	None  []string
	Gold  []int
}

// SourceChoice and TargetChoice are the example's two choices; ok is false
// when the gold names an actor that none of the units overlaps (no choice
// can be right).
func (ex RoleExample) SourceChoice() (ChoiceExample, bool) {
	return roleChoiceOf(ex.Src, ex.SrcNone, ex.GoldS, ex.HasS)
}

// TargetChoice: see SourceChoice.
func (ex RoleExample) TargetChoice() (ChoiceExample, bool) {
	return roleChoiceOf(ex.Tgt, ex.TgtNone, ex.GoldT, ex.HasT)
}

func roleChoiceOf(cands [][]string, none []string, gold []int, has bool) (ChoiceExample, bool) {
	ce := ChoiceExample{Cands: cands, None: none, Gold: gold}
	if !has || len(gold) == 0 {
		// no unit is the gold actor (or there is none): none is right
		ce.Gold = []int{-1}
	}
	return ce, true
}

// FitChoice fits a chooser's weights: a log-linear model over each
// example's options (its candidates and none) maximising the probability
// of its right options, by stochastic gradient ascent with L2
// regularisation, in a fixed order (deterministic).
func FitChoice(exs []ChoiceExample, epochs int, rate, l2 float64) *LocModel {
	w := map[string]float64{}
	for ep := 0; ep < epochs; ep++ {
		lr := rate / (1 + float64(ep))
		for _, ex := range exs {
			opts := append([][]string{ex.None}, ex.Cands...)
			right := make([]bool, len(opts))
			for _, g := range ex.Gold {
				if g+1 >= 0 && g+1 < len(opts) {
					right[g+1] = true
				}
			}
			scores := make([]float64, len(opts))
			mx := math.Inf(-1)
			for k, f := range opts {
				for _, x := range f {
					scores[k] += w[x]
				}
				mx = math.Max(mx, scores[k])
			}
			z, zr := 0.0, 0.0
			for k := range scores {
				scores[k] = math.Exp(scores[k] - mx)
				z += scores[k]
				if right[k] {
					zr += scores[k]
				}
			}
			if zr == 0 {
				continue
			}
			for k, f := range opts {
				g := -scores[k] / z
				if right[k] {
					g += scores[k] / zr
				}
				for _, x := range f {
					w[x] += lr * (g - l2*w[x])
				}
			}
		}
	}
	for k, v := range w {
		if math.Abs(v) < 1e-4 {
			delete(w, k)
		} else {
			w[k] = math.Round(v*1e4) / 1e4
		}
	}
	return &LocModel{Weights: w}
}

// Choose is the chooser's decision over candidates described by their
// features and the none option's (-1): see choose.
func (m *LocModel) Choose(cands [][]string, none []string) int { return m.choose(cands, none) }
