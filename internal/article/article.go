// Package article defines the one data model every sitrep stage reads and
// writes: a news article, its clean text, and what the analysis found in it.
//
// The JSON field names are a public contract (docs/article.schema.json
// documents them; outside checks rely on them). Every offset is a rune
// (character) offset into Body, never a byte offset.
//
// The package holds data and small helpers only: it does no parsing,
// no I/O and no analysis.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"
)

// How a publication date was obtained.
const (
	DateGiven    = "given"    // from input metadata or the --published flag
	DateDateline = "dateline" // from a dateline in the text
	DateInferred = "inferred" // inferred from dates and weekdays the text reports against
	DateUnknown  = "unknown"  // no evidence at all
)

// Boilerplate kinds: text removed from the page that is not the article.
const (
	KindCaption = "caption"
	KindCredit  = "credit"
	KindRelated = "related"
	KindNav     = "nav"
	KindAd      = "ad"
	KindOther   = "other"
)

// Entity types.
const (
	Person       = "PERSON"
	Organization = "ORGANIZATION"
	Location     = "LOCATION"
	Misc         = "MISC"
)

// Article is one news article and everything sitrep found in it.
type Article struct {
	// ID is a stable content hash (see ComputeID); the store's identity key.
	ID         string    `json:"id"`
	Headline   string    `json:"headline"`
	Body       string    `json:"body"` // paragraphs joined by a blank line
	Byline     string    `json:"byline"`
	URL        string    `json:"url"`
	Source     string    `json:"source"`   // site or feed name
	Language   string    `json:"language"` // ISO 639-1, "" when unknown
	Published  Published `json:"published"`
	GivenLabel string    `json:"given_label"` // a label line that came with the input

	Boilerplate []Boilerplate `json:"boilerplate"`
	Topics      []Topic       `json:"topics"`
	Entities    []Entity      `json:"entities"`
	Places      []Place       `json:"places"`
	Dates       []Timex       `json:"dates"`
	Events      []Event       `json:"events"`
	Story       string        `json:"story"`                   // id of the story this article belongs to
	Focus       string        `json:"country_focus,omitempty"` // ISO alpha-2 of the country the story is about
}

// Published is the publication date and how it was obtained.
type Published struct {
	Date string `json:"date"` // YYYY-MM-DD or RFC 3339; "" when unknown
	How  string `json:"how"`  // given | dateline | inferred | unknown
}

// Boilerplate is a piece of page text that is not the article.
type Boilerplate struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// Topic is one label of the news taxonomy with its calibrated score.
type Topic struct {
	Label string  `json:"label"`
	IPTC  string  `json:"iptc"`
	Score float64 `json:"score"`
}

// Mention is one occurrence of a name in Body, in rune offsets [Start, End).
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Entity is one real-world person, organisation, place or other named thing,
// with all the names the article calls it by merged.
type Entity struct {
	Name     string    `json:"name"`
	Type     string    `json:"type"`
	Aliases  []string  `json:"aliases"`
	Country  string    `json:"country"` // ISO 3166-1 alpha-3
	Role     string    `json:"role"`    // CAMEO-style agent code: GOV, MIL, REB, ...
	Mentions []Mention `json:"mentions"`
}

// Place is a resolved location.
type Place struct {
	Name      string    `json:"name"`
	Country   string    `json:"country"` // ISO 3166-1 alpha-2
	Admin1    string    `json:"admin1"`
	Lat       float64   `json:"lat"`
	Lon       float64   `json:"lon"`
	GeonameID int       `json:"geonameid"`
	Feature   string    `json:"feature,omitempty"` // GeoNames feature code, or COUNTRY / REGION
	Score     float64   `json:"score,omitempty"`
	Ambiguous bool      `json:"ambiguous,omitempty"`
	Mentions  []Mention `json:"mentions"`
}

