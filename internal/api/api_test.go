package api

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"sitrep/internal/analyze"
	"sitrep/internal/article"
	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

const rawArticle = `Flooding forces thousands from homes in Bangladesh

DHAKA (Reuters) - Floods forced thousands of people from their homes in northern Bangladesh on Tuesday, officials said.

Rescue teams used boats to reach villages cut off by the water.`

func fixture(i int) *article.Article {
	n := i + 1
	a := &article.Article{
		Headline:  fmt.Sprintf("Shelling hits Kharkiv suburb, report %d", i),
		Body:      fmt.Sprintf("Artillery shelled a suburb of Kharkiv on Monday, killing %d people, officials said.\n\nResidents fled.", n),
		Published: article.Published{Date: fmt.Sprintf("2022-05-%02d", 1+i%28), How: article.DateGiven},
		Topics:    []article.Topic{{Label: "Wars and Military Conflicts", IPTC: "16000000", Score: 0.9}},
		Entities:  []article.Entity{{Name: "Kharkiv Regional Administration", Type: article.Organization}},
		Places:    []article.Place{{Name: "Kharkiv", Country: "UA", Lat: 49.99, Lon: 36.23}},
		Events: []article.Event{{Type: "ASSAULT", Mode: "artillery", Source: article.Actor{Name: "Russian forces", Country: "RUS"},
			Location: &article.EventLocation{Name: "Kharkiv", Country: "UA", Lat: 49.99, Lon: 36.23},
			Date:     fmt.Sprintf("2022-05-%02d", 1+i%28), Fatalities: &n,
			Evidence: article.Evidence{Sentence: "Artillery shelled a suburb of Kharkiv on Monday", Start: 0, End: 47}}},
	}
	a.ID = article.ComputeID(a)
	return a
}

// testPipeline loads the shipped models once for all the tests.
var testPipeline = sync.OnceValues(analyze.Default)

type testServer struct {
	*httptest.Server
	st    store.DB
	doc   any
	token string
}

// backends are the stores the backend-neutral tests run the API over.
var backends = []struct {
	name string
	open func(t *testing.T) store.DB
}{
	{"sqlite", func(t *testing.T) store.DB {
		st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "api.db"))
		if err != nil {
			t.Fatal(err)
		}
		return st
	}},
	{"postgres", func(t *testing.T) store.DB {
		st, err := store.OpenPostgres(context.Background(), storetest.Postgres(t))
		if err != nil {
			t.Fatal(err)
		}
		return st
	}},
}

// eachBackend runs fn as a subtest per backend.
func eachBackend(t *testing.T, fn func(t *testing.T, open func(*testing.T) store.DB)) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { fn(t, b.open) })
	}
}

func newServer(t *testing.T, token string, openReads bool) *testServer {
	return newServerOn(t, backends[0].open, token, openReads)
}

