# queue: ingest spread over machines through NATS JetStream (internal/queue).
#   make demo-queue    embedded broker, publish demo/articles (and the seed), drain with two workers
#   make bench-queue   publish and drain costs of the queue itself (no analysis)
QUEUE_ADDR ?= 127.0.0.1:14222
QUEUE_DB   ?= out/queue.db

BENCH += bench-queue

.PHONY: demo-queue bench-queue

demo-queue: build
	@mkdir -p out && rm -rf out/nats $(QUEUE_DB) $(QUEUE_DB)-wal $(QUEUE_DB)-shm
	@$(BIN) queue broker --listen $(QUEUE_ADDR) --store-dir out/nats & echo $$! > out/broker.pid; \
	trap 'kill $$(cat out/broker.pid)' EXIT; sleep 1; \
	export SITREP_NATS=nats://$(QUEUE_ADDR); \
	echo "== sitrep queue publish demo/articles"; \
	$(BIN) queue publish demo/articles $$(ls $(SHARED)/seed/seed-article.txt 2>/dev/null) && \
	$(BIN) queue status && \
	echo "== two sitrep queue work --exit-when-idle, one store" && \
	{ $(BIN) --db $(QUEUE_DB) queue work --exit-when-idle --workers 1 --batch 4 & w1=$$!; \
	  $(BIN) --db $(QUEUE_DB) queue work --exit-when-idle --workers 1 --batch 4; wait $$w1; } && \
	$(BIN) queue status && \
	$(BIN) --db $(QUEUE_DB) search airliner

bench-queue:
	$(GO) test -run '^$$' -bench 'Publish|Drain' -benchtime 5000x ./internal/queue/
