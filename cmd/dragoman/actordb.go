package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dragoman-news/dragoman"
)

func init() {
	var (
		db     string
		asJSON bool
		list   dragoman.ActorFilter
	)
	cmd := &cobra.Command{
		Use:   "actor NAME|ID",
		Short: "Show an actor of the corpus: names, roles over time, quotes, events, company",
		Long: `actor shows one person, organization or country across the stored
articles: the names it goes by, the roles the articles gave it and when,
what it said, the events where it acts or is acted upon, and the actors most
often mentioned beside it.

The same actor is found under every spelling seen ("Sergei Lavrov",
"Sergey Lavrov"), under its surname, or under its id (A3f9c...). When the
automatic grouping is wrong, fix it by hand; the fix is remembered by
later ingests:

  dragoman actor merge INTO FROM     fold FROM into INTO
  dragoman actor split ACTOR ALIAS…  move the named aliases to a new actor
  dragoman actor list [--name PREFIX] [--type PERSON]

Examples:

  dragoman actor "Sergei Lavrov"
  dragoman actor Lavrov --json
  dragoman actor merge "Moscow Exchange" MOEX
  dragoman actor split A1b2c3d4e5 "John Smith Jr"`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			store, err := openStore(ctx, db, true)
			if err != nil {
				return err
			}
			defer store.Close()
			p, err := store.Actor(ctx, strings.Join(args, " "))
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), p)
			}
			return printActor(cmd.OutOrStdout(), p)
		},
	}
	addDBFlag(cmd.PersistentFlags(), &db)
	cmd.PersistentFlags().BoolVar(&asJSON, "json", false, "print JSON")

	merge := &cobra.Command{
		Use:   "merge INTO FROM",
		Short: "Fold actor FROM into actor INTO, and remember it",
		Long: `merge folds one actor into another: its names, mentions, quotes and events
move, its id keeps pointing at the merged actor, and articles ingested later
under its names go to the merged actor. INTO and FROM are names or ids.

Example:

  dragoman actor merge "Moscow Exchange" MOEX`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			store, err := openStore(ctx, db, false)
			if err != nil {
				return err
			}
			defer store.Close()
			a, err := store.MergeActors(ctx, args[0], args[1])
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), a)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "merged %q into %s %s (aliases: %s)\n", args[1], a.ID, a.Name, strings.Join(a.Aliases, ", "))
			return nil
		},
	}
	split := &cobra.Command{
		Use:   "split ACTOR ALIAS...",
		Short: "Move some aliases of an actor to a new actor, and remember it",
		Long: `split undoes a wrong grouping: the named aliases of ACTOR (a name or id)
move to a new actor, with the mentions, quotes and events written under
them, and later ingests keep them apart.

Example:

  dragoman actor split "John Smith" "John Smith Jr"`,
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			store, err := openStore(ctx, db, false)
			if err != nil {
				return err
			}
			defer store.Close()
			a, err := store.SplitActor(ctx, args[0], args[1:])
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), a)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "split %s off %q as %s (%d articles)\n", strings.Join(args[1:], ", "), args[0], a.ID, a.Articles)
			return nil
		},
	}
	var typ string
	listCmd := &cobra.Command{
		Use:   "list",
		Short: "List actors, most mentioned first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			store, err := openStore(ctx, db, true)
			if err != nil {
				return err
			}
			defer store.Close()
			list.Type = dragoman.EntityType(strings.ToUpper(typ))
			as, err := store.Actors(ctx, list)
			if err != nil {
				return err
			}
			if asJSON {
				if as == nil {
					as = []dragoman.Actor{}
				}
				return writeJSON(cmd.OutOrStdout(), as)
			}
			t := newTable(cmd.OutOrStdout(), "ID", "NAME", "TYPE", "COUNTRY", "CODE", "ARTICLES", "MENTIONS", "ALIASES")
			for _, a := range as {
				t.row(a.ID, cell(a.Name, 32), string(a.Type), orDash(a.Country), orDash(a.Code), fmt.Sprint(a.Articles), fmt.Sprint(a.Mentions), cell(strings.Join(a.Aliases, "; "), 40))
			}
			return t.flush()
		},
	}
	listCmd.Flags().StringVar(&list.Name, "name", "", "only actors with a name starting with this")
	listCmd.Flags().StringVar(&typ, "type", "", "only actors of this type (PERSON, ORG, GPE...)")
	listCmd.Flags().StringVar(&list.Country, "country", "", "only actors of this country")
	listCmd.Flags().IntVar(&list.Limit, "limit", 50, "how many")
	cmd.AddCommand(merge, split, listCmd)
	rootCmd.AddCommand(cmd)
}

func printActor(w io.Writer, p *dragoman.ActorProfile) error {
	fmt.Fprintf(w, "%s  %s  (%s", p.ID, p.Name, p.Type)
	if p.Country != "" {
		fmt.Fprintf(w, ", %s", p.Country)
	}
	if p.Code != "" {
		fmt.Fprintf(w, ", CAMEO %s", p.Code)
	}
	fmt.Fprintf(w, ")\n%d articles, %d mentions, seen %s .. %s\n", p.Articles, p.Mentions, dayOf(p.FirstSeen), dayOf(p.LastSeen))
	if len(p.Aliases) > 0 {
		fmt.Fprintf(w, "also: %s\n", strings.Join(p.Aliases, "; "))
	}
	if len(p.Roles) > 0 {
		fmt.Fprintln(w, "\nROLES")
		t := newTable(w, "FROM", "TO", "ROLE", "ARTICLES")
		for _, r := range p.Roles {
			role := r.Title
			if r.Former {
				role = "former " + role
			}
			if r.Of != "" {
				role += " (" + r.Of + ")"
			}
			t.row(dayOf(r.FirstSeen), dayOf(r.LastSeen), role, fmt.Sprint(r.Count))
		}
		t.flush()
	}
	if len(p.Quotes) > 0 {
		fmt.Fprintln(w, "\nQUOTES")
		t := newTable(w, "DATE", "KIND", "QUOTE")
		for _, q := range p.Quotes {
			t.row(dayOf(q.Published), string(q.Kind), cell(q.Text, 90))
		}
		t.flush()
	}
	for _, side := range []struct {
		title string
		evs   []dragoman.EventRecord
	}{{"EVENTS AS SOURCE", p.AsSource}, {"EVENTS AS TARGET", p.AsTarget}} {
		if len(side.evs) == 0 {
			continue
		}
		fmt.Fprintln(w, "\n"+side.title)
		t := newTable(w, "DATE", "SOURCE", "CODE", "TARGET", "GOLDSTEIN", "EVIDENCE")
		for _, e := range side.evs {
			t.row(e.Date, sideName(e.Source), e.Code+" "+cell(e.Label, 24), sideName(e.Target), fmt.Sprintf("%+.1f", e.Goldstein), cell(e.Evidence, 50))
		}
		t.flush()
	}
	if len(p.Neighbors) > 0 {
		fmt.Fprintln(w, "\nMOST OFTEN BESIDE")
		t := newTable(w, "ID", "NAME", "TYPE", "ARTICLES TOGETHER")
		for _, n := range p.Neighbors {
			t.row(n.ID, cell(n.Name, 32), string(n.Type), fmt.Sprint(n.Together))
		}
		t.flush()
	}
	return nil
}
