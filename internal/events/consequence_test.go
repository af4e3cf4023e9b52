package events

import (
	"testing"

	"sitrep/internal/article"
)

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

// A location the coder read from the words (a capital, a locative phrase)
// takes the point of the article's place written the same way.
func TestPlaceCoordinates(t *testing.T) {
	places := []article.Place{
		{Name: "Manila", Country: "PH", Lat: 14.6, Lon: 121.0, Mentions: []article.Mention{{Text: "Manila"}}},
		{Name: "Ar Raqqah", Country: "SY", Lat: 35.95, Lon: 39.01, Mentions: []article.Mention{{Text: "Raqqa"}}},
		{Name: "Paris", Country: "FR", Lat: 48.85, Lon: 2.35, Mentions: []article.Mention{{Text: "Paris"}}},
	}
	tests := []struct {
		loc      article.EventLocation
		lat, lon float64
	}{
		{article.EventLocation{Name: "Manila", Country: "PH"}, 14.6, 121.0},
		{article.EventLocation{Name: "Raqqa"}, 35.95, 39.01},                    // by the mention as written
		{article.EventLocation{Name: "Paris", Country: "US"}, 0, 0},             // another country's Paris: left alone
		{article.EventLocation{Name: "Manila", Lat: 1, Lon: 2}, 1, 2},           // a point already: kept
		{article.EventLocation{Name: "Aziziyah district", Country: "SY"}, 0, 0}, // not a place of the article
	}
	for _, tt := range tests {
		l := tt.loc
		evs := []article.Event{{Type: "ASSAULT", Location: &l}}
		placeCoordinates(evs, places)
		if l.Lat != tt.lat || l.Lon != tt.lon {
			t.Errorf("%+v -> %v,%v, want %v,%v", tt.loc, l.Lat, l.Lon, tt.lat, tt.lon)
		}
	}
}

// "Shot dead" counts the dead as "killed" does.
func TestShotDead(t *testing.T) {
	c := New()
	for _, tt := range []struct {
		text string
		dead int
	}{
		{"Gunmen shot dead an American soldier in Fallujah on Thursday.", 1},
		{"Gunmen shot dead two policemen in Quetta.", 2},
		{"Two policemen were shot dead in Quetta on Monday.", 2},
	} {
		ev, ok := MainEvent(c.CodeSentence(tt.text, "2015-11-18"))
		if !ok || ev.Type != "ASSAULT" || ev.Fatalities == nil || *ev.Fatalities != tt.dead {
			t.Errorf("%q: %+v, want an ASSAULT with %d dead", tt.text, ev, tt.dead)
		}
	}
}

// A trigger that names its doers is its own source: police arresting
// protesters do not protest.
func TestAgentTriggerIsSource(t *testing.T) {
	c := New()
	for _, e := range c.CodeSentence("Police arrested 40 protesters in Nairobi after clashes on Sunday.", "2015-11-18") {
		if e.Type == "PROTEST" && e.Source.Name == "Police" {
			t.Errorf("PROTEST with the police as its source: %+v", e)
		}
	}
}

// "Israel and Hamas agreed": one phrase naming two actors of a symmetric
// happening is the source and its partner.
func TestCoordinatedPartners(t *testing.T) {
	c := New()
	ev, ok := MainEvent(c.CodeSentence("Israel and Hamas agreed to a ceasefire.", "2015-11-18"))
	if !ok || ev.Type != "AGREE" || ev.Source.Name != "Israel" || ev.Target.Name != "Hamas" {
		t.Errorf("got %+v, want AGREE Israel -> Hamas", ev)
	}
}

// Who did what to whom in the seed's second sentence: Putin's air strikes
// hit the militants, and nobody Russian blew up the Russian airliner (a
// regression a fitted chooser once made).
func TestAttributionInReportedSentence(t *testing.T) {
	c := New()
	text := "Speaking just hours after President Vladimir Putin vowed to hunt down those responsible for blowing up a Russian airliner and intensified air strikes against militants in Syria, Obama said it was a fitting response."
	strikes := false
	for _, e := range c.CodeSentence(text, "2015-11-18") {
		if e.Type != "ASSAULT" {
			continue
		}
		if e.Mode == "aerial" {
			strikes = true
			if e.Source.Name != "Vladimir Putin" || e.Target.Name != "militants" {
				t.Errorf("air strikes: %s -> %s, want Vladimir Putin -> militants", e.Source.Name, e.Target.Name)
			}
		}
		if e.Target.Name == "Russian airliner" && (e.Source.Country == "RUS" || e.Source.Name == "Vladimir Putin") {
			t.Errorf("the airliner's attacker is Russian: %+v", e.Source)
		}
	}
	if !strikes {
		t.Error("no aerial ASSAULT for the air strikes")
	}
}
