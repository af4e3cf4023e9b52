package entities

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"sitrep/internal/article"
	"sitrep/internal/extract"
)

const sharedSeed = "../../../shared/seed"

type seedEntity struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Country string   `json:"country"`
	Role    string   `json:"role"`
	Aliases []string `json:"aliases_in_text"`
}

// unsplitGroups reads "A, B and C must resolve to one entity" into the
// names A, B, C.
func unsplitGroups(lines []string) [][]string {
	var out [][]string
	for _, l := range lines {
		names, _, ok := strings.Cut(l, " must ")
		if !ok {
			continue
		}
		var g []string
		for _, part := range strings.Split(names, ", ") {
			for _, n := range strings.Split(part, " and ") {
				if n = strings.TrimSpace(n); n != "" {
					g = append(g, n)
				}
			}
		}
		out = append(out, g)
	}
	return out
}

func loadSeedArticle(t testing.TB) (*article.Article, []seedEntity, [][]string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(sharedSeed, "seed-article.txt"))
	if err != nil {
		t.Skip("../shared/seed absent: this test needs the shared seed article beside the repo")
	}
	a, err := extract.Text(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Entities []seedEntity `json:"entities"`
		Unsplit  []string     `json:"entities_must_not_be_split"`
	}
	js, err := os.ReadFile(filepath.Join(sharedSeed, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(js, &exp); err != nil {
		t.Fatal(err)
	}
	return a, exp.Entities, unsplitGroups(exp.Unsplit)
}

func hasName(e *article.Entity, name string) bool {
	if strings.EqualFold(e.Name, name) {
		return true
	}
	for _, al := range e.Aliases {
		if strings.EqualFold(al, name) {
			return true
		}
	}
	for _, m := range e.Mentions {
		if strings.EqualFold(m.Text, name) {
			return true
		}
	}
	return false
}

// TestSeedEntities runs the stage on the seed article's Body with the
// capitalisation test tagger (not the trained model) and applies the checks
// of the seed's "entities" and "entities_must_not_be_split" sections.
func TestSeedEntities(t *testing.T) {
	a, want, unsplit := loadSeedArticle(t)
	if err := New(newCapsTagger(a.Body)).Apply(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, a.Body, a.Entities)
	for _, w := range want {
		var e *article.Entity
		for i := range a.Entities {
			if hasName(&a.Entities[i], w.Name) {
				e = &a.Entities[i]
				break
			}
		}
		if e == nil {
			t.Errorf("entity %q missing", w.Name)
			continue
		}
		if e.Type != w.Type {
			t.Errorf("%s: type %s, want %s", w.Name, e.Type, w.Type)
		}
		if w.Country != "" && e.Country != w.Country {
			t.Errorf("%s: country %q, want %s", w.Name, e.Country, w.Country)
		}
		if w.Role != "" && e.Role != w.Role {
			t.Errorf("%s: role %q, want %s", w.Name, e.Role, w.Role)
		}
		for _, al := range w.Aliases {
			if !hasName(e, al) {
				t.Errorf("%s: alias %q not merged (aliases %q)", w.Name, al, e.Aliases)
			}
		}
	}
	// entities_must_not_be_split
	if len(unsplit) == 0 {
		t.Error("no entities_must_not_be_split groups read")
	}
	for _, group := range unsplit {
		var first *article.Entity
		for _, name := range group {
			n := 0
			for i := range a.Entities {
				if hasName(&a.Entities[i], name) {
					n++
					if first == nil {
						first = &a.Entities[i]
					} else if first != &a.Entities[i] {
						t.Errorf("%q is split from %q", name, first.Name)
					}
				}
			}
			if n == 0 {
				t.Errorf("%q not found", name)
			}
		}
	}
	// nothing outside Body
	n := utf8.RuneCountInString(a.Body)
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if m.End > n {
				t.Errorf("mention beyond Body: %+v", m)
			}
		}
	}
	if testing.Verbose() {
		for _, e := range a.Entities {
			t.Logf("%-36s %-12s %-3s %-3s %d %q", e.Name, e.Type, e.Country, e.Role, len(e.Mentions), e.Aliases)
		}
	}
}

func BenchmarkStage(b *testing.B) {
	a, _, _ := loadSeedArticle(b)
	// Tags are computed once and replayed in order: the benchmark measures
	// the stage, not the tagger.
	var tags [][]string
	rec := New(tagFunc(func(w []string) []string {
		t := newCapsTagger(a.Body).Tag(w)
		tags = append(tags, t)
		return t
	}))
	if _, err := rec.Extract(context.Background(), a.Body); err != nil {
		b.Fatal(err)
	}
	next := 0
	tagger := tagFunc(func(w []string) []string {
		t := tags[next%len(tags)]
		next++
		return t
	})
	s := New(tagger)
	if _, err := s.Extract(context.Background(), a.Body); err != nil {
		b.Fatal(err)
	}
	toks := len(strings.Fields(a.Body))
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := s.Extract(context.Background(), a.Body); err != nil {
			b.Fatal(err)
		}
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(toks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(toks)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
}

// BenchmarkLong is the stage on a long article (the seed's Body twenty
// times over, about 10,000 words), to show the cost stays linear.
func BenchmarkLong(b *testing.B) {
	a, _, _ := loadSeedArticle(b)
	body := strings.Repeat(a.Body+"\n\n", 20)
	var tags [][]string
	rec := New(tagFunc(func(w []string) []string {
		t := newCapsTagger(a.Body).Tag(w)
		tags = append(tags, t)
		return t
	}))
	if _, err := rec.Extract(context.Background(), body); err != nil {
		b.Fatal(err)
	}
	next := 0
	s := New(tagFunc(func(w []string) []string {
		t := tags[next%len(tags)]
		next++
		return t
	}))
	toks := len(strings.Fields(body))
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := s.Extract(context.Background(), body); err != nil {
			b.Fatal(err)
		}
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(toks)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
}
