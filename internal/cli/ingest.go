package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"sitrep/internal/analyze"
	"sitrep/internal/article"
	"sitrep/internal/ingest"
	"sitrep/internal/store"
	"sitrep/internal/stories"
)

// openStore opens the store --db names: a SQLite file (the default path
// when empty) or a postgres:// URL.
func (g *globals) openStore(ctx context.Context) (store.DB, error) {
	return store.Open(ctx, g.db)
}

// fileBar is a progress bar over n files on a terminal stderr (nil when
// stderr is not a terminal, quiet is set or there is one file).
func fileBar(stderr io.Writer, what string, n int, quiet bool) *progressbar.ProgressBar {
	f, ok := stderr.(*os.File)
	if !ok || quiet || n < 2 || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions(n, progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription(what), progressbar.OptionShowCount(),
		progressbar.OptionShowIts(), progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100*time.Millisecond))
}

// primeStories is how many of the most recently stored articles a new
// story grouper reads back, so that new articles can join their stories
// (about a second per 5,000 on one core).
const primeStories = 5000

// primed returns the default pipeline and a story grouper, both taught the
// most recently stored articles in one pass: the grouper their stories, the
// places stage their sources' lexicons.
func primed(ctx context.Context, st store.Store) (*analyze.Pipeline, *stories.Grouper, error) {
	p, err := analyze.Default()
	if err != nil {
		return nil, nil, err
	}
	g := stories.New(stories.Options{})
	err = st.Recent(ctx, primeStories, func(a *article.Article) error {
		g.Remember(a)
		p.Remember(a)
		return nil
	})
	return p, g, err
}

func newIngestCmd(g *globals) *cobra.Command {
	var workers int
	var quiet bool
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Analyse files, folders and globs of articles into the store",
		Long: `Analyse articles into the store. PATH may be a file, a folder (walked for
.txt, .html, .htm, .json and .jsonl files) or a glob. A .jsonl file holds one
article per line. The same article ingested twice is stored once. A bad file
or line is reported on stderr by name and skipped; the batch goes on.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			stderr := cmd.ErrOrStderr()
			files, errs := ingest.Expand(args)
			for _, err := range errs {
				fmt.Fprintln(stderr, "error:", err)
			}
			st, err := g.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			p, grouper, err := primed(ctx, st)
			if err != nil {
				return err
			}
			r := &ingest.Runner{Pipeline: p, Store: st, Workers: workers, Stories: grouper,
				OnError: func(name string, err error) { fmt.Fprintf(stderr, "error: %s: %v\n", name, err) }}
			bar := fileBar(stderr, "ingest", len(files), quiet)
			if bar != nil {
				r.OnFile = func(string) { bar.Add(1) }
				r.OnError = func(name string, err error) { bar.Clear(); fmt.Fprintf(stderr, "error: %s: %v\n", name, err) }
			}
			start := time.Now()
			res, err := r.Run(ctx, files)
			if bar != nil {
				bar.Finish()
			}
			res.Failed += len(errs)
			fmt.Fprintf(cmd.OutOrStdout(), "ingested %d, duplicates %d, failed %d (%d files, %.1fs)\n",
				res.Ingested, res.Duplicates, res.Failed, len(files), time.Since(start).Seconds())
			return err
		},
	}
	cmd.Flags().IntVar(&workers, "workers", 0, "analysis workers (default: all cores)")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "no progress bar")
	return cmd
}
