package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/article"
	"github.com/dragoman-news/dragoman/pipeline"
)

type quotesFlags struct {
	json      bool
	width     int
	published string
}

func init() {
	var f quotesFlags
	var dbq QuotesQuery // the corpus-database path, without FILE
	var since, until string
	cmd := &cobra.Command{
		Use:   "quotes [FILE...]",
		Short: "List who said what in articles: direct, partial and reported speech",
		Long: `quotes analyses articles and lists their quotations, one row each: the
speaker, the kind (direct, partial or reported), the cue word, how the
speaker was found, and the quoted or reported text.

Kinds: direct is a whole quoted utterance; partial is a quoted fragment
inside the writer's sentence; reported is speech without quotation marks
("officials said the talks would resume"). When no speaker can be found
the speaker column shows "-" and the "how" column says why (no-cue,
ambiguous-pronoun...). docs/quotes.md describes the rules.

Inputs are files or directories, in any format analyze reads (plain text,
HTML, JSON Lines, RSS/Atom, WARC); "-" reads standard input.

Examples:

  # a table of the quotations of one article
  dragoman quotes examples/articles/geneva-talks.txt

  # the same as JSON, one array of quotes per article
  dragoman quotes --json examples/articles/geneva-talks.txt

  # wider text column
  dragoman quotes --width 120 news.jsonl

Without FILE, quotes lists the quotes stored in the corpus database (see
dragoman ingest), newest first:

  dragoman quotes --speaker "Sergei Lavrov"
  dragoman quotes --speaker Lavrov --since 2025-01-01 --json --db corpus.db`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 { // no FILE: query the corpus database (dbquery.go)
				dbq.JSON, dbq.Width = f.json, f.width
				return runQuotesDB(cmd.Context(), dbq, since, until, cmd.OutOrStdout())
			}
			return runQuotesFiles(cmd.Context(), args, f, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	fl := cmd.Flags()
	addQuotesDBFlags(fl, &dbq, &since, &until)
	fl.BoolVar(&f.json, "json", false, "print JSON (one object per article with its quotes) instead of a table")
	fl.IntVar(&f.width, "width", 70, "truncate the text column to this many characters in the table")
	fl.StringVar(&f.published, "published", "", "publication date of every article (2025-02-18...)")
	rootCmd.AddCommand(cmd)
}

// articleQuotes is what the --json output prints for one article.
type articleQuotes struct {
	Source string           `json:"source"`
	Title  string           `json:"title,omitempty"`
	Quotes []dragoman.Quote `json:"quotes"`
}

// runQuotesFiles is the file-analysis path of `dragoman quotes`: read the
// inputs, run the pipeline through the quote stage, print the quotes.
func runQuotesFiles(ctx context.Context, inputs []string, f quotesFlags, stdout, stderr io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	opts := article.Options{}
	if f.published != "" {
		p, err := article.ParsePublished(f.published)
		if err != nil {
			return fmt.Errorf("--published %q: %w", f.published, err)
		}
		opts.Published = p
	}
	p, err := pipeline.New(pipeline.Options{Until: "quote"})
	if err != nil {
		return err
	}
	failed := 0
	first := true
	for it, err := range article.ReadAll(ctx, inputs, opts) {
		if err != nil {
			fmt.Fprintln(stderr, "dragoman quotes:", err)
			failed++
			continue
		}
		d := dragoman.NewDocument(it.Article)
		if err := p.Run(ctx, d); err != nil {
			fmt.Fprintf(stderr, "dragoman quotes: %s: %v\n", it.Article.Source, err)
			failed++
			continue
		}
		if f.json {
			enc := json.NewEncoder(stdout)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(articleQuotes{Source: it.Article.Source, Title: it.Article.Title, Quotes: d.Quotes}); err != nil {
				return fmt.Errorf("write output: %w", err)
			}
			continue
		}
		if !first {
			fmt.Fprintln(stdout)
		}
		first = false
		if err := printQuoteTable(stdout, it.Article.Source, d.Quotes, f.width); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
	}
	if failed > 0 {
		return errSilent
	}
	return ctx.Err()
}

// printQuoteTable prints one article's quotes as an aligned table.
func printQuoteTable(w io.Writer, source string, qs []dragoman.Quote, width int) error {
	fmt.Fprintf(w, "%s: %d quotes\n", source, len(qs))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSPEAKER\tKIND\tCUE\tHOW\tTEXT")
	for _, q := range qs {
		speaker := "-"
		if q.Speaker != nil {
			speaker = q.Speaker.Name
			if q.Speaker.Actor != "" {
				speaker += " (" + q.Speaker.Actor + ")"
			}
		}
		cue := "-"
		if q.Cue != nil {
			cue = q.Cue.Text
		}
		if q.Medium != "" {
			cue += " [" + q.Medium + "]"
		}
		how := q.Attribution
		if len(q.Flags) > 0 {
			how += " " + strings.Join(q.Flags, ",")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", q.ID, speaker, q.Kind, cue, how, truncate(q.Text, width))
	}
	return tw.Flush()
}

// truncate shortens s to n characters on one line, marking the cut.
func truncate(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if n <= 0 || utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:max(n-1, 1)]) + "…"
}
