package events

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"sitrep/internal/article"
	"sitrep/internal/extract"
	"sitrep/internal/timex"
)

const sharedSeed = "../../../shared/seed"

func seedArticle(t testing.TB) (*article.Article, []map[string]any) {
	t.Helper()
	raw, err := os.ReadFile(sharedSeed + "/seed-article.txt")
	if err != nil {
		t.Skip("../shared/seed absent: the seed test needs the shared material beside the repo")
	}
	a, err := extract.Text(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	if err := timex.New().Apply(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Events []map[string]any `json:"events"`
	}
	ej, err := os.ReadFile(sharedSeed + "/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(ej, &exp); err != nil {
		t.Fatal(err)
	}
	return a, exp.Events
}

func norm(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// eventMatches applies the seed's loose matching (names case-insensitive,
// dates exact) without alias resolution: the coder runs alone here.
func eventMatches(e article.Event, want map[string]any) bool {
	str := func(k string) string { s, _ := want[k].(string); return s }
	if e.Type != str("type") || e.Hypothetical || e.Negated {
		return false
	}
	if v := str("source_country"); v != "" && e.Source.Country != v {
		return false
	}
	if v := str("target_country"); v != "" && e.Target.Country != v {
		return false
	}
	if v := str("source"); v != "" && norm(e.Source.Name) != norm(v) {
		return false
	}
	if v := str("target"); v != "" && norm(e.Target.Name) != norm(v) {
		return false
	}
	if v := str("location"); v != "" && (e.Location == nil || norm(e.Location.Name) != norm(v)) {
		return false
	}
	if v := str("date"); v != "" && e.Date != v {
		return false
	}
	if v := str("mode"); v != "" && norm(e.Mode) != norm(v) {
		return false
	}
	if v := str("claimed_by"); v != "" && norm(e.ClaimedBy) != norm(v) {
		return false
	}
	if v, ok := want["fatalities"].(float64); ok && (e.Fatalities == nil || float64(*e.Fatalities) != v) {
		return false
	}
	return true
}

func TestSeedEvents(t *testing.T) {
	a, want := seedArticle(t)
	c := New()
	if err := c.Apply(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		found := false
		for _, e := range a.Events {
			if eventMatches(e, w) {
				found = true
			}
		}
		if !found {
			t.Errorf("event not found: %v", w)
		}
	}
	for _, e := range a.Events {
		for _, b := range a.Boilerplate {
			if strings.Contains(b.Text, e.Evidence.Sentence) {
				t.Errorf("event from boilerplate: %q", e.Evidence.Sentence)
			}
		}
		if got := article.RuneSlice(a.Body, e.Evidence.Start, e.Evidence.End); got != e.Evidence.Sentence {
			t.Errorf("evidence offsets %d-%d give %q, not the sentence", e.Evidence.Start, e.Evidence.End, got)
		}
	}
	if t.Failed() || testing.Verbose() {
		for _, e := range a.Events {
			j, _ := json.Marshal(e)
			t.Logf("%s", j)
		}
	}
}
