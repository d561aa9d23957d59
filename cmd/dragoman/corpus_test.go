package main_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/sqlite"
	"github.com/dragoman-news/dragoman/storetest"
)

// TestCorpusCommands runs the query commands of a built dragoman against
// a database filled with the storetest fixtures.
func TestCorpusCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	dir := t.TempDir()
	bin := buildDragoman(t, dir)
	path := filepath.Join(dir, "corpus.db")
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Put(context.Background(), dragoman.Batch{Documents: append(storetest.Base(), storetest.RiyadhCopy(), storetest.Exchange(), storetest.Moex())}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	run := func(t *testing.T, wantOK bool, args ...string) (string, string) {
		t.Helper()
		cmd := exec.Command(bin, append(args, "--db", path)...)
		var out, errb strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		if wantOK && err != nil {
			t.Fatalf("dragoman %v: %v\n%s", args, err, errb.String())
		}
		if !wantOK && err == nil {
			t.Fatalf("dragoman %v succeeded, want an error", args)
		}
		return out.String(), errb.String()
	}

	t.Run("Stats", func(t *testing.T) {
		out, _ := run(t, true, "stats", "--json")
		var st map[string]any
		if err := json.Unmarshal([]byte(out), &st); err != nil {
			t.Fatalf("stats --json: %v\n%s", err, out)
		}
		for k, want := range map[string]float64{"articles": 6, "duplicates": 1, "actors": 10, "quotes": 2, "events": 6} {
			if st[k] != want {
				t.Errorf("stats %s = %v, want %v", k, st[k], want)
			}
		}
		out, _ = run(t, true, "stats")
		if !strings.Contains(out, "near-duplicates  1") {
			t.Errorf("stats table:\n%s", out)
		}
	})
	t.Run("Search", func(t *testing.T) {
		out, _ := run(t, true, "search", "Lavrov", "--json")
		var hits []dragoman.SearchHit
		if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) != 3 {
			t.Fatalf("search --json: %d hits, %v\n%s", len(hits), err, out)
		}
		out, _ = run(t, true, "search", "sanctions", "--country", "RUS", "--since", "2025-03-01")
		if !strings.Contains(out, "[sanctions]") || !strings.Contains(out, "Sergey Lavrov warns") {
			t.Errorf("search table:\n%s", out)
		}
		_, stderr := run(t, false, "search", `"unbalanced`)
		if !strings.Contains(stderr, "malformed search query") || strings.Contains(stderr, "panic") {
			t.Errorf("malformed query: %s", stderr)
		}
		_, stderr = run(t, false, "search", "talks", "--since", "last week")
		if !strings.Contains(stderr, "--since") {
			t.Errorf("bad --since: %s", stderr)
		}
	})
	t.Run("Actor", func(t *testing.T) {
		out, _ := run(t, true, "actor", "Sergey Lavrov")
		for _, want := range []string{"Sergei Lavrov", "Foreign Minister", "This is a dead end", "Marco Rubio", "EVENTS AS SOURCE"} {
			if !strings.Contains(out, want) {
				t.Errorf("actor output lacks %q:\n%s", want, out)
			}
		}
		_, stderr := run(t, false, "actor", "Nobody Atall")
		if !strings.Contains(stderr, `no actor "Nobody Atall"`) {
			t.Errorf("unknown actor: %s", stderr)
		}
		run(t, true, "actor", "merge", "Moscow Exchange", "MOEX")
		out, _ = run(t, true, "actor", "MOEX", "--json")
		var p dragoman.ActorProfile
		if err := json.Unmarshal([]byte(out), &p); err != nil || p.Name != "Moscow Exchange" || p.Articles != 2 {
			t.Errorf("after merge: %+v %v", p.Actor, err)
		}
		run(t, true, "actor", "split", p.ID, "MOEX")
		out, _ = run(t, true, "actor", "list", "--type", "ORG", "--json")
		var list []dragoman.Actor
		json.Unmarshal([]byte(out), &list)
		names := map[string]bool{}
		for _, a := range list {
			names[a.Name] = true
		}
		if !names["MOEX"] || !names["Moscow Exchange"] {
			t.Errorf("after split, organizations = %v", names)
		}
	})
	t.Run("Quotes", func(t *testing.T) {
		out, _ := run(t, true, "quotes", "--speaker", "Lavrov", "--json")
		var qs []dragoman.QuoteRecord
		if err := json.Unmarshal([]byte(out), &qs); err != nil || len(qs) != 2 {
			t.Errorf("quotes --speaker Lavrov: %d, %v", len(qs), err)
		}
	})
	t.Run("Dyad", func(t *testing.T) {
		svg := filepath.Join(t.TempDir(), "d.svg")
		out, _ := run(t, true, "dyad", "RUS", "USA", "--svg", svg)
		for _, want := range []string{"2025-02", "2025-03", "+2.50", "-5.00", "goldstein", "▁"} {
			if !strings.Contains(out, want) {
				t.Errorf("dyad output lacks %q:\n%s", want, out)
			}
		}
		b, err := os.ReadFile(svg)
		if err != nil || !strings.HasPrefix(string(b), "<svg") || !strings.Contains(string(b), "</svg>") || strings.Count(string(b), "<rect") < 4 {
			t.Errorf("svg: %v\n%s", err, b)
		}
		out, _ = run(t, true, "dyad", "RUS", "USA", "--by", "week", "--json")
		var pts []dragoman.DyadPoint
		if err := json.Unmarshal([]byte(out), &pts); err != nil || len(pts) != 2 || pts[0].Period != "2025-W08" {
			t.Errorf("dyad --by week --json: %+v %v", pts, err)
		}
	})
	t.Run("Export", func(t *testing.T) {
		out, _ := run(t, true, "export", "events", "--format", "gdelt")
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != 6 {
			t.Fatalf("gdelt export: %d lines, want 6\n%s", len(lines), out)
		}
		for _, l := range lines {
			f := strings.Split(l, "\t")
			if len(f) != 61 {
				t.Fatalf("gdelt record has %d columns, want 61: %q", len(f), l)
			}
			if f[26] == "163" && (f[1] != "20250305" || f[5] != "USA" || f[15] != "RUSBUS" || f[17] != "RUS" || f[29] != "4" || f[30] != "-8.0" || !strings.HasPrefix(f[60], "https://")) {
				t.Errorf("sanction record: %q", f)
			}
		}
		out, _ = run(t, true, "export", "quotes", "--format", "csv")
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(rows) != 3 || rows[0][0] != "id" {
			t.Errorf("quotes csv: %v %v", rows, err)
		}
		out, _ = run(t, true, "export", "articles", "--duplicates")
		if n := strings.Count(out, "\n"); n != 7 {
			t.Errorf("articles jsonl with duplicates: %d lines, want 7", n)
		}
		run(t, false, "export", "quotes", "--format", "gdelt")
		run(t, false, "export", "people")
	})
	t.Run("BadDatabase", func(t *testing.T) {
		notes := filepath.Join(t.TempDir(), "notes.txt")
		os.WriteFile(notes, []byte("not a database at all, just some notes"), 0o644)
		cmd := exec.Command(bin, "stats", "--db", notes)
		out, err := cmd.CombinedOutput()
		if err == nil || !strings.Contains(string(out), "not a dragoman database") {
			t.Errorf("stats on a text file: %v\n%s", err, out)
		}
		cmd = exec.Command(bin, "search", "x", "--db", filepath.Join(t.TempDir(), "absent.db"))
		out, err = cmd.CombinedOutput()
		if err == nil || !strings.Contains(string(out), "does not exist") {
			t.Errorf("search on a missing database: %v\n%s", err, out)
		}
	})
}
