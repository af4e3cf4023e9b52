package cli

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"sitrep/internal/article"
	"sitrep/internal/events"
)

// eventRolesCommands adds `sitrep train event-roles`.
func eventRolesCommands(g *globals, root, train, eval *cobra.Command) {
	train.AddCommand(newTrainEventRolesCmd())
}

// roleExamplesOf turns cameo_ner sentences into the choosers' examples:
// each sentence (tokens joined by spaces, as the scorer codes it) is coded
// by the hand rules; of its main event's actor units, the first one inside
// a gold S (source) span is a right source, the first inside a T (target)
// span a right target, and R (reciprocal) spans count for both. (A gold
// span runs over the whole phrase, "the last ISIS group bastion in the
// country": its first unit is its head, not the place after it.)
func roleExamplesOf(coder *events.Coder, sents []events.NERSentence) []events.RoleExample {
	var out []events.RoleExample
	for _, s := range sents {
		text := strings.Join(s.Tokens, " ")
		type span struct {
			s, e int
			tag  byte
		}
		var gold []span
		pos := 0
		for i, tk := range s.Tokens {
			n := utf8.RuneCountInString(tk)
			if t := s.Tags[i]; len(t) == 3 && (t[2] == 'S' || t[2] == 'T' || t[2] == 'R') {
				if k := len(gold) - 1; t[0] == 'I' && k >= 0 && gold[k].tag == t[2] && gold[k].e == pos-1 {
					gold[k].e = pos + n
				} else {
					gold = append(gold, span{pos, pos + n, t[2]})
				}
			}
			pos += n + 1
		}
		ex, ok := coder.RoleExamples(&article.Article{Body: text})
		if !ok {
			continue
		}

		isS, isT := map[int]bool{}, map[int]bool{}
		for _, g := range gold {
			// the first unit with a content word inside the span
			head, at := -1, 1<<30
			for ui, words := range ex.Units {
				for _, w := range words {
					if w[0] < g.e && g.s < w[1] && w[0] < at {
						head, at = ui, w[0]
					}
				}
			}
			ex.HasS = ex.HasS || g.tag != 'T'
			ex.HasT = ex.HasT || g.tag != 'S'
			if head < 0 {
				continue
			}
			if g.tag != 'T' && !isS[head] {
				isS[head] = true
				ex.GoldS = append(ex.GoldS, head)
			}
			if g.tag != 'S' && !isT[head] {
				isT[head] = true
				ex.GoldT = append(ex.GoldT, head)
			}
		}
		out = append(out, ex)
	}
	return out
}

// fitChooser fits one chooser: the margin is chosen on the odd examples
// with weights fitted on the even ones (the best accuracy), then the
// weights are refitted on all. It returns the model and a note of the
// accuracies by margin.
func fitChooser(exs []events.ChoiceExample, epochs int, rate, l2 float64) (*events.LocModel, string) {
	right := func(m *events.LocModel, ex events.ChoiceExample) bool {
		k := m.Choose(ex.Cands, ex.None)
		for _, g := range ex.Gold {
			if g == k {
				return true
			}
		}
		return false
	}
	// a large margin keeps the rule's pick wherever it has one
	m, tried := fitWithMargin(exs, epochs, rate, l2, []float64{0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 1000}, right, bestAccuracy)
	return m, fmt.Sprintf("%d examples, margin %g (accuracy by margin %s)", len(exs), m.Margin, tried)
}

// fitWithMargin fits a chooser on the even examples, scores each margin on
// the odd ones with right, takes the margin rule's choice, and refits the
// weights on all examples with that margin. tried lists the accuracy by
// margin ("0:0.8003 0.25:0.7981 ...").
func fitWithMargin(exs []events.ChoiceExample, epochs int, rate, l2 float64, margins []float64,
	right func(*events.LocModel, events.ChoiceExample) bool, rule func(margins, accs []float64, n int) float64) (*events.LocModel, string) {
	var fit, choose []events.ChoiceExample
	for i, ex := range exs {
		if i%2 == 0 {
			fit = append(fit, ex)
		} else {
			choose = append(choose, ex)
		}
	}
	half := events.FitChoice(fit, epochs, rate, l2)
	accs := make([]float64, len(margins))
	var tried []string
	for k, mg := range margins {
		half.Margin = mg
		ok := 0
		for _, ex := range choose {
			if right(half, ex) {
				ok++
			}
		}
		accs[k] = float64(ok) / float64(max(1, len(choose)))
		tried = append(tried, fmt.Sprintf("%g:%.4f", mg, accs[k]))
	}
	m := events.FitChoice(exs, epochs, rate, l2)
	m.Margin = rule(margins, accs, len(choose))
	return m, strings.Join(tried, " ")
}

