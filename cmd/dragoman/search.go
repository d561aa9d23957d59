package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dragoman-news/dragoman"
)

func init() {
	var (
		db, since, until string
		q                dragoman.SearchQuery
		asJSON           bool
	)
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search the stored articles, best matches first",
		Long: `search runs a full-text query over the titles and bodies of the stored
articles and lists the best matches (bm25 ranking, a title match weighs
more) with a snippet where the matched words are in [brackets].

The query language is SQLite FTS5's: words (all must appear, English
stemming: "sanction" finds "sanctions"), "quoted phrases", OR, NOT,
parentheses, prefix* and NEAR(a b, 5). Quote words with punctuation: "U.S.".
Near-duplicate copies of a story are not listed twice.

Examples:

  dragoman search ceasefire
  dragoman search '"grain deal" OR "grain corridor"' --since 2025-01-01
  dragoman search sanctions --country RUS --actor "Sergei Lavrov" --json
  dragoman search 'negotiat* NOT Gaza' --limit 50`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			q.Query = strings.Join(args, " ")
			return runSearch(cmd.Context(), db, q, since, until, asJSON, cmd.OutOrStdout())
		},
	}
	fl := cmd.Flags()
	addDBFlag(fl, &db)
	fl.StringVar(&q.Actor, "actor", "", "only articles that mention this actor (name, alias or id)")
	fl.StringVar(&q.Country, "country", "", "only articles tied to this country (ISO3: RUS, USA): dateline, actors, event places")
	fl.StringVar(&since, "since", "", "only articles published on or after this day (2025-01-31)")
	fl.StringVar(&until, "until", "", "only articles published on or before this day")
	fl.IntVar(&q.Limit, "limit", 20, "how many results")
	fl.IntVar(&q.Offset, "offset", 0, "skip this many results (paging)")
	fl.BoolVar(&asJSON, "json", false, "print JSON")
	rootCmd.AddCommand(cmd)
}

func runSearch(ctx context.Context, db string, q dragoman.SearchQuery, since, until string, asJSON bool, w io.Writer) error {
	var err error
	if q.Since, err = parseDay("since", since); err != nil {
		return err
	}
	if q.Until, err = parseDay("until", until); err != nil {
		return err
	}
	store, err := openStore(ctx, db, true)
	if err != nil {
		return err
	}
	defer store.Close()
	hits, err := store.Search(ctx, q)
	if err != nil {
		return err
	}
	if asJSON {
		if hits == nil {
			hits = []dragoman.SearchHit{}
		}
		return writeJSON(w, hits)
	}
	if len(hits) == 0 {
		fmt.Fprintln(w, "no articles match")
		return nil
	}
	for i, h := range hits {
		fmt.Fprintf(w, "%2d. %s  %s  [%s]\n", q.Offset+i+1, dayOf(h.Published), h.Title, h.ArticleID)
		fmt.Fprintf(w, "    %s\n", cell(h.Snippet, 200))
		if h.URL != "" {
			fmt.Fprintf(w, "    %s\n", h.URL)
		}
	}
	return nil
}