func newServerOn(t *testing.T, open func(*testing.T) store.DB, token string, openReads bool) *testServer {
	t.Helper()
	ctx := context.Background()
	st := open(t)
	t.Cleanup(func() { st.Close() })
	var err error
	var arts []*article.Article
	for i := 0; i < 30; i++ {
		arts = append(arts, fixture(i))
	}
	if _, err := st.Put(ctx, arts); err != nil {
		t.Fatal(err)
	}
	p, err := testPipeline()
	if err != nil {
		t.Fatal(err)
	}
	a := New(Options{Store: st, Pipeline: p, Token: token, OpenReads: openReads,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		UI:     http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ui") })})
	srv := httptest.NewServer(a.Handler())
	t.Cleanup(srv.Close)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(OpenAPI))
	if err != nil {
		t.Fatal(err)
	}
	return &testServer{Server: srv, st: st, doc: doc, token: token}
}

// do sends a request and returns the status, content type and body.
func (s *testServer) do(t *testing.T, method, path, ctype, body string, auth bool) (int, string, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, s.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if auth {
		req.Header.Set("Authorization", "Bearer "+s.token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), b
}

func ptr(s string) string { return strings.NewReplacer("~", "~0", "/", "~1").Replace(s) }

// check validates a response body against the OpenAPI document's schema
// for the route, method, status and media type.
func (s *testServer) check(t *testing.T, route, method string, status int, ctype string, body []byte) {
	t.Helper()
	paths := s.doc.(map[string]any)["paths"].(map[string]any)
	op, ok := paths[route].(map[string]any)[strings.ToLower(method)].(map[string]any)
	if !ok {
		t.Fatalf("openapi: no %s %s", method, route)
	}
	loc := fmt.Sprintf("openapi.json#/paths/%s/%s/responses/%d", ptr(route), strings.ToLower(method), status)
	resp, ok := op["responses"].(map[string]any)[fmt.Sprint(status)].(map[string]any)
	if !ok {
		t.Fatalf("openapi: %s %s does not document status %d (body %s)", method, route, status, body)
	}
	if ref, ok := resp["$ref"].(string); ok {
		loc = "openapi.json" + ref
		name := strings.TrimPrefix(ref, "#/components/responses/")
		resp = s.doc.(map[string]any)["components"].(map[string]any)["responses"].(map[string]any)[name].(map[string]any)
	}
	mt := strings.TrimSpace(strings.Split(ctype, ";")[0])
	if _, ok := resp["content"].(map[string]any)[mt]; !ok {
		t.Fatalf("openapi: %s %s %d does not document %s", method, route, status, mt)
	}
	if mt == "text/csv" {
		return
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("openapi.json", s.doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(loc + "/content/" + ptr(mt) + "/schema")
	if err != nil {
		t.Fatalf("compile %s: %v", loc, err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("%s %s: response is not JSON: %v\n%s", method, route, err, body)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("%s %s %d: response does not match the OpenAPI schema: %v\n%s", method, route, status, err, body)
	}
}

func TestEndpointsMatchOpenAPI(t *testing.T) { eachBackend(t, testEndpointsMatchOpenAPI) }

func testEndpointsMatchOpenAPI(t *testing.T, open func(*testing.T) store.DB) {
	s := newServerOn(t, open, "sekret", true)
	id := fixture(3).ID
	// First page of events gives a cursor to follow.
	_, _, b := s.do(t, "GET", "/api/v1/events?limit=10", "", "", false)
	var page Page[store.EventRow]
	if err := json.Unmarshal(b, &page); err != nil || page.NextCursor == "" || len(page.Items) != 10 {
		t.Fatalf("events page: %v %q %d", err, page.NextCursor, len(page.Items))
	}
	batch := `[{"text": ` + jsonString(rawArticle) + `}, {"headline": "x"}, {"text": ` + jsonString(rawArticle) + `}, 42]`
	for _, tc := range []struct {
		method, path, route, ctype, body string
		auth                             bool
		status                           int
	}{
		{"GET", "/api/v1/articles?q=kharkiv&limit=5", "/api/v1/articles", "", "", false, 200},
		{"GET", "/api/v1/articles?topic=Wars+and+Military+Conflicts&country=UA&from=2022-05-01&to=2022-05-10", "/api/v1/articles", "", "", false, 200},
		{"GET", "/api/v1/articles?from=yesterday", "/api/v1/articles", "", "", false, 400},
		{"GET", "/api/v1/articles?cursor=%25%25", "/api/v1/articles", "", "", false, 400},
		{"GET", "/api/v1/articles?limit=0", "/api/v1/articles", "", "", false, 400},
		{"GET", "/api/v1/articles/" + id, "/api/v1/articles/{id}", "", "", false, 200},
		{"GET", "/api/v1/articles/nope", "/api/v1/articles/{id}", "", "", false, 404},
		{"GET", "/api/v1/events?type=assault&country=UA&bbox=30,40,40,55&from=2022-05-02", "/api/v1/events", "", "", false, 200},
		{"GET", "/api/v1/events?cursor=" + page.NextCursor, "/api/v1/events", "", "", false, 200},
		{"GET", "/api/v1/events?q=kharkiv&topic=Wars+and+Military+Conflicts&actor=russian", "/api/v1/events", "", "", false, 200},
		{"GET", "/api/v1/events?format=csv", "/api/v1/events", "", "", false, 200},
		{"GET", "/api/v1/events?bbox=1,2,3", "/api/v1/events", "", "", false, 400},
		{"GET", "/api/v1/events/clusters?cell=0.5", "/api/v1/events/clusters", "", "", false, 200},
		{"GET", "/api/v1/events/clusters?cell=-1", "/api/v1/events/clusters", "", "", false, 400},
		{"GET", "/api/v1/events/clusters?cell=NaN", "/api/v1/events/clusters", "", "", false, 400},
		{"GET", "/api/v1/events?bbox=NaN,0,1,1", "/api/v1/events", "", "", false, 400},
		{"GET", "/api/v1/events/timeline?type=ASSAULT", "/api/v1/events/timeline", "", "", false, 200},
		{"GET", "/api/v1/events/timeline?to=2022-13-01", "/api/v1/events/timeline", "", "", false, 400},
		{"GET", "/api/v1/entities?q=kharkiv", "/api/v1/entities", "", "", false, 200},
		{"GET", "/api/v1/entities?limit=x", "/api/v1/entities", "", "", false, 400},
		{"GET", "/api/v1/stats", "/api/v1/stats", "", "", false, 200},
		{"GET", "/api/v1/openapi.json", "/api/v1/openapi.json", "", "", false, 200},
		{"POST", "/api/v1/analyze", "/api/v1/analyze", "text/plain", rawArticle, true, 200},
		{"POST", "/api/v1/analyze", "/api/v1/analyze", "application/json", `{"headline": "Talks resume", "body": "Negotiators met in Geneva on Friday."}`, true, 200},
		{"POST", "/api/v1/analyze", "/api/v1/analyze", "text/plain", rawArticle, false, 401},
		{"POST", "/api/v1/analyze", "/api/v1/analyze", "application/json", `{"url": "x"}`, true, 422},
		{"POST", "/api/v1/analyze", "/api/v1/analyze", "application/json", `[{"text": "a"}, {"text": "b"}]`, true, 400},
		{"POST", "/api/v1/analyze", "/api/v1/analyze", "image/png", "x", true, 415},
		{"POST", "/api/v1/articles", "/api/v1/articles", "application/json", batch, true, 201},
		{"POST", "/api/v1/articles", "/api/v1/articles", "text/plain", rawArticle, true, 200},
		{"POST", "/api/v1/articles", "/api/v1/articles", "application/json", `{"text": `, true, 400},
		{"POST", "/api/v1/articles", "/api/v1/articles", "application/json", `[]`, true, 400},
		{"POST", "/api/v1/articles", "/api/v1/articles", "application/json", `{}`, false, 401},
		{"POST", "/api/v1/articles", "/api/v1/articles", "text/plain", strings.Repeat("x", MaxIngestBody+1), true, 413},
	} {
		t.Run(tc.method+" "+tc.path[:min(len(tc.path), 60)], func(t *testing.T) {
			status, ctype, body := s.do(t, tc.method, tc.path, tc.ctype, tc.body, tc.auth)
			if status != tc.status {
				t.Fatalf("status %d, want %d: %s", status, tc.status, body)
			}
			if status >= 400 && ctype != "application/problem+json" {
				t.Errorf("error content type %q", ctype)
			}
			s.check(t, tc.route, tc.method, status, ctype, body)
		})
	}
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// The checker rejects a response that breaks the schema.
func TestCheckRejects(t *testing.T) {
	s := newServer(t, "", true)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("openapi.json", s.doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("openapi.json#/components/schemas/HitPage")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{`{"items": 5, "next_cursor": ""}`, `{"items": [{"id": 1}], "next_cursor": ""}`, `{"items": []}`} {
		v, _ := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if sch.Validate(v) == nil {
			t.Errorf("%s passed the HitPage schema", bad)
		}
	}
}

// Every route is documented and every documented path is served.
func TestOpenAPICoversRoutes(t *testing.T) {
	a := New(Options{})
	paths := map[string]map[string]bool{}
	for _, r := range a.routeTable() {
		if paths[r.path] == nil {
			paths[r.path] = map[string]bool{}
		}
		paths[r.path][strings.ToLower(r.method)] = true
	}
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(OpenAPI, &doc); err != nil {
		t.Fatal(err)
	}
	for p, ms := range paths {
		for m := range ms {
			if _, ok := doc.Paths[p][m]; !ok {
				t.Errorf("route %s %s is not in openapi.json", m, p)
			}
		}
	}
	for p, ms := range doc.Paths {
		for m := range ms {
			if !paths[p][m] {
				t.Errorf("openapi.json documents %s %s, which is not served", m, p)
			}
		}
	}
}

func TestIngestOutcomes(t *testing.T) { eachBackend(t, testIngestOutcomes) }

func testIngestOutcomes(t *testing.T, open func(*testing.T) store.DB) {
	s := newServerOn(t, open, "", true)
	second := strings.Replace(rawArticle, "Bangladesh", "Assam", -1)
	body := `[{"text": ` + jsonString(rawArticle) + `}, {"headline": "only a headline"}, {"text": ` + jsonString(rawArticle) + `},
		{"text": ` + jsonString(second) + `, "url": "https://example.org/assam", "published": "2024-06-04"}, {"published": "bad"}]`
	status, _, b := s.do(t, "POST", "/api/v1/articles", "application/json", body, false)
	if status != 201 {
		t.Fatalf("status %d: %s", status, b)
	}
	var res IngestResponse
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	want := []string{"new", "failed", "duplicate", "new", "failed"}
	for i, r := range res.Results {
		if r.Index != i || r.Status != want[i] {
			t.Errorf("result %d: %+v, want %s", i, r, want[i])
		}
		if r.Status == "failed" && r.Error == "" {
			t.Errorf("result %d failed without an error", i)
		}
	}
	if res.New != 2 || res.Duplicate != 1 || res.Failed != 2 {
		t.Errorf("counts %+v", res)
	}
	// Posting again: all duplicates, no analysis, 200.
	status, _, b = s.do(t, "POST", "/api/v1/articles", "application/x-ndjson",
		`{"text": `+jsonString(rawArticle)+"}\n\n"+`{"text": `+jsonString(second)+`, "url": "https://example.org/assam"}`+"\n", false)
	if status != 200 || !bytes.Contains(b, []byte(`"duplicate":2`)) {
		t.Fatalf("again: %d %s", status, b)
	}
	// The stored article is searchable and readable.
	_, _, b = s.do(t, "GET", "/api/v1/articles?q=assam", "", "", false)
	var hits Page[store.Hit]
	json.Unmarshal(b, &hits)
	if len(hits.Items) != 1 || hits.Items[0].ID != res.Results[3].ID || hits.Items[0].Published != "2024-06-04" {
		t.Fatalf("search: %s", b)
	}
	status, _, b = s.do(t, "GET", "/api/v1/articles/"+res.Results[3].ID, "", "", false)
	var art article.Article
	if status != 200 || json.Unmarshal(b, &art) != nil || art.URL != "https://example.org/assam" {
		t.Fatalf("get: %d %s", status, b)
	}
	// HTML body.
	html := `<html><head><title>Ceasefire holds</title></head><body><article><h1>Ceasefire holds in the north</h1>
		<p>A ceasefire between the army and rebel groups held for a third day on Sunday, residents said.</p>
		<p>Aid convoys reached two towns that had been cut off for weeks, the United Nations said.</p></article></body></html>`
	status, _, b = s.do(t, "POST", "/api/v1/articles", "text/html; charset=utf-8", html, false)
	if status != 201 || !bytes.Contains(b, []byte(`"status":"new"`)) {
		t.Fatalf("html: %d %s", status, b)
	}
}

func TestAuth(t *testing.T) {
	for _, tc := range []struct {
		name      string
		openReads bool
		auth      bool
		header    string
		get, post int
	}{
		{"loopback, no token given", true, false, "", 200, 401},
		{"loopback, token", true, true, "", 200, 200},
		{"wrong token", true, false, "Bearer nope", 200, 401},
		{"not bearer", true, false, "Basic c2VrcmV0", 200, 401},
		{"public, no token given", false, false, "", 401, 401},
		{"public, token", false, true, "", 200, 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newServer(t, "sekret", tc.openReads)
			for _, m := range []string{"GET", "POST"} {
				path := "/api/v1/stats"
				var body io.Reader
				if m == "POST" {
					path = "/api/v1/articles"
					body = strings.NewReader(`{"text": ` + jsonString(rawArticle) + `}`)
				}
				req, _ := http.NewRequest(m, s.URL+path, body)
				if tc.auth {
					req.Header.Set("Authorization", "Bearer sekret")
				} else if tc.header != "" {
					req.Header.Set("Authorization", tc.header)
				}
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				want := tc.get
				if m == "POST" {
					want = tc.post
					if want == 200 {
						want = 201
					}
				}
				if resp.StatusCode != want {
					t.Errorf("%s: %d, want %d", m, resp.StatusCode, want)
				}
				if resp.StatusCode == 401 && resp.Header.Get("WWW-Authenticate") == "" {
					t.Error("401 without WWW-Authenticate")
				}
			}
		})
	}
}

func TestOpsEndpoints(t *testing.T) {
	s := newServer(t, "", true)
	for _, tc := range []struct {
		method, path string
		status       int
		contains     string
	}{
		{"GET", "/healthz", 200, "ok"},
		{"GET", "/readyz", 200, "ready"},
		{"GET", "/", 200, "ui"},
		{"GET", "/api/v2/nothing", 404, "no such endpoint"},
		{"DELETE", "/api/v1/articles", 405, "not allowed"},
		{"GET", "/metrics", 200, `sitrep_http_requests_total{code="404",method="GET",route="/api/"} 1`},
		{"GET", "/metrics", 200, `sitrep_store_articles 30`},
	} {
		status, _, b := s.do(t, tc.method, tc.path, "", "", false)
		if status != tc.status || !strings.Contains(string(b), tc.contains) {
			t.Errorf("%s %s: %d %q, want %d containing %q", tc.method, tc.path, status, b[:min(len(b), 300)], tc.status, tc.contains)
		}
	}
}

func TestEventsCSV(t *testing.T) { eachBackend(t, testEventsCSV) }

func testEventsCSV(t *testing.T, open func(*testing.T) store.DB) {
	s := newServerOn(t, open, "", true)
	status, ctype, b := s.do(t, "GET", "/api/v1/events?format=csv&country=UA", "", "", false)
	if status != 200 || !strings.HasPrefix(ctype, "text/csv") {
		t.Fatalf("%d %s", status, ctype)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 31 || strings.Join(recs[0], ",") != strings.Join(CSVHeader, ",") {
		t.Fatalf("%d rows, header %v", len(recs), recs[0])
	}
	if recs[1][1] != "ASSAULT" || recs[1][8] != "UA" || !regexp.MustCompile(`^2022-05-\d\d$`).MatchString(recs[1][0]) {
		t.Errorf("row %v", recs[1])
	}
}

func FuzzParseBody(f *testing.F) {
	for _, s := range []string{`{"text": "Headline\n\nBody."}`, `[{"body": "x"}, 1, null]`, `[`, "", `{"published": "2020-01-01", "body": "b"}`, "<html><p>x</p></html>", "a\nb"} {
		f.Add("application/json", s)
		f.Add("text/plain", s)
		f.Add("text/html", s)
		f.Add("application/x-ndjson", s)
	}
	f.Fuzz(func(t *testing.T, ctype, body string) {
		items, err := parseBody(ctype, []byte(body))
		if err != nil {
			if items != nil {
				t.Fatal("items with an error")
			}
			return
		}
		if len(items) == 0 || len(items) > MaxBatch {
			t.Fatalf("%d items", len(items))
		}
		for _, it := range items {
			if (it.Article == nil) == (it.Err == nil) {
				t.Fatalf("item: article %v, err %v", it.Article != nil, it.Err)
			}
		}
	})
}

func TestCacheFollowsStore(t *testing.T) {
	s := newServer(t, "", true)
	get := func() (string, string) {
		resp, err := http.Get(s.URL + "/api/v1/stats")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var st struct {
			Articles int `json:"articles"`
		}
		json.NewDecoder(resp.Body).Decode(&st)
		return resp.Header.Get("X-Cache"), fmt.Sprint(st.Articles)
	}
	for i, want := range [][2]string{{"miss", "30"}, {"hit", "30"}} {
		if c, n := get(); c != want[0] || n != want[1] {
			t.Errorf("call %d: %s %s, want %v", i, c, n, want)
		}
	}
	s.do(t, "POST", "/api/v1/articles", "text/plain", rawArticle, false)
	if c, n := get(); c != "miss" || n != "31" {
		t.Errorf("after a write: %s %s, want a miss with 31 articles", c, n)
	}
}

func FuzzQueryBBox(f *testing.F) {
	for _, s := range []string{"30,40,40,55", "-180,-90,180,90", "1,2,3", "a,b,c,d", "NaN,0,1,1", "1e400,0,1,1", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := queryBBox(map[string][]string{"bbox": {s}})
		if err != nil || b == nil {
			return
		}
		if !(b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90 && b[0] <= b[2] && b[1] <= b[3]) {
			t.Fatalf("accepted %q as %v", s, *b)
		}
	})
}

// slowStore blocks every search until the request's context ends.
type slowStore struct{ *store.SQLite }

func (slowStore) SearchRanked(ctx context.Context, q store.Query) ([]store.Hit, string, error) {
	<-ctx.Done()
	return nil, "", ctx.Err()
}

func TestTimeoutIsAProblem(t *testing.T) {
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "slow.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewServer(New(Options{Store: slowStore{st}, Timeout: 50 * time.Millisecond}).Handler())
	defer srv.Close()
	start := time.Now()
	resp, err := http.Get(srv.URL + "/api/v1/articles?q=x")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var p Problem
	json.NewDecoder(resp.Body).Decode(&p)
	if resp.StatusCode != http.StatusGatewayTimeout || p.Status != 504 || resp.Header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("%d %+v", resp.StatusCode, p)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestHTTPServerTimeouts(t *testing.T) {
	s := HTTPServer("127.0.0.1:0", http.NotFoundHandler(), nil)
	if s.ReadHeaderTimeout == 0 || s.ReadTimeout == 0 || s.WriteTimeout == 0 || s.IdleTimeout == 0 || s.MaxHeaderBytes == 0 {
		t.Errorf("missing a limit: %+v", s)
	}
}
