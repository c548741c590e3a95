//! `rasd ingest` and `rasd recode`: documents in, coded, stored.
//!
//! Ingest is a three-stage pipeline over batches: a reader thread turns inputs into items
//! (rasd-ingest), the main thread codes the new documents in parallel (rayon, through
//! [`code_cmd::code_documents`], exactly as `rasd code`), and a writer thread stores each batch
//! with one `put_batch` transaction (batches that queued up while it was busy go into one).
//! Reading and storing overlap with coding.
//!
//! Why an interrupted ingest loses nothing and doubles nothing: a transaction holds whole
//! batches, so
//! after a crash each document is either stored with all its event links or not at all;
//! re-running skips documents whose content hash is stored (they are not coded again, and
//! `put_batch` reports them as exact duplicates), and the remaining ones are stored in the same
//! order as an uninterrupted run would have stored them. The writer lock (`<db>.lock`) makes a
//! run still marked `running` provably dead, and the next ingest reports it as interrupted.

use crate::code_cmd;
use crate::store_cmd::{self, open_store, when, AnyStore};
use anyhow::{anyhow, Context, Result};
use rasd_coder::{Coder, CoderConfig};
use rasd_ingest::{Ingest, IngestOptions, Input, Item};
use rasd_model::{Document, Event};
use rasd_store::{ContentHash, DocOutcome, RunId, RunStatus, Store};
use std::collections::{BTreeSet, HashSet};
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::time::Instant;

/// How `rasd ingest` reads and batches.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    pub recursive: bool,
    pub max_file_bytes: u64,
    /// Documents per `put_batch` transaction.
    pub batch: usize,
    /// Show a progress bar on stderr (it hides itself when stderr is not a terminal).
    pub progress: bool,
    /// Print each skipped input on stderr as it is met.
    pub report_skips: bool,
}

/// One input, line or document that was not stored, and why.
#[derive(Debug, Clone)]
pub struct Skip {
    pub name: String,
    pub reason: String,
}

/// What one ingest did.
#[derive(Debug, Clone, Default)]
pub struct IngestSummary {
    pub run: Option<RunId>,
    /// Runs found `running` under the writer lock: interrupted, now marked failed.
    pub interrupted: Vec<(RunId, String)>,
    /// Documents read from the inputs.
    pub read: u64,
    pub new: u64,
    /// Already stored (same content, same id and content, or same canonical URL).
    pub exact_duplicates: u64,
    /// Of those, how many were recognised by content hash before coding.
    pub known_before_coding: u64,
    pub near_duplicates: u64,
    pub skipped: Vec<Skip>,
    /// Files decoded from a legacy encoding (`file: windows-1256`).
    pub decoded: BTreeSet<String>,
    pub events_new: u64,
    pub events_merged: u64,
    pub coded: u64,
    pub secs: f64,
}

/// One batch on its way from the reader to the writer.
struct Batch {
    docs: Vec<(Document, Vec<Event>)>,
    /// Where each document came from (same order as `docs`).
    names: Vec<String>,
    skipped: Vec<Skip>,
    decoded: Vec<String>,
    known: u64,
}

