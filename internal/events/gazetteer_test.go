package events

import (
	"bytes"
	"strings"
	"testing"
)

const gazSample = `# comment
AFGHANISTAN_  [AFG]
+AFGHAN_
ABDELAZIZ_BOUTEFLIKA_  # CountryInfo.txt
	[DZAELI 550101-000101]
	[DZAGOV >990427]
	[DZAELI]
BORIS_YELTSIN_  # CountryInfo.txt
BORIS_N._YELTSIN
+PRESIDENT_BORIS_YELTSIN
	[RUSELI 310101-991231]
	[RUSGOV 910710-991231]
	[RUSELI]
MCKEEVA_BUSH_  # CountryInfo.txt
	[CYMGOV 050101-091231]
GEORGE_W._BUSH_  # CountryInfo.txt
	[USAGOV 010120-090120]
KOFI_ANNAN_
	[IGOUNO 970101-061231]
!PERSON! = X
NOWHERE_ [XYZGOV]
`

func TestGazetteer(t *testing.T) {
	full, sur, err := BuildGazetteer(strings.NewReader(gazSample))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteGazetteer(&buf, full, sur); err != nil {
		t.Fatal(err)
	}
	g, err := ReadGazetteer(&buf)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, country, role string
		surname, ok         bool
	}{
		{"Afghan", "AFG", "", false, true},
		{"Abdelaziz Bouteflika", "DZA", "GOV", false, true},
		{"Boris N. Yeltsin", "RUS", "GOV", false, true},
		{"President Boris Yeltsin", "RUS", "GOV", false, true},
		{"Kofi Annan", "IGO", "IGO", false, true},
		{"George W. Bush", "USA", "GOV", false, true},
		{"President Bush", "", "", true, false}, // two countries' Bushes
		{"Mr Yeltsin", "RUS", "GOV", true, true},
		{"Nowhere", "", "", false, false}, // not a country code
	}
	for _, tc := range tests {
		lookup := g.Full
		if tc.surname {
			lookup = g.Surname
		}
		c, r, ok := lookup(tc.name)
		if ok != tc.ok || c != tc.country || r != tc.role {
			t.Errorf("%q: got %q %q %v, want %q %q %v", tc.name, c, r, ok, tc.country, tc.role, tc.ok)
		}
	}
}

func FuzzBuildGazetteer(f *testing.F) {
	f.Add(gazSample)
	f.Add("[\n+\n\t[")
	f.Fuzz(func(t *testing.T, s string) {
		full, sur, err := BuildGazetteer(strings.NewReader(s))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := WriteGazetteer(&buf, full, sur); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadGazetteer(&buf); err != nil {
			t.Fatalf("round trip: %v", err)
		}
	})
}

func FuzzReadGazetteer(f *testing.F) {
	f.Add("F\tkofi annan\tIGO\tIGO\n")
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ReadGazetteer(strings.NewReader(s))
	})
}
