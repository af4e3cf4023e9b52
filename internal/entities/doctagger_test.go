package entities

import (
	"context"
	"testing"
)

// docTagger tags by document: only TagDocument finds names, so a stage that
// fell back to Tag would find nothing.
type docTagger struct{ calls int }

func (*docTagger) Tag(words []string) []string {
	out := make([]string, len(words))
	for i := range out {
		out[i] = "O"
	}
	return out
}

func (d *docTagger) TagDocument(sents [][]string) [][]string {
	d.calls++
	out := make([][]string, len(sents))
	for i, s := range sents {
		out[i] = make([]string, len(s))
		for j, w := range s {
			out[i][j] = "O"
			if w == "Kharkiv" {
				out[i][j] = "B-LOC"
			}
		}
	}
	return out
}

func TestDocumentTaggerTagsTheWholeArticleOnce(t *testing.T) {
	dt := &docTagger{}
	ents, err := New(dt).Extract(context.Background(), "Shelling hit Kharkiv on Monday.\n\nOfficials in Kharkiv said two people died.")
	if err != nil {
		t.Fatal(err)
	}
	if dt.calls != 1 {
		t.Errorf("TagDocument called %d times, want once per article", dt.calls)
	}
	if len(ents) != 1 || ents[0].Name != "Kharkiv" || len(ents[0].Mentions) != 2 {
		t.Errorf("entities %+v", ents)
	}
}
