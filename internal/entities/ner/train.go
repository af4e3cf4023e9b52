package ner

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"time"
)

// TrainOptions tune Train. Zero values take the defaults.
type TrainOptions struct {
	Epochs int  // passes over the training data (default 6)
	Bits   uint // log2 of the weight-table rows (default 20)
	Folds  int  // jackknife folds for the gazetteer and stacking (default 5)
	Stages int  // 1 or 2 (default 2: a stacked second stage)
	// WordDropout is the chance that a training token's identity features
	// are hidden (default 0.1; negative for none).
	WordDropout float64
	// SentenceDocs adds every SentenceDocs-th document again as
	// one-sentence documents (0: default 4; negative: none).
	SentenceDocs int
	// Seeds is how many differently shuffled runs each final stage
	// averages (default 5); jackknife models use one.
	Seeds int
	Seed  uint64
	// Clusters maps lower-cased words to cluster ids, one per level
	// (see BuildClusters); nil trains without cluster features.
	Clusters map[string][nClusterLevels]uint32
	// Silver is the silver gazetteer (BuildSilver); nil trains without.
	Silver *Silver
	// Dev, when set, is scored after every epoch (progress only: the
	// model returned is the one after the last epoch).
	Dev []Document
	Log *slog.Logger
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 6
	}
	if o.Bits == 0 {
		o.Bits = 18
	}
	if o.Folds <= 1 {
		o.Folds = 5
	}
	if o.WordDropout == 0 {
		o.WordDropout = 0.25
	}
	if o.SentenceDocs == 0 {
		o.SentenceDocs = 4
	}
	if o.Seeds <= 0 {
		o.Seeds = 5
	}
	if o.Stages <= 0 || o.Stages > 2 {
		o.Stages = 2
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
}

const gazMaxLen = 6

// buildVocab collects the case-folded words of docs (jackknifed like the
// gazetteer during training, so that training sees unknown words).
func buildVocab(docs []Document, skip func(int) bool) map[uint64]struct{} {
	var s scratch
	out := map[uint64]struct{}{}
	for d, doc := range docs {
		if skip != nil && skip(d) {
			continue
		}
		for _, sent := range doc.Sentences {
			for _, w := range sent.Words {
				out[s.lowerKey(w)] = struct{}{}
			}
		}
	}
	return out
}

// buildGazetteer collects the names labelled in docs with the types they
// were given (a type counts when it is at least a fifth of the name's
// occurrences).
func buildGazetteer(docs []Document, skip func(int) bool) map[uint64]uint8 {
	var s scratch
	counts := map[uint64][nTypes]int{}
	prefixes := map[uint64]bool{}
	for d, doc := range docs {
		if skip != nil && skip(d) {
			continue
		}
		for _, sent := range doc.Sentences {
			for _, sp := range Spans(sent.Tags) {
				t := typeIndex(sp.Type)
				if t < 0 || sp.End-sp.Start > gazMaxLen {
					continue
				}
				ws := sent.Words[sp.Start:sp.End]
				k := gazKey(&s, ws)
				c := counts[k]
				c[t]++
				counts[k] = c
				for n := 1; n < len(ws); n++ {
					prefixes[gazKey(&s, ws[:n])] = true
				}
			}
		}
	}
	out := make(map[uint64]uint8, len(counts))
	for k, c := range counts {
		total := 0
		for _, n := range c {
			total += n
		}
		var m uint8
		for t, n := range c {
			if n*5 >= total {
				m |= 1 << t
			}
		}
		out[k] |= m
	}
	for k := range prefixes {
		out[k] |= gazPrefix
	}
	return out
}

type trainDoc struct {
	prep  prepared
	gold  []uint8
	feats [][]uint32 // static feature rows per token
	ident []uint8    // how many of them are identity features
}