// Timex is a temporal expression found in Body and resolved against the
// publication date.
type Timex struct {
	Text        string `json:"text"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Value       string `json:"value"`       // YYYY-MM-DD, YYYY-MM or YYYY
	Granularity string `json:"granularity"` // day | week | month | year (week: value is its Monday)
}

// Actor is one side of an event.
type Actor struct {
	Name    string `json:"name"`
	Country string `json:"country"` // ISO 3166-1 alpha-3
	Role    string `json:"role"`
}

// EventLocation is where an event happened.
type EventLocation struct {
	Name    string  `json:"name"`
	Country string  `json:"country"` // ISO 3166-1 alpha-2
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

// Evidence is the sentence an event was coded from, in rune offsets into Body,
// and the trigger word in it (the verb or noun that names the event).
type Evidence struct {
	Sentence string   `json:"sentence"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Trigger  *Mention `json:"trigger,omitempty"`
}

// Event is one coded happening: who did what to whom, where and when.
type Event struct {
	Type   string `json:"type"` // PLOVER event type
	Mode   string `json:"mode"`
	CAMEO  string `json:"cameo,omitempty"`
	Source Actor  `json:"source"`
	Target Actor  `json:"target"`
	// ReportedBy is who the sentence says reported the event ("X said Y
	// struck Z" codes Y struck Z, reported by X); nil when the sentence
	// tells it itself.
	ReportedBy   *Actor         `json:"reported_by,omitempty"`
	Location     *EventLocation `json:"location"`
	Date         string         `json:"date"`
	Fatalities   *int           `json:"fatalities"`
	Injured      *int           `json:"injured,omitempty"`
	ClaimedBy    string         `json:"claimed_by"`
	Negated      bool           `json:"negated,omitempty"`
	Hypothetical bool           `json:"hypothetical,omitempty"`
	Evidence     Evidence       `json:"evidence"`
	More         []Evidence     `json:"more_evidence,omitempty"`
	Confidence   float64        `json:"confidence"`
}

// ComputeID returns a stable id from the article's identity: its URL when it
// has one, else its headline and body. The same article ingested twice gets
// the same id.
func ComputeID(a *Article) string {
	h := sha256.New()
	if a.URL != "" {
		h.Write([]byte("url\x00" + strings.TrimSpace(a.URL)))
	} else {
		h.Write([]byte("text\x00" + normalize(a.Headline) + "\x00" + normalize(a.Body)))
	}
	return hex.EncodeToString(h.Sum(nil))[:20]
}

func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }

// Normalize makes nil slices empty so the JSON always carries [] rather than
// null for the list fields, and fills defaults. Stages call it freely.
func (a *Article) Normalize() {
	if a.Boilerplate == nil {
		a.Boilerplate = []Boilerplate{}
	}
	if a.Topics == nil {
		a.Topics = []Topic{}
	}
	if a.Entities == nil {
		a.Entities = []Entity{}
	}
	if a.Places == nil {
		a.Places = []Place{}
	}
	if a.Dates == nil {
		a.Dates = []Timex{}
	}
	if a.Events == nil {
		a.Events = []Event{}
	}
	if a.Published.How == "" {
		a.Published.How = DateUnknown
	}
	for i := range a.Entities {
		if a.Entities[i].Aliases == nil {
			a.Entities[i].Aliases = []string{}
		}
		if a.Entities[i].Mentions == nil {
			a.Entities[i].Mentions = []Mention{}
		}
	}
	for i := range a.Places {
		if a.Places[i].Mentions == nil {
			a.Places[i].Mentions = []Mention{}
		}
	}
}

// RuneSlice returns body[start:end] in rune offsets; it clamps bad offsets.
func RuneSlice(s string, start, end int) string {
	if start < 0 {
		start = 0
	}
	n := utf8.RuneCountInString(s)
	if end > n {
		end = n
	}
	if start >= end {
		return ""
	}
	r := []rune(s)
	return string(r[start:end])
}
