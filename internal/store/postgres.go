package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"sitrep/internal/article"
)

// Postgres is the PostgreSQL backend: the same tables as the SQLite store,
// full-text search on a generated tsvector column (headline weighted A,
// body B, the 'simple' configuration: no stemming, as FTS5's unicode61)
// with a GIN index, and connection pooling through pgx. Several machines'
// workers (sitrep queue work) can write to one database at once: inserts
// skip articles already stored by id, and migrations take an advisory lock.
//
// Differences from SQLite worth knowing: words are matched with their
// diacritics (the 'unaccent' extension is not assumed), and SearchRanked's
// window is over the newest matches after the filters (SQLite's falls back
// to newest-published order when filters meet a common word).
type Postgres struct {
	pool *pgxpool.Pool
}

var (
	_ Store     = (*Postgres)(nil)
	_ FeedStore = (*Postgres)(nil)
	_ Queries   = (*Postgres)(nil)
)

// pgMigrations are the schema steps, in order; schema_version records how
// many ran.
var pgMigrations = []string{
	// 1: everything SQLite's migrations 1-3 build.
	`CREATE TABLE articles (
		seq       BIGSERIAL PRIMARY KEY,
		id        TEXT NOT NULL UNIQUE,
		headline  TEXT NOT NULL,
		body      TEXT NOT NULL,
		url       TEXT NOT NULL DEFAULT '',
		published TEXT NOT NULL DEFAULT '',
		topic     TEXT NOT NULL DEFAULT '',
		doc       JSONB NOT NULL,
		added     TIMESTAMPTZ NOT NULL DEFAULT now(),
		tsv       TSVECTOR GENERATED ALWAYS AS (
			setweight(to_tsvector('simple', headline), 'A') || setweight(to_tsvector('simple', body), 'B')) STORED
	);
	CREATE INDEX articles_published ON articles(published);
	CREATE INDEX articles_topic ON articles(topic);
	CREATE INDEX articles_tsv ON articles USING GIN (tsv);
	CREATE TABLE events (
		article   BIGINT NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
		idx       INTEGER NOT NULL,
		type      TEXT NOT NULL,
		date      TEXT NOT NULL DEFAULT '',
		source    TEXT NOT NULL DEFAULT '',
		source_country TEXT NOT NULL DEFAULT '',
		target    TEXT NOT NULL DEFAULT '',
		target_country TEXT NOT NULL DEFAULT '',
		country   TEXT NOT NULL DEFAULT '',
		lat DOUBLE PRECISION, lon DOUBLE PRECISION,
		doc       JSONB NOT NULL,
		PRIMARY KEY (article, idx)
	);
	CREATE INDEX events_date ON events(date);
	CREATE INDEX events_type ON events(type, date);
	CREATE INDEX events_geo ON events(lat, lon, type, article) WHERE lat IS NOT NULL;
	CREATE INDEX events_country ON events(country);
	CREATE INDEX events_order ON events(date DESC, article DESC, idx);
	CREATE TABLE entities (
		article BIGINT NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
		name    TEXT NOT NULL,
		type    TEXT NOT NULL,
		country TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX entities_name ON entities(lower(name));
	CREATE INDEX entities_article ON entities(article);
	CREATE TABLE places (
		article BIGINT NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
		name    TEXT NOT NULL,
		country TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX places_country ON places(country, article);
	CREATE TABLE feeds (
		id            BIGSERIAL PRIMARY KEY,
		url           TEXT NOT NULL UNIQUE,
		title         TEXT NOT NULL DEFAULT '',
		etag          TEXT NOT NULL DEFAULT '',
		last_modified TEXT NOT NULL DEFAULT '',
		last_polled   TEXT NOT NULL DEFAULT '',
		last_error    TEXT NOT NULL DEFAULT '',
		added         TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
	);
	CREATE TABLE feed_items (
		feed     BIGINT NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
		guid     TEXT NOT NULL,
		url      TEXT NOT NULL DEFAULT '',
		article  TEXT NOT NULL DEFAULT '',
		attempts INTEGER NOT NULL DEFAULT 0,
		error    TEXT NOT NULL DEFAULT '',
		seen     TIMESTAMPTZ NOT NULL DEFAULT now(),
		PRIMARY KEY (feed, guid)
	);
	CREATE INDEX feed_items_url ON feed_items(url) WHERE url != '';`,
}

