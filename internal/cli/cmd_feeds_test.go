package cli

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

func feedSite(t *testing.T) (*httptest.Server, *atomic.Int64) {
	var pages atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>
<item><title>One</title><link>/news/1</link><guid>n1</guid></item>
<item><title>Two</title><link>/news/2</link><guid>n2</guid></item></channel></rss>`)
	})
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		pages.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		n := strings.TrimPrefix(r.URL.Path, "/news/")
		fmt.Fprintf(w, "<html><body><h1>Minister visits port %s</h1><p>The minister visited the port of S\xe3o Tom\xe9 on Friday, officials said.</p><p>Talks on trade followed.</p></body></html>", n)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &pages
}

func TestFeedsCLI(t *testing.T) {
	srv, pages := feedSite(t)
	db := filepath.Join(t.TempDir(), "s.db")
	out := runCLI(t, "", "--db", db, "feeds", "add", srv.URL+"/rss.xml")
	if !strings.HasPrefix(out, "added\t1\t") {
		t.Fatalf("add: %q", out)
	}
	if out := runCLI(t, "", "--db", db, "feeds", "add", srv.URL+"/rss.xml"); !strings.HasPrefix(out, "exists") {
		t.Errorf("re-add: %q", out)
	}
	out = runCLI(t, "", "--db", db, "feeds", "poll", "--allow-private", "--delay", "0", "--json")
	var r struct{ Feeds, Items, Fetched, Stored, Failed int }
	if err := json.Unmarshal([]byte(out), &r); err != nil || r.Stored != 2 || r.Fetched != 2 {
		t.Fatalf("first poll: %q %v", out, err)
	}
	out = runCLI(t, "", "--db", db, "feeds", "poll", "--allow-private", "--delay", "0", "--json")
	if err := json.Unmarshal([]byte(out), &r); err != nil || r.Fetched != 0 || r.Stored != 0 || pages.Load() != 2 {
		t.Fatalf("second poll fetched pages: %q (%d page hits)", out, pages.Load())
	}
	out = runCLI(t, "", "--db", db, "feeds", "list", "--json")
	var fs []struct {
		Title    string
		Articles int
	}
	if err := json.Unmarshal([]byte(out), &fs); err != nil || len(fs) != 1 || fs[0].Title != "Local Wire" || fs[0].Articles != 2 {
		t.Fatalf("list: %q", out)
	}
	if out := runCLI(t, "", "--db", db, "feeds", "list"); !strings.Contains(out, "Local Wire") {
		t.Errorf("list table: %q", out)
	}
	out = runCLI(t, "", "--db", db, "search", "--json", "minister")
	if !strings.Contains(out, "São Tomé") && !strings.Contains(out, "Minister visits port") {
		t.Errorf("search after poll: %s", out)
	}
	// without --allow-private the loopback feed is refused, and reported
	out = runCLI(t, "", "--db", db, "feeds", "poll", "--delay", "0", "--json")
	var r2 struct {
		FeedErrors int `json:"feed_errors"`
	}
	json.Unmarshal([]byte(out), &r2)
	if r2.FeedErrors != 1 {
		t.Errorf("poll without --allow-private: %q", out)
	}
	out = runCLI(t, "", "--db", db, "feeds", "rm", "1")
	if !strings.HasPrefix(out, "removed") {
		t.Errorf("rm: %q", out)
	}
}

func TestFetchCLI(t *testing.T) {
	srv, _ := feedSite(t)
	db := filepath.Join(t.TempDir(), "s.db")
	out := runCLI(t, "", "--db", db, "fetch", "--allow-private", "--store", srv.URL+"/news/7")
	var a struct {
		Headline, Body, URL, Source string
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("fetch: %v: %s", err, out)
	}
	if a.Headline != "Minister visits port 7" || !strings.Contains(a.Body, "São Tomé") || a.URL != srv.URL+"/news/7" {
		t.Errorf("fetched article: %+v", a)
	}
	validateSchema(t, []byte(out))
	if out := runCLI(t, "", "--db", db, "export", "--format", "jsonl"); strings.Count(out, "\n") != 1 {
		t.Errorf("--store: export has %q", out)
	}
	var stdout, stderr bytes.Buffer
	code := Main(context.Background(), []string{"--db", db, "fetch", srv.URL + "/news/8"}, strings.NewReader(""), &stdout, &stderr)
	if code == 0 || !strings.Contains(stderr.String(), "not allowed") {
		t.Errorf("fetch of loopback without --allow-private: exit %d, %s", code, stderr.String())
	}
}

func TestIngestWARCCLI(t *testing.T) {
	var warc bytes.Buffer
	for i := 1; i <= 3; i++ {
		body := fmt.Sprintf("<html><body><h1>Election result %d</h1><p>Voters in district %d chose a new council on Sunday.</p></body></html>", i, i)
		block := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
		rec := fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://votes.test/%d\r\nWARC-Date: 2026-03-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", i, i, len(block), block)
		var m bytes.Buffer
		zw := gzip.NewWriter(&m)
		zw.Write([]byte(rec))
		zw.Close()
		warc.Write(m.Bytes())
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "news.warc.gz")
	if err := os.WriteFile(p, warc.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "s.db")
	out := runCLI(t, "", "--db", db, "ingest", "-q", p)
	if !strings.HasPrefix(out, "ingested 3, duplicates 0, failed 0") {
		t.Fatalf("ingest warc: %s", out)
	}
	out = runCLI(t, "", "--db", db, "search", "--json", "district 2")
	if !strings.Contains(out, "http://votes.test/2") {
		t.Errorf("search: %s", out)
	}
}
