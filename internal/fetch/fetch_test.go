package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// mapResolver resolves names from a fixed table; anything else fails.
type mapResolver map[string][]string

func (m mapResolver) LookupIPAddr(_ context.Context, host string) ([]net.IPAddr, error) {
	ips, ok := m[host]
	if !ok {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	var out []net.IPAddr
	for _, s := range ips {
		out = append(out, net.IPAddr{IP: net.ParseIP(s)})
	}
	return out, nil
}

// serveOn starts an httptest server listening on ip (a loopback address).
func serveOn(t *testing.T, ip string, h http.Handler) *httptest.Server {
	t.Helper()
	l, err := net.Listen("tcp", ip+":0")
	if err != nil {
		t.Skipf("cannot listen on %s: %v", ip, err)
	}
	s := httptest.NewUnstartedServer(h)
	s.Listener.Close()
	s.Listener = l
	s.Start()
	t.Cleanup(s.Close)
	return s
}

// only127002 treats 127.0.0.2 as if it were a public address, so a test
// can tell an allowed first hop from a refused 127.0.0.1.
func only127002(ip net.IP) bool { return ip.Equal(net.ParseIP("127.0.0.2")) }

func TestRefusesNonPublicTargets(t *testing.T) {
	target := serveOn(t, "127.0.0.1", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<html><body><p>secret</p></body></html>")
	}))
	port := target.Listener.Addr().(*net.TCPAddr).Port
	front := serveOn(t, "127.0.0.2", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-loopback":
			http.Redirect(w, r, target.URL+"/", http.StatusFound)
		case "/to-private-name":
			http.Redirect(w, r, fmt.Sprintf("http://intranet.test:%d/", port), http.StatusFound)
		default:
			fmt.Fprint(w, "<html><body><p>public page</p></body></html>")
		}
	}))
	fport := front.Listener.Addr().(*net.TCPAddr).Port
	res := mapResolver{
		"intranet.test": {"10.1.2.3"},
		"loop.test":     {"127.0.0.1"},
		"meta.test":     {"169.254.169.254"},
		"mapped.test":   {"::ffff:127.0.0.1"},
		"mixed.test":    {"10.0.0.7", "127.0.0.2"},
		"public.test":   {"127.0.0.2"},
	}
	cases := []struct {
		name    string
		opts    Options
		url     string
		refused bool
	}{
		{"loopback literal, default policy", Options{}, target.URL, true},
		{"loopback literal, allow-private", Options{AllowPrivate: true}, target.URL, false},
		{"redirect to 127.0.0.1", Options{Allowed: only127002}, fmt.Sprintf("http://127.0.0.2:%d/to-loopback", fport), true},
		{"redirect to a name resolving to 10/8", Options{Allowed: only127002, Resolver: res}, fmt.Sprintf("http://127.0.0.2:%d/to-private-name", fport), true},
		{"name resolving to loopback", Options{Resolver: res}, fmt.Sprintf("http://loop.test:%d/", port), true},
		{"name resolving to link-local metadata", Options{Resolver: res}, fmt.Sprintf("http://meta.test:%d/", port), true},
		{"IPv4-mapped loopback", Options{Resolver: res}, fmt.Sprintf("http://mapped.test:%d/", port), true},
		{"mixed answers: the allowed one is dialled", Options{Allowed: only127002, Resolver: res}, fmt.Sprintf("http://mixed.test:%d/", fport), false},
		{"allowed first hop", Options{Allowed: only127002, Resolver: res}, fmt.Sprintf("http://public.test:%d/", fport), false},
		{"redirect followed with allow-private", Options{AllowPrivate: true}, fmt.Sprintf("http://127.0.0.2:%d/to-loopback", fport), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, err := New(c.opts).Get(context.Background(), Request{URL: c.url})
			if c.refused {
				if !errors.Is(err, ErrForbiddenIP) {
					t.Fatalf("want ErrForbiddenIP, got %v (resp %v)", err, resp)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if resp.Status != 200 || len(resp.Body) == 0 {
				t.Fatalf("status %d body %q", resp.Status, resp.Body)
			}
		})
	}
}

