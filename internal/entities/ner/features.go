package ner

import (
	"unicode"
	"unicode/utf8"
)

// Features are hashed: every feature is a template id mixed with the
// hashes of the strings it looks at, reduced to a row of the weight table.
// Words are hashed once per sentence; window features only mix hashes.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func mix(a, b uint64) uint64 {
	h := (a ^ (b + 0x9E3779B97F4A7C15 + (a << 6) + (a >> 2))) * 0xff51afd7ed558ccd
	return h ^ (h >> 31)
}

// word flags
const (
	fInitCap = 1 << iota
	fAllCaps
	fLower
	fMixed
	fHasDigit
	fAllDigit
	fHasHyphen
	fHasDot
	fPunct
	fPoss
	fInitial
	fHasApos
	fHasUpper
)

// word is what the features know about one token.
type word struct {
	lower, form   uint64
	shape, shapeL uint64
	pre, suf      [4]uint64
	cl            [nClusterLevels]uint32
	flags         uint16
	gaz           uint16 // gazetteer type x BILU bits
	silver        uint16 // the same for the silver gazetteer
	oov           bool   // capitalised and not a training word
	docLower      bool   // the doc has this word in lower case
	docCapMid     bool   // the doc has it capitalised inside a sentence
	first         bool   // first word of its sentence
	hist          int8   // type it got earlier in the document (-1 none, 0 O, 1+type)
	capsSentence  bool
	// stage 2 (stacking): the first stage's label of this word and what
	// the first stage made of the same word elsewhere in the document
	// (-1 none, 0 O, 1+type), over all its other occurrences and over
	// those inside multi-word names.
	s1        uint8
	agg, aggM int8
}

var (
	padL1 = word{lower: hashBytes([]byte("<s>")), form: hashBytes([]byte("<s>")), shape: 1, shapeL: 1}
	padL2 = word{lower: hashBytes([]byte("<s2>")), form: hashBytes([]byte("<s2>")), shape: 2, shapeL: 2}
	padR1 = word{lower: hashBytes([]byte("</s>")), form: hashBytes([]byte("</s>")), shape: 3, shapeL: 3}
	padR2 = word{lower: hashBytes([]byte("</s2>")), form: hashBytes([]byte("</s2>")), shape: 4, shapeL: 4}
)

// normalize writes the cased normal form of w into buf: curly apostrophes
// straightened, digits folded to 0 and a possessive 's removed (news
// tokenisers keep "Obama's" whole, CoNLL splits it). It reports whether a
// possessive was removed.
func normalize(buf []byte, w string) ([]byte, bool) {
	buf = buf[:0]
	for _, r := range w {
		switch {
		case r == '’' || r == '‘' || r == '`':
			buf = append(buf, '\'')
		case r >= '0' && r <= '9':
			buf = append(buf, '0')
		case r < utf8.RuneSelf:
			buf = append(buf, byte(r))
		default:
			buf = utf8.AppendRune(buf, r)
		}
	}
	poss := false
	if n := len(buf); n > 2 && buf[n-2] == '\'' && (buf[n-1] == 's' || buf[n-1] == 'S') {
		buf = buf[:n-2]
		poss = true
	}
	return buf, poss
}

func lowerBytes(dst, src []byte) []byte {
	dst = dst[:0]
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}

// scratch is per-call working memory.
type scratch struct {
	norm, low, shp, shpL []byte
}

// lowerKey is the hash the gazetteer, clusters and document memory use.
func (s *scratch) lowerKey(w string) uint64 {
	var poss bool
	s.norm, poss = normalize(s.norm, w)
	_ = poss
	s.low = lowerBytes(s.low, s.norm)
	return hashBytes(s.low)
}

