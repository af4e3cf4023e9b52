// Package entities is the entities stage. Not implemented yet: it returns no
// findings until its issue lands.
package entities

import (
	"context"

	"sitrep/internal/article"
)

// Recognizer is the entities stage.
type Recognizer struct{}

// NewDefault returns the stage with the shipped model.
func NewDefault() (*Recognizer, error) { return &Recognizer{}, nil }

// Name implements analyze.Stage.
func (*Recognizer) Name() string { return "entities" }

// Apply implements analyze.Stage. It finds nothing yet.
func (*Recognizer) Apply(ctx context.Context, a *article.Article) error { return nil }
