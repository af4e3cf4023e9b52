package ner

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"sync"
	"testing"

	"sitrep/internal/nlp"
)

func words(text string) []string {
	var out []string
	for _, t := range nlp.Tokenize(text) {
		out = append(out, t.Text)
	}
	return out
}

func spanTexts(ws []string, tags []string) []string {
	var out []string
	for _, sp := range Spans(tags) {
		out = append(out, sp.Type+":"+strings.Join(ws[sp.Start:sp.End], " "))
	}
	return out
}

// TestTagNews checks the shipped model on news sentences tokenised by
// nlp.Tokenize (which keeps "U.S.", "al-Assad" and "Obama's" whole).
func TestTagNews(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string // entities that must be found (others may be too)
	}{
		{"Syrian President Bashar al-Assad met Russian Prime Minister Dmitry Medvedev in Moscow on Wednesday.",
			[]string{"MISC:Syrian", "PER:Bashar al-Assad", "MISC:Russian", "PER:Dmitry Medvedev", "LOC:Moscow"}},
		{"U.S. President Barack Obama said on Tuesday that the United Nations must act.",
			[]string{"LOC:U.S.", "PER:Barack Obama", "ORG:United Nations"}},
		{"Clinton's spokesman said Germany and France would not send troops to Bosnia.",
			[]string{"PER:Clinton's", "LOC:Germany", "LOC:France", "LOC:Bosnia"}},
		// names the 1996 training data never saw
		{"Obama's spokesman said Germany and France would not send troops to Syria.",
			[]string{"PER:Obama's", "LOC:Syria"}},
		{"Obama said Putin must stop bombing the Syrian opposition.",
			[]string{"PER:Obama", "PER:Putin", "MISC:Syrian"}},
	}
	for _, tc := range tests {
		ws := words(tc.text)
		got := spanTexts(ws, tg.Tag(ws))
		for _, w := range tc.want {
			found := false
			for _, g := range got {
				found = found || g == w
			}
			if !found {
				t.Errorf("%q: missing %s in %v", tc.text, w, got)
			}
		}
	}
}

func TestTagEdgeCases(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, ws := range [][]string{nil, {}, {""}, {"."}, {"\xff\xfe"}, strings.Fields("A B C D E F G H I J K L M N O P")} {
		tags := tg.Tag(ws)
		if len(tags) != len(ws) {
			t.Fatalf("%q: %d tags", ws, len(tags))
		}
		for i, tag := range tags {
			if !validTag(tag) || (tag[0] == 'I' && (i == 0 || tags[i-1] == "O" || tags[i-1][2:] != tag[2:])) {
				t.Fatalf("%q: bad tags %v", ws, tags)
			}
		}
	}
	if got := tg.TagDocument(nil); len(got) != 0 {
		t.Fatalf("empty document: %v", got)
	}
}

// TestTagConcurrent tags from many goroutines and compares with a
// sequential run (run with -race).
func TestTagConcurrent(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sents := [][]string{
		words("Syrian President Bashar al-Assad met Russian Prime Minister Dmitry Medvedev in Moscow."),
		words("The European Commission said on Thursday it disagreed with German advice."),
		words("NATO and the Islamic State were mentioned by Reuters in Baghdad."),
	}
	want := make([][]string, len(sents))
	for i, s := range sents {
		want[i] = tg.Tag(s)
	}
	wantDoc := tg.TagDocument(sents)
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				i := (g + k) % len(sents)
				if got := tg.Tag(sents[i]); !reflect.DeepEqual(got, want[i]) {
					errs <- "Tag differs"
					return
				}
				if got := tg.TagDocument(sents); !reflect.DeepEqual(got, wantDoc) {
					errs <- "TagDocument differs"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}

func TestTagAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops items under the race detector")
	}
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ws := words("Syrian President Bashar al-Assad met Russian Prime Minister Dmitry Medvedev in Moscow on Wednesday.")
	tg.Tag(ws)
	if n := testing.AllocsPerRun(100, func() { tg.Tag(ws) }); n > 2 {
		t.Errorf("Tag allocates %v times per call, want <= 2", n)
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := &Model{bits: 8, w: make([]int16, 256*nRow), w2: make([]int16, 256*nRow),
		lexicon: lexicon{gaz: map[uint64]uint8{1: 3, 99: 8}, gazMax: 6, clusters: map[uint64][nClusterLevels]uint32{7: {1, 2, 3}}, silver: map[uint64]uint8{5: 17}, vocab: map[uint64]struct{}{3: {}, 1 << 40: {}}}}
	m.w[5] = -7
	m.w[256*nRow-1] = 32767
	m.w2[0] = -32768
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := ReadModel(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, m) {
		t.Fatal("model differs after round trip")
	}
}

func FuzzReadModel(f *testing.F) {
	m := &Model{bits: 8, w: make([]int16, 256*nRow), lexicon: lexicon{gaz: map[uint64]uint8{1: 3}, gazMax: 6, clusters: map[uint64][nClusterLevels]uint32{}}}
	m.w[3] = 9
	var buf bytes.Buffer
	m.WriteTo(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte(modelMagic))
	f.Add([]byte("junk"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ReadModel(bytes.NewReader(b))
		if err != nil {
			return
		}
		if len(m.w) != (1<<m.bits)*nRow {
			t.Fatalf("weights %d for 2^%d rows", len(m.w), m.bits)
		}
		NewTagger(m).Tag([]string{"EU", "rejects", "German", "call"})
	})
}

