package geo

import (
	"context"
	"strings"
	"sync"
	"testing"

	"sitrep/internal/article"
)

func newTest(t testing.TB) *Geocoder {
	t.Helper()
	gc, err := NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	return gc
}

func spotted(gc *Geocoder, text string) []string {
	var out []string
	for _, s := range gc.Spot(text, nil) {
		out = append(out, s.Text)
	}
	return out
}

func TestSpotGuards(t *testing.T) {
	gc := newTest(t)
	for _, c := range []struct {
		text      string
		want, not []string
	}{
		{"President Barack Obama spoke. Obama said Syria was at war.", []string{"Syria"}, []string{"Obama"}},
		{"Paris Hilton arrived in London on Monday.", []string{"London"}, []string{"Paris"}},
		{"The Washington Post reported from Kabul.", []string{"Kabul"}, []string{"Washington"}},
		{"Russian jets struck Raqqa and Idlib province.", []string{"Raqqa", "Idlib province"}, []string{"Russian"}},
		{"He flew from Sharm al-Sheikh to St. Petersburg.", []string{"Sharm al-Sheikh", "St. Petersburg"}, nil},
		{"Troops crossed into the Gaza Strip and the West Bank.", []string{"Gaza Strip", "West Bank"}, nil},
		{"In March, the mobile unit moved to the Sinai Peninsula.", []string{"Sinai Peninsula"}, []string{"March"}},
		{"Texas Gov. Rick Perry visited Alexandria, La.", []string{"Texas", "Alexandria", "La."}, nil},
		{"But Paris was calm. While Kabul slept, Paris woke.", []string{"Paris", "Kabul"}, nil},
		{"U.S. Census data and the Sudan Liberation Army; the Russia Today channel.", []string{"U.S.", "Sudan"}, []string{"Russia"}},
	} {
		got := spotted(gc, c.text)
		joined := "|" + strings.Join(got, "|") + "|"
		for _, w := range c.want {
			if !strings.Contains(joined, "|"+w+"|") {
				t.Errorf("%q: %q not spotted (got %q)", c.text, w, got)
			}
		}
		for _, n := range c.not {
			if strings.Contains(joined, "|"+n+"|") {
				t.Errorf("%q: %q spotted (got %q)", c.text, n, got)
			}
		}
	}
}

func TestSpotUsesEntities(t *testing.T) {
	gc := newTest(t)
	text := "Officials in Springfield met Jordan Smith."
	ents := []article.Entity{
		{Type: article.Person, Mentions: []article.Mention{{Start: 29, End: 41, Text: "Jordan Smith"}}},
		{Type: article.Location, Mentions: []article.Mention{{Start: 13, End: 24, Text: "Springfield"}}},
	}
	got := gc.Spot(text, ents)
	if len(got) != 1 || got[0].Text != "Springfield" {
		t.Errorf("spans = %+v, want Springfield only", got)
	}
}

func resolveOne(gc *Geocoder, text, name string) Resolution {
	for _, r := range gc.Resolve(text, gc.Spot(text, nil)) {
		if r.Text == name {
			return r
		}
	}
	return Resolution{}
}

