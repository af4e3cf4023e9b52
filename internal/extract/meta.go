package extract

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// pageMeta is what the page says about itself, read from <meta> tags,
// JSON-LD, <time>, <link rel=canonical>, <html lang> and the URL.
type pageMeta struct {
	title, h1, docTitle string
	byline              string // from JSON-LD or <meta>: what the page declares
	bylineNode          string // from a byline-classed element: weaker
	date, dateFrom      string // YYYY-MM-DD and where it came from
	lang                string
	canonical           string
	site                string
	elements            int // element nodes in the page
	paragraphs          int // <p> elements in the page
}

// Meta names and properties that carry a publication date, best first.
var dateMetaKeys = []string{
	"article:published_time", "og:published_time", "og:article:published_time",
	"datepublished", "publishdate", "publish-date", "publish_date", "pubdate",
	"parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
	"dc.date", "dcterms.date", "date", "article.published", "published_time",
	"cxenseparse:recs:publishtime", "article_date_original", "originalpublicationdate",
}

var authorMetaKeys = []string{"author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author", "cxenseparse:author"}

// readMeta walks doc once and gathers the page's own metadata.
func readMeta(doc *html.Node, pageURL string) pageMeta {
	var m pageMeta
	metas := map[string]string{}
	var ldBlocks []string
	var timePub, timeArticle, timeAny string
	var bylineNode string
	var walk func(n *html.Node, inArticle bool)
	walk = func(n *html.Node, inArticle bool) {
		if n.Type == html.ElementNode {
			m.elements++
			switch n.Data {
			case "p":
				m.paragraphs++
			case "html":
				if l := attr(n, "lang"); l != "" {
					m.lang = l
				}
			case "meta":
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"), attr(n, "http-equiv")))
				if c := strings.TrimSpace(attr(n, "content")); key != "" && c != "" {
					if _, ok := metas[key]; !ok {
						metas[key] = c
					}
				}
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case "title":
				if m.docTitle == "" {
					m.docTitle = nodeText(n)
				}
				return
			case "script":
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					ldBlocks = append(ldBlocks, n.FirstChild.Data)
				}
				return
			case "style", "noscript", "template", "svg":
				return
			case "h1":
				if m.h1 == "" {
					m.h1 = nodeText(n)
				}
			case "article", "main":
				inArticle = true
			case "time":
				dt := strings.TrimSpace(firstNonEmpty(attr(n, "datetime"), attr(n, "content")))
				if dt == "" {
					dt = nodeText(n)
				}
				if d := parseDate(dt); d != "" {
					cls := strings.ToLower(attr(n, "class") + " " + attr(n, "itemprop"))
					_, pub := attrOK(n, "pubdate")
					switch {
					case timePub == "" && (pub || strings.Contains(cls, "publish") || strings.Contains(cls, "datepublished")):
						timePub = d
					case timeArticle == "" && inArticle && !strings.Contains(cls, "modif") && !strings.Contains(cls, "updat"):
						timeArticle = d
					case timeAny == "":
						timeAny = d
					}
				}
			}
			if bylineNode == "" && isBylineNode(n) {
				bylineNode = nodeText(n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inArticle)
		}
	}
	walk(doc, false)

	ld := readJSONLD(ldBlocks)
	if m.canonical == "" {
		m.canonical = firstNonEmpty(metas["og:url"], ld.url)
	}
	m.canonical = absURL(pageURL, m.canonical)
	m.title = firstNonEmpty(ld.headline, metas["og:title"], metas["twitter:title"])
	// date: meta tags, JSON-LD, <time>, the URL, in that order
	for _, k := range dateMetaKeys {
		if d := parseDate(metas[k]); d != "" {
			m.date, m.dateFrom = d, "meta"
			break
		}
	}
	if m.date == "" && ld.published != "" {
		if d := parseDate(ld.published); d != "" {
			m.date, m.dateFrom = d, "json-ld"
		}
	}
	if m.date == "" && timePub != "" {
		m.date, m.dateFrom = timePub, "time"
	}
	if m.date == "" {
		if d := dateFromURL(pageURL); d != "" {
			m.date, m.dateFrom = d, "url"
		} else if d := dateFromURL(m.canonical); d != "" {
			m.date, m.dateFrom = d, "url"
		}
	}
	if m.date == "" && timeArticle != "" {
		m.date, m.dateFrom = timeArticle, "time"
	}
	for _, k := range authorMetaKeys {
		if v := metas[k]; v != "" && !strings.Contains(v, "://") {
			m.byline = v
			break
		}
	}
	m.byline = cleanByline(firstNonEmpty(ld.author, m.byline))
	m.bylineNode = cleanByline(bylineNode)
	if m.lang == "" {
		m.lang = firstNonEmpty(metas["content-language"], metas["og:locale"], metas["language"], metas["dc.language"], ld.lang)
	}
	m.lang = normLang(m.lang)
	m.site = firstNonEmpty(metas["og:site_name"], ld.publisher, metas["application-name"], metas["twitter:site"])
	m.site = strings.TrimPrefix(m.site, "@")
	return m
}

type ldInfo struct{ headline, published, author, publisher, url, lang string }

var articleTypes = map[string]bool{
	"newsarticle": true, "article": true, "blogposting": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "reviewnewsarticle": true,
	"backgroundnewsarticle": true, "liveblogposting": true, "techarticle": true,
	"scholarlyarticle": true, "report": true, "socialmediaposting": true, "webpage": false,
}

