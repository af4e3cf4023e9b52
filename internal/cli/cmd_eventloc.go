package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"sitrep/internal/analyze"
	"sitrep/internal/article"
	"sitrep/internal/events"
	"sitrep/internal/events/loceval"
)

// eventLocationCommands adds `sitrep eval event-location`.
func eventLocationCommands(g *globals, root, train, eval *cobra.Command) {
	eval.AddCommand(newEvalEventLocationCmd())
	train.AddCommand(newTrainEventLocationCmd())
}

// readLocFile reads the event-location file given with --file.
func readLocFile(path string, read func(io.Reader) ([]loceval.Entry, int, error)) ([]loceval.Entry, int, error) {
	if path == "" {
		return nil, 0, fmt.Errorf("--file FILE is required")
	}
	type got struct {
		entries []loceval.Entry
		skipped int
	}
	g, err := readFile(path, func(r io.Reader) (got, error) {
		e, n, err := read(r)
		return got{e, n}, err
	})
	return g.entries, g.skipped, err
}

// beforeEvents is the default pipeline without its events stage.
func beforeEvents() (*analyze.Pipeline, error) {
	p, err := analyze.Default()
	if err != nil {
		return nil, err
	}
	var keep []analyze.Stage
	for _, s := range p.Stages {
		if s.Name() != "events" {
			keep = append(keep, s)
		}
	}
	return &analyze.Pipeline{Stages: keep}, nil
}

func newTrainEventLocationCmd() *cobra.Command {
	var path, out string
	var epochs int
	var rate, l2 float64
	cmd := &cobra.Command{
		Use:   "event-location --file FILE [--out internal/events/locmodel.json]",
		Short: "Fit the event-location linker on the research assistants' annotations of Halterman's data",
		Long: `Fit the events stage's location linker (internal/events/locmodel.go) on the
non-gold entries of the event-location linking data (every source but
RELABEL, and no sentence that a RELABEL entry shares): each sentence goes
through the stages before events, its place mentions become candidates for
the annotated verb's event, and a log-linear model learns which one (or
none) the annotators marked. Sentences whose annotated place is not among
sitrep's place mentions are left out. Writes the weights as JSON.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			entries, _, err := readLocFile(path, loceval.ReadTraining)
			if err != nil {
				return err
			}
			p, err := beforeEvents()
			if err != nil {
				return err
			}
			coder := events.New()
			ctx := cmd.Context()
			var exs []events.LocExample
			var gold []int
			unreachable := 0
			bar := fileBar(cmd.ErrOrStderr(), "train event-location", len(entries), false)
			for _, e := range entries {
				if bar != nil {
					bar.Add(1)
				}
				a := &article.Article{Body: e.Text}
				if err := p.Run(ctx, a); err != nil {
					return fmt.Errorf("entry %s: %w", e.ID, err)
				}
				ex, ok := coder.LocationExamples(a, e.Verb.Start, e.Verb.End)
				if !ok {
					continue
				}
				want := -1
				for k, sp := range ex.Spans {
					for _, g := range e.Locations {
						if g.Start < sp[1] && sp[0] < g.End {
							want = k
						}
					}
					if want >= 0 {
						break
					}
				}
				if len(e.Locations) > 0 && want < 0 {
					unreachable++
					continue
				}
				exs, gold = append(exs, ex), append(gold, want)
			}
			if bar != nil {
				bar.Finish()
			}
			ces := make([]events.ChoiceExample, len(exs))
			for i, ex := range exs {
				ces[i] = events.ChoiceExample{Cands: ex.Cands, None: ex.None, Gold: []int{gold[i]}}
			}
			pick := func(m *events.LocModel, ex events.ChoiceExample) bool { return m.Pick(ex.Cands, ex.None) == ex.Gold[0] }
			m, tried := fitWithMargin(ces, epochs, rate, l2, []float64{0, 0.25, 0.5, 0.75, 1, 1.5, 2}, pick, oneSE)
			bestMargin := m.Margin
			m.Trained = fmt.Sprintf("sitrep train event-location: %d examples from %d non-gold entries (%d left out: annotated place not among sitrep's mentions), %d epochs, rate %g, l2 %g; margin %g chosen on the odd half fitted on the even by the one-standard-error rule (accuracy by margin %s)",
				len(exs), len(entries), unreachable, epochs, rate, l2, bestMargin, tried)
			if err := writeModel(out, m); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s; %d weights -> %s\n", m.Trained, len(m.Weights), out)
			return nil
		},
	}
	cmd.Flags().StringVar(&path, "file", "", "labeled_text.json(.gz)")
	cmd.Flags().StringVar(&out, "out", "internal/events/locmodel.json", "where to write the weights")
	addFitFlags(cmd, &epochs, &rate, &l2)
	return cmd
}

func newEvalEventLocationCmd() *cobra.Command {
	var path string
	var showDev bool
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
			entries, skipped, err := readLocFile(path, loceval.Read)
			if err != nil {
				return err
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
			// halves by position in the file: rules may be written reading
			// the dev half (odd positions); the held-out half (even) is only
			// scored.
			half := func(odd bool, ps []loceval.Prediction) loceval.Result {
				var es []loceval.Entry
				var hp []loceval.Prediction
				for i := range entries {
					if (i%2 == 1) == odd {
						es, hp = append(es, entries[i]), append(hp, ps[i])
					}
				}
				return loceval.Score(es, hp)
			}
			rep := struct {
				File       string         `json:"file"`
				Skipped    int            `json:"skipped"`
				Sitrep     loceval.Result `json:"sitrep"`
				Dev        loceval.Result `json:"sitrep_dev"`
				HeldOut    loceval.Result `json:"sitrep_heldout"`
				FirstPlace loceval.Result `json:"baseline_first_place"`
				Nearest    loceval.Result `json:"baseline_nearest_place"`
				MS         int64          `json:"ms"`
			}{File: path, Skipped: skipped, Sitrep: loceval.Score(entries, preds),
				Dev: half(true, preds), HeldOut: half(false, preds),
				FirstPlace: loceval.Score(entries, first), Nearest: loceval.Score(entries, nearest),
				MS: time.Since(start).Milliseconds()}
			if showDev {
				for i := 1; i < len(entries); i += 2 {
					printLocError(cmd.ErrOrStderr(), entries[i], preds[i])
				}
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			return enc.Encode(rep)
		},
	}
	cmd.Flags().StringVar(&path, "file", "", "labeled_text.json(.gz)")
	cmd.Flags().BoolVar(&showDev, "dev-errors", false, "print the dev half's wrong answers to stderr")
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

// printLocError prints a wrong answer of the dev half.
func printLocError(w io.Writer, e loceval.Entry, p loceval.Prediction) {
	r := []rune(e.Text)
	span := func(s loceval.Span) string {
		if s.Start < 0 || s.End > len(r) {
			return "(unnamed)"
		}
		return string(r[s.Start:s.End])
	}
	var gold, got []string
	ok := len(e.Locations) == 0 && len(p.Location) == 0
	for _, g := range e.Locations {
		gold = append(gold, span(g))
		for _, s := range p.Location {
			if g.Start < s.End && s.Start < g.End {
				ok = true
			}
		}
	}
	if ok {
		return
	}
	for _, s := range p.Location {
		got = append(got, span(s))
	}
	fmt.Fprintf(w, "%s verb=%q found=%v gold=%q got=%q\n  %s\n", e.ID, span(e.Verb), p.Found, gold, got, e.Text)
}
