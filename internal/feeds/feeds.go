// Package feeds polls RSS, Atom and JSON feeds and turns their items into
// stored articles: each feed is fetched with a conditional GET (ETag,
// Last-Modified), parsed with gofeed, and every item not seen before (by
// GUID within the feed, or by link in any feed) has its linked page
// fetched, extracted, analysed and stored. Requests to one host are spaced
// by a politeness delay.
//
// It does not fetch over HTTP itself (see fetch), extract text (see
// extract) or decide what an article means (see analyze); it owns the
// polling schedule and the seen-item bookkeeping kept in the store.
package feeds

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"

	"sitrep/internal/analyze"
	"sitrep/internal/article"
	"sitrep/internal/extract"
	"sitrep/internal/fetch"
	"sitrep/internal/nlp"
	"sitrep/internal/store"
)

// ArticleStore is the part of store.Store the poller writes to.
type ArticleStore interface {
	Put(ctx context.Context, arts []*article.Article) ([]bool, error)
}

// Defaults for Poller fields left zero.
const (
	DefaultDelay       = time.Second
	DefaultWorkers     = 4
	DefaultMaxItems    = 100
	DefaultMaxAttempts = 3
)

// Poller polls feeds. Build one with the fields set, then call PollAll or
// Run; it is safe to share between goroutines.
type Poller struct {
	Fetcher     *fetch.Fetcher
	Feeds       store.FeedStore
	Articles    ArticleStore
	Pipeline    *analyze.Pipeline // nil: store extracted articles unanalysed
	Delay       time.Duration     // from the end of one request to a host to the next; default 1s, negative for none
	Workers     int               // pages fetched at once; default 4
	MaxItems    int               // items read per feed per poll; default 100
	MaxAttempts int               // page fetches per item before it is given up; default 3
	Logger      *slog.Logger      // default slog.Default()

	once    sync.Once
	limiter *hostLimiter
}

// Result counts what a poll did.
type Result struct {
	Feeds       int `json:"feeds"`        // feeds polled
	NotModified int `json:"not_modified"` // feeds answering 304
	FeedErrors  int `json:"feed_errors"`  // feeds that could not be fetched or parsed
	Items       int `json:"items"`        // items in the feeds fetched
	Seen        int `json:"seen"`         // items skipped as already seen
	Fetched     int `json:"fetched"`      // pages fetched
	Stored      int `json:"stored"`       // new articles stored
	Duplicates  int `json:"duplicates"`   // articles the store already had
	Failed      int `json:"failed"`       // items whose page could not be fetched, extracted or analysed
}

func (r *Result) add(o Result) {
	r.Feeds += o.Feeds
	r.NotModified += o.NotModified
	r.FeedErrors += o.FeedErrors
	r.Items += o.Items
	r.Seen += o.Seen
	r.Fetched += o.Fetched
	r.Stored += o.Stored
	r.Duplicates += o.Duplicates
	r.Failed += o.Failed
}

func (p *Poller) init() {
	p.once.Do(func() {
		d := p.Delay
		if d == 0 {
			d = DefaultDelay
		}
		p.limiter = newHostLimiter(d)
	})
}

func (p *Poller) log() *slog.Logger {
	if p.Logger != nil {
		return p.Logger
	}
	return slog.Default()
}

func orDefault(v, d int) int {
	if v <= 0 {
		return d
	}
	return v
}

