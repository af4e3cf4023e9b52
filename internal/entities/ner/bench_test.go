package ner

import (
	"os"
	"testing"
	"time"

	"sitrep/internal/cputime"
)

// cpuTime is the process's user+system CPU time: on a shared machine it
// measures one core's throughput better than the wall clock.
func cpuTime() time.Duration { return cputime.Now() }

func reportTokens(b *testing.B, n int, cpu0 time.Duration) {
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "tokens/cpu-s")
	}
}

const testaPath = "../../../../shared/data/ner/conll2003/eng.testa"

func loadCoNLL(tb testing.TB, path string) []Document {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("CoNLL data not available (%v); it lives in ../shared", err)
	}
	defer f.Close()
	docs, err := ReadCoNLL(f)
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}

// BenchmarkTag tags the sentences of eng.testa one by one on one core.
func BenchmarkTag(b *testing.B) {
	docs := loadCoNLL(b, testaPath)
	t, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	var sents [][]string
	tokens := 0
	for _, d := range docs {
		for _, s := range d.Sentences {
			sents = append(sents, s.Words)
			tokens += len(s.Words)
		}
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	n := 0
	for i := 0; i < b.N; i++ {
		s := sents[i%len(sents)]
		t.Tag(s)
		n += len(s)
	}
	reportTokens(b, n, cpu0)
}

// BenchmarkTagDocument tags eng.testa document by document on one core.
func BenchmarkTagDocument(b *testing.B) {
	docs := loadCoNLL(b, testaPath)
	t, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	in := make([][][]string, len(docs))
	for i, d := range docs {
		for _, s := range d.Sentences {
			in[i] = append(in[i], s.Words)
		}
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	n := 0
	for i := 0; i < b.N; i++ {
		d := in[i%len(in)]
		t.TagDocument(d)
		for _, s := range d {
			n += len(s)
		}
	}
	reportTokens(b, n, cpu0)
}
