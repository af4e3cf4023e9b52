package ner

import (
	"reflect"
	"strings"
	"testing"
)

func TestBILOU(t *testing.T) {
	tests := []struct {
		bio   string
		bilou []string
	}{
		{"O B-PER I-PER O", []string{"O", "B-PER", "L-PER", "O"}},
		{"B-LOC B-LOC", []string{"U-LOC", "U-LOC"}},
		{"B-ORG I-ORG I-ORG", []string{"B-ORG", "I-ORG", "L-ORG"}},
		{"B-MISC B-PER I-PER", []string{"U-MISC", "B-PER", "L-PER"}},
		{"B-XYZ O", []string{"O", "O"}},
	}
	names := func(ls []uint8) []string {
		var out []string
		for _, l := range ls {
			if l == 0 {
				out = append(out, "O")
				continue
			}
			out = append(out, string("BILU"[labelPos(l)])+"-"+typeNames[labelType(l)])
		}
		return out
	}
	for _, tc := range tests {
		got := names(toBILOU(strings.Fields(tc.bio), nil))
		if !reflect.DeepEqual(got, tc.bilou) {
			t.Errorf("%s: got %v, want %v", tc.bio, got, tc.bilou)
		}
	}
}

func TestAllowed(t *testing.T) {
	B, I, L, U := mkLabel(0, posB), mkLabel(0, posI), mkLabel(0, posL), mkLabel(0, posU)
	oB := mkLabel(1, posB)
	tests := []struct {
		prev, next uint8
		want       bool
	}{
		{0, 0, true}, {0, B, true}, {0, U, true}, {0, I, false}, {0, L, false},
		{B, I, true}, {B, L, true}, {B, 0, false}, {B, oB, false}, {I, L, true},
		{L, 0, true}, {L, I, false}, {U, B, true}, {U, oB, true},
	}
	for _, tc := range tests {
		if got := allowed(tc.prev, tc.next); got != tc.want {
			t.Errorf("allowed(%d,%d) = %v, want %v", tc.prev, tc.next, got, tc.want)
		}
	}
}

func TestSpans(t *testing.T) {
	tests := []struct {
		tags string
		want []Span
	}{
		{"O O", nil},
		{"B-PER I-PER O B-LOC", []Span{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"I-ORG I-ORG B-ORG", []Span{{0, 2, "ORG"}, {2, 3, "ORG"}}},
		{"B-PER I-LOC", []Span{{0, 1, "PER"}, {1, 2, "LOC"}}},
	}
	for _, tc := range tests {
		if got := Spans(strings.Fields(tc.tags)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.tags, got, tc.want)
		}
	}
}

func TestScorer(t *testing.T) {
	s := NewScorer()
	s.Add(strings.Fields("B-PER I-PER O B-LOC O B-ORG"), strings.Fields("B-PER I-PER O B-ORG O B-ORG"))
	sc := s.Score()
	if sc.Overall.Gold != 3 || sc.Overall.Predicted != 3 || sc.Overall.Correct != 2 {
		t.Fatalf("overall %+v", sc.Overall)
	}
	if sc.ByType["LOC"].Recall != 0 || sc.ByType["ORG"].Precision != 0.5 || sc.ByType["PER"].F1 != 1 {
		t.Fatalf("by type %+v", sc.ByType)
	}
	if got := sc.Accuracy; got < 0.83 || got > 0.84 {
		t.Fatalf("token accuracy %v", got)
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Obama's", "Obama"},
		{"Obama’s", "Obama"},
		{"1996-08-22", "0000-00-00"},
		{"U.S.", "U.S."},
		{"'s", "'s"},
		{"al-Assad", "al-Assad"},
	}
	for _, tc := range tests {
		got, _ := normalize(nil, tc.in)
		if string(got) != tc.want {
			t.Errorf("normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSplitClitic(t *testing.T) {
	tests := []struct{ in, stem, clitic string }{
		{"Obama's", "Obama", "'s"},
		{"Obama’s", "Obama", "’s"},
		{"don't", "do", "n't"},
		{"'s", "'s", ""},
		{"U.S.", "U.S.", ""},
		{"1990's", "1990's", ""},
		{"they're", "they", "'re"},
	}
	for _, tc := range tests {
		stem, cl := splitClitic(tc.in)
		if stem != tc.stem || cl != tc.clitic {
			t.Errorf("splitClitic(%q) = %q, %q; want %q, %q", tc.in, stem, cl, tc.stem, tc.clitic)
		}
	}
}
