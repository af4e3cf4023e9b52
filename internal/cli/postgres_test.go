package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"sitrep/internal/queue"
	"sitrep/internal/store/storetest"
)

// The same commands run on PostgreSQL with --db postgres://...: ingest
// (twice: the second stores nothing), search, stories, export, feeds, and
// queue workers writing to it.
func TestPostgresStore(t *testing.T) {
	db := storetest.Postgres(t)
	out := runCLI(t, "", "--db", db, "ingest", "--quiet", "../extract/testdata/text")
	if !strings.Contains(out, "ingested 13") {
		t.Fatalf("ingest: %s", out)
	}
	out = runCLI(t, "", "--db", db, "ingest", "--quiet", "../extract/testdata/text")
	if !strings.Contains(out, "ingested 0") || !strings.Contains(out, "duplicates 13") {
		t.Fatalf("re-ingest: %s", out)
	}
	if out = runCLI(t, "", "--db", db, "search", "earthquake"); !strings.Contains(out, "Earthquake") {
		t.Fatalf("search: %s", out)
	}
	out = runCLI(t, "", "--db", db, "export", "--format", "jsonl")
	if n := strings.Count(out, "\n"); n != 13 {
		t.Fatalf("export: %d lines", n)
	}
	var a struct{ ID, Headline string }
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &a); err != nil || a.ID == "" {
		t.Fatalf("export line: %v %+v", err, a)
	}
	if out = runCLI(t, "", "--db", db, "stories", "--min", "1", "--json"); strings.Count(out, `"story"`) < 10 {
		t.Fatalf("stories: %s", out)
	}
	if out = runCLI(t, "", "--db", db, "feeds", "add", "https://example.org/rss.xml"); !strings.HasPrefix(out, "added") {
		t.Fatalf("feeds add: %s", out)
	}
	// Two queue workers writing to the one database.
	b, err := queue.StartBroker(queue.BrokerOptions{Listen: "127.0.0.1:0", StoreDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	runCLI(t, "", "queue", "--nats", b.URL(), "publish", "../extract/testdata/html")
	done := make(chan string)
	for i := 0; i < 2; i++ {
		go func() {
			var o, e bytes.Buffer
			Main(context.Background(), []string{"--db", db, "queue", "--nats", b.URL(), "work", "--exit-when-idle", "--batch", "2"}, strings.NewReader(""), &o, &e)
			done <- o.String() + e.String()
		}()
	}
	total := 0
	for i := 0; i < 2; i++ {
		var n int
		out := <-done
		if _, err := fmt.Sscanf(out, "ingested %d", &n); err != nil {
			t.Fatalf("worker: %s", out)
		}
		total += n
	}
	if total == 0 {
		t.Fatal("queue workers stored nothing")
	}
	out = runCLI(t, "", "--db", db, "export", "--format", "jsonl")
	if n := strings.Count(out, "\n"); n != 13+total {
		t.Fatalf("after the workers: %d articles, want %d", n, 13+total)
	}
}
