// Package fetch is sitrep's HTTP fetcher for pages and feeds: one GET with
// timeouts, a response size cap, a redirect limit, conditional requests
// (ETag / Last-Modified), a configurable user agent and conversion of HTML
// to UTF-8. It refuses to connect to private, loopback, link-local and other
// non-public addresses unless AllowPrivate is set; the check runs on the
// resolved IP at dial time, so it also holds after redirects and for host
// names that resolve to such addresses.
//
// It does not parse feeds (see feeds), extract articles (see extract) or
// rate-limit hosts (the feed poller does that).
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Defaults for Options left zero.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBytes     = 10 << 20
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "sitrep/0.1 (+https://github.com/sitrep; news analysis)"
)

// Errors a Get can return (wrapped; test with errors.Is).
var (
	ErrTooLarge    = errors.New("fetch: response larger than the size cap")
	ErrRedirects   = errors.New("fetch: too many redirects")
	ErrForbiddenIP = errors.New("fetch: address not allowed (private, loopback or link-local)")
	ErrScheme      = errors.New("fetch: only http and https URLs are fetched")
	ErrNoAddress   = errors.New("fetch: host has no allowed address")
)

// StatusError is a response with a status other than 2xx or 304.
type StatusError struct {
	Code       int
	URL        string
	RetryAfter time.Duration // from a Retry-After header (429, 503), 0 when absent
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("fetch %s: HTTP %d %s", e.URL, e.Code, http.StatusText(e.Code))
}

// Resolver looks up a host's addresses; *net.Resolver satisfies it. Tests
// pass their own to map names to chosen IPs.
type Resolver interface {
	LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error)
}

// Options configure a Fetcher. The zero value is usable.
type Options struct {
	UserAgent    string        // default DefaultUserAgent
	Timeout      time.Duration // whole request incl. body; default 30s
	MaxBytes     int64         // body cap after decompression; default 10 MB
	MaxRedirects int           // default 5; negative means none followed
	AllowPrivate bool          // allow private, loopback and link-local targets
	Resolver     Resolver      // default net.DefaultResolver
	// Allowed decides which resolved IPs may be dialled when AllowPrivate
	// is false; default Public. Tests narrow it to tell two loopback
	// addresses apart.
	Allowed func(net.IP) bool
}

// Fetcher does GETs. It is safe for concurrent use.
type Fetcher struct {
	opts   Options
	client *http.Client
}

// New builds a Fetcher.
func New(o Options) *Fetcher {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.Resolver == nil {
		o.Resolver = net.DefaultResolver
	}
	if o.Allowed == nil {
		o.Allowed = Public
	}
	if o.AllowPrivate {
		o.Allowed = func(net.IP) bool { return true }
	}
	f := &Fetcher{opts: o}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !o.AllowPrivate {
		// second line of defence: whatever address is dialled is checked
		dialer.Control = func(network, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			ip := net.ParseIP(host)
			if ip == nil || !o.Allowed(ip) {
				return fmt.Errorf("%s: %w", host, ErrForbiddenIP)
			}
			return nil
		}
	}
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would hide the real target from the IP check
		DialContext:           f.dialContext(dialer),
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          64,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 20 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	f.client = &http.Client{
		Transport: tr,
		Timeout:   o.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if o.MaxRedirects < 0 || len(via) > o.MaxRedirects {
				return fmt.Errorf("%d redirects: %w", len(via), ErrRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: %w", req.URL.Scheme, ErrScheme)
			}
			req.Header.Set("User-Agent", o.UserAgent)
			return nil
		},
	}
	return f
}

