package main

import (
	"os"
	"time"

	"github.com/spf13/pflag"

	"github.com/dragoman-news/dragoman/queue"
)

// queueFlags name the NATS JetStream stream that `ingest --queue` feeds
// and `worker` drains; both commands must agree on them.
type queueFlags struct {
	url         string
	stream      string
	subject     string
	deadSubject string
	durable     string
	ackWait     time.Duration
	maxDeliver  int
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// addQueueFlags adds --queue and the stream's names to a command. url
// names the flag that takes the NATS URL.
func addQueueFlags(fl *pflag.FlagSet, f *queueFlags) {
	fl.StringVar(&f.url, "queue", os.Getenv("DRAGOMAN_QUEUE"), "NATS `URL` of the JetStream server (nats://host:4222; default $DRAGOMAN_QUEUE)")
	fl.StringVar(&f.stream, "stream", envOr("DRAGOMAN_STREAM", "DRAGOMAN"), "JetStream stream `NAME` (default $DRAGOMAN_STREAM, else DRAGOMAN)")
	fl.StringVar(&f.subject, "subject", envOr("DRAGOMAN_SUBJECT", "dragoman.articles"), "`SUBJECT` the articles are published on")
	fl.StringVar(&f.deadSubject, "dead-subject", envOr("DRAGOMAN_DEAD_SUBJECT", "dragoman.dead"), "`SUBJECT` of the articles that failed every try")
	fl.StringVar(&f.durable, "durable", envOr("DRAGOMAN_DURABLE", "dragoman-workers"), "durable consumer `NAME` the workers share")
	fl.DurationVar(&f.ackWait, "ack-wait", 60*time.Second, "an article not stored by then is delivered again (to any worker)")
	fl.IntVar(&f.maxDeliver, "max-deliver", 5, "tries before an article goes to the dead-letter subject")
}

func (f queueFlags) config() queue.Config {
	return queue.Config{URL: f.url, Stream: f.stream, Subject: f.subject, DeadSubject: f.deadSubject,
		Durable: f.durable, AckWait: f.ackWait, MaxDeliver: f.maxDeliver}
}
