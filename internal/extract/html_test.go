package extract

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"sitrep/internal/article"
)

func TestHTMLPages(t *testing.T) {
	tests := []struct {
		file, url                    string
		headline, byline, date, lang string
		canonical, site              string
		bodyHas, bodyNot             []string
		kinds                        []string // boilerplate kinds that must be reported
		minParas                     int
	}{
		{file: "01-figure-caption.html", headline: "River floods valley town as rain keeps falling", byline: "Tom Becker",
			date: "2023-10-17", lang: "en", canonical: "https://courier.example.com/news/river-floods-valley-town", site: "Valley Courier",
			bodyHas: []string{"Heavy rain swept", "Officials said no injuries"}, bodyNot: []string{"Residents wade", "Jane Doe", "Politics", "All rights reserved"},
			kinds: []string{article.KindCaption, article.KindCredit, article.KindNav}, minParas: 5},
		{file: "02-jsonld-date.html", headline: "Port strike halts container traffic", byline: "Sofia Marin and Paul Reyes",
			date: "2022-08-01", lang: "en", site: "Coastal Times", bodyHas: []string{"Dock workers", "Further strikes"}, bodyNot: []string{"Weather"}, minParas: 5},
		{file: "03-time-byline.html", headline: "New clinic opens in hill village", byline: "Maria Lopez", date: "2021-05-07",
			lang: "en", site: "Mountain Post", bodyHas: []string{"Sarnen", "three more clinics"}, bodyNot: []string{"By Maria Lopez"}, minParas: 5},
		{file: "04-related-block.html", headline: "Port strike enters second day", date: "2022-08-02", lang: "en",
			bodyHas: []string{"Exporters warned"}, bodyNot: []string{"Read more", "Fruit exporters fear losses", "Automated cranes arrive"},
			kinds: []string{article.KindRelated}, minParas: 5},
		{file: "05-nav-ads.html", headline: "Floods close valley road", date: "2023-10-18", lang: "en",
			bodyHas: []string{"valley road"}, bodyNot: []string{"Advertisement", "Share this article", "Sponsored", "Home"},
			kinds: []string{article.KindAd, article.KindNav}, minParas: 5},
		{file: "06-url-date.html", url: "https://post.example.org/2020/03/14/clinic-plans", headline: "Clinic plans for the district",
			date: "2020-03-14", lang: "en", canonical: "https://post.example.org/2020/03/14/clinic-plans", site: "post.example.org", minParas: 5},
		{file: "07-canonical-relative-fr.html", url: "https://ville.example.fr/page?id=7", headline: "Le marché couvert sera rénové",
			lang: "fr", canonical: "https://ville.example.fr/ville/marche-couvert-renove", bodyHas: []string{"charpente métallique"}, minParas: 4},
		{file: "08-credit-lines.html", headline: "Dock workers strike over automation", byline: "Nadia Hassan", date: "2022-07-31", lang: "en",
			bodyNot: []string{"Reporting by", "© 2022"}, kinds: []string{article.KindCredit}, minParas: 5},
		{file: "09-headline-repeat.html", headline: "Flood warning issued for the valley", date: "2023-10-16", lang: "en",
			bodyNot: []string{"Flood warning issued"}, minParas: 5},
		{file: "10-latin1.html", headline: "Le conseil vote la rénovation", byline: "Élise Fabre", lang: "fr",
			bodyHas: []string{"approuvé", "commerçants"}, minParas: 4},
		{file: "11-jsonld-graph.html", headline: "Clinic opening draws crowd", byline: "Dr. Ahmed Karimi", date: "2021-05-08", lang: "en",
			canonical: "https://post.example.org/health/clinic-opening", site: "Mountain Post", minParas: 5},
		{file: "14-date-in-page.html", headline: "Clinic staff hired", date: "2021-03-12", lang: "en", bodyHas: []string{"Sarnen"}, bodyNot: []string{"March 12, 2021"}, minParas: 5},
		{file: "12-minimal.html", lang: "en", bodyHas: []string{"Heavy rain swept"}, minParas: 1},
		{file: "13-broken.html", headline: "Broken markup page", lang: "en", bodyHas: []string{"Dock workers"}, minParas: 2},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "html", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			a, err := HTML(raw, tc.url)
			if err != nil {
				t.Fatalf("HTML: %v", err)
			}
			check := func(field, got, want string) {
				if got != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("headline", a.Headline, tc.headline)
			check("byline", a.Byline, tc.byline)
			check("published.date", a.Published.Date, tc.date)
			if tc.date != "" {
				check("published.how", a.Published.How, article.DateGiven)
			} else {
				check("published.how", a.Published.How, article.DateUnknown)
			}
			check("language", a.Language, tc.lang)
			if tc.canonical != "" {
				check("url", a.URL, tc.canonical)
			}
			if tc.site != "" {
				check("source", a.Source, tc.site)
			}
			for _, s := range tc.bodyHas {
				if !strings.Contains(a.Body, s) {
					t.Errorf("body lacks %q", s)
				}
			}
			for _, s := range tc.bodyNot {
				if strings.Contains(a.Body, s) {
					t.Errorf("body keeps %q", s)
				}
			}
			if n := len(strings.Split(a.Body, "\n\n")); n < tc.minParas {
				t.Errorf("body has %d paragraphs, want >= %d:\n%s", n, tc.minParas, a.Body)
			}
			kinds := map[string]bool{}
			for _, b := range a.Boilerplate {
				kinds[b.Kind] = true
				if b.Text == "" {
					t.Errorf("empty boilerplate text of kind %s", b.Kind)
				}
			}
			for _, k := range tc.kinds {
				if !kinds[k] {
					t.Errorf("no %s boilerplate reported; got %+v", k, a.Boilerplate)
				}
			}
		})
	}
}

