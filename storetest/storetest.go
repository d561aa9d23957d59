// Package storetest is the conformance suite every dragoman.Store
// implementation passes. A backend's test calls Run with a function that
// opens a fresh, empty store:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) dragoman.Store { ... })
//	}
package storetest

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
)

// Run runs every conformance test against stores made by open. open must
// return an empty store and arrange for it to be closed (t.Cleanup).
func Run(t *testing.T, open func(t *testing.T) dragoman.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s dragoman.Store)
	}{
		{"PutAndRead", testPutAndRead},
		{"Idempotent", testIdempotent},
		{"NearDuplicate", testNearDuplicate},
		{"Search", testSearch},
		{"SearchFilters", testSearchFilters},
		{"MalformedQuery", testMalformedQuery},
		{"ActorsAcrossArticles", testActorsAcrossArticles},
		{"ActorProfile", testActorProfile},
		{"Namesakes", testNamesakes},
		{"MergeRemembered", testMergeRemembered},
		{"SplitRemembered", testSplitRemembered},
		{"Quotes", testQuotes},
		{"Events", testEvents},
		{"Dyad", testDyad},
		{"Stats", testStats},
		{"IngestErrors", testIngestErrors},
		{"NotFound", testNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.fn(t, open(t))
		})
	}
}

func put(t *testing.T, s dragoman.Store, docs ...*dragoman.Document) dragoman.PutResult {
	t.Helper()
	res, err := s.Put(context.Background(), dragoman.Batch{Documents: docs})
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	return res
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func testPutAndRead(t *testing.T, s dragoman.Store) {
	ctx := context.Background()
	res := put(t, s, Base()...)
	if len(res.Added) != 4 || len(res.Skipped) != 0 {
		t.Fatalf("Put: added %v skipped %v, want 4 added", res.Added, res.Skipped)
	}
	a, err := s.Article(ctx, "riyadh")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Lavrov and Rubio meet in Riyadh" || a.Country != "SAU" || a.Events != 2 || a.Quotes != 1 || a.Entities != 3 {
		t.Errorf("Article = %+v", a)
	}
	if a.Published == nil || !a.Published.Equal(day("2025-02-18")) {
		t.Errorf("Published = %v, want 2025-02-18", a.Published)
	}
	d, err := s.Document(ctx, "riyadh")
	if err != nil {
		t.Fatal(err)
	}
	want := Riyadh()
	if d.Article.Body != want.Article.Body || len(d.Entities) != len(want.Entities) || len(d.Events) != 2 || len(d.Quotes) != 1 {
		t.Errorf("Document differs from what was put: %d entities, %d events", len(d.Entities), len(d.Events))
	}
	for _, q := range d.Quotes {
		if d.Article.Body[q.Start:q.End] != q.Text {
			t.Errorf("quote span %d-%d does not match its text %q", q.Start, q.End, q.Text)
		}
	}
	has, err := s.Has(ctx, []string{"riyadh", "convoy", "absent"})
	if err != nil {
		t.Fatal(err)
	}
	if !has["riyadh"] || !has["convoy"] || has["absent"] {
		t.Errorf("Has = %v", has)
	}
	list, err := s.Articles(ctx, dragoman.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range list {
		ids = append(ids, a.ID)
	}
	if !slices.Equal(ids, []string{"geneva", "sanctions", "riyadh", "convoy"}) {
		t.Errorf("Articles order = %v, want newest first", ids)
	}
	list, err = s.Articles(ctx, dragoman.ArticleFilter{Since: day("2025-03-01"), Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != "geneva" {
		t.Errorf("Articles since 2025-03-01 limit 1 = %v", list)
	}
}

func testIdempotent(t *testing.T, s dragoman.Store) {
	ctx := context.Background()
	put(t, s, Base()...)
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	res := put(t, s, Base()...)
	if len(res.Added) != 0 || len(res.Skipped) != 4 {
		t.Errorf("second Put: added %v skipped %v, want all 4 skipped", res.Added, res.Skipped)
	}
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if *before != *after {
		if before.Articles != after.Articles || before.Events != after.Events || before.Quotes != after.Quotes || before.Actors != after.Actors || before.Mentions != after.Mentions {
			t.Errorf("stats changed on re-put: %+v -> %+v", before, after)
		}
	}
	// The same article twice in one batch is stored once.
	res = put(t, s, Exchange(), Exchange())
	if len(res.Added) != 1 || len(res.Skipped) != 1 {
		t.Errorf("duplicate in one batch: added %v skipped %v", res.Added, res.Skipped)
	}
}

func testNearDuplicate(t *testing.T, s dragoman.Store) {
	ctx := context.Background()
	put(t, s, Base()...)
	res := put(t, s, RiyadhCopy())
	if len(res.NearDuplicates) != 1 || res.NearDuplicates[0].Of != "riyadh" || res.NearDuplicates[0].ID != "riyadh-copy" {
		t.Fatalf("NearDuplicates = %+v, want riyadh-copy of riyadh", res.NearDuplicates)
	}
	if res.NearDuplicates[0].Similarity < 0.5 || res.NearDuplicates[0].Similarity > 1 {
		t.Errorf("Similarity = %v", res.NearDuplicates[0].Similarity)
	}
	a, err := s.Article(ctx, "riyadh-copy")
	if err != nil {
		t.Fatal(err)
	}
	if a.DuplicateOf != "riyadh" {
		t.Errorf("DuplicateOf = %q, want riyadh", a.DuplicateOf)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 4 || st.Duplicates != 1 || st.Events != 6 || st.Quotes != 2 {
		t.Errorf("Stats = %+v, want 4 articles, 1 duplicate, 6 events, 2 quotes (the copy's not counted)", st)
	}
	hits, err := s.Search(ctx, dragoman.SearchQuery{Query: "listened"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].ArticleID != "riyadh" {
		t.Errorf("search over a duplicated story = %+v, want the first copy only", hits)
	}
	pts, err := s.Dyad(ctx, dragoman.DyadQuery{A: "RUS", B: "USA", By: dragoman.Month})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, p := range pts {
		total += p.Events
	}
	if total != 4 {
		t.Errorf("dyad RUS-USA counts %d events, want 4 (the copy's not counted)", total)
	}
	// Unrelated articles are not near-duplicates.
	res = put(t, s, Exchange(), Moex())
	if len(res.NearDuplicates) != 0 {
		t.Errorf("unrelated articles flagged: %+v", res.NearDuplicates)
	}
}

func testSearch(t *testing.T, s dragoman.Store) {
	ctx := context.Background()
	put(t, s, Base()...)
	hits, err := s.Search(ctx, dragoman.SearchQuery{Query: "Lavrov"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 3 {
		t.Fatalf("search Lavrov: %d hits, want 3: %+v", len(hits), hits)
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Rank < hits[i-1].Rank {
			t.Errorf("hits not ordered by rank: %v then %v", hits[i-1].Rank, hits[i].Rank)
		}
	}
	// A word in the title weighs more than in the body.
	hits, err = s.Search(ctx, dragoman.SearchQuery{Query: "convoy OR grain"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 {
		t.Fatalf("convoy OR grain: %d hits", len(hits))
	}
	for _, h := range hits {
		if !strings.Contains(strings.ToLower(h.Snippet), "[convoy]") && !strings.Contains(strings.ToLower(h.Snippet), "[grain]") {
			t.Errorf("snippet %q does not mark the matched word", h.Snippet)
		}
		if h.Title == "" || h.Published == nil {
			t.Errorf("hit lacks title or date: %+v", h)
		}
	}
	// Stemming: "sanction" finds "sanctions"; phrases work.
	hits, err = s.Search(ctx, dragoman.SearchQuery{Query: "sanction"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].ArticleID != "sanctions" {
		t.Errorf("sanction: %+v", hits)
	}
	hits, err = s.Search(ctx, dragoman.SearchQuery{Query: `"dead end"`})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 {
		t.Errorf(`"dead end": %+v`, hits)
	}
	hits, err = s.Search(ctx, dragoman.SearchQuery{Query: "Lavrov", Limit: 1, Offset: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 {
		t.Errorf("limit 1 offset 1: %d hits", len(hits))
	}
}

func testSearchFilters(t *testing.T, s dragoman.Store) {
	ctx := context.Background()
	put(t, s, Base()...)
	ids := func(q dragoman.SearchQuery) []string {
		t.Helper()
		hits, err := s.Search(ctx, q)
		if err != nil {
			t.Fatalf("Search(%+v): %v", q, err)
		}
		var out []string
		for _, h := range hits {
			out = append(out, h.ArticleID)
		}
		slices.Sort(out)
		return out
	}
	if got := ids(dragoman.SearchQuery{Query: "talks", Since: day("2025-03-01")}); !slices.Equal(got, []string{"geneva"}) {
		t.Errorf("talks since March = %v", got)
	}
	if got := ids(dragoman.SearchQuery{Query: "talks", Until: day("2025-02-18")}); !slices.Equal(got, []string{"riyadh"}) {
		t.Errorf("talks until 2025-02-18 = %v", got)
	}
	if got := ids(dragoman.SearchQuery{Query: "Washington", Country: "RUS"}); !slices.Equal(got, []string{"geneva", "sanctions"}) {
		t.Errorf("Washington with country RUS = %v", got)
	}
	if got := ids(dragoman.SearchQuery{Query: "days OR talks", Country: "ukr"}); !slices.Equal(got, []string{"convoy"}) {
		t.Errorf("country ukr (lower case) = %v", got)
	}
	if got := ids(dragoman.SearchQuery{Query: "Washington", Actor: "Marco Rubio"}); !slices.Equal(got, []string{"geneva"}) {
		t.Errorf("Washington with actor Rubio = %v", got)
	}
	if _, err := s.Search(ctx, dragoman.SearchQuery{Query: "talks", Actor: "Nobody Atall"}); dragoman.ErrorCode(err) != dragoman.ENOTFOUND {
		t.Errorf("unknown actor filter: err %v, want not_found", err)
	}
}

func testMalformedQuery(t *testing.T, s dragoman.Store) {
	ctx := context.Background()
	put(t, s, Base()...)
	for _, q := range []string{`"unbalanced`, `AND`, `talks AND`, `(grain`, `title:`, ``, `   `, `NEAR(`, `*`} {
		_, err := s.Search(ctx, dragoman.SearchQuery{Query: q})
		if dragoman.ErrorCode(err) != dragoman.EINVALID {
			t.Errorf("Search(%q): err = %v, want an invalid-query error", q, err)
			continue
		}
		if msg := dragoman.ErrorMessage(err); !strings.Contains(msg, "query") {
			t.Errorf("Search(%q): message %q does not say what is wrong", q, msg)
		}
	}
	// Words with punctuation that users type are fine when quoted.
	if _, err := s.Search(ctx, dragoman.SearchQuery{Query: `"U.S."`}); err != nil {
		t.Errorf(`Search("U.S."): %v`, err)
	}
}

func testActorsAcrossArticles(t *testing.T, s dragoman.Store) {
	ctx := context.Background()
	put(t, s, Base()...)
	ids := map[string]string{}
	for _, name := range []string{"Sergei Lavrov", "Sergey Lavrov", "Lavrov", "sergei lavrov"} {
		p, err := s.Actor(ctx, name)
		if err != nil {
			t.Fatalf("Actor(%q): %v", name, err)
		}
		ids[name] = p.ID
	}
	if ids["Sergei Lavrov"] != ids["Sergey Lavrov"] || ids["Lavrov"] != ids["Sergei Lavrov"] || ids["sergei lavrov"] != ids["Lavrov"] {
		t.Fatalf("Lavrov is several actors: %v", ids)
	}
	p, err := s.Actor(ctx, ids["Lavrov"])
	if err != nil {
		t.Fatalf("Actor by id: %v", err)
	}
	if p.Articles != 3 || p.Type != dragoman.Person || p.Country != "RUS" || p.Code != "RUSGOV" {
		t.Errorf("Lavrov actor = %+v, want 3 articles, PERSON, RUS, RUSGOV", p.Actor)
	}
	if !slices.Contains(append(p.Aliases, p.Name), "Sergey Lavrov") || !slices.Contains(append(p.Aliases, p.Name), "Sergei Lavrov") {
		t.Errorf("aliases %v (name %q) lack a spelling", p.Aliases, p.Name)
	}
	rubio, err := s.Actor(ctx, "Rubio")
	if err != nil {
		t.Fatal(err)
	}
	if rubio.Articles != 2 || rubio.Name != "Marco Rubio" {
		t.Errorf("Rubio = %+v, want 2 articles named Marco Rubio", rubio.Actor)
	}
	// Ids are stable: the same corpus in another store gives the same ids.
	list, err := s.Actors(ctx, dragoman.ActorFilter{Name: "lav"})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != ids["Lavrov"] {
		t.Errorf("Actors(name lav) = %+v", list)
	}
	list, err = s.Actors(ctx, dragoman.ActorFilter{Type: dragoman.Person})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Errorf("persons = %d, want 2 (Lavrov, Rubio)", len(list))
	}
	for i := 1; i < len(list); i++ {
		if list[i].Mentions > list[i-1].Mentions {
			t.Errorf("Actors not ordered by mentions")
		}
	}
}

func testActorProfile(t *testing.T, s dragoman.Store) {
	ctx := context.Background()
	put(t, s, Base()...)
	p, err := s.Actor(ctx, "Lavrov")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Roles) == 0 || p.Roles[0].Title != "Foreign Minister" || p.Roles[0].Count != 2 {
		t.Errorf("roles = %+v, want Foreign Minister seen twice", p.Roles)
	}
	if len(p.Quotes) != 2 {
		t.Errorf("quotes = %d, want 2", len(p.Quotes))
	}
	if len(p.AsSource) != 2 || len(p.AsTarget) != 1 {
		t.Errorf("events as source %d, as target %d; want 2 and 1", len(p.AsSource), len(p.AsTarget))
	}
	if len(p.Neighbors) == 0 || p.Neighbors[0].Name != "Marco Rubio" || p.Neighbors[0].Together != 2 {
		t.Errorf("neighbors = %+v, want Marco Rubio first, together in 2 articles", p.Neighbors)
	}
}

func testMergeRemembered(t *testing.T, s dragoman.Store) {
	ctx := context.Background()
	put(t, s, Exchange(), Moex())
	a, err := s.Actor(ctx, "Moscow Exchange")
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.Actor(ctx, "MOEX")
	if err != nil {
		t.Fatal(err)
	}
	if a.ID == b.ID {
		t.Fatalf("fixture: the two names already resolve to one actor")
	}
	m, err := s.MergeActors(ctx, a.ID, "MOEX")
	if err != nil {
		t.Fatal(err)
	}
	if m.ID != a.ID || !slices.Contains(m.Aliases, "MOEX") {
		t.Errorf("merged actor = %+v, want id %s with alias MOEX", m, a.ID)
	}
	// The old id still finds the merged actor.
	if p, err := s.Actor(ctx, b.ID); err != nil || p.ID != a.ID {
		t.Errorf("Actor(old id) = %v, %v; want %s", p, err, a.ID)
	}
	put(t, s, MoexAgain())
	p, err := s.Actor(ctx, "MOEX")
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != a.ID || p.Articles != 3 {
		t.Errorf("after re-ingest MOEX = %s with %d articles, want %s with 3", p.ID, p.Articles, a.ID)
	}
	list, _ := s.Actors(ctx, dragoman.ActorFilter{})
	if len(list) != 1 {
		t.Errorf("actors after merge = %d, want 1", len(list))
	}
	if _, err := s.MergeActors(ctx, a.ID, "Moscow Exchange"); dragoman.ErrorCode(err) != dragoman.EINVALID {
		t.Errorf("merging an actor with itself: %v, want invalid", err)
	}
	if _, err := s.MergeActors(ctx, a.ID, "Nobody Atall"); dragoman.ErrorCode(err) != dragoman.ENOTFOUND {
		t.Errorf("merging an unknown actor: %v, want not_found", err)
	}
}

func testSplitRemembered(t *testing.T, s dragoman.Store) {
	ctx := context.Background()
	put(t, s, Exchange(), Moex())
	a, err := s.MergeActors(ctx, "Moscow Exchange", "MOEX")
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.SplitActor(ctx, a.ID, []string{"MOEX"})
	if err != nil {
		t.Fatal(err)
	}
	if n.ID == a.ID || n.Name != "MOEX" || n.Articles != 1 {
		t.Errorf("split actor = %+v, want a new actor MOEX with 1 article", n)
	}
	put(t, s, MoexAgain())
	p, err := s.Actor(ctx, "MOEX")
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != n.ID || p.Articles != 2 {
		t.Errorf("after re-ingest MOEX = %s (%d articles), want the split actor %s with 2", p.ID, p.Articles, n.ID)
	}
	q, err := s.Actor(ctx, "Moscow Exchange")
	if err != nil {
		t.Fatal(err)
	}
	if q.ID != a.ID || q.Articles != 1 || slices.Contains(q.Aliases, "MOEX") {
		t.Errorf("Moscow Exchange after split = %+v", q.Actor)
	}
	if _, err := s.SplitActor(ctx, a.ID, []string{"Moscow Exchange"}); dragoman.ErrorCode(err) != dragoman.EINVALID {
		t.Errorf("splitting off every name: %v, want invalid", err)
	}
	if _, err := s.SplitActor(ctx, a.ID, []string{"No Such Alias"}); dragoman.ErrorCode(err) != dragoman.EINVALID {
		t.Errorf("splitting an unknown alias: %v, want invalid", err)
	}
}

func testQuotes(t *testing.T, s dragoman.Store) {
	ctx := context.Background()
	put(t, s, Base()...)
	qs, err := s.Quotes(ctx, dragoman.QuoteFilter{Speaker: "Sergey Lavrov"})
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 2 || qs[0].ArticleID != "sanctions" || qs[0].Text != "This is a dead end," || qs[0].Speaker != "Sergey Lavrov" {
		t.Fatalf("quotes of Lavrov = %+v", qs)
	}
	if qs[0].ID != "sanctions/q1" || qs[0].Kind != dragoman.Direct || qs[0].ActorID == "" || qs[0].Published == nil {
		t.Errorf("quote record = %+v", qs[0])
	}
	qs, err = s.Quotes(ctx, dragoman.QuoteFilter{Since: day("2025-03-01")})
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 1 {
		t.Errorf("quotes since March = %d, want 1", len(qs))
	}
	if _, err := s.Quotes(ctx, dragoman.QuoteFilter{Speaker: "Nobody Atall"}); dragoman.ErrorCode(err) != dragoman.ENOTFOUND {
		t.Errorf("unknown speaker: %v, want not_found", err)
	}
}

func testEvents(t *testing.T, s dragoman.Store) {
	ctx := context.Background()
	put(t, s, Base()...)
	count := func(f dragoman.EventFilter) int {
		t.Helper()
		evs, err := s.Events(ctx, f)
		if err != nil {
			t.Fatalf("Events(%+v): %v", f, err)
		}
		return len(evs)
	}
	if n := count(dragoman.EventFilter{}); n != 6 {
		t.Errorf("all events = %d, want 6", n)
	}
	if n := count(dragoman.EventFilter{Root: "04"}); n != 1 {
		t.Errorf("root 04 = %d, want 1", n)
	}
	if n := count(dragoman.EventFilter{Root: "03"}); n != 1 {
		t.Errorf("root 03 = %d, want 1", n)
	}
	if n := count(dragoman.EventFilter{Since: day("2025-01-01"), Country: "RUS"}); n != 5 {
		t.Errorf("since 2025 country RUS = %d, want 5", n)
	}
	if n := count(dragoman.EventFilter{Country: "UKR"}); n != 1 {
		t.Errorf("country UKR = %d, want 1", n)
	}
	if n := count(dragoman.EventFilter{Source: "USA"}); n != 2 {
		t.Errorf("source USA = %d, want 2", n)
	}
	if n := count(dragoman.EventFilter{Source: "RUSGOV", Target: "USA"}); n != 2 {
		t.Errorf("RUSGOV -> USA = %d, want 2", n)
	}
	if n := count(dragoman.EventFilter{Actor: "Lavrov"}); n != 3 {
		t.Errorf("actor Lavrov = %d, want 3", n)
	}
	if n := count(dragoman.EventFilter{QuadClass: 4}); n != 1 {
		t.Errorf("quad class 4 = %d, want 1", n)
	}
	if n := count(dragoman.EventFilter{Code: "16"}); n != 1 {
		t.Errorf("code prefix 16 = %d, want 1", n)
	}
	evs, err := s.Events(ctx, dragoman.EventFilter{ArticleID: "sanctions"})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 2 {
		t.Fatalf("events of sanctions = %d", len(evs))
	}
	var sanction dragoman.EventRecord
	for _, e := range evs {
		if e.Code == "163" {
			sanction = e
		}
	}
	if sanction.Source == nil || sanction.Source.Country != "USA" || sanction.Target == nil || sanction.Target.Code != "RUSBUS" ||
		sanction.QuadClass != 4 || sanction.Goldstein != -8 || sanction.Date != "2025-03-05" || sanction.Trigger != "imposed new sanctions" || sanction.Seq == 0 {
		t.Errorf("sanction event = %+v", sanction)
	}
	// An event without a date of its own takes the publication date.
	evs, _ = s.Events(ctx, dragoman.EventFilter{Code: "036"})
	if len(evs) != 1 || evs[0].Date != "2025-02-18" {
		t.Errorf("undated event = %+v", evs)
	}
}

func testDyad(t *testing.T, s dragoman.Store) {
	ctx := context.Background()
	put(t, s, Base()...)
	pts, err := s.Dyad(ctx, dragoman.DyadQuery{A: "RUS", B: "USA", By: dragoman.Month})
	if err != nil {
		t.Fatal(err)
	}
	if len(pts) != 2 || pts[0].Period != "2025-02" || pts[1].Period != "2025-03" {
		t.Fatalf("dyad by month = %+v, want 2025-02 and 2025-03", pts)
	}
	if pts[0].Events != 2 || pts[0].Quad != [4]int{2, 0, 0, 0} || pts[0].Goldstein != 2.5 {
		t.Errorf("2025-02 = %+v, want 2 verbal cooperation events, mean Goldstein 2.5", pts[0])
	}
	if pts[1].Events != 2 || pts[1].Quad != [4]int{0, 0, 1, 1} || pts[1].Goldstein != -5 {
		t.Errorf("2025-03 = %+v, want one verbal and one material conflict, mean -5", pts[1])
	}
	if !pts[0].Start.Equal(day("2025-02-01")) {
		t.Errorf("start = %v", pts[0].Start)
	}
	pts, err = s.Dyad(ctx, dragoman.DyadQuery{A: "USA", B: "RUS", By: dragoman.Week, Directed: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(pts) != 2 || pts[0].Period != "2025-W08" || pts[1].Period != "2025-W10" {
		t.Errorf("directed USA->RUS by week = %+v", pts)
	}
	pts, err = s.Dyad(ctx, dragoman.DyadQuery{A: "Lavrov", B: "Marco Rubio", By: dragoman.Day})
	if err != nil {
		t.Fatal(err)
	}
	if len(pts) != 1 || pts[0].Period != "2025-02-18" || pts[0].Events != 2 {
		t.Errorf("actor dyad by day = %+v", pts)
	}
	if _, err := s.Dyad(ctx, dragoman.DyadQuery{A: "RUS", B: "USA", By: "year"}); dragoman.ErrorCode(err) != dragoman.EINVALID {
		t.Errorf("unknown period: %v, want invalid", err)
	}
}

func testStats(t *testing.T, s dragoman.Store) {
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 0 || st.Events != 0 {
		t.Errorf("empty store stats = %+v", st)
	}
	put(t, s, Base()...)
	st, err = s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := dragoman.Stats{Articles: 4, Actors: 8, Quotes: 2, Events: 6, Dates: 1}
	if st.Articles != want.Articles || st.Quotes != want.Quotes || st.Events != want.Events || st.Dates != want.Dates || st.Actors != want.Actors {
		t.Errorf("stats = %+v, want %+v", st, want)
	}
	if st.Mentions < 10 {
		t.Errorf("mentions = %d", st.Mentions)
	}
	if st.First == nil || !st.First.Equal(day("2024-12-01")) || st.Last == nil || !st.Last.Equal(day("2025-03-20")) {
		t.Errorf("first %v last %v", st.First, st.Last)
	}
}

func testIngestErrors(t *testing.T, s dragoman.Store) {
	ctx := context.Background()
	f := dragoman.IngestFailure{Source: "feeds/broken.xml", Stage: "read", Message: "XML syntax error on line 3", At: day("2025-05-01")}
	res, err := s.Put(ctx, dragoman.Batch{Documents: []*dragoman.Document{Convoy()}, Failures: []dragoman.IngestFailure{f}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Added) != 1 {
		t.Errorf("a failure in the batch stopped the good article")
	}
	// Recording the same failure again keeps one record.
	if _, err := s.Put(ctx, dragoman.Batch{Failures: []dragoman.IngestFailure{f}}); err != nil {
		t.Fatal(err)
	}
	list, err := s.IngestErrors(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Source != f.Source || list[0].Message != f.Message || list[0].Stage != "read" {
		t.Errorf("IngestErrors = %+v", list)
	}
	st, _ := s.Stats(ctx)
	if st.IngestErrors != 1 {
		t.Errorf("stats ingest_errors = %d", st.IngestErrors)
	}
}

func testNotFound(t *testing.T, s dragoman.Store) {
	ctx := context.Background()
	put(t, s, Convoy())
	if _, err := s.Article(ctx, "absent"); dragoman.ErrorCode(err) != dragoman.ENOTFOUND {
		t.Errorf("Article(absent): %v", err)
	}
	if _, err := s.Document(ctx, "absent"); dragoman.ErrorCode(err) != dragoman.ENOTFOUND {
		t.Errorf("Document(absent): %v", err)
	}
	if _, err := s.Actor(ctx, "Nobody Atall"); dragoman.ErrorCode(err) != dragoman.ENOTFOUND {
		t.Errorf("Actor(unknown): %v", err)
	}
	if _, err := s.Actor(ctx, ""); dragoman.ErrorCode(err) != dragoman.EINVALID {
		t.Errorf("Actor(empty): %v", err)
	}
}

func testNamesakes(t *testing.T, s dragoman.Store) {
	ctx := context.Background()
	put(t, s, Namesakes()...)
	list, err := s.Actors(ctx, dragoman.ActorFilter{Type: dragoman.Person})
	if err != nil {
		t.Fatal(err)
	}
	byArticles := map[string]int{}
	for _, a := range list {
		byArticles[a.Country] = a.Articles
	}
	// The minister (EGY) gets the article naming "Hassan, the foreign
	// minister"; the striker (MAR) stays apart; a bare "Hassan" is too
	// ambiguous to join either.
	if byArticles["EGY"] != 2 || byArticles["MAR"] != 1 || len(list) != 3 {
		t.Errorf("namesakes: %+v", list)
	}
	evs, err := s.Articles(ctx, dragoman.ArticleFilter{Actor: list[0].ID})
	if err != nil || len(evs) != list[0].Articles {
		t.Errorf("articles of %s: %d, %v", list[0].Name, len(evs), err)
	}
}
