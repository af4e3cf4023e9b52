package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	_ "modernc.org/sqlite" // pure-Go SQLite driver, registers "sqlite"

	"sitrep/internal/article"
)

// SQLite is the embedded store: one file, WAL journal, FTS5 search.
type SQLite struct {
	db *sql.DB
}

var _ Store = (*SQLite)(nil)

// DefaultPath is $XDG_DATA_HOME/sitrep/sitrep.db (~/.local/share/... when
// XDG_DATA_HOME is unset).
func DefaultPath() string {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			home = "."
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "sitrep", "sitrep.db")
}

// OpenSQLite opens (creating if needed) the store at path and migrates its
// schema to the current version.
func OpenSQLite(ctx context.Context, path string) (*SQLite, error) {
	if path == "" {
		path = DefaultPath()
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
	}
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(8)
	s := &SQLite{db: db}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	return s, nil
}

// DB exposes the database handle for packages that keep their own tables
// next to the articles (feeds).
func (s *SQLite) DB() *sql.DB { return s.db }

// Close closes the database.
func (s *SQLite) Close() error { return s.db.Close() }

// migrations are applied in order; schema_version records how far.
var migrations = []string{
	// 1: articles, full-text index, events, entities, places
	`CREATE TABLE articles (
		rowid     INTEGER PRIMARY KEY,
		id        TEXT NOT NULL UNIQUE,
		headline  TEXT NOT NULL,
		body      TEXT NOT NULL,
		url       TEXT NOT NULL DEFAULT '',
		published TEXT NOT NULL DEFAULT '',
		topic     TEXT NOT NULL DEFAULT '',
		doc       TEXT NOT NULL,
		added     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
	);
	CREATE INDEX articles_published ON articles(published);
	CREATE INDEX articles_topic ON articles(topic);
	CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
	CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
		INSERT INTO articles_fts(rowid, headline, body) VALUES (new.rowid, new.headline, new.body);
	END;
	CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
		INSERT INTO articles_fts(articles_fts, rowid, headline, body) VALUES ('delete', old.rowid, old.headline, old.body);
	END;
	CREATE TABLE events (
		article   INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
		idx       INTEGER NOT NULL,
		type      TEXT NOT NULL,
		date      TEXT NOT NULL DEFAULT '',
		source    TEXT NOT NULL DEFAULT '',
		source_country TEXT NOT NULL DEFAULT '',
		target    TEXT NOT NULL DEFAULT '',
		target_country TEXT NOT NULL DEFAULT '',
		country   TEXT NOT NULL DEFAULT '',
		lat REAL, lon REAL,
		doc       TEXT NOT NULL,
		PRIMARY KEY (article, idx)
	);
	CREATE INDEX events_date ON events(date);
	CREATE INDEX events_type ON events(type, date);
	CREATE TABLE entities (
		article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
		name    TEXT NOT NULL,
		type    TEXT NOT NULL,
		country TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
	CREATE TABLE places (
		article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
		name    TEXT NOT NULL,
		country TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX places_country ON places(country, article);`,
	// 2: feeds and the items seen in them (see feeds.go)
	`CREATE TABLE feeds (
		id            INTEGER PRIMARY KEY,
		url           TEXT NOT NULL UNIQUE,
		title         TEXT NOT NULL DEFAULT '',
		etag          TEXT NOT NULL DEFAULT '',
		last_modified TEXT NOT NULL DEFAULT '',
		last_polled   TEXT NOT NULL DEFAULT '',
		last_error    TEXT NOT NULL DEFAULT '',
		added         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
	);
	CREATE TABLE feed_items (
		feed     INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
		guid     TEXT NOT NULL,
		url      TEXT NOT NULL DEFAULT '',
		article  TEXT NOT NULL DEFAULT '',
		attempts INTEGER NOT NULL DEFAULT 0,
		error    TEXT NOT NULL DEFAULT '',
		seen     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
		PRIMARY KEY (feed, guid)
	);
	CREATE INDEX feed_items_url ON feed_items(url) WHERE url != '';`,
	// 3: the dashboard's covering indexes for map clusters, country counts
	// and the newest-first event list (IF NOT EXISTS: stores made before
	// this migration may have them from EnsureServeIndexes)
	`CREATE INDEX IF NOT EXISTS serve_events_geo ON events(lat, lon, type, article) WHERE lat IS NOT NULL;
	CREATE INDEX IF NOT EXISTS serve_events_country ON events(country);
	CREATE INDEX IF NOT EXISTS serve_events_order ON events(date DESC, article DESC, idx);`,
}

