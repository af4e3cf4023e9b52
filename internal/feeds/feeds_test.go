package feeds

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"sitrep/internal/analyze"
	"sitrep/internal/article"
	"sitrep/internal/fetch"
	"sitrep/internal/store"
)

// site serves feeds and article pages from memory and counts requests.
type site struct {
	mu       sync.Mutex
	feeds    map[string]*feedDoc // path -> feed
	pages    map[string]int      // page path -> hits
	feedHits map[string]int
	times    []time.Time // arrival of every request
	srv      *httptest.Server
}

type feedDoc struct {
	body        string
	etag        string // "" = no ETag support
	lastMod     string // "" = no Last-Modified support
	contentType string
}

func newSite(t *testing.T) *site {
	s := &site{feeds: map[string]*feedDoc{}, pages: map[string]int{}, feedHits: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.times = append(s.times, time.Now())
	if f, ok := s.feeds[r.URL.Path]; ok {
		s.feedHits[r.URL.Path]++
		if (f.etag != "" && r.Header.Get("If-None-Match") == f.etag) ||
			(f.lastMod != "" && r.Header.Get("If-Modified-Since") == f.lastMod) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		if f.etag != "" {
			w.Header().Set("ETag", f.etag)
		}
		if f.lastMod != "" {
			w.Header().Set("Last-Modified", f.lastMod)
		}
		ct := f.contentType
		if ct == "" {
			ct = "application/rss+xml"
		}
		w.Header().Set("Content-Type", ct)
		fmt.Fprint(w, f.body)
		return
	}
	if strings.HasPrefix(r.URL.Path, "/a/") {
		s.pages[r.URL.Path]++
		name := strings.TrimPrefix(r.URL.Path, "/a/")
		if strings.HasPrefix(name, "missing") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html><head><title>Story %[1]s</title></head><body>
<nav><p>Home | World | Sport</p></nav>
<article><h1>Floods hit region %[1]s</h1>
<p>Heavy rain caused floods in region %[1]s on Monday, officials said.</p>
<p>Rescue teams evacuated hundreds of residents from low-lying villages.</p></article>
</body></html>`, name)
		return
	}
	http.NotFound(w, r)
}

func (s *site) pageHits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, h := range s.pages {
		n += h
	}
	return n
}

func (s *site) setFeed(path string, f *feedDoc) {
	s.mu.Lock()
	s.feeds[path] = f
	s.mu.Unlock()
}

func rss(title string, items ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%s</title><link>http://example.com/</link>`, title)
	for _, it := range items {
		fmt.Fprintf(&b, `<item><title>Item %[1]s</title><link>/a/%[1]s</link><guid isPermaLink="false">guid-%[1]s</guid><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate></item>`, it)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func atom(base string, items ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><id>urn:x</id><updated>2026-03-02T10:00:00Z</updated>`)
	for _, it := range items {
		fmt.Fprintf(&b, `<entry><title>Entry %[2]s</title><id>urn:entry:%[2]s</id><link href="%[1]s/a/%[2]s"/><updated>2026-03-02T11:00:00Z</updated><author><name>A. Writer</name></author></entry>`, base, it)
	}
	b.WriteString(`</feed>`)
	return b.String()
}

// countStage stands in for the analysis pipeline and counts its calls.
type countStage struct{ n atomic.Int64 }

func (c *countStage) Name() string { return "count" }
func (c *countStage) Apply(_ context.Context, a *article.Article) error {
	c.n.Add(1)
	a.GivenLabel = "analysed"
	return nil
}

func newPoller(t *testing.T, delay time.Duration) (*Poller, *store.SQLite, *countStage) {
	t.Helper()
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "feeds.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cs := &countStage{}
	return &Poller{
		Fetcher:  fetch.New(fetch.Options{AllowPrivate: true, Timeout: 5 * time.Second}),
		Feeds:    st,
		Articles: st,
		Pipeline: &analyze.Pipeline{Stages: []analyze.Stage{cs}},
		Delay:    delay,
	}, st, cs
}

// TestPollTwiceFetchesNothingNew is the acceptance test: feeds and pages
// served locally, two polls, and the second one fetches no page (the
// feeds answer 304, or are unchanged and every item is already seen).
func TestPollTwiceFetchesNothingNew(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	s.setFeed("/rss.xml", &feedDoc{body: rss("RSS News", "1", "2", "3"), etag: `"v1"`})
	s.setFeed("/atom.xml", &feedDoc{body: atom(s.srv.URL, "2", "4"), lastMod: "Mon, 02 Mar 2026 11:00:00 GMT", contentType: "application/atom+xml"})
	s.setFeed("/plain.xml", &feedDoc{body: rss("No Validators", "5", "5")}) // always 200, item listed twice
	p, st, cs := newPoller(t, 5*time.Millisecond)
	for _, f := range []string{"/rss.xml", "/atom.xml", "/plain.xml"} {
		if _, _, err := st.AddFeed(ctx, s.srv.URL+f); err != nil {
			t.Fatal(err)
		}
	}
	r1, err := p.PollAll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// 1,2,3 from RSS; 4 from Atom (its 2 is the RSS item's page); 5 once
	want1 := Result{Feeds: 3, Items: 3 + 2 + 2, Seen: 2, Fetched: 5, Stored: 5}
	if r1 != want1 {
		t.Fatalf("first poll %+v\n want %+v", r1, want1)
	}
	if n := s.pageHits(); n != 5 {
		t.Fatalf("first poll fetched %d pages, want 5", n)
	}
	if c, _ := st.Count(ctx); c != 5 {
		t.Fatalf("store has %d articles, want 5", c)
	}
	if cs.n.Load() != 5 {
		t.Errorf("pipeline ran %d times, want 5", cs.n.Load())
	}

	r2, err := p.PollAll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want2 := Result{Feeds: 3, NotModified: 2, Items: 2, Seen: 2}
	if r2 != want2 {
		t.Fatalf("second poll %+v\n want %+v", r2, want2)
	}
	if n := s.pageHits(); n != 5 {
		t.Fatalf("second poll fetched %d more pages", n-5)
	}
	if c, _ := st.Count(ctx); c != 5 {
		t.Fatalf("store has %d articles after second poll", c)
	}

	// the RSS feed changes: only the new item's page is fetched
	s.setFeed("/rss.xml", &feedDoc{body: rss("RSS News", "6", "1", "2", "3"), etag: `"v2"`})
	r3, err := p.PollAll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r3.Fetched != 1 || r3.Stored != 1 || r3.NotModified != 1 {
		t.Fatalf("third poll %+v", r3)
	}

	// stored articles carry what the feed knew
	hits, _, err := st.Search(ctx, store.Query{Text: "floods region 4"})
	if err != nil || len(hits) == 0 {
		t.Fatalf("search: %v %v", hits, err)
	}
	a, err := st.Get(ctx, hits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.URL != s.srv.URL+"/a/4" || a.Headline != "Floods hit region 4" || a.Source != "Atom News" ||
		a.Byline != "A. Writer" || a.Published.How != article.DateGiven || !strings.HasPrefix(a.Published.Date, "2026-03-02") ||
		a.GivenLabel != "analysed" {
		t.Errorf("stored article: %+v", a)
	}
	fs, _ := st.Feeds(ctx)
	if fs[0].Title != "RSS News" || fs[0].ETag != `"v2"` || fs[0].Articles != 4 || fs[0].LastPolled == "" {
		t.Errorf("feed state: %+v", fs[0])
	}
}

func TestPolitenessDelay(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	s.setFeed("/rss.xml", &feedDoc{body: rss("RSS", "1", "2", "3", "4")})
	const delay = 40 * time.Millisecond
	p, st, _ := newPoller(t, delay)
	p.Workers = 4
	st.AddFeed(ctx, s.srv.URL+"/rss.xml")
	if _, err := p.PollAll(ctx); err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	times := append([]time.Time(nil), s.times...)
	s.mu.Unlock()
	if len(times) != 5 {
		t.Fatalf("%d requests, want 5", len(times))
	}
	sort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })
	for i := 1; i < len(times); i++ {
		if gap := times[i].Sub(times[i-1]); gap < delay*8/10 {
			t.Errorf("requests %d and %d to one host only %v apart (delay %v)", i-1, i, gap, delay)
		}
	}
}

func TestFailedItemsAreRetriedThenGivenUp(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	s.setFeed("/rss.xml", &feedDoc{body: rss("RSS", "1", "missing"), etag: `"v1"`})
	p, st, _ := newPoller(t, -1)
	p.MaxAttempts = 2
	st.AddFeed(ctx, s.srv.URL+"/rss.xml")
	var got []Result
	for i := 0; i < 4; i++ {
		r, err := p.PollAll(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, r)
	}
	want := []Result{
		{Feeds: 1, Items: 2, Fetched: 1, Stored: 1, Failed: 1}, // 404, attempt 1: validators not kept
		{Feeds: 1, Items: 2, Seen: 1, Failed: 1},               // attempt 2 = MaxAttempts: validators kept
		{Feeds: 1, NotModified: 1},
		{Feeds: 1, NotModified: 1},
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("poll %d: %+v\n want %+v", i+1, got[i], want[i])
		}
	}
	if h := s.pages["/a/missing"]; h != 2 {
		t.Errorf("missing page requested %d times, want 2", h)
	}
}

func TestFeedErrorsAndItemContent(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	body := strings.Repeat("Officials said the storm damaged roads and bridges across the province. ", 5)
	s.setFeed("/content.xml", &feedDoc{body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Content Only</title>
<item><title>Storm damage</title><description><![CDATA[<p>` + body + `</p>]]></description></item></channel></rss>`})
	s.setFeed("/broken.xml", &feedDoc{body: "this is not a feed"})
	p, st, _ := newPoller(t, -1)
	st.AddFeed(ctx, s.srv.URL+"/content.xml")
	st.AddFeed(ctx, s.srv.URL+"/broken.xml")
	st.AddFeed(ctx, s.srv.URL+"/gone.xml")
	r, err := p.PollAll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r.Feeds != 3 || r.FeedErrors != 2 || r.Stored != 1 {
		t.Fatalf("poll: %+v", r)
	}
	fs, _ := st.Feeds(ctx)
	if fs[1].LastError == "" || fs[2].LastError == "" || fs[0].LastError != "" {
		t.Errorf("errors not recorded: %+v", fs)
	}
	hits, _, _ := st.Search(ctx, store.Query{Text: "storm"})
	if len(hits) != 1 || hits[0].Headline != "Storm damage" {
		t.Errorf("content item: %+v", hits)
	}
}

func TestResolveAndKey(t *testing.T) {
	cases := []struct{ base, link, want string }{
		{"http://x.com/feed", "/a/1#top", "http://x.com/a/1"},
		{"http://x.com/f/rss", "b.html", "http://x.com/f/b.html"},
		{"http://x.com/", "https://y.org/z", "https://y.org/z"},
		{"http://x.com/", "javascript:alert(1)", ""},
		{"http://x.com/", "", ""},
	}
	for _, c := range cases {
		if got := resolve(c.base, c.link); got != c.want {
			t.Errorf("resolve(%q, %q) = %q, want %q", c.base, c.link, got, c.want)
		}
	}
}

func FuzzFeedItems(f *testing.F) {
	f.Add(rss("T", "1", "2"))
	f.Add(atom("http://x", "1"))
	f.Add(`<rss><channel><item><guid>http://x/a</guid></item></channel></rss>`)
	f.Add(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","url":"/x"}]}`)
	f.Fuzz(func(t *testing.T, doc string) {
		// parsing any bytes and deriving keys and links never panics
		items, _ := parseItems([]byte(doc))
		for _, it := range items {
			if itemKey(it) == "" {
				t.Fatal("empty item key")
			}
			if l := itemLink("http://feed.test/rss", it); l != "" && !strings.HasPrefix(l, "http") {
				t.Fatalf("bad link %q", l)
			}
		}
	})
}

func TestRunPollsOnSchedule(t *testing.T) {
	s := newSite(t)
	s.setFeed("/rss.xml", &feedDoc{body: rss("RSS", "1"), etag: `"e"`})
	p, st, _ := newPoller(t, -1)
	st.AddFeed(context.Background(), s.srv.URL+"/rss.xml")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var rounds []Result
	err := p.Run(ctx, 30*time.Millisecond, func(r Result, err error) {
		if err != nil {
			t.Error(err)
		}
		rounds = append(rounds, r)
		if len(rounds) == 3 {
			cancel()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rounds) != 3 || rounds[0].Stored != 1 || rounds[1].NotModified != 1 || rounds[2].NotModified != 1 {
		t.Fatalf("rounds: %+v", rounds)
	}
	if s.feedHits["/rss.xml"] != 3 {
		t.Errorf("feed fetched %d times", s.feedHits["/rss.xml"])
	}
	if err := p.Run(ctx, 0, nil); err == nil {
		t.Error("Run with interval 0 did not fail")
	}
}

func TestLimiterHonoursRetryAfter(t *testing.T) {
	l := newHostLimiter(time.Millisecond)
	ctx := context.Background()
	rel, err := l.acquire(ctx, "a.test")
	if err != nil {
		t.Fatal(err)
	}
	l.honour("a.test", &fetch.StatusError{Code: 429, RetryAfter: 150 * time.Millisecond})
	l.honour("b.test", &fetch.StatusError{Code: 404, RetryAfter: time.Hour}) // not a back-off status
	rel()
	start := time.Now()
	rel, _ = l.acquire(ctx, "a.test")
	rel()
	if waited := time.Since(start); waited < 120*time.Millisecond {
		t.Errorf("waited %v after Retry-After 150ms", waited)
	}
	start = time.Now()
	rel, _ = l.acquire(ctx, "b.test")
	rel()
	if waited := time.Since(start); waited > 100*time.Millisecond {
		t.Errorf("b.test held back %v", waited)
	}
	l.honour("c.test", &fetch.StatusError{Code: 429, RetryAfter: 10 * time.Minute})
	if _, err := l.acquire(ctx, "c.test"); !errors.Is(err, errHostBackoff) {
		t.Errorf("long Retry-After: %v", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	l.honour("a.test", &fetch.StatusError{Code: 503, RetryAfter: time.Minute})
	cancel()
	if _, err := l.acquire(cctx, "a.test"); err == nil {
		t.Error("acquire ignored a cancelled context")
	}
}

func TestLatin1Feed(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	// an ISO-8859-1 feed: the fetcher must leave it alone for the XML decoder
	s.setFeed("/latin1.xml", &feedDoc{contentType: "application/rss+xml; charset=ISO-8859-1",
		body: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Journal de Montr\xe9al</title>" +
			"<item><title>Fl\xe8che</title><link>/a/7</link></item></channel></rss>"})
	p, st, _ := newPoller(t, -1)
	st.AddFeed(ctx, s.srv.URL+"/latin1.xml")
	r, err := p.PollAll(ctx)
	if err != nil || r.Stored != 1 {
		t.Fatalf("poll: %+v %v", r, err)
	}
	fs, _ := st.Feeds(ctx)
	if fs[0].Title != "Journal de Montréal" {
		t.Errorf("feed title %q", fs[0].Title)
	}
}
