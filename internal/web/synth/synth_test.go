package synth

import (
	"context"
	"path/filepath"
	"testing"

	"sitrep/internal/store"
)

func TestFill(t *testing.T) {
	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n, err := Fill(ctx, st, 1, 1500, nil)
	if err != nil || n != 1500 {
		t.Fatalf("fill: %d %v", n, err)
	}
	again, err := Fill(ctx, st, 1, 1500, nil)
	if err != nil || again != 0 {
		t.Fatalf("refill added %d %v", again, err)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Events < 1400 || stats.ByCountry["SY"] == 0 {
		t.Fatalf("stats %+v", stats)
	}
	cl, err := st.EventClusters(ctx, store.EventFilter{}, 2, 0)
	if err != nil || len(cl) < 10 {
		t.Fatalf("clusters %d %v", len(cl), err)
	}
}

func BenchmarkArticle(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		if _, err := Article(1, i); err != nil {
			b.Fatal(err)
		}
	}
}
