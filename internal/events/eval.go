package events

import (
	"encoding/csv"

	"encoding/json"
	"fmt"
	"html"
	"io"
	"regexp"
	"sitrep/internal/article"
	"strconv"
	"strings"
)

// GoldRecord is one sentence with one gold event, from any of the gold
// formats the evaluation reads.
type GoldRecord struct {
	ID     string
	Text   string
	Type   string // PLOVER type (current names), "" for no event
	CAMEO  string // CAMEO event code, when the gold has one
	Source string // gold source actor code (alpha-3 country or IGO/NGO...)
	Target string
	Dead   *int
	Split  string // dev or heldout
}

// plover05 maps PLOVER 0.5b1 names in PLOVER_GSR_CAMEO to current ones.
var plover05 = map[string]string{"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}

// ReadPLOVERGSR reads PLOVER_GSR_CAMEO.json (a JSON array; record 0 is a
// header). Records whose numeric id suffix is odd form the dev half (the
// half looked at while writing the lexicon), even ones the held-out half.
func ReadPLOVERGSR(r io.Reader) ([]GoldRecord, error) {
	var raw []map[string]any
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, fmt.Errorf("plover gsr: %w", err)
	}
	var out []GoldRecord
	for _, m := range raw {
		ev, _ := m["event"].(string)
		text, _ := m["text"].(string)
		id, _ := m["id"].(string)
		if ev == "" || text == "" || ev == "DOCUMENT" {
			continue
		}
		if v, ok := plover05[ev]; ok {
			ev = v
		}
		g := GoldRecord{ID: id, Text: text, Type: ev, Source: firstCode(m["source"]), Target: firstCode(m["target"])}
		if s, ok := m["dead"].(string); ok {
			if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
				g.Dead = &n
			}
		}
		g.Split = "heldout"
		if i := strings.LastIndexByte(id, '-'); i >= 0 {
			if n, err := strconv.Atoi(id[i+1:]); err == nil && n%2 == 1 {
				g.Split = "dev"
			}
		}
		out = append(out, g)
	}
	return out, nil
}

func firstCode(v any) string {
	l, ok := v.([]any)
	if !ok || len(l) == 0 {
		return ""
	}
	m, ok := l[0].(map[string]any)
	if !ok {
		return ""
	}
	s, _ := m["code"].(string)
	return strings.ToUpper(strings.TrimSpace(s))
}

// actorCode is an actor at country level: its alpha-3 country, else its
// international code (IGO, NGO).
func actorCode(name, country, role string) string {
	if country != "" {
		return country
	}
	if role == "IGO" || role == "NGO" {
		return role
	}
	return ""
}

// Score counts right answers over the records that have a gold answer.
type Score struct {
	N       int     `json:"n"`
	Correct int     `json:"correct"`
	Acc     float64 `json:"accuracy"`
}

func (s *Score) add(ok bool) {
	s.N++
	if ok {
		s.Correct++
	}
}

func (s *Score) done() {
	if s.N > 0 {
		s.Acc = float64(int(float64(s.Correct)/float64(s.N)*10000+0.5)) / 10000
	}
}

// PLOVERResult is the evaluation of one split.
type PLOVERResult struct {
	Records    int            `json:"records"`
	Coded      int            `json:"coded"` // records with any event
	Type       Score          `json:"event_type"`
	Source     Score          `json:"source_actor_country"`
	Target     Score          `json:"target_actor_country"`
	Fatalities Score          `json:"fatalities"`
	Confusion  map[string]int `json:"confusions,omitempty"` // gold->got, the most frequent
}

// EvalPLOVER codes each record's sentence and scores its main event:
// event type, source and target actor at country level (over records with
// a gold actor code) and fatalities (over records with a gold count).
// The coder works alone here, with no upstream stage; EvalPLOVERWith
// takes the coding function (e.g. the upstream stages, then the coder).
func (c *Coder) EvalPLOVER(recs []GoldRecord) map[string]*PLOVERResult {
	return EvalPLOVERWith(recs, func(text string) []article.Event { return c.CodeSentence(text, "") })
}