// Train fits a model on docs: a first stage, then (Stages 2, the default)
// a second stage stacked on the first stage's labels, which it learns from
// jackknifed first-stage labels of the training documents so that they are
// as noisy as at run time.
func Train(ctx context.Context, docs []Document, opt TrainOptions) (*Model, error) {
	opt.defaults()
	if len(docs) == 0 {
		return nil, errors.New("ner train: no documents")
	}
	start := time.Now()
	var clusters map[uint64][nClusterLevels]uint32
	if opt.Clusters != nil {
		var s scratch
		clusters = make(map[uint64][nClusterLevels]uint32, len(opt.Clusters))
		for w, c := range opt.Clusters {
			clusters[s.lowerKey(w)] = c
		}
	}
	var silver map[uint64]uint8
	if opt.Silver != nil {
		silver = opt.Silver.names
	}
	final := &Model{bits: opt.Bits, lexicon: lexicon{gaz: buildGazetteer(docs, nil), gazMax: gazMaxLen, clusters: clusters, silver: silver, vocab: buildVocab(docs, nil)}}
	// Tag is also called on lone sentences: some documents are added
	// again as one-sentence documents, in the fold of their original so
	// that no jackknife sees its own names.
	origin := make([]int, len(docs))
	for d := range origin {
		origin[d] = d
	}
	if opt.SentenceDocs > 0 {
		all := append([]Document(nil), docs...)
		for d, doc := range docs {
			if d%opt.SentenceDocs != 0 {
				continue
			}
			for _, s := range doc.Sentences {
				all = append(all, Document{Sentences: []Sentence{s}})
				origin = append(origin, d)
			}
		}
		docs = all
	}
	fold := make([]int, len(docs))
	for d := range fold {
		fold[d] = origin[d] % opt.Folds
	}
	devF1 := func() float64 {
		if len(opt.Dev) == 0 {
			return -1
		}
		return Evaluate(NewTagger(final), opt.Dev).Overall.F1
	}
	var err error
	final.w, err = trainStage(ctx, docs, fold, clusters, silver, nil, opt, "stage1", true, func(w []int16) float64 {
		final.w = w
		return devF1()
	})
	if err != nil || opt.Stages == 1 {
		return final, err
	}
	// jackknifed first-stage labels for the second stage to learn from
	s1 := make([][]uint8, len(docs))
	for k := 0; k < opt.Folds; k++ {
		var sub []Document
		var subFold []int
		for d := range docs {
			if fold[d] != k {
				sub = append(sub, docs[d])
				subFold = append(subFold, (origin[d]/opt.Folds)%opt.Folds)
			}
		}
		w, err := trainStage(ctx, sub, subFold, clusters, silver, nil, opt, fmt.Sprintf("stage1-fold%d", k), false, nil)
		if err != nil {
			return nil, err
		}
		tg := NewTagger(&Model{bits: opt.Bits, w: w, lexicon: lexicon{gaz: buildGazetteer(sub, nil), gazMax: gazMaxLen, clusters: clusters, silver: silver, vocab: buildVocab(sub, nil)}})
		for d := range docs {
			if fold[d] == k {
				s1[d] = tg.firstStage(docs[d])
			}
		}
	}
	opt.Log.Info("ner train: jackknifed first-stage labels", "folds", opt.Folds, "elapsed", time.Since(start).Round(time.Millisecond))
	final.w2, err = trainStage(ctx, docs, fold, clusters, silver, s1, opt, "stage2", true, func(w []int16) float64 {
		final.w2 = w
		return devF1()
	})
	return final, err
}

// firstStage returns the first-stage labels of a document, flat.
func (t *Tagger) firstStage(doc Document) []uint8 {
	st := t.pool.Get().(*state)
	defer t.pool.Put(st)
	st.sents = st.sents[:0]
	for _, s := range doc.Sentences {
		st.sents = append(st.sents, s.Words)
	}
	st.mem.reset()
	st.scratch.prepare(&t.m.lexicon, st.sents, &st.prep, &st.mem, false)
	out := make([]uint8, len(st.prep.words))
	t.pass(st, t.m.w, false, func(s, i int, l uint8) { out[st.prep.starts[s]+i] = l })
	clear(st.sents)
	return out
}

