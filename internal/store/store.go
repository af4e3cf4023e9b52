// Package store keeps analysed articles and answers queries over them.
//
// Store is the small interface every backend satisfies; Queries (the
// dashboard's) and FeedStore (feed subscriptions) complete what the CLI and
// the API use, and DB is all three. Two backends: the embedded SQLite store
// (sqlite.go: pure Go, FTS5 full-text search, WAL), the default, and
// PostgreSQL (postgres.go: pgx, tsvector search), for several machines
// writing to one database. Open picks one from a path or a URL. The package
// does no analysis: it stores what the pipeline produced.
package store

import (
	"context"
	"errors"
	"strings"

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

// Queries are the dashboard's and the API's reads beyond Store.
type Queries interface {
	// SearchRanked is Search with a bounded cost, for the HTTP API.
	SearchRanked(ctx context.Context, q Query) ([]Hit, string, error)
	// FilterEvents lists events matching f, newest first.
	FilterEvents(ctx context.Context, f EventFilter) ([]EventRow, string, error)
	// EventClusters groups located events into grid cells of cell degrees.
	EventClusters(ctx context.Context, f EventFilter, cell float64, limit int) ([]Cluster, error)
	// EventTimeline counts events by day and type, oldest day first.
	EventTimeline(ctx context.Context, f EventFilter) ([]DayCount, error)
	// PlaceCountries counts articles by the countries of their places.
	PlaceCountries(ctx context.Context) (map[string]int, error)
	// Ping checks that the database answers.
	Ping(ctx context.Context) error
	// Version changes whenever articles are added.
	Version(ctx context.Context) (int64, error)
}

// DB is a complete backend: articles, the dashboard's queries and feeds.
type DB interface {
	Store
	Queries
	FeedStore
}

var (
	_ DB = (*SQLite)(nil)
	_ DB = (*Postgres)(nil)
)

// IsPostgres reports whether target names a PostgreSQL database (a
// postgres:// or postgresql:// URL) rather than a SQLite file.
func IsPostgres(target string) bool {
	return strings.HasPrefix(target, "postgres://") || strings.HasPrefix(target, "postgresql://")
}

// Open opens the store target names: a PostgreSQL URL, else a SQLite file
// path (created when absent).
func Open(ctx context.Context, target string) (DB, error) {
	if IsPostgres(target) {
		return OpenPostgres(ctx, target)
	}
	return OpenSQLite(ctx, target)
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
