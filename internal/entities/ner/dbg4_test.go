package ner

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugSpeed(t *testing.T) {
	if os.Getenv("NERDBG") == "" {
		t.Skip()
	}
	docs := loadCoNLL(t, testaPath)
	def, _ := Default()
	var sents [][]string
	for _, d := range docs {
		for _, s := range d.Sentences {
			sents = append(sents, s.Words)
		}
	}
	for _, bits := range []uint{18, 16, 14} {
		for _, stages := range []int{1, 2} {
			m := *def.m
			m.bits = bits
			m.w = m.w[:(1<<bits)*nLabels]
			if stages == 1 {
				m.w2 = nil
			} else {
				m.w2 = m.w2[:(1<<bits)*nLabels]
			}
			tg := NewTagger(&m)
			r := testing.Benchmark(func(b *testing.B) {
				cpu0 := cpuTime()
				n := 0
				for i := 0; i < b.N; i++ {
					s := sents[i%len(sents)]
					tg.Tag(s)
					n += len(s)
				}
				reportTokens(b, n, cpu0)
			})
			fmt.Println(bits, stages, r.String())
		}
	}
}
