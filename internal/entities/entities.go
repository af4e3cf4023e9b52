// Package entities is the entities stage: it tags the names in an article's
// Body with a NER tagger (internal/entities/ner, behind the Tagger
// interface), merges the names that refer to one real-world thing into one
// entity ("President Barack Obama", "Barack Obama" and "Obama"; "Islamic
// State", "ISIL" and "ISIS"; "Asia-Pacific Economic Cooperation (APEC)" and
// "APEC") and reads each actor's country (ISO alpha-3) and CAMEO-style role
// from titles and nationality in context ("Russian Prime Minister Dmitry
// Medvedev" -> RUS GOV).
//
// Merging is general first: the same name, person-name containment (surname
// and partial names, titles stripped, "al-" ignored), parenthesised
// acronyms ("X (ABC)" and "ABC (X)") and initialisms of multiword names.
// A small alias table written here (aliases.go) covers the conflict actors
// and international bodies every desk meets. Attributes (exported) reads a
// noun phrase for the events coder.
//
// It does not tag (ner does), resolve places to coordinates (geo does), or
// look outside Body: the headline and captions are not the article, and all
// offsets are rune offsets into Body.
package entities

import (
	"context"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/article"
	"sitrep/internal/country"
	"sitrep/internal/entities/ner"
	"sitrep/internal/nlp"
)

// Tagger tags the words of one sentence with BIO tags (B-PER, I-ORG, O...),
// one per word. *ner.Tagger implements it. It must be safe for concurrent
// use.
type Tagger interface {
	Tag(words []string) []string
}

// DocumentTagger is a Tagger that does better given the whole article at
// once: *ner.Tagger uses what it concluded about a word elsewhere in the
// document (0.916 F1 on CoNLL-2003 dev against 0.896 sentence by sentence).
type DocumentTagger interface {
	TagDocument(sents [][]string) [][]string
}

// Stage is the entities stage. It is safe for concurrent use when its
// Tagger is.
type Stage struct {
	tagger Tagger
}

// New returns the stage with the given tagger.
func New(t Tagger) *Stage { return &Stage{tagger: t} }

// NewDefault returns the stage with the shipped NER model.
func NewDefault() (*Stage, error) {
	t, err := ner.Default()
	if err != nil {
		return nil, err
	}
	return New(t), nil
}

// Name implements analyze.Stage.
func (*Stage) Name() string { return "entities" }

// Apply implements analyze.Stage: it fills a.Entities from a.Body.
func (s *Stage) Apply(ctx context.Context, a *article.Article) error {
	ents, err := s.Extract(ctx, a.Body)
	if err != nil {
		return err
	}
	a.Entities = ents
	return nil
}

var typeOf = map[string]string{"PER": article.Person, "ORG": article.Organization, "LOC": article.Location, "MISC": article.Misc}

// mention is one name occurrence.
type mention struct {
	start, end int // rune offsets into the body
	text       string
	typ        string
	sent       int // sentence index
	t0, t1     int // body token range of the name
	c0         int // first body token of the name's pre-modifier context (c0 <= t0)
	known      int // alias table index, -1 when not in the table
	forcePER   bool
}

// doc is one article being analysed.
type doc struct {
	body     []rune
	toks     []nlp.Token
	sent     []int       // sentence index of each token
	sents    [][2]int    // token range of each sentence
	ms       []mention   // every mention, in text order
	nameEnds map[int]int // token end -> mention, of names that are not persons or countries
}

// Extract finds the entities in body. It returns ctx.Err() when cancelled.
func (s *Stage) Extract(ctx context.Context, body string) ([]article.Entity, error) {
	d := &doc{body: []rune(body), toks: splitClitics(nlp.Tokenize(body))}
	d.sent = make([]int, len(d.toks))
	ti := 0
	for si, sp := range nlp.Sentences(body) {
		for ti < len(d.toks) && d.toks[ti].Start < sp.Start {
			d.sent[ti] = max(0, si-1)
			ti++
		}
		t0 := ti
		for ti < len(d.toks) && d.toks[ti].End <= sp.End {
			d.sent[ti] = si
			ti++
		}
		d.sents = append(d.sents, [2]int{t0, ti})
	}
	words := make([][]string, len(d.sents))
	for si, sr := range d.sents {
		words[si] = make([]string, sr[1]-sr[0])
		for i := range words[si] {
			words[si][i] = d.toks[sr[0]+i].Text
		}
	}
	var docTags [][]string
	if dt, ok := s.tagger.(DocumentTagger); ok {
		docTags = dt.TagDocument(words)
	}
	for si, sr := range d.sents {
		if si%32 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		var tags []string
		switch {
		case len(docTags) == len(words):
			tags = docTags[si]
		case s.tagger != nil:
			tags = s.tagger.Tag(words[si])
		}
		d.tagSentence(tags, si, sr[0], sr[1])
	}
	d.parentheticals()
	sort.SliceStable(d.ms, func(i, j int) bool { return d.ms[i].start < d.ms[j].start })
	return d.entities(), nil
}

