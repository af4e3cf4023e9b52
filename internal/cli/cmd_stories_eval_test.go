package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// Two reports of one happening (the second a near copy) are one story; an
// unrelated item stays alone.
func TestEvalStories(t *testing.T) {
	body := "Russian air strikes on the city of Raqqa in northern Syria kill at least 30 people, according to the Syrian Observatory for Human Rights, which monitors the war from London."
	in := `[{"id":"1","date":"2015-09-30","description":` + jsonString(body) + `,"belongsToStory":{"id":"s","name":"Syrian civil war"}},
	 {"id":"2","date":"2015-09-30","description":` + jsonString(body+" ") + `,"belongsToStory":{"id":"s","name":"Syrian civil war"}},
	 {"id":"3","date":"2015-09-29","description":"Volkswagen's chief executive resigns over the emissions scandal."}]`
	p := filepath.Join(t.TempDir(), "wt.json")
	if err := os.WriteFile(p, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Items int
		Runs  []struct {
			WindowDays int `json:"window_days"`
			Score      struct {
				CorrectPairs int `json:"correct_pairs"`
				PredPairs    int `json:"pred_pairs"`
			}
		}
	}
	out := runCLI(t, "", "eval", "stories", "--wikitimes", p, "--window", "7")
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if rep.Items != 3 || len(rep.Runs) != 1 || rep.Runs[0].Score.CorrectPairs != 1 || rep.Runs[0].Score.PredPairs != 1 {
		t.Fatalf("%+v", rep)
	}
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
