// Package classify is the topics stage. Not implemented yet: it returns no
// findings until its issue lands.
package classify

import (
	"context"

	"sitrep/internal/article"
)

// Classifier is the topics stage.
type Classifier struct{}

// NewDefault returns the stage with the shipped model.
func NewDefault() (*Classifier, error) { return &Classifier{}, nil }

// Name implements analyze.Stage.
func (*Classifier) Name() string { return "topics" }

// Apply implements analyze.Stage. It finds nothing yet.
func (*Classifier) Apply(ctx context.Context, a *article.Article) error { return nil }
