package events

import (
	"strings"
	"testing"
)

func TestRoleModelEmbedded(t *testing.T) {
	m, err := loadRoleModel(roleModelJSON)
	if err != nil {
		t.Fatal(err)
	}
	if m == nil || len(m.Source.Weights) < 50 || len(m.Target.Weights) < 50 {
		t.Fatalf("embedded role model has no weights; rebuild it with make train-event-roles")
	}
	if !strings.Contains(m.Trained, "sitrep train event-roles") {
		t.Errorf("the model does not say how it was made: %q", m.Trained)
	}
	if New().roles == nil {
		t.Error("New() does not use the embedded role model")
	}
	if New().WithRoleModel(nil).roles != nil {
		t.Error("WithRoleModel(nil) still chooses with a model")
	}
	// an untrained file leaves the hand rules alone
	if m, err := loadRoleModel([]byte(`{}`)); err != nil || m != nil {
		t.Errorf("loadRoleModel({}) = %v, %v; want nil, nil", m, err)
	}
}

// Sentences written here where the fitted chooser names the right source
// or target (the hand rules alone leave the role empty or pick another
// unit: no source for an apposition-qualified subject, a sea for a war's
// enemy, the apposition instead of the name).
func TestRoleModelSentences(t *testing.T) {
	c := New()
	tests := []struct {
		text, typ      string
		source, target string // substrings of the names ("" not checked)
		srcCountry     string
	}{
		{"Members of the Kenyan Human Rights Commission, a group linked to the opposition, visited 300 Somali refugees held at a camp near Dadaab.",
			"CONSULT", "Human Rights Commission", "Somali refugees", "KEN"},
		{"Iran today threatened to launch a new offensive in its Gulf war with Iraq unless Baghdad accepted its conditions.",
			"THREATEN", "Iran", "Iraq", "IRN"},
		{"The Nigerian Union of Teachers, the umbrella union for primary school teachers, called off a strike.",
			"CONCEDE", "Nigerian Union", "", "NGA"},
		{"Rebels in Chad on Wednesday rejected an appeal from President Idriss Deby to lay down their arms.",
			"REJECT", "Rebels", "Idriss Deby", "TCD"},
	}
	for _, tt := range tests {
		ev, ok := MainEvent(c.CodeSentence(tt.text, "2015-11-18"))
		if !ok {
			t.Errorf("%q: no event", tt.text)
			continue
		}
		if ev.Type != tt.typ || !strings.Contains(ev.Source.Name, tt.source) || !strings.Contains(ev.Target.Name, tt.target) || ev.Source.Country != tt.srcCountry {
			t.Errorf("%q:\n got %s %q (%s) -> %q\nwant %s %q (%s) -> %q", tt.text, ev.Type, ev.Source.Name, ev.Source.Country, ev.Target.Name,
				tt.typ, tt.source, tt.srcCountry, tt.target)
		}
	}
}

// The coder's conventions hold against the model: reported speech codes
// the reported clause's own actors, a nominal subject keeps its verb
// sourceless, and no unit of another clause fills an empty role.
func TestRoleModelConventions(t *testing.T) {
	c := New()
	tests := []struct {
		text, trigger, source, target string
	}{
		{"A senior French government source said Russia had launched air strikes against the Islamic State stronghold of Raqqa.", "strikes", "Russia", "Islamic State"},
		{"Air strikes against militants in Syria killed 12 people.", "strikes", "", "militants"},
		{"Putin ordered the strikes after an investigation concluded that an Airbus A321 that crashed over Egypt was brought down by a bomb.", "brought", "", "A321"},
	}
	for _, tt := range tests {
		found := false
		for _, ev := range c.CodeSentence(tt.text, "2015-11-18") {
			if ev.Evidence.Trigger == nil || ev.Evidence.Trigger.Text != tt.trigger {
				continue
			}
			found = true
			if ev.Source.Name != tt.source || !strings.Contains(ev.Target.Name, tt.target) {
				t.Errorf("%q (%s): got %q -> %q, want %q -> %q", tt.text, tt.trigger, ev.Source.Name, ev.Target.Name, tt.source, tt.target)
			}
		}
		if !found {
			t.Errorf("%q: no event at %q", tt.text, tt.trigger)
		}
	}
}

// Fitting is deterministic and learns a plain preference: the candidate
// before an active verb as the source over the one after it, none when
// the only candidate is after "against"; the rule's pick stands within
// the margin.
func TestFitChoice(t *testing.T) {
	before := []string{"bias", "side=before"}
	after := []string{"bias", "side=after", "prep=against"}
	none := []string{"none"}
	var exs []ChoiceExample
	for i := 0; i < 40; i++ {
		exs = append(exs,
			ChoiceExample{Cands: [][]string{before, after}, None: none, Gold: []int{0}},
			ChoiceExample{Cands: [][]string{after}, None: none, Gold: []int{-1}},
			// two right answers ("Jordan and Britain"): either will do
			ChoiceExample{Cands: [][]string{before, before, after}, None: none, Gold: []int{0, 1}})
	}
	a := FitChoice(exs, 5, 0.1, 1e-4)
	b := FitChoice(exs, 5, 0.1, 1e-4)
	if len(a.Weights) == 0 || len(a.Weights) != len(b.Weights) {
		t.Fatalf("weights: %v vs %v", a.Weights, b.Weights)
	}
	for k, v := range a.Weights {
		if b.Weights[k] != v {
			t.Fatalf("weights differ between two fits: %s %v %v", k, v, b.Weights[k])
		}
	}
	if got := a.Choose([][]string{after, before}, none); got != 1 {
		t.Errorf("Choose(after, before) = %d, want 1", got)
	}
	if got := a.Choose([][]string{after}, none); got != -1 {
		t.Errorf("Choose(after) = %d, want -1 (none)", got)
	}
	// the rule's pick stands when it is close enough
	a.Margin = 1000
	ruleAfter := append(append([]string(nil), after...), "rule")
	if got := a.Choose([][]string{ruleAfter, before}, none); got != 0 {
		t.Errorf("with a large margin Choose = %d, want the rule's pick 0", got)
	}
	ruleNone := append(append([]string(nil), none...), "rule")
	if got := a.Choose([][]string{before}, ruleNone); got != -1 {
		t.Errorf("with a large margin and the rule at none, Choose = %d, want -1", got)
	}
	// a speaker never replaces the rule's actor, whatever the margin
	a.Margin = 0
	speaker := append(append([]string(nil), before...), "report_between")
	if got := a.Choose([][]string{speaker, ruleAfter}, none); got != 1 {
		t.Errorf("Choose(speaker, rule) = %d, want the rule's pick 1", got)
	}
}

func BenchmarkRoleCandidates(b *testing.B) {
	c := New()
	text := "Members of the Kenyan Human Rights Commission, a group linked to the opposition, visited 300 Somali refugees held at a camp near Dadaab on Tuesday."
	st := &sentState{reg: &registry{bySurname: map[string]*person{}}}
	st.setTokens(text, 0)
	c.prepare(st)
	trs := c.findTriggers(st)
	if len(trs) == 0 {
		b.Fatal("no trigger")
	}
	m := c.verbGroup(st, trs[0].i)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		rc := c.roleCandidates(st, trs[0], m, nil, nil)
		c.roles.Source.choose(rc.src, rc.srcNone)
		c.roles.Target.choose(rc.tgt, rc.tgtNone)
	}
}