func FuzzReadClusters(f *testing.F) {
	f.Add("obama 1 2 3\nlondon 4 5 6\n")
	f.Add("x 1\n")
	f.Add("x a b c\n")
	f.Fuzz(func(t *testing.T, in string) {
		cs, err := readClusters(strings.NewReader(in))
		if err != nil {
			return
		}
		for w := range cs {
			if w == "" || strings.ContainsAny(w, " \t\n") {
				t.Fatalf("bad word %q", w)
			}
		}
	})
}

func FuzzReadRe3d(f *testing.F) {
	f.Add(`{ "_id" : "X-0-0-5-Location", "begin" : 0, "end" : 5, "type" : "Location", "value" : "Syria", "documentId" : "X", "confidence" : 1 }`)
	f.Add(`{"begin": 5, "end": 2}`)
	f.Add("{\n")
	f.Fuzz(func(t *testing.T, in string) {
		es, err := ReadRe3dEntities(strings.NewReader(in))
		if err == nil {
			for _, e := range es {
				if e.Begin < 0 || e.End < e.Begin {
					t.Fatalf("bad offsets kept: %+v", e)
				}
			}
		}
		ReadRe3dDocuments(strings.NewReader(in))
	})
}

func TestTagText(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Syrian President Bashar al-Assad spoke in Damascus. Later, Russian troops left Aleppo."
	rs := []rune(text)
	var got []string
	for _, sp := range tg.TagText(text) {
		got = append(got, sp.Type+":"+string(rs[sp.Start:sp.End]))
	}
	for _, w := range []string{"PER:Bashar al-Assad", "LOC:Damascus", "LOC:Aleppo"} {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			t.Errorf("missing %s in %v", w, got)
		}
	}
}

// TestTrainSmall trains on a tiny synthetic corpus and checks that the
// tagger learns it and that training is deterministic.
func TestTrainSmall(t *testing.T) {
	var docs []Document
	names := []string{"Alice Smith", "Bob Jones", "Carol White", "Dan Brown"}
	places := []string{"Paris", "Berlin", "Madrid", "Rome"}
	for d := 0; d < 12; d++ {
		var doc Document
		for s := 0; s < 4; s++ {
			n := strings.Fields(names[(d+s)%4])
			p := places[(d*3+s)%4]
			ws := append(append([]string{}, n...), "visited", p, "on", "Monday", ".")
			tags := []string{"B-PER", "I-PER", "O", "B-LOC", "O", "O", "O"}
			doc.Sentences = append(doc.Sentences, Sentence{Words: ws, Tags: tags})
		}
		docs = append(docs, doc)
	}
	opt := TrainOptions{Epochs: 5, Bits: 12, Folds: 3}
	m1, err := Train(context.Background(), docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	m2, _ := Train(context.Background(), docs, opt)
	if !reflect.DeepEqual(m1.w2, m2.w2) {
		t.Fatal("training is not deterministic")
	}
	sc := Evaluate(NewTagger(m1), docs)
	if sc.Overall.F1 < 0.99 {
		t.Fatalf("training F1 %v", sc.Overall.F1)
	}
}

// TestDevF1 scores the shipped model on eng.testa.
func TestDevF1(t *testing.T) {
	docs := loadCoNLL(t, testaPath)
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sc := Evaluate(tg, docs)
	t.Logf("eng.testa F1 %.4f (P %.4f R %.4f)", sc.Overall.F1, sc.Overall.Precision, sc.Overall.Recall)
	if sc.Overall.F1 < 0.91 {
		t.Errorf("eng.testa F1 %.4f < 0.91", sc.Overall.F1)
	}
}

// FuzzTag feeds arbitrary text, tokenised by nlp.Tokenize or split on
// spaces, to Tag and TagDocument: no panics, one valid BIO tag per word.
func FuzzTag(f *testing.F) {
	f.Add("Syrian President Bashar al-Assad met Obama's aide in U.S. on Monday.")
	f.Add("A B C D E F 's n't \xff O'Neill's X.Y. 1996-08-22")
	f.Add("")
	tg, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	check := func(t *testing.T, ws, tags []string) {
		if len(tags) != len(ws) {
			t.Fatalf("%d words, %d tags", len(ws), len(tags))
		}
		for i, tag := range tags {
			if !validTag(tag) || (tag[0] == 'I' && (i == 0 || tags[i-1] == "O" || tags[i-1][2:] != tag[2:])) {
				t.Fatalf("bad tags %q for %q", tags, ws)
			}
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		a, b := words(text), strings.Split(text, " ")
		check(t, a, tg.Tag(a))
		check(t, b, tg.Tag(b))
		doc := tg.TagDocument([][]string{a, b, a})
		check(t, a, doc[0])
		check(t, b, doc[1])
		tg.TagText(text)
	})
}
