# ner: the named-entity tagger (internal/entities/ner). See docs/ner.md.
NER_CONLL  := $(SHARED)/data/ner/conll2003
NER_MODEL  := internal/entities/ner/model.bin
NER_CLUSTERS := internal/entities/ner/clusters.txt.gz
# unlabelled text the word clusters are computed from (train splits only)
NER_CLUSTER_TEXT := \
	$(SHARED)/data/topics/bbc_news/bbc_news.csv \
	$(SHARED)/data/topics/wikipedia_current_events/wcep_2002_2019.jsonl.gz \
	$(SHARED)/data/topics/ag_news/test.csv \
	$(SHARED)/data/topics/nyt_cap_headlines/nytimes_headlines.csv \
	$(SHARED)/data/events/conflibert/insightCrime/train.tsv \
	$(SHARED)/data/events/conflibert/satp_all/train.tsv \
	$(SHARED)/data/events/conflibert/IndiaPoliceEvents_docs/train.tsv

.PHONY: eval-ner bench-ner train-ner train-ner-clusters

EVAL  += eval-ner
BENCH += bench-ner

# conlleval-style P/R/F1 on eng.testa, and the re3d conflict-domain set
eval-ner: build
	@if [ -f $(NER_CONLL)/eng.testa ]; then \
		echo "== sitrep eval ner --conll $(NER_CONLL)/eng.testa --re3d $(SHARED)/data/ner/re3d"; \
		$(BIN) eval ner --conll $(NER_CONLL)/eng.testa --re3d $(SHARED)/data/ner/re3d; \
	else echo "eval-ner: $(NER_CONLL) absent, skipped"; fi

# tokens/s on one core (BenchmarkTag: sentence by sentence; BenchmarkTagDocument)
bench-ner:
	GOMAXPROCS=1 $(GO) test -run '^$$' -bench 'BenchmarkTag' -benchtime 3s -cpu 1 -benchmem ./internal/entities/ner/

# rebuild the shipped model (about 1-2 minutes on 2 cores)
train-ner: build
	$(BIN) train ner --train $(NER_CONLL)/eng.train --dev $(NER_CONLL)/eng.testa --clusters $(NER_CLUSTERS) --out $(NER_MODEL)

# rebuild the word clusters the model is trained with (about 1 minute)
train-ner-clusters: build
	$(BIN) train ner-clusters --conll $(NER_CONLL)/eng.train --out $(NER_CLUSTERS) $(NER_CLUSTER_TEXT)
