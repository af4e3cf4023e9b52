package cli

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"sitrep/internal/events/pos"
)

// eventsCommands adds the events area's commands: top-level ones to root, model
// rebuilds to train and measurements to eval. Each area owns its own file
// so that areas grow without touching each other.
func eventsCommands(g *globals, root, train, eval *cobra.Command) {
	train.AddCommand(newTrainEventsPOSCmd())
}

func newTrainEventsPOSCmd() *cobra.Command {
	var conll, heldout, out string
	var iters int
	cmd := &cobra.Command{
		Use:   "events-pos",
		Short: "Train the events POS tagger and chunker (averaged perceptron) on CoNLL-2003 columns",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(conll)
			if err != nil {
				return err
			}
			sents, err := pos.ReadCoNLL(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", conll, err)
			}
			t0 := time.Now()
			tg := pos.Train(sents, iters)
			w, err := os.Create(out)
			if err != nil {
				return err
			}
			if err := tg.Save(w); err != nil {
				w.Close()
				return err
			}
			if err := w.Close(); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "trained on %d sentences in %s -> %s\n", len(sents), time.Since(t0).Round(time.Millisecond), out)
			if heldout != "" {
				hf, err := os.Open(heldout)
				if err != nil {
					return err
				}
				hs, err := pos.ReadCoNLL(hf)
				hf.Close()
				if err != nil {
					return err
				}
				pa, ca := tg.Accuracy(hs)
				fmt.Fprintf(cmd.OutOrStdout(), "{\"heldout\":%q,\"sentences\":%d,\"pos_accuracy\":%.4f,\"chunk_accuracy\":%.4f}\n", heldout, len(hs), pa, ca)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&conll, "conll", "../shared/data/ner/conll2003/eng.train", "CoNLL-2003 file with word POS chunk columns")
	cmd.Flags().StringVar(&heldout, "heldout", "", "optional CoNLL file to measure on (e.g. eng.testa)")
	cmd.Flags().StringVar(&out, "out", "internal/events/pos/model.bin.gz", "where to write the model")
	cmd.Flags().IntVar(&iters, "iters", 5, "training passes")
	return cmd
}
