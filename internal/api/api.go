// Package api is sitrep's HTTP JSON API (/api/v1) over a store and an
// analysis pipeline, with the operational endpoints around it: /healthz,
// /readyz, /metrics (Prometheus) and structured access logs.
//
// Errors are RFC 9457 problem+json documents; request bodies are size
// limited and every request runs under a timeout. Write endpoints (every
// POST) take a bearer token when one is configured; reads are open unless
// the server says otherwise (Options.OpenReads). The OpenAPI 3.1 document
// describing every route is served at /api/v1/openapi.json.
//
// The package does not parse articles itself (see ingest and extract), nor
// analyse them (see analyze), nor serve the dashboard's files (see web): it
// mounts an Options.UI handler at "/" when one is given.
package api

import (
	"context"
	"crypto/subtle"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"sitrep/internal/analyze"
	"sitrep/internal/store"
	"sitrep/internal/stories"
)

// Store is what the API reads and writes: the store interface plus the
// dashboard's event queries.
type Store interface {
	store.Store
	SearchRanked(ctx context.Context, q store.Query) ([]store.Hit, string, error)
	FilterEvents(ctx context.Context, f store.EventFilter) ([]store.EventRow, string, error)
	EventClusters(ctx context.Context, f store.EventFilter, cell float64, limit int) ([]store.Cluster, error)
	EventTimeline(ctx context.Context, f store.EventFilter) ([]store.DayCount, error)
	PlaceCountries(ctx context.Context) (map[string]int, error)
	Ping(ctx context.Context) error
	Version(ctx context.Context) (int64, error)
}

// Limits on requests.
const (
	MaxAnalyzeBody = 10 << 20 // one article
	MaxIngestBody  = 32 << 20 // a batch
	MaxBatch       = 1000     // articles in one POST /articles
	MaxCSVRows     = 1_000_000
)

// Options configure an API.
type Options struct {
	Store    Store
	Pipeline *analyze.Pipeline
	// Stories, when set, groups ingested articles into stories (in the
	// order of each request's items) before they are stored.
	Stories *stories.Grouper
	// Token, when not empty, is the bearer token every POST must carry.
	Token string
	// OpenReads leaves GET endpoints open even when Token is set (the CLI
	// sets it when the server listens on a loopback address only).
	OpenReads bool
	// Logger receives one access log record per request (nil: no logs).
	Logger *slog.Logger
	// Timeout bounds each API request (0: 30s). CSV exports get 10x.
	Timeout time.Duration
	// UI, when set, serves everything outside /api/ and the ops endpoints.
	UI http.Handler
	// Registry receives the metrics (nil: a new registry).
	Registry *prometheus.Registry
}

// API is the HTTP API. Build it with New; it is safe for concurrent use.
type API struct {
	opt     Options
	metrics *metrics
	mux     *http.ServeMux
	cache   *cache
}

// New builds the API.
func New(opt Options) *API {
	if opt.Timeout <= 0 {
		opt.Timeout = 30 * time.Second
	}
	if opt.Registry == nil {
		opt.Registry = prometheus.NewRegistry()
	}
	a := &API{opt: opt, metrics: newMetrics(opt.Registry, opt.Store), cache: newCache(256)}
	a.mux = a.routes()
	return a
}

// Handler returns the root handler: the API, the ops endpoints and the UI.
func (a *API) Handler() http.Handler { return a.accessLog(a.mux) }

// route is one registered endpoint.
type route struct {
	method, path string
	write        bool // needs the token when one is set
	h            http.HandlerFunc
}

func (a *API) routeTable() []route {
	return []route{
		{"POST", "/api/v1/analyze", true, a.analyze},
		{"POST", "/api/v1/articles", true, a.ingest},
		{"GET", "/api/v1/articles", false, a.searchArticles},
		{"GET", "/api/v1/articles/{id}", false, a.getArticle},
		{"GET", "/api/v1/events", false, a.listEvents},
		{"GET", "/api/v1/events/clusters", false, a.eventClusters},
		{"GET", "/api/v1/events/timeline", false, a.eventTimeline},
		{"GET", "/api/v1/entities", false, a.listEntities},
		{"GET", "/api/v1/stats", false, a.stats},
		{"GET", "/api/v1/openapi.json", false, serveOpenAPI},
	}
}

func (a *API) routes() *http.ServeMux {
	mux := http.NewServeMux()
	allow := map[string][]string{}
	for _, r := range a.routeTable() {
		mux.Handle(r.method+" "+r.path, a.wrap(r))
		allow[r.path] = append(allow[r.path], r.method)
	}
	// Other methods on a known path: 405 as problem+json, not the mux's text.
	for path, methods := range allow {
		methods := append(methods, "HEAD")
		mux.Handle(path, a.named(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", strings.Join(methods, ", "))
			problem(w, r, http.StatusMethodNotAllowed, r.Method+" is not allowed here")
		}))
	}
	mux.Handle("/api/", a.named("/api/", func(w http.ResponseWriter, r *http.Request) {
		problem(w, r, http.StatusNotFound, "no such endpoint; see /api/v1/openapi.json")
	}))
	mux.Handle("GET /healthz", a.named("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("ok\n"))
	}))
	mux.Handle("GET /readyz", a.named("/readyz", a.ready))
	mux.Handle("GET /metrics", a.named("/metrics", a.metrics.handler(a.opt.Registry).ServeHTTP))
	if a.opt.UI != nil {
		mux.Handle("/", a.named("/", a.opt.UI.ServeHTTP))
	}
	return mux
}

// wrap adds the route's name, auth, body limits and timeout.
func (a *API) wrap(rt route) http.Handler {
	timeout := a.opt.Timeout
	return a.named(rt.path, func(w http.ResponseWriter, r *http.Request) {
		if a.opt.Token != "" && (rt.write || !a.opt.OpenReads) && !a.authorized(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="sitrep"`)
			problem(w, r, http.StatusUnauthorized, "a valid bearer token is required (Authorization: Bearer ...)")
			return
		}
		t := timeout
		if r.URL.Query().Get("format") == "csv" {
			t *= 10
		}
		ctx, cancel := context.WithTimeout(r.Context(), t)
		defer cancel()
		rt.h(w, r.WithContext(ctx))
	})
}

func (a *API) authorized(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(h, "Bearer ")
	if !ok {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(a.opt.Token)) == 1
}

func (a *API) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if a.opt.Store == nil || a.opt.Pipeline == nil {
		problem(w, r, http.StatusServiceUnavailable, "store or pipeline not configured")
		return
	}
	if err := a.opt.Store.Ping(ctx); err != nil {
		problem(w, r, http.StatusServiceUnavailable, "store: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ready\n"))
}

// HTTPServer returns an http.Server for h with the timeouts sitrep uses:
// slow clients cannot hold a connection open, and a CSV export still has
// time to stream.
func HTTPServer(addr string, h http.Handler, errLog *slog.Logger) *http.Server {
	s := &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      6 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	if errLog != nil {
		s.ErrorLog = slog.NewLogLogger(errLog.Handler(), slog.LevelWarn)
	}
	return s
}
