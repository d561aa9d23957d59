// Package queue carries articles between machines on NATS JetStream: an
// ingest publishes them to a stream, and any number of workers pull them
// from one durable consumer, analyse and store them, and acknowledge each
// message only after the store has committed it.
//
// Delivery is at least once. Writes are idempotent by article id, so a
// message redelivered after a worker died is stored exactly once. A message
// that fails MaxDeliver times is moved to the dead-letter subject with its
// error and never blocks the stream.
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Config names the stream, its subjects and the consumer. The zero value
// of every field but URL takes a default.
type Config struct {
	URL         string        // nats://host:4222
	Stream      string        // default "DRAGOMAN"
	Subject     string        // default "dragoman.articles"
	DeadSubject string        // default "dragoman.dead"
	Durable     string        // default "dragoman-workers"
	AckWait     time.Duration // default 60s: a message not acknowledged by then is redelivered
	MaxDeliver  int           // default 5: tries before a message goes to the dead-letter subject
}

func (c *Config) defaults() {
	if c.Stream == "" {
		c.Stream = "DRAGOMAN"
	}
	if c.Subject == "" {
		c.Subject = "dragoman.articles"
	}
	if c.DeadSubject == "" {
		c.DeadSubject = "dragoman.dead"
	}
	if c.Durable == "" {
		c.Durable = "dragoman-workers"
	}
	if c.AckWait <= 0 {
		c.AckWait = 60 * time.Second
	}
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = 5
	}
}

// Queue is a connection to the stream.
type Queue struct {
	cfg    Config
	nc     *nats.Conn
	js     jetstream.JetStream
	stream jetstream.Stream

	// Counters, read by Metrics.
	published   atomic.Int64
	processed   atomic.Int64
	failed      atomic.Int64
	redelivered atomic.Int64
	dead        atomic.Int64
}

// Open connects to NATS and makes sure the stream exists.
func Open(ctx context.Context, cfg Config) (*Queue, error) {
	cfg.defaults()
	if cfg.URL == "" {
		return nil, dragoman.Errorf(dragoman.EINVALID, "queue: no NATS URL given")
	}
	nc, err := nats.Connect(cfg.URL, nats.Name("dragoman"), nats.Timeout(5*time.Second))
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", cfg.URL, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("jetstream: %w", err)
	}
	st, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        cfg.Stream,
		Subjects:    []string{cfg.Subject, cfg.DeadSubject},
		Storage:     jetstream.FileStorage,
		Retention:   jetstream.LimitsPolicy,
		Duplicates:  10 * time.Minute,
		Description: "dragoman articles to analyse, and the ones that failed every try",
	})
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("create stream %s on %s (is JetStream enabled?): %w", cfg.Stream, cfg.URL, err)
	}
	return &Queue{cfg: cfg, nc: nc, js: js, stream: st}, nil
}

// Close drains and closes the connection.
func (q *Queue) Close() error {
	if q.nc == nil {
		return nil
	}
	return q.nc.Drain()
}

// Config returns the configuration in force, defaults filled in.
func (q *Queue) Config() Config { return q.cfg }

// Publish sends one article. The article id is the message id, so the
// stream drops a copy published again within its duplicate window.
func (q *Queue) Publish(ctx context.Context, a dragoman.Article) error {
	data, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("encode article %s: %w", a.Source, err)
	}
	if max := q.nc.MaxPayload(); int64(len(data)) > max {
		return dragoman.Errorf(dragoman.ETOOLARGE, "article %s is %d bytes, over the server's %d-byte message limit", a.Source, len(data), max)
	}
	msg := nats.NewMsg(q.cfg.Subject)
	msg.Data = data
	if a.ID != "" {
		msg.Header.Set(jetstream.MsgIDHeader, a.ID)
	}
	if _, err := q.js.PublishMsg(ctx, msg); err != nil {
		return fmt.Errorf("publish %s: %w", a.Source, err)
	}
	q.published.Add(1)
	return nil
}

