package geo

import (
	"math"
	"net/url"
	"sitrep/internal/article"
	"sort"
	"strings"
	"sync"
)

// A Lexicon is what one news source's earlier articles said about where it
// is: the towns and counties they resolved with confidence, counted once per
// article. A local paper's lexicon concentrates on its region, so that its
// next "Dublin" or "Arlington" reads as the one nearby (Lieberman, Samet and
// Sankaranarayanan's "local lexicon", ICDE 2010, the paper that made LGL).
//
// A Lexicon learns only from sitrep's own resolutions, never from gold. It
// is not safe for concurrent use; Lexicons is.
type Lexicon struct {
	places   map[int]*lexPlace
	articles int
	total    float64
	topCache []*lexPlace // top(lexTop), kept until the next Learn
}

type lexPlace struct {
	c candidate
	n float64
}

// Lexicon weights.
const (
	lexMinScore = 0.7 // a resolution this sure teaches the lexicon
	lexTop      = 15  // places of the lexicon that act as neighbours
	lexWeight   = 1.0 // the lexicon counts as this many of the article's own names
)

// NewLexicon returns an empty lexicon.
func NewLexicon() *Lexicon { return &Lexicon{places: map[int]*lexPlace{}} }

// Articles is how many articles the lexicon learnt from.
func (lx *Lexicon) Articles() int {
	if lx == nil {
		return 0
	}
	return lx.articles
}

// Learn adds one article's resolutions: each confidently resolved town or
// county counts once.
func (lx *Lexicon) Learn(rs []Resolution) {
	seen := map[int]bool{}
	for _, r := range rs {
		c := r.cand
		if !r.OK || r.Backoff || r.Score < lexMinScore || c.id == 0 || !pointlike(c) || seen[c.id] {
			continue
		}
		seen[c.id] = true
		p := lx.places[c.id]
		if p == nil {
			p = &lexPlace{c: c}
			lx.places[c.id] = p
		}
		p.n++
		lx.total++
	}
	lx.articles++
	lx.topCache = nil
}

// top is the lexicon's most frequent places, most frequent first.
func (lx *Lexicon) top(n int) []*lexPlace {
	out := make([]*lexPlace, 0, len(lx.places))
	for _, p := range lx.places {
		out = append(out, p)
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].n != out[b].n {
			return out[a].n > out[b].n
		}
		return out[a].c.id < out[b].c.id
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// neighbour is the lexicon as one more name of the article: its readings
// are the lexicon's places, each as likely as it is frequent.
func (lx *Lexicon) neighbour() (partnerSet, []*lexPlace) {
	if lx == nil || lx.total == 0 {
		return partnerSet{}, nil
	}
	top := lx.top(lexTop)
	ps := partnerSet{w: lexWeight}
	for _, p := range top {
		ps.cands = append(ps.cands, partner{c: p.c, q: math.Pow(p.n/top[0].n, partnerExp)})
	}
	return ps, top
}

// Lexicons holds one Lexicon per source (a site's host, or a feed's name).
// It is safe for concurrent use; the zero value is not: use NewLexicons.
type Lexicons struct {
	mu     sync.Mutex
	m      map[string]*Lexicon
	learnt map[string]bool // article ids already learnt from
}

// NewLexicons returns an empty set of lexicons.
func NewLexicons() *Lexicons { return &Lexicons{m: map[string]*Lexicon{}, learnt: map[string]bool{}} }

// Snapshot returns a copy of source's lexicon to resolve with (its most
// frequent places, its counts), nil when the source is unknown or "".
func (ls *Lexicons) Snapshot(source string) *Lexicon {
	if ls == nil || source == "" {
		return nil
	}
	ls.mu.Lock()
	defer ls.mu.Unlock()
	lx := ls.m[source]
	if lx == nil {
		return nil
	}
	// only the places resolution reads (neighbour), copied: a snapshot is
	// small whatever the source has taught, and later lessons do not touch it
	if lx.topCache == nil {
		lx.topCache = lx.top(lexTop)
	}
	cp := &Lexicon{places: make(map[int]*lexPlace, len(lx.topCache)), articles: lx.articles, total: lx.total}
	for _, p := range lx.topCache {
		q := *p
		cp.places[q.c.id] = &q
	}
	return cp
}

// Learn adds an article's resolutions to source's lexicon. An article id
// already learnt from ("" is never) teaches nothing again, so re-analysing a
// page does not make its own readings count twice.
func (ls *Lexicons) Learn(source, articleID string, rs []Resolution) {
	if ls == nil || source == "" {
		return
	}
	ls.mu.Lock()
	defer ls.mu.Unlock()
	if articleID != "" {
		if ls.learnt[articleID] {
			return
		}
		ls.learnt[articleID] = true
	}
	lx := ls.m[source]
	if lx == nil {
		lx = NewLexicon()
		ls.m[source] = lx
	}
	lx.Learn(rs)
}

// SourceKey is the lexicon key of an article: the host of its URL without
// "www.", else its source name, lower-cased.
func SourceKey(rawURL, source string) string {
	if u, err := url.Parse(strings.TrimSpace(rawURL)); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return strings.ToLower(strings.TrimSpace(source))
}

// Remember teaches the stage's lexicons (see WithLexicons) an article
// analysed earlier, from its stored Places, without resolving it again: a
// restarted server or a new ingest run warms up from the store.
func (gc *Geocoder) Remember(a *article.Article) {
	if gc.lexicons == nil {
		return
	}
	var rs []Resolution
	for _, p := range a.Places {
		if p.Score < lexMinScore || p.GeonameID == 0 {
			continue
		}
		for _, c := range gc.candidates(p.Name) {
			if c.id == p.GeonameID {
				rs = append(rs, Resolution{OK: true, Score: p.Score, cand: c})
				break
			}
		}
	}
	gc.lexicons.Learn(SourceKey(a.URL, a.Source), a.ID, rs)
}
