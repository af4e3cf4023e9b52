package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"sitrep/internal/analyze"
	"sitrep/internal/api"
	"sitrep/internal/article"
	"sitrep/internal/store"
	"sitrep/internal/web"
)

const seedPath = "../../../shared/seed/seed-article.txt"

// chromium finds the browser, or skips (fails under CI=true).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed (CI=true): run scripts/ci-deps.d/serve.sh")
	}
	t.Skip("chromium is not installed; skipping the browser test (bash scripts/ci-deps.d/serve.sh installs it)")
	return ""
}

// runeSpan returns the rune offsets of the first occurrence of sub in s.
func runeSpan(t *testing.T, s, sub string) (int, int) {
	t.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q not in fixture body", sub)
	}
	start := utf8.RuneCountInString(s[:i])
	return start, start + utf8.RuneCountInString(sub)
}

// fixtures are articles with hand-made analysis (entities, places, dates,
// located events with evidence), stored directly, so that the map, table
// and highlights are tested whatever the analysis stages find.
func fixtures(t *testing.T) []*article.Article {
	type ev struct {
		typ, mode, src, srcC, tgt, place, country string
		lat, lon                                  float64
		date, evidence                            string
		killed                                    int
	}
	type fx struct {
		headline, body, date string
		persons, orgs        []string
		places               [][3]string // name, country, "lat,lon"
		dates                [][2]string // text, value
		events               []ev
	}
	list := []fx{
		{
			headline: "Air strikes pound Raqqa as Russian jets widen campaign",
			body: "Russian jets carried out air strikes on Raqqa in northern Syria on Tuesday, killing at least 20 people, a monitoring group said.\n\n" +
				"The Syrian Observatory for Human Rights said the strikes hit a market and an oil depot.\n\n" +
				"Separately, Islamic State fighters shelled government positions near Deir al-Zor on Wednesday.",
			date:   "2015-11-18",
			orgs:   []string{"Syrian Observatory for Human Rights", "Islamic State"},
			places: [][3]string{{"Raqqa", "SY", "35.95,39.01"}, {"Syria", "SY", "35,38"}, {"Deir al-Zor", "SY", "35.33,40.14"}},
			dates:  [][2]string{{"Tuesday", "2015-11-17"}, {"Wednesday", "2015-11-18"}},
			events: []ev{
				{"ASSAULT", "aerial", "Russian jets", "RUS", "", "Raqqa", "SY", 35.95, 39.01, "2015-11-17",
					"Russian jets carried out air strikes on Raqqa in northern Syria on Tuesday, killing at least 20 people, a monitoring group said.", 20},
				{"ASSAULT", "artillery", "Islamic State", "", "government positions", "Deir al-Zor", "SY", 35.33, 40.14, "2015-11-18",
					"Separately, Islamic State fighters shelled government positions near Deir al-Zor on Wednesday.", -1},
			},
		},
		{
			headline: "Protesters rally in Kyiv over corruption ruling",
			body: "Several thousand protesters rallied outside parliament in Kyiv on Sunday after a court freed a former minister, police said.\n\n" +
				"Opposition leader Yulia Tymoshenko told the crowd the ruling was a disgrace.",
			date:    "2015-11-22",
			persons: []string{"Yulia Tymoshenko"},
			places:  [][3]string{{"Kyiv", "UA", "50.45,30.52"}},
			dates:   [][2]string{{"Sunday", "2015-11-22"}},
			events: []ev{
				{"PROTEST", "demonstrate", "protesters", "UKR", "parliament", "Kyiv", "UA", 50.45, 30.52, "2015-11-22",
					"Several thousand protesters rallied outside parliament in Kyiv on Sunday after a court freed a former minister, police said.", -1},
			},
		},
		{
			headline: "Gunmen attack hotel in Bamako, taking hostages",
			body: "Gunmen attacked the Radisson Blu hotel in Bamako on Friday and took about 170 people hostage, the hotel's operator said.\n\n" +
				"Malian troops stormed the building hours later, a security ministry spokesman said.",
			date:   "2015-11-20",
			orgs:   []string{"Radisson Blu"},
			places: [][3]string{{"Bamako", "ML", "12.64,-8.00"}},
			dates:  [][2]string{{"Friday", "2015-11-20"}},
			events: []ev{
				{"ASSAULT", "", "gunmen", "", "Radisson Blu hotel", "Bamako", "ML", 12.64, -8.0, "2015-11-20",
					"Gunmen attacked the Radisson Blu hotel in Bamako on Friday and took about 170 people hostage, the hotel's operator said.", -1},
				{"ASSAULT", "", "Malian troops", "MLI", "gunmen", "Bamako", "ML", 12.64, -8.0, "2015-11-20",
					"Malian troops stormed the building hours later, a security ministry spokesman said.", -1},
			},
		},
	}
	var out []*article.Article
	for _, f := range list {
		a := &article.Article{Headline: f.headline, Body: f.body, Source: "fixture", Language: "en",
			Published: article.Published{Date: f.date, How: article.DateGiven},
			Topics:    []article.Topic{{Label: "Wars and Military Conflicts", IPTC: "16000000", Score: 0.9}}}
		for _, p := range f.persons {
			s, e := runeSpan(t, f.body, p)
			a.Entities = append(a.Entities, article.Entity{Name: p, Type: article.Person, Mentions: []article.Mention{{Start: s, End: e, Text: p}}})
		}
		for _, o := range f.orgs {
			s, e := runeSpan(t, f.body, o)
			a.Entities = append(a.Entities, article.Entity{Name: o, Type: article.Organization, Mentions: []article.Mention{{Start: s, End: e, Text: o}}})
		}
		for _, p := range f.places {
			s, e := runeSpan(t, f.body, p[0])
			var lat, lon float64
			fmt.Sscanf(p[2], "%g,%g", &lat, &lon)
			a.Places = append(a.Places, article.Place{Name: p[0], Country: p[1], Lat: lat, Lon: lon, Mentions: []article.Mention{{Start: s, End: e, Text: p[0]}}})
		}
		for _, d := range f.dates {
			s, e := runeSpan(t, f.body, d[0])
			a.Dates = append(a.Dates, article.Timex{Text: d[0], Start: s, End: e, Value: d[1], Granularity: "day"})
		}
		for _, e := range f.events {
			s, end := runeSpan(t, f.body, e.evidence)
			x := article.Event{Type: e.typ, Mode: e.mode, Source: article.Actor{Name: e.src, Country: e.srcC}, Target: article.Actor{Name: e.tgt},
				Location: &article.EventLocation{Name: e.place, Country: e.country, Lat: e.lat, Lon: e.lon}, Date: e.date,
				Evidence: article.Evidence{Sentence: e.evidence, Start: s, End: end}, Confidence: 0.9}
			if e.killed >= 0 {
				k := e.killed
				x.Fatalities = &k
			}
			a.Events = append(a.Events, x)
		}
		a.ID = article.ComputeID(a)
		a.Normalize()
		out = append(out, a)
	}
	return out
}

