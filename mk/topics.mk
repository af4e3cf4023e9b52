# topics: the topic classifier (internal/classify).
#   make eval-topics     per-corpus evaluation in each corpus's own labels, then the
#                        shipped model on the portal file in the portal's 10 categories
#   make bench-topics    side by side with fastText (needs: apt-get install fasttext)
#   make train-topics    rebuild the shipped model internal/classify/model/topics.bin.gz
EVAL  += eval-topics
BENCH += bench-topics

.PHONY: eval-topics bench-topics train-topics

eval-topics: build
	$(BIN) eval topics --shared $(SHARED)
	$(BIN) eval topics --wcep $(SHARED)/data/topics/wikipedia_current_events/wcep_2002_2019.jsonl.gz

bench-topics: build
	bench/topics-vs-fasttext.sh $(SHARED)
	$(GO) test -run '^$$' -bench Classify -benchtime 5000x -cpu 1 ./internal/classify/

train-topics: build
	$(BIN) train topics --shared $(SHARED) --out internal/classify/model/topics.bin.gz
