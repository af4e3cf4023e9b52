package classify

import (
	"math"
	"sort"
	"unicode"
	"unicode/utf8"
)

// FeatureConfig says which hashed features a model uses. It is stored in the
// model file so prediction extracts exactly what training saw.
type FeatureConfig struct {
	Bits      uint8 // log2 of the number of hash buckets
	MaxTokens int   // only the first MaxTokens tokens of headline+body count
	Bigrams   bool  // word bigrams
	MinN      uint8 // character n-gram lengths (0 = none), inside "<word>", of words of 3 bytes or more
	MaxN      uint8
	CharW     float32 // weight of one character n-gram relative to a word
	Sublinear bool    // merge repeated features and damp counts to 1+ln(count)
}

// DefaultFeatures is the configuration the shipped model and the
// evaluation use.
var defaultFeatures = FeatureConfig{Bits: 20, MaxTokens: 320, Bigrams: true, MinN: 4, MaxN: 4, CharW: 0.5}

// DefaultFeatures returns the feature configuration of the shipped model.
func DefaultFeatures() FeatureConfig { return defaultFeatures }

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	seedBi    = 0x9e3779b97f4a7c15
	seedChar  = 0xc2b2ae3d27d4eb4f
)

// Features is a sparse feature vector: bucket ids and their values.
type Features struct {
	Idx []uint32
	Val []float32
}

// extractor turns text into hashed features, reusing its buffers. It is not
// safe for concurrent use; make one per goroutine.
type extractor struct {
	cfg  FeatureConfig
	word []byte
	f    Features
}

func newExtractor(cfg FeatureConfig) *extractor {
	return &extractor{cfg: cfg}
}

func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

// Tokens calls fn with each lower-cased word of s (letters, digits and marks;
// everything else separates words) until fn returns false.
func Tokens(s string, fn func(w []byte) bool) {
	var buf [64]byte
	w := buf[:0]
	flush := func() bool {
		if len(w) == 0 {
			return true
		}
		ok := fn(w)
		w = buf[:0]
		return ok
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				w = append(w, c)
			case c >= 'A' && c <= 'Z':
				w = append(w, c+'a'-'A')
			default:
				if !flush() {
					return
				}
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			w = utf8.AppendRune(w, unicode.ToLower(r))
		} else if !flush() {
			return
		}
	}
	flush()
}

// Normalize returns s as the space-separated words the features see, the
// form the fastText comparison files use.
func Normalize(s string) string {
	out := make([]byte, 0, len(s))
	Tokens(s, func(w []byte) bool {
		if len(out) > 0 {
			out = append(out, ' ')
		}
		out = append(out, w...)
		return true
	})
	return string(out)
}

// extract returns the features of the texts taken in order (headline, then
// body), capped at cfg.MaxTokens words in all. The result aliases the
// extractor's buffers and is valid until the next call.
func (e *extractor) extract(texts ...string) Features {
	cfg := e.cfg
	mask := uint64(1)<<cfg.Bits - 1
	e.f.Idx, e.f.Val = e.f.Idx[:0], e.f.Val[:0]
	// Repeated features stay separate entries: a dot product sums them.
	add := func(h uint64, v float32) {
		e.f.Idx = append(e.f.Idx, uint32(mix(h)&mask))
		e.f.Val = append(e.f.Val, v)
	}
	n := 0
	var prev uint64
	havePrev := false
	for _, t := range texts {
		if n >= cfg.MaxTokens {
			break
		}
		Tokens(t, func(w []byte) bool {
			h := uint64(fnvOffset)
			for _, c := range w {
				h ^= uint64(c)
				h *= fnvPrime
			}
			add(h, 1)
			if cfg.Bigrams && havePrev {
				add((prev*31+h)^seedBi, 1)
			}
			prev, havePrev = h, true
			if cfg.MinN > 0 && len(w) >= 3 {
				e.word = append(append(append(e.word[:0], '<'), w...), '>')
				cw := e.word
				for nn := int(cfg.MinN); nn <= int(cfg.MaxN); nn++ {
					if len(cw) < nn || len(w) < nn-1 {
						break
					}
					for i := 0; i+nn <= len(cw); i++ {
						h := uint64(seedChar) ^ uint64(nn)
						for _, c := range cw[i : i+nn] {
							h ^= uint64(c)
							h *= fnvPrime
						}
						add(h, cfg.CharW)
					}
				}
			}
			n++
			return n < cfg.MaxTokens
		})
	}
	if cfg.Sublinear {
		e.merge()
	}
	// L2-normalise so short leads and long articles score on one scale.
	var ss float64
	for _, v := range e.f.Val {
		ss += float64(v) * float64(v)
	}
	if ss > 0 {
		inv := float32(1 / math.Sqrt(ss))
		for i := range e.f.Val {
			e.f.Val[i] *= inv
		}
	}
	return e.f
}

// merge sums repeated buckets and damps each sum s (in units of the
// feature's weight w) to w*(1+ln(s/w)).
func (e *extractor) merge() {
	f := &e.f
	sort.Sort(byIdx{f})
	out := 0
	for i := 0; i < len(f.Idx); {
		j, w, s := i, f.Val[i], float32(0)
		for ; j < len(f.Idx) && f.Idx[j] == f.Idx[i]; j++ {
			s += f.Val[j]
		}
		f.Idx[out] = f.Idx[i]
		f.Val[out] = w * (1 + float32(math.Log(float64(s/w))))
		out++
		i = j
	}
	f.Idx, f.Val = f.Idx[:out], f.Val[:out]
}

type byIdx struct{ f *Features }

func (b byIdx) Len() int           { return len(b.f.Idx) }
func (b byIdx) Less(i, j int) bool { return b.f.Idx[i] < b.f.Idx[j] }
func (b byIdx) Swap(i, j int) {
	b.f.Idx[i], b.f.Idx[j] = b.f.Idx[j], b.f.Idx[i]
	b.f.Val[i], b.f.Val[j] = b.f.Val[j], b.f.Val[i]
}
