package loceval

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

const sample = `[{"text": "Rebels shelled Aleppo on Monday.", "source": "RELABEL", "_id": 7,
  "tokens": [{"start":0,"end":6},{"start":7,"end":14},{"start":15,"end":21},{"start":22,"end":24},{"start":25,"end":31},{"start":31,"end":32}],
  "spans": [{"start":1,"end":1,"token_start":1,"token_end":1,"label":"VERB"},{"start":15,"end":21,"token_start":2,"token_end":2,"label":"LOCATION"}]},
 {"text": "Talks resumed.", "source": "RELABEL", "_id": "x",
  "tokens": [{"start":0,"end":5},{"start":6,"end":13},{"start":13,"end":14}],
  "spans": [{"start":6,"end":13,"token_start":1,"token_end":1,"label":"VERB"}]},
 {"text": "No verb here.", "source": "RELABEL", "tokens": [], "spans": []},
 {"text": "Not gold.", "source": "AP", "tokens": [], "spans": []}]`

func TestRead(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(sample))
	zw.Close()
	for name, in := range map[string]string{"plain": sample, "gzip": gz.String()} {
		t.Run(name, func(t *testing.T) {
			es, skipped, err := Read(strings.NewReader(in))
			if err != nil || skipped != 1 || len(es) != 2 {
				t.Fatalf("%v %d %+v", err, skipped, es)
			}
			if es[0].ID != "7" || es[0].Verb != (Span{7, 14}) || len(es[0].Locations) != 1 || es[0].Locations[0] != (Span{15, 21}) {
				t.Errorf("%+v", es[0])
			}
			if len(es[1].Locations) != 0 {
				t.Errorf("%+v", es[1])
			}
		})
	}
}

func TestScore(t *testing.T) {
	es := []Entry{
		{Locations: []Span{{15, 21}}},
		{Locations: []Span{{15, 21}}},
		{},
		{},
	}
	preds := []Prediction{
		{Found: true, Location: []Span{{16, 19}}}, // right
		{Found: true, Location: []Span{{0, 5}}},   // wrong place
		{Found: true},                             // rightly none
		{Location: []Span{{1, 2}}},                // a place where gold has none
	}
	r := Score(es, preds)
	if r.Correct != 2 || r.Accuracy != 0.5 || r.EventFound != 3 || r.AccuracyFound != 0.6667 ||
		r.PlaceRecall != 0.5 || r.PlacePrecision != 0.3333 {
		t.Fatalf("%+v", r)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add(`[{"source":"RELABEL","text":"é","tokens":[{"start":0,"end":9}],"spans":[{"token_start":0,"token_end":0,"label":"VERB"}]}]`)
	f.Fuzz(func(t *testing.T, in string) {
		es, _, err := Read(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, e := range es {
			n := len([]rune(e.Text))
			for _, s := range append([]Span{e.Verb}, e.Locations...) {
				if s.Start < 0 || s.End > n || s.End <= s.Start {
					t.Fatalf("span %+v outside %q", s, e.Text)
				}
			}
		}
	})
}
