package classify

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func words(s string) []string {
	var out []string
	Tokens(s, func(w []byte) bool { out = append(out, string(w)); return true })
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Obama calls on Russia", []string{"obama", "calls", "on", "russia"}},
		{"U.S. air-strikes, 224 killed!", []string{"u", "s", "air", "strikes", "224", "killed"}},
		{"  Zürich ÉTÉ naïve  ", []string{"zürich", "été", "naïve"}},
		{"«Путин» заявил", []string{"путин", "заявил"}},
		{"don't\tstop\nnow", []string{"don", "t", "stop", "now"}},
	}
	for _, tt := range tests {
		if got := words(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeIdempotent(t *testing.T) {
	for _, s := range []string{"Obama calls on Russia to focus on war against IS in Syria", "A, b; C-d", "Ünïcödé  text"} {
		n := Normalize(s)
		if Normalize(n) != n {
			t.Errorf("Normalize not idempotent on %q: %q -> %q", s, n, Normalize(n))
		}
	}
}

// The fastText files carry Normalize(headline+" "+body); features of that
// line must equal the features of the headline and body.
func TestExtractSameFromFile(t *testing.T) {
	cfg := DefaultFeatures()
	e := newExtractor(cfg)
	h, b := "Russia intensifies air strikes", "Putin vowed to hunt down those responsible. The Metrojet plane..."
	f1 := cloneF(e.extract(h, b))
	f2 := cloneF(e.extract(Normalize(h + " " + b)))
	if !slices.Equal(f1.Idx, f2.Idx) || !slices.Equal(f1.Val, f2.Val) {
		t.Fatal("features differ between (headline, body) and the normalised line")
	}
}

func TestExtractCap(t *testing.T) {
	cfg := FeatureConfig{Bits: 16, MaxTokens: 10, Bigrams: true}
	e := newExtractor(cfg)
	long := strings.Repeat("word ", 1000)
	f := e.extract("headline here", long)
	// 10 unigrams and 9 bigrams
	if len(f.Idx) != 19 {
		t.Fatalf("%d features, want 19", len(f.Idx))
	}
	for _, b := range f.Idx {
		if b >= 1<<16 {
			t.Fatalf("bucket %d out of range", b)
		}
	}
	var ss float64
	for _, v := range f.Val {
		ss += float64(v * v)
	}
	if ss < 0.999 || ss > 1.001 {
		t.Fatalf("norm^2 = %v, want 1", ss)
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"", "Obama calls on Russia", "«Путин» заявил", "\xff\xfe", "a\u0301b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range words(s) {
			if len(w) == 0 {
				t.Fatal("empty word")
			}
			if utf8.ValidString(s) && !utf8.ValidString(w) {
				t.Fatalf("invalid UTF-8 word %q from valid input", w)
			}
		}
		e := newExtractor(DefaultFeatures())
		ft := e.extract(s, s)
		if len(ft.Idx) != len(ft.Val) {
			t.Fatal("index and value lengths differ")
		}
	})
}
