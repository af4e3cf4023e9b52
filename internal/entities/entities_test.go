package entities

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/article"
	"sitrep/internal/country"
)

// capsTagger is a test-only tagger that tags by capitalisation: runs of
// capitalised words (joined by "of" and "al-" names) are names; title words,
// weekdays, months and words the text also writes in lower case are not.
// The type comes from the shape of the run: capitals-only and words such as
// "State", "Union", "Cooperation" make an ORG, a country or capital a LOC,
// a geographic word ("Peninsula") a LOC, a run of two or more words a PER,
// any other single word an ORG (the stage fixes surnames through merging).
// It knows nothing of any particular article.
type capsTagger struct{ lower map[string]bool }

func newCapsTagger(text string) *capsTagger {
	t := &capsTagger{lower: map[string]bool{}}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			t.lower[w] = true
		}
	}
	return t
}

var capsStop = map[string]bool{"I": true, "A": true, "An": true, "The": true, "He": true, "She": true, "It": true,
	"We": true, "They": true, "If": true, "But": true, "And": true, "So": true, "That": true, "This": true,
	"However": true, "Also": true, "There": true, "Then": true, "When": true, "While": true, "After": true,
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true,
	"January": true, "February": true, "March": true, "April": true, "May": true, "June": true, "July": true,
	"August": true, "September": true, "October": true, "November": true, "December": true, "Nov.": true}

var orgWords = map[string]bool{"State": true, "Union": true, "Cooperation": true, "Nations": true, "Council": true,
	"Party": true, "Army": true, "Organization": true, "Organisation": true, "Front": true, "Ministry": true,
	"Bank": true, "Company": true, "Airlines": true, "Forces": true, "Court": true, "Agency": true}

var locWords = map[string]bool{"Peninsula": true, "Sea": true, "River": true, "Mountains": true, "Valley": true,
	"Island": true, "Gulf": true, "Strait": true, "York": true}

func (t *capsTagger) isCap(w string, initial bool) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "el-") {
		r, _ = utf8.DecodeRuneInString(w[3:])
	}
	if !unicode.IsUpper(r) || capsStop[trimPossessive(w)] {
		return false
	}
	lw := strings.ToLower(w[:1]) + w[1:]
	return !(t.lower[lw] && initial) && !capsTitles[w]
}

// capsTitles are the titles the tagger leaves out of names, as CoNLL does.
var capsTitles = map[string]bool{"President": true, "Prime": true, "Minister": true, "Mr": true, "Mrs": true,
	"Ms": true, "Dr": true, "Secretary": true, "Foreign": true, "King": true, "Queen": true, "General": true,
	"Chancellor": true, "Senator": true}

func (t *capsTagger) Tag(words []string) []string {
	tags := make([]string, len(words))
	ix := country.Default()
	for i := 0; i < len(words); {
		initial := i == 0 || strings.ContainsAny(words[i-1], "\"“'‘(")
		if !t.isCap(words[i], initial) {
			tags[i] = "O"
			i++
			continue
		}
		j := i + 1
		for j < len(words) {
			if t.isCap(words[j], false) {
				if _, isDem := ix.ByDemonym(words[j]); isDem {
					break
				}
				j++
			} else if words[j] == "of" && j+1 < len(words) && t.isCap(words[j+1], false) {
				j += 2
			} else {
				break
			}
		}
		run := words[i:j]
		typ := "PER"
		joined := strings.Join(run, " ")
		switch {
		case len(run) == 1 && isAcronym(run[0]):
			typ = "ORG"
		case isCountryish(joined):
			typ = "LOC"
		case func() bool {
			for _, w := range run {
				if orgWords[w] {
					return true
				}
			}
			return false
		}():
			typ = "ORG"
		case locWords[run[len(run)-1]]:
			typ = "LOC"
		case len(run) == 1:
			if _, ok := ix.ByDemonym(run[0]); ok {
				typ = "MISC"
			} else {
				typ = "ORG"
			}
		}
		tags[i] = "B-" + typ
		for k := i + 1; k < j; k++ {
			tags[k] = "I-" + typ
		}
		i = j
	}
	return tags
}

