package geo

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/article"
	"sitrep/internal/geo/gazetteer"
	"sitrep/internal/nlp"
)

// Span is a toponym's rune range [Start, End) in the text, with its text.
type Span struct {
	Start, End int
	Text       string
}

// maxNameTokens bounds the length of a name the spotter tries.
const maxNameTokens = 6

// connectors may stand inside a multi-word place name ("Isle of Man",
// "Sharm al-Sheikh", "Rio de Janeiro", "Stratford-upon-Avon").
var connectors = map[string]bool{
	"of": true, "al": true, "el": true, "de": true, "du": true, "des": true, "la": true, "le": true,
	"del": true, "da": true, "do": true, "dos": true, "das": true, "upon": true, "on": true, "the": true,
	"and": true, "y": true, "ad": true, "ash": true, "as": true, "an": true, "ar": true, "az": true, "-": true, "am": true,
}

// lowerDesignators may end a name in lower case ("Idlib province").
var lowerDesignators = map[string]bool{
	"province": true, "governorate": true, "region": true, "state": true, "oblast": true, "district": true,
}

// titles before a name make it a person ("President Obama", "Mr Paris").
var titles = map[string]bool{
	"president": true, "mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "sen": true, "senator": true,
	"rep": true, "representative": true, "gov": true, "governor": true, "gen": true, "general": true, "lt": true,
	"col": true, "capt": true, "sgt": true, "king": true, "queen": true, "prince": true, "princess": true, "pope": true,
	"minister": true, "secretary": true, "judge": true, "justice": true, "chancellor": true, "premier": true,
	"sir": true, "lord": true, "lady": true, "mayor": true, "chairman": true, "officer": true, "coach": true,
	"rev": true, "father": true, "sister": true, "brother": true, "prof": true, "professor": true,
	"detective": true, "deputy": true, "sheriff": true, "trooper": true, "attorney": true, "commissioner": true,
	"sergeant": true, "captain": true, "lieutenant": true, "colonel": true, "major": true, "pastor": true,
	"bishop": true, "cardinal": true, "ayatollah": true, "imam": true, "emir": true, "sultan": true, "crown": true,
	"spokesman": true, "spokeswoman": true, "director": true, "ceo": true, "chief": true, "dean": true,
}

// followers may come after a place name without making it part of a longer
// name: titles and roles ("Texas Gov. Rick Perry", "Moscow Mayor").
var followers = map[string]bool{
	"gov": true, "governor": true, "mayor": true, "president": true, "prime": true, "minister": true, "sen": true,
	"senator": true, "rep": true, "police": true, "officials": true, "state": true, "city": true, "county": true,
	"province": true, "region": true, "army": true, "forces": true, "government": true, "authorities": true,
	"residents": true, "officers": true, "attorney": true, "secretary": true, "democrats": true, "republicans": true,
	"i": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "but": true, "and": true, "or": true,
}

// orgHeads may follow a place name that modifies an institution named
// after it ("Texas Forest Service", "Dublin Veterans Project", "U.S. Army"):
// the place is still named. Newspapers ("Washington Post") and surnames
// ("Paris Hilton") are not in the list.
var orgHeads = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`university college school schools academy department dept service services police
	fire forest county city state army navy guard national public project center centre hospital airport council
	board commission court museum library church street road avenue park chamber health medical regional
	international area community high middle elementary baptist methodist catholic presbyterian club society
	association institute federal bureau sheriff attorney senate house legislature highway patrol water electric
	power energy bank veterans republican republicans democrat democrats democratic general assembly government
	district division region province metro metropolitan zoo symphony orchestra festival fair marathon
	coast harbor harbour bay river lake valley mountain mountains island islands beach springs falls
	embassy consulate parliament congress ministry military air marine marines special forces troops
	economic authority agency office prison jail station port international capitol stadium arena`) {
		orgHeads[w] = true
	}
}

// mediaTeams after a name make it a newspaper's or a team's ("Washington
// Post", "Georgia Bulldogs"), even after a country's name.
var mediaTeams = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`post times journal herald tribune globe chronicle gazette examiner star sun
	daily news observer inquirer courier telegraph mirror express independent guardian standard record
	register bulletin dispatch press review ledger enquirer mercury statesman today
	rangers cowboys giants yankees lakers nationals senators capitals redskins jets knicks mets patriots
	united fc athletic bulldogs tech wanderers rovers`) {
		mediaTeams[w] = true
	}
}

