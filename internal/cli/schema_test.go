package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func validateSchema(t *testing.T, doc []byte) {
	t.Helper()
	raw, err := os.ReadFile("../../docs/article.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	sch, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("article.schema.json", sch); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("article.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range bytes.Split(bytes.TrimSpace(doc), []byte("\n")) {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(line))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(v); err != nil {
			t.Errorf("output does not match docs/article.schema.json: %v", err)
		}
	}
}

// TestSchemaOnOwnArticles validates analysis of the repo's own test articles
// (no ../shared needed).
func TestSchemaOnOwnArticles(t *testing.T) {
	files, _ := os.ReadDir("../extract/testdata/text")
	if len(files) == 0 {
		t.Fatal("no test articles in internal/extract/testdata/text")
	}
	for _, f := range files {
		if !bytesHasSuffix(f.Name(), ".txt") {
			continue
		}
		out := runCLI(t, "", "analyze", "../extract/testdata/text/"+f.Name())
		validateSchema(t, []byte(out))
		var m map[string]any
		if err := json.Unmarshal([]byte(out), &m); err != nil {
			t.Fatal(err)
		}
	}
}

func bytesHasSuffix(s, suf string) bool { return len(s) >= len(suf) && s[len(s)-len(suf):] == suf }
