// Package ner is sitrep's named-entity tagger: given the words of one
// sentence it returns a BIO tag per word (B-PER, I-PER, B-ORG, I-ORG, B-LOC,
// I-LOC, B-MISC, I-MISC, O), CoNLL-2003 style.
//
// It only tags: merging mentions into entities, aliases and actor
// attributes belong to the entities stage above it.
//
// Not implemented yet: the tagger returns O for every word until the NER
// issue lands a trained model.
package ner

// Span is a tagged name: words [Start, End) of the sentence, of Type
// PER, ORG, LOC or MISC.
type Span struct {
	Start, End int
	Type       string
}

// Tagger tags sentences. It is safe for concurrent use.
type Tagger struct{}

// Default returns the tagger with the shipped model.
func Default() (*Tagger, error) { return &Tagger{}, nil }

// Tag returns one BIO tag per word.
func (t *Tagger) Tag(words []string) []string {
	tags := make([]string, len(words))
	for i := range tags {
		tags[i] = "O"
	}
	return tags
}

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
