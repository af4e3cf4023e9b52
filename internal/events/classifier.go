package events

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"sync"

	"sitrep/internal/nlp"
)

// Classifier is a small softmax (multinomial logistic) regression over a
// sentence's words and word pairs, predicting the CAMEO quad class (0
// neutral, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
// 4 material conflict). It is trained on ConfliBERT's cameo_class train
// split and serves as a second opinion: it raises or lowers an event's
// confidence and breaks ties between a sentence's candidate events.
//
// Rebuilt with
//
//	sitrep train events-clf --train ../shared/data/events/conflibert/cameo_class/train.tsv
type Classifier struct {
	vocab   map[string]int
	w       [][quads]float32 // per feature
	b       [quads]float32
	classes int
}

const quads = 5

//go:embed classifier.bin.gz
var classifierGz []byte

var (
	clfOnce sync.Once
	clfDef  *Classifier
	clfErr  error
)

// DefaultClassifier returns the embedded classifier, loaded once.
func DefaultClassifier() (*Classifier, error) {
	clfOnce.Do(func() {
		if len(classifierGz) == 0 {
			clfErr = errors.New("no embedded classifier")
			return
		}
		clfDef, clfErr = LoadClassifier(bytes.NewReader(classifierGz))
	})
	return clfDef, clfErr
}

var clfStop = map[string]bool{"the": true, "a": true, "an": true, "of": true, "and": true, "in": true, "to": true, "on": true, "for": true, "at": true, "by": true, "with": true, "is": true, "was": true, ",": true, ".": true, "\"": true, "'s": true}

// features returns the sentence's feature strings: lower-case words (with
// verb-ish suffixes cut) and adjacent pairs.
func clfFeatures(text string) []string {
	toks := nlp.Tokenize(text)
	ws := make([]string, 0, len(toks))
	for _, t := range toks {
		w := strings.ToLower(t.Text)
		if clfStop[w] || len(w) < 2 && !(w[0] >= 'a' && w[0] <= 'z') {
			continue
		}
		if w[0] >= '0' && w[0] <= '9' {
			w = "#num"
		}
		ws = append(ws, lemma(w, nil))
	}
	out := make([]string, 0, 2*len(ws))
	for i, w := range ws {
		out = append(out, w)
		if i > 0 {
			out = append(out, ws[i-1]+"_"+w)
		}
	}
	return out
}

// Probs returns the class probabilities for a sentence.
func (c *Classifier) Probs(text string) [quads]float64 {
	var z [quads]float64
	for k := range z {
		z[k] = float64(c.b[k])
	}
	for _, f := range clfFeatures(text) {
		if i, ok := c.vocab[f]; ok {
			for k := 0; k < quads; k++ {
				z[k] += float64(c.w[i][k])
			}
		}
	}
	return softmax(z)
}

func softmax(z [quads]float64) [quads]float64 {
	m := z[0]
	for _, v := range z {
		m = math.Max(m, v)
	}
	var s float64
	var p [quads]float64
	for k, v := range z {
		p[k] = math.Exp(v - m)
		s += p[k]
	}
	for k := range p {
		p[k] /= s
	}
	return p
}