func (s *SQLite) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return err
	}
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := s.db.ExecContext(ctx, `INSERT INTO schema_version VALUES (0)`); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	if v > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this sitrep (%d)", v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE schema_version SET version = ?`, i+1); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// Put implements Store.
func (s *SQLite) Put(ctx context.Context, arts []*article.Article) ([]bool, error) {
	added := make([]bool, len(arts))
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	insA, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO articles(id, headline, body, url, published, topic, doc) VALUES (?,?,?,?,?,?,?)`)
	if err != nil {
		return nil, err
	}
	insE, err := tx.PrepareContext(ctx, `INSERT INTO events(article, idx, type, date, source, source_country, target, target_country, country, lat, lon, doc) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return nil, err
	}
	insN, err := tx.PrepareContext(ctx, `INSERT INTO entities(article, name, type, country) VALUES (?,?,?,?)`)
	if err != nil {
		return nil, err
	}
	insP, err := tx.PrepareContext(ctx, `INSERT INTO places(article, name, country) VALUES (?,?,?)`)
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(arts))
	for i, a := range arts {
		if a.ID == "" {
			a.ID = article.ComputeID(a)
		}
		if seen[a.ID] {
			continue
		}
		seen[a.ID] = true
		a.Normalize()
		doc, err := json.Marshal(a)
		if err != nil {
			return nil, err
		}
		topic := ""
		if len(a.Topics) > 0 {
			topic = a.Topics[0].Label
		}
		res, err := insA.ExecContext(ctx, a.ID, a.Headline, a.Body, a.URL, dateOnly(a.Published.Date), topic, string(doc))
		if err != nil {
			return nil, fmt.Errorf("article %s: %w", a.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			continue
		}
		added[i] = true
		rowid, err := res.LastInsertId()
		if err != nil {
			return nil, err
		}
		for j, e := range a.Events {
			edoc, _ := json.Marshal(e)
			date, country, lat, lon := eventColumns(a, e)
			if _, err := insE.ExecContext(ctx, rowid, j, e.Type, date, e.Source.Name, e.Source.Country, e.Target.Name, e.Target.Country, country, lat, lon, string(edoc)); err != nil {
				return nil, err
			}
		}
		for _, e := range a.Entities {
			if _, err := insN.ExecContext(ctx, rowid, e.Name, e.Type, e.Country); err != nil {
				return nil, err
			}
		}
		for _, p := range a.Places {
			if _, err := insP.ExecContext(ctx, rowid, p.Name, p.Country); err != nil {
				return nil, err
			}
		}
	}
	return added, tx.Commit()
}

// eventColumns are an event's indexed columns: its date (the article's
// when it has none), its location's country, and its coordinates (nil
// when unknown).
func eventColumns(a *article.Article, e article.Event) (date, country string, lat, lon any) {
	if e.Location != nil {
		country = e.Location.Country
		if e.Location.Lat != 0 || e.Location.Lon != 0 {
			lat, lon = e.Location.Lat, e.Location.Lon
		}
	}
	date = e.Date
	if date == "" {
		date = dateOnly(a.Published.Date)
	}
	return date, country, lat, lon
}

func dateOnly(d string) string {
	if len(d) >= 10 {
		return d[:10]
	}
	return d
}

// Get implements Store.
func (s *SQLite) Get(ctx context.Context, id string) (*article.Article, error) {
	var doc string
	err := s.db.QueryRowContext(ctx, `SELECT doc FROM articles WHERE id = ?`, id).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	a := &article.Article{}
	return a, json.Unmarshal([]byte(doc), a)
}

// ftsQuery turns free text into an FTS5 query: every word must match (as a
// prefix for the last one), quotes kept as phrases, operators neutralised.
func ftsQuery(q string) string {
	var parts []string
	for _, phrase := range splitQuoted(q) {
		var words []string
		for _, w := range strings.FieldsFunc(phrase.text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			words = append(words, w)
		}
		if len(words) == 0 {
			continue
		}
		if phrase.quoted {
			parts = append(parts, `"`+strings.Join(words, " ")+`"`)
		} else {
			for _, w := range words {
				parts = append(parts, `"`+w+`"`)
			}
		}
	}
	return strings.Join(parts, " ")
}

type qpart struct {
	text   string
	quoted bool
}

func splitQuoted(q string) []qpart {
	var out []qpart
	for i, p := range strings.Split(q, `"`) {
		if strings.TrimSpace(p) != "" {
			out = append(out, qpart{p, i%2 == 1})
		}
	}
	return out
}

func encodeCursor(off int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o:" + strconv.Itoa(off)))
}

func decodeCursor(c string) (int, error) {
	if c == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), "o:") {
		return 0, errors.New("store: bad cursor")
	}
	n, err := strconv.Atoi(string(b[2:]))
	if err != nil || n < 0 {
		return 0, errors.New("store: bad cursor")
	}
	return n, nil
}

func limitOf(n int) int {
	if n <= 0 {
		return 20
	}
	if n > 1000 {
		return 1000
	}
	return n
}