func TestPublic(t *testing.T) {
	cases := map[string]bool{
		"8.8.8.8": true, "1.1.1.1": true, "2606:4700:4700::1111": true, "93.184.216.34": true,
		"127.0.0.1": false, "127.9.9.9": false, "::1": false, "10.0.0.1": false, "172.16.5.4": false,
		"192.168.1.1": false, "169.254.169.254": false, "fe80::1": false, "fc00::1": false, "fd12::1": false,
		"0.0.0.0": false, "::": false, "100.64.0.1": false, "224.0.0.1": false, "255.255.255.255": false,
		"::ffff:10.0.0.1": false, "::ffff:8.8.8.8": true, "64:ff9b::7f00:1": false, "192.0.2.1": false,
	}
	for s, want := range cases {
		if got := Public(net.ParseIP(s)); got != want {
			t.Errorf("Public(%s) = %v, want %v", s, got, want)
		}
	}
	if Public(nil) {
		t.Error("Public(nil) = true")
	}
}

func TestSizeCap(t *testing.T) {
	big := strings.Repeat("x", 4096)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		if r.URL.Path == "/chunked" {
			// no Content-Length: the cap must hold while reading
			w.(http.Flusher).Flush()
		}
		fmt.Fprint(w, big)
	}))
	defer srv.Close()
	f := New(Options{AllowPrivate: true, MaxBytes: 1024})
	for _, p := range []string{"/length", "/chunked"} {
		_, err := f.Get(context.Background(), Request{URL: srv.URL + p})
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: want ErrTooLarge, got %v", p, err)
		}
	}
	ok := New(Options{AllowPrivate: true, MaxBytes: 4096})
	if resp, err := ok.Get(context.Background(), Request{URL: srv.URL + "/chunked"}); err != nil || len(resp.Body) != 4096 {
		t.Errorf("at the cap: %v", err)
	}
}

func TestRedirectLimit(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/r/%d", &n)
		if n > 0 {
			http.Redirect(w, r, fmt.Sprintf("/r/%d", n-1), http.StatusMovedPermanently)
			return
		}
		fmt.Fprint(w, "<p>arrived</p>")
	}))
	defer srv.Close()
	f := New(Options{AllowPrivate: true})
	cases := []struct {
		hops int
		ok   bool
	}{{0, true}, {1, true}, {5, true}, {6, false}, {20, false}}
	for _, c := range cases {
		resp, err := f.Get(context.Background(), Request{URL: fmt.Sprintf("%s/r/%d", srv.URL, c.hops)})
		if c.ok {
			if err != nil || !strings.HasSuffix(resp.URL, "/r/0") {
				t.Errorf("%d hops: %v", c.hops, err)
			}
		} else if !errors.Is(err, ErrRedirects) {
			t.Errorf("%d hops: want ErrRedirects, got %v", c.hops, err)
		}
	}
}

func TestCharsetConversion(t *testing.T) {
	// "café – 10 €" in windows-1252: é=0xE9, en dash=0x96, euro=0x80
	cp1252 := []byte("<html><head><meta charset=\"windows-1252\"><title>caf\xe9</title></head><body><p>caf\xe9 \x96 10 \x80</p></body></html>")
	latin1 := []byte("<html><body><p>na\xefve r\xe9sum\xe9</p></body></html>")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/meta":
			w.Header().Set("Content-Type", "text/html")
			w.Write(cp1252)
		case "/header":
			w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
			w.Write(latin1)
		case "/utf8":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, "<p>déjà vu</p>")
		case "/undeclared":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<p>Z\xfcrich</p>"))
		}
	}))
	defer srv.Close()
	f := New(Options{AllowPrivate: true})
	cases := []struct{ path, want, charset string }{
		{"/meta", "café – 10 €", "windows-1252"},
		{"/header", "naïve résumé", "windows-1252"},
		{"/utf8", "déjà vu", ""},
		{"/undeclared", "Zürich", "windows-1252"},
	}
	for _, c := range cases {
		resp, err := f.Get(context.Background(), Request{URL: srv.URL + c.path})
		if err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		if !utf8.Valid(resp.Body) || !strings.Contains(string(resp.Body), c.want) {
			t.Errorf("%s: body %q, want it to contain %q", c.path, resp.Body, c.want)
		}
		if resp.Charset != c.charset {
			t.Errorf("%s: charset %q, want %q", c.path, resp.Charset, c.charset)
		}
	}
	resp, _ := f.Get(context.Background(), Request{URL: srv.URL + "/meta"})
	if !strings.Contains(string(resp.Body), `charset="utf-8"`) {
		t.Errorf("meta charset not rewritten: %s", resp.Body)
	}
	raw, _ := f.Get(context.Background(), Request{URL: srv.URL + "/meta", KeepEncoding: true})
	if string(raw.Body) != string(cp1252) {
		t.Error("KeepEncoding changed the body")
	}
}

