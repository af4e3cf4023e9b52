package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/article"
)

// The line rules below are shared by the plain-text parser and the HTML
// extractor: they look at one line (or one block) of page text and say
// whether it reads like a photo credit, a caption, a related-story link,
// navigation or an advertisement.

var (
	// agencies and photo desks that sign credits.
	reCreditWords = regexp.MustCompile(`(?i)\b(getty\s+images|reuters|associated\s+press|ap\s+photo|afp|epa(-efe)?|efe|xinhua|anadolu|tass|ria\s+novosti|sputnik|shutterstock|alamy|bloomberg|pool|staff\s+photographer|staff|photographer|courtesy|handout|file\s+photo|photo|photograph|image|picture|credit|©|copyright)\b|©`)
	// "Name / Agency", "Name | Agency", "AGENCY/Name", "(AP Photo/Name)"
	reCreditShape = regexp.MustCompile(`\S\s*[/|]\s*\S`)
	reCreditLead  = regexp.MustCompile(`(?i)^\(?\s*(photo|photograph|image|picture|credit|photos|pictured)\s*(by|credit)?\s*[:/-]`)
	reReporting   = regexp.MustCompile(`(?i)^\(?\s*(reporting|additional reporting|writing|editing|compiled|edited)\s+by\b`)
	reCopyright   = regexp.MustCompile(`(?i)^(©|\(c\)|copyright\b)|all rights reserved`)

	reRelatedLead = regexp.MustCompile(`(?i)^(related|related stories|related story|related articles?|related news|read more|read also|also read|see also|see more|more on this|more:|watch:|video:|recommended|you may also like|you might also like|most read|trending|don['’]?t miss|more( great)?( [\p{L}\d]+){0,3} stories|leggi anche|lesen sie auch|lire aussi|à lire aussi|leia também|veja também|lea también|lee también)\b[:\s.…-]*`)
	reNav         = regexp.MustCompile(`(?i)^(home|menu|skip to (main )?content|back to top|share( this( article| story)?)?|share on (facebook|twitter|x)|like this story\?.*|share it with a friend!?|you must (be )?log(ged)? in to post a comment\.?|subscribe to .{0,80}|tweet|email|print|comments?|sign in|log in|subscribe( now)?|sign up.*newsletter.*|follow us.*|next article|previous article|topics?:.*|tags?(:.*)?|click here.*|order reprints|reprints?( (and|&) permissions)?|print (this )?(article|page|story)|view comments|leave a (comment|reply)|(\d+ )?comments?)$`)
	reAd          = regexp.MustCompile(`(?i)^(advertisement|advertising|sponsored( content)?|ad|promoted|story continues below( advertisement)?|continue reading below)$`)

	// a full date with a year, as captions end: "on Nov. 16, 2015", "June 30, 2014"
	reCaptionDate = regexp.MustCompile(`\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(19|20)\d{2}\b|\b\d{1,2}\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+(19|20)\d{2}\b`)
	// "(pictured)", "is seen", "looks on": things only captions say
	reCaptionPhrase = regexp.MustCompile(`(?i)\((pictured|left|right|centre|center|l|r|c|top|above|below|file)\)|\b(is|are) (seen|pictured|shown)\b|\blooks on\b|^(file photo|file|pictured|above|top|below|left|right)\s*[:-]`)
	// present-tense verbs of photo captions, after a capitalised subject
	reCaptionVerb = regexp.MustCompile(`\b(battle|battles|fight|fights|delivers|chats|speaks|talks|attends|arrives|leaves|walks|waves|gestures|greets|shakes|meets|poses|stands|sits|holds|gives|addresses|listens|looks|smiles|laughs|reacts|prays|mourns|carries|inspects|visits|watches|points|votes|signs|hugs|kisses|celebrates|cries|rests|runs|drives|rides|flies|boards|departs|lands|kneels|salutes|marches|protests|shouts|chants|gathers|gather|stand|walk|sit|hold|carry|inspect|watch|react|pray|mourn|celebrate|protest|march|wait|waits|search|searches|clear|clears|remove|removes|work|works|rescue|rescues|evacuate|evacuates|queue|queues)\b`)
)

