// Package ingest reads articles, analyses them in parallel and writes them
// to a Store in batched transactions. It knows nothing of terminals: the
// caller gets progress through a callback.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/article"
)

// Analyzer runs the pipeline on one document (pipeline.Pipeline.Run).
type Analyzer func(ctx context.Context, d *dragoman.Document) error

// Options tune an ingest. The zero value works.
type Options struct {
	Workers   int           // analysis goroutines; zero means the number of CPUs
	BatchSize int           // documents per transaction; zero means 64
	MaxDelay  time.Duration // longest a document waits for its batch; zero means 1s
	// Timeout bounds the analysis of one article; an article that takes
	// longer is recorded as failed ("timed out") and the run goes on. Zero
	// means one minute.
	Timeout time.Duration
	// Progress, when set, is called after every batch and when reading
	// ends, from one goroutine.
	Progress func(Counts)
}

// Counts is where an ingest stands.
type Counts struct {
	Read           int // articles read (and input errors)
	Added          int
	Skipped        int // already stored (same id)
	NearDuplicates int // added, linked to a first copy
	Failed         int
	ReadDone       bool // every input has been read
	Elapsed        time.Duration
}

// Summary is the outcome of an ingest.
type Summary struct {
	Counts
	Failures []dragoman.IngestFailure `json:"failures,omitempty"`
	Dups     []dragoman.NearDup       `json:"near_duplicates,omitempty"`
}

