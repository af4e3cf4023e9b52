package cli

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/spf13/cobra"

	"sitrep/internal/article"
	"sitrep/internal/extract"
)

// extractionCommands adds the extraction area's commands: `sitrep extract`
// to root and `sitrep eval extraction` to eval.
func extractionCommands(g *globals, root, train, eval *cobra.Command) {
	root.AddCommand(newExtractCmd(g))
	eval.AddCommand(newEvalExtractionCmd(g))
}

// extractLine is one line of `sitrep extract`: the article model plus the
// file it came from, or the file and an error.
type extractLine struct {
	File string `json:"file"`
	*article.Article
}

type extractErrLine struct {
	File  string `json:"file"`
	Error string `json:"error"`
}

func newExtractCmd(g *globals) *cobra.Command {
	var workers int
	var pageURL string
	cmd := &cobra.Command{
		Use:   "extract FILE|DIR ...",
		Short: "Extract articles from HTML pages, one JSON line per page",
		Long: `Extract the article (headline, body, byline, date, language, canonical URL,
site name and the boilerplate removed) from each HTML page and print one JSON
line per page: the article model plus "file". A directory is walked for
.html, .htm, .xhtml and .html.gz files. A page that cannot be read or
extracted prints {"file": ..., "error": ...} and the run goes on. Lines come
out in input order whatever --workers is.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			files, err := htmlFiles(args)
			if err != nil {
				return err
			}
			if workers < 1 {
				workers = runtime.GOMAXPROCS(0)
			}
			out := bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
			defer out.Flush()
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			bad := 0
			err = extractFiles(cmd.Context(), files, workers, pageURL, func(file string, a *article.Article, err error) error {
				if err != nil {
					bad++
					return enc.Encode(extractErrLine{File: file, Error: err.Error()})
				}
				a.ID = article.ComputeID(a)
				return enc.Encode(extractLine{File: file, Article: a})
			})
			if err != nil {
				return err
			}
			if bad > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "extract: %d of %d pages failed\n", bad, len(files))
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&workers, "workers", 0, "pages extracted at once (default: all cores)")
	cmd.Flags().StringVar(&pageURL, "url", "", "the page URL, when one file is given (resolves relative links, dates in the URL)")
	return cmd
}

// htmlFiles expands the arguments: files as given, directories walked (in
// lexical order) for HTML files.
func htmlFiles(args []string) ([]string, error) {
	var files []string
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			// a missing file is reported as its own error line
			files = append(files, arg)
			continue
		}
		if !st.IsDir() {
			files = append(files, arg)
			continue
		}
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // unreadable entries are skipped, the walk goes on
			}
			if !d.IsDir() && isHTMLName(p) {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

func isHTMLName(p string) bool {
	p = strings.ToLower(p)
	for _, ext := range []string{".html", ".htm", ".xhtml", ".html.gz", ".htm.gz"} {
		if strings.HasSuffix(p, ext) {
			return true
		}
	}
	return false
}

// extractFiles extracts files with workers goroutines and calls emit for
// each in input order. Memory stays bounded: at most a few pages per worker
// are in flight.
func extractFiles(ctx context.Context, files []string, workers int, pageURL string, emit func(string, *article.Article, error) error) error {
	if ctx == nil {
		ctx = context.Background()
	}
	type result struct {
		a   *article.Article
		err error
	}
	type job struct {
		file string
		out  chan result
	}
	jobs := make(chan job)
	pending := make(chan job, workers*4)
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(jobs)
		defer close(pending)
		for _, f := range files {
			j := job{f, make(chan result, 1)}
			select {
			case pending <- j:
			case <-done:
				return
			}
			select {
			case jobs <- j:
			case <-done:
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				u := ""
				if len(files) == 1 {
					u = pageURL
				}
				a, err := extractFile(j.file, u)
				j.out <- result{a, err}
			}
		}()
	}
	defer wg.Wait()
	for j := range pending {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		r := <-j.out
		if err := emit(j.file, r.a, r.err); err != nil {
			return err
		}
	}
	return nil
}

// extractFile reads one page (gunzipping .gz) and extracts it.
func extractFile(path, pageURL string) (*article.Article, error) {
	raw, err := readPage(path)
	if err != nil {
		return nil, err
	}
	return extract.HTML(raw, pageURL)
}

func readPage(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		r = zr
	}
	raw, err := io.ReadAll(io.LimitReader(r, extract.MaxHTMLSize+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > extract.MaxHTMLSize {
		return nil, extract.ErrTooLarge
	}
	return raw, nil
}

// evalExtractionReport is what `sitrep eval extraction` prints: sitrep's
// score, plain go-trafilatura's score in the same run, and the benchmark's
// stored outputs of other tools re-scored with the same code.
type evalExtractionReport struct {
	extract.EvalReport
	PlainTrafilatura *extract.Summary           `json:"plain_go_trafilatura,omitempty"`
	Published        map[string]extract.Summary `json:"published_outputs_rescored,omitempty"`
}

func newEvalExtractionCmd(g *globals) *cobra.Command {
	var (
		data     string
		workers  int
		worst    int
		baseline bool
		anchors  bool
	)
	cmd := &cobra.Command{
		Use:   "extraction",
		Short: "Score HTML extraction on the Scrapinghub article-extraction-benchmark",
		Long: `Run extract.HTML on every page of the article-extraction-benchmark (181
pages with ground-truth bodies) and score the bodies the benchmark's way: \w+
tokens, 4-token shingles, per-page normalised overlap, macro-averaged
precision and recall, F1 as their harmonic mean, accuracy as exact token
match. Prints one JSON object with the scores, the worst pages with what
was missed and kept, plain go-trafilatura's score in the same run
(--baseline) and the benchmark's stored tool outputs re-scored (--anchors).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			pages, err := extract.LoadBench(data)
			if err != nil {
				return fmt.Errorf("loading benchmark (see --data): %w", err)
			}
			if workers < 1 {
				workers = runtime.GOMAXPROCS(0)
			}
			rep, err := extract.Evaluate(cmd.Context(), pages, workers, worst, func(raw []byte, u string) (string, error) {
				a, err := extract.HTML(raw, u)
				if err != nil {
					return "", err
				}
				return a.Body, nil
			})
			if err != nil {
				return err
			}
			rep.Dataset = data
			out := evalExtractionReport{EvalReport: rep}
			if baseline {
				b, err := extract.Evaluate(cmd.Context(), pages, workers, 0, plainTrafilatura)
				if err != nil {
					return err
				}
				out.PlainTrafilatura = &b.Summary
			}
			if anchors {
				out.Published = rescorePublished(data, pages)
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(out)
		},
	}
	cmd.Flags().StringVar(&data, "data", "../shared/data/extraction/scrapinghub-aeb", "benchmark directory (ground-truth.json, html/)")
	cmd.Flags().IntVar(&workers, "workers", 0, "pages extracted at once (default: all cores)")
	cmd.Flags().IntVar(&worst, "worst", 10, "how many of the lowest-scoring pages to list")
	cmd.Flags().BoolVar(&baseline, "baseline", true, "also score plain go-trafilatura (default options) in the same run")
	cmd.Flags().BoolVar(&anchors, "anchors", true, "also re-score the benchmark's stored outputs in DATA/predictions")
	return cmd
}

// plainTrafilatura is go-trafilatura with its default options, as a user
// of the library would call it.
func plainTrafilatura(raw []byte, pageURL string) (string, error) {
	res, err := trafilatura.Extract(bytes.NewReader(raw), trafilatura.Options{OriginalURL: parseURL(pageURL)})
	if err != nil {
		return "", err
	}
	return res.ContentText, nil
}

func rescorePublished(data string, pages []extract.BenchPage) map[string]extract.Summary {
	paths, _ := filepath.Glob(filepath.Join(data, "predictions", "*.json*"))
	sort.Strings(paths)
	out := map[string]extract.Summary{}
	for _, p := range paths {
		pred, err := extract.ReadPredictions(p)
		if err != nil {
			continue
		}
		scores := make([]extract.PageScore, len(pages))
		for i, pg := range pages {
			scores[i] = extract.ScorePage(pg.Truth, pred[pg.ID])
		}
		name := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(p), ".gz"), ".json")
		out[name] = extract.Summarize(scores)
	}
	return out
}

func parseURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil || !u.IsAbs() {
		return nil
	}
	return u
}
