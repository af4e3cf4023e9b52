package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"sitrep/internal/classify"
)

// topicsCommands adds the topics area's commands: top-level ones to root, model
// rebuilds to train and measurements to eval. Each area owns its own file
// so that areas grow without touching each other.
func topicsCommands(g *globals, root, train, eval *cobra.Command) {
	eval.AddCommand(newEvalTopicsCmd())
	root.AddCommand(newTopicsCmd())
	train.AddCommand(newTrainTopicsCmd())
}

func newTrainTopicsCmd() *cobra.Command {
	var shared, out string
	cmd := &cobra.Command{
		Use:   "topics",
		Short: "Rebuild the shipped topic model from ../shared/data/topics",
		Long: `Trains the multi-label topic model over the taxonomy from the portal items
2010-2018, BBC News, AG News and the NYT headlines, mapped by
internal/classify/mapping.json, and writes it (int8, gzip) to --out, the
file the binary embeds. Run from the repository root:

  sitrep train topics --shared ../shared --out internal/classify/model/topics.bin.gz`,
		RunE: func(cmd *cobra.Command, args []string) error {
			t0 := time.Now()
			m, err := classify.TrainShipped(cmd.Context(), shared, classify.DefaultFeatures(), classify.DefaultTrain())
			if err != nil {
				return err
			}
			if err := writeFile(out, m.Write); err != nil {
				return err
			}
			st, err := os.Stat(out)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: %d labels, %d bytes, %.1fs\n", out, m.K(), st.Size(), time.Since(t0).Seconds())
			return nil
		},
	}
	cmd.Flags().StringVar(&shared, "shared", "../shared", "the shared data directory")
	cmd.Flags().StringVar(&out, "out", "internal/classify/model/topics.bin.gz", "model file to write")
	return cmd
}

// newTopicsCmd holds the file-based tools the fastText comparison uses, so
// that sitrep and fastText read byte-identical splits.
func newTopicsCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "topics", Short: "Topic classifier tools: write splits, fit, predict and score fastText-format files"}
	cmd.AddCommand(newTopicsSplitCmd(), newTopicsFitCmd(), newTopicsPredictCmd(), newTopicsScoreCmd())
	return cmd
}

