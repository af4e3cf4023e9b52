// Package cli is sitrep's command line: one file per command, each a small
// constructor returning a *cobra.Command. It parses flags, builds the stages
// it needs and streams results; the work itself lives in the stage packages.
package cli

import (
	"context"
	"io"
	"log/slog"
	"os"

	"github.com/spf13/cobra"
)

// Main runs the CLI with args and returns the process exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := NewRoot(stdin, stdout, stderr)
	root.SetArgs(args)
	if err := root.ExecuteContext(ctx); err != nil {
		return 1
	}
	return 0
}

// globals are the flags every command shares.
type globals struct {
	db      string
	verbose bool
}

// NewRoot builds the command tree.
func NewRoot(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:           "sitrep",
		Short:         "sitrep turns a stream of news into a situation report",
		SilenceUsage:  true,
		SilenceErrors: false,
		PersistentPreRun: func(cmd *cobra.Command, args []string) {
			lvl := slog.LevelWarn
			if g.verbose {
				lvl = slog.LevelDebug
			}
			slog.SetDefault(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: lvl})))
		},
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().StringVar(&g.db, "db", os.Getenv("SITREP_DB"), "store: a SQLite file or a postgres:// URL (env SITREP_DB; default $XDG_DATA_HOME/sitrep/sitrep.db)")
	root.PersistentFlags().BoolVarP(&g.verbose, "verbose", "v", false, "log debug detail to stderr")
	train, eval := newTrainCmd(g), newEvalCmd(g)
	root.AddCommand(
		newAnalyzeCmd(g),
		newIngestCmd(g),
		newSearchCmd(g),
		newExportCmd(g),
		newStoriesCmd(g),
		train,
		eval,
		newBenchCmd(g),
	)
	for _, add := range []func(*globals, *cobra.Command, *cobra.Command, *cobra.Command){
		topicsCommands,
		extractionCommands,
		feedsCommands,
		nerCommands,
		entitiesCommands,
		geoCommands,
		eventsCommands,
		serveCommands,
		queueCommands,
		storiesCommands,
		eventLocationCommands,
		eventRolesCommands,
	} {
		add(g, root, train, eval)
	}
	return root
}
