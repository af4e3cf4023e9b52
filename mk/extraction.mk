# extraction area: HTML extraction quality and speed (issue 4, parts 1-4).
#   make eval-extraction   F1/precision/recall/accuracy on the Scrapinghub
#                          article-extraction-benchmark (needs $(SHARED))
#   make bench-extraction  pages/s on one core, plain go-trafilatura vs sitrep,
#                          and sitrep's time as a multiple of go-trafilatura's
EXTRACTION_DATA ?= $(SHARED)/data/extraction/scrapinghub-aeb

.PHONY: eval-extraction bench-extraction

eval-extraction: build
	@if [ -f $(EXTRACTION_DATA)/ground-truth.json ]; then \
		echo "== sitrep eval extraction --data $(EXTRACTION_DATA)"; \
		$(BIN) eval extraction --data $(EXTRACTION_DATA) --worst 10; \
	else echo "== eval-extraction: $(EXTRACTION_DATA) absent, skipped"; fi

bench-extraction:
	@echo "== extraction speed, one core (time-ratio = sitrep time / plain go-trafilatura time; target <= 1.3)"
	@$(GO) test -run '^$$' -bench 'BenchmarkExtractionSpeed' -benchtime 362x -cpu 1 ./internal/extract/ | tee /dev/stderr | \
		awk '/^BenchmarkExtractionSpeed/ { for (i = 1; i < NF; i++) if ($$(i+1) == "time-ratio") print "extraction time ratio (sitrep / go-trafilatura): " $$i }'

EVAL += eval-extraction
BENCH += bench-extraction
