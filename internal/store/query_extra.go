package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
)

// EventFilter selects events like EventQuery, and further by the article
// they came from: a full-text query over it, its best topic or its id. The
// dashboard uses it so that one search box filters the article list, the
// map, the timeline and the event table alike.
type EventFilter struct {
	EventQuery
	Text      string // full-text query over the article ("" matches all)
	Topic     string // best topic of the article
	ArticleID string // one article
}

// where returns the SQL conditions (joined with AND, starting with " AND")
// and their arguments for f over events e joined to articles a, with ?
// placeholders; d supplies what differs between SQL dialects.
func (f *EventFilter) where(d dialect) (string, []any) {
	var sb strings.Builder
	var args []any
	q := f.EventQuery
	if q.Type != "" {
		sb.WriteString(` AND e.type = ?`)
		args = append(args, strings.ToUpper(q.Type))
	}
	if q.Actor != "" {
		sb.WriteString(` AND (e.source ` + d.like + ` ? OR e.target ` + d.like + ` ?)`)
		args = append(args, "%"+q.Actor+"%", "%"+q.Actor+"%")
	}
	if q.Country != "" {
		c := strings.ToUpper(q.Country)
		sb.WriteString(` AND (e.country = ? OR e.source_country = ? OR e.target_country = ?)`)
		args = append(args, c, c, c)
	}
	if q.From != "" {
		sb.WriteString(` AND e.date >= ?`)
		args = append(args, q.From)
	}
	if q.To != "" {
		sb.WriteString(` AND e.date <= ?`)
		args = append(args, q.To+"~")
	}
	if q.BBox != nil {
		b := q.BBox
		sb.WriteString(` AND e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?`)
		args = append(args, b[0], b[2], b[1], b[3])
	}
	if cond, arg, ok := d.articleMatch(f.Text); ok {
		sb.WriteString(` AND e.article IN (` + cond + `)`)
		args = append(args, arg)
	}
	if f.Topic != "" {
		sb.WriteString(` AND a.topic = ?`)
		args = append(args, f.Topic)
	}
	if f.ArticleID != "" {
		sb.WriteString(` AND a.id = ?`)
		args = append(args, f.ArticleID)
	}
	return sb.String(), args
}

// dialect is what the event filter's SQL needs to know about a backend.
type dialect struct {
	like string // case-insensitive LIKE
	// articleMatch returns a query selecting the keys of the articles whose
	// text matches a free-text query, with its one argument (ok false when
	// the text has no words).
	articleMatch func(text string) (query string, arg any, ok bool)
}

var sqliteDialect = dialect{
	like: "LIKE",
	articleMatch: func(text string) (string, any, bool) {
		fts := ftsQuery(text)
		return `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?`, fts, fts != ""
	},
}

// needsArticles reports whether the filter reads the articles table.
func (f *EventFilter) needsArticles() bool {
	return f.Topic != "" || f.ArticleID != ""
}

