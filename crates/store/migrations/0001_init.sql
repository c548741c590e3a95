-- Rasd event store, schema version 1.
--
-- Conventions: dates are ISO `YYYY-MM-DD` text, instants are unix seconds (UTC), JSON columns
-- hold serde_json text, coordinates are WGS84 degrees in separate latitude/longitude columns.
-- Searchable text lives in contentless FTS5 tables filled from Rust with the normalised
-- "search form" (see src/fulltext.rs), because SQLite cannot run rasd_text::normalize itself.

CREATE TABLE schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  INTEGER NOT NULL
);

-- One row per ingest run (a `rasd ingest` invocation); counts are updated in the same
-- transaction as each batch, so they never disagree with the rows stored.
CREATE TABLE ingest_runs (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at           INTEGER NOT NULL,
    finished_at          INTEGER,
    status               TEXT NOT NULL DEFAULT 'running'
                         CHECK (status IN ('running', 'finished', 'failed')),
    inputs               TEXT NOT NULL DEFAULT '[]',
    coder_version        TEXT,
    docs_new             INTEGER NOT NULL DEFAULT 0,
    docs_duplicate       INTEGER NOT NULL DEFAULT 0,
    docs_near_duplicate  INTEGER NOT NULL DEFAULT 0,
    docs_skipped         INTEGER NOT NULL DEFAULT 0,
    events_new           INTEGER NOT NULL DEFAULT 0,
    events_merged        INTEGER NOT NULL DEFAULT 0
);

-- Documents as received. `id` is the caller's identifier; `doc_key` is the compact internal key
-- used by links, SimHash bands and the FTS rowid.
CREATE TABLE documents (
    doc_key            INTEGER PRIMARY KEY,
    id                 TEXT NOT NULL UNIQUE,
    title              TEXT,
    text               TEXT NOT NULL,
    url                TEXT,
    canonical_url      TEXT UNIQUE,
    source             TEXT,
    published          TEXT,
    language           TEXT,
    content_hash       BLOB NOT NULL UNIQUE,
    simhash            INTEGER NOT NULL,
    near_duplicate_of  INTEGER REFERENCES documents(doc_key),
    ingested_at        INTEGER NOT NULL,
    run_id             INTEGER REFERENCES ingest_runs(id)
);
CREATE INDEX documents_near_duplicate_of ON documents(near_duplicate_of)
    WHERE near_duplicate_of IS NOT NULL;

-- SimHash bands: the 64-bit SimHash cut into 4 bands of 16 bits; `band_key = band << 16 | value`.
-- Two hashes within Hamming distance 3 share at least one band (pigeonhole), so near-duplicate
-- candidates are the documents sharing any of the 4 keys.
CREATE TABLE document_bands (
    band_key  INTEGER NOT NULL,
    doc_key   INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    PRIMARY KEY (band_key, doc_key)
) WITHOUT ROWID;

-- Full text of documents (title + text) in search form; rowid = documents.doc_key.
-- `body` keeps word order (phrases), `alt` holds extra forms of Arabic words with a one-letter
-- proclitic (و ف ب ل ك) removed.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    body, alt, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
);

-- Events: rasd-coded (origin 'rasd', merged across sources) and imported ACLED rows
-- (origin 'acled', keyed by event_id_cnty, never merged).
CREATE TABLE events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    origin          TEXT NOT NULL CHECK (origin IN ('rasd', 'acled')),
    event_id_cnty   TEXT UNIQUE,
    event_date      TEXT,
    -- Sort key of keyset pagination: the date, or '' when unknown (sorts before every date).
    -- Written by the store with every event row. A plain column rather than a generated one:
    -- SQLite does not treat an index on a virtual generated column as covering, so every
    -- index walk read the table (measured: whole-table monthly counts 7 s -> 0.3 s).
    sort_date       TEXT NOT NULL DEFAULT '' CHECK (sort_date = coalesce(event_date, '')),
    time_precision  INTEGER,
    event_type      TEXT NOT NULL,
    sub_event_type  TEXT NOT NULL,
    actor1          TEXT,
    assoc_actor_1   TEXT,
    inter1          INTEGER,
    actor2          TEXT,
    assoc_actor_2   TEXT,
    inter2          INTEGER,
    country         TEXT COLLATE NOCASE,
    admin1          TEXT COLLATE NOCASE,
    admin2          TEXT COLLATE NOCASE,
    location        TEXT COLLATE NOCASE,
    latitude        REAL,
    longitude       REAL,
    geo_precision   INTEGER,
    fatalities      INTEGER,
    confidence      REAL NOT NULL,
    tags            TEXT NOT NULL DEFAULT '[]',
    coder_version   TEXT,
    notes           TEXT,
    source          TEXT,
    source_count    INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
