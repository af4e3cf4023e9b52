package cli

import "github.com/spf13/cobra"

// geoCommands adds the geo area's commands: top-level ones to root, model
// rebuilds to train and measurements to eval. Each area owns its own file
// so that areas grow without touching each other.
func geoCommands(g *globals, root, train, eval *cobra.Command) {}