// functionWords are capitalised at a sentence's start or in a title, and
// are no part of a name before a place ("But Paris", "The Dublin council").
var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the this that these those he she it we they you i his her its our their
	in on at by for from with about after before during under over into onto of to as but and or nor so yet if
	when while where why how what who whom which whose there here then than also just only even still now
	however meanwhile although though because since unless until despite according like unlike outside inside
	across near throughout within beyond against among between toward towards upon via per
	monday tuesday wednesday thursday friday saturday sunday
	january february march april may june july august september october november december`) {
		functionWords[w] = true
	}
}

// stoplist holds capitalised words that are place names somewhere but in
// news are nearly always something else.
var stoplist = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the this that these those he she it we they you i his her its our their
	in on at by for from with about after before during under over into onto of to as but and or nor so yet if
	when while where why how what who whom which whose there here then than also just only even still now
	however meanwhile although though because since unless until despite according
	monday tuesday wednesday thursday friday saturday sunday
	january february march april may june july august september october november december
	mr mrs ms dr sir president minister police army navy government state city county university college
	school church hospital court street road avenue north south east west northern southern eastern western central
	new old great little big many most some several all any both each every more much other another such
	one two three four five six seven eight nine ten first second third last next
	god jesus christ allah islam muslim christian jewish catholic
	obama trump clinton bush putin biden
	reuters ap afp cnn bbc
	victoria florence hope faith grace joy charity chase
	mobile reading bath nice split mercy union liberty independence freedom
	sale bar batman marks ely early bury gap march may
	says said tell told asked added news time times post daily today
	republican democrat democratic conservative liberal labour labor party
	media home house senate congress parliament council committee commission
	office department ministry agency service company group bank
	airport station port center centre park hall square bridge tower
	summit conference forum festival festival games cup league
	west east
	sen rep gov gen lt col sgt capt maj adm jan feb aug sept oct nov dec st mt ft no inc co corp ltd jr sr
	hamas hezbollah taliban isis isil nato
	christmas easter commerce metro chamber royal continental marines area give pack none titan parkway
	northwest northeast southwest southeast midtown uptown downtown
	superior day justice supreme secretary
	village villages bureau pope republic federal power human vice spring plateau creek cobra
	jack thomas kennedy mcdonald george`) {
		stoplist[w] = true
	}
}

// speechVerbs after a small town's name make it a person's ("Kristina
// said"); a capital that "said" something is metonymy and stays a place.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "recalled": true, "added": true, "explained": true,
	"asked": true, "wrote": true, "admitted": true, "insisted": true, "noted": true, "laughed": true,
}

// speakerSlot reports whether token i stands where a speaker's name does:
// at a sentence start, after a closing quote or after "and".
func speakerSlot(toks []tokenInfo, i int) bool {
	if toks[i].sentStart || i == 0 {
		return true
	}
	p := toks[i-1].Text
	return p == "”" || p == "\"" || p == "and" || p == "’"
}

// multiStop holds multi-word names that are places somewhere but in news
// nearly always something else.
var multiStop = map[string]bool{
	"white house": true, "pentagon": true, "kremlin": true, "downing street": true, "elysee": true, "elysee palace": true,
	"saint patrick": true, "saint john": true, "new year": true, "good friday": true,
	"united nations": true, "supreme court": true, "wall street journal": true, "new york times": true,
}

// shortCaps reports whether s is an all-capital word of at most 4 letters.
func shortCaps(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n <= 4
}