// EvalPLOVERWith scores the events code returns for each record's sentence,
// as EvalPLOVER does.
func EvalPLOVERWith(recs []GoldRecord, code func(text string) []article.Event) map[string]*PLOVERResult {
	res := map[string]*PLOVERResult{"all": {Confusion: map[string]int{}}, "dev": {Confusion: map[string]int{}}, "heldout": {Confusion: map[string]int{}}}
	for _, g := range recs {
		evs := code(g.Text)
		e, ok := MainEvent(evs)
		for _, k := range []string{"all", g.Split} {
			r := res[k]
			r.Records++
			if ok {
				r.Coded++
			}
			r.Type.add(ok && e.Type == g.Type)
			if !(ok && e.Type == g.Type) {
				got := "none"
				if ok {
					got = e.Type
				}
				r.Confusion[g.Type+"->"+got]++
			}
			if g.Source != "" {
				r.Source.add(ok && actorCode(e.Source.Name, e.Source.Country, e.Source.Role) == g.Source)
			}
			if g.Target != "" {
				r.Target.add(ok && actorCode(e.Target.Name, e.Target.Country, e.Target.Role) == g.Target)
			}
			if g.Dead != nil {
				r.Fatalities.add(ok && e.Fatalities != nil && *e.Fatalities == *g.Dead)
			}
		}
	}
	for _, r := range res {
		r.Type.done()
		r.Source.done()
		r.Target.done()
		r.Fatalities.done()
		// keep the ten most frequent confusions
		type kv struct {
			k string
			v int
		}
		var l []kv
		for k, v := range r.Confusion {
			l = append(l, kv{k, v})
		}
		for i := range l {
			for j := i + 1; j < len(l); j++ {
				if l[j].v > l[i].v || l[j].v == l[i].v && l[j].k < l[i].k {
					l[i], l[j] = l[j], l[i]
				}
			}
		}
		r.Confusion = map[string]int{}
		for i := 0; i < len(l) && i < 10; i++ {
			r.Confusion[l[i].k] = l[i].v
		}
	}
	return res
}

// PETRRecord is one <Sentence> of the PETRARCH validation format.
type PETRRecord struct {
	ID, Date, Category string
	Text               string
	Codings            []PETRCoding
}

// PETRCoding is one gold <EventCoding>.
type PETRCoding struct {
	Source, Target, Event string
	NoEvents              bool
}

var (
	rePSentence = regexp.MustCompile(`(?s)<Sentence\b([^>]*)>(.*?)(?:</Sentence>|$)`)
	rePCoding   = regexp.MustCompile(`(?s)<EventCoding\b([^>]*)>`)
	rePText     = regexp.MustCompile(`(?s)<Text>(.*?)(?:</Text>|<Parse>|$)`)
	rePAttr     = regexp.MustCompile(`(\w+)\s*=\s*"([^"]*)"`)
	rePComment  = regexp.MustCompile(`(?s)<!--.*?-->`)
	rePTag      = regexp.MustCompile(`<[^>]*>`)
)

// ReadPETR reads PETRARCH XML validation records leniently: it does not
// need well-formed XML (unclosed EventCoding tags, stray text), only
// <Sentence ...> blocks with a <Text> element or, as in the older
// PETRARCH-1 files, the bare sentence before its "(ROOT" parse tree. A
// sentence without text is skipped.
func ReadPETR(r io.Reader) ([]PETRRecord, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	s := string(raw)
	// split on sentence starts so that a missing </Sentence> loses nothing
	var out []PETRRecord
	idx := regexp.MustCompile(`<Sentence\b`).FindAllStringIndex(s, -1)
	for k, ix := range idx {
		end := len(s)
		if k+1 < len(idx) {
			end = idx[k+1][0]
		}
		block := s[ix[0]:end]
		m := rePSentence.FindStringSubmatch(block)
		if m == nil {
			continue
		}
		attrs := attrMap(m[1])
		rec := PETRRecord{ID: attrs["id"], Date: attrs["date"], Category: attrs["category"]}
		if t := rePText.FindStringSubmatch(m[2]); t != nil {
			rec.Text = strings.Join(strings.Fields(html.UnescapeString(t[1])), " ")
		} else {
			// older records carry the sentence bare, before the parse tree
			body := m[2]
			if i := strings.Index(body, "(ROOT"); i >= 0 {
				body = body[:i]
			}
			body = rePComment.ReplaceAllString(body, " ")
			body = rePTag.ReplaceAllString(body, " ")
			rec.Text = strings.Join(strings.Fields(html.UnescapeString(body)), " ")
		}
		if rec.Text == "" {
			continue
		}
		for _, cm := range rePCoding.FindAllStringSubmatch(m[2], -1) {
			a := attrMap(cm[1])
			if strings.EqualFold(a["noevents"], "true") {
				rec.Codings = append(rec.Codings, PETRCoding{NoEvents: true})
				continue
			}
			rec.Codings = append(rec.Codings, PETRCoding{Source: a["sourcecode"], Target: a["targetcode"], Event: a["eventcode"]})
		}
		out = append(out, rec)
	}
	return out, nil
}

