package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"sitrep/internal/analyze"
	"sitrep/internal/article"
	"sitrep/internal/events/loceval"
)

// eventLocationCommands adds `sitrep eval event-location`.
func eventLocationCommands(g *globals, root, train, eval *cobra.Command) {
	eval.AddCommand(newEvalEventLocationCmd())
}

func newEvalEventLocationCmd() *cobra.Command {
	var path string
	cmd := &cobra.Command{
		Use:   "event-location --file FILE",
		Short: "Is an event's location the place where it happened? (Halterman's event-location gold)",
		Long: `Score the events' locations on the gold sentences (source RELABEL) of the
event-location linking data in ../shared/data/geo/event_location
(labeled_text.json.gz): each sentence goes through the full pipeline; the
event whose trigger overlaps the gold verb is looked up, and its location
is right when one of its mentions overlaps a gold location span (or when
both say none). Prints JSON: sitrep, and two baselines over the same places
(the sentence's first place; the place nearest the verb).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if path == "" {
				return fmt.Errorf("--file FILE is required")
			}
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			entries, skipped, err := loceval.Read(f)
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
			preds := make([]loceval.Prediction, len(entries))
			first := make([]loceval.Prediction, len(entries))
			nearest := make([]loceval.Prediction, len(entries))
			for i, e := range entries {
				a := &article.Article{Body: e.Text}
				if err := p.Run(ctx, a); err != nil {
					return fmt.Errorf("entry %s: %w", e.ID, err)
				}
				preds[i] = predictLocation(a, e.Verb)
				first[i], nearest[i] = placeBaselines(a, e.Verb)
			}
			rep := struct {
				File       string         `json:"file"`
				Skipped    int            `json:"skipped"`
				Sitrep     loceval.Result `json:"sitrep"`
				FirstPlace loceval.Result `json:"baseline_first_place"`
				Nearest    loceval.Result `json:"baseline_nearest_place"`
				MS         int64          `json:"ms"`
			}{File: path, Skipped: skipped, Sitrep: loceval.Score(entries, preds),
				FirstPlace: loceval.Score(entries, first), Nearest: loceval.Score(entries, nearest),
				MS: time.Since(start).Milliseconds()}
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			return enc.Encode(rep)
		},
	}
	cmd.Flags().StringVar(&path, "file", "", "labeled_text.json(.gz)")
	return cmd
}

// predictLocation finds the event at the verb and the mentions of its place.
func predictLocation(a *article.Article, verb loceval.Span) loceval.Prediction {
	for _, ev := range a.Events {
		for _, evd := range append([]article.Evidence{ev.Evidence}, ev.More...) {
			t := evd.Trigger
			if t == nil || t.End <= verb.Start || verb.End <= t.Start {
				continue
			}
			pr := loceval.Prediction{Found: true}
			if ev.Location != nil && ev.Location.Name != "" {
				pr.Location = locationMentions(a, ev.Location)
			}
			return pr
		}
	}
	return loceval.Prediction{}
}

// locationMentions are the mentions of the place named loc: those of the
// article's place of that name, else where the name is written.
func locationMentions(a *article.Article, loc *article.EventLocation) []loceval.Span {
	var out []loceval.Span
	for _, pl := range a.Places {
		if pl.Name == loc.Name && pl.Country == loc.Country {
			for _, m := range pl.Mentions {
				out = append(out, loceval.Span{Start: m.Start, End: m.End})
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	body := []rune(strings.ToLower(a.Body))
	name := []rune(strings.ToLower(loc.Name))
	for i := 0; i+len(name) <= len(body); i++ {
		if string(body[i:i+len(name)]) == string(name) {
			out = append(out, loceval.Span{Start: i, End: i + len(name)})
		}
	}
	if len(out) == 0 { // a place the text does not name: still a place
		out = append(out, loceval.Span{Start: -2, End: -1})
	}
	return out
}

// placeBaselines: the sentence's first place mention, and the one nearest
// the verb.
func placeBaselines(a *article.Article, verb loceval.Span) (first, nearest loceval.Prediction) {
	best, bestD := loceval.Span{}, -1
	firstS := loceval.Span{Start: 1 << 30}
	for _, pl := range a.Places {
		for _, m := range pl.Mentions {
			s := loceval.Span{Start: m.Start, End: m.End}
			if s.Start < firstS.Start {
				firstS = s
			}
			d := s.Start - verb.End
			if d < 0 {
				d = verb.Start - s.End
			}
			if d < 0 {
				d = 0
			}
			if bestD < 0 || d < bestD {
				best, bestD = s, d
			}
		}
	}
	if bestD >= 0 {
		first.Location = []loceval.Span{firstS}
		nearest.Location = []loceval.Span{best}
	}
	return first, nearest
}
