package ingest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/http/httputil"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/nlnwa/gowarc"

	"sitrep/internal/article"
	"sitrep/internal/fetch"
)

// IsWARC reports whether path names a WARC file (.warc or .warc.gz).
func IsWARC(path string) bool {
	p := strings.ToLower(path)
	return strings.HasSuffix(p, ".warc") || strings.HasSuffix(p, ".warc.gz")
}

// WARCStats counts what ReadWARC saw.
type WARCStats struct {
	Records int   // WARC records read
	HTML    int   // HTML response/resource records turned into Items
	Skipped int   // other records: requests, metadata, non-HTML, non-2xx
	Bad     int   // records reported as bad
	Bytes   int64 // bytes read from r (compressed size for .warc.gz)
}

var errGiveUp = errors.New("warc: stream cannot be resynchronised")

// ReadWARC streams the WARC records in r (plain, gzipped per record as
// Common Crawl writes them, or gzipped as a whole) and calls fn with one
// Item per HTML response or resource record, its URL the record's target
// URI. Other records are skipped. A bad record is an Item with Err and
// reading goes on at the next record. Memory stays bounded by one record's
// payload (at most MaxFileSize): the file is never read whole.
//
// name labels Items as name@offset, the offset of the record's gzip member
// (or of the record, uncompressed) in r. Only fn's error, cancellation or a
// stream that cannot be resynchronised is returned.
func ReadWARC(ctx context.Context, name string, r io.Reader, fn func(Item) error) (WARCStats, error) {
	return readWARC(ctx, name, r, fn, extractNow)
}

// When the HTML of a record is extracted.
type extractMode int

const (
	extractNow   extractMode = iota // in the reading goroutine
	extractLater                    // by whoever calls Item.resolve (the Runner's workers)
	extractNone                     // never: Items carry no Article (the benchmark's "read" mode)
)

func readWARC(ctx context.Context, name string, r io.Reader, fn func(Item) error, mode extractMode) (WARCStats, error) {
	w := &warcReader{ctx: ctx, name: name, fn: fn, mode: mode}
	w.cr = &countingReader{r: r}
	w.br = bufio.NewReaderSize(w.cr, 256<<10)
	w.unm = gowarc.NewUnmarshaler(
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore), // no digest checks: they buffer the whole block
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithAddMissingDigest(false),
		gowarc.WithAddMissingRecordId(false),
		gowarc.WithFixContentLength(false),
		gowarc.WithFixDigest(false),
	)
	err := w.run()
	w.stats.Bytes = w.cr.n
	if err == nil && w.cr.err != nil {
		err = fmt.Errorf("%s: %w", name, w.cr.err)
	}
	return w.stats, err
}

type warcReader struct {
	ctx   context.Context
	mode  extractMode
	name  string
	fn    func(Item) error
	cr    *countingReader
	br    *bufio.Reader
	unm   gowarc.Unmarshaler
	gz    *gzip.Reader
	stats WARCStats
}

func (w *warcReader) offset() int64 { return w.cr.n - int64(w.br.Buffered()) }

func (w *warcReader) bad(off int64, err error) error {
	w.stats.Bad++
	return w.fn(Item{Name: fmt.Sprintf("%s@%d", w.name, off), Err: err})
}

func (w *warcReader) run() error {
	for {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		magic, err := w.br.Peek(2)
		if len(magic) < 2 {
			if err == io.EOF || err == nil {
				return nil
			}
			return w.bad(w.offset(), err)
		}
		if magic[0] == 0x1f && magic[1] == 0x8b {
			if err := w.member(); err != nil {
				return err
			}
			continue
		}
		// plain records, until the next gzip member or the end
		if err := w.records(w.br, w.offset, w.offset, true); err != nil {
			return err
		}
		if b, _ := w.br.Peek(2); len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
			return nil // the records ended at the end of the stream
		}
	}
}

