package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/internal/dbopen"
	"github.com/dragoman-news/dragoman/pipeline"
	"github.com/dragoman-news/dragoman/queue"
)

type workerFlags struct {
	queue        queueFlags
	db           string
	batch        int
	jobs         int
	dicts        []string
	metricsAddr  string
	stopWhenIdle time.Duration
	every        time.Duration
	deadLetters  bool
	limit        int
	json         bool
}

func init() {
	var f workerFlags
	cmd := &cobra.Command{
		Use:   "worker --queue nats://HOST:4222 --db postgres://...",
		Short: "Analyse and store the articles published to a NATS queue",
		Long: `worker pulls articles from the NATS JetStream stream that
` + "`dragoman ingest --queue`" + ` fills, analyses them with every stage, stores
them in the database (--db: a postgres:// URL, so that many workers on many
machines share one store; a SQLite file works for a single worker) and
acknowledges each article only after the write has committed.

Run as many workers as you like, on any machines that reach the NATS server
and the database: they share one durable consumer, so each article goes to
one worker at a time. A worker that dies (even kill -9) loses nothing: the
articles it held are delivered again after --ack-wait, and the store skips
an article it already has, so each is stored exactly once. An article that
fails --max-deliver times goes to the dead-letter subject with its error;
list them with --dead-letters.

SIGTERM or Ctrl-C stops a worker cleanly: it finishes the batch in hand.
--stop-when-idle makes it exit once the stream has been empty that long
(batch jobs). --metrics-addr serves Prometheus metrics on /metrics.

A postgres:// URL may carry search_path=NAME to keep the tables in their
own schema (created when missing).

Examples:

  dragoman worker --queue nats://10.0.0.5:4222 --db postgres://dragoman@10.0.0.6/news
  dragoman worker --queue nats://127.0.0.1:4222 --db postgres://127.0.0.1/news --metrics-addr :9108
  dragoman worker --queue nats://127.0.0.1:4222 --db news.db --stop-when-idle 30s
  dragoman worker --queue nats://127.0.0.1:4222 --dead-letters`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.queue.url == "" {
				return fmt.Errorf("--queue: give the NATS URL (nats://host:4222) or set DRAGOMAN_QUEUE")
			}
			if f.deadLetters {
				return listDeadLetters(cmd.Context(), f, cmd.OutOrStdout())
			}
			return runWorker(cmd.Context(), f, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	fl := cmd.Flags()
	addQueueFlags(fl, &f.queue)
	addDBFlag(fl, &f.db)
	fl.IntVar(&f.batch, "batch", 16, "articles fetched, analysed and written at once by each job")
	fl.IntVarP(&f.jobs, "jobs", "j", runtime.NumCPU(), "articles analysed in parallel (each job pulls its own batches)")
	fl.StringSliceVar(&f.dicts, "dicts", nil, "PETRARCH/Phoenix actor dictionary `FILE`s to load")
	fl.StringVar(&f.metricsAddr, "metrics-addr", "", "serve Prometheus metrics on this `ADDRESS` (:9108), at /metrics")
	fl.DurationVar(&f.stopWhenIdle, "stop-when-idle", 0, "exit once the stream has had nothing to deliver for this long (0: run until stopped)")
	fl.DurationVar(&f.every, "progress-every", 10*time.Second, "how often a progress line is printed on stderr (0: never)")
	fl.BoolVar(&f.deadLetters, "dead-letters", false, "list the articles that failed every try, and exit")
	fl.IntVar(&f.limit, "limit", 100, "with --dead-letters: list at most this many")
	fl.BoolVar(&f.json, "json", false, "print the summary (or the dead letters) as JSON")
	rootCmd.AddCommand(cmd)
}

// workerStats counts what a worker did; the metrics page and the summary
// read it.
type workerStats struct {
	start     time.Time
	stored    atomic.Int64 // articles added to the store
	skipped   atomic.Int64 // already stored (a redelivery, or published twice)
	nearDups  atomic.Int64
	failed    atomic.Int64 // analysis or store failures (each try)
	batches   atomic.Int64
	storeSecs atomic.Int64 // microseconds spent in Put
	firstAt   atomic.Int64 // unix nanoseconds: the first batch received
	lastAt    atomic.Int64 // unix nanoseconds: the last batch done

	mu      sync.Mutex
	samples []rateSample // done counts over the last minute
}

type rateSample struct {
	at   time.Time
	done int64
}

// sample records the count of articles done (stored or skipped).
func (s *workerStats) sample() {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	s.samples = append(s.samples, rateSample{now, s.stored.Load() + s.skipped.Load()})
	for len(s.samples) > 2 && now.Sub(s.samples[0].at) > time.Minute {
		s.samples = s.samples[1:]
	}
}

// rate is articles per second over the last minute.
func (s *workerStats) rate() float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.samples) == 0 {
		return 0
	}
	first, last := s.samples[0], rateSample{time.Now(), s.stored.Load() + s.skipped.Load()}
	if len(s.samples) == 1 {
		first = rateSample{s.start, 0}
	}
	secs := last.at.Sub(first.at).Seconds()
	if secs <= 0 {
		return 0
	}
	return float64(last.done-first.done) / secs
}

