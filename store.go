package dragoman

import (
	"context"
	"time"
)

// Store keeps analysed documents and answers questions across them. Each
// method is one transaction. Implementations: sqlite (the embedded
// default) and, later, postgres; every implementation passes the
// conformance suite in package storetest.
//
// Errors carry the codes of errors.go: ENOTFOUND for an unknown article or
// actor, EINVALID for a malformed search query or filter, EUNAVAILABLE for
// a database that is locked, read-only or full.
type Store interface {
	// Put stores a batch of analysed documents and the failures that went
	// with them in one transaction. A document whose article id is already
	// stored is skipped (ingest is idempotent). A document whose body is a
	// near-duplicate of a stored one is stored, linked to the first copy
	// (ArticleRecord.DuplicateOf), and left out of aggregates. Cross-article
	// actors are resolved here.
	Put(ctx context.Context, b Batch) (PutResult, error)
	// Has reports which of the article ids are already stored, so that an
	// ingest can skip analysing them.
	Has(ctx context.Context, ids []string) (map[string]bool, error)

	// Article returns one stored article's record.
	Article(ctx context.Context, id string) (*ArticleRecord, error)
	// Document returns the stored document of an article with its
	// annotations (tokens are not kept).
	Document(ctx context.Context, id string) (*Document, error)
	// Articles lists articles, newest first.
	Articles(ctx context.Context, f ArticleFilter) ([]ArticleRecord, error)
	// Search runs a full-text query over titles and bodies, best first.
	Search(ctx context.Context, q SearchQuery) ([]SearchHit, error)

	// Actor returns an actor by id or by name (an alias), with its profile.
	Actor(ctx context.Context, ref string) (*ActorProfile, error)
	// Actors lists actors, most mentioned first.
	Actors(ctx context.Context, f ActorFilter) ([]Actor, error)
	// MergeActors folds actor from into actor into: aliases, mentions,
	// quotes and events move, and the merge is remembered so that later
	// ingests resolve from's names to into. Both accept an id or a name.
	MergeActors(ctx context.Context, into, from string) (*Actor, error)
	// SplitActor moves the named aliases of an actor to a new actor, with
	// the mentions, quotes and events that used them, and remembers it.
	SplitActor(ctx context.Context, ref string, aliases []string) (*Actor, error)

	// Quotes lists quotes, newest first.
	Quotes(ctx context.Context, f QuoteFilter) ([]QuoteRecord, error)
	// Events lists events, newest first.
	Events(ctx context.Context, f EventFilter) ([]EventRecord, error)
	// Dyad counts the events between two countries or actors per period.
	Dyad(ctx context.Context, q DyadQuery) ([]DyadPoint, error)
	// Stats counts what the store holds.
	Stats(ctx context.Context) (*Stats, error)
	// IngestErrors lists recorded failures, newest first.
	IngestErrors(ctx context.Context, limit int) ([]IngestFailure, error)

	Close() error
}

// Batch is what an ingest worker hands the store at once.
type Batch struct {
	Documents []*Document
	Failures  []IngestFailure
}

// PutResult says what Put did with each document of a batch.
type PutResult struct {
	Added          []string  `json:"added"`           // article ids stored
	Skipped        []string  `json:"skipped"`         // article ids already stored
	NearDuplicates []NearDup `json:"near_duplicates"` // stored, linked to a first copy
}

// NearDup links a near-duplicate article to the first stored copy.
type NearDup struct {
	ID         string  `json:"id"`
	Of         string  `json:"of"`
	Similarity float64 `json:"similarity"` // estimated Jaccard similarity of word shingles (MinHash)
}

// IngestFailure is an input that could not be read or analysed. It is
// recorded and never stops an ingest.
type IngestFailure struct {
	Source    string    `json:"source"`               // file, path#line...
	ArticleID string    `json:"article_id,omitempty"` // when the article could be read
	Stage     string    `json:"stage,omitempty"`      // "read", a stage name, "store"
	Message   string    `json:"message"`
	At        time.Time `json:"at"`
}

