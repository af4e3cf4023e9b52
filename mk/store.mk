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
