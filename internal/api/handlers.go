package api

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"sitrep/internal/article"
	"sitrep/internal/store"
)

// badRequest is a client error in the query string or body.
type badRequest struct{ msg string }

func (e badRequest) Error() string { return e.msg }

func bad(format string, args ...any) error { return badRequest{fmt.Sprintf(format, args...)} }

// fail writes err as a problem: 400 for bad requests, 503/504 for
// cancellation and timeouts, 500 otherwise.
func fail(w http.ResponseWriter, r *http.Request, err error) {
	var br badRequest
	switch {
	case errors.As(err, &br):
		problem(w, r, http.StatusBadRequest, br.msg)
	case errors.Is(err, store.ErrNotFound):
		problem(w, r, http.StatusNotFound, "no such article")
	case errors.Is(r.Context().Err(), context.DeadlineExceeded):
		problem(w, r, http.StatusGatewayTimeout, "the request took too long")
	default:
		problem(w, r, http.StatusInternalServerError, err.Error())
	}
}

func queryDate(v url.Values, key string) (string, error) {
	s := strings.TrimSpace(v.Get(key))
	if s == "" {
		return "", nil
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return "", bad("%s=%q: want YYYY-MM-DD", key, s)
	}
	return s, nil
}

func queryLimit(v url.Values, def, max int) (int, error) {
	s := v.Get("limit")
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > max {
		return 0, bad("limit=%q: want an integer from 1 to %d", s, max)
	}
	return n, nil
}

func queryCursor(v url.Values) (string, error) {
	c := v.Get("cursor")
	if err := store.CheckCursor(c); err != nil {
		return "", bad("cursor=%q: not a cursor from this API", c)
	}
	return c, nil
}

func queryBBox(v url.Values) (*[4]float64, error) {
	s := v.Get("bbox")
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return nil, bad("bbox=%q: want minLon,minLat,maxLon,maxLat", s)
	}
	var b [4]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, bad("bbox=%q: %q is not a number", s, p)
		}
		b[i] = f
	}
	// written positively so that NaN fails too
	if !(b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90 && b[0] <= b[2] && b[1] <= b[3]) {
		return nil, bad("bbox=%q: want -180<=minLon<=maxLon<=180 and -90<=minLat<=maxLat<=90", s)
	}
	return &b, nil
}

// eventFilter reads the event filter shared by /events, /events/clusters
// and /events/timeline.
func eventFilter(v url.Values) (store.EventFilter, error) {
	var f store.EventFilter
	var err error
	if f.From, err = queryDate(v, "from"); err != nil {
		return f, err
	}
	if f.To, err = queryDate(v, "to"); err != nil {
		return f, err
	}
	if f.BBox, err = queryBBox(v); err != nil {
		return f, err
	}
	if f.Cursor, err = queryCursor(v); err != nil {
		return f, err
	}
	f.Type = strings.TrimSpace(v.Get("type"))
	f.Actor = strings.TrimSpace(v.Get("actor"))
	f.Country = strings.TrimSpace(v.Get("country"))
	f.Text = v.Get("q")
	f.Topic = v.Get("topic")
	f.ArticleID = v.Get("article")
	return f, nil
}

// Page is a page of results with the cursor of the next one ("" at the end).
type Page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor"`
}

func (a *API) searchArticles(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	var q store.Query
	var err error
	if q.From, err = queryDate(v, "from"); err == nil {
		if q.To, err = queryDate(v, "to"); err == nil {
			if q.Limit, err = queryLimit(v, 20, 100); err == nil {
				q.Cursor, err = queryCursor(v)
			}
		}
	}
	if err != nil {
		fail(w, r, err)
		return
	}
	q.Text, q.Topic, q.Country = v.Get("q"), v.Get("topic"), v.Get("country")
	hits, next, err := a.opt.Store.SearchRanked(r.Context(), q)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, Page[store.Hit]{hits, next})
}

func (a *API) getArticle(w http.ResponseWriter, r *http.Request) {
	art, err := a.opt.Store.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, art)
}

func (a *API) listEvents(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	f, err := eventFilter(v)
	if err != nil {
		fail(w, r, err)
		return
	}
	if v.Get("format") == "csv" {
		a.eventsCSV(w, r, f)
		return
	}
	if f.Limit, err = queryLimit(v, 50, 1000); err != nil {
		fail(w, r, err)
		return
	}
	rows, next, err := a.opt.Store.FilterEvents(r.Context(), f)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, Page[store.EventRow]{rows, next})
}

