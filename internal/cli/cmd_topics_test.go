package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fit, predict and score on fastText-format files, as the fastText bench
// uses them.
func TestTopicsFitPredictScore(t *testing.T) {
	dir := t.TempDir()
	vocab := map[string]string{"war": "troops shelling airstrike militants", "sport": "match goal league striker", "market": "shares profits inflation investors"}
	var train, test strings.Builder
	i := 0
	for round := 0; round < 40; round++ {
		for lab, words := range vocab {
			w := strings.Fields(words)
			line := fmt.Sprintf("__label__%s the %s said %s on %s\n", lab, w[i%4], w[(i+1)%4], w[(i+2)%4])
			if round%5 == 0 {
				test.WriteString(line)
			} else {
				train.WriteString(line)
			}
			i++
		}
	}
	trainF, testF := filepath.Join(dir, "train.txt"), filepath.Join(dir, "test.txt")
	os.WriteFile(trainF, []byte(train.String()), 0o644)
	os.WriteFile(testF, []byte(test.String()), 0o644)
	model := filepath.Join(dir, "m.bin")
	runCLI(t, "", "topics", "fit", "--input", trainF, "--model", model, "--bits", "14")
	pred := runCLI(t, "", "topics", "predict", "--model", model, "--input", testF)
	if n := strings.Count(pred, "\n"); n != strings.Count(test.String(), "\n") {
		t.Fatalf("%d predictions", n)
	}
	predF := filepath.Join(dir, "pred.txt")
	os.WriteFile(predF, []byte(pred), 0o644)
	var sc struct {
		N        int     `json:"n"`
		Accuracy float64 `json:"accuracy"`
	}
	if err := json.Unmarshal([]byte(runCLI(t, "", "topics", "score", "--gold", testF, "--pred", predF)), &sc); err != nil {
		t.Fatal(err)
	}
	if sc.N != 24 || sc.Accuracy < 0.9 {
		t.Fatalf("score %+v", sc)
	}
}

func TestEvalTopicsNYT(t *testing.T) {
	if testing.Short() {
		t.Skip("trains five models")
	}
	if _, err := os.Stat("../../../shared/data/topics/nyt_cap_headlines"); err != nil {
		t.Skip("../shared/data/topics absent")
	}
	out := runCLI(t, "", "eval", "topics", "--shared", "../../../shared", "--corpus", "nyt", "--json")
	var res struct {
		Corpora []struct {
			Corpus   string              `json:"corpus"`
			Accuracy float64             `json:"accuracy"`
			MacroF1  float64             `json:"macro_f1"`
			ECE      float64             `json:"ece_top_label"`
			PerLabel map[string]struct{} `json:"per_label"`
		} `json:"corpora"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Corpora) != 1 || len(res.Corpora[0].PerLabel) != 27 || res.Corpora[0].Accuracy < 0.4 || res.Corpora[0].ECE <= 0 {
		t.Fatalf("eval topics: %+v", res.Corpora)
	}
}
