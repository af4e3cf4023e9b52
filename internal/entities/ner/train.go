package ner

import (
	"context"
	"errors"
	"log/slog"
	"math"
	"math/rand/v2"
	"time"
)

// TrainOptions tune Train. Zero values take the defaults.
type TrainOptions struct {
	Epochs int  // passes over the training data (default 10)
	Bits   uint // log2 of the weight-table rows (default 20)
	Folds  int  // gazetteer jackknife folds (default 5)
	Seed   uint64
	// Clusters maps lower-cased words to cluster ids, one per level
	// (see BuildClusters); nil trains without cluster features.
	Clusters map[string][nClusterLevels]uint32
	// Dev, when set, is scored after every epoch (progress only: the
	// model returned is the one after the last epoch).
	Dev []Document
	Log *slog.Logger
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 10
	}
	if o.Bits == 0 {
		o.Bits = 20
	}
	if o.Folds <= 1 {
		o.Folds = 5
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
}

const gazMaxLen = 6

// buildGazetteer collects the names labelled in docs with the types they
// were given (a type counts when it is at least a fifth of the name's
// occurrences).
func buildGazetteer(docs []Document, skip func(int) bool) map[uint64]uint8 {
	var s scratch
	counts := map[uint64][nTypes]int{}
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
				k := gazKey(&s, sent.Words[sp.Start:sp.End])
				c := counts[k]
				c[t]++
				counts[k] = c
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
		out[k] = m
	}
	return out
}

// mergeClitics joins "'s" and "n't" to the word before, as nlp.Tokenize
// does, keeping that word's tag.
func mergeClitics(s Sentence) Sentence {
	var out Sentence
	for i, w := range s.Words {
		if i > 0 && (w == "'s" || w == "'S" || w == "n't") && len(out.Words) > 0 {
			out.Words[len(out.Words)-1] += w
			continue
		}
		out.Words = append(out.Words, w)
		out.Tags = append(out.Tags, s.Tags[i])
	}
	return out
}

type trainDoc struct {
	prep  prepared
	gold  []uint8
	feats [][]uint32 // static feature rows per token
}

// Train fits a model on docs.
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
	final := &Model{bits: opt.Bits, lexicon: lexicon{gaz: buildGazetteer(docs, nil), gazMax: gazMaxLen, clusters: clusters}}
	mask := final.mask()
	folds := make([]lexicon, opt.Folds)
	for k := range folds {
		k := k
		folds[k] = lexicon{gaz: buildGazetteer(docs, func(d int) bool { return d%opt.Folds == k }), gazMax: gazMaxLen, clusters: clusters}
	}
	opt.Log.Info("ner train: gazetteers built", "names", len(final.gaz), "folds", opt.Folds, "elapsed", time.Since(start).Round(time.Millisecond))

	// Preprocess: features that do not depend on predictions, once.
	var s scratch
	mem := newDocMem()
	tds := make([]trainDoc, len(docs))
	tokens := 0
	var fb []uint64
	for d, doc := range docs {
		sents := make([][]string, len(doc.Sentences))
		var gold []uint8
		for i, sent := range doc.Sentences {
			if i%2 == 1 {
				sent = mergeClitics(sent)
			}
			sents[i] = sent.Words
			gold = append(gold, toBILOU(sent.Tags, nil)...)
		}
		mem.reset()
		td := &tds[d]
		s.prepare(&folds[d%opt.Folds], sents, &td.prep, &mem)
		td.gold = gold
		td.feats = make([][]uint32, len(td.prep.words))
		for si := range sents {
			ws := td.prep.sentence(si)
			base := td.prep.starts[si]
			for i := range ws {
				fb = staticFeatures(fb[:0], ws, i)
				rows := make([]uint32, len(fb))
				for j, h := range fb {
					rows[j] = uint32(h & mask)
				}
				td.feats[base+i] = rows
			}
		}
		tokens += len(td.prep.words)
	}
	opt.Log.Info("ner train: features extracted", "docs", len(docs), "tokens", tokens, "elapsed", time.Since(start).Round(time.Millisecond))

	rows := 1 << opt.Bits
	w := make([]int32, rows*nLabels)
	u := make([]int64, rows*nLabels)
	var c int64 = 1
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	var hist []uint32
	var labels []uint8
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
					fb = historyFeatures(fb[:0], &ws[i], p1, p2)
					hist = hist[:0]
					for _, h := range fb {
						hist = append(hist, uint32(h&mask))
					}
					static := td.feats[base+i]
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
		args := []any{"epoch", ep, "train_token_errors", errs, "elapsed", time.Since(start).Round(time.Millisecond)}
		if len(opt.Dev) > 0 && (ep == opt.Epochs || ep%2 == 0) {
			final.w = average(w, u, c)
			sc := Evaluate(NewTagger(final), opt.Dev)
			args = append(args, "dev_f1", math.Round(sc.Overall.F1*10000)/10000)
		}
		opt.Log.Info("ner train: epoch", args...)
	}
	final.w = average(w, u, c)
	return final, nil
}

// average returns the averaged weights, quantised to int16.
func average(w []int32, u []int64, c int64) []int16 {
	avg := make([]float64, len(w))
	maxAbs := 0.0
	for i := range w {
		a := float64(w[i]) - float64(u[i])/float64(c)
		avg[i] = a
		if math.Abs(a) > maxAbs {
			maxAbs = math.Abs(a)
		}
	}
	out := make([]int16, len(w))
	if maxAbs == 0 {
		return out
	}
	scale := 32767 / maxAbs
	for i, a := range avg {
		out[i] = int16(math.Round(a * scale))
	}
	return out
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
