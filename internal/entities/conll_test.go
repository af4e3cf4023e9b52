package entities

import (
	"bufio"
	"context"
	"os"
	"strings"
	"testing"
)

// TestConllGoldTags runs the stage on every CoNLL-2003 dev document with
// the gold tags as its tagger: a smoke test on real news names (offsets
// valid, no panic, nothing lost), with -v a sample of what merged.
func TestConllGoldTags(t *testing.T) {
	f, err := os.Open("../../../shared/data/ner/conll2003/eng.testa")
	if err != nil {
		t.Skip("../shared/data/ner/conll2003 absent")
	}
	defer f.Close()
	type doc struct{ sents [][2][]string }
	var docs []doc
	var cur [2][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "-DOCSTART-") {
			docs = append(docs, doc{})
			continue
		}
		if l == "" {
			if len(cur[0]) > 0 {
				docs[len(docs)-1].sents = append(docs[len(docs)-1].sents, cur)
			}
			cur = [2][]string{}
			continue
		}
		p := strings.Fields(l)
		cur[0] = append(cur[0], p[0])
		cur[1] = append(cur[1], p[3])
	}
	hit, miss, nents, nmen := 0, 0, 0, 0
	for di, d := range docs {
		gold := map[string][]string{}
		var parts []string
		for _, s := range d.sents {
			gold[strings.Join(s[0], " ")] = s[1]
			// Clitics join their word again, as in running text.
			parts = append(parts, strings.NewReplacer(" 's", "'s", " n't", "n't").Replace(strings.Join(s[0], " ")))
		}
		body := strings.Join(parts, "\n\n")
		st := New(tagFunc(func(w []string) []string {
			if g, ok := gold[strings.Join(w, " ")]; ok {
				hit++
				return g
			}
			miss++
			out := make([]string, len(w))
			for i := range out {
				out[i] = "O"
			}
			return out
		}))
		ents, err := st.Extract(context.Background(), body)
		if err != nil {
			t.Fatal(err)
		}
		checkOffsets(t, body, ents)
		nents += len(ents)
		for _, e := range ents {
			nmen += len(e.Mentions)
			if e.Name == "" || len(e.Mentions) == 0 {
				t.Errorf("doc %d: empty entity %+v", di, e)
			}
			if testing.Verbose() && di%20 == 1 && len(e.Aliases) > 1 {
				t.Logf("doc%d %-30s %-12s %-3s %-3s %q", di, e.Name, e.Type, e.Country, e.Role, e.Aliases)
			}
		}
	}
	// Sentences whose words nlp.Tokenize splits differently from CoNLL get no tags.
	t.Logf("%d docs, %d sentences tagged (%d tokenized differently), %d mentions in %d entities", len(docs), hit, miss, nmen, nents)
	if hit == 0 || nents == 0 {
		t.Fatal("nothing tagged")
	}
}
