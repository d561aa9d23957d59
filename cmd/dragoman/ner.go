package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/dragoman-news/dragoman/ner"
	"github.com/spf13/cobra"
)

func init() {
	var conll, eval, model string
	cmd := &cobra.Command{
		Use:   "ner (--conll FILE | --eval FILE)",
		Short: "Tag CoNLL-2003 files with the named-entity model, or score it on them",
		Long: `Run the embedded named-entity tagger over a file in CoNLL-2003 format
(one token a line, the token first, blank lines between sentences,
-DOCSTART- lines between documents).

--conll writes every line back with the predicted tag appended as the last
column: same tokens, same order, blank lines and -DOCSTART- lines kept. Tags
are IOB2 (B- opens every entity) over PER, ORG, LOC and MISC, so that
conlleval can score the output against the gold column (it reads IOB1 gold
and IOB2 predictions alike). "-" reads standard input.

--eval tags the file and prints exact-span precision, recall and F1 per type
against the file's own last column (IOB1 or IOB2).

Examples:

  dragoman ner --conll ../shared/data/conll2003/eng.testa > testa.tagged
  perl conlleval.pl < testa.tagged
  dragoman ner --eval ../shared/data/conll2003/eng.testa`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if (conll == "") == (eval == "") {
				return fmt.Errorf("give one of --conll FILE or --eval FILE")
			}
			m, err := loadNERModel(model)
			if err != nil {
				return err
			}
			path := conll + eval
			docs, err := readCoNLLArg(path)
			if err != nil {
				return err
			}
			if eval != "" {
				return m.Evaluate(docs).Write(cmd.OutOrStdout())
			}
			// Every token line gets its tag; every other line is copied.
			var tags []string
			for _, d := range docs {
				if err := cmd.Context().Err(); err != nil {
					return err
				}
				sents := make([][]string, len(d.Sentences))
				for i, s := range d.Sentences {
					sents[i] = s.Words
				}
				for _, ts := range m.TagDoc(sents) {
					tags = append(tags, ts...)
				}
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			k := 0
			for _, d := range docs {
				if d.Start {
					fmt.Fprintf(w, "%s O\n", d.StartLine)
				}
				for range d.Blanks {
					fmt.Fprintln(w)
				}
				for _, s := range d.Sentences {
					for _, line := range s.Lines {
						fmt.Fprintf(w, "%s %s\n", line, tags[k])
						k++
					}
					for range s.Blanks {
						fmt.Fprintln(w)
					}
				}
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&conll, "conll", "", "CoNLL file to tag (\"-\" for standard input)")
	cmd.Flags().StringVar(&model, "model", "", "model file to use instead of the embedded one (from dragoman train ner)")
	cmd.Flags().StringVar(&eval, "eval", "", "CoNLL file with gold tags to score the model on")
	rootCmd.AddCommand(cmd)
}

func readCoNLLArg(path string) ([]ner.Doc, error) {
	var r io.Reader = os.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		defer f.Close()
		r = f
	}
	docs, err := ner.ReadCoNLL(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return docs, nil
}

func loadNERModel(path string) (*ner.Model, error) {
	if path == "" {
		return ner.EmbeddedModel()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := ner.ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
