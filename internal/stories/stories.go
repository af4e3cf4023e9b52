// Package stories is the stories stage. Not implemented yet: it returns no
// findings until its issue lands.
package stories

import (
	"context"

	"sitrep/internal/article"
)

// Grouper is the stories stage.
type Grouper struct{}

// New returns the stage.
func New() *Grouper { return &Grouper{} }

// Name implements analyze.Stage.
func (*Grouper) Name() string { return "stories" }

// Apply implements analyze.Stage. It finds nothing yet.
func (*Grouper) Apply(ctx context.Context, a *article.Article) error { return nil }
