-- dragoman corpus schema, version 1. See docs/schema-sql.md.
-- Times are TEXT in UTC: 'YYYY-MM-DDTHH:MM:SSZ'; days are 'YYYY-MM-DD'.

CREATE TABLE articles (
    seq          INTEGER PRIMARY KEY,          -- rowid, also the rowid of articles_fts
    id           TEXT NOT NULL UNIQUE,         -- Article.ID: hash of the normalized body
    source       TEXT NOT NULL,
    format       TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    summary      TEXT NOT NULL DEFAULT '',
    site_name    TEXT NOT NULL DEFAULT '',
    language     TEXT NOT NULL DEFAULT '',
    bylines      TEXT NOT NULL DEFAULT '',     -- joined with '; '
    published    TEXT,                         -- NULL when unknown
    day          TEXT,                         -- publication day
    precision    TEXT NOT NULL DEFAULT '',
    dateline     TEXT NOT NULL DEFAULT '',
    country      TEXT NOT NULL DEFAULT '',     -- dateline country code
    body         TEXT NOT NULL,
    minhash      BLOB NOT NULL,                -- MinHash signature of word 3-shingles
    duplicate_of TEXT,                         -- id of the first copy when a near-duplicate
    similarity   REAL,                         -- to duplicate_of
    sentences    INTEGER NOT NULL DEFAULT 0,
    entities     INTEGER NOT NULL DEFAULT 0,
    quotes       INTEGER NOT NULL DEFAULT 0,
    events       INTEGER NOT NULL DEFAULT 0,
    doc          BLOB,                         -- the annotated document, JSON deflated, without body and tokens
    ingested_at  TEXT NOT NULL
);
CREATE INDEX articles_day ON articles(day);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body,
    content='articles', content_rowid='seq',
    tokenize='porter unicode61 remove_diacritics 2'
);

-- LSH bands of the MinHash signature, to find near-duplicates.
CREATE TABLE article_bands (
    band  INTEGER NOT NULL,
    key   INTEGER NOT NULL,
    article_seq INTEGER NOT NULL REFERENCES articles(seq),
    PRIMARY KEY (band, key, article_seq)
) WITHOUT ROWID;

-- Countries an article is tied to: its dateline, its actors' countries, its events' places.
CREATE TABLE article_countries (
    country     TEXT NOT NULL,
    article_seq INTEGER NOT NULL REFERENCES articles(seq),
    PRIMARY KEY (country, article_seq)
) WITHOUT ROWID;

CREATE TABLE actors (
    id          TEXT PRIMARY KEY,              -- stable: 'A' + hash of the first name and type
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,
    country     TEXT NOT NULL DEFAULT '',
    code        TEXT NOT NULL DEFAULT '',      -- CAMEO actor code
    mentions    INTEGER NOT NULL DEFAULT 0,    -- near-duplicate articles not counted
    articles    INTEGER NOT NULL DEFAULT 0,
    first_seen  TEXT,
    last_seen   TEXT,
    merged_into TEXT                           -- set when merged by hand: the actor it now is
) WITHOUT ROWID;
CREATE INDEX actors_mentions ON actors(mentions DESC);

-- Names an actor goes by. key is the folded name (corpus.NameKey); kind is
-- 'name' (a full name) or 'surname' (the last word of a person's name).
CREATE TABLE actor_aliases (
    key      TEXT NOT NULL,
    actor_id TEXT NOT NULL REFERENCES actors(id),
    alias    TEXT NOT NULL,                    -- as first written
    kind     TEXT NOT NULL,
    count    INTEGER NOT NULL DEFAULT 0,
    pinned   INTEGER NOT NULL DEFAULT 0,       -- 1 when set by a merge or split by hand
    PRIMARY KEY (key, kind, actor_id, alias)
) WITHOUT ROWID;
CREATE INDEX actor_aliases_actor ON actor_aliases(actor_id);

-- Merges and splits made by hand, in order.
CREATE TABLE actor_edits (
    seq      INTEGER PRIMARY KEY,
    op       TEXT NOT NULL,                    -- 'merge' or 'split'
    actor_id TEXT NOT NULL,                    -- merge: the actor kept; split: the actor split
    other_id TEXT NOT NULL,                    -- merge: the actor folded in; split: the new actor
    aliases  TEXT NOT NULL DEFAULT '',         -- split: the aliases moved, joined with '|'
    at       TEXT NOT NULL
);

-- Entities of each article, linked to their cross-article actor.
CREATE TABLE entities (
    article_seq INTEGER NOT NULL REFERENCES articles(seq),
    entity      TEXT NOT NULL,                 -- Entity.ID within the article: 'e1'
    actor_id    TEXT REFERENCES actors(id),
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,
    country     TEXT NOT NULL DEFAULT '',
    code        TEXT NOT NULL DEFAULT '',
    mentions    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_seq, entity)
) WITHOUT ROWID;
CREATE INDEX entities_actor ON entities(actor_id, article_seq);