// pgLockKey is the advisory lock migrations hold, so that workers starting
// together migrate once.
const pgLockKey = 0x5174726570 // "sitrep"

// OpenPostgres connects to the database at dsn (a postgres:// URL or a
// key=value string; search_path and other run-time parameters may be given
// as URL parameters) and brings its schema up to date.
func OpenPostgres(ctx context.Context, dsn string) (*Postgres, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	// Plans made for the actual words: how common a word is decides
	// between walking the newest articles and reading the GIN index.
	if _, ok := cfg.ConnConfig.RuntimeParams["plan_cache_mode"]; !ok {
		cfg.ConnConfig.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	s := &Postgres{pool: pool}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres %s@%s/%s: %w", cfg.ConnConfig.User, cfg.ConnConfig.Host, cfg.ConnConfig.Database, err)
	}
	return s, nil
}

// Pool is the connection pool, for tests and tools.
func (s *Postgres) Pool() *pgxpool.Pool { return s.pool }

// Close implements Store.
func (s *Postgres) Close() error { s.pool.Close(); return nil }

func (s *Postgres) migrate(ctx context.Context) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, pgLockKey); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return err
	}
	var v int
	err = tx.QueryRow(ctx, `SELECT version FROM schema_version`).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		if _, err := tx.Exec(ctx, `INSERT INTO schema_version VALUES (0)`); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	if v > len(pgMigrations) {
		return fmt.Errorf("schema version %d is newer than this sitrep (%d)", v, len(pgMigrations))
	}
	for i := v; i < len(pgMigrations); i++ {
		if _, err := tx.Exec(ctx, pgMigrations[i]); err != nil {
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
	}
	if _, err := tx.Exec(ctx, `UPDATE schema_version SET version = $1`, len(pgMigrations)); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// rebind turns the ? placeholders of q into $1, $2, ... (our queries have
// no ? inside literals).
func rebind(q string) string {
	var sb strings.Builder
	n := 1
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			sb.WriteString("$" + strconv.Itoa(n))
			n++
			continue
		}
		sb.WriteByte(q[i])
	}
	return sb.String()
}

// tsQuery turns free text into a tsquery: every word must match, quoted
// words as a phrase. Words are letters and digits only, so nothing needs
// escaping.
func tsQuery(q string) string {
	var parts []string
	for _, phrase := range splitQuoted(q) {
		words := ftsTerms(phrase.text)
		if len(words) == 0 {
			continue
		}
		for i, w := range words {
			words[i] = strings.ToLower(w)
		}
		if phrase.quoted {
			parts = append(parts, "("+strings.Join(words, " <-> ")+")")
		} else {
			parts = append(parts, words...)
		}
	}
	return strings.Join(parts, " & ")
}

var pgDialect = dialect{
	like: "ILIKE",
	articleMatch: func(text string) (string, any, bool) {
		q := tsQuery(text)
		return `SELECT seq FROM articles WHERE tsv @@ to_tsquery('simple', ?)`, q, q != ""
	},
}