func extractCaps(t testing.TB, text string) []article.Entity {
	t.Helper()
	ents, err := New(newCapsTagger(text)).Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, text, ents)
	return ents
}

func checkOffsets(t testing.TB, text string, ents []article.Entity) {
	t.Helper()
	for _, e := range ents {
		for _, m := range e.Mentions {
			if got := article.RuneSlice(text, m.Start, m.End); got != m.Text {
				t.Errorf("%s: mention [%d,%d) is %q, text %q", e.Name, m.Start, m.End, got, m.Text)
			}
		}
	}
}

func find(ents []article.Entity, name string) []*article.Entity {
	var out []*article.Entity
	for i := range ents {
		e := &ents[i]
		hit := strings.EqualFold(e.Name, name)
		for _, m := range e.Mentions {
			hit = hit || strings.EqualFold(m.Text, name)
		}
		if hit {
			out = append(out, e)
		}
	}
	return out
}

func TestMerge(t *testing.T) {
	cases := []struct {
		name, text string
		forms      []string // surface forms that must be one entity
		want       string   // its name
		typ        string
	}{
		{"person with title and surname", "U.S. President Barack Obama spoke in Manila. Barack Obama left. Then Obama said it again.",
			[]string{"Barack Obama", "Obama"}, "Barack Obama", article.Person},
		{"al- prefix", "Syrian President Bashar al-Assad held on. Critics of Mr Assad protested.",
			[]string{"Bashar al-Assad", "Assad"}, "Bashar al-Assad", article.Person},
		{"parenthesised acronym after", "Leaders met at the Asia-Pacific Economic Cooperation (APEC) summit. The APEC meeting ended.",
			[]string{"Asia-Pacific Economic Cooperation", "APEC"}, "Asia-Pacific Economic Cooperation", article.Organization},
		{"full name in brackets", "He said ISIL (Islamic State) was the threat. Islamic State denied it.",
			[]string{"ISIL", "Islamic State"}, "Islamic State", article.Organization},
		{"initialism without brackets", "The Kenya Defence Forces moved north. A KDF spokesman confirmed it.",
			[]string{"Kenya Defence Forces", "KDF"}, "Kenya Defence Forces", article.Organization},
		{"parenthesised acronym unknown to the table", "The Revolutionary Armed Forces of Colombia (FARC) signed. FARC leaders said so.",
			[]string{"Revolutionary Armed Forces of Colombia", "FARC"}, "Revolutionary Armed Forces of Colombia", article.Organization},
		{"alias table: Daesh", "Daesh fighters advanced. Islamic State said it had taken the town.",
			[]string{"Daesh", "Islamic State"}, "Islamic State", article.Organization},
		{"alias table: Hizbollah", "Hizbollah fired rockets. Hezbollah later denied it.",
			[]string{"Hizbollah", "Hezbollah"}, "Hezbollah", article.Organization},
		{"alias table: al-Qaida", "Al-Qaeda claimed it. The statement from al-Qaida was posted online.",
			[]string{"Al-Qaeda", "al-Qaida"}, "al-Qaeda", article.Organization},
		{"alias table: UN", "The United Nations condemned the attack. The UN envoy flew in.",
			[]string{"United Nations", "UN"}, "United Nations", article.Organization},
		{"alias table: Houthis", "Houthis took the port. Ansar Allah said it was retreating.",
			[]string{"Houthis", "Ansar Allah"}, "Houthis", article.Organization},
		{"two-part name and surname", "Russian Prime Minister Dmitry Medvedev spoke. Medvedev said Russia could win.",
			[]string{"Dmitry Medvedev", "Medvedev"}, "Dmitry Medvedev", article.Person},
		{"country by its names", "The United States and Britain agreed. U.S. officials and America's allies met. The US said so.",
			[]string{"United States", "U.S.", "America", "US"}, "United States", article.Location},
		{"possessive", "Obama's plan failed. President Barack Obama said so.",
			[]string{"Obama", "Barack Obama"}, "Barack Obama", article.Person},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ents := extractCaps(t, c.text)
			var e *article.Entity
			for _, f := range c.forms {
				got := find(ents, f)
				if len(got) != 1 {
					t.Fatalf("%q is in %d entities: %+v", f, len(got), ents)
				}
				if e != nil && got[0] != e {
					t.Fatalf("%q and %q are split: %+v", c.forms[0], f, ents)
				}
				e = got[0]
			}
			if e.Name != c.want || e.Type != c.typ {
				t.Errorf("got %q %s, want %q %s", e.Name, e.Type, c.want, c.typ)
			}
		})
	}
}

