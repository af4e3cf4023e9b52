package extract

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"sitrep/internal/article"
	"sitrep/internal/nlp"
)

// MaxHTMLSize is the largest page HTML accepts.
const MaxHTMLSize = 16 << 20

// Bounds on the pages go-trafilatura sees: its time grows with about the
// square of the paragraph count (TestTrafilaturaScaling measured 0.3 s for
// 1,000 paragraphs, 0.7 s for 2,000, 13 s for 8,000 on one core), while a
// news page has a few hundred paragraphs and a few thousand elements (the
// benchmark's largest page has 1,584 elements and 205 <p>). Bigger pages go
// to go-readability alone.
const (
	maxTrafilaturaParagraphs = 2000
	maxTrafilaturaElements   = 30000
)

var errTooManyElements = errors.New("page too large for trafilatura")

// ErrNotHTML is returned for input that has no HTML document in it.
var ErrNotHTML = errors.New("extract: input is not an HTML page")

// HTML extracts the article from one HTML page fetched from pageURL (""
// when unknown). It is the entry point ingest, feeds and WARC reading call.
//
// The body comes from go-trafilatura, checked against go-readability: when
// one extractor's text is a clean subset of the other's, the one that kept
// less boilerplate (or missed less of the article) wins. The chosen
// paragraphs then go through the line rules shared with the plain-text
// parser (credits, captions, related links, navigation, ads) and what they
// remove is reported in Boilerplate with its kind, together with the
// captions, navigation, related-link blocks and ads found in the page
// itself. Headline, byline, date, language, canonical URL and site name
// come from the page's meta tags, JSON-LD, <time> elements and URL, with
// the extractors' metadata as a fallback.
//
// A page either extractor cannot read falls back to the other, then to
// BasicHTML; a panic inside a library becomes an error. HTML never returns
// a nil article with a nil error.
func HTML(raw []byte, pageURL string) (a *article.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("extract: html extraction panicked: %v", r)
		}
	}()
	if len(raw) > MaxHTMLSize {
		return nil, ErrTooLarge
	}
	if bytes.IndexByte(raw, 0) >= 0 {
		return nil, ErrNotText
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, ErrEmpty
	}
	if bytes.IndexByte(raw, '<') < 0 {
		return nil, ErrNotHTML
	}
	doc, err := parseHTML(raw)
	if err != nil {
		return nil, err
	}
	return fromDoc(doc, raw, pageURL, runTrafilatura, runReadability)
}

// The library extractors' shapes: paragraphs, metadata, error.
type (
	trafilaturaFunc func(*html.Node, *url.URL) ([]string, trafilatura.Metadata, error)
	readabilityFunc func(*html.Node, *url.URL) ([]string, rdMetaInfo, error)
)

// parseHTML decodes raw to UTF-8 (valid UTF-8 is taken as is; otherwise
// the BOM, <meta charset> or a guess decide) and parses it.
func parseHTML(raw []byte) (*html.Node, error) {
	raw, err := decodeHTML(raw)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("extract: parsing HTML: %w", err)
	}
	return doc, nil
}

// decodeHTML returns raw as NFC UTF-8: valid UTF-8 as is, anything else
// decoded by its BOM, <meta charset> or a guess.
func decodeHTML(raw []byte) ([]byte, error) {
	if !utf8.Valid(raw) {
		enc, _, _ := charset.DetermineEncoding(raw, "text/html")
		dec, _, err := transform.Bytes(enc.NewDecoder(), raw)
		if err != nil {
			return nil, fmt.Errorf("extract: decoding page: %w", err)
		}
		raw = dec
	}
	if !norm.NFC.IsNormal(raw) {
		raw = norm.NFC.Bytes(raw)
	}
	return raw, nil
}