// Run reads items, analyses those not yet stored and stores them. A bad
// article is recorded in the store with its error and the run goes on;
// Run returns an error only when the store cannot be written (locked, full,
// read-only) or ctx is cancelled, and everything committed before stays.
func Run(ctx context.Context, store dragoman.Store, items iter.Seq2[article.Item, error], analyze Analyzer, opts Options) (*Summary, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	batchSize := opts.BatchSize
	if batchSize <= 0 {
		batchSize = 64
	}
	maxDelay := opts.MaxDelay
	if maxDelay <= 0 {
		maxDelay = time.Second
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = time.Minute
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	start := time.Now()

	type result struct {
		doc     *dragoman.Document
		failure *dragoman.IngestFailure
		skipped bool
		readEnd bool
	}
	work := make(chan article.Item, workers*2)
	results := make(chan result, workers*4)

	// Reader: skips articles already stored, in chunks, and hands the
	// rest to the workers.
	go func() {
		defer close(work)
		var pending []article.Item
		flush := func() bool {
			if len(pending) == 0 {
				return true
			}
			ids := make([]string, len(pending))
			for i, it := range pending {
				ids[i] = it.Article.ID
			}
			has, err := store.Has(ctx, ids)
			if err != nil {
				has = nil // analyse them; Put skips stored ids anyway
			}
			for _, it := range pending {
				if has[it.Article.ID] {
					select {
					case results <- result{skipped: true}:
					case <-ctx.Done():
						return false
					}
					continue
				}
				select {
				case work <- it:
				case <-ctx.Done():
					return false
				}
			}
			pending = pending[:0]
			return true
		}
		for it, err := range items {
			if ctx.Err() != nil {
				return
			}
			if err != nil {
				f := failure("", "read", err)
				var ie *article.InputError
				if errors.As(err, &ie) {
					f.Source = ie.Input
					if ie.Record != "" {
						f.Source += "#" + ie.Record
					}
					f.Message = ie.Err.Error()
				}
				select {
				case results <- result{failure: f}:
				case <-ctx.Done():
					return
				}
				continue
			}
			pending = append(pending, it)
			if len(pending) >= 32 && !flush() {
				return
			}
		}
		flush()
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range work {
				d, f := analyzeBounded(ctx, analyze, it, timeout)
				select {
				case results <- result{doc: d, failure: f}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		results <- result{readEnd: true}
		close(results)
	}()

	// Writer: batches documents and failures into transactions.
	sum := &Summary{}
	var batch dragoman.Batch
	var storeErr error
	commit := func() {
		if storeErr != nil || len(batch.Documents)+len(batch.Failures) == 0 {
			return
		}
		res, err := store.Put(ctx, batch)
		if err != nil && !unavailable(err) && ctx.Err() == nil {
			// One document broke the batch: store them one by one and
			// record the ones that fail.
			res, err = putOneByOne(ctx, store, batch, sum)
			batch.Failures = nil // counted by putOneByOne
		}
		if err != nil {
			storeErr = err
			cancel()
			return
		}
		sum.Added += len(res.Added)
		sum.Skipped += len(res.Skipped)
		sum.NearDuplicates += len(res.NearDuplicates)
		sum.Dups = append(sum.Dups, res.NearDuplicates...)
		sum.Failures = append(sum.Failures, batch.Failures...)
		sum.Failed += len(batch.Failures)
		batch = dragoman.Batch{}
		sum.Elapsed = time.Since(start)
		if opts.Progress != nil {
			opts.Progress(sum.Counts)
		}
	}
	timer := time.NewTimer(maxDelay)
	defer timer.Stop()
loop:
	for {
		select {
		case r, ok := <-results:
			if !ok {
				break loop
			}
			switch {
			case r.readEnd:
				sum.ReadDone = true
				continue
			case r.skipped:
				sum.Read++
				sum.Skipped++
				continue
			}
			sum.Read++
			if r.failure != nil {
				batch.Failures = append(batch.Failures, *r.failure)
			} else {
				batch.Documents = append(batch.Documents, r.doc)
			}
			if len(batch.Documents)+len(batch.Failures) >= batchSize {
				commit()
			}
		case <-timer.C:
			commit()
			timer.Reset(maxDelay)
		}
		if storeErr != nil {
			break
		}
	}
	if storeErr == nil && ctx.Err() == nil {
		commit()
	}
	for range results { // let the goroutines finish
	}
	sum.Elapsed = time.Since(start)
	if storeErr != nil {
		return sum, storeErr
	}
	if opts.Progress != nil {
		opts.Progress(sum.Counts)
	}
	return sum, ctx.Err()
}

// analyzeBounded runs analyzeOne with a deadline. A stage that ignores
// its context and runs past the deadline is left behind (its goroutine
// finishes on its own) and the article is recorded as timed out.
func analyzeBounded(ctx context.Context, analyze Analyzer, it article.Item, timeout time.Duration) (*dragoman.Document, *dragoman.IngestFailure) {
	actx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	type result struct {
		d *dragoman.Document
		f *dragoman.IngestFailure
	}
	done := make(chan result, 1)
	go func() {
		d, f := analyzeOne(actx, analyze, it)
		done <- result{d, f}
	}()
	select {
	case r := <-done:
		if r.f != nil && actx.Err() == context.DeadlineExceeded && ctx.Err() == nil {
			r.f.Stage, r.f.Message = "analyze", fmt.Sprintf("timed out after %v", timeout)
		}
		return r.d, r.f
	case <-actx.Done():
		if ctx.Err() != nil {
			return nil, failure(it.Article.Source, "analyze", ctx.Err())
		}
		f := failure(it.Article.Source, "analyze", fmt.Errorf("timed out after %v", timeout))
		f.ArticleID = it.Article.ID
		return nil, f
	}
}

// analyzeOne runs the pipeline on one article; a panic in a stage becomes
// the article's failure.
func analyzeOne(ctx context.Context, analyze Analyzer, it article.Item) (d *dragoman.Document, f *dragoman.IngestFailure) {
	d = dragoman.NewDocument(it.Article)
	d.Warnings = append(d.Warnings, it.Warnings...)
	defer func() {
		if r := recover(); r != nil {
			msg := fmt.Sprintf("panic: %v", r)
			if at := panicSite(string(debug.Stack())); at != "" {
				msg += " (at " + at + ")"
			}
			d = nil
			f = failure(it.Article.Source, "analyze", errors.New(msg))
			f.ArticleID = it.Article.ID
		}
	}()
	if err := analyze(ctx, d); err != nil {
		stage := "analyze"
		if i := strings.Index(err.Error(), ":"); i > 0 && !strings.Contains(err.Error()[:i], " ") {
			stage = err.Error()[:i]
		}
		f = failure(it.Article.Source, stage, err)
		f.ArticleID = it.Article.ID
		return nil, f
	}
	return d, nil
}

// panicSite returns the function and file:line that panicked, from a
// stack trace: the first frame after the runtime's panic frames. It has no
// addresses, so that the same panic gives the same message every time.
func panicSite(stack string) string {
	lines := strings.Split(stack, "\n")
	for i := 0; i+1 < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "panic(") {
			continue
		}
		for j := i + 2; j+1 < len(lines); j += 2 {
			fn := lines[j]
			if strings.HasPrefix(fn, "runtime.") {
				continue
			}
			if k := strings.LastIndexByte(fn, '('); k > 0 {
				fn = fn[:k]
			}
			loc := strings.TrimSpace(lines[j+1])
			if k := strings.Index(loc, " +0x"); k > 0 {
				loc = loc[:k]
			}
			return fn + " " + loc
		}
	}
	return ""
}

func failure(source, stage string, err error) *dragoman.IngestFailure {
	return &dragoman.IngestFailure{Source: source, Stage: stage, Message: err.Error(), At: time.Now().UTC()}
}

// putOneByOne stores a batch document by document, recording those the
// store refuses.
func putOneByOne(ctx context.Context, store dragoman.Store, b dragoman.Batch, sum *Summary) (dragoman.PutResult, error) {
	var all dragoman.PutResult
	for _, d := range b.Documents {
		res, err := store.Put(ctx, dragoman.Batch{Documents: []*dragoman.Document{d}})
		if err != nil {
			if unavailable(err) || ctx.Err() != nil {
				return all, err
			}
			f := failure(d.Article.Source, "store", err)
			f.ArticleID = d.Article.ID
			b.Failures = append(b.Failures, *f)
			continue
		}
		all.Added = append(all.Added, res.Added...)
		all.Skipped = append(all.Skipped, res.Skipped...)
		all.NearDuplicates = append(all.NearDuplicates, res.NearDuplicates...)
	}
	if _, err := store.Put(ctx, dragoman.Batch{Failures: b.Failures}); err != nil {
		return all, err
	}
	sum.Failures = append(sum.Failures, b.Failures...)
	sum.Failed += len(b.Failures)
	return all, nil
}

func unavailable(err error) bool { return dragoman.ErrorCode(err) == dragoman.EUNAVAILABLE }
