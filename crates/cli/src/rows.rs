//! Stored events as analytics rows: every event matching the usual filters, read through the
//! store's public `events()` (keyset pages of 10,000) into [`rasd_analytics::EventRow`]s.
//!
//! Decoding rows, not the disk, is the cost (about 5 µs an event on one core, so a million
//! events take seconds), and keyset paging is sequential; so [`load_parallel`] cuts the date
//! span into slices and pages through them on parallel read-only connections, joining the
//! slices in date order as they arrive. Undated events (no series can place them) are counted
//! and left out.

use crate::store_cmd::open_for_reading;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use rasd_analytics::EventRow;
use rasd_store::{EventFilter, Store, StoredEvent};
use std::path::Path;
use std::time::Instant;

/// Stored events as analytics rows.
pub struct Loaded {
    pub rows: Vec<EventRow>,
    /// Matching events without a date (no series can place them): left out.
    pub undated: u64,
    pub secs: f64,
}

/// Page size of the loader: the store's maximum (one query per 10,000 events).
const PAGE: usize = EventFilter::MAX_LIMIT;

/// Append the rows of every page of `filter` (oldest first); returns the undated events seen.
fn load_into(store: &dyn Store, filter: &EventFilter, rows: &mut Vec<EventRow>) -> Result<u64> {
    let mut f = EventFilter {
        limit: Some(PAGE),
        after: None,
        sort: rasd_store::Sort::DateAsc,
        ..filter.clone()
    };
    let mut undated = 0;
    loop {
        let page = store.events(&f).context("reading events from the store")?;
        rows.reserve_exact(page.events.len());
        for e in page.events {
            match to_row(e) {
                Some(r) => rows.push(r),
                None => undated += 1,
            }
        }
        match page.next {
            Some(c) => f.after = Some(c),
            None => break,
        }
    }
    Ok(undated)
}

/// The first and last event date matching `filter`, and how many undated events match (they
/// sort first in date order).
fn date_span(
    store: &dyn Store,
    filter: &EventFilter,
) -> Result<(Option<(NaiveDate, NaiveDate)>, u64)> {
    let one = |sort| EventFilter {
        limit: Some(1),
        after: None,
        sort,
        ..filter.clone()
    };
    // Undated events sort first oldest-first: count them until the first dated one, the
    // earliest date (one row when there are none, as usual).
    let mut undated = 0;
    let mut f = one(rasd_store::Sort::DateAsc);
    let first = 'scan: loop {
        let page = store.events(&f)?;
        for e in &page.events {
            match e.event.event_date {
                Some(d) => break 'scan d,
                None => undated += 1,
            }
        }
        match page.next {
            Some(c) => {
                f.after = Some(c);
                f.limit = Some(PAGE);
            }
            None => return Ok((None, undated)),
        }
    };
    let last = store
        .events(&one(rasd_store::Sort::DateDesc))?
        .events
        .first()
        .and_then(|e| e.event.event_date)
        .unwrap_or(first);
    Ok((Some((first, last)), undated))
}

