package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"sitrep/internal/analyze"
	"sitrep/internal/article"
	"sitrep/internal/ingest"
)

func newAnalyzeCmd(g *globals) *cobra.Command {
	var (
		published string
		pretty    bool
		jsonl     bool
		workers   int
	)
	cmd := &cobra.Command{
		Use:   "analyze [FILE|-]",
		Short: "Analyse one article (or a JSONL stream with --jsonl) and print its JSON",
		Long: `Analyse one article and print the article model as JSON.

The input is a plain-text article (optional label line, headline, captions,
credits, related links, body) or an HTML page, from FILE or standard input.

With --jsonl the input is one article per line, {"text": raw article} or
{"headline", "body", "url", "published"}; the output is one analysed article
per line in the same order, and a bad line is answered by {"error": ...}.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			in, name, closeIn, err := openInput(cmd, args)
			if err != nil {
				return err
			}
			defer closeIn()
			p, err := analyze.Default()
			if err != nil {
				return err
			}
			if published != "" {
				if _, err := ingest.ParseDate(published); err != nil {
					return fmt.Errorf("--published: %w", err)
				}
			}
			out := bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
			defer out.Flush()
			if jsonl {
				return analyzeJSONL(cmd, p, in, out, workers, published)
			}
			raw, err := io.ReadAll(io.LimitReader(in, ingest.MaxFileSize+1))
			if err != nil {
				return err
			}
			if len(raw) > ingest.MaxFileSize {
				return fmt.Errorf("%s: larger than %d bytes", name, ingest.MaxFileSize)
			}
			a, err := ingest.Parse(name, raw)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if published != "" {
				d, _ := ingest.ParseDate(published)
				a.Published = article.Published{Date: d, How: article.DateGiven}
			}
			if err := p.Run(ctx, a); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			if pretty {
				enc.SetIndent("", "  ")
			}
			return enc.Encode(a)
		},
	}
	cmd.Flags().StringVar(&published, "published", "", "publication date (YYYY-MM-DD or RFC 3339) when the input does not say")
	cmd.Flags().BoolVar(&pretty, "pretty", false, "indent the JSON")
	cmd.Flags().BoolVar(&jsonl, "jsonl", false, "batch mode: one JSON article per input line, one result per output line")
	cmd.Flags().IntVar(&workers, "workers", runtime.NumCPU(), "parallel workers for --jsonl")
	return cmd
}

func openInput(cmd *cobra.Command, args []string) (io.Reader, string, func(), error) {
	if len(args) == 0 || args[0] == "-" {
		return cmd.InOrStdin(), "stdin", func() {}, nil
	}
	f, err := os.Open(args[0])
	if err != nil {
		return nil, "", nil, err
	}
	return f, args[0], func() { f.Close() }, nil
}

// analyzeJSONL analyses lines in parallel and writes results in input order.
func analyzeJSONL(cmd *cobra.Command, p *analyze.Pipeline, in io.Reader, out io.Writer, workers int, published string) error {
	ctx := cmd.Context()
	if workers < 1 {
		workers = 1
	}
	type job struct {
		n    int
		line []byte
		res  chan []byte
	}
	jobs := make(chan *job, workers*4)
	order := make(chan *job, workers*4)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.res <- analyzeLine(cmd, p, j.line, j.n, published)
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(jobs)
		sc := bufio.NewReaderSize(in, 1<<20)
		n := 0
		for {
			line, err := sc.ReadBytes('\n')
			if len(strings.TrimSpace(string(line))) > 0 {
				n++
				j := &job{n: n, line: line, res: make(chan []byte, 1)}
				select {
				case order <- j:
				case <-ctx.Done():
					readErr <- ctx.Err()
					return
				}
				jobs <- j
			}
			if err == io.EOF {
				readErr <- nil
				return
			}
			if err != nil {
				readErr <- err
				return
			}
		}
	}()
	var werr error
	for j := range order {
		b := <-j.res
		if werr == nil {
			_, werr = out.Write(b)
		}
	}
	wg.Wait()
	if err := <-readErr; err != nil {
		return err
	}
	return werr
}

func analyzeLine(cmd *cobra.Command, p *analyze.Pipeline, line []byte, n int, published string) []byte {
	fail := func(err error) []byte {
		b, _ := json.Marshal(map[string]any{"error": err.Error(), "line": n})
		return append(b, '\n')
	}
	a, err := ingest.ParseJSONLine(line)
	if err != nil {
		return fail(err)
	}
	if published != "" && a.Published.How != article.DateGiven {
		d, _ := ingest.ParseDate(published)
		a.Published = article.Published{Date: d, How: article.DateGiven}
	}
	if err := p.Run(cmd.Context(), a); err != nil {
		return fail(err)
	}
	b, err := marshal(a)
	if err != nil {
		return fail(err)
	}
	return append(b, '\n')
}

func marshal(v any) ([]byte, error) {
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(strings.TrimSuffix(sb.String(), "\n")), nil
}
