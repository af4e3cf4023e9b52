package store

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"sitrep/internal/article"
)

func TestEventFilterClustersTimeline(t *testing.T) { eachBackend(t, testEventFilterClustersTimeline) }

func testEventFilterClustersTimeline(t *testing.T, s DB) {
	ctx := context.Background()
	var arts []*article.Article
	for i := 0; i < 10; i++ {
		arts = append(arts, sample(i))
	}
	other := &article.Article{Headline: "Flood waters rise in Dhaka", Body: "Police evacuated villages near Dhaka.",
		Published: article.Published{Date: "2016-07-02", How: article.DateGiven},
		Topics:    []article.Topic{{Label: "Disasters"}},
		Places:    []article.Place{{Name: "Dhaka", Country: "BD"}},
		Events: []article.Event{{Type: "AID", Source: article.Actor{Name: "police"},
			Location: &article.EventLocation{Name: "Dhaka", Country: "BD", Lat: 23.8, Lon: 90.4}, Date: "2016-07-02"},
			{Type: "PROTEST", Date: "2016-07-03"}}}
	arts = append(arts, other)
	if _, err := s.Put(ctx, arts); err != nil {
		t.Fatal(err)
	}
	if v, err := s.Version(ctx); err != nil || v != 11 {
		t.Fatalf("version %d %v", v, err)
	}
	for _, tc := range []struct {
		name string
		f    EventFilter
		want int
	}{
		{"all", EventFilter{}, 12},
		{"text", EventFilter{Text: "raqqa"}, 10},
		{"text other", EventFilter{Text: "flood"}, 2},
		{"topic", EventFilter{Topic: "Disasters"}, 2},
		{"article", EventFilter{ArticleID: other.ID}, 2},
		{"type and text", EventFilter{EventQuery: EventQuery{Type: "assault"}, Text: "dhaka"}, 0},
		{"bbox", EventFilter{EventQuery: EventQuery{BBox: &[4]float64{80, 20, 100, 30}}}, 1},
		{"country", EventFilter{EventQuery: EventQuery{Country: "sy"}}, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows, _, err := s.FilterEvents(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != tc.want {
				t.Errorf("%d events, want %d", len(rows), tc.want)
			}
		})
	}
	page, next, err := s.FilterEvents(ctx, EventFilter{EventQuery: EventQuery{Limit: 5}})
	if err != nil || len(page) != 5 || next == "" {
		t.Fatalf("page: %d %q %v", len(page), next, err)
	}

	cl, err := s.EventClusters(ctx, EventFilter{}, 5, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(cl) != 2 || cl[0].Count != 10 || cl[0].Types["ASSAULT"] != 10 || cl[1].Article != other.ID {
		t.Fatalf("clusters: %+v", cl)
	}
	if cl[0].Lat != 35.95 || cl[0].Lon != 39.01 {
		t.Errorf("cluster centre %v,%v", cl[0].Lat, cl[0].Lon)
	}
	cl, err = s.EventClusters(ctx, EventFilter{Text: "flood", EventQuery: EventQuery{Type: "AID"}}, 0, 0)
	if err != nil || len(cl) != 1 || cl[0].Count != 1 {
		t.Fatalf("filtered clusters: %+v %v", cl, err)
	}

	tl, err := s.EventTimeline(ctx, EventFilter{Topic: "Disasters"})
	if err != nil {
		t.Fatal(err)
	}
	if len(tl) != 2 || tl[0] != (DayCount{"2016-07-02", "AID", 1}) || tl[1] != (DayCount{"2016-07-03", "PROTEST", 1}) {
		t.Fatalf("timeline: %+v", tl)
	}
	pc, err := s.PlaceCountries(ctx)
	if err != nil || pc["SY"] != 10 || pc["BD"] != 1 {
		t.Fatalf("place countries: %v %v", pc, err)
	}
	if err := s.Ping(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestRenumber(t *testing.T) {
	for in, want := range map[string]string{
		"a ?1 b ? c ?": "a ?1 b ?2 c ?3",
		"?":            "?2",
		"x ?12 y":      "x ?12 y",
		"no params":    "no params",
	} {
		if got := renumber(in); got != want {
			t.Errorf("renumber(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSearchRankedAgreesWithSearch(t *testing.T) { eachBackend(t, testSearchRankedAgreesWithSearch) }

func testSearchRankedAgreesWithSearch(t *testing.T, s DB) {
	ctx := context.Background()
	var arts []*article.Article
	for i := 0; i < 60; i++ {
		a := sample(i)
		if i%3 == 0 {
			a.Body += "\n\nFlooding closed the road to Tabqa."
			a.Places = append(a.Places, article.Place{Name: "Tabqa", Country: "SY"})
		}
		if i%5 == 0 {
			a.Places = []article.Place{{Name: "Mosul", Country: "IQ"}}
		}
		a.ID = article.ComputeID(a)
		arts = append(arts, a)
	}
	if _, err := s.Put(ctx, arts); err != nil {
		t.Fatal(err)
	}
	ids := func(hs []Hit) map[string]bool {
		m := map[string]bool{}
		for _, h := range hs {
			m[h.ID] = true
		}
		return m
	}
	for _, q := range []Query{
		{Text: "raqqa", Limit: 100},
		{Text: "flooding tabqa", Limit: 100},
		{Text: `"closed the road"`, Limit: 100},
		{Text: "raqqa", Country: "IQ", Limit: 100},
		{Text: "raqqa", From: "2015-11-05", To: "2015-11-10", Limit: 100},
		{Text: "nothing-like-this", Limit: 100},
		{Text: "", Topic: "Wars and Military Conflicts", Limit: 100},
	} {
		want, _, err := s.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := s.SearchRanked(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		w, g := ids(want), ids(got)
		if len(w) != len(g) {
			t.Errorf("%+v: %d hits, Search has %d", q, len(g), len(w))
		}
		for id := range w {
			if !g[id] {
				t.Errorf("%+v: missing %s", q, id)
			}
		}
		for _, h := range got {
			if q.Text != "" && !strings.Contains(h.Snippet, "[") {
				t.Errorf("%+v: snippet %q without a marked word", q, h.Snippet)
			}
		}
	}
	// Paging through visits every hit once.
	seen := map[string]bool{}
	cur := ""
	for {
		hs, next, err := s.SearchRanked(ctx, Query{Text: "raqqa", Limit: 7, Cursor: cur})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hs {
			if seen[h.ID] {
				t.Fatalf("%s twice", h.ID)
			}
			seen[h.ID] = true
		}
		if next == "" {
			break
		}
		cur = next
	}
	if len(seen) != 60 {
		t.Errorf("paged %d hits, want 60", len(seen))
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("word ", 40) + "Raqqa was hit. " + strings.Repeat("more ", 40)
	for _, tc := range []struct {
		body  string
		terms []string
		n     int
		want  string
	}{
		{"Jets struck Raqqa on Tuesday.", []string{"raqqa"}, 24, "Jets struck [Raqqa] on Tuesday."},
		{"Jets struck Raqqa on Tuesday.", nil, 3, "Jets struck Raqqa…"},
		{"", []string{"x"}, 24, ""},
		{"…!", []string{"x"}, 24, ""},
		{"Éric met Éric.", []string{"éric"}, 24, "[Éric] met [Éric]."},
		{long, []string{"raqqa", "hit"}, 8, "…word word [Raqqa] was [hit]. more more more…"},
	} {
		if got := Snippet(tc.body, tc.terms, tc.n); got != tc.want {
			t.Errorf("Snippet(%q, %v, %d) = %q, want %q", tc.body[:min(len(tc.body), 30)], tc.terms, tc.n, got, tc.want)
		}
	}
}

func FuzzSnippet(f *testing.F) {
	f.Add("Jets struck Raqqa on Tuesday.", "raqqa", 24)
	f.Add("a\x00b ü", "ü", 1)
	f.Fuzz(func(t *testing.T, body, term string, n int) {
		s := Snippet(body, []string{term}, n%100)
		if !utf8.ValidString(s) && utf8.ValidString(body) {
			t.Fatalf("invalid UTF-8 from valid input: %q", s)
		}
	})
}
