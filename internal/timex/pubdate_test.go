package timex

import (
	"testing"
	"time"
)

func TestInferPublished(t *testing.T) {
	cases := []struct {
		name  string
		texts []string
		body  string
		want  string
		ok    bool
	}{
		{"weekday pins after latest date", []string{"Photo taken on Nov. 16, 2015.", "June 30, 2014 in Washington"}, "Obama said on Wednesday that", "2015-11-18", true},
		{"same weekday as bound", []string{"on Nov. 16, 2015"}, "the minister said on Monday", "2015-11-16", true},
		{"no weekday: the bound", []string{"16 November 2015"}, "troops moved in.", "2015-11-16", true},
		{"iso date", []string{"filed 2020-02-28"}, "police told reporters on Saturday", "2020-02-29", true},
		{"invalid date ignored", []string{"Feb. 30, 2015"}, "x", "", false},
		{"nothing", []string{"no dates"}, "said on Friday", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, ok := InferPublished(c.texts, c.body)
			if ok != c.ok || ok && d.Format("2006-01-02") != c.want {
				t.Fatalf("got %v %v, want %s %v", d, ok, c.want, c.ok)
			}
		})
	}
}

func TestOnOrBeforeAfter(t *testing.T) {
	d := time.Date(2015, 11, 18, 0, 0, 0, 0, time.UTC) // a Wednesday
	if got := OnOrBefore(d, time.Tuesday); got.Day() != 17 {
		t.Errorf("OnOrBefore Tuesday = %v", got)
	}
	if got := OnOrBefore(d, time.Wednesday); got.Day() != 18 {
		t.Errorf("OnOrBefore Wednesday = %v", got)
	}
	if got := OnOrAfter(d, time.Monday); got.Day() != 23 {
		t.Errorf("OnOrAfter Monday = %v", got)
	}
}

func FuzzAbsoluteDates(f *testing.F) {
	f.Add("on Nov. 16, 2015 and 2015-11-16 and 16 November 2015")
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range AbsoluteDates(s) {
			if d.Year() < 1900 || d.Year() > 2200 {
				t.Fatalf("out of range %v", d)
			}
		}
	})
}
