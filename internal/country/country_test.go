package country

import "testing"

func TestLookup(t *testing.T) {
	ix := Default()
	cases := []struct {
		in, want string
		fn       func(string) (Info, bool)
	}{
		{"Syria", "SYR", ix.ByName},
		{"Syrian Arab Republic", "SYR", ix.ByName},
		{"the United States", "USA", ix.ByName},
		{"U.S.", "USA", ix.Lookup},
		{"Britain", "GBR", ix.ByName},
		{"Russian", "RUS", ix.ByDemonym},
		{"Russians", "RUS", ix.ByDemonym},
		{"Syrians", "SYR", ix.ByDemonym},
		{"Israelis", "ISR", ix.ByDemonym},
		{"Turks", "TUR", ix.ByDemonym},
		{"South Koreans", "KOR", ix.ByDemonym},
		{"French", "FRA", ix.Lookup},
		{"Moscow", "RUS", ix.ByCapital},
		{"Washington", "USA", ix.ByCapital},
		{"Damascus", "SYR", ix.ByCapital},
		{"Egypt", "EGY", ix.Lookup},
		{"Ukraine", "UKR", ix.Lookup},
		{"Philippines", "PHL", ix.Lookup},
		{"Kosovo", "XKX", ix.Lookup},
	}
	for _, c := range cases {
		got, ok := c.fn(c.in)
		if !ok || got.Alpha3 != c.want {
			t.Errorf("%q: got %+v, %v; want %s", c.in, got, ok, c.want)
		}
	}
	for _, no := range []string{"Obama", "", "the", "Islamic State"} {
		if c, ok := ix.Lookup(no); ok {
			t.Errorf("%q: unexpectedly %+v", no, c)
		}
	}
	if c, ok := ix.ByAlpha2("sy"); !ok || c.Alpha3 != "SYR" || c.Lat == 0 {
		t.Errorf("ByAlpha2(sy) = %+v, %v", c, ok)
	}
	if n := len(ix.All()); n < 240 {
		t.Errorf("only %d countries", n)
	}
}

func BenchmarkLookup(b *testing.B) {
	ix := Default()
	for i := 0; i < b.N; i++ {
		ix.Lookup("Russians")
	}
}