/// Read `inputs`, code what is new, store it. The store must be opened by the caller, who also
/// holds the writer lock.
pub fn ingest(
    store: AnyStore,
    inputs: &[Input],
    config: &IngestConfig,
    coder: &Coder,
    coder_version: &str,
) -> Result<(IngestSummary, AnyStore)> {
    let t0 = Instant::now();
    let mut store = store;
    let mut summary = IngestSummary::default();
    for r in store.runs()? {
        if r.status == RunStatus::Running {
            let what = format!(
                "run {} (started {}, {} documents stored before it stopped, inputs: {})",
                r.id,
                when(r.started_at),
                r.counts.docs_new,
                r.inputs.join(" ")
            );
            store.finish_run(r.id, RunStatus::Failed)?;
            summary.interrupted.push((r.id, what));
        }
    }
    let names: Vec<String> = inputs.iter().map(|i| i.to_string()).collect();
    let run = store.begin_run(&names, Some(coder_version))?;
    summary.run = Some(run);
    let known: HashSet<ContentHash> = store.known_hashes()?;

    let progress = if config.progress {
        indicatif::ProgressBar::new_spinner()
    } else {
        indicatif::ProgressBar::hidden()
    };
    progress.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {pos} documents ({per_sec}) {elapsed} {wide_msg}",
        )
        .expect("static template"),
    );
    progress.enable_steady_tick(std::time::Duration::from_millis(200));

    let options = IngestOptions {
        recursive: config.recursive,
        max_file_bytes: config.max_file_bytes,
        // Lines without an id get a stable one from the file and line: re-reading gives the same.
        require_jsonl_id: false,
        ..Default::default()
    };
    let reader_ingest = Ingest::new(options);
    let batch_size = config.batch.max(1);
    let report_skips = config.report_skips;

    let result = std::thread::scope(|s| -> Result<(IngestSummary, AnyStore)> {
        let (items_tx, items_rx) = sync_channel::<Vec<Item>>(2);
        let (coded_tx, coded_rx) = sync_channel::<Batch>(MAX_BATCHES_PER_TRANSACTION);
        s.spawn(move || read_items(&reader_ingest, inputs, batch_size, items_tx));
        let progress_w = progress.clone();
        let writer = s
            .spawn(move || write_batches(store, run, coder_version, coded_rx, summary, progress_w));
        for items in items_rx {
            let batch = code_batch(items, &known, coder, report_skips, &progress);
            if coded_tx.send(batch).is_err() {
                break; // the writer failed: its error is returned below
            }
        }
        drop(coded_tx);
        writer
            .join()
            .map_err(|_| anyhow!("the store writer thread panicked"))?
    });
    progress.finish_and_clear();
    // On error the writer's connection is gone with its thread and the run stays `running`;
    // [`run`] reopens the database to mark it failed.
    let (mut summary, mut store) = result?;
    store.finish_run(run, RunStatus::Finished)?;
    summary.secs = t0.elapsed().as_secs_f64();
    Ok((summary, store))
}

/// The reader stage: items in batches of `batch_size` documents (skipped items ride along).
fn read_items(ingest: &Ingest, inputs: &[Input], batch_size: usize, tx: SyncSender<Vec<Item>>) {
    let mut batch = Vec::with_capacity(batch_size);
    let mut docs = 0;
    for item in ingest.items(inputs) {
        if matches!(item, Item::Doc { .. }) {
            docs += 1;
        }
        batch.push(item);
        if docs >= batch_size {
            if tx.send(std::mem::take(&mut batch)).is_err() {
                return;
            }
            docs = 0;
        }
    }
    if !batch.is_empty() {
        let _ = tx.send(batch);
    }
}

/// The coding stage: documents whose content is already stored go to the store uncoded (it
/// reports them as duplicates); the others are coded in parallel.
fn code_batch(
    items: Vec<Item>,
    known: &HashSet<ContentHash>,
    coder: &Coder,
    report_skips: bool,
    progress: &indicatif::ProgressBar,
) -> Batch {
    let mut batch = Batch {
        docs: Vec::with_capacity(items.len()),
        names: Vec::with_capacity(items.len()),
        skipped: Vec::new(),
        decoded: Vec::new(),
        known: 0,
    };
    let mut to_code: Vec<usize> = Vec::new();
    for item in items {
        match item {
            Item::Doc {
                doc,
                origin,
                decoded_from,
                ..
            } => {
                if let Some(enc) = decoded_from {
                    batch.decoded.push(format!("{}: {enc}", origin.path_or_url));
                }
                if known.contains(&rasd_store::content_hash(&doc.text)) {
                    batch.known += 1;
                } else {
                    to_code.push(batch.docs.len());
                }
                batch.names.push(origin.to_string());
                batch.docs.push((doc, Vec::new()));
            }
            Item::Skipped { origin, reason } => {
                if report_skips {
                    progress.suspend(|| eprintln!("rasd ingest: {origin}: skipped: {reason}"));
                }
                batch.skipped.push(Skip {
                    name: origin.to_string(),
                    reason: reason.to_string(),
                });
            }
        }
    }
    let docs: Vec<&Document> = to_code.iter().map(|&i| &batch.docs[i].0).collect();
    let coded = code_cmd::code_documents(coder, &docs);
    for (i, c) in to_code.into_iter().zip(coded) {
        let (doc, events) = &mut batch.docs[i];
        // Store the language the coder identified when the input did not say.
        doc.lang.get_or_insert(c.lang);
        *events = c.events;
    }
    batch
}

/// Most coded batches the writer stores in one transaction.
///
/// Each commit writes every page the transaction touched (to the WAL, then to the database at
/// the checkpoint), and a batch of short reports touches most pages of the indexes with random
/// keys (content hash, SimHash bands, event dates), so commits cost in proportion to the store,
/// not to the batch. When the writer falls behind the coder, the batches waiting for it are
/// stored together (measured on 100,000 reports: writer CPU 16.4 s with one transaction per
/// batch of 1000, 14.0 s with 5000 per transaction); when it keeps up, each batch is committed
/// as soon as it arrives.
const MAX_BATCHES_PER_TRANSACTION: usize = 8;