// member reads one gzip member (one record, or a whole gzipped file).
func (w *warcReader) member() error {
	off := w.offset()
	var err error
	if w.gz == nil {
		w.gz, err = gzip.NewReader(w.br)
	} else {
		err = w.gz.Reset(w.br)
	}
	if err != nil {
		if err := w.bad(off, fmt.Errorf("gzip: %w", err)); err != nil {
			return err
		}
		return w.resync(off)
	}
	w.gz.Multistream(false)
	cr := &countingReader{r: w.gz}
	mr := bufio.NewReaderSize(cr, 64<<10)
	pos := func() int64 { return cr.n - int64(mr.Buffered()) }
	err = w.records(mr, pos, func() int64 { return off }, false)
	var me *memberError
	if err != nil && !errors.As(err, &me) {
		return err
	}
	switch {
	case cr.err != nil:
		err = fmt.Errorf("%w: %v", errCorrupt, cr.err)
	case err != nil:
		// the member decompressed cleanly: its record was cut short
		err = fmt.Errorf("truncated record: %v", me.err)
	}
	if err != nil {
		if err := w.bad(off, err); err != nil {
			return err
		}
		return w.resync(off)
	}
	// drain the member so the next one starts where this one ends; a
	// checksum error here means the record already read may be damaged
	_, _ = io.Copy(io.Discard, mr)
	if cr.err != nil {
		slog.Warn("warc: damaged gzip member", "file", w.name, "offset", off, "err", cr.err)
		return w.resync(off)
	}
	return nil
}

var errCorrupt = errors.New("warc: corrupt compressed data")

// memberError is a read error that ends the current gzip member.
type memberError struct{ err error }

func (e *memberError) Error() string { return e.err.Error() }

// resync skips to the next gzip magic after off.
func (w *warcReader) resync(off int64) error {
	if w.offset() <= off {
		if _, err := w.br.Discard(1); err != nil {
			return nil // end of stream
		}
	}
	for {
		b, err := w.br.Peek(3)
		if len(b) < 3 {
			if err == io.EOF || err == nil {
				_, _ = w.br.Discard(len(b))
				return nil
			}
			return fmt.Errorf("%s: %w: %v", w.name, errGiveUp, err)
		}
		if b[0] == 0x1f && b[1] == 0x8b && b[2] == 8 {
			return nil
		}
		if _, err := w.br.Discard(1); err != nil {
			return nil
		}
	}
}

// records reads records from r until its end, or (for the plain outer
// stream) until a gzip member starts.
//
// pos is the read position in r, label the offset Items are named by.
func (w *warcReader) records(r *bufio.Reader, pos, label func() int64, outer bool) error {
	for {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		// find the next record ourselves: the library would also take a
		// gzip member here and loop on corrupt ones
		found, junk := seek(r, outer)
		if junk > 0 {
			slog.Debug("warc: skipped bytes between records", "file", w.name, "offset", label(), "bytes", junk)
		}
		if found != 'w' {
			return nil
		}
		off, start := label(), pos()
		rec, skipped, err := w.next(r)
		if err == io.EOF {
			return nil
		}
		if outer {
			off += skipped // inside a member, the member's offset names it
		}
		if err != nil {
			if !outer && isCorrupt(err) {
				return &memberError{err}
			}
			if rec != nil {
				_ = closeRecord(rec)
			}
			if err := w.bad(off, fmt.Errorf("bad record: %w", err)); err != nil {
				return err
			}
			if pos() == start {
				// no progress: step over a byte so the scan moves on
				if _, err := r.Discard(1); err != nil {
					return nil
				}
			}
			continue
		}
		w.stats.Records++
		it, ok := w.item(rec, fmt.Sprintf("%s@%d", w.name, off))
		cerr := closeRecord(rec)
		if !outer && cerr != nil && isCorrupt(cerr) {
			return &memberError{cerr}
		}
		if !ok {
			w.stats.Skipped++
			continue
		}
		if it.Err != nil {
			w.stats.Bad++
		} else {
			w.stats.HTML++
		}
		if err := w.fn(it); err != nil {
			return err
		}
	}
}

