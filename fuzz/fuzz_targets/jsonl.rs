//! The JSONL reader on arbitrary bytes: `rasd_ingest` reading them as a `.jsonl` file (the
//! `rasd ingest` path), and each line parsed into a `Document` with serde_json (as `rasd code`
//! does). Nothing may panic; every document read has a non-blank text and an id.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rasd_ingest::{Ingest, IngestOptions, Input, Item};
use rasd_model::Document;
use std::path::PathBuf;
use std::sync::OnceLock;

/// One file per fuzzing process, rewritten for each input (on tmpfs when there is one).
fn path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let shm = PathBuf::from("/dev/shm");
        let dir = if shm.is_dir() {
            shm
        } else {
            std::env::temp_dir()
        };
        dir.join(format!("rasd-fuzz-{}.jsonl", std::process::id()))
    })
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the options: ids required or not, and a small per-line limit.
    let (opts, body) = match data.split_first() {
        Some((&b, rest)) => (b, rest),
        None => (0, data),
    };
    let options = IngestOptions {
        require_jsonl_id: opts & 1 == 0,
        max_file_bytes: if opts & 2 == 0 {
            1 << 20
        } else {
            u64::from(opts >> 2)
        },
        ..IngestOptions::default()
    };
    std::fs::write(path(), body).expect("write the fuzz input");
    let ingest = Ingest::new(options);
    let inputs = [Input::Path(path().clone())];
    for item in ingest.items(&inputs) {
        let _ = item.to_string();
        if let Item::Doc { doc, .. } = &item {
            assert!(!doc.text.trim().is_empty(), "{doc:?}");
            assert!(!doc.id.is_empty(), "{doc:?}");
        }
    }

    for line in body.split(|&b| b == b'\n') {
        if let Ok(line) = std::str::from_utf8(line) {
            let line = line.trim_end_matches('\r').trim_start_matches('\u{feff}');
            if let Ok(doc) = serde_json::from_str::<Document>(line) {
                let back = serde_json::to_string(&doc).expect("documents serialise");
                let again: Document = serde_json::from_str(&back).expect("and read back");
                assert_eq!(again, doc);
            }
        }
    }
});
