// Package events is the events stage: it codes who did what to whom, where
// and when, from the sentences of an article's Body, as PLOVER events with
// a mode, source and target actors (name, ISO alpha-3 country, CAMEO role),
// location, date, casualties, claimed responsibility, the CAMEO code, a
// confidence and the evidence sentence with rune offsets.
//
// How: sentences are tagged and chunked (internal/events/pos); triggers are
// matched from a lexicon written here (verbs, verb+particle and verb+object
// patterns, nominal events); the subject and object of each trigger are
// found by a shallow clause analysis (coordination, relative clauses,
// passive voice with a by-phrase, reported speech, light verbs such as
// "launched air strikes"); modals, intention verbs and negation mark events
// hypothetical or negated, or turn them into PLOVER's AGREE / THREATEN /
// REJECT; and mentions of the same happening across the article are merged
// into one event with more evidence.
//
// Actors come from a.Entities and places from a.Places when the earlier
// stages found them (matched by rune offsets); otherwise the package's own
// recogniser (countries, demonyms, capitals as metonyms, titles, agent
// nouns, a small list of IGOs and armed groups) and its own date and number
// parsing stand in.
//
// It does not code headlines or captions (only Body), does not resolve
// events across articles (see stories) and codes English only.
package events

import (
	"context"
	"log/slog"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/article"
	"sitrep/internal/country"
	"sitrep/internal/events/pos"
	"sitrep/internal/nlp"
)

// Coder is the events stage. It is read-only after New and safe for
// concurrent use.
type Coder struct {
	tagger    *pos.Tagger
	countries *country.Index
	known     map[string]knownActor
	verbPats  map[string][]*pattern // by first-slot lemma
	nounPats  map[string][]*pattern // by first word (noun lemma)
	multiNoun map[string]bool       // first words of multi-word nominal triggers
	lemmas    map[string]bool
	clf       *Classifier
	gaz       *Gazetteer
	leaders   *Gazetteer // leaders.go: office holders by country, written here
	loc       *LocModel  // locmodel.go: the fitted event-location linker; nil: the hand rules
	roles     *RoleModel // rolemodel.go: the fitted source/target chooser; nil: the hand rules
	// roleTrace collects each trigger's actor candidates (training only)
	roleTrace *[]*roleChoice
}

// New returns the stage with its embedded lexicons and models. If the
// embedded tagger cannot be read the coder still works, on its lexicons
// alone, and logs why.
func New() *Coder {
	c := &Coder{countries: country.Default(), known: parseKnownActors(), leaders: leaderIndex()}
	c.compile()
	tg, err := pos.Default()
	if err != nil {
		slog.Warn("events: POS model unavailable, coding without it", "err", err)
	} else {
		c.tagger = tg
	}
	if clf, err := DefaultClassifier(); err == nil {
		c.clf = clf
	}
	if lm, err := loadLocModel(locModelJSON); err != nil {
		slog.Warn("events: location model unavailable, placing events by rule", "err", err)
	} else {
		c.loc = lm
	}
	if rm, err := loadRoleModel(roleModelJSON); err != nil {
		slog.Warn("events: role model unavailable, choosing actors by rule", "err", err)
	} else {
		c.roles = rm
	}
	return c
}

// WithLocModel returns a copy of the coder that places events with m (nil:
// by the hand rules), for training and comparing.
func (c *Coder) WithLocModel(m *LocModel) *Coder {
	cp := *c
	cp.loc = m
	return &cp
}

// NewWithGazetteer returns a coder that also asks g for the country and
// role of actors the sentence does not qualify (see LoadGazetteer).
func NewWithGazetteer(g *Gazetteer) *Coder {
	c := New()
	c.gaz = g
	return c
}

// Name implements analyze.Stage.
func (*Coder) Name() string { return "events" }

// Apply implements analyze.Stage: it codes a.Body and replaces a.Events.
func (c *Coder) Apply(ctx context.Context, a *article.Article) error {
	evs := c.Code(ctx, a)
	a.Events = evs
	return nil
}

// tok is a token of a sentence with its tags; start/end are rune offsets
// into Body.
type tok struct {
	text, low, lem string
	tag, chunk     string
	start, end     int
}

