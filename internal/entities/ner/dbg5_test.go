package ner

import (
	"fmt"
	"math"
	"os"
	"testing"
)

func TestDebugQuant(t *testing.T) {
	if os.Getenv("NERDBG") == "" {
		t.Skip()
	}
	docs := loadCoNLL(t, testaPath)
	def, _ := Default()
	for _, div := range []float64{1, 64, 128, 256} {
		m := *def.m
		q := func(w []int16) []int16 {
			out := make([]int16, len(w))
			for i, v := range w {
				out[i] = int16(math.Round(float64(v)/div) * div)
			}
			return out
		}
		m.w, m.w2 = q(m.w), q(m.w2)
		fmt.Println(div, Evaluate(NewTagger(&m), docs).Overall.F1)
	}
	// distribution
	maxv := 0
	hist := map[int]int{}
	for _, v := range def.m.w2 {
		a := int(v)
		if a < 0 {
			a = -a
		}
		maxv = max(maxv, a)
		hist[int(math.Log2(float64(a+1)))]++
	}
	fmt.Println(maxv, hist)
}
