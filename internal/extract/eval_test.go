package extract

import (
	"context"
	"math"
	"testing"
)

// TestEvalBenchmark runs the extraction eval on the article-extraction-
// benchmark when ../shared is present. It checks the metric is computed
// and sane; the F1 figure itself is logged, not asserted (see
// docs/extraction.md for the measured value and the target).
func TestEvalBenchmark(t *testing.T) {
	pages, err := LoadBench(benchDir)
	if err != nil {
		t.Skipf("benchmark data not available (%v); skipping", err)
	}
	if len(pages) != 181 {
		t.Errorf("benchmark has %d pages, want 181", len(pages))
	}
	rep, err := Evaluate(context.Background(), pages, 2, 10, func(raw []byte, u string) (string, error) {
		a, err := HTML(raw, u)
		if err != nil {
			return "", err
		}
		return a.Body, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s := rep.Summary
	t.Logf("F1 %.4f precision %.4f recall %.4f accuracy %.4f errors %d", s.F1, s.Precision, s.Recall, s.Accuracy, rep.Errors)
	for name, v := range map[string]float64{"f1": s.F1, "precision": s.Precision, "recall": s.Recall, "accuracy": s.Accuracy} {
		if math.IsNaN(v) || v < 0 || v > 1 {
			t.Errorf("%s = %v, not a proportion", name, v)
		}
	}
	if s.F1 == 0 || s.Pages != len(pages) {
		t.Errorf("metric not computed: %+v", s)
	}
	if len(rep.Worst) != 10 {
		t.Errorf("%d worst pages, want 10", len(rep.Worst))
	}
	for i := 1; i < len(rep.Worst); i++ {
		if rep.Worst[i].F1 < rep.Worst[i-1].F1 {
			t.Errorf("worst pages not sorted by F1")
		}
	}
}
