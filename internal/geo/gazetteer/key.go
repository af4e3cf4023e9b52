package gazetteer

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// abbrevs expands the abbreviations place names are written with, so that
// "St. Petersburg", "St Petersburg" and "Saint Petersburg" share a key.
var abbrevs = map[string]string{
	"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point",
}

// arabicArticle holds the spellings of the Arabic article, assimilated or
// not, that transliterations of one name vary between.
var arabicArticle = map[string]bool{
	"al": true, "el": true, "ash": true, "as": true, "ad": true, "an": true, "ar": true, "az": true,
	"ez": true, "es": true, "ed": true, "ul": true, "at": true, "adh": true, "ath": true, "az-": true,
}

// Key normalises a place name for lookup: diacritics dropped, lower case,
// apostrophes removed, hyphens, dots and commas as spaces, a leading "the"
// dropped, and common abbreviations expanded. "Sharm al-Sheikh" and "Sharm
// Al Sheikh" share a key; so do "St. Petersburg" and "Saint Petersburg".
func Key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == '‘' || r == '`' || r == 'ʼ' || r == 'ʻ':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(foldRune(r)))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	k := strings.TrimSpace(b.String())
	k = strings.TrimPrefix(k, "the ")
	if !strings.Contains(k, " ") {
		return k
	}
	f := strings.Fields(k)
	for i, w := range f[:len(f)-1] {
		if x, ok := abbrevs[w]; ok {
			f[i] = x
		} else if arabicArticle[w] {
			f[i] = "al" // "Sharm el-Sheikh", "Sharm al-Sheikh"; "Deir ez-Zor", "Deir al-Zor"
		}
	}
	return strings.Join(f, " ")
}

// foldRune maps letters NFD does not decompose to their base letter.
func foldRune(r rune) rune {
	switch r {
	case 'ø', 'Ø':
		return 'o'
	case 'ł', 'Ł':
		return 'l'
	case 'đ', 'Đ':
		return 'd'
	case 'ß':
		return 's'
	case 'ı':
		return 'i'
	case 'æ', 'Æ':
		return 'a'
	case 'œ', 'Œ':
		return 'o'
	case 'þ', 'Þ':
		return 't'
	}
	return r
}
