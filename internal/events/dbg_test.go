package events

import (
	"os"
	"testing"
)

func TestDbgGSR(t *testing.T) {
	f, err := os.Open("../../../shared/data/events/plover_gsr_cameo/PLOVER_GSR_CAMEO.json")
	if err != nil {
		t.Skip()
	}
	recs, _ := ReadPLOVERGSR(f)
	c := New()
	mode := os.Getenv("DBG")
	for _, g := range recs {
		if g.Split != "dev" {
			continue
		}
		e, _ := MainEvent(c.CodeSentence(g.Text, ""))
		switch mode {
		case "type":
			if e.Type != g.Type {
				t.Logf("%s got %s | %.150s", g.Type, e.Type, g.Text)
			}
		case "src":
			sc := actorCode("", e.Source.Country, e.Source.Role)
			if sc != g.Source {
				t.Logf("gold %s got %q(%s) | %.130s", g.Source, e.Source.Name, sc, g.Text)
			}
		case "tgt":
			sc := actorCode("", e.Target.Country, e.Target.Role)
			if g.Target != "" && sc != g.Target {
				t.Logf("gold %s got %q(%s) | %.130s", g.Target, e.Target.Name, sc, g.Text)
			}
		}
	}
}
