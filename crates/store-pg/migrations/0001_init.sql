-- Rasd event store on PostgreSQL, schema version 1: the same tables and meaning as the SQLite
-- store's migrations 0001-0002 (crates/store/migrations/), in PostgreSQL's types.
--
-- Conventions: dates are `date`, `sort_date` is the ISO text of the date ('' when unknown) in
-- the C collation so that keyset pages order exactly as SQLite's; instants are unix seconds
-- (UTC); JSON columns hold serde_json text; coordinates are WGS84 degrees in separate
-- latitude/longitude columns. Searchable text is stored as a `tsvector` built in Rust from
-- rasd_text's normalised "search form" (see src/fulltext.rs), never with to_tsvector, so Arabic
-- letter variants, diacritics and French accents match exactly as in SQLite.

CREATE TABLE schema_migrations (
    version     BIGINT PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  BIGINT NOT NULL
);

CREATE TABLE ingest_runs (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at           BIGINT NOT NULL,
    finished_at          BIGINT,
    status               TEXT NOT NULL DEFAULT 'running'
                         CHECK (status IN ('running', 'finished', 'failed')),
    inputs               TEXT NOT NULL DEFAULT '[]',
    coder_version        TEXT,
    docs_new             BIGINT NOT NULL DEFAULT 0,
    docs_duplicate       BIGINT NOT NULL DEFAULT 0,
    docs_near_duplicate  BIGINT NOT NULL DEFAULT 0,
    docs_skipped         BIGINT NOT NULL DEFAULT 0,
    events_new           BIGINT NOT NULL DEFAULT 0,
    events_merged        BIGINT NOT NULL DEFAULT 0
);

-- `search`: title and text in search form; weight A for the words as written (phrases match
-- there only), weight B for Arabic words without their one-letter proclitic.
CREATE TABLE documents (
    doc_key            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                 TEXT NOT NULL UNIQUE,
    title              TEXT,
    text               TEXT NOT NULL,
    url                TEXT,
    canonical_url      TEXT UNIQUE,
    source             TEXT,
    published          DATE,
    language           TEXT,
    content_hash       BYTEA NOT NULL UNIQUE,
    simhash            BIGINT NOT NULL,
    near_duplicate_of  BIGINT REFERENCES documents(doc_key),
    ingested_at        BIGINT NOT NULL,
    run_id             BIGINT REFERENCES ingest_runs(id),
    search             TSVECTOR NOT NULL
);
CREATE INDEX documents_near_duplicate_of ON documents(near_duplicate_of)
    WHERE near_duplicate_of IS NOT NULL;
CREATE INDEX documents_search ON documents USING gin (search);

-- SimHash bands (see the SQLite schema): the SimHash rides along in the index, so the
-- near-duplicate lookup is index-only.
CREATE TABLE document_bands (
    band_key  BIGINT NOT NULL,
    doc_key   BIGINT NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    simhash   BIGINT NOT NULL,
    PRIMARY KEY (band_key, doc_key) INCLUDE (simhash)
);

CREATE TABLE events (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    origin          TEXT NOT NULL CHECK (origin IN ('rasd', 'acled')),
    event_id_cnty   TEXT UNIQUE,
    event_date      DATE,
    sort_date       TEXT COLLATE "C" NOT NULL DEFAULT ''
                    CHECK (sort_date = coalesce(event_date::text, '')),
    time_precision  INTEGER,
    event_type      TEXT NOT NULL,
    sub_event_type  TEXT NOT NULL,
    actor1          TEXT,
    assoc_actor_1   TEXT,
    inter1          INTEGER,
    actor2          TEXT,
    assoc_actor_2   TEXT,
    inter2          INTEGER,
    country         TEXT,
    admin1          TEXT,
    admin2          TEXT,
    location        TEXT,
    latitude        DOUBLE PRECISION,
    longitude       DOUBLE PRECISION,
    geo_precision   INTEGER,
    fatalities      BIGINT,
    confidence      DOUBLE PRECISION NOT NULL,
    tags            TEXT NOT NULL DEFAULT '[]',
    coder_version   TEXT,
    notes           TEXT,
    -- ACLED notes in search form (imports only).
    notes_search    TSVECTOR,
    source          TEXT,
    source_count    BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
-- Names compare case-insensitively (SQLite: COLLATE NOCASE): the filters use lower(...).
CREATE INDEX events_date ON events(sort_date, id);
CREATE INDEX events_country_date ON events(lower(country), sort_date, id);
CREATE INDEX events_admin1_date ON events(lower(admin1), sort_date, id);
CREATE INDEX events_admin2_date ON events(lower(admin2), sort_date, id);
CREATE INDEX events_type_date ON events(event_type, sort_date, id);
CREATE INDEX events_sub_type_date ON events(sub_event_type, sort_date, id);
-- Spatial index of points (x = longitude, y = latitude) for `near` and `bbox` (no PostGIS).
CREATE INDEX events_geo ON events USING gist (point(longitude, latitude))
    WHERE latitude IS NOT NULL AND longitude IS NOT NULL;
CREATE INDEX events_notes_search ON events USING gin (notes_search)
    WHERE notes_search IS NOT NULL;

CREATE TABLE event_sources (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc_key       BIGINT NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    evidence      TEXT NOT NULL DEFAULT '[]',
    fatalities    BIGINT,
    coded_event   TEXT NOT NULL,
    merge_reason  TEXT,
    run_id        BIGINT REFERENCES ingest_runs(id),
    linked_at     BIGINT NOT NULL,
    UNIQUE (event_id, doc_key)
);
CREATE INDEX event_sources_doc ON event_sources(doc_key);

CREATE TABLE actors (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    name_norm  TEXT NOT NULL
);
CREATE TABLE event_actors (
    actor_id  BIGINT NOT NULL REFERENCES actors(id),
    event_id  BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role      INTEGER NOT NULL CHECK (role BETWEEN 1 AND 4),
    PRIMARY KEY (actor_id, event_id, role)
);
CREATE INDEX event_actors_event ON event_actors(event_id);

-- Great-circle distance in km between (lat1, lon1) and (lat2, lon2), as rasd_store::haversine_km.
CREATE FUNCTION rasd_km(lat1 DOUBLE PRECISION, lon1 DOUBLE PRECISION,
                        lat2 DOUBLE PRECISION, lon2 DOUBLE PRECISION)
RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT 2.0 * 6371.0088 * asin(least(1.0, sqrt(
        power(sin(radians(lat2 - lat1) / 2.0), 2)
        + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2.0), 2))))
$$;
