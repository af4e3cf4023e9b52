package events

import "testing"

// TestGeneralRules covers the constructions added in the events5 round
// (docs/events.md): sentences written for the rule, not taken from any
// evaluation set.
func TestGeneralRules(t *testing.T) {
	c := New()
	cases := []struct {
		rule, text, typ, src, tgt string
	}{
		{"intent noun", "Pakistan has expressed its willingness to hold talks with India on Kashmir.", "AGREE", "PAK", "IND"},
		{"intent noun negated", "The government said it had no plans to release the prisoners.", "REJECT", "", ""},
		{"intent noun under another verb", "Kenya shelved a plan to withdraw troops from Somalia.", "REJECT", "KEN", ""},
		{"offer is cooperative", "North Korea offered to freeze its nuclear programme in exchange for fuel aid.", "AGREE", "PRK", ""},
		{"pledging money", "Japan pledged to provide $50 million to help rebuild Afghanistan.", "AGREE", "JPN", "AFG"},
		{"engage in", "Kenya engaged in negotiations with Uganda.", "CONSULT", "KEN", "UGA"},
		{"report with a time phrase", "Officials said on Monday that the rebels had carried out a suicide bombing.", "ASSAULT", "", ""},
		{"announced sanction", "The United States announced it would prohibit all aid to the rebels.", "SANCTION", "USA", ""},
		{"halting a gerund", "The United States stopped providing aid to Nicaragua.", "SANCTION", "USA", "NIC"},
		{"ceasing attacks", "The rebels ceased attacking government positions.", "RETREAT", "", ""},
		{"nominal as a verb's theme", "Thousands of people demonstrated against the arrest of the opposition leader.", "PROTEST", "", ""},
		{"finite past after a noun", "Authorities arrested the journalist for criticizing the president.", "COERCE", "", ""},
		{"object words stay in the clause", "Iran warned that it would retaliate against any attack.", "THREATEN", "IRN", ""},
		{"statement setting", "The president said at a meeting with students that he would not hesitate to use force.", "THREATEN", "", ""},
		{"passive with a PP actor", "Diplomatic relations with Libya were severed.", "SANCTION", "", "LBY"},
		{"under house arrest", "The opposition leader has been under house arrest since 1989.", "COERCE", "", ""},
		{"police raid", "Police raided the offices of the opposition newspaper.", "COERCE", "", ""},
		{"protesters occupying", "Students occupied the university building.", "PROTEST", "", ""},
		{"allow an IGO in", "The junta permitted the Red Cross to visit the prisoners.", "RETREAT", "", "NGO"},
		{"hostages", "The gunmen held 20 passengers hostage.", "ASSAULT", "", ""},
		{"administration of a leader", "The Reagan administration imposed sanctions on Libya.", "SANCTION", "USA", "LBY"},
		{"forces loyal to", "Forces loyal to the Syrian government shelled Christian areas of Beirut.", "ASSAULT", "SYR", "LBN"},
		{"irregular past read as a noun", "The IMF froze loans to Russia.", "SANCTION", "IGO", "RUS"},
		{"possessor's intention", "Iran's refusal to allow inspectors angered the United Nations.", "REJECT", "IRN", ""},
		{"armed forces leaving", "The last Soviet troops left Afghanistan on Wednesday.", "RETREAT", "RUS", "AFG"},
		{"prepared to attack", "The army prepared to resume shelling rebel positions.", "MOBILIZE", "", ""},
		{"came under fire", "Israeli troops came under fire from Hezbollah guerrillas in southern Lebanon.", "ASSAULT", "LBN", "ISR"},
		{"be prepared to", "The United States said it was prepared to use military force against Iraq.", "THREATEN", "USA", "IRQ"},
		{"characterisation", "Iran described the U.S. sanctions as an act of war.", "ACCUSE", "IRN", "USA"},
		{"judged unacceptable", "The rebels said the peace plan was unacceptable.", "REJECT", "", ""},
		{"unwilling", "The government is unwilling to release the prisoners.", "REJECT", "", ""},
		{"condition clause", "Iran threatened to close the Strait of Hormuz if sanctions were imposed.", "THREATEN", "IRN", ""},
	}
	for _, tc := range cases {
		t.Run(tc.rule, func(t *testing.T) {
			e, ok := MainEvent(c.CodeSentence(tc.text, ""))
			if !ok {
				t.Fatalf("no event in %q", tc.text)
			}
			if e.Type != tc.typ || tc.src != "" && e.Source.Country != tc.src || tc.tgt != "" && e.Target.Country != tc.tgt {
				t.Errorf("%q: got %s %s -> %s, want %s %s -> %s", tc.text, e.Type, e.Source.Country, e.Target.Country, tc.typ, tc.src, tc.tgt)
			}
		})
	}
	// figurative fire is no shooting
	if evs := c.CodeSentence("The minister came under fire over the decision.", ""); len(evs) > 0 {
		t.Errorf("criticism coded as an event: %+v", evs)
	}
	// the condition clause's own event is hypothetical
	for _, e := range c.CodeSentence("Iran threatened to close the Strait of Hormuz if sanctions were imposed.", "") {
		if e.Type == "SANCTION" && !e.Hypothetical {
			t.Errorf("sanctions in an if-clause coded as done: %+v", e)
		}
	}
}
