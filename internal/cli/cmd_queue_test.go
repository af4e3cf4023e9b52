package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/queue"
)

// The queue path stores what ingest stores: publish a folder with one
// missing path, drain it with a worker, and search the result.
func TestQueuePublishWork(t *testing.T) {
	b, err := queue.StartBroker(queue.BrokerOptions{Listen: "127.0.0.1:0", StoreDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	db := filepath.Join(t.TempDir(), "q.db")
	out := runCLI(t, "", "queue", "--nats", b.URL(), "publish", "../extract/testdata/text")
	if !strings.HasPrefix(out, "published 13, duplicates 0, failed 0") {
		t.Fatalf("publish: %s", out)
	}
	out = runCLI(t, "", "queue", "--nats", b.URL(), "publish", "../extract/testdata/text/*.txt")
	if !strings.HasPrefix(out, "published 0, duplicates 13, failed 0") {
		t.Fatalf("republish: %s", out)
	}
	if out = runCLI(t, "", "queue", "--nats", b.URL(), "status"); out != "pending 13\n" {
		t.Fatalf("status: %q", out)
	}
	out = runCLI(t, "", "--db", db, "queue", "--nats", b.URL(), "work", "--exit-when-idle", "--workers", "2")
	if !strings.HasPrefix(out, "ingested 13, duplicates 0, failed 0") {
		t.Fatalf("work: %s", out)
	}
	if out = runCLI(t, "", "queue", "--nats", b.URL(), "status"); out != "pending 0\n" {
		t.Fatalf("status after work: %q", out)
	}
	out = runCLI(t, "", "--db", db, "search", "earthquake")
	if !strings.Contains(out, "Earthquake") {
		t.Fatalf("search after queue ingest: %s", out)
	}
}
