// Package ner is sitrep's named-entity tagger: given the words of one
// sentence (or the sentences of one document) it returns a BIO tag per word
// (B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC, B-MISC, I-MISC, O),
// CoNLL-2003 style.
//
// The model is a greedy averaged perceptron over BILOU labels with hashed
// features: word, case-folded word, shape, affixes, a ±2 word window, word
// clusters computed from unlabelled news, a gazetteer derived from the
// training labels, label history and document memory (how the same word was
// written and tagged elsewhere in the document). It is trained by `sitrep
// train ner` and shipped embedded (model.bin).
//
// It only tags: merging mentions into entities, aliases and actor
// attributes belong to the entities stage above it. It does no
// tokenisation (see internal/nlp) and no POS tagging.
package ner

import (
	"bytes"
	_ "embed"
	"sync"
)

// Span is a tagged name: words [Start, End) of the sentence, of Type
// PER, ORG, LOC or MISC.
type Span struct {
	Start, End int
	Type       string
}

//go:embed model.bin
var modelBin []byte

var loadDefault = sync.OnceValues(func() (*Tagger, error) {
	m, err := ReadModel(bytes.NewReader(modelBin))
	if err != nil {
		return nil, err
	}
	return NewTagger(m), nil
})

// Default returns the tagger with the shipped model. The model is decoded
// once; the tagger is shared and safe for concurrent use.
func Default() (*Tagger, error) { return loadDefault() }

// Spans turns BIO (or IOB1) tags into spans.
func Spans(tags []string) []Span {
	var out []Span
	for i := 0; i < len(tags); i++ {
		t := tags[i]
		if t == "O" || len(t) < 3 {
			continue
		}
		typ := t[2:]
		j := i + 1
		for j < len(tags) && len(tags[j]) > 2 && tags[j][0] == 'I' && tags[j][2:] == typ {
			j++
		}
		out = append(out, Span{Start: i, End: j, Type: typ})
		i = j - 1
	}
	return out
}