impl Batch {
    fn append(&mut self, mut other: Batch) {
        self.docs.append(&mut other.docs);
        self.names.append(&mut other.names);
        self.skipped.append(&mut other.skipped);
        self.decoded.append(&mut other.decoded);
        self.known += other.known;
    }
}

/// The writer stage: one `put_batch` transaction per batch, or per run of batches that were
/// waiting (see [`MAX_BATCHES_PER_TRANSACTION`]), outcomes tallied.
fn write_batches(
    mut store: AnyStore,
    run: RunId,
    coder_version: &str,
    rx: Receiver<Batch>,
    mut summary: IngestSummary,
    progress: indicatif::ProgressBar,
) -> Result<(IngestSummary, AnyStore)> {
    while let Ok(mut batch) = rx.recv() {
        for _ in 1..MAX_BATCHES_PER_TRANSACTION {
            match rx.try_recv() {
                Ok(more) => batch.append(more),
                Err(_) => break,
            }
        }
        let outcomes = if batch.docs.is_empty() {
            Vec::new()
        } else {
            store
                .put_batch(run, &batch.docs, coder_version)
                .context("storing a batch (it was rolled back; re-run to finish)")?
        };
        summary.read += batch.docs.len() as u64;
        summary.known_before_coding += batch.known;
        summary.coded += batch.docs.len() as u64 - batch.known;
        summary.decoded.extend(batch.decoded);
        summary.skipped.extend(batch.skipped);
        for (o, name) in outcomes.iter().zip(&batch.names) {
            match o {
                DocOutcome::Inserted {
                    events_new,
                    events_merged,
                    ..
                } => {
                    summary.new += 1;
                    summary.events_new += *events_new as u64;
                    summary.events_merged += *events_merged as u64;
                }
                DocOutcome::ExactDuplicate { .. } => summary.exact_duplicates += 1,
                DocOutcome::NearDuplicate { events_linked, .. } => {
                    summary.near_duplicates += 1;
                    summary.events_merged += *events_linked as u64;
                }
                DocOutcome::Skipped { doc_id, reason } => {
                    let reason = match reason {
                        rasd_store::SkipReason::Empty => "no text".to_owned(),
                        rasd_store::SkipReason::EmptyId => "empty document id".to_owned(),
                        rasd_store::SkipReason::IdConflict => format!(
                            "a different text is already stored as document {doc_id} \
                             (an edited file or a reused id; `rasd recode` re-codes stored texts)"
                        ),
                    };
                    progress.suspend(|| eprintln!("rasd ingest: {name}: not stored: {reason}"));
                    summary.skipped.push(Skip {
                        name: name.clone(),
                        reason,
                    });
                }
            }
        }
        progress.set_position(summary.read);
        progress.set_message(format!(
            "{} new, {} already stored, {} skipped, {} events",
            summary.new,
            summary.exact_duplicates,
            summary.skipped.len(),
            summary.events_new
        ));
    }
    Ok((summary, store))
}

/// Print what an ingest did (stdout).
pub fn print_summary(s: &IngestSummary) {
    for (_, what) in &s.interrupted {
        println!("previous {what} was interrupted; marked failed, its stored documents are kept");
    }
    if let Some(run) = s.run {
        println!(
            "ingest run {run}: {} documents read in {:.1} s ({:.1} documents/s)",
            s.read,
            s.secs,
            s.read as f64 / s.secs.max(1e-9)
        );
    }
    println!("  new documents     {}", s.new);
    println!(
        "  exact duplicates  {} ({} recognised before coding)",
        s.exact_duplicates, s.known_before_coding
    );
    println!("  near duplicates   {}", s.near_duplicates);
    println!(
        "  events            {} new, {} merged into events already stored",
        s.events_new, s.events_merged
    );
    for d in &s.decoded {
        println!("  decoded           {d}");
    }
    println!("  skipped           {}", s.skipped.len());
    const SHOWN: usize = 100;
    for k in s.skipped.iter().take(SHOWN) {
        println!("    {}: {}", k.name, k.reason);
    }
    if s.skipped.len() > SHOWN {
        println!(
            "    ... and {} more (each was reported on stderr)",
            s.skipped.len() - SHOWN
        );
    }
}

