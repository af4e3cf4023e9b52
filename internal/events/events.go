// Package events is the events stage. Not implemented yet: it returns no
// findings until its issue lands.
package events

import (
	"context"

	"sitrep/internal/article"
)

// Coder is the events stage.
type Coder struct{}

// New returns the stage.
func New() *Coder { return &Coder{} }

// Name implements analyze.Stage.
func (*Coder) Name() string { return "events" }

// Apply implements analyze.Stage. It finds nothing yet.
func (*Coder) Apply(ctx context.Context, a *article.Article) error { return nil }