// fromDoc extracts from a parsed page with the two library extractors
// given (the real ones, or failing ones in tests).
func fromDoc(doc *html.Node, raw []byte, pageURL string, runTr trafilaturaFunc, runRd readabilityFunc) (*article.Article, error) {
	meta := readMeta(doc, pageURL)
	if meta.date == "" {
		// go-htmldate's fast search (no free-text date parsing) as the
		// last source; it reads doc before go-readability changes it
		meta.date = htmlDate(doc, firstNonEmpty(meta.canonical, pageURL))
	}
	found := surveyBoilerplate(doc)
	var u *url.URL
	if p, err := url.Parse(firstNonEmpty(pageURL, meta.canonical)); err == nil && p.IsAbs() {
		u = p
	}

	var (
		tr     []string
		trMeta trafilatura.Metadata
		trErr  = errTooManyElements
	)
	if meta.paragraphs <= maxTrafilaturaParagraphs && meta.elements <= maxTrafilaturaElements {
		tr, trMeta, trErr = safeTr(runTr, doc, u)
	}
	rd, rdMeta, rdErr := safeRd(runRd, doc, u) // mutates doc: nothing reads it after this
	paras, from := choose(tr, rd)
	if len(paras) == 0 {
		utf, err := decodeHTML(raw)
		if err != nil {
			return nil, err
		}
		b, err := BasicHTML(utf)
		if err != nil {
			if trErr != nil || rdErr != nil {
				return nil, fmt.Errorf("%w (trafilatura: %v; readability: %v)", ErrNoBody, trErr, rdErr)
			}
			return nil, err
		}
		paras, from = strings.Split(b.Body, "\n\n"), "basic"
	}
	slog.Debug("extract: html body", "url", pageURL, "from", from, "trafilatura_err", errString(trErr), "readability_err", errString(rdErr))

	a := &article.Article{}
	a.Headline = firstNonEmpty(meta.title, trMeta.Title, rdMeta.title, meta.h1, meta.docTitle)
	a.Headline = stripSiteSuffix(strings.Join(strings.Fields(a.Headline), " "), meta.site, trMeta.Sitename, hostName(firstNonEmpty(meta.canonical, pageURL)))
	body, removed := cleanParagraphs(paras, a.Headline, meta, found)
	if len(body) == 0 {
		return nil, ErrNoBody
	}
	a.Body = strings.Join(body, "\n\n")
	a.Boilerplate = mergeBoilerplate(removed, found)
	a.Byline = firstNonEmpty(meta.byline, cleanByline(trMeta.Author), cleanByline(rdMeta.byline), meta.bylineNode)
	a.Language = firstNonEmpty(meta.lang, normLang(rdMeta.lang))
	if a.Language == "" {
		a.Language = nlp.Language(a.Headline + "\n" + a.Body)
	}
	a.URL = firstNonEmpty(meta.canonical, pageURL)
	a.Source = firstNonEmpty(meta.site, rdMeta.site, hostName(a.URL))
	if meta.date != "" {
		a.Published = article.Published{Date: meta.date, How: article.DateGiven}
	} else if !trMeta.Date.IsZero() {
		if d := plausible(trMeta.Date.Year(), int(trMeta.Date.Month()), trMeta.Date.Day()); d != "" {
			a.Published = article.Published{Date: d, How: article.DateGiven}
		}
	}
	a.Normalize()
	return a, nil
}

// htmlDate asks go-htmldate for the publication date, fast mode (meta
// tags, structured data, date-bearing elements, URL; no free-text search),
// with a fixed latest date so the answer does not depend on the clock.
func htmlDate(doc *html.Node, pageURL string) (d string) {
	defer func() {
		if recover() != nil {
			d = ""
		}
	}()
	res, err := htmldate.FromDocument(doc, htmldate.Options{
		UseOriginalDate:     true,
		SkipExtensiveSearch: true,
		URL:                 pageURL,
		MinDate:             time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC),
		MaxDate:             time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC),
	})
	if err != nil || res.IsZero() {
		return ""
	}
	t := res.DateTime
	return plausible(t.Year(), int(t.Month()), t.Day())
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

