package events

import (
	"os"
	"strings"
	"testing"
)

func TestDbgNER(t *testing.T) {
	f, err := os.Open("../../../shared/data/events/conflibert/cameo_ner/train.txt")
	if err != nil {
		t.Skip()
	}
	sents, _ := ReadCameoNER(f)
	c := New()
	n := 0
	for _, s := range sents {
		if n > 60 {
			break
		}
		one := c.EvalCameoNER([]NERSentence{s})
		bad := os.Getenv("ROLE") == "S" && one.Source.N > 0 && one.Source.Correct == 0 || os.Getenv("ROLE") == "T" && one.Target.N > 0 && one.Target.Correct == 0
		if !bad {
			continue
		}
		n++
		var gs, gt []string
		for i, tg := range s.Tags {
			if strings.HasSuffix(tg, "S") || strings.HasSuffix(tg, "R") {
				gs = append(gs, s.Tokens[i])
			}
			if strings.HasSuffix(tg, "T") || strings.HasSuffix(tg, "R") {
				gt = append(gt, s.Tokens[i])
			}
		}
		e, _ := MainEvent(c.CodeSentence(strings.Join(s.Tokens, " "), ""))
		t.Logf("S=%q T=%q got %s %q->%q | %.140s", strings.Join(gs, " "), strings.Join(gt, " "), e.Type, e.Source.Name, e.Target.Name, strings.Join(s.Tokens, " "))
	}
}
