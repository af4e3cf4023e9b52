GO ?= go
BIN := bin/sitrep

.PHONY: build test demo bench eval fmt vet
build:
	$(GO) build -o $(BIN) ./cmd/sitrep

test:
	$(GO) vet ./...
	$(GO) test ./...
