# events area: the PLOVER event coder (internal/events)
.PHONY: eval-events bench-events train-events-pos train-events-actors train-event-roles

# PLOVER GSR (type, actors at country level, fatalities; dev/heldout halves),
# PETRARCH unit-test XML records and the ConfliBERT sets, as JSON.
eval-events: build
	$(BIN) eval events \
		--plover $(SHARED)/data/events/plover_gsr_cameo/PLOVER_GSR_CAMEO.json \
		--petr $(SHARED)/data/events/petrarch_unittest/PETR.UnitTest.records.xml \
		--conflibert $(SHARED)/data/events/conflibert

bench-events:
	$(GO) test -run '^$$' -bench . -benchtime 3s -cpu 1 ./internal/events/ ./internal/events/pos/

# rebuilds internal/events/pos/model.bin.gz (about 10 s)
train-events-pos: build
	$(BIN) train events-pos --conll $(SHARED)/data/ner/conll2003/eng.train \
		--heldout $(SHARED)/data/ner/conll2003/eng.testa --out internal/events/pos/model.bin.gz

# builds out/events-actors.tsv.gz, an optional actor gazetteer, from the
# PETRARCH-2 / Phoenix actor dictionaries (about 1 s); not shipped: use it
# with `sitrep eval events --actors out/events-actors.tsv.gz`
train-events-actors: build
	@mkdir -p out
	$(BIN) train events-actors --dict $(SHARED)/data/events/dictionaries --out out/events-actors.tsv.gz

# refits internal/events/rolemodel.json (the fitted source/target chooser)
# on ConfliBERT cameo_ner train (under a second; byte-for-byte reproducible)
train-event-roles: build
	$(BIN) train event-roles --file $(SHARED)/data/events/conflibert/cameo_ner/train.txt --out internal/events/rolemodel.json

EVAL += eval-events
BENCH += bench-events
