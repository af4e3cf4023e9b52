package classify

import (
	"context"
	"fmt"
	"log/slog"
)

// ShippedCorpora are the corpora the shipped model learns from. The portal
// contributes only items dated up to WCEPTrainEnd, so that 2019 stays unseen.
func ShippedCorpora() []string { return []string{CorpusWCEP, CorpusBBC, CorpusAG, CorpusNYT} }

// TrainShipped builds the shipped multi-label model over the taxonomy from
// the corpora under shared, mapped by mapping.json.
func TrainShipped(ctx context.Context, shared string, cfg FeatureConfig, opt TrainOptions) (*Model, error) {
	tax, err := LoadTaxonomy()
	if err != nil {
		return nil, err
	}
	mp, err := LoadMapping(tax)
	if err != nil {
		return nil, err
	}
	var examples []Example
	for _, name := range ShippedCorpora() {
		path, err := CorpusPath(shared, name)
		if err != nil {
			return nil, err
		}
		docs, st, err := LoadCorpus(name, path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		docs, dup := Dedupe(docs)
		n := len(examples)
		examples = append(examples, MappedExamples(tax, mp, name, docs, cfg)...)
		slog.Info("training corpus", "corpus", name, "read", st.Read, "bad", st.Bad, "duplicates", dup, "examples", len(examples)-n)
	}
	return Train(ctx, examples, tax.Names(), cfg, opt)
}

// MappedExamples turns a corpus's docs into taxonomy examples through the
// mapping; docs whose label maps to nothing are left out, and portal items
// after WCEPTrainEnd are left out.
func MappedExamples(tax *Taxonomy, mp *Mapping, corpus string, docs []Doc, cfg FeatureConfig) []Example {
	ex := newExtractor(cfg)
	var out []Example
	for _, d := range docs {
		if corpus == CorpusWCEP && (d.Date < WCEPTrainStart || d.Date > WCEPTrainEnd) {
			continue
		}
		pos, unk, ok := mp.Targets(tax, corpus, d.Label)
		if !ok {
			continue
		}
		out = append(out, Example{F: cloneF(ex.extract(d.Headline, d.Body)), Pos: pos, Unknown: unk})
	}
	return out
}
