package classify

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// toyDocs builds a small separable corpus from label-specific vocabularies.
func toyDocs(n int, seed uint64) []Doc {
	vocab := map[string][]string{
		"war":    {"troops", "shelling", "airstrike", "militants", "offensive", "ceasefire", "rebels"},
		"sport":  {"match", "goal", "league", "striker", "coach", "tournament", "score"},
		"market": {"shares", "profits", "inflation", "investors", "bank", "stocks", "earnings"},
	}
	common := []string{"the", "said", "on", "in", "a", "officials", "week"}
	labels := []string{"market", "sport", "war"}
	r := rand.New(rand.NewPCG(seed, 1))
	var docs []Doc
	for i := 0; i < n; i++ {
		l := labels[i%3]
		var w []string
		for j := 0; j < 12; j++ {
			if r.IntN(3) == 0 {
				w = append(w, vocab[l][r.IntN(len(vocab[l]))])
			} else {
				w = append(w, common[r.IntN(len(common))])
			}
		}
		docs = append(docs, Doc{Headline: w[0] + " " + w[1], Body: strings.Join(w[2:], " "), Label: l})
	}
	return docs
}

func smallCfg() FeatureConfig {
	c := DefaultFeatures()
	c.Bits = 16
	return c
}

func TestTrainSeparable(t *testing.T) {
	cfg := smallCfg()
	train, test := toyDocs(600, 1), toyDocs(150, 2)
	labels := LabelsOf(train)
	m, err := Train(context.Background(), OwnExamples(train, labels, cfg), labels, cfg, DefaultTrain())
	if err != nil {
		t.Fatal(err)
	}
	preds := m.Predict(OwnExamples(test, labels, cfg))
	for i := range preds {
		preds[i].Gold = test[i].Label
	}
	sc := Score(labels, preds)
	if sc.Accuracy < 0.95 {
		t.Fatalf("accuracy %.3f on a separable toy corpus", sc.Accuracy)
	}
	// deterministic: the same data and seed give the same weights
	m2, _ := Train(context.Background(), OwnExamples(train, labels, cfg), labels, cfg, DefaultTrain())
	for i := range m.W {
		if m.W[i] != m2.W[i] {
			t.Fatal("training is not deterministic")
		}
	}
}