func TestNotMerged(t *testing.T) {
	text := "Hillary Clinton met Bill Clinton. Later Bill Clinton spoke and Clinton left."
	ents := extractCaps(t, text)
	if n := len(find(ents, "Hillary Clinton")); n != 1 {
		t.Fatalf("Hillary Clinton in %d entities", n)
	}
	h, b := find(ents, "Hillary Clinton")[0], find(ents, "Bill Clinton")[0]
	if h == b {
		t.Fatalf("two people merged: %+v", ents)
	}
	// the bare surname goes to the one mentioned last before it
	last := find(ents, "Clinton")
	if len(last) != 1 || last[0] != b {
		t.Errorf("Clinton went to %+v", last)
	}
}

func TestEntityAttributes(t *testing.T) {
	cases := []struct {
		text, name, country, role string
	}{
		{"Russian Prime Minister Dmitry Medvedev said so.", "Dmitry Medvedev", "RUS", GOV},
		{"Syrian President Bashar al-Assad said so.", "Bashar al-Assad", "SYR", GOV},
		{"U.S. President Barack Obama said so.", "Barack Obama", "USA", GOV},
		{"Britain's Foreign Secretary Philip Hammond said so.", "Philip Hammond", "GBR", GOV},
		{"A statement from Russian airline Metrojet said so.", "Metrojet", "RUS", BUS},
		{"The Metrojet plane crashed.", "Metrojet", "", ""},
		{"Fighting near Aleppo involved the Syrian Army on Monday.", "Syrian Army", "SYR", MIL},
		{"President Vladimir Putin vowed to punish those who downed a Russian airliner.", "Vladimir Putin", "RUS", GOV},
		{"Talks with Russia resumed.", "Russia", "RUS", ""},
		{"NATO jets flew.", "North Atlantic Treaty Organization", "", IGO},
		{"Boko Haram attacked.", "Boko Haram", "NGA", INS},
		{"Ahmed Kareem, a Syrian rebel commander, said so.", "Ahmed Kareem", "SYR", REB},
		{"Then White House spokesman Josh Earnest said so.", "Josh Earnest", "USA", GOV},
		{"Then Hamas spokesman Sami Abu Zuhri said so.", "Sami Abu Zuhri", "PSE", INS},
		{"Then Ericsson spokesman Per Zetterquist said so.", "Per Zetterquist", "", ""},
		{"The Bank of England held rates.", "Bank of England", "GBR", GOV},
		{"Then New Zealand Prime Minister John Key said so.", "John Key", "NZL", GOV},
		{"Then South Korean President Park Geun-hye said so.", "Park Geun-hye", "KOR", GOV},
		{"The World Bank lent more.", "World Bank", "", IGO},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			ents := extractCaps(t, c.text)
			got := find(ents, c.name)
			if len(got) != 1 {
				t.Fatalf("%q not found once in %+v", c.name, ents)
			}
			if got[0].Country != c.country || got[0].Role != c.role {
				t.Errorf("%s: got %q %q, want %q %q", c.name, got[0].Country, got[0].Role, c.country, c.role)
			}
		})
	}
}

