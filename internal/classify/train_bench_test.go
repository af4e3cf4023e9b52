package classify

import (
	"context"
	"io"
	"os"
	"testing"
)

const sharedDir = "../../../shared"

// BenchmarkTrainNYT measures training in a corpus's own labels (features,
// fit, calibration, refit and writing the model), on the NYT headlines.
func BenchmarkTrainNYT(b *testing.B) {
	path, _ := CorpusPath(sharedDir, CorpusNYT)
	if _, err := os.Stat(path); err != nil {
		b.Skip("../shared/data/topics absent")
	}
	docs, _, err := LoadCorpus(CorpusNYT, path)
	if err != nil {
		b.Fatal(err)
	}
	cfg := DefaultFeatures()
	labels := LabelsOf(docs)
	for b.Loop() {
		m, err := Train(context.Background(), OwnExamples(docs, labels, cfg), labels, cfg, DefaultTrain())
		if err != nil {
			b.Fatal(err)
		}
		if err := m.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
