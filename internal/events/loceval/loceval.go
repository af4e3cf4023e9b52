// Package loceval scores event locations: given a sentence and the word
// that names an event in it, is the place the coder gives that event the
// place where it happened (or none, when the sentence names none)?
//
// It reads the event-location linking data of Halterman, "Geolocating
// Political Events in Text" (one JSON array of sentences, each with one VERB
// span and the LOCATION spans where that event happened, optionally
// gzipped), keeping the gold-standard entries (source "RELABEL") and taking
// character offsets from the tokens (the spans' own start/end hold token
// indices in some entries). Offsets are in runes, as sitrep's are.
//
// It does no analysis: the caller analyses each sentence and hands back the
// event's trigger and location spans (internal/cli's `eval event-location`).
package loceval

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Span is a rune range of the sentence.
type Span struct {
	Start, End int
}

func (s Span) overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Entry is one gold sentence.
type Entry struct {
	ID        string
	Text      string
	Verb      Span
	Locations []Span // where the event happened; empty: the sentence does not say
}

type rawEntry struct {
	ID     json.RawMessage `json:"_id"` // a string or a number
	Doc    string          `json:"doc_id"`
	Text   string          `json:"text"`
	Source string          `json:"source"`
	Tokens []struct {
		Start int `json:"start"`
		End   int `json:"end"`
	} `json:"tokens"`
	Spans []struct {
		TokenStart *int   `json:"token_start"`
		TokenEnd   *int   `json:"token_end"`
		Label      string `json:"label"`
	} `json:"spans"`
}

// Read reads the JSON array (gzipped or not) and returns the gold entries
// with exactly one VERB span; skipped counts the gold entries left out
// (no verb, two verbs, spans outside the tokens).
func Read(r io.Reader) (entries []Entry, skipped int, err error) {
	gold, _, skipped, err := read(r)
	return gold, skipped, err
}

// ReadTraining reads the same file and returns the research assistants'
// annotations instead (every source but "RELABEL"), leaving out any
// sentence whose text is also a gold entry's: training data the gold
// evaluation never sees.
func ReadTraining(r io.Reader) (entries []Entry, skipped int, err error) {
	gold, train, skipped, err := read(r)
	if err != nil {
		return nil, 0, err
	}
	goldText := map[string]bool{}
	for _, e := range gold {
		goldText[strings.TrimSpace(e.Text)] = true
	}
	for _, e := range train {
		if !goldText[strings.TrimSpace(e.Text)] {
			entries = append(entries, e)
		}
	}
	return entries, skipped, nil
}

func read(r io.Reader) (gold, train []Entry, skipped int, err error) {
	br := bufio.NewReader(r)
	if head, _ := br.Peek(2); bytes.Equal(head, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, nil, 0, fmt.Errorf("event-location: %w", err)
		}
		defer zr.Close()
		r = zr
	} else {
		r = br
	}
	var raw []rawEntry
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, nil, 0, fmt.Errorf("event-location: %w", err)
	}
	for _, x := range raw {
		e, ok := convert(x)
		if x.Source != "RELABEL" {
			if ok {
				train = append(train, e)
			}
			continue
		}
		if !ok {
			skipped++
			continue
		}
		gold = append(gold, e)
	}
	return gold, train, skipped, nil
}

func convert(x rawEntry) (Entry, bool) {
	id := x.Doc
	if id == "" {
		id = strings.Trim(string(x.ID), `"`)
	}
	e := Entry{ID: id, Text: x.Text}
	// token offsets are Python string indices: code points, i.e. runes.
	n := utf8.RuneCountInString(x.Text)
	verbs := 0
	for _, s := range x.Spans {
		if s.TokenStart == nil || s.TokenEnd == nil {
			return e, false
		}
		a, b := *s.TokenStart, *s.TokenEnd
		if a < 0 || b < a || b >= len(x.Tokens) {
			return e, false
		}
		sp := Span{x.Tokens[a].Start, x.Tokens[b].End}
		if sp.Start < 0 || sp.End > n || sp.End <= sp.Start {
			return e, false
		}
		switch s.Label {
		case "VERB":
			e.Verb = sp
			verbs++
		case "LOCATION":
			e.Locations = append(e.Locations, sp)
		}
	}
	return e, verbs == 1
}

// Prediction is what the coder said about an entry's event.
type Prediction struct {
	Found    bool   // an event whose trigger overlaps the gold verb
	Location []Span // the mentions of that event's place in the sentence; empty: none
}

// Result counts outcomes.
type Result struct {
	Entries       int     `json:"entries"`
	GoldWithPlace int     `json:"gold_with_place"`
	EventFound    int     `json:"event_found"`    // an event at the gold verb
	Correct       int     `json:"correct"`        // right place, or rightly none
	Accuracy      float64 `json:"accuracy"`       // correct / entries (no event counts as "no place")
	AccuracyFound float64 `json:"accuracy_found"` // correct / event_found, over entries with an event
	// Over entries whose gold names a place: the share given one of the
	// gold places (recall), and over predictions of a place, the share
	// that is one of them (precision).
	PlaceRecall    float64 `json:"place_recall"`
	PlacePrecision float64 `json:"place_precision"`
	PredWithPlace  int     `json:"pred_with_place"`
}

// Score compares predictions (one per entry, same order) with the gold.
func Score(entries []Entry, preds []Prediction) Result {
	var r Result
	var hit int
	for i, e := range entries {
		p := preds[i]
		r.Entries++
		if len(e.Locations) > 0 {
			r.GoldWithPlace++
		}
		if p.Found {
			r.EventFound++
		}
		if len(p.Location) > 0 {
			r.PredWithPlace++
		}
		ok := false
		switch {
		case len(e.Locations) == 0:
			ok = len(p.Location) == 0
		default:
			for _, g := range e.Locations {
				for _, s := range p.Location {
					if g.overlaps(s) {
						ok = true
					}
				}
			}
			if ok {
				hit++
			}
		}
		if ok {
			r.Correct++
		}
	}
	r.Accuracy = ratio(r.Correct, r.Entries)
	correctFound := 0
	for i, e := range entries {
		if !preds[i].Found {
			continue
		}
		p := preds[i]
		if len(e.Locations) == 0 {
			if len(p.Location) == 0 {
				correctFound++
			}
			continue
		}
	found:
		for _, g := range e.Locations {
			for _, s := range p.Location {
				if g.overlaps(s) {
					correctFound++
					break found
				}
			}
		}
	}
	r.AccuracyFound = ratio(correctFound, r.EventFound)
	r.PlaceRecall = ratio(hit, r.GoldWithPlace)
	r.PlacePrecision = ratio(hit, r.PredWithPlace)
	return r
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(int64(float64(a)/float64(b)*10000+0.5)) / 10000
}
