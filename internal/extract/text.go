// Package extract turns a raw page into a clean article: headline, body,
// byline, date hints, and the boilerplate it removed (captions, credits,
// related links, navigation, ads) with its kind.
//
// text.go parses plain-text articles laid out as pages are copied: an
// optional label line, a headline, photo captions and credits, inline
// "related story" links, then the report. It works by general line rules
// (boilerplate.go), never by knowing an article's strings. The package does
// not analyse the text (see analyze) and does not fetch anything.
package extract

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/article"
	"sitrep/internal/nlp"
	"sitrep/internal/timex"
)

// Errors of the plain-text parser.
var (
	ErrEmpty    = errors.New("extract: empty article")
	ErrNotText  = errors.New("extract: input is not text (binary or NUL bytes)")
	ErrNotUTF8  = errors.New("extract: input is not valid UTF-8")
	ErrNoBody   = errors.New("extract: no article body found")
	ErrTooLarge = errors.New("extract: input too large")
)

// MaxTextSize is the largest plain-text article Text accepts.
const MaxTextSize = 5 << 20

var (
	reByline = regexp.MustCompile(`^(?i:by)\s+([A-Z][\p{L}'.-]+(?:\s+(?:[A-Z][\p{L}'.-]+|and|&|de|van|von|al|bin|el)){0,6})(?:\s*[,|/-]\s*(.+))?$`)
	// "MANILA (Reuters) -", "WASHINGTON, Nov. 18, 2015 (AP) —", "KYIV, Ukraine —"
	reDateline = regexp.MustCompile(`^([A-Z][A-Z .'’-]{1,40}[A-Z])(?:,\s*([A-Z][\p{L} .'-]{1,30}?))?(?:,\s*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?))?\s*(?:\(([A-Za-z .]{1,30})\))?\s*[-–—]+\s+`)
)

type line struct {
	text       string
	blankAfter bool // a blank line (or the end) follows
}

// Text parses a plain-text article. It never panics on bad input: binary
// content, invalid UTF-8, empty input and pages with no body are errors.
func Text(raw string) (*article.Article, error) {
	if len(raw) > MaxTextSize {
		return nil, ErrTooLarge
	}
	if strings.IndexByte(raw, 0) >= 0 {
		return nil, ErrNotText
	}
	if !utf8.ValidString(raw) {
		return nil, ErrNotUTF8
	}
	raw = strings.TrimPrefix(raw, "\uFEFF")
	raw = strings.ReplaceAll(raw, "\r\n", "\n")
	raw = strings.ReplaceAll(raw, "\r", "\n")
	if strings.TrimSpace(raw) == "" {
		return nil, ErrEmpty
	}
	if binaryish(raw) {
		return nil, ErrNotText
	}
	lines := joinWrapped(splitLines(raw))
	a := &article.Article{}
	i := 0
	// navigation and ad lines above the headline
	for i < len(lines) && NavOrAd(lines[i].text) != "" {
		a.Boilerplate = append(a.Boilerplate, article.Boilerplate{Kind: NavOrAd(lines[i].text), Text: lines[i].text})
		i++
	}
	lines = lines[i:]
	i = 0

	// label line: a short Title-Case category over a headline
	if len(lines) >= 3 && lines[0].blankAfter && isLabel(lines[0].text) && HeadlineLike(lines[1].text) && CaptionScore(lines[1].text) < 2 && !IsCredit(lines[1].text) {
		a.GivenLabel = lines[0].text
		i = 1
	}
	if i < len(lines) && (HeadlineLike(lines[i].text) || wordCount(lines[i].text) <= 25 && !endsSentence(lines[i].text)) {
		a.Headline = lines[i].text
		i++
	}

	var paras []string
	inBody := false
	lastRelated := ""
	for ; i < len(lines); i++ {
		s := lines[i].text
		next := ""
		if i+1 < len(lines) {
			next = lines[i+1].text
		}
		prev := ""
		if i > 0 {
			prev = lines[i-1].text
		}
		if !inBody && a.Byline == "" {
			if m := reByline.FindStringSubmatch(s); m != nil && wordCount(s) <= 12 {
				a.Byline = strings.TrimSpace(m[1])
				if m[2] != "" && a.Source == "" {
					a.Source = strings.TrimSpace(m[2])
				}
				continue
			}
		}
		kind := classifyLine(s, prev, next, inBody)
		switch kind {
		case "":
			paras = append(paras, s)
			inBody = true
			lastRelated = ""
		case article.KindRelated:
			t := s
			if rest, ok := RelatedLead(s); ok && rest != "" {
				t = rest
			}
			if t != lastRelated {
				a.Boilerplate = append(a.Boilerplate, article.Boilerplate{Kind: kind, Text: t})
			}
			lastRelated = t
		default:
			a.Boilerplate = append(a.Boilerplate, article.Boilerplate{Kind: kind, Text: s})
			lastRelated = ""
		}
	}
	// trailing headline-like lines after the last paragraph are links too;
	// they were already classified as related when they looked like one.
	if len(paras) == 0 {
		return nil, ErrNoBody
	}
	for i, p := range paras {
		paras[i] = dropOrphanQuote(p)
	}
	a.Body = strings.Join(paras, "\n\n")
	a.Language = nlp.Language(a.Headline + "\n" + a.Body)
	if a.Headline == "" {
		a.Headline = firstSentence(paras[0])
	}
	if d, how := datelineDate(paras[0], a); how != "" {
		a.Published = article.Published{Date: d, How: how}
	} else {
		a.Published = article.Published{How: article.DateUnknown}
	}
	a.Normalize()
	return a, nil
}

