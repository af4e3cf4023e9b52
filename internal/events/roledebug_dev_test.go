package events

import (
	"fmt"
	"testing"

	"sitrep/internal/article"
)

// TestRoleDevChanges prints, for the DEV half of PLOVER_GSR_CAMEO only,
// the records whose main event's source or target the fitted chooser
// changes, and whether each side is right with and without it. Run with
// EVENTS_DEV_ERRORS=1 go test ./internal/events -run RoleDevChanges -v
func TestRoleDevChanges(t *testing.T) {
	recs := devRecords(t, "changes")
	c := New()
	r := c.WithRoleModel(nil)
	for _, g := range recs {
		if g.Split != "dev" {
			continue
		}
		a, _ := MainEvent(r.CodeSentence(g.Text, ""))
		b, _ := MainEvent(c.CodeSentence(g.Text, ""))
		if a.Source == b.Source && a.Target == b.Target && a.Type == b.Type {
			continue
		}
		code := func(x article.Actor) string { return actorCode(x.Name, x.Country, x.Role) }
		fmt.Printf("%s gold %s %s->%s\n  %s\n  rule  %s %q(%s) -> %q(%s)\n  model %s %q(%s) -> %q(%s)  [source %v->%v target %v->%v]\n", g.ID, g.Type, g.Source, g.Target, g.Text,
			a.Type, a.Source.Name, code(a.Source), a.Target.Name, code(a.Target),
			b.Type, b.Source.Name, code(b.Source), b.Target.Name, code(b.Target),
			code(a.Source) == g.Source, code(b.Source) == g.Source, code(a.Target) == g.Target, code(b.Target) == g.Target)
	}
}
