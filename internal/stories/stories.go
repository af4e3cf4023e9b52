// Package stories groups articles that report the same happening: exact and
// near duplicates (the same wire story on two sites, a lightly edited
// update) and follow-ups (a later report of the same event, with new facts).
//
// A Grouper is given articles one at a time, in the order the caller wants
// story ids to be stable in, and sets each article's Story to the id of the
// story's first article. It decides with two signals, both computed from the
// article alone:
//
//   - text: a MinHash signature of the body's word 3-shingles, looked up
//     through locality-sensitive hashing; an estimated Jaccard similarity of
//     DuplicateJaccard or more makes a near duplicate;
//   - facts: what the analysis found (events by type, place and date; the
//     named entities), so that a follow-up that shares the event, or most of
//     its rarer names within a few days, joins the story even when its
//     wording is new.
//
// The grouper keeps what it has seen in memory, bounded by a time window;
// it is safe for concurrent use but deliberately order-dependent, so the
// ingest runner feeds it in input order. It does no analysis of its own
// beyond tokenising, and it stores nothing (see store).
package stories

import (
	"hash/fnv"
	"math"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"sitrep/internal/article"
)

const (
	numHashes = 64
	bands     = 16
	rows      = numHashes / bands

	// DuplicateJaccard is the estimated shingle overlap above which two
	// bodies are the same story told twice.
	DuplicateJaccard = 0.7
	// DuplicateContainment is the share of the shorter body's shingles found
	// in the longer one above which the shorter is a cut of the longer (a
	// wire story trimmed by a site).
	DuplicateContainment = 0.85
	// FollowUpOverlap is the weighted share of named entities two articles
	// must have in common to be one story without a shared event.
	FollowUpOverlap = 0.5
)

// Options tune a Grouper; the zero value gives the defaults.
type Options struct {
	// Window is how far apart in publication date two articles of one story
	// may be (default 7 days). Articles with no date match only by text.
	Window time.Duration
	// Keep is how many recent articles are remembered (default 200,000).
	Keep int
}

// Grouper assigns articles to stories.
type Grouper struct {
	opt Options

	mu      sync.Mutex
	seen    []*entry
	bandIdx []map[uint64][]int // band -> bucket hash -> entries
	factIdx map[string][]int   // event key or entity -> entries
	df      map[string]int     // entity -> number of articles naming it
	dropped int                // entries forgotten from the front of seen
}

type entry struct {
	story    string
	day      int // days since epoch, -1 when unknown
	sig      [numHashes]uint32
	shingles int // number of distinct shingles, for containment
	events   []string
	entities map[string]bool
}

// New returns an empty Grouper.
func New(opt Options) *Grouper {
	if opt.Window <= 0 {
		opt.Window = 7 * 24 * time.Hour
	}
	if opt.Keep <= 0 {
		opt.Keep = 200_000
	}
	g := &Grouper{opt: opt, factIdx: map[string][]int{}, df: map[string]int{}}
	g.bandIdx = make([]map[uint64][]int, bands)
	for i := range g.bandIdx {
		g.bandIdx[i] = map[uint64][]int{}
	}
	return g
}

// Assign sets a.Story (to a's own ID when it starts a new story) and
// returns it. a.ID must be set.
func (g *Grouper) Assign(a *article.Article) string {
	e := &entry{day: dayOf(a.Published.Date), entities: entityKeys(a), events: eventKeys(a)}
	e.sig, e.shingles = minhash(a.Body)

	g.mu.Lock()
	defer g.mu.Unlock()
	e.story = g.match(e)
	if e.story == "" {
		e.story = a.ID
	}
	g.add(e)
	a.Story = e.story
	return e.story
}

// Remember records an article whose Story is already set (one read back
// from the store), so that later articles can join its story.
func (g *Grouper) Remember(a *article.Article) {
	if a.Story == "" {
		g.Assign(a)
		return
	}
	e := &entry{story: a.Story, day: dayOf(a.Published.Date), entities: entityKeys(a), events: eventKeys(a)}
	e.sig, e.shingles = minhash(a.Body)
	g.mu.Lock()
	g.add(e)
	g.mu.Unlock()
}

// match returns the story of the best earlier entry e belongs to, or "".
func (g *Grouper) match(e *entry) string {
	window := int(g.opt.Window.Hours() / 24)
	near := func(o *entry) bool {
		return e.day < 0 || o.day < 0 || abs(e.day-o.day) <= window
	}
	// 1. near duplicates by text.
	best, bestSim := -1, 0.0
	for b := 0; b < bands; b++ {
		for _, i := range g.bandIdx[b][bandHash(&e.sig, b)] {
			o := g.get(i)
			if o == nil {
				continue
			}
			s := jaccard(&e.sig, &o.sig)
			if s <= bestSim || !(near(o) || s > 0.9) {
				continue
			}
			if s >= DuplicateJaccard || containment(s, e.shingles, o.shingles) >= DuplicateContainment {
				best, bestSim = i, s
			}
		}
	}
	if best >= 0 {
		return g.get(best).story
	}
	// 2. a shared event (type, place, date) within the window.
	for _, k := range e.events {
		for j := len(g.factIdx[k]) - 1; j >= 0; j-- {
			if o := g.get(g.factIdx[k][j]); o != nil && near(o) {
				return o.story
			}
		}
	}
	// 3. most of the rarer names in common within the window.
	if len(e.entities) < 3 {
		return ""
	}
	cand := map[int]bool{}
	for k := range e.entities {
		for _, i := range g.factIdx["e:"+k] {
			cand[i] = true
		}
	}
	ids := make([]int, 0, len(cand))
	for i := range cand {
		ids = append(ids, i)
	}
	sort.Ints(ids)
	bestOverlap := 0.0
	for _, i := range ids {
		o := g.get(i)
		if o == nil || !near(o) || len(o.entities) < 3 {
			continue
		}
		if ov := g.overlap(e.entities, o.entities); ov >= FollowUpOverlap && ov > bestOverlap {
			best, bestOverlap = i, ov
		}
	}
	if best >= 0 {
		return g.get(best).story
	}
	return ""
}

