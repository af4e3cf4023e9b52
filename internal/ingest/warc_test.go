package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nlnwa/gowarc"

	"sitrep/internal/analyze"
	"sitrep/internal/store"
)

// warcRec is one WARC record to write in a test file.
type warcRec struct {
	typ, uri, contentType string
	block                 []byte
}

func (r warcRec) bytes(id int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\nWARC-Date: 2026-03-02T10:00:00Z\r\n", r.typ, id)
	if r.uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.uri)
	}
	if r.contentType != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", r.contentType)
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(r.block))
	b.Write(r.block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

func httpResp(status, contentType string, extra string, body []byte) []byte {
	h := fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\n%sContent-Length: %d\r\n\r\n", status, contentType, extra, len(body))
	return append([]byte(h), body...)
}

func page(n int) []byte {
	return []byte(fmt.Sprintf(`<!doctype html><html><head><title>Page %[1]d</title></head><body>
<nav><p>Home | News</p></nav><h1>Harbour report number %[1]d</h1>
<p>Port workers in city %[1]d walked out on Tuesday over pay, the union said.</p>
<p>Ships queued outside the harbour as talks continued.</p></body></html>`, n))
}

func response(uri string, status, ct, extra string, body []byte) warcRec {
	return warcRec{"response", uri, "application/http; msgtype=response", httpResp(status, ct, extra, body)}
}

func gz(b []byte) []byte {
	var out bytes.Buffer
	w := gzip.NewWriter(&out)
	w.Write(b)
	w.Close()
	return out.Bytes()
}

// testRecords is a small crawl: 6 pages among records to skip and one bad.
func testRecords() (recs []warcRec, pages int, bad int) {
	cp1252 := []byte("<html><head><meta charset=\"windows-1252\"></head><body><h1>Caf\xe9 owners protest</h1><p>Caf\xe9 owners in Z\xfcrich protested a new tax \x96 it costs 10 \x80 a day.</p></body></html>")
	chunkedBody := page(6)
	var chunked bytes.Buffer
	for i := 0; i < len(chunkedBody); i += 100 {
		c := chunkedBody[i:min(i+100, len(chunkedBody))]
		fmt.Fprintf(&chunked, "%x\r\n%s\r\n", len(c), c)
	}
	chunked.WriteString("0\r\n\r\n")
	recs = []warcRec{
		{"warcinfo", "", "application/warc-fields", []byte("software: sitrep-test\r\nformat: WARC File Format 1.1\r\n")},
		{"request", "https://news.test/1", "application/http; msgtype=request", []byte("GET /1 HTTP/1.1\r\nHost: news.test\r\n\r\n")},
		response("https://news.test/1", "200 OK", "text/html; charset=utf-8", "", page(1)),
		response("https://news.test/2", "200 OK", "text/html; charset=windows-1252", "", cp1252),
		response("https://news.test/old", "301 Moved Permanently", "text/html", "Location: /new\r\n", []byte("<p>moved</p>")),
		response("https://news.test/logo.jpg", "200 OK", "image/jpeg", "", []byte("\xff\xd8\xff\xe0JFIF")),
		{"metadata", "https://news.test/1", "application/warc-fields", []byte("fetchTimeMs: 12\r\n")},
		response("https://news.test/empty", "200 OK", "text/html", "", []byte("<html><body><img src=\"logo.png\"></body></html>")), // no text at all
		response("https://news.test/3", "200 OK", "text/html", "Content-Encoding: gzip\r\n", gz(page(3))),
		{"resource", "https://news.test/4", "text/html", page(4)},
		response("https://news.test/5", "200 OK", "text/html", "", page(5)),
		{"response", "https://news.test/6", "application/http; msgtype=response",
			append([]byte("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"), chunked.Bytes()...)},
	}
	return recs, 6, 1
}

type layout int

const (
	plain layout = iota
	gzipPerRecord
	gzipWhole
)

func writeWARC(recs []warcRec, l layout, corruptAfter int) []byte {
	var out bytes.Buffer
	var all bytes.Buffer
	for i, r := range recs {
		b := r.bytes(i)
		switch l {
		case plain:
			out.Write(b)
		case gzipPerRecord:
			out.Write(gz(b))
			if i == corruptAfter {
				// a member whose deflate data is garbage
				m := gz([]byte(strings.Repeat("WARC/1.1 damaged ", 50)))
				for j := 12; j < len(m)-8; j++ {
					m[j] ^= 0x5a
				}
				out.Write(m)
			}
		case gzipWhole:
			all.Write(b)
		}
	}
	if l == gzipWhole {
		out.Write(gz(all.Bytes()))
	}
	return out.Bytes()
}

func TestReadWARC(t *testing.T) {
	recs, pages, bad := testRecords()
	cases := []struct {
		name    string
		l       layout
		corrupt int
		wantBad int
	}{
		{"plain", plain, -1, bad},
		{"gzip per record", gzipPerRecord, -1, bad},
		{"gzip per record, one member corrupt", gzipPerRecord, 4, bad + 1},
		{"gzip whole file", gzipWhole, -1, bad},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := writeWARC(recs, c.l, c.corrupt)
			var items []Item
			st, err := ReadWARC(context.Background(), "t.warc", bytes.NewReader(data), func(it Item) error {
				items = append(items, it)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			var urls []string
			var errs []string
			for _, it := range items {
				if it.Err != nil {
					errs = append(errs, it.Name+": "+it.Err.Error())
					continue
				}
				urls = append(urls, it.Article.URL)
				if !strings.Contains(it.Article.Body, "\n\n") && !strings.Contains(it.Article.Body, "Café") {
					t.Errorf("%s: body %q", it.Article.URL, it.Article.Body)
				}
			}
			sort.Strings(urls)
			want := []string{"https://news.test/1", "https://news.test/2", "https://news.test/3", "https://news.test/4", "https://news.test/5", "https://news.test/6"}
			if strings.Join(urls, " ") != strings.Join(want, " ") {
				t.Errorf("articles %v, want %v (errors %v)", urls, want, errs)
			}
			if len(errs) != c.wantBad || st.Bad != c.wantBad || st.HTML != pages {
				t.Errorf("bad items %d (%v), stats %+v; want %d bad, %d html", len(errs), errs, st, c.wantBad, pages)
			}
			if st.Bytes != int64(len(data)) {
				t.Errorf("read %d of %d bytes", st.Bytes, len(data))
			}
			for _, it := range items {
				if it.Err == nil && it.Article.URL == "https://news.test/2" {
					if !strings.Contains(it.Article.Body, "Zürich protested a new tax – it costs 10 €") || it.Article.Headline != "Café owners protest" {
						t.Errorf("windows-1252 page: %q / %q", it.Article.Headline, it.Article.Body)
					}
				}
			}
		})
	}
}

// TestIngestWARCFile is the acceptance test: a WARC file made here, run
// through `sitrep ingest`'s path (Expand, ReadFile, Runner), lands every
// article; a second run stores none again.
func TestIngestWARCFile(t *testing.T) {
	recs, pages, bad := testRecords()
	dir := t.TempDir()
	p := filepath.Join(dir, "crawl.warc.gz")
	if err := os.WriteFile(p, writeWARC(recs, gzipPerRecord, -1), 0o644); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "other.warc"), writeWARC(recs[:4], plain, -1), 0o644)
	files, errs := Expand([]string{dir})
	if len(errs) > 0 || len(files) != 2 {
		t.Fatalf("Expand: %v %v", files, errs)
	}
	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var mu sync.Mutex
	var reported []string
	r := &Runner{Pipeline: &analyze.Pipeline{}, Store: st, OnError: func(name string, err error) {
		mu.Lock()
		reported = append(reported, name+": "+err.Error())
		mu.Unlock()
	}}
	res, err := r.Run(ctx, files)
	if err != nil {
		t.Fatal(err)
	}
	// other.warc repeats pages 1 and 2 (same URLs): duplicates
	if res.Ingested != pages || res.Duplicates != 2 || res.Failed != bad {
		t.Fatalf("run: %+v (reported %v)", res, reported)
	}
	if len(reported) != 1 || !strings.Contains(reported[0], "crawl.warc.gz@") || !strings.Contains(reported[0], "https://news.test/empty") {
		t.Errorf("reported %v", reported)
	}
	for i := 1; i <= 6; i++ {
		hits, _, err := st.Search(ctx, store.Query{Text: fmt.Sprintf("harbour report number %d", i)})
		if i == 2 {
			continue
		}
		if err != nil || len(hits) != 1 || hits[0].URL != fmt.Sprintf("https://news.test/%d", i) {
			t.Errorf("page %d: %v %v", i, hits, err)
		}
	}
	res, err = r.Run(ctx, files)
	if err != nil || res.Ingested != 0 || res.Duplicates != pages+2 {
		t.Fatalf("second run: %+v %v", res, err)
	}
}

