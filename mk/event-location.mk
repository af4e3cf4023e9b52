# event locations: is an event's place where it happened? (Halterman's event-location gold)
EVENT_LOCATION ?= $(SHARED)/data/geo/event_location/labeled_text.json.gz

EVAL += eval-event-location

.PHONY: eval-event-location

eval-event-location: build
	@if [ -f $(EVENT_LOCATION) ]; then echo "== sitrep eval event-location --file $(EVENT_LOCATION)"; $(BIN) eval event-location --file $(EVENT_LOCATION); \
	else echo "eval-event-location: $(EVENT_LOCATION) absent, skipped"; fi

.PHONY: train-event-location

# Refit internal/events/locmodel.json (the event-location linker) on the
# non-gold annotations of the same file. See docs/events.md, "Event locations".
train-event-location: build
	$(BIN) train event-location --file $(EVENT_LOCATION) --out internal/events/locmodel.json