// readJSONLD reads schema.org article metadata from JSON-LD blocks,
// preferring article-typed objects over any other.
func readJSONLD(blocks []string) ldInfo {
	var best, other ldInfo
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 6 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
			isArticle := false
			for _, t := range ldTypes(x["@type"]) {
				if articleTypes[strings.ToLower(t)] {
					isArticle = true
				}
			}
			info := ldInfo{
				headline:  ldString(x["headline"]),
				published: firstNonEmpty(ldString(x["datePublished"]), ldString(x["dateCreated"])),
				author:    ldName(x["author"]),
				publisher: ldName(x["publisher"]),
				url:       ldString(x["url"]),
				lang:      ldString(x["inLanguage"]),
			}
			if isArticle {
				mergeLD(&best, info)
			} else {
				mergeLD(&other, info)
			}
			if me, ok := x["mainEntity"]; ok {
				visit(me, depth+1)
			}
		}
	}
	for _, b := range blocks {
		var v any
		if json.Unmarshal([]byte(strings.TrimSpace(b)), &v) == nil {
			visit(v, 0)
		}
	}
	if best.url == "" {
		best.url = ""
	}
	other.url = "" // a non-article object's url is often the site's
	mergeLD(&best, other)
	return best
}

func mergeLD(dst *ldInfo, src ldInfo) {
	dst.headline = firstNonEmpty(dst.headline, src.headline)
	dst.published = firstNonEmpty(dst.published, src.published)
	dst.author = firstNonEmpty(dst.author, src.author)
	dst.publisher = firstNonEmpty(dst.publisher, src.publisher)
	dst.url = firstNonEmpty(dst.url, src.url)
	dst.lang = firstNonEmpty(dst.lang, src.lang)
}

func ldTypes(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(html.UnescapeString(x))
	case []any:
		if len(x) > 0 {
			return ldString(x[0])
		}
	}
	return ""
}

// ldName reads a person or organisation: a string, {"name": ...} or a list
// of those (names joined by " and ").
func ldName(v any) string {
	switch x := v.(type) {
	case string:
		if strings.Contains(x, "://") {
			return ""
		}
		return strings.TrimSpace(x)
	case map[string]any:
		return ldString(x["name"])
	case []any:
		var names []string
		for _, e := range x {
			if n := ldName(e); n != "" && len(names) < 5 {
				names = append(names, n)
			}
		}
		return strings.Join(names, " and ")
	}
	return ""
}

var bylineWords = wordSet("byline", "author", "author-name", "article-author", "story-byline", "byline-name")

func isBylineNode(n *html.Node) bool {
	if attr(n, "rel") == "author" || strings.EqualFold(attr(n, "itemprop"), "author") {
		return true
	}
	if !hasWord(attrWords(attr(n, "class")), bylineWords) {
		return false
	}
	t := nodeText(n)
	return len(t) > 2 && len(t) < 120
}

var reByPrefix = regexp.MustCompile(`(?i)^\s*(by|von|par|por|di|door)\s+`)

// reBylineEnd is where a byline element's text stops being the names: a
// date, a time, a separator or a "posted/updated" note.
var reBylineEnd = regexp.MustCompile(`(?i)\s*(\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2}:\d{2}|[|•·]|\s-\s|\b(published|posted|updated|on (mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))\b|\d+\s+comments?)`)

func cleanByline(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = reByPrefix.ReplaceAllString(s, "")
	if loc := reBylineEnd.FindStringIndex(s); loc != nil && loc[0] > 0 {
		s = s[:loc[0]]
	}
	s = strings.Trim(s, " ,;:-")
	if len(s) > 120 || wordCount(s) > 12 {
		return ""
	}
	return s
}

func normLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_,; "); i >= 0 {
		s = s[:i]
	}
	if len(s) != 2 || s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z' {
		return ""
	}
	return s
}

func absURL(base, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if !r.IsAbs() {
		b, err := url.Parse(base)
		if err != nil || !b.IsAbs() {
			return ""
		}
		r = b.ResolveReference(r)
	}
	if r.Scheme != "http" && r.Scheme != "https" {
		return ""
	}
	return r.String()
}

var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00",
	"2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", "2006/01/02",
	"20060102", time.RFC1123, time.RFC1123Z, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"January 2, 2006", "Jan 2, 2006", "Jan. 2, 2006", "2 January 2006", "2 Jan 2006",
	"January 2 2006", "Monday, January 2, 2006",
}

var reISODate = regexp.MustCompile(`\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b`)

// parseDate reads a date in the forms pages use and returns YYYY-MM-DD, or
// "" when s holds no plausible date.
func parseDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return ""
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return plausible(t.Year(), int(t.Month()), t.Day())
		}
	}
	if m := reISODate.FindStringSubmatch(s); m != nil {
		return plausible(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	// unix seconds or milliseconds
	if n := atoi(s); n > 0 && len(s) >= 9 && len(s) <= 13 {
		if len(s) == 13 {
			n /= 1000
		}
		t := time.Unix(int64(n), 0).UTC()
		return plausible(t.Year(), int(t.Month()), t.Day())
	}
	return ""
}

var reURLDate = regexp.MustCompile(`/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_]|\.html?|$)`)

var reURLDateMonth = regexp.MustCompile(`(?i)/((?:19|20)\d{2})/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/(0?[1-9]|[12]\d|3[01])/`)

var monthIndex = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// dateFromURL reads /2019/11/18/, /2019-11-18-, /20191118/ or
// /2019/nov/18/ from a URL.
func dateFromURL(u string) string {
	if m := reURLDate.FindStringSubmatch(u); m != nil {
		return plausible(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := reURLDateMonth.FindStringSubmatch(u); m != nil {
		return plausible(atoi(m[1]), monthIndex[strings.ToLower(m[2])], atoi(m[3]))
	}
	return ""
}

func plausible(y, mo, d int) string {
	if y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return ""
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return ""
	}
	return t.Format("2006-01-02")
}

func atoi(s string) int {
	n := 0
	if s == "" || len(s) > 15 {
		return -1
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
