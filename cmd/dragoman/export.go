package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/biter777/countries"
	"github.com/spf13/cobra"

	"github.com/dragoman-news/dragoman"
)

func init() {
	var db, format, output, since, until string
	var dups bool
	cmd := &cobra.Command{
		Use:   "export events|quotes|actors|articles",
		Short: "Write the corpus out as JSON Lines, CSV or GDELT event records",
		Long: `export writes one table of the corpus to standard output (or -o FILE):

  events    one CAMEO event a record
  quotes    one quotation a record
  actors    one cross-article actor a record, with its aliases
  articles  one article a record (without its body in CSV)

Formats: jsonl (one JSON object a line), csv (with a header row), and for
events gdelt: GDELT 2.0 Event records, 61 tab-separated columns in GDELT's
order and without a header, so tools that read GDELT's daily files read
them. Events keep GLOBALEVENTID stable (the store's event number).
Near-duplicate articles are left out unless --duplicates.

Examples:

  dragoman export events --format gdelt -o events.export.CSV
  dragoman export quotes --format csv > quotes.csv
  dragoman export actors | jq -r .name
  dragoman export events --since 2025-01-01 --format jsonl`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: []string{"events", "quotes", "actors", "articles"},
		RunE: func(cmd *cobra.Command, args []string) error {
			what := args[0]
			switch what {
			case "events", "quotes", "actors", "articles":
			default:
				return fmt.Errorf("export %q: want events, quotes, actors or articles", what)
			}
			switch format {
			case "jsonl", "csv":
			case "gdelt":
				if what != "events" {
					return fmt.Errorf("--format gdelt exports events only")
				}
			default:
				return fmt.Errorf("--format %q: want jsonl, csv or gdelt", format)
			}
			s, err := parseDay("since", since)
			if err != nil {
				return err
			}
			u, err := parseDay("until", until)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			store, err := openStore(ctx, db, true)
			if err != nil {
				return err
			}
			defer store.Close()
			out := cmd.OutOrStdout()
			var file *os.File
			if output != "" && output != "-" {
				if file, err = os.Create(output); err != nil {
					return fmt.Errorf("create %s: %w", output, err)
				}
				out = file
			}
			bw := bufio.NewWriterSize(out, 256<<10)
			n, err := export(ctx, store, what, format, s, u, dups, bw)
			if err == nil {
				err = bw.Flush()
			}
			if file != nil {
				if cerr := file.Close(); err == nil {
					err = cerr
				}
			}
			if err != nil {
				return fmt.Errorf("export %s: %w", what, err)
			}
			if output != "" && output != "-" {
				fmt.Fprintf(cmd.ErrOrStderr(), "wrote %d %s to %s\n", n, what, output)
			}
			return nil
		},
	}
	fl := cmd.Flags()
	addDBFlag(fl, &db)
	fl.StringVar(&format, "format", "jsonl", "jsonl, csv or gdelt (events only)")
	fl.StringVarP(&output, "output", "o", "", "write to `FILE` instead of standard output")
	fl.StringVar(&since, "since", "", "only records on or after this day")
	fl.StringVar(&until, "until", "", "only records on or before this day")
	fl.BoolVar(&dups, "duplicates", false, "include records of near-duplicate articles")
	rootCmd.AddCommand(cmd)
}

const exportPage = 5000

