package main_test

import (
	"bufio"
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman/internal/gencorpus"
	"github.com/dragoman-news/dragoman/sqlite"
)

// seeds are articles written for this test.
var seeds = []gencorpus.Seed{
	{Title: "Port workers strike over pay", Date: time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC), Paragraphs: []string{
		"Dock workers in Rotterdam walked off the job on Monday, halting container traffic at Europe's largest port for the first time in a decade.",
		"The union said its members had been offered a raise below inflation. \"We will stay out until the offer is serious,\" said Marieke de Vries, the union's chairwoman.",
		"Shipping companies diverted vessels to Antwerp and Hamburg, and the port authority warned that perishable cargo would be lost.",
		"Talks between the union and the employers' federation are expected to resume on Thursday in The Hague.",
	}},
	{Title: "Drought cuts Zambian maize harvest", Date: time.Date(2024, 6, 12, 0, 0, 0, 0, time.UTC), Paragraphs: []string{
		"Zambia's maize harvest will fall by nearly half this year after the worst drought in forty years, the agriculture ministry said on Wednesday.",
		"President Hakainde Hichilema declared a national disaster and asked donors for help to feed more than six million people.",
		"The World Food Programme said it would scale up deliveries to the southern provinces, where most wells have dried up.",
	}},
	{Title: "Ministers agree on fishing quotas", Date: time.Date(2024, 12, 18, 0, 0, 0, 0, time.UTC), Paragraphs: []string{
		"European Union fisheries ministers agreed in Brussels early on Wednesday on catch limits for next year after two days of negotiations.",
		"Norway and the United Kingdom, which share several stocks with the bloc, are expected to sign matching deals before the end of the month.",
		"Environmental groups criticised the cod quota as far above scientific advice, while fishing associations called it a painful compromise.",
	}},
	{Title: "Flooding forces evacuations in Bavaria", Date: time.Date(2024, 6, 2, 0, 0, 0, 0, time.UTC), Paragraphs: []string{
		"Thousands of residents were evacuated from towns along the Danube after days of heavy rain, officials in Bavaria said on Sunday.",
		"Chancellor Olaf Scholz visited the flooded town of Reichertshofen and promised federal aid to rebuild homes and roads.",
		"Firefighters reinforced dikes with sandbags overnight as the river rose above the record set in 2013.",
		"Rail services between Munich and Nuremberg were suspended and several motorways were closed.",
	}},
	{Title: "Election commission postpones vote", Date: time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC), Paragraphs: []string{
		"The election commission of Malawi postponed local elections by three months, citing delays in registering voters in the north.",
		"Opposition leaders accused the government of stalling and said they would challenge the decision in court.",
		"A spokesman for the commission said new voter cards would be printed in Lilongwe and distributed by April.",
	}},
	{Title: "Satellite launch delayed by weather", Date: time.Date(2025, 2, 8, 0, 0, 0, 0, time.UTC), Paragraphs: []string{
		"The launch of a weather satellite from French Guiana was postponed for a second day because of high winds over Kourou.",
		"Arianespace said the rocket and its payload were in good condition and that a new attempt would be made on Saturday evening.",
		"The satellite is meant to improve storm forecasts over the Atlantic for at least fifteen years.",
	}},
}

