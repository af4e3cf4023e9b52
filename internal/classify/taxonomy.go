package classify

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
)

//go:embed taxonomy.json
var taxonomyJSON []byte

//go:embed mapping.json
var mappingJSON []byte

// Label is one topic of the taxonomy.
type Label struct {
	Label    string `json:"label"`
	IPTC     string `json:"iptc"`
	IPTCName string `json:"iptc_name"`
	Scope    string `json:"scope"`
}

// Taxonomy is the ordered list of topics.
type Taxonomy struct {
	Labels []Label `json:"labels"`
}

// Index returns the position of label, or -1.
func (t *Taxonomy) Index(label string) int {
	for i, l := range t.Labels {
		if l.Label == label {
			return i
		}
	}
	return -1
}

// Names returns the label names in order.
func (t *Taxonomy) Names() []string {
	out := make([]string, len(t.Labels))
	for i, l := range t.Labels {
		out[i] = l.Label
	}
	return out
}

// CorpusMap maps one corpus's labels onto the taxonomy.
type CorpusMap struct {
	Labels    map[string][]string `json:"labels"`
	Unknown   []string            `json:"unknown"`
	Uncovered []string            `json:"uncovered"`
	Note      string              `json:"note"`
}

// Mapping holds the corpus maps by corpus name.
type Mapping struct {
	Corpora map[string]CorpusMap `json:"corpora"`
}

// LoadTaxonomy parses the embedded taxonomy.
func LoadTaxonomy() (*Taxonomy, error) {
	var t Taxonomy
	if err := json.Unmarshal(taxonomyJSON, &t); err != nil {
		return nil, fmt.Errorf("taxonomy.json: %w", err)
	}
	if len(t.Labels) == 0 {
		return nil, fmt.Errorf("taxonomy.json: no labels")
	}
	return &t, nil
}

// LoadMapping parses the embedded corpus mapping and checks every label it
// names against the taxonomy.
func LoadMapping(t *Taxonomy) (*Mapping, error) {
	var m Mapping
	if err := json.Unmarshal(mappingJSON, &m); err != nil {
		return nil, fmt.Errorf("mapping.json: %w", err)
	}
	for name, cm := range m.Corpora {
		check := func(ls []string) error {
			for _, l := range ls {
				if t.Index(l) < 0 {
					return fmt.Errorf("mapping.json: %s: %q is not a taxonomy label", name, l)
				}
			}
			return nil
		}
		for _, ls := range cm.Labels {
			if err := check(ls); err != nil {
				return nil, err
			}
		}
		if err := check(cm.Unknown); err != nil {
			return nil, err
		}
		if err := check(cm.Uncovered); err != nil {
			return nil, err
		}
	}
	return &m, nil
}

// Targets returns the taxonomy indexes a corpus label maps to (a union) and
// the indexes the corpus says nothing about. ok is false when the label is
// not mapped or maps to nothing.
func (m *Mapping) Targets(t *Taxonomy, corpus, label string) (pos, unknown []int, ok bool) {
	cm, found := m.Corpora[corpus]
	if !found {
		return nil, nil, false
	}
	ls := cm.Labels[label]
	if len(ls) == 0 {
		return nil, nil, false
	}
	for _, l := range cm.Unknown {
		if !slices.Contains(ls, l) {
			unknown = append(unknown, t.Index(l))
		}
	}
	for _, l := range ls {
		pos = append(pos, t.Index(l))
	}
	return pos, unknown, true
}
