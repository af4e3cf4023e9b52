package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/article"
)

func open(t testing.TB) *SQLite {
	t.Helper()
	s, err := OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func sample(i int) *article.Article {
	n := 3
	a := &article.Article{
		Headline:  fmt.Sprintf("Air strikes hit Raqqa, day %d", i),
		Body:      fmt.Sprintf("Russian jets struck targets near Raqqa in northern Syria on day %d.\n\nThe strikes killed %d people.", i, n),
		Published: article.Published{Date: fmt.Sprintf("2015-11-%02d", 1+i%28), How: article.DateGiven},
		Topics:    []article.Topic{{Label: "Wars and Military Conflicts", IPTC: "16000000", Score: 0.9}},
		Entities:  []article.Entity{{Name: "Islamic State", Type: article.Organization}},
		Places:    []article.Place{{Name: "Raqqa", Country: "SY", Lat: 35.95, Lon: 39.01}},
		Events: []article.Event{{Type: "ASSAULT", Mode: "aerial", Source: article.Actor{Name: "Russia", Country: "RUS"},
			Target: article.Actor{Name: "Islamic State"}, Location: &article.EventLocation{Name: "Raqqa", Country: "SY", Lat: 35.95, Lon: 39.01},
			Date: fmt.Sprintf("2015-11-%02d", 1+i%28), Fatalities: &n}},
	}
	a.ID = article.ComputeID(a)
	return a
}

func TestPutIdempotentAndSearch(t *testing.T) { eachBackend(t, testPutIdempotentAndSearch) }

func testPutIdempotentAndSearch(t *testing.T, s DB) {
	ctx := context.Background()
	var arts []*article.Article
	for i := 0; i < 30; i++ {
		arts = append(arts, sample(i))
	}
	added, err := s.Put(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	for i, ok := range added {
		if !ok {
			t.Fatalf("article %d not added", i)
		}
	}
	again, err := s.Put(ctx, arts[:5])
	if err != nil {
		t.Fatal(err)
	}
	for _, ok := range again {
		if ok {
			t.Fatal("duplicate stored twice")
		}
	}
	if n, _ := s.Count(ctx); n != 30 {
		t.Fatalf("count = %d, want 30", n)
	}
	tests := []struct {
		name string
		q    Query
		want int
	}{
		{"all words", Query{Text: "raqqa strikes", Limit: 100}, 30},
		{"phrase", Query{Text: `"northern Syria"`, Limit: 100}, 30},
		{"no match", Query{Text: "volcano", Limit: 100}, 0},
		{"operators are text", Query{Text: `raqqa AND OR NOT (* "`, Limit: 100}, 0},
		{"topic", Query{Text: "raqqa", Topic: "Wars and Military Conflicts", Limit: 100}, 30},
		{"other topic", Query{Topic: "Sports", Limit: 100}, 0},
		{"date range", Query{From: "2015-11-01", To: "2015-11-02", Limit: 100}, 4},
		{"country", Query{Country: "sy", Limit: 100}, 30},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits, _, err := s.Search(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) != tc.want {
				t.Fatalf("got %d hits, want %d", len(hits), tc.want)
			}
		})
	}
	// pagination covers everything once
	seen := map[string]bool{}
	cur := ""
	for {
		hits, next, err := s.Search(ctx, Query{Text: "raqqa", Limit: 7, Cursor: cur})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			if seen[h.ID] {
				t.Fatal("page overlap")
			}
			seen[h.ID] = true
		}
		if next == "" {
			break
		}
		cur = next
	}
	if len(seen) != 30 {
		t.Fatalf("paged %d, want 30", len(seen))
	}
	got, err := s.Get(ctx, arts[3].ID)
	if err != nil || got.Headline != arts[3].Headline || len(got.Events) != 1 {
		t.Fatalf("Get: %v %+v", err, got)
	}
	if _, err := s.Get(ctx, "nope"); err != ErrNotFound {
		t.Fatalf("Get missing: %v", err)
	}
	evs, _, err := s.Events(ctx, EventQuery{Type: "assault", Country: "SY", BBox: &[4]float64{30, 30, 45, 40}, Limit: 100})
	if err != nil || len(evs) != 30 {
		t.Fatalf("Events: %v %d", err, len(evs))
	}
	ents, err := s.Entities(ctx, "islamic", 10)
	if err != nil || len(ents) != 1 || ents[0].Articles != 30 {
		t.Fatalf("Entities: %v %+v", err, ents)
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Articles != 30 || st.ByEventType["ASSAULT"] != 30 {
		t.Fatalf("Stats: %v %+v", err, st)
	}
	n := 0
	if err := s.Each(ctx, func(*article.Article) error { n++; return nil }); err != nil || n != 30 {
		t.Fatalf("Each: %v %d", err, n)
	}
	var all, recent []string
	s.Each(ctx, func(a *article.Article) error { all = append(all, a.ID); return nil })
	for _, k := range []int{0, 1, 7, 30, 100} {
		recent = recent[:0]
		if err := s.Recent(ctx, k, func(a *article.Article) error { recent = append(recent, a.ID); return nil }); err != nil {
			t.Fatal(err)
		}
		want := all[max(0, len(all)-k):]
		if strings.Join(recent, ",") != strings.Join(want, ",") {
			t.Errorf("Recent(%d) = %v, want %v", k, recent, want)
		}
	}
	if _, _, err := s.Search(ctx, Query{Cursor: "!!"}); err == nil {
		t.Fatal("bad cursor accepted")
	}
}

func TestReopenKeepsSchema(t *testing.T) {
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "r.db")
	s, err := OpenSQLite(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	s.Put(ctx, []*article.Article{sample(1)})
	s.Close()
	s, err = OpenSQLite(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(ctx); n != 1 {
		t.Fatalf("count after reopen = %d", n)
	}
}

func FuzzFTSQuery(f *testing.F) {
	s := open(f)
	s.Put(context.Background(), []*article.Article{sample(1)})
	f.Add(`raqqa "northern syria" AND (x* NEAR`)
	f.Fuzz(func(t *testing.T, q string) {
		if _, _, err := s.Search(context.Background(), Query{Text: q}); err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
	})
}

// BenchmarkPut stores batches of 64 articles (as the ingest runner and
// the queue worker do); ns/op is per article.
func BenchmarkPut(b *testing.B) {
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) {
			s := be.open(b)
			ctx := context.Background()
			b.ResetTimer()
			for i := 0; i < b.N; i += 64 {
				var batch []*article.Article
				for j := i; j < min(i+64, b.N); j++ {
					a := sample(j)
					a.Headline += fmt.Sprint(" #", j)
					a.ID = article.ComputeID(a)
					batch = append(batch, a)
				}
				if _, err := s.Put(ctx, batch); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
