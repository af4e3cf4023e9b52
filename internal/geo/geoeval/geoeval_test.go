package geoeval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/geo"
)

// Small documents in each format, written here.
const lglDoc = `<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><title>t</title><text><![CDATA[Strikes hit Raqqa in Syria.]]></text>
<toponyms count="2">
<toponym><start>12</start><end>17</end><phrase>Raqqa</phrase><gaztag geonameid="163915"><name>Ar Raqqah</name><fclass>P</fclass><fcode>PPLA</fcode><lat>35.95</lat><lon>39.01</lon></gaztag></toponym>
<toponym><start>21</start><end>26</end><phrase>Syria</phrase></toponym>
</toponyms></article></articles>`

const gwnDoc = `<?xml version="1.0" ?>
<articles><article file="7"><title>t</title><link>l</link><text>Talks in Manila and Paris.</text><toponyms>
<toponym><extractedName>Manila</extractedName><normalisedName>Manila</normalisedName><type>Literal</type><modifierType /><nonLocational>No</nonLocational><start>9</start><end>15</end><geonamesID>1701668</geonamesID><latitude>14.6042</latitude><longitude>120.9822</longitude></toponym>
<toponym><extractedName>Paris</extractedName><normalisedName>Paris</normalisedName><type>Literal</type><modifierType /><nonLocational>No</nonLocational><start>19</start><end>24</end><geonamesID>2988507</geonamesID><latitude>48.85341</latitude><longitude>2.3488</longitude></toponym>
</toponyms></article></articles>`

// GeoVirus offsets are one past the mention.
const virusDoc = `<articles><article><source>s</source><text>Cases rose in Lagos.</text><locations>
<location><name>Lagos</name><start>15</start><end>20</end><lat>6.45</lat><lon>3.39</lon><page>p</page></location>
</locations></article></articles>`

func TestRead(t *testing.T) {
	for _, c := range []struct {
		name, xml string
		n         int
		first     string
		coord     bool
	}{
		{"lgl", lglDoc, 2, "Raqqa", true},
		{"gwn", gwnDoc, 2, "Manila", true},
		{"geovirus", virusDoc, 1, "Lagos", true},
	} {
		docs, dropped, err := Read(strings.NewReader(c.xml), Auto)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(docs) != 1 || len(docs[0].Toponyms) != c.n || dropped != 0 {
			t.Fatalf("%s: %d docs, %+v, dropped %d", c.name, len(docs), docs, dropped)
		}
		g := docs[0].Toponyms[0]
		if got := string([]rune(docs[0].Text)[g.Start:g.End]); got != c.first || g.HasCoord != c.coord {
			t.Errorf("%s: first toponym %q %+v", c.name, got, g)
		}
	}
}

func TestReadRepairsAndErrors(t *testing.T) {
	// an off-by-two GWN span is moved onto its name
	bad := strings.Replace(gwnDoc, "<start>9</start><end>15</end>", "<start>11</start><end>17</end>", 1)
	docs, _, err := Read(strings.NewReader(bad), GWN)
	if err != nil || docs[0].Toponyms[0].Start != 9 {
		t.Errorf("repair: %v %+v", err, docs)
	}
	if _, _, err := Read(strings.NewReader("<articles><article>"), Auto); err == nil {
		t.Error("truncated XML: no error")
	}
	// a bad number drops that toponym only
	worse := strings.Replace(lglDoc, "<start>12</start>", "<start>x</start>", 1)
	docs, dropped, err := Read(strings.NewReader(worse), LGL)
	if err != nil || dropped != 1 || len(docs[0].Toponyms) != 1 {
		t.Errorf("bad number: %v dropped %d %+v", err, dropped, docs)
	}
}

func TestEvaluateSmall(t *testing.T) {
	gc, err := geo.NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	docs, _, _ := Read(strings.NewReader(gwnDoc), Auto)
	rep := Evaluate(gc, docs, 10)
	if rep.Geocoded != 2 || rep.Within161 != 2 {
		t.Errorf("report %+v", rep)
	}
	if rep.Recall() != 1 || rep.Precision() != 1 {
		t.Errorf("P %.2f R %.2f", rep.Precision(), rep.Recall())
	}
}

