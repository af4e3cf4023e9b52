package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"sitrep/internal/analyze"
	"sitrep/internal/article"
	"sitrep/internal/ingest"
	"sitrep/internal/store"
	"sitrep/internal/stories"
)

// Worker pulls articles from the stream, analyses them and stores them.
// Any number of workers, on any number of machines, may share one durable
// consumer: JetStream hands each message to one of them.
type Worker struct {
	Pipeline *analyze.Pipeline
	Store    store.Store
	// Stories, when set, groups articles into stories in delivery order.
	// Each worker groups against what it has seen (and what it was primed
	// with), so several workers may split a story that one would join.
	Stories *stories.Grouper
	Workers int           // analysis goroutines per batch (default runtime.NumCPU())
	Batch   int           // messages fetched at a time (default 64)
	MaxWait time.Duration // how long a fetch waits for messages (default 2s)
	// ExitWhenIdle makes Run return once a fetch finds the stream empty,
	// instead of waiting for more (batch jobs, tests, the demo).
	ExitWhenIdle bool
	// RetryDelay is how long a batch whose store write failed waits before
	// it is delivered again (default 5s).
	RetryDelay time.Duration
	// OnError is called for every message dropped as bad input.
	OnError func(id string, err error)
}

// Run consumes until ctx is cancelled (or, with ExitWhenIdle, until the
// stream is empty). Bad messages are counted, reported and terminated; a
// store failure stops Run with the error and leaves the batch to be
// delivered again.
func (w *Worker) Run(ctx context.Context, nc *nats.Conn, cfg Config) (ingest.Result, error) {
	var res ingest.Result
	cfg = cfg.withDefaults()
	batch, wait := w.Batch, w.MaxWait
	if batch <= 0 {
		batch = 64
	}
	if wait <= 0 {
		wait = 2 * time.Second
	}
	js, _, err := stream(ctx, nc, cfg)
	if err != nil {
		return res, err
	}
	cons, err := js.CreateOrUpdateConsumer(ctx, cfg.Stream, jetstream.ConsumerConfig{
		Durable:       cfg.Durable,
		Description:   "sitrep workers: analyse and store",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       5 * time.Minute,
		MaxDeliver:    cfg.MaxDeliver,
		FilterSubject: cfg.Subject,
	})
	if err != nil {
		return res, fmt.Errorf("queue: consumer %s: %w", cfg.Durable, err)
	}
	for ctx.Err() == nil {
		mb, err := cons.Fetch(batch, jetstream.FetchMaxWait(wait))
		if err != nil {
			return res, fmt.Errorf("queue: fetch: %w", err)
		}
		var msgs []jetstream.Msg
		for m := range mb.Messages() {
			msgs = append(msgs, m)
		}
		if err := mb.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, context.DeadlineExceeded) {
			return res, fmt.Errorf("queue: fetch: %w", err)
		}
		if len(msgs) == 0 {
			if w.ExitWhenIdle {
				return res, nil
			}
			continue
		}
		if err := w.handle(ctx, msgs, &res); err != nil {
			return res, err
		}
	}
	return res, nil
}

// handle analyses one fetched batch, stores the good articles and then
// acknowledges them.
func (w *Worker) handle(ctx context.Context, msgs []jetstream.Msg, res *ingest.Result) error {
	arts := make([]*article.Article, len(msgs))
	errs := make([]error, len(msgs))
	n := w.Workers
	if n <= 0 {
		n = runtime.NumCPU()
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for g := 0; g < n && g < len(msgs); g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				arts[i], errs[i] = w.analyse(ctx, msgs[i].Data())
			}
		}()
	}
	for i := range msgs {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		// cancelled mid-batch: leave every message to be delivered again
		for _, m := range msgs {
			_ = m.Nak()
		}
		return nil
	}

	var good []*article.Article
	var goodMsgs []jetstream.Msg
	for i, m := range msgs {
		if errs[i] != nil {
			res.Failed++
			if w.OnError != nil {
				w.OnError(msgID(m), errs[i])
			}
			_ = m.TermWithReason(errs[i].Error())
			continue
		}
		if w.Stories != nil {
			w.Stories.Assign(arts[i])
		}
		good = append(good, arts[i])
		goodMsgs = append(goodMsgs, m)
	}
	if len(good) == 0 {
		return nil
	}
	added, err := w.Store.Put(ctx, good)
	if err != nil {
		delay := w.RetryDelay
		if delay <= 0 {
			delay = 5 * time.Second
		}
		for _, m := range goodMsgs {
			_ = m.NakWithDelay(delay)
		}
		return fmt.Errorf("queue: store: %w", err)
	}
	for i, m := range goodMsgs {
		if added[i] {
			res.Ingested++
		} else {
			res.Duplicates++
		}
		if err := m.Ack(); err != nil {
			// stored but not acknowledged: it comes back and the store
			// skips it as a duplicate.
			if w.OnError != nil {
				w.OnError(msgID(m), fmt.Errorf("ack: %w", err))
			}
		}
	}
	return nil
}

// analyse decodes one message and runs the pipeline on it.
func (w *Worker) analyse(ctx context.Context, data []byte) (*article.Article, error) {
	var a article.Article
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, fmt.Errorf("not an article: %w", err)
	}
	if a.Body == "" && a.Headline == "" {
		return nil, errors.New("empty article: no headline and no body")
	}
	if err := w.Pipeline.Run(ctx, &a); err != nil {
		return nil, err
	}
	return &a, nil
}

// msgID names a message in error reports: its article id, else its stream
// sequence.
func msgID(m jetstream.Msg) string {
	if id := m.Headers().Get(jetstream.MsgIDHeader); id != "" {
		return id
	}
	if md, err := m.Metadata(); err == nil {
		return fmt.Sprintf("message %d", md.Sequence.Stream)
	}
	return "message"
}
