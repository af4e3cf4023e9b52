package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
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

// The trainer reads only non-gold entries, skips the ones a gold entry
// shares a text with, and writes weights the coder can load.
func TestTrainEventLocation(t *testing.T) {
	entry := func(text, source string, id int) string {
		b, _ := json.Marshal(map[string]any{"text": text, "source": source, "_id": id,
			"tokens": []map[string]int{{"start": 0, "end": 7}, {"start": 8, "end": 12}, {"start": 13, "end": 19}, {"start": 20, "end": 23},
				{"start": 24, "end": 28}, {"start": 29, "end": 31}, {"start": 32, "end": 37}},
			"spans": []map[string]any{{"token_start": 2, "token_end": 2, "label": "VERB"}, {"token_start": 6, "token_end": 6, "label": "LOCATION"}}})
		return string(b)
	}
	text := "Russian jets bombed the city of Raqqa in Syria on Monday."
	in := "[" + entry(text, "RELABEL", 1) + "," + entry(text, "AP", 2) + "," + entry("Russian jets bombed the town of Idlib in Syria on Monday.", "AP", 3) + "]"
	dir := t.TempDir()
	p, out := filepath.Join(dir, "el.json"), filepath.Join(dir, "locmodel.json")
	if err := os.WriteFile(p, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	msg := runCLI(t, "", "train", "event-location", "--file", p, "--out", out)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("%v (%s)", err, msg)
	}
	var m struct {
		Weights map[string]float64 `json:"weights"`
		Trained string             `json:"trained"`
	}
	if err := json.Unmarshal(b, &m); err != nil || len(m.Weights) == 0 {
		t.Fatalf("bad model (%v): %s", err, b)
	}
	if !strings.Contains(m.Trained, "from 1 non-gold entries") {
		t.Errorf("the trainer did not leave out the entry a gold one shares: %s", m.Trained)
	}
}

func TestGeoLookup(t *testing.T) {
	out := runCLI(t, "", "geo", "lookup", "Qamishli", "Nowhereville Xyzzy", "--top", "2")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"country":"SY"`) || !strings.Contains(lines[1], `"readings":[]`) {
		t.Fatalf("geo lookup:\n%s", out)
	}
}