/// `rasd ingest PATH_OR_URL...`.
pub fn run(
    db: &Path,
    inputs: &[String],
    config: &IngestConfig,
    coder_config: &CoderConfig,
) -> Result<ExitCode> {
    let mut parsed = Vec::with_capacity(inputs.len());
    for s in inputs {
        match Input::parse(s) {
            Ok(i) => parsed.push(i),
            Err(e) => {
                eprintln!("rasd ingest: error: {e}");
                return Ok(ExitCode::from(store_cmd::EXIT_USAGE));
            }
        }
    }
    let _lock = store_cmd::lock_writer(db)?;
    let store = open_store(db)?;
    let coder = Coder::new(coder_config.clone());
    let version = code_cmd::coder_version(coder_config);
    let (summary, _store) = match ingest(store, &parsed, config, &coder, &version) {
        Ok(r) => r,
        Err(e) => {
            // Close the run as failed (the writer's connection went with its thread).
            if let Ok(mut s) = open_store(db) {
                if let Ok(runs) = s.runs() {
                    if let Some(r) = runs.first().filter(|r| r.status == RunStatus::Running) {
                        let _ = s.finish_run(r.id, RunStatus::Failed);
                    }
                }
            }
            return Err(e);
        }
    };
    for (_, what) in &summary.interrupted {
        eprintln!("rasd ingest: {what} was interrupted; re-ingesting its inputs finishes it");
    }
    print_summary(&summary);
    Ok(if summary.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

/// Documents re-coded per round (fetched, coded in parallel, relinked one transaction each).
const RECODE_CHUNK: usize = 512;

/// `rasd recode`: code every stored document again and relink its events.
pub fn recode(db: &Path, coder_config: &CoderConfig) -> Result<ExitCode> {
    let _lock = store_cmd::lock_writer(db)?;
    let mut store = open_store(db)?;
    let ids = document_ids(db)?;
    let before = store.stats()?;
    let coder = Coder::new(coder_config.clone());
    let version = code_cmd::coder_version(coder_config);
    let progress = indicatif::ProgressBar::new(ids.len() as u64);
    progress.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:30} {pos}/{len} documents recoded ({per_sec}, {eta} left)",
        )
        .expect("static template"),
    );
    let t0 = Instant::now();
    let (mut kept, mut created, mut merged, mut deleted, mut updated) = (
        BTreeSet::new(),
        BTreeSet::new(),
        BTreeSet::new(),
        BTreeSet::new(),
        BTreeSet::new(),
    );
    let mut missing = 0usize;
    for chunk in ids.chunks(RECODE_CHUNK) {
        let mut docs = Vec::with_capacity(chunk.len());
        for id in chunk {
            match store.document(id)? {
                Some(d) => docs.push(d.document),
                None => missing += 1, // removed since the listing
            }
        }
        let refs: Vec<&Document> = docs.iter().collect();
        let coded = code_cmd::code_documents(&coder, &refs);
        for (doc, c) in docs.iter().zip(coded) {
            let o = store
                .relink_document(&doc.id, &c.events, &version)
                .with_context(|| format!("relinking document {}", doc.id))?;
            kept.extend(o.kept);
            created.extend(o.created);
            merged.extend(o.merged_into);
            deleted.extend(o.deleted);
            updated.extend(o.updated);
        }
        progress.inc(chunk.len() as u64);
    }
    progress.finish_and_clear();
    let after = store.stats()?;
    // An id deleted by one document and re-created later does not exist: it was removed.
    println!(
        "recoded {} documents in {:.1} s with {version}",
        ids.len() - missing,
        t0.elapsed().as_secs_f64()
    );
    println!("  events kept their id     {}", kept.len());
    println!("  events added             {}", created.len());
    println!(
        "  merged into other events {} (links to events of other documents)",
        merged.len()
    );
    println!("  events removed           {}", deleted.len());
    println!("  events recomputed        {}", updated.len());
    println!(
        "  coded events in store    {} -> {}",
        before.rasd_events, after.rasd_events
    );
    Ok(ExitCode::SUCCESS)
}

/// Ids of every stored document, oldest first. The `Store` trait has no listing, so this reads
/// the SQLite file directly (read-only), relying on the `documents(doc_key, id)` columns of
/// schema v1, or asks the PostgreSQL store.
fn document_ids(db: &Path) -> Result<Vec<String>> {
    if let Some(url) = store_cmd::pg_url(db) {
        return Ok(store_cmd::connect_pg(url)?.document_ids()?);
    }
    let conn = rusqlite::Connection::open_with_flags(
        db,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .with_context(|| format!("opening {} to list documents", db.display()))?;
    let mut stmt = conn
        .prepare("SELECT id FROM documents ORDER BY doc_key")
        .context("listing stored documents")?;
    let ids = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("listing stored documents")?;
    Ok(ids)
}
