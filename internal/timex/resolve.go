package timex

import (
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"

	"sitrep/internal/article"
)

// Granularities of a resolved expression (docs/article.schema.json).
const (
	Day   = "day"
	Week  = "week" // value is the Monday of that week
	Month = "month"
	Year  = "year"
)

// kind is a family of temporal expression; lower kinds win overlaps.
type kind int

const (
	kAbsDay    kind = iota // "Nov. 16, 2015", "16 November 2015", "2015-11-16"
	kMonthYear             // "November 2015"
	kAgo                   // "two days ago"
	kMonthDay              // "Nov. 16", "16 November"
	kMonthName             // "at the end of September", "in September", "last September"
	kRelUnit               // "last week", "earlier this year", "last weekend"
	kWeekday               // "on Wednesday", "Tuesday night", "last Friday"
	kDeictic               // "yesterday", "today", "tomorrow", "tonight"
	kYear                  // "in 2014"
)

// absolute kinds need no publication date.
func (k kind) absolute() bool { return k == kAbsDay || k == kMonthYear || k == kYear }

const (
	weekdayRE  = `(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
	fullMonth  = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`
	numberWord = `(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`
)

var patterns = []struct {
	k  kind
	re *regexp.Regexp
}{
	{kAbsDay, reMDY},
	{kAbsDay, reDMY},
	{kAbsDay, reISO},
	{kMonthYear, regexp.MustCompile(`\b` + monthRE + `,?\s+((?:19|20)\d\d)\b`)},
	{kMonthYear, regexp.MustCompile(`\b(?:January|February|March|April|June|July|August|September|October|November|December)\s+of\s+((?:19|20)\d\d)\b`)},
	{kAgo, regexp.MustCompile(`(?i)\b` + numberWord + `\s+(day|week|month|year)s?\s+ago\b`)},
	{kMonthDay, regexp.MustCompile(`\b` + monthRE + `\s+(\d{1,2})(?:st|nd|rd|th)?\b`)},
	{kMonthDay, regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthRE + `\b`)},
	{kMonthName, regexp.MustCompile(`\b(?:((?i:mid)-)|((?i:last|next|this|early|late|(?:at\s+|by\s+|until\s+|since\s+|in\s+)?the\s+(?:end|beginning|start|middle|first half|second half|first week|last week|first days|last days)\s+of|in|since|until|by|during|through|from|before|after))\s+)` + fullMonth)},
	{kRelUnit, regexp.MustCompile(`\b((?i:last|this|next|earlier this|later this|early this|late this|earlier last|late last|early last|early next|late next|(?:at\s+)?the\s+(?:end|beginning|start)\s+of\s+(?:last|this|next)))\s+(?i:(weekend|week|month|year))\b`)},
	{kWeekday, regexp.MustCompile(`\b(?:((?i:on|last|this|next|late|early|since|by|until|before|from))\s+)?` + weekdayRE + `(?:\s+(?i:night|morning|afternoon|evening))?\b`)},
	{kDeictic, regexp.MustCompile(`\b(?i:(over the weekend|at the weekend|during the weekend))\b`)},
	{kDeictic, regexp.MustCompile(`\b(?i:(today|yesterday|tomorrow|tonight|this morning|this afternoon|this evening|last night))\b`)},
	{kYear, regexp.MustCompile(`\b(?i:in|since|by|until|till|through|during|from|of|before|after|early|late|mid-|summer|spring|winter|autumn|fall|year)\s*((?:19|20)\d\d)\b`)},
}

// leading words trimmed from an expression's text: the preposition that
// introduces it, not the expression itself.
var leading = []string{"on ", "in ", "at ", "since ", "by ", "during ", "until ", "through ", "from ", "of ", "before ", "after ", "till ", "year "}

var wordNums = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

// reFuture finds a future-tense cue in the words just before a weekday
// ("will meet on Friday"): such a weekday resolves forward.
var reFuture = regexp.MustCompile(`(?i)\b(?:will|shall|'ll|’ll|due to|scheduled|expected to|plans? to|set to|is to|are to|going to)\b`)

type cand struct {
	k          kind
	start, end int // byte offsets
	sub        []int
}

// Resolver finds and resolves temporal expressions. It is safe for
// concurrent use: go-dateparser parsers (which lock per call and keep a
// per-parser locale cache) are kept in a small free list rather than a
// sync.Pool, which would drop them, and their caches, at every GC.
type Resolver struct {
	free chan *dps.Parser
}

// NewResolver returns a resolver.
func NewResolver() *Resolver {
	return &Resolver{free: make(chan *dps.Parser, max(4, runtime.GOMAXPROCS(0)))}
}

