package extract

import "unicode"

// The scoring below is the article-extraction-benchmark's (Scrapinghub/Zyte)
// metric, reimplemented from its description: text is split into \w+ tokens,
// each text becomes a multiset of 4-token shingles, and one page's true
// positives, false positives and false negatives are the multiset overlaps,
// normalised to sum to 1 so long pages do not weigh more.

// Tokens splits s into the benchmark's \w+ tokens: runs of letters,
// digits and underscores.
func Tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// shingles returns the multiset of n-token shingles of toks, each shingle
// as a 64-bit FNV-1a hash of its tokens. Like the benchmark, a text shorter
// than n tokens has one (short) shingle, and an empty text has one empty
// shingle.
func shingles(toks []string, n int) map[uint64]int {
	m := make(map[uint64]int, len(toks))
	last := len(toks) - n + 1
	if last < 1 {
		last = 1
	}
	for i := 0; i < last; i++ {
		j := i + n
		if j > len(toks) {
			j = len(toks)
		}
		h := uint64(14695981039346656037)
		for _, t := range toks[i:j] {
			for k := 0; k < len(t); k++ {
				h ^= uint64(t[k])
				h *= 1099511628211
			}
			h ^= 0xff // token separator (never a byte of UTF-8 text)
			h *= 1099511628211
		}
		m[h]++
	}
	return m
}

// PageScore is one page's shingle overlap, normalised so TP+FP+FN is 1
// (all zero only when both texts are empty).
type PageScore struct {
	TP, FP, FN float64
	// Empty is true when the prediction has no token at all.
	Empty bool
	// Exact is true when the predicted token sequence equals the truth.
	Exact bool
}

// ScorePage compares a predicted article body with the true one.
func ScorePage(truth, pred string) PageScore {
	tt, pt := Tokens(truth), Tokens(pred)
	ts, ps := shingles(tt, 4), shingles(pt, 4)
	var tp, fp, fn float64
	for k, tc := range ts {
		pc := ps[k]
		tp += float64(min(tc, pc))
		fn += float64(max(0, tc-pc))
	}
	for k, pc := range ps {
		fp += float64(max(0, pc-ts[k]))
	}
	s := tp + fp + fn
	if s > 0 {
		tp, fp, fn = tp/s, fp/s, fn/s
	}
	exact := len(tt) == len(pt)
	for i := 0; exact && i < len(tt); i++ {
		exact = tt[i] == pt[i]
	}
	return PageScore{TP: tp, FP: fp, FN: fn, Empty: len(pt) == 0, Exact: exact}
}

// Precision of one page: 1 when nothing was wrong, else tp/(tp+fp).
func (p PageScore) Precision() float64 {
	if p.FP == 0 && p.FN == 0 {
		return 1
	}
	if p.TP+p.FP == 0 {
		return 0
	}
	return p.TP / (p.TP + p.FP)
}

// Recall of one page: 1 when nothing was wrong, else tp/(tp+fn).
func (p PageScore) Recall() float64 {
	if p.FP == 0 && p.FN == 0 {
		return 1
	}
	if p.Empty || p.TP+p.FN == 0 {
		return 0
	}
	return p.TP / (p.TP + p.FN)
}

// F1 of one page (used to rank the worst pages; the benchmark's F1 is
// computed from the macro averages, see Summarize).
func (p PageScore) F1() float64 {
	pr, rc := p.Precision(), p.Recall()
	if pr+rc == 0 {
		return 0
	}
	return 2 * pr * rc / (pr + rc)
}

// Summary is the benchmark's score over many pages.
type Summary struct {
	Pages     int     `json:"pages"`
	F1        float64 `json:"f1"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Accuracy  float64 `json:"accuracy"`
	Empty     int     `json:"empty_predictions"`
}

// Summarize macro-averages precision and recall over pages (a page with an
// empty prediction is left out of the precision mean and counts as recall
// 0), takes F1 as the harmonic mean of those two averages, and accuracy as
// the share of pages whose tokens equal the truth exactly.
func Summarize(pages []PageScore) Summary {
	s := Summary{Pages: len(pages)}
	var np int
	var ps, rs, acc float64
	for _, p := range pages {
		if p.Empty {
			s.Empty++
		} else {
			ps += p.Precision()
			np++
		}
		rs += p.Recall()
		if p.Exact {
			acc++
		}
	}
	if np > 0 {
		s.Precision = ps / float64(np)
	}
	if len(pages) > 0 {
		s.Recall = rs / float64(len(pages))
		s.Accuracy = acc / float64(len(pages))
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}
