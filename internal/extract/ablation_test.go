package extract

import (
	"bytes"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/go-shiori/dom"
	trafilatura "github.com/markusmobius/go-trafilatura"
)

// TestAblation scores the steps of HTML separately on the benchmark and
// times each step on one pass. It is a measurement, not a check: run it
// with SITREP_ABLATION=1 go test ./internal/extract -run Ablation -v
// (GOMAXPROCS=1 for one-core times).
func TestAblation(t *testing.T) {
	if os.Getenv("SITREP_ABLATION") == "" {
		t.Skip("set SITREP_ABLATION=1 to run the ablation")
	}
	pages, err := LoadBench(benchDir)
	if err != nil {
		t.Skipf("benchmark data not available: %v", err)
	}
	var trOnly, trClean, rdOnly, chosen, full, recallFull []PageScore
	var tDom, tParse, tMeta, tTr, tRd, tClean time.Duration
	var maxElems, maxParas, removedInTruth int
	for _, p := range pages {
		u, _ := url.Parse(p.URL)
		t0 := time.Now()
		_, _ = dom.Parse(bytes.NewReader(p.HTML)) // what trafilatura.Extract parses with
		t1 := time.Now()
		doc, err := parseHTML(p.HTML)
		if err != nil {
			t.Fatal(err)
		}
		t2 := time.Now()
		meta := readMeta(doc, p.URL)
		f := surveyBoilerplate(doc)
		t3 := time.Now()
		tr, trm, _ := runTrafilatura(doc, u)
		t4 := time.Now()
		rd, _, _ := runReadability(doc, u)
		t5 := time.Now()
		ch, _ := choose(tr, rd)
		head := firstNonEmpty(meta.title, trm.Title)
		body, _ := cleanParagraphs(ch, head, meta, f)
		t6 := time.Now()
		trc, _ := cleanParagraphs(tr, head, meta, f)
		{ // the same pipeline with go-trafilatura in FavorRecall mode
			d2, _ := parseHTML(p.HTML)
			trR, trmR, _ := runTrafilaturaFocus(d2, u, trafilatura.FavorRecall)
			rdR, _, _ := runReadability(d2, u)
			chR, _ := choose(trR, rdR)
			bodyR, _ := cleanParagraphs(chR, firstNonEmpty(meta.title, trmR.Title), meta, f)
			recallFull = append(recallFull, ScorePage(p.Truth, strings.Join(bodyR, "\n")))
		}
		maxElems, maxParas = max(maxElems, meta.elements), max(maxParas, meta.paragraphs)
		_, removed := cleanParagraphs(ch, head, meta, f)
		truth := shingles(Tokens(p.Truth), 4)
		for _, r := range removed {
			if containment(shingles(Tokens(r.Text), 4), truth) >= 0.5 {
				removedInTruth++
				t.Logf("removed on purpose, kept by the truth: %s %s: %s", p.ID[:8], r.Kind, clip(r.Text, 100))
			}
		}
		tDom += t1.Sub(t0)
		tParse += t2.Sub(t1)
		tMeta += t3.Sub(t2)
		tTr += t4.Sub(t3)
		tRd += t5.Sub(t4)
		tClean += t6.Sub(t5)
		trOnly = append(trOnly, ScorePage(p.Truth, strings.Join(tr, "\n")))
		trClean = append(trClean, ScorePage(p.Truth, strings.Join(trc, "\n")))
		rdOnly = append(rdOnly, ScorePage(p.Truth, strings.Join(rd, "\n")))
		chosen = append(chosen, ScorePage(p.Truth, strings.Join(ch, "\n")))
		full = append(full, ScorePage(p.Truth, strings.Join(body, "\n")))
	}
	for _, r := range []struct {
		name string
		s    []PageScore
	}{
		{"trafilatura (Balanced) alone", trOnly},
		{"readability alone", rdOnly},
		{"trafilatura + cleaning", trClean},
		{"selection, no cleaning", chosen},
		{"selection + cleaning (HTML)", full},
		{"the same, trafilatura FavorRecall", recallFull},
	} {
		s := Summarize(r.s)
		t.Logf("%-34s F1 %.4f  P %.4f  R %.4f  acc %.4f", r.name, s.F1, s.Precision, s.Recall, s.Accuracy)
	}
	t.Logf("largest page: %d elements, %d <p>; paragraphs removed that the truth keeps: %d", maxElems, maxParas, removedInTruth)
	t.Logf("time over %d pages: dom.Parse (chardet) %v | sitrep parse %v | meta+survey %v | trafilatura %v | readability %v | selection+cleaning %v",
		len(pages), tDom, tParse, tMeta, tTr, tRd, tClean)
}

// TestTrafilaturaScaling times go-trafilatura on made-up pages of growing
// paragraph counts, the measurement behind maxTrafilaturaParagraphs:
// SITREP_ABLATION=1 go test ./internal/extract -run Scaling -v
func TestTrafilaturaScaling(t *testing.T) {
	if os.Getenv("SITREP_ABLATION") == "" {
		t.Skip("set SITREP_ABLATION=1 to run the measurement")
	}
	para := "<p>" + strings.Repeat("The council said the bridge would reopen next week after repairs. ", 5) + "</p>"
	for _, n := range []int{1000, 2000, 4000, 8000} {
		doc, err := parseHTML([]byte("<html><body><article>" + strings.Repeat(para, n) + "</article></body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		t0 := time.Now()
		_, _, _ = runTrafilatura(doc, nil)
		t1 := time.Now()
		_, _, _ = runReadability(doc, nil)
		t.Logf("%5d paragraphs: go-trafilatura %v, go-readability %v", n, t1.Sub(t0), time.Since(t1))
	}
}
