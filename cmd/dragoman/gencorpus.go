package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/dragoman-news/dragoman/internal/gencorpus"
)

func init() {
	var (
		n        int
		seed     uint64
		nearDups float64
		output   string
	)
	cmd := &cobra.Command{
		Use:   "gen-corpus SEEDS.csv",
		Short: "Generate a large varied corpus from seed articles, for benchmarks",
		Long: `gen-corpus writes N articles as JSON Lines, each mixing paragraphs of a
few seed articles (a CSV file with the columns url, date, title, text) with
shifted dates and varied wording, and about 5% near-duplicates (a story
republished with a few words changed). The same --seed writes the same
corpus. With -n 0 it converts the seeds to JSON Lines unchanged.

Example:

  dragoman gen-corpus -n 20000 -o /tmp/corpus.jsonl ../shared/data/wikinews-articles/wikinews_2019.csv
  dragoman ingest --db /tmp/bench.db /tmp/corpus.jsonl`,
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			seeds, err := gencorpus.ReadCSV(args[0])
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if output != "" && output != "-" {
				f, err := os.Create(output)
				if err != nil {
					return fmt.Errorf("create %s: %w", output, err)
				}
				defer f.Close()
				out = f
			}
			bw := bufio.NewWriterSize(out, 1<<20)
			if n == 0 {
				err = gencorpus.WriteSeeds(bw, seeds)
			} else {
				err = gencorpus.Generate(bw, seeds, gencorpus.Options{N: n, Seed: seed, NearDups: nearDups})
			}
			if err != nil {
				return err
			}
			return bw.Flush()
		},
	}
	cmd.Flags().IntVarP(&n, "n", "n", 20000, "articles to write (0: the seeds unchanged)")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "random seed")
	cmd.Flags().Float64Var(&nearDups, "near-duplicates", 0.05, "share of near-duplicate articles")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to `FILE`")
	rootCmd.AddCommand(cmd)
}
