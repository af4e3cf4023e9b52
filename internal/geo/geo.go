// Package geo is the places stage. Not implemented yet: it returns no
// findings until its issue lands.
package geo

import (
	"context"

	"sitrep/internal/article"
)

// Geocoder is the places stage.
type Geocoder struct{}

// NewDefault returns the stage with the shipped model.
func NewDefault() (*Geocoder, error) { return &Geocoder{}, nil }

// Name implements analyze.Stage.
func (*Geocoder) Name() string { return "places" }

// Apply implements analyze.Stage. It finds nothing yet.
func (*Geocoder) Apply(ctx context.Context, a *article.Article) error { return nil }
