package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/internal/analyze"
	"sitrep/internal/store"
)

var (
	benchWARCMB    = flag.Int("warcmb", 300, "uncompressed MB of WARC that BenchmarkReadWARC reads")
	benchExtractMB = flag.Int("warcmb-extract", 20, "uncompressed MB of WARC that BenchmarkReadWARCExtract reads")
)

// crawlPool is a pool of gzipped record triples (request, response,
// metadata) shaped like Common Crawl's news crawl: HTML pages of 20-120 KB.
func crawlPool(n int) (members [][]byte, rawBytes int64) {
	for i := 0; i < n; i++ {
		var p strings.Builder
		fmt.Fprintf(&p, "<!doctype html><html><head><title>Story %d</title><script>%s</script></head><body><nav><ul>", i, strings.Repeat("var x=1;", 200))
		for j := 0; j < 40; j++ {
			fmt.Fprintf(&p, `<li><a href="/section/%d">Section %d</a></li>`, j, j)
		}
		p.WriteString("</ul></nav><article><h1>Officials report progress in talks</h1>")
		paras := 20 + (i*37)%200
		for j := 0; j < paras; j++ {
			fmt.Fprintf(&p, "<p>Paragraph %d of story %d: delegates met on Tuesday in the capital and agreed to resume negotiations next week, a spokesman said.</p>", j, i)
		}
		p.WriteString("</article><footer><p>© News Corp</p></footer></body></html>")
		uri := fmt.Sprintf("https://news%d.test/2026/03/story-%d.html", i%17, i)
		recs := []warcRec{
			{"request", uri, "application/http; msgtype=request", []byte("GET / HTTP/1.1\r\nHost: news.test\r\nUser-Agent: CCBot/2.0\r\n\r\n")},
			response(uri, "200 OK", "text/html; charset=utf-8", "", []byte(p.String())),
			{"metadata", uri, "application/warc-fields", []byte("fetchTimeMs: 120\r\ncharset-detected: UTF-8\r\n")},
		}
		for k, r := range recs {
			b := r.bytes(i*3 + k)
			rawBytes += int64(len(b))
			members = append(members, gz(b))
		}
	}
	return members, rawBytes
}

// cycleReader streams the pool's members over and over until limit
// uncompressed bytes have been served.
type cycleReader struct {
	members [][]byte
	raw     int64 // uncompressed bytes per pass
	passes  int
	i       int
	cur     *bytes.Reader
}

func (c *cycleReader) Read(p []byte) (int, error) {
	for {
		if c.cur != nil && c.cur.Len() > 0 {
			return c.cur.Read(p)
		}
		if c.i == len(c.members) {
			c.passes--
			c.i = 0
		}
		if c.passes <= 0 {
			return 0, io.EOF
		}
		c.cur = bytes.NewReader(c.members[c.i])
		c.i++
	}
}

// BenchmarkReadWARC reads a generated multi-hundred-MB .warc.gz stream
// (never held in memory: a small pool of gzipped records is cycled) and
// reports records/s, MB/s of uncompressed WARC and the peak heap in use.
// It parses every record and reads and converts each HTML payload.
func BenchmarkReadWARC(b *testing.B) { benchWARC(b, *benchWARCMB, extractNone) }

// BenchmarkReadWARCExtract is BenchmarkReadWARC plus extracting each
// page, what `sitrep ingest` does before analysis.
func BenchmarkReadWARCExtract(b *testing.B) { benchWARC(b, *benchExtractMB, extractNow) }