func TestAttributes(t *testing.T) {
	cases := []struct{ phrase, country, role string }{
		{"Russian warplanes", "RUS", MIL},
		{"Syrian rebels", "SYR", REB},
		{"Israeli police", "ISR", COP},
		{"U.S. President Barack Obama", "USA", GOV},
		{"Russian Prime Minister Dmitry Medvedev", "RUS", GOV},
		{"a senior French government source", "FRA", GOV},
		{"militants", "", INS},
		{"the West", "", ""},
		{"NATO", "", IGO},
		{"the United Nations", "", IGO},
		{"Turkish troops", "TUR", MIL},
		{"Iraqi army commander", "IRQ", MIL},
		{"rebel commander", "", REB},
		{"opposition leader", "", OPP},
		{"Egyptian military court", "EGY", JUD},
		{"Syrian civilians", "SYR", CVL},
		{"the United States", "USA", ""},
		{"threaten us", "", ""},
		{"Russia's defence ministry", "RUS", GOV},
		{"Kurdish YPG fighters", "SYR", REB},
		{"Saudi-led coalition", "SAU", MIL},
		{"Minister of Justice", "", GOV},
		{"leader of the opposition", "", OPP},
		{"exiled prime minister", "", OPP},
		{"rebel soldiers", "", REB},
		{"Syrian state media", "SYR", GOV},
		{"attorney general", "", JUD},
		{"Russian-backed rebels", "", REB},
		{"U.N. peacekeepers", "", IGO},
		{"Taliban fighters", "AFG", INS},
		{"Islamic State fighters", "", INS},
		{"Syrian Islamic State fighters", "SYR", INS},
		{"the Kremlin", "RUS", GOV},
		{"Iranian Revolutionary Guards", "IRN", MIL},
		{"", "", ""},
	}
	for _, c := range cases {
		c3, r := Attributes(c.phrase)
		if c3 != c.country || r != c.role {
			t.Errorf("Attributes(%q) = %q %q, want %q %q", c.phrase, c3, r, c.country, c.role)
		}
	}
}

func TestFakeTagger(t *testing.T) {
	// The stage works on whatever tags it gets; mentions come back in rune offsets.
	text := "Über-Minister Ólafur Jónsson met Jónsson's aides."
	tags := map[string][]string{}
	s := New(tagFunc(func(words []string) []string {
		out := make([]string, len(words))
		for i, w := range words {
			out[i] = "O"
			switch w {
			case "Ólafur":
				out[i] = "B-PER"
			case "Jónsson", "Jónsson's":
				out[i] = "I-PER"
				if i > 0 && words[i-1] != "Ólafur" {
					out[i] = "B-PER"
				}
			}
		}
		tags[strings.Join(words, " ")] = out
		return out
	}))
	ents, err := s.Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, text, ents)
	if len(ents) != 1 || ents[0].Name != "Ólafur Jónsson" || len(ents[0].Mentions) != 2 || ents[0].Mentions[1].Text != "Jónsson" {
		t.Fatalf("got %+v", ents)
	}
	// a tagger returning the wrong number of tags is ignored, not trusted
	bad := New(tagFunc(func(words []string) []string { return []string{"B-PER"} }))
	if ents, err := bad.Extract(context.Background(), "One two three. Four five."); err != nil || len(ents) != 0 {
		t.Fatalf("got %+v %v", ents, err)
	}
	// unknown tag types are skipped
	odd := New(tagFunc(func(words []string) []string {
		out := make([]string, len(words))
		for i := range out {
			out[i] = "B-FOO"
		}
		return out
	}))
	if ents, err := odd.Extract(context.Background(), "Alpha Beta went home."); err != nil || len(ents) != 0 {
		t.Fatalf("got %+v %v", ents, err)
	}
	// cancelled context
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Extract(ctx, text); err == nil {
		t.Fatal("no error on a cancelled context")
	}
}

type tagFunc func([]string) []string

func (f tagFunc) Tag(w []string) []string { return f(w) }

