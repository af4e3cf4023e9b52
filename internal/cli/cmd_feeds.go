package cli

import "github.com/spf13/cobra"

// feedsCommands adds the feeds area's commands: top-level ones to root, model
// rebuilds to train and measurements to eval. Each area owns its own file
// so that areas grow without touching each other.
func feedsCommands(g *globals, root, train, eval *cobra.Command) {}