// searchWords picks words of a headline to search for it.
func searchWords(headline string) string {
	var ws []string
	for _, w := range strings.FieldsFunc(headline, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) >= 4 {
			ws = append(ws, w)
		}
		if len(ws) == 3 {
			break
		}
	}
	return strings.Join(ws, " ")
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, b)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}

func TestDashboardInBrowser(t *testing.T) {
	exe := chromium(t)
	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := analyze.Default()
	if err != nil {
		t.Fatal(err)
	}
	ui, err := web.New()
	if err != nil {
		t.Fatal(err)
	}
	h := api.New(api.Options{Store: st, Pipeline: p, UI: ui, OpenReads: true,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}).Handler()
	srv := httptest.NewServer(h) // 127.0.0.1
	defer srv.Close()

	// Ingest the seed and the demo articles through the API, like a client.
	var inputs []map[string]string
	seedRaw, err := os.ReadFile(seedPath)
	haveSeed := err == nil
	if haveSeed {
		inputs = append(inputs, map[string]string{"text": string(seedRaw)})
	} else {
		t.Logf("no seed at %s (../shared absent): testing with the demo articles and fixtures only", seedPath)
	}
	demo, _ := filepath.Glob("../../demo/articles/*.txt")
	if len(demo) < 10 {
		t.Fatalf("%d demo articles", len(demo))
	}
	for _, f := range demo {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, map[string]string{"text": string(b)})
	}
	body, _ := json.Marshal(inputs)
	resp, err := http.Post(srv.URL+"/api/v1/articles", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var ing api.IngestResponse
	if err := json.NewDecoder(resp.Body).Decode(&ing); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if ing.New != len(inputs) {
		t.Fatalf("ingest: %+v", ing)
	}
	fx := fixtures(t)
	if _, err := st.Put(ctx, fx); err != nil {
		t.Fatal(err)
	}

	// Articles whose events the browser must show: the seed when the
	// analysis found located events in it, and the fixtures.
	type target struct {
		id, headline string
		events       int // located events
		evidence     string
	}
	var targets []target
	var seed *article.Article
	if haveSeed {
		seed = &article.Article{}
		getJSON(t, srv.URL+"/api/v1/articles/"+ing.Results[0].ID, seed)
		located := 0
		for _, e := range seed.Events {
			if e.Location != nil && (e.Location.Lat != 0 || e.Location.Lon != 0) {
				located++
			}
		}
		t.Logf("seed: %d events (%d located), %d entities, %d places", len(seed.Events), located, len(seed.Entities), len(seed.Places))
		if len(seed.Events) > 0 {
			targets = append(targets, target{seed.ID, seed.Headline, located, seed.Events[0].Evidence.Sentence})
		} else {
			t.Log("the analysis found no events in the seed yet (events stage not merged): map/table/evidence checked on the fixtures")
		}
	}
	for _, a := range fx[:2] {
		targets = append(targets, target{a.ID, a.Headline, len(a.Events), a.Events[0].Evidence.Sentence})
	}

	alloc, cancel := chromedp.NewExecAllocator(ctx, append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1366, 768),
		chromedp.Flag("hide-scrollbars", true))...)
	defer cancel()
	root, cancel := chromedp.NewContext(alloc)
	defer cancel()
	start := time.Now()
	// The first call starts the browser; it must not carry the timeout.
	if err := chromedp.Do(root, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	b := &browser{t: t, out: t.ArtifactDir()}
	var stop context.CancelFunc
	b.ctx, stop = context.WithTimeout(root, 180*time.Second)
	defer stop()

	b.do(chromedp.Navigate(srv.URL+"/"), b.idle())
	t.Logf("browser started and dashboard ready in %v", time.Since(start).Round(time.Millisecond))
	totals := b.text("#totals")
	countries := eval[int](b, `document.querySelectorAll("#map path.land").length`)
	want := fmt.Sprintf("%d articles", len(inputs)+len(fx)) // fewer than 1,000: no separator
	if !strings.Contains(totals, want) || countries < 150 {
		t.Errorf("totals %q (want %q), %d country shapes", totals, want, countries)
	}
	b.shot("dashboard.png")
	// Colours set from script survive the content security policy.
	if bg := eval[string](b, `getComputedStyle(document.querySelector("#events .type")).backgroundColor`); bg == "" || bg == "rgba(0, 0, 0, 0)" {
		t.Errorf("event type badge has no colour (%q): blocked by the CSP?", bg)
	}

	resultIDs := `[...document.querySelectorAll("#results li[data-id]")].map(li => li.dataset.id)`
	// Search finds the seed.
	if seed != nil {
		q := searchWords(seed.Headline)
		b.search(q)
		ids := eval[[]string](b, resultIDs)
		if !slices.Contains(ids, seed.ID) {
			t.Errorf("search %q: results %v do not include the seed %s", q, ids, seed.ID)
		}
		b.shot("search-seed.png")
	}

	for _, tg := range targets {
		q := searchWords(tg.headline)
		b.search(q)
		ids := eval[[]string](b, resultIDs)
		mapCount := eval[int](b, `[...document.querySelectorAll("#map circle.cl")].reduce((n, c) => n + +c.dataset.count, 0)`)
		rowSel := fmt.Sprintf(`#events tr[data-article=%q]`, tg.id)
		rows := eval[int](b, fmt.Sprintf(`document.querySelectorAll('%s').length`, rowSel))
		if len(ids) == 0 || ids[0] != tg.id {
			t.Errorf("search %q: results %v, want %s first", q, ids, tg.id)
		}
		if mapCount < tg.events {
			t.Errorf("search %q: %d events on the map, want at least %d", q, mapCount, tg.events)
		}
		if rows == 0 {
			t.Fatalf("search %q: no row of article %s in the event table", q, tg.id)
		}
		// Open the article from its first event row: its evidence is highlighted and focused.
		idx := eval[int](b, fmt.Sprintf(`+document.querySelector('%s').dataset.index`, rowSel))
		b.do(chromedp.Click(chromedp.CSS(rowSel)), chromedp.WaitVisible(chromedp.CSS(`#article mark.ev.focus`)))
		focused := eval[string](b, `[...document.querySelectorAll("#article-body mark.ev.focus")].map(m => m.textContent).join("")`)
		marks := eval[int](b, `document.querySelectorAll("#article-body mark.ev").length`)
		names := eval[int](b, `document.querySelectorAll("#article-body .hl").length`)
		var a article.Article
		getJSON(t, srv.URL+"/api/v1/articles/"+tg.id, &a)
		if want := a.Events[idx].Evidence.Sentence; focused != want {
			t.Errorf("article %s: focused evidence %q, want %q", tg.id, focused, want)
		}
		if marks == 0 || (len(a.Entities)+len(a.Places)+len(a.Dates) > 0 && names == 0) {
			t.Errorf("article %s: %d evidence marks, %d name/date highlights", tg.id, marks, names)
		}
		b.shot("article-" + tg.id + ".png")
		b.do(chromedp.Click(chromedp.CSS(`#close-article`)), chromedp.WaitNotVisible(chromedp.CSS(`#article`)))
	}

	// Highlights of every kind, on the fixture that has them all.
	b.do(chromedp.Navigate(srv.URL+"/#article="+fx[0].ID), chromedp.WaitVisible(chromedp.CSS(`#article mark.ev`)))
	kinds := eval[map[string]int](b, `({org: document.querySelectorAll("#article-body .ent-ORGANIZATION").length,
		place: document.querySelectorAll("#article-body .hl.place").length,
		date: document.querySelectorAll("#article-body .hl.date").length,
		ev: new Set([...document.querySelectorAll("#article-body mark.ev")].flatMap(m => m.dataset.ev.split(" "))).size,
		events: document.querySelectorAll("#article-events li[data-ev]").length})`)
	if kinds["org"] < 2 || kinds["place"] < 3 || kinds["date"] < 2 || kinds["ev"] != 2 || kinds["events"] != 2 {
		t.Errorf("highlights %v", kinds)
	}
	// Clicking an event in the side list focuses its evidence.
	b.do(chromedp.Click(chromedp.CSS(`#article-events li[data-ev="1"]`)))
	if focused := eval[string](b, `[...document.querySelectorAll("#article-body mark.ev.focus")].map(m => m.textContent).join("")`); focused != fx[0].Events[1].Evidence.Sentence {
		t.Errorf("side list focus %q", focused)
	}

	// The event-type facet filters the table; the CSV link carries the filter.
	b.do(chromedp.Navigate(srv.URL+"/#type=PROTEST"), b.idle())
	href, err := chromedp.Run(b.ctx, chromedp.AttributeValue(chromedp.CSS(`#csv`), "href"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(href.Value, "format=csv") || !strings.Contains(href.Value, "type=PROTEST") {
		t.Errorf("csv link %q", href.Value)
	}
	// as many rows as the API has PROTEST events (the table's first page)
	var protests struct {
		Items []json.RawMessage `json:"items"`
	}
	getJSON(t, srv.URL+"/api/v1/events?type=PROTEST&limit=100", &protests)
	if rows := eval[int](b, `document.querySelectorAll("#events tr[data-article]").length`); rows != len(protests.Items) || rows == 0 {
		t.Errorf("type=PROTEST: %d event rows, want %d (the API's)", rows, len(protests.Items))
	}

	// The actor box filters the events by source or target name, as the API does.
	b.do(chromedp.Navigate(srv.URL+"/"), b.idle(), chromedp.SendKeys(chromedp.CSS(`#actor`), "Russia"), chromedp.Sleep(700*time.Millisecond), b.idle())
	var byActor struct {
		Items []json.RawMessage `json:"items"`
	}
	getJSON(t, srv.URL+"/api/v1/events?actor=Russia&limit=100", &byActor)
	if rows := eval[int](b, `document.querySelectorAll("#events tr[data-article]").length`); rows != len(byActor.Items) {
		t.Errorf("actor=Russia: %d event rows, want %d (the API's)", rows, len(byActor.Items))
	}
	if h := eval[string](b, `location.hash`); !strings.Contains(h, "actor=Russia") {
		t.Errorf("hash %q lacks the actor filter", h)
	}

	// Clicking a map cluster filters the table to its area: the cluster
	// nearest Bamako holds the fixture's two events there (and whatever
	// else the analysis located close by).
	b.do(chromedp.Navigate(srv.URL+"/"), b.idle())
	count := eval[int](b, `(() => {
		let best = null, bd = 1e9;
		for (const c of document.querySelectorAll("#map circle.cl")) {
			const d = Math.hypot(+c.dataset.lat - 12.64, +c.dataset.lon + 8.0);
			if (d < bd) { bd = d; best = c; }
		}
		if (!best) return -1;
		best.dispatchEvent(new MouseEvent("click", {bubbles: true}));
		return +best.dataset.count;
	})()`)
	b.do(chromedp.Sleep(300*time.Millisecond), b.idle())
	rows := eval[[]string](b, `[...document.querySelectorAll("#events tr[data-article]")].map(r => r.dataset.article)`)
	bamako := 0
	for _, id := range rows {
		if id == fx[2].ID {
			bamako++
		}
	}
	if count < 2 || len(rows) != min(count, 100) || bamako != 2 {
		t.Errorf("after clicking the Bamako cluster (%d events): rows of %v, want the cluster's events with the 2 of %s", count, rows, fx[2].ID)
	}

	// Typing part of an entity's name suggests it as a phrase.
	b.do(chromedp.Navigate(srv.URL+"/"), b.idle(), chromedp.SendKeys(chromedp.CSS(`#q`), "Tymo"), chromedp.Sleep(700*time.Millisecond), b.idle())
	if opts := eval[[]string](b, `[...document.querySelectorAll("#entity-list option")].map(o => o.value)`); !slices.Contains(opts, `"Yulia Tymoshenko"`) {
		t.Errorf("entity suggestions for Tymo: %v", opts)
	}

	// Clicking a timeline bar sets the date range to its day (or the days
	// one bar stands for when the timeline is binned), and the table follows.
	b.do(chromedp.Navigate(srv.URL+"/"), b.idle())
	from := eval[string](b, `document.querySelector("#timeline g.bar-r").dataset.from`)
	to := eval[string](b, `document.querySelector("#timeline g.bar-r").dataset.to`)
	b.do(chromedp.Click(chromedp.CSS(`#timeline g.bar-r rect`)), chromedp.Sleep(150*time.Millisecond), b.idle())
	got := eval[[]string](b, `(() => { const h = new URLSearchParams(location.hash.slice(1));
		return [h.get("from") || "", h.get("to") || "", ...[...document.querySelectorAll("#events tbody tr[data-article] td:first-child")].map(td => td.textContent)]; })()`)
	if len(got) < 3 || got[0] != from || got[1] != to {
		t.Errorf("after clicking the first timeline bar (%s to %s): hash and event dates %q", from, to, got)
	} else {
		for _, d := range got[2:] {
			if d < from || d > to {
				t.Errorf("after clicking the first timeline bar (%s to %s): event of %s in the table", from, to, d)
			}
		}
	}

	// Adding an article through the form stores it, analysed, and opens it;
	// the same text again is a duplicate.
	var before api.Stats
	getJSON(t, srv.URL+"/api/v1/stats", &before)
	added := "Rebels shell Goma airport\n\nRebels shelled the airport in Goma, in eastern Congo, on Tuesday, killing three soldiers, the army said."
	b.do(chromedp.Navigate(srv.URL+"/"), b.idle(), chromedp.Click(chromedp.CSS(`#add summary`)),
		chromedp.SendKeys(chromedp.CSS(`#add-text`), added), chromedp.Click(chromedp.CSS(`#add-submit`)),
		chromedp.WaitVisible(chromedp.CSS(`#article`)))
	if h := b.text("#article-headline"); h != "Rebels shell Goma airport" {
		t.Errorf("after adding an article the view shows %q", h)
	}
	if st := b.text("#add-status"); !strings.HasPrefix(st, "stored: ") {
		t.Errorf("add status %q", st)
	}
	var after api.Stats
	getJSON(t, srv.URL+"/api/v1/stats", &after)
	if after.Articles != before.Articles+1 {
		t.Errorf("articles %d -> %d after adding one", before.Articles, after.Articles)
	}
	b.shot("added.png")
	b.do(chromedp.Click(chromedp.CSS(`#close-article`)), chromedp.WaitNotVisible(chromedp.CSS(`#article`)),
		chromedp.SendKeys(chromedp.CSS(`#add-text`), added), chromedp.Click(chromedp.CSS(`#add-submit`)),
		chromedp.WaitVisible(chromedp.CSS(`#article`)))
	if st := b.text("#add-status"); !strings.HasPrefix(st, "already stored: ") {
		t.Errorf("add status after adding the same text again: %q", st)
	}

	// Dark mode renders too.
	b.media("dark")
	b.do(chromedp.Navigate(srv.URL+"/"), b.idle())
	if bg := eval[string](b, `getComputedStyle(document.body).backgroundColor`); bg != "rgb(18, 22, 27)" {
		t.Errorf("dark mode background %q", bg)
	}
	b.shot("dashboard-dark.png")
	b.do(chromedp.Navigate(srv.URL+"/#article="+fx[0].ID+"&ev=0"), chromedp.WaitVisible(chromedp.CSS(`#article mark.ev.focus`)))
	b.shot("article-dark.png")

	if dst := os.Getenv("SITREP_DASHBOARD_PNG"); dst != "" {
		// The README's picture: the dashboard searched for the word of the
		// seed's headline that finds the seed and the most located events
		// (then the most articles), so the seed is in the list and the map
		// shows what else mentions it.
		q := ""
		if seed != nil {
			bestEv, bestHits := -1, 0
			for _, w := range strings.Fields(seed.Headline) {
				w = strings.Trim(w, ".,:;'\"")
				if len(w) < 4 {
					continue
				}
				var page struct{ Items []store.Hit }
				getJSON(t, srv.URL+"/api/v1/articles?limit=100&q="+w, &page)
				if !slices.ContainsFunc(page.Items, func(h store.Hit) bool { return h.ID == seed.ID }) {
					continue
				}
				var cl api.Clusters
				getJSON(t, srv.URL+"/api/v1/events/clusters?q="+w, &cl)
				if cl.Total > bestEv || cl.Total == bestEv && len(page.Items) > bestHits {
					bestEv, bestHits, q = cl.Total, len(page.Items), w
				}
			}
		}
		b.media("light")
		b.do(emulateViewport(1366, 768), chromedp.Navigate(srv.URL+"/"), b.idle())
		if q != "" {
			b.search(q)
		}
		b.do(chromedp.Sleep(200 * time.Millisecond))
		png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d KB), search %q", dst, len(png)>>10, q)
	}
	t.Logf("screenshots in %s", b.out)
}

func emulateViewport(w, h int64) chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(w, h)
}