func benchWARC(b *testing.B, mb int, mode extractMode) {
	members, raw := crawlPool(96)
	passes := int((int64(mb)<<20)/raw) + 1
	var recs, html int
	var bytesRaw, bytesGz int64
	var peak, base, peakLive, baseLive uint64
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var elapsed time.Duration
	for n := 0; n < b.N; n++ {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		base = ms.HeapInuse
		metrics.Read(live)
		baseLive = live[0].Value.Uint64()
		stop := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.NewTicker(20 * time.Millisecond)
			defer t.Stop()
			for {
				select {
				case <-stop:
					return
				case <-t.C:
					var m runtime.MemStats
					runtime.ReadMemStats(&m)
					if m.HeapInuse > base && m.HeapInuse-base > peak {
						peak = m.HeapInuse - base
					}
					ls := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
					metrics.Read(ls)
					if v := ls[0].Value.Uint64(); v > baseLive && v-baseLive > peakLive {
						peakLive = v - baseLive
					}
				}
			}
		}()
		start := time.Now()
		st, err := readWARC(context.Background(), "bench.warc.gz", &cycleReader{members: members, raw: raw, passes: passes},
			func(it Item) error { return it.Err }, mode)
		elapsed += time.Since(start)
		close(stop)
		wg.Wait()
		if err != nil {
			b.Fatal(err)
		}
		recs += st.Records
		html += st.HTML
		bytesGz += st.Bytes
		bytesRaw += raw * int64(passes)
	}
	s := elapsed.Seconds()
	b.ReportMetric(float64(recs)/s, "records/s")
	b.ReportMetric(float64(html)/s, "pages/s")
	b.ReportMetric(float64(bytesRaw)/(1<<20)/s, "MB/s")
	b.ReportMetric(float64(bytesRaw)/(1<<20)/float64(b.N), "MB-warc/op")
	b.ReportMetric(float64(bytesGz)/(1<<20)/float64(b.N), "MB-gz/op")
	// peak-heap-MB is the heap in use above the start, garbage included:
	// the GC lets garbage grow to about the live heap before collecting,
	// so it tracks base-heap-MB. peak-live-MB is what the reading really
	// kept: the largest live heap a GC found, above the start.
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(base)/(1<<20), "base-heap-MB")
	b.ReportMetric(float64(peakLive)/(1<<20), "peak-live-MB")
}

// BenchmarkIngestWARC runs `sitrep ingest`'s path (Runner: one reader,
// extraction and analysis in workers, one store writer) over a generated
// .warc.gz file of -warcmb-extract MB, with an empty analysis pipeline, and
// reports pages/s. Every page URL is distinct so every page is stored.
func BenchmarkIngestWARC(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "bench.warc.gz")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	members, raw := crawlPool(96)
	passes := int((int64(*benchExtractMB)<<20)/raw) + 1
	for p := 0; p < passes; p++ {
		for i := 0; i < len(members); i += 3 {
			// re-write the response with a per-pass URL so pages are new
			f.Write(members[i])
			f.Write(members[i+2])
		}
		for _, r := range crawlResponses(96, p) {
			f.Write(r)
		}
	}
	f.Close()
	var pages int
	var elapsed time.Duration
	for n := 0; n < b.N; n++ {
		st, err := store.OpenSQLite(context.Background(), filepath.Join(dir, fmt.Sprintf("s%d.db", n)))
		if err != nil {
			b.Fatal(err)
		}
		r := &Runner{Pipeline: &analyze.Pipeline{}, Store: st}
		start := time.Now()
		res, err := r.Run(context.Background(), []string{path})
		elapsed += time.Since(start)
		st.Close()
		if err != nil || res.Failed > 0 {
			b.Fatalf("%+v %v", res, err)
		}
		pages += res.Ingested
	}
	b.ReportMetric(float64(pages)/elapsed.Seconds(), "pages/s")
	b.ReportMetric(float64(pages)/float64(b.N), "pages/op")
}

// crawlResponses is crawlPool's response records with URLs unique to pass.
func crawlResponses(n, pass int) [][]byte {
	members, _ := crawlPool(n)
	var out [][]byte
	for i := 1; i < len(members); i += 3 {
		zr, _ := gzip.NewReader(bytes.NewReader(members[i]))
		rec, _ := io.ReadAll(zr)
		rec = bytes.Replace(rec, []byte(".html\r\n"), []byte(fmt.Sprintf(".html?pass=%d\r\n", pass)), 1)
		out = append(out, gz(rec))
	}
	return out
}
