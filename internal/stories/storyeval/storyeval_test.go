package storyeval

import (
	"strings"
	"testing"
)

func TestEvaluate(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []string
		pair, b3   PRF
	}{
		{"perfect", []string{"a", "a", "", "b", "b"}, []string{"1", "1", "2", "3", "3"},
			PRF{1, 1, 1}, PRF{1, 1, 1}},
		{"all singletons", []string{"a", "a", "a", ""}, []string{"1", "2", "3", "4"},
			PRF{1, 0, 0}, PRF{1, 0.5, 0.6667}},
		{"one lump", []string{"a", "a", "", ""}, []string{"x", "x", "x", "x"},
			PRF{0.1667, 1, 0.2857}, PRF{0.375, 1, 0.5455}},
		{"split", []string{"a", "a", "a", "a"}, []string{"1", "1", "2", "2"},
			PRF{1, 0.3333, 0.5}, PRF{1, 0.5, 0.6667}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Evaluate(tc.gold, tc.pred)
			if s.Pairwise != tc.pair {
				t.Errorf("pairwise %+v, want %+v", s.Pairwise, tc.pair)
			}
			if s.BCubed != tc.b3 {
				t.Errorf("bcubed %+v, want %+v", s.BCubed, tc.b3)
			}
		})
	}
}

func TestReadWikiTimes(t *testing.T) {
	in := `[{"date":"2015-09-02","description":"B happens. ","id":"7","category":{"name":"Politics"},
	  "belongsToStory":{"id":"s1","name":"Story"},"source":[{"url":"http://x/b"}]},
	 {"date":"2015-09-01","description":"A happens.","id":"9"},
	 {"date":"2015-09-01","description":"  ","id":"10"}]`
	items, skipped, err := ReadWikiTimes(strings.NewReader(in))
	if err != nil || skipped != 1 || len(items) != 2 {
		t.Fatalf("%v %d %+v", err, skipped, items)
	}
	if items[0].ID != "9" || items[1].Story != "s1" || items[1].URL != "http://x/b" || items[1].Description != "B happens." {
		t.Errorf("%+v", items)
	}
	if _, _, err := ReadWikiTimes(strings.NewReader(`{"not": "an array"}`)); err == nil {
		t.Error("an object accepted")
	}
}

func FuzzReadWikiTimes(f *testing.F) {
	f.Add(`[{"date":"2015-09-01","description":"A","id":"1","belongsToStory":{"id":"s"}}]`)
	f.Add(`[{"id":1}]`)
	f.Fuzz(func(t *testing.T, in string) {
		items, _, err := ReadWikiTimes(strings.NewReader(in))
		if err != nil {
			return
		}
		gold := make([]string, len(items))
		pred := make([]string, len(items))
		for i, it := range items {
			gold[i], pred[i] = it.Story, it.Date
		}
		s := Evaluate(gold, pred)
		if s.Items != len(items) || s.BCubed.Precision > 1 || s.Pairwise.Recall > 1 {
			t.Fatalf("%+v", s)
		}
	})
}
