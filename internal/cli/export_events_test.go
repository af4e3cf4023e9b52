package cli

import (
	"encoding/csv"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The event exports: ACLED-like CSV and the GDELT table, one row per done
// event, the same event ids whatever --min-confidence leaves out.
func TestExportEvents(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ev.db")
	runCLI(t, "", "--db", db, "ingest", "-q", "../../demo/articles")
	rows := func(format string, args ...string) [][]string {
		t.Helper()
		out := runCLI(t, "", append([]string{"--db", db, "export", "--format", format}, args...)...)
		r := csv.NewReader(strings.NewReader(out))
		if format == "gdelt" {
			r.Comma = '\t'
		}
		r.LazyQuotes = true
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		return recs
	}
	all := rows("events-csv")
	if len(all) < 10 || all[0][0] != "event_id" || all[0][len(all[0])-1] != "notes" {
		t.Fatalf("events-csv: %d rows, header %v", len(all), all[0])
	}
	conf := -1
	for i, h := range all[0] {
		if h == "confidence" {
			conf = i
		}
	}
	ids := map[string]bool{}
	low := 0
	for _, r := range all[1:] {
		ids[r[0]] = true
		if c, _ := strconv.ParseFloat(r[conf], 64); c < 0.5 {
			low++
		}
	}
	sure := rows("events-csv", "--min-confidence", "0.5")
	if len(sure)-1 != len(all)-1-low {
		t.Errorf("--min-confidence 0.5: %d events, want %d of %d", len(sure)-1, len(all)-1-low, len(all)-1)
	}
	for _, r := range sure[1:] {
		if !ids[r[0]] {
			t.Errorf("event id %s changed when low-confidence events were left out", r[0])
		}
	}
	g := rows("gdelt")
	if g[0][0] != "GLOBALEVENTID" || len(g) != len(all) {
		t.Errorf("gdelt: %d rows for %d events-csv rows, header %v", len(g), len(all), g[0][:3])
	}
}
