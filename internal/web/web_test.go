package web

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	h, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		method, path, gzip string
		status             int
		ctype, contains    string
	}{
		{"GET", "/", "", 200, "text/html", `<script src="app.js">`},
		{"GET", "/app.js", "", 200, "javascript", "use strict"},
		{"GET", "/app.css", "gzip", 200, "text/css", "prefers-color-scheme"},
		{"GET", "/world.json", "gzip", 200, "application/json", "Natural Earth"},
		{"HEAD", "/index.html", "", 200, "text/html", ""},
		{"GET", "/nope.js", "", 404, "", ""},
		{"POST", "/", "", 405, "", ""},
	} {
		req := httptest.NewRequest(tc.method, tc.path, nil)
		if tc.gzip != "" {
			req.Header.Set("Accept-Encoding", "gzip")
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != tc.status {
			t.Errorf("%s %s: %d, want %d", tc.method, tc.path, w.Code, tc.status)
			continue
		}
		if tc.status != 200 {
			continue
		}
		if !strings.Contains(w.Header().Get("Content-Type"), tc.ctype) || !strings.Contains(w.Header().Get("Content-Security-Policy"), "script-src 'self'") {
			t.Errorf("%s: headers %v", tc.path, w.Header())
		}
		var body io.Reader = w.Body
		if w.Header().Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(w.Body)
			if err != nil {
				t.Fatal(err)
			}
			body = zr
		} else if tc.gzip != "" {
			t.Errorf("%s: not gzipped", tc.path)
		}
		b, _ := io.ReadAll(body)
		if !strings.Contains(string(b), tc.contains) {
			t.Errorf("%s: body lacks %q", tc.path, tc.contains)
		}
		// Revalidation with the ETag costs nothing.
		req2 := httptest.NewRequest("GET", tc.path, nil)
		req2.Header.Set("If-None-Match", w.Header().Get("ETag"))
		if tc.gzip != "" {
			req2.Header.Set("Accept-Encoding", "gzip")
		}
		w2 := httptest.NewRecorder()
		h.ServeHTTP(w2, req2)
		if w2.Code != http.StatusNotModified {
			t.Errorf("%s with its ETag: %d", tc.path, w2.Code)
		}
	}
}

// The map data is what the page expects: shapes for (nearly) every country,
// with alpha-2 ids, delta-encoded rings of whole hundredths of a degree.
func TestWorldJSON(t *testing.T) {
	b, err := assets.ReadFile("assets/world.json")
	if err != nil {
		t.Fatal(err)
	}
	var w struct {
		Attribution string
		Countries   []struct {
			ID, Name string
			Rings    [][]int
		}
	}
	if err := json.Unmarshal(b, &w); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, c := range w.Countries {
		ids[c.ID] = true
		for _, r := range c.Rings {
			if len(r)%2 != 0 || len(r) < 6 {
				t.Fatalf("%s: ring of %d numbers", c.Name, len(r))
			}
			lon, lat := 0, 0
			for i := 0; i < len(r); i += 2 {
				lon += r[i]
				lat += r[i+1]
				if lon < -18000 || lon > 18000 || lat < -9000 || lat > 9000 {
					t.Fatalf("%s: point %d,%d out of range", c.Name, lon, lat)
				}
			}
		}
	}
	if len(w.Countries) < 170 || !strings.Contains(w.Attribution, "Natural Earth") {
		t.Errorf("%d countries, attribution %q", len(w.Countries), w.Attribution)
	}
	for _, id := range []string{"SY", "UA", "US", "FR", "NG", "ML", "XK"} {
		if !ids[id] {
			t.Errorf("no shape for %s", id)
		}
	}
}
