package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/article"
	"sitrep/internal/store/storetest"
)

// backends are the stores every backend-neutral test runs against.
var backends = []struct {
	name string
	open func(t testing.TB) DB
}{
	{"sqlite", func(t testing.TB) DB { return open(t) }},
	{"postgres", func(t testing.TB) DB {
		s, err := OpenPostgres(context.Background(), storetest.Postgres(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}},
}

// eachBackend runs fn as a subtest per backend.
func eachBackend(t *testing.T, fn func(t *testing.T, s DB)) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { fn(t, b.open(t)) })
	}
}

func TestOpenChoosesBackend(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "o.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.(*SQLite); !ok {
		t.Errorf("a path opened %T", s)
	}
	s.Close()
	_, err = Open(ctx, "postgres://nobody@127.0.0.1:1/none?connect_timeout=1")
	if err == nil || !strings.Contains(err.Error(), "postgres") {
		t.Errorf("unreachable postgres: %v", err)
	}
	if !IsPostgres("postgresql://h/db") || IsPostgres("/tmp/postgres.db") {
		t.Error("IsPostgres")
	}
}

func TestPostgresReopenAndConcurrentMigrate(t *testing.T) {
	dsn := storetest.Postgres(t)
	ctx := context.Background()
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func() {
			s, err := OpenPostgres(ctx, dsn)
			if err == nil {
				_, err = s.Put(ctx, []*article.Article{sample(1)})
				s.Close()
			}
			errs <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	s, err := OpenPostgres(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(ctx); n != 1 {
		t.Fatalf("count = %d, want 1 (four workers stored the same article)", n)
	}
}

func TestRebindAndTSQuery(t *testing.T) {
	for in, want := range map[string]string{
		"a = ? AND b IN (?, ?)": "a = $1 AND b IN ($2, $3)",
		"none":                  "none",
	} {
		if got := rebind(in); got != want {
			t.Errorf("rebind(%q) = %q", in, got)
		}
	}
	for in, want := range map[string]string{
		`Raqqa strikes`:          "raqqa & strikes",
		`"northern Syria" Raqqa`: "(northern <-> syria) & raqqa",
		`raqqa AND OR NOT (* "`:  "raqqa & and & or & not",
		`':*!&|`:                 "",
		`Sharm el-Sheikh 2015`:   "sharm & el & sheikh & 2015",
	} {
		if got := tsQuery(in); got != want {
			t.Errorf("tsQuery(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzTSQuery(f *testing.F) {
	f.Add(`raqqa "northern syria" AND (x* NEAR`)
	f.Add(`':* & | ! <->`)
	f.Fuzz(func(t *testing.T, q string) {
		out := tsQuery(q)
		for _, r := range out {
			if strings.ContainsRune(`'\:*!|()`, r) && r != '(' && r != ')' {
				t.Fatalf("tsQuery(%q) = %q holds an operator", q, out)
			}
		}
	})
}
