package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/dragoman-news/dragoman/article"
	"github.com/dragoman-news/dragoman/queue"
)

// publishSummary is what `ingest --queue` did.
type publishSummary struct {
	Read      int      `json:"read"`
	Published int      `json:"published"`
	Failed    int      `json:"failed"`
	Pending   uint64   `json:"pending"` // articles the stream holds for the workers at the end
	Seconds   float64  `json:"seconds"`
	PerSecond float64  `json:"articles_per_second"`
	Failures  []string `json:"failures"`
}

// runPublish is `dragoman ingest --queue`: it reads the articles and
// publishes them to the stream for `dragoman worker` processes to analyse
// and store, showing progress and the stream's pending count.
func runPublish(ctx context.Context, inputs []string, opts article.Options, qf queueFlags, asJSON bool, mode string, every time.Duration, stdout, stderr io.Writer) error {
	q, err := queue.Open(ctx, qf.config())
	if err != nil {
		return err
	}
	defer q.Close()
	if mode == "auto" {
		mode = "lines"
		if file, ok := stderr.(*os.File); ok && term.IsTerminal(int(file.Fd())) {
			mode = "bar"
		}
	}
	var bar *progressbar.ProgressBar
	total := -1
	if mode == "bar" {
		total = estimateArticles(inputs)
		bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("publish"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	start := time.Now()
	var sum publishSummary
	var lastPending, lastLine time.Time
	var pending uint64
	show := func(final bool) {
		if time.Since(lastPending) > time.Second || final {
			lastPending = time.Now()
			if n, err := q.Pending(ctx); err == nil {
				pending = n
			}
		}
		switch mode {
		case "bar":
			if sum.Read > total {
				total = sum.Read * 11 / 10
				bar.ChangeMax(total)
			}
			bar.Describe(fmt.Sprintf("publish (stream pending %d)", pending))
			bar.Set(sum.Read)
		case "lines":
			if time.Since(lastLine) < every && !final {
				return
			}
			lastLine = time.Now()
			rate := float64(sum.Published) / max(time.Since(start).Seconds(), 0.001)
			fmt.Fprintf(stderr, "publish: %d read, %d published, %d failed, %.0f articles/s, stream pending %d\n",
				sum.Read, sum.Published, sum.Failed, rate, pending)
		}
	}
	for it, err := range article.ReadAll(ctx, inputs, opts) {
		if ctx.Err() != nil {
			break
		}
		sum.Read++
		if err == nil {
			err = q.Publish(ctx, it.Article)
		}
		if err != nil {
			sum.Failed++
			if len(sum.Failures) < 100 {
				sum.Failures = append(sum.Failures, err.Error())
			}
		} else {
			sum.Published++
		}
		show(false)
	}
	show(true)
	if bar != nil {
		bar.Finish()
	}
	sum.Pending = pending
	sum.Seconds = time.Since(start).Seconds()
	sum.PerSecond = float64(sum.Published) / max(sum.Seconds, 0.001)
	if asJSON {
		if sum.Failures == nil {
			sum.Failures = []string{}
		}
		if err := writeJSON(stdout, sum); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(stdout, "published %d of %d articles to stream %s in %s (%.0f articles/s); %d wait for a worker\n",
			sum.Published, sum.Read, q.Config().Stream, time.Since(start).Round(time.Millisecond), sum.PerSecond, sum.Pending)
		for _, f := range sum.Failures {
			fmt.Fprintln(stdout, "  failed:", f)
		}
		if sum.Published > 0 {
			fmt.Fprintf(stdout, "start workers with: dragoman worker --queue %s --db postgres://... --stream %s\n", qf.url, q.Config().Stream)
		}
	}
	if ctx.Err() != nil {
		return fmt.Errorf("publishing stopped: %w", ctx.Err())
	}
	if sum.Failed > 0 {
		return errSilent
	}
	return nil
}
