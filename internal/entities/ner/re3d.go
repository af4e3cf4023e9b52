package ner

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"unicode"

	"sitrep/internal/nlp"
)

// Re3dTypes maps re3d entity types to the tagger's. Nationality becomes
// MISC, as CoNLL-2003 tags "German" or "Syrian"; re3d's other types
// (Weapon, Temporal, Quantity, MilitaryPlatform, ...) have no CoNLL
// counterpart and are left out of the gold.
var Re3dTypes = map[string]string{
	"Person":       "PER",
	"Organisation": "ORG",
	"Location":     "LOC",
	"Nationality":  "MISC",
}

// Re3dDoc is one re3d document with its gold entities (rune offsets).
type Re3dDoc struct {
	ID, Text string
	Gold     []Re3dEntity
}

// Re3dEntity is a gold mention of re3d.
type Re3dEntity struct {
	DocumentID string  `json:"documentId"`
	Begin      int     `json:"begin"`
	End        int     `json:"end"`
	Type       string  `json:"type"`
	Value      string  `json:"value"`
	Confidence float64 `json:"confidence"`
}

// ReadRe3dDocuments reads a documents.json (mongoexport JSON Lines).
func ReadRe3dDocuments(r io.Reader) ([]Re3dDoc, error) {
	var out []Re3dDoc
	err := eachJSONLine(r, func(line int, b []byte) error {
		var d struct {
			ID   string `json:"_id"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(b, &d); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		out = append(out, Re3dDoc{ID: d.ID, Text: d.Text})
		return nil
	})
	return out, err
}

// ReadRe3dEntities reads an entities.json (mongoexport JSON Lines).
func ReadRe3dEntities(r io.Reader) ([]Re3dEntity, error) {
	var out []Re3dEntity
	err := eachJSONLine(r, func(line int, b []byte) error {
		var e Re3dEntity
		if err := json.Unmarshal(b, &e); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		if e.Begin < 0 || e.End < e.Begin {
			return fmt.Errorf("line %d: bad offsets [%d,%d)", line, e.Begin, e.End)
		}
		out = append(out, e)
		return nil
	})
	return out, err
}

func eachJSONLine(r io.Reader, fn func(int, []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(b) == 0 {
			continue
		}
		if err := fn(line, b); err != nil {
			return err
		}
	}
	return sc.Err()
}

// Re3dResult is the re3d evaluation.
type Re3dResult struct {
	Dir            string            `json:"dir"`
	MinConfidence  float64           `json:"min_confidence"`
	Mapping        map[string]string `json:"type_mapping"`
	Documents      int               `json:"documents"`
	Tokens         int               `json:"tokens"`
	Exact          Score             `json:"exact"`
	ExactPerOrgLoc PRF               `json:"exact_per_org_loc"`
	// ExactCapitalised keeps only gold mentions that start with a capital
	// letter (re3d also marks "the army" or "a new Prime Minister").
	ExactCapitalised Score          `json:"exact_capitalised_gold"`
	Lenient          map[string]PRF `json:"lenient_overlap"`
}

// LoadRe3d reads every sub-folder of dir that has documents.json and
// entities.json, keeping gold entities of a mapped type with confidence
// >= minConf.
func LoadRe3d(dir string, minConf float64) ([]Re3dDoc, error) {
	subs, err := filepath.Glob(filepath.Join(dir, "*", "documents.json"))
	if err != nil {
		return nil, err
	}
	if len(subs) == 0 {
		return nil, fmt.Errorf("re3d: no */documents.json under %s", dir)
	}
	sort.Strings(subs)
	var out []Re3dDoc
	for _, dp := range subs {
		docs, err := readFileWith(dp, ReadRe3dDocuments)
		if err != nil {
			return nil, err
		}
		ents, err := readFileWith(filepath.Join(filepath.Dir(dp), "entities.json"), ReadRe3dEntities)
		if err != nil {
			return nil, err
		}
		byDoc := map[string][]Re3dEntity{}
		for _, e := range ents {
			if _, ok := Re3dTypes[e.Type]; ok && e.Confidence >= minConf {
				byDoc[e.DocumentID] = append(byDoc[e.DocumentID], e)
			}
		}
		for _, d := range docs {
			d.Gold = byDoc[d.ID]
			out = append(out, d)
		}
	}
	return out, nil
}

func readFileWith[T any](path string, read func(io.Reader) (T, error)) (T, error) {
	f, err := os.Open(path)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		return v, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

// TagText tokenises text with nlp.Tokenize and nlp.Sentences, tags it as
// one document and returns the entity spans in rune offsets of text.
func (t *Tagger) TagText(text string) []Span {
	words, offs := splitText(text)
	var out []Span
	for i, tags := range t.TagDocument(words) {
		for _, sp := range Spans(tags) {
			out = append(out, Span{Start: offs[i][sp.Start].Start, End: offs[i][sp.End-1].End, Type: sp.Type})
		}
	}
	return out
}

// splitText tokenises text into sentences of words, with their tokens.
func splitText(text string) ([][]string, [][]nlp.Token) {
	toks := nlp.Tokenize(text)
	sents := nlp.Sentences(text)
	var words [][]string
	var offs [][]nlp.Token
	k := 0
	for _, s := range sents {
		var ws []string
		var ts []nlp.Token
		for k < len(toks) && toks[k].Start < s.End {
			if toks[k].Start >= s.Start {
				ws = append(ws, toks[k].Text)
				ts = append(ts, toks[k])
			}
			k++
		}
		if len(ws) > 0 {
			words = append(words, ws)
			offs = append(offs, ts)
		}
	}
	if k < len(toks) {
		var ws []string
		for _, tok := range toks[k:] {
			ws = append(ws, tok.Text)
		}
		words = append(words, ws)
		offs = append(offs, toks[k:])
	}
	return words, offs
}

// EvaluateRe3d tags every re3d document under dir and scores the mapped
// types: exact span and type, and lenient (same type, overlapping spans).
func EvaluateRe3d(t *Tagger, dir string, minConf float64) (*Re3dResult, error) {
	docs, err := LoadRe3d(dir, minConf)
	if err != nil {
		return nil, err
	}
	res := &Re3dResult{Dir: dir, MinConfidence: minConf, Mapping: Re3dTypes, Documents: len(docs)}
	exact, core, capd := NewScorer(), NewScorer(), NewScorer()
	type cnt struct{ gold, pred, predHit, goldHit int }
	lc := map[string]*cnt{}
	get := func(t string) *cnt {
		if lc[t] == nil {
			lc[t] = &cnt{}
		}
		return lc[t]
	}
	for _, d := range docs {
		res.Tokens += countTokens(d.Text)
		pred := t.TagText(d.Text)
		seen := map[Span]bool{}
		var gold []Span
		for _, e := range d.Gold {
			sp := Span{Start: e.Begin, End: e.End, Type: Re3dTypes[e.Type]}
			if !seen[sp] {
				seen[sp] = true
				gold = append(gold, sp)
			}
		}
		exact.AddSpans(gold, pred)
		rs := []rune(d.Text)
		var capGold []Span
		for _, g := range gold {
			if g.Start < len(rs) && unicode.IsUpper(rs[g.Start]) {
				capGold = append(capGold, g)
			}
		}
		capd.AddSpans(capGold, pred)
		core.AddSpans(dropMISC(gold), dropMISC(pred))
		for _, g := range gold {
			c := get(g.Type)
			c.gold++
			for _, p := range pred {
				if p.Type == g.Type && p.Start < g.End && g.Start < p.End {
					c.goldHit++
					break
				}
			}
		}
		for _, p := range pred {
			c := get(p.Type)
			c.pred++
			for _, g := range gold {
				if p.Type == g.Type && p.Start < g.End && g.Start < p.End {
					c.predHit++
					break
				}
			}
		}
	}
	res.Exact = exact.Score()
	res.ExactPerOrgLoc = core.Score().Overall
	res.ExactCapitalised = capd.Score()
	res.Lenient = map[string]PRF{}
	var all cnt
	for typ, c := range lc {
		res.Lenient[typ] = lenientPRF(c.gold, c.pred, c.goldHit, c.predHit)
		all.gold += c.gold
		all.pred += c.pred
		all.goldHit += c.goldHit
		all.predHit += c.predHit
	}
	res.Lenient["overall"] = lenientPRF(all.gold, all.pred, all.goldHit, all.predHit)
	return res, nil
}

func lenientPRF(gold, pred, goldHit, predHit int) PRF {
	r := PRF{Gold: gold, Predicted: pred, Correct: predHit}
	if pred > 0 {
		r.Precision = float64(predHit) / float64(pred)
	}
	if gold > 0 {
		r.Recall = float64(goldHit) / float64(gold)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	return r
}

func dropMISC(sp []Span) []Span {
	var out []Span
	for _, s := range sp {
		if s.Type != "MISC" {
			out = append(out, s)
		}
	}
	return out
}

func countTokens(text string) int { return len(nlp.Tokenize(text)) }
