package queue

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"sitrep/internal/analyze"
	"sitrep/internal/article"
	"sitrep/internal/store"
)

// upper is a cheap stage: it records that it ran and fails on demand.
type upper struct{ runs atomic.Int64 }

func (*upper) Name() string { return "upper" }
func (u *upper) Apply(_ context.Context, a *article.Article) error {
	u.runs.Add(1)
	if strings.Contains(a.Body, "POISON") {
		return errors.New("poisoned body")
	}
	a.Topics = []article.Topic{{Label: "Test", Score: 1}}
	return nil
}

func startBroker(t *testing.T) (*Broker, *nats.Conn) {
	t.Helper()
	b, err := StartBroker(BrokerOptions{Listen: "127.0.0.1:0", StoreDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	nc, err := nats.Connect(b.URL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return b, nc
}

func openStore(t *testing.T) *store.SQLite {
	t.Helper()
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestPublishWorkStore(t *testing.T) {
	ctx := context.Background()
	_, nc := startBroker(t)
	pub, err := NewPublisher(ctx, nc, Config{})
	if err != nil {
		t.Fatal(err)
	}
	const n = 10
	for i := 0; i < n; i++ {
		a := &article.Article{Headline: fmt.Sprintf("Story %d", i), Body: fmt.Sprintf("Body of story %d.", i)}
		if i == 4 {
			a.Body = "POISON in the body"
		}
		isNew, err := pub.Publish(ctx, a)
		if err != nil || !isNew {
			t.Fatalf("publish %d: new=%v err=%v", i, isNew, err)
		}
	}
	// the same article again is dropped by the stream's duplicate window
	if isNew, err := pub.Publish(ctx, &article.Article{Headline: "Story 0", Body: "Body of story 0."}); err != nil || isNew {
		t.Fatalf("republish: new=%v err=%v, want a duplicate", isNew, err)
	}
	// a message that is not an article at all
	js, _ := jetstream.New(nc)
	if _, err := js.Publish(ctx, DefaultSubject, []byte("{not json")); err != nil {
		t.Fatal(err)
	}
	if p, err := Pending(ctx, nc, Config{}); err != nil || p != n+1 {
		t.Fatalf("pending = %d, %v; want %d", p, err, n+1)
	}

	st := openStore(t)
	stage := &upper{}
	var bad []string
	w := &Worker{Pipeline: &analyze.Pipeline{Stages: []analyze.Stage{stage}}, Store: st,
		Batch: 4, MaxWait: 300 * time.Millisecond, ExitWhenIdle: true,
		OnError: func(id string, err error) { bad = append(bad, id+": "+err.Error()) }}
	res, err := w.Run(ctx, nc, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Ingested != n-1 || res.Failed != 2 || res.Duplicates != 0 {
		t.Fatalf("result %+v, want %d ingested, 2 failed", res, n-1)
	}
	if len(bad) != 2 || !strings.Contains(strings.Join(bad, "\n"), "poisoned body") || !strings.Contains(strings.Join(bad, "\n"), "not an article") {
		t.Fatalf("errors reported: %q", bad)
	}
	if c, _ := st.Count(ctx); c != n-1 {
		t.Fatalf("stored %d, want %d", c, n-1)
	}
	// acknowledged and terminated messages leave the work queue
	if p, err := Pending(ctx, nc, Config{}); err != nil || p != 0 {
		t.Fatalf("pending after work = %d, %v; want 0", p, err)
	}
	hits, _, err := st.Search(ctx, store.Query{Text: "story", Limit: 20})
	if err != nil || len(hits) != n-1 {
		t.Fatalf("search: %d hits, %v", len(hits), err)
	}
}

// failing fails every Put: the worker stops and the batch stays queued.
type failing struct{ *store.SQLite }

func (failing) Put(context.Context, []*article.Article) ([]bool, error) {
	return nil, errors.New("disk full")
}

func TestStoreFailureRedelivers(t *testing.T) {
	ctx := context.Background()
	_, nc := startBroker(t)
	pub, err := NewPublisher(ctx, nc, Config{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if _, err := pub.Publish(ctx, &article.Article{Headline: fmt.Sprint("H", i), Body: "b"}); err != nil {
			t.Fatal(err)
		}
	}
	st := openStore(t)
	p := &analyze.Pipeline{Stages: []analyze.Stage{&upper{}}}
	w := &Worker{Pipeline: p, Store: failing{st}, MaxWait: 200 * time.Millisecond, ExitWhenIdle: true, RetryDelay: 300 * time.Millisecond}
	if _, err := w.Run(ctx, nc, Config{}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v, want the store failure", err)
	}
	// a healthy worker on the same durable consumer gets them again
	// after the retry delay
	w2 := &Worker{Pipeline: p, Store: st, MaxWait: time.Second, ExitWhenIdle: true}
	res, err := w2.Run(ctx, nc, Config{})
	if err != nil || res.Ingested != 3 {
		t.Fatalf("second worker: %+v, %v; want 3 ingested", res, err)
	}
}

func TestBrokerOptions(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  BrokerOptions
	}{
		{"no store dir", BrokerOptions{Listen: "127.0.0.1:0"}},
		{"bad address", BrokerOptions{Listen: "nowhere", StoreDir: t.TempDir()}},
		{"bad port", BrokerOptions{Listen: "127.0.0.1:x", StoreDir: t.TempDir()}},
	} {
		if b, err := StartBroker(tc.opt); err == nil {
			b.Close()
			t.Errorf("%s: no error", tc.name)
		}
	}
}

func BenchmarkPublish(b *testing.B) {
	br, err := StartBroker(BrokerOptions{Listen: "127.0.0.1:0", StoreDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer br.Close()
	nc, err := nats.Connect(br.URL())
	if err != nil {
		b.Fatal(err)
	}
	defer nc.Close()
	ctx := context.Background()
	pub, err := NewPublisher(ctx, nc, Config{})
	if err != nil {
		b.Fatal(err)
	}
	body := strings.Repeat("Russian air strikes hit the city of Raqqa on Wednesday. ", 60)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := pub.Publish(ctx, &article.Article{Headline: fmt.Sprint("H", i), Body: body}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDrain is the queue's own cost per article on the worker side:
// fetch, decode, a trivial stage, a SQLite batch write and the acks.
func BenchmarkDrain(b *testing.B) {
	br, err := StartBroker(BrokerOptions{Listen: "127.0.0.1:0", StoreDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer br.Close()
	nc, err := nats.Connect(br.URL())
	if err != nil {
		b.Fatal(err)
	}
	defer nc.Close()
	ctx := context.Background()
	pub, err := NewPublisher(ctx, nc, Config{})
	if err != nil {
		b.Fatal(err)
	}
	body := strings.Repeat("Russian air strikes hit the city of Raqqa on Wednesday. ", 60)
	for i := 0; i < b.N; i++ {
		if _, err := pub.Publish(ctx, &article.Article{Headline: fmt.Sprint("H", i), Body: body}); err != nil {
			b.Fatal(err)
		}
	}
	st, err := store.OpenSQLite(ctx, filepath.Join(b.TempDir(), "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	w := &Worker{Pipeline: &analyze.Pipeline{Stages: []analyze.Stage{&upper{}}}, Store: st,
		Batch: 256, MaxWait: 200 * time.Millisecond, ExitWhenIdle: true}
	b.ResetTimer()
	res, err := w.Run(ctx, nc, Config{})
	if err != nil || res.Ingested != b.N {
		b.Fatalf("%+v %v", res, err)
	}
}
