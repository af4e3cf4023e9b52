package extract

import "sitrep/internal/article"

// HTML extracts the article from one HTML page fetched from pageURL (""
// when unknown). It is the entry point ingest, feeds and WARC reading call.
//
// For now it is BasicHTML; the extraction issue replaces the inside with a
// full extractor without changing this signature.
func HTML(raw []byte, pageURL string) (*article.Article, error) {
	a, err := BasicHTML(raw)
	if err != nil {
		return nil, err
	}
	if pageURL != "" {
		a.URL = pageURL
	}
	return a, nil
}
