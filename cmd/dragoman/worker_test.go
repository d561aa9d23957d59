package main_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/dragoman-news/dragoman/article"
	"github.com/dragoman-news/dragoman/internal/gencorpus"
	"github.com/dragoman-news/dragoman/postgres"
	"github.com/dragoman-news/dragoman/queue"
)

// workerSeeds are articles written for the scale-out test.
var workerSeeds = []gencorpus.Seed{
	{Title: "Rail strike halts freight across France", Date: time.Date(2025, 1, 14, 0, 0, 0, 0, time.UTC), Paragraphs: []string{
		"Freight trains stood idle across France on Tuesday as rail workers began a three-day strike against the planned opening of regional lines to private operators.",
		"\"We will not let the network be sold off piece by piece,\" said Laurent Brun, a leader of the CGT union, at a rally outside the Gare de Lyon in Paris.",
		"Transport Minister Philippe Tabarot said the government would meet the unions on Friday but would not withdraw the reform.",
	}},
	{Title: "Chile and Argentina sign lithium accord", Date: time.Date(2025, 2, 20, 0, 0, 0, 0, time.UTC), Paragraphs: []string{
		"Chile and Argentina signed an agreement in Santiago on Thursday to coordinate the extraction and export of lithium from the salt flats along their border.",
		"Chilean President Gabriel Boric said the accord would help both countries capture more of the value of the metal, which is used in electric car batteries.",
		"Argentina's foreign minister, Gerardo Werthein, called the deal a first step towards a common regional policy on critical minerals.",
	}},
	{Title: "Typhoon forces evacuations in the Philippines", Date: time.Date(2024, 10, 24, 0, 0, 0, 0, time.UTC), Paragraphs: []string{
		"More than two hundred thousand people fled their homes in the northern Philippines on Thursday as Typhoon Trami brought torrential rain and landslides.",
		"President Ferdinand Marcos Jr ordered the armed forces to deliver food and water to towns cut off by floods in the Bicol region.",
		"Japan and South Korea offered emergency aid, and the United Nations said it was sending relief supplies from its depot in Manila.",
	}},
	{Title: "Central bank of Kenya cuts rates", Date: time.Date(2024, 12, 5, 0, 0, 0, 0, time.UTC), Paragraphs: []string{
		"The Central Bank of Kenya cut its benchmark interest rate by three quarters of a point on Thursday, its third cut this year, as inflation eased.",
		"Governor Kamau Thugge told reporters in Nairobi that the shilling had stabilised and that lending to small businesses needed support.",
		"Economists at Standard Chartered said they expected another cut in February if food prices kept falling.",
	}},
	{Title: "Iceland volcano erupts again", Date: time.Date(2024, 11, 21, 0, 0, 0, 0, time.UTC), Paragraphs: []string{
		"A volcano on Iceland's Reykjanes peninsula erupted on Wednesday night for the seventh time in a year, sending lava towards the evacuated town of Grindavik.",
		"The Blue Lagoon spa was closed and its guests taken to safety, the civil protection agency said.",
		"Prime Minister Bjarni Benediktsson said the eruption posed no threat to the international airport at Keflavik.",
	}},
}

type workerSummary struct {
	Stored      int `json:"stored"`
	Skipped     int `json:"skipped"`
	Redelivered int `json:"redelivered"`
	Dead        int `json:"dead_letters"`
}

