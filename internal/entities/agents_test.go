package entities

import (
	"os"
	"strings"
	"testing"
)

func TestReadAgents(t *testing.T) {
	in := `# comment
!PERSON! = MAN, MEN, WOMAN
POLICE {} [~COP]
GOVERNMENT_SPOKES!PERSON! [~GOV]  # a spokesman
RIOT_POLICE_ [~COP]
REBEL_STUDENT [~REBEDU]
broken line without code
[~GOV]
`
	got, skipped, err := ReadAgents(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Agent{{"police", "COP", "COP"}, {"government spokesman", "GOV", "GOV"}, {"riot police", "COP", "COP"}, {"rebel student", "REB", "REBEDU"}}
	if len(got) != len(want) || skipped != 2 {
		t.Fatalf("got %+v, skipped %d", got, skipped)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	a := CompareAgents(got)
	if a.Entries != 4 || a.Agree < 3 {
		t.Errorf("agreement %+v", a)
	}
}

// TestPhoenixAgents scores the role lexicon against PETRARCH's Phoenix
// agents dictionary (reference data, not gold): the figure docs/entities.md
// reports. It only checks the file parses; the numbers are printed with -v.
func TestPhoenixAgents(t *testing.T) {
	f, err := os.Open("../../../shared/data/events/dictionaries/Phoenix.agents.txt")
	if err != nil {
		t.Skip("../shared/data/events/dictionaries absent")
	}
	defer f.Close()
	agents, skipped, err := ReadAgents(f)
	if err != nil || len(agents) < 1000 {
		t.Fatalf("%d agents, %v", len(agents), err)
	}
	a := CompareAgents(agents)
	t.Logf("%d skipped lines; %s; top disagreements %v", skipped, a, a.Confusion)
}

func FuzzReadAgents(f *testing.F) {
	f.Add("!PERSON! = MAN\nPOLICE {} [~COP]\nX!PERSON! [~GOV] # c\n[~]\n]\n")
	f.Fuzz(func(t *testing.T, s string) {
		agents, _, err := ReadAgents(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, a := range agents {
			if a.Phrase == "" || len(a.Role) != 3 {
				t.Fatalf("bad agent %+v", a)
			}
		}
	})
}