func TestResolveInContext(t *testing.T) {
	gc := newTest(t)
	for _, c := range []struct {
		text, name, country, admin1 string
	}{
		{"The Russian airliner was flying to St Petersburg when it crashed.", "St Petersburg", "RU", ""},
		{"Police in Tampa and Clearwater said the St. Petersburg man was arrested.", "St. Petersburg", "US", "Florida"},
		{"She grew up in Paris, Texas, and moved away.", "Paris", "US", "Texas"},
		{"Strikes hit Raqqa in northern Syria.", "Raqqa", "SY", ""},
		{"Officials in Paris and Henry County, Tennessee, met on Monday.", "Paris", "US", "Tennessee"},
		{"Protesters gathered in Cairo, Egypt's capital.", "Cairo", "EG", ""},
		{"The summit in Manila ended.", "Manila", "PH", ""},
		{"Georgia's governor spoke in Atlanta and Savannah.", "Georgia", "US", "Georgia"},
		{"Customers from the Kentucky border to the Georgia state line.", "Georgia", "US", "Georgia"},
		{"Russian troops remain in Georgia and Abkhazia, near Tbilisi.", "Georgia", "GE", ""},
		{"ATHENS, Ga. — Officials at the university said classes resumed.", "ATHENS", "US", "Georgia"},
		{"ALEXANDRIA, Egypt (Reuters) - Protesters marched on Friday.", "ALEXANDRIA", "EG", ""},
		{"The plane landed in Washington after the talks.", "Washington", "US", "District of Columbia"},
		{"Residents of Palestine and Elkhart, Texas: Michael Smith, 49, Palestine, was indicted.", "Palestine", "US", "Texas"},
		{"Israeli jets struck targets in Lebanon on Monday.", "Lebanon", "LB", ""},
		{"Storms crossed Alabama, Georgia and Florida.", "Georgia", "US", "Georgia"},
		{"The Paris council met Henry County commissioners on Monday.", "Paris", "US", "Tennessee"},
		{"Leaders of Russia, Georgia and Ukraine met.", "Georgia", "GE", ""},
	} {
		r := resolveOne(gc, c.text, c.name)
		if !r.OK {
			t.Errorf("%q: %s not resolved", c.text, c.name)
			continue
		}
		if r.Country != c.country || (c.admin1 != "" && r.Admin1 != c.admin1) {
			t.Errorf("%q: %s -> %s %s/%s, want %s/%s", c.text, c.name, r.Name, r.Country, r.Admin1, c.country, c.admin1)
		}
		if r.Score <= 0 || r.Score > 1 {
			t.Errorf("%s: score %v out of (0,1]", c.name, r.Score)
		}
	}
}

func TestApplyBodyOnlyAndFocus(t *testing.T) {
	gc := newTest(t)
	a := &article.Article{
		Body:        "Russia began air strikes in Syria. Damascus and Aleppo were hit. Syria's army advanced near Homs.",
		Boilerplate: []article.Boilerplate{{Kind: article.KindCaption, Text: "A view of Washington, DC"}},
	}
	if err := gc.Apply(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if a.Focus != "SY" {
		t.Errorf("focus = %q, want SY", a.Focus)
	}
	runes := []rune(a.Body)
	for _, p := range a.Places {
		if p.Name == "Washington, D.C." || p.Country == "US" {
			t.Errorf("place from the caption: %+v", p)
		}
		for _, m := range p.Mentions {
			if string(runes[m.Start:m.End]) != m.Text {
				t.Errorf("mention %+v does not match Body", m)
			}
		}
	}
	if len(a.Places) < 4 {
		t.Errorf("places = %+v", a.Places)
	}
}

func TestAmbiguousFlag(t *testing.T) {
	gc := newTest(t)
	r := resolveOne(gc, "He lives in Springfield.", "Springfield")
	if !r.OK || !r.Ambiguous {
		t.Errorf("Springfield alone: %+v, want ambiguous", r)
	}
	r = resolveOne(gc, "He lives in Kabul.", "Kabul")
	if !r.OK || r.Ambiguous {
		t.Errorf("Kabul: %+v, want unambiguous", r)
	}
}

func TestConcurrentApply(t *testing.T) {
	gc := newTest(t)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := &article.Article{Body: "Fighting in Donbas and Crimea; Kyiv and Moscow traded blame."}
			if err := gc.Apply(context.Background(), a); err != nil || len(a.Places) == 0 {
				t.Errorf("apply: %v, %d places", err, len(a.Places))
			}
		}()
	}
	wg.Wait()
}

const benchBody = `U.S. President Barack Obama said on Wednesday that Russia had to shift its focus from propping up Syrian President Bashar al-Assad.

Speaking in Manila after talks in Turkey and at the United Nations in New York, he said strikes on Raqqa in northern Syria were a fitting response to the downing of a Russian airliner over the Sinai Peninsula, on its way from Sharm el-Sheikh to St Petersburg.

Officials in Paris, Berlin and London said Ukraine and the Donbas would be discussed in Brussels; Kurdish forces near Kobani and Aleppo reported clashes, while Iraqi troops massed near Mosul and Tikrit.`

