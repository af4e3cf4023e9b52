package classify

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

func TestReadWCEP(t *testing.T) {
	in := `{"date": "2018-05-16", "category": "Law and crime", "category_raw": "Law and crime", "text": "A mass grave is found. (The Guardian) (BBC)", "is_heading": false, "source_names": ["The Guardian", "BBC"]}
{"date": "2018-05-16", "category": null, "category_raw": "Uncategorized", "text": "x", "is_heading": false, "source_names": []}
not json
{"date": "2018-05-17", "category": "Sports", "text": "Syrian civil war", "is_heading": true, "source_names": []}

{"date": "2019-01-02", "category": "Sports", "text": "Team (nickname) wins the cup (ESPN)", "is_heading": false, "source_names": ["ESPN"]}
`
	for _, gz := range []bool{false, true} {
		var r = strings.NewReader(in)
		var buf bytes.Buffer
		if gz {
			zw := gzip.NewWriter(&buf)
			zw.Write([]byte(in))
			zw.Close()
		} else {
			buf.WriteString(in)
		}
		_ = r
		rd, err := maybeGzip(&buf)
		if err != nil {
			t.Fatal(err)
		}
		docs, st, err := ReadWCEP(rd)
		if err != nil {
			t.Fatal(err)
		}
		if st.Bad != 1 || st.Skipped != 2 || len(docs) != 2 {
			t.Fatalf("gz=%v: stats %+v, %d docs", gz, st, len(docs))
		}
		if docs[0].Body != "A mass grave is found." || docs[0].Label != "Law and crime" || docs[0].Date != "2018-05-16" {
			t.Errorf("doc 0 = %+v", docs[0])
		}
		if docs[1].Body != "Team (nickname) wins the cup" {
			t.Errorf("doc 1 body = %q", docs[1].Body)
		}
	}
}

func TestReadCSVCorpora(t *testing.T) {
	tests := []struct {
		name  string
		read  func(r *strings.Reader) ([]Doc, ReadStats, error)
		in    string
		n     int
		bad   int
		first Doc
	}{
		{"bbc", func(r *strings.Reader) ([]Doc, ReadStats, error) { return ReadBBC(r) },
			"id,category,title,text\nbusiness/001,business,Ad sales boost,\"Quarterly profits\n\nrose.\"\nx,y\n", 1, 1,
			Doc{Headline: "Ad sales boost", Body: "Quarterly profits\n\nrose.", Label: "business"}},
		{"ag", func(r *strings.Reader) ([]Doc, ReadStats, error) { return ReadAG(r) },
			"\"3\",\"Wall St. Bears\",\"Reuters - Short-sellers, Wall Street#39;s dwindling\\band\"\n\"9\",\"x\",\"y\"\n", 1, 1,
			Doc{Headline: "Wall St. Bears", Body: "Reuters - Short-sellers, Wall Street's dwindling band", Label: "Business"}},
		{"nyt", func(r *strings.Reader) ([]Doc, ReadStats, error) { return ReadNYT(r) },
			"Article_ID,Date,Title,Subject,Topic_Code\n41246,1-Jan-96,Jails Struggle &amp; Cope,Jails,12\n1,2,3,4,\n", 1, 1,
			Doc{Headline: "Jails Struggle & Cope", Label: "12", Date: "1-Jan-96"}},
	}
	for _, tt := range tests {
		docs, st, err := tt.read(strings.NewReader(tt.in))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if len(docs) != tt.n || st.Bad != tt.bad {
			t.Fatalf("%s: %d docs, stats %+v", tt.name, len(docs), st)
		}
		if docs[0] != tt.first {
			t.Errorf("%s: first = %+v, want %+v", tt.name, docs[0], tt.first)
		}
	}
}

