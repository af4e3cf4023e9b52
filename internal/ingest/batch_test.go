package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"sitrep/internal/analyze"
	"sitrep/internal/corpus"
	"sitrep/internal/store"
)

// TestIngestTenThousandWithBadFiles is the foundation's acceptance test:
// 10,000 files of which 10 are bad; the 9,990 land, the 10 are reported by
// name, and a second run adds nothing.
func TestIngestTenThousandWithBadFiles(t *testing.T) {
	n := 10000
	if testing.Short() {
		n = 1000
	}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := n - 10
	// the JSONL file holds 2 good lines and 1 truncated line
	for i := 0; i < good-2; i++ {
		write(fmt.Sprintf("a%05d.txt", i), []byte(corpus.Article(1, i)))
	}
	bad := map[string]bool{}
	bad[write("bad-binary.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00binary"))] = true
	bad[write("bad-empty.txt", nil)] = true
	bad[write("bad-invalid-utf8.txt", []byte("Headline\n\nBody \xff\xfe\xfd text here."))] = true
	big := filepath.Join(dir, "bad-50mb.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(50 << 20)
	f.Close()
	bad[big] = true
	bad[write("bad-headline-only.txt", []byte("Only a headline here"))] = true
	bad[write("bad-json.json", []byte(`{"text": "unterminated`))] = true
	bad[write("bad-nobody.json", []byte(`{"url": "http://x"}`))] = true
	bad[write("bad-html.html", []byte("<html><body><nav>menu</nav></body></html>"))] = true
	bad[write("bad-nul.txt", []byte("Head\n\nBody\x00with nul."))] = true
	jsonl := fmt.Sprintf("{\"text\": %q}\n{\"headline\": \"Quake hits coast\", \"body\": \"A strong earthquake hit the coast on Monday.\", \"url\": \"http://example.com/q\"}\n{\"text\": \"truncated", corpus.Article(2, 0))
	write("mixed.jsonl", []byte(jsonl))
	bad[filepath.Join(dir, "mixed.jsonl")+":3"] = true

	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	files, errs := Expand([]string{dir})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var mu sync.Mutex
	var reported []string
	r := &Runner{Pipeline: &analyze.Pipeline{}, Store: st, OnError: func(name string, err error) {
		mu.Lock()
		reported = append(reported, name)
		mu.Unlock()
		if err == nil || err.Error() == "" {
			t.Errorf("%s: empty error", name)
		}
	}}
	res, err := r.Run(ctx, files)
	if err != nil {
		t.Fatal(err)
	}
	if res.Ingested != good || res.Failed != 10 || res.Duplicates != 0 {
		t.Fatalf("first run: %+v, want %d ingested, 10 failed", res, good)
	}
	sort.Strings(reported)
	for _, name := range reported {
		if !bad[name] {
			t.Errorf("reported %s, which is not bad", name)
		}
	}
	if len(reported) != 10 {
		t.Errorf("reported %d: %s", len(reported), strings.Join(reported, ", "))
	}
	if c, _ := st.Count(ctx); c != good {
		t.Fatalf("store has %d, want %d", c, good)
	}
	reported = nil
	res, err = r.Run(ctx, files)
	if err != nil {
		t.Fatal(err)
	}
	if res.Ingested != 0 || res.Duplicates != good || res.Failed != 10 {
		t.Fatalf("second run: %+v, want 0 ingested, %d duplicates", res, good)
	}
	if c, _ := st.Count(ctx); c != good {
		t.Fatalf("store has %d after second run, want %d", c, good)
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.txt", "b.html", "c.jsonl", "d.png", ".hidden/e.txt", "sub/f.txt"} {
		p := filepath.Join(dir, n)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	cases := []struct {
		args []string
		want int
		errs int
	}{
		{[]string{dir}, 4, 0},
		{[]string{filepath.Join(dir, "*.txt")}, 1, 0},
		{[]string{filepath.Join(dir, "d.png")}, 1, 0}, // named explicitly: taken
		{[]string{filepath.Join(dir, "nope.txt")}, 0, 1},
		{[]string{filepath.Join(dir, "*.xyz")}, 0, 1},
	}
	for _, c := range cases {
		files, errs := Expand(c.args)
		if len(files) != c.want || len(errs) != c.errs {
			t.Errorf("Expand(%v) = %d files %d errs, want %d/%d", c.args, len(files), len(errs), c.want, c.errs)
		}
	}
}

func FuzzParseJSONLine(f *testing.F) {
	f.Add([]byte(`{"text": "Head\n\nBody text here."}`))
	f.Add([]byte(`{"headline": "H", "body": "B.", "published": "2015-11-18"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := ParseJSONLine(b)
		if err == nil && a.Body == "" {
			t.Fatal("article without body")
		}
	})
}
