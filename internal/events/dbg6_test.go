package events

import (
	"sitrep/internal/article"
	"os"
	"testing"
)

func TestDbg6(t *testing.T) {
	c := New()
	s := os.Getenv("S1")
	st := &sentState{reg: &registry{bySurname: map[string]*person{}}}
	st.setTokens(s, 0)
	d := &discourse{speakerLoc: map[string]*article.EventLocation{}}
	for _, tr := range func() []trigger { c.codeSentence(st, d); return c.findTriggers(st) }() {
		t.Logf("trigger %s %s end=%d", st.toks[tr.i].text, tr.p.typ, tr.end)
	}
	for _, u := range st.units {
		t.Logf("unit %q actor=%v known=%v person=%v", st.join(u.s, u.e), u.isActor, u.known, u.person)
	}
	st2 := &sentState{reg: &registry{bySurname: map[string]*person{}}}
	st2.setTokens(s, 0)
	for _, dr := range c.codeSentence(st2, d) {
		t.Logf("draft %+v", dr.ev)
	}
}