CREATE TABLE roles (
    article_seq INTEGER NOT NULL REFERENCES articles(seq),
    entity      TEXT NOT NULL,
    actor_id    TEXT,
    title       TEXT NOT NULL,
    of          TEXT NOT NULL DEFAULT '',
    country     TEXT NOT NULL DEFAULT '',
    type        TEXT NOT NULL DEFAULT '',
    former      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX roles_actor ON roles(actor_id);
CREATE INDEX roles_article ON roles(article_seq);

CREATE TABLE mentions (
    article_seq INTEGER NOT NULL REFERENCES articles(seq),
    entity      TEXT NOT NULL DEFAULT '',
    actor_id    TEXT,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    type        TEXT NOT NULL,
    sentence    INTEGER NOT NULL,
    origin      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mentions_article ON mentions(article_seq);
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE TABLE quotes (
    seq         INTEGER PRIMARY KEY,
    article_seq INTEGER NOT NULL REFERENCES articles(seq),
    qid         TEXT NOT NULL,                 -- Quote.ID within the article
    kind        TEXT NOT NULL,
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    sentence    INTEGER NOT NULL,
    speaker     TEXT NOT NULL DEFAULT '',      -- as named
    speaker_entity TEXT NOT NULL DEFAULT '',
    actor_id    TEXT,
    attribution TEXT NOT NULL DEFAULT '',
    cue         TEXT NOT NULL DEFAULT '',
    medium      TEXT NOT NULL DEFAULT '',
    day         TEXT,                          -- publication day
    duplicate   INTEGER NOT NULL DEFAULT 0     -- 1 when from a near-duplicate article
);
CREATE INDEX quotes_article ON quotes(article_seq);
CREATE INDEX quotes_actor ON quotes(actor_id, day);
CREATE INDEX quotes_day ON quotes(day);

CREATE TABLE events (
    seq          INTEGER PRIMARY KEY,           -- GLOBALEVENTID in GDELT exports
    article_seq  INTEGER NOT NULL REFERENCES articles(seq),
    vid          TEXT NOT NULL,                 -- Event.ID within the article
    day          TEXT,                          -- event day, else the publication day
    date_value   TEXT NOT NULL DEFAULT '',      -- the event's date as resolved ('2022-02')
    code         TEXT NOT NULL,
    base         TEXT NOT NULL,
    root         TEXT NOT NULL,
    label        TEXT NOT NULL DEFAULT '',
    quad_class   INTEGER NOT NULL,
    goldstein    REAL NOT NULL,
    source_name  TEXT NOT NULL DEFAULT '',
    source_code  TEXT NOT NULL DEFAULT '',
    source_country TEXT NOT NULL DEFAULT '',
    source_entity TEXT NOT NULL DEFAULT '',
    source_actor TEXT,
    target_name  TEXT NOT NULL DEFAULT '',
    target_code  TEXT NOT NULL DEFAULT '',
    target_country TEXT NOT NULL DEFAULT '',
    target_entity TEXT NOT NULL DEFAULT '',
    target_actor TEXT,
    trigger      TEXT NOT NULL DEFAULT '',
    evidence     TEXT NOT NULL DEFAULT '',
    sentence     INTEGER NOT NULL DEFAULT 0,
    negated      INTEGER NOT NULL DEFAULT 0,
    modality     TEXT NOT NULL DEFAULT '',
    reported     INTEGER NOT NULL DEFAULT 0,
    location     TEXT NOT NULL DEFAULT '',
    location_country TEXT NOT NULL DEFAULT '',
    duplicate    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_article ON events(article_seq);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_root ON events(root, day);
CREATE INDEX events_dyad ON events(source_country, target_country, day);
CREATE INDEX events_source_actor ON events(source_actor);
CREATE INDEX events_target_actor ON events(target_actor);

CREATE TABLE dates (
    article_seq INTEGER NOT NULL REFERENCES articles(seq),
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    sentence    INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    value       TEXT NOT NULL DEFAULT '',
    begin       TEXT NOT NULL DEFAULT '',
    "end_day"   TEXT NOT NULL DEFAULT '',
    precision   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dates_article ON dates(article_seq);

CREATE TABLE ingest_errors (
    seq        INTEGER PRIMARY KEY,
    source     TEXT NOT NULL,
    article_id TEXT NOT NULL DEFAULT '',
    stage      TEXT NOT NULL DEFAULT '',
    message    TEXT NOT NULL,
    at         TEXT NOT NULL,
    UNIQUE (source, article_id, stage, message)
);
