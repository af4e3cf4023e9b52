// Package ingest reads raw inputs (plain-text and HTML files, JSONL
// streams, folders and globs of them) into articles ready for analysis, and
// runs batch ingestion into a store: many workers analysing, one writer,
// every bad input reported by name and skipped without stopping the batch.
//
// It does not extract HTML itself (see extract) nor decide what an article
// means (see analyze).
package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"sitrep/internal/article"
	"sitrep/internal/extract"
	"sitrep/internal/nlp"
)

// MaxFileSize is the largest single input file or JSONL line accepted.
const MaxFileSize = 10 << 20

// ErrTooLarge is returned for inputs over MaxFileSize.
var ErrTooLarge = fmt.Errorf("ingest: input larger than %d MB", MaxFileSize>>20)

// Parse turns one raw input into an article. name is used only to choose
// the format by extension (.html/.htm as HTML, else sniffed).
func Parse(name string, raw []byte) (*article.Article, error) {
	if len(raw) > MaxFileSize {
		return nil, ErrTooLarge
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, extract.ErrEmpty
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".html" || ext == ".htm" || ext != ".txt" && looksHTML(raw) {
		return parseHTML(raw, "")
	}
	if !utf8.Valid(raw) {
		return nil, extract.ErrNotUTF8
	}
	return extract.Text(string(raw))
}

func parseHTML(raw []byte, url string) (*article.Article, error) {
	a, err := extract.HTML(raw, url)
	if err != nil {
		return nil, err
	}
	if a.Language == "" {
		a.Language = nlp.Language(a.Headline + "\n" + a.Body)
	}
	return a, nil
}

func looksHTML(raw []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(raw[:min(len(raw), 1024)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) || bytes.Contains(head, []byte("<head"))
}

// JSONInput is one article as JSON input: either raw text or fields.
type JSONInput struct {
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Headline  string `json:"headline"`
	Body      string `json:"body"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Byline    string `json:"byline"`
	Published string `json:"published"`
	Label     string `json:"label"`
}

// ParseJSONLine parses one JSON input article.
func ParseJSONLine(line []byte) (*article.Article, error) {
	line = bytes.TrimSpace(line)
	if len(line) > MaxFileSize {
		return nil, ErrTooLarge
	}
	var in JSONInput
	if err := json.Unmarshal(line, &in); err != nil {
		return nil, fmt.Errorf("bad JSON: %w", err)
	}
	return FromJSON(&in)
}

// FromJSON turns a decoded JSON input into an article.
func FromJSON(in *JSONInput) (*article.Article, error) {
	var a *article.Article
	var err error
	switch {
	case in.Text != "":
		a, err = extract.Text(in.Text)
	case in.HTML != "":
		a, err = parseHTML([]byte(in.HTML), in.URL)
	case in.Body != "":
		a = &article.Article{Headline: strings.TrimSpace(in.Headline), Body: normalizeBody(in.Body)}
	default:
		err = errors.New(`no article: want "text", "html" or "body"`)
	}
	if err != nil {
		return nil, err
	}
	if in.URL != "" {
		a.URL = in.URL
	}
	if in.Source != "" {
		a.Source = in.Source
	}
	if in.Byline != "" {
		a.Byline = in.Byline
	}
	if in.Label != "" {
		a.GivenLabel = in.Label
	}
	if in.Published != "" {
		d, err := ParseDate(in.Published)
		if err != nil {
			return nil, fmt.Errorf("published: %w", err)
		}
		a.Published = article.Published{Date: d, How: article.DateGiven}
	}
	if a.Published.How == "" {
		a.Published.How = article.DateUnknown
	}
	if a.Language == "" {
		a.Language = nlp.Language(a.Headline + "\n" + a.Body)
	}
	a.Normalize()
	return a, nil
}

func normalizeBody(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var paras []string
	for _, p := range strings.Split(s, "\n\n") {
		p = strings.Join(strings.Fields(p), " ")
		if p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

// ParseDate accepts YYYY-MM-DD or RFC 3339 and returns it normalised.
func ParseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("2006-01-02"), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.Format(time.RFC3339), nil
	}
	return "", fmt.Errorf("date %q: want YYYY-MM-DD or RFC 3339", s)
}
