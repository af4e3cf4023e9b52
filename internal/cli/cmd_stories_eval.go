package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"sitrep/internal/analyze"
	"sitrep/internal/article"
	"sitrep/internal/stories"
	"sitrep/internal/stories/storyeval"
)

// storiesCommands adds `sitrep eval stories`.
func storiesCommands(g *globals, root, train, eval *cobra.Command) {
	eval.AddCommand(newEvalStoriesCmd())
}

func newEvalStoriesCmd() *cobra.Command {
	var path string
	var windows []int
	var verbose bool
	cmd := &cobra.Command{
		Use:   "stories --wikitimes FILE",
		Short: "Story grouping against the stories of Wikipedia's Current Events Portal",
		Long: `Score story grouping on the WikiTimes export of the Current Events Portal
(../shared/data/topics/wikipedia_current_events/wikitimes_cep_2015-09.json):
each dated event description becomes an article, is analysed by the full
pipeline and given to the story grouper in date order; the portal's
"belongs to story" links are the gold clusters (items without one are
singletons). Prints JSON: pairwise and B-cubed precision/recall/F1 for each
grouping window, and the all-singletons baseline.

The portal's stories are broad ("European migrant crisis", "Syrian civil
war"), while sitrep's stories are one happening and its follow-ups, so
recall against them is bounded; precision says whether what sitrep joins
belongs together.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if path == "" {
				return fmt.Errorf("--wikitimes FILE is required")
			}
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			items, skipped, err := storyeval.ReadWikiTimes(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			p, err := analyze.Default()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			start := time.Now()
			arts := make([]*article.Article, len(items))
			gold := make([]string, len(items))
			for i, it := range items {
				// The id is the item's: portal items citing one source URL
				// are different items.
				a := &article.Article{ID: "wcep-" + it.ID, Body: it.Description,
					Published: article.Published{Date: it.Date, How: article.DateGiven}}
				if err := p.Run(ctx, a); err != nil {
					return fmt.Errorf("item %s: %w", it.ID, err)
				}
				arts[i], gold[i] = a, it.Story
			}
			analysed := time.Since(start)
			type run struct {
				WindowDays int             `json:"window_days"`
				Score      storyeval.Score `json:"score"`
			}
			rep := struct {
				File       string          `json:"file"`
				Items      int             `json:"items"`
				Skipped    int             `json:"skipped"`
				Runs       []run           `json:"runs"`
				Singletons storyeval.Score `json:"baseline_singletons"`
				AnalyseMS  int64           `json:"analyse_ms"`
			}{File: path, Items: len(items), Skipped: skipped, AnalyseMS: analysed.Milliseconds()}
			for _, w := range windows {
				gr := stories.New(stories.Options{Window: time.Duration(w) * 24 * time.Hour})
				pred := make([]string, len(arts))
				for i, a := range arts {
					b := *a
					pred[i] = gr.Assign(&b)
				}
				rep.Runs = append(rep.Runs, run{WindowDays: w, Score: storyeval.Evaluate(gold, pred)})
				if verbose {
					printJoined(cmd.ErrOrStderr(), items, pred)
				}
			}
			single := make([]string, len(arts))
			for i, a := range arts {
				single[i] = a.ID
			}
			rep.Singletons = storyeval.Evaluate(gold, single)
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			return enc.Encode(rep)
		},
	}
	cmd.Flags().StringVar(&path, "wikitimes", "", "WikiTimes CEP JSON file")
	cmd.Flags().BoolVar(&verbose, "show", false, "print the joined items to stderr")
	cmd.Flags().IntSliceVar(&windows, "window", []int{7, 30}, "grouping windows to score, in days")
	return cmd
}

// printJoined lists each predicted multi-item story with its items' gold
// stories.
func printJoined(w io.Writer, items []storyeval.Item, pred []string) {
	by := map[string][]int{}
	var order []string
	for i, p := range pred {
		if by[p] == nil {
			order = append(order, p)
		}
		by[p] = append(by[p], i)
	}
	for _, p := range order {
		if len(by[p]) < 2 {
			continue
		}
		fmt.Fprintf(w, "story %s\n", p)
		for _, i := range by[p] {
			fmt.Fprintf(w, "  %s %-30.30q %.100s\n", items[i].Date, items[i].StoryName, items[i].Description)
		}
	}
}
