//! `rasd`: the command-line front of the Rasd pipeline. Argument parsing, I/O, progress and exit
//! codes live here; every stage is a library crate.

mod bench_cmd;
mod code_cmd;
mod eval;
mod explain_cmd;
mod geo_cmd;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "rasd",
    version,
    about = "Offline conflict-event coder for Arabic, French and English reports"
)]
struct Cli {
    /// Emit only events at or above this confidence (0-1; default 0.5).
    #[arg(long, global = true, env = "RASD_MIN_CONFIDENCE")]
    min_confidence: Option<f32>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code JSONL documents into ACLED-style events (one output line per input line, in order).
    Code {
        /// Input JSONL (`-` or absent: standard input).
        #[arg(long, short)]
        input: Option<PathBuf>,
        /// Output JSONL (absent: standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Reject (and report) documents longer than this many megabytes.
        #[arg(long, default_value_t = 64.0)]
        max_doc_mb: f64,
    },
    /// Whole-pipeline throughput: documents/s, MB/s and peak memory on a JSONL corpus.
    Bench {
        /// JSONL documents (default: the bundled sample).
        #[arg(long, short, default_value = "examples/sample.jsonl")]
        input: PathBuf,
        /// Code the corpus this many times over.
        #[arg(long, default_value_t = 2000)]
        repeat: usize,
    },
    /// Show what the lexicon matched in a text and the events coded from it.
    Explain {
        text: String,
        /// Publication date (YYYY-MM-DD) for relative dates.
        #[arg(long)]
        published: Option<chrono::NaiveDate>,
    },
    /// Measure the coder against coded reference data.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Build the gazetteer (`data/geo`) from the raw geographic sources.
    Gazetteer {
        #[command(subcommand)]
        what: GazetteerCommand,
    },
    /// Find and resolve the place names in a text, or give the admin units of a point.
    Geocode {
        /// The text to geoparse (Arabic, French or English).
        #[arg(required_unless_present = "point", conflicts_with = "point")]
        text: Option<String>,
        /// ACLED country name hinting where the text is about (repeatable), e.g. "Mali".
        #[arg(long = "country", value_name = "NAME")]
        countries: Vec<String>,
        /// Give country / admin1 / admin2 for a point instead: latitude first, e.g. 12.64,-8.0.
        #[arg(long, value_name = "LAT,LON", allow_hyphen_values = true, value_parser = geo_cmd::parse_point)]
        point: Option<geo_cmd::LatLon>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum GazetteerCommand {
    /// Build admin.json.gz and places.tsv.gz into --out (reading the hand-kept aliases.tsv
    /// there) from the sources in --source; reports every skipped row with file:line.
    Build {
        /// Raw sources laid out like ../shared/geo (wof/, geonames/, naturalearth-admin1/, ...).
        #[arg(long, default_value = "../shared/geo")]
        source: PathBuf,
        /// Output directory (holds aliases.tsv; receives admin.json.gz and places.tsv.gz).
        #[arg(long, default_value = "data/geo")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Compare with an ACLED export: each row's `notes` is coded as a document published 7 days
    /// after the event.
    Acled {
        file: PathBuf,
        /// Write one JSON line per row where the coder disagrees, for error analysis.
        #[arg(long)]
        errors: Option<PathBuf>,
        /// Print metrics as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Detection precision/recall/F1 on labelled Arabic GSR sentences.
    Gsr {
        file: PathBuf,
        #[arg(long, value_enum)]
        kind: eval::GsrKind,
        #[arg(long)]
        errors: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut config = rasd_coder::CoderConfig::default();
    if let Some(c) = cli.min_confidence {
        if !(0.0..=1.0).contains(&c) {
            eprintln!("rasd: error: --min-confidence must be between 0 and 1, got {c}");
            return ExitCode::from(2);
        }
        config.min_confidence = c;
    }
    let config = &config;
    let result = match cli.command {
        Command::Code {
            input,
            output,
            max_doc_mb,
        } => code_cmd::run(input, output, (max_doc_mb.max(0.0) * 1e6) as usize, config),
        Command::Explain { text, published } => explain_cmd::run(&text, published, config),
        Command::Bench { input, repeat } => bench_cmd::run(&input, repeat, config),
        Command::Eval {
            what: EvalCommand::Acled { file, errors, json },
        } => eval::acled(&file, errors.as_deref(), json, config),
        Command::Eval {
            what:
                EvalCommand::Gsr {
                    file,
                    kind,
                    errors,
                    json,
                },
        } => eval::gsr(&file, kind, errors.as_deref(), json, config),
        Command::Gazetteer {
            what: GazetteerCommand::Build { source, out },
        } => geo_cmd::build(&source, &out),
        Command::Geocode {
            point: Some(p),
            json,
            ..
        } => geo_cmd::point(p, json),
        Command::Geocode {
            text,
            countries,
            json,
            point: None,
        } => geo_cmd::text(text.as_deref().unwrap_or_default(), countries, json),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rasd: error: {e:#}");
            ExitCode::from(1)
        }
    }
}
