# sitrep — the two commands a fresh machine needs:
#   make demo   analyse the seed article, fill a store with the demo articles, search it and
#               serve the dashboard on http://127.0.0.1:8080/
#   make test   vet and run every test (tests that need ../shared/data skip without it)
#
# Each area adds its own targets in mk/<area>.mk and appends them to EVAL
# (run by `make eval`) and BENCH (run by `make bench`).
GO      ?= go
BIN     := bin/sitrep
DB      ?= out/demo.db
SHARED  ?= ../shared
EVAL    :=
BENCH   :=

-include mk/*.mk

.PHONY: build test demo bench bench-core eval fmt vet clean

build:
	$(GO) build -o $(BIN) ./cmd/sitrep

test:
	@test -z "$$(gofmt -l cmd internal)" || { echo "gofmt needed:"; gofmt -l cmd internal; exit 1; }
	$(GO) vet ./...
	$(GO) test -count=1 ./...

demo: build
	@mkdir -p out
	@if [ -f $(SHARED)/seed/seed-article.txt ]; then \
		echo "== sitrep analyze --pretty $(SHARED)/seed/seed-article.txt"; \
		$(BIN) analyze --pretty $(SHARED)/seed/seed-article.txt; \
	fi
	@echo "== sitrep ingest demo/articles (and the seed) into $(DB)"
	@$(BIN) --db $(DB) ingest -q demo/articles $$(ls $(SHARED)/seed/seed-article.txt 2>/dev/null)
	@echo "== sitrep search air strikes"
	@$(BIN) --db $(DB) search air strikes
	@echo "== sitrep serve: dashboard at http://$(SERVE_ADDR)/  (API: http://$(SERVE_ADDR)/api/v1/openapi.json; Ctrl-C stops)"
	@$(BIN) --db $(DB) serve --addr $(SERVE_ADDR)

bench-core: build
	$(BIN) bench --n 10000
	$(GO) test -run '^$$' -bench . -benchtime 2000x ./internal/extract/ ./internal/store/

bench: bench-core $(BENCH)

eval: build $(EVAL)
	@echo "== eval done"

fmt:
	gofmt -w cmd internal

clean:
	rm -rf bin out
