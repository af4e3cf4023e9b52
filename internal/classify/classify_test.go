package classify

import (
	"context"
	"strings"
	"sync"
	"testing"

	"sitrep/internal/article"
	"sitrep/internal/corpus"
)

func defaultClassifier(t testing.TB) *Classifier {
	t.Helper()
	c, err := NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestTaxonomy(t *testing.T) {
	tax, err := LoadTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(tax.Labels); n < 10 || n > 15 {
		t.Errorf("%d labels, want 10-15", n)
	}
	if tax.Index("Wars and Military Conflicts") < 0 {
		t.Error(`no "Wars and Military Conflicts"`)
	}
	seen := map[string]bool{}
	for _, l := range tax.Labels {
		if l.Scope == "" || !strings.HasPrefix(l.IPTC, "medtop:") || len(l.IPTC) != len("medtop:16000000") {
			t.Errorf("%q: scope %q, iptc %q", l.Label, l.Scope, l.IPTC)
		}
		if seen[l.Label] {
			t.Errorf("duplicate label %q", l.Label)
		}
		seen[l.Label] = true
	}
	mp, err := LoadMapping(tax)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range ShippedCorpora() {
		if _, ok := mp.Corpora[c]; !ok {
			t.Errorf("corpus %s has no mapping", c)
		}
	}
	pos, unk, ok := mp.Targets(tax, CorpusWCEP, "Health and environment")
	if !ok || len(pos) != 2 || len(unk) != 1 {
		t.Errorf("Health and environment -> %v unknown %v", pos, unk)
	}
	if _, _, ok := mp.Targets(tax, CorpusNYT, "99"); ok {
		t.Error("NYT 99 (Other) should map to nothing")
	}
}

func TestShippedModel(t *testing.T) {
	c := defaultClassifier(t)
	tax, _ := LoadTaxonomy()
	if got, want := strings.Join(c.Model().Labels, "|"), strings.Join(tax.Names(), "|"); got != want {
		t.Fatalf("model labels %q, taxonomy %q", got, want)
	}
	if n := len(shippedModel); n > 8<<20 {
		t.Errorf("shipped model is %d bytes, budget 8 MB", n)
	}
}

func TestApply(t *testing.T) {
	c := defaultClassifier(t)
	tests := []struct {
		headline, body, want string
	}{
		{"Air strikes kill dozens of militants", "Government warplanes bombed rebel positions overnight as the army pressed its offensive against the insurgents, a military spokesman said.", "Wars and Military Conflicts"},
		{"Striker's late goal wins the cup final", "The home side came from behind to beat their rivals 2-1 in the league final, with the coach praising his players.", "Sports"},
		{"Central bank raises interest rates", "Shares fell and the currency rose after the bank raised its benchmark rate to fight inflation, economists said.", "Business and Economy"},
		{"Earthquake kills hundreds", "A magnitude 7.1 earthquake struck the region, collapsing buildings; rescuers searched the rubble for survivors.", "Disasters and Accidents"},
	}
	for _, tt := range tests {
		// the given label must not matter
		a := &article.Article{Headline: tt.headline, Body: tt.body, GivenLabel: "Sports"}
		if err := c.Apply(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if len(a.Topics) == 0 || a.Topics[0].Label != tt.want {
			t.Errorf("%q: topics %+v, want %q first", tt.headline, a.Topics, tt.want)
			continue
		}
		for i := 1; i < len(a.Topics); i++ {
			if a.Topics[i].Score > a.Topics[i-1].Score {
				t.Errorf("%q: topics not best first: %+v", tt.headline, a.Topics)
			}
		}
		if a.Topics[0].IPTC == "" || a.Topics[0].Score <= 0 || a.Topics[0].Score > 1 {
			t.Errorf("%q: bad topic %+v", tt.headline, a.Topics[0])
		}
		b := &article.Article{Headline: tt.headline, Body: tt.body, GivenLabel: "Wars and Military Conflicts"}
		c.Apply(context.Background(), b)
		if b.Topics[0] != a.Topics[0] {
			t.Errorf("%q: the given label changed the result", tt.headline)
		}
	}
	empty := &article.Article{Headline: "  ", Body: "—", GivenLabel: "Wars and Military Conflicts"}
	if err := c.Apply(context.Background(), empty); err != nil || len(empty.Topics) != 0 {
		t.Errorf("empty article: topics %+v, err %v", empty.Topics, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := c.Apply(ctx, &article.Article{Headline: "x"}); err == nil {
		t.Error("cancelled context: want error")
	}
}

func TestConcurrent(t *testing.T) {
	c := defaultClassifier(t)
	want := c.Classify("Rebels shell the city", corpus.Article(1, 1))
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				got := c.Classify("Rebels shell the city", corpus.Article(1, 1))
				if got[0] != want[0] {
					t.Errorf("concurrent result differs: %+v vs %+v", got[0], want[0])
					return
				}
			}
		}()
	}
	wg.Wait()
}

// BenchmarkClassify measures prediction on one core: features and scores
// of the headline and body of synthetic news articles.
func BenchmarkClassify(b *testing.B) {
	c := defaultClassifier(b)
	arts := make([]string, 64)
	tokens := 0
	for i := range arts {
		arts[i] = corpus.Article(7, i)
		n := 0
		Tokens(arts[i], func([]byte) bool { n++; return n < c.m.Cfg.MaxTokens })
		tokens += n
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		c.Scores("", arts[i%len(arts)])
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N)/secs, "articles/s")
	b.ReportMetric(float64(b.N)*float64(tokens)/float64(len(arts))/secs, "tokens/s")
}
