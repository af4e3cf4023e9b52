// Package analyze runs the analysis stages over an extracted article, in
// order: topics, dates, entities, places, events. (Grouping articles into
// stories needs the articles seen before; see stories, which the ingest
// runner calls in input order.)
//
// A Stage is a small interface over the article model with no hidden global
// state: the same Pipeline value runs in the CLI, the HTTP server and a
// queue worker, and is safe for concurrent use once built. The package does
// not extract text (see extract) or store anything (see store).
package analyze

import (
	"context"
	"fmt"

	"sitrep/internal/article"
)

// Stage fills in one part of the analysis of an article.
type Stage interface {
	// Name is a short stable name for logs and errors ("topics", "entities").
	Name() string
	// Apply analyses a and writes its findings into a. It must be safe to call
	// from several goroutines at once on different articles.
	Apply(ctx context.Context, a *article.Article) error
}

// Pipeline is an ordered list of stages.
type Pipeline struct {
	Stages []Stage
}

// A Rememberer is a stage that learns from articles analysed before (read
// back from the store) without analysing them again: the places stage's
// source lexicons.
type Rememberer interface {
	Remember(a *article.Article)
}

// Remember hands an already analysed article to every stage that learns
// from them.
func (p *Pipeline) Remember(a *article.Article) {
	for _, s := range p.Stages {
		if r, ok := s.(Rememberer); ok {
			r.Remember(a)
		}
	}
}

// Run applies every stage in order. A stage error stops the run and is
// returned wrapped with the stage's name.
func (p *Pipeline) Run(ctx context.Context, a *article.Article) error {
	for _, s := range p.Stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Apply(ctx, a); err != nil {
			return fmt.Errorf("%s: %w", s.Name(), err)
		}
	}
	if a.ID == "" {
		a.ID = article.ComputeID(a)
	}
	a.Normalize()
	return nil
}
