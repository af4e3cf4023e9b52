package events

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func TestDbg(t *testing.T) {
	c := New()
	for _, s := range strings.Split(os.Getenv("SENTS"), "|") {
		st := &sentState{reg: &registry{bySurname: map[string]*person{}}}
		st.setTokens(s, 0)
		words := []string{}
		for _, tk := range st.toks {
			words = append(words, tk.text)
		}
		tags, chunks := c.tagger.Tag(words)
		var b strings.Builder
		for i := range words {
			b.WriteString(words[i] + "/" + tags[i] + "/" + chunks[i] + " ")
		}
		t.Log(b.String())
		for _, e := range c.CodeSentence(s, "2015-11-18") {
			j, _ := json.Marshal(e)
			t.Logf("%s", j)
		}
	}
}
