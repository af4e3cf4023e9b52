package cli

import (
	"os"
	"strings"
	"testing"
)

func TestDatesAndActorCommands(t *testing.T) {
	out := runCLI(t, "", "dates", "--published", "2015-11-18", "Obama said on Wednesday that last month was hard.")
	for _, want := range []string{`"value": "2015-11-18"`, `"value": "2015-10"`, `"granularity": "month"`} {
		if !strings.Contains(out, want) {
			t.Errorf("dates output lacks %s:\n%s", want, out)
		}
	}
	if out := runCLI(t, "said on Wednesday in 2014", "dates"); strings.Contains(out, "Wednesday") || !strings.Contains(out, `"2014"`) {
		t.Errorf("without a publication date only absolute dates resolve:\n%s", out)
	}
	out = runCLI(t, "", "actor", "Syrian", "rebels")
	if !strings.Contains(out, `"country": "SYR"`) || !strings.Contains(out, `"role": "REB"`) {
		t.Errorf("actor output:\n%s", out)
	}
}

func TestEvalAgents(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/agents.txt"
	if err := os.WriteFile(path, []byte("POLICE {} [~COP]\nREBEL [~REB]\nbad line\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runCLI(t, "", "eval", "agents", "--dict", path)
	if !strings.Contains(out, `"entries": 2`) || !strings.Contains(out, `"agree": 2`) || !strings.Contains(out, `"skipped_lines": 1`) {
		t.Errorf("eval agents output:\n%s", out)
	}
}