func (s *workerStats) metrics(q queue.Counters) string {
	var b strings.Builder
	b.WriteString(q.Metrics())
	metric := func(name, typ, help string, v any) {
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n%s %v\n", name, help, name, typ, name, v)
	}
	metric("dragoman_worker_articles_stored_total", "counter", "Articles analysed and added to the store.", s.stored.Load())
	metric("dragoman_worker_articles_skipped_total", "counter", "Articles already stored (redelivered or published twice).", s.skipped.Load())
	metric("dragoman_worker_near_duplicates_total", "counter", "Articles stored as near-duplicates of a first copy.", s.nearDups.Load())
	metric("dragoman_worker_failures_total", "counter", "Article tries that failed to be analysed or stored.", s.failed.Load())
	metric("dragoman_worker_dead_letters_total", "counter", "Articles moved to the dead-letter subject.", q.Dead)
	metric("dragoman_worker_redeliveries_total", "counter", "Articles received more than once.", q.Redelivered)
	metric("dragoman_worker_batches_total", "counter", "Batches written.", s.batches.Load())
	metric("dragoman_worker_store_seconds_total", "counter", "Time spent writing to the store.", float64(s.storeSecs.Load())/1e6)
	metric("dragoman_worker_articles_per_second", "gauge", "Articles done (stored or skipped) per second over the last minute.", fmt.Sprintf("%.3f", s.rate()))
	metric("dragoman_worker_uptime_seconds", "gauge", "Seconds since the worker started.", fmt.Sprintf("%.0f", time.Since(s.start).Seconds()))
	return b.String()
}

