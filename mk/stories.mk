# stories: grouping scored against the Current Events Portal's stories (WikiTimes, September 2015).
WIKITIMES ?= $(SHARED)/data/topics/wikipedia_current_events/wikitimes_cep_2015-09.json

EVAL += eval-stories

.PHONY: eval-stories

eval-stories: build
	@if [ -f $(WIKITIMES) ]; then echo "== sitrep eval stories --wikitimes $(WIKITIMES)"; $(BIN) eval stories --wikitimes $(WIKITIMES); \
	else echo "eval-stories: $(WIKITIMES) absent, skipped"; fi