func attrMap(s string) map[string]string {
	m := map[string]string{}
	for _, a := range rePAttr.FindAllStringSubmatch(s, -1) {
		m[strings.ToLower(a[1])] = a[2]
	}
	return m
}

// PETRResult scores PETRARCH records against the best-matching gold coding
// of each sentence (a sentence may carry several: "A and B met" is coded
// A->B and B->A, and the coder's main event may be any of them).
//
// The suite's event codes come from its own test verb dictionary
// (PETR.Validate.verbs.txt), which its header says is mostly WEIS, not
// CAMEO (condemn 122, urge 102, restore ties 064), so Root (two-digit code
// equality) measures dictionary agreement, not coding quality. Direction is
// the comparable measure: cooperative or neutral (roots 01-08 in both WEIS
// and CAMEO) against conflictual (WEIS 11-22, CAMEO 11-20); gold roots 09 and
// 10 (WEIS request/propose, CAMEO investigate/demand) and the suite's
// test-only codes above 22 are not scored. Source and target compare the
// first three letters of the gold actor code with the coder's country (or
// IGO/NGO).
type PETRResult struct {
	Sentences int   `json:"sentences"`
	WithEvent int   `json:"with_gold_event"`
	Detected  Score `json:"event_detected"`
	Root      Score `json:"cameo_root"`
	Direction Score `json:"direction"`
	Source    Score `json:"source_country_prefix"`
	Target    Score `json:"target_country_prefix"`
	NoEvent   Score `json:"no_event_sentences_left_uncoded"`
}

// petrDirection is 1 for cooperative or neutral, 2 for conflictual and 0
// when a code's root is not comparable across WEIS and CAMEO.
func petrDirection(code string) int {
	if len(code) < 2 {
		return 0
	}
	r, err := strconv.Atoi(code[:2])
	if err != nil {
		return 0
	}
	switch {
	case r >= 1 && r <= 8:
		return 1
	case r >= 11 && r <= 22:
		return 2
	}
	return 0
}

// EvalPETR codes every record and scores it.
func (c *Coder) EvalPETR(recs []PETRRecord) *PETRResult {
	r := &PETRResult{}
	pre := func(s string) string {
		if len(s) >= 3 {
			return s[:3]
		}
		return s
	}
	for _, rec := range recs {
		r.Sentences++
		evs := c.CodeSentence(rec.Text, "")
		e, ok := MainEvent(evs)
		if ok && (e.Hypothetical || e.Negated) {
			ok = false
		}
		var golds []PETRCoding
		for _, g := range rec.Codings {
			if !g.NoEvents {
				golds = append(golds, g)
			}
		}
		if len(golds) == 0 {
			r.NoEvent.add(!ok)
			continue
		}
		r.WithEvent++
		r.Detected.add(ok)
		src := actorCode("", e.Source.Country, e.Source.Role)
		tgt := actorCode("", e.Target.Country, e.Target.Role)
		// the gold coding that agrees best with the main event
		bi, bs := 0, -1
		for i, g := range golds {
			s := 0
			if ok {
				if g.Source != "" && pre(g.Source) == src {
					s++
				}
				if g.Target != "" && pre(g.Target) == tgt {
					s++
				}
				if d := petrDirection(g.Event); d != 0 && d == petrDirection(e.CAMEO) {
					s++
				}
			}
			if s > bs {
				bi, bs = i, s
			}
		}
		g := golds[bi]
		r.Root.add(ok && len(e.CAMEO) >= 2 && len(g.Event) >= 2 && e.CAMEO[:2] == g.Event[:2])
		if d := petrDirection(g.Event); d != 0 {
			r.Direction.add(ok && petrDirection(e.CAMEO) == d)
		}
		if g.Source != "" {
			r.Source.add(ok && pre(g.Source) == src)
		}
		if g.Target != "" {
			r.Target.add(ok && pre(g.Target) == tgt)
		}
	}
	r.Detected.done()
	r.Root.done()
	r.Direction.done()
	r.Source.done()
	r.Target.done()
	r.NoEvent.done()
	return r
}

// quadOf maps a PLOVER type to the CAMEO quad class used by ConfliBERT's
// cameo_class (0 neutral, 1 verbal cooperation, 2 material cooperation,
// 3 verbal conflict, 4 material conflict).
func quadOf(t string) int {
	switch t {
	case "AGREE", "CONSULT", "SUPPORT":
		return 1
	case "COOPERATE", "AID", "CONCEDE", "RETREAT":
		return 2
	case "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION":
		return 3
	case "PROTEST", "MOBILIZE", "COERCE", "ASSAULT":
		return 4
	}
	return 0
}