// TestWARCFromGowarcWriter checks records written by the WARC library
// itself read back.
func TestWARCFromGowarcWriter(t *testing.T) {
	var buf bytes.Buffer
	m := gowarc.NewMarshaler()
	for i := 1; i <= 3; i++ {
		rb := gowarc.NewRecordBuilder(gowarc.Response)
		rb.AddWarcHeader(gowarc.WarcTargetURI, fmt.Sprintf("http://lib.test/%d", i))
		rb.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
		rb.AddWarcHeaderTime(gowarc.WarcDate, time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC))
		rb.Write(httpResp("200 OK", "text/html", "", page(i)))
		rec, _, err := rb.Build()
		if err != nil {
			t.Fatal(err)
		}
		var one bytes.Buffer
		if _, _, err := m.Marshal(&one, rec, 0); err != nil {
			t.Fatal(err)
		}
		rec.Close()
		buf.Write(gz(one.Bytes()))
	}
	n := 0
	_, err := ReadWARC(context.Background(), "lib.warc.gz", &buf, func(it Item) error {
		if it.Err != nil {
			t.Errorf("%s: %v", it.Name, it.Err)
		} else {
			n++
		}
		return nil
	})
	if err != nil || n != 3 {
		t.Fatalf("read %d articles, err %v", n, err)
	}
}

