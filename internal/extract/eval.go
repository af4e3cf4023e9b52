package extract

import (
	"context"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
)

// EvalReport is what `sitrep eval extraction` prints.
type EvalReport struct {
	Dataset string `json:"dataset"`
	Summary
	Errors int `json:"errors"`
	// Std is the standard deviation of each metric over 1000 bootstrap
	// resamples of the pages (seeded, so the same every run), as the
	// benchmark's ± figures are.
	Std   Bootstrap   `json:"bootstrap_std"`
	Worst []WorstPage `json:"worst"`
}

// Bootstrap holds the bootstrap standard deviations of the metrics.
type Bootstrap struct {
	F1        float64 `json:"f1"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Accuracy  float64 `json:"accuracy"`
}

// BootstrapStd resamples pages with replacement n times with a fixed seed
// and returns the standard deviation of each metric.
func BootstrapStd(pages []PageScore, n int) Bootstrap {
	if len(pages) == 0 || n < 2 {
		return Bootstrap{}
	}
	rng := rand.New(rand.NewPCG(4, 181))
	sample := make([]PageScore, len(pages))
	var f, p, r, a []float64
	for i := 0; i < n; i++ {
		for j := range sample {
			sample[j] = pages[rng.IntN(len(pages))]
		}
		s := Summarize(sample)
		f, p, r, a = append(f, s.F1), append(p, s.Precision), append(r, s.Recall), append(a, s.Accuracy)
	}
	return Bootstrap{F1: std(f), Precision: std(p), Recall: std(r), Accuracy: std(a)}
}

func std(xs []float64) float64 {
	var m float64
	for _, x := range xs {
		m += x
	}
	m /= float64(len(xs))
	var v float64
	for _, x := range xs {
		v += (x - m) * (x - m)
	}
	return math.Sqrt(v / float64(len(xs)))
}

// WorstPage is one low-scoring page with what the extraction missed (true
// lines mostly absent from the prediction) and kept (predicted lines mostly
// absent from the truth).
type WorstPage struct {
	ID        string   `json:"id"`
	URL       string   `json:"url"`
	F1        float64  `json:"f1"`
	Precision float64  `json:"precision"`
	Recall    float64  `json:"recall"`
	Error     string   `json:"error,omitempty"`
	Missed    []string `json:"missed"`
	Kept      []string `json:"kept"`
}

// Evaluate runs extract on every page with the given number of workers and
// scores the bodies the benchmark's way; worst is how many of the lowest
// pages (by page F1) to report.
func Evaluate(ctx context.Context, pages []BenchPage, workers, worst int, extract func([]byte, string) (string, error)) (EvalReport, error) {
	if workers < 1 {
		workers = 1
	}
	type result struct {
		body string
		err  error
	}
	res := make([]result, len(pages))
	idx := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range idx {
				b, err := extract(pages[i].HTML, pages[i].URL)
				res[i] = result{b, err}
			}
		}()
	}
	var cerr error
feed:
	for i := range pages {
		select {
		case idx <- i:
		case <-ctx.Done():
			cerr = ctx.Err()
			break feed
		}
	}
	close(idx)
	wg.Wait()
	if cerr != nil {
		return EvalReport{}, cerr
	}
	var rep EvalReport
	scores := make([]PageScore, len(pages))
	for i, p := range pages {
		scores[i] = ScorePage(p.Truth, res[i].body)
		if res[i].err != nil {
			rep.Errors++
		}
	}
	rep.Summary = Summarize(scores)
	rep.Std = BootstrapStd(scores, 1000)
	order := make([]int, len(pages))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return scores[order[a]].F1() < scores[order[b]].F1() })
	for _, i := range order[:min(worst, len(order))] {
		s := scores[i]
		wp := WorstPage{ID: pages[i].ID, URL: pages[i].URL, F1: s.F1(), Precision: s.Precision(), Recall: s.Recall()}
		if res[i].err != nil {
			wp.Error = res[i].err.Error()
		}
		wp.Kept = offLines(res[i].body, pages[i].Truth, 8)
		wp.Missed = offLines(pages[i].Truth, res[i].body, 8)
		rep.Worst = append(rep.Worst, wp)
	}
	return rep, nil
}

// offLines returns up to n lines of a that are mostly (by shingles) not in
// b, clipped for display.
func offLines(a, b string, n int) []string {
	bs := shingles(Tokens(b), 4)
	out := []string{}
	for _, l := range strings.Split(a, "\n") {
		toks := Tokens(l)
		if len(toks) == 0 {
			continue
		}
		if containment(shingles(toks, 4), bs) < 0.5 {
			out = append(out, clip(l, 160))
			if len(out) == n {
				break
			}
		}
	}
	return out
}
