package api

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"sitrep/internal/store"
	"sitrep/internal/web/synth"
)

// benchStore is a store of n synthetic articles with one located event each.
func benchStore(b *testing.B, n int) *store.SQLite {
	b.Helper()
	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if _, err := synth.Fill(ctx, st, 1, n, nil); err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkHandlers measures the hot API paths in process (no network) on
// 5,000 articles; make bench-serve measures over HTTP on 100,000.
func BenchmarkHandlers(b *testing.B) {
	st := benchStore(b, 5000)
	h := New(Options{Store: st}).Handler()
	for _, path := range []string{
		"/api/v1/articles?q=aleppo",
		"/api/v1/articles?q=killed&from=2015-01-01&to=2015-03-31",
		"/api/v1/events?limit=100",
		"/api/v1/events?limit=100&q=kharkiv",
		"/api/v1/events/clusters?cell=2&type=FIGHT",
		"/api/v1/events/timeline?q=mosul",
	} {
		b.Run(path[len("/api/v1/"):], func(b *testing.B) {
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
				if w.Code != 200 {
					b.Fatalf("%d %s", w.Code, w.Body)
				}
				io.Copy(io.Discard, w.Body)
			}
		})
	}
}