func TestConditionalGetUserAgentAndStatus(t *testing.T) {
	var gotUA string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotUA = r.UserAgent()
		switch r.URL.Path {
		case "/feed":
			if r.Header.Get("If-None-Match") == `"v1"` || r.Header.Get("If-Modified-Since") == "Mon, 02 Jan 2006 15:04:05 GMT" {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, "<rss/>")
		case "/gone":
			http.Error(w, "gone", http.StatusGone)
		case "/slow":
			time.Sleep(500 * time.Millisecond)
			fmt.Fprint(w, "late")
		}
	}))
	defer srv.Close()
	f := New(Options{AllowPrivate: true, UserAgent: "sitrep-test/1", Timeout: 200 * time.Millisecond})
	ctx := context.Background()
	r1, err := f.Get(ctx, Request{URL: srv.URL + "/feed", Accept: AcceptFeed, KeepEncoding: true})
	if err != nil || r1.NotModified || r1.ETag != `"v1"` || r1.LastModified == "" {
		t.Fatalf("first GET: %+v %v", r1, err)
	}
	if gotUA != "sitrep-test/1" {
		t.Errorf("user agent %q", gotUA)
	}
	for _, req := range []Request{{URL: srv.URL + "/feed", ETag: r1.ETag}, {URL: srv.URL + "/feed", LastModified: r1.LastModified}} {
		r2, err := f.Get(ctx, req)
		if err != nil || !r2.NotModified || len(r2.Body) != 0 {
			t.Errorf("conditional GET %+v: %+v %v", req, r2, err)
		}
	}
	var se *StatusError
	if _, err := f.Get(ctx, Request{URL: srv.URL + "/gone"}); !errors.As(err, &se) || se.Code != 410 {
		t.Errorf("410: %v", err)
	}
	if _, err := f.Get(ctx, Request{URL: srv.URL + "/slow"}); err == nil {
		t.Error("slow response: no timeout")
	}
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/x", "gopher://x", "http://"} {
		if _, err := f.Get(ctx, Request{URL: u}); err == nil {
			t.Errorf("%s: fetched", u)
		}
	}
}

func FuzzToUTF8(f *testing.F) {
	f.Add([]byte("<meta charset=\"windows-1252\"><p>caf\xe9</p>"), "text/html")
	f.Add([]byte("<p>plain</p>"), "text/html; charset=utf-8")
	f.Add([]byte("\xef\xbb\xbf<p>bom</p>"), "")
	f.Add([]byte("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\">\x82\xa0"), "text/html")
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"), "text/html; charset=utf-16")
	f.Fuzz(func(t *testing.T, body []byte, ct string) {
		out, _, err := ToUTF8(body, ct)
		if err == nil && !utf8.Valid(out) {
			t.Fatalf("ToUTF8 returned invalid UTF-8: %q", out)
		}
	})
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	cases := map[string]time.Duration{
		"":                              0,
		"120":                           2 * time.Minute,
		"-5":                            0,
		"soon":                          0,
		"Mon, 02 Mar 2026 10:05:00 GMT": 5 * time.Minute,
		"Mon, 02 Mar 2026 09:00:00 GMT": 0,
	}
	for v, want := range cases {
		if got := retryAfter(v, now); got != want {
			t.Errorf("retryAfter(%q) = %v, want %v", v, got, want)
		}
	}
}
