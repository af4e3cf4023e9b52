package nlp

import (
	"reflect"
	"testing"
)

func TestTokenize(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"U.S. President Barack Obama said", []string{"U.S.", "President", "Barack", "Obama", "said"}},
		{"Bashar al-Assad's forces killed 1,200.", []string{"Bashar", "al-Assad's", "forces", "killed", "1,200", "."}},
		{`"Weird," he said.`, []string{`"`, "Weird", ",", `"`, "he", "said", "."}},
		{"Raqqa, Syria", []string{"Raqqa", ",", "Syria"}},
	}
	for _, c := range cases {
		var got []string
		for _, tk := range Tokenize(c.in) {
			got = append(got, tk.Text)
			if string([]rune(c.in)[tk.Start:tk.End]) != tk.Text {
				t.Errorf("offsets wrong for %q", tk.Text)
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"U.S. President Obama spoke. Russia replied.", []string{"U.S. President Obama spoke.", "Russia replied."}},
		{"It hit Raqqa on Nov. 16. Mr. Assad left.\n\nNew para", []string{"It hit Raqqa on Nov. 16.", "Mr. Assad left.", "New para"}},
		{`"We will win," he said. "Never."`, []string{`"We will win," he said.`, `"Never."`}},
	}
	for _, c := range cases {
		rs := []rune(c.in)
		var got []string
		for _, s := range Sentences(c.in) {
			got = append(got, string(rs[s.Start:s.End]))
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Sentences(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("U.S. President Barack Obama said on Wednesday.")
	f.Fuzz(func(t *testing.T, s string) {
		rs := []rune(s)
		for _, tk := range Tokenize(s) {
			if tk.Start < 0 || tk.End > len(rs) || tk.Start >= tk.End {
				t.Fatalf("bad token %+v", tk)
			}
		}
		for _, sp := range Sentences(s) {
			if sp.Start < 0 || sp.End > len(rs) || sp.Start >= sp.End {
				t.Fatalf("bad span %+v", sp)
			}
		}
	})
}

func TestLanguage(t *testing.T) {
	cases := map[string]string{
		"The minister said on Tuesday that the talks with the rebels had failed.":                     "en",
		"Le ministre a déclaré mardi que les négociations avec les rebelles ont échoué.":              "fr",
		"Der Minister sagte am Dienstag, dass die Gespräche mit den Rebellen gescheitert sind.":       "de",
		"El ministro dijo el martes que las negociaciones con los rebeldes fracasaron por la crisis.": "es",
		"Министр заявил во вторник, что переговоры провалились.":                                      "ru",
		"قال الوزير يوم الثلاثاء إن المحادثات فشلت":                                                   "ar",
		"12345 !!!": "",
	}
	for in, want := range cases {
		if got := Language(in); got != want {
			t.Errorf("Language(%q) = %q, want %q", in, got, want)
		}
	}
}