// quadOfEvent uses the CAMEO root when the event has one: 01-02 neutral
// (public statements, appeals), 03-05 verbal cooperation, 06-08 material
// cooperation, 09-13 and 16 verbal conflict, 14-15 and 17-20 material
// conflict: the Phoenix "pentaclass" that ConfliBERT's cameo_class labels
// follow (on the train split, 76 of the 80 sentences whose main event the
// coder codes 16x are labelled verbal conflict; this scorer mapped 16 to
// material conflict until the events5 round).
func quadOfEvent(e article.Event) int {
	if len(e.CAMEO) >= 2 {
		if r, err := strconv.Atoi(e.CAMEO[:2]); err == nil && r >= 1 && r <= 20 {
			switch {
			case r <= 2:
				return 0
			case r <= 5:
				return 1
			case r <= 8:
				return 2
			case r <= 13 || r == 16:
				return 3
			default:
				return 4
			}
		}
	}
	return quadOf(e.Type)
}

// ReadConfliBERT reads a ConfliBERT .tsv (text, then integer label
// columns; CSV-style quoting).
func ReadConfliBERT(r io.Reader) (texts []string, labels [][]int, err error) {
	cr := csv.NewReader(r)
	cr.Comma = '\t'
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	line := 0
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		line++
		if err != nil {
			return nil, nil, fmt.Errorf("row %d: %w", line, err)
		}
		if len(row) < 2 {
			continue
		}
		ls := make([]int, 0, len(row)-1)
		for _, f := range row[1:] {
			v, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil {
				return nil, nil, fmt.Errorf("row %d: label %q: %w", line, f, err)
			}
			ls = append(ls, v)
		}
		texts = append(texts, row[0])
		labels = append(labels, ls)
	}
	return texts, labels, nil
}

// QuadResult scores the CAMEO quad class of the main event.
type QuadResult struct {
	Sentences int        `json:"sentences"`
	Acc       float64    `json:"accuracy"`
	MacroF1   float64    `json:"macro_f1"`
	Confusion [5][5]int  `json:"confusion"` // [gold][got]
	PerClass  [5]float64 `json:"f1_per_class"`
}

// EvalQuad codes each sentence and compares the quad class of its main
// event (0 when none, or hypothetical) with the gold.
func (c *Coder) EvalQuad(texts []string, gold []int) *QuadResult {
	r := &QuadResult{}
	ok := 0
	for i, t := range texts {
		if gold[i] < 0 || gold[i] > 4 {
			continue
		}
		got := 0
		if e, found := MainEvent(c.CodeSentence(t, "")); found && !e.Hypothetical && !e.Negated {
			got = quadOfEvent(e)
		}
		r.Sentences++
		r.Confusion[gold[i]][got]++
		if got == gold[i] {
			ok++
		}
	}
	if r.Sentences > 0 {
		r.Acc = round4(float64(ok) / float64(r.Sentences))
	}
	sum := 0.0
	for k := 0; k < 5; k++ {
		tp := r.Confusion[k][k]
		fp, fn := 0, 0
		for j := 0; j < 5; j++ {
			if j != k {
				fp += r.Confusion[j][k]
				fn += r.Confusion[k][j]
			}
		}
		if tp > 0 {
			p := float64(tp) / float64(tp+fp)
			rc := float64(tp) / float64(tp+fn)
			r.PerClass[k] = round4(2 * p * rc / (p + rc))
		}
		sum += r.PerClass[k]
	}
	r.MacroF1 = round4(sum / 5)
	return r
}

