-- Schema version 2: a change counter (`Store::data_version`). Every write transaction of
-- `rasd-store-pg` adds one to it just before committing, so it changes exactly when writes
-- become visible, whichever client wrote them: a long-running reader (the HTTP server's
-- in-memory index and caches) compares it to know when to reload. One row, always present.

CREATE TABLE data_version (
    id       SMALLINT PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    version  BIGINT NOT NULL
);

INSERT INTO data_version (id, version) VALUES (1, 0);