// FilterEvents lists events matching f, newest first, with a cursor for the
// next page ("" at the end). Events of one article keep their order.
func (s *SQLite) FilterEvents(ctx context.Context, f EventFilter) ([]EventRow, string, error) {
	off, err := decodeCursor(f.Cursor)
	if err != nil {
		return nil, "", err
	}
	lim := limitOf(f.Limit)
	cond, args := f.where(sqliteDialect)
	query := `SELECT a.id, a.headline, e.idx, e.doc FROM events e JOIN articles a ON a.rowid = e.article WHERE 1=1` +
		cond + ` ORDER BY e.date DESC, e.article DESC, e.idx LIMIT ? OFFSET ?`
	args = append(args, lim+1, off)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, "", fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	out := []EventRow{}
	for rows.Next() {
		var r EventRow
		var doc string
		if err := rows.Scan(&r.ArticleID, &r.Headline, &r.Index, &doc); err != nil {
			return nil, "", err
		}
		if err := json.Unmarshal([]byte(doc), &r.Event); err != nil {
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

// Cluster is a group of located events that fall in one grid cell.
type Cluster struct {
	Lat   float64        `json:"lat"` // mean position of the events
	Lon   float64        `json:"lon"`
	Count int            `json:"count"`
	Types map[string]int `json:"types"` // events by PLOVER type
	// Article is the article of the events when they all come from one.
	Article string `json:"article,omitempty"`
}

// EventClusters groups the located events matching f (its Limit and
// Cursor are ignored) into cells of cell degrees (a cell of 0 or less
// means 1 degree), largest first, at most limit clusters (0: no limit).
func (s *SQLite) EventClusters(ctx context.Context, f EventFilter, cell float64, limit int) ([]Cluster, error) {
	if cell <= 0 || math.IsNaN(cell) || math.IsInf(cell, 0) {
		cell = 1
	}
	cond, args := f.where(sqliteDialect)
	join := ""
	if f.needsArticles() {
		join = ` JOIN articles a ON a.rowid = e.article`
	}
	query := `SELECT CAST(floor(e.lat / ?1) AS INTEGER) gy, CAST(floor(e.lon / ?1) AS INTEGER) gx, e.type,
			count(*), sum(e.lat), sum(e.lon), min(e.article), max(e.article)
		FROM events e` + join + `
		WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL` + cond + ` GROUP BY gy, gx, e.type`
	args = append([]any{cell}, args...)
	// ?1 is the cell; the filter's placeholders are positional after it.
	rows, err := s.db.QueryContext(ctx, renumber(query), args...)
	if err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	defer rows.Close()
	return collectClusters(rows, limit, func(seq int64) (string, error) {
		var id string
		return id, s.db.QueryRowContext(ctx, `SELECT id FROM articles WHERE rowid = ?`, seq).Scan(&id)
	})
}

// clusterRows is what both backends' cluster queries return: rows of
// (cell y, cell x, type, count, sum lat, sum lon, min article, max article).
type clusterRows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// collectClusters merges the per-type rows of each cell into clusters,
// names the article of a cell whose events all come from one (articleID
// maps the backend's article key to its id), and keeps the limit largest.
func collectClusters(rows clusterRows, limit int, articleID func(int64) (string, error)) ([]Cluster, error) {
	type key struct{ y, x int64 }
	type acc struct {
		c          Cluster
		lat, lon   float64
		minA, maxA int64
	}
	cells := map[key]*acc{}
	var order []key
	for rows.Next() {
		var k key
		var typ string
		var minA, maxA int64
		var n int
		var slat, slon float64
		if err := rows.Scan(&k.y, &k.x, &typ, &n, &slat, &slon, &minA, &maxA); err != nil {
			return nil, err
		}
		c := cells[k]
		if c == nil {
			c = &acc{c: Cluster{Types: map[string]int{}}, minA: minA, maxA: maxA}
			cells[k] = c
			order = append(order, k)
		}
		c.c.Count += n
		c.c.Types[typ] += n
		c.lat += slat
		c.lon += slon
		c.minA = min(c.minA, minA)
		c.maxA = max(c.maxA, maxA)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]Cluster, 0, len(order))
	for _, k := range order {
		c := cells[k]
		c.c.Lat = round4(c.lat / float64(c.c.Count))
		c.c.Lon = round4(c.lon / float64(c.c.Count))
		if c.minA == c.maxA {
			id, err := articleID(c.minA)
			if err != nil {
				return nil, fmt.Errorf("clusters: %w", err)
			}
			c.c.Article = id
		}
		out = append(out, c.c)
	}
	sortClusters(out)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func sortClusters(cs []Cluster) {
	// by count, then position, so the output is stable whatever order
	// SQLite grouped in.
	slices.SortFunc(cs, func(a, b Cluster) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Lat, b.Lat); c != 0 {
			return c
		}
		return cmp.Compare(a.Lon, b.Lon)
	})
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// renumber rewrites the bare ? placeholders of a query that also uses ?1 into
// ?2, ?3, ... so that numbered and positional parameters do not clash.
func renumber(q string) string {
	var sb strings.Builder
	n := 2
	for i := 0; i < len(q); i++ {
		if q[i] == '?' && (i+1 >= len(q) || q[i+1] < '0' || q[i+1] > '9') {
			fmt.Fprintf(&sb, "?%d", n)
			n++
			continue
		}
		sb.WriteByte(q[i])
	}
	return sb.String()
}

// DayCount is a number of events of one type on one day.
type DayCount struct {
	Day   string `json:"day"` // YYYY-MM-DD
	Type  string `json:"type"`
	Count int    `json:"count"`
}

// EventTimeline counts the events matching f (Limit and Cursor ignored) by
// day and type, oldest day first. Events without a full date are left out.
func (s *SQLite) EventTimeline(ctx context.Context, f EventFilter) ([]DayCount, error) {
	cond, args := f.where(sqliteDialect)
	join := ""
	if f.needsArticles() {
		join = ` JOIN articles a ON a.rowid = e.article`
	}
	// Grouped in the order of the (type, date) index, merged by day here.
	query := `SELECT e.type, e.date, count(*) FROM events e` + join + `
		WHERE length(e.date) >= 10` + cond + ` GROUP BY e.type, e.date`
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	defer rows.Close()
	type key struct{ day, typ string }
	counts := map[key]int{}
	for rows.Next() {
		var typ, date string
		var n int
		if err := rows.Scan(&typ, &date, &n); err != nil {
			return nil, err
		}
		counts[key{date[:10], typ}] += n
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]DayCount, 0, len(counts))
	for k, n := range counts {
		out = append(out, DayCount{Day: k.day, Type: k.typ, Count: n})
	}
	slices.SortFunc(out, func(a, b DayCount) int {
		if c := cmp.Compare(a.Day, b.Day); c != 0 {
			return c
		}
		return cmp.Compare(a.Type, b.Type)
	})
	return out, nil
}

// PlaceCountries counts articles by the countries of their places, for the
// country facet of article search.
func (s *SQLite) PlaceCountries(ctx context.Context) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT country, count(DISTINCT article) FROM places WHERE country != '' GROUP BY country`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var c string
		var n int
		if err := rows.Scan(&c, &n); err != nil {
			return nil, err
		}
		out[c] = n
	}
	return out, rows.Err()
}

// Ping checks that the database answers.
func (s *SQLite) Ping(ctx context.Context) error {
	var n int
	return s.db.QueryRowContext(ctx, `SELECT 1`).Scan(&n)
}

// CheckCursor reports whether c is a cursor this store can continue from.
func CheckCursor(c string) error {
	_, err := decodeCursor(c)
	return err
}

// RankWindow bounds the ranking cost of SearchRanked (see there).
const RankWindow = 2000

// SearchRanked is Search with a bounded cost, for the HTTP API: the same
// filters, hit fields and cursors, at most a few tens of milliseconds on
// 100,000 articles whatever the words. The order:
//   - a query matching at most RankWindow articles: best bm25 first (headline
//     weighted 5, body 1), ties newest ingest first;
//   - matching more, without filters: bm25 over the RankWindow most recently
//     ingested matches (a word found in every article costs as a rare one);
//   - matching more, with topic/country/date filters: newest published first.
//
// Snippets (matched words in [brackets]) are cut only for the page returned.
// Without a text query it is Search.
func (s *SQLite) SearchRanked(ctx context.Context, q Query) ([]Hit, string, error) {
	fts := ftsQuery(q.Text)
	if fts == "" {
		return s.Search(ctx, q)
	}
	off, err := decodeCursor(q.Cursor)
	if err != nil {
		return nil, "", err
	}
	lim := limitOf(q.Limit)
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
		filt.WriteString(` AND EXISTS (SELECT 1 FROM places p WHERE p.article = a.rowid AND p.country = ?)`)
		fargs = append(fargs, strings.ToUpper(q.Country))
	}
	// The oldest match inside the window, or 0 when every match fits.
	var cutoff int64
	err = s.db.QueryRowContext(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?`,
		fts, RankWindow-1).Scan(&cutoff)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	type ranked struct {
		rowid int64
		score float64
	}
	var top []ranked
	windowed := false
	if filt.Len() == 0 || cutoff == 0 {
		from := `articles_fts`
		if filt.Len() > 0 {
			from += ` JOIN articles a ON a.rowid = articles_fts.rowid`
		}
		windowed = cutoff != 0
		rows, err := s.db.QueryContext(ctx, `SELECT articles_fts.rowid, bm25(articles_fts, 5.0, 1.0) sc FROM `+from+
			` WHERE articles_fts MATCH ? AND articles_fts.rowid >= ?`+filt.String()+
			` ORDER BY sc, articles_fts.rowid DESC LIMIT ? OFFSET ?`, append(append([]any{fts, cutoff}, fargs...), lim+1, off)...)
		if err != nil {
			return nil, "", fmt.Errorf("search: %w", err)
		}
		for rows.Next() {
			var r ranked
			if err := rows.Scan(&r.rowid, &r.score); err != nil {
				rows.Close()
				return nil, "", err
			}
			top = append(top, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, "", err
		}
	} else {
		// A common word with filters: intersect the matches with the
		// filtered articles, newest published first.
		match := map[int64]bool{}
		rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?`, fts)
		if err != nil {
			return nil, "", fmt.Errorf("search: %w", err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, "", err
			}
			match[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, "", err
		}
		rows, err = s.db.QueryContext(ctx, `SELECT a.rowid FROM articles a WHERE 1=1`+filt.String()+` ORDER BY a.published DESC, a.rowid DESC`, fargs...)
		if err != nil {
			return nil, "", fmt.Errorf("search: %w", err)
		}
		skip := off
		for rows.Next() && len(top) <= lim {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, "", err
			}
			if match[id] {
				if skip > 0 {
					skip--
					continue
				}
				top = append(top, ranked{rowid: id})
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, "", err
		}
	}
	next := ""
	if len(top) > lim {
		top = top[:lim]
		if !windowed || off+lim < RankWindow {
			next = encodeCursor(off + lim)
		}
	}
	terms := ftsTerms(q.Text)
	hits := make([]Hit, len(top))
	if len(top) == 0 {
		return hits, next, nil
	}
	at := make(map[int64]int, len(top))
	ph := make([]string, len(top))
	ids := make([]any, len(top))
	for i, r := range top {
		at[r.rowid] = i
		ph[i] = "?"
		ids[i] = r.rowid
		hits[i].Score = -r.score
	}
	rows, err := s.db.QueryContext(ctx, `SELECT rowid, id, headline, published, topic, url, body FROM articles WHERE rowid IN (`+strings.Join(ph, ",")+`)`, ids...)
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var rowid int64
		var h Hit
		var body string
		if err := rows.Scan(&rowid, &h.ID, &h.Headline, &h.Published, &h.Topic, &h.URL, &body); err != nil {
			return nil, "", err
		}
		i := at[rowid]
		h.Score = hits[i].Score
		h.Snippet = Snippet(body, terms, 24)
		hits[i] = h
	}
	return hits, next, rows.Err()
}

// ftsTerms are the words of a query as ftsQuery splits them.
func ftsTerms(q string) []string {
	return strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Snippet cuts a window of about n words of body around the first word that
// equals one of terms (case-insensitively), with every such word in
// [brackets] and "…" where text was cut. Without a match it is the first n
// words.
func Snippet(body string, terms []string, n int) string {
	if n <= 0 {
		n = 24
	}
	type word struct{ start, end int } // byte offsets
	var words []word
	inWord := false
	for i, r := range body {
		letter := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case letter && !inWord:
			words = append(words, word{start: i})
			inWord = true
		case !letter && inWord:
			words[len(words)-1].end = i
			inWord = false
		}
	}
	if inWord {
		words[len(words)-1].end = len(body)
	}
	if len(words) == 0 {
		return ""
	}
	isTerm := func(w word) bool {
		for _, t := range terms {
			if strings.EqualFold(body[w.start:w.end], t) {
				return true
			}
		}
		return false
	}
	first := 0
	for i, w := range words {
		if isTerm(w) {
			first = i
			break
		}
	}
	lo := max(0, first-n/4)
	hi := min(len(words), lo+n)
	lo = max(0, min(lo, hi-n))
	var sb strings.Builder
	if lo > 0 {
		sb.WriteString("…")
	}
	pos := words[lo].start
	for _, w := range words[lo:hi] {
		sb.WriteString(body[pos:w.start])
		if isTerm(w) {
			sb.WriteString("[" + body[w.start:w.end] + "]")
		} else {
			sb.WriteString(body[w.start:w.end])
		}
		pos = w.end
	}
	if hi < len(words) {
		sb.WriteString("…")
	} else {
		sb.WriteString(body[pos:])
	}
	return strings.Join(strings.Fields(sb.String()), " ")
}

// Version changes whenever articles are added: the API keys its cache of
// aggregate answers on it.
func (s *SQLite) Version(ctx context.Context) (int64, error) {
	var v sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT max(rowid) FROM articles`).Scan(&v)
	return v.Int64, err
}