type rdMetaInfo struct{ title, byline, site, lang string }

// safeTr and safeRd call an extractor and turn its panic into an error,
// so that the other extractor (or BasicHTML) still gets its chance.
func safeTr(f trafilaturaFunc, doc *html.Node, u *url.URL) (paras []string, md trafilatura.Metadata, err error) {
	defer func() {
		if r := recover(); r != nil {
			paras, err = nil, fmt.Errorf("trafilatura panicked: %v", r)
		}
	}()
	return f(doc, u)
}

func safeRd(f readabilityFunc, doc *html.Node, u *url.URL) (paras []string, md rdMetaInfo, err error) {
	defer func() {
		if r := recover(); r != nil {
			paras, err = nil, fmt.Errorf("readability panicked: %v", r)
		}
	}()
	return f(doc, u)
}

// runTrafilatura runs go-trafilatura on a copy of doc (the library clones
// it) and returns its body as paragraphs.
func runTrafilatura(doc *html.Node, u *url.URL) ([]string, trafilatura.Metadata, error) {
	return runTrafilaturaFocus(doc, u, trafilatura.Balanced)
}

func runTrafilaturaFocus(doc *html.Node, u *url.URL, focus trafilatura.ExtractionFocus) ([]string, trafilatura.Metadata, error) {
	var md trafilatura.Metadata
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:     u,
		Focus:           focus,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
	})
	if err != nil {
		return nil, md, err
	}
	if res == nil || res.ContentNode == nil {
		return nil, md, errors.New("trafilatura: no content")
	}
	return paragraphs(res.ContentNode), res.Metadata, nil
}

// runReadability runs go-readability on doc, which it changes.
func runReadability(doc *html.Node, u *url.URL) ([]string, rdMetaInfo, error) {
	var md rdMetaInfo
	p := readability.NewParser()
	art, err := p.ParseAndMutate(doc, u)
	if err != nil {
		return nil, md, err
	}
	md = rdMetaInfo{title: art.Title(), byline: art.Byline(), site: art.SiteName(), lang: art.Language()}
	if art.Node == nil {
		return nil, md, errors.New("readability: no content")
	}
	return paragraphs(art.Node), md, nil
}

func hostName(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(p.Hostname(), "www.")
}

var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "li": true, "ul": true, "ol": true, "dl": true,
	"dt": true, "dd": true, "blockquote": true, "pre": true, "table": true, "tr": true, "td": true,
	"th": true, "figure": true, "figcaption": true, "header": true, "footer": true, "aside": true,
	"nav": true, "form": true, "center": true, "address": true, "body": true, "caption": true,
	"details": true, "summary": true, "fieldset": true, "hgroup": true, "tbody": true, "thead": true,
}

// paragraphs flattens a content tree into its text blocks, whitespace
// collapsed, one string a block; <br> and <hr> end a block too.
func paragraphs(root *html.Node) []string {
	var out []string
	var sb strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(sb.String()), " "); t != "" {
			out = append(out, t)
		}
		sb.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			sb.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template", "svg", "head", "iframe", "button", "select":
				return
			case "br", "hr":
				flush()
				return
			}
			if blockTags[n.Data] {
				flush()
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				flush()
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	flush()
	return out
}

// stripSiteSuffix drops " | Site" or " - Site" from the end of a headline
// when the suffix names the site.
func stripSiteSuffix(h string, sites ...string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		i := strings.LastIndex(h, sep)
		if i <= 0 {
			continue
		}
		suffix := normText(h[i+len(sep):])
		for _, s := range sites {
			s = normText(s)
			if s == "" {
				continue
			}
			bare := strings.TrimSuffix(strings.TrimPrefix(s, "www."), ".com")
			if suffix == s || suffix == bare || strings.ReplaceAll(suffix, " ", "") == strings.ReplaceAll(bare, " ", "") {
				return strings.TrimSpace(h[:i])
			}
		}
	}
	return h
}