// BenchmarkApply measures the stage on one core: articles per second.
func BenchmarkApply(b *testing.B) {
	gc := newTest(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		a := &article.Article{Body: benchBody}
		if err := gc.Apply(context.Background(), a); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

func FuzzSpotResolve(f *testing.F) {
	gc := newTest(f)
	f.Add(benchBody)
	f.Add("St. . Petersburg ,, Paris,")
	f.Add("ÉÉ al- el-Sheikh St")
	f.Fuzz(func(t *testing.T, s string) {
		spans := gc.Spot(s, nil)
		rs := gc.Resolve(s, spans)
		n := len([]rune(s))
		for _, r := range rs {
			if r.Start < 0 || r.End > n || r.Start >= r.End {
				t.Fatalf("bad span %+v in %q", r.Span, s)
			}
		}
		_ = Places(rs)
		_ = Focus(rs)
	})
}

// longBody is an article naming n distinct towns of the gazetteer.
func longBody(gc *Geocoder, n int) string {
	var b strings.Builder
	seen := map[string]bool{}
	for i := 0; i < len(gc.g.Entries) && len(seen) < n; i += 97 {
		e := gc.g.Entries[i]
		if seen[e.Name] || !strings.HasPrefix(e.Feature, "PPL") {
			continue
		}
		seen[e.Name] = true
		b.WriteString("Officials said troops moved from ")
		b.WriteString(e.Name)
		b.WriteString(" on Monday.\n\n")
	}
	return b.String()
}

// BenchmarkApplyLong is a long article naming 300 distinct towns: the
// neighbour support is bounded so that it stays near linear.
func BenchmarkApplyLong(b *testing.B) {
	gc := newTest(b)
	body := longBody(gc, 300)
	for b.Loop() {
		a := &article.Article{Body: body}
		if err := gc.Apply(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
}

func TestDesignatorAround(t *testing.T) {
	for _, c := range []struct{ text, name, want string }{
		{"to the Georgia state line", "Georgia", "admin1"},
		{"in the state of Georgia today", "Georgia", "admin1"},
		{"the city of Paris said", "Paris", "town"},
		{"Clarke County officials", "Clarke", "admin2"},
		{"in Paris on Monday", "Paris", ""},
		{"teams at the Jordan middle school", "Jordan", "local"},
		{"Lebanon residents may take part", "Lebanon", "local"},
		{"at 1301 Lafayette Ave., Lebanon. Only", "Lebanon", "local"},
		{"Joyce Glover, 22, Palestine, date of", "Palestine", "local"},
		{"talks in Amman, Jordan, on Monday", "Jordan", ""},
		{"Lebanon officials said", "Lebanon", ""},
	} {
		rs := []rune(c.text)
		i := strings.Index(c.text, c.name) // ASCII texts: byte = rune offsets
		if got := designatorAround(rs, i, i+len(c.name)); got != c.want {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}

func TestBackoffToMainAdmin1(t *testing.T) {
	gc := newTest(t)
	text := "Water of the Cauvery is shared by Tamil Nadu and Karnataka; Tamil Nadu wants more."
	var spans []Span
	for _, n := range []string{"Cauvery", "Tamil Nadu", "Karnataka"} {
		i := strings.Index(text, n)
		spans = append(spans, Span{Start: i, End: i + len(n), Text: n})
	}
	rs := gc.ResolveGold(text, spans)
	if !rs[0].OK || !rs[0].Backoff || rs[0].Feature != "ADM1" || rs[0].Country != "IN" {
		t.Fatalf("Cauvery -> %+v, want the article's main admin1 standing in", rs[0])
	}
}

func TestNationAdjectives(t *testing.T) {
	gc := newTest(t)
	text := "English and French fans met in Lille."
	var spans []Span
	for _, n := range []string{"English", "French", "Lille"} {
		i := strings.Index(text, n)
		spans = append(spans, Span{Start: i, End: i + len(n), Text: n})
	}
	rs := gc.Resolve(text, spans)
	if r := rs[0]; !r.OK || r.Country != "GB" || r.Feature == "PCLI" || r.Name != "England" {
		t.Errorf("English -> %s (%s %s), want England", r.Name, r.Country, r.Feature)
	}
	if r := rs[1]; r.Feature != "PCLI" || r.Country != "FR" {
		t.Errorf("French -> %s (%s %s), want France", r.Name, r.Country, r.Feature)
	}
}
