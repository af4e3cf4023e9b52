# feeds area: RSS/Atom polling, the HTTP fetcher, WARC reading.
#   make bench-feeds   WARC reading throughput and peak heap on a generated
#                      300 MB .warc.gz stream (records/s, MB/s), the same with
#                      page extraction on 20 MB, and `sitrep ingest`'s path
#                      (Runner + SQLite) over a 20 MB .warc.gz file
.PHONY: bench-feeds test-feeds

BENCH += bench-feeds

bench-feeds:
	$(GO) test -run '^$$' -bench 'ReadWARC|IngestWARC' -benchtime 1x ./internal/ingest/ -args -warcmb=300 -warcmb-extract=20

test-feeds:
	$(GO) test -count=1 ./internal/fetch/ ./internal/feeds/ ./internal/store/ ./internal/cli/
	$(GO) test -count=1 -run 'WARC' ./internal/ingest/
