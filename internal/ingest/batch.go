package ingest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"sitrep/internal/analyze"
	"sitrep/internal/article"
	"sitrep/internal/store"
	"sitrep/internal/stories"
)

// Expand turns files, folders and glob patterns into a sorted list of input
// files. Folders are walked for .txt, .html, .htm, .json, .jsonl, .warc
// and .warc.gz files. A path that
// matches nothing is an error; the others are still returned.
func Expand(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		matches := []string{p}
		if strings.ContainsAny(p, "*?[") {
			m, err := filepath.Glob(p)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", p, err))
				continue
			}
			if len(m) == 0 {
				errs = append(errs, fmt.Errorf("%s: no files match", p))
				continue
			}
			matches = m
		}
		for _, m := range matches {
			st, err := os.Stat(m)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if !st.IsDir() {
				add(m)
				continue
			}
			err = filepath.WalkDir(m, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					errs = append(errs, err)
					return nil
				}
				if d.IsDir() {
					if path != m && strings.HasPrefix(d.Name(), ".") {
						return filepath.SkipDir
					}
					return nil
				}
				if Supported(path) {
					add(path)
				}
				return nil
			})
			if err != nil {
				errs = append(errs, err)
			}
		}
	}
	sort.Strings(files)
	return files, errs
}

// Supported reports whether a folder walk picks up the file.
func Supported(path string) bool {
	if IsWARC(path) {
		return true
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".html", ".htm", ".json", ".jsonl":
		return true
	}
	return false
}

// Item is one input article, or the error that kept it from being one.
type Item struct {
	Name    string // file, file:line for JSONL, file@offset for WARC records
	Article *article.Article
	Err     error
	seq     int // position in the run's input order

	// parse, when set, makes Article (or Err): the Runner's readers leave
	// WARC records' extraction to its workers.
	parse func() (*article.Article, error)
}

// resolve runs a deferred parse.
func (it *Item) resolve() {
	if it.parse != nil && it.Err == nil {
		it.Article, it.Err = it.parse()
	}
	it.parse = nil
}

// ReadFile calls fn for each article in the file: one per line for .jsonl,
// one per HTML record for .warc and .warc.gz (streamed, see ReadWARC), one
// for any other file. A bad line is an Item with Err; only a failure to
// read the file at all, or fn's error, is returned.
func ReadFile(ctx context.Context, path string, fn func(Item) error) error {
	return readFile(ctx, path, fn, extractNow)
}

// readFile is ReadFile; with extractLater, WARC records come with their
// extraction deferred (see Item.resolve).
func readFile(ctx context.Context, path string, fn func(Item) error, warcMode extractMode) error {
	f, err := os.Open(path)
	if err != nil {
		return fn(Item{Name: path, Err: err})
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fn(Item{Name: path, Err: err})
	}
	if strings.EqualFold(filepath.Ext(path), ".jsonl") {
		return readJSONL(ctx, path, f, fn)
	}
	if IsWARC(path) {
		return readWARCFile(ctx, path, f, fn, warcMode)
	}
	if st.Size() > MaxFileSize {
		return fn(Item{Name: path, Err: fmt.Errorf("%d MB: %w", st.Size()>>20, ErrTooLarge)})
	}
	raw, err := io.ReadAll(f)
	if err != nil {
		return fn(Item{Name: path, Err: err})
	}
	var a *article.Article
	if strings.EqualFold(filepath.Ext(path), ".json") {
		a, err = ParseJSONLine(raw)
	} else {
		a, err = Parse(path, raw)
	}
	return fn(Item{Name: path, Article: a, Err: err})
}

func readJSONL(ctx context.Context, path string, r io.Reader, fn func(Item) error) error {
	br := bufio.NewReaderSize(r, 1<<20)
	n := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, err := readLine(br, MaxFileSize)
		if len(line) > 0 || err == errLineTooLong {
			n++
			name := fmt.Sprintf("%s:%d", path, n)
			var it Item
			if err == errLineTooLong {
				it = Item{Name: name, Err: ErrTooLarge}
			} else if len(strings.TrimSpace(string(line))) == 0 {
				continue
			} else {
				a, perr := ParseJSONLine(line)
				it = Item{Name: name, Article: a, Err: perr}
			}
			if ferr := fn(it); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil && err != errLineTooLong {
			return fn(Item{Name: path, Err: err})
		}
	}
}

var errLineTooLong = errors.New("line too long")

// readLine reads one line, discarding (and reporting) lines over max bytes.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > max {
			// skip to the end of this line
			for err == bufio.ErrBufferFull {
				_, err = br.ReadSlice('\n')
			}
			if err == io.EOF {
				return nil, errLineTooLong
			}
			return nil, errLineTooLong
		}
		buf = append(buf, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		return buf, err
	}
}

// Result counts what a batch did.
type Result struct {
	Ingested   int `json:"ingested"`
	Duplicates int `json:"duplicates"`
	Failed     int `json:"failed"`
}

// Runner ingests files into a store: files are read in order, analysed by
// Workers goroutines and written by one writer in batches.
type Runner struct {
	Pipeline  *analyze.Pipeline
	Store     store.Store
	Stories   *stories.Grouper             // optional: groups articles into stories in input order
	Workers   int                          // default runtime.NumCPU()
	BatchSize int                          // default 256
	OnError   func(name string, err error) // called for every failed input
	OnFile    func(path string)            // called when a file has been read
}

// Run ingests the files. Bad inputs are counted, reported to OnError and
// skipped; only a store failure or cancellation stops the run.
func (r *Runner) Run(ctx context.Context, files []string) (Result, error) {
	workers := r.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	batch := r.BatchSize
	if batch <= 0 {
		batch = 256
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	items := make(chan Item, workers*4)
	done := make(chan Item, workers*4)
	var readErr error
	go func() {
		defer close(items)
		seq := 0
		for _, f := range files {
			err := readFile(ctx, f, func(it Item) error {
				it.seq = seq
				seq++
				select {
				case items <- it:
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			}, extractLater)
			if err != nil {
				readErr = err
				return
			}
			if r.OnFile != nil {
				r.OnFile(f)
			}
		}
	}()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range items {
				it.resolve()
				if it.Err == nil {
					if err := r.Pipeline.Run(ctx, it.Article); err != nil {
						it.Err = err
					}
				}
				done <- it
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()

	var res Result
	var pending []*article.Article
	var storeErr error
	flush := func() {
		if len(pending) == 0 || storeErr != nil {
			return
		}
		added, err := r.Store.Put(ctx, pending)
		if err != nil {
			storeErr = err
			cancel()
			return
		}
		for _, ok := range added {
			if ok {
				res.Ingested++
			} else {
				res.Duplicates++
			}
		}
		pending = pending[:0]
	}
	handle := func(it Item) {
		if it.Err != nil {
			res.Failed++
			if r.OnError != nil {
				r.OnError(it.Name, it.Err)
			}
			return
		}
		if r.Stories != nil {
			r.Stories.Assign(it.Article)
		}
		pending = append(pending, it.Article)
		if len(pending) >= batch {
			flush()
		}
	}
	// Workers finish out of order; results are handled in input order so
	// that errors, story ids and the store's insertion order are the same
	// on every run.
	held := map[int]Item{}
	next := 0
	for it := range done {
		held[it.seq] = it
		for {
			x, ok := held[next]
			if !ok {
				break
			}
			delete(held, next)
			next++
			handle(x)
		}
	}
	flush()
	if storeErr != nil {
		return res, storeErr
	}
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return res, readErr
	}
	return res, ctx.Err()
}