// splitClitics splits "Obama's" into "Obama" and "'s", and "don't" into
// "do" and "n't", as CoNLL-2003 (the tagger's training data) tokenizes.
func splitClitics(toks []nlp.Token) []nlp.Token {
	out := toks[:0:0]
	for _, t := range toks {
		n := utf8.RuneCountInString(t.Text)
		cut := 0
		switch {
		case n > 2 && (strings.HasSuffix(t.Text, "'s") || strings.HasSuffix(t.Text, "’s") ||
			strings.HasSuffix(t.Text, "'S") || strings.HasSuffix(t.Text, "’S")):
			cut = 2
		case n > 3 && (strings.HasSuffix(t.Text, "n't") || strings.HasSuffix(t.Text, "n’t")):
			cut = 3
		}
		if cut == 0 {
			out = append(out, t)
			continue
		}
		head := string([]rune(t.Text)[:n-cut])
		tail := string([]rune(t.Text)[n-cut:])
		out = append(out, nlp.Token{Text: head, Start: t.Start, End: t.End - cut}, nlp.Token{Text: tail, Start: t.End - cut, End: t.End})
	}
	return out
}

// tagSentence records the names in body tokens [t0, t1), sentence si,
// given the tagger's tags for them (nil: the alias table only).
func (d *doc) tagSentence(tags []string, si, t0, t1 int) {
	if t0 >= t1 {
		return
	}
	var found []mention
	if len(tags) == t1-t0 {
		for _, sp := range ner.Spans(tags) {
			if typeOf[sp.Type] == "" {
				continue // a tag set this stage does not know
			}
			for _, piece := range d.splitSpan(t0+sp.Start, t0+sp.End) {
				if m, ok := d.clean(si, piece[0], piece[1], typeOf[sp.Type]); ok {
					found = append(found, m)
				}
			}
		}
	}
	// Alias-table names the tagger missed or cut short.
	for i := t0; i < t1; i++ {
		maxN := aliasFirst[normKey(d.toks[i].Text)]
		if maxN == 0 {
			continue
		}
		for n := min(maxN, t1-i); n >= 1; n-- {
			if !hasLetterOrDigit(d.toks[i+n-1].Text) {
				continue
			}
			surface := string(d.body[d.toks[i].Start:d.toks[i+n-1].End])
			k, ok := aliasIndex[normKey(surface)]
			if !ok || !aliasCaseOK(surface, knownActors[k]) || !(isCapitalized(surface) || isExactAlias(surface, knownActors[k])) {
				continue
			}
			m := mention{start: d.toks[i].Start, end: d.toks[i+n-1].End, text: surface, typ: knownActors[k].Type,
				sent: si, t0: i, t1: i + n, c0: d.context(i), known: k}
			keep := true
			for j := 0; j < len(found); j++ {
				f := found[j]
				if f.t0 < m.t1 && m.t0 < f.t1 {
					if m.t0 <= f.t0 && f.t1 <= m.t1 {
						found = append(found[:j], found[j+1:]...)
						j--
					} else {
						keep = false
					}
				}
			}
			if keep {
				found = append(found, m)
			}
			i += n - 1
			break
		}
	}
	d.ms = append(d.ms, found...)
}

// connectors are the lower-case words a name may hold: "Council on
// Foreign Relations", "Bashar al-Assad", "Ludwig van Beethoven".
var connectors = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true, "in": true,
	"de": true, "da": true, "del": true, "della": true, "di": true, "du": true, "des": true, "la": true,
	"le": true, "van": true, "von": true, "der": true, "den": true, "bin": true, "ibn": true, "bint": true,
	"al": true, "el": true, "y": true, "e": true, "do": true, "dos": true, "das": true, "&": true}

