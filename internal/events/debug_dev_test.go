package events

import (
	"fmt"
	"os"
	"testing"
)

// TestDevErrors prints the coder's errors on the DEV half of
// PLOVER_GSR_CAMEO only (odd record ids; docs/events.md): the gold event,
// the sentence and every event coded. The held-out half is never printed.
// Run with EVENTS_DEV_ERRORS=1 go test ./internal/events -run DevErrors -v
func TestDevErrors(t *testing.T) {
	recs := devRecords(t, "errors")
	c := New()
	for _, g := range recs {
		if g.Split != "dev" {
			continue
		}
		evs := c.CodeSentence(g.Text, "")
		e, ok := MainEvent(evs)
		tOK := ok && e.Type == g.Type
		sOK := g.Source == "" || ok && actorCode(e.Source.Name, e.Source.Country, e.Source.Role) == g.Source
		gOK := g.Target == "" || ok && actorCode(e.Target.Name, e.Target.Country, e.Target.Role) == g.Target
		if tOK && sOK && gOK {
			continue
		}
		fmt.Printf("%s gold %s %s->%s  [type %v source %v target %v]\n  %s\n", g.ID, g.Type, g.Source, g.Target, tOK, sOK, gOK, g.Text)
		for _, x := range evs {
			fmt.Printf("   * %s %s %q(%s/%s) -> %q(%s/%s) conf=%.2f hyp=%v neg=%v\n", x.Type, x.CAMEO, x.Source.Name, x.Source.Country, x.Source.Role, x.Target.Name, x.Target.Country, x.Target.Role, x.Confidence, x.Hypothetical, x.Negated)
		}
	}
}

// devRecords reads PLOVER_GSR_CAMEO for the dev-half printers, which run
// only when EVENTS_DEV_ERRORS is set and skip without ../shared.
func devRecords(t *testing.T, what string) []GoldRecord {
	t.Helper()
	if os.Getenv("EVENTS_DEV_ERRORS") == "" {
		t.Skip("set EVENTS_DEV_ERRORS=1 to print the dev-half " + what)
	}
	f, err := os.Open("../../../shared/data/events/plover_gsr_cameo/PLOVER_GSR_CAMEO.json")
	if err != nil {
		t.Skip("../shared/data/events/plover_gsr_cameo absent: ", err)
	}
	defer f.Close()
	recs, err := ReadPLOVERGSR(f)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}
