//! Coding and storing posted documents (`POST /api/v1/documents`, `rasd demo`).

use crate::{Result, ServerConfig, ServerError};
use rasd_coder::Coder;
use rasd_model::{Document, Event};
use rasd_store::{DocOutcome, RunStatus, Store};
use serde::Serialize;
use serde_json::Value;

/// Fields of the `rasd code` input format; any other field is rejected.
pub const DOCUMENT_FIELDS: [&str; 7] =
    ["id", "text", "title", "published", "lang", "url", "source"];

/// What happened to one posted document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IngestedDocument {
    #[serde(flatten)]
    pub outcome: DocOutcome,
    /// Language the coder used (given or detected).
    pub lang: rasd_model::Language,
    /// Events the coder found in the document.
    pub events_coded: usize,
    /// Stored events the document is now a source of (new or merged).
    pub event_ids: Vec<i64>,
}

/// What one ingest call did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IngestReport {
    pub run_id: i64,
    pub documents: Vec<IngestedDocument>,
}

/// Parse a posted body: one document object or an array of them, in the `rasd code` input
/// format (`{"id","text","title"?,"published"?,"lang"?,"url"?,"source"?}`; a numeric id is
/// taken as its decimal string).
pub fn parse_documents(body: &[u8], max_batch: usize) -> Result<Vec<Document>> {
    let bad = |index: Option<usize>, message: String| ServerError::BadBody { index, message };
    let value: Value =
        serde_json::from_slice(body).map_err(|e| bad(None, format!("invalid JSON: {e}")))?;
    let (items, batch) = match value {
        Value::Array(items) => (items, true),
        v @ Value::Object(_) => (vec![v], false),
        _ => {
            return Err(bad(
                None,
                "expected a document object or an array of them".into(),
            ))
        }
    };
    if items.is_empty() {
        return Err(bad(None, "the batch is empty".into()));
    }
    if items.len() > max_batch {
        return Err(bad(
            None,
            format!(
                "{} documents, more than the {max_batch} allowed in one batch",
                items.len()
            ),
        ));
    }
    let mut docs = Vec::with_capacity(items.len());
    let mut ids = std::collections::HashSet::new();
    for (i, item) in items.into_iter().enumerate() {
        let index = batch.then_some(i);
        let Value::Object(mut map) = item else {
            return Err(bad(index, "expected a JSON object".into()));
        };
        if let Some(k) = map.keys().find(|k| !DOCUMENT_FIELDS.contains(&k.as_str())) {
            return Err(bad(
                index,
                format!(
                    "unknown field {k:?} (fields: {})",
                    DOCUMENT_FIELDS.join(", ")
                ),
            ));
        }
        let id = match map.get("id") {
            Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => return Err(bad(index, "missing or empty \"id\"".into())),
        };
        if !matches!(map.get("text"), Some(Value::String(_))) {
            return Err(bad(index, "missing \"text\" (a string)".into()));
        }
        if !ids.insert(id.clone()) {
            return Err(bad(index, format!("id {id:?} appears twice in the batch")));
        }
        map.insert("id".into(), Value::String(id));
        let doc: Document = serde_json::from_value(Value::Object(map))
            .map_err(|e| bad(index, format!("bad field: {e}")))?;
        docs.push(doc);
    }
    Ok(docs)
}

/// The `rasd` binary's writer lock, held while coded documents are written (the binary's
/// ingest and recode hold it for their whole run; the server for one `POST /api/v1/documents`
/// at a time, so a long-running server never keeps a command-line ingest out). Released on
/// drop. On SQLite it is an exclusive lock on `<db>.lock`; on PostgreSQL the session advisory
/// lock of [`rasd_store_pg::try_lock_writer`], on a connection of its own.
#[derive(Debug)]
pub struct WriterLock {
    _held: Held,
}

enum Held {
    File(#[allow(dead_code)] std::fs::File),
    Postgres(#[allow(dead_code)] Box<rasd_store_pg::WriterLock>),
}

impl std::fmt::Debug for Held {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Held::File(_) => "File",
            Held::Postgres(_) => "Postgres",
        })
    }
}

impl WriterLock {
    /// Take the lock of the store `db` (a SQLite file, or a `postgres://` URL) without
    /// waiting: [`ServerError::Busy`] when another writer holds it.
    pub fn try_take(db: &std::path::Path) -> Result<WriterLock> {
        if let Some(url) = db.to_str().filter(|s| rasd_store_pg::is_postgres_url(s)) {
            let shown = rasd_store_pg::redact_url(url);
            return match rasd_store_pg::try_lock_writer(url)
                .map_err(|e| ServerError::store("take the writer lock", e))?
            {
                Some(lock) => Ok(WriterLock {
                    _held: Held::Postgres(Box::new(lock)),
                }),
                None => Err(ServerError::Busy {
                    lock: format!("the writer lock of {shown}"),
                }),
            };
        }
        use fs4::fs_std::FileExt;
        let mut name = std::ffi::OsString::from(db.as_os_str());
        name.push(".lock");
        let path = std::path::PathBuf::from(name);
        let io = |source| ServerError::Io { source };
        let file = std::fs::File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io)?;
        if file.try_lock_exclusive().map_err(io)? {
            Ok(WriterLock {
                _held: Held::File(file),
            })
        } else {
            Err(ServerError::Busy {
                lock: path.display().to_string(),
            })
        }
    }
}

