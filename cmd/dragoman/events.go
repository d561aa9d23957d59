package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/article"
	"github.com/dragoman-news/dragoman/event"
	"github.com/dragoman-news/dragoman/pipeline"
)

type eventsFlags struct {
	json      bool
	published string
	width     int
	dicts     []string
}

func init() {
	var f eventsFlags
	var dbq EventsQuery // the corpus-database path, without FILE (dbquery.go)
	var since, until string
	cmd := &cobra.Command{
		Use:   "events [FILE|DIR|-]...",
		Short: "List what happened in articles: CAMEO events with who, whom, where and when",
		Long: `events analyses articles and lists their events, one row each: the source
actor, the CAMEO event code and its label, the target actor, the date, the
place, flags, and the words the event was coded from.

Codes are CAMEO (../shared/data/cameo): root (two digits), base (three) and
full code; actors are CAMEO actor codes (USAGOV, RUSMIL, EUR...). Flags:
refusal (a refusal read from a negated cooperation: "there could be no
thought of making concessions" is 124, an event that happened),
intent/possible (not asserted as done: "would be willing to put troops on
the ground" is an intent, 0334), neg (the coded action itself is denied;
hidden by the corpus database by default), reported (inside a quotation
or reported speech; the speaker is in the JSON). docs/events.md
describes the lexicon and the rules.

Inputs are files or directories, in any format analyze reads; "-" reads
standard input. Without FILE, events lists the events stored in the corpus
database (see dragoman ingest), newest first, filtered by --root, --code,
--country, --source, --target, --actor, --quad, --since and --until.

Examples:

  # a table of the events of one article
  dragoman events examples/articles/geneva-talks.txt

  # the same as JSON, one array of events per article
  dragoman events --json --published 2025-02-18 article.txt

  # consultations involving Russia since 2025, from the corpus database
  dragoman events --root 04 --since 2025-01-01 --country RUS

  # check the coder against PETRARCH's validation suite
  dragoman events validate ../shared/eval/petrarch/PETR.UnitTest.records.xml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				dbq.JSON, dbq.Width = f.json, f.width
				return runEventsDB(cmd.Context(), dbq, since, until, cmd.OutOrStdout())
			}
			return runEvents(cmd.Context(), args, f, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	fl := cmd.Flags()
	addEventsDBFlags(fl, &dbq, &since, &until)
	fl.BoolVar(&f.json, "json", false, "print JSON: one array of events per article")
	fl.StringVar(&f.published, "published", "", "publication date of every article (2025-02-18...)")
	fl.IntVar(&f.width, "width", 70, "width of the evidence column in the table")
	fl.StringSliceVar(&f.dicts, "dicts", nil, "PETRARCH/Phoenix actor dictionary `FILE`s to load")

	var v validateFlags
	vcmd := &cobra.Command{
		Use:   "validate FILE.xml",
		Short: "Code PETRARCH validation records and compare with their expected events",
		Long: `validate reads a PETRARCH validation file (such as PETR.UnitTest.records.xml),
loads the verb, actor, agent and discard dictionaries its <Environment>
names, codes the raw <Text> of every record (never its <Parse>) with those
dictionaries alone, and prints one line per record: id, expected events,
events coded, PASS or FAIL. It ends with "N passed, N failed".

A record passes when its set of (source, target, code) triples equals the
expected set; a record expecting no events (noevents, or an error such as a
discarded sentence) passes when nothing is coded. Per-record <Config>
switches are honoured for require_dyad. The exit status is 1 when fewer
than --min records pass.

The dictionaries are looked for in --dict-dir, beside the file, and in its
validation_dictionaries/ and dictionaries/ folders.

Examples:

  dragoman events validate ../shared/eval/petrarch/PETR.UnitTest.records.xml

  # only the failures, with the sentence
  dragoman events validate --failures --text PETR.UnitTest.records.xml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runValidate(args[0], v, cmd.OutOrStdout())
		},
	}
	vfl := vcmd.Flags()
	vfl.StringSliceVar(&v.dirs, "dict-dir", nil, "folder `DIR` to look for the dictionaries in first")
	vfl.BoolVar(&v.failures, "failures", false, "print only the records that fail")
	vfl.BoolVar(&v.text, "text", false, "print each record's sentence under its line")
	vfl.IntVar(&v.min, "min", 0, "exit with status 1 when fewer than `N` records pass")
	cmd.AddCommand(vcmd)
	rootCmd.AddCommand(cmd)
}