// splitSpan cuts a tagged span at words no name holds — lower-case words
// other than connectors, a possessive 's, a comma — which a tagger's
// decoding sometimes runs across ("Sharm al-Sheikh resort to St
// Petersburg", "West 's attitude towards Russia"). Connectors at the edges
// of a piece are dropped.
func (d *doc) splitSpan(t0, t1 int) [][2]int {
	var out [][2]int
	emit := func(a, b int) {
		for a < b && connectors[d.toks[a].Text] {
			a++
		}
		for b > a && connectors[d.toks[b-1].Text] {
			b--
		}
		if a < b {
			out = append(out, [2]int{a, b})
		}
	}
	start := t0
	for i := t0; i < t1; i++ {
		if d.breaksName(d.toks[i].Text) {
			emit(start, i)
			start = i + 1
		}
	}
	emit(start, t1)
	return out
}

func (d *doc) breaksName(w string) bool {
	switch w {
	case "'s", "’s", ",", ";", "\"", "“", "”":
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) || connectors[w] {
		return false
	}
	// "al-Sheikh", "iPhone", "eBay": a capital inside keeps the word
	return !strings.ContainsFunc(w, unicode.IsUpper)
}

// honorifics are stripped from person names and carry no role.
var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "sir": true,
	"dame": true, "lord": true, "lady": true, "sheikh": true, "rev": true, "mr.": true, "mrs.": true, "ms.": true, "dr.": true}

// modifiers may sit among titles in a pre-modifier: "former U.S. Secretary of State".
var modifiers = map[string]bool{"senior": true, "former": true, "acting": true, "deputy": true, "top": true,
	"foreign": true, "interior": true, "defence": true, "defense": true, "prime": true, "vice": true, "then": true,
	"state": true, "national": true, "interim": true, "chief": true, "military": true, "opposition": true,
	"rebel": true, "of": true, "general": true, "gen.": true, "gen": true, "lt.": true, "col.": true, "maj.": true,
	"brig.": true, "adm.": true, "sgt.": true, "capt.": true, "sen.": true, "rep.": true, "gov.": true, "pres.": true,
	"finance": true, "economy": true, "justice": true, "health": true, "security": true, "intelligence": true,
	"army": true, "police": true, "air": true, "supreme": true, "grand": true, "crown": true, "new": true}

// isTitleWord reports a title, honorific or role word ("President", "Mr",
// "Prime", "rebel").
func isTitleWord(w string) bool {
	lw := strings.ToLower(w)
	_, ok := roleWords[lw]
	return ok || honorifics[lw] || modifiers[lw]
}

// isContextWord reports a word of a pre-modifier: a title word or a
// country name or demonym.
func isContextWord(w string) bool {
	lw := strings.ToLower(w)
	if _, ok := roleWords[lw]; ok {
		return true
	}
	if honorifics[lw] || modifiers[lw] {
		return true
	}
	if !isCapitalized(w) {
		return false
	}
	p := trimPossessive(w)
	if !countryWordOK(p) {
		return false
	}
	_, ok := country.Default().Lookup(p)
	return ok
}

// countryBefore returns n > 1 when the n tokens before c name a country
// or nationality ("New Zealand", "South Korean", "United States"), else 0.
func (d *doc) countryBefore(c int) int {
	ix := country.Default()
	for n := 3; n >= 2; n-- {
		if c-n < 0 || !isCapitalized(d.toks[c-n].Text) {
			continue
		}
		p := trimPossessive(string(d.body[d.toks[c-n].Start:d.toks[c-1].End]))
		if _, ok := ix.Lookup(p); ok {
			return n
		}
	}
	return 0
}