func TestHTMLBadInput(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want error
	}{
		{"empty", "", ErrEmpty},
		{"spaces", "  \n\t ", ErrEmpty},
		{"binary", "<html>\x00\x01\x02</html>", ErrNotText},
		{"not html", "just some words", ErrNotHTML},
		{"no body", "<html><head><title>x</title></head><body></body></html>", ErrNoBody},
		{"only scripts", "<html><body><script>var a = 1;</script><style>p{}</style></body></html>", ErrNoBody},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := HTML([]byte(tc.raw), "")
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v (article %+v)", err, tc.want, a)
			}
		})
	}
	if _, err := HTML(make([]byte, MaxHTMLSize+1), ""); !errors.Is(err, ErrTooLarge) {
		t.Errorf("oversized page: err = %v", err)
	}
}

// TestHTMLFallback runs the pipeline with library extractors that fail or
// panic: the other extractor, then BasicHTML, must still give the body.
func TestHTMLFallback(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "html", "01-figure-caption.html"))
	if err != nil {
		t.Fatal(err)
	}
	failTr := func(*html.Node, *url.URL) ([]string, trafilatura.Metadata, error) {
		return nil, trafilatura.Metadata{}, errors.New("trafilatura failed")
	}
	panicTr := func(*html.Node, *url.URL) ([]string, trafilatura.Metadata, error) { panic("boom") }
	failRd := func(*html.Node, *url.URL) ([]string, rdMetaInfo, error) {
		return nil, rdMetaInfo{}, errors.New("readability failed")
	}
	panicRd := func(*html.Node, *url.URL) ([]string, rdMetaInfo, error) { panic("bang") }
	tests := []struct {
		name string
		tr   trafilaturaFunc
		rd   readabilityFunc
	}{
		{"trafilatura fails", failTr, runReadability},
		{"trafilatura panics", panicTr, runReadability},
		{"readability panics", runTrafilatura, panicRd},
		{"both fail", failTr, failRd},
		{"both panic", panicTr, panicRd},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parseHTML(raw)
			if err != nil {
				t.Fatal(err)
			}
			a, err := fromDoc(doc, raw, "", tc.tr, tc.rd)
			if err != nil {
				t.Fatalf("fromDoc: %v", err)
			}
			if !strings.Contains(a.Body, "Heavy rain swept") || !strings.Contains(a.Body, "Officials said") {
				t.Errorf("body lost: %q", a.Body)
			}
			if a.Published.Date != "2023-10-17" || a.Headline == "" {
				t.Errorf("metadata lost: %+v", a.Published)
			}
		})
	}
}

// TestHTMLFallbackDecodes checks the last fallback reads a non-UTF-8 page
// decoded too.
func TestHTMLFallbackDecodes(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "html", "10-latin1.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parseHTML(raw)
	if err != nil {
		t.Fatal(err)
	}
	failTr := func(*html.Node, *url.URL) ([]string, trafilatura.Metadata, error) {
		return nil, trafilatura.Metadata{}, errors.New("no")
	}
	failRd := func(*html.Node, *url.URL) ([]string, rdMetaInfo, error) { return nil, rdMetaInfo{}, errors.New("no") }
	a, err := fromDoc(doc, raw, "", failTr, failRd)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "approuvé") || a.Byline != "Élise Fabre" {
		t.Errorf("not decoded: byline %q body %.80q", a.Byline, a.Body)
	}
}

