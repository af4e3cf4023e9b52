package extract

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"

	"sitrep/internal/article"
)

// BasicHTML is a minimal HTML extractor: the <h1> (else <title>) as headline,
// <p> elements outside nav, header, footer, aside, figure and script as the
// body, <figcaption> as captions. It is the fallback for pages the full
// extractor cannot read.
func BasicHTML(raw []byte) (*article.Article, error) {
	if bytes.IndexByte(raw, 0) >= 0 {
		return nil, ErrNotText
	}
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	a := &article.Article{}
	var title, h1 string
	var paras []string
	var walk func(n *html.Node, skip bool)
	walk = func(n *html.Node, skip bool) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "noscript", "template", "svg":
				return
			case "nav", "header", "footer", "aside", "form":
				skip = true
			case "title":
				if title == "" {
					title = nodeText(n)
				}
				return
			case "h1":
				if h1 == "" {
					h1 = nodeText(n)
				}
				return
			case "figcaption":
				if t := nodeText(n); t != "" {
					kind := article.KindCaption
					if IsCredit(t) {
						kind = article.KindCredit
					}
					a.Boilerplate = append(a.Boilerplate, article.Boilerplate{Kind: kind, Text: t})
				}
				return
			case "p":
				t := nodeText(n)
				if t == "" {
					return
				}
				if skip {
					a.Boilerplate = append(a.Boilerplate, article.Boilerplate{Kind: article.KindNav, Text: t})
					return
				}
				if k := classifyLine(t, "", "", true); k != "" && k != article.KindRelated {
					a.Boilerplate = append(a.Boilerplate, article.Boilerplate{Kind: k, Text: t})
					return
				}
				paras = append(paras, t)
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, skip)
		}
	}
	walk(doc, false)
	a.Headline = h1
	if a.Headline == "" {
		a.Headline = title
	}
	if len(paras) == 0 {
		return nil, ErrNoBody
	}
	a.Body = strings.Join(paras, "\n\n")
	a.Published.How = article.DateUnknown
	a.Normalize()
	return a, nil
}

func nodeText(n *html.Node) string {
	var sb strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
			sb.WriteByte(' ')
		}
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return strings.Join(strings.Fields(sb.String()), " ")
}
