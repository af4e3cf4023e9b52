package classify

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"time"
)

// Split is one train/test partition of a corpus.
type Split struct {
	Name        string
	Train, Test []Doc
}

// WCEPTrainEnd is the last day of the portal's training years; the
// evaluation tests on the year after.
const (
	WCEPTrainStart = "2010-01-01"
	WCEPTrainEnd   = "2018-12-31"
	WCEPTestEnd    = "2019-12-31"
)

// Splits returns the evaluation partitions of a corpus: for the portal a
// time split (train 2010-2018, test 2019, because news drifts), for the
// others 5 stratified folds with a fixed seed.
func Splits(corpus string, docs []Doc) []Split {
	if corpus == CorpusWCEP {
		var s Split
		s.Name = "time"
		for _, d := range docs {
			switch {
			case d.Date >= WCEPTrainStart && d.Date <= WCEPTrainEnd:
				s.Train = append(s.Train, d)
			case d.Date > WCEPTrainEnd && d.Date <= WCEPTestEnd:
				s.Test = append(s.Test, d)
			}
		}
		return []Split{s}
	}
	return KFold(docs, 5, 42)
}

// KFold partitions docs into k stratified folds: each label's documents are
// shuffled with the seed and dealt round-robin.
func KFold(docs []Doc, k int, seed uint64) []Split {
	byLabel := map[string][]int{}
	for i, d := range docs {
		byLabel[d.Label] = append(byLabel[d.Label], i)
	}
	labels := make([]string, 0, len(byLabel))
	for l := range byLabel {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	r := rand.New(rand.NewPCG(seed, 3))
	fold := make([]int, len(docs))
	next := 0
	for _, l := range labels {
		idx := byLabel[l]
		r.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		for _, i := range idx {
			fold[i] = next % k
			next++
		}
	}
	out := make([]Split, k)
	for f := range out {
		out[f].Name = fmt.Sprintf("fold%d", f)
	}
	for i, d := range docs {
		for f := range out {
			if fold[i] == f {
				out[f].Test = append(out[f].Test, d)
			} else {
				out[f].Train = append(out[f].Train, d)
			}
		}
	}
	return out
}

// LabelsOf returns the sorted distinct labels of docs.
func LabelsOf(docs ...[]Doc) []string {
	set := map[string]bool{}
	for _, ds := range docs {
		for _, d := range ds {
			set[d.Label] = true
		}
	}
	out := make([]string, 0, len(set))
	for l := range set {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// OwnExamples turns docs into single-label examples over labels (the
// corpus's own label set).
func OwnExamples(docs []Doc, labels []string, cfg FeatureConfig) []Example {
	ex := newExtractor(cfg)
	out := make([]Example, 0, len(docs))
	for _, d := range docs {
		i := slices.Index(labels, d.Label)
		if i < 0 {
			continue
		}
		out = append(out, Example{F: cloneF(ex.extract(d.Headline, d.Body)), Pos: []int{i}})
	}
	return out
}

func cloneF(f Features) Features {
	return Features{Idx: slices.Clone(f.Idx), Val: slices.Clone(f.Val)}
}

// LabelF1 is one label's precision, recall and F1.
type LabelF1 struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Support   int     `json:"support"`
}

// Metrics summarise single-label predictions against gold.
type Metrics struct {
	N         int                `json:"n"`
	Accuracy  float64            `json:"accuracy"`
	MacroF1   float64            `json:"macro_f1"`
	ECE       float64            `json:"ece_top_label,omitempty"`  // expected calibration error of the top score (10 bins)
	ECELabels float64            `json:"ece_all_labels,omitempty"` // ECE over every (document, label) score
	PerLabel  map[string]LabelF1 `json:"per_label"`
}

// Scored is one prediction: the gold label, the predicted label, and
// optionally the calibrated scores of every label.
type Scored struct {
	Gold, Pred string
	Top        float64   // calibrated score of Pred
	All        []float64 // calibrated score of every label, in Labels order
}

// Score computes accuracy, macro-F1 over labels, per-label F1 and, when the
// predictions carry scores, the calibration errors.
func Score(labels []string, preds []Scored) Metrics {
	m := Metrics{N: len(preds), PerLabel: map[string]LabelF1{}}
	tp := map[string]int{}
	fp := map[string]int{}
	fn := map[string]int{}
	correct := 0
	for _, p := range preds {
		if p.Gold == p.Pred {
			correct++
			tp[p.Gold]++
		} else {
			fp[p.Pred]++
			fn[p.Gold]++
		}
	}
	if len(preds) > 0 {
		m.Accuracy = float64(correct) / float64(len(preds))
	}
	var sum float64
	for _, l := range labels {
		var lf LabelF1
		lf.Support = tp[l] + fn[l]
		if tp[l]+fp[l] > 0 {
			lf.Precision = float64(tp[l]) / float64(tp[l]+fp[l])
		}
		if lf.Support > 0 {
			lf.Recall = float64(tp[l]) / float64(lf.Support)
		}
		if lf.Precision+lf.Recall > 0 {
			lf.F1 = 2 * lf.Precision * lf.Recall / (lf.Precision + lf.Recall)
		}
		m.PerLabel[l] = lf
		sum += lf.F1
	}
	if len(labels) > 0 {
		m.MacroF1 = sum / float64(len(labels))
	}
	if len(preds) > 0 && preds[0].Top > 0 {
		var conf, hit []float64
		for _, p := range preds {
			conf = append(conf, p.Top)
			hit = append(hit, b2f(p.Gold == p.Pred))
		}
		m.ECE = ECE(conf, hit, 10)
		conf, hit = conf[:0], hit[:0]
		for _, p := range preds {
			for j, s := range p.All {
				conf = append(conf, s)
				hit = append(hit, b2f(labels[j] == p.Gold))
			}
		}
		if len(conf) > 0 {
			m.ECELabels = ECE(conf, hit, 10)
		}
	}
	return m
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// ECE is the expected calibration error: the bin-weighted mean gap between
// the mean score and the share of hits in equal-width score bins.
func ECE(conf, hit []float64, bins int) float64 {
	n := make([]float64, bins)
	sc := make([]float64, bins)
	sh := make([]float64, bins)
	for i, c := range conf {
		b := min(bins-1, max(0, int(c*float64(bins))))
		n[b]++
		sc[b] += c
		sh[b] += hit[i]
	}
	var e float64
	for b := range n {
		if n[b] > 0 {
			e += math.Abs(sc[b]-sh[b]) / float64(len(conf))
		}
	}
	return e
}

// Predict returns the top label of each example with its calibrated
// score and all scores.
func (m *Model) Predict(examples []Example) []Scored {
	out := make([]Scored, len(examples))
	p := make([]float64, m.K())
	for i, ex := range examples {
		m.scores(ex.F, p)
		best := 0
		for j := range p {
			if p[j] > p[best] {
				best = j
			}
		}
		out[i] = Scored{Pred: m.Labels[best], Top: p[best], All: slices.Clone(p)}
	}
	return out
}

// CorpusResult is the evaluation of one corpus in its own labels.
type CorpusResult struct {
	Corpus      string   `json:"corpus"`
	Protocol    string   `json:"protocol"`
	Labels      []string `json:"labels"`
	Docs        int      `json:"docs"`
	Duplicates  int      `json:"duplicates_dropped"`
	TrainSecs   float64  `json:"train_wall_s"`            // wall-clock, all splits, features included
	PredictRate float64  `json:"predict_docs_per_wall_s"` // features and scores, one goroutine, wall-clock
	Metrics
}

// EvalCorpus trains on each split's train part and scores its test part,
// pooling the predictions of all splits.
func EvalCorpus(ctx context.Context, corpus string, docs []Doc, cfg FeatureConfig, opt TrainOptions) (*CorpusResult, error) {
	docs, dup := Dedupe(docs)
	splits := Splits(corpus, docs)
	labels := LabelsOf(docs)
	res := &CorpusResult{Corpus: corpus, Labels: labels, Docs: len(docs), Duplicates: dup}
	if corpus == CorpusWCEP {
		res.Protocol = "time: train 2010-2018, test 2019"
	} else {
		res.Protocol = fmt.Sprintf("%d-fold stratified, pooled", len(splits))
	}
	var all []Scored
	var trainDur, predDur time.Duration
	nPred := 0
	for _, s := range splits {
		t0 := time.Now()
		tr := OwnExamples(s.Train, labels, cfg)
		m, err := Train(ctx, tr, labels, cfg, opt)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", corpus, s.Name, err)
		}
		trainDur += time.Since(t0)
		t1 := time.Now()
		te := OwnExamples(s.Test, labels, cfg)
		preds := m.Predict(te)
		predDur += time.Since(t1)
		nPred += len(te)
		for i := range preds {
			preds[i].Gold = s.Test[i].Label
		}
		all = append(all, preds...)
	}
	res.Metrics = Score(labels, all)
	res.TrainSecs = trainDur.Seconds()
	if predDur > 0 {
		res.PredictRate = float64(nPred) / predDur.Seconds()
	}
	return res, nil
}

// ShippedWCEPResult is the shipped model scored on portal items in the
// portal's own categories.
type ShippedWCEPResult struct {
	File    string `json:"file"`
	Read    int    `json:"items_read"`
	Bad     int    `json:"bad_lines"`
	Skipped int    `json:"items_skipped"`
	// Unseen holds the items the shipped model did not train on (dated
	// outside 2010-01-01..2018-12-31); Seen the ones it did; All both.
	Unseen *Metrics `json:"unseen,omitempty"`
	Seen   *Metrics `json:"seen_in_training,omitempty"`
	All    Metrics  `json:"all"`
}

// EvalShippedWCEP scores c's model on portal-format docs: each portal
// category scores the best of the taxonomy labels it maps to, and the best
// category is the prediction.
func EvalShippedWCEP(c *Classifier, docs []Doc) (*ShippedWCEPResult, error) {
	tax, err := LoadTaxonomy()
	if err != nil {
		return nil, err
	}
	mp, err := LoadMapping(tax)
	if err != nil {
		return nil, err
	}
	cm := mp.Corpora[CorpusWCEP]
	cats := make([]string, 0, len(cm.Labels))
	for cat := range cm.Labels {
		cats = append(cats, cat)
	}
	sort.Strings(cats)
	members := make([][]int, len(cats))
	for i, cat := range cats {
		for _, l := range cm.Labels[cat] {
			j := slices.Index(c.m.Labels, l)
			if j < 0 {
				return nil, fmt.Errorf("model has no label %q", l)
			}
			members[i] = append(members[i], j)
		}
	}
	var seen, unseen, all []Scored
	for _, d := range docs {
		if _, ok := cm.Labels[d.Label]; !ok {
			continue
		}
		p := c.Scores(d.Headline, d.Body)
		s := Scored{Gold: d.Label, All: make([]float64, len(cats))}
		best := 0
		for i, ms := range members {
			for _, j := range ms {
				s.All[i] = max(s.All[i], p[j])
			}
			if s.All[i] > s.All[best] {
				best = i
			}
		}
		s.Pred, s.Top = cats[best], s.All[best]
		all = append(all, s)
		if d.Date >= WCEPTrainStart && d.Date <= WCEPTrainEnd {
			seen = append(seen, s)
		} else {
			unseen = append(unseen, s)
		}
	}
	res := &ShippedWCEPResult{All: Score(cats, all)}
	if len(unseen) > 0 {
		m := Score(cats, unseen)
		res.Unseen = &m
	}
	if len(seen) > 0 {
		m := Score(cats, seen)
		res.Seen = &m
	}
	return res, nil
}
