package events

import (
	"os"
	"testing"
)

func TestDbgCB(t *testing.T) {
	f, err := os.Open("../../../shared/data/events/conflibert/cameo_class/train.tsv")
	if err != nil {
		t.Skip()
	}
	texts, labels, _ := ReadConfliBERT(f)
	c := New()
	n := 0
	for i, tx := range texts {
		e, ok := MainEvent(c.CodeSentence(tx, ""))
		q := 0
		if ok && !e.Hypothetical && !e.Negated {
			q = quadOf(e.Type)
		}
		if os.Getenv("MODE") == "none" && labels[i][0] != 0 && q == 0 && n < 80 || os.Getenv("MODE") == "wrong" && q != 0 && q != labels[i][0] && n < 80 {
			n++
			t.Logf("%d got %d %s | %.160s", labels[i][0], q, e.Type, tx)
		}
	}
}
