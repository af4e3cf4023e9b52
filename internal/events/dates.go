package events

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dateMention is a date expression in a sentence, rune offsets relative to
// the sentence, with its resolved value.
type dateMention struct {
	start, end int
	value      string
}

var (
	reWeekday  = regexp.MustCompile(`(?i)\b(?:on |last |this |early |late )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`)
	reRelative = regexp.MustCompile(`(?i)\b(yesterday|today|tonight|last (?:week|weekend|month|year)|this (?:week|month|year)|earlier this (?:week|month|year)|(?:a|one) (?:week|month|year) ago)\b`)
	reMonthDay = regexp.MustCompile(`(?i)\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s+(\d{4}))?\b`)
	reDayMonth = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:,?\s+(\d{4}))?\b`)
)

var monthNum = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

var wdNum = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// parsePublished reads a.Published.Date (YYYY-MM-DD or RFC 3339).
func parsePublished(s string) (time.Time, bool) {
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// findDates resolves the date expressions of a sentence against the
// publication date: weekdays to the last such day on or before it, "last
// month" to the month before, month names to the latest such month not
// after it. Without a publication date only absolute dates resolve.
func findDates(sent string, pub time.Time, hasPub bool) []dateMention {
	var out []dateMention
	if !mayHaveDate(sent) {
		return nil
	}
	rs := func(bs int) int { return len([]rune(sent[:bs])) }
	add := func(bs, be int, v string) {
		if v == "" {
			return
		}
		s, e := rs(bs), rs(be)
		for _, d := range out {
			if s < d.end && d.start < e {
				return
			}
		}
		out = append(out, dateMention{s, e, v})
	}
	for _, m := range reDayMonth.FindAllStringSubmatchIndex(sent, -1) {
		day, _ := strconv.Atoi(sent[m[2]:m[3]])
		mon := monthNum[strings.ToLower(sent[m[4]:m[4]+3])]
		year := 0
		if m[6] >= 0 {
			year, _ = strconv.Atoi(sent[m[6]:m[7]])
		}
		add(m[0], m[1], resolveMonthDay(mon, day, year, pub, hasPub))
	}
	for _, m := range reMonthDay.FindAllStringSubmatchIndex(sent, -1) {
		word := sent[m[2]:m[3]]
		if strings.EqualFold(word, "may") || strings.EqualFold(word, "march") {
			// modal "may" / verb "march": need a day or year, or a capital M after in/of
			if m[4] < 0 && m[6] < 0 {
				if word[0] != 'M' || !precededBy(sent[:m[0]], "in", "of", "since", "until", "end of", "early", "late", "mid") {
					continue
				}
			}
		}
		mon := monthNum[strings.ToLower(word[:3])]
		day := 0
		if m[4] >= 0 {
			day, _ = strconv.Atoi(sent[m[4]:m[5]])
		}
		year := 0
		if m[6] >= 0 {
			year, _ = strconv.Atoi(sent[m[6]:m[7]])
		}
		add(m[0], m[1], resolveMonthDay(mon, day, year, pub, hasPub))
	}
	if !hasPub {
		return out
	}
	for _, m := range reWeekday.FindAllStringSubmatchIndex(sent, -1) {
		wd := wdNum[strings.ToLower(sent[m[2]:m[3]])]
		d := pub
		for d.Weekday() != wd {
			d = d.AddDate(0, 0, -1)
		}
		if strings.HasPrefix(strings.ToLower(sent[m[0]:m[1]]), "last ") && d.Equal(pub) {
			d = d.AddDate(0, 0, -7)
		}
		add(m[0], m[1], d.Format("2006-01-02"))
	}
	for _, m := range reRelative.FindAllStringSubmatchIndex(sent, -1) {
		p := strings.ToLower(sent[m[2]:m[3]])
		v := ""
		switch {
		case p == "today" || p == "tonight":
			v = pub.Format("2006-01-02")
		case p == "yesterday":
			v = pub.AddDate(0, 0, -1).Format("2006-01-02")
		case p == "last weekend":
			d := pub.AddDate(0, 0, -1)
			for d.Weekday() != time.Saturday {
				d = d.AddDate(0, 0, -1)
			}
			v = d.Format("2006-01-02")
		case strings.HasSuffix(p, "month") && (strings.HasPrefix(p, "last") || strings.HasSuffix(p, "ago")):
			v = time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0).Format("2006-01")
		case strings.HasSuffix(p, "year") && (strings.HasPrefix(p, "last") || strings.HasSuffix(p, "ago")):
			v = strconv.Itoa(pub.Year() - 1)
		case strings.HasSuffix(p, "month"):
			v = pub.Format("2006-01")
		case strings.HasSuffix(p, "year"):
			v = strconv.Itoa(pub.Year())
		case strings.HasSuffix(p, "week") || strings.HasSuffix(p, "weeks"):
			if strings.HasPrefix(p, "last") || strings.HasSuffix(p, "ago") {
				v = pub.AddDate(0, 0, -7).Format("2006-01")
			} else {
				v = pub.Format("2006-01")
			}
		}
		add(m[0], m[1], v)
	}
	return out
}

var dateCue = []string{"day", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "week", "month", "year", "tonight"}

// mayHaveDate is a cheap filter before the regular expressions.
func mayHaveDate(s string) bool {
	l := strings.ToLower(s)
	for _, c := range dateCue {
		if strings.Contains(l, c) {
			return true
		}
	}
	return false
}

func precededBy(s string, words ...string) bool {
	s = strings.ToLower(strings.TrimRight(s, " "))
	for _, w := range words {
		if strings.HasSuffix(s, " "+w) || s == w || strings.HasSuffix(s, "the "+w) {
			return true
		}
	}
	return false
}

func resolveMonthDay(mon time.Month, day, year int, pub time.Time, hasPub bool) string {
	if mon == 0 {
		return ""
	}
	if year == 0 {
		if !hasPub {
			return ""
		}
		year = pub.Year()
		if mon > pub.Month() {
			year--
		}
	}
	if day == 0 {
		return time.Date(year, mon, 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
	}
	if day > 31 {
		return ""
	}
	return time.Date(year, mon, day, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
}