// TestWorkersSurviveKill publishes a generated corpus to the machine's
// NATS server, runs three worker processes at once against PostgreSQL,
// kills one with SIGKILL in the middle, and checks that every article is
// stored exactly once, with the same annotations as a local ingest.
func TestWorkersSurviveKill(t *testing.T) {
	natsURL, pgURL := os.Getenv("DRAGOMAN_TEST_NATS"), os.Getenv("DRAGOMAN_TEST_POSTGRES")
	if natsURL == "" || pgURL == "" {
		t.Skip("DRAGOMAN_TEST_NATS and DRAGOMAN_TEST_POSTGRES are not both set; run scripts/test.sh, or set them to nats://127.0.0.1:4222 and postgres://postgres@127.0.0.1:5432/test?sslmode=disable")
	}
	if testing.Short() {
		t.Skip("analyses a few hundred articles in several processes")
	}
	ctx := context.Background()
	dir := t.TempDir()
	bin := buildDragoman(t, dir)
	const n = 240
	corpus := filepath.Join(dir, "corpus.jsonl")
	var buf bytes.Buffer
	if err := gencorpus.Generate(&buf, workerSeeds, gencorpus.Options{N: n, Seed: 8}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(corpus, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	// A unique stream, subjects, consumer and schema for this run.
	run := fmt.Sprintf("%d", time.Now().UnixNano())
	qcfg := queue.Config{URL: natsURL, Stream: "DRAGOMANTEST" + run, Subject: "dragomantest." + run + ".articles",
		DeadSubject: "dragomantest." + run + ".dead", Durable: "workers"}
	qargs := []string{"--queue", natsURL, "--stream", qcfg.Stream, "--subject", qcfg.Subject,
		"--dead-subject", qcfg.DeadSubject, "--durable", qcfg.Durable}
	t.Cleanup(func() {
		q, err := queue.Open(context.Background(), qcfg)
		if err != nil {
			t.Errorf("clean up stream: %v", err)
			return
		}
		defer q.Close()
		if err := q.DeleteStream(context.Background()); err != nil {
			t.Error(err)
		}
	})
	schema := "dragoman_workers_" + run
	sep := "?"
	if strings.Contains(pgURL, "?") {
		sep = "&"
	}
	dsn := pgURL + sep + "search_path=" + schema
	t.Cleanup(func() {
		conn, err := pgx.Connect(context.Background(), pgURL)
		if err != nil {
			t.Errorf("clean up schema: %v", err)
			return
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(context.Background(), `DROP SCHEMA IF EXISTS `+schema+` CASCADE`); err != nil {
			t.Errorf("clean up schema: %v", err)
		}
	})

	out, err := exec.Command(bin, append([]string{"ingest", "--json", "--progress", "none", corpus}, qargs...)...).Output()
	if err != nil {
		t.Fatalf("ingest --queue: %v\n%s", err, out)
	}
	var pub struct{ Published, Pending int }
	if err := json.Unmarshal(out, &pub); err != nil {
		t.Fatalf("ingest --queue --json: %v\n%s", err, out)
	}
	// The stream drops a second copy of an id (a generated article can
	// come out the same twice), as the store would.
	distinct := map[string]bool{}
	for it, err := range article.ReadAll(ctx, []string{corpus}, article.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		distinct[it.Article.ID] = true
	}
	if pub.Published != n || pub.Pending != len(distinct) {
		t.Fatalf("published %d, pending %d; want %d and %d", pub.Published, pub.Pending, n, len(distinct))
	}

	// Three workers at once; a short ack wait so that the killed one's
	// articles come back quickly.
	type proc struct {
		cmd    *exec.Cmd
		stdout *bytes.Buffer
		stderr *bytes.Buffer
	}
	var procs []proc
	for i := 0; i < 3; i++ {
		args := append([]string{"worker", "--db", dsn, "--jobs", "1", "--batch", "8", "--ack-wait", "5s",
			"--stop-when-idle", "12s", "--progress-every", "0", "--json"}, qargs...)
		cmd := exec.Command(bin, args...)
		p := proc{cmd: cmd, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
		cmd.Stdout, cmd.Stderr = p.stdout, p.stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs = append(procs, p)
	}
	defer func() {
		for _, p := range procs {
			if p.cmd.ProcessState == nil {
				p.cmd.Process.Kill()
				p.cmd.Wait()
			}
		}
	}()

	// Kill the first worker once a quarter of the corpus is stored.
	store, err := postgres.Open(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	deadline := time.Now().Add(5 * time.Minute)
	for {
		st, err := store.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Articles+st.Duplicates >= len(distinct)/4 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("only %d articles stored after 5 minutes", st.Articles+st.Duplicates)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err := procs[0].cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	procs[0].cmd.Wait()
	redelivered := 0
	for i, p := range procs[1:] {
		if err := p.cmd.Wait(); err != nil {
			t.Fatalf("worker %d: %v\n%s", i+2, err, p.stderr)
		}
		var s workerSummary
		if err := json.Unmarshal(p.stdout.Bytes(), &s); err != nil {
			t.Fatalf("worker %d summary: %v\n%s", i+2, err, p.stdout)
		}
		redelivered += s.Redelivered
		if s.Dead != 0 {
			t.Errorf("worker %d moved %d articles to the dead letters", i+2, s.Dead)
		}
	}
	if redelivered == 0 {
		t.Errorf("no article was delivered again after the kill: the killed worker held none")
	}

	// Every article exactly once.
	st, err := store.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var rows, ids int
	if err := store.Pool().QueryRow(ctx, `SELECT count(*), count(DISTINCT id) FROM articles`).Scan(&rows, &ids); err != nil {
		t.Fatal(err)
	}
	if rows != len(distinct) || ids != len(distinct) || st.Articles+st.Duplicates != len(distinct) {
		t.Errorf("store holds %d rows, %d ids, stats %d articles + %d duplicates; want %d articles exactly once", rows, ids, st.Articles, st.Duplicates, len(distinct))
	}
	has, err := store.Has(ctx, slices.Collect(maps.Keys(distinct)))
	if err != nil {
		t.Fatal(err)
	}
	if len(has) != len(distinct) {
		t.Errorf("%d of %d articles stored", len(has), len(distinct))
	}
	if st.IngestErrors != 0 {
		t.Errorf("%d ingest errors", st.IngestErrors)
	}
	var pending uint64
	q, err := queue.Open(ctx, qcfg)
	if err != nil {
		t.Fatal(err)
	}
	if pending, err = q.Pending(ctx); err != nil || pending != 0 {
		t.Errorf("stream pending after the workers stopped = %d, %v; want 0", pending, err)
	}
	q.Close()

	// The same corpus ingested locally gives the same mentions (counted
	// over every article, near-duplicates included, so whatever the order).
	ref := filepath.Join(dir, "ref.db")
	if out, err := exec.Command(bin, "ingest", "--db", ref, "--progress", "none", "--jobs", "2", corpus).CombinedOutput(); err != nil {
		t.Fatalf("local ingest: %v\n%s", err, out)
	}
	out, err = exec.Command(bin, "stats", "--db", ref, "--json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var want struct{ Articles, Duplicates, Mentions, Dates int }
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	if st.Mentions != want.Mentions || st.Dates != want.Dates {
		t.Errorf("workers stored %d mentions and %d dates; a local ingest stores %d and %d", st.Mentions, st.Dates, want.Mentions, want.Dates)
	}
	t.Logf("%d articles (%d near-duplicates), %d mentions; %d redelivered after the kill", st.Articles, st.Duplicates, st.Mentions, redelivered)
}