// buildDragoman builds the command into dir and returns its path.
func buildDragoman(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "dragoman")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// writeCorpus writes n generated articles and one broken line.
func writeCorpus(t *testing.T, path string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if err := gencorpus.Generate(w, seeds, gencorpus.Options{N: n / 2, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	w.WriteString("{\"title\": \"broken record\", \"text\": \n")
	if err := gencorpus.Generate(w, seeds, gencorpus.Options{N: n - n/2, Seed: 8}); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

type counts struct {
	articles, entities, mentions, quotes, events, dates, fts, bands, errors int
}

func countRows(t *testing.T, path string) counts {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var c counts
	for _, q := range []struct {
		sql string
		dst *int
	}{
		{"SELECT count(*) FROM articles", &c.articles},
		{"SELECT count(*) FROM entities", &c.entities},
		{"SELECT count(*) FROM mentions", &c.mentions},
		{"SELECT count(*) FROM quotes", &c.quotes},
		{"SELECT count(*) FROM events", &c.events},
		{"SELECT count(*) FROM dates", &c.dates},
		{"SELECT count(*) FROM articles_fts", &c.fts},
		{"SELECT count(DISTINCT article_seq) FROM article_bands", &c.bands},
		{"SELECT count(*) FROM ingest_errors", &c.errors},
	} {
		if err := db.QueryRow(q.sql).Scan(q.dst); err != nil {
			t.Fatalf("%s: %v", q.sql, err)
		}
	}
	return c
}

func checkIntegrity(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer db.Close()
	ok, err := db.IntegrityCheck(ctx)
	if err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q, %v", ok, err)
	}
	if _, err := db.SQL().Exec(`INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')`); err != nil {
		// the read pool is read-only for writes; run the check another way
		if !strings.Contains(err.Error(), "readonly") {
			t.Fatalf("fts integrity-check: %v", err)
		}
	}
}

// TestIngestSurvivesKill starts a real `dragoman ingest`, kills it with
// SIGKILL in the middle, checks the database, runs the ingest again and
// compares the result with an uninterrupted ingest of the same input.
func TestIngestSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and ingests a generated corpus three times")
	}
	dir := t.TempDir()
	start := time.Now()
	bin := buildDragoman(t, dir)
	t.Logf("build: %v", time.Since(start))
	start = time.Now()
	corpus := filepath.Join(dir, "corpus.jsonl")
	const n = 400
	writeCorpus(t, corpus, n)

	// Reference: one uninterrupted run.
	ref := filepath.Join(dir, "ref.db")
	out, _ := exec.Command(bin, "ingest", "--db", ref, "--progress", "none", "--jobs", "2", corpus).CombinedOutput()
	want := countRows(t, ref)
	// A few generated articles are byte-identical (same id): stored once.
	if want.articles < n-n/20 || want.articles > n || want.errors != 1 {
		t.Fatalf("reference run stored %d articles and %d errors, want about %d and 1\n%s", want.articles, want.errors, n, out)
	}
	t.Logf("reference run: %v", time.Since(start))
	if !strings.Contains(string(out), "failed           1") || !strings.Contains(string(out), "line") {
		t.Errorf("summary does not report the broken line:\n%s", out)
	}

	// Killed run.
	db := filepath.Join(dir, "killed.db")
	cmd := exec.Command(bin, "ingest", "--db", db, "--progress", "none", "--batch", "8", "--jobs", "2", corpus)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killedAt := -1
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		if c, ok := tryCount(db); ok && c >= 40 {
			killedAt = c
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("kill: %v", err)
	}
	err := cmd.Wait()
	if killedAt < 0 {
		t.Fatalf("the ingest never stored 40 articles (exit: %v)", err)
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("the ingest finished before it could be killed (%v); make the corpus larger", err)
	}
	checkIntegrity(t, db)
	mid := countRows(t, db)
	if mid.articles >= n {
		t.Fatalf("killed run had already stored everything (%d)", mid.articles)
	}
	if mid.fts != mid.articles {
		t.Errorf("after kill: %d articles but %d in the full-text index", mid.articles, mid.fts)
	}
	t.Logf("killed with %d of %d articles stored", mid.articles, want.articles)

	// Re-run: completes without duplicates or losses.
	out, _ = exec.Command(bin, "ingest", "--db", db, "--progress", "none", corpus).CombinedOutput()
	checkIntegrity(t, db)
	got := countRows(t, db)
	if got != want {
		t.Errorf("after re-run: %+v\nuninterrupted: %+v\n%s", got, want, out)
	}
	if !strings.Contains(string(out), "already stored") {
		t.Errorf("re-run summary lacks the skipped count:\n%s", out)
	}
	// A third run changes nothing.
	exec.Command(bin, "ingest", "--db", db, "--progress", "none", corpus).Run()
	if again := countRows(t, db); again != want {
		t.Errorf("third run changed the database: %+v", again)
	}

	// Two ingests of the same input at once into a fresh database: both
	// finish, and nothing is stored twice.
	twice := filepath.Join(dir, "twice.db")
	var cmds []*exec.Cmd
	var outs []*strings.Builder
	for range 2 {
		c := exec.Command(bin, "ingest", "--db", twice, "--progress", "none", "--jobs", "1", corpus)
		var b strings.Builder
		c.Stdout, c.Stderr = &b, &b
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, c), append(outs, &b)
	}
	for i, c := range cmds {
		err := c.Wait()
		if code := c.ProcessState.ExitCode(); code != 1 || strings.Contains(outs[i].String(), "locked") {
			// exit status 1 is the broken line; anything else is a failure
			t.Errorf("concurrent ingest %d: %v\n%s", i, err, outs[i])
		}
	}
	checkIntegrity(t, twice)
	if got := countRows(t, twice); got.articles != want.articles || got.mentions != want.mentions || got.events != want.events || got.quotes != want.quotes || got.errors != 1 {
		t.Errorf("two ingests at once: %+v\none: %+v", got, want)
	}
}

// tryCount reads the number of stored articles, if the database is
// readable yet.
func tryCount(path string) (int, bool) {
	if _, err := os.Stat(path); err != nil {
		return 0, false
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(100)")
	if err != nil {
		return 0, false
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM articles").Scan(&n); err != nil {
		return 0, false
	}
	return n, true
}
