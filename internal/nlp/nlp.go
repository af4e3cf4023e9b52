// Package nlp holds the text primitives the analysis stages share: a
// tokenizer and a sentence splitter for English news, both reporting rune
// offsets into the text they were given.
//
// It is rule-based and allocation-light; it does no tagging or parsing
// (see entities and events for those).
package nlp

import (
	"strings"
	"unicode"
)

// Token is one word or punctuation mark, with rune offsets [Start, End).
type Token struct {
	Text  string
	Start int
	End   int
}

// Span is a rune range [Start, End) of a text.
type Span struct {
	Start int
	End   int
}

// Tokenize splits text into tokens: words (with inner apostrophes, hyphens,
// periods of abbreviations like "U.S." and digits with separators kept
// together) and single punctuation marks.
func Tokenize(text string) []Token {
	rs := []rune(text)
	toks := make([]Token, 0, len(rs)/5+1)
	i := 0
	for i < len(rs) {
		r := rs[i]
		if unicode.IsSpace(r) {
			i++
			continue
		}
		start := i
		if isWordRune(r) {
			i++
			for i < len(rs) {
				c := rs[i]
				if isWordRune(c) {
					i++
					continue
				}
				// inner joiners: don't, al-Assad, 3.5, 1,000, U.S.
				if (c == '\'' || c == '’' || c == '-' || c == '.' || c == ',' || c == '/') && i+1 < len(rs) && isWordRune(rs[i+1]) {
					if c == ',' && !(unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1])) {
						break
					}
					if c == '.' && !(unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1])) && !isAbbrevDot(rs, start, i) {
						break
					}
					if c == '/' && !(unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1])) {
						break
					}
					i += 2
					continue
				}
				break
			}
			// trailing period of an initialism: "U.S." -> keep the dot
			if i < len(rs) && rs[i] == '.' && isInitialism(rs[start:i]) {
				i++
			}
		} else {
			i++
		}
		toks = append(toks, Token{Text: string(rs[start:i]), Start: start, End: i})
	}
	return toks
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// isAbbrevDot reports whether the dot at i continues an initialism such as
// U.S or U.N (single letters separated by dots).
func isAbbrevDot(rs []rune, start, i int) bool {
	return i-start == 1 || (i-start >= 3 && rs[i-2] == '.')
}

func isInitialism(w []rune) bool {
	// X.Y or X.Y.Z: single letters joined by dots
	if len(w) < 3 {
		return len(w) == 1 && unicode.IsUpper(w[0])
	}
	for j, r := range w {
		if j%2 == 1 {
			if r != '.' {
				return false
			}
		} else if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// abbreviations that end with a period but do not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "sen": true, "rep": true,
	"gov": true, "lt": true, "col": true, "maj": true, "capt": true, "sgt": true, "st": true, "jr": true, "sr": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "no": true, "vs": true, "etc": true, "inc": true, "corp": true, "co": true,
	"ltd": true, "mt": true, "ft": true, "pres": true, "adm": true, "cmdr": true, "rev": true, "fig": true,
}

// Sentences splits text into sentence spans (rune offsets). Paragraph breaks
// always end a sentence; ".", "!" and "?" end one when followed by space and
// an upper-case letter, a digit or an opening quote, and the word before is
// not a known abbreviation or an initial.
func Sentences(text string) []Span {
	rs := []rune(text)
	var out []Span
	start := 0
	skipSpace := func(i int) int {
		for i < len(rs) && unicode.IsSpace(rs[i]) {
			i++
		}
		return i
	}
	emit := func(end int) {
		s, e := start, end
		for s < e && unicode.IsSpace(rs[s]) {
			s++
		}
		for e > s && unicode.IsSpace(rs[e-1]) {
			e--
		}
		if e > s {
			out = append(out, Span{s, e})
		}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\n' && i+1 < len(rs) && rs[i+1] == '\n' {
			emit(i)
			i = skipSpace(i)
			start = i
			i--
			continue
		}
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		j := i + 1
		for j < len(rs) && (rs[j] == '"' || rs[j] == '”' || rs[j] == '\'' || rs[j] == '’' || rs[j] == ')' || rs[j] == '.') {
			j++
		}
		if j >= len(rs) {
			continue
		}
		if !unicode.IsSpace(rs[j]) {
			continue
		}
		k := skipSpace(j)
		if k >= len(rs) {
			continue
		}
		nx := rs[k]
		if !(unicode.IsUpper(nx) || unicode.IsDigit(nx) || nx == '"' || nx == '“' || nx == '\'' || nx == '‘' || nx == '(') {
			continue
		}
		if r == '.' {
			w := prevWord(rs, i)
			lw := strings.ToLower(w)
			if abbreviations[lw] || (len([]rune(w)) == 1 && unicode.IsUpper([]rune(w)[0])) || strings.Contains(w, ".") {
				// "U.S. President" stays one sentence, "in the U.S. The" is ambiguous: keep together
				continue
			}
		}
		emit(j)
		start = k
		i = k - 1
	}
	emit(len(rs))
	return out
}

func prevWord(rs []rune, i int) string {
	j := i
	for j > 0 && (isWordRune(rs[j-1]) || rs[j-1] == '.') {
		j--
	}
	return string(rs[j:i])
}