type entMention struct {
	start, end int
	ent        *article.Entity
}

type placeMention struct {
	start, end int
	text       string
	place      *article.Place
}

// sentState is the working state of one sentence.
type sentState struct {
	text    string
	start   int // rune offset of the sentence in Body
	runes   []rune
	toks    []tok
	ents    []entMention
	places  []placeMention
	reg     *registry
	units   []*unit
	unitAt  []int // token -> unit index or -1
	dates   []dateMention
	speaker *unit
	probs   *[quads]float64
}

func (st *sentState) setTokens(text string, start int) {
	st.text, st.start = text, start
	st.runes = []rune(text)
	for _, t := range nlp.Tokenize(text) {
		st.toks = append(st.toks, tok{text: t.Text, low: strings.ToLower(t.Text), start: start + t.Start, end: start + t.End})
	}
}

// join returns the sentence text covering tokens [i, j).
func (st *sentState) join(i, j int) string {
	if i >= j || i < 0 || j > len(st.toks) {
		return ""
	}
	return string(st.runes[st.toks[i].start-st.start : st.toks[j-1].end-st.start])
}

// tokRange maps rune offsets in Body to a token range, -1 if none.
func (st *sentState) tokRange(s, e int) (int, int) {
	a, b := -1, -1
	for i, t := range st.toks {
		if t.end > s && t.start < e {
			if a < 0 {
				a = i
			}
			b = i + 1
		}
	}
	return a, b
}

// discourse is the state carried from sentence to sentence.
type discourse struct {
	lastPerson *article.Actor
	lastThing  *article.Actor
	lastPlural *article.Actor
	speakerLoc map[string]*article.EventLocation
	pub        time.Time
	hasPub     bool
}

// draft is an event being built, with what merging needs.
type draft struct {
	ev            article.Event
	sent          int
	pos           int // rune offset of the trigger
	lastPos       int // latest trigger merged in
	subjNominal   bool
	dateExplicit  bool
	theme         string
	anaphoric     bool
	verbal        bool
	specificLoc   bool
	sourceSpeaker bool
	consequence   bool // a ", killing N" participle: what the attack before it did
}

// Code codes the events of a's Body.
func (c *Coder) Code(ctx context.Context, a *article.Article) []article.Event {
	body := a.Body
	if strings.TrimSpace(body) == "" {
		return []article.Event{}
	}
	reg := &registry{bySurname: map[string]*person{}}
	c.learnPeople(reg, body)
	for _, b := range a.Boilerplate {
		if b.Kind == article.KindCaption {
			c.learnPeople(reg, b.Text)
		}
	}
	for i := range a.Entities {
		e := &a.Entities[i]
		if e.Type == article.Person {
			f := strings.Fields(e.Name)
			if len(f) > 0 {
				k := surnameKey(f[len(f)-1])
				if p, ok := reg.bySurname[k]; !ok || p.country == "" {
					// the entities stage's country for a person may be only
					// the nearest country named in the sentence: the
					// gazetteer's, else none (our own rules place the
					// person from the sentence itself)
					cc, r := "", e.Role
					if c.gaz == nil {
						cc = e.Country
					}
					if gc, gr, ok := c.gaz.Full(e.Name); ok {
						cc = gc
						if r == "" {
							r = gr
						}
					} else if gc, gr, ok := c.leaders.Full(e.Name); ok {
						cc = gc
						if r == "" {
							r = gr
						}
					}
					reg.bySurname[k] = &person{full: e.Name, country: cc, role: r}
				}
			}
		}
	}
	d := &discourse{speakerLoc: map[string]*article.EventLocation{}}
	d.pub, d.hasPub = parsePublished(a.Published.Date)
	spans := nlp.Sentences(body)
	runes := []rune(body)
	var drafts []*draft
	for si, sp := range spans {
		if ctx.Err() != nil {
			break
		}
		st := c.sentence(a, sp, runes, reg, d)
		for _, dr := range c.codeSentence(st, d) {
			dr.sent = si
			drafts = append(drafts, dr)
		}
	}
	evs := c.merge(drafts, d)
	placeCoordinates(evs, a.Places)
	return evs
}