// trainStage trains one stage's weights on docs (stage 2 when s1, the
// first-stage labels per document, is given). dev, when not nil, scores
// averaged weights every other epoch for the log.
func trainStage(ctx context.Context, docs []Document, fold []int, clusters map[uint64][nClusterLevels]uint32, silver map[uint64]uint8, s1 [][]uint8, opt TrainOptions, name string, final bool, dev func([]int16) float64) ([]int16, error) {
	start := time.Now()
	mask := uint64(1)<<opt.Bits - 1
	folds := make([]lexicon, opt.Folds)
	for k := range folds {
		skip := func(d int) bool { return fold[d] == k }
		folds[k] = lexicon{gaz: buildGazetteer(docs, skip), gazMax: gazMaxLen, clusters: clusters, silver: silver, vocab: buildVocab(docs, skip)}
	}
	// Preprocess: features that do not depend on predictions, once.
	var s scratch
	mem := newDocMem()
	agg := map[uint64][2][1 + nTypes]uint16{}
	tds := make([]trainDoc, len(docs))
	tokens := 0
	var fb []uint64
	for d, doc := range docs {
		sents := make([][]string, len(doc.Sentences))
		var gold []uint8
		for i, sent := range doc.Sentences {
			sents[i] = sent.Words
			gold = append(gold, toBILOU(sent.Tags, nil)...)
		}
		mem.reset()
		td := &tds[d]
		s.prepare(&folds[fold[d]], sents, &td.prep, &mem, false)
		if s1 != nil {
			aggregate(&td.prep, s1[d], agg)
		}
		td.gold = gold
		td.feats = make([][]uint32, len(td.prep.words))
		td.ident = make([]uint8, len(td.prep.words))
		for si := range sents {
			ws := td.prep.sentence(si)
			base := td.prep.starts[si]
			for i := range ws {
				var nid int
				fb, nid = staticFeaturesN(fb[:0], ws, i, s1 != nil)
				td.ident[base+i] = uint8(nid)
				rows := make([]uint32, len(fb))
				for j, h := range fb {
					rows[j] = uint32(h & mask)
				}
				td.feats[base+i] = rows
			}
		}
		tokens += len(td.prep.words)
	}
	opt.Log.Info("ner train: features extracted", "stage", name, "docs", len(docs), "tokens", tokens, "elapsed", time.Since(start).Round(time.Millisecond))

	rows := 1 << opt.Bits
	seeds := opt.Seeds
	if !final {
		seeds = 1
	}
	sum := make([]float64, rows*nLabels)
	w := make([]int32, rows*nLabels)
	u := make([]int64, rows*nLabels)
	order := make([]int, len(docs))
	var hist []uint32
	var labels []uint8
	for run := 0; run < seeds; run++ {
		clear(w)
		clear(u)
		var c int64 = 1
		for i := range order {
			order[i] = i
		}
		rng := rand.New(rand.NewPCG(opt.Seed+uint64(run), 0x5eed))
		for ep := 1; ep <= opt.Epochs; ep++ {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			errs := 0
			for _, d := range order {
				td := &tds[d]
				mem.reset()
				for si := 0; si+1 < len(td.prep.starts); si++ {
					ws := td.prep.sentence(si)
					base := td.prep.starts[si]
					setHistory(ws, &mem)
					if cap(labels) < len(ws) {
						labels = make([]uint8, len(ws))
					}
					labels = labels[:len(ws)]
					var p1, p2 uint8
					for i := range ws {
						static := td.feats[base+i]
						drop := opt.WordDropout > 0 && rng.Float64() < opt.WordDropout
						if drop {
							static = static[td.ident[base+i]:]
						}
						fb = historyFeatures(fb[:0], &ws[i], p1, p2, drop)
						hist = hist[:0]
						for _, h := range fb {
							hist = append(hist, uint32(h&mask))
						}
						var sc [nLabels]int64
						for _, f := range static {
							row := w[int(f)*nLabels : int(f)*nLabels+nLabels]
							for l := range sc {
								sc[l] += int64(row[l])
							}
						}
						for _, f := range hist {
							row := w[int(f)*nLabels : int(f)*nLabels+nLabels]
							for l := range sc {
								sc[l] += int64(row[l])
							}
						}
						pred := best(&sc, p1, i == len(ws)-1)
						g := td.gold[base+i]
						if pred != g {
							errs++
							for _, fs := range [2][]uint32{static, hist} {
								for _, f := range fs {
									o := int(f) * nLabels
									w[o+int(g)]++
									u[o+int(g)] += c
									w[o+int(pred)]--
									u[o+int(pred)] -= c
								}
							}
						}
						labels[i] = pred
						p2, p1 = p1, pred
						c++
					}
					remember(ws, labels, &mem)
				}
			}
			args := []any{"stage", name, "run", run, "epoch", ep, "train_token_errors", errs, "elapsed", time.Since(start).Round(time.Millisecond)}
			if dev != nil && ep == opt.Epochs {
				if f := dev(quantize(average(nil, w, u, c, 1))); f >= 0 {
					args = append(args, "dev_f1", math.Round(f*10000)/10000)
				}
			}
			opt.Log.Info("ner train: epoch", args...)
		}
		average(sum, w, u, c, 1/float64(seeds))
	}
	out := quantize(sum)
	if dev != nil && seeds > 1 {
		if f := dev(out); f >= 0 {
			opt.Log.Info("ner train: averaged runs", "stage", name, "runs", seeds, "dev_f1", math.Round(f*10000)/10000)
		}
	}
	return out, nil
}

