package ner

import (
	"strings"
	"testing"
)

func TestReadCoNLL(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		wantDocs  int
		wantSents []int
		wantTags  [][]string
		wantErr   string
	}{
		{
			name:      "two docs, IOB2",
			in:        "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nBRUSSELS NNP B-NP B-LOC\n",
			wantDocs:  2,
			wantSents: []int{2, 1},
			wantTags:  [][]string{{"B-ORG", "O"}, {"B-PER", "I-PER"}, {"B-LOC"}},
		},
		{
			name:      "IOB1 becomes IOB2",
			in:        "EU I-ORG\nrejects O\nGerman I-MISC\nBritish B-MISC\nlamb O\nNew I-LOC\nYork I-LOC\n",
			wantDocs:  1,
			wantSents: []int{1},
			wantTags:  [][]string{{"B-ORG", "O", "B-MISC", "B-MISC", "O", "B-LOC", "I-LOC"}},
		},
		{
			name:      "type change inside a run starts an entity",
			in:        "a I-PER\nb I-ORG\n",
			wantDocs:  1,
			wantSents: []int{1},
			wantTags:  [][]string{{"B-PER", "B-ORG"}},
		},
		{name: "empty", in: "", wantDocs: 0},
		{name: "one column", in: "EU B-ORG\nrejects\n", wantErr: "line 2"},
		{name: "bad tag", in: "EU X-ORG\n", wantErr: "bad tag"},
		{name: "windows line ends", in: "EU NNP B-ORG\r\n\r\nx O\r\n", wantDocs: 1, wantSents: []int{2}, wantTags: [][]string{{"B-ORG"}, {"O"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := ReadCoNLL(strings.NewReader(tc.in))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != tc.wantDocs {
				t.Fatalf("docs = %d, want %d", len(docs), tc.wantDocs)
			}
			k := 0
			for i, d := range docs {
				if len(d.Sentences) != tc.wantSents[i] {
					t.Fatalf("doc %d: %d sentences, want %d", i, len(d.Sentences), tc.wantSents[i])
				}
				for _, s := range d.Sentences {
					if strings.Join(s.Tags, " ") != strings.Join(tc.wantTags[k], " ") {
						t.Errorf("sentence %d tags %v, want %v", k, s.Tags, tc.wantTags[k])
					}
					k++
				}
			}
		})
	}
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP I-PER\n")
	f.Add("a I-LOC\nb I-LOC\nc B-LOC\n\n\n")
	f.Add("x\n")
	f.Add("x B-\n")
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := ReadCoNLL(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, d := range docs {
			if len(d.Sentences) == 0 {
				t.Fatal("empty document")
			}
			for _, s := range d.Sentences {
				if len(s.Words) == 0 || len(s.Words) != len(s.Tags) {
					t.Fatalf("words %d, tags %d", len(s.Words), len(s.Tags))
				}
				for i, tag := range s.Tags {
					if !validTag(tag) {
						t.Fatalf("invalid tag %q", tag)
					}
					if tag[0] == 'I' && (i == 0 || s.Tags[i-1] == "O" || s.Tags[i-1][2:] != tag[2:]) {
						t.Fatalf("not IOB2: %v", s.Tags)
					}
				}
				// every tag sequence survives BILOU and back
				labels := toBILOU(s.Tags, nil)
				for i, l := range labels {
					if typeIndex(tagType(s.Tags[i])) >= 0 && bioTags[l] != s.Tags[i] {
						t.Fatalf("BILOU round trip: %v -> %v", s.Tags, labels)
					}
				}
			}
		}
	})
}

func tagType(t string) string {
	if len(t) < 3 {
		return ""
	}
	return t[2:]
}

func TestReadTexts(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"x.csv", "id,text\n1,\"A long enough field, with spaces\"\n2,short\n", []string{"A long enough field, with spaces"}},
		{"x.jsonl", "{\"title\":\"T\",\"text\":\"Body\"}\nnot json\n{\"text\":\"Two\"}\n", []string{"T", "Body", "Two"}},
		{"x.txt", "line one\nline two\n", []string{"line one", "line two"}},
	}
	for _, tc := range tests {
		var got []string
		if err := readTexts(strings.NewReader(tc.in), tc.name, func(s string) { got = append(got, s) }); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func FuzzReadTexts(f *testing.F) {
	f.Add("id,text\n1,\"a b c d e f g h i j k l\"\n", uint8(0))
	f.Add("{\"text\":\"x y\"}\n{", uint8(1))
	f.Add("plain\ntext", uint8(2))
	names := []string{"f.csv", "f.jsonl", "f.txt"}
	f.Fuzz(func(t *testing.T, in string, kind uint8) {
		n := 0
		readTexts(strings.NewReader(in), names[int(kind)%len(names)], func(s string) {
			n++
			if n > len(in)+1 {
				t.Fatalf("more texts than bytes")
			}
		})
	})
}