-- Extra trailing columns make the common walks index-only: latitude/longitude let a
-- date-ordered walk skip rows outside a map box without reading them, and fatalities/admin1/
-- event_type let dashboard aggregates (counts and fatalities by period, region or type, over
-- everything or one country) run on the index alone.
CREATE INDEX events_date ON events(sort_date, id, latitude, longitude, fatalities);
CREATE INDEX events_country_date
    ON events(country, sort_date, id, admin1, event_type, fatalities);
CREATE INDEX events_admin1_date ON events(admin1, sort_date, id);
CREATE INDEX events_admin2_date ON events(admin2, sort_date, id);
-- Also the merge-candidate lookup (same type, +-1 day, coordinates in a box): index-only.
CREATE INDEX events_type_date ON events(event_type, sort_date, id, latitude, longitude);
CREATE INDEX events_sub_type_date ON events(sub_event_type, sort_date, id);

-- Spatial index of events with coordinates (bounding boxes of points); kept in sync by triggers.
CREATE VIRTUAL TABLE event_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);
CREATE TRIGGER events_geo_insert AFTER INSERT ON events
    WHEN NEW.latitude IS NOT NULL AND NEW.longitude IS NOT NULL
BEGIN
    INSERT INTO event_geo VALUES (NEW.id, NEW.latitude, NEW.latitude, NEW.longitude, NEW.longitude);
END;
CREATE TRIGGER events_geo_update AFTER UPDATE OF latitude, longitude ON events
BEGIN
    DELETE FROM event_geo WHERE id = OLD.id;
    INSERT INTO event_geo
        SELECT NEW.id, NEW.latitude, NEW.latitude, NEW.longitude, NEW.longitude
        WHERE NEW.latitude IS NOT NULL AND NEW.longitude IS NOT NULL;
END;
CREATE TRIGGER events_geo_delete AFTER DELETE ON events
BEGIN
    DELETE FROM event_geo WHERE id = OLD.id;
END;

-- ACLED notes in search form; rowid = events.id.
CREATE VIRTUAL TABLE notes_fts USING fts5(
    body, alt, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
);

-- Which documents report which event. `coded_event` is the event as that document coded it
-- (JSON, evidence kept separately in `evidence`); the stored event's fields are recomputed from
-- these rows whenever a link is added or removed, which is what makes merges reversible.
CREATE TABLE event_sources (
    id            INTEGER PRIMARY KEY,
    event_id      INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc_key       INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    evidence      TEXT NOT NULL DEFAULT '[]',
    fatalities    INTEGER,
    coded_event   TEXT NOT NULL,
    merge_reason  TEXT,
    run_id        INTEGER REFERENCES ingest_runs(id),
    linked_at     INTEGER NOT NULL,
    UNIQUE (event_id, doc_key)
);
CREATE INDEX event_sources_doc ON event_sources(doc_key);

-- Actor names (each `;`-separated name of actor1/assoc_actor_1/actor2/assoc_actor_2), with the
-- normalised form the case- and accent-insensitive substring filter scans.
CREATE TABLE actors (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    name_norm  TEXT NOT NULL
);
-- role: 1 actor1, 2 assoc_actor_1, 3 actor2, 4 assoc_actor_2.
CREATE TABLE event_actors (
    actor_id  INTEGER NOT NULL REFERENCES actors(id),
    event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role      INTEGER NOT NULL CHECK (role BETWEEN 1 AND 4),
    PRIMARY KEY (actor_id, event_id, role)
) WITHOUT ROWID;
CREATE INDEX event_actors_event ON event_actors(event_id);
