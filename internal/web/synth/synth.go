// Package synth fills a store quickly with synthetic articles for load
// tests and for checking the dashboard with 100,000 events: the text comes
// from internal/corpus through the plain-text extractor, and each article
// gets one synthetic, located event drawn from its own headline, without
// running the analysis stages.
//
// Everything it makes is labelled synthetic (source "synthetic"); it is
// never evaluation data and never mixed into the demo store.
package synth

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"sitrep/internal/article"
	"sitrep/internal/corpus"
	"sitrep/internal/extract"
	"sitrep/internal/nlp"
	"sitrep/internal/store"
)

// places are the corpus's place names with approximate coordinates.
var places = map[string][3]string{
	"Aleppo": {"SY", "36.20", "37.16"}, "Raqqa": {"SY", "35.95", "39.01"}, "Idlib": {"SY", "35.93", "36.63"},
	"Kharkiv": {"UA", "49.99", "36.23"}, "Donetsk": {"UA", "48.02", "37.80"}, "Mariupol": {"UA", "47.10", "37.55"},
	"Bakhmut": {"UA", "48.59", "38.00"}, "Gaza City": {"PS", "31.50", "34.47"}, "Khan Younis": {"PS", "31.35", "34.31"},
	"Sanaa": {"YE", "15.35", "44.21"}, "Hodeidah": {"YE", "14.80", "42.95"}, "Marib": {"YE", "15.46", "45.33"},
	"Maiduguri": {"NG", "11.85", "13.16"}, "Mogadishu": {"SO", "2.05", "45.32"}, "Kabul": {"AF", "34.53", "69.17"},
	"Kandahar": {"AF", "31.61", "65.71"}, "Kunduz": {"AF", "36.73", "68.86"}, "Mosul": {"IQ", "36.34", "43.13"},
	"Tripoli": {"LY", "32.89", "13.19"}, "Benghazi": {"LY", "32.12", "20.09"},
}

var headlineRe = regexp.MustCompile(`^(.+?) (attacked|shelled|bombed|raided|struck|fired rockets at|ambushed|clashed with) (.+?) near (.+?), (\d+) killed`)

// Article returns the i-th synthetic article of the seeded corpus, with a
// publication date and one event derived from its headline.
func Article(seed int64, i int) (*article.Article, error) {
	a, err := extract.Text(corpus.Article(seed, i))
	if err != nil {
		return nil, err
	}
	a.Source = "synthetic"
	a.Language = nlp.Language(a.Headline)
	day := i % 3650
	date := fmt.Sprintf("%04d-%02d-%02d", 2014+day/365, 1+(day%365)/31%12, 1+day%28)
	a.Published = article.Published{Date: date, How: article.DateGiven}
	a.Topics = []article.Topic{{Label: "Wars and Military Conflicts", IPTC: "16000000", Score: 0.9}}
	m := headlineRe.FindStringSubmatch(a.Headline)
	if m == nil {
		return a, nil
	}
	typ := "ASSAULT"
	if m[2] == "clashed with" {
		typ = "FIGHT"
	}
	n, _ := strconv.Atoi(m[5])
	loc := &article.EventLocation{Name: m[4]}
	if p, ok := places[m[4]]; ok {
		loc.Country = p[0]
		loc.Lat, _ = strconv.ParseFloat(p[1], 64)
		loc.Lon, _ = strconv.ParseFloat(p[2], 64)
		// spread the events of one place a little so clusters have shape
		loc.Lat += float64(i%7-3) * 0.05
		loc.Lon += float64(i%5-2) * 0.05
	}
	first := a.Body
	if k := strings.Index(first, "\n"); k > 0 {
		first = first[:k]
	}
	a.Events = []article.Event{{Type: typ, Mode: "", Source: article.Actor{Name: m[1]}, Target: article.Actor{Name: m[3]},
		Location: loc, Date: date, Fatalities: &n, Confidence: 0.5,
		Evidence: article.Evidence{Sentence: first, Start: 0, End: len([]rune(first))}}}
	a.Places = []article.Place{{Name: m[4], Country: loc.Country, Lat: loc.Lat, Lon: loc.Lon}}
	a.ID = article.ComputeID(a)
	a.Normalize()
	return a, nil
}

// Fill puts articles [0, n) of the seeded corpus into st in batches of
// 1000, calling progress after each batch. It returns how many were new.
func Fill(ctx context.Context, st store.Store, seed int64, n int, progress func(done int)) (int, error) {
	added := 0
	for start := 0; start < n; start += 1000 {
		end := min(n, start+1000)
		batch := make([]*article.Article, 0, end-start)
		for i := start; i < end; i++ {
			a, err := Article(seed, i)
			if err != nil {
				return added, fmt.Errorf("synthetic article %d: %w", i, err)
			}
			batch = append(batch, a)
		}
		ok, err := st.Put(ctx, batch)
		if err != nil {
			return added, err
		}
		for _, b := range ok {
			if b {
				added++
			}
		}
		if progress != nil {
			progress(end)
		}
	}
	return added, nil
}