// Put implements Store. One transaction and three round trips per call:
// the articles (skipping ids already stored), then their events, entities
// and places by COPY.
func (s *Postgres) Put(ctx context.Context, arts []*article.Article) ([]bool, error) {
	added := make([]bool, len(arts))
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(ctx)
	var b pgx.Batch
	var queued []int
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
		b.Queue(`INSERT INTO articles(id, headline, body, url, published, topic, doc) VALUES ($1,$2,$3,$4,$5,$6,$7)
			ON CONFLICT (id) DO NOTHING RETURNING seq`,
			a.ID, pgText(a.Headline), pgText(a.Body), pgText(a.URL), dateOnly(a.Published.Date), topic, doc)
		queued = append(queued, i)
	}
	seqs := make(map[int]int64, len(queued))
	br := tx.SendBatch(ctx, &b)
	for _, i := range queued {
		var seq int64
		err := br.QueryRow().Scan(&seq)
		if errors.Is(err, pgx.ErrNoRows) {
			continue
		}
		if err != nil {
			br.Close()
			return nil, fmt.Errorf("article %s: %w", arts[i].ID, err)
		}
		added[i] = true
		seqs[i] = seq
	}
	if err := br.Close(); err != nil {
		return nil, err
	}
	var evs, ents, places [][]any
	for _, i := range queued {
		seq, ok := seqs[i]
		if !ok {
			continue
		}
		a := arts[i]
		for j, e := range a.Events {
			edoc, _ := json.Marshal(e)
			date, country, lat, lon := eventColumns(a, e)
			evs = append(evs, []any{seq, j, e.Type, date, pgText(e.Source.Name), e.Source.Country, pgText(e.Target.Name), e.Target.Country, country, lat, lon, edoc})
		}
		for _, e := range a.Entities {
			ents = append(ents, []any{seq, pgText(e.Name), e.Type, e.Country})
		}
		for _, p := range a.Places {
			places = append(places, []any{seq, pgText(p.Name), p.Country})
		}
	}
	copies := []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"events", []string{"article", "idx", "type", "date", "source", "source_country", "target", "target_country", "country", "lat", "lon", "doc"}, evs},
		{"entities", []string{"article", "name", "type", "country"}, ents},
		{"places", []string{"article", "name", "country"}, places},
	}
	for _, c := range copies {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return nil, fmt.Errorf("%s: %w", c.table, err)
		}
	}
	return added, tx.Commit(ctx)
}

// pgText drops NUL characters, which PostgreSQL text cannot hold (SQLite
// can; the JSON document keeps them escaped).
func pgText(s string) string {
	if strings.IndexByte(s, 0) < 0 {
		return s
	}
	return strings.ReplaceAll(s, "\x00", "")
}

// Get implements Store.
func (s *Postgres) Get(ctx context.Context, id string) (*article.Article, error) {
	var doc []byte
	err := s.pool.QueryRow(ctx, `SELECT doc FROM articles WHERE id = $1`, id).Scan(&doc)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	a := &article.Article{}
	return a, json.Unmarshal(doc, a)
}

// Search implements Store: best ts_rank_cd first over every match (newest
// first without text), snippets cut here from the body.
func (s *Postgres) Search(ctx context.Context, q Query) ([]Hit, string, error) {
	return s.search(ctx, q, 0)
}

// SearchRanked is Search with a bounded cost, for the HTTP API: with more
// than RankWindow matches (after the filters), only the RankWindow most
// recently stored are ranked, as on SQLite, so a word found in every
// article costs about what a rare one does.
func (s *Postgres) SearchRanked(ctx context.Context, q Query) ([]Hit, string, error) {
	return s.search(ctx, q, RankWindow)
}

