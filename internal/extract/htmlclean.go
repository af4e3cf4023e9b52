package extract

import (
	"strings"

	"golang.org/x/net/html"

	"sitrep/internal/article"
)

// choose picks the body between go-trafilatura's paragraphs (tr) and
// go-readability's (rd). Trafilatura is the default; readability wins when
// its text is a clean subset of trafilatura's that still holds most of it
// and what trafilatura has beyond it does not read as prose (trafilatura
// kept boilerplate around the article), or when trafilatura's
// text is a subset of readability's and readability adds at least as much
// again in prose paragraphs (trafilatura stopped at the first of several
// body containers), or when trafilatura's text holds link soup and
// readability's does not.
func choose(tr, rd []string) ([]string, string) {
	switch {
	case len(tr) == 0:
		return rd, "readability"
	case len(rd) == 0:
		return tr, "trafilatura"
	}
	if hasSoup(tr) && !hasSoup(rd) {
		return rd, "readability"
	}
	tt, rt := Tokens(strings.Join(tr, "\n")), Tokens(strings.Join(rd, "\n"))
	ts, rs := shingles(tt, 4), shingles(rt, 4)
	tInR, rInT := containment(ts, rs), containment(rs, ts)
	if rInT >= 0.99 && tInR < 0.99 && len(rt)*2 >= len(tt) && !proseExtra(tr, rs) {
		return rd, "readability"
	}
	if tInR >= 0.99 && len(rt) > 2*len(tt) && proseExtra(rd, ts) {
		return rd, "readability"
	}
	return tr, "trafilatura"
}

// containment is the share of a's shingles (with multiplicity) also in b.
func containment(a, b map[uint64]int) float64 {
	n, in := 0, 0
	for k, c := range a {
		n += c
		in += min(c, b[k])
	}
	if n == 0 {
		return 0
	}
	return float64(in) / float64(n)
}

// proseExtra reports whether the paragraphs of rd that are not in the
// shingle set other read as article prose: long paragraphs that end in
// sentence punctuation.
func proseExtra(rd []string, other map[uint64]int) bool {
	var words, proseWords, paras int
	for _, p := range rd {
		sh := shingles(Tokens(p), 4)
		if containment(sh, other) >= 0.5 {
			continue
		}
		w := wordCount(p)
		words += w
		paras++
		if endsSentence(p) && w >= 15 {
			proseWords += w
		}
	}
	return paras > 0 && words/paras >= 25 && proseWords*10 >= words*8
}

// found is boilerplate seen in the page's markup: figure captions and
// credits, navigation, related-link blocks and ads, by normalised text.
type found struct {
	items []article.Boilerplate
	kind  map[string]string // normalised text -> kind
}

// Class and id words that mark a page part, matched as whole words of the
// attribute (split at spaces, '-' and '_'), alone or as a pair ("read-more").
var (
	relatedWords = wordSet("related", "more-stories", "read-more", "readmore", "recommended", "also-read", "more-news", "outbrain", "taboola")
	adWords      = wordSet("ad", "ads", "advert", "advertisement", "adslot", "ad-slot", "ad-container", "dfp", "sponsor", "sponsored", "promo", "banner-ad")
	captionWords = wordSet("caption", "wp-caption-text", "image-caption", "photo-caption", "media-caption", "figcaption")
	creditWords  = wordSet("credit", "credits", "image-credit", "photo-credit", "copyright", "media-credit")
)

func wordSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// attrWords splits a class/id value into lower-case words.
func attrWords(s string) []string {
	if s == "" {
		return nil
	}
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n'
	})
}

// hasWord reports whether words, alone or as an adjacent pair joined by
// '-', holds a member of set.
func hasWord(words []string, set map[string]bool) bool {
	for i, w := range words {
		if set[w] || i > 0 && set[words[i-1]+"-"+w] {
			return true
		}
	}
	return false
}

const maxFoundPerKind = 20