// classifyLine gives the boilerplate kind of a line, or "" for article text.
func classifyLine(s, prev, next string, inBody bool) string {
	if k := NavOrAd(s); k != "" {
		return k
	}
	cs := CaptionScore(s)
	if cs >= 2 {
		return article.KindCaption
	}
	if IsCredit(s) {
		return article.KindCredit
	}
	if _, ok := RelatedLead(s); ok {
		return article.KindRelated
	}
	nextCredit := next != "" && IsCredit(next)
	if cs >= 2 || cs >= 1 && (nextCredit || IsCredit(prev)) || !inBody && nextCredit && !isBodyProse(s) {
		return article.KindCaption
	}
	if HeadlineLike(s) {
		if !inBody && !nextCredit {
			// a standfirst or kicker before the report starts
			return article.KindOther
		}
		return article.KindRelated
	}
	return ""
}

// isBodyProse reports whether s reads as report prose: a sentence that ends
// properly and carries a reporting verb or a quotation.
func isBodyProse(s string) bool {
	return endsSentence(s) && (reSaid.MatchString(s) || strings.ContainsAny(s, "\"“”"))
}

var labelSmall = map[string]bool{"and": true, "of": true, "the": true, "&": true, "in": true, "for": true, "on": true, "to": true, "-": true, "/": true}