// CSVHeader is the header row of the events CSV export.
var CSVHeader = []string{"date", "type", "mode", "source", "source_country", "target", "target_country",
	"location", "country", "lat", "lon", "fatalities", "confidence", "article_id", "headline", "evidence"}

func (a *API) eventsCSV(w http.ResponseWriter, r *http.Request, f store.EventFilter) {
	f.Limit, f.Cursor = 1000, ""
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="sitrep-events.csv"`)
	cw := csv.NewWriter(w)
	cw.Write(CSVHeader)
	n := 0
	for {
		rows, next, err := a.opt.Store.FilterEvents(r.Context(), f)
		if err != nil {
			// Headers are gone; end the body with a marker row a reader sees.
			cw.Write([]string{"#error", err.Error()})
			break
		}
		for _, row := range rows {
			cw.Write(csvRow(row))
			n++
		}
		if next == "" || n >= MaxCSVRows {
			break
		}
		f.Cursor = next
		cw.Flush()
	}
	cw.Flush()
}

func csvRow(r store.EventRow) []string {
	e := r.Event
	var loc, country, lat, lon, fat string
	if e.Location != nil {
		loc, country = e.Location.Name, e.Location.Country
		if e.Location.Lat != 0 || e.Location.Lon != 0 {
			lat = strconv.FormatFloat(e.Location.Lat, 'f', -1, 64)
			lon = strconv.FormatFloat(e.Location.Lon, 'f', -1, 64)
		}
	}
	if e.Fatalities != nil {
		fat = strconv.Itoa(*e.Fatalities)
	}
	return []string{e.Date, e.Type, e.Mode, e.Source.Name, e.Source.Country, e.Target.Name, e.Target.Country,
		loc, country, lat, lon, fat, strconv.FormatFloat(e.Confidence, 'f', -1, 64), r.ArticleID, r.Headline, e.Evidence.Sentence}
}

// Clusters is the response of /events/clusters.
type Clusters struct {
	Cell     float64         `json:"cell"`
	Total    int             `json:"total"` // located events matching
	Clusters []store.Cluster `json:"clusters"`
}

func (a *API) eventClusters(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	f, err := eventFilter(v)
	if err != nil {
		fail(w, r, err)
		return
	}
	cell := 2.0
	if s := v.Get("cell"); s != "" {
		cell, err = strconv.ParseFloat(s, 64)
		if err != nil || !(cell >= 0.01 && cell <= 90) { // NaN fails
			fail(w, r, bad("cell=%q: want a cell size in degrees from 0.01 to 90", s))
			return
		}
	}
	a.cachedJSON(w, r, func() (any, error) {
		cs, err := a.opt.Store.EventClusters(r.Context(), f, cell, 5000)
		if err != nil {
			return nil, err
		}
		out := Clusters{Cell: cell, Clusters: cs}
		for _, c := range cs {
			out.Total += c.Count
		}
		return out, nil
	})
}

// Timeline is the response of /events/timeline.
type Timeline struct {
	Days []store.DayCount `json:"days"`
}

func (a *API) eventTimeline(w http.ResponseWriter, r *http.Request) {
	f, err := eventFilter(r.URL.Query())
	if err != nil {
		fail(w, r, err)
		return
	}
	a.cachedJSON(w, r, func() (any, error) {
		days, err := a.opt.Store.EventTimeline(r.Context(), f)
		return Timeline{days}, err
	})
}

func (a *API) listEntities(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	lim, err := queryLimit(v, 20, 1000)
	if err != nil {
		fail(w, r, err)
		return
	}
	rows, err := a.opt.Store.Entities(r.Context(), v.Get("q"), lim)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, Page[store.EntityRow]{rows, ""})
}

// Stats is the response of /stats: the store's counts plus articles by the
// countries of their places.
type Stats struct {
	*store.Stats
	ArticlesByCountry map[string]int `json:"articles_by_country"`
}

func (a *API) stats(w http.ResponseWriter, r *http.Request) {
	a.cachedJSON(w, r, func() (any, error) {
		st, err := a.opt.Store.Stats(r.Context())
		if err != nil {
			return nil, err
		}
		pc, err := a.opt.Store.PlaceCountries(r.Context())
		return Stats{st, pc}, err
	})
}

// readBody reads at most limit bytes of the body, or writes 413.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			problem(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf("body larger than %d MB", limit>>20))
		} else {
			problem(w, r, http.StatusBadRequest, "reading body: "+err.Error())
		}
		return nil, false
	}
	return body, true
}

func (a *API) analyze(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r, MaxAnalyzeBody)
	if !ok {
		return
	}
	items, err := parseBody(r.Header.Get("Content-Type"), body)
	if err != nil {
		a.bodyError(w, r, err)
		return
	}
	if len(items) != 1 {
		problem(w, r, http.StatusBadRequest, "analyze takes one article; POST an array to /api/v1/articles")
		return
	}
	if items[0].Err != nil {
		problem(w, r, http.StatusUnprocessableEntity, items[0].Err.Error())
		return
	}
	art := items[0].Article
	if err := a.opt.Pipeline.Run(r.Context(), art); err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, art)
}

func (a *API) bodyError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, errUnsupported) {
		problem(w, r, http.StatusUnsupportedMediaType, err.Error())
		return
	}
	problem(w, r, http.StatusBadRequest, err.Error())
}

// Ingest outcomes.
const (
	StatusNew       = "new"
	StatusDuplicate = "duplicate"
	StatusFailed    = "failed"
)

// IngestResult is the outcome for one posted article, in input order.
type IngestResult struct {
	Index    int    `json:"index"`
	Status   string `json:"status"` // new | duplicate | failed
	ID       string `json:"id,omitempty"`
	Headline string `json:"headline,omitempty"`
	Error    string `json:"error,omitempty"`
}

// IngestResponse is the response of POST /articles.
type IngestResponse struct {
	New       int            `json:"new"`
	Duplicate int            `json:"duplicate"`
	Failed    int            `json:"failed"`
	Results   []IngestResult `json:"results"`
}

func (a *API) ingest(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r, MaxIngestBody)
	if !ok {
		return
	}
	items, err := parseBody(r.Header.Get("Content-Type"), body)
	if err != nil {
		a.bodyError(w, r, err)
		return
	}
	ctx := r.Context()
	res := IngestResponse{Results: make([]IngestResult, len(items))}
	// Analyse on every core; each item writes only its own slot.
	ready := make([]bool, len(items))
	var fatal error
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, it := range items {
		out := &res.Results[i]
		out.Index = i
		if it.Err != nil {
			out.Status, out.Error = StatusFailed, it.Err.Error()
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			art := it.Article
			art.ID = article.ComputeID(art)
			out.ID, out.Headline = art.ID, art.Headline
			// Skip the analysis of an article already stored.
			if _, err := a.opt.Store.Get(ctx, art.ID); err == nil {
				out.Status = StatusDuplicate
				return
			} else if !errors.Is(err, store.ErrNotFound) {
				mu.Lock()
				fatal = err
				mu.Unlock()
				return
			}
			if err := a.opt.Pipeline.Run(ctx, art); err != nil {
				if ctx.Err() != nil {
					mu.Lock()
					fatal = err
					mu.Unlock()
					return
				}
				out.Status, out.Error = StatusFailed, err.Error()
				return
			}
			ready[i] = true
		}()
	}
	wg.Wait()
	if fatal != nil {
		fail(w, r, fatal)
		return
	}
	var batch []*article.Article
	var at []int
	for i, ok := range ready {
		if ok {
			batch = append(batch, items[i].Article)
			at = append(at, i)
		}
	}
	if a.opt.Stories != nil {
		for _, art := range batch {
			a.opt.Stories.Assign(art)
		}
	}
	if len(batch) > 0 {
		added, err := a.opt.Store.Put(ctx, batch)
		if err != nil {
			fail(w, r, err)
			return
		}
		for j, ok := range added {
			if ok {
				res.Results[at[j]].Status = StatusNew
			} else {
				res.Results[at[j]].Status = StatusDuplicate
			}
		}
	}
	for _, x := range res.Results {
		switch x.Status {
		case StatusNew:
			res.New++
		case StatusDuplicate:
			res.Duplicate++
		default:
			res.Failed++
		}
		a.metrics.ingested.WithLabelValues(x.Status).Inc()
	}
	status := http.StatusOK
	if res.New > 0 {
		status = http.StatusCreated
	}
	writeJSON(w, status, res)
}
