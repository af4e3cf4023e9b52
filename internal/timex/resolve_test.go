package timex

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"sitrep/internal/article"
)

var wed = time.Date(2015, 11, 18, 0, 0, 0, 0, time.UTC) // a Wednesday

func TestFind(t *testing.T) {
	cases := []struct {
		text      string
		pub       time.Time
		want, val string // the expression's text and value
		gran      string
	}{
		{"Obama said on Wednesday that", wed, "Wednesday", "2015-11-18", Day},
		{"strikes on Tuesday, signalling", wed, "Tuesday", "2015-11-17", Day},
		{"air strikes Tuesday night in Raqqa", wed, "Tuesday night", "2015-11-17", Day},
		{"talks on Thursday were tense", wed, "Thursday", "2015-11-12", Day},
		{"the ministers will meet on Friday", wed, "Friday", "2015-11-20", Day},
		{"he arrived last Wednesday", wed, "last Wednesday", "2015-11-11", Day},
		{"a vote next Monday", wed, "next Monday", "2015-11-23", Day},
		{"crashed over Egypt last month", wed, "last month", "2015-10", Month},
		{"began at the end of September.", wed, "the end of September", "2015-09", Month},
		{"at the end of December the", wed, "the end of December", "2014-12", Month},
		{"a deal in March", wed, "March", "2015-03", Month},
		{"earlier this year the army", wed, "earlier this year", "2015", Year},
		{"held talks last weekend at", wed, "last weekend", "2015-11-14", Day},
		{"in light of last week's attacks", wed, "last week", "2015-11-09", Week},
		{"The summit opened yesterday.", wed, "yesterday", "2015-11-17", Day},
		{"Officials said today that", wed, "today", "2015-11-18", Day},
		{"Chaos. \"Today we mourn,\" he said", wed, "Today", "2015-11-18", Day},
		{"met on Nov. 16 in Antalya", wed, "Nov. 16", "2015-11-16", Day},
		{"the Dec. 28 attack", time.Date(2016, 1, 3, 0, 0, 0, 0, time.UTC), "Dec. 28", "2015-12-28", Day},
		{"since it began in 2014, the", wed, "2014", "2014", Year},
		{"at the White House June 30, 2014 in", wed, "June 30, 2014", "2014-06-30", Day},
		{"on 16 November 2015 police", wed, "16 November 2015", "2015-11-16", Day},
		{"filed 2015-11-16 in", wed, "2015-11-16", "2015-11-16", Day},
		{"elections in November 2015 were", wed, "November 2015", "2015-11", Month},
		{"figures for Dec 2014 showed", wed, "Dec 2014", "2014-12", Month},
		{"on September 30th, 2014 the", wed, "September 30th, 2014", "2014-09-30", Day},
		{"by the 30th of September the", wed, "30th of September", "2015-09-30", Day},
		{"a week ago the army", wed, "a week ago", "2015-11-11", Day},
		{"it happened two days ago", wed, "two days ago", "2015-11-16", Day},
		{"fighting in mid-August", wed, "mid-August", "2015-08", Month},
		{"until last year it", wed, "last year", "2014", Year},
		{"next month's talks", wed, "next month", "2015-12", Month},
		{"elections will be held in December", wed, "December", "2015-12", Month},
		{"elections were held in December", wed, "December", "2014-12", Month},
		{"clashes over the weekend killed", wed, "over the weekend", "2015-11-14", Day},
		{"earlier this week the army", wed, "earlier this week", "2015-11-16", Week},
		{"the Sunday Times said on Sunday", wed, "Sunday", "2015-11-15", Day},
		// unknown publication: absolute only
		{"on June 30, 2014 in", time.Time{}, "June 30, 2014", "2014-06-30", Day},
		{"since 2011 the war", time.Time{}, "2011", "2011", Year},
	}
	r := NewResolver()
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			got := r.Find(c.text, c.pub)
			if len(got) != 1 {
				t.Fatalf("got %+v, want one %q", got, c.want)
			}
			g := got[0]
			if g.Text != c.want || g.Value != c.val || g.Granularity != c.gran {
				t.Errorf("got %+v, want %q %s %s", g, c.want, c.val, c.gran)
			}
			if s := article.RuneSlice(c.text, g.Start, g.End); s != g.Text {
				t.Errorf("offsets [%d,%d) give %q, text %q", g.Start, g.End, s, g.Text)
			}
		})
	}
}

func TestFindNone(t *testing.T) {
	r := NewResolver()
	for _, s := range []string{
		"You may go now.",          // the verb, not the month
		"killing all 224 on board", // a count
		"relative dates need a publication: yesterday, last month, on Wednesday",
	} {
		if got := r.Find(s, time.Time{}); len(got) != 0 {
			t.Errorf("%q: got %+v", s, got)
		}
	}
	if got := r.Find("You may go now. 224 on board. The Sunday Times said. After Good Friday. On the Today programme.", wed); len(got) != 0 {
		t.Errorf("got %+v", got)
	}
}

