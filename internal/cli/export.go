package cli

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"sitrep/internal/article"
)

func newExportCmd(g *globals) *cobra.Command {
	var format string
	var minConf float64
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Export the store: jsonl (whole articles), csv (one row per article), events-csv or gdelt (one row per event)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := g.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			out := bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
			defer out.Flush()
			switch format {
			case "jsonl":
				enc := json.NewEncoder(out)
				enc.SetEscapeHTML(false)
				return st.Each(ctx, func(a *article.Article) error { return enc.Encode(a) })
			case "csv":
				w := csv.NewWriter(out)
				w.Write([]string{"id", "published", "published_how", "headline", "topic", "topic_score", "url", "source", "entities", "places", "events", "story"})
				err := st.Each(ctx, func(a *article.Article) error {
					topic, score := "", ""
					if len(a.Topics) > 0 {
						topic, score = a.Topics[0].Label, strconv.FormatFloat(a.Topics[0].Score, 'f', 3, 64)
					}
					return w.Write([]string{a.ID, a.Published.Date, a.Published.How, a.Headline, topic, score, a.URL, a.Source,
						strconv.Itoa(len(a.Entities)), strconv.Itoa(len(a.Places)), strconv.Itoa(len(a.Events)), a.Story})
				})
				w.Flush()
				if err != nil {
					return err
				}
				return w.Error()
			case "events-csv":
				return exportEventsCSV(ctx, st, out, minConf)
			case "gdelt":
				return exportGDELT(ctx, st, out, minConf)
			default:
				return fmt.Errorf("unknown --format %q (want jsonl, csv, events-csv or gdelt)", format)
			}
		},
	}
	cmd.Flags().Float64Var(&minConf, "min-confidence", 0, "events-csv and gdelt: leave out events less confident than this (0 to 1)")
	cmd.Flags().StringVar(&format, "format", "jsonl", "jsonl, csv, events-csv (ACLED-like, one row per event) or gdelt (GDELT 2.0 event table columns, tab-separated)")
	return cmd
}
