package extract

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

// speedPages are the benchmark's pages when ../shared is there, else this
// package's own test pages.
func speedPages(b *testing.B) ([]BenchPage, string) {
	if pages, err := LoadBench(benchDir); err == nil && len(pages) > 0 {
		return pages, "scrapinghub-aeb"
	}
	entries, err := os.ReadDir(filepath.Join("testdata", "html"))
	if err != nil {
		b.Fatal(err)
	}
	var pages []BenchPage
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join("testdata", "html", e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, BenchPage{ID: e.Name(), HTML: raw})
	}
	return pages, "testdata/html"
}

// BenchmarkExtractionSpeed times plain go-trafilatura (its Extract with
// default options, as a library user calls it) and sitrep's HTML on the
// same page, alternating, one page per iteration, and reports both
// throughputs and sitrep's time as a multiple of plain go-trafilatura's.
// Run it on one core: go test -bench ExtractionSpeed -cpu 1.
func BenchmarkExtractionSpeed(b *testing.B) {
	pages, from := speedPages(b)
	b.Logf("pages from %s: %d", from, len(pages))
	var plain, ours time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := pages[i%len(pages)]
		u, _ := url.Parse(p.URL)
		t0 := time.Now()
		_, _ = trafilatura.Extract(bytes.NewReader(p.HTML), trafilatura.Options{OriginalURL: u})
		t1 := time.Now()
		_, _ = HTML(p.HTML, p.URL)
		t2 := time.Now()
		plain += t1.Sub(t0)
		ours += t2.Sub(t1)
	}
	b.StopTimer()
	if plain > 0 && ours > 0 {
		b.ReportMetric(float64(b.N)/plain.Seconds(), "plain-pages/s")
		b.ReportMetric(float64(b.N)/ours.Seconds(), "sitrep-pages/s")
		b.ReportMetric(ours.Seconds()/plain.Seconds(), "time-ratio")
	}
}

// BenchmarkHTML is sitrep's extraction alone, one page per iteration.
func BenchmarkHTML(b *testing.B) {
	pages, _ := speedPages(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := pages[i%len(pages)]
		_, _ = HTML(p.HTML, p.URL)
	}
}
