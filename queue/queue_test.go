package queue_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/queue"
	natsserver "github.com/nats-io/nats-server/v2/server"
)

// embedded starts an in-process NATS server with JetStream on a random port.
func embedded(t *testing.T) string {
	t.Helper()
	s, err := natsserver.NewServer(&natsserver.Options{
		Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoLog: true, NoSigs: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		t.Fatal("embedded nats-server did not start")
	}
	t.Cleanup(s.Shutdown)
	return s.ClientURL()
}

func open(t *testing.T, url string, cfg queue.Config) *queue.Queue {
	t.Helper()
	cfg.URL = url
	q, err := queue.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

func art(i int) dragoman.Article {
	return dragoman.Article{ID: fmt.Sprintf("a%04d", i), Source: fmt.Sprintf("test#%d", i), Title: "t", Body: fmt.Sprintf("body %d", i)}
}

func TestPublishWorkAck(t *testing.T) {
	url := embedded(t)
	q := open(t, url, queue.Config{})
	ctx := context.Background()
	for i := 0; i < 50; i++ {
		if err := q.Publish(ctx, art(i)); err != nil {
			t.Fatal(err)
		}
	}
	// A second publish of the same id is dropped by the stream.
	if err := q.Publish(ctx, art(0)); err != nil {
		t.Fatal(err)
	}
	if n, err := q.Pending(ctx); err != nil || n != 50 {
		t.Fatalf("pending = %d, %v; want 50", n, err)
	}
	seen := map[string]int{}
	var mu sync.Mutex
	err := q.Work(ctx, queue.WorkOptions{Batch: 8, MaxWait: 200 * time.Millisecond, StopWhenIdle: 500 * time.Millisecond},
		func(ctx context.Context, b []dragoman.Article) []error {
			mu.Lock()
			defer mu.Unlock()
			for _, a := range b {
				seen[a.ID]++
			}
			return make([]error, len(b))
		})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 50 {
		t.Fatalf("saw %d distinct articles, want 50", len(seen))
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("%s seen %d times", id, n)
		}
	}
	if n, _ := q.Pending(ctx); n != 0 {
		t.Fatalf("pending after work = %d", n)
	}
	if c := q.Counters(); c.Processed != 50 || c.Published != 51 {
		t.Fatalf("counters %+v", c)
	}
}

func TestPoisonGoesToDeadLetter(t *testing.T) {
	url := embedded(t)
	q := open(t, url, queue.Config{MaxDeliver: 3, AckWait: 2 * time.Second})
	ctx := context.Background()
	for i := 0; i < 5; i++ {
		if err := q.Publish(ctx, art(i)); err != nil {
			t.Fatal(err)
		}
	}
	tries := map[string]int{}
	err := q.Work(ctx, queue.WorkOptions{Batch: 5, MaxWait: 200 * time.Millisecond, StopWhenIdle: 3 * time.Second},
		func(ctx context.Context, b []dragoman.Article) []error {
			errs := make([]error, len(b))
			for i, a := range b {
				tries[a.ID]++
				if a.ID == "a0003" {
					errs[i] = errors.New("analysis failed: poisoned")
				}
			}
			return errs
		})
	if err != nil {
		t.Fatal(err)
	}
	if tries["a0003"] != 3 {
		t.Errorf("poison tried %d times, want 3", tries["a0003"])
	}
	dead, err := q.DeadLetters(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 1 || dead[0].ID != "a0003" || dead[0].Tries != 3 || dead[0].Error == "" {
		t.Fatalf("dead letters = %+v", dead)
	}
	if n, _ := q.Pending(ctx); n != 0 {
		t.Fatalf("pending = %d; the poison message must not block the stream", n)
	}
}

// TestRedeliveryAfterCrash: a worker that takes messages and never
// acknowledges them (as one killed mid-batch) loses nothing: another
// worker gets them after the ack wait.
func TestRedeliveryAfterCrash(t *testing.T) {
	url := embedded(t)
	cfg := queue.Config{AckWait: time.Second}
	q := open(t, url, cfg)
	ctx := context.Background()
	for i := 0; i < 10; i++ {
		q.Publish(ctx, art(i))
	}
	crashCtx, crash := context.WithCancel(ctx)
	q.Work(crashCtx, queue.WorkOptions{Batch: 10, MaxWait: 200 * time.Millisecond}, func(ctx context.Context, b []dragoman.Article) []error {
		crash() // dies before acknowledging
		<-ctx.Done()
		errs := make([]error, len(b))
		for i := range errs {
			errs[i] = ctx.Err()
		}
		return errs
	})
	q2 := open(t, url, cfg)
	got := map[string]bool{}
	q2.Work(ctx, queue.WorkOptions{Batch: 10, MaxWait: 300 * time.Millisecond, StopWhenIdle: 3 * time.Second}, func(ctx context.Context, b []dragoman.Article) []error {
		for _, a := range b {
			got[a.ID] = true
		}
		return make([]error, len(b))
	})
	if len(got) != 10 {
		t.Fatalf("after the crash the second worker got %d of 10", len(got))
	}
}

// TestRealServer runs against the machine's NATS when DRAGOMAN_TEST_NATS is
// set (scripts/test.sh sets it).
func TestRealServer(t *testing.T) {
	url := os.Getenv("DRAGOMAN_TEST_NATS")
	if url == "" {
		t.Skip("DRAGOMAN_TEST_NATS is not set; run scripts/test.sh or set it to nats://127.0.0.1:4222")
	}
	name := fmt.Sprintf("DRAGOMANTEST%d", time.Now().UnixNano())
	cfg := queue.Config{Stream: name, Subject: "dragomantest." + name + ".articles", DeadSubject: "dragomantest." + name + ".dead", Durable: "w"}
	q := open(t, url, cfg)
	ctx := context.Background()
	t.Cleanup(func() {
		if err := q.DeleteStream(context.Background()); err != nil {
			t.Errorf("clean up: %v", err)
		}
	})
	for i := 0; i < 20; i++ {
		if err := q.Publish(ctx, art(i)); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	q.Work(ctx, queue.WorkOptions{Batch: 7, MaxWait: 200 * time.Millisecond, StopWhenIdle: time.Second}, func(ctx context.Context, b []dragoman.Article) []error {
		n += len(b)
		return make([]error, len(b))
	})
	if n != 20 {
		t.Fatalf("processed %d of 20", n)
	}
}

// TestDrainOnStop stops a worker in the middle of a batch: the batch is
// still stored and acknowledged, so nothing waits for redelivery.
func TestDrainOnStop(t *testing.T) {
	url := embedded(t)
	q := open(t, url, queue.Config{AckWait: time.Minute})
	ctx := context.Background()
	for i := 0; i < 10; i++ {
		if err := q.Publish(ctx, art(i)); err != nil {
			t.Fatal(err)
		}
	}
	wctx, stop := context.WithCancel(ctx)
	var handled int
	err := q.Work(wctx, queue.WorkOptions{Batch: 10, MaxWait: 200 * time.Millisecond}, func(hctx context.Context, b []dragoman.Article) []error {
		stop() // SIGTERM arrives while the batch is being stored
		time.Sleep(50 * time.Millisecond)
		if hctx.Err() != nil {
			t.Errorf("the batch's context was cancelled at once: %v", hctx.Err())
		}
		handled += len(b)
		return make([]error, len(b))
	})
	if err != nil {
		t.Fatal(err)
	}
	if handled != 10 {
		t.Fatalf("handled %d of 10", handled)
	}
	if n, err := q.Pending(ctx); err != nil || n != 0 {
		t.Errorf("pending after a clean stop = %d, %v; want 0", n, err)
	}
}
