package ner

import (
	"sync"
	"unicode"
)

// docMem is what the tagger remembers across the sentences of one
// document.
type docMem struct {
	lowerSeen map[uint64]struct{}
	capMid    map[uint64]struct{}
	hist      map[uint64][1 + nTypes]uint16
}

func newDocMem() docMem {
	return docMem{lowerSeen: map[uint64]struct{}{}, capMid: map[uint64]struct{}{}, hist: map[uint64][1 + nTypes]uint16{}}
}

func (d *docMem) reset() {
	clear(d.lowerSeen)
	clear(d.capMid)
	clear(d.hist)
}

// prepared holds the words of a document, flat, with sentence offsets.
type prepared struct {
	words  []word
	orig   []int32 // index of each word in its input sentence, -1 for a split-off clitic
	starts []int
}

// clitics that CoNLL-2003 (Penn Treebank style) splits off and
// nlp.Tokenize keeps attached: the tagger splits them before tagging, so
// that "Obama's" is seen as "Obama 's", as in training.
var clitics = []string{"'s", "’s", "'S", "n't", "n’t", "N'T", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'m", "’m", "'d", "’d"}

func splitClitic(w string) (stem, clitic string) {
	for _, c := range clitics {
		if len(w) > len(c) && w[len(w)-len(c):] == c {
			stem := w[:len(w)-len(c)]
			for _, r := range stem {
				if unicode.IsLetter(r) {
					return stem, w[len(w)-len(c):]
				}
			}
			return w, ""
		}
	}
	return w, ""
}

func (p *prepared) sentence(i int) []word { return p.words[p.starts[i]:p.starts[i+1]] }

// gazKeySeed starts the chained hash of a word sequence.
const gazKeySeed = 0x51ED270B27A1F3C5

// prepare fills the per-word features of a document's sentences, its
// document flags and its gazetteer matches.
func (s *scratch) prepare(lex *lexicon, sents [][]string, p *prepared, mem *docMem, split bool) {
	p.words = p.words[:0]
	p.orig = p.orig[:0]
	p.starts = append(p.starts[:0], 0)
	for _, sent := range sents {
		base := len(p.words)
		for oi, w := range sent {
			stem, clitic := w, ""
			if split {
				stem, clitic = splitClitic(w)
			}
			p.words = append(p.words, word{})
			s.fill(&p.words[len(p.words)-1], stem, lex)
			p.orig = append(p.orig, int32(oi))
			if clitic != "" {
				p.words = append(p.words, word{})
				s.fill(&p.words[len(p.words)-1], clitic, lex)
				p.orig = append(p.orig, -1)
			}
		}
		ws := p.words[base:]
		letters, caps := 0, 0
		seenLetter := false
		for i := range ws {
			w := &ws[i]
			if w.flags&(fPunct|fAllDigit) == 0 {
				if !seenLetter {
					w.first = true
				}
				seenLetter = true
				letters++
				if w.flags&fAllCaps != 0 {
					caps++
				}
			}
		}
		capsSent := letters > 0 && caps == letters && (letters > 1 || len(ws) <= 2)
		for i := range ws {
			w := &ws[i]
			w.capsSentence = capsSent
			if capsSent {
				continue
			}
			if w.flags&fLower != 0 {
				mem.lowerSeen[w.lower] = struct{}{}
			} else if w.flags&fInitCap != 0 && !w.first {
				mem.capMid[w.lower] = struct{}{}
			}
		}
		matchNames(lex.gaz, lex.gazMax, ws, func(w *word, bit uint16) { w.gaz |= bit })
		matchNames(lex.silver, lex.gazMax, ws, func(w *word, bit uint16) { w.silver |= bit })
		p.starts = append(p.starts, len(p.words))
	}
	for i := range p.words {
		w := &p.words[i]
		if w.flags&(fInitCap|fAllCaps) == 0 {
			continue
		}
		_, w.docLower = mem.lowerSeen[w.lower]
		_, w.docCapMid = mem.capMid[w.lower]
	}
}

// matchNames marks, from each capitalised start, the longest entry of a
// gazetteer (gaz or silver) with type x BILU bits.
func matchNames(gaz map[uint64]uint8, maxLen int, ws []word, mark func(*word, uint16)) {
	if len(gaz) == 0 {
		return
	}
	for s := range ws {
		if ws[s].flags&fHasUpper == 0 {
			continue
		}
		h := uint64(gazKeySeed)
		best, bestMask := 0, uint8(0)
		for n := 1; n <= maxLen && s+n <= len(ws); n++ {
			h = mix(h, ws[s+n-1].lower)
			m, ok := gaz[h]
			if !ok {
				break
			}
			if m&gazTypes != 0 {
				best, bestMask = n, m&gazTypes
			}
			if m&gazPrefix == 0 {
				break
			}
		}
		if best == 0 {
			continue
		}
		for t := 0; t < nTypes; t++ {
			if bestMask&(1<<t) == 0 {
				continue
			}
			if best == 1 {
				mark(&ws[s], 1<<(t*4+posU))
				continue
			}
			mark(&ws[s], 1<<(t*4+posB))
			for j := s + 1; j < s+best-1; j++ {
				mark(&ws[j], 1<<(t*4+posI))
			}
			mark(&ws[s+best-1], 1<<(t*4+posL))
		}
	}
}

// gazetteer value bits: the types of the name, and whether the key is
// also the start of a longer name.
const (
	gazTypes  = 1<<nTypes - 1
	gazPrefix = 1 << nTypes
)

// gazKey is the gazetteer key of a word sequence.
func gazKey(s *scratch, words []string) uint64 {
	h := uint64(gazKeySeed)
	for _, w := range words {
		h = mix(h, s.lowerKey(w))
	}
	return h
}

// setHistory gives each capitalised word of a sentence the type it was
// mostly given earlier in the document.
func setHistory(ws []word, mem *docMem) {
	for i := range ws {
		w := &ws[i]
		w.hist = -1
		if w.flags&(fInitCap|fAllCaps) == 0 {
			continue
		}
		if c, ok := mem.hist[w.lower]; ok {
			best := 0
			for k := 1; k < len(c); k++ {
				if c[k] > c[best] {
					best = k
				}
			}
			w.hist = int8(best)
		}
	}
}

// remember records the labels a sentence got.
func remember(ws []word, labels []uint8, mem *docMem) {
	for i := range ws {
		w := &ws[i]
		if w.flags&(fInitCap|fAllCaps) == 0 {
			continue
		}
		c := mem.hist[w.lower]
		k := 0
		if labels[i] != 0 {
			k = 1 + labelType(labels[i])
		}
		if c[k] < 65535 {
			c[k]++
		}
		mem.hist[w.lower] = c
	}
}

// Tagger tags sentences. It is safe for concurrent use.
type Tagger struct {
	m    *Model
	pool sync.Pool
}

type state struct {
	scratch
	prep   prepared
	feats  []uint64
	labels []uint8
	mem    docMem
	sents  [][]string
	s1     []uint8
	agg    map[uint64][2][1 + nTypes]uint16
}

// NewTagger returns a tagger for a model.
func NewTagger(m *Model) *Tagger {
	t := &Tagger{m: m}
	t.pool.New = func() any { return &state{mem: newDocMem()} }
	return t
}

// Tag returns one BIO tag per word of one sentence. Words are tokens as
// nlp.Tokenize or CoNLL make them.
func (t *Tagger) Tag(words []string) []string {
	out := make([]string, len(words))
	st := t.pool.Get().(*state)
	st.sents = append(st.sents[:0], words)
	t.tagDoc(st, func(_, i int, l uint8) { out[i] = bioTags[l] })
	st.sents[0] = nil
	t.pool.Put(st)
	return out
}

// TagDocument tags the sentences of one document together: a name tagged
// in one sentence informs the same word elsewhere, and all-caps headlines
// borrow the case the body uses. It is more accurate than tagging the
// sentences one by one.
func (t *Tagger) TagDocument(sents [][]string) [][]string {
	out := make([][]string, len(sents))
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	flat := make([]string, n)
	n = 0
	for i, s := range sents {
		out[i] = flat[n : n+len(s) : n+len(s)]
		n += len(s)
	}
	st := t.pool.Get().(*state)
	st.sents = append(st.sents[:0], sents...)
	t.tagDoc(st, func(s, i int, l uint8) { out[s][i] = bioTags[l] })
	clear(st.sents)
	t.pool.Put(st)
	return out
}

func (t *Tagger) tagDoc(st *state, emit func(s, i int, l uint8)) {
	m := t.m
	st.mem.reset()
	st.scratch.prepare(&m.lexicon, st.sents, &st.prep, &st.mem, true)
	out := func(s, i int, l uint8) {
		if o := st.prep.orig[st.prep.starts[s]+i]; o >= 0 {
			emit(s, int(o), l)
		}
	}
	if m.w2 == nil {
		t.pass(st, m.w, false, out)
		return
	}
	if cap(st.s1) < len(st.prep.words) {
		st.s1 = make([]uint8, len(st.prep.words))
	}
	s1 := st.s1[:len(st.prep.words)]
	t.pass(st, m.w, false, func(s, i int, l uint8) { s1[st.prep.starts[s]+i] = l })
	if st.agg == nil {
		st.agg = map[uint64][2][1 + nTypes]uint16{}
	}
	aggregate(&st.prep, s1, st.agg)
	clear(st.mem.hist)
	t.pass(st, m.w2, true, out)
}

// pass runs one greedy left-to-right pass over the prepared document.
func (t *Tagger) pass(st *state, w []int16, stage2 bool, emit func(s, i int, l uint8)) {
	mask := t.m.mask()
	for s := 0; s+1 < len(st.prep.starts); s++ {
		ws := st.prep.sentence(s)
		setHistory(ws, &st.mem)
		if cap(st.labels) < len(ws) {
			st.labels = make([]uint8, len(ws))
		}
		labels := st.labels[:len(ws)]
		var p1, p2 uint8
		for i := range ws {
			if (p1 == 0 || labelPos(p1) >= posL) && (plain(ws, i) || stage2 && settled(ws, i)) {
				labels[i] = 0
				emit(s, i, 0)
				p2, p1 = p1, 0
				continue
			}
			f := staticFeatures(st.feats[:0], ws, i, stage2)
			f = historyFeatures(f, &ws[i], p1, p2, false)
			st.feats = f
			var acc [nRow]int32
			for _, h := range f {
				off := int(h&mask) * nRow
				row := (*[nRow]int16)(w[off : off+nRow])
				for l := range acc {
					acc[l] += int32(row[l])
				}
			}
			var sc [nLabels]int32
			copy(sc[1:], acc[:])
			l := best(&sc, p1, i == len(ws)-1)
			labels[i] = l
			emit(s, i, l)
			p2, p1 = p1, l
		}
		remember(ws, labels, &st.mem)
	}
}

// best picks the highest-scoring label allowed after prev.
func best[T int32 | int64 | float64](sc *[nLabels]T, prev uint8, last bool) uint8 {
	var bl uint8
	found := false
	var bs T
	for l := uint8(0); l < nLabels; l++ {
		if !allowed(prev, l) {
			continue
		}
		if last && l != 0 {
			if p := labelPos(l); p == posB || p == posI {
				continue
			}
		}
		if !found || sc[l] > bs {
			bl, bs, found = l, sc[l], true
		}
	}
	return bl
}