// AttackResult scores attack detection on SATP-style multilabel rows:
// positive when any label is set, predicted when an ASSAULT is coded.
type AttackResult struct {
	Rows      int     `json:"rows"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// EvalAttack measures ASSAULT detection against rows whose labels say
// whether the text reports an attack.
func (c *Coder) EvalAttack(texts []string, labels [][]int) *AttackResult {
	r := &AttackResult{}
	tp, fp, fn := 0, 0, 0
	for i, t := range texts {
		pos := false
		for _, v := range labels[i] {
			if v != 0 {
				pos = true
			}
		}
		got := false
		a := c.CodeSentence(t, "")
		for _, e := range a {
			if e.Type == "ASSAULT" && !e.Hypothetical && !e.Negated {
				got = true
			}
		}
		r.Rows++
		switch {
		case got && pos:
			tp++
		case got:
			fp++
		case pos:
			fn++
		}
	}
	if tp > 0 {
		r.Precision = round4(float64(tp) / float64(tp+fp))
		r.Recall = round4(float64(tp) / float64(tp+fn))
		r.F1 = round4(2 * r.Precision * r.Recall / (r.Precision + r.Recall))
	}
	return r
}

func round4(v float64) float64 { return float64(int(v*10000+0.5)) / 10000 }

// ReadPETRActors reads a PETRARCH actor dictionary leniently: "NAME [CODE]"
// lines, "+SYNONYM" lines for the entry above, words joined by "_",
// comments after "#" and "<!-- -->" lines ignored. Codes are split into a
// three-letter country part and a role part.
func ReadPETRActors(r io.Reader) (map[string][2]string, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	out := map[string][2]string{}
	var cur [2]string
	reEntry := regexp.MustCompile(`^([^\[\]#<]+?)\s*\[([^\]]*)\]`)
	for _, ln := range strings.Split(string(raw), "\n") {
		ln = strings.TrimSpace(ln)
		if i := strings.IndexByte(ln, '#'); i >= 0 {
			ln = strings.TrimSpace(ln[:i])
		}
		if ln == "" || strings.HasPrefix(ln, "<") {
			continue
		}
		name := ""
		if strings.HasPrefix(ln, "+") {
			name = strings.TrimPrefix(ln, "+")
			if f := strings.Fields(name); len(f) > 0 && !strings.Contains(name, "[") {
				name = f[0]
			} else if m := reEntry.FindStringSubmatch(name); m != nil {
				name = m[1]
			}
		} else if m := reEntry.FindStringSubmatch(ln); m != nil {
			name = m[1]
			code := strings.ToUpper(strings.TrimSpace(strings.Fields(m[2] + " x")[0]))
			if code == "---" || code == "X" {
				cur = [2]string{}
				continue
			}
			cur = [2]string{code[:min(3, len(code))], ""}
			if len(code) > 3 {
				cur[1] = code[3:min(6, len(code))]
			}
		} else {
			continue
		}
		name = strings.ToLower(strings.TrimSpace(strings.Trim(strings.ReplaceAll(name, "_", " "), " ")))
		if name != "" && cur[0] != "" {
			out[name] = cur
		}
	}
	return out, nil
}

// NERSentence is one sentence of ConfliBERT cameo_ner: tokens with
// source (S), target (T) and reciprocal (R) actor spans.
type NERSentence struct {
	Tokens []string
	Tags   []string
}

// ReadCameoNER reads "token TAG" lines with blank lines between sentences.
func ReadCameoNER(r io.Reader) ([]NERSentence, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var out []NERSentence
	var cur NERSentence
	for _, ln := range strings.Split(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n") {
		f := strings.Fields(ln)
		if len(f) == 0 {
			if len(cur.Tokens) > 0 {
				out = append(out, cur)
			}
			cur = NERSentence{}
			continue
		}
		tag := "O"
		if len(f) >= 2 {
			tag = f[len(f)-1]
		}
		cur.Tokens = append(cur.Tokens, f[0])
		cur.Tags = append(cur.Tags, tag)
	}
	if len(cur.Tokens) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

// ActorSpanResult scores the main event's source and target against the
// gold actor spans: right when the coded actor's words overlap a gold span
// of that role (a reciprocal span counts for both).
type ActorSpanResult struct {
	Sentences int   `json:"sentences"`
	Source    Score `json:"source_span"`
	Target    Score `json:"target_span"`
}

// EvalCameoNER codes each sentence (tokens joined by spaces).
func (c *Coder) EvalCameoNER(sents []NERSentence) *ActorSpanResult {
	r := &ActorSpanResult{}
	for _, s := range sents {
		r.Sentences++
		text := strings.Join(s.Tokens, " ")
		spans := map[byte]map[string]bool{'S': {}, 'T': {}}
		for i, t := range s.Tags {
			if len(t) == 3 && (t[2] == 'S' || t[2] == 'T' || t[2] == 'R') {
				w := strings.Trim(strings.ToLower(s.Tokens[i]), ".,'\"")
				if t[2] == 'R' {
					spans['S'][w], spans['T'][w] = true, true
				} else {
					spans[t[2]][w] = true
				}
			}
		}
		e, ok := MainEvent(c.CodeSentence(text, ""))
		overlap := func(name string, gold map[string]bool) bool {
			for _, w := range strings.Fields(strings.ToLower(name)) {
				if gold[strings.Trim(w, ".,'\"")] && !clfStop[w] {
					return true
				}
			}
			return false
		}
		if len(spans['S']) > 0 {
			r.Source.add(ok && overlap(e.Source.Name, spans['S']))
		}
		if len(spans['T']) > 0 {
			r.Target.add(ok && overlap(e.Target.Name, spans['T']))
		}
	}
	r.Source.done()
	r.Target.done()
	return r
}
