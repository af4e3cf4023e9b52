// Package timex is the dates stage: it finds every temporal expression in an
// article's Body and resolves it against the publication date, and it infers
// the publication date an article implies when none was given.
//
// Absolute dates ("Nov. 16, 2015", "November 2015", "Nov. 16") and "N days
// ago" are parsed by github.com/markusmobius/go-dateparser on candidate spans
// found by the regular expressions here (its full-text search is slow and
// noisy: it reads "may" and "we" as dates). The news conventions it lacks are
// written here: "on Wednesday" is the latest Wednesday on or before
// publication (forward after a future-tense cue such as "will"); "last
// month" the previous calendar month; "at the end of September" September of
// the publication year unless that is after publication, else the year
// before; "last week" the Monday of the previous week (granularity week);
// "last weekend" the Saturday of the weekend before publication's
// Monday-to-Sunday week; "earlier this year" the year. docs/entities.md
// lists every rule. When the publication date is unknown only absolute
// expressions are resolved.
//
// The publication rule: the latest absolute date anywhere on the page
// (captions included) is a lower bound; a weekday the text reports against
// ("said on Wednesday") then pins the publication date to the first such
// weekday on or after that bound.
//
// It does not read times of day, durations ("for three weeks") or vague
// spans ("in recent weeks"), and it looks only at Body (headline and
// captions are not the article).
package timex

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/article"
)

// Stage infers the publication date when the input did not carry one and
// fills the article's Dates. It is safe for concurrent use.
type Stage struct{ r *Resolver }

// New returns the dates stage.
func New() *Stage { return &Stage{r: NewResolver()} }

// Name implements analyze.Stage.
func (*Stage) Name() string { return "dates" }

// Apply implements analyze.Stage.
func (s *Stage) Apply(ctx context.Context, a *article.Article) error {
	if a.Published.Date == "" || a.Published.How == "" || a.Published.How == article.DateUnknown {
		texts := []string{a.Headline, a.Body}
		for _, b := range a.Boilerplate {
			texts = append(texts, b.Text)
		}
		if d, ok := InferPublished(texts, a.Body); ok {
			a.Published = article.Published{Date: d.Format("2006-01-02"), How: article.DateInferred}
		} else {
			a.Published = article.Published{How: article.DateUnknown}
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	pub, _ := PublishedDay(a.Published)
	r := s.r
	if r == nil {
		r = NewResolver()
	}
	a.Dates = r.Find(a.Body, pub)
	return nil
}

var months = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
	"nov": 11, "november": 11, "dec": 12, "december": 12,
}

const monthRE = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`

var (
	// June 30, 2014 / Nov. 16, 2015
	reMDY = regexp.MustCompile(`\b` + monthRE + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	// 16 November 2015
	reDMY = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthRE + `,?\s+(\d{4})\b`)
	// 2015-11-16
	reISO = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	// a reporting verb against a weekday: "said on Wednesday", "told reporters on Tuesday"
	reWeekday = regexp.MustCompile(`\b(?:said|says|told|announced|reported|added|stated|declared|confirmed|warned|claimed|denied|wrote|tweeted)\b[^.;"]{0,40}?\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
)

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// AbsoluteDates returns every complete calendar date written in s.
func AbsoluteDates(s string) []time.Time {
	var out []time.Time
	add := func(y, m, d int) {
		if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
			return
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d { // Feb 30 and friends
			return
		}
		out = append(out, t)
	}
	for _, m := range reMDY.FindAllStringSubmatch(s, -1) {
		d, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		add(y, int(months[strings.ToLower(m[1])]), d)
	}
	for _, m := range reDMY.FindAllStringSubmatch(s, -1) {
		d, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[3])
		add(y, int(months[strings.ToLower(m[2])]), d)
	}
	for _, m := range reISO.FindAllStringSubmatch(s, -1) {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		add(y, mo, d)
	}
	return out
}

// InferPublished infers a publication date from every text of the page
// (captions included) and the body. It reports false when the page has no
// absolute date to anchor on.
func InferPublished(texts []string, body string) (time.Time, bool) {
	var bound time.Time
	for _, t := range texts {
		for _, d := range AbsoluteDates(t) {
			if d.After(bound) {
				bound = d
			}
		}
	}
	if bound.IsZero() {
		return time.Time{}, false
	}
	if m := reWeekday.FindStringSubmatch(body); m != nil {
		wd := weekdays[strings.ToLower(m[1])]
		return OnOrAfter(bound, wd), true
	}
	return bound, true
}

// OnOrAfter returns the first day on or after t that falls on wd.
func OnOrAfter(t time.Time, wd time.Weekday) time.Time {
	return t.AddDate(0, 0, (int(wd)-int(t.Weekday())+7)%7)
}

// OnOrBefore returns the latest day on or before t that falls on wd.
func OnOrBefore(t time.Time, wd time.Weekday) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) - int(wd) + 7) % 7))
}
