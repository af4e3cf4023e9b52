// Package classify is the topics stage: it labels an article with the
// topics of sitrep's news taxonomy (taxonomy.json, with IPTC Media Topic
// codes), each with a calibrated score, best first.
//
// The model is a one-vs-rest logistic regression over hashed word, word
// bigram and character n-gram features of the headline and the first words
// of the body, trained with AdaGrad on public corpora mapped onto the
// taxonomy (mapping.json) and calibrated per label with Platt scaling. It
// ships embedded, int8-quantised. `sitrep train topics` rebuilds it and
// `sitrep eval topics` measures it.
//
// It does not look at the article's given label, and it does no entity,
// place or event analysis.
package classify

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"sort"
	"sync"

	"sitrep/internal/article"
)

//go:embed model/topics.bin.gz
var shippedModel []byte

// MinScore is the score a label needs to be listed; the best label is
// always listed.
const MinScore = 0.2

// Classifier is the topics stage. It is safe for concurrent use.
type Classifier struct {
	m    *Model
	iptc []string
	pool sync.Pool // *extractor
}

// NewDefault returns the stage with the shipped model.
func NewDefault() (*Classifier, error) {
	m, err := ReadModel(bytes.NewReader(shippedModel))
	if err != nil {
		return nil, fmt.Errorf("shipped topic model: %w", err)
	}
	return New(m)
}

// New returns the stage with model m, whose labels must be taxonomy labels.
func New(m *Model) (*Classifier, error) {
	tax, err := LoadTaxonomy()
	if err != nil {
		return nil, err
	}
	c := &Classifier{m: m, iptc: make([]string, m.K())}
	for i, l := range m.Labels {
		j := tax.Index(l)
		if j < 0 {
			return nil, fmt.Errorf("model label %q is not in the taxonomy", l)
		}
		c.iptc[i] = tax.Labels[j].IPTC
	}
	cfg := m.Cfg
	c.pool.New = func() any { return newExtractor(cfg) }
	return c, nil
}

// Model returns the classifier's model.
func (c *Classifier) Model() *Model { return c.m }

// Name implements analyze.Stage.
func (*Classifier) Name() string { return "topics" }

// Scores returns the calibrated score of every label for a headline and
// body, in the model's label order.
func (c *Classifier) Scores(headline, body string) []float64 {
	ex := c.pool.Get().(*extractor)
	p := make([]float64, c.m.K())
	c.m.scores(ex.extract(headline, body), p)
	c.pool.Put(ex)
	return p
}

// Classify returns the topics of a headline and body, best first: every
// label scoring at least MinScore, and always the best one.
func (c *Classifier) Classify(headline, body string) []article.Topic {
	p := c.Scores(headline, body)
	idx := make([]int, len(p))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return p[idx[a]] > p[idx[b]] })
	var out []article.Topic
	for r, i := range idx {
		if r > 0 && p[i] < MinScore {
			break
		}
		out = append(out, article.Topic{Label: c.m.Labels[i], IPTC: c.iptc[i], Score: round4(p[i])})
	}
	return out
}

func round4(x float64) float64 { return float64(int64(x*10000+0.5)) / 10000 }

// Apply implements analyze.Stage: it fills a.Topics from the headline and
// body (never from a.GivenLabel). An article with no text gets no topics.
func (c *Classifier) Apply(ctx context.Context, a *article.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(Normalize(a.Headline)) == 0 && len(Normalize(a.Body)) == 0 {
		a.Topics = []article.Topic{}
		return nil
	}
	a.Topics = c.Classify(a.Headline, a.Body)
	return nil
}