// context returns the first token of the pre-modifier before token t0: the
// titles, nationality and modifiers directly in front of a name.
func (d *doc) context(t0 int) int {
	c := t0
	for c > 0 && t0-c < 7 && d.sent[c-1] == d.sent[t0] {
		w := d.toks[c-1].Text
		// a country or demonym of two or three words: "New Zealand", "South Korean"
		if n := d.countryBefore(c); n > 0 && d.sent[c-n] == d.sent[t0] {
			c -= n
			continue
		}
		if isContextWord(w) {
			c--
			continue
		}
		// "Britain 's Foreign Secretary": a possessive country
		if c > 1 && (w == "'s" || w == "’s") && d.sent[c-2] == d.sent[t0] && isCapitalized(d.toks[c-2].Text) && isCountryish(d.toks[c-2].Text) {
			c -= 2
			continue
		}
		break
	}
	// a lone "of" at the front ("Secretary of State" is fine, "of President" is not)
	for c < t0 && strings.EqualFold(d.toks[c].Text, "of") {
		c++
	}
	return c
}

// clean trims a tagged span to the name: leading articles, and titles and
// nationality the tagger took into a person's name; trailing punctuation
// and possessives.
func (d *doc) clean(si, t0, t1 int, typ string) (mention, bool) {
	for t0 < t1 && !hasLetterOrDigit(d.toks[t0].Text) {
		t0++
	}
	for t1 > t0 && !hasLetterOrDigit(d.toks[t1-1].Text) {
		t1--
	}
	for t0 < t1-1 && (d.toks[t0].Text == "the" || d.toks[t0].Text == "The") {
		t0++
	}
	if typ == article.Person {
		// "President", "Mr", and a nationality before a title ("Syrian
		// President"), but not a first name that is also a country ("Jordan").
		for t0 < t1-1 && (isTitleWord(d.toks[t0].Text) || isContextWord(d.toks[t0].Text) && isTitleWord(d.toks[t0+1].Text)) {
			t0++
		}
	}
	if t0 >= t1 {
		return mention{}, false
	}
	start, end := d.toks[t0].Start, d.toks[t1-1].End
	last := d.toks[t1-1].Text
	if p := trimPossessive(last); p != last {
		end -= utf8.RuneCountInString(last) - utf8.RuneCountInString(p)
	}
	if end <= start {
		return mention{}, false
	}
	text := string(d.body[start:end])
	known := -1
	if k, ok := aliasIndex[normKey(text)]; ok && aliasCaseOK(text, knownActors[k]) {
		known = k
	}
	return mention{start: start, end: end, text: text, typ: typ, sent: si, t0: t0, t1: t1, c0: d.context(t0), known: known}, true
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// parentheticals adds the acronym or full name in brackets after a name as
// a mention when the tagger missed it: "Asia-Pacific Economic Cooperation
// (APEC)", "ISIL (Islamic State)". The link itself is made in entities.
func (d *doc) parentheticals() {
	n := len(d.ms)
	for i := 0; i < n; i++ {
		m := d.ms[i]
		ti := m.t1
		if ti+2 >= len(d.toks) || d.toks[ti].Text != "(" {
			continue
		}
		j := ti + 1
		for j < len(d.toks) && j-ti <= 8 && d.toks[j].Text != ")" {
			j++
		}
		if j >= len(d.toks) || d.toks[j].Text != ")" || j == ti+1 {
			continue
		}
		start, end := d.toks[ti+1].Start, d.toks[j-1].End
		exists := false
		for _, o := range d.ms {
			if o.start == start && o.end == end {
				exists = true
			}
		}
		inner := string(d.body[start:end])
		if exists || !isCapitalized(inner) {
			continue
		}
		known := -1
		if k, ok := aliasIndex[normKey(inner)]; ok && aliasCaseOK(inner, knownActors[k]) {
			known = k
		}
		if !(isAcronym(inner) || isAcronym(m.text) || known >= 0) {
			continue
		}
		d.ms = append(d.ms, mention{start: start, end: end, text: inner, typ: m.typ, sent: m.sent,
			t0: ti + 1, t1: j, c0: ti + 1, known: known})
	}
}

// isAcronym reports a name in capitals: "APEC", "ISIL", "U.N.", "G20".
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '-' || unicode.IsDigit(r):
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 8
}

var initialismSkip = map[string]bool{"of": true, "the": true, "and": true, "for": true, "in": true, "on": true,
	"de": true, "al": true, "&": true}

