package ner

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

func TestDebugErrors(t *testing.T) {
	if os.Getenv("NERDBG") == "" {
		t.Skip()
	}
	docs := loadCoNLL(t, testaPath)
	tg, _ := Default()
	conf := map[string]int{}
	var ex []string
	for _, d := range docs {
		var sents [][]string
		for _, s := range d.Sentences {
			sents = append(sents, s.Words)
		}
		pred := tg.TagDocument(sents)
		for i, s := range d.Sentences {
			g, p := Spans(s.Tags), Spans(pred[i])
			pm := map[[2]int]string{}
			for _, x := range p {
				pm[[2]int{x.Start, x.End}] = x.Type
			}
			gm := map[[2]int]string{}
			for _, x := range g {
				gm[[2]int{x.Start, x.End}] = x.Type
			}
			for _, x := range g {
				k := [2]int{x.Start, x.End}
				txt := strings.Join(s.Words[x.Start:x.End], " ")
				if pt, ok := pm[k]; ok {
					if pt != x.Type {
						conf["type "+x.Type+"->"+pt]++
						ex = append(ex, "TYPE "+x.Type+"->"+pt+": "+txt)
					}
				} else {
					// overlapping?
					ov := false
					for _, y := range p {
						if y.Start < x.End && x.Start < y.End {
							ov = true
						}
					}
					if ov {
						conf["boundary "+x.Type]++
						ex = append(ex, "BOUND "+x.Type+": "+txt+" | "+strings.Join(s.Words, " "))
					} else {
						conf["missed "+x.Type]++
						ex = append(ex, "MISS "+x.Type+": "+txt)
					}
				}
			}
			for _, y := range p {
				k := [2]int{y.Start, y.End}
				if _, ok := gm[k]; ok {
					continue
				}
				ov := false
				for _, x := range g {
					if y.Start < x.End && x.Start < y.End {
						ov = true
					}
				}
				if !ov {
					conf["spurious "+y.Type]++
					ex = append(ex, "SPUR "+y.Type+": "+strings.Join(s.Words[y.Start:y.End], " ")+" | "+strings.Join(s.Words, " "))
				}
			}
		}
	}
	var ks []string
	for k := range conf {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return conf[ks[i]] > conf[ks[j]] })
	for _, k := range ks {
		fmt.Println(conf[k], k)
	}
	os.WriteFile("/tmp/ner_errors.txt", []byte(strings.Join(ex, "\n")), 0o644)
}