// ArticleRecord is a stored article without its annotations.
type ArticleRecord struct {
	ID          string     `json:"id"`
	Source      string     `json:"source"`
	URL         string     `json:"url,omitempty"`
	Title       string     `json:"title"`
	SiteName    string     `json:"site_name,omitempty"`
	Language    string     `json:"language,omitempty"`
	Published   *time.Time `json:"published,omitempty"`
	Country     string     `json:"country,omitempty"` // the dateline's country code
	DuplicateOf string     `json:"duplicate_of,omitempty"`
	Sentences   int        `json:"sentences"`
	Entities    int        `json:"entities"`
	Quotes      int        `json:"quotes"`
	Events      int        `json:"events"`
	IngestedAt  time.Time  `json:"ingested_at"`
}

// ArticleFilter selects articles. Zero fields do not filter; Limit 0 means
// no limit.
type ArticleFilter struct {
	Actor             string    // actor id or name mentioned in the article
	Country           string    // ISO3/CAMEO code: dateline, an actor's country or an event's place
	Since, Until      time.Time // publication date, inclusive
	IncludeDuplicates bool
	Limit, Offset     int
}

// SearchQuery is a full-text query. Query uses the FTS5 syntax: words,
// "phrases", AND/OR/NOT, prefix*.
type SearchQuery struct {
	Query         string
	Actor         string // only articles that mention this actor (id or name)
	Country       string // only articles tied to this country code
	Since, Until  time.Time
	Limit, Offset int // Limit 0 means 20
}

// SearchHit is one article matching a search.
type SearchHit struct {
	ArticleID string     `json:"article_id"`
	Title     string     `json:"title"`
	URL       string     `json:"url,omitempty"`
	Published *time.Time `json:"published,omitempty"`
	Snippet   string     `json:"snippet"` // matched words wrapped in [ and ]
	Rank      float64    `json:"rank"`    // bm25: lower is better
}

// Actor is one person, organization, country or group across articles.
type Actor struct {
	ID        string     `json:"id"` // stable: derived from the first name it was seen under
	Name      string     `json:"name"`
	Type      EntityType `json:"type"`
	Country   string     `json:"country,omitempty"` // affiliation, ISO3/CAMEO
	Code      string     `json:"code,omitempty"`    // CAMEO actor code
	Aliases   []string   `json:"aliases,omitempty"`
	Mentions  int        `json:"mentions"`
	Articles  int        `json:"articles"`
	FirstSeen *time.Time `json:"first_seen,omitempty"`
	LastSeen  *time.Time `json:"last_seen,omitempty"`
}

// ActorFilter selects actors. Name matches any alias by prefix, case and
// accents ignored.
type ActorFilter struct {
	Name          string
	Type          EntityType
	Country       string
	Limit, Offset int
}

// ActorRole is a role an actor was given, with when it was seen.
type ActorRole struct {
	Title     string     `json:"title"`
	Of        string     `json:"of,omitempty"`
	Country   string     `json:"country,omitempty"`
	Former    bool       `json:"former,omitempty"`
	Count     int        `json:"count"`
	FirstSeen *time.Time `json:"first_seen,omitempty"`
	LastSeen  *time.Time `json:"last_seen,omitempty"`
}

// ActorCount is an actor and how often it appears beside another.
type ActorCount struct {
	Actor
	Together int `json:"together"` // articles that mention both
}

// ActorProfile is everything the store knows about one actor.
type ActorProfile struct {
	Actor
	Roles     []ActorRole   `json:"roles"`
	Quotes    []QuoteRecord `json:"quotes"`
	AsSource  []EventRecord `json:"as_source"`
	AsTarget  []EventRecord `json:"as_target"`
	Neighbors []ActorCount  `json:"neighbors"`
}

// QuoteRecord is a stored quote with its article.
type QuoteRecord struct {
	ID           string     `json:"id"` // article id + "/" + quote id
	ArticleID    string     `json:"article_id"`
	ArticleTitle string     `json:"article_title"`
	Published    *time.Time `json:"published,omitempty"`
	Kind         QuoteKind  `json:"kind"`
	Text         string     `json:"text"`
	Start        int        `json:"start"`
	End          int        `json:"end"`
	Speaker      string     `json:"speaker,omitempty"`  // as named in the article
	ActorID      string     `json:"actor_id,omitempty"` // the speaker's actor
	Attribution  string     `json:"attribution,omitempty"`
	Cue          string     `json:"cue,omitempty"`
	Duplicate    bool       `json:"duplicate,omitempty"` // from a near-duplicate article
}