// seek advances r to the next "WARC/" line, or (stopAtGzip) the next
// gzip member. It returns 'w' or 'g' for what it found, 0 at the end, and
// how many bytes it skipped.
func seek(r *bufio.Reader, stopAtGzip bool) (byte, int64) {
	var skipped int64
	for {
		b, _ := r.Peek(5)
		if stopAtGzip && len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b {
			return 'g', skipped
		}
		if len(b) < 5 {
			n, _ := r.Discard(len(b))
			return 0, skipped + int64(n)
		}
		if string(b) == "WARC/" {
			return 'w', skipped
		}
		win, _ := r.Peek(r.Buffered())
		step := len(win)
		if i := bytes.IndexAny(win[1:], "W\x1f"); i >= 0 {
			step = i + 1
		}
		n, _ := r.Discard(step)
		skipped += int64(n)
	}
}

// next unmarshals one record, turning a panic inside the WARC library (it
// has a few on malformed blocks) into an error.
func (w *warcReader) next(r *bufio.Reader) (rec gowarc.WarcRecord, skipped int64, err error) {
	defer func() {
		if p := recover(); p != nil {
			rec, err = nil, fmt.Errorf("malformed record: %v", p)
		}
	}()
	rec, skipped, _, err = w.unm.Unmarshal(r)
	return rec, skipped, err
}

// closeRecord skips the rest of a record; the library panics closing a
// record whose block it could not parse.
func closeRecord(rec gowarc.WarcRecord) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("malformed record: %v", p)
		}
	}()
	return rec.Close()
}

func isCorrupt(err error) bool {
	var ce flate.CorruptInputError
	return errors.As(err, &ce) || errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) ||
		errors.Is(err, io.ErrUnexpectedEOF)
}

// item turns a record into an Item; ok is false for records that are not
// HTML pages (requests, metadata, images, redirects, errors).
func (w *warcReader) item(rec gowarc.WarcRecord, name string) (it Item, ok bool) {
	defer func() {
		if p := recover(); p != nil {
			it, ok = Item{Name: name, Err: fmt.Errorf("malformed record: %v", p)}, true
		}
	}()
	uri := strings.Trim(rec.WarcHeader().Get(gowarc.WarcTargetURI), "<> \t")
	var ct string
	var hdr http.Header
	var payload func() (io.Reader, error)
	switch rec.Type() {
	case gowarc.Response:
		hb, isHTTP := rec.Block().(gowarc.HttpResponseBlock)
		isHTTPType := strings.HasPrefix(strings.ToLower(rec.WarcHeader().Get(gowarc.ContentType)), "application/http")
		if !isHTTP && !isHTTPType {
			return Item{}, false
		}
		if !isHTTP || hb.HttpStatusCode() == 0 {
			err := errors.New("bad record: unparsable HTTP response")
			if uri != "" {
				err = fmt.Errorf("%s: %w", uri, err)
			}
			return Item{Name: name, Err: err}, true
		}
		if c := hb.HttpStatusCode(); c < 200 || c > 299 {
			return Item{}, false
		}
		if h := hb.HttpHeader(); h != nil {
			hdr = *h
		}
		ct, payload = hdr.Get("Content-Type"), hb.PayloadBytes
	case gowarc.Resource:
		b := rec.Block()
		if b == nil {
			return Item{}, false
		}
		ct, payload = rec.WarcHeader().Get(gowarc.ContentType), b.RawBytes
		if pb, isPayload := b.(gowarc.PayloadBlock); isPayload {
			payload = pb.PayloadBytes
		}
	default:
		return Item{}, false
	}
	mt, _, _ := mime.ParseMediaType(ct)
	mt = strings.ToLower(mt)
	if mt != "" && mt != "text/html" && mt != "application/xhtml+xml" {
		return Item{}, false
	}
	fail := func(err error) (Item, bool) {
		if uri != "" {
			err = fmt.Errorf("%s: %w", uri, err)
		}
		return Item{Name: name, Err: err}, true
	}
	if n, err := rec.WarcHeader().GetInt64(gowarc.ContentLength); err == nil && n > MaxFileSize+64<<10 {
		return fail(fmt.Errorf("%d MB: %w", n>>20, ErrTooLarge))
	}
	p, err := payload()
	if err != nil {
		return fail(err)
	}
	p, err = decodePayload(p, hdr)
	if err != nil {
		return fail(err)
	}
	body, err := io.ReadAll(io.LimitReader(p, MaxFileSize+1))
	if err != nil {
		return fail(err)
	}
	if len(body) > MaxFileSize {
		return fail(ErrTooLarge)
	}
	if mt == "" {
		// no declared type: take it only if it sniffs as HTML
		if s, _, _ := mime.ParseMediaType(http.DetectContentType(body)); s != "text/html" {
			return Item{}, false
		}
	}
	body, _, err = fetch.ToUTF8(body, ct)
	if err != nil {
		return fail(err)
	}
	if w.mode == extractNone {
		return Item{Name: name}, true
	}
	parse := func() (*article.Article, error) {
		a, err := parseHTML(body, uri)
		if err != nil {
			if uri != "" {
				err = fmt.Errorf("%s: %w", uri, err)
			}
			return nil, err
		}
		if a.Source == "" && uri != "" {
			a.Source = hostOf(uri)
		}
		return a, nil
	}
	if w.mode == extractLater {
		return Item{Name: name, parse: parse}, true
	}
	a, err := parse()
	return Item{Name: name, Article: a, Err: err}, true
}

