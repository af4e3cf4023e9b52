package stories

import (
	"fmt"
	"strings"
	"testing"

	"sitrep/internal/article"
	"sitrep/internal/corpus"
	"sitrep/internal/extract"
)

func art(t testing.TB, id, date, headline, body string) *article.Article {
	t.Helper()
	return &article.Article{ID: id, Headline: headline, Body: body, Published: article.Published{Date: date, How: article.DateGiven}}
}

const wire = `Russian warplanes struck targets near the Syrian city of Raqqa on Tuesday, killing at least 12 people, a monitoring group said.

The strikes hit buildings used by Islamic State fighters on the eastern edge of the city, according to the group, which relies on a network of sources on the ground.

Moscow says its campaign targets only militants, but Western governments say most of its raids have hit other rebel groups opposed to President Bashar al-Assad.

The defence ministry in Moscow said its aircraft had flown 40 sorties in the past day.`

func TestNearDuplicates(t *testing.T) {
	g := New(Options{})
	a := art(t, "a", "2015-11-17", "Russian jets strike Raqqa", wire)
	// the same wire copy on another site: new headline, a sentence trimmed, a typo fixed
	edited := strings.Replace(wire, "a monitoring group said", "the Syrian Observatory for Human Rights said", 1)
	edited = strings.Replace(edited, "\n\nThe defence ministry in Moscow said its aircraft had flown 40 sorties in the past day.", "", 1)
	b := art(t, "b", "2015-11-17", "Russia bombs Islamic State stronghold", edited)
	other := art(t, "c", "2015-11-17", "Central bank holds rates", "The central bank left interest rates unchanged on Tuesday, citing slowing inflation and weak demand. Economists had expected the decision. The bank's governor said inflation would return to target next year.")
	// a rewrite months later (a new attack described in the same words) is a new story
	late := art(t, "d", "2016-03-01", "Russian jets strike Raqqa again", strings.Replace(wire, "on Tuesday, killing at least 12 people", "on Sunday, killing at least 30 people", 1)+"\n\nIt was the heaviest raid on the city this year, residents said, and came a week after a ceasefire collapsed.")
	for _, c := range []struct {
		a    *article.Article
		want string
	}{{a, "a"}, {b, "a"}, {other, "c"}, {late, "d"}} {
		if got := g.Assign(c.a); got != c.want || c.a.Story != c.want {
			t.Errorf("%s: story %q, want %q", c.a.ID, got, c.want)
		}
	}
	// an exact copy published long after is still the same text: a very
	// high similarity overrides the window.
	copyLate := art(t, "e", "2016-03-02", "Russian jets strike Raqqa", wire)
	if got := g.Assign(copyLate); got != "a" {
		t.Errorf("exact copy: story %q", got)
	}
}

func TestFollowUps(t *testing.T) {
	g := New(Options{})
	crash := art(t, "crash", "2015-10-31", "Russian airliner crashes in Sinai", "A Russian Metrojet airliner carrying 224 people crashed in the Sinai Peninsula on Saturday shortly after taking off from Sharm al-Sheikh, Egyptian officials said.")
	crash.Entities = []article.Entity{{Name: "Metrojet", Type: article.Organization}, {Name: "Kogalymavia", Type: article.Organization}, {Name: "Sharm al-Sheikh airport", Type: article.Organization}}
	crash.Events = []article.Event{{Type: "ASSAULT", Location: &article.EventLocation{Name: "Sinai Peninsula"}, Date: "2015-10-31"}}
	claim := art(t, "claim", "2015-11-02", "Militants claim they downed jet", "A group affiliated with Islamic State said it brought down the plane. Investigators examined the flight recorders recovered from the wreckage.")
	claim.Events = []article.Event{{Type: "ASSAULT", Location: &article.EventLocation{Name: "Sinai Peninsula"}, Date: "2015-10-31"}}
	probe := art(t, "probe", "2015-11-05", "Investigators weigh bomb theory", "Officials from the carrier and the Egyptian aviation authority met in Cairo to review evidence. The airline's chief denied any technical fault.")
	probe.Entities = []article.Entity{{Name: "Metrojet", Type: article.Organization}, {Name: "Kogalymavia", Type: article.Organization}, {Name: "Sharm al-Sheikh airport", Type: article.Organization}, {Name: "Alexander Smirnov", Type: article.Person}}
	unrelated := art(t, "vote", "2015-11-03", "Parliament passes budget", "Parliament approved the budget after a long debate over defence spending.")
	unrelated.Entities = []article.Entity{{Name: "Metrojet", Type: article.Organization}, {Name: "Finance Ministry", Type: article.Organization}, {Name: "Anna Petrova", Type: article.Person}, {Name: "Duma", Type: article.Organization}, {Name: "Igor Ivanov", Type: article.Person}}
	hypothetical := art(t, "threat", "2015-11-04", "Group vows more attacks", "The group said it would strike again.")
	hypothetical.Events = []article.Event{{Type: "ASSAULT", Hypothetical: true, Location: &article.EventLocation{Name: "Sinai Peninsula"}, Date: "2015-10-31"}}
	for _, c := range []struct {
		a    *article.Article
		want string
	}{{crash, "crash"}, {claim, "crash"}, {probe, "crash"}, {unrelated, "vote"}, {hypothetical, "threat"}} {
		if got := g.Assign(c.a); got != c.want {
			t.Errorf("%s: story %q, want %q", c.a.ID, got, c.want)
		}
	}
}

func TestDistinctGeneratedArticles(t *testing.T) {
	// generated articles share templates but not facts: each its own story,
	// unless the generator produced the same text twice.
	g := New(Options{})
	stories := map[string]int{}
	for i := 0; i < 300; i++ {
		a, err := extract.Text(corpus.Article(3, i))
		if err != nil {
			t.Fatal(err)
		}
		a.ID = fmt.Sprint(i)
		stories[g.Assign(a)]++
	}
	if len(stories) < 250 {
		t.Errorf("300 distinct generated articles fell into %d stories", len(stories))
	}
}

func TestForget(t *testing.T) {
	g := New(Options{Keep: 8})
	for i := 0; i < 40; i++ {
		a := art(t, fmt.Sprint(i), "", "", fmt.Sprintf("unique body number %d with words %d %d %d", i, i*7, i*13, i*31))
		if got := g.Assign(a); got != a.ID {
			t.Fatalf("article %d joined story %s", i, got)
		}
	}
	if len(g.seen) > 8 {
		t.Errorf("kept %d entries, limit 8", len(g.seen))
	}
	// a copy of a recent one still matches
	a := art(t, "copy", "", "", "unique body number 39 with words 273 507 1209")
	if got := g.Assign(a); got != "39" {
		t.Errorf("copy of a recent article: story %q", got)
	}
}

func BenchmarkAssign(b *testing.B) {
	docs := make([]*article.Article, 1000)
	for i := range docs {
		a, err := extract.Text(corpus.Article(5, i))
		if err != nil {
			b.Fatal(err)
		}
		a.ID = fmt.Sprint(i)
		docs[i] = a
	}
	g := New(Options{})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.Assign(docs[i%len(docs)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