// dialContext resolves the host itself, drops every address that is not
// allowed, and dials the first allowed one by IP, so the name cannot
// resolve differently between the check and the connection.
func (f *Fetcher) dialContext(d *net.Dialer) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, port, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		var ips []net.IP
		if ip := net.ParseIP(host); ip != nil {
			ips = []net.IP{ip}
		} else {
			as, err := f.opts.Resolver.LookupIPAddr(ctx, host)
			if err != nil {
				return nil, err
			}
			for _, a := range as {
				ips = append(ips, a.IP)
			}
		}
		var lastErr error = fmt.Errorf("%s: %w", host, ErrNoAddress)
		for _, ip := range ips {
			if !f.opts.Allowed(ip) {
				lastErr = fmt.Errorf("%s (%s): %w", host, ip, ErrForbiddenIP)
				continue
			}
			c, err := d.DialContext(ctx, network, net.JoinHostPort(ip.String(), port))
			if err == nil {
				return c, nil
			}
			lastErr = err
		}
		return nil, lastErr
	}
}

// Request is one GET.
type Request struct {
	URL          string
	Accept       string // default: HTML first
	ETag         string // sent as If-None-Match
	LastModified string // sent as If-Modified-Since
	// KeepEncoding leaves the body in its own encoding. Feeds want this:
	// XML declares its encoding and the feed parser decodes it.
	KeepEncoding bool
}

// Response is a fetched resource.
type Response struct {
	URL          string // after redirects
	Status       int
	Header       http.Header
	ContentType  string // media type, lower case, no parameters
	Charset      string // encoding the body was converted from ("" when not converted)
	Body         []byte // UTF-8 for text types unless KeepEncoding
	ETag         string
	LastModified string
	NotModified  bool // 304: Body is empty
}

// Accept headers.
const (
	AcceptHTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
	AcceptFeed = "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)

// Get fetches req.URL. A 304 is a Response with NotModified; any other
// non-2xx status is a *StatusError.
func (f *Fetcher) Get(ctx context.Context, req Request) (*Response, error) {
	u, err := url.Parse(req.URL)
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%s: %w", req.URL, ErrScheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("fetch %s: no host", req.URL)
	}
	hr, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	hr.Header.Set("User-Agent", f.opts.UserAgent)
	accept := req.Accept
	if accept == "" {
		accept = AcceptHTML
	}
	hr.Header.Set("Accept", accept)
	if req.ETag != "" {
		hr.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hr.Header.Set("If-Modified-Since", req.LastModified)
	}
	resp, err := f.client.Do(hr)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out := &Response{
		URL:          resp.Request.URL.String(),
		Status:       resp.StatusCode,
		Header:       resp.Header,
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified = true
		if out.ETag == "" {
			out.ETag = req.ETag
		}
		if out.LastModified == "" {
			out.LastModified = req.LastModified
		}
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, &StatusError{Code: resp.StatusCode, URL: out.URL, RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
	}
	if resp.ContentLength > f.opts.MaxBytes {
		return nil, fmt.Errorf("%s: %d bytes: %w", out.URL, resp.ContentLength, ErrTooLarge)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opts.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", out.URL, err)
	}
	if int64(len(body)) > f.opts.MaxBytes {
		return nil, fmt.Errorf("%s: over %d bytes: %w", out.URL, f.opts.MaxBytes, ErrTooLarge)
	}
	ct := resp.Header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(ct)
	if mt == "" {
		mt, _, _ = mime.ParseMediaType(http.DetectContentType(body))
	}
	out.ContentType = strings.ToLower(mt)
	out.Body = body
	if !req.KeepEncoding && IsHTML(out.ContentType) {
		conv, enc, err := ToUTF8(body, ct)
		if err != nil {
			return nil, fmt.Errorf("fetch %s: %w", out.URL, err)
		}
		out.Body, out.Charset = conv, enc
	}
	return out, nil
}

// retryAfter parses a Retry-After value: delay seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n < 0 {
			return 0
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// IsHTML reports whether a media type is HTML (or plain text, which is
// converted the same way).
func IsHTML(mediaType string) bool {
	switch mediaType {
	case "text/html", "application/xhtml+xml", "text/plain":
		return true
	}
	return false
}