func newTopicsSplitCmd() *cobra.Command {
	var shared, corpora, dir string
	cmd := &cobra.Command{
		Use:   "split",
		Short: "Write each corpus's evaluation splits as fastText-format files",
		Long: `Writes DIR/<corpus>/<split>/{train,test}.txt for the same splits 'sitrep eval
topics' uses, and DIR/<corpus>/tune/{train,valid}.txt (the first split's train
part with a stratified tenth held out) for tuning hyperparameters.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, name := range strings.Split(corpora, ",") {
				name = strings.TrimSpace(name)
				path, err := classify.CorpusPath(shared, name)
				if err != nil {
					return err
				}
				docs, _, err := classify.LoadCorpus(name, path)
				if err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
				docs, _ = classify.Dedupe(docs)
				splits := classify.Splits(name, docs)
				for _, s := range splits {
					if err := writeFT(filepath.Join(dir, name, s.Name, "train.txt"), s.Train); err != nil {
						return err
					}
					if err := writeFT(filepath.Join(dir, name, s.Name, "test.txt"), s.Test); err != nil {
						return err
					}
				}
				tune := classify.KFold(splits[0].Train, 10, 7)[0]
				if err := writeFT(filepath.Join(dir, name, "tune", "train.txt"), tune.Train); err != nil {
					return err
				}
				if err := writeFT(filepath.Join(dir, name, "tune", "valid.txt"), tune.Test); err != nil {
					return err
				}
				names := make([]string, len(splits))
				for i, s := range splits {
					names[i] = s.Name
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s %s\n", name, strings.Join(names, " "))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&shared, "shared", "../shared", "the shared data directory")
	cmd.Flags().StringVar(&corpora, "corpus", strings.Join(classify.CorpusNames(), ","), "comma-separated corpora")
	cmd.Flags().StringVar(&dir, "dir", "out/topics-splits", "output directory")
	return cmd
}

func writeFT(path string, docs []classify.Doc) error {
	return writeFile(path, func(w io.Writer) error { return classify.WriteFastText(w, docs) })
}

func readFT(path string) ([]classify.Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, st, err := classify.ReadFastText(f)
	if st.Bad > 0 {
		slog.Warn("lines without a label skipped", "file", path, "lines", st.Bad)
	}
	return docs, err
}

func newTopicsFitCmd() *cobra.Command {
	var input, model string
	cfg := classify.DefaultFeatures()
	opt := classify.DefaultTrain()
	cmd := &cobra.Command{
		Use:   "fit",
		Short: "Train a model in a fastText-format file's own labels (default hyperparameters)",
		RunE: func(cmd *cobra.Command, args []string) error {
			docs, err := readFT(input)
			if err != nil {
				return err
			}
			labels := classify.LabelsOf(docs)
			m, err := classify.Train(cmd.Context(), classify.OwnExamples(docs, labels, cfg), labels, cfg, opt)
			if err != nil {
				return err
			}
			return writeFile(model, m.Write)
		},
	}
	cmd.Flags().StringVar(&input, "input", "", "training file (fastText format)")
	cmd.Flags().StringVar(&model, "model", "", "model file to write")
	cmd.Flags().Uint8Var(&cfg.Bits, "bits", cfg.Bits, "log2 of the hash buckets")
	cmd.Flags().IntVar(&cfg.MaxTokens, "max-tokens", cfg.MaxTokens, "words read per document")
	cmd.Flags().Uint8Var(&cfg.MinN, "minn", cfg.MinN, "shortest character n-gram (0: none)")
	cmd.Flags().Uint8Var(&cfg.MaxN, "maxn", cfg.MaxN, "longest character n-gram")
	cmd.Flags().Float32Var(&cfg.CharW, "char-weight", cfg.CharW, "weight of a character n-gram")
	cmd.Flags().BoolVar(&cfg.Bigrams, "bigrams", cfg.Bigrams, "word bigrams")
	cmd.Flags().BoolVar(&cfg.Sublinear, "sublinear", cfg.Sublinear, "merge repeated features, damp counts to 1+ln(count)")
	cmd.Flags().IntVar(&opt.Epochs, "epochs", opt.Epochs, "passes over the data")
	cmd.Flags().Float64Var(&opt.LR, "lr", opt.LR, "AdaGrad learning rate")
	cmd.Flags().Float64Var(&opt.L2, "l2", opt.L2, "weight decay")
	cmd.Flags().Float64Var(&opt.CalibFrac, "calib", opt.CalibFrac, "share held out to fit the calibration (0: none)")
	cmd.MarkFlagRequired("input")
	cmd.MarkFlagRequired("model")
	return cmd
}

func newTopicsPredictCmd() *cobra.Command {
	var input, model string
	cmd := &cobra.Command{
		Use:   "predict",
		Short: "Print the top label of each line of a fastText-format file, like 'fasttext predict'",
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := readFile(model, classify.ReadModel)
			if err != nil {
				return err
			}
			in, err := os.Open(input)
			if err != nil {
				return err
			}
			defer in.Close()
			return m.PredictLines(in, cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&input, "input", "", "file to label (fastText format; labels on a line are ignored)")
	cmd.Flags().StringVar(&model, "model", "", "model written by 'sitrep topics fit'")
	cmd.MarkFlagRequired("input")
	cmd.MarkFlagRequired("model")
	return cmd
}

func newTopicsScoreCmd() *cobra.Command {
	var gold, pred string
	cmd := &cobra.Command{
		Use:   "score",
		Short: "Accuracy and macro-F1 of predicted labels (one per line) against a fastText-format gold file",
		RunE: func(cmd *cobra.Command, args []string) error {
			var docs []classify.Doc
			var preds []classify.Scored
			for _, p := range strings.Split(gold, ",") {
				d, err := readFT(p)
				if err != nil {
					return err
				}
				docs = append(docs, d...)
			}
			for _, p := range strings.Split(pred, ",") {
				raw, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				for _, l := range strings.Split(strings.TrimRight(string(raw), "\n"), "\n") {
					tok, _, _ := strings.Cut(strings.TrimSpace(l), " ")
					preds = append(preds, classify.Scored{Pred: strings.TrimPrefix(tok, "__label__")})
				}
			}
			if len(preds) != len(docs) {
				return fmt.Errorf("%d predictions for %d gold lines", len(preds), len(docs))
			}
			for i := range preds {
				preds[i].Gold = docs[i].Label
			}
			m := classify.Score(classify.LabelsOf(docs), preds)
			return json.NewEncoder(cmd.OutOrStdout()).Encode(map[string]any{"n": m.N, "accuracy": m.Accuracy, "macro_f1": m.MacroF1})
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "comma-separated gold files (fastText format)")
	cmd.Flags().StringVar(&pred, "pred", "", "comma-separated prediction files, in the same order")
	cmd.MarkFlagRequired("gold")
	cmd.MarkFlagRequired("pred")
	return cmd
}

func newEvalTopicsCmd() *cobra.Command {
	var shared, corpora, wcep string
	var jsonOnly bool
	cmd := &cobra.Command{
		Use:   "topics",
		Short: "Score the topic classifier on each corpus in its own labels",
		Long: `For each corpus of ../shared/data/topics, in the corpus's own labels: train
on its train part and score its test part (the portal: train 2010-2018, test
2019; the others: 5 stratified folds, predictions pooled). Prints a table and
then the same figures as JSON: accuracy, macro-F1, per-label F1, expected
calibration error, training time and prediction rate.

With --wcep FILE it instead scores the shipped model on a portal-format JSONL
(.gz) file in the portal's 10 categories, through the mapping.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			out := cmd.OutOrStdout()
			if wcep != "" {
				return evalShippedWCEP(cmd, wcep, jsonOnly)
			}
			var results []*classify.CorpusResult
			for _, name := range strings.Split(corpora, ",") {
				name = strings.TrimSpace(name)
				path, err := classify.CorpusPath(shared, name)
				if err != nil {
					return err
				}
				docs, st, err := classify.LoadCorpus(name, path)
				if err != nil {
					return fmt.Errorf("%s: %w (is ../shared beside the repo? set --shared)", name, err)
				}
				slog.Debug("corpus read", "corpus", name, "docs", st.Read, "skipped", st.Skipped, "bad", st.Bad)
				res, err := classify.EvalCorpus(ctx, name, docs, classify.DefaultFeatures(), classify.DefaultTrain())
				if err != nil {
					return err
				}
				results = append(results, res)
			}
			if !jsonOnly {
				printTopicsTable(out, results)
			}
			enc := json.NewEncoder(out)
			enc.SetIndent("", "  ")
			return enc.Encode(map[string]any{"corpora": results})
		},
	}
	cmd.Flags().StringVar(&shared, "shared", "../shared", "the shared data directory")
	cmd.Flags().StringVar(&corpora, "corpus", strings.Join(classify.CorpusNames(), ","), "comma-separated corpora to evaluate")
	cmd.Flags().StringVar(&wcep, "wcep", "", "score the shipped model on this portal-format JSONL(.gz) file")
	cmd.Flags().BoolVar(&jsonOnly, "json", false, "print JSON only")
	return cmd
}