func export(ctx context.Context, store dragoman.Store, what, format string, since, until time.Time, dups bool, w io.Writer) (int, error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	cw := csv.NewWriter(w)
	defer cw.Flush()
	tw := csv.NewWriter(w)
	tw.Comma = '\t'
	defer tw.Flush()
	n := 0
	switch what {
	case "events":
		if format == "csv" {
			cw.Write([]string{"id", "seq", "date", "article_id", "url", "source_name", "source_code", "source_country", "source_actor",
				"code", "base", "root", "label", "quad_class", "goldstein", "target_name", "target_code", "target_country", "target_actor",
				"location", "location_country", "trigger", "evidence", "modality", "reported", "negated"})
		}
		for off := 0; ; off += exportPage {
			evs, err := store.Events(ctx, dragoman.EventFilter{Since: since, Until: until, IncludeDuplicates: dups, IncludeNegated: true, Limit: exportPage, Offset: off})
			if err != nil {
				return n, err
			}
			for _, e := range evs {
				switch format {
				case "jsonl":
					err = enc.Encode(e)
				case "csv":
					s, t := side(e.Source), side(e.Target)
					err = cw.Write([]string{e.ID, fmt.Sprint(e.Seq), e.Date, e.ArticleID, e.URL, s.Name, s.Code, s.Country, s.ActorID,
						e.Code, e.Base, e.Root, e.Label, fmt.Sprint(e.QuadClass), ftoa(e.Goldstein), t.Name, t.Code, t.Country, t.ActorID,
						e.Location, e.LocationCountry, e.Trigger, e.Evidence, e.Modality, btoa(e.Reported), btoa(e.Negated)})
				case "gdelt":
					err = tw.Write(gdeltRecord(e))
				}
				if err != nil {
					return n, err
				}
				n++
			}
			if len(evs) < exportPage {
				return n, nil
			}
		}
	case "quotes":
		if format == "csv" {
			cw.Write([]string{"id", "article_id", "published", "speaker", "actor_id", "kind", "text", "start", "end", "attribution", "cue", "article_title"})
		}
		for off := 0; ; off += exportPage {
			qs, err := store.Quotes(ctx, dragoman.QuoteFilter{Since: since, Until: until, IncludeDuplicates: dups, Limit: exportPage, Offset: off})
			if err != nil {
				return n, err
			}
			for _, q := range qs {
				if format == "jsonl" {
					err = enc.Encode(q)
				} else {
					err = cw.Write([]string{q.ID, q.ArticleID, dayOf(q.Published), q.Speaker, q.ActorID, string(q.Kind), q.Text,
						fmt.Sprint(q.Start), fmt.Sprint(q.End), q.Attribution, q.Cue, q.ArticleTitle})
				}
				if err != nil {
					return n, err
				}
				n++
			}
			if len(qs) < exportPage {
				return n, nil
			}
		}
	case "actors":
		if format == "csv" {
			cw.Write([]string{"id", "name", "type", "country", "code", "articles", "mentions", "first_seen", "last_seen", "aliases"})
		}
		for off := 0; ; off += exportPage {
			as, err := store.Actors(ctx, dragoman.ActorFilter{Limit: exportPage, Offset: off})
			if err != nil {
				return n, err
			}
			for _, a := range as {
				if format == "jsonl" {
					err = enc.Encode(a)
				} else {
					err = cw.Write([]string{a.ID, a.Name, string(a.Type), a.Country, a.Code, fmt.Sprint(a.Articles), fmt.Sprint(a.Mentions),
						dayOf(a.FirstSeen), dayOf(a.LastSeen), strings.Join(a.Aliases, "|")})
				}
				if err != nil {
					return n, err
				}
				n++
			}
			if len(as) < exportPage {
				return n, nil
			}
		}
	case "articles":
		if format == "csv" {
			cw.Write([]string{"id", "published", "title", "url", "source", "site_name", "language", "country", "duplicate_of", "sentences", "entities", "quotes", "events"})
		}
		for off := 0; ; off += exportPage {
			as, err := store.Articles(ctx, dragoman.ArticleFilter{Since: since, Until: until, IncludeDuplicates: dups, Limit: exportPage, Offset: off})
			if err != nil {
				return n, err
			}
			for _, a := range as {
				if format == "jsonl" {
					err = enc.Encode(a)
				} else {
					err = cw.Write([]string{a.ID, dayOf(a.Published), a.Title, a.URL, a.Source, a.SiteName, a.Language, a.Country, a.DuplicateOf,
						fmt.Sprint(a.Sentences), fmt.Sprint(a.Entities), fmt.Sprint(a.Quotes), fmt.Sprint(a.Events)})
				}
				if err != nil {
					return n, err
				}
				n++
			}
			if len(as) < exportPage {
				return n, nil
			}
		}
	}
	return n, nil
}

func side(a *dragoman.EventActor) dragoman.EventActor {
	if a == nil {
		return dragoman.EventActor{}
	}
	return *a
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func btoa(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// GDELTColumns is the number of columns of a GDELT 2.0 Event record.
const GDELTColumns = 61

// gdeltRecord lays an event out as a GDELT 2.0 Event record (see
// http://data.gdeltproject.org/documentation/GDELT-Event_Codebook-V2.0.pdf
// and the column list in ../shared/data/cameo/gdelt_schema). Fields
// dragoman does not know (religion, ethnicity, tone, coordinates) are
// empty; counts of mentions, sources and articles are 1.
func gdeltRecord(e dragoman.EventRecord) []string {
	r := make([]string, GDELTColumns)
	r[0] = strconv.FormatInt(e.Seq, 10)
	if t, err := time.Parse("2006-01-02", e.Date); err == nil {
		r[1] = t.Format("20060102")
		r[2] = t.Format("200601")
		r[3] = t.Format("2006")
		r[4] = strconv.FormatFloat(float64(t.Year())+float64(t.YearDay())/365, 'f', 4, 64)
	}
	actor := func(off int, a *dragoman.EventActor) {
		if a == nil {
			return
		}
		code := strings.ToUpper(a.Code)
		r[off] = code
		r[off+1] = strings.ToUpper(a.Name)
		r[off+2] = a.Country
		// Role codes follow the country in a CAMEO actor code: RUSGOVMIL.
		rest := code
		if a.Country != "" && strings.HasPrefix(code, a.Country) {
			rest = code[len(a.Country):]
		} else if len(code) >= 3 && (strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO") || strings.HasPrefix(code, "MNC")) {
			r[off+3] = code // known group
			rest = ""
		}
		for i := 0; i < 3 && len(rest) >= 3; i++ {
			r[off+7+i] = rest[:3]
			rest = rest[3:]
		}
	}
	actor(5, e.Source)
	actor(15, e.Target)
	r[25] = "0"
	r[26], r[27], r[28] = e.Code, e.Base, e.Root
	r[29] = strconv.Itoa(e.QuadClass)
	r[30] = strconv.FormatFloat(e.Goldstein, 'f', 1, 64)
	r[31], r[32], r[33] = "1", "1", "1"
	r[34] = "0"
	r[35], r[43], r[51] = "0", "0", "0"
	if e.Location != "" || e.LocationCountry != "" {
		r[51] = "1" // country-level: dragoman knows the country, not coordinates
		r[52] = e.Location
		r[53] = fips(e.LocationCountry)
		if e.Location == "" {
			r[52] = e.LocationCountry
		}
	}
	if !e.IngestedAt.IsZero() {
		r[59] = e.IngestedAt.UTC().Format("20060102150405")
	}
	r[60] = e.URL
	return r
}

// fips turns an ISO 3166 alpha-3 code into the FIPS 10-4 code GDELT uses
// for places.
func fips(iso3 string) string {
	if iso3 == "" {
		return ""
	}
	c := countries.ByName(iso3)
	if c == countries.Unknown {
		return ""
	}
	return c.FIPS()
}