// bestAccuracy is the margin with the best accuracy (the first of equals).
func bestAccuracy(margins, accs []float64, _ int) float64 {
	best := 0
	for k := range accs {
		if accs[k] > accs[best] {
			best = k
		}
	}
	return margins[best]
}

// oneSE is the one-standard-error rule: the largest margin (the most
// deference to the hand rule) whose accuracy is within one standard error
// of the best.
func oneSE(margins, accs []float64, n int) float64 {
	best := 0.0
	for _, a := range accs {
		best = math.Max(best, a)
	}
	se := math.Sqrt(best * (1 - best) / float64(max(1, n)))
	m := 0.0
	for k, mg := range margins {
		if accs[k] >= best-se {
			m = mg
		}
	}
	return m
}

func newTrainEventRolesCmd() *cobra.Command {
	var path, out string
	var epochs int
	var rate, l2 float64
	cmd := &cobra.Command{
		Use:   "event-roles --file FILE [--out internal/events/rolemodel.json]",
		Short: "Fit the events stage's source/target chooser on ConfliBERT cameo_ner train",
		Long: `Fit the events stage's actor chooser (internal/events/rolemodel.go) on a
ConfliBERT cameo_ner file ("token TAG" lines, B/I-S source, B/I-T target,
B/I-R both): each sentence is coded by the hand rules, its main event's
actor units become candidates, as a source and as a target, labelled by
overlap with the gold spans, and two log-linear models (source, target)
learn which one (or none) is right, with the rule's pick as a feature.
Sentences whose gold actor is not among the units are left out of that
role's model. Use the train split only: cameo_ner test is the evaluation.
Writes the weights as JSON.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if path == "" {
				return fmt.Errorf("--file FILE is required")
			}
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			sents, err := events.ReadCameoNER(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			coder := events.New().WithRoleModel(nil)
			exs := roleExamplesOf(coder, sents)
			var srcE, tgtE []events.ChoiceExample
			for _, ex := range exs {
				if ce, ok := ex.SourceChoice(); ok {
					srcE = append(srcE, ce)
				}
				if ce, ok := ex.TargetChoice(); ok {
					tgtE = append(tgtE, ce)
				}
			}
			ms, ns := fitChooser(srcE, epochs, rate, l2)
			mt, nt := fitChooser(tgtE, epochs, rate, l2)
			m := events.RoleModel{Source: ms, Target: mt}
			m.Trained = fmt.Sprintf("sitrep train event-roles: %d sentences, %d with a coded main event; %d epochs, rate %g, l2 %g; margins chosen on the odd half fitted on the even; source: %s; target: %s",
				len(sents), len(exs), epochs, rate, l2, ns, nt)
			if err := writeModel(out, m); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s; %d + %d weights -> %s\n", m.Trained, len(ms.Weights), len(mt.Weights), out)
			return nil
		},
	}
	cmd.Flags().StringVar(&path, "file", "", "cameo_ner train.txt")
	cmd.Flags().StringVar(&out, "out", "internal/events/rolemodel.json", "where to write the weights")
	addFitFlags(cmd, &epochs, &rate, &l2)
	return cmd
}

// addFitFlags adds the flags both choosers' trainers share.
func addFitFlags(cmd *cobra.Command, epochs *int, rate, l2 *float64) {
	cmd.Flags().IntVar(epochs, "epochs", 8, "passes over the examples")
	cmd.Flags().Float64Var(rate, "rate", 0.1, "learning rate (divided by 1+epoch)")
	cmd.Flags().Float64Var(l2, "l2", 1e-4, "L2 regularisation")
}

// writeModel writes a fitted model as indented JSON.
func writeModel(path string, m any) error {
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}
