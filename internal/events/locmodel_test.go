package events

import (
	"testing"
)

func TestLocModelEmbedded(t *testing.T) {
	m, err := loadLocModel(locModelJSON)
	if err != nil {
		t.Fatal(err)
	}
	if m == nil || len(m.Weights) < 50 {
		t.Fatalf("embedded location model has no weights; rebuild it with make train-event-location")
	}
	if New().loc == nil {
		t.Error("New() does not use the embedded location model")
	}
}

// The linker places the event, not the report of it: the killing in the
// place after the trigger, not where officials spoke.
func TestLocModelSentences(t *testing.T) {
	c := New()
	tests := []struct{ text, want string }{
		{"Gunmen killed five soldiers in Mali on Tuesday, officials in France said.", "Mali"},
		{"Officials in Kenya said gunmen killed five soldiers in Somalia on Tuesday.", "Somalia"},
		{"In Iraq, a suicide bomber killed 12 people at a market on Friday.", "Iraq"},
		{"Russia and Turkey signed a trade agreement on Monday.", ""},
	}
	for _, tt := range tests {
		evs := c.CodeSentence(tt.text, "2015-11-18")
		ev, ok := MainEvent(evs)
		if !ok {
			t.Errorf("%q: no event", tt.text)
			continue
		}
		got := ""
		if ev.Location != nil {
			got = ev.Location.Name
		}
		if got != tt.want {
			t.Errorf("%q: %s located in %q, want %q", tt.text, ev.Type, got, tt.want)
		}
	}
}

// Fitting is deterministic and learns a plain preference: here, the
// candidate after "in" over the one after "from", and none when there is
// no candidate.
func TestFitChoiceSingleGold(t *testing.T) {
	in := []string{"bias", "prep=in", "side=after"}
	from := []string{"bias", "prep=from", "side=before"}
	none := []string{"none"}
	var exs []ChoiceExample
	for i := 0; i < 50; i++ {
		exs = append(exs, ChoiceExample{Cands: [][]string{from, in}, None: none, Gold: []int{1}},
			ChoiceExample{Cands: [][]string{from}, None: none, Gold: []int{-1}})
	}
	a := FitChoice(exs, 5, 0.1, 1e-4)
	b := FitChoice(exs, 5, 0.1, 1e-4)
	for k, v := range a.Weights {
		if b.Weights[k] != v {
			t.Fatalf("weights differ between two fits: %s %v %v", k, v, b.Weights[k])
		}
	}
	if got := a.Pick([][]string{from, in}, none); got != 1 {
		t.Errorf("Pick(from, in) = %d, want 1", got)
	}
	if got := a.Pick([][]string{from}, none); got != -1 {
		t.Errorf("Pick(from) = %d, want -1 (none)", got)
	}
}

func BenchmarkLocCandidates(b *testing.B) {
	c := New()
	text := "Kupczyk, 44, an officer with the 12th Mechanized Brigade in the Baltic Sea port, was shot in an ambush north of Karbala in Iraq on Thursday."
	st := &sentState{reg: &registry{bySurname: map[string]*person{}}}
	st.setTokens(text, 0)
	c.prepare(st)
	trs := c.findTriggers(st)
	if len(trs) == 0 {
		b.Fatal("no trigger")
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		cands := locCandidates(st, trs[0].i, trs[0].end, trs[0].p.typ)
		c.loc.pick(cands, trs[0].p.typ)
	}
}