/// Code `docs` and store them with their events in one ingest run.
pub fn code_and_store(
    store: &mut dyn Store,
    coder: &Coder,
    docs: Vec<Document>,
    coder_version: &str,
    input: &str,
) -> Result<IngestReport> {
    let mut coded: Vec<(Document, Vec<Event>)> = Vec::with_capacity(docs.len());
    let mut langs = Vec::with_capacity(docs.len());
    for mut doc in docs {
        let c = coder.code(&doc);
        doc.lang.get_or_insert(c.lang);
        langs.push(c.lang);
        coded.push((doc, c.events));
    }
    let err = |operation| move |e| ServerError::store(operation, e);
    let run = store
        .begin_run(&[input.to_owned()], Some(coder_version))
        .map_err(err("begin an ingest run"))?;
    let outcomes = match store.put_batch(run, &coded, coder_version) {
        Ok(o) => o,
        Err(e) => {
            // The batch was rolled back; record the run as failed (best effort).
            let _ = store.finish_run(run, RunStatus::Failed);
            return Err(ServerError::store("store the documents", e));
        }
    };
    store
        .finish_run(run, RunStatus::Finished)
        .map_err(err("finish the ingest run"))?;
    let mut documents = Vec::with_capacity(outcomes.len());
    for ((outcome, (doc, events)), lang) in outcomes.into_iter().zip(&coded).zip(langs) {
        let event_ids = match &outcome {
            DocOutcome::Inserted { .. } | DocOutcome::NearDuplicate { .. } => store
                .document(&doc.id)
                .map_err(err("read a stored document"))?
                .map(|d| d.events.iter().map(|e| e.0).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        documents.push(IngestedDocument {
            outcome,
            lang,
            events_coded: events.len(),
            event_ids,
        });
    }
    Ok(IngestReport {
        run_id: run.0,
        documents,
    })
}

/// The bundled sample reports (`examples/sample.jsonl`), for `rasd demo`.
pub const SAMPLE_JSONL: &str = include_str!("../../../examples/sample.jsonl");

/// Code and store JSON Lines documents (the `rasd code` input format) into the store of
/// `config` (SQLite or PostgreSQL), creating it if needed: what `rasd demo` runs on [`SAMPLE_JSONL`] before serving.
/// Blocking (it builds the coder: about a second).
pub fn load_jsonl(config: &ServerConfig, jsonl: &str) -> Result<IngestReport> {
    let mut docs = Vec::new();
    for (i, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut d = parse_documents(line.as_bytes(), 1).map_err(|e| match e {
            ServerError::BadBody { message, .. } => ServerError::BadBody {
                index: Some(i + 1),
                message,
            },
            e => e,
        })?;
        docs.append(&mut d);
    }
    let mut store = crate::db::open_writer(config)?;
    let _lock = WriterLock::try_take(&config.db)?;
    let coder = Coder::new(config.coder.clone());
    code_and_store(&mut *store, &coder, docs, &config.coder_version, "jsonl")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_checked() {
        assert_eq!(
            parse_documents(br#"{"id":"a","text":"x"}"#, 10)
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            parse_documents(br#"[{"id":1,"text":"x"},{"id":"b","text":"y"}]"#, 10).unwrap()[0].id,
            "1"
        );
        for bad in [
            &br#"[]"#[..],
            br#"{"id":"a"}"#,
            br#"{"text":"x"}"#,
            br#"{"id":"a","text":"x","colour":"red"}"#,
            br#"[{"id":"a","text":"x"},{"id":"a","text":"y"}]"#,
            br#"{"id":"a","text":"x","published":"yesterday"}"#,
            b"not json",
            br#""a string""#,
        ] {
            assert!(
                parse_documents(bad, 10).is_err(),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
        assert!(parse_documents(br#"[{"id":"a","text":"x"},{"id":"b","text":"y"}]"#, 1).is_err());
    }

    #[test]
    fn the_sample_parses() {
        let n = SAMPLE_JSONL
            .lines()
            .filter(|l| !l.trim().is_empty())
            .count();
        let docs: usize = SAMPLE_JSONL
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| parse_documents(l.as_bytes(), 1).unwrap().len())
            .sum();
        assert_eq!(docs, n);
    }
}