func TestFindRunes(t *testing.T) {
	text := "Präsident – Ελλάδα said on Wednesday and “last month”"
	got := NewResolver().Find(text, wed)
	if len(got) != 2 {
		t.Fatalf("got %+v", got)
	}
	for _, g := range got {
		if article.RuneSlice(text, g.Start, g.End) != g.Text {
			t.Errorf("bad offsets %+v", g)
		}
	}
}

func seedArticle(t testing.TB) *article.Article {
	raw, err := os.ReadFile(filepath.Join("../../../shared/seed", "seed-article.txt"))
	if err != nil {
		t.Skip("../shared/seed absent: this test needs the shared seed article")
	}
	// The body paragraphs after the credit line; the extract package's
	// own tests check the real extraction.
	return &article.Article{Body: string(raw), Published: article.Published{Date: "2015-11-18", How: article.DateInferred}}
}

func TestStageSeedDates(t *testing.T) {
	a := seedArticle(t)
	if err := New().Apply(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Wednesday": "2015-11-18", "last weekend": "2015-11-14", "the end of September": "2015-09",
		"Tuesday": "2015-11-17", "last month": "2015-10", "last week": "2015-11-09"}
	for _, d := range a.Dates {
		if v, ok := want[d.Text]; ok && v == d.Value {
			delete(want, d.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("not found: %v in %+v", want, a.Dates)
	}
}

func BenchmarkStage(b *testing.B) {
	a := seedArticle(b)
	s := New()
	runes := utf8.RuneCountInString(a.Body)
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		c := *a
		if err := s.Apply(context.Background(), &c); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu0)
	b.ReportMetric(float64(runes)*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mrunes/s")
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"on Wednesday", "at the end of September", "June 30, 2014", "two days ago",
		"mid-August", "Nov. 16", "in 2014", "last weekend", "Feb. 30, 2015", "99 years ago"} {
		f.Add(s, int64(0))
		f.Add(s, wed.Unix())
	}
	r := NewResolver()
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		var pub time.Time
		if unix != 0 {
			pub = time.Unix(unix%(200*365*86400), 0).UTC().Truncate(24 * time.Hour)
		}
		n := utf8.RuneCountInString(s)
		for _, d := range r.Find(s, pub) {
			if d.Start < 0 || d.End > n || d.Start >= d.End {
				t.Fatalf("bad offsets %+v in %q", d, s)
			}
			if !utf8.ValidString(s) {
				continue
			}
			if article.RuneSlice(s, d.Start, d.End) != d.Text {
				t.Fatalf("offsets %+v do not give the text in %q", d, s)
			}
			if d.Value == "" || !strings.Contains("day week month year", d.Granularity) {
				t.Fatalf("bad value %+v", d)
			}
		}
	})
}

// BenchmarkCorpus runs the resolver over every BBC News article of
// ../shared/data/topics/bbc_news (2,225 articles, about 2,200 characters
// each): the cost per typical article.
func BenchmarkCorpus(b *testing.B) {
	f, err := os.Open("../../../shared/data/topics/bbc_news/bbc_news.csv")
	if err != nil {
		b.Skip("../shared/data/topics/bbc_news absent")
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) < 2 {
		b.Fatal("bad csv", err)
	}
	var texts []string
	for _, row := range rows[1:] {
		texts = append(texts, row[len(row)-1])
	}
	r := NewResolver()
	pub := time.Date(2005, 3, 16, 0, 0, 0, 0, time.UTC)
	found := 0
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		found += len(r.Find(texts[i%len(texts)], pub))
	}
	reportCPU(b, cpu0)
	b.ReportMetric(float64(found)/float64(b.N), "timex/article")
}

func TestConcurrentFind(t *testing.T) {
	r := NewResolver()
	text := "On Nov. 16, 2015 and on Wednesday, last month, two days ago and June 30, 2014."
	want := r.Find(text, wed)
	done := make(chan []article.Timex)
	for range 8 {
		go func() { done <- r.Find(text, wed) }()
	}
	for range 8 {
		got := <-done
		if len(got) != len(want) {
			t.Fatalf("got %+v want %+v", got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("got %+v want %+v", got[i], want[i])
			}
		}
	}
}

func TestWithin(t *testing.T) {
	text := "Russia began strikes at the end of September. It hit Raqqa on Tuesday."
	ds := NewResolver().Find(text, wed)
	second := strings.Index(text, "It hit")
	got := Within(ds, second, len(text))
	if len(got) != 1 || got[0].Value != "2015-11-17" {
		t.Fatalf("got %+v", got)
	}
	if got := Within(ds, 0, second); len(got) != 1 || got[0].Value != "2015-09" {
		t.Fatalf("got %+v", got)
	}
}