// fill computes the per-word part of the features.
func (s *scratch) fill(wd *word, w string, m *lexicon) {
	*wd = word{hist: -1}
	var poss bool
	s.norm, poss = normalize(s.norm, w)
	s.low = lowerBytes(s.low, s.norm)
	wd.form = hashBytes(s.norm)
	wd.lower = hashBytes(s.low)
	var fl uint16
	if poss {
		fl |= fPoss
	}
	// shape and case
	s.shp, s.shpL = s.shp[:0], s.shpL[:0]
	var upper, lower, digit, letters, other, n int
	var last byte
	run := 0
	for i, r := range string(s.norm) {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			upper++
			fl |= fHasUpper
			letters++
			if i == 0 {
				fl |= fInitCap
			} else if lower > 0 {
				fl |= fMixed
			}
		case unicode.IsLetter(r):
			c = 'x'
			lower++
			letters++
		case unicode.IsDigit(r):
			c = 'd'
			digit++
		default:
			other++
			switch r {
			case '-':
				fl |= fHasHyphen
				c = '-'
			case '.':
				fl |= fHasDot
				c = '.'
			case '\'', '’':
				fl |= fHasApos
				c = '\''
			default:
				if r < utf8.RuneSelf {
					c = byte(r)
				} else {
					c = '*'
				}
			}
		}
		n++
		if c == last {
			run++
		} else {
			run = 1
		}
		last = c
		if run <= 1 {
			s.shp = append(s.shp, c)
		}
		if run <= 4 {
			s.shpL = append(s.shpL, c)
		}
	}
	if digit > 0 {
		fl |= fHasDigit
		if digit == n {
			fl |= fAllDigit
		}
	}
	if letters > 0 && upper == letters && (letters > 1 || n == 1) {
		fl |= fAllCaps
	}
	if letters > 0 && lower == letters {
		fl |= fLower
	}
	if letters == 0 && digit == 0 {
		fl |= fPunct
	}
	if n == 2 && upper == 1 && s.norm[1] == '.' {
		fl |= fInitial
	}
	wd.flags = fl
	wd.shape = hashBytes(s.shp)
	wd.shapeL = hashBytes(s.shpL)
	// affixes of the lower-case normal form, by runes
	lr := utf8.RuneCount(s.low)
	if lr > 1 {
		end := 0
		for k := 0; k < 4 && k < lr-1; k++ {
			_, sz := utf8.DecodeRune(s.low[end:])
			end += sz
			wd.pre[k] = hashBytes(s.low[:end])
		}
		start := len(s.low)
		for k := 0; k < 4 && k < lr-1; k++ {
			_, sz := utf8.DecodeLastRune(s.low[:start])
			start -= sz
			wd.suf[k] = hashBytes(s.low[start:])
		}
	}
	if m != nil && m.clusters != nil {
		if c, ok := m.clusters[wd.lower]; ok {
			wd.cl = c
		}
	}
	if m != nil && m.vocab != nil && fl&fHasUpper != 0 {
		_, known := m.vocab[wd.lower]
		wd.oov = !known
	}
}

// template ids
const (
	tBias    = 1
	tW       = 2
	tForm    = 3
	tWm1     = 4
	tWp1     = 5
	tWm2     = 6
	tWp2     = 7
	tWm1W    = 8
	tWWp1    = 9
	tWm1Wp1  = 10
	tWm2Wm1  = 11
	tWp1Wp2  = 12
	tSh      = 13
	tShL     = 14
	tShm1    = 15
	tShp1    = 16
	tSh3     = 17
	tFlags   = 18
	tFlagsM1 = 19
	tFlagsP1 = 20
	tGaz     = 21
	tGazM1   = 22
	tGazP1   = 23
	tCapsW   = 24
	tWm1Sh   = 25
	tShWp1   = 26
	tDoc     = 27
	tHist    = 28
	tHistW   = 29
	tP1      = 30
	tP2P1    = 31
	tP1W     = 32
	tP1Sh    = 33
	tClW     = 34
	tPre     = 35 // 4 of them
	tSuf     = 39 // 4
	tCl      = 43
	tClm1    = 51
	tClp1    = 59
	tS1      = 67
	tS1m1    = 68
	tS1p1    = 69
	tS13     = 70
	tAgg     = 71
	tAggM    = 72
	tAggS1   = 73
	tS1W     = 74
	tFormM1  = 75
	tFormP1  = 76
	tFirstW  = 77
	tSilver  = 80
	tSilverM = 81
	tOOVSh   = 82
	tOOVFl   = 83
	tOOVCl   = 84 // nClusterLevels of them
)

// plain reports whether word i and its neighbours have no upper-case
// letter: such words are tagged O without scoring when no name is open
// (in CoNLL-2003 they are 56% of the tokens and 0.1% of the name tokens).
func plain(ws []word, i int) bool {
	if ws[i].flags&fHasUpper != 0 {
		return false
	}
	if i > 0 && ws[i-1].flags&fHasUpper != 0 {
		return false
	}
	return i+1 >= len(ws) || ws[i+1].flags&fHasUpper == 0
}