// isLabel reports whether s reads like a category label: at most six words,
// Title Case but for small words, no digits or sentence punctuation.
func isLabel(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 6 || endsSentence(s) || strings.ContainsAny(s, "0123456789\"“”,") {
		return false
	}
	for _, w := range f {
		if labelSmall[strings.ToLower(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

var joinWords = map[string]bool{"the": true, "a": true, "an": true, "of": true, "to": true, "and": true, "in": true, "on": true, "for": true, "with": true, "by": true, "at": true, "from": true, "that": true, "as": true, "or": true, "but": true, "was": true, "is": true, "were": true, "had": true, "has": true}

func joins(prev, s string) bool {
	if endsSentence(prev) || strings.HasSuffix(prev, ":") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) || unicode.IsDigit(r) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	if last == ',' || last == ';' || last == '-' || last == '–' {
		return true
	}
	f := strings.Fields(prev)
	return len(f) > 0 && joinWords[strings.ToLower(f[len(f)-1])]
}

// dropOrphanQuote removes a closing double quote that ends a paragraph with
// no opening quote anywhere in it: a copy glitch of multi-paragraph quotes
// (the opening mark of the last paragraph lost), not text.
func dropOrphanQuote(p string) string {
	if strings.Count(p, `"`)+strings.Count(p, "“")+strings.Count(p, "”") != 1 {
		return p
	}
	for _, q := range []string{`"`, "”"} {
		if strings.HasSuffix(p, q) {
			return strings.TrimSuffix(p, q)
		}
	}
	return p
}

// joinWrapped joins hard-wrapped lines of one block into logical lines.
func joinWrapped(ls []line) []line {
	var out []line
	for _, l := range ls {
		if n := len(out); n > 0 && !out[n-1].blankAfter && joins(out[n-1].text, l.text) && !IsCredit(l.text) && !IsCredit(out[n-1].text) {
			out[n-1].text += " " + l.text
			out[n-1].blankAfter = l.blankAfter
			continue
		}
		out = append(out, l)
	}
	return out
}

func splitLines(raw string) []line {
	var out []line
	for _, l := range strings.Split(raw, "\n") {
		t := strings.TrimSpace(strings.Map(func(r rune) rune {
			if r == '\t' || r == '\u00a0' {
				return ' '
			}
			return r
		}, l))
		if t == "" {
			if len(out) > 0 {
				out[len(out)-1].blankAfter = true
			}
			continue
		}
		out = append(out, line{text: strings.Join(strings.Fields(t), " ")})
	}
	if len(out) > 0 {
		out[len(out)-1].blankAfter = true
	}
	return out
}

// binaryish reports text with many control characters: a binary file that
// happens to be valid UTF-8.
func binaryish(s string) bool {
	ctl, n := 0, 0
	for _, r := range s {
		n++
		if r < 32 && r != '\n' && r != '\t' && r != '\r' || r == utf8.RuneError {
			ctl++
		}
		if n >= 4096 {
			break
		}
	}
	return ctl*20 > n
}

func firstSentence(p string) string {
	if i := strings.Index(p, ". "); i > 0 && i < 200 {
		return p[:i+1]
	}
	if utf8.RuneCountInString(p) > 120 {
		return string([]rune(p)[:120]) + "…"
	}
	return p
}

// datelineDate reads a date from a dateline such as
// "WASHINGTON, Nov. 18, 2015 (AP) —". A month and day without a year take the
// year that puts them on or after the latest full date on the page.
func datelineDate(first string, a *article.Article) (string, string) {
	m := reDateline.FindStringSubmatch(first)
	if m == nil || m[3] == "" {
		return "", ""
	}
	if ds := timex.AbsoluteDates(m[3]); len(ds) > 0 {
		return ds[0].Format("2006-01-02"), article.DateDateline
	}
	// month and day only
	f := strings.Fields(strings.ReplaceAll(m[3], ".", ""))
	if len(f) != 2 {
		return "", ""
	}
	day, err := strconv.Atoi(f[1])
	if err != nil {
		return "", ""
	}
	texts := []string{a.Headline, a.Body}
	for _, b := range a.Boilerplate {
		texts = append(texts, b.Text)
	}
	var bound time.Time
	for _, t := range texts {
		for _, d := range timex.AbsoluteDates(t) {
			if d.After(bound) {
				bound = d
			}
		}
	}
	if bound.IsZero() {
		return "", ""
	}
	for _, y := range []int{bound.Year(), bound.Year() + 1} {
		ds := timex.AbsoluteDates(f[0] + " " + strconv.Itoa(day) + ", " + strconv.Itoa(y))
		if len(ds) == 1 && !ds[0].Before(bound) {
			return ds[0].Format("2006-01-02"), article.DateDateline
		}
	}
	return "", ""
}
