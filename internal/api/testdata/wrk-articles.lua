-- wrk script for `make bench-serve`: GET /api/v1/articles?q=... with a
-- rotating set of queries, and a one-line summary with p99 latency.
local queries = {
  "aleppo", "kharkiv", "killed", "rebels", "%22air%20strikes%22", "shelled%20mosul",
  "hamas", "aid%20agencies", "taliban%20kabul", "houthi", "protesters", "central%20bank",
}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/v1/articles?q=" .. queries[(n % #queries) + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("bench-serve: %d requests in %.1fs, %.0f requests/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors))
end
