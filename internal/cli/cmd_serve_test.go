package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true, "127.1.2.3:1": true,
		"0.0.0.0:8080": false, ":8080": false, "192.168.1.10:80": false, "example.org:80": false,
	} {
		got, err := isLoopback(addr)
		if err != nil || got != want {
			t.Errorf("isLoopback(%q) = %v, %v; want %v", addr, got, err, want)
		}
	}
	if _, err := isLoopback("no-port"); err == nil {
		t.Error("no error for an address without a port")
	}
}

// syncBuffer is a bytes.Buffer safe to read while the command writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServeCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "serve.db")
	var out, errb syncBuffer
	if code := Main(context.Background(), []string{"--db", db, "serve", "--addr", "0.0.0.0:0"}, strings.NewReader(""), &out, &errb); code == 0 ||
		!strings.Contains(errb.String(), "not a loopback address") {
		t.Fatalf("public address without a token: code %d, stderr %q", code, errb.String())
	}
	if code := Main(context.Background(), []string{"--db", db, "fill-synthetic", "--n", "40"}, strings.NewReader(""), &out, &errb); code != 0 ||
		!strings.Contains(out.String(), "added 40 synthetic articles") {
		t.Fatalf("fill-synthetic: %d %q %q", code, out.String(), errb.String())
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	out = syncBuffer{}
	go func() {
		done <- Main(ctx, []string{"--db", db, "serve", "--addr", "127.0.0.1:0", "--token", "t0k", "--log-format", "json"}, strings.NewReader(""), &out, &errb)
	}()
	re := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)
	var base string
	for i := 0; i < 200 && base == ""; i++ {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			base = "http://" + m[1]
		}
		time.Sleep(20 * time.Millisecond)
	}
	if base == "" {
		cancel()
		t.Fatalf("server did not start: %q %q", out.String(), errb.String())
	}
	for path, want := range map[string]string{"/healthz": "ok", "/readyz": "ready", "/api/v1/stats": `"articles":40`, "/": "<title>sitrep"} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(b), want) {
			t.Errorf("GET %s: %d %.200s", path, resp.StatusCode, b)
		}
	}
	resp, err := http.Post(base+"/api/v1/articles", "text/plain", strings.NewReader("Headline\n\nBody text here."))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("POST without the token: %d", resp.StatusCode)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d: %s", code, errb.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	if !strings.Contains(errb.String(), `"msg":"http"`) || !strings.Contains(errb.String(), `"route":"/api/v1/stats"`) {
		t.Errorf("no JSON access log for the requests: %.500s", errb.String())
	}
}