// QuoteFilter selects quotes. Zero fields do not filter; Limit 0 means no
// limit.
type QuoteFilter struct {
	Speaker           string // actor id or name
	ArticleID         string
	Since, Until      time.Time
	IncludeDuplicates bool
	Limit, Offset     int
}

// EventActor is one side of a stored event.
type EventActor struct {
	Name    string `json:"name"`
	Code    string `json:"code,omitempty"`     // CAMEO actor code
	Country string `json:"country,omitempty"`  // ISO3/CAMEO country
	ActorID string `json:"actor_id,omitempty"` // cross-article actor
}

// EventRecord is a stored event with its article.
type EventRecord struct {
	ID              string      `json:"id"`  // article id + "/" + event id
	Seq             int64       `json:"seq"` // numeric id, unique in the store
	ArticleID       string      `json:"article_id"`
	URL             string      `json:"url,omitempty"`
	Date            string      `json:"date"` // YYYY-MM-DD: the event's date, else the publication date
	Published       *time.Time  `json:"published,omitempty"`
	Source          *EventActor `json:"source,omitempty"`
	Target          *EventActor `json:"target,omitempty"`
	Code            string      `json:"code"`
	Base            string      `json:"base"`
	Root            string      `json:"root"`
	Label           string      `json:"label,omitempty"`
	QuadClass       int         `json:"quad_class"`
	Goldstein       float64     `json:"goldstein"`
	Trigger         string      `json:"trigger"`
	Evidence        string      `json:"evidence"`
	Negated         bool        `json:"negated,omitempty"`
	Modality        string      `json:"modality,omitempty"`
	Reported        bool        `json:"reported,omitempty"`
	Location        string      `json:"location,omitempty"`
	LocationCountry string      `json:"location_country,omitempty"`
	Duplicate       bool        `json:"duplicate,omitempty"`
	IngestedAt      time.Time   `json:"ingested_at"`
}

// EventFilter selects events. Zero fields do not filter; Limit 0 means no
// limit. Country matches either side's country or the event's place.
type EventFilter struct {
	ArticleID         string
	Actor             string // either side: actor id or name
	Source, Target    string // actor id, name, or CAMEO/country code
	Country           string
	Root              string // "04"
	Code              string // prefix of the event code: "043"
	QuadClass         int
	Since, Until      time.Time // event date, inclusive
	IncludeDuplicates bool
	IncludeNegated    bool
	Limit, Offset     int
}

// Period is the bucket of a timeline.
type Period string

const (
	Day   Period = "day"
	Week  Period = "week"
	Month Period = "month"
)

// DyadQuery asks for the events between A and B over time. A and B are
// country codes (RUS, USA), CAMEO actor codes, actor ids or names. Both
// directions count unless Directed.
type DyadQuery struct {
	A, B         string
	By           Period // zero means month
	Since, Until time.Time
	Directed     bool
}

// DyadPoint is one period of a dyad timeline.
type DyadPoint struct {
	Period    string    `json:"period"` // "2025-02-18", "2025-W08", "2025-02"
	Start     time.Time `json:"start"`
	Events    int       `json:"events"`
	Quad      [4]int    `json:"quad"`      // counts per QuadClass 1..4
	Goldstein float64   `json:"goldstein"` // mean
}

// Stats counts what a store holds. Duplicates are near-duplicate articles;
// Quotes and Events leave theirs out.
type Stats struct {
	Articles     int        `json:"articles"`
	Duplicates   int        `json:"duplicates"`
	Actors       int        `json:"actors"`
	Mentions     int        `json:"mentions"`
	Quotes       int        `json:"quotes"`
	Events       int        `json:"events"`
	Dates        int        `json:"dates"`
	IngestErrors int        `json:"ingest_errors"`
	First        *time.Time `json:"first,omitempty"` // earliest publication date
	Last         *time.Time `json:"last,omitempty"`
}
