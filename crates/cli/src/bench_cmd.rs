//! `rasd bench`: whole-pipeline throughput (documents/s, MB/s, peak memory) on a JSONL corpus.

use anyhow::{Context, Result};
use rasd_coder::{Coder, CoderConfig};
use rasd_model::Document;
use rayon::prelude::*;
use std::path::Path;
use std::process::ExitCode;

pub fn run(input: &Path, repeat: usize, config: &CoderConfig) -> Result<ExitCode> {
    let text = std::fs::read_to_string(input)
        .with_context(|| format!("cannot read {}", input.display()))?;
    let base: Vec<Document> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l)
                .with_context(|| format!("{}:{}: not a document", input.display(), i + 1))
        })
        .collect::<Result<_>>()?;
    let docs: Vec<Document> = (0..repeat.max(1))
        .flat_map(|r| {
            base.iter().map(move |d| Document {
                id: format!("{}#{r}", d.id),
                ..d.clone()
            })
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let coder = Coder::new(config.clone());
    // Warm-up: compile the lexicon outside the timed section.
    let _ = coder.code(&docs[0]);
    let t0 = std::time::Instant::now();
    let events: usize = docs.par_iter().map(|d| coder.code(d).events.len()).sum();
    let secs = t0.elapsed().as_secs_f64();
    println!("documents        {}", docs.len());
    println!("events           {events}");
    println!("threads          {}", rayon::current_num_threads());
    println!("seconds          {secs:.3}");
    println!("documents/s      {:.0}", docs.len() as f64 / secs);
    println!("MB/s             {:.2}", bytes as f64 / 1e6 / secs);
    println!(
        "peak memory (MB) {}",
        peak_memory_mb()
            .map(|m| format!("{m:.1}"))
            .unwrap_or_else(|| "unknown".into())
    );
    Ok(ExitCode::SUCCESS)
}

/// Peak resident set size from /proc (Linux); `None` elsewhere.
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