func printTopicsTable(w io.Writer, results []*classify.CorpusResult) {
	fmt.Fprintf(w, "%-10s %-34s %6s %8s %8s %8s %8s %12s %12s\n", "corpus", "protocol", "docs", "acc", "macroF1", "ECE", "ECEall", "train_wall_s", "pred/wall_s")
	for _, r := range results {
		fmt.Fprintf(w, "%-10s %-34s %6d %8.4f %8.4f %8.4f %8.4f %12.2f %12.0f\n", r.Corpus, r.Protocol, r.Docs, r.Accuracy, r.MacroF1, r.ECE, r.ECELabels, r.TrainSecs, r.PredictRate)
	}
	for _, r := range results {
		fmt.Fprintf(w, "\n%s per-label F1:\n", r.Corpus)
		labels := append([]string(nil), r.Labels...)
		sort.Strings(labels)
		for _, l := range labels {
			lf := r.PerLabel[l]
			fmt.Fprintf(w, "  %-40s F1 %.4f  P %.4f  R %.4f  n %d\n", l, lf.F1, lf.Precision, lf.Recall, lf.Support)
		}
	}
	fmt.Fprintln(w)
}

func evalShippedWCEP(cmd *cobra.Command, path string, jsonOnly bool) error {
	c, err := classify.NewDefault()
	if err != nil {
		return err
	}
	docs, st, err := classify.LoadCorpus(classify.CorpusWCEP, path)
	if err != nil {
		return err
	}
	res, err := classify.EvalShippedWCEP(c, docs)
	if err != nil {
		return err
	}
	res.File, res.Read, res.Bad, res.Skipped = path, st.Read, st.Bad, st.Skipped
	out := cmd.OutOrStdout()
	if !jsonOnly {
		fmt.Fprintf(out, "shipped model on %s, portal categories (%d items, %d bad lines)\n", path, st.Read, st.Bad)
		fmt.Fprintf(out, "%-28s %7s %8s %8s %8s %8s\n", "items", "n", "acc", "macroF1", "ECE", "ECEall")
		row := func(name string, m *classify.Metrics) {
			if m != nil {
				fmt.Fprintf(out, "%-28s %7d %8.4f %8.4f %8.4f %8.4f\n", name, m.N, m.Accuracy, m.MacroF1, m.ECE, m.ECELabels)
			}
		}
		row("unseen (not trained on)", res.Unseen)
		row("seen (2010-2018, trained)", res.Seen)
		row("all", &res.All)
		m := res.Unseen
		if m == nil {
			m = &res.All
		}
		labels := make([]string, 0, len(m.PerLabel))
		for l := range m.PerLabel {
			labels = append(labels, l)
		}
		sort.Strings(labels)
		fmt.Fprintln(out, "per-category F1 (unseen items when there are any):")
		for _, l := range labels {
			lf := m.PerLabel[l]
			fmt.Fprintf(out, "  %-32s F1 %.4f  P %.4f  R %.4f  n %d\n", l, lf.F1, lf.Precision, lf.Recall, lf.Support)
		}
		fmt.Fprintln(out)
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}
