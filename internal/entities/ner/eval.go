package ner

import "sort"

// PRF is precision, recall and F1 with the counts behind them.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Correct   int     `json:"correct"`
}

// Score is a conlleval-style result: exact span and exact type.
type Score struct {
	Overall  PRF            `json:"overall"`
	ByType   map[string]PRF `json:"by_type"`
	Tokens   int            `json:"tokens"`
	Accuracy float64        `json:"token_accuracy"`
}

// Scorer accumulates gold and predicted tag sequences, sentence by
// sentence, and scores them like conlleval: a predicted entity counts only
// if its span and type both equal a gold entity's.
type Scorer struct {
	gold, pred, correct map[string]int
	tokens, tokOK       int
}

// NewScorer returns an empty scorer.
func NewScorer() *Scorer {
	return &Scorer{gold: map[string]int{}, pred: map[string]int{}, correct: map[string]int{}}
}

// Add scores one sentence. gold and pred must have the same length.
func (s *Scorer) Add(gold, pred []string) {
	s.tokens += len(gold)
	for i := range gold {
		if i < len(pred) && gold[i] == pred[i] {
			s.tokOK++
		}
	}
	g, p := Spans(gold), Spans(pred)
	s.AddSpans(g, p)
}

// AddSpans scores one unit (sentence or document) given as spans.
func (s *Scorer) AddSpans(g, p []Span) {
	set := make(map[Span]bool, len(g))
	for _, sp := range g {
		s.gold[sp.Type]++
		set[sp] = true
	}
	for _, sp := range p {
		s.pred[sp.Type]++
		if set[sp] {
			s.correct[sp.Type]++
			delete(set, sp)
		}
	}
}

// Score returns the totals so far.
func (s *Scorer) Score() Score {
	types := map[string]bool{}
	for t := range s.gold {
		types[t] = true
	}
	for t := range s.pred {
		types[t] = true
	}
	names := make([]string, 0, len(types))
	for t := range types {
		names = append(names, t)
	}
	sort.Strings(names)
	out := Score{ByType: map[string]PRF{}, Tokens: s.tokens}
	var g, p, c int
	for _, t := range names {
		out.ByType[t] = prf(s.gold[t], s.pred[t], s.correct[t])
		g += s.gold[t]
		p += s.pred[t]
		c += s.correct[t]
	}
	out.Overall = prf(g, p, c)
	if s.tokens > 0 {
		out.Accuracy = float64(s.tokOK) / float64(s.tokens)
	}
	return out
}

func prf(g, p, c int) PRF {
	r := PRF{Gold: g, Predicted: p, Correct: c}
	if p > 0 {
		r.Precision = float64(c) / float64(p)
	}
	if g > 0 {
		r.Recall = float64(c) / float64(g)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	return r
}
