package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/dragoman-news/dragoman"
)

func init() {
	var (
		db     string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count what the corpus database holds",
		Long: `stats counts the stored articles (near-duplicate copies apart), actors,
mentions, quotes, events and dates, the ingest errors recorded, and the
span of publication dates.

Examples:

  dragoman stats
  dragoman stats --db corpus.db --json | jq .events`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			store, err := openStore(ctx, db, true)
			if err != nil {
				return err
			}
			defer store.Close()
			st, err := store.Stats(ctx)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			if asJSON {
				size := int64(0)
				if file, ok := store.(interface{ Path() string }); ok { // SQLite
					if fi, err := os.Stat(file.Path()); err == nil {
						size = fi.Size()
					}
				}
				return writeJSON(w, struct {
					*statsAlias
					Bytes int64 `json:"db_bytes"`
				}{(*statsAlias)(st), size})
			}
			t := newTable(w, "WHAT", "COUNT")
			t.row("articles", fmt.Sprint(st.Articles))
			t.row("near-duplicates", fmt.Sprint(st.Duplicates))
			t.row("actors", fmt.Sprint(st.Actors))
			t.row("mentions", fmt.Sprint(st.Mentions))
			t.row("quotes", fmt.Sprint(st.Quotes))
			t.row("events", fmt.Sprint(st.Events))
			t.row("dates", fmt.Sprint(st.Dates))
			t.row("ingest errors", fmt.Sprint(st.IngestErrors))
			t.row("published", dayOf(st.First)+" .. "+dayOf(st.Last))
			return t.flush()
		},
	}
	addDBFlag(cmd.Flags(), &db)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	rootCmd.AddCommand(cmd)
}

type statsAlias = dragoman.Stats