type validateFlags struct {
	min      int
	dirs     []string
	failures bool
	text     bool
}

func runValidate(path string, f validateFlags, out io.Writer) error {
	v, err := event.ReadValidation(path)
	if err != nil {
		return err
	}
	d, err := v.LoadDictionaries(f.dirs...)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	start := time.Now()
	res := v.Validate(d)
	elapsed := time.Since(start)
	pass := 0
	for _, r := range res {
		if r.Pass {
			pass++
		}
		if f.failures && r.Pass {
			continue
		}
		want := event.FormatTriples(r.Record.Expected)
		if r.Record.Error != "" {
			want = "(" + r.Record.Error + ")"
		}
		got := event.FormatTriples(r.Got)
		if r.Why != "" {
			got = "(" + r.Why + ")"
		}
		verdict := "FAIL"
		if r.Pass {
			verdict = "PASS"
		}
		fmt.Fprintf(out, "%-18s expected %s  got %s  %s\n", r.Record.ID, want, got, verdict)
		if f.text {
			fmt.Fprintf(out, "%-18s %s\n", "", r.Record.Text)
		}
	}
	fmt.Fprintf(out, "%d passed, %d failed (%.1f%%; %d records in %v)\n", pass, len(res)-pass,
		100*float64(pass)/float64(max(len(res), 1)), len(res), elapsed.Round(time.Millisecond))
	if pass < f.min {
		return fmt.Errorf("%s: %d records passed, fewer than --min %d", path, pass, f.min)
	}
	return nil
}

func runEvents(ctx context.Context, args []string, f eventsFlags, stdout, stderr io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if len(args) == 0 {
		args = []string{article.Stdin}
	}
	opts := article.Options{}
	if f.published != "" {
		p, err := article.ParsePublished(f.published)
		if err != nil {
			return fmt.Errorf("--published %q: %w", f.published, err)
		}
		opts.Published = p
	}
	p, err := pipeline.New(pipeline.Options{ActorDicts: f.dicts})
	if err != nil {
		return err
	}
	failed := 0
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	for it, err := range article.ReadAll(ctx, args, opts) {
		if err != nil {
			failed++
			fmt.Fprintln(stderr, "dragoman events:", err)
			continue
		}
		d, err := p.Analyze(ctx, it.Article)
		if err != nil {
			failed++
			fmt.Fprintf(stderr, "dragoman events: %s: %v\n", it.Article.Source, err)
			continue
		}
		if f.json {
			if err := enc.Encode(d.Events); err != nil {
				return err
			}
			continue
		}
		printEvents(stdout, d, f.width)
	}
	if failed > 0 {
		return errSilent
	}
	return ctx.Err()
}

func printEvents(w io.Writer, d *dragoman.Document, width int) {
	name := d.Article.Source
	if name != "" {
		name = filepath.Base(name)
	}
	fmt.Fprintf(w, "# %s: %s (%d events)\n", name, d.Article.Title, len(d.Events))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSOURCE\tCODE\tLABEL\tTARGET\tDATE\tPLACE\tFLAGS\tEVIDENCE")
	for _, ev := range d.Events {
		var flags []string
		if ev.Negated {
			flags = append(flags, "neg")
		}
		if ev.Modality != "" {
			flags = append(flags, ev.Modality)
		}
		if ev.Reported {
			flags = append(flags, "reported")
		}
		date, place := "-", "-"
		if ev.Date != nil {
			date = ev.Date.Value
		}
		if ev.Location != nil {
			place = ev.Location.Name
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", ev.ID, actorCell(ev.Source), ev.Code,
			clipEvent(ev.Label, 32), actorCell(ev.Target), date, place, strings.Join(flags, ","), clipEvent(ev.Evidence.Text, width))
	}
	tw.Flush()
	fmt.Fprintln(w)
}

func actorCell(a *dragoman.ActorRef) string {
	if a == nil {
		return "-"
	}
	n := a.Name
	if n == "" {
		return a.Actor
	}
	return a.Actor + " " + clipEvent(n, 24)
}

// clipEvent collapses spaces and cuts s to n runes with an ellipsis.
func clipEvent(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n || n <= 1 {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