/// Every stored event matching `filter`, in date order, read in parallel: the date span is cut
/// into slices, each paged through on its own read-only connection (SQLite decoding, not the
/// disk, is the cost: ~5 µs an event on one core), and the slices are joined in order.
/// Concurrent writers may add events while slices are read; each slice is one consistent
/// snapshot per page.
pub fn load_parallel(db: &Path, filter: &EventFilter) -> Result<Loaded> {
    let t = Instant::now();
    let store = open_for_reading(db)?;
    let (span, undated) = date_span(&store, filter)?;
    let Some((first, last)) = span else {
        return Ok(Loaded {
            rows: Vec::new(),
            undated,
            secs: t.elapsed().as_secs_f64(),
        });
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let days = (last - first).num_days() + 1;
    let n_slices = if threads == 1 {
        1
    } else {
        (threads * 4).min(days as usize)
    };
    let bounds: Vec<(NaiveDate, NaiveDate)> = (0..n_slices as i64)
        .map(|k| {
            let a = first + chrono::Days::new((days * k / n_slices as i64) as u64);
            let b = first + chrono::Days::new((days * (k + 1) / n_slices as i64 - 1) as u64);
            (a, b)
        })
        .collect();
    // Workers take slices in date order and send each back; this thread appends them in
    // order as they arrive, so few finished slices wait and memory stays near one copy.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut first_conn = Some(store);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Result<Vec<EventRow>>)>();
    let mut rows: Vec<EventRow> = Vec::new();
    std::thread::scope(|scope| -> Result<()> {
        for _ in 0..threads.min(n_slices) {
            let (next, bounds, tx) = (&next, &bounds, tx.clone());
            // The first worker takes the open connection; the others open their own.
            let mine = first_conn.take();
            scope.spawn(move || {
                let conn = match mine {
                    Some(c) => Ok(c),
                    None => match crate::store_cmd::pg_url(db) {
                        Some(url) => crate::store_cmd::connect_pg(url)
                            .map(|s| Box::new(s) as crate::store_cmd::AnyStore),
                        None => rasd_store::SqliteStore::open_read_only(db)
                            .map(|s| Box::new(s) as crate::store_cmd::AnyStore)
                            .with_context(|| format!("opening the event store {}", db.display())),
                    },
                };
                loop {
                    let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(&(a, b)) = bounds.get(k) else {
                        break;
                    };
                    let f = EventFilter {
                        from: Some(filter.from.map_or(a, |x| x.max(a))),
                        to: Some(filter.to.map_or(b, |x| x.min(b))),
                        ..filter.clone()
                    };
                    let part = match &conn {
                        Ok(c) => {
                            let mut part = Vec::new();
                            load_into(c, &f, &mut part).map(|_| part)
                        }
                        Err(e) => Err(anyhow::anyhow!("{e:#}")),
                    };
                    if tx.send((k, part)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = std::collections::BTreeMap::new();
        let mut want = 0;
        for (k, part) in rx {
            pending.insert(k, part?);
            while let Some(mut part) = pending.remove(&want) {
                rows.reserve_exact(part.len());
                rows.append(&mut part);
                want += 1;
            }
        }
        Ok(())
    })?;
    Ok(Loaded {
        rows,
        undated,
        secs: t.elapsed().as_secs_f64(),
    })
}

/// A stored event as a row (see [`EventRow::from_stored`]); `None` when it has no date.
fn to_row(s: StoredEvent) -> Option<EventRow> {
    EventRow::from_stored(
        s.id.0,
        s.event,
        s.notes,
        s.source.as_deref(),
        s.source_count,
    )
}

/// Open the store and load; prints the count and time on stderr (stdout stays data).
pub fn load(db: &Path, filter: &EventFilter) -> Result<Loaded> {
    let loaded = load_parallel(db, filter)?;
    eprintln!(
        "loaded {} events in {:.2} s{}",
        loaded.rows.len(),
        loaded.secs,
        if loaded.undated > 0 {
            format!(" ({} undated events left out)", loaded.undated)
        } else {
            String::new()
        }
    );
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_load_equals_one_sequential_pass_and_counts_undated_events() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("rasd.db");
        let mut store = rasd_store::SqliteStore::open(&db).unwrap();
        let mut records = rasd_store::synthetic_acled(3_000, 0, 7);
        for r in records.iter_mut().step_by(500) {
            r.event.event_date = None;
        }
        store.import_acled(&records).unwrap();
        let sequential = |f: &EventFilter| {
            let mut rows = Vec::new();
            let undated = load_into(&store, f, &mut rows).unwrap();
            (rows.iter().map(|r| r.id).collect::<Vec<i64>>(), undated)
        };
        let all = EventFilter::default();
        let one = load_parallel(&db, &all).unwrap();
        let (ids, undated) = sequential(&all);
        assert_eq!((one.undated, undated), (6, 6));
        assert_eq!(one.rows.len(), 3_000 - 6);
        assert_eq!(one.rows.iter().map(|r| r.id).collect::<Vec<_>>(), ids);
        assert!(one
            .rows
            .windows(2)
            .all(|w| w[0].event_date <= w[1].event_date));
        // With filters and date bounds that cut through the slices.
        let country = records[1].event.country.clone();
        let f = EventFilter {
            country,
            from: "2014-02-03".parse().ok(),
            to: "2019-11-30".parse().ok(),
            ..Default::default()
        };
        let some = load_parallel(&db, &f).unwrap();
        let (ids, undated) = sequential(&f);
        assert!(!ids.is_empty() && ids.len() < 3_000);
        assert_eq!(some.rows.iter().map(|r| r.id).collect::<Vec<_>>(), ids);
        assert_eq!((some.undated, undated), (0, 0));
        // Nothing matches: no rows, no error.
        let none = EventFilter {
            country: Some("Atlantis".into()),
            ..Default::default()
        };
        assert!(load_parallel(&db, &none).unwrap().rows.is_empty());
    }
}
