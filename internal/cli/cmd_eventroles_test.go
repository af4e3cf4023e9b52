package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The trainer reads cameo_ner "token TAG" lines, labels the coded main
// event's actor units by the gold spans and writes two choosers the coder
// can load; the same input gives the same bytes.
func TestTrainEventRoles(t *testing.T) {
	sent := func(words string) string {
		var b strings.Builder
		for _, w := range strings.Fields(words) {
			tok, tag, _ := strings.Cut(w, "/")
			if tag == "" {
				tag = "O"
			}
			b.WriteString(tok + " " + tag + "\n")
		}
		return b.String() + "\n"
	}
	in := sent("Russian/B-S troops/I-S attacked/O the/B-T rebels/I-T in/I-T Syria/I-T ./O") +
		sent("Israel/B-S threatened/O to/O attack/O Hamas/B-T in/O Gaza/O ./O") +
		sent("The/B-S Chinese/I-S foreign/I-S minister/I-S met/O his/B-T Japanese/I-T counterpart/I-T in/O Tokyo/O ./O") +
		sent("Officials/O said/O Iraqi/B-S troops/I-S attacked/O the/O town/O ./O") +
		sent("Jordan/B-R and/O Britain/B-R agreed/O to/O cooperate/O ./O")
	dir := t.TempDir()
	p := filepath.Join(dir, "train.txt")
	if err := os.WriteFile(p, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	out1, out2 := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	msg := runCLI(t, "", "train", "event-roles", "--file", p, "--out", out1)
	runCLI(t, "", "train", "event-roles", "--file", p, "--out", out2)
	b1, err := os.ReadFile(out1)
	if err != nil {
		t.Fatalf("%v (%s)", err, msg)
	}
	b2, _ := os.ReadFile(out2)
	if string(b1) != string(b2) {
		t.Error("two runs of the trainer wrote different files")
	}
	var m struct {
		Source struct {
			Weights map[string]float64 `json:"weights"`
		} `json:"source"`
		Target struct {
			Weights map[string]float64 `json:"weights"`
		} `json:"target"`
		Trained string `json:"trained"`
	}
	if err := json.Unmarshal(b1, &m); err != nil || len(m.Source.Weights) == 0 || len(m.Target.Weights) == 0 {
		t.Fatalf("bad model (%v): %s", err, b1)
	}
	if !strings.Contains(m.Trained, "5 sentences, 5 with a coded main event") {
		t.Errorf("trained note: %s", m.Trained)
	}
}