// TestWARCStreams checks that a huge record is streamed past, not read
// into memory: reading a 64 MB skipped record and an over-cap HTML record
// allocates far less than the stream's size.
func TestWARCStreams(t *testing.T) {
	const big = 64 << 20
	head := warcRec{"response", "https://news.test/video.mp4", "application/http; msgtype=response", nil}
	hdr := httpResp("200 OK", "video/mp4", "", nil)
	hdr = bytes.Replace(hdr, []byte("Content-Length: 0"), []byte(fmt.Sprintf("Content-Length: %d", big)), 1)
	head.block = hdr
	rec := head.bytes(1)
	rec = rec[:len(rec)-4] // drop the end marker; the body follows
	rec = bytes.Replace(rec, []byte(fmt.Sprintf("Content-Length: %d\r\n\r\n", len(hdr))), []byte(fmt.Sprintf("Content-Length: %d\r\n\r\n", len(hdr)+big)), 1)
	over := response("https://news.test/huge.html", "200 OK", "text/html", "", append(page(9), bytes.Repeat([]byte("<p>x</p>"), (MaxFileSize/8)+10)...))
	stream := io.MultiReader(bytes.NewReader(rec), &zeros{n: big}, strings.NewReader("\r\n\r\n"),
		bytes.NewReader(over.bytes(2)), bytes.NewReader(response("https://news.test/1", "200 OK", "text/html", "", page(1)).bytes(3)))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var got []Item
	st, err := ReadWARC(context.Background(), "big.warc", stream, func(it Item) error { got = append(got, it); return nil })
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if st.Records != 3 || len(got) != 2 || got[0].Err == nil || got[1].Err != nil {
		t.Fatalf("stats %+v items %d", st, len(got))
	}
	if !strings.Contains(got[0].Err.Error(), "larger than") {
		t.Errorf("over-cap record: %v", got[0].Err)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("streamed %d MB, allocated %d MB", st.Bytes>>20, alloc>>20)
	if alloc > 48<<20 {
		t.Errorf("allocated %d MB reading a %d MB stream", alloc>>20, st.Bytes>>20)
	}
}

type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) {
	if z.n <= 0 {
		return 0, io.EOF
	}
	k := int64(len(p))
	if k > z.n {
		k = z.n
	}
	clear(p[:k])
	z.n -= k
	return int(k), nil
}

func TestIsWARC(t *testing.T) {
	for p, want := range map[string]bool{"a.warc": true, "A.WARC.GZ": true, "x/cc-news.warc.gz": true, "a.gz": false, "a.warc.txt": false, "warc": false} {
		if IsWARC(p) != want || (want && !Supported(p)) {
			t.Errorf("IsWARC(%q) = %v", p, !want)
		}
	}
}

func FuzzReadWARC(f *testing.F) {
	recs, _, _ := testRecords()
	f.Add(writeWARC(recs[:4], plain, -1))
	f.Add(writeWARC(recs[2:5], gzipPerRecord, -1))
	f.Add(writeWARC(recs[:3], gzipWhole, -1))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 0\r\n\r\n\r\n\r\n"))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999\r\n\r\nshort"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		_, err := ReadWARC(context.Background(), "f.warc", bytes.NewReader(data), func(it Item) error {
			n++
			if it.Err == nil && (it.Article == nil || it.Article.Body == "") {
				t.Fatal("item without error or body")
			}
			if n > len(data) {
				t.Fatal("more items than bytes")
			}
			return nil
		})
		_ = err
	})
}

// TestWARCTruncatedRecordInMember: a record cut inside its HTTP header, in
// an otherwise sound gzip member, is reported; the next member is read.
func TestWARCTruncatedRecordInMember(t *testing.T) {
	good := response("https://news.test/1", "200 OK", "text/html", "", page(1)).bytes(1)
	cut := response("https://news.test/2", "200 OK", "text/html", "", page(2)).bytes(2)
	cut = cut[:len(cut)/2] // Content-Length promises more than the member holds
	after := response("https://news.test/3", "200 OK", "text/html", "", page(3)).bytes(3)
	data := append(append(gz(good), gz(cut)...), gz(after)...)
	var names, errs []string
	_, err := ReadWARC(context.Background(), "t.warc.gz", bytes.NewReader(data), func(it Item) error {
		if it.Err != nil {
			errs = append(errs, it.Name+": "+it.Err.Error())
		} else {
			names = append(names, it.Article.URL)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 2 || names[1] != "https://news.test/3" {
		t.Errorf("articles %v", names)
	}
	want := fmt.Sprintf("t.warc.gz@%d: https://news.test/2: bad record", len(gz(good)))
	if len(errs) != 1 || !strings.HasPrefix(errs[0], want) {
		t.Errorf("errors %v, want one starting %q", errs, want)
	}
}
