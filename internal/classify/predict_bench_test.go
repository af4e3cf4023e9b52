package classify

import (
	"bytes"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// BenchmarkPredictLines measures `sitrep topics predict` on headline-length
// lines with a 27-label model of the default size.
func BenchmarkPredictLines(b *testing.B) {
	cfg := DefaultFeatures()
	k := 27
	m := &Model{Cfg: cfg, Labels: make([]string, k), Bias: make([]float32, k), A: make([]float32, k), B: make([]float32, k), Scale: make([]float32, k)}
	r := rand.New(rand.NewPCG(1, 1))
	m.Q = make([]int8, (1<<cfg.Bits)*k)
	for i := range m.Q {
		m.Q[i] = int8(r.IntN(255) - 127)
	}
	for j := range m.Labels {
		m.Labels[j] = string(rune('a' + j))
		m.A[j], m.Scale[j] = 1, 0.01
	}
	var in strings.Builder
	for _, d := range toyDocs(1000, 3) {
		in.WriteString("__label__x " + d.Headline + " " + d.Body + "\n")
	}
	data := in.String()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := m.PredictLines(strings.NewReader(data), io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)*1000/b.Elapsed().Seconds(), "lines/s")
	_ = bytes.MinRead
}
