package geo

import (
	"context"
	"sync"
	"testing"

	"sitrep/internal/article"
)

func TestSourceKey(t *testing.T) {
	tests := []struct{ url, source, want string }{
		{"https://www.star-telegram.com/news/local/x.html", "", "star-telegram.com"},
		{"http://News.Example.ORG/a", "Example", "news.example.org"},
		{"", "Fort Worth Star-Telegram", "fort worth star-telegram"},
		{"not a url", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := SourceKey(tt.url, tt.source); got != tt.want {
			t.Errorf("SourceKey(%q, %q) = %q, want %q", tt.url, tt.source, got, tt.want)
		}
	}
}

// A Texas paper's earlier articles teach its lexicon North Texas, so its
// next bare "Arlington" is Arlington, Texas; read alone it is the bigger
// prior's reading, or at least not settled by anything in the text.
func TestLexiconSettlesHomonym(t *testing.T) {
	gc := newTest(t)
	earlier := []string{
		"FORT WORTH, Texas - Police in Fort Worth and Grand Prairie said the storm closed roads in Tarrant County.",
		"Schools in Denton and Fort Worth reopened on Monday, the Tarrant County judge said.",
		"The Dallas city council met with officials from Irving and Grand Prairie about the Trinity River.",
	}
	lx := NewLexicon()
	for _, text := range earlier {
		lx.Learn(gc.ResolveIn(text, gc.Spot(text, nil), lx))
	}
	if lx.Articles() != 3 {
		t.Fatalf("lexicon learnt from %d articles, want 3", lx.Articles())
	}
	text := "The council in Arlington approved the new stadium budget on Tuesday."
	spans := gc.Spot(text, nil)
	with := find(t, gc.ResolveIn(text, spans, lx), "Arlington")
	if with.Country != "US" || with.Admin1 != "Texas" {
		t.Errorf("with the lexicon: Arlington -> %s %s, want Texas", with.Country, with.Admin1)
	}
	alone := find(t, gc.Resolve(text, spans), "Arlington")
	t.Logf("with %s %.2f; alone %s %.2f", with.Admin1, with.Score, alone.Admin1, alone.Score)
	if alone.Admin1 == "Texas" && alone.Score >= with.Score {
		t.Errorf("alone Arlington is as sure of Texas (%.2f) as with the lexicon (%.2f)", alone.Score, with.Score)
	}
}

func find(t *testing.T, rs []Resolution, name string) Resolution {
	t.Helper()
	for _, r := range rs {
		if r.Text == name {
			return r
		}
	}
	t.Fatalf("%q not resolved in %+v", name, rs)
	return Resolution{}
}

// Apply with lexicons: an article id teaches once, sources are kept apart,
// and concurrent use is safe (run with -race).
func TestLexiconsApply(t *testing.T) {
	ls := NewLexicons()
	gc := newTest(t).WithLexicons(ls)
	a := &article.Article{ID: "a1", URL: "https://www.star-telegram.com/x", Body: "Police in Fort Worth and Grand Prairie closed roads in Tarrant County."}
	for i := 0; i < 3; i++ {
		if err := gc.Apply(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	if n := ls.Snapshot("star-telegram.com").Articles(); n != 1 {
		t.Errorf("one article applied three times taught %d articles, want 1", n)
	}
	if ls.Snapshot("other.example") != nil {
		t.Error("an unknown source has a lexicon")
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			b := &article.Article{ID: string(rune('b' + i)), URL: "https://www.star-telegram.com/y", Body: "Schools in Denton and Fort Worth reopened."}
			if err := gc.Apply(context.Background(), b); err != nil {
				t.Error(err)
			}
		}(i)
	}
	wg.Wait()
	if n := ls.Snapshot("star-telegram.com").Articles(); n != 9 {
		t.Errorf("lexicon learnt from %d articles, want 9", n)
	}
}

func BenchmarkApplyWithLexicon(b *testing.B) {
	gc := newTest(b).WithLexicons(NewLexicons())
	a := &article.Article{URL: "https://www.star-telegram.com/x", Body: "Police in Fort Worth and Grand Prairie said the storm closed roads in Tarrant County near Arlington and Mansfield."}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		a.ID = ""
		if err := gc.Apply(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
}

// A new process warms its lexicons from stored articles (Remember) and
// reads the next article as the first process would.
func TestLexiconRemember(t *testing.T) {
	first := newTest(t).WithLexicons(NewLexicons())
	var stored []*article.Article
	for i, body := range []string{
		"FORT WORTH, Texas - Police in Fort Worth and Grand Prairie said the storm closed roads in Tarrant County.",
		"Schools in Denton and Fort Worth reopened on Monday, the Tarrant County judge said.",
		"The Dallas city council met with officials from Irving and Grand Prairie about the Trinity River.",
	} {
		a := &article.Article{ID: string(rune('a' + i)), Source: "Star-Telegram", Body: body}
		if err := first.Apply(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		stored = append(stored, a)
	}
	ls := NewLexicons()
	second := newTest(t).WithLexicons(ls)
	for _, a := range stored {
		second.Remember(a)
		second.Remember(a) // read back twice: still one article
	}
	if n := ls.Snapshot("star-telegram").Articles(); n != 3 {
		t.Fatalf("warmed lexicon learnt from %d articles, want 3", n)
	}
	next := &article.Article{ID: "z", Source: "Star-Telegram", Body: "The council in Arlington approved the new stadium budget on Tuesday."}
	if err := second.Apply(context.Background(), next); err != nil {
		t.Fatal(err)
	}
	if len(next.Places) == 0 || next.Places[0].Admin1 != "Texas" {
		t.Errorf("after warming, Arlington -> %+v, want Texas", next.Places)
	}
}

// News writes Syrian and Iraqi towns with or without the Arabic article
// GeoNames gives them.
func TestLookupArabicArticle(t *testing.T) {
	gc := newTest(t)
	tests := []struct{ name, cc string }{
		{"Qamishli", "SY"}, {"Mayadin", "SY"}, {"al-Bab", "SY"}, {"Al-Raqqa", "SY"}, {"Mosul", "IQ"},
	}
	for _, tt := range tests {
		rs := gc.Lookup(tt.name)
		if len(rs) == 0 || rs[0].Country != tt.cc || !rs[0].OwnName {
			t.Errorf("Lookup(%q) = %+v, want an own-name reading in %s first", tt.name, rs, tt.cc)
		}
	}
	for _, r := range gc.Lookup("Paris") {
		if arabicCountries[r.Country] {
			t.Errorf("Lookup(Paris) gained an Arabic-article reading: %+v", r)
		}
	}
}
