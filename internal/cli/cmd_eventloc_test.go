package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestEvalEventLocation(t *testing.T) {
	in := `[{"text": "Russian jets bombed the city of Raqqa in Syria on Monday.", "source": "RELABEL", "_id": 1,
	  "tokens": [{"start":0,"end":7},{"start":8,"end":12},{"start":13,"end":19},{"start":20,"end":23},{"start":24,"end":28},{"start":29,"end":31},{"start":32,"end":37}],
	  "spans": [{"token_start":2,"token_end":2,"label":"VERB"},{"token_start":6,"token_end":6,"label":"LOCATION"}]}]`
	p := filepath.Join(t.TempDir(), "el.json")
	if err := os.WriteFile(p, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runCLI(t, "", "eval", "event-location", "--file", p)
	var raw struct {
		Sitrep map[string]any `json:"sitrep"`
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	s := raw.Sitrep
	if s["entries"] != 1.0 || s["event_found"] != 1.0 || s["correct"] != 1.0 {
		t.Fatalf("%s", out)
	}
}