func (r *Resolver) parse(s string, now time.Time) (date.Date, bool) {
	var p *dps.Parser
	select {
	case p = <-r.free:
	default:
		p = &dps.Parser{ParserTypes: []dps.ParserType{dps.RelativeTime, dps.AbsoluteTime}}
	}
	defer func() {
		select {
		case r.free <- p:
		default:
		}
	}()
	cfg := &dps.Configuration{Languages: []string{"en"}, CurrentTime: now, DateOrder: dps.MDY}
	d, err := p.Parse(cfg, s)
	if err != nil || d.IsZero() {
		return date.Date{}, false
	}
	return d, true
}

// Find returns every temporal expression in text resolved against pub (the
// publication day; the zero time when unknown, in which case only absolute
// expressions are resolved and relative ones are left out). Offsets are runes.
func (r *Resolver) Find(text string, pub time.Time) []article.Timex {
	var cands []cand
	// The patterns run only on windows around trigger words (month and
	// weekday names, "ago", "week", a year...): a tenth of the cost of
	// running them over the whole body.
	for _, w := range windows(text) {
		win := text[w.start:w.end]
		for _, p := range patterns {
			if w.kinds&(1<<p.k) != 0 && (!pub.IsZero() || p.k.absolute()) {
				for _, m := range p.re.FindAllStringSubmatchIndex(win, -1) {
					for i := range m {
						if m[i] >= 0 {
							m[i] += w.start
						}
					}
					cands = append(cands, cand{k: p.k, start: m[0], end: m[1], sub: m})
				}
			}
		}
	}
	// Priority first, then longest: a full date beats the bare year inside it.
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].k != cands[j].k {
			return cands[i].k < cands[j].k
		}
		if li, lj := cands[i].end-cands[i].start, cands[j].end-cands[j].start; li != lj {
			return li > lj
		}
		return cands[i].start < cands[j].start
	})
	var kept []cand
	for _, c := range cands {
		ok := true
		for _, k := range kept {
			if c.start < k.end && k.start < c.end {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, c)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	out := []article.Timex{}
	// Rune offsets: walk the text once.
	runeAt := func() func(int) int {
		lastB, lastR := 0, 0
		return func(b int) int {
			lastR += utf8.RuneCountInString(text[lastB:b])
			lastB = b
			return lastR
		}
	}()
	for _, c := range kept {
		value, gran, ok := r.resolve(text, c, pub)
		if !ok {
			continue
		}
		s, e := c.start, c.end
		low := strings.ToLower(text[s:e])
		for trimmed := true; trimmed; {
			trimmed = false
			for _, l := range leading {
				if strings.HasPrefix(low, l) && len(low) > len(l) {
					s += len(l)
					low = low[len(l):]
					for len(low) > 0 && low[0] == ' ' {
						s++
						low = low[1:]
					}
					trimmed = true
				}
			}
		}
		out = append(out, article.Timex{Text: text[s:e], Start: runeAt(s), End: runeAt(e), Value: value, Granularity: gran})
	}
	return out
}

func group(text string, m []int, i int) string {
	if 2*i+1 >= len(m) || m[2*i] < 0 {
		return ""
	}
	return text[m[2*i]:m[2*i+1]]
}

func day(t time.Time) string   { return t.Format("2006-01-02") }
func month(t time.Time) string { return t.Format("2006-01") }
func year(t time.Time) string  { return t.Format("2006") }

func monthOf(s string) time.Month {
	return months[strings.TrimSuffix(strings.ToLower(s), ".")]
}

// monday returns the Monday of t's week (weeks run Monday to Sunday).
func monday(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

// latestMonth returns the month m of pub's year if that month is not after
// pub's month, else of the previous year.
func latestMonth(m time.Month, pub time.Time) time.Time {
	y := pub.Year()
	if m > pub.Month() {
		y--
	}
	return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
}

func (r *Resolver) resolve(text string, c cand, pub time.Time) (value, gran string, ok bool) {
	s := text[c.start:c.end]
	switch c.k {
	case kAbsDay, kMonthYear:
		d, ok := r.parse(s, orNow(pub))
		if !ok {
			return "", "", false
		}
		if c.k == kMonthYear {
			return month(d.Time), Month, true
		}
		if d.Period != date.Day {
			return "", "", false
		}
		return day(d.Time), Day, true
	case kYear:
		y, _ := strconv.Atoi(group(text, c.sub, 1))
		if !pub.IsZero() && y > pub.Year()+20 {
			return "", "", false
		}
		return group(text, c.sub, 1), Year, true
	case kAgo:
		nw := strings.ToLower(group(text, c.sub, 1))
		n, err := strconv.Atoi(nw)
		if err != nil {
			n = wordNums[nw]
		}
		unit := strings.ToLower(group(text, c.sub, 2))
		d, ok := r.parse(strconv.Itoa(n)+" "+unit+"s ago", pub)
		if !ok || n == 0 {
			return "", "", false
		}
		switch unit {
		case "month":
			return month(d.Time), Month, true
		case "year":
			return year(d.Time), Year, true
		}
		return day(d.Time), Day, true
	case kMonthDay:
		// go-dateparser fills the publication year; a date more than half a
		// year after publication is taken as last year's ("on Dec. 28" in a
		// January article).
		d, ok := r.parse(s, pub)
		if !ok || d.Period != date.Day {
			return "", "", false
		}
		t := time.Date(pub.Year(), d.Time.Month(), d.Time.Day(), 0, 0, 0, 0, time.UTC)
		if t.Sub(pub) > 183*24*time.Hour {
			t = t.AddDate(-1, 0, 0)
		} else if pub.Sub(t) > 183*24*time.Hour {
			t = t.AddDate(1, 0, 0)
		}
		return day(t), Day, true
	case kRelUnit:
		mod := strings.ToLower(strings.Join(strings.Fields(group(text, c.sub, 1)), " "))
		unit := strings.ToLower(group(text, c.sub, 2))
		shift := 0
		switch {
		case strings.HasSuffix(mod, "last"):
			shift = -1
		case strings.HasSuffix(mod, "next"):
			shift = 1
		}
		switch unit {
		case "week":
			return day(monday(pub).AddDate(0, 0, 7*shift)), Week, true
		case "weekend":
			// The Saturday of that weekend: "last weekend" is the one before
			// the publication's Monday-to-Sunday week.
			return day(monday(pub).AddDate(0, 0, 5+7*shift)), Day, true
		case "month":
			return month(time.Date(pub.Year(), pub.Month()+time.Month(shift), 1, 0, 0, 0, 0, time.UTC)), Month, true
		case "year":
			return strconv.Itoa(pub.Year() + shift), Year, true
		}
	case kMonthName:
		mod := strings.ToLower(group(text, c.sub, 1) + group(text, c.sub, 2))
		m := monthOf(group(text, c.sub, 3))
		if m == 0 {
			return "", "", false
		}
		t := latestMonth(m, pub)
		if future(text, c.start) && t.Year() < pub.Year() {
			// "elections will be held in December": the coming one
			t = t.AddDate(1, 0, 0)
		}
		switch mod {
		case "last":
			if m >= pub.Month() {
				t = time.Date(pub.Year()-1, m, 1, 0, 0, 0, 0, time.UTC)
			}
		case "next":
			t = time.Date(pub.Year(), m, 1, 0, 0, 0, 0, time.UTC)
			if m <= pub.Month() {
				t = t.AddDate(1, 0, 0)
			}
		case "this":
			t = time.Date(pub.Year(), m, 1, 0, 0, 0, 0, time.UTC)
		}
		return month(t), Month, true
	case kWeekday:
		if weekdayName(text, c.sub[4], c.sub[5]) {
			return "", "", false
		}
		mod := strings.ToLower(group(text, c.sub, 1))
		wd := weekdays[strings.ToLower(group(text, c.sub, 2))]
		var t time.Time
		switch {
		case mod == "next":
			t = OnOrAfter(pub.AddDate(0, 0, 1), wd)
		case mod == "last":
			t = OnOrBefore(pub.AddDate(0, 0, -1), wd)
		case mod == "this" || future(text, c.start):
			t = OnOrAfter(pub, wd)
		default:
			t = OnOrBefore(pub, wd)
		}
		return day(t), Day, true
	case kDeictic:
		if group(text, c.sub, 1) == "Today" && !sentenceStart(text, c.start) {
			return "", "", false // "Radio 4's Today programme", "USA Today"
		}
		switch strings.ToLower(group(text, c.sub, 1)) {
		case "yesterday", "last night":
			return day(pub.AddDate(0, 0, -1)), Day, true
		case "tomorrow":
			return day(pub.AddDate(0, 0, 1)), Day, true
		case "over the weekend", "at the weekend", "during the weekend":
			// the latest weekend: its Saturday
			return day(OnOrBefore(pub.AddDate(0, 0, -1), time.Saturday)), Day, true
		}
		return day(pub), Day, true
	}
	return "", "", false
}

// sentenceStart reports whether byte offset i starts a sentence: only
// spaces and quotes between it and the text's start or a . ! ? or newline.
func sentenceStart(text string, i int) bool {
	j := strings.LastIndexFunc(text[:i], func(r rune) bool {
		return !unicode.IsSpace(r) && !strings.ContainsRune("\"'“‘(", r)
	})
	return j < 0 || strings.ContainsRune(".!?:", rune(text[j]))
}

// weekdayName reports a weekday that is part of a name, not a date: "the
// Sunday Times", "Good Friday", "Ash Wednesday", "Black Friday".
func weekdayName(text string, s, e int) bool {
	after := strings.Fields(text[e:min(len(text), e+16)])
	if len(after) > 0 && newspaperWords[strings.Trim(after[0], ".,;:'\"’”")] {
		return true
	}
	before := strings.Fields(text[max(0, s-8):s])
	return len(before) > 0 && holidayWords[before[len(before)-1]]
}

var newspaperWords = map[string]bool{"Times": true, "Telegraph": true, "Express": true, "Mirror": true,
	"Mail": true, "Herald": true, "Post": true, "Tribune": true, "Independent": true, "Observer": true,
	"Star": true, "Sport": true, "Agreement": true, "Mosque": true, "Prayers": true}

var holidayWords = map[string]bool{"Good": true, "Black": true, "Ash": true, "Holy": true, "Maundy": true,
	"Palm": true, "Easter": true, "Bloody": true, "Cyber": true}

// future reports a future-tense cue in the same clause shortly before byte
// offset i.
func future(text string, i int) bool {
	j := max(0, i-60)
	for j > 0 && !utf8.RuneStart(text[j]) {
		j--
	}
	before := text[j:i]
	if k := strings.LastIndexAny(before, ".;!?\n"); k >= 0 {
		before = before[k+1:]
	}
	return reFuture.MatchString(before)
}

func orNow(t time.Time) time.Time {
	if t.IsZero() {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// PublishedDay parses an article's publication date (YYYY-MM-DD or RFC 3339);
// it reports false when there is none.
func PublishedDay(p article.Published) (time.Time, bool) {
	if len(p.Date) < 10 || p.How == article.DateUnknown {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", p.Date[:10])
	return t, err == nil
}

// triggers map the words without which no pattern can match to the
// kinds of pattern they can start (a bit per kind).
var triggers = func() map[string]uint {
	m := map[string]uint{}
	for k := range months {
		m[k] = 1<<kAbsDay | 1<<kMonthYear | 1<<kMonthDay | 1<<kMonthName
	}
	for k := range weekdays {
		m[k] = 1 << kWeekday
	}
	m["ago"] = 1 << kAgo
	for _, w := range []string{"today", "yesterday", "tomorrow", "tonight", "night", "morning", "afternoon", "evening"} {
		m[w] = 1 << kDeictic
	}
	for _, w := range []string{"week", "weekend", "month", "year"} {
		m[w] = 1 << kRelUnit
	}
	m["weekend"] |= 1 << kDeictic
	return m
}()

const yearKinds = 1<<kAbsDay | 1<<kMonthYear | 1<<kYear

// Window extents around a trigger, in bytes; cut back to spaces.
const winBefore, winAfter = 48, 24

// window is a byte range [start, end) of a text and the kinds of pattern
// worth running on it.
type window struct {
	start, end int
	kinds      uint
}

// windows returns merged byte ranges of text around trigger words, each
// starting and ending at a space or the text's ends.
func windows(text string) []window {
	var out []window
	add := func(ws, we int, kinds uint) {
		ws = max(0, ws)
		we = min(len(text), we)
		for ws > 0 && text[ws-1] != ' ' && text[ws-1] != '\n' {
			ws--
		}
		for we < len(text) && text[we] != ' ' && text[we] != '\n' {
			we++
		}
		if n := len(out); n > 0 && ws <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, we)
			out[n-1].kinds |= kinds
			return
		}
		out = append(out, window{ws, we, kinds})
	}
	var buf [12]byte
	for i := 0; i < len(text); {
		c := text[i]
		if !isAlnum(c) {
			i++
			continue
		}
		j := i
		for j < len(text) && isAlnum(text[j]) {
			j++
		}
		w := text[i:j]
		var kinds uint
		if len(w) == 4 && (w[:2] == "19" || w[:2] == "20") && isDigits(w) {
			kinds = yearKinds
		} else if len(w) >= 3 && len(w) <= len(buf) && !isDigit(w[0]) {
			lw := buf[:len(w)]
			for k := 0; k < len(w); k++ {
				lw[k] = w[k] | 0x20
			}
			kinds = triggers[string(lw)]
		}
		if kinds != 0 {
			add(i-winBefore, j+winAfter, kinds)
		}
		i = j
	}
	return out
}

func isAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// Within returns the expressions of dates (as the stage stores them in
// a.Dates) that lie inside the rune range [start, end) of Body: how the
// events coder finds the dates of an event's sentence.
func Within(dates []article.Timex, start, end int) []article.Timex {
	var out []article.Timex
	for _, d := range dates {
		if d.Start >= start && d.End <= end {
			out = append(out, d)
		}
	}
	return out
}
