# serve: HTTP API, dashboard, demo server and load test.
#   make demo-serve      ingest demo/articles (and the seed if present) into $(DB), then serve it
#   make bench-serve     wrk against GET /api/v1/articles?q=... on a store of 100,000 articles
#   make map-data        rebuild internal/web/assets/world.json from the world-atlas npm package
#   make dashboard-png   browser test that also writes docs/dashboard.png
SERVE_ADDR  ?= 127.0.0.1:8080
BENCH_DB    ?= out/bench-serve.db
BENCH_N     ?= 100000
BENCH_ADDR  ?= 127.0.0.1:18089
BENCH_TIME  ?= 20s
BENCH_CONNS ?= 8
NPM_SERVE   := out/npm-serve

BENCH += bench-serve

.PHONY: demo-serve bench-serve map-data dashboard-png

demo-serve: build
	@mkdir -p out
	@echo "== sitrep ingest demo/articles $$(ls $(SHARED)/seed/seed-article.txt 2>/dev/null)"
	@$(BIN) --db $(DB) ingest -q demo/articles $$(ls $(SHARED)/seed/seed-article.txt 2>/dev/null)
	@echo "== dashboard: http://$(SERVE_ADDR)/   (API: http://$(SERVE_ADDR)/api/v1/openapi.json; Ctrl-C stops)"
	@$(BIN) --db $(DB) serve --addr $(SERVE_ADDR)

bench-serve: build
	@command -v wrk >/dev/null || { echo "bench-serve needs wrk: bash scripts/ci-deps.d/serve.sh"; exit 1; }
	@mkdir -p out
	@echo "== store of $(BENCH_N) synthetic articles: $(BENCH_DB)"
	@test -f $(BENCH_DB).$(BENCH_N).ok || { rm -f $(BENCH_DB) $(BENCH_DB)-wal $(BENCH_DB)-shm && \
		$(BIN) --db $(BENCH_DB) fill-synthetic --n $(BENCH_N) && touch $(BENCH_DB).$(BENCH_N).ok; }
	@$(BIN) --db $(BENCH_DB) serve --addr $(BENCH_ADDR) --quiet & pid=$$!; \
	trap 'kill $$pid 2>/dev/null' EXIT; \
	for i in $$(seq 1 100); do curl -sf http://$(BENCH_ADDR)/readyz >/dev/null && break; sleep 0.1; done; \
	echo "== warm-up"; wrk -t1 -c2 -d2s -s internal/api/testdata/wrk-articles.lua http://$(BENCH_ADDR) >/dev/null; \
	echo "== machine: $$(nproc) cores, load average $$(cut -d' ' -f1-3 /proc/loadavg)"; \
	echo "== wrk -t2 -c$(BENCH_CONNS) -d$(BENCH_TIME) GET /api/v1/articles?q=... (12 queries in turn)"; \
	wrk -t2 -c$(BENCH_CONNS) -d$(BENCH_TIME) --latency -s internal/api/testdata/wrk-articles.lua http://$(BENCH_ADDR); \
	echo "== the dashboard's API calls, first (cold) and second (cached) time: seconds, bytes"; \
	for u in stats "events/clusters?cell=15" "events/clusters?cell=2" events/timeline "events?limit=100" "articles?limit=30" \
		"events/clusters?cell=15&q=aleppo" "events/timeline?q=aleppo" "events?limit=100&q=aleppo" "events?limit=100&bbox=36,35,38,37"; do \
		for i in 1 2; do curl -s -o /dev/null -w "%{time_total}s %{size_download}B $$u\n" "http://$(BENCH_ADDR)/api/v1/$$u"; done; \
	done; \
	kill $$pid; wait $$pid 2>/dev/null; true
	@echo "== in-process handler benchmarks (5,000 synthetic articles)"
	@$(GO) test -run '^$$' -bench Handlers -benchtime 50x ./internal/api/ | grep -E "^Benchmark|^ok"
	@echo "== dashboard on the same store (headless chromium; skipped without it)"
	@SITREP_LARGE_DB=$(CURDIR)/$(BENCH_DB) $(GO) test -count=1 -run TestDashboardLargeStore -v ./internal/web/ | grep -E "ready in|refreshed|recluster|SKIP|FAIL|^ok" || true

map-data:
	@command -v npm >/dev/null || { echo "map-data needs node and npm"; exit 1; }
	mkdir -p $(NPM_SERVE)
	cd $(NPM_SERVE) && npm install --no-save --no-audit --no-fund world-atlas@2.0.2 i18n-iso-countries@7.14.0
	node internal/web/mapgen/gen.mjs $(NPM_SERVE)/node_modules > internal/web/assets/world.json
	@ls -l internal/web/assets/world.json

dashboard-png:
	SITREP_DASHBOARD_PNG=$(CURDIR)/docs/dashboard.png $(GO) test -count=1 -run TestDashboardInBrowser -v ./internal/web/