func contraction(w string) bool {
	for _, suf := range []string{"'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m", "'re", "’re", "n't", "n’t"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// smallPlace reports whether every reading of key is a town under 50,000
// (and none a country).
func (gc *Geocoder) smallPlace(key string) bool {
	if _, ok := gc.c.ByName(key); ok {
		return false
	}
	for _, i := range gc.g.Lookup(key) {
		e := gc.g.Entries[i]
		if e.Pop >= 50_000 || !strings.HasPrefix(e.Feature, "PPL") {
			return false
		}
	}
	return true
}

// isCap reports whether a token starts with an upper-case letter.
func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// nameWord reports whether a token can end a name: capitalised, or an
// article joined to a capitalised word ("al-Sheikh", "ez-Zor").
func nameWord(s string) bool {
	if isCap(s) {
		return true
	}
	if i := strings.IndexAny(s, "-‐"); i > 0 && i < 4 && connectors[strings.ToLower(s[:i])] {
		return isCap(s[i+1:])
	}
	return false
}

func isWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

type tokenInfo struct {
	nlp.Token
	lower     string
	sentStart bool
}

// Spot finds toponym spans in text: capitalised token sequences that name a
// place in the gazetteer or a country, with guards against person and
// organisation names. entities, when not nil, are the NER's findings: their
// LOCATION mentions are taken as they are, and their PERSON, ORGANIZATION and
// MISC mentions block the gazetteer spotter.
func (gc *Geocoder) Spot(text string, entities []article.Entity) []Span {
	toks := tokens(text)
	runes := []rune(text)
	lowerWords := map[string]bool{}
	for _, t := range toks {
		if isWord(t.Text) && !isCap(t.Text) {
			lowerWords[t.lower] = true
		}
	}
	blocked := make([]bool, len(runes)+1)
	taken := make([]bool, len(runes)+1)
	var out []Span
	for _, e := range entities {
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(runes) || m.Start >= m.End {
				continue
			}
			surface := string(runes[m.Start:m.End])
			if compass(surface) {
				continue // "the West", "the North": blocs and directions, not places
			}
			if e.Type == article.Location {
				out = append(out, Span{m.Start, m.End, surface})
				for i := m.Start; i < m.End; i++ {
					taken[i] = true
				}
				continue
			}
			if e.Type != article.Person && gc.majorPlace(gazetteer.Key(surface)) {
				// The tagger calls a city of 100,000 or more, or a country or
				// province, an organisation or misc ("the Islamic State
				// stronghold of Raqqa"): let the spotter's own guards decide.
				continue
			}
			for i := m.Start; i < m.End; i++ {
				blocked[i] = true
			}
		}
	}
	personal := map[string]bool{} // surfaces seen as part of a person's name
	type cand struct {
		i, j int // token range [i, j)
		key  string
	}
	var cands []cand
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !isWord(t.Text) || !isCap(t.Text) || blocked[t.Start] || taken[t.Start] || t.lower == "the" {
			continue
		}
		best := -1
		bestKey := ""
		for j := i + 1; j <= len(toks) && j-i <= maxNameTokens; j++ {
			last := toks[j-1]
			if j-1 > i && !(nameWord(last.Text) || connectors[last.lower] || lowerDesignators[last.lower] || last.Text == "." || last.Text == "-") {
				break
			}
			if last.Text == "." && !(j-2 >= i && abbrevDot(toks[j-2].lower)) {
				break
			}
			if j-1 > i && toks[j-1].Start-toks[j-2].End > 1 {
				break // a line break or a gap: not one name
			}
			if blocked[last.Start] || taken[last.Start] {
				break
			}
			key := gazetteer.Key(string(runes[t.Start:last.End]))
			if nameWord(last.Text) || last.Text == "." || (j-1 > i && lowerDesignators[last.lower]) {
				if gc.known(key, string(runes[t.Start:last.End])) {
					best, bestKey = j, key
				}
			}
			if j-i >= 2 && last.Text != "." && !abbrevDot(last.lower) && !gc.g.HasPrefix(key) {
				break
			}
		}
		if best < 0 {
			continue
		}
		cands = append(cands, cand{i, best, bestKey})
		i = best - 1
	}
	// guards
	for _, c := range cands {
		first, last := toks[c.i], toks[c.j-1]
		single := c.j-c.i == 1
		surface := string(runes[first.Start:last.End])
		if single && stoplist[first.lower] && !gc.isCountry(surface) || multiStop[gazetteer.Key(surface)] || compass(surface) {
			continue
		}
		if single && contraction(first.lower) {
			continue // "I've", "I'll"
		}
		if single && shortCaps(first.Text) && !gc.isCountry(surface) && !gazetteer.IsAbbrev(surface) {
			continue // "BA", "APC", "TASS": acronyms, not places
		}
		if single && lowerWords[first.lower] {
			continue // also written in lower case here: a common word
		}
		if _, ok := gc.c.ByDemonym(surface); ok && !gc.isCountry(surface) {
			continue
		}
		if c.i > 0 {
			p := toks[c.i-1]
			if titles[strings.TrimSuffix(p.lower, ".")] && isCap(p.Text) {
				personal[c.key] = true
				continue
			}
			if p.Text == "." && c.i > 1 && titles[toks[c.i-2].lower] {
				personal[c.key] = true
				continue
			}
			if p.lower == "united" && gc.isCountry(surface) {
				continue // "United Russia": a party
			}
			if isWord(p.Text) && isCap(p.Text) && !first.sentStart && !directional(p.lower) && !functionWords[p.lower] &&
				!gc.isCountry(surface) && p.End+1 >= first.Start {
				if _, ok := gc.c.ByDemonym(p.Text); !ok {
					// "Barack Obama", "Hotel Paris": part of a longer name
					if single {
						personal[c.key] = true
					}
					continue
				}
			}
		}
		if single && c.j < len(toks) && speechVerbs[toks[c.j].lower] && gc.smallPlace(c.key) && speakerSlot(toks, c.i) {
			continue // "“…,” Kristina said": a person
		}
		if (c.i > 0 && toks[c.i-1].Text == "&" || c.j < len(toks) && toks[c.j].Text == "&") && gc.smallPlace(c.key) {
			continue // "Stevens & Wilkinson": a firm
		}
		if c.j+1 < len(toks) && (toks[c.j].Text == "'s" || toks[c.j].Text == "’s") {
			n := toks[c.j+1]
			if isWord(n.Text) && isCap(n.Text) && !followers[n.lower] && !orgHeads[n.lower] && gc.smallPlace(c.key) {
				continue // "Moore's Ford": part of a longer name ("Russia's Putin" is fine)
			}
		}
		if c.j < len(toks) {
			n := toks[c.j]
			countryMod := gc.isCountry(surface) && !mediaTeams[n.lower] // "U.S. Census", "Sudan Liberation Army"
			if isWord(n.Text) && isCap(n.Text) && !followers[n.lower] && !orgHeads[n.lower] && !countryMod && n.Start <= last.End+1 && !toks[c.j].sentStart {
				if _, ok := gc.c.ByDemonym(n.Text); !ok && !gc.isCountry(n.Text) {
					if single && gc.smallPlace(c.key) && !gc.known(gazetteer.Key(n.Text), n.Text) {
						personal[c.key] = true // "Kristina Smith": a first name, here and later
					}
					continue // "Paris Hilton", "Washington Post"
				}
			}
		}
		end := last.End
		if c.j < len(toks) && toks[c.j].Text == "." && toks[c.j].Start == last.End && gazetteer.IsAbbrev(surface+".") {
			end = toks[c.j].End // "W.Va.", "Ind.": the abbreviation's own dot
			surface = string(runes[first.Start:end])
		}
		out = append(out, Span{first.Start, end, surface})
	}
	// a surface seen as part of a person's name is a person everywhere
	if len(personal) > 0 {
		kept := out[:0]
		for _, s := range out {
			if !personal[gazetteer.Key(s.Text)] {
				kept = append(kept, s)
			}
		}
		out = kept
	}
	sortSpans(out)
	return out
}

