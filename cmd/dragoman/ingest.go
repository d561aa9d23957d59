package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/dragoman-news/dragoman/article"
	"github.com/dragoman-news/dragoman/internal/ingest"
	"github.com/dragoman-news/dragoman/pipeline"
)

type ingestFlags struct {
	db        string
	format    string
	published string
	dicts     []string
	jobs      int
	batch     int
	json      bool
	progress  string
	every     time.Duration
	timeout   time.Duration
	queue     queueFlags // --queue: publish to NATS for `dragoman worker` (publish.go)
}

func init() {
	var f ingestFlags
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Analyse articles and store them in the corpus database",
		Long: `ingest reads articles (files, directories, JSON Lines, RSS/Atom feeds, WARC
archives, "-" for standard input: everything analyze reads), analyses them
in parallel and stores them with every annotation in the database
(./dragoman.db unless --db says otherwise), in batched transactions.

It is idempotent: an article already stored (same id, a hash of its text)
is skipped, so running the same ingest twice changes nothing, and running
it again after an interruption (even kill -9) finishes the job without
duplicates. A near-duplicate (the same story republished with small edits)
is stored, linked to the first copy, and left out of counts and timelines.
An article that cannot be read or analysed is recorded with its error
(see the summary, or SELECT * FROM ingest_errors) and the run goes on.

Progress shows as a bar with rate and ETA on a terminal, and as a plain
line every few seconds otherwise. The summary at the end gives the
articles added, skipped as already stored, near-duplicates and failures
with their reasons.

Examples:

  dragoman ingest examples/articles
  dragoman ingest --db corpus.db news/*.jsonl feeds/world.xml
  zcat dump.jsonl.gz | dragoman ingest --format jsonl -
  dragoman ingest --jobs 4 --json archive.warc.gz > summary.json

With --queue nats://HOST:4222 the articles are not analysed here but
published to a NATS JetStream stream, for any number of ` + "`dragoman worker`" + `
processes on any machines to analyse and store (see dragoman worker --help):

  dragoman ingest --queue nats://10.0.0.5:4222 news/*.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIngest(cmd.Context(), args, f, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	fl := cmd.Flags()
	addDBFlag(fl, &f.db)
	fl.StringVar(&f.format, "format", "", "force the input format: text, html, jsonl, rss or warc")
	fl.StringVar(&f.published, "published", "", "publication date of every article (2025-02-18...)")
	fl.StringSliceVar(&f.dicts, "dicts", nil, "PETRARCH/Phoenix actor dictionary `FILE`s to load")
	fl.IntVarP(&f.jobs, "jobs", "j", runtime.NumCPU(), "articles analysed in parallel")
	fl.IntVar(&f.batch, "batch", 64, "articles written per transaction")
	fl.BoolVar(&f.json, "json", false, "print the summary as JSON")
	fl.StringVar(&f.progress, "progress", "auto", "progress display: auto (a bar on a terminal, lines otherwise), bar, lines or none")
	fl.DurationVar(&f.every, "progress-every", 5*time.Second, "how often the plain progress line is printed")
	fl.DurationVar(&f.timeout, "timeout", time.Minute, "longest the analysis of one article may take; a slower one is recorded as failed")
	addQueueFlags(fl, &f.queue)
	rootCmd.AddCommand(cmd)
}

func runIngest(ctx context.Context, inputs []string, f ingestFlags, stdout, stderr io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	opts := article.Options{Format: f.format}
	if f.published != "" {
		p, err := article.ParsePublished(f.published)
		if err != nil {
			return fmt.Errorf("--published %q: %w", f.published, err)
		}
		opts.Published = p
	}
	for _, in := range inputs {
		if in == article.Stdin {
			continue
		}
		if _, err := os.Stat(in); err != nil {
			return fmt.Errorf("%s: no such file or directory", in)
		}
	}
	if f.queue.url != "" {
		return runPublish(ctx, inputs, opts, f.queue, f.json, f.progress, f.every, stdout, stderr)
	}
	store, err := openStore(ctx, f.db, false)
	if err != nil {
		return err
	}
	defer store.Close()
	p, err := pipeline.New(pipeline.Options{ActorDicts: f.dicts})
	if err != nil {
		return err
	}

	mode := f.progress
	if mode == "auto" {
		mode = "lines"
		if file, ok := stderr.(*os.File); ok && term.IsTerminal(int(file.Fd())) {
			mode = "bar"
		}
	}
	var bar *progressbar.ProgressBar
	var lastLine time.Time
	lastRead := -1
	total := -1
	if mode == "bar" {
		total = estimateArticles(inputs)
		bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true), // [elapsed:ETA]
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	progress := func(c ingest.Counts) {
		switch mode {
		case "bar":
			if c.Read > total {
				total = c.Read * 11 / 10
				bar.ChangeMax(total)
			}
			rate := float64(c.Read) / max(c.Elapsed.Seconds(), 0.001)
			bar.Describe(fmt.Sprintf("ingest %4.0f articles/s", rate))
			bar.Set(c.Read)
		case "lines":
			if time.Since(lastLine) < f.every && !c.ReadDone || c.Read == lastRead && c.ReadDone {
				return
			}
			lastLine, lastRead = time.Now(), c.Read
			rate := float64(c.Read) / max(c.Elapsed.Seconds(), 0.001)
			fmt.Fprintf(stderr, "ingest: %d read, %d added, %d already stored, %d near-duplicates, %d failed, %.0f articles/s, %s\n",
				c.Read, c.Added, c.Skipped, c.NearDuplicates, c.Failed, rate, c.Elapsed.Round(time.Second))
		}
	}
	items := article.ReadAll(ctx, inputs, opts)
	sum, runErr := ingest.Run(ctx, store, items, p.Run, ingest.Options{Workers: f.jobs, BatchSize: f.batch, Timeout: f.timeout, Progress: progress})
	if bar != nil {
		bar.Finish()
	}
	if sum != nil {
		if f.json {
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			if err := enc.Encode(ingestSummaryJSON(sum)); err != nil {
				return err
			}
		} else {
			printIngestSummary(stdout, sum)
		}
	}
	if runErr != nil {
		return fmt.Errorf("ingest stopped, everything stored before is kept: %w", runErr)
	}
	if sum.Failed > 0 {
		return errSilent
	}
	return nil
}

type ingestJSON struct {
	Read           int     `json:"read"`
	Added          int     `json:"added"`
	Skipped        int     `json:"skipped"`
	NearDuplicates int     `json:"near_duplicates"`
	Failed         int     `json:"failed"`
	Seconds        float64 `json:"seconds"`
	PerSecond      float64 `json:"articles_per_second"`
	Failures       any     `json:"failures"`
	Duplicates     any     `json:"duplicates"`
}

func ingestSummaryJSON(s *ingest.Summary) ingestJSON {
	j := ingestJSON{Read: s.Read, Added: s.Added, Skipped: s.Skipped, NearDuplicates: s.NearDuplicates, Failed: s.Failed,
		Seconds: s.Elapsed.Seconds(), Failures: s.Failures, Duplicates: s.Dups}
	if s.Elapsed > 0 {
		j.PerSecond = float64(s.Read) / s.Elapsed.Seconds()
	}
	if s.Failures == nil {
		j.Failures = []any{}
	}
	if s.Dups == nil {
		j.Duplicates = []any{}
	}
	return j
}

func printIngestSummary(w io.Writer, s *ingest.Summary) {
	rate := float64(s.Read) / max(s.Elapsed.Seconds(), 0.001)
	fmt.Fprintf(w, "ingested %d articles in %s (%.0f articles/s)\n", s.Read, s.Elapsed.Round(time.Millisecond), rate)
	fmt.Fprintf(w, "  added            %d\n", s.Added)
	fmt.Fprintf(w, "  already stored   %d (skipped)\n", s.Skipped)
	fmt.Fprintf(w, "  near-duplicates  %d (stored, linked to the first copy)\n", s.NearDuplicates)
	fmt.Fprintf(w, "  failed           %d\n", s.Failed)
	if s.Failed == 0 {
		return
	}
	// Group the reasons so that a thousand of the same error read as one.
	reasons := map[string]int{}
	examples := map[string]string{}
	for _, f := range s.Failures {
		msg := f.Message
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		key := f.Stage + ": " + msg
		reasons[key]++
		if _, ok := examples[key]; !ok {
			examples[key] = f.Source
		}
	}
	keys := make([]string, 0, len(reasons))
	for k := range reasons {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return reasons[keys[i]] > reasons[keys[j]] || reasons[keys[i]] == reasons[keys[j]] && keys[i] < keys[j]
	})
	fmt.Fprintln(w, "failures:")
	for i, k := range keys {
		if i == 20 {
			fmt.Fprintf(w, "  ... and %d more reasons (SELECT * FROM ingest_errors)\n", len(keys)-20)
			break
		}
		if reasons[k] == 1 {
			fmt.Fprintf(w, "  %s: %s\n", examples[k], k)
		} else {
			fmt.Fprintf(w, "  %dx %s (first: %s)\n", reasons[k], k, examples[k])
		}
	}
}

// estimateArticles guesses how many articles the inputs hold, cheaply:
// one a file, one a line for JSON Lines files. Feeds and WARC files count
// as one; the bar grows when the guess is passed.
func estimateArticles(inputs []string) int {
	n := 0
	var visit func(path string)
	visit = func(path string) {
		st, err := os.Stat(path)
		if err != nil {
			return
		}
		if st.IsDir() {
			entries, err := os.ReadDir(path)
			if err != nil {
				return
			}
			for _, e := range entries {
				if !strings.HasPrefix(e.Name(), ".") {
					visit(path + string(os.PathSeparator) + e.Name())
				}
			}
			return
		}
		n += jsonlLines(path)
	}
	for _, in := range inputs {
		if in == article.Stdin {
			n++
			continue
		}
		visit(in)
	}
	return max(n, 1)
}

// jsonlLines counts the non-empty lines of a file that starts with "{",
// and returns 1 for any other file.
func jsonlLines(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return 1
	}
	defer f.Close()
	buf := make([]byte, 256<<10)
	lines, started, first := 0, false, true
	inLine := false
	for {
		k, err := f.Read(buf)
		for _, c := range buf[:k] {
			if first && c != ' ' && c != '\n' && c != '\t' && c != '\r' {
				first = false
				if c != '{' {
					return 1
				}
				started = true
			}
			if c == '\n' {
				if inLine {
					lines++
				}
				inLine = false
			} else if c != ' ' && c != '\r' && c != '\t' {
				inLine = true
			}
		}
		if err != nil {
			break
		}
	}
	if inLine {
		lines++
	}
	if !started {
		return 1
	}
	return max(lines, 1)
}
