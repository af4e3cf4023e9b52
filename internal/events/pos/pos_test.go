package pos

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestTag(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		words string
		tags  string
	}{
		{"Russia launched air strikes against militants .", "NNP VBD NN NNS IN NNS ."},
		{"The plane was brought down by a bomb .", "DT NN VBD VBN RP IN DT NN ."},
	}
	for _, c := range cases {
		tags, chunks := tg.Tag(strings.Fields(c.words))
		if got := strings.Join(tags, " "); got != c.tags {
			t.Errorf("%q: tags %s, want %s (chunks %v)", c.words, got, c.tags, chunks)
		}
	}
}

func TestHeldout(t *testing.T) {
	f, err := os.Open("../../../../shared/data/ner/conll2003/eng.testa")
	if err != nil {
		t.Skip("../shared/data/ner/conll2003 absent")
	}
	defer f.Close()
	sents, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	tg, _ := Default()
	p, c := tg.Accuracy(sents)
	t.Logf("eng.testa: POS %.4f chunk %.4f", p, c)
	if p < 0.93 || c < 0.93 {
		t.Errorf("POS %.4f chunk %.4f, want >= 0.93 each", p, c)
	}
}

func TestSaveLoad(t *testing.T) {
	sents := []Sentence{{Words: []string{"Troops", "attacked", "."}, Tags: []string{"NNS", "VBD", "."}, Chunks: []string{"B-NP", "B-VP", "O"}}}
	tg := Train(sents, 2)
	var b bytes.Buffer
	if err := tg.Save(&b); err != nil {
		t.Fatal(err)
	}
	back, err := Load(&b)
	if err != nil {
		t.Fatal(err)
	}
	tags, _ := back.Tag([]string{"Troops", "attacked", "."})
	if strings.Join(tags, " ") != "NNS VBD ." {
		t.Errorf("round trip tags %v", tags)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(modelGz[:200])
	f.Add([]byte("SRPOS1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Load(bytes.NewReader(data)) // must not panic
	})
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add("EU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\n-DOCSTART- -X- -X- O\n")
	f.Add("x\n")
	f.Fuzz(func(t *testing.T, s string) {
		sents, err := ReadCoNLL(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, st := range sents {
			if len(st.Words) != len(st.Tags) || len(st.Words) != len(st.Chunks) {
				t.Fatal("column lengths differ")
			}
		}
	})
}

func BenchmarkTag(b *testing.B) {
	tg, _ := Default()
	w := strings.Fields("A senior French government source said Russia had launched air strikes against the Islamic State stronghold of Raqqa in northern Syria on Tuesday .")
	for i := 0; i < b.N; i++ {
		tg.Tag(w)
	}
}
