package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"sitrep/internal/analyze"
	"sitrep/internal/corpus"
	"sitrep/internal/extract"
	"sitrep/internal/ingest"
	"sitrep/internal/store"
)

// benchResult is what `sitrep bench` prints.
type benchResult struct {
	Articles           int     `json:"articles"`
	Cores              int     `json:"cores"`
	AnalyzeOneCore     float64 `json:"analyze_per_sec_one_core"`
	AnalyzeAllCores    float64 `json:"analyze_per_sec_all_cores"`
	IngestAllCores     float64 `json:"ingest_per_sec"`
	PipelineLoadMillis float64 `json:"pipeline_load_ms"`
	PeakRSSMB          float64 `json:"peak_rss_mb"`
}

func newBenchCmd(g *globals) *cobra.Command {
	var n int
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure analyze and ingest throughput on a generated corpus",
		Long: `Generate a synthetic corpus of N articles (internal/corpus), then measure
analysis throughput on one core and on all cores, ingest throughput from files
into a fresh store, and the process's peak resident memory.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			res, err := runBench(ctx, n)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "articles                 %d (generated)\n", res.Articles)
			fmt.Fprintf(out, "pipeline load            %.0f ms\n", res.PipelineLoadMillis)
			fmt.Fprintf(out, "analyze, 1 core          %.0f articles/s\n", res.AnalyzeOneCore)
			fmt.Fprintf(out, "analyze, %d cores         %.0f articles/s\n", res.Cores, res.AnalyzeAllCores)
			fmt.Fprintf(out, "ingest into store        %.0f articles/s (read, analyse, store; all cores)\n", res.IngestAllCores)
			fmt.Fprintf(out, "peak RSS                 %.0f MB\n", res.PeakRSSMB)
			b, _ := json.Marshal(res)
			fmt.Fprintf(out, "%s\n", b)
			return nil
		},
	}
	cmd.Flags().IntVar(&n, "n", 10000, "articles to generate")
	return cmd
}

func runBench(ctx context.Context, n int) (*benchResult, error) {
	t0 := time.Now()
	p, err := analyze.Default()
	if err != nil {
		return nil, err
	}
	res := &benchResult{Articles: n, Cores: runtime.NumCPU(), PipelineLoadMillis: float64(time.Since(t0).Microseconds()) / 1000}
	docs := make([]string, n)
	for i := range docs {
		docs[i] = corpus.Article(7, i)
	}
	analyzeAll := func(workers int) (float64, error) {
		start := time.Now()
		var wg sync.WaitGroup
		errc := make(chan error, workers)
		next := make(chan int, workers)
		go func() {
			for i := range docs {
				next <- i
			}
			close(next)
		}()
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					a, err := extract.Text(docs[i])
					if err == nil {
						err = p.Run(ctx, a)
					}
					if err != nil {
						errc <- fmt.Errorf("article %d: %w", i, err)
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errc)
		if err := <-errc; err != nil {
			return 0, err
		}
		return float64(n) / time.Since(start).Seconds(), nil
	}
	// One core means one core: the garbage collector and the scheduler get
	// no second one while this runs.
	prev := runtime.GOMAXPROCS(1)
	res.AnalyzeOneCore, err = analyzeAll(1)
	runtime.GOMAXPROCS(prev)
	if err != nil {
		return nil, err
	}
	if res.AnalyzeAllCores, err = analyzeAll(runtime.NumCPU()); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "sitrep-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	files := make([]string, n)
	for i, d := range docs {
		files[i] = filepath.Join(dir, fmt.Sprintf("%06d.txt", i))
		if err := os.WriteFile(files[i], []byte(d), 0o644); err != nil {
			return nil, err
		}
	}
	st, err := store.OpenSQLite(ctx, filepath.Join(dir, "bench.db"))
	if err != nil {
		return nil, err
	}
	defer st.Close()
	start := time.Now()
	r := &ingest.Runner{Pipeline: p, Store: st}
	ir, err := r.Run(ctx, files)
	if err != nil {
		return nil, err
	}
	if ir.Ingested != n {
		return nil, fmt.Errorf("bench ingest stored %d of %d", ir.Ingested, n)
	}
	res.IngestAllCores = float64(n) / time.Since(start).Seconds()
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		res.PeakRSSMB = float64(ru.Maxrss) / 1024
	}
	return res, nil
}