// compass reports whether a name is a bare compass word ("West", "the
// North"): in news these are blocs and directions, not the Cameroonian or
// Ugandan regions of that name.
func compass(surface string) bool {
	w := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(surface, "the "), "The "))
	switch w {
	case "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "midwest", "centre", "center", "western", "eastern":
		return true
	}
	return false
}

// majorPlace reports whether key names a country, a first-level division or
// a town of 100,000 people or more.
func (gc *Geocoder) majorPlace(key string) bool {
	if _, ok := gc.c.ByName(key); ok {
		return true
	}
	for _, i := range gc.g.Lookup(key) {
		e := gc.g.Entries[i]
		if e.Feature == "ADM1" || strings.HasPrefix(e.Feature, "PCL") || strings.HasPrefix(e.Feature, "PPL") && e.Pop >= 100_000 {
			return true
		}
	}
	return false
}

func directional(w string) bool {
	switch w {
	case "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
		"northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
		"southwestern", "upper", "lower", "greater", "downtown", "new", "old", "in", "at", "of", "from", "to":
		return true
	}
	return false
}

func abbrevDot(w string) bool {
	switch w {
	case "st", "mt", "ft", "ste", "pt":
		return true
	}
	return false
}

// known reports whether key names a place or surface names a country.
func (gc *Geocoder) known(key, surface string) bool {
	if len(gc.g.Lookup(key)) > 0 {
		return true
	}
	return gc.isCountry(surface)
}

func (gc *Geocoder) isCountry(surface string) bool {
	_, ok := gc.c.ByName(surface)
	return ok
}

func tokens(text string) []tokenInfo {
	raw := nlp.Tokenize(text)
	starts := map[int]bool{}
	for _, s := range nlp.Sentences(text) {
		starts[s.Start] = true
	}
	// split possessives: "Georgia's" -> "Georgia" "'s"
	split := make([]nlp.Token, 0, len(raw))
	for _, t := range raw {
		if n := len(t.Text); n > 3 && (strings.HasSuffix(t.Text, "'s") || strings.HasSuffix(t.Text, "’s")) {
			cut := strings.LastIndexAny(t.Text, "'’")
			split = append(split, nlp.Token{Text: t.Text[:cut], Start: t.Start, End: t.End - 2},
				nlp.Token{Text: t.Text[cut:], Start: t.End - 2, End: t.End})
			continue
		}
		split = append(split, t)
	}
	out := make([]tokenInfo, len(split))
	prevOpen := false
	for i, t := range split {
		out[i] = tokenInfo{Token: t, lower: strings.ToLower(t.Text), sentStart: starts[t.Start] || prevOpen && i > 0 && out[i-1].sentStart}
		prevOpen = t.Text == "\"" || t.Text == "“" || t.Text == "(" || t.Text == "'"
	}
	return out
}

func sortSpans(s []Span) {
	sort.SliceStable(s, func(i, j int) bool { return s[i].Start < s[j].Start })
}
