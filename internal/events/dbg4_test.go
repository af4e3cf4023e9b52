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
		if labels[i][0] != 0 && (!ok || e.Hypothetical || e.Negated) && n < 70 {
			n++
			t.Logf("%d | %.170s", labels[i][0], tx)
		}
	}
}
