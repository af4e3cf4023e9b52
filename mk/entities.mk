# entities area: the entities stage (internal/entities) and the dates stage (internal/timex).
#   make bench-entities   per-article cost of both stages (CPU time per op is the figure to read
#                         on a loaded machine); the corpus benchmark needs $(SHARED)/data/topics/bbc_news
#   make eval-entities    the seed's entities checks with the capitalisation test tagger, the
#                         CoNLL gold-tag smoke run and the seed's dates, verbose
.PHONY: bench-entities eval-entities
BENCH += bench-entities
EVAL  += eval-entities

bench-entities:
	$(GO) test -run '^$$' -bench 'Stage|Corpus' -benchtime 2000x -cpu 1 ./internal/entities/ ./internal/timex/
	$(GO) test -run '^$$' -bench 'Long' -benchtime 50x -cpu 1 ./internal/entities/

eval-entities: build
	$(GO) test -count=1 -v -run 'TestSeedEntities|TestConllGoldTags|TestStageSeedDates' ./internal/entities/ ./internal/timex/ | grep -v '^=== RUN'
	@if [ -f $(SHARED)/data/events/dictionaries/Phoenix.agents.txt ]; then \
		echo "== sitrep eval agents (role lexicon vs PETRARCH Phoenix agents)"; \
		$(BIN) eval agents --dict $(SHARED)/data/events/dictionaries/Phoenix.agents.txt; \
	fi
