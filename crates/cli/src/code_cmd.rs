//! `rasd code`: JSONL in, JSONL out, in input order, bad lines reported and skipped.

use anyhow::{Context, Result};
use rasd_coder::{Coder, CoderConfig};
use rasd_model::{CodedDocument, Document};
use rayon::prelude::*;
use serde_json::Value;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Lines coded in parallel per batch: enough to keep every core busy, few enough to stream.
const BATCH: usize = 2048;

/// What a stored event records as the coder that produced it: the binary's version and the
/// settings that change the output.
pub fn coder_version(config: &CoderConfig) -> String {
    format!(
        "rasd {} (min-confidence {}, background-days {})",
        env!("CARGO_PKG_VERSION"),
        config.min_confidence,
        config.background_days
    )
}

/// Code documents in parallel (rayon), results in input order. `rasd code`, `rasd ingest` and
/// `rasd recode` all code through here, so a stored event is what `rasd code` prints for the
/// same document.
pub fn code_documents(coder: &Coder, docs: &[&Document]) -> Vec<CodedDocument> {
    docs.par_iter().map(|d| coder.code(d)).collect()
}

enum Parsed {
    Doc(Box<Document>),
    Rejected { id: Value, error: String },
    Blank,
}

/// Parse one input line into a document, or say precisely why not.
fn parse_line(bytes: &[u8]) -> Parsed {
    let Ok(line) = std::str::from_utf8(bytes) else {
        return Parsed::Rejected {
            id: Value::Null,
            error: "line is not valid UTF-8 (convert the file to UTF-8 first)".into(),
        };
    };
    let line = line
        .trim_end_matches(['\r', '\n'])
        .trim_start_matches('\u{feff}');
    if line.trim().is_empty() {
        return Parsed::Blank;
    }
    let value: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            return Parsed::Rejected {
                id: Value::Null,
                error: format!("invalid JSON: {e}"),
            }
        }
    };
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    let id_str = match &id {
        Value::String(s) if !s.is_empty() => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => {
            return Parsed::Rejected {
                id,
                error: "missing or empty \"id\"".into(),
            }
        }
    };
    match value.get("text") {
        Some(Value::String(_)) => {}
        _ => {
            return Parsed::Rejected {
                id,
                error: "missing \"text\" (a string)".into(),
            }
        }
    }
    let mut value = value;
    value["id"] = Value::String(id_str);
    match serde_json::from_value::<Document>(value) {
        Ok(d) => Parsed::Doc(Box::new(d)),
        Err(e) => Parsed::Rejected {
            id,
            error: format!("bad field: {e}"),
        },
    }
}

pub fn run(
    input: Option<PathBuf>,
    output: Option<PathBuf>,
    max_doc_bytes: usize,
    config: &CoderConfig,
) -> Result<ExitCode> {
    let (reader, name): (Box<dyn Read>, String) = match &input {
        None => (Box::new(io::stdin().lock()), "<stdin>".into()),
        Some(p) if p.as_os_str() == "-" => (Box::new(io::stdin().lock()), "<stdin>".into()),
        Some(p) => (
            Box::new(File::open(p).with_context(|| format!("cannot open input {}", p.display()))?),
            p.display().to_string(),
        ),
    };
    let writer: Box<dyn Write> = match &output {
        None => Box::new(io::stdout().lock()),
        Some(p) => Box::new(
            File::create(p).with_context(|| format!("cannot create output {}", p.display()))?,
        ),
    };
    let mut reader = BufReader::with_capacity(1 << 20, reader);
    let mut out = BufWriter::with_capacity(1 << 20, writer);
    let coder = Coder::new(config.clone());
    let progress = indicatif::ProgressBar::new_spinner();
    progress.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {pos} documents coded ({per_sec}) {msg}",
        )
        .expect("static template"),
    );
    let (mut line_no, mut rejected, mut blank) = (0usize, 0usize, 0usize);
    let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH);
    loop {
        batch.clear();
        while batch.len() < BATCH {
            let mut buf = Vec::new();
            let n = reader
                .read_until(b'\n', &mut buf)
                .with_context(|| format!("reading {name}"))?;
            if n == 0 {
                break;
            }
            line_no += 1;
            batch.push((line_no, buf));
        }
        if batch.is_empty() {
            break;
        }
        let parsed: Vec<(usize, Parsed)> = batch
            .par_iter()
            .map(|(n, bytes)| {
                let parsed = if bytes.len() > max_doc_bytes {
                    Parsed::Rejected {
                        id: Value::Null,
                        error: format!(
                            "line is {:.1} MB, over the limit of {:.1} MB (--max-doc-mb); split the document",
                            bytes.len() as f64 / 1e6,
                            max_doc_bytes as f64 / 1e6
                        ),
                    }
                } else {
                    parse_line(bytes)
                };
                (*n, parsed)
            })
            .collect();
        let docs: Vec<&Document> = parsed
            .iter()
            .filter_map(|(_, p)| match p {
                Parsed::Doc(d) => Some(&**d),
                _ => None,
            })
            .collect();
        let coded: Vec<String> = code_documents(&coder, &docs)
            .par_iter()
            .map(|c| serde_json::to_string(c).expect("events serialise"))
            .collect();
        let mut coded = coded.into_iter();
        let results = parsed.into_iter().map(|(n, p)| {
            let c = matches!(p, Parsed::Doc(_)).then(|| coded.next()).flatten();
            (n, p, c)
        });
        for (n, parsed, coded) in results {
            match parsed {
                Parsed::Doc(_) => {
                    out.write_all(coded.expect("coded").as_bytes())?;
                    out.write_all(b"\n")?;
                    progress.inc(1);
                }
                Parsed::Rejected { id, error } => {
                    rejected += 1;
                    eprintln!("rasd code: {name}:{n}: {error}; line skipped");
                    let line = serde_json::json!({"id": id, "error": format!("line {n}: {error}")});
                    out.write_all(line.to_string().as_bytes())?;
                    out.write_all(b"\n")?;
                }
                Parsed::Blank => {
                    blank += 1;
                }
            }
        }
    }
    out.flush()?;
    progress.finish_and_clear();
    if blank > 0 {
        eprintln!("rasd code: {name}: {blank} blank line(s) ignored");
    }
    if rejected > 0 {
        eprintln!(
            "rasd code: {name}: {rejected} line(s) rejected, {} coded",
            progress.position()
        );
        return Ok(ExitCode::from(3));
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_with_reasons() {
        assert!(
            matches!(parse_line(b"{not json"), Parsed::Rejected { error, .. } if error.starts_with("invalid JSON"))
        );
        assert!(
            matches!(parse_line(b"{\"text\": \"x\"}"), Parsed::Rejected { error, .. } if error.contains("\"id\""))
        );
        assert!(matches!(parse_line(b"{\"id\": \"a\"}"), Parsed::Rejected { id, .. } if id == "a"));
        assert!(
            matches!(parse_line(b"\xff\xfe"), Parsed::Rejected { error, .. } if error.contains("UTF-8"))
        );
        assert!(
            matches!(parse_line(b"{\"id\": \"a\", \"text\": \"t\", \"published\": \"2026-13-45\"}"),
            Parsed::Rejected { error, .. } if error.starts_with("bad field"))
        );
        assert!(matches!(parse_line(b"  \r\n"), Parsed::Blank));
        assert!(
            matches!(parse_line(b"{\"id\": 7, \"text\": \"t\"}"), Parsed::Doc(d) if d.id == "7")
        );
    }
}
