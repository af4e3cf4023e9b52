package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/corpus"
)

func TestAnalyzeJSONLKeepsOrderAndReportsBadLines(t *testing.T) {
	var in strings.Builder
	const n = 40
	for i := 0; i < n; i++ {
		switch {
		case i == 7:
			in.WriteString("{not json\n")
		case i == 13:
			in.WriteString(`{"url": "http://example.com/no-body"}` + "\n")
		case i%2 == 0:
			fmt.Fprintf(&in, "{\"text\": %q}\n", corpus.Article(3, i))
		default:
			fmt.Fprintf(&in, "{\"headline\": \"Item %d\", \"body\": \"Report number %d says troops moved.\", \"published\": \"2020-01-02\"}\n", i, i)
		}
	}
	out := runCLI(t, in.String(), "analyze", "--jsonl", "--workers", "4")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != n {
		t.Fatalf("got %d output lines, want %d", len(lines), n)
	}
	for i, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %d not JSON: %v", i+1, err)
		}
		_, isErr := m["error"]
		if (i == 7 || i == 13) != isErr {
			t.Errorf("line %d: error=%v", i+1, isErr)
		}
		if !isErr && i%2 == 0 && !strings.Contains(m["headline"].(string), fmt.Sprintf("(#%d)", i)) {
			t.Errorf("line %d out of order: %v", i+1, m["headline"])
		}
		if !isErr && i%2 == 1 {
			if m["headline"] != fmt.Sprintf("Item %d", i) {
				t.Errorf("line %d out of order: %v", i+1, m["headline"])
			}
			pub := m["published"].(map[string]any)
			if pub["how"] != "given" || pub["date"] != "2020-01-02" {
				t.Errorf("line %d published = %v", i+1, pub)
			}
		}
	}
	validateSchema(t, []byte(strings.Join(removeErrors(lines), "\n")))
}

func removeErrors(lines []string) []string {
	var out []string
	for _, l := range lines {
		if !strings.HasPrefix(l, `{"error"`) {
			out = append(out, l)
		}
	}
	return out
}

func TestIngestSearchExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	out := runCLI(t, "", "--db", db, "ingest", "-q", "../extract/testdata/text")
	if !strings.HasPrefix(out, "ingested 13, duplicates 0, failed 0") {
		t.Fatalf("ingest: %s", out)
	}
	out = runCLI(t, "", "--db", db, "ingest", "-q", "../extract/testdata/text/*.txt")
	if !strings.HasPrefix(out, "ingested 0, duplicates 13, failed 0") {
		t.Fatalf("re-ingest: %s", out)
	}
	out = runCLI(t, "", "--db", db, "search", "--json", "earthquake")
	var res struct {
		Hits []struct{ Headline, Snippet string }
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Headline, "Earthquake") {
		t.Fatalf("search: %v %s", err, out)
	}
	if !strings.Contains(res.Hits[0].Snippet, "[earthquake]") {
		t.Errorf("snippet not highlighted: %q", res.Hits[0].Snippet)
	}
	out = runCLI(t, "", "--db", db, "search", "--from", "2018-01-01", "--to", "2018-12-31", "--json", "the")
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Hits) != 2 {
		t.Fatalf("date-filtered search: %d hits: %s", len(res.Hits), out)
	}
	out = runCLI(t, "", "--db", db, "export", "--format", "jsonl")
	if got := strings.Count(out, "\n"); got != 13 {
		t.Fatalf("export jsonl: %d lines", got)
	}
	validateSchema(t, []byte(out))
	out = runCLI(t, "", "--db", db, "export", "--format", "csv")
	if got := strings.Count(out, "\n"); got != 14 {
		t.Fatalf("export csv: %d lines", got)
	}
}

func TestStoriesGroupCopiesAcrossRuns(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	orig, err := os.ReadFile("../extract/testdata/text/01-reuters-dateline.txt")
	if err != nil {
		t.Fatal(err)
	}
	other, err := os.ReadFile("../extract/testdata/text/03-byline-ap.txt")
	if err != nil {
		t.Fatal(err)
	}
	// another site's copy: a new headline line, the same report
	lines := strings.SplitN(string(orig), "\n", 2)
	copy1 := "Wire copy: " + lines[0] + "\n" + lines[1]
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	runCLI(t, "", "--db", db, "ingest", "-q", write("a.txt", string(orig)), write("b.txt", string(other)))
	runCLI(t, "", "--db", db, "ingest", "-q", write("c.txt", copy1))
	var rows []storyRow
	out := runCLI(t, "", "--db", db, "stories", "--json", "--min", "1")
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("stories: %v: %s", err, out)
	}
	if len(rows) != 2 || rows[0].Articles != 2 || rows[1].Articles != 1 {
		t.Fatalf("want one story of 2 and one of 1, got %s", out)
	}
}
