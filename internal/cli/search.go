package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"sitrep/internal/store"
)

func newSearchCmd(g *globals) *cobra.Command {
	var q store.Query
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Full-text search of the store, best first, with snippets",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := g.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			q.Text = strings.Join(args, " ")
			hits, next, err := st.Search(ctx, q)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetEscapeHTML(false)
				return enc.Encode(map[string]any{"hits": hits, "next": next})
			}
			if len(hits) == 0 {
				fmt.Fprintln(out, "no matches")
				return nil
			}
			tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
			for _, h := range hits {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", h.ID, h.Published, h.Topic, h.Headline)
				fmt.Fprintf(tw, "\t\t\t  %s\n", h.Snippet)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&q.Topic, "topic", "", "only articles whose best topic is this label")
	cmd.Flags().StringVar(&q.Country, "country", "", "only articles with a place in this country (ISO alpha-2)")
	cmd.Flags().StringVar(&q.From, "from", "", "published on or after (YYYY-MM-DD)")
	cmd.Flags().StringVar(&q.To, "to", "", "published on or before (YYYY-MM-DD)")
	cmd.Flags().IntVar(&q.Limit, "limit", 20, "results per page")
	cmd.Flags().StringVar(&q.Cursor, "cursor", "", "cursor from a previous --json page")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
