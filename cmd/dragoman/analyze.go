package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/article"
	"github.com/dragoman-news/dragoman/pipeline"
)

type analyzeFlags struct {
	jsonl     bool
	tokens    bool
	format    string
	published string
	dicts     []string
	until     string
	output    string
	jobs      int
}

func init() {
	var f analyzeFlags
	cmd := &cobra.Command{
		Use:   "analyze [FILE|DIR|-]...",
		Short: "Read articles and print one JSON document per article",
		Long: `analyze reads news articles and prints, for each, one JSON document with the
article's parts (headline, summary, dateline, bylines, date, body) and every
annotation the pipeline puts on it: paragraphs, sentences, entities, quotes,
events and dates. Every annotation carries [start, end) UTF-8 byte offsets
into article.body and the text it covers. docs/schema.md describes the
document.

Inputs are files, directories (read recursively, in lexical order) or "-"
for standard input; none means standard input. Each file's format is
detected from its content (plain text, HTML, JSON Lines, RSS/Atom, WARC);
--format forces one. Gzip-compressed files are read transparently.

A bad input (or a bad line of a JSON Lines file, a bad feed item or WARC
record) is reported on stderr with its name, and the others still come
out; the exit status is then 1.

Examples:

  # one article, indented JSON
  dragoman analyze examples/articles/geneva-talks.txt

  # every shipped example, one document a line, with tokens
  dragoman analyze --jsonl --tokens examples/articles

  # a feed from standard input, dated, only up to segmentation
  curl -s https://example.org/world.rss | dragoman analyze --format rss --until segment -

  # with PETRARCH actor dictionaries, into a file
  dragoman analyze --dicts Phoenix.Countries.actors.txt -o out.jsonl --jsonl news.warc.gz`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runAnalyze(cmd.Context(), args, f, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&f.jsonl, "jsonl", false, "print one document a line (JSON Lines) instead of indented JSON")
	fl.BoolVar(&f.tokens, "tokens", false, "include the tokens in the output")
	fl.StringVar(&f.format, "format", "", "force the input format: text, html, jsonl, rss or warc")
	fl.StringVar(&f.published, "published", "", "publication date of every article (2025-02-18, 2025-02, \"Feb 18, 2025\"...)")
	fl.StringSliceVar(&f.dicts, "dicts", nil, "PETRARCH/Phoenix actor dictionary `FILE`s to load (repeat or comma-separate)")
	fl.StringVar(&f.until, "until", "", "stop after this stage (segment, ner, actor, timex, quote, event)")
	fl.StringVarP(&f.output, "output", "o", "", "write the documents to `FILE` instead of standard output")
	fl.IntVarP(&f.jobs, "jobs", "j", runtime.GOMAXPROCS(0), "articles analysed in parallel")
	rootCmd.AddCommand(cmd)
}

// job is one article on its way through the worker pool; done is closed
// when doc (or err) is ready, so that the printer keeps input order.
type job struct {
	item article.Item
	doc  *dragoman.Document
	err  error
	done chan struct{}
}

func runAnalyze(ctx context.Context, args []string, f analyzeFlags, stdout, stderr io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if len(args) == 0 {
		if st, err := os.Stdin.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			return fmt.Errorf("no input: name files or directories, or pipe articles into standard input (see dragoman analyze --help)")
		}
		args = []string{article.Stdin}
	}
	opts := article.Options{Format: f.format}
	switch f.format {
	case "", article.FormatText, article.FormatHTML, article.FormatJSONL, article.FormatRSS, article.FormatWARC:
	default:
		return fmt.Errorf("--format %q: want text, html, jsonl, rss or warc", f.format)
	}
	if f.published != "" {
		p, err := article.ParsePublished(f.published)
		if err != nil {
			return fmt.Errorf("--published %q: %w", f.published, err)
		}
		opts.Published = p
	}
	p, err := pipeline.New(pipeline.Options{Until: f.until, ActorDicts: f.dicts})
	if err != nil {
		return err
	}
	if stages := p.Stages(); f.until != "" && (len(stages) == 0 || stages[len(stages)-1] != f.until) {
		return fmt.Errorf("--until %q: no such stage (the stages are %s)", f.until, strings.Join(stages, ", "))
	}

	out := stdout
	var file *os.File
	if f.output != "" && f.output != "-" {
		file, err = os.Create(f.output)
		if err != nil {
			return fmt.Errorf("create output: %w", err)
		}
		defer file.Close()
		out = file
	}
	bw := bufio.NewWriterSize(out, 64<<10)

	jobs := max(f.jobs, 1)
	work := make(chan *job)
	order := make(chan *job, jobs*2) // bounds the articles in flight
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				j.doc, j.err = analyzeOne(ctx, p, j.item)
				close(j.done)
			}
		}()
	}

	// Reader: feeds the pool and records order; read errors go straight
	// into the order queue so that they print where they happened.
	go func() {
		defer close(order)
		defer close(work)
		for it, err := range article.ReadAll(ctx, args, opts) {
			j := &job{item: it, done: make(chan struct{})}
			if err != nil {
				j.err = err
				close(j.done)
				order <- j
				continue
			}
			order <- j
			work <- j
			if ctx.Err() != nil {
				return
			}
		}
	}()

	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if !f.jsonl {
		enc.SetIndent("", "  ")
	}
	failed, analysed := 0, 0
	var writeErr error
	for j := range order {
		<-j.done
		if j.err != nil {
			failed++
			name := j.item.Article.Source
			if name == "" || strings.Contains(j.err.Error(), name) {
				fmt.Fprintln(stderr, "dragoman analyze:", j.err)
			} else {
				fmt.Fprintf(stderr, "dragoman analyze: %s: %v\n", name, j.err)
			}
			continue
		}
		if writeErr != nil {
			continue
		}
		if !f.tokens {
			j.doc.Tokens = nil
		}
		if err := enc.Encode(j.doc); err != nil {
			writeErr = err
		}
		analysed++
		j.doc = nil
	}
	wg.Wait()
	if err := bw.Flush(); err != nil && writeErr == nil {
		writeErr = err
	}
	if writeErr != nil {
		return fmt.Errorf("write output: %w", writeErr)
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "dragoman analyze: %d article(s) analysed, %d error(s)\n", analysed, failed)
		return errSilent
	}
	return ctx.Err()
}

// analyzeOne runs the pipeline on one article. A panic in a stage is
// turned into the error of that article, so the batch goes on.
func analyzeOne(ctx context.Context, p *pipeline.Pipeline, it article.Item) (d *dragoman.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: internal error in the analysis (please report it): %v", it.Article.Source, r)
		}
	}()
	d = dragoman.NewDocument(it.Article)
	d.Warnings = append(d.Warnings, it.Warnings...)
	if err := p.Run(ctx, d); err != nil {
		return d, err
	}
	return d, nil
}
