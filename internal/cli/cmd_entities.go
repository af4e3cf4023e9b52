package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"sitrep/internal/entities"
	"sitrep/internal/timex"
)

// entitiesCommands adds the entities area's commands: top-level ones to root, model
// rebuilds to train and measurements to eval. Each area owns its own file
// so that areas grow without touching each other.
//
//	sitrep dates --published 2015-11-18 "Obama said on Wednesday ..."
//	sitrep actor "Russian warplanes"
func entitiesCommands(g *globals, root, train, eval *cobra.Command) {
	var published string
	dates := &cobra.Command{
		Use:   "dates [--published YYYY-MM-DD] TEXT...",
		Short: "Find and resolve the temporal expressions in TEXT (stdin when none) as JSON",
		RunE: func(cmd *cobra.Command, args []string) error {
			text, err := entitiesArgsOrStdin(cmd, args)
			if err != nil {
				return err
			}
			var pub time.Time
			if published != "" {
				if pub, err = time.Parse("2006-01-02", published); err != nil {
					return fmt.Errorf("--published: want YYYY-MM-DD: %w", err)
				}
			}
			return entitiesWriteJSON(cmd.OutOrStdout(), timex.NewResolver().Find(text, pub))
		},
	}
	dates.Flags().StringVar(&published, "published", "", "publication date to resolve relative expressions against (none: absolute only)")
	actor := &cobra.Command{
		Use:   "actor PHRASE...",
		Short: "Print the country (ISO alpha-3) and CAMEO-style role a noun phrase names, as JSON",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, r := entities.Attributes(strings.Join(args, " "))
			return entitiesWriteJSON(cmd.OutOrStdout(), map[string]string{"country": c, "role": r})
		},
	}
	root.AddCommand(dates, actor)

	var dict string
	agents := &cobra.Command{
		Use:   "agents --dict Phoenix.agents.txt",
		Short: "Score the role lexicon of `sitrep actor` against a PETRARCH agents dictionary, as JSON",
		RunE: func(cmd *cobra.Command, args []string) error {
			if dict == "" {
				return fmt.Errorf("--dict is required (e.g. ../shared/data/events/dictionaries/Phoenix.agents.txt)")
			}
			f, err := os.Open(dict)
			if err != nil {
				return err
			}
			defer f.Close()
			list, skipped, err := entities.ReadAgents(f)
			if err != nil {
				return fmt.Errorf("%s: %w", dict, err)
			}
			res := entities.CompareAgents(list)
			return entitiesWriteJSON(cmd.OutOrStdout(), map[string]any{"dict": dict, "skipped_lines": skipped, "result": res})
		},
	}
	agents.Flags().StringVar(&dict, "dict", "", "agents dictionary (PETRARCH/Phoenix format)")
	eval.AddCommand(agents)
}

func entitiesArgsOrStdin(cmd *cobra.Command, args []string) (string, error) {
	if len(args) > 0 {
		return strings.Join(args, " "), nil
	}
	b, err := io.ReadAll(cmd.InOrStdin())
	return string(b), err
}

func entitiesWriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
