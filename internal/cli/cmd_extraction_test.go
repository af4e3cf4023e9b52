package cli

import (
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExtractCommand(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("..", "extract", "testdata", "html")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// a gzipped page, a binary page, a text file that is not HTML, a file
	// that is not picked up, and a missing file named on the command line
	raw, _ := os.ReadFile(filepath.Join(src, "02-jsonld-date.html"))
	f, _ := os.Create(filepath.Join(dir, "20-gzipped.html.gz"))
	zw := gzip.NewWriter(f)
	zw.Write(raw)
	zw.Close()
	f.Close()
	os.WriteFile(filepath.Join(dir, "21-binary.html"), []byte("\x00\x01\x02"), 0o644)
	os.WriteFile(filepath.Join(dir, "22-plain.html"), []byte("no markup at all"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("ignored"), 0o644)
	missing := filepath.Join(dir, "missing.html")

	out := runCLI(t, "", "extract", "--workers", "3", dir, missing)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := len(entries) + 3 + 1
	if len(lines) != want {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), want, out)
	}
	prev := ""
	errs := map[string]bool{}
	for i, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %d not JSON: %v", i+1, err)
		}
		file, _ := m["file"].(string)
		if file == "" {
			t.Fatalf("line %d has no file", i+1)
		}
		if i < want-1 && file < prev {
			t.Errorf("line %d out of order: %s after %s", i+1, file, prev)
		}
		prev = file
		if _, bad := m["error"]; bad {
			errs[filepath.Base(file)] = true
			continue
		}
		for _, k := range []string{"id", "headline", "body", "url", "language", "published", "boilerplate"} {
			if _, ok := m[k]; !ok {
				t.Errorf("%s: no %q field", file, k)
			}
		}
		if m["body"] == "" {
			t.Errorf("%s: empty body", file)
		}
	}
	for _, name := range []string{"21-binary.html", "22-plain.html", "missing.html"} {
		if !errs[name] {
			t.Errorf("%s: want an error line", name)
		}
	}
	if len(errs) != 3 {
		t.Errorf("error lines for %v, want 3", errs)
	}
}

func TestEvalExtractionCommand(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "data", "extraction", "scrapinghub-aeb")
	if _, err := os.Stat(filepath.Join(data, "ground-truth.json")); err != nil {
		t.Skip("../shared benchmark absent; skipping")
	}
	out := runCLI(t, "", "eval", "extraction", "--data", data, "--baseline=false", "--anchors=false", "--worst", "3")
	var rep struct {
		Pages int     `json:"pages"`
		F1    float64 `json:"f1"`
		Worst []struct {
			ID string `json:"id"`
		} `json:"worst"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if rep.Pages != 181 || rep.F1 <= 0 || rep.F1 > 1 || len(rep.Worst) != 3 {
		t.Errorf("bad report: %+v", rep)
	}
	t.Logf("F1 %.4f", rep.F1)
}
