// Package storyeval scores story grouping against gold clusters: it reads
// the WikiTimes export of Wikipedia's Current Events Portal (one JSON array
// of dated event descriptions, some marked as belonging to a named story)
// and computes pairwise and B-cubed precision, recall and F1 of a predicted
// clustering against the gold one.
//
// It runs no analysis and no grouping itself: the caller turns items into
// articles, analyses and groups them (see internal/cli's `eval stories`).
// Items without a story are gold singletons.
package storyeval

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Item is one portal event.
type Item struct {
	ID          string // the export's event id
	Date        string // YYYY-MM-DD
	Description string
	Category    string
	Story       string // gold story id; "" for none
	StoryName   string
	URL         string // first source URL, if any
}

type rawItem struct {
	ID          string `json:"id"`
	Date        string `json:"date"`
	Description string `json:"description"`
	Category    struct {
		Name string `json:"name"`
	} `json:"category"`
	Story *struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"belongsToStory"`
	Source []struct {
		URL string `json:"url"`
	} `json:"source"`
}

// ReadWikiTimes reads a WikiTimes JSON array, sorted by date then id (the
// order a stream would deliver them in). Items with no description are
// skipped and counted.
func ReadWikiTimes(r io.Reader) (items []Item, skipped int, err error) {
	var raw []rawItem
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, 0, fmt.Errorf("wikitimes: %w", err)
	}
	for _, x := range raw {
		d := strings.TrimSpace(x.Description)
		if d == "" || x.ID == "" {
			skipped++
			continue
		}
		it := Item{ID: x.ID, Date: x.Date, Description: d, Category: x.Category.Name}
		if x.Story != nil {
			it.Story, it.StoryName = x.Story.ID, x.Story.Name
		}
		if len(x.Source) > 0 {
			it.URL = x.Source[0].URL
		}
		items = append(items, it)
	}
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].Date != items[j].Date {
			return items[i].Date < items[j].Date
		}
		return items[i].ID < items[j].ID
	})
	return items, skipped, nil
}

// PRF is precision, recall and F1.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func prf(p, r float64) PRF {
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{round(p), round(r), round(f)}
}

func round(x float64) float64 { return float64(int64(x*10000+0.5)) / 10000 }

// Score compares a predicted clustering with the gold one.
type Score struct {
	Items          int `json:"items"`
	GoldClusters   int `json:"gold_clusters"`   // including singletons
	GoldMulti      int `json:"gold_multi"`      // gold clusters of two or more
	PredClusters   int `json:"pred_clusters"`   // including singletons
	PredMulti      int `json:"pred_multi"`      // predicted clusters of two or more
	GoldPairs      int `json:"gold_pairs"`      // item pairs in one gold cluster
	PredPairs      int `json:"pred_pairs"`      // item pairs in one predicted cluster
	CorrectPairs   int `json:"correct_pairs"`   // in both
	Pairwise       PRF `json:"pairwise"`        // over item pairs
	BCubed         PRF `json:"bcubed"`          // per item, averaged
	PurePredMulti  int `json:"pure_pred_multi"` // predicted multi-clusters inside one gold cluster
	SplitGoldMulti int `json:"split_gold_multi"`
}

// Evaluate scores pred against gold: both map item index to a cluster
// label (gold "" is a singleton of its own). They must be the same length.
func Evaluate(gold, pred []string) Score {
	n := len(gold)
	g := make([]string, n)
	for i, c := range gold {
		if c == "" {
			c = fmt.Sprintf("\x00single-%d", i)
		}
		g[i] = c
	}
	gc := groups(g)
	pc := groups(pred)
	s := Score{Items: n, GoldClusters: len(gc), PredClusters: len(pc)}
	for _, m := range gc {
		if len(m) > 1 {
			s.GoldMulti++
		}
		s.GoldPairs += len(m) * (len(m) - 1) / 2
	}
	for _, m := range pc {
		if len(m) > 1 {
			s.PredMulti++
			pure := true
			for _, i := range m[1:] {
				if g[i] != g[m[0]] {
					pure = false
				}
			}
			if pure {
				s.PurePredMulti++
			}
		}
		s.PredPairs += len(m) * (len(m) - 1) / 2
	}
	for _, m := range gc {
		if len(m) < 2 {
			continue
		}
		labels := map[string]bool{}
		for _, i := range m {
			labels[pred[i]] = true
		}
		if len(labels) > 1 {
			s.SplitGoldMulti++
		}
	}
	// correct pairs: for each (gold, pred) cell of size k, k(k-1)/2
	cell := map[[2]string]int{}
	for i := range g {
		cell[[2]string{g[i], pred[i]}]++
	}
	for _, k := range cell {
		s.CorrectPairs += k * (k - 1) / 2
	}
	pp, pr := 1.0, 1.0
	if s.PredPairs > 0 {
		pp = float64(s.CorrectPairs) / float64(s.PredPairs)
	}
	if s.GoldPairs > 0 {
		pr = float64(s.CorrectPairs) / float64(s.GoldPairs)
	}
	s.Pairwise = prf(pp, pr)
	// B-cubed: per item, the share of its predicted cluster in its gold
	// cluster (precision) and of its gold cluster in its predicted one
	// (recall).
	var bp, br float64
	for i := range g {
		both := float64(cell[[2]string{g[i], pred[i]}])
		bp += both / float64(len(pc[pred[i]]))
		br += both / float64(len(gc[g[i]]))
	}
	if n > 0 {
		s.BCubed = prf(bp/float64(n), br/float64(n))
	}
	return s
}

func groups(labels []string) map[string][]int {
	m := map[string][]int{}
	for i, l := range labels {
		m[l] = append(m[l], i)
	}
	return m
}
