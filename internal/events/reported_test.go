package events

import "testing"

// Reported speech: the event told by a speaker carries the speaker as
// reported_by; an event the sentence tells itself does not, nor does a
// speaker's own act.
func TestReportedBy(t *testing.T) {
	c := New()
	tests := []struct {
		sentence, typ, reporter string
	}{
		{"Police arrested 20 protesters in Nairobi, the interior ministry said on Monday.", "COERCE", "interior ministry"},
		{`"Government troops attacked the village," Amnesty International said.`, "ASSAULT", "Amnesty International"},
		{"Russia's defence ministry said its jets struck Islamic State positions near Raqqa.", "ASSAULT", "Russia"},
		{"Speaking after rebels shelled the city, the minister said talks would continue.", "ASSAULT", ""},
		{"Obama said he had held talks with Putin.", "CONSULT", ""},
		{"Rebels shelled the city on Monday.", "ASSAULT", ""},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			for _, ev := range c.CodeSentence(tc.sentence, "2024-05-13") {
				if ev.Type != tc.typ {
					continue
				}
				got := ""
				if ev.ReportedBy != nil {
					got = ev.ReportedBy.Name
				}
				if got != tc.reporter {
					t.Errorf("%s reported by %q, want %q", ev.Type, got, tc.reporter)
				}
				if ev.Evidence.Trigger == nil || ev.Evidence.Trigger.Text == "" {
					t.Errorf("%s has no trigger", ev.Type)
				}
				return
			}
			t.Fatalf("no %s event", tc.typ)
		})
	}
}