// Run polls every feed now and then once per every until ctx is done,
// calling report after each round. A round's feed and page failures are
// counted in its Result; only a store failure ends the loop early.
func (p *Poller) Run(ctx context.Context, every time.Duration, report func(Result, error)) error {
	if every <= 0 {
		return errors.New("feeds: poll interval must be positive")
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		res, err := p.PollAll(ctx)
		if report != nil {
			report(res, err)
		}
		if err != nil && ctx.Err() == nil {
			return err
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// PollAll polls every feed in the store once, one feed after another.
// A feed that fails is recorded in its LastError and counted; the error
// returned is a store failure or cancellation.
func (p *Poller) PollAll(ctx context.Context) (Result, error) {
	feeds, err := p.Feeds.Feeds(ctx)
	if err != nil {
		return Result{}, err
	}
	var total Result
	for i := range feeds {
		res, err := p.PollFeed(ctx, &feeds[i])
		total.add(res)
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// PollFeed polls one feed and saves its new state in the store.
func (p *Poller) PollFeed(ctx context.Context, f *store.Feed) (Result, error) {
	p.init()
	res := Result{Feeds: 1}
	log := p.log().With("feed", f.URL)
	f.LastPolled = time.Now().UTC().Format(time.RFC3339)
	fail := func(err error) (Result, error) {
		res.FeedErrors++
		f.LastError = err.Error()
		log.Warn("feed failed", "err", err)
		return res, p.Feeds.UpdateFeed(ctx, *f)
	}
	release, err := p.limiter.acquire(ctx, hostOf(f.URL))
	if errors.Is(err, errHostBackoff) {
		return fail(err)
	}
	if err != nil {
		return res, err
	}
	resp, err := p.Fetcher.Get(ctx, fetch.Request{URL: f.URL, Accept: fetch.AcceptFeed,
		ETag: f.ETag, LastModified: f.LastModified, KeepEncoding: true})
	p.limiter.honour(hostOf(f.URL), err)
	release()
	if err != nil {
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
		return fail(err)
	}
	if resp.NotModified {
		res.NotModified++
		f.LastError = ""
		log.Debug("feed not modified")
		return res, p.Feeds.UpdateFeed(ctx, *f)
	}
	parsed, err := parseFeed(resp.Body)
	if err != nil {
		return fail(err)
	}
	if t := strings.TrimSpace(parsed.Title); t != "" {
		f.Title = t
	}
	var items []*gofeed.Item
	for _, it := range parsed.Items {
		if it != nil {
			items = append(items, it)
		}
	}
	if max := orDefault(p.MaxItems, DefaultMaxItems); len(items) > max {
		items = items[:max]
	}
	res.Items = len(items)
	retry, err := p.items(ctx, f, resp.URL, items, &res)
	if err != nil {
		return res, err
	}
	f.LastError = ""
	// Keep the validators only when nothing is left to retry: a 304 next
	// time would otherwise hide the failed items until the feed changes.
	if retry {
		f.ETag, f.LastModified = "", ""
	} else {
		f.ETag, f.LastModified = resp.ETag, resp.LastModified
	}
	log.Debug("feed polled", "items", res.Items, "seen", res.Seen, "stored", res.Stored, "failed", res.Failed)
	return res, p.Feeds.UpdateFeed(ctx, *f)
}

// items processes a feed's items with Workers goroutines. It reports
// whether some item failed and is worth retrying.
func (p *Poller) items(ctx context.Context, f *store.Feed, feedURL string, items []*gofeed.Item, res *Result) (bool, error) {
	var mu sync.Mutex
	var retry bool
	var firstErr error
	jobs := make(chan *gofeed.Item)
	var wg sync.WaitGroup
	for w := 0; w < orDefault(p.Workers, DefaultWorkers); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range jobs {
				var r Result
				again, err := p.item(ctx, f, feedURL, it, &r)
				mu.Lock()
				res.add(r)
				retry = retry || again
				if err != nil && firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
			}
		}()
	}
	// a feed lists the same item twice now and then: take each key once
	seen := map[string]bool{}
	for _, it := range items {
		if ctx.Err() != nil {
			break
		}
		k, l := itemKey(it), itemLink(feedURL, it)
		if seen[k] || (l != "" && seen[l]) {
			mu.Lock()
			res.Seen++
			mu.Unlock()
			continue
		}
		seen[k] = true
		if l != "" {
			seen[l] = true
		}
		jobs <- it
	}
	close(jobs)
	wg.Wait()
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	return retry, firstErr
}

// item fetches, extracts, analyses and stores one item unless it was seen.
// Only store failures are returned as errors.
func (p *Poller) item(ctx context.Context, f *store.Feed, feedURL string, it *gofeed.Item, res *Result) (bool, error) {
	key, link := itemKey(it), itemLink(feedURL, it)
	prev, err := p.Feeds.FeedItem(ctx, f.ID, key, link)
	if err != nil {
		return false, err
	}
	maxAttempts := orDefault(p.MaxAttempts, DefaultMaxAttempts)
	if prev != nil && (prev.Article != "" || prev.Attempts >= maxAttempts) {
		res.Seen++
		if prev.Feed != f.ID || prev.GUID != key {
			// the same page under another key: remember this key too
			return false, p.Feeds.PutFeedItem(ctx, store.FeedItem{Feed: f.ID, GUID: key, URL: link, Article: prev.Article, Attempts: prev.Attempts, Error: prev.Error})
		}
		return false, nil
	}
	rec := store.FeedItem{Feed: f.ID, GUID: key, URL: link}
	if prev != nil && prev.Feed == f.ID && prev.GUID == key {
		rec.Attempts = prev.Attempts
	}
	a, err := p.article(ctx, f, link, it, res)
	if err == nil && p.Pipeline != nil {
		err = p.Pipeline.Run(ctx, a)
	}
	if err != nil {
		if ctx.Err() != nil {
			return false, ctx.Err()
		}
		res.Failed++
		if !errors.Is(err, errHostBackoff) {
			rec.Attempts++
		}
		rec.Error = err.Error()
		p.log().Warn("feed item failed", "feed", f.URL, "item", firstNonEmpty(link, key), "attempt", rec.Attempts, "err", err)
		if perr := p.Feeds.PutFeedItem(ctx, rec); perr != nil {
			return false, perr
		}
		return rec.Attempts < maxAttempts, nil
	}
	if a.ID == "" {
		a.ID = article.ComputeID(a)
	}
	added, err := p.Articles.Put(ctx, []*article.Article{a})
	if err != nil {
		return false, err
	}
	if added[0] {
		res.Stored++
	} else {
		res.Duplicates++
	}
	rec.Article, rec.Error = a.ID, ""
	return false, p.Feeds.PutFeedItem(ctx, rec)
}

// article builds the article for an item: its linked page extracted, or
// the item's own content when it has no link or its page yields nothing.
func (p *Poller) article(ctx context.Context, f *store.Feed, link string, it *gofeed.Item, res *Result) (*article.Article, error) {
	var a *article.Article
	var err error
	if link != "" {
		a, err = p.page(ctx, link, res)
	} else {
		err = errors.New("item has no link")
	}
	if err != nil {
		content := firstNonEmpty(it.Content, it.Description)
		if len(content) < 200 {
			return nil, err
		}
		b, cerr := extract.HTML([]byte("<html><body>"+content+"</body></html>"), link)
		if cerr != nil {
			return nil, err
		}
		a = b
	}
	fill(a, f, link, it)
	return a, nil
}

func (p *Poller) page(ctx context.Context, link string, res *Result) (*article.Article, error) {
	release, err := p.limiter.acquire(ctx, hostOf(link))
	if err != nil {
		return nil, err
	}
	resp, err := p.Fetcher.Get(ctx, fetch.Request{URL: link})
	p.limiter.honour(hostOf(link), err)
	release()
	if err != nil {
		return nil, err
	}
	res.Fetched++
	if !fetch.IsHTML(resp.ContentType) {
		return nil, fmt.Errorf("%s: not a page (%s)", resp.URL, resp.ContentType)
	}
	return extract.HTML(resp.Body, resp.URL)
}

// fill completes an extracted article from the feed item: headline, date,
// byline and source when the page did not give them.
func fill(a *article.Article, f *store.Feed, link string, it *gofeed.Item) {
	if a.URL == "" {
		a.URL = link
	}
	if a.Headline == "" {
		a.Headline = strings.TrimSpace(it.Title)
	}
	if a.Published.Date == "" || a.Published.How == article.DateUnknown {
		t := it.PublishedParsed
		if t == nil {
			t = it.UpdatedParsed
		}
		if t != nil {
			a.Published = article.Published{Date: t.UTC().Format(time.RFC3339), How: article.DateGiven}
		}
	}
	if a.Byline == "" && len(it.Authors) > 0 && it.Authors[0] != nil {
		a.Byline = it.Authors[0].Name
	}
	// the feed's title names the site better than a bare host name, which
	// is all an extractor has when the page declares no site name
	if a.Source == "" || (f.Title != "" && sameHost(a.Source, a.URL)) {
		a.Source = firstNonEmpty(f.Title, hostOf(f.URL))
	}
	if a.Language == "" {
		a.Language = nlp.Language(a.Headline + "\n" + a.Body)
	}
	a.Normalize()
}

// itemKey identifies an item within its feed: the GUID, else the link,
// else a hash of title and content.
func itemKey(it *gofeed.Item) string {
	if g := strings.TrimSpace(it.GUID); g != "" {
		return g
	}
	if l := strings.TrimSpace(it.Link); l != "" {
		return l
	}
	h := sha256.Sum256([]byte(it.Title + "\x00" + it.Description + "\x00" + it.Content))
	return "sha256:" + hex.EncodeToString(h[:16])
}

// parseFeed parses an RSS, Atom or JSON feed.
func parseFeed(b []byte) (*gofeed.Feed, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	return f, nil
}

func parseItems(b []byte) ([]*gofeed.Item, error) {
	f, err := parseFeed(b)
	if err != nil {
		return nil, err
	}
	var out []*gofeed.Item
	for _, it := range f.Items {
		if it != nil {
			out = append(out, it)
		}
	}
	return out, nil
}

// itemLink is the item's page: its link, else a GUID that is a URL (RSS
// GUIDs are permalinks by default).
func itemLink(feedURL string, it *gofeed.Item) string {
	if l := resolve(feedURL, it.Link); l != "" {
		return l
	}
	if g := strings.TrimSpace(it.GUID); strings.HasPrefix(g, "http://") || strings.HasPrefix(g, "https://") {
		return resolve(feedURL, g)
	}
	return ""
}

// resolve makes an item link absolute against the feed URL and drops its
// fragment; "" when there is no usable http(s) link.
func resolve(base, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	b, err := url.Parse(base)
	if err != nil {
		return ""
	}
	u, err := b.Parse(link)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

// sameHost reports whether name is just the host of pageURL.
func sameHost(name, pageURL string) bool {
	u, err := url.Parse(pageURL)
	if err != nil {
		return false
	}
	n := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(name)), "www.")
	h := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	return n != "" && (n == h || n == strings.ToLower(u.Host))
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return strings.ToLower(u.Host)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// hostLimiter keeps one request at a time per host and at least delay
// between the end of one and the start of the next, longer when the host
// asked for it with Retry-After.
type hostLimiter struct {
	delay time.Duration
	mu    sync.Mutex
	hosts map[string]*hostSlot
}

type hostSlot struct {
	sem  chan struct{} // held while a request to the host runs
	next time.Time     // earliest start of the next request
}

func newHostLimiter(d time.Duration) *hostLimiter {
	return &hostLimiter{delay: d, hosts: map[string]*hostSlot{}}
}

// acquire waits for the host's turn; the caller must call release when
// its request is done.
func (l *hostLimiter) acquire(ctx context.Context, host string) (release func(), err error) {
	l.mu.Lock()
	h := l.hosts[host]
	if h == nil {
		if len(l.hosts) > 4096 {
			now := time.Now()
			for k, v := range l.hosts {
				if len(v.sem) == 0 && v.next.Before(now) {
					delete(l.hosts, k)
				}
			}
		}
		h = &hostSlot{sem: make(chan struct{}, 1)}
		l.hosts[host] = h
	}
	l.mu.Unlock()
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	l.mu.Lock()
	next := h.next
	l.mu.Unlock()
	if d := time.Until(next); d > maxWait {
		<-h.sem
		return nil, fmt.Errorf("%s: %w for %v", host, errHostBackoff, d.Round(time.Second))
	} else if d > 0 {
		t := time.NewTimer(d)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			<-h.sem
			return nil, ctx.Err()
		}
	}
	return func() {
		l.mu.Lock()
		if n := time.Now().Add(l.delay); n.After(h.next) {
			h.next = n
		}
		l.mu.Unlock()
		<-h.sem
	}, nil
}

// MaxBackoff caps how long a host's Retry-After holds its requests back.
const MaxBackoff = time.Hour

// maxWait is the longest a request waits for its host's turn; a host held
// back longer (Retry-After) fails the request with errHostBackoff and the
// item is tried again on a later poll without using up an attempt.
const maxWait = 30 * time.Second

var errHostBackoff = errors.New("host asked to be left alone")

// honour holds a host back for the Retry-After of a 429 or 503 answer.
// It is called while the host's slot is held.
func (l *hostLimiter) honour(host string, err error) {
	var se *fetch.StatusError
	if !errors.As(err, &se) || (se.Code != 429 && se.Code != 503) {
		return
	}
	d := min(max(se.RetryAfter, l.delay), MaxBackoff)
	if d <= 0 {
		return
	}
	l.mu.Lock()
	if h := l.hosts[host]; h != nil {
		h.next = time.Now().Add(d)
	} else {
		l.hosts[host] = &hostSlot{sem: make(chan struct{}, 1), next: time.Now().Add(d)}
	}
	l.mu.Unlock()
}
