package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/spf13/cobra"

	"sitrep/internal/ingest"
	"sitrep/internal/queue"
	"sitrep/internal/store"
)

// queueCommands adds `sitrep queue broker|publish|work|status`: ingest
// spread over machines through NATS JetStream.
func queueCommands(g *globals, root, train, eval *cobra.Command) {
	q := &cobra.Command{
		Use:   "queue",
		Short: "Spread ingest over machines through a NATS JetStream queue",
		Long: `When one machine is not enough: producers publish parsed articles to a
durable NATS JetStream stream ("sitrep queue publish"), and any number of
workers, on any machines, analyse and store them ("sitrep queue work").
A message is acknowledged only once its article is stored; bad messages are
reported and dropped; a failed store write is delivered again.
"sitrep queue broker" runs an embedded NATS server for one machine or a demo;
in production point --nats at a NATS cluster with JetStream enabled.`,
	}
	var url string
	q.PersistentFlags().StringVar(&url, "nats", envOr("SITREP_NATS", nats.DefaultURL), "NATS server URL (env SITREP_NATS)")
	q.AddCommand(newQueueBrokerCmd(), newQueuePublishCmd(g, &url), newQueueWorkCmd(g, &url), newQueueStatusCmd(&url))
	root.AddCommand(q)
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func connectNATS(url string) (*nats.Conn, error) {
	nc, err := nats.Connect(url, nats.Name("sitrep"), nats.Timeout(5*time.Second))
	if err != nil {
		return nil, fmt.Errorf("nats %s: %w", url, err)
	}
	return nc, nil
}

func newQueueBrokerCmd() *cobra.Command {
	var listen, dir string
	cmd := &cobra.Command{
		Use:   "broker",
		Short: "Run an embedded NATS server with JetStream until interrupted",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if dir == "" {
				dir = filepath.Join(filepath.Dir(store.DefaultPath()), "nats")
			}
			b, err := queue.StartBroker(queue.BrokerOptions{Listen: listen, StoreDir: dir})
			if err != nil {
				return err
			}
			defer b.Close()
			fmt.Fprintf(cmd.OutOrStdout(), "broker listening on %s (JetStream files in %s)\n", b.URL(), dir)
			<-cmd.Context().Done()
			return nil
		},
	}
	cmd.Flags().StringVar(&listen, "listen", "127.0.0.1:4222", "host:port to listen on")
	cmd.Flags().StringVar(&dir, "store-dir", "", "JetStream directory (default beside the store: $XDG_DATA_HOME/sitrep/nats)")
	return cmd
}

func newQueuePublishCmd(g *globals, url *string) *cobra.Command {
	var quiet bool
	cmd := &cobra.Command{
		Use:   "publish PATH...",
		Short: "Parse files, folders and globs of articles and publish them to the queue",
		Long: `Parse articles as "sitrep ingest" does (text, HTML, JSONL, WARC) and publish
each to the stream for workers to analyse. A bad file or line is reported by
name and skipped. An article published twice within a day is queued once.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			stderr := cmd.ErrOrStderr()
			nc, err := connectNATS(*url)
			if err != nil {
				return err
			}
			defer nc.Close()
			pub, err := queue.NewPublisher(ctx, nc, queue.Config{})
			if err != nil {
				return err
			}
			files, errs := ingest.Expand(args)
			failed := len(errs)
			for _, err := range errs {
				fmt.Fprintln(stderr, "error:", err)
			}
			published, dups := 0, 0
			start := time.Now()
			bar := fileBar(stderr, "publish", len(files), quiet)
			for _, f := range files {
				if bar != nil {
					bar.Add(1)
				}
				err := ingest.ReadFile(ctx, f, func(it ingest.Item) error {
					if it.Err == nil {
						var isNew bool
						if isNew, it.Err = pub.Publish(ctx, it.Article); it.Err == nil {
							if isNew {
								published++
							} else {
								dups++
							}
							return nil
						}
					}
					failed++
					if bar != nil {
						bar.Clear()
					}
					fmt.Fprintf(stderr, "error: %s: %v\n", it.Name, it.Err)
					return ctx.Err()
				})
				if err != nil {
					if ctx.Err() != nil {
						return err
					}
					failed++
					fmt.Fprintf(stderr, "error: %s: %v\n", f, err)
				}
			}
			if bar != nil {
				bar.Finish()
			}
			fmt.Fprintf(cmd.OutOrStdout(), "published %d, duplicates %d, failed %d (%d files, %.1fs)\n",
				published, dups, failed, len(files), time.Since(start).Seconds())
			return nil
		},
	}
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "no progress bar")
	return cmd
}

func newQueueWorkCmd(g *globals, url *string) *cobra.Command {
	var workers, batch int
	var idle bool
	cmd := &cobra.Command{
		Use:   "work",
		Short: "Analyse articles from the queue into the store",
		Long: `Pull articles from the stream, analyse them and store them, until
interrupted (or, with --exit-when-idle, until the stream is empty). Run one
per machine; they share the work.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			stderr := cmd.ErrOrStderr()
			nc, err := connectNATS(*url)
			if err != nil {
				return err
			}
			defer nc.Close()
			st, err := g.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			p, grouper, err := primed(ctx, st)
			if err != nil {
				return err
			}
			w := &queue.Worker{Pipeline: p, Store: st, Stories: grouper, Workers: workers, Batch: batch,
				ExitWhenIdle: idle,
				OnError:      func(id string, err error) { fmt.Fprintf(stderr, "error: %s: %v\n", id, err) }}
			start := time.Now()
			res, err := w.Run(ctx, nc, queue.Config{})
			fmt.Fprintf(cmd.OutOrStdout(), "ingested %d, duplicates %d, failed %d (%.1fs)\n",
				res.Ingested, res.Duplicates, res.Failed, time.Since(start).Seconds())
			return err
		},
	}
	cmd.Flags().IntVar(&workers, "workers", 0, "analysis goroutines (default: all cores)")
	cmd.Flags().IntVar(&batch, "batch", 64, "messages fetched and stored at a time")
	cmd.Flags().BoolVar(&idle, "exit-when-idle", false, "stop once the queue is empty")
	return cmd
}

func newQueueStatusCmd(url *string) *cobra.Command {
	return &cobra.Command{
		Use:   "status",
		Short: "Print how many articles wait in the queue",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			nc, err := connectNATS(*url)
			if err != nil {
				return err
			}
			defer nc.Close()
			n, err := queue.Pending(cmd.Context(), nc, queue.Config{})
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "pending %d\n", n)
			return nil
		},
	}
}
