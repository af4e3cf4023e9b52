package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/article"
	"sitrep/internal/timex"
)

func TestTextArticles(t *testing.T) {
	type bp struct{ kind, prefix string }
	cases := []struct {
		file               string
		label, headline    string
		byline, source     string
		bodyStart, bodyEnd string
		mustNot            []string
		boilerplate        []bp
		published, how     string
	}{
		{file: "01-reuters-dateline.txt", headline: "Philippine troops kill 12 militants in southern clash",
			bodyStart: "MANILA (Reuters) - Philippine troops", bodyEnd: `"Our troops will continue the pursuit," Tan said.`,
			boilerplate: []bp{{"credit", "(Reporting by Manuel Mogato"}}, how: "unknown"},
		{file: "02-label-caption-credit.txt", label: "Disasters and Accidents", headline: "Earthquake of magnitude 7.1 shakes central Mexico",
			bodyStart: "A powerful earthquake struck", bodyEnd: "as buildings swayed.",
			mustNot:     []string{"Rescue workers search", "Getty Images"},
			boilerplate: []bp{{"caption", "Rescue workers search"}, {"credit", "Alfredo Estrella / AFP"}}, published: "2017-09-19", how: "inferred"},
		{file: "03-byline-ap.txt", headline: "Senate passes budget bill after all-night session", byline: "Mary Clare Jalonick", source: "Associated Press",
			bodyStart: "WASHINGTON, Feb. 9, 2018 (AP) — The Senate", bodyEnd: "Mitch McConnell said.", mustNot: []string{"By Mary"},
			published: "2018-02-09", how: "dateline"},
		{file: "04-related-links.txt", headline: "Ukraine says Russian shelling kills three in Kharkiv region",
			bodyStart: "Ukrainian officials said on Monday", bodyEnd: "Moscow denies targeting civilians.",
			mustNot:     []string{"READ MORE", "Kyiv appeals", "Zelenskiy urges"},
			boilerplate: []bp{{"related", "Kyiv appeals for more air defence systems"}, {"related", "Zelenskiy urges allies"}}, how: "unknown"},
		{file: "05-no-label-wrapped.txt", headline: "Flooding displaces thousands in northern Nigeria",
			bodyStart: "Heavy rains have displaced more than 20,000 people in three states of northern Nigeria, the country's",
			bodyEnd:   "expected in the coming days.", how: "unknown"},
		{file: "06-nav-ad.txt", headline: "Central bank raises interest rates to curb inflation",
			bodyStart: "The central bank raised", bodyEnd: "Economists had expected the move.",
			mustNot:     []string{"Advertisement", "Share this", "newsletter", "Menu"},
			boilerplate: []bp{{"nav", "Home"}, {"nav", "Menu"}, {"ad", "Advertisement"}, {"nav", "Share this article"}, {"nav", "Sign up"}}, how: "unknown"},
		{file: "07-quote-ends.txt", label: "World News", headline: "Peace talks resume in Geneva as ceasefire holds",
			bodyStart: "Delegations from both sides", bodyEnd: `"Our demands have not changed."`, how: "unknown"},
		{file: "08-photo-prefix.txt", headline: "Wildfire forces evacuation of Greek villages",
			bodyStart: "Greek authorities ordered", bodyEnd: "history.", mustNot: []string{"REUTERS/Costas"},
			boilerplate: []bp{{"caption", "Photo: Firefighters battle flames"}}, published: "2018-07-23", how: "inferred"},
		{file: "09-dateline-no-agency.txt", headline: "Car bomb kills five outside Mogadishu hotel",
			bodyStart: "MOGADISHU, Somalia — A car bomb", bodyEnd: "the death toll could rise.", how: "unknown"},
		{file: "10-pictured-caption.txt", label: "Science and Technology", headline: "Space agency launches new weather satellite",
			bodyStart: "The space agency launched", bodyEnd: "warn communities earlier.", mustNot: []string{"pictured", "Handout"},
			boilerplate: []bp{{"caption", "The rocket (pictured)"}, {"credit", "NASA / Handout"}}, how: "unknown"},
		{file: "11-crlf-bom.txt", headline: "Protesters rally in Santiago against pension reform",
			bodyStart: "Tens of thousands of people", bodyEnd: "planned for next week.", mustNot: []string{"\r", "\uFEFF"}, how: "unknown"},
		{file: "12-related-colon.txt", label: "Health", headline: "Measles cases surge across Europe, WHO warns",
			bodyStart: "Measles cases in Europe rose", bodyEnd: "the agency said.", mustNot: []string{"Related:", "See also", "Vaccine hesitancy"},
			boilerplate: []bp{{"related", "Vaccine hesitancy grows in rich countries"}, {"related", "How measles spreads"}}, how: "unknown"},
		{file: "13-multi-para-quote.txt", headline: "Minister resigns over procurement scandal",
			bodyStart: "The defence minister resigned", bodyEnd: "named her deputy as acting minister.",
			mustNot: []string{}, how: "unknown"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "text", c.file))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Text(string(raw))
			if err != nil {
				t.Fatal(err)
			}
			if a.GivenLabel != c.label {
				t.Errorf("label = %q, want %q", a.GivenLabel, c.label)
			}
			if a.Headline != c.headline {
				t.Errorf("headline = %q, want %q", a.Headline, c.headline)
			}
			if a.Byline != c.byline || c.source != "" && a.Source != c.source {
				t.Errorf("byline/source = %q/%q, want %q/%q", a.Byline, a.Source, c.byline, c.source)
			}
			if !strings.HasPrefix(a.Body, c.bodyStart) {
				t.Errorf("body starts %q", first(a.Body, 100))
			}
			if !strings.HasSuffix(a.Body, c.bodyEnd) {
				t.Errorf("body ends %q", a.Body[max(0, len(a.Body)-80):])
			}
			for _, s := range c.mustNot {
				if strings.Contains(a.Body, s) {
					t.Errorf("body contains %q", s)
				}
			}
			for _, want := range c.boilerplate {
				ok := false
				for _, b := range a.Boilerplate {
					if b.Kind == want.kind && strings.HasPrefix(b.Text, want.prefix) {
						ok = true
					}
				}
				if !ok {
					t.Errorf("no %s boilerplate %q in %+v", want.kind, want.prefix, a.Boilerplate)
				}
			}
			if len(c.boilerplate) == 0 && len(a.Boilerplate) > 0 && c.file != "01-reuters-dateline.txt" {
				t.Errorf("unexpected boilerplate %+v", a.Boilerplate)
			}
			// inference is the dates stage's job: run it as the pipeline does
			if err := timex.New().Apply(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			if c.published != "" && a.Published.Date != c.published || a.Published.How != c.how {
				t.Errorf("published = %+v, want %s %s", a.Published, c.published, c.how)
			}
			if strings.Contains(a.Body, "\n\n\n") {
				t.Error("body has empty paragraphs")
			}
		})
	}
}

