// Package queue carries articles between machines over NATS JetStream, for
// when one machine is not enough: producers publish parsed articles to a
// durable stream, and any number of workers pull them, analyse them and
// write them to a store.
//
// Delivery is at least once and loses nothing: a message is acknowledged
// only after its article is stored; a message that cannot become an article
// (bad JSON, failed analysis) is terminated, reported and never blocks the
// others; a failed store write leaves its batch unacknowledged, so JetStream
// delivers it again (to this worker or another). The stream deduplicates
// by article id (the Nats-Msg-Id header) within its duplicate window, and
// the store skips ids it already has, so a redelivered article is stored
// once.
//
// It does not analyse or store anything itself (the Worker's Pipeline and
// Store do), and it runs no broker unless asked: StartBroker embeds a NATS
// server with JetStream for a single machine, tests and the demo; in
// production point producers and workers at a NATS cluster.
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"sitrep/internal/article"
)

// Defaults for Config.
const (
	DefaultStream  = "SITREP"
	DefaultSubject = "sitrep.articles"
	DefaultDurable = "sitrep-workers"
)

// Config names the stream, its subject and the workers' shared durable
// consumer. The zero value uses the defaults.
type Config struct {
	Stream  string
	Subject string
	Durable string
	// Retention keeps unconsumed articles this long (default 7 days).
	Retention time.Duration
	// DuplicateWindow is how long the stream remembers article ids to
	// drop republished ones (default 24 hours).
	DuplicateWindow time.Duration
	// MaxDeliver bounds redeliveries of a message whose store write keeps
	// failing (default 20).
	MaxDeliver int
}

func (c Config) withDefaults() Config {
	if c.Stream == "" {
		c.Stream = DefaultStream
	}
	if c.Subject == "" {
		c.Subject = DefaultSubject
	}
	if c.Durable == "" {
		c.Durable = DefaultDurable
	}
	if c.Retention <= 0 {
		c.Retention = 7 * 24 * time.Hour
	}
	if c.DuplicateWindow <= 0 {
		c.DuplicateWindow = 24 * time.Hour
	}
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = 20
	}
	return c
}

// stream creates the stream if it does not exist (and updates its
// configuration if it does).
func stream(ctx context.Context, nc *nats.Conn, cfg Config) (jetstream.JetStream, jetstream.Stream, error) {
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, nil, fmt.Errorf("queue: jetstream: %w", err)
	}
	s, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        cfg.Stream,
		Description: "sitrep: parsed articles waiting for analysis",
		Subjects:    []string{cfg.Subject},
		Storage:     jetstream.FileStorage,
		Retention:   jetstream.WorkQueuePolicy,
		MaxAge:      cfg.Retention,
		Duplicates:  cfg.DuplicateWindow,
	})
	if err != nil {
		return nil, nil, fmt.Errorf("queue: stream %s: %w", cfg.Stream, err)
	}
	return js, s, nil
}

// Publisher puts articles on the stream.
type Publisher struct {
	js  jetstream.JetStream
	cfg Config
}

// NewPublisher connects a publisher, creating the stream if needed.
func NewPublisher(ctx context.Context, nc *nats.Conn, cfg Config) (*Publisher, error) {
	cfg = cfg.withDefaults()
	js, _, err := stream(ctx, nc, cfg)
	if err != nil {
		return nil, err
	}
	return &Publisher{js: js, cfg: cfg}, nil
}

// Publish puts one article on the stream and waits for the broker to store
// it. It reports whether the broker took it as new (false: the same article
// id was published within the duplicate window). An article larger than the
// broker's maximum payload is an error for that article only.
func (p *Publisher) Publish(ctx context.Context, a *article.Article) (bool, error) {
	if a == nil {
		return false, errors.New("queue: nil article")
	}
	if a.ID == "" {
		a.ID = article.ComputeID(a)
	}
	data, err := json.Marshal(a)
	if err != nil {
		return false, fmt.Errorf("queue: encode %s: %w", a.ID, err)
	}
	ack, err := p.js.Publish(ctx, p.cfg.Subject, data, jetstream.WithMsgID(a.ID))
	if err != nil {
		return false, fmt.Errorf("queue: publish %s: %w", a.ID, err)
	}
	return !ack.Duplicate, nil
}

// Pending reports how many articles wait in the stream: with a work-queue
// stream, those not yet stored by a worker.
func Pending(ctx context.Context, nc *nats.Conn, cfg Config) (uint64, error) {
	cfg = cfg.withDefaults()
	_, s, err := stream(ctx, nc, cfg)
	if err != nil {
		return 0, err
	}
	info, err := s.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("queue: stream info: %w", err)
	}
	return info.State.Msgs, nil
}
