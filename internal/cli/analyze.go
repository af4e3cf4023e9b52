package cli

import (
	"github.com/spf13/cobra"
)

func newAnalyzeCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "analyze [FILE|-]",
		Short: "analyse one article (or a JSONL stream with --jsonl) and print its JSON",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return nil
		},
	}
	return cmd
}