// surveyBoilerplate walks doc for the page parts that are not the article.
func surveyBoilerplate(doc *html.Node) *found {
	f := &found{kind: map[string]string{}}
	count := map[string]int{}
	add := func(kind, text string) {
		t := normText(text)
		if t == "" || f.kind[t] != "" {
			return
		}
		f.kind[t] = kind
		if count[kind] < maxFoundPerKind {
			count[kind]++
			f.items = append(f.items, article.Boilerplate{Kind: kind, Text: clip(text, 300)})
		}
	}
	seen := func(t string) bool { return f.kind[t] != "" }
	index := func(t, kind string) { f.kind[t] = kind }
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "noscript", "template", "svg", "head":
				return
			case "figcaption":
				addCaption(n, add, seen, index)
				return
			case "nav":
				add(article.KindNav, nodeText(n))
				return
			}
			words := attrWords(attr(n, "class") + " " + attr(n, "id"))
			switch {
			case len(words) == 0:
			case hasWord(words, captionWords):
				addCaption(n, add, seen, index)
				return
			case hasWord(words, creditWords):
				add(article.KindCredit, nodeText(n))
				return
			case hasWord(words, relatedWords) && n.Data != "body" && n.Data != "article":
				add(article.KindRelated, nodeText(n))
				return
			case hasWord(words, adWords) && n.Data != "body":
				if t := nodeText(n); t != "" && wordCount(t) < 60 {
					add(article.KindAd, t)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return f
}

// addCaption records a caption element: its credit part (a child whose
// class says credit, or a credit-shaped text) as credit, the rest as caption.
func addCaption(n *html.Node, add func(kind, text string), seen func(string) bool, index func(string, string)) {
	var caption []string
	var visit func(c *html.Node)
	visit = func(c *html.Node) {
		if c.Type == html.ElementNode && hasWord(attrWords(attr(c, "class")), creditWords) {
			add(article.KindCredit, nodeText(c))
			return
		}
		if c.Type == html.TextNode {
			caption = append(caption, c.Data)
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			visit(k)
		}
	}
	visit(n)
	t := strings.Join(strings.Fields(strings.Join(caption, " ")), " ")
	if t == "" {
		return
	}
	if IsCredit(t) {
		add(article.KindCredit, t)
	} else {
		add(article.KindCaption, t)
	}
	// the whole text as a body paragraph would show it, to match it there
	if whole := normText(nodeText(n)); whole != "" && !seen(whole) {
		index(whole, article.KindCaption)
	}
}

func normText(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// cleanParagraphs drops the headline repeated at the top of the body and
// the paragraphs that are boilerplate: text the page marks as a caption,
// credit or related block, and lines the shared rules call a credit,
// navigation, an ad or a related-story link.
func cleanParagraphs(paras []string, headline string, m pageMeta, f *found) (body []string, removed []article.Boilerplate) {
	heads := map[string]bool{}
	for _, h := range []string{headline, m.title, m.h1, m.docTitle} {
		if h = normText(h); h != "" {
			heads[h] = true
		}
	}
	inRelated := false // after a bare "Related stories" header: its link list
	for i, p := range paras {
		n := normText(p)
		if len(body) == 0 && i < 3 && heads[n] {
			continue
		}
		if inRelated && HeadlineLike(p) {
			removed = append(removed, article.Boilerplate{Kind: article.KindRelated, Text: p})
			continue
		}
		inRelated = false
		if rest, ok := RelatedLead(p); ok && strings.Trim(rest, ".…:") == "" && wordCount(p) <= 8 {
			inRelated = true
		}
		if k := f.kind[n]; k != "" && k != article.KindNav {
			removed = append(removed, article.Boilerplate{Kind: k, Text: p})
			continue
		}
		if k := htmlLineKind(p); k != "" {
			removed = append(removed, article.Boilerplate{Kind: k, Text: p})
			continue
		}
		body = append(body, p)
	}
	return body, removed
}

// htmlLineKind applies the shared line rules to one extracted paragraph.
// It is stricter than the plain-text parser's classifyLine: an HTML body's
// short Title Case lines are usually subheadings, not related links, so
// only explicit markers count.
func htmlLineKind(p string) string {
	if wordCount(p) > 40 {
		return ""
	}
	if k := NavOrAd(p); k != "" {
		return k
	}
	if IsCredit(p) {
		return article.KindCredit
	}
	if rest, ok := RelatedLead(p); ok && (rest == "" || HeadlineLike(rest)) {
		return article.KindRelated
	}
	return ""
}

// mergeBoilerplate lists what was removed from the body first, then what
// the markup showed, each text once.
func mergeBoilerplate(removed []article.Boilerplate, f *found) []article.Boilerplate {
	seen := map[string]bool{}
	out := make([]article.Boilerplate, 0, len(removed)+len(f.items))
	for _, b := range append(removed, f.items...) {
		k := b.Kind + "\x00" + normText(b.Text)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, b)
	}
	return out
}

// hasSoup reports whether paras hold a block of link soup: a long run of
// words with hardly a full stop, as menus and link lists flattened into one
// block are (go-trafilatura's whole-page fallback gives such blocks).
func hasSoup(paras []string) bool {
	for _, p := range paras {
		if len(p) < 900 {
			continue
		}
		if w := wordCount(p); w >= 150 && sentenceEnds(p)*50 < w {
			return true
		}
	}
	return false
}

// sentenceEnds counts the sentence-final punctuation marks in s.
func sentenceEnds(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case '.', '!', '?', '…', '。', '！', '？', '।', '؟':
			n++
		}
	}
	return n
}