func TestChoose(t *testing.T) {
	long := func(tag string, n int) []string {
		var out []string
		for i := 0; i < n; i++ {
			out = append(out, strings.Repeat(tag+" word number "+string(rune('a'+i%26))+" goes here in a sentence of prose ", 3)+".")
		}
		return out
	}
	art := long("article", 6)
	junk := []string{"Home", "Sign in", "Most read stories today in the world"}
	prose := []string{
		"Engineers inspected the supports of the old bridge on Wednesday and found cracks that will take weeks to repair, the council said in a statement released late in the evening after a meeting with the engineers.",
		"Ferry services will run every twenty minutes until the bridge reopens, and the regional bus company has added two extra routes through the valley for commuters who usually drive across the river to work.",
		"Shop owners near the river said trade had fallen by half since the closure, and asked the council to waive parking fees in the old town until the work on the bridge is finished.",
		"The last major repair of the bridge, in 1998, closed it for four months and cost more than twice the original estimate, according to council records published last year.",
	}
	tests := []struct {
		name   string
		tr, rd []string
		want   string
	}{
		{"only readability", nil, art, "readability"},
		{"only trafilatura", art, nil, "trafilatura"},
		{"readability is the cleaner subset", append(append([]string{}, junk...), art...), art, "readability"},
		{"same text", art, art, "trafilatura"},
		{"trafilatura gives link soup", append([]string{strings.Repeat("Home News Sport Weather Contact Login ", 40)}, art...), art[:3], "readability"},
		{"trafilatura adds prose to readability's subset", append(append([]string{}, art...), prose...), art, "trafilatura"},
		{"readability adds prose", art[:2], append(append([]string{}, art[:2]...), long("more", 8)...), "readability"},
		{"readability adds a link list", art[:2], append(append([]string{}, art[:2]...), strings.Split(strings.Repeat("Link to story x\n", 40), "\n")...), "trafilatura"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, got := choose(tc.tr, tc.rd); got != tc.want {
				t.Errorf("choose = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2019-11-18T10:00:00Z", "2019-11-18"},
		{"2019-11-18T23:30:00-05:00", "2019-11-18"},
		{"2019-11-18", "2019-11-18"},
		{"Mon, 18 Nov 2019 10:00:00 GMT", "2019-11-18"},
		{"November 18, 2019", "2019-11-18"},
		{"18 November 2019", "2019-11-18"},
		{"published 2019-11-18 at noon", "2019-11-18"},
		{"1574071200", "2019-11-18"},
		{"2019-02-30", ""},
		{"1850-01-01", ""},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := parseDate(tc.in); got != tc.want {
			t.Errorf("parseDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDateFromURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://x.example/2019/11/18/story", "2019-11-18"},
		{"https://x.example/news/2019-11-18-story", "2019-11-18"},
		{"https://x.example/20191118/story.html", "2019-11-18"},
		{"https://x.example/story-123456789", ""},
		{"https://x.example/statements/2019/nov/18/name/", "2019-11-18"},
		{"https://x.example/2019/November/8/story", "2019-11-08"},
		{"https://x.example/2019/13/45/story", ""},
	}
	for _, tc := range tests {
		if got := dateFromURL(tc.in); got != tc.want {
			t.Errorf("dateFromURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzHTML(f *testing.F) {
	entries, _ := os.ReadDir(filepath.Join("testdata", "html"))
	for _, e := range entries {
		if raw, err := os.ReadFile(filepath.Join("testdata", "html", e.Name())); err == nil {
			f.Add(raw)
		}
	}
	f.Add([]byte("<p>"))
	f.Add([]byte("<html><body><table><td><p>x</table><figure><figcaption>Photo: AP</figcaption></figure>"))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@graph":[{"datePublished":1}]}]}</script><p>a b c</p>`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		a, err := HTML(raw, "https://example.com/2020/01/02/x")
		if err != nil {
			if a != nil {
				t.Fatal("article with an error")
			}
			return
		}
		if a == nil || strings.TrimSpace(a.Body) == "" {
			t.Fatalf("nil article or empty body without error: %+v", a)
		}
		if a.Boilerplate == nil || a.Published.How == "" {
			t.Fatal("article not normalised")
		}
	})
}

func TestCleanByline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By Maria Lopez", "Maria Lopez"},
		{"  by   Tom  Becker ", "Tom Becker"},
		{"Carlos Nadalim 27/09/2018 Comentários", "Carlos Nadalim"},
		{"Anna Keller | Staff writer", "Anna Keller"},
		{"Paul Reyes Published 10:32 AM", "Paul Reyes"},
		{"Jane Doe - Valley Courier", "Jane Doe"},
		{strings.Repeat("word ", 30), ""},
	}
	for _, tc := range tests {
		if got := cleanByline(tc.in); got != tc.want {
			t.Errorf("cleanByline(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestStripSiteSuffix(t *testing.T) {
	tests := []struct{ in, site, want string }{
		{"River floods town | Valley Courier", "Valley Courier", "River floods town"},
		{"River floods town - MoreBikes", "morebikes.co.uk", "River floods town - MoreBikes"},
		{"River floods town | MoreBikes", "MoreBikes", "River floods town"},
		{"Score - 4-1 win | example", "example.com", "Score - 4-1 win"},
		{"Left - Right", "Other", "Left - Right"},
	}
	for _, tc := range tests {
		if got := stripSiteSuffix(tc.in, tc.site); got != tc.want {
			t.Errorf("stripSiteSuffix(%q, %q) = %q, want %q", tc.in, tc.site, got, tc.want)
		}
	}
}

// FuzzPageParts fuzzes sitrep's own HTML code (metadata, JSON-LD, dates,
// boilerplate survey, paragraphs, cleaning, selection) without the
// libraries, so that it runs fast under the fuzzer.
func FuzzPageParts(f *testing.F) {
	entries, _ := os.ReadDir(filepath.Join("testdata", "html"))
	for _, e := range entries {
		if raw, err := os.ReadFile(filepath.Join("testdata", "html", e.Name())); err == nil {
			f.Add(raw, "https://example.com/2020/01/02/x")
		}
	}
	f.Add([]byte(`<script type="application/ld+json">[{"@type":["NewsArticle"],"author":[{"name":[1]},"x"],"datePublished":["2020-01-01"]}]</script>`), "")
	f.Add([]byte(`<time datetime="99999999999999">x</time><meta name="date" content="1e9">`), "/2020/02/30/")
	f.Fuzz(func(t *testing.T, raw []byte, pageURL string) {
		doc, err := parseHTML(raw)
		if err != nil {
			return
		}
		m := readMeta(doc, pageURL)
		if m.date != "" && len(m.date) != 10 {
			t.Fatalf("bad date %q", m.date)
		}
		fd := surveyBoilerplate(doc)
		paras := paragraphs(doc)
		for _, p := range paras {
			if strings.TrimSpace(p) == "" {
				t.Fatal("empty paragraph")
			}
		}
		half := paras[:len(paras)/2]
		chosen, _ := choose(paras, half)
		body, removed := cleanParagraphs(chosen, m.title, m, fd)
		if len(body)+len(removed) > len(chosen) {
			t.Fatal("cleaning invented paragraphs")
		}
	})
}

func TestHTMLLargeAndDeepPages(t *testing.T) {
	para := "<p>" + strings.Repeat("The council said the bridge would reopen next week after repairs. ", 5) + "</p>"
	tests := []struct {
		name    string
		page    string
		wantErr bool
	}{
		// past maxTrafilaturaParagraphs: go-readability alone, still fast
		{"many paragraphs", "<html><body><article>" + strings.Repeat(para, maxTrafilaturaParagraphs+500) + "</article></body></html>", false},
		{"many links", "<html><body>" + strings.Repeat("<a href=x>link</a> ", maxTrafilaturaElements+1000) + "<article>" + para + para + "</article></body></html>", false},
		// deeper than the HTML parser's open-element limit: an error, no panic
		{"deep nesting", "<html><body>" + strings.Repeat("<div>", 5000) + para + "</body></html>", true},
		{"ld+json bomb", "<html><head><script type=\"application/ld+json\">" + strings.Repeat("[", 50000) + "</script></head><body>" + para + para + "</body></html>", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := HTML([]byte(tc.page), "")
			if tc.wantErr {
				if err == nil {
					t.Fatal("want an error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Body, "bridge would reopen") {
				t.Errorf("body lost: %.200q", a.Body)
			}
		})
	}
}
