package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"strings"

	"sitrep/internal/article"
	"sitrep/internal/ingest"
)

// errUnsupported is returned for a body whose media type the API does not read.
var errUnsupported = errors.New("unsupported media type: want application/json, application/x-ndjson, text/plain or text/html")

// item is one parsed input article, or why it could not be parsed.
type item struct {
	Article *article.Article
	Err     error
}

// parseBody turns a request body into input articles. JSON is one object or
// an array of them (each {"text": ...}, {"html": ...} or the article's
// fields, see ingest.JSONInput); NDJSON is one such object per line;
// text/plain and text/html are one raw article. A bad item is an item with
// Err; only a body that cannot be read as a whole is an error.
func parseBody(contentType string, body []byte) ([]item, error) {
	mt := "application/json"
	if contentType != "" {
		var err error
		mt, _, err = mime.ParseMediaType(contentType)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errUnsupported, err)
		}
	}
	switch {
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		trimmed := bytes.TrimSpace(body)
		if len(trimmed) == 0 {
			return nil, errors.New("empty body")
		}
		if trimmed[0] == '[' {
			var raws []json.RawMessage
			if err := json.Unmarshal(trimmed, &raws); err != nil {
				return nil, fmt.Errorf("bad JSON array: %w", err)
			}
			if len(raws) == 0 {
				return nil, errors.New("empty array")
			}
			if len(raws) > MaxBatch {
				return nil, fmt.Errorf("%d articles in one request; at most %d", len(raws), MaxBatch)
			}
			out := make([]item, len(raws))
			for i, raw := range raws {
				a, err := parseJSONItem(raw)
				out[i] = item{a, err}
			}
			return out, nil
		}
		if !json.Valid(trimmed) {
			return nil, errors.New("bad JSON: not a JSON object or array")
		}
		a, err := parseJSONItem(trimmed)
		return []item{{a, err}}, nil
	case mt == "application/x-ndjson" || mt == "application/jsonl":
		var out []item
		for _, line := range bytes.Split(body, []byte("\n")) {
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			if len(out) == MaxBatch {
				return nil, fmt.Errorf("more than %d articles in one request", MaxBatch)
			}
			a, err := ingest.ParseJSONLine(line)
			out = append(out, item{a, err})
		}
		if len(out) == 0 {
			return nil, errors.New("empty body")
		}
		return out, nil
	case mt == "text/plain":
		a, err := ingest.Parse("body.txt", body)
		return []item{{a, err}}, nil
	case mt == "text/html" || mt == "application/xhtml+xml":
		a, err := ingest.Parse("body.html", body)
		return []item{{a, err}}, nil
	}
	return nil, errUnsupported
}

func parseJSONItem(raw []byte) (*article.Article, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil, errors.New("not a JSON object")
	}
	return ingest.ParseJSONLine(raw)
}
