package extract

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// BenchPage is one page of the article-extraction-benchmark: its id, URL,
// raw HTML and ground-truth article body.
type BenchPage struct {
	ID    string
	URL   string
	Truth string
	HTML  []byte
}

// LoadBench reads the benchmark laid out as in its repository: dir holds
// ground-truth.json ({id: {articleBody, url}}) and html/<id>.html.gz.
// Pages come back sorted by id.
func LoadBench(dir string) ([]BenchPage, error) {
	gt, err := readBodies(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	pages := make([]BenchPage, 0, len(gt))
	for id, e := range gt {
		raw, err := readMaybeGzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, fmt.Errorf("bench page %s: %w", id, err)
		}
		pages = append(pages, BenchPage{ID: id, URL: e.URL, Truth: e.Body, HTML: raw})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].ID < pages[j].ID })
	return pages, nil
}

type benchEntry struct {
	Body string `json:"articleBody"`
	URL  string `json:"url"`
}

// ReadPredictions reads a benchmark output file (plain or .gz, bare or
// wrapped as {"version":..., "output": {...}}) into id -> article body.
func ReadPredictions(path string) (map[string]string, error) {
	m, err := readBodies(path)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v.Body
	}
	return out, nil
}

func readBodies(path string) (map[string]benchEntry, error) {
	raw, err := readMaybeGzip(path)
	if err != nil {
		return nil, err
	}
	var wrapped struct {
		Output map[string]benchEntry `json:"output"`
	}
	if err := json.Unmarshal(raw, &wrapped); err == nil && len(wrapped.Output) > 0 {
		return wrapped.Output, nil
	}
	var m map[string]benchEntry
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

func readMaybeGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	return io.ReadAll(io.LimitReader(r, 64<<20))
}
