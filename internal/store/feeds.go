package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Feed is a subscribed RSS/Atom feed and the state of its last poll.
type Feed struct {
	ID           int64  `json:"id"`
	URL          string `json:"url"`
	Title        string `json:"title"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	LastPolled   string `json:"last_polled"` // RFC 3339, "" before the first poll
	LastError    string `json:"last_error"`
	Items        int    `json:"items"`    // items seen
	Articles     int    `json:"articles"` // items stored as articles
	Added        string `json:"added"`
}

// FeedItem is one item seen in a feed: its key (GUID, else link), its
// link, the id of the article stored from it ("" while it has none) and
// how many fetches have failed.
type FeedItem struct {
	Feed     int64
	GUID     string
	URL      string
	Article  string
	Attempts int
	Error    string
}

// FeedStore keeps feeds and the items seen in them.
type FeedStore interface {
	// AddFeed subscribes to url; it reports false when it already was.
	AddFeed(ctx context.Context, url string) (Feed, bool, error)
	// RemoveFeed drops a feed (by id or URL) and its item history.
	RemoveFeed(ctx context.Context, idOrURL string) error
	// Feeds lists the feeds, oldest first.
	Feeds(ctx context.Context) ([]Feed, error)
	// UpdateFeed saves a feed's title and poll state.
	UpdateFeed(ctx context.Context, f Feed) error
	// FeedItem finds an item by GUID in the feed, else by URL in any
	// feed; nil when neither was seen.
	FeedItem(ctx context.Context, feed int64, guid, url string) (*FeedItem, error)
	// PutFeedItem inserts or replaces an item.
	PutFeedItem(ctx context.Context, it FeedItem) error
}

var _ FeedStore = (*SQLite)(nil)

const feedCols = `f.id, f.url, f.title, f.etag, f.last_modified, f.last_polled, f.last_error, f.added,
	(SELECT count(*) FROM feed_items i WHERE i.feed = f.id),
	(SELECT count(*) FROM feed_items i WHERE i.feed = f.id AND i.article != '')`

func scanFeed(sc interface{ Scan(...any) error }) (Feed, error) {
	var f Feed
	err := sc.Scan(&f.ID, &f.URL, &f.Title, &f.ETag, &f.LastModified, &f.LastPolled, &f.LastError, &f.Added, &f.Items, &f.Articles)
	return f, err
}

// AddFeed implements FeedStore.
func (s *SQLite) AddFeed(ctx context.Context, url string) (Feed, bool, error) {
	url = strings.TrimSpace(url)
	if url == "" {
		return Feed{}, false, errors.New("store: empty feed URL")
	}
	res, err := s.db.ExecContext(ctx, `INSERT OR IGNORE INTO feeds(url) VALUES (?)`, url)
	if err != nil {
		return Feed{}, false, err
	}
	n, _ := res.RowsAffected()
	f, err := scanFeed(s.db.QueryRowContext(ctx, `SELECT `+feedCols+` FROM feeds f WHERE f.url = ?`, url))
	return f, n > 0, err
}

// RemoveFeed implements FeedStore.
func (s *SQLite) RemoveFeed(ctx context.Context, idOrURL string) error {
	q, arg := `DELETE FROM feeds WHERE url = ?`, any(idOrURL)
	if id, err := strconv.ParseInt(idOrURL, 10, 64); err == nil {
		q, arg = `DELETE FROM feeds WHERE id = ?`, id
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var id int64
	sel := strings.Replace(q, "DELETE FROM feeds", "SELECT id FROM feeds", 1)
	if err := tx.QueryRowContext(ctx, sel, arg).Scan(&id); errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("feed %s: %w", idOrURL, ErrNotFound)
	} else if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM feed_items WHERE feed = ?`, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM feeds WHERE id = ?`, id); err != nil {
		return err
	}
	return tx.Commit()
}

// Feeds implements FeedStore.
func (s *SQLite) Feeds(ctx context.Context) ([]Feed, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+feedCols+` FROM feeds f ORDER BY f.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Feed{}
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// UpdateFeed implements FeedStore.
func (s *SQLite) UpdateFeed(ctx context.Context, f Feed) error {
	res, err := s.db.ExecContext(ctx, `UPDATE feeds SET title = ?, etag = ?, last_modified = ?, last_polled = ?, last_error = ? WHERE id = ?`,
		f.Title, f.ETag, f.LastModified, f.LastPolled, f.LastError, f.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("feed %d: %w", f.ID, ErrNotFound)
	}
	return nil
}

// FeedItem implements FeedStore.
func (s *SQLite) FeedItem(ctx context.Context, feed int64, guid, url string) (*FeedItem, error) {
	it := &FeedItem{}
	err := s.db.QueryRowContext(ctx, `SELECT feed, guid, url, article, attempts, error FROM feed_items
		WHERE (feed = ? AND guid = ?) OR (? != '' AND url = ?)
		ORDER BY (feed = ? AND guid = ?) DESC, article = '' LIMIT 1`, feed, guid, url, url, feed, guid).
		Scan(&it.Feed, &it.GUID, &it.URL, &it.Article, &it.Attempts, &it.Error)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return it, nil
}

// PutFeedItem implements FeedStore.
func (s *SQLite) PutFeedItem(ctx context.Context, it FeedItem) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO feed_items(feed, guid, url, article, attempts, error) VALUES (?,?,?,?,?,?)
		ON CONFLICT(feed, guid) DO UPDATE SET url = excluded.url, article = excluded.article, attempts = excluded.attempts, error = excluded.error`,
		it.Feed, it.GUID, it.URL, it.Article, it.Attempts, it.Error)
	return err
}