// IsCredit reports whether line reads like a photo or story credit:
// "Chip Somodevilla / Staff | Getty Images News", "REUTERS/Stringer",
// "(Reporting by ...; Editing by ...)", "© 2015 Reuters".
func IsCredit(line string) bool {
	s := strings.TrimSpace(line)
	if s == "" {
		return false
	}
	if reReporting.MatchString(s) || reCopyright.MatchString(s) {
		return true
	}
	w := wordCount(s)
	if w > 14 || endsSentence(s) && !strings.HasSuffix(s, ")") {
		return false
	}
	if loc := reCreditLead.FindStringIndex(s); loc != nil && wordCount(s[loc[1]:]) <= 6 {
		return true
	}
	return reCreditWords.MatchString(s) && (reCreditShape.MatchString(s) || w <= 4 || strings.HasPrefix(s, "("))
}

// NavOrAd returns KindNav or KindAd when line is navigation or an
// advertisement marker, else "".
func NavOrAd(line string) string {
	s := strings.TrimSpace(strings.Trim(strings.TrimSpace(line), "-–—|•·"))
	switch {
	case s == "":
		return ""
	case reAd.MatchString(s):
		return article.KindAd
	case reNav.MatchString(s):
		return article.KindNav
	}
	return ""
}

// RelatedLead reports whether line starts with a related-story marker such as
// "Related:", "READ MORE:" or "See also", and returns the rest.
func RelatedLead(line string) (string, bool) {
	s := strings.TrimSpace(line)
	loc := reRelatedLead.FindStringIndex(s)
	if loc == nil {
		return "", false
	}
	return strings.TrimSpace(s[loc[1]:]), true
}

// CaptionScore rates how much a line reads like a photo caption rather than
// report prose: a present-tense action verb, a full date with a year, a
// "(pictured)" or "looks on", no quotation, no reporting verb. A score of 2
// or more is a caption on its own; 1 is a caption next to a credit.
func CaptionScore(line string) int {
	s := strings.TrimSpace(line)
	if s == "" || strings.ContainsAny(s, "\"“”") {
		return 0
	}
	score := 0
	if reCaptionPhrase.MatchString(s) {
		score += 2
	}
	if reCaptionVerb.MatchString(s) {
		score++
	}
	if reCreditLead.MatchString(s) {
		score++
	}
	if reCaptionDate.MatchString(s) {
		score++
	}
	if reSaid.MatchString(s) {
		score -= 2
	}
	if countSentences(s) > 1 {
		score--
	}
	return score
}

var reSaid = regexp.MustCompile(`(?i)\b(said|says|told|according to|added|stated|reported)\b`)

// HeadlineLike reports whether line reads like a headline or link text: short,
// no sentence-final punctuation, not a quotation.
func HeadlineLike(line string) bool {
	s := strings.TrimSpace(line)
	if s == "" {
		return false
	}
	w := wordCount(s)
	if w == 0 || w > 20 {
		return false
	}
	if endsSentence(s) || strings.HasSuffix(s, ":") || strings.HasSuffix(s, ",") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '\'' || r == '‘'
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\"'”’)]»")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

func wordCount(s string) int { return len(strings.Fields(s)) }

func countSentences(s string) int {
	n := 0
	f := strings.Fields(s)
	for i, w := range f {
		if i < len(f)-1 && (strings.HasSuffix(w, ".") || strings.HasSuffix(w, "?") || strings.HasSuffix(w, "!")) {
			nx, _ := utf8.DecodeRuneInString(f[i+1])
			core := strings.TrimRight(w, ".?!")
			if unicode.IsUpper(nx) && utf8.RuneCountInString(core) > 3 && !strings.Contains(core, ".") {
				n++
			}
		}
	}
	return n + 1
}
