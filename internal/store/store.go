// Package store keeps analysed articles and answers queries over them.
//
// Store is the small interface every backend satisfies: the embedded SQLite
// store (sqlite.go, pure Go, FTS5 full-text search, WAL) is the default; a
// PostgreSQL backend can satisfy the same interface later. The package does
// no analysis: it stores what the pipeline produced.
package store

import (
	"context"
	"errors"

	"sitrep/internal/article"
)

// ErrNotFound is returned by Get when no article has the id.
var ErrNotFound = errors.New("store: not found")

// Store is an article store.
type Store interface {
	// Put stores articles, skipping any whose ID is already stored. It
	// reports, for each input in order, whether it was new.
	Put(ctx context.Context, arts []*article.Article) ([]bool, error)
	// Get returns one article by id, or ErrNotFound.
	Get(ctx context.Context, id string) (*article.Article, error)
	// Search returns articles matching q, best first (newest first when
	// Text is empty), with a cursor for the next page ("" at the end).
	Search(ctx context.Context, q Query) ([]Hit, string, error)
	// Events lists stored events, newest first.
	Events(ctx context.Context, q EventQuery) ([]EventRow, string, error)
	// Entities lists entities whose name starts with or contains q.
	Entities(ctx context.Context, q string, limit int) ([]EntityRow, error)
	// Stats counts articles and events by topic, event type, country and day.
	Stats(ctx context.Context) (*Stats, error)
	// Each calls fn for every stored article in insertion order.
	Each(ctx context.Context, fn func(*article.Article) error) error
	// Recent calls fn for the n most recently stored articles, in
	// insertion order.
	Recent(ctx context.Context, n int, fn func(*article.Article) error) error
	// Count returns the number of stored articles.
	Count(ctx context.Context) (int, error)
	Close() error
}

// Query selects articles.
type Query struct {
	Text    string // full-text query; "" matches all
	Topic   string // topic label (best topic)
	Country string // ISO alpha-2 of a place in the article
	From    string // YYYY-MM-DD inclusive, on the publication date
	To      string // YYYY-MM-DD inclusive
	Limit   int    // default 20
	Cursor  string // from a previous call
}

// Hit is one search result.
type Hit struct {
	ID        string  `json:"id"`
	Headline  string  `json:"headline"`
	Published string  `json:"published"`
	Topic     string  `json:"topic"`
	URL       string  `json:"url"`
	Snippet   string  `json:"snippet"`
	Score     float64 `json:"score"`
}

// EventQuery selects events.
type EventQuery struct {
	Type    string      // PLOVER type
	Actor   string      // substring of source or target name
	Country string      // ISO alpha-2 of the location or alpha-3 of an actor
	From    string      // YYYY-MM-DD inclusive
	To      string      // YYYY-MM-DD inclusive
	BBox    *[4]float64 // minLon, minLat, maxLon, maxLat
	Limit   int
	Cursor  string
}

// EventRow is a stored event with the article it came from.
type EventRow struct {
	ArticleID string        `json:"article_id"`
	Headline  string        `json:"headline"`
	Index     int           `json:"index"` // position in the article's events
	Event     article.Event `json:"event"`
}

// EntityRow is an entity aggregated over the store.
type EntityRow struct {
	Name     string `json:"name"`
	Type     string `json:"type"`
	Country  string `json:"country"`
	Articles int    `json:"articles"`
}

// Stats are counts over the store.
type Stats struct {
	Articles      int            `json:"articles"`
	Events        int            `json:"events"`
	ByTopic       map[string]int `json:"by_topic"`
	ByEventType   map[string]int `json:"by_event_type"`
	ByCountry     map[string]int `json:"by_country"`
	EventsByDay   map[string]int `json:"events_by_day"`
	ArticlesByDay map[string]int `json:"articles_by_day"`
}