func TestDefaultStub(t *testing.T) {
	s, err := NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	a := &article.Article{Body: "Hamas and Islamic State were named."}
	if err := s.Apply(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	// whatever the model, the alias table finds these two
	if len(find(a.Entities, "Hamas")) != 1 || len(find(a.Entities, "Islamic State")) != 1 {
		t.Errorf("got %+v", a.Entities)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"U.S. President Barack Obama said ISIL (Islamic State) was there.",
		"Asia-Pacific Economic Cooperation (APEC) ( ) (", "Ólafur's al- ( al-Qaida)", "A (B) C (DE) FG"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		ents, err := New(newCapsTagger(s)).Extract(context.Background(), s)
		if err != nil {
			t.Fatal(err)
		}
		n := utf8.RuneCountInString(s)
		for _, e := range ents {
			if e.Name == "" || len(e.Mentions) == 0 {
				t.Fatalf("empty entity %+v", e)
			}
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > n || m.Start >= m.End || article.RuneSlice(s, m.Start, m.End) != m.Text {
					t.Fatalf("bad mention %+v in %q", m, s)
				}
			}
		}
	})
}

func FuzzAttributes(f *testing.F) {
	f.Add("a senior French government source")
	f.Add("Russia's 's '")
	f.Fuzz(func(t *testing.T, s string) {
		c, r := Attributes(s)
		if c != "" && len(c) != 3 {
			t.Fatalf("country %q", c)
		}
		_ = r
	})
}

// TestConcurrent runs one stage from many goroutines (go test -race checks
// it shares nothing mutable) and expects identical results.
func TestConcurrent(t *testing.T) {
	text := "U.S. President Barack Obama met the Asia-Pacific Economic Cooperation (APEC) leaders. Obama said ISIL (Islamic State) must be beaten."
	s := New(newCapsTagger(text))
	want, _ := s.Extract(context.Background(), text)
	done := make(chan []article.Entity)
	for range 8 {
		go func() {
			got, _ := s.Extract(context.Background(), text)
			done <- got
		}()
	}
	for range 8 {
		got := <-done
		if len(got) != len(want) {
			t.Fatalf("nondeterministic: %d vs %d entities", len(got), len(want))
		}
		for i := range got {
			if got[i].Name != want[i].Name || len(got[i].Mentions) != len(want[i].Mentions) {
				t.Fatalf("nondeterministic: %+v vs %+v", got[i], want[i])
			}
		}
	}
}

func TestLookupCovering(t *testing.T) {
	text := "U.S. President Barack Obama said ISIL (Islamic State) was the threat. Obama left."
	ents := extractCaps(t, text)
	obama := Lookup(ents, "barack obama")
	if obama == nil || obama.Name != "Barack Obama" {
		t.Fatalf("Lookup: %+v", obama)
	}
	if e := Lookup(ents, "ISIS"); e == nil || e.Name != "Islamic State" {
		t.Errorf("ISIS: %+v", e)
	}
	if e := Lookup(ents, "Hamas"); e != nil {
		t.Errorf("Hamas: %+v", e)
	}
	start := strings.Index(text, "Obama left")
	if e := Covering(ents, start, start+5); e != obama {
		t.Errorf("Covering: %+v", e)
	}
	if e := Covering(ents, 0, 0); e != nil {
		t.Errorf("empty range: %+v", e)
	}
}

// typeTagger tags each word by a fixed word->type map, CoNLL style: a run
// of words of one type is one name.
type typeTagger map[string]string

func (m typeTagger) Tag(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		typ, ok := m[w]
		switch {
		case !ok:
			out[i] = "O"
		case i > 0 && m[words[i-1]] == typ:
			out[i] = "I-" + typ
		default:
			out[i] = "B-" + typ
		}
	}
	return out
}

