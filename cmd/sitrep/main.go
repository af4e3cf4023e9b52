// Command sitrep turns news articles into structured situation data.
// See the README, or run "sitrep --help".
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"sitrep/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
