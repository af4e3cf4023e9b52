package ner

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugSent(t *testing.T) {
	if os.Getenv("NERDBG") == "" {
		t.Skip()
	}
	tg, _ := Default()
	for _, s := range []string{os.Getenv("S1"), os.Getenv("S2"), os.Getenv("S3")} {
		if s == "" {
			continue
		}
		ws := words(s)
		fmt.Println(spanTexts(ws, tg.Tag(ws)))
	}
}