// TestSharedCorpora runs the evaluation on ../shared/data/geo when present
// and logs the figures (`sitrep eval geo` prints the same).
func TestSharedCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	dir := "../../../../shared/data/geo"
	// regression floors a little under the figures docs/geo.md reports
	floors := map[string]float64{"lgl/lgl.xml": 0.83, "geowebnews/GWN.xml": 0.86, "geovirus/GeoVirus.xml": 0.79}
	files := []string{"lgl/lgl.xml", "geowebnews/GWN.xml", "geovirus/GeoVirus.xml"}
	if _, err := os.Stat(filepath.Join(dir, files[0])); err != nil {
		t.Skip("../shared/data/geo absent: the corpus test needs the shared material beside the repo")
	}
	gc, err := geo.NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		fh, err := os.Open(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		docs, _, err := Read(fh, Auto)
		fh.Close()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		rep := Evaluate(gc, docs, 0)
		t.Logf("%s: acc@161 %.3f id %.3f median %.1f km P %.3f R %.3f", f, rep.Acc161(), rep.IDAcc(), rep.MedianKm, rep.Precision(), rep.Recall())
		if rep.Acc161() < floors[f] {
			t.Errorf("%s: acc@161 %.3f fell below %.2f", f, rep.Acc161(), floors[f])
		}
		// as a stream with source lexicons: never worse, and LGL (85 local
		// papers) clearly better
		stream := EvaluateWith(gc, docs, 0, geo.NewLexicons())
		t.Logf("%s: with source lexicons acc@161 %.3f", f, stream.Acc161())
		if stream.Acc161() < rep.Acc161()-0.002 {
			t.Errorf("%s: source lexicons lowered acc@161 from %.3f to %.3f", f, rep.Acc161(), stream.Acc161())
		}
		if f == "lgl/lgl.xml" && stream.Acc161() < 0.91 {
			t.Errorf("%s: with source lexicons acc@161 %.3f fell below 0.91", f, stream.Acc161())
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(lglDoc))
	f.Add([]byte(gwnDoc))
	f.Add([]byte(virusDoc))
	f.Add([]byte("<articles><article><text>x</text><toponyms><toponym><start>-5</start><end>99</end></toponym></toponyms></article></articles>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, _, err := Read(strings.NewReader(string(data)), Auto)
		if err != nil {
			return
		}
		for _, d := range docs {
			n := len([]rune(d.Text))
			for _, g := range d.Toponyms {
				if g.Start < 0 || g.End > n || g.Start >= g.End {
					t.Fatalf("toponym out of range: %+v (text %d runes)", g, n)
				}
			}
		}
	})
}

func TestBreakdown(t *testing.T) {
	gc, err := geo.NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	// Paris placed in Texas by the gold: resolved to France, an error
	doc := strings.Replace(gwnDoc, "<latitude>48.85341</latitude><longitude>2.3488</longitude>", "<latitude>33.66</latitude><longitude>-95.55</longitude>", 1)
	docs, _, _ := Read(strings.NewReader(doc), Auto)
	rep := Evaluate(gc, docs, 0)
	if len(rep.AllErrors) != 1 || len(rep.Errors) != 0 {
		t.Fatalf("errors %d kept %d, want 1 and 0", len(rep.AllErrors), len(rep.Errors))
	}
	e := rep.AllErrors[0]
	if e.Name != "Paris" || !e.Covered || e.GoldLat != 33.66 {
		t.Errorf("error case %+v", e)
	}
	var b strings.Builder
	rep.FormatBreakdown(&b, 5)
	out := b.String()
	if !strings.Contains(out, "errors: 1") || !strings.Contains(out, `"Paris"`) || !strings.Contains(out, "ranked     1") {
		t.Errorf("breakdown:\n%s", out)
	}
}