// settled reports whether the second stage can keep word i as O: a
// word without capitals that the first stage tagged O, between words it
// tagged O.
func settled(ws []word, i int) bool {
	if ws[i].s1 != 0 || ws[i].flags&fHasUpper != 0 {
		return false
	}
	if i > 0 && ws[i-1].s1 != 0 {
		return false
	}
	return i+1 >= len(ws) || ws[i+1].s1 == 0
}

func tpl(t int) uint64 { return uint64(t) * 0xC2B2AE3D27D4EB4F }

// staticFeatures appends the hashed (unreduced) features of position i
// that do not depend on predicted labels.
func staticFeatures(dst []uint64, ws []word, i int, stage2 bool) []uint64 {
	dst, _ = staticFeaturesN(dst, ws, i, stage2)
	return dst
}

// staticFeaturesN is staticFeatures that also returns how many of the
// appended features are identity features of the word itself (they come
// first).
func staticFeaturesN(dst []uint64, ws []word, i int, stage2 bool) ([]uint64, int) {
	base := len(dst)
	w := &ws[i]
	get := func(j int) *word {
		switch {
		case j == -1:
			return &padL1
		case j < -1:
			return &padL2
		case j == len(ws):
			return &padR1
		case j > len(ws):
			return &padR2
		}
		return &ws[j]
	}
	m1, m2, p1, p2 := get(i-1), get(i-2), get(i+1), get(i+2)
	fl := uint64(w.flags)
	if w.first {
		fl |= 1 << 20
	}
	if w.capsSentence {
		fl |= 1 << 21
	}
	// identity features of the word itself first: training hides them now
	// and then (word dropout) so that unseen names are learnt from shape,
	// affixes, clusters and context.
	dst = append(dst,
		mix(tpl(tW), w.lower),
		mix(tpl(tForm), w.form),
		mix(mix(tpl(tWm1W), m1.lower), w.lower),
		mix(mix(tpl(tWWp1), w.lower), p1.lower),
	)
	if w.first {
		dst = append(dst, mix(tpl(tFirstW), w.lower))
	}
	if w.capsSentence {
		dst = append(dst, mix(tpl(tCapsW), w.lower))
	}
	nIdent := len(dst) - base
	dst = append(dst,
		tpl(tBias),
		mix(tpl(tWm1), m1.lower),
		mix(tpl(tWp1), p1.lower),
		mix(tpl(tWm2), m2.lower),
		mix(tpl(tWp2), p2.lower),
		mix(mix(tpl(tWm1Wp1), m1.lower), p1.lower),
		mix(mix(tpl(tWm2Wm1), m2.lower), m1.lower),
		mix(mix(tpl(tWp1Wp2), p1.lower), p2.lower),
		mix(tpl(tSh), w.shape),
		mix(tpl(tShL), w.shapeL),
		mix(tpl(tShm1), m1.shape),
		mix(tpl(tShp1), p1.shape),
		mix(mix(mix(tpl(tSh3), m1.shape), w.shape), p1.shape),
		mix(tpl(tFlags), fl),
		mix(tpl(tFlagsM1), uint64(m1.flags)),
		mix(tpl(tFlagsP1), uint64(p1.flags)),
		mix(mix(tpl(tWm1Sh), m1.lower), w.shape),
		mix(mix(tpl(tShWp1), w.shape), p1.lower),
		mix(tpl(tFormM1), m1.form),
		mix(tpl(tFormP1), p1.form),
	)
	for k := 0; k < 4; k++ {
		if w.pre[k] != 0 {
			dst = append(dst, mix(tpl(tPre+k), w.pre[k]))
		}
		if w.suf[k] != 0 {
			dst = append(dst, mix(tpl(tSuf+k), w.suf[k]))
		}
	}
	for k := 0; k < nClusterLevels; k++ {
		if w.cl[k] != 0 {
			dst = append(dst, mix(tpl(tCl+k), uint64(w.cl[k])))
		}
		if m1.cl[k] != 0 {
			dst = append(dst, mix(tpl(tClm1+k), uint64(m1.cl[k])))
		}
		if p1.cl[k] != 0 {
			dst = append(dst, mix(tpl(tClp1+k), uint64(p1.cl[k])))
		}
	}
	if w.cl[1] != 0 {
		dst = append(dst, mix(mix(tpl(tClW), uint64(w.cl[1])), fl))
	}
	if w.oov {
		// names the training data never saw: what shape, case and
		// cluster say about unknown words in particular
		dst = append(dst, mix(tpl(tOOVSh), w.shape), mix(tpl(tOOVFl), fl))
		for k := 0; k < nClusterLevels; k++ {
			if w.cl[k] != 0 {
				dst = append(dst, mix(tpl(tOOVCl+k), uint64(w.cl[k])))
			}
		}
	}
	if g := w.gaz; g != 0 {
		for b := 0; b < 16; b++ {
			if g&(1<<b) != 0 {
				dst = append(dst, mix(tpl(tGaz), uint64(b)))
			}
		}
		dst = append(dst, mix(tpl(tGaz), uint64(g)<<8))
	}
	if m1.gaz != 0 {
		dst = append(dst, mix(tpl(tGazM1), uint64(m1.gaz)))
	}
	if g := w.silver; g != 0 {
		for b := 0; b < 16; b++ {
			if g&(1<<b) != 0 {
				dst = append(dst, mix(tpl(tSilver), uint64(b)))
			}
		}
		dst = append(dst, mix(tpl(tSilverM), uint64(g)|uint64(w.gaz)<<16))
	}
	if p1.gaz != 0 {
		dst = append(dst, mix(tpl(tGazP1), uint64(p1.gaz)))
	}
	if w.flags&(fInitCap|fAllCaps) != 0 {
		var d uint64
		if w.docLower {
			d |= 1
		}
		if w.docCapMid {
			d |= 2
		}
		if w.first {
			d |= 4
		}
		if w.capsSentence {
			d |= 8
		}
		dst = append(dst, mix(tpl(tDoc), d))
	}
	if stage2 {
		s1 := uint64(w.s1)
		s1m, s1p := uint64(m1.s1), uint64(p1.s1)
		if i == 0 {
			s1m = 100
		}
		if i == len(ws)-1 {
			s1p = 100
		}
		dst = append(dst,
			mix(tpl(tS1), s1),
			mix(tpl(tS1m1), s1m),
			mix(tpl(tS1p1), s1p),
			mix(tpl(tS13), s1m<<16|s1<<8|s1p),
			mix(mix(tpl(tS1W), s1), w.lower),
		)
		if w.agg >= 0 {
			dst = append(dst, mix(tpl(tAgg), uint64(w.agg)), mix(tpl(tAggS1), uint64(w.agg)<<8|s1))
		}
		if w.aggM >= 0 {
			dst = append(dst, mix(tpl(tAggM), uint64(w.aggM)))
		}
	}
	return dst, nIdent
}