func TestReadWikiTimes(t *testing.T) {
	in := `[{"date":"2015-09-01","description":"ISIL destroys the Temple of Bel. ","category":{"id":"2","name":"War_Conflict"}},
{"date":"2015-09-01","description":"x","category":{"id":"99","name":"Nope"}}]`
	docs, st, err := ReadWikiTimes(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || st.Skipped != 1 || docs[0].Label != "Armed conflicts and attacks" || docs[0].Body != "ISIL destroys the Temple of Bel." {
		t.Fatalf("docs %+v stats %+v", docs, st)
	}
	if _, _, err := ReadWikiTimes(strings.NewReader("{")); err == nil {
		t.Fatal("want an error for bad JSON")
	}
}

func TestReadFastText(t *testing.T) {
	in := "__label__Sci/Tech space race is on\nno label here\n__label__a __label__b two labels\n\n__label__World\n"
	docs, st, err := ReadFastText(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Doc{{Body: "space race is on", Label: "Sci/Tech"}, {Body: "two labels", Label: "a"}, {Body: "", Label: "World"}}
	if st.Bad != 1 || len(docs) != len(want) {
		t.Fatalf("docs %+v stats %+v", docs, st)
	}
	for i := range want {
		if docs[i] != want[i] {
			t.Errorf("doc %d = %+v, want %+v", i, docs[i], want[i])
		}
	}
	var buf bytes.Buffer
	if err := WriteFastText(&buf, []Doc{{Headline: "Air strikes!", Body: "In Syria.", Label: "Armed conflicts and attacks"}}); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != "__label__Armed_conflicts_and_attacks air strikes in syria\n" {
		t.Errorf("WriteFastText = %q", got)
	}
}

func TestDedupe(t *testing.T) {
	docs := []Doc{{Headline: "A", Body: "Same body."}, {Headline: "B", Body: "same  BODY"}, {Headline: "C"}, {Headline: "c"}}
	out, n := Dedupe(docs)
	if n != 2 || len(out) != 2 || out[0].Headline != "A" || out[1].Headline != "C" {
		t.Fatalf("Dedupe = %+v, %d", out, n)
	}
}

func FuzzReadWCEP(f *testing.F) {
	f.Add(`{"date": "2018-05-16", "category": "Law and crime", "text": "A b. (X)", "is_heading": false, "source_names": ["X"]}`)
	f.Add("{}\n[]\n\"x\"\n")
	f.Fuzz(func(t *testing.T, s string) {
		docs, st, _ := ReadWCEP(strings.NewReader(s))
		if len(docs) != st.Read && st.Read != 0 {
			t.Fatalf("Read %d but %d docs", st.Read, len(docs))
		}
		for _, d := range docs {
			if d.Label == "" || d.Body == "" {
				t.Fatalf("doc without label or text: %+v", d)
			}
		}
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add("id,category,title,text\nb/1,business,T,\"x\ny\"\n")
	f.Add("\"1\",\"t\",\"d\"\n\"")
	f.Add("a,b,c,d,e\n1,2,3,4,5\n")
	f.Fuzz(func(t *testing.T, s string) {
		for _, read := range []func(*strings.Reader) ([]Doc, ReadStats, error){
			func(r *strings.Reader) ([]Doc, ReadStats, error) { return ReadBBC(r) },
			func(r *strings.Reader) ([]Doc, ReadStats, error) { return ReadAG(r) },
			func(r *strings.Reader) ([]Doc, ReadStats, error) { return ReadNYT(r) },
		} {
			docs, _, _ := read(strings.NewReader(s))
			for _, d := range docs {
				if d.Label == "" {
					t.Fatalf("doc without label: %+v", d)
				}
			}
		}
	})
}

func FuzzReadFastText(f *testing.F) {
	f.Add("__label__a b c\n__label__\n__label__x")
	f.Fuzz(func(t *testing.T, s string) {
		docs, st, _ := ReadFastText(strings.NewReader(s))
		if st.Read != len(docs) {
			t.Fatalf("Read %d, %d docs", st.Read, len(docs))
		}
	})
}

func FuzzReadWikiTimes(f *testing.F) {
	f.Add(`[{"date":"2015-09-01","description":"x","category":{"name":"Sports"}}]`)
	f.Fuzz(func(t *testing.T, s string) {
		docs, _, err := ReadWikiTimes(strings.NewReader(s))
		if err != nil && len(docs) > 0 {
			t.Fatal("docs returned with an error")
		}
	})
}