func (q *Queue) consumer(ctx context.Context) (jetstream.Consumer, error) {
	c, err := q.stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:       q.cfg.Durable,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.cfg.AckWait,
		MaxDeliver:    q.cfg.MaxDeliver,
		FilterSubject: q.cfg.Subject,
		MaxAckPending: 10000,
	})
	if err != nil {
		return nil, fmt.Errorf("consumer %s: %w", q.cfg.Durable, err)
	}
	return c, nil
}

// Pending returns how many articles wait for a worker: those not yet
// delivered plus those delivered but not acknowledged.
func (q *Queue) Pending(ctx context.Context) (uint64, error) {
	c, err := q.consumer(ctx)
	if err != nil {
		return 0, err
	}
	info, err := c.Info(ctx)
	if err != nil {
		return 0, err
	}
	return info.NumPending + uint64(info.NumAckPending), nil
}

// DeleteStream deletes the stream with every message in it, and its
// consumers. Tests and benchmarks clean up with it.
func (q *Queue) DeleteStream(ctx context.Context) error {
	if err := q.js.DeleteStream(ctx, q.cfg.Stream); err != nil && !errors.Is(err, jetstream.ErrStreamNotFound) {
		return fmt.Errorf("delete stream %s: %w", q.cfg.Stream, err)
	}
	return nil
}

// DeadLetter is what the dead-letter subject holds for a message that
// failed every try.
type DeadLetter struct {
	Error    string          `json:"error"`
	Tries    uint64          `json:"tries"`
	Source   string          `json:"source,omitempty"`
	ID       string          `json:"id,omitempty"`
	Original json.RawMessage `json:"original"`
}

// Handler analyses and stores a batch. It returns one error per article,
// nil for those committed; it must return only after the store committed.
type Handler func(ctx context.Context, batch []dragoman.Article) []error

// WorkOptions tune a worker.
type WorkOptions struct {
	Batch   int           // messages fetched and written at once; default 32
	MaxWait time.Duration // how long a fetch waits for a full batch; default 1s
	// StopWhenIdle ends Work after the stream has had nothing to deliver
	// for this long; zero works until ctx is done.
	StopWhenIdle time.Duration
	// Drain is how long a batch in hand when ctx is done may take to be
	// stored and acknowledged before its context is cancelled too;
	// default 30s. A batch cut short is redelivered after AckWait.
	Drain time.Duration
}

// Work pulls batches from the durable consumer and hands them to h until
// ctx is done (or the stream stays idle for StopWhenIdle).
func (q *Queue) Work(ctx context.Context, opts WorkOptions, h Handler) error {
	if opts.Batch <= 0 {
		opts.Batch = 32
	}
	if opts.MaxWait <= 0 {
		opts.MaxWait = time.Second
	}
	if opts.Drain <= 0 {
		opts.Drain = 30 * time.Second
	}
	// The batch in hand is finished after ctx is done (a clean stop on
	// SIGTERM), within Drain.
	hctx, hcancel := context.WithCancel(context.WithoutCancel(ctx))
	defer hcancel()
	stopDrain := context.AfterFunc(ctx, func() { time.AfterFunc(opts.Drain, hcancel) })
	defer stopDrain()
	c, err := q.consumer(ctx)
	if err != nil {
		return err
	}
	idleSince := time.Now()
	for ctx.Err() == nil {
		batch, err := c.Fetch(opts.Batch, jetstream.FetchMaxWait(opts.MaxWait))
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			return fmt.Errorf("fetch: %w", err)
		}
		var msgs []jetstream.Msg
		for m := range batch.Messages() {
			msgs = append(msgs, m)
		}
		if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
			return fmt.Errorf("fetch: %w", err)
		}
		if len(msgs) == 0 {
			if opts.StopWhenIdle > 0 && time.Since(idleSince) >= opts.StopWhenIdle {
				return nil
			}
			continue
		}
		idleSince = time.Now()
		q.handle(hctx, msgs, h)
	}
	return nil
}