// Search implements Store.
func (s *SQLite) Search(ctx context.Context, q Query) ([]Hit, string, error) {
	off, err := decodeCursor(q.Cursor)
	if err != nil {
		return nil, "", err
	}
	lim := limitOf(q.Limit)
	var where []string
	var args []any
	fts := ftsQuery(q.Text)
	var query string
	if fts != "" {
		query = `SELECT a.id, a.headline, a.published, a.topic, a.url, snippet(articles_fts, 1, '[', ']', '…', 24), bm25(articles_fts, 5.0, 1.0)
			FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?`
		args = append(args, fts)
	} else {
		query = `SELECT a.id, a.headline, a.published, a.topic, a.url, substr(a.body, 1, 200), 0 FROM articles a WHERE 1=1`
	}
	if q.Topic != "" {
		where = append(where, `a.topic = ?`)
		args = append(args, q.Topic)
	}
	if q.From != "" {
		where = append(where, `a.published >= ?`)
		args = append(args, q.From)
	}
	if q.To != "" {
		where = append(where, `a.published <= ?`)
		args = append(args, q.To+"~")
	}
	if q.Country != "" {
		where = append(where, `EXISTS (SELECT 1 FROM places p WHERE p.article = a.rowid AND p.country = ?)`)
		args = append(args, strings.ToUpper(q.Country))
	}
	for _, w := range where {
		query += " AND " + w
	}
	if fts != "" {
		query += ` ORDER BY bm25(articles_fts, 5.0, 1.0), a.published DESC`
	} else {
		query += ` ORDER BY a.published DESC, a.rowid DESC`
	}
	query += ` LIMIT ? OFFSET ?`
	args = append(args, lim+1, off)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	hits := []Hit{}
	for rows.Next() {
		var h Hit
		if err := rows.Scan(&h.ID, &h.Headline, &h.Published, &h.Topic, &h.URL, &h.Snippet, &h.Score); err != nil {
			return nil, "", err
		}
		h.Score = -h.Score // bm25: lower is better
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	next := ""
	if len(hits) > lim {
		hits = hits[:lim]
		next = encodeCursor(off + lim)
	}
	return hits, next, nil
}

// Events implements Store.
func (s *SQLite) Events(ctx context.Context, q EventQuery) ([]EventRow, string, error) {
	return s.FilterEvents(ctx, EventFilter{EventQuery: q})
}

// Entities implements Store.
func (s *SQLite) Entities(ctx context.Context, q string, limit int) ([]EntityRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name, type, max(country), count(DISTINCT article) n FROM entities
		WHERE name LIKE ? GROUP BY name, type ORDER BY n DESC, name LIMIT ?`, "%"+q+"%", limitOf(limit))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []EntityRow{}
	for rows.Next() {
		var r EntityRow
		if err := rows.Scan(&r.Name, &r.Type, &r.Country, &r.Articles); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Stats implements Store.
func (s *SQLite) Stats(ctx context.Context) (*Stats, error) {
	st := &Stats{ByTopic: map[string]int{}, ByEventType: map[string]int{}, ByCountry: map[string]int{}, EventsByDay: map[string]int{}, ArticlesByDay: map[string]int{}}
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&st.Articles); err != nil {
		return nil, err
	}
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM events`).Scan(&st.Events); err != nil {
		return nil, err
	}
	groups := []struct {
		q string
		m map[string]int
	}{
		{`SELECT topic, count(*) FROM articles WHERE topic != '' GROUP BY topic`, st.ByTopic},
		{`SELECT type, count(*) FROM events GROUP BY type`, st.ByEventType},
		{`SELECT country, count(*) FROM events WHERE country != '' GROUP BY country`, st.ByCountry},
		{`SELECT date, count(*) FROM events WHERE length(date) = 10 GROUP BY date`, st.EventsByDay},
		{`SELECT published, count(*) FROM articles WHERE published != '' GROUP BY published`, st.ArticlesByDay},
	}
	for _, g := range groups {
		rows, err := s.db.QueryContext(ctx, g.q)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var k string
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				rows.Close()
				return nil, err
			}
			g.m[k] = n
		}
		rows.Close()
	}
	return st, nil
}

// Each implements Store.
// Recent calls fn for the n most recently stored articles, oldest of them
// first (what a story grouper needs to pick up where the last run ended).
func (s *SQLite) Recent(ctx context.Context, n int, fn func(*article.Article) error) error {
	if n <= 0 {
		return nil
	}
	var from int64
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MIN(rowid), 0) FROM (SELECT rowid FROM articles ORDER BY rowid DESC LIMIT ?)`, n).Scan(&from)
	if err != nil {
		return err
	}
	return s.each(ctx, from-1, fn)
}

func (s *SQLite) Each(ctx context.Context, fn func(*article.Article) error) error {
	return s.each(ctx, 0, fn)
}

// each calls fn for the articles after rowid last, in insertion order.
func (s *SQLite) each(ctx context.Context, last int64, fn func(*article.Article) error) error {
	for {
		rows, err := s.db.QueryContext(ctx, `SELECT rowid, doc FROM articles WHERE rowid > ? ORDER BY rowid LIMIT 500`, last)
		if err != nil {
			return err
		}
		var batch []*article.Article
		for rows.Next() {
			var doc string
			if err := rows.Scan(&last, &doc); err != nil {
				rows.Close()
				return err
			}
			a := &article.Article{}
			if err := json.Unmarshal([]byte(doc), a); err != nil {
				rows.Close()
				return err
			}
			batch = append(batch, a)
		}
		rows.Close()
		if len(batch) == 0 {
			return nil
		}
		for _, a := range batch {
			if err := fn(a); err != nil {
				return err
			}
		}
	}
}

// Count implements Store.
func (s *SQLite) Count(ctx context.Context) (int, error) {
	var n int
	return n, s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n)
}