// aggregate sets the stage-2 fields of a document's words from the
// first-stage labels (flat, aligned with p.words).
func aggregate(p *prepared, labels []uint8, counts map[uint64][2][1 + nTypes]uint16) {
	clear(counts)
	for i := range p.words {
		w := &p.words[i]
		w.s1 = labels[i]
		if w.flags&(fInitCap|fAllCaps) == 0 {
			continue
		}
		c := counts[w.lower]
		k := 0
		if labels[i] != 0 {
			k = 1 + labelType(labels[i])
		}
		c[0][k]++
		if k > 0 && labelPos(labels[i]) != posU {
			c[1][k]++
		}
		counts[w.lower] = c
	}
	for i := range p.words {
		w := &p.words[i]
		w.agg, w.aggM = -1, -1
		if w.flags&(fInitCap|fAllCaps) == 0 {
			continue
		}
		c := counts[w.lower]
		k := 0
		if labels[i] != 0 {
			k = 1 + labelType(labels[i])
		}
		c[0][k]--
		if k > 0 && labelPos(labels[i]) != posU {
			c[1][k]--
		}
		w.agg = argmaxCount(c[0][:])
		w.aggM = argmaxCount(c[1][:])
	}
}

func argmaxCount(c []uint16) int8 {
	best, bv := int8(-1), uint16(0)
	for k, v := range c {
		if v > bv {
			best, bv = int8(k), v
		}
	}
	return best
}

// historyFeatures appends the features that depend on the labels already
// predicted (p1 the previous label, p2 the one before).
func historyFeatures(dst []uint64, w *word, p1, p2 uint8, dropW bool) []uint64 {
	dst = append(dst,
		mix(tpl(tP1), uint64(p1)),
		mix(tpl(tP2P1), uint64(p2)<<8|uint64(p1)),
		mix(mix(tpl(tP1Sh), uint64(p1)), w.shape),
	)
	if !dropW {
		dst = append(dst, mix(mix(tpl(tP1W), uint64(p1)), w.lower))
	}
	if w.hist >= 0 {
		dst = append(dst, mix(tpl(tHist), uint64(w.hist)), mix(mix(tpl(tHistW), uint64(w.hist)), uint64(w.flags)))
	}
	return dst
}