// initialisms returns the acronyms a multiword name may go by: initials of
// its capitalised words, with hyphenated words split or not
// ("Asia-Pacific Economic Cooperation" -> APEC, AEC).
func initialisms(name string) []string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return nil
	}
	var split, whole strings.Builder
	for _, w := range words {
		if initialismSkip[strings.ToLower(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		whole.WriteRune(unicode.ToUpper(r))
		for _, part := range strings.Split(w, "-") {
			if pr, _ := utf8.DecodeRuneInString(part); part != "" && !initialismSkip[strings.ToLower(part)] {
				split.WriteRune(unicode.ToUpper(pr))
			}
		}
	}
	return []string{split.String(), whole.String()}
}

func allUpper(s string) bool {
	return strings.ToUpper(s) == s && strings.ToLower(s) != s
}

func acronymKey(s string) string {
	return strings.ToUpper(strings.NewReplacer(".", "", "-", "").Replace(s))
}

// personTokens are the comparable parts of a person's name: lower case,
// "al-"/"el-" prefixes dropped ("Bashar al-Assad" -> bashar, assad).
func personTokens(name string) []string {
	var out []string
	for _, w := range strings.Fields(name) {
		lw := strings.ToLower(w)
		for _, p := range []string{"al-", "el-", "ad-", "as-", "ash-"} {
			if strings.HasPrefix(lw, p) && len(lw) > len(p)+1 {
				lw = lw[len(p):]
				break
			}
		}
		if lw == "al" || lw == "el" {
			continue
		}
		out = append(out, lw)
	}
	return out
}

// subsequence reports whether every part of short occurs in long in order
// and the last parts agree (a surname, or the full name).
func subsequence(short, long []string) bool {
	if len(short) == 0 || len(short) > len(long) || short[len(short)-1] != long[len(long)-1] {
		return false
	}
	j := 0
	for _, w := range long {
		if j < len(short) && short[j] == w {
			j++
		}
	}
	return j == len(short)
}

type unionFind []int

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

// union joins two groups; the smaller root (earlier mention) stays root.
func (u unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	u[rb] = ra
}

func (d *doc) entities() []article.Entity {
	ms := d.ms
	d.nameEnds = map[int]int{}
	for i, m := range ms {
		if m.typ != article.Person && !isCountryish(m.text) {
			d.nameEnds[m.t1] = i
		}
	}
	uf := make(unionFind, len(ms))
	for i := range uf {
		uf[i] = i
	}
	ix := country.Default()
	// 1. the same name, and the same alias-table actor
	byKey := map[string]int{}
	byKnown := map[int]int{}
	for i, m := range ms {
		k := normKey(m.text)
		if j, ok := byKey[k]; ok {
			uf.union(i, j)
		} else {
			byKey[k] = i
		}
		if m.known >= 0 {
			if j, ok := byKnown[m.known]; ok {
				uf.union(i, j)
			} else {
				byKnown[m.known] = i
			}
		}
	}
	// 1b. a country by any of its names: "U.S.", "United States", "America"
	byCountry := map[string]int{}
	for i, m := range ms {
		if m.typ == article.Person || m.known >= 0 {
			continue
		}
		if c, ok := ix.ByName(m.text); ok {
			if j, ok := byCountry[c.Alpha3]; ok {
				uf.union(i, j)
			} else {
				byCountry[c.Alpha3] = i
			}
		}
	}
	// 2. parenthesised names: "X (ABC)" and "ABC (X)"
	byT0 := map[int][]int{}
	for j, m := range ms {
		byT0[m.t0] = append(byT0[m.t0], j)
	}
	for i := range ms {
		if ms[i].t1 >= len(d.toks) || d.toks[ms[i].t1].Text != "(" {
			continue
		}
		for _, j := range byT0[ms[i].t1+1] {
			if ms[j].t1 < len(d.toks) && d.toks[ms[j].t1].Text == ")" {
				if isAcronym(ms[i].text) != isAcronym(ms[j].text) || (ms[i].known >= 0 && ms[i].known == ms[j].known) {
					uf.union(i, j)
				}
			}
		}
	}
	// 3. initialisms of multiword names
	inits := map[string][]int{}
	for i, m := range ms {
		if m.typ != article.Person {
			for _, a := range initialisms(m.text) {
				inits[a] = append(inits[a], i)
			}
		}
	}
	for i, m := range ms {
		if isAcronym(m.text) {
			if js := inits[acronymKey(m.text)]; len(js) > 0 {
				uf.union(i, js[0])
			}
		}
	}
	// 4. persons: partial names join the fullest name containing them; when
	// two people share a surname, the one mentioned last before.
	ptoks := make([][]string, len(ms))
	for i, m := range ms {
		ptoks[i] = personTokens(m.text)
	}
	for i, m := range ms {
		if len(ptoks[i]) == 0 {
			continue
		}
		single := len(ptoks[i]) == 1
		if m.typ != article.Person && !(single && m.known < 0 && !isCountryish(m.text)) {
			continue
		}
		best := -1
		for j, o := range ms {
			if j == i || o.typ != article.Person || len(ptoks[j]) <= len(ptoks[i]) || !subsequence(ptoks[i], ptoks[j]) {
				continue
			}
			if best < 0 || (o.start < m.start && (ms[best].start > m.start || o.start > ms[best].start)) {
				best = j
			}
		}
		if best >= 0 {
			uf.union(i, best)
			d.ms[i].forcePER = true
		}
	}
	// Collect groups in order of first mention.
	groups := map[int][]int{}
	var roots []int
	for i := range ms {
		r := uf.find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	sort.Slice(roots, func(a, b int) bool { return ms[groups[roots[a]][0]].start < ms[groups[roots[b]][0]].start })
	out := []article.Entity{}
	for _, r := range roots {
		if e, ok := d.entity(groups[r], ix); ok {
			out = append(out, e)
		}
	}
	return out
}

func isCountryish(s string) bool {
	ix := country.Default()
	if _, ok := ix.Lookup(s); ok {
		return true
	}
	_, ok := ix.ByCapital(s)
	return ok
}

// geoHeads are the capitalised head nouns of place names.
var geoHeads = map[string]bool{"Peninsula": true, "Sea": true, "River": true, "Mountains": true, "Mountain": true,
	"Valley": true, "Island": true, "Islands": true, "Gulf": true, "Strait": true, "Straits": true, "Desert": true,
	"Lake": true, "Province": true, "Governorate": true, "Heights": true, "Plateau": true, "Basin": true,
	"Ocean": true, "Bay": true, "Coast": true, "Delta": true, "Hills": true, "Canal": true}

// aircraftWords are the nouns an airline or aircraft maker names: "the
// Metrojet plane", "an EgyptAir flight".
var aircraftWords = map[string]bool{"plane": true, "planes": true, "airliner": true, "airliners": true,
	"flight": true, "flights": true, "jet": true, "jetliner": true, "aircraft": true, "helicopter": true}

var typeRank = map[string]int{article.Person: 4, article.Organization: 3, article.Location: 2, article.Misc: 1}

func (d *doc) entity(idx []int, ix *country.Index) (article.Entity, bool) {
	ms := d.ms
	known := -1
	votes := map[string]int{}
	for _, i := range idx {
		if ms[i].known >= 0 && known < 0 {
			known = ms[i].known
		}
		if ms[i].forcePER {
			votes[article.Person] += 100
		}
		votes[ms[i].typ]++
	}
	typ := ""
	for t, v := range votes {
		if typ == "" || v > votes[typ] || v == votes[typ] && typeRank[t] > typeRank[typ] {
			typ = t
		}
	}
	e := article.Entity{Type: typ, Aliases: []string{}, Mentions: []article.Mention{}}
	seen := map[string]bool{}
	addAlias := func(s string) {
		if !seen[s] {
			seen[s] = true
			e.Aliases = append(e.Aliases, s)
		}
	}
	lastEnd := -1
	for _, i := range idx {
		m := ms[i]
		if m.start < lastEnd {
			continue // overlapping duplicate
		}
		lastEnd = m.end
		e.Mentions = append(e.Mentions, article.Mention{Start: m.start, End: m.end, Text: m.text})
		addAlias(m.text)
		if typ == article.Person {
			// the titled form is a surface form too: "President Barack Obama"
			ts := m.t0
			capTitle := func(i int) bool { return isCapitalized(d.toks[i].Text) && isTitleWord(d.toks[i].Text) }
			for ts > m.c0 && (capTitle(ts-1) || ts-1 > m.c0 && d.toks[ts-1].Text == "of" && capTitle(ts-2) && ts < m.t0) {
				ts--
			}
			if ts < m.t0 {
				addAlias(string(d.body[d.toks[ts].Start:m.end]))
			}
		}
		// the fullest form: most words, then longest, never an acronym over a name
		if e.Name == "" || better(m.text, e.Name) {
			e.Name = m.text
		}
	}
	if known >= 0 {
		a := knownActors[known]
		e.Name, e.Type, e.Country, e.Role = a.Name, a.Type, a.Country, a.Role
		addAlias(a.Name)
		for _, al := range a.Aliases {
			addAlias(al)
		}
	}
	if e.Name == "" {
		return e, false
	}
	if e.Type != article.Person && known < 0 {
		// A country is a LOCATION whatever the tagger said of its short
		// form ("U.S." merged with "United States").
		for _, m := range e.Mentions {
			if c, ok := ix.ByName(m.Text); ok {
				e.Type, e.Country = article.Location, c.Alpha3
				break
			}
		}
		// Demonyms ("Russian") are attributes, not things.
		if e.Type != article.Location || e.Country == "" {
			if _, ok := ix.ByDemonym(e.Name); ok {
				return e, false
			}
		}
	}
	if known < 0 && e.Type != article.Person && e.Type != article.Location {
		// "Sinai Peninsula", "Red Sea", "Golan Heights": a geographic head
		// noun makes a place whatever the tagger said.
		if f := strings.Fields(e.Name); len(f) > 1 && geoHeads[f[len(f)-1]] {
			e.Type = article.Location
		}
	}
	if known < 0 && e.Type == article.Misc && !strings.ContainsFunc(e.Name, unicode.IsDigit) {
		// "the Metrojet plane", "an EgyptAir flight": a name operating an
		// aircraft is an airline (or a maker, also a company), not a
		// miscellaneous name; model numbers ("Airbus A321") stay MISC.
		for _, i := range idx {
			if t := ms[i].t1; t < len(d.toks) && aircraftWords[strings.ToLower(d.toks[t].Text)] {
				e.Type, e.Role = article.Organization, BUS
				break
			}
		}
	}
	if known < 0 {
		d.attributes(&e, idx, ix)
	}
	return e, true
}

func better(a, b string) bool {
	if isAcronym(a) != isAcronym(b) {
		return isAcronym(b)
	}
	if ua, ub := allUpper(a), allUpper(b); ua != ub {
		return ub // "World Cup" over a headline's "WORLD CUP"
	}
	wa, wb := len(strings.Fields(a)), len(strings.Fields(b))
	if wa != wb {
		return wa > wb
	}
	return utf8.RuneCountInString(a) > utf8.RuneCountInString(b)
}

// attributes fills an entity's country and role: from the pre-modifier of
// its mentions ("Syrian President ..."), an appositive ("..., a Russian
// airline,"), for organisations from their own name ("Syrian Army"), for
// places from the country they are or whose capital they are, and for a
// titled person with no nationality stated, the nearest country named in
// the sentence of that title.
func (d *doc) attributes(e *article.Entity, idx []int, ix *country.Index) {
	setC := func(c string) {
		if e.Country == "" {
			e.Country = c
		}
	}
	setR := func(r string) {
		if e.Role == "" {
			e.Role = r
		}
	}
	if e.Type == article.Location {
		if e.Country != "" {
			return
		}
		if c, ok := ix.ByName(e.Name); ok {
			e.Country = c.Alpha3
		} else if c, ok := ix.ByCapital(e.Name); ok {
			e.Country = c.Alpha3
		}
		return
	}
	titled := -1
	for _, i := range idx {
		m := d.ms[i]
		words := d.words(m.c0, m.t0)
		c, r, strong := attributesStrong(words)
		if e.Type != article.Person {
			// An organisation's own name: any nationality in it ("Syrian
			// Army"), and a role only from its head noun ("Army"; the word
			// before "of" in "Ministry of Defence").
			nw := d.words(m.t0, m.t1)
			nc, _ := attributes(nw)
			if c == "" {
				c = nc
			}
			if rw, ok := roleWords[strings.ToLower(headNoun(nw))]; ok && rw.strong && (r == "" || !strong) {
				r, strong = rw.role, true
			}
			if centralBank(nw) {
				r = GOV // "Bank of England", "Central Bank of Nigeria", "Reserve Bank"
			}
		}
		if org := d.followsName(m.c0); r != "" && !strong && e.Type == article.Person && org != nil {
			// "Ericsson spokesman Per Zetterquist": a position in a named
			// organisation says nothing of the government; in a known one
			// it takes that actor's ("White House spokesman" -> USA GOV).
			r = ""
			if org.known >= 0 {
				a := knownActors[org.known]
				r = a.Role
				if c == "" {
					c = a.Country
				}
			}
		}
		if c == "" && r == "" {
			c, r = d.appositive(m)
		}
		setC(c)
		setR(r)
		if r != "" && titled < 0 {
			titled = i
		}
	}
	if e.Type == article.Person && e.Country == "" && titled >= 0 && politicalRoles[e.Role] {
		setC(d.nearestCountry(d.ms[titled]))
	}
}

// headNoun returns the head of a name: its last word, or the last before
// "of" ("Ministry of Defence" -> Ministry).
func headNoun(words []string) string {
	for i, w := range words {
		if w == "of" && i > 0 {
			return words[i-1]
		}
	}
	if len(words) == 0 {
		return ""
	}
	return words[len(words)-1]
}

// centralBank reports a state's bank: "Central Bank", "Reserve Bank of
// India", "Bank of England" (of a country).
func centralBank(words []string) bool {
	for i, w := range words {
		lw := strings.ToLower(w)
		if lw != "bank" {
			continue
		}
		if i > 0 && (strings.EqualFold(words[i-1], "central") || strings.EqualFold(words[i-1], "reserve") || strings.EqualFold(words[i-1], "national")) {
			return true
		}
		if i+2 < len(words) && words[i+1] == "of" && isCountryish(strings.Join(words[i+2:], " ")) {
			return true
		}
	}
	return false
}

// politicalRoles are the roles whose holders news names by the country
// they serve: only they take a nationality from the sentence around them.
var politicalRoles = map[string]bool{GOV: true, MIL: true, LEG: true, OPP: true, REB: true, COP: true, JUD: true}

// followsName reports whether token t-1 ends a tagged name that is not a
// country ("Ericsson" in "Ericsson spokesman").
// followsName returns the name (not a person or country) that ends at token
// t ("Ericsson" in "Ericsson spokesman"), or nil.
func (d *doc) followsName(t int) *mention {
	if i, ok := d.nameEnds[t]; ok {
		return &d.ms[i]
	}
	return nil
}

func (d *doc) words(t0, t1 int) []string {
	out := make([]string, 0, t1-t0)
	for i := t0; i < t1; i++ {
		out = append(out, d.toks[i].Text)
	}
	return out
}

// appositive reads ", a Russian airline," after a mention; it counts only
// when it names a role.
func (d *doc) appositive(m mention) (string, string) {
	i := m.t1
	if i >= len(d.toks) || d.toks[i].Text != "," {
		return "", ""
	}
	j := i + 1
	for j < len(d.toks) && j-i <= 7 && d.sent[j] == m.sent && !strings.ContainsAny(d.toks[j].Text, ",.;:()\"“”") {
		j++
	}
	if j == i+1 || j-i > 7 {
		return "", ""
	}
	first := strings.ToLower(d.toks[i+1].Text)
	if first != "a" && first != "an" && first != "the" && !isContextWord(d.toks[i+1].Text) {
		return "", ""
	}
	c, r := attributes(d.words(i+1, j))
	if r == "" {
		return "", ""
	}
	return c, r
}

// nearestCountry returns the country named closest to a mention in its
// sentence (outside person names), or "".
func (d *doc) nearestCountry(m mention) string {
	ix := country.Default()
	sr := d.sents[m.sent]
	person := map[int]bool{}
	for _, o := range d.ms {
		if o.sent == m.sent && o.typ == article.Person {
			for t := o.t0; t < o.t1; t++ {
				person[t] = true
			}
		}
	}
	inPerson := func(t int) bool { return person[t] }
	best, bestDist := "", 1<<30
	for t := sr[0]; t < sr[1]; t++ {
		w := d.toks[t].Text
		if t >= m.t0 && t < m.t1 || !isCapitalized(w) || !countryWordOK(trimPossessive(w)) || inPerson(t) {
			continue
		}
		c, ok := ix.Lookup(trimPossessive(w))
		if !ok {
			continue
		}
		dist := m.t0 - t
		if t >= m.t1 {
			dist = t - m.t1 + 1
		}
		if dist < bestDist {
			best, bestDist = c.Alpha3, dist
		}
	}
	return best
}
