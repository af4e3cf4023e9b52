package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/spf13/cobra"

	"sitrep/internal/entities/ner"
)

// nerCommands adds the ner area's commands: top-level ones to root, model
// rebuilds to train and measurements to eval. Each area owns its own file
// so that areas grow without touching each other.
func nerCommands(g *globals, root, train, eval *cobra.Command) {
	train.AddCommand(newTrainNERCmd(), newTrainNERClustersCmd())
	eval.AddCommand(newEvalNERCmd())
}

func readCoNLLFile(path string) ([]ner.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := ner.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

func newTrainNERCmd() *cobra.Command {
	var trainPath, devPath, clustersPath, out string
	var silverText []string
	var epochs, stages, seeds, sentDocs, folds int
	var bits uint
	var seed uint64
	var dropout float64
	cmd := &cobra.Command{
		Use:   "ner",
		Short: "Train the NER tagger from CoNLL-2003 and write the embedded model",
		Long: `Train the averaged-perceptron NER tagger on a CoNLL-2003 file (--train), with
the word clusters of --clusters (built by 'sitrep train ner-clusters'), and write
the model that ships embedded in internal/entities/ner. --dev is scored every
other epoch as progress (it does not change the model).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			log := slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))
			docs, err := readCoNLLFile(trainPath)
			if err != nil {
				return err
			}
			opt := ner.TrainOptions{Epochs: epochs, Bits: bits, Stages: stages, Seed: seed, WordDropout: dropout, Seeds: seeds, SentenceDocs: sentDocs, Folds: folds, Log: log}
			if devPath != "" {
				if opt.Dev, err = readCoNLLFile(devPath); err != nil {
					return err
				}
			}
			if clustersPath != "" {
				if opt.Clusters, err = ner.ReadClustersFile(clustersPath); err != nil {
					return err
				}
			}
			if len(silverText) > 0 {
				// a first model tags the unlabelled text; the names it
				// finds become the silver gazetteer of the final model
				first := opt
				first.Seeds, first.Dev = 1, nil
				log.Info("ner train: first model, for the silver gazetteer")
				m0, err := ner.Train(cmd.Context(), docs, first)
				if err != nil {
					return err
				}
				if opt.Silver, err = ner.BuildSilver(cmd.Context(), ner.NewTagger(m0), silverText, log); err != nil {
					return err
				}
			}
			m, err := ner.Train(cmd.Context(), docs, opt)
			if err != nil {
				return err
			}
			var n int64
			err = writeFile(out, func(w io.Writer) (err error) {
				n, err = m.WriteTo(w)
				return err
			})
			if err != nil {
				return err
			}
			log.Info("ner train: model written", "path", out, "bytes", n)
			return nil
		},
	}
	cmd.Flags().StringVar(&trainPath, "train", "../shared/data/ner/conll2003/eng.train", "CoNLL-2003 training file")
	cmd.Flags().StringVar(&devPath, "dev", "", "CoNLL-2003 file scored during training (progress only), e.g. eng.testa")
	cmd.Flags().StringVar(&clustersPath, "clusters", "internal/entities/ner/clusters.txt.gz", "word clusters file ('' for none)")
	cmd.Flags().StringVar(&out, "out", "internal/entities/ner/model.bin", "model file to write")
	cmd.Flags().StringSliceVar(&silverText, "silver-text", nil, "unlabelled text files (as for ner-clusters) to build the silver gazetteer from (none: no silver gazetteer)")
	cmd.Flags().IntVar(&epochs, "epochs", 0, "training epochs (0: default)")
	cmd.Flags().UintVar(&bits, "bits", 0, "log2 of the hashed weight rows (0: default)")
	cmd.Flags().Float64Var(&dropout, "word-dropout", 0, "chance a training word's identity features are hidden (0: default, <0: none)")
	cmd.Flags().IntVar(&sentDocs, "sentence-docs", 0, "add every Nth training document again as one-sentence documents (0: default 4, <0: none)")
	cmd.Flags().IntVar(&folds, "folds", 0, "jackknife folds for the gazetteer and the stacked stage (0: default 5)")
	cmd.Flags().IntVar(&seeds, "runs", 0, "differently shuffled runs averaged per stage (0: default)")
	cmd.Flags().Uint64Var(&seed, "seed", 0, "shuffling seed")
	cmd.Flags().IntVar(&stages, "stages", 0, "1 or 2 (0: default, a stacked second stage)")
	return cmd
}

func newTrainNERClustersCmd() *cobra.Command {
	var out string
	var conll []string
	cmd := &cobra.Command{
		Use:   "ner-clusters [TEXT FILES...]",
		Short: "Build the NER word clusters from unlabelled text",
		Long: `Build distributional word clusters for the NER tagger from unlabelled text:
CSV files (every long field), JSON Lines (optionally .gz; "text" and "title"
fields), plain text, and the words of CoNLL files given with --conll. The
clusters file is an input of 'sitrep train ner'.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			log := slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))
			cs, err := ner.BuildClustersFromFiles(cmd.Context(), args, conll, log)
			if err != nil {
				return err
			}
			if err := ner.WriteClustersFile(out, cs); err != nil {
				return err
			}
			log.Info("ner clusters written", "path", out, "words", len(cs))
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "internal/entities/ner/clusters.txt.gz", "clusters file to write")
	cmd.Flags().StringSliceVar(&conll, "conll", []string{"../shared/data/ner/conll2003/eng.train"}, "CoNLL files whose words are added to the text")
	return cmd
}

func newEvalNERCmd() *cobra.Command {
	var conll, re3d string
	var minConf float64
	cmd := &cobra.Command{
		Use:   "ner",
		Short: "Score the shipped NER tagger (conlleval-style P/R/F1 as JSON)",
		Long: `Score the shipped tagger on a CoNLL-2003 file (--conll; exact span and type,
like conlleval; documents are tagged as documents) and/or on the re3d corpus
(--re3d DIR; text tokenised by nlp.Tokenize; see docs/ner.md for the type
mapping). Prints JSON.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if conll == "" && re3d == "" {
				return fmt.Errorf("eval ner: give --conll FILE and/or --re3d DIR")
			}
			t, err := ner.Default()
			if err != nil {
				return err
			}
			res := map[string]any{}
			if conll != "" {
				docs, err := readCoNLLFile(conll)
				if err != nil {
					return err
				}
				res["conll"] = map[string]any{
					"file":  conll,
					"score": ner.Evaluate(t, docs),
					// Tag on each sentence alone, without the document memory
					"sentence_by_sentence": ner.EvaluateSentences(t, docs).Overall,
				}
			}
			if re3d != "" {
				r, err := ner.EvaluateRe3d(t, re3d, minConf)
				if err != nil {
					return err
				}
				res["re3d"] = r
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			return enc.Encode(res)
		},
	}
	cmd.Flags().StringVar(&conll, "conll", "", "CoNLL-2003 file to score, e.g. ../shared/data/ner/conll2003/eng.testa")
	cmd.Flags().StringVar(&re3d, "re3d", "", "re3d directory to score, e.g. ../shared/data/ner/re3d")
	cmd.Flags().Float64Var(&minConf, "re3d-min-confidence", 0.5, "re3d gold entities need at least this confidence")
	return cmd
}