// decodePayload undoes the transfer and content encodings a crawler kept.
// (Common Crawl stores payloads decoded and renames these headers.)
func decodePayload(r io.Reader, h http.Header) (io.Reader, error) {
	if h == nil {
		return r, nil
	}
	if strings.Contains(strings.ToLower(h.Get("Transfer-Encoding")), "chunked") {
		br := bufio.NewReader(r)
		// some crawlers keep the header but store the body de-chunked
		if b, _ := br.Peek(1); len(b) == 1 && isHex(b[0]) {
			r = httputil.NewChunkedReader(br)
		} else {
			r = br
		}
	}
	switch enc := strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))); enc {
	case "", "identity", "none":
		return r, nil
	case "gzip", "x-gzip":
		return gzip.NewReader(r)
	case "deflate":
		br := bufio.NewReader(r)
		if b, _ := br.Peek(2); len(b) == 2 && b[0]&0x0f == 8 && (uint16(b[0])<<8|uint16(b[1]))%31 == 0 {
			return zlib.NewReader(br)
		}
		return flate.NewReader(br), nil
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", enc)
	}
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hostOf(uri string) string {
	s := uri
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	return strings.ToLower(s)
}

// countingReader counts bytes read and latches the first error other than
// io.EOF: from then on it reports io.EOF. (The WARC library loops forever
// on a reader that keeps returning the same non-EOF error.)
type countingReader struct {
	r   io.Reader
	n   int64
	err error
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.err != nil {
		return 0, io.EOF
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	if err != nil && err != io.EOF {
		c.err = err
		err = io.EOF
	}
	return n, err
}

// readWARCFile is ReadFile's path for WARC files.
func readWARCFile(ctx context.Context, path string, r io.Reader, fn func(Item) error, mode extractMode) error {
	st, err := readWARC(ctx, path, r, fn, mode)
	slog.Debug("warc read", "file", filepath.Base(path), "records", st.Records, "html", st.HTML,
		"skipped", st.Skipped, "bad", st.Bad, "bytes", st.Bytes)
	if err != nil && ctx.Err() == nil {
		// a read failure ends this file, not the batch; fn's own errors
		// only happen on cancellation
		return fn(Item{Name: path, Err: err})
	}
	return err
}
