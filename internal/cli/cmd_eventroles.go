package cli

import (
	"encoding/json"
	"fmt"
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

// fitChooser fits one chooser on the cameo_ner examples exs and the PLOVER
// examples pl, each of these counting w times for one of the weights ws
// (none: pl is empty). The weight and the margin are chosen together on
// the odd examples of each set with weights fitted on the even ones (the
// score: the mean of the two sets' accuracies, cameo_ner's alone without
// PLOVER examples), then the weights are refitted on all. It returns the
// model and a note of the accuracies tried.
func fitChooser(exs, pl []events.ChoiceExample, ws []int, epochs int, rate, l2 float64) (*events.LocModel, string) {
	halves := func(l []events.ChoiceExample) (fit, choose []events.ChoiceExample) {
		for i, ex := range l {
			if i%2 == 0 {
				fit = append(fit, ex)
			} else {
				choose = append(choose, ex)
			}
		}
		return fit, choose
	}
	weighted := func(a, b []events.ChoiceExample, w int) []events.ChoiceExample {
		out := append([]events.ChoiceExample(nil), a...)
		for k := 0; k < w; k++ {
			out = append(out, b...)
		}
		return out
	}
	right := func(m *events.LocModel, ex events.ChoiceExample) bool {
		k := m.Choose(ex.Cands, ex.None)
		for _, g := range ex.Gold {
			if g == k {
				return true
			}
		}
		return false
	}
	acc := func(m *events.LocModel, l []events.ChoiceExample) float64 {
		ok := 0
		for _, ex := range l {
			if right(m, ex) {
				ok++
			}
		}
		return float64(ok) / float64(max(1, len(l)))
	}
	if len(pl) == 0 || len(ws) == 0 {
		pl, ws = nil, []int{0}
	}
	fitC, chooseC := halves(exs)
	fitP, chooseP := halves(pl)
	bestW, bestMargin, bestAcc := 0, 0.0, -1.0
	var tried []string
	for _, w := range ws {
		half := events.FitChoice(weighted(fitC, fitP, w), epochs, rate, l2)
		var accs []string
		// a large margin keeps the rule's pick wherever it has one
		for _, mg := range []float64{0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 1000} {
			half.Margin = mg
			a := acc(half, chooseC)
			note := fmt.Sprintf("%g:%.4f", mg, a)
			if len(pl) > 0 {
				ap := acc(half, chooseP)
				note = fmt.Sprintf("%g:%.4f/%.4f", mg, a, ap)
				a = (a + ap) / 2
			}
			accs = append(accs, note)
			if a > bestAcc {
				bestW, bestMargin, bestAcc = w, mg, a
			}
		}
		if len(pl) > 0 {
			tried = append(tried, fmt.Sprintf("weight %d: %s", w, strings.Join(accs, " ")))
		} else {
			tried = append(tried, strings.Join(accs, " "))
		}
	}
	m := events.FitChoice(weighted(exs, pl, bestW), epochs, rate, l2)
	m.Margin = bestMargin
	if len(pl) == 0 {
		return m, fmt.Sprintf("%d examples, margin %g (accuracy by margin %s)", len(exs), bestMargin, strings.Join(tried, " "))
	}
	return m, fmt.Sprintf("%d + %d PLOVER examples, PLOVER weight %d, margin %g (cameo_ner/PLOVER accuracy by weight and margin: %s)", len(exs), len(pl), bestW, bestMargin, strings.Join(tried, "; "))
}

// ploverExamplesOf turns the PLOVER GSR dev half (odd record ids; the
// held-out even ids are never read, apart from their sentences, to leave
// out a dev record whose sentence is also a held-out one) into choices:
// each sentence goes through the stages before events (pre), then is coded
// by the hand rules, once per option of its main event's source and target
// (events.RoleExampleCodes); an option is right when the actor it ends as
// has the gold code at country level (the evaluation's actorCode), none is
// right when no option does, and a role is left out when its gold names no
// actor or several options end as the gold code (which is meant is not
// known).
var ploverTiesAll, ploverSkipNoMatch bool

func ploverExamplesOf(coder *events.Coder, pre func(string) *article.Article, recs []events.GoldRecord) (src, tgt []events.ChoiceExample, used, skipped int) {
	heldText := map[string]bool{}
	for _, g := range recs {
		if g.Split != "dev" {
			heldText[g.Text] = true
		}
	}
	choice := func(cands [][]string, none []string, codes []string, gold string) (events.ChoiceExample, bool) {
		var right []int
		for k, c := range codes {
			if c == gold {
				right = append(right, k-1)
			}
		}
		if len(right) > 1 && !ploverTiesAll {
			return events.ChoiceExample{}, false
		}
		if len(right) == 0 {
			if ploverSkipNoMatch {
				return events.ChoiceExample{}, false
			}
			right = []int{-1}
		}
		return events.ChoiceExample{Cands: cands, None: none, Gold: right}, true
	}
	for _, g := range recs {
		if g.Split != "dev" || heldText[g.Text] {
			continue
		}
		ex, ok := coder.RoleExampleCodes(pre(g.Text))
		if !ok {
			continue
		}
		used++
		if g.Source != "" {
			if ce, ok := choice(ex.Src, ex.SrcNone, ex.SrcCodes, g.Source); ok {
				src = append(src, ce)
			} else {
				skipped++
			}
		}
		if g.Target != "" {
			if ce, ok := choice(ex.Tgt, ex.TgtNone, ex.TgtCodes, g.Target); ok {
				tgt = append(tgt, ce)
			} else {
				skipped++
			}
		}
	}
	return src, tgt, used, skipped
}

func newTrainEventRolesCmd() *cobra.Command {
	var path, out, plover string
	var epochs int
	var rate, l2 float64
	var weights []int
	cmd := &cobra.Command{
		Use:   "event-roles --file FILE [--plover PLOVER_GSR_CAMEO.json] [--out internal/events/rolemodel.json]",
		Short: "Fit the events stage's source/target chooser on ConfliBERT cameo_ner train (and the PLOVER GSR dev half)",
		Long: `Fit the events stage's actor chooser (internal/events/rolemodel.go) on a
ConfliBERT cameo_ner file ("token TAG" lines, B/I-S source, B/I-T target,
B/I-R both): each sentence is coded by the hand rules, its main event's
actor units become candidates, as a source and as a target, labelled by
overlap with the gold spans, and two log-linear models (source, target)
learn which one (or none) is right, with the rule's pick as a feature.
Sentences whose gold actor is not among the units have none as the right
answer. Use the train split only: cameo_ner test is the evaluation.

With --plover, the PLOVER GSR file's dev half (odd record ids) is learnt
from too; the held-out half (even ids) is never learnt from (its sentences
are read only to leave out a dev record with the same sentence). Each dev
sentence goes through the stages before events, as in the evaluation; an
option is right when the actor it ends as has the gold actor code
(country, IGO, NGO), none when no option does, and a role whose gold code
several options end as is left out. Each PLOVER example counts w times,
w one of --plover-weights, chosen with the margin on the training data
(the odd examples of each set, fitted on the even ones). Writes the
weights as JSON.`,
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
			var plS, plT []events.ChoiceExample
			plNote := ""
			if plover != "" {
				recs, err := readFile(plover, events.ReadPLOVERGSR)
				if err != nil {
					return err
				}
				pre, err := preEventStages()
				if err != nil {
					return err
				}
				var used, skipped int
				plS, plT, used, skipped = ploverExamplesOf(coder, pre, recs)
				plNote = fmt.Sprintf("; PLOVER GSR dev half: %d sentences with a coded main event, %d source + %d target examples, %d roles left out (several options end as the gold code)", used, len(plS), len(plT), skipped)
			}
			ms, ns := fitChooser(srcE, plS, weights, epochs, rate, l2)
			mt, nt := fitChooser(tgtE, plT, weights, epochs, rate, l2)
			m := events.RoleModel{Source: ms, Target: mt}
			m.Trained = fmt.Sprintf("sitrep train event-roles: %d sentences, %d with a coded main event%s; %d epochs, rate %g, l2 %g; margins chosen on the odd half fitted on the even; source: %s; target: %s",
				len(sents), len(exs), plNote, epochs, rate, l2, ns, nt)
			b, err := json.MarshalIndent(m, "", " ")
			if err != nil {
				return err
			}
			if err := os.WriteFile(out, append(b, '\n'), 0o644); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s; %d + %d weights -> %s\n", m.Trained, len(ms.Weights), len(mt.Weights), out)
			return nil
		},
	}
	cmd.Flags().StringVar(&path, "file", "", "cameo_ner train.txt")
	cmd.Flags().StringVar(&plover, "plover", "", "PLOVER_GSR_CAMEO.json: also learn from its dev half (odd record ids only)")
	cmd.Flags().IntSliceVar(&weights, "plover-weights", []int{1, 2, 3}, "how many times a PLOVER example may count (the trainer chooses among them on the training data)")
	cmd.Flags().StringVar(&out, "out", "internal/events/rolemodel.json", "where to write the weights")
	cmd.Flags().IntVar(&epochs, "epochs", 8, "passes over the examples")
	cmd.Flags().Float64Var(&rate, "rate", 0.1, "learning rate (divided by 1+epoch)")
	cmd.Flags().Float64Var(&l2, "l2", 1e-4, "L2 regularisation")
	return cmd
}
