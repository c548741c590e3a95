-- Rasd event store, schema version 2: each SimHash band row carries the document's SimHash.
--
-- The near-duplicate lookup reads every document sharing a band with the new one and compares
-- SimHashes. With the hash only in `documents`, each candidate cost a table lookup, and the
-- candidates grow with the store (templated wire copies share bands): at 100,000 stored
-- reports this lookup was a third of the ingest time. With the hash beside the band key the
-- lookup reads the band index alone; `documents` is read only for the match.
CREATE TABLE document_bands_v2 (
    band_key  INTEGER NOT NULL,
    doc_key   INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    simhash   INTEGER NOT NULL,
    PRIMARY KEY (band_key, doc_key)
) WITHOUT ROWID;
INSERT INTO document_bands_v2 (band_key, doc_key, simhash)
    SELECT b.band_key, b.doc_key, d.simhash
    FROM document_bands b JOIN documents d ON d.doc_key = b.doc_key;
DROP TABLE document_bands;
ALTER TABLE document_bands_v2 RENAME TO document_bands;