// average adds the averaged perceptron weights, times k, to sum (a new
// slice when nil).
func average(sum []float64, w []int32, u []int64, c int64, k float64) []float64 {
	if sum == nil {
		sum = make([]float64, len(w))
	}
	for i := range w {
		sum[i] += k * (float64(w[i]) - float64(u[i])/float64(c))
	}
	return sum
}

// quantize turns averaged weights (rows of nLabels) into the model's
// int16 rows of nRow: the O weight is subtracted from every label's (the
// argmax does not change) and dropped.
func quantize(avg []float64) []int16 {
	rows := len(avg) / nLabels
	rel := make([]float64, rows*nRow)
	maxAbs := 0.0
	for r := 0; r < rows; r++ {
		o := avg[r*nLabels]
		for l := 1; l < nLabels; l++ {
			v := avg[r*nLabels+l] - o
			rel[r*nRow+l-1] = v
			maxAbs = max(maxAbs, math.Abs(v))
		}
	}
	out := make([]int16, len(rel))
	if maxAbs == 0 {
		return out
	}
	scale := 32767 / maxAbs
	for i, a := range rel {
		out[i] = int16(math.Round(a * scale))
	}
	return out
}

// EvaluateSentences tags every sentence on its own (Tag, no document
// memory) and scores them.
func EvaluateSentences(t *Tagger, docs []Document) Score {
	sc := NewScorer()
	for _, d := range docs {
		for _, s := range d.Sentences {
			sc.Add(s.Tags, t.Tag(s.Words))
		}
	}
	return sc.Score()
}

// Evaluate tags docs document by document and scores them against their
// gold tags.
func Evaluate(t *Tagger, docs []Document) Score {
	sc := NewScorer()
	for _, d := range docs {
		sents := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			sents[i] = s.Words
		}
		pred := t.TagDocument(sents)
		for i, s := range d.Sentences {
			sc.Add(s.Tags, pred[i])
		}
	}
	return sc.Score()
}