// TestAirline: a MISC-tagged name before "plane" or "flight" is a company;
// a name with a geographic head noun is a place.
func TestAirline(t *testing.T) {
	tg := typeTagger{"Sinai": "ORG", "Peninsula": "ORG", "EgyptAir": "MISC", "Germanwings": "MISC", "Airbus": "MISC", "A320": "MISC", "Cairo": "LOC", "Russian": "MISC", "Kogalymavia": "ORG"}
	text := "Over the Sinai Peninsula the EgyptAir flight left Cairo. A Germanwings plane, an Airbus A320 jet, crashed. Germanwings said so. Russian airline Kogalymavia said so."
	ents, err := New(tg).Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []struct{ name, typ, country, role string }{
		{"EgyptAir", article.Organization, "", BUS},
		{"Germanwings", article.Organization, "", BUS},
		{"Airbus A320", article.Misc, "", ""},
		{"Kogalymavia", article.Organization, "RUS", BUS},
		{"Sinai Peninsula", article.Location, "", ""},
	} {
		e := Lookup(ents, w.name)
		if e == nil || e.Type != w.typ || e.Country != w.country || e.Role != w.role {
			t.Errorf("%s: got %+v, want %s %q %q", w.name, e, w.typ, w.country, w.role)
		}
	}
}

// TestRunOnSpans: a tagger's decoding that runs across plain words is cut
// back to the names.
func TestRunOnSpans(t *testing.T) {
	text := "from the Sharm al-Sheikh resort to St Petersburg when the West's attitude towards Russia changed"
	ents, err := New(tagFunc(func(w []string) []string {
		tags := make([]string, len(w))
		for i, x := range w {
			switch {
			case x == "Sharm" || x == "West":
				tags[i] = "B-LOC"
			case i > 0 && tags[i-1] != "O" && tags[i-1] != "" && x != "when" && x != "changed":
				tags[i] = "I-LOC"
			default:
				tags[i] = "O"
			}
		}
		return tags
	})).Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name)
	}
	if want := "Sharm al-Sheikh|St Petersburg|West|Russia"; strings.Join(names, "|") != want {
		t.Errorf("got %q, want %s", names, want)
	}
}

// TestCoNLLStyleTags feeds the tags a CoNLL-trained model typically gives,
// errors included: nationality adjectives as MISC, "U.S." as LOC, a surname
// as LOC, half of a name.
func TestCoNLLStyleTags(t *testing.T) {
	tg := typeTagger{"U.S.": "LOC", "Barack": "PER", "Obama": "PER", "Russian": "MISC", "Islamic": "MISC",
		"Kerry": "PER", "John": "PER", "Moscow": "LOC", "Syrian": "MISC", "Nusra": "ORG"}
	text := "U.S. Secretary of State John Kerry met Barack Obama. Obama said Russian jets hit Islamic State and Nusra. Then Kerry flew to Moscow with Syrian officials."
	// the second "Kerry" is tagged LOC, as models do with surnames that are also places
	ents, err := New(tagFunc(func(w []string) []string {
		tags := tg.Tag(w)
		if w[0] == "Then" {
			tags[1] = "B-LOC"
		}
		return tags
	})).Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, text, ents)
	if e := Lookup(ents, "John Kerry"); e == nil || !slices.Contains(e.Aliases, "Secretary of State John Kerry") {
		t.Errorf("titled form: %+v", e)
	}
	want := []struct{ name, typ, country, role string }{
		{"U.S.", article.Location, "USA", ""},
		{"John Kerry", article.Person, "USA", GOV},
		{"Barack Obama", article.Person, "", ""},
		{"Islamic State", article.Organization, "", INS},
		{"Nusra Front", article.Organization, "SYR", INS},
		{"Moscow", article.Location, "RUS", ""},
	}
	for _, w := range want {
		e := Lookup(ents, w.name)
		if e == nil {
			t.Errorf("%s missing in %+v", w.name, ents)
			continue
		}
		if e.Type != w.typ || e.Country != w.country || e.Role != w.role {
			t.Errorf("%s: got %s %q %q, want %s %q %q", w.name, e.Type, e.Country, e.Role, w.typ, w.country, w.role)
		}
	}
	if e := Lookup(ents, "Kerry"); e == nil || e.Name != "John Kerry" || len(e.Mentions) != 2 {
		t.Errorf("Kerry (tagged LOC) not merged into John Kerry: %+v", e)
	}
	for _, e := range ents {
		if e.Name == "Russian" || e.Name == "Syrian" || e.Name == "Islamic" {
			t.Errorf("demonym or fragment kept as an entity: %+v", e)
		}
	}
}
