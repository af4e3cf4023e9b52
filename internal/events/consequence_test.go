package events

import "testing"

// ", killing N" tells what the attack before it did: one event, with the
// attack's doer and the dead.
func TestConsequenceParticiple(t *testing.T) {
	c := New()
	tests := []struct {
		text, source string
		dead         int
	}{
		{"Rebels shelled the airport in Goma on Tuesday, killing three soldiers, the army said.", "Rebels", 3},
		{"Sudanese rebels shelled the southern capital Juba on Sunday, killing about 20 people, relief officials said.", "Sudanese rebels", 20},
		// killed or wounded: no death toll, coded conservatively
		{"Government forces fired rockets at the rebel camp, killing or wounding 50.", "Government forces", 0},
	}
	for _, tt := range tests {
		var assaults []string
		for _, e := range c.CodeSentence(tt.text, "2015-11-18") {
			if e.Type == "ASSAULT" && !e.Hypothetical && !e.Negated {
				assaults = append(assaults, e.Source.Name)
				if e.Source.Name != tt.source {
					t.Errorf("%q: source %q, want %q", tt.text, e.Source.Name, tt.source)
				}
				if tt.dead == 0 && e.Fatalities != nil || tt.dead > 0 && (e.Fatalities == nil || *e.Fatalities != tt.dead) {
					t.Errorf("%q: fatalities %v, want %d", tt.text, e.Fatalities, tt.dead)
				}
			}
		}
		if len(assaults) != 1 {
			t.Errorf("%q: %d assaults %v, want one", tt.text, len(assaults), assaults)
		}
	}
}