func (s *Postgres) search(ctx context.Context, q Query, window int) ([]Hit, string, error) {
	off, err := decodeCursor(q.Cursor)
	if err != nil {
		return nil, "", err
	}
	lim := limitOf(q.Limit)
	tsq := tsQuery(q.Text)
	var filt strings.Builder
	var fargs []any
	if q.Topic != "" {
		filt.WriteString(` AND a.topic = ?`)
		fargs = append(fargs, q.Topic)
	}
	if q.From != "" {
		filt.WriteString(` AND a.published >= ?`)
		fargs = append(fargs, q.From)
	}
	if q.To != "" {
		filt.WriteString(` AND a.published <= ?`)
		fargs = append(fargs, q.To+"~")
	}
	if q.Country != "" {
		filt.WriteString(` AND EXISTS (SELECT 1 FROM places p WHERE p.article = a.seq AND p.country = ?)`)
		fargs = append(fargs, strings.ToUpper(q.Country))
	}
	var query string
	var args []any
	switch {
	case tsq == "":
		query = `SELECT a.id, a.headline, a.published, a.topic, a.url, a.body, 0::real FROM articles a WHERE true` +
			filt.String() + ` ORDER BY a.published DESC, a.seq DESC LIMIT ? OFFSET ?`
		args = append(fargs, lim+1, off)
	case window > 0:
		// the window of newest matches first (an index-only walk of seq
		// over the GIN matches), then rank only those.
		// The query is written out (not a CTE) so that the planner sees how
		// common its words are: a common word walks seq backwards and stops
		// at the window, a rare one reads the GIN index (custom plans, see
		// OpenPostgres).
		query = `WITH m AS (SELECT a.seq FROM articles a WHERE a.tsv @@ to_tsquery('simple', ?)` + filt.String() + ` ORDER BY a.seq DESC LIMIT ?)
			SELECT a.id, a.headline, a.published, a.topic, a.url, a.body, ts_rank_cd(a.tsv, to_tsquery('simple', ?)) r
			FROM m JOIN articles a ON a.seq = m.seq ORDER BY r DESC, a.seq DESC LIMIT ? OFFSET ?`
		args = append(append([]any{tsq}, fargs...), window, tsq, lim+1, off)
	default:
		query = `SELECT a.id, a.headline, a.published, a.topic, a.url, a.body, ts_rank_cd(a.tsv, tq) r
			FROM articles a, to_tsquery('simple', ?) tq WHERE a.tsv @@ tq` + filt.String() +
			` ORDER BY r DESC, a.published DESC, a.seq DESC LIMIT ? OFFSET ?`
		args = append(append([]any{tsq}, fargs...), lim+1, off)
	}
	rows, err := s.pool.Query(ctx, rebind(query), args...)
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	terms := ftsTerms(q.Text)
	hits := []Hit{}
	for rows.Next() {
		var h Hit
		var body string
		var score float32
		if err := rows.Scan(&h.ID, &h.Headline, &h.Published, &h.Topic, &h.URL, &body, &score); err != nil {
			return nil, "", err
		}
		h.Score = float64(score)
		if len(hits) < lim {
			h.Snippet = Snippet(body, terms, 24)
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	next := ""
	if len(hits) > lim {
		hits = hits[:lim]
		if window == 0 || tsq == "" || off+lim < window {
			next = encodeCursor(off + lim)
		}
	}
	return hits, next, nil
}

// Events implements Store.
func (s *Postgres) Events(ctx context.Context, q EventQuery) ([]EventRow, string, error) {
	return s.FilterEvents(ctx, EventFilter{EventQuery: q})
}

// FilterEvents lists events matching f, newest first (as SQLite's).
func (s *Postgres) FilterEvents(ctx context.Context, f EventFilter) ([]EventRow, string, error) {
	off, err := decodeCursor(f.Cursor)
	if err != nil {
		return nil, "", err
	}
	lim := limitOf(f.Limit)
	cond, args := f.where(pgDialect)
	query := `SELECT a.id, a.headline, e.idx, e.doc FROM events e JOIN articles a ON a.seq = e.article WHERE true` +
		cond + ` ORDER BY e.date DESC, e.article DESC, e.idx LIMIT ? OFFSET ?`
	args = append(args, lim+1, off)
	rows, err := s.pool.Query(ctx, rebind(query), args...)
	if err != nil {
		return nil, "", fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	out := []EventRow{}
	for rows.Next() {
		var r EventRow
		var doc []byte
		if err := rows.Scan(&r.ArticleID, &r.Headline, &r.Index, &doc); err != nil {
			return nil, "", err
		}
		if err := json.Unmarshal(doc, &r.Event); err != nil {
			return nil, "", err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	next := ""
	if len(out) > lim {
		out = out[:lim]
		next = encodeCursor(off + lim)
	}
	return out, next, nil
}

// EventClusters groups located events into grid cells (as SQLite's).
func (s *Postgres) EventClusters(ctx context.Context, f EventFilter, cell float64, limit int) ([]Cluster, error) {
	if !(cell > 0) || cell > 1e9 {
		cell = 1
	}
	cond, args := f.where(pgDialect)
	join := ""
	if f.needsArticles() {
		join = ` JOIN articles a ON a.seq = e.article`
	}
	query := `SELECT floor(e.lat / ?::float8)::bigint gy, floor(e.lon / ?::float8)::bigint gx, e.type,
			count(*), sum(e.lat), sum(e.lon), min(e.article), max(e.article)
		FROM events e` + join + `
		WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL` + cond + ` GROUP BY gy, gx, e.type ORDER BY gy, gx, e.type`
	args = append([]any{cell, cell}, args...)
	rows, err := s.pool.Query(ctx, rebind(query), args...)
	if err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	defer rows.Close()
	return collectClusters(rows, limit, func(seq int64) (string, error) {
		var id string
		return id, s.pool.QueryRow(ctx, `SELECT id FROM articles WHERE seq = $1`, seq).Scan(&id)
	})
}

// EventTimeline counts matching events by day and type (as SQLite's).
func (s *Postgres) EventTimeline(ctx context.Context, f EventFilter) ([]DayCount, error) {
	cond, args := f.where(pgDialect)
	join := ""
	if f.needsArticles() {
		join = ` JOIN articles a ON a.seq = e.article`
	}
	query := `SELECT substr(e.date, 1, 10) d, e.type, count(*) FROM events e` + join + `
		WHERE length(e.date) >= 10` + cond + ` GROUP BY d, e.type ORDER BY d, e.type`
	rows, err := s.pool.Query(ctx, rebind(query), args...)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	defer rows.Close()
	out := []DayCount{}
	for rows.Next() {
		var d DayCount
		if err := rows.Scan(&d.Day, &d.Type, &d.Count); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// counts runs a two-column (key, count) query into a map.
func (s *Postgres) counts(ctx context.Context, m map[string]int, query string, args ...any) error {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		m[k] = n
	}
	return rows.Err()
}

// PlaceCountries counts articles by the countries of their places.
func (s *Postgres) PlaceCountries(ctx context.Context) (map[string]int, error) {
	out := map[string]int{}
	return out, s.counts(ctx, out, `SELECT country, count(DISTINCT article) FROM places WHERE country != '' GROUP BY country`)
}

// Entities implements Store.
func (s *Postgres) Entities(ctx context.Context, q string, limit int) ([]EntityRow, error) {
	rows, err := s.pool.Query(ctx, `SELECT name, type, max(country), count(DISTINCT article) n FROM entities
		WHERE name ILIKE $1 GROUP BY name, type ORDER BY n DESC, name LIMIT $2`, "%"+likeEscape(q)+"%", limitOf(limit))
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

// likeEscape escapes LIKE's wildcards (PostgreSQL's default escape is \).
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Stats implements Store.
func (s *Postgres) Stats(ctx context.Context) (*Stats, error) {
	st := &Stats{ByTopic: map[string]int{}, ByEventType: map[string]int{}, ByCountry: map[string]int{}, EventsByDay: map[string]int{}, ArticlesByDay: map[string]int{}}
	if err := s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)`).Scan(&st.Articles, &st.Events); err != nil {
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
		if err := s.counts(ctx, g.m, g.q); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// Recent implements Store.
func (s *Postgres) Recent(ctx context.Context, n int, fn func(*article.Article) error) error {
	if n <= 0 {
		return nil
	}
	var from int64
	err := s.pool.QueryRow(ctx, `SELECT COALESCE(MIN(seq), 0) FROM (SELECT seq FROM articles ORDER BY seq DESC LIMIT $1) r`, n).Scan(&from)
	if err != nil {
		return err
	}
	return s.each(ctx, from-1, fn)
}

// Each implements Store.
func (s *Postgres) Each(ctx context.Context, fn func(*article.Article) error) error {
	return s.each(ctx, 0, fn)
}

func (s *Postgres) each(ctx context.Context, last int64, fn func(*article.Article) error) error {
	for {
		rows, err := s.pool.Query(ctx, `SELECT seq, doc FROM articles WHERE seq > $1 ORDER BY seq LIMIT 500`, last)
		if err != nil {
			return err
		}
		var batch []*article.Article
		for rows.Next() {
			var doc []byte
			if err := rows.Scan(&last, &doc); err != nil {
				rows.Close()
				return err
			}
			a := &article.Article{}
			if err := json.Unmarshal(doc, a); err != nil {
				rows.Close()
				return err
			}
			batch = append(batch, a)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
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
func (s *Postgres) Count(ctx context.Context) (int, error) {
	var n int
	return n, s.pool.QueryRow(ctx, `SELECT count(*) FROM articles`).Scan(&n)
}

// Ping checks that the database answers.
func (s *Postgres) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }

// Version changes whenever articles are added.
func (s *Postgres) Version(ctx context.Context) (int64, error) {
	var v *int64
	err := s.pool.QueryRow(ctx, `SELECT max(seq) FROM articles`).Scan(&v)
	if v == nil {
		return 0, err
	}
	return *v, err
}

const pgFeedCols = `f.id, f.url, f.title, f.etag, f.last_modified, f.last_polled, f.last_error, f.added,
	(SELECT count(*) FROM feed_items i WHERE i.feed = f.id),
	(SELECT count(*) FROM feed_items i WHERE i.feed = f.id AND i.article != '')`

// AddFeed implements FeedStore.
func (s *Postgres) AddFeed(ctx context.Context, url string) (Feed, bool, error) {
	url = strings.TrimSpace(url)
	if url == "" {
		return Feed{}, false, errors.New("store: empty feed URL")
	}
	tag, err := s.pool.Exec(ctx, `INSERT INTO feeds(url) VALUES ($1) ON CONFLICT (url) DO NOTHING`, url)
	if err != nil {
		return Feed{}, false, err
	}
	f, err := scanFeed(s.pool.QueryRow(ctx, `SELECT `+pgFeedCols+` FROM feeds f WHERE f.url = $1`, url))
	return f, tag.RowsAffected() > 0, err
}

// RemoveFeed implements FeedStore.
func (s *Postgres) RemoveFeed(ctx context.Context, idOrURL string) error {
	q, arg := `DELETE FROM feeds WHERE url = $1`, any(idOrURL)
	if id, err := strconv.ParseInt(idOrURL, 10, 64); err == nil {
		q, arg = `DELETE FROM feeds WHERE id = $1`, id
	}
	tag, err := s.pool.Exec(ctx, q, arg) // feed_items go with it (ON DELETE CASCADE)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("feed %s: %w", idOrURL, ErrNotFound)
	}
	return nil
}

// Feeds implements FeedStore.
func (s *Postgres) Feeds(ctx context.Context) ([]Feed, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+pgFeedCols+` FROM feeds f ORDER BY f.id`)
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
func (s *Postgres) UpdateFeed(ctx context.Context, f Feed) error {
	tag, err := s.pool.Exec(ctx, `UPDATE feeds SET title = $1, etag = $2, last_modified = $3, last_polled = $4, last_error = $5 WHERE id = $6`,
		f.Title, f.ETag, f.LastModified, f.LastPolled, f.LastError, f.ID)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("feed %d: %w", f.ID, ErrNotFound)
	}
	return nil
}

// FeedItem implements FeedStore.
func (s *Postgres) FeedItem(ctx context.Context, feed int64, guid, url string) (*FeedItem, error) {
	it := &FeedItem{}
	err := s.pool.QueryRow(ctx, `SELECT feed, guid, url, article, attempts, error FROM feed_items
		WHERE (feed = $1 AND guid = $2) OR ($3 != '' AND url = $3)
		ORDER BY (feed = $1 AND guid = $2) DESC, article = '' LIMIT 1`, feed, guid, url).
		Scan(&it.Feed, &it.GUID, &it.URL, &it.Article, &it.Attempts, &it.Error)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return it, nil
}

// PutFeedItem implements FeedStore.
func (s *Postgres) PutFeedItem(ctx context.Context, it FeedItem) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO feed_items(feed, guid, url, article, attempts, error) VALUES ($1,$2,$3,$4,$5,$6)
		ON CONFLICT (feed, guid) DO UPDATE SET url = excluded.url, article = excluded.article, attempts = excluded.attempts, error = excluded.error`,
		it.Feed, it.GUID, it.URL, it.Article, it.Attempts, it.Error)
	return err
}