// browser is one tab with test helpers that fail the test on error.
type browser struct {
	t   *testing.T
	ctx context.Context
	out string
}

func (b *browser) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatal(err)
	}
}

func eval[T any](b *browser, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

func (b *browser) text(sel string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatal(err)
	}
	return v
}

// idle waits until the page has loaded and no refresh is running.
func (b *browser) idle() chromedp.Action[chromedp.Void] {
	return chromedp.WaitVisible(chromedp.CSS(`body[data-ready="1"]:not([data-loading="1"])`))
}

func (b *browser) search(q string) {
	b.t.Helper()
	// Type into the box and press Enter, as a person would.
	eval[chromedp.Void](b, `document.querySelector("#q").value = ""`)
	b.do(chromedp.SendKeys(chromedp.CSS(`#q`), q+"\r"), chromedp.Sleep(150*time.Millisecond), b.idle())
	if got := eval[string](b, `new URLSearchParams(location.hash.slice(1)).get("q") || ""`); got != q {
		b.t.Fatalf("after searching %q the page state has q=%q", q, got)
	}
}

func (b *browser) shot(name string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(b.out, name), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

func (b *browser) media(scheme string) {
	b.t.Helper()
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
		b.t.Fatal(err)
	}
}

// TestDashboardLargeStore measures the dashboard on a big store (make
// bench-serve passes its 100,000-article store in SITREP_LARGE_DB).
func TestDashboardLargeStore(t *testing.T) {
	path := os.Getenv("SITREP_LARGE_DB")
	if path == "" {
		t.Skip("set SITREP_LARGE_DB to a store (make bench-serve does) to measure the dashboard on it")
	}
	exe := chromium(t)
	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ui, err := web.New()
	if err != nil {
		t.Fatal(err)
	}
	p, err := analyze.Default()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.New(api.Options{Store: st, Pipeline: p, UI: ui, OpenReads: true}).Handler())
	defer srv.Close()
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	alloc, cancel := chromedp.NewExecAllocator(ctx, append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1366, 768))...)
	defer cancel()
	root, cancel := chromedp.NewContext(alloc)
	defer cancel()
	if err := chromedp.Do(root, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	b := &browser{t: t, out: t.ArtifactDir()}
	var stop context.CancelFunc
	b.ctx, stop = context.WithTimeout(root, 2*time.Minute)
	defer stop()
	for _, run := range []string{"first load (cold cache)", "second load"} {
		start := time.Now()
		b.do(chromedp.Navigate(srv.URL+"/"), b.idle())
		t.Logf("%d articles, %d events: dashboard ready in %v (%s)", stats.Articles, stats.Events, time.Since(start).Round(time.Millisecond), run)
	}
	clusters := eval[int](b, `document.querySelectorAll("#map circle.cl").length`)
	rows := eval[int](b, `document.querySelectorAll("#events tr[data-article]").length`)
	if clusters == 0 || rows == 0 {
		t.Errorf("%d clusters, %d event rows", clusters, rows)
	}
	start := time.Now()
	b.search("aleppo")
	t.Logf("search \"aleppo\" with map, timeline and table refreshed in %v", time.Since(start).Round(time.Millisecond))
	start = time.Now()
	b.do(chromedp.Click(chromedp.CSS("#zoom-in")), chromedp.Sleep(300*time.Millisecond), b.idle())
	t.Logf("zoom in and recluster in %v (includes a 200 ms debounce)", time.Since(start).Round(time.Millisecond))
	b.shot("large.png")
}
