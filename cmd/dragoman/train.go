package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/dragoman-news/dragoman/internal/shared"
	"github.com/dragoman-news/dragoman/ner"
	"github.com/spf13/cobra"
)

// trainCmd groups the commands that train the project's models.
var trainCmd = &cobra.Command{
	Use:   "train",
	Short: "Train the statistical models that the binary embeds",
}

func init() {
	var (
		out, data, dev string
		iters, folds   int
		minCount, bags int
		seed           uint64
		extra, names   []string
	)
	nerCmd := &cobra.Command{
		Use:   "ner",
		Short: "Train the named-entity tagger on CoNLL-2003 and write the model file",
		Long: `Train the named-entity tagger (a two-pass averaged perceptron over BILOU
labels) on the CoNLL-2003 training split and WikiGold and write the model
the binary embeds. Word clusters and the gazetteer are built from the
other corpora of the shared data folder (see ner/MODEL.md). Runs with the
same flags give the same model. The development split (eng.testa) is never
trained on; --dev only scores it after every pass.

Examples:

  dragoman train ner --out ner/model/ner.model
  dragoman train ner --data ../shared/data --iters 12 --dev ../shared/data/conll2003/eng.testa --out /tmp/ner.model`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if data == "" {
				data = shared.Path("data")
				if data == "" {
					return fmt.Errorf("no --data folder given and ../shared/data not found")
				}
			}
			docs, err := ner.LoadTraining(data, extra...)
			if err != nil {
				return fmt.Errorf("read training data: %w", err)
			}
			opts := ner.TrainOptions{Iters: iters, Folds: folds, MinCount: minCount, Bags: bags, Seed: seed, Log: os.Stderr}
			if dev != "" {
				if opts.Dev, err = ner.ReadCoNLLFile(dev); err != nil {
					return fmt.Errorf("read dev data: %w", err)
				}
			}
			opts.Clusters, err = ner.BuildClusters(cmd.Context(), data, os.Stderr)
			if err != nil {
				return fmt.Errorf("word clusters: %w", err)
			}
			opts.Names, err = ner.BuildNames(data, names...)
			if err != nil {
				return fmt.Errorf("gazetteer: %w", err)
			}
			opts.Info = fmt.Sprintf("trained on %v, names from %v, iters=%d folds=%d seed=%d", append(ner.TrainingFiles, extra...), names, iters, folds, seed)
			m, err := ner.Train(cmd.Context(), docs, opts)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				return err
			}
			f, err := os.Create(out)
			if err != nil {
				return fmt.Errorf("write model: %w", err)
			}
			n, err := m.WriteTo(f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("write model %s: %w", out, err)
			}
			s1, s2 := m.Features()
			fmt.Fprintf(os.Stderr, "wrote %s: %d bytes, %d+%d feature rows\n", out, n, s1, s2)
			return nil
		},
	}
	nerCmd.Flags().StringVar(&out, "out", "ner/model/ner.model", "model file to write")
	nerCmd.Flags().StringVar(&data, "data", "", "shared data folder (default: ../shared/data beside the module)")
	nerCmd.Flags().StringVar(&dev, "dev", "", "CoNLL file to score after every pass (never trained on)")
	nerCmd.Flags().IntVar(&iters, "iters", 12, "passes over the training data")
	nerCmd.Flags().IntVar(&folds, "folds", 5, "jackknife folds for the second pass (-1: one pass only)")
	nerCmd.Flags().StringSliceVar(&extra, "with", ner.DefaultExtraTraining, "extra labelled corpora in CoNLL-2003's scheme to train on (wikigold, gmb; \"\" for none)")
	nerCmd.Flags().StringSliceVar(&names, "names", ner.NameSources, "corpora whose entity names make the gazetteer")
	nerCmd.Flags().IntVar(&minCount, "min-count", 2, "drop features seen fewer times in training")
	nerCmd.Flags().IntVar(&bags, "bags", 1, "models averaged per pass, each seeing the sentences in its own order")
	nerCmd.Flags().Uint64Var(&seed, "seed", 1, "shuffling seed")
	trainCmd.AddCommand(nerCmd)
	rootCmd.AddCommand(trainCmd)
}
