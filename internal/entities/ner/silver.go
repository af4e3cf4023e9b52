package ner

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// Silver is a silver-standard gazetteer: the names a trained tagger found
// in unlabelled news, with the types it gave them in at least a quarter of
// their occurrences. A model trained with it learns how far to trust it;
// it brings names the 1996 training data never saw (Obama, Putin, ISIS).
type Silver struct {
	names map[uint64]uint8
}

// Len is the number of names.
func (s *Silver) Len() int {
	if s == nil {
		return 0
	}
	n := 0
	for _, m := range s.names {
		if m&gazTypes != 0 {
			n++
		}
	}
	return n
}

const silverMinCount = 3

// BuildSilver tags the texts of files (the formats of ner-clusters) as
// documents with t and collects the names found at least three times.
func BuildSilver(ctx context.Context, t *Tagger, files []string, log *slog.Logger) (*Silver, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	start := time.Now()
	var s scratch
	counts := map[uint64][nTypes]uint32{}
	prefixes := map[uint64]bool{}
	docs, tokens := 0, 0
	for _, path := range files {
		err := readTextFile(path, func(text string) {
			if ctx.Err() != nil {
				return
			}
			sents := t.TagTextWords(text)
			docs++
			for _, st := range sents {
				tokens += len(st.Words)
				for _, sp := range Spans(st.Tags) {
					typ := typeIndex(sp.Type)
					if typ < 0 || sp.End-sp.Start > gazMaxLen {
						continue
					}
					ws := st.Words[sp.Start:sp.End]
					k := gazKey(&s, ws)
					c := counts[k]
					c[typ]++
					counts[k] = c
					for n := 1; n < len(ws); n++ {
						prefixes[gazKey(&s, ws[:n])] = true
					}
				}
			}
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		log.Info("ner silver: tagged", "file", path, "docs", docs, "tokens", tokens, "elapsed", time.Since(start).Round(time.Millisecond))
	}
	names := map[uint64]uint8{}
	for k, c := range counts {
		var total uint32
		for _, n := range c {
			total += n
		}
		if total < silverMinCount {
			continue
		}
		var m uint8
		for typ, n := range c {
			if n*4 >= total {
				m |= 1 << typ
			}
		}
		names[k] |= m
	}
	for k := range prefixes {
		names[k] |= gazPrefix
	}
	out := &Silver{names: names}
	log.Info("ner silver: built", "names", out.Len(), "elapsed", time.Since(start).Round(time.Millisecond))
	return out, nil
}

// TagTextWords tokenises text with nlp.Tokenize and nlp.Sentences and
// tags it as one document, returning the words and tags per sentence.
func (t *Tagger) TagTextWords(text string) []Sentence {
	words, _ := splitText(text)
	tags := t.TagDocument(words)
	out := make([]Sentence, len(words))
	for i := range words {
		out[i] = Sentence{Words: words[i], Tags: tags[i]}
	}
	return out
}