// placeCoordinates gives an event location that has no point (a capital
// read as a metonym, a locative phrase) the point of the article's place
// written the same way, in the same country when the location names one.
func placeCoordinates(evs []article.Event, places []article.Place) {
	for i := range evs {
		l := evs[i].Location
		if l == nil || l.Lat != 0 || l.Lon != 0 || l.Name == "" {
			continue
		}
	find:
		for _, p := range places {
			if l.Country != "" && p.Country != "" && p.Country != l.Country || p.Lat == 0 && p.Lon == 0 {
				continue
			}
			if strings.EqualFold(p.Name, l.Name) {
				l.Lat, l.Lon = p.Lat, p.Lon
				break
			}
			for _, m := range p.Mentions {
				if strings.EqualFold(m.Text, l.Name) {
					l.Lat, l.Lon = p.Lat, p.Lon
					if l.Country == "" {
						l.Country = p.Country
					}
					break find
				}
			}
		}
	}
}

// sentence is the working state of the sentence sp of a's Body: its tokens
// and the entities, places and dates the earlier stages found in it.
func (c *Coder) sentence(a *article.Article, sp nlp.Span, runes []rune, reg *registry, d *discourse) *sentState {
	text := string(runes[sp.Start:sp.End])
	st := &sentState{reg: reg}
	st.setTokens(text, sp.Start)
	for i := range a.Entities {
		e := &a.Entities[i]
		for _, m := range e.Mentions {
			if m.Start >= sp.Start && m.End <= sp.End {
				st.ents = append(st.ents, entMention{m.Start, m.End, e})
			}
		}
	}
	for i := range a.Places {
		p := &a.Places[i]
		for _, m := range p.Mentions {
			if m.Start >= sp.Start && m.End <= sp.End {
				st.places = append(st.places, placeMention{m.Start, m.End, m.Text, p})
			}
		}
	}
	for _, t := range a.Dates {
		if t.Start >= sp.Start && t.End <= sp.End && t.Value != "" {
			st.dates = append(st.dates, dateMention{t.Start - sp.Start, t.End - sp.Start, t.Value})
		}
	}
	for _, dm := range findDates(text, d.pub, d.hasPub) {
		dup := false
		for _, o := range st.dates {
			if dm.start < o.end && o.start < dm.end {
				dup = true
			}
		}
		if !dup {
			st.dates = append(st.dates, dm)
		}
	}
	return st
}

// CodeSentence codes one stand-alone sentence (no article context) and
// returns its events, hypothetical and negated ones included. Offsets are
// relative to the sentence. published may be "".
func (c *Coder) CodeSentence(text, published string) []article.Event {
	a := &article.Article{Body: text, Published: article.Published{Date: published}}
	return c.Code(context.Background(), a)
}

// MainEvent picks the event a one-event gold record most likely describes:
// the most confident event that is neither hypothetical nor negated, else
// the most confident one. ok is false when there is none.
func MainEvent(evs []article.Event) (article.Event, bool) {
	best := -1
	score := func(e article.Event) float64 {
		s := e.Confidence
		if e.Hypothetical || e.Negated {
			s -= 1
		}
		return s
	}
	for i, e := range evs {
		if best < 0 || score(e) > score(evs[best]) {
			best = i
		}
	}
	if best < 0 {
		return article.Event{}, false
	}
	return evs[best], true
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// WithActors returns a copy of the coder that also knows the given actor
// names (lower-case name -> country code, role code), e.g. a PETRARCH
// validation dictionary loaded for an evaluation.
func (c *Coder) WithActors(actors map[string][2]string) *Coder {
	cp := *c
	cp.known = make(map[string]knownActor, len(c.known)+len(actors))
	for k, v := range c.known {
		cp.known[k] = v
	}
	for name, code := range actors {
		disp := titleCase(name)
		cp.known[name] = knownActor{name: disp, code: code[0], role: code[1], dict: true}
	}
	return &cp
}

func titleCase(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		f[i] = string(r)
	}
	return strings.Join(f, " ")
}
