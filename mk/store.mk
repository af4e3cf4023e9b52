# store: the SQLite default and the PostgreSQL backend (internal/store).
#   make demo-postgres  ingest demo/articles and the seed into PostgreSQL ($(PG_DSN)), search it
#   make bench-store    Put cost per article on both backends (PostgreSQL skipped when none answers)
# scripts/ci-deps.d/postgres.sh starts a local server with the role and database PG_DSN names.
PG_DSN ?= postgres://sitrep:sitrep@127.0.0.1:5432/sitrep_test?sslmode=disable

BENCH += bench-store

.PHONY: demo-postgres bench-store

demo-postgres: build
	$(BIN) --db '$(PG_DSN)' ingest --quiet demo/articles $$(ls $(SHARED)/seed/seed-article.txt 2>/dev/null)
	$(BIN) --db '$(PG_DSN)' search airliner
	$(BIN) --db '$(PG_DSN)' stories --min 1 | head -5

bench-store:
	$(GO) test -run '^$$' -bench 'Put' -benchtime 5000x ./internal/store/

# The API's search benchmark (as bench-serve) over PostgreSQL: $(BENCH_N) synthetic articles in
# the database PG_BENCH_DSN names (its public schema is replaced).
PG_BENCH_DSN ?= postgres://sitrep:sitrep@127.0.0.1:5432/sitrep_bench?sslmode=disable
BENCH_PG_ADDR ?= 127.0.0.1:18090

.PHONY: bench-serve-postgres
bench-serve-postgres: build
	@command -v wrk >/dev/null || { echo "bench-serve-postgres needs wrk: bash scripts/ci-deps.d/serve.sh"; exit 1; }
	@runuser -u postgres -- psql -qtAX -c "SELECT 1 FROM pg_database WHERE datname = 'sitrep_bench'" | grep -q 1 || \
		runuser -u postgres -- psql -q -c "CREATE DATABASE sitrep_bench OWNER sitrep"
	@psql '$(PG_BENCH_DSN)' -qtAX -c "SELECT count(*) FROM articles" 2>/dev/null | grep -qx $(BENCH_N) || { \
		psql '$(PG_BENCH_DSN)' -q -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public" && \
		echo "== $(BENCH_N) synthetic articles into $(PG_BENCH_DSN)" && \
		time $(BIN) --db '$(PG_BENCH_DSN)' fill-synthetic --n $(BENCH_N); }
	@$(BIN) --db '$(PG_BENCH_DSN)' serve --addr $(BENCH_PG_ADDR) --quiet & pid=$$!; \
	trap 'kill $$pid 2>/dev/null' EXIT; \
	for i in $$(seq 1 100); do curl -sf http://$(BENCH_PG_ADDR)/readyz >/dev/null && break; sleep 0.1; done; \
	wrk -t1 -c2 -d2s -s internal/api/testdata/wrk-articles.lua http://$(BENCH_PG_ADDR) >/dev/null; \
	echo "== machine: $$(nproc) cores, load average $$(cut -d' ' -f1-3 /proc/loadavg)"; \
	wrk -t2 -c$(BENCH_CONNS) -d$(BENCH_TIME) --latency -s internal/api/testdata/wrk-articles.lua http://$(BENCH_PG_ADDR); \
	for u in stats "events/clusters?cell=15" events/timeline "events?limit=100&q=aleppo"; do \
		for i in 1 2; do curl -s -o /dev/null -w "%{time_total}s %{size_download}B $$u\n" "http://$(BENCH_PG_ADDR)/api/v1/$$u"; done; \
	done; \
	kill $$pid; wait $$pid 2>/dev/null; true
