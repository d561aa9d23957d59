package sqlite_test

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/sqlite"
	"github.com/dragoman-news/dragoman/storetest"
)

func TestNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	content := []byte("these are my notes, not a database\n")
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if dragoman.ErrorCode(err) != dragoman.EINVALID || !strings.Contains(err.Error(), "not a dragoman database") {
		t.Fatalf("Open(text file) = %v, want a clear invalid error", err)
	}
	got, _ := os.ReadFile(path)
	if !bytes.Equal(got, content) {
		t.Errorf("the file was changed")
	}
}

func TestCorruptDatabase(t *testing.T) {
	ctx := context.Background()
	path := storedFile(t, "corrupt.db", storetest.Base()...)
	// Scribble over every page but the first.
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 4096; i < len(b); i += 7 {
		b[i] ^= 0x5a
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err == nil {
		defer db.Close()
		_, err = db.Search(ctx, dragoman.SearchQuery{Query: "Lavrov"})
		if err == nil {
			var ok string
			ok, err = db.IntegrityCheck(ctx)
			if err == nil && ok == "ok" {
				t.Fatal("a scribbled database passes the integrity check")
			}
			return
		}
	}
	if !strings.Contains(err.Error(), "corrupt") && !strings.Contains(err.Error(), "not a dragoman database") {
		t.Errorf("corrupt database: %v, want an error that says so", err)
	}
}

func TestLocked(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "locked.db")
	db, err := sqlite.Open(ctx, path, sqlite.Options{BusyTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Put(ctx, dragoman.Batch{Documents: []*dragoman.Document{storetest.Riyadh()}}); err != nil {
		t.Fatal(err)
	}
	// Another "process" holds the write lock.
	other, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	_, err = db.Put(ctx, dragoman.Batch{Documents: []*dragoman.Document{storetest.Convoy()}})
	if dragoman.ErrorCode(err) != dragoman.EUNAVAILABLE || !strings.Contains(err.Error(), "locked") {
		t.Errorf("Put on a locked database = %v, want unavailable: locked", err)
	}
	conn.ExecContext(ctx, "ROLLBACK")
	conn.Close()
	if _, err := db.Put(ctx, dragoman.Batch{Documents: []*dragoman.Document{storetest.Convoy()}}); err != nil {
		t.Errorf("Put after the lock is released: %v", err)
	}
	st, err := db.Stats(ctx)
	if err != nil || st.Articles != 2 {
		t.Errorf("stats after lock = %+v, %v; want both articles", st, err)
	}
}

func TestReadOnly(t *testing.T) {
	ctx := context.Background()
	path := storedFile(t, "ro.db", storetest.Base()...)
	ro, err := sqlite.Open(ctx, path, sqlite.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Put(ctx, dragoman.Batch{Documents: []*dragoman.Document{storetest.Exchange()}}); dragoman.ErrorCode(err) != dragoman.EUNAVAILABLE {
		t.Errorf("Put on a read-only store = %v, want unavailable", err)
	}
	if hits, err := ro.Search(ctx, dragoman.SearchQuery{Query: "Lavrov"}); err != nil || len(hits) != 3 {
		t.Errorf("search on a read-only store: %d hits, %v", len(hits), err)
	}
	if _, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "absent.db"), sqlite.Options{ReadOnly: true}); dragoman.ErrorCode(err) != dragoman.ENOTFOUND {
		t.Errorf("read-only open of a missing file = %v, want not found", err)
	}
	if _, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "no", "such", "dir.db"), sqlite.Options{}); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("open in a missing folder = %v", err)
	}
	if os.Getuid() != 0 {
		dir := t.TempDir()
		p := filepath.Join(dir, "x.db")
		os.WriteFile(p, nil, 0o444)
		os.Chmod(dir, 0o555)
		defer os.Chmod(dir, 0o755)
		if _, err := sqlite.Open(ctx, p, sqlite.Options{}); dragoman.ErrorCode(err) != dragoman.EUNAVAILABLE {
			t.Errorf("open of a read-only file = %v, want unavailable", err)
		}
	}
}

// TestConcurrentWriters has two stores on one file put the same articles
// at once, as two ingests of the same input would.
func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "two.db")
	var dbs []*sqlite.DB
	for range 2 {
		db, err := sqlite.Open(ctx, path, sqlite.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		dbs = append(dbs, db)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for _, db := range dbs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, d := range append(storetest.Base(), storetest.Exchange(), storetest.Moex(), storetest.MoexAgain()) {
				if _, err := db.Put(ctx, dragoman.Batch{Documents: []*dragoman.Document{d}}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent Put: %v", err)
	}
	st, err := dbs[0].Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 7 || st.Events != 6 || st.Quotes != 2 {
		t.Errorf("after two writers: %+v, want 7 articles, 6 events, 2 quotes", st)
	}
}

// TestDiskFull fills a database capped at a few pages: the write that does
// not fit fails clearly and everything stored before it stays.
func TestDiskFull(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "full.db")
	db, err := sqlite.Open(ctx, path, sqlite.Options{MaxPages: 60})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stored := 0
	var putErr error
	for i := 0; i < 500; i++ {
		d := storetest.Riyadh()
		d.Article.ID = "riyadh-" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26%26))
		d.Article.Body = strings.Repeat(d.Article.Body+"\n\n", 1+i%3)
		if _, putErr = db.Put(ctx, dragoman.Batch{Documents: []*dragoman.Document{d}}); putErr != nil {
			break
		}
		stored++
	}
	if putErr == nil {
		t.Fatal("a database capped at 60 pages took 500 articles")
	}
	if dragoman.ErrorCode(putErr) != dragoman.EUNAVAILABLE || !strings.Contains(putErr.Error(), "full") {
		t.Errorf("write past the cap = %v, want unavailable: disk full", putErr)
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles+st.Duplicates != stored {
		t.Errorf("after the full disk: %d articles stored, want the %d put before", st.Articles+st.Duplicates, stored)
	}
	if ok, err := db.IntegrityCheck(ctx); err != nil || ok != "ok" {
		t.Errorf("integrity after full disk: %q %v", ok, err)
	}
}

// TestReadOnlyFile writes to a database file the system will not let
// anyone change (chattr +i, so that it holds for root too).
func TestReadOnlyFile(t *testing.T) {
	ctx := context.Background()
	path := storedFile(t, "locked-down.db", storetest.Riyadh())
	if out, err := exec.Command("chattr", "+i", path).CombinedOutput(); err != nil {
		t.Skipf("cannot make the file immutable here: %v %s", err, out)
	}
	defer exec.Command("chattr", "-i", path).Run()
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		if dragoman.ErrorCode(err) != dragoman.EUNAVAILABLE {
			t.Fatalf("open of an immutable file = %v, want unavailable", err)
		}
		return
	}
	defer db.Close()
	_, err = db.Put(ctx, dragoman.Batch{Documents: []*dragoman.Document{storetest.Convoy()}})
	if dragoman.ErrorCode(err) != dragoman.EUNAVAILABLE || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("Put into an immutable file = %v, want unavailable: read-only", err)
	}
	if st, err := db.Stats(ctx); err != nil || st.Articles != 1 {
		t.Errorf("after the refused write: %+v %v", st, err)
	}
}

// storedFile makes a database file called name in a temporary folder,
// stores docs in it, closes it and returns its path.
func storedFile(t *testing.T, name string, docs ...*dragoman.Document) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), name)
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Put(ctx, dragoman.Batch{Documents: docs}); err != nil {
		t.Fatal(err)
	}
	return path
}
