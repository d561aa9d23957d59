-- Indexes for the reads a web page makes on every visit.

-- The newest articles (the home page, `GET /api/v1/articles`): read in
-- order from the index instead of sorting the whole table.
CREATE INDEX articles_newest ON articles(published DESC, seq DESC) WHERE duplicate_of IS NULL;

-- Counts of near-duplicate quotes and events (`dragoman stats`), so that
-- counting the others needs no scan of the tables.
CREATE INDEX quotes_duplicates ON quotes(duplicate) WHERE duplicate = 1;
CREATE INDEX events_duplicates ON events(duplicate) WHERE duplicate = 1;
