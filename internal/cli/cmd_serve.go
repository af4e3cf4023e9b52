package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/spf13/cobra"

	"sitrep/internal/api"
	"sitrep/internal/web"
	"sitrep/internal/web/synth"
)

// serveCommands adds the serve area's commands: top-level ones to root, model
// rebuilds to train and measurements to eval. Each area owns its own file
// so that areas grow without touching each other.
func serveCommands(g *globals, root, train, eval *cobra.Command) {
	root.AddCommand(newServeCmd(g), newFillSyntheticCmd(g))
}

func newServeCmd(g *globals) *cobra.Command {
	var addr, token, logFormat string
	var quiet bool
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the HTTP API and the dashboard over the store",
		Long: `Serve the JSON API (/api/v1, described at /api/v1/openapi.json), the
dashboard (/), and /healthz, /readyz and /metrics, over the store.

POST endpoints need "Authorization: Bearer TOKEN" when --token (or SITREP_TOKEN)
is set. GET endpoints are open while the server listens on loopback only; on
any other address they need the token too, and serving there without a token
is refused.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if token == "" {
				token = os.Getenv("SITREP_TOKEN")
			}
			loopback, err := isLoopback(addr)
			if err != nil {
				return err
			}
			if !loopback && token == "" {
				return fmt.Errorf("--addr %s is not a loopback address: set --token or SITREP_TOKEN", addr)
			}
			var h slog.Handler
			w := cmd.ErrOrStderr()
			if logFormat == "json" {
				h = slog.NewJSONHandler(w, nil)
			} else {
				h = slog.NewTextHandler(w, nil)
			}
			logger := slog.New(h)
			st, err := g.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			ui, err := web.New()
			if err != nil {
				return err
			}
			p, grouper, err := primed(ctx, st)
			if err != nil {
				return err
			}
			opt := api.Options{Store: st, Pipeline: p, Stories: grouper, Token: token, OpenReads: loopback, UI: ui, Logger: logger}
			if quiet {
				opt.Logger = nil
			}
			srv := api.HTTPServer(addr, api.New(opt).Handler(), logger)
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "sitrep serving on http://%s/ (API at /api/v1, Ctrl-C to stop)\n", ln.Addr())
			errc := make(chan error, 1)
			go func() { errc <- srv.Serve(ln) }()
			select {
			case err := <-errc:
				return err
			case <-ctx.Done():
			}
			sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := srv.Shutdown(sctx); err != nil {
				return err
			}
			if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "listen address")
	cmd.Flags().StringVar(&token, "token", "", "bearer token for POST endpoints (default $SITREP_TOKEN)")
	cmd.Flags().StringVar(&logFormat, "log-format", "text", "access log format: text or json")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "no access logs")
	return cmd
}

// isLoopback reports whether addr (host:port) listens on loopback only.
func isLoopback(addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, fmt.Errorf("--addr %q: %w", addr, err)
	}
	if host == "localhost" {
		return true, nil
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback(), nil
}

func newFillSyntheticCmd(g *globals) *cobra.Command {
	var n int
	var seed int64
	cmd := &cobra.Command{
		Use:   "fill-synthetic",
		Short: "Fill the store with N synthetic articles, one located event each (for load tests)",
		Long: `Fill the store with N synthetic articles from internal/corpus, each with one
synthetic located event taken from its headline, without running the analysis
stages. For load tests and the dashboard's 100,000-event check; the articles'
source is "synthetic". Running it again with the same seed adds nothing.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := g.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			start := time.Now()
			added, err := synth.Fill(ctx, st, seed, n, nil)
			if err != nil {
				return err
			}
			total, err := st.Count(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "added %d synthetic articles in %.1fs; store has %d\n", added, time.Since(start).Seconds(), total)
			return nil
		},
	}
	cmd.Flags().IntVar(&n, "n", 100000, "articles")
	cmd.Flags().Int64Var(&seed, "seed", 1, "corpus seed")
	return cmd
}
