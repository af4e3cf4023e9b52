package cli

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/spf13/cobra"

	"sitrep/internal/article"
)

// storyRow is one story as `sitrep stories` lists it.
type storyRow struct {
	Story    string   `json:"story"`
	Articles int      `json:"articles"`
	First    string   `json:"first"` // earliest publication date
	Last     string   `json:"last"`
	Headline string   `json:"headline"` // of the story's first article
	IDs      []string `json:"ids"`
}

func newStoriesCmd(g *globals) *cobra.Command {
	var minArticles, limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "List the stories in the store: articles grouped as duplicates and follow-ups",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := g.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			byStory := map[string]*storyRow{}
			var order []string
			err = st.Each(ctx, func(a *article.Article) error {
				id := a.Story
				if id == "" {
					id = a.ID
				}
				r := byStory[id]
				if r == nil {
					r = &storyRow{Story: id, Headline: a.Headline, First: a.Published.Date, Last: a.Published.Date}
					byStory[id] = r
					order = append(order, id)
				}
				r.Articles++
				r.IDs = append(r.IDs, a.ID)
				if d := a.Published.Date; d != "" {
					if r.First == "" || d < r.First {
						r.First = d
					}
					if d > r.Last {
						r.Last = d
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
			rows := make([]*storyRow, 0, len(order))
			for _, id := range order {
				if r := byStory[id]; r.Articles >= minArticles {
					rows = append(rows, r)
				}
			}
			sort.SliceStable(rows, func(i, j int) bool { return rows[i].Articles > rows[j].Articles })
			if limit > 0 && len(rows) > limit {
				rows = rows[:limit]
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetEscapeHTML(false)
				return enc.Encode(rows)
			}
			for _, r := range rows {
				fmt.Fprintf(out, "%s  %3d  %-10s  %-10s  %s\n", r.Story, r.Articles, r.First, r.Last, r.Headline)
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&minArticles, "min", 2, "only stories with at least this many articles")
	cmd.Flags().IntVar(&limit, "limit", 50, "at most this many stories (0: all)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