func (q *Queue) handle(ctx context.Context, msgs []jetstream.Msg, h Handler) {
	var arts []dragoman.Article
	var keep []jetstream.Msg
	for _, m := range msgs {
		if md, err := m.Metadata(); err == nil && md.NumDelivered > 1 {
			q.redelivered.Add(1)
		}
		var a dragoman.Article
		if err := json.Unmarshal(m.Data(), &a); err != nil {
			q.deadLetter(ctx, m, fmt.Errorf("decode article: %w", err), true)
			continue
		}
		arts = append(arts, a)
		keep = append(keep, m)
	}
	if len(arts) == 0 {
		return
	}
	errs := h(ctx, arts)
	for i, m := range keep {
		var err error
		if i < len(errs) {
			err = errs[i]
		}
		if err == nil {
			if aerr := m.DoubleAck(ctx); aerr == nil {
				q.processed.Add(1)
			}
			continue
		}
		q.failed.Add(1)
		md, merr := m.Metadata()
		if merr == nil && md.NumDelivered >= uint64(q.cfg.MaxDeliver) {
			q.deadLetter(ctx, m, err, false)
			continue
		}
		_ = m.NakWithDelay(time.Second)
	}
}

// deadLetter publishes the message with its error to the dead-letter
// subject and terminates it so that it is never delivered again.
func (q *Queue) deadLetter(ctx context.Context, m jetstream.Msg, cause error, undecodable bool) {
	dl := DeadLetter{Error: cause.Error(), Original: json.RawMessage(m.Data())}
	if md, err := m.Metadata(); err == nil {
		dl.Tries = md.NumDelivered
	}
	if undecodable || !json.Valid(m.Data()) {
		dl.Original, _ = json.Marshal(string(m.Data()))
	} else {
		var a struct {
			ID     string `json:"id"`
			Source string `json:"source"`
		}
		_ = json.Unmarshal(m.Data(), &a)
		dl.ID, dl.Source = a.ID, a.Source
	}
	data, _ := json.Marshal(dl)
	if _, err := q.js.Publish(ctx, q.cfg.DeadSubject, data); err != nil {
		// Leave the message for redelivery rather than lose it.
		_ = m.NakWithDelay(5 * time.Second)
		return
	}
	q.dead.Add(1)
	_ = m.Term()
}

// DeadLetters reads up to max messages of the dead-letter subject, oldest
// first, without removing them.
func (q *Queue) DeadLetters(ctx context.Context, max int) ([]DeadLetter, error) {
	c, err := q.stream.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{FilterSubjects: []string{q.cfg.DeadSubject}})
	if err != nil {
		return nil, err
	}
	info, err := q.stream.Info(ctx, jetstream.WithSubjectFilter(q.cfg.DeadSubject))
	if err != nil {
		return nil, err
	}
	n := int(info.State.Subjects[q.cfg.DeadSubject])
	if n > max {
		n = max
	}
	var out []DeadLetter
	for len(out) < n {
		batch, err := c.Fetch(n-len(out), jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			return out, err
		}
		got := 0
		for m := range batch.Messages() {
			var dl DeadLetter
			if json.Unmarshal(m.Data(), &dl) == nil {
				out = append(out, dl)
			}
			got++
		}
		if got == 0 {
			break
		}
	}
	return out, nil
}

// Counters is a snapshot of what this process has done.
type Counters struct {
	Published, Processed, Failed, Redelivered, Dead int64
}

// Counters returns this process's counts so far.
func (q *Queue) Counters() Counters {
	return Counters{
		Published:   q.published.Load(),
		Processed:   q.processed.Load(),
		Failed:      q.failed.Load(),
		Redelivered: q.redelivered.Load(),
		Dead:        q.dead.Load(),
	}
}

// Metrics writes the counters in the Prometheus text format.
func (c Counters) Metrics() string {
	line := func(name, help string, v int64) string {
		return "# HELP " + name + " " + help + "\n# TYPE " + name + " counter\n" + name + " " + strconv.FormatInt(v, 10) + "\n"
	}
	return line("dragoman_queue_published_total", "Articles published to the stream.", c.Published) +
		line("dragoman_queue_processed_total", "Articles stored and acknowledged.", c.Processed) +
		line("dragoman_queue_failed_total", "Article tries that failed.", c.Failed) +
		line("dragoman_queue_redelivered_total", "Messages received more than once.", c.Redelivered) +
		line("dragoman_queue_dead_total", "Messages moved to the dead-letter subject.", c.Dead)
}