func first(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

func TestTextErrors(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want error
	}{
		{"empty", "", ErrEmpty},
		{"blank", " \n\n\t\n", ErrEmpty},
		{"nul", "head\x00line\n\nbody", ErrNotText},
		{"invalid utf8", "Head\n\nbody \xff\xfe text.", ErrNotUTF8},
		{"binary", strings.Repeat("\x01\x02\x03abc", 100), ErrNotText},
		{"too large", strings.Repeat("a", MaxTextSize+1), ErrTooLarge},
		{"headline only", "Just a headline", ErrNoBody},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := Text(c.in); err != c.want {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
		})
	}
}

func TestLineRules(t *testing.T) {
	credits := []string{"Chip Somodevilla / Staff | Getty Images News", "REUTERS/Stringer", "(AP Photo/Hadi Mizban)", "Photo: John Smith/AFP", "© 2015 Reuters", "(Reporting by A; Editing by B)"}
	for _, s := range credits {
		if !IsCredit(s) {
			t.Errorf("IsCredit(%q) = false", s)
		}
	}
	notCredits := []string{"Reuters reported that the talks had failed after three days of negotiations in Vienna.", "The photo shows nothing.", "Russia, US may find common ground in fight against ISIS"}
	for _, s := range notCredits {
		if IsCredit(s) {
			t.Errorf("IsCredit(%q) = true", s)
		}
	}
	captions := []string{
		"President Barack Obama chats with Russian President Vladimir Putin at the Group of 20 leaders summit in Antalya, Turkey, on Nov. 16, 2015.",
		"Protesters gather outside parliament (pictured) on Tuesday",
		"FILE PHOTO: A soldier stands guard in Kabul, Afghanistan, March 3, 2019.",
	}
	for _, s := range captions {
		if CaptionScore(s) < 2 {
			t.Errorf("CaptionScore(%q) = %d, want >= 2", s, CaptionScore(s))
		}
	}
	prose := []string{
		`"We will respond," the minister said on Tuesday.`,
		"Russia began air strikes in Syria at the end of September.",
	}
	for _, s := range prose {
		if CaptionScore(s) >= 2 {
			t.Errorf("CaptionScore(%q) = %d, want < 2", s, CaptionScore(s))
		}
	}
}

func FuzzText(f *testing.F) {
	files, _ := filepath.Glob("testdata/text/*.txt")
	for _, p := range files {
		b, _ := os.ReadFile(p)
		f.Add(string(b))
	}
	f.Add("Label\n\nHead\n\nBody.")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := Text(s)
		if err != nil {
			return
		}
		if a.Body == "" {
			t.Fatal("no error and no body")
		}
		if a.Published.How == "" {
			t.Fatal("published.how empty")
		}
		for _, b := range a.Boilerplate {
			switch b.Kind {
			case article.KindCaption, article.KindCredit, article.KindRelated, article.KindNav, article.KindAd, article.KindOther:
			default:
				t.Fatalf("bad kind %q", b.Kind)
			}
		}
	})
}

func BenchmarkText(b *testing.B) {
	files, _ := filepath.Glob("testdata/text/*.txt")
	var docs []string
	n := 0
	for _, p := range files {
		raw, _ := os.ReadFile(p)
		docs = append(docs, string(raw))
		n += len(raw)
	}
	b.SetBytes(int64(n / len(docs)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Text(docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
	}
}