func runWorker(ctx context.Context, f workerFlags, stdout, stderr io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	store, err := dbopen.Open(ctx, f.db, dbopen.Options{})
	if err != nil {
		return err
	}
	defer store.Close()
	p, err := pipeline.New(pipeline.Options{ActorDicts: f.dicts})
	if err != nil {
		return err
	}
	q, err := queue.Open(ctx, f.queue.config())
	if err != nil {
		return err
	}
	defer q.Close()
	st := &workerStats{start: time.Now()}
	if f.metricsAddr != "" {
		ln, err := net.Listen("tcp", f.metricsAddr)
		if err != nil {
			return fmt.Errorf("--metrics-addr %s: %w", f.metricsAddr, err)
		}
		mux := http.NewServeMux()
		mux.HandleFunc("/metrics", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/plain; version=0.0.4")
			io.WriteString(w, st.metrics(q.Counters()))
		})
		srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
		go srv.Serve(ln)
		defer srv.Close()
		fmt.Fprintf(stderr, "worker: metrics on http://%s/metrics\n", ln.Addr())
	}
	// Each job is a pull loop of its own that analyses its batch on one
	// core and writes it: while one loop writes, the others analyse, and
	// no loop waits for the slowest article of another's batch.
	jobs := max(f.jobs, 1)
	handle := func(ctx context.Context, arts []dragoman.Article) []error {
		st.firstAt.CompareAndSwap(0, time.Now().UnixNano())
		defer func() {
			st.lastAt.Store(time.Now().UnixNano())
			st.sample()
		}()
		return storeBatch(ctx, store, p, arts, 1, st)
	}
	if f.every > 0 {
		tick := time.NewTicker(f.every)
		defer tick.Stop()
		go func() {
			for {
				select {
				case <-tick.C:
					c := q.Counters()
					fmt.Fprintf(stderr, "worker: %d stored, %d already stored, %d failed tries, %d redelivered, %d dead letters, %.1f articles/s\n",
						st.stored.Load(), st.skipped.Load(), st.failed.Load(), c.Redelivered, c.Dead, st.rate())
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	fmt.Fprintf(stderr, "worker: pulling from stream %s (consumer %s) on %s\n", q.Config().Stream, q.Config().Durable, f.queue.url)
	werrs := make([]error, jobs)
	var wg sync.WaitGroup
	for i := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			werrs[i] = q.Work(ctx, queue.WorkOptions{Batch: f.batch, StopWhenIdle: f.stopWhenIdle}, handle)
		}()
	}
	wg.Wait()
	werr := errors.Join(werrs...)
	c := q.Counters()
	elapsed := time.Since(st.start)
	sum := struct {
		Stored      int64   `json:"stored"`
		Skipped     int64   `json:"skipped"`
		NearDups    int64   `json:"near_duplicates"`
		Failed      int64   `json:"failed_tries"`
		Redelivered int64   `json:"redelivered"`
		Dead        int64   `json:"dead_letters"`
		Seconds     float64 `json:"seconds"`
		// From the first batch received to the last one stored: the
		// time the worker was busy, without start-up and idle waits.
		BusySeconds float64 `json:"busy_seconds"`
	}{st.stored.Load(), st.skipped.Load(), st.nearDups.Load(), st.failed.Load(), c.Redelivered, c.Dead, elapsed.Seconds(),
		float64(st.lastAt.Load()-st.firstAt.Load()) / 1e9}
	if f.json {
		if err := writeJSON(stdout, sum); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(stdout, "worker: %d stored, %d already stored, %d near-duplicates, %d failed tries, %d redelivered, %d dead letters in %s (busy %.1fs)\n",
			sum.Stored, sum.Skipped, sum.NearDups, sum.Failed, sum.Redelivered, sum.Dead, elapsed.Round(time.Millisecond), sum.BusySeconds)
	}
	return werr
}

// storeBatch analyses the articles not yet stored and stores them in one
// transaction. It returns one error per article: nil for an article that
// is committed (or was already), so that the queue acknowledges it.
func storeBatch(ctx context.Context, store dragoman.Store, p *pipeline.Pipeline, arts []dragoman.Article, jobs int, st *workerStats) []error {
	errs := make([]error, len(arts))
	fail := func(err error) []error {
		for i := range errs {
			errs[i] = err
		}
		st.failed.Add(int64(len(arts)))
		return errs
	}
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	has, err := store.Has(ctx, ids)
	if err != nil {
		return fail(err)
	}
	docs := make([]*dragoman.Document, len(arts))
	var wg sync.WaitGroup
	sem := make(chan struct{}, jobs)
	for i, a := range arts {
		if a.ID == "" {
			errs[i] = dragoman.Errorf(dragoman.EINVALID, "article from %s has no id", a.Source)
			continue
		}
		if has[a.ID] {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			docs[i], errs[i] = analyzeArticle(ctx, p, a)
		}()
	}
	wg.Wait()
	var batch dragoman.Batch
	where := map[string]int{}
	for i, d := range docs {
		if d != nil {
			batch.Documents = append(batch.Documents, d)
			where[d.Article.ID] = i
		} else if errs[i] != nil {
			st.failed.Add(1)
			batch.Failures = append(batch.Failures, dragoman.IngestFailure{Source: arts[i].Source, ArticleID: arts[i].ID,
				Stage: stageOf(errs[i]), Message: errs[i].Error(), At: time.Now().UTC()})
		} else {
			st.skipped.Add(1)
		}
	}
	if len(batch.Documents)+len(batch.Failures) == 0 {
		return errs
	}
	t0 := time.Now()
	res, err := store.Put(ctx, batch)
	st.storeSecs.Add(time.Since(t0).Microseconds())
	if err != nil && dragoman.ErrorCode(err) != dragoman.EUNAVAILABLE && ctx.Err() == nil {
		// One document broke the batch: store them one by one.
		res, err = dragoman.PutResult{}, nil
		for _, d := range batch.Documents {
			r, perr := store.Put(ctx, dragoman.Batch{Documents: []*dragoman.Document{d}})
			if perr != nil {
				if dragoman.ErrorCode(perr) == dragoman.EUNAVAILABLE || ctx.Err() != nil {
					err = perr
					break
				}
				errs[where[d.Article.ID]] = fmt.Errorf("store: %w", perr)
				st.failed.Add(1)
				continue
			}
			res.Added = append(res.Added, r.Added...)
			res.Skipped = append(res.Skipped, r.Skipped...)
			res.NearDuplicates = append(res.NearDuplicates, r.NearDuplicates...)
		}
	}
	if err != nil {
		for _, d := range batch.Documents {
			errs[where[d.Article.ID]] = err
		}
		st.failed.Add(int64(len(batch.Documents)))
		return errs
	}
	st.batches.Add(1)
	st.stored.Add(int64(len(res.Added)))
	st.skipped.Add(int64(len(res.Skipped)))
	st.nearDups.Add(int64(len(res.NearDuplicates)))
	return errs
}

// analyzeArticle runs the pipeline on one article; a panic in a stage is
// the article's error.
func analyzeArticle(ctx context.Context, p *pipeline.Pipeline, a dragoman.Article) (d *dragoman.Document, err error) {
	d = dragoman.NewDocument(a)
	defer func() {
		if r := recover(); r != nil {
			stack := string(debug.Stack())
			if i := strings.Index(stack, "panic("); i >= 0 {
				stack = stack[i:]
			}
			d, err = nil, fmt.Errorf("analyze: panic: %v\n%.600s", r, stack)
		}
	}()
	if err := p.Run(ctx, d); err != nil {
		return nil, err
	}
	return d, nil
}

// stageOf reads the stage name a pipeline error starts with ("ner: ...").
func stageOf(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, ":"); i > 0 && !strings.Contains(msg[:i], " ") {
		return msg[:i]
	}
	return "analyze"
}

func listDeadLetters(ctx context.Context, f workerFlags, stdout io.Writer) error {
	q, err := queue.Open(ctx, f.queue.config())
	if err != nil {
		return err
	}
	defer q.Close()
	dls, err := q.DeadLetters(ctx, f.limit)
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("read dead letters of stream %s: %w", f.queue.stream, err)
	}
	if f.json {
		if dls == nil {
			dls = []queue.DeadLetter{}
		}
		return writeJSON(stdout, dls)
	}
	if len(dls) == 0 {
		fmt.Fprintf(stdout, "no dead letters on %s\n", q.Config().DeadSubject)
		return nil
	}
	t := newTable(stdout, "TRIES", "ID", "SOURCE", "ERROR")
	for _, d := range dls {
		t.row(fmt.Sprint(d.Tries), orDash(d.ID), cell(orDash(d.Source), 40), cell(d.Error, 80))
	}
	return t.flush()
}
