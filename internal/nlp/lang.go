package nlp

import (
	"strings"
	"unicode"
)

// stopwords of the languages news commonly arrives in; a text's language is
// the one whose function words it uses most.
var stopwords = map[string][]string{
	"en": {"the", "and", "of", "to", "in", "that", "is", "was", "for", "on", "with", "said", "by", "it", "as", "at", "from", "his", "he", "have"},
	"fr": {"le", "la", "les", "et", "des", "du", "un", "une", "est", "que", "dans", "pour", "qui", "sur", "au", "pas", "par", "ce", "il", "a"},
	"de": {"der", "die", "und", "das", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "von", "sich", "auf", "für", "im", "dem", "des", "es", "wird"},
	"es": {"el", "la", "los", "las", "de", "que", "y", "en", "un", "una", "por", "con", "para", "es", "del", "se", "al", "como", "su", "fue"},
	"it": {"il", "di", "che", "e", "la", "per", "un", "una", "non", "con", "sono", "del", "della", "le", "gli", "si", "nel", "ha", "è", "da"},
	"pt": {"o", "a", "de", "que", "e", "do", "da", "em", "um", "uma", "para", "com", "não", "os", "as", "no", "na", "por", "se", "foi"},
	"nl": {"de", "het", "een", "en", "van", "dat", "is", "op", "niet", "te", "zijn", "voor", "met", "die", "ook", "als", "aan", "er", "bij", "werd"},
}

var stopIndex = func() map[string][]string {
	m := map[string][]string{}
	for lang, ws := range stopwords {
		for _, w := range ws {
			m[w] = append(m[w], lang)
		}
	}
	return m
}()

// Language guesses the ISO 639-1 code of text: by script for Arabic,
// Cyrillic (ru/uk by letters), Hebrew, Greek, CJK; by function words for
// Latin-script languages. It returns "" when it cannot tell.
func Language(text string) string {
	if len(text) > 4000 {
		text = text[:4000]
	}
	var latin, arabic, cyr, heb, greek, han, kana, hangul, ukr int
	for _, r := range text {
		switch {
		case r < 0x80 && unicode.IsLetter(r), unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
			if strings.ContainsRune("іїєґІЇЄҐ", r) {
				ukr++
			}
		case unicode.Is(unicode.Hebrew, r):
			heb++
		case unicode.Is(unicode.Greek, r):
			greek++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			kana++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		}
	}
	total := latin + arabic + cyr + heb + greek + han + kana + hangul
	if total == 0 {
		return ""
	}
	switch {
	case arabic*2 > total:
		return "ar"
	case cyr*2 > total:
		if ukr > 0 {
			return "uk"
		}
		return "ru"
	case heb*2 > total:
		return "he"
	case greek*2 > total:
		return "el"
	case kana > 0 && (han+kana)*2 > total:
		return "ja"
	case han*2 > total:
		return "zh"
	case hangul*2 > total:
		return "ko"
	}
	counts := map[string]int{}
	n := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		n++
		for _, l := range stopIndex[w] {
			counts[l]++
		}
	}
	best, bestN := "", 0
	for l, c := range counts {
		if c > bestN || c == bestN && l < best {
			best, bestN = l, c
		}
	}
	if bestN < 2 || bestN*20 < n {
		return ""
	}
	return best
}
