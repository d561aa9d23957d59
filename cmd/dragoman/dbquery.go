package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/spf13/pflag"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/dbopen"
	"github.com/dragoman-news/dragoman/sqlite"
)

// This file holds what the corpus commands (ingest, search, actor, dyad,
// stats, export, and events and quotes without FILE arguments) share:
// opening the database and printing tables.

// addDBFlag adds --db to a command's flags.
func addDBFlag(fl *pflag.FlagSet, db *string) {
	def := os.Getenv("DRAGOMAN_DB")
	if def == "" {
		def = sqlite.DefaultPath
	}
	fl.StringVar(db, "db", def, "corpus database: a SQLite `FILE` or a postgres:// URL (default from $DRAGOMAN_DB, else ./dragoman.db)")
}

// openStore opens the corpus database, a SQLite file or a postgres:// URL.
// Query commands open it read-only, so that they never create an empty
// database by mistake.
func openStore(ctx context.Context, path string, readOnly bool) (dragoman.Store, error) {
	if path == "" {
		path = sqlite.DefaultPath
	}
	return dbopen.Open(ctx, path, dbopen.Options{ReadOnly: readOnly})
}

// parseDay reads a --since/--until flag value.
func parseDay(flag, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("--%s %q: want a date like 2025-01-31, 2025-01 or 2025", flag, s)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// table prints aligned columns.
type table struct {
	tw *tabwriter.Writer
}

func newTable(w io.Writer, header ...string) *table {
	t := &table{tw: tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)}
	t.row(header...)
	return t
}

func (t *table) row(cells ...string) {
	for i, c := range cells {
		cells[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(c)
	}
	fmt.Fprintln(t.tw, strings.Join(cells, "\t"))
}

func (t *table) flush() error { return t.tw.Flush() }

// cell shortens s to n characters with an ellipsis.
func cell(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if n <= 0 || utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func dayOf(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.Format("2006-01-02")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// EventsQuery is what `dragoman events` asks the database when given no
// FILE: see runEventsDB.
type EventsQuery struct {
	DB     string
	Filter dragoman.EventFilter
	JSON   bool
	Width  int
}

// addEventsDBFlags adds the database flags of `dragoman events` to its
// flag set; since and until are parsed by runEventsDB.
func addEventsDBFlags(fl *pflag.FlagSet, q *EventsQuery, since, until *string) {
	if fl.Lookup("db") == nil {
		addDBFlag(fl, &q.DB)
	}
	fl.StringVar(&q.Filter.Root, "root", "", "only events with this CAMEO root code (two digits: 04 consult, 19 fight...)")
	fl.StringVar(&q.Filter.Code, "code", "", "only events whose CAMEO code starts with this")
	fl.StringVar(&q.Filter.Country, "country", "", "only events with this country (ISO3/CAMEO: RUS, USA) on either side or as the place")
	fl.StringVar(&q.Filter.Source, "source", "", "only events whose source is this actor (name, id, CAMEO or country code)")
	fl.StringVar(&q.Filter.Target, "target", "", "only events whose target is this actor (name, id, CAMEO or country code)")
	fl.StringVar(&q.Filter.Actor, "actor", "", "only events with this actor (name or id) on either side")
	fl.IntVar(&q.Filter.QuadClass, "quad", 0, "only events of this QuadClass (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict)")
	fl.StringVar(since, "since", "", "only events on or after this day (2025-01-01)")
	fl.StringVar(until, "until", "", "only events on or before this day")
	fl.IntVar(&q.Filter.Limit, "limit", 50, "show at most this many events (0: all)")
}

// runEventsDB lists the events stored in the database.
func runEventsDB(ctx context.Context, q EventsQuery, since, until string, stdout io.Writer) error {
	if err := parseDays(since, until, &q.Filter.Since, &q.Filter.Until); err != nil {
		return err
	}
	list := func(store dragoman.Store) ([]dragoman.EventRecord, error) { return store.Events(ctx, q.Filter) }
	return listStored(ctx, q.DB, q.JSON, stdout, "events", list, func(evs []dragoman.EventRecord) error {
		width := q.Width
		if width == 0 {
			width = 60
		}
		t := newTable(stdout, "DATE", "SOURCE", "CODE", "TARGET", "QUAD", "GOLDSTEIN", "EVIDENCE")
		for _, e := range evs {
			t.row(e.Date, sideName(e.Source), e.Code+" "+cell(e.Label, 24), sideName(e.Target),
				fmt.Sprint(e.QuadClass), fmt.Sprintf("%+.1f", e.Goldstein), cell(e.Evidence, width))
		}
		return t.flush()
	})
}

func sideName(a *dragoman.EventActor) string {
	if a == nil {
		return "-"
	}
	s := cell(a.Name, 28)
	if a.Code != "" {
		s += " (" + a.Code + ")"
	}
	return s
}

// QuotesQuery is what `dragoman quotes` asks the database when given no
// FILE: see runQuotesDB.
type QuotesQuery struct {
	DB     string
	Filter dragoman.QuoteFilter
	JSON   bool
	Width  int
}

// addQuotesDBFlags adds the database flags of `dragoman quotes`.
func addQuotesDBFlags(fl *pflag.FlagSet, q *QuotesQuery, since, until *string) {
	if fl.Lookup("db") == nil {
		addDBFlag(fl, &q.DB)
	}
	fl.StringVar(&q.Filter.Speaker, "speaker", "", "only quotes of this speaker (name, alias or actor id)")
	fl.StringVar(since, "since", "", "only quotes published on or after this day")
	fl.StringVar(until, "until", "", "only quotes published on or before this day")
	fl.IntVar(&q.Filter.Limit, "limit", 50, "show at most this many quotes (0: all)")
}

// runQuotesDB lists the quotes stored in the database.
func runQuotesDB(ctx context.Context, q QuotesQuery, since, until string, stdout io.Writer) error {
	if err := parseDays(since, until, &q.Filter.Since, &q.Filter.Until); err != nil {
		return err
	}
	list := func(store dragoman.Store) ([]dragoman.QuoteRecord, error) { return store.Quotes(ctx, q.Filter) }
	return listStored(ctx, q.DB, q.JSON, stdout, "quotes", list, func(qs []dragoman.QuoteRecord) error {
		width := q.Width
		if width == 0 {
			width = 70
		}
		t := newTable(stdout, "DATE", "SPEAKER", "KIND", "QUOTE", "ARTICLE")
		for _, r := range qs {
			t.row(dayOf(r.Published), cell(orDash(r.Speaker), 28), string(r.Kind), cell(r.Text, width), cell(r.ArticleTitle, 40))
		}
		return t.flush()
	})
}

// parseDays reads the --since and --until flag values into a filter's
// bounds.
func parseDays(since, until string, from, to *time.Time) error {
	var err error
	if *from, err = parseDay("since", since); err != nil {
		return err
	}
	*to, err = parseDay("until", until)
	return err
}

// listStored opens the database read-only and lists what list returns:
// as JSON (an empty array when nothing matches), or through table, or
// "no <what> match".
func listStored[R any](ctx context.Context, db string, asJSON bool, stdout io.Writer, what string,
	list func(dragoman.Store) ([]R, error), table func([]R) error) error {
	store, err := openStore(ctx, db, true)
	if err != nil {
		return err
	}
	defer store.Close()
	recs, err := list(store)
	if err != nil {
		return err
	}
	if asJSON {
		if recs == nil {
			recs = []R{}
		}
		return writeJSON(stdout, recs)
	}
	if len(recs) == 0 {
		fmt.Fprintf(stdout, "no %s match\n", what)
		return nil
	}
	return table(recs)
}