// TrainClassifier fits the model by SGD with L2 regularisation over
// features seen at least minCount times.
func TrainClassifier(texts []string, labels []int, epochs, minCount int) *Classifier {
	counts := map[string]int{}
	feats := make([][]string, len(texts))
	for i, t := range texts {
		seen := map[string]bool{}
		for _, f := range clfFeatures(t) {
			if !seen[f] {
				seen[f] = true
				counts[f]++
				feats[i] = append(feats[i], f)
			}
		}
	}
	c := &Classifier{vocab: map[string]int{}, classes: quads}
	names := make([]string, 0, len(counts))
	for f, n := range counts {
		if n >= minCount {
			names = append(names, f)
		}
	}
	sort.Strings(names)
	for i, f := range names {
		c.vocab[f] = i
	}
	c.w = make([][quads]float32, len(names))
	idx := make([][]int, len(texts))
	for i, fs := range feats {
		for _, f := range fs {
			if j, ok := c.vocab[f]; ok {
				idx[i] = append(idx[i], j)
			}
		}
	}
	order := make([]int, len(texts))
	for i := range order {
		order[i] = i
	}
	seed := uint32(7)
	lr, l2 := 0.1, 1e-4
	for ep := 0; ep < epochs; ep++ {
		for i := len(order) - 1; i > 0; i-- {
			seed = seed*1664525 + 1013904223
			j := int(seed % uint32(i+1))
			order[i], order[j] = order[j], order[i]
		}
		for _, i := range order {
			if labels[i] < 0 || labels[i] >= quads {
				continue
			}
			var z [quads]float64
			for k := range z {
				z[k] = float64(c.b[k])
			}
			for _, j := range idx[i] {
				for k := 0; k < quads; k++ {
					z[k] += float64(c.w[j][k])
				}
			}
			p := softmax(z)
			for k := 0; k < quads; k++ {
				g := p[k]
				if k == labels[i] {
					g -= 1
				}
				c.b[k] -= float32(lr * g)
				for _, j := range idx[i] {
					c.w[j][k] -= float32(lr * (g + l2*float64(c.w[j][k])))
				}
			}
		}
		lr *= 0.8
	}
	return c
}

const clfMagic = "SRCLF1"

// Save writes the classifier gzip-compressed.
func (c *Classifier) Save(w io.Writer) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	bw.WriteString(clfMagic)
	binary.Write(bw, binary.LittleEndian, c.b)
	names := make([]string, len(c.vocab))
	for f, i := range c.vocab {
		names[i] = f
	}
	binary.Write(bw, binary.LittleEndian, uint32(len(names)))
	for i, f := range names {
		binary.Write(bw, binary.LittleEndian, uint16(len(f)))
		bw.WriteString(f)
		var q [quads]int16
		for k := range q {
			q[k] = int16(math.Max(-32000, math.Min(32000, math.Round(float64(c.w[i][k])*1000))))
		}
		binary.Write(bw, binary.LittleEndian, q)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// LoadClassifier reads a classifier written by Save.
func LoadClassifier(r io.Reader) (*Classifier, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("classifier: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(clfMagic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != clfMagic {
		return nil, errors.New("classifier: bad header")
	}
	c := &Classifier{vocab: map[string]int{}, classes: quads}
	if err := binary.Read(br, binary.LittleEndian, &c.b); err != nil {
		return nil, fmt.Errorf("classifier: %w", err)
	}
	var n uint32
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
		return nil, fmt.Errorf("classifier: %w", err)
	}
	if n > 1<<22 {
		return nil, errors.New("classifier: too many features")
	}
	for i := 0; i < int(n); i++ {
		var l uint16
		if err := binary.Read(br, binary.LittleEndian, &l); err != nil {
			return nil, fmt.Errorf("classifier: %w", err)
		}
		b := make([]byte, l)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("classifier: %w", err)
		}
		var q [quads]int16
		if err := binary.Read(br, binary.LittleEndian, &q); err != nil {
			return nil, fmt.Errorf("classifier: %w", err)
		}
		var w [quads]float32
		for k := range q {
			w[k] = float32(q[k]) / 1000
		}
		c.vocab[string(b)] = len(c.w)
		c.w = append(c.w, w)
	}
	return c, nil
}

// secondOpinion nudges a draft's confidence by how likely the classifier
// finds its quad class for the sentence.
func (c *Coder) secondOpinion(st *sentState, dr *draft) {
	if c.clf == nil {
		return
	}
	if st.probs == nil {
		p := c.clf.Probs(st.text)
		st.probs = &p
	}
	q := quadOfEvent(dr.ev)
	dr.ev.Confidence += clfWeight * (st.probs[q] - 0.2)
}

// Predict returns the most likely quad class of a sentence.
func (c *Classifier) Predict(text string) int {
	p := c.Probs(text)
	best := 0
	for k := range p {
		if p[k] > p[best] {
			best = k
		}
	}
	return best
}

const clfWeight = 0.1