// overlap is the idf-weighted Jaccard similarity of two entity sets: a
// shared "Metrojet" counts for more than a shared "United States".
func (g *Grouper) overlap(a, b map[string]bool) float64 {
	n := float64(len(g.seen) + 1)
	var inter, union float64
	w := func(k string) float64 { return math.Log(1 + n/float64(1+g.df[k])) }
	for k := range a {
		if b[k] {
			inter += w(k)
		}
		union += w(k)
	}
	for k := range b {
		if !a[k] {
			union += w(k)
		}
	}
	if union == 0 {
		return 0
	}
	return inter / union
}

func (g *Grouper) get(i int) *entry {
	i -= g.dropped
	if i < 0 || i >= len(g.seen) {
		return nil
	}
	return g.seen[i]
}

func (g *Grouper) add(e *entry) {
	if len(g.seen) >= g.opt.Keep {
		g.forget(len(g.seen) / 4)
	}
	g.seen = append(g.seen, e)
	g.index(e, g.dropped+len(g.seen)-1)
}

// index records entry e, whose absolute position is i, in the lookups.
func (g *Grouper) index(e *entry, i int) {
	for b := 0; b < bands; b++ {
		h := bandHash(&e.sig, b)
		g.bandIdx[b][h] = append(g.bandIdx[b][h], i)
	}
	for _, k := range e.events {
		g.factIdx[k] = append(g.factIdx[k], i)
	}
	for k := range e.entities {
		g.factIdx["e:"+k] = append(g.factIdx["e:"+k], i)
		g.df[k]++
	}
}

// forget drops the n oldest entries and rebuilds the lookups without them.
func (g *Grouper) forget(n int) {
	g.seen = append([]*entry(nil), g.seen[n:]...)
	g.dropped += n
	g.factIdx = map[string][]int{}
	g.df = map[string]int{}
	for i := range g.bandIdx {
		g.bandIdx[i] = map[uint64][]int{}
	}
	for j, e := range g.seen {
		g.index(e, g.dropped+j)
	}
}

func dayOf(d string) int {
	if len(d) < 10 {
		return -1
	}
	t, err := time.Parse("2006-01-02", d[:10])
	if err != nil {
		return -1
	}
	return int(t.Unix() / 86400)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// entityKeys are the article's named people and organisations (places are
// too common across unrelated stories to tell them apart).
func entityKeys(a *article.Article) map[string]bool {
	m := map[string]bool{}
	for _, e := range a.Entities {
		if e.Type == article.Person || e.Type == article.Organization || e.Type == article.Misc {
			m[strings.ToLower(e.Name)] = true
		}
	}
	return m
}

// eventKeys identify happenings: type, place and day (or month). Events
// without a place or a date are too vague to join stories on.
func eventKeys(a *article.Article) []string {
	var ks []string
	for _, ev := range a.Events {
		if ev.Hypothetical || ev.Negated || ev.Location == nil || ev.Location.Name == "" || ev.Date == "" {
			continue
		}
		ks = append(ks, "v:"+ev.Type+"|"+strings.ToLower(ev.Location.Name)+"|"+ev.Date)
	}
	return ks
}

// minhash returns the MinHash signature of the text's word 3-shingles and
// how many shingles it saw.
func minhash(text string) (sig [numHashes]uint32, shingles int) {
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return sig, 0
	}
	h := fnv.New64a()
	shingle := func(ws []string) {
		h.Reset()
		for _, w := range ws {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for i := range sig {
			// one cheap independent-enough hash per slot: mix x with the slot
			v := uint32(mix(x ^ (uint64(i+1) * 0x9E3779B97F4A7C15)))
			if v < sig[i] {
				sig[i] = v
			}
		}
	}
	if len(words) < 3 {
		shingle(words)
		return sig, 1
	}
	for i := 0; i+3 <= len(words); i++ {
		shingle(words[i : i+3])
	}
	return sig, len(words) - 2
}

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

func bandHash(sig *[numHashes]uint32, b int) uint64 {
	x := uint64(b) + 1
	for _, v := range sig[b*rows : (b+1)*rows] {
		x = mix(x ^ uint64(v))
	}
	return x
}

// containment turns a Jaccard estimate of two sets of sizes n and m into the
// share of the smaller set that lies in the larger: |A∩B| = J(n+m)/(1+J).
func containment(j float64, n, m int) float64 {
	small := min(n, m)
	if small == 0 {
		return 0
	}
	return j * float64(n+m) / (1 + j) / float64(small)
}

func jaccard(a, b *[numHashes]uint32) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / numHashes
}