func TestTrainErrors(t *testing.T) {
	cfg := smallCfg()
	ctx := context.Background()
	if _, err := Train(ctx, nil, []string{"a"}, cfg, DefaultTrain()); err == nil {
		t.Error("no examples: want error")
	}
	if _, err := Train(ctx, []Example{{Pos: []int{0}}}, nil, cfg, DefaultTrain()); err == nil {
		t.Error("no labels: want error")
	}
	if _, err := Train(ctx, []Example{{Pos: []int{3}}}, []string{"a"}, cfg, DefaultTrain()); err == nil {
		t.Error("bad label index: want error")
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Train(cctx, OwnExamples(toyDocs(30, 1), []string{"market", "sport", "war"}, cfg), []string{"market", "sport", "war"}, cfg, DefaultTrain()); err == nil {
		t.Error("cancelled context: want error")
	}
}

// A union target teaches that one of its labels holds: on a document whose
// only evidence is a union, the union's labels together outscore the rest.
func TestUnionTargets(t *testing.T) {
	cfg := smallCfg()
	labels := []string{"a", "b", "c"}
	e := newExtractor(cfg)
	var ex []Example
	for i := 0; i < 300; i++ {
		switch i % 3 {
		case 0:
			ex = append(ex, Example{F: cloneF(e.extract(fmt.Sprintf("alpha word%d", i%7))), Pos: []int{0}})
		case 1:
			ex = append(ex, Example{F: cloneF(e.extract(fmt.Sprintf("beta word%d", i%7))), Pos: []int{1}})
		default:
			ex = append(ex, Example{F: cloneF(e.extract(fmt.Sprintf("gamma word%d", i%7))), Pos: []int{0, 1}, Unknown: nil})
		}
	}
	opt := DefaultTrain()
	opt.CalibFrac = 0
	m, err := Train(context.Background(), ex, labels, cfg, opt)
	if err != nil {
		t.Fatal(err)
	}
	p := make([]float64, 3)
	m.scores(e.extract("gamma"), p)
	union := 1 - (1-p[0])*(1-p[1])
	if union < 0.8 || p[2] > 0.2 {
		t.Fatalf("scores %v: P(a or b) = %.2f, want high; c want low", p, union)
	}
}

func TestPlatt(t *testing.T) {
	// scores twice as confident as the truth: Platt should halve the slope
	r := rand.New(rand.NewPCG(3, 3))
	var z, y []float64
	for i := 0; i < 5000; i++ {
		s := r.NormFloat64() * 3
		z = append(z, 2*s)
		if r.Float64() < sigmoid(s) {
			y = append(y, 1)
		} else {
			y = append(y, 0)
		}
	}
	a, b := platt(z, y)
	if math.Abs(a-0.5) > 0.06 || math.Abs(b) > 0.1 {
		t.Fatalf("platt = %.3f, %.3f; want about 0.5, 0", a, b)
	}
	if a, b := platt([]float64{1, 2}, []float64{1, 1}); a != 1 || b != 0 {
		t.Fatalf("too little data: got %v %v, want identity", a, b)
	}
}

func TestWriteReadModel(t *testing.T) {
	cfg := smallCfg()
	docs := toyDocs(300, 5)
	labels := LabelsOf(docs)
	ex := OwnExamples(docs, labels, cfg)
	m, err := Train(context.Background(), ex, labels, cfg, DefaultTrain())
	if err != nil {
		t.Fatal(err)
	}
	before := m.Predict(ex)
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	quant := m.Predict(ex)
	m2, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	after := m2.Predict(ex)
	agree := 0
	for i := range before {
		if after[i].Pred != quant[i].Pred || math.Abs(after[i].Top-quant[i].Top) > 1e-9 {
			t.Fatalf("doc %d: read model differs from written one", i)
		}
		if before[i].Pred == after[i].Pred {
			agree++
		}
		if math.Abs(before[i].Top-after[i].Top) > 0.05 {
			t.Fatalf("doc %d: quantised score %.3f vs float %.3f", i, after[i].Top, before[i].Top)
		}
	}
	if agree < len(before)*99/100 {
		t.Fatalf("quantisation changed %d of %d predictions", len(before)-agree, len(before))
	}
}

func TestReadModelErrors(t *testing.T) {
	for name, in := range map[string][]byte{
		"empty":    nil,
		"not gzip": []byte("SRTOPIC2...."),
		"garbage":  gz([]byte("NOTMAGIC\x00\x00\x00\x00")),
		"big head": gz([]byte("SRTOPIC2\xff\xff\xff\xff")),
		"bad json": gz([]byte("SRTOPIC2\x02\x00\x00\x00{x")),
		"no label": gz([]byte("SRTOPIC2\x02\x00\x00\x00{}")),
		"short":    gz([]byte(`SRTOPIC2` + "\x6b\x00\x00\x00" + `{"features":{"Bits":4,"MaxTokens":1},"labels":["a"],"bias":[0],"platt_a":[1],"platt_b":[0],"scale":[1]}`)),
	} {
		if _, err := ReadModel(bytes.NewReader(in)); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := newGzip(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func FuzzReadModel(f *testing.F) {
	cfg := FeatureConfig{Bits: 4, MaxTokens: 8}
	m := &Model{Cfg: cfg, Labels: []string{"a", "b"}, Bias: []float32{0, 0}, A: []float32{1, 1}, B: []float32{0, 0}, W: make([]float32, 32)}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add(gz([]byte("SRTOPIC2\x02\x00\x00\x00{}")))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ReadModel(bytes.NewReader(b))
		if err != nil {
			return
		}
		// a model that parses must score without panicking
		p := make([]float64, m.K())
		m.scores(newExtractor(m.Cfg).extract("some text here"), p)
	})
}
