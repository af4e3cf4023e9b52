package api

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
)

// cache keeps the JSON of aggregate answers (stats, clusters, timeline) for
// the store version they were computed at: every dashboard load asks the
// same few, and on 100,000 events each costs tens of milliseconds.
type cache struct {
	mu      sync.Mutex
	entries map[string]cacheEntry
	max     int
}

type cacheEntry struct {
	version int64
	body    []byte
}

func newCache(max int) *cache { return &cache{entries: map[string]cacheEntry{}, max: max} }

func (c *cache) get(key string, version int64) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || e.version != version {
		return nil, false
	}
	return e.body, true
}

func (c *cache) put(key string, version int64, body []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= c.max {
		clear(c.entries) // simple and bounded; the working set is small
	}
	c.entries[key] = cacheEntry{version, body}
}

// cachedJSON answers from the cache when the store has not changed since,
// else computes, stores and writes the answer.
func (a *API) cachedJSON(w http.ResponseWriter, r *http.Request, compute func() (any, error)) {
	ver, err := a.opt.Store.Version(r.Context())
	if err != nil {
		fail(w, r, err)
		return
	}
	key := r.URL.Path + "?" + r.URL.RawQuery
	body, ok := a.cache.get(key, ver)
	if ok {
		w.Header().Set("X-Cache", "hit")
	} else {
		v, err := compute()
		if err != nil {
			fail(w, r, err)
			return
		}
		if body, err = json.Marshal(v); err != nil {
			fail(w, r, err)
			return
		}
		body = append(body, '\n')
		a.cache.put(key, ver, body)
		w.Header().Set("X-Cache", "miss")
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}
