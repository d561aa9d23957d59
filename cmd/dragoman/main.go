// Command dragoman reads news articles and returns the facts in them: the
// article's parts, who is named, who said what, and what happened, each
// pointing back at the words it came from.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// rootCmd is the top command; every subcommand adds itself to it from its
// own file with an init function.
var rootCmd = &cobra.Command{
	Use:   "dragoman",
	Short: "Turn news about world affairs into facts you can query",
	Long: `dragoman reads news articles (plain text, HTML, JSON Lines, RSS/Atom feeds,
WARC archives) and finds, with every fact pointing back at its words:

  - the article's parts: headline, summary, dateline, byline, date, paragraphs
  - who: people, organizations, countries and places, each resolved to one
    actor with roles and a CAMEO actor code (USAGOV, RUSGOV...)
  - who said what: direct, partial and reported speech with its speaker
  - what happened: CAMEO events with Goldstein score and QuadClass

Start with:

  dragoman analyze examples/articles/geneva-talks.txt`,
	SilenceUsage:  true,
	SilenceErrors: true,
	Version:       version,
}

// errSilent is returned by a command that has already reported its
// problems on stderr and only needs a non-zero exit status.
var errSilent = errors.New("")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := rootCmd.ExecuteContext(ctx); err != nil {
		if err != errSilent && err.Error() != "" {
			fmt.Fprintln(os.Stderr, "dragoman:", err)
		}
		os.Exit(1)
	}
}
