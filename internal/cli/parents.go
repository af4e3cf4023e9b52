package cli

import "github.com/spf13/cobra"

// newTrainCmd groups the commands that rebuild shipped models.
func newTrainCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "train", Short: "Rebuild a shipped model from its training data"}
	return cmd
}

// newEvalCmd groups the evaluation commands (they read ../shared/data).
func newEvalCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "eval", Short: "Measure a stage against public gold data"}
	return cmd
}
