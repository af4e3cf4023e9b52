package extract

import (
	"os"
	"path/filepath"
	"testing"
)

const benchDir = "../../../shared/data/extraction/scrapinghub-aeb"

func TestScorePage(t *testing.T) {
	tests := []struct {
		name, truth, pred string
		p, r              float64
		exact, empty      bool
	}{
		{"same", "one two three four five", "one two three four five", 1, 1, true, false},
		{"empty", "one two three four five", "", 0, 0, false, true},
		{"extra", "a b c d", "a b c d e", 0.5, 1, false, false},
		{"punct ignored", "a, b. c d", "a b c d", 1, 1, true, false},
		{"both empty", "", "", 1, 1, true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := ScorePage(tc.truth, tc.pred)
			if s.Precision() != tc.p || s.Recall() != tc.r || s.Exact != tc.exact || s.Empty != tc.empty {
				t.Errorf("got p=%v r=%v exact=%v empty=%v", s.Precision(), s.Recall(), s.Exact, s.Empty)
			}
		})
	}
}

// TestScoreReproducesPublished re-scores a published output of the
// benchmark and checks the metric matches the published figure.
func TestScoreReproducesPublished(t *testing.T) {
	gtPath := filepath.Join(benchDir, "ground-truth.json")
	if _, err := os.Stat(gtPath); err != nil {
		t.Skip("../shared benchmark data absent; skipping")
	}
	gt, err := readBodies(gtPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		tool string
		f1   float64
	}{{"go_trafilatura", 0.960}, {"trafilatura", 0.958}, {"go_readability", 0.934}, {"rs_trafilatura", 0.970}} {
		pred, err := ReadPredictions(filepath.Join(benchDir, "predictions", tc.tool+".json.gz"))
		if err != nil {
			t.Fatal(err)
		}
		var ps []PageScore
		for id, e := range gt {
			ps = append(ps, ScorePage(e.Body, pred[id]))
		}
		s := Summarize(ps)
		t.Logf("%s: %+v", tc.tool, s)
		if d := s.F1 - tc.f1; d > 0.0005 || d < -0.0005 {
			t.Errorf("%s: F1 %.4f, published %.3f", tc.tool, s.F1, tc.f1)
		}
	}
}
