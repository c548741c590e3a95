//! `rasd`: the command-line front of the Rasd pipeline. Argument parsing, I/O, progress and exit
//! codes live here; every stage is a library crate.

mod analytics_cmd;
mod backtest_cmd;
mod bench_cmd;
mod boundaries;
mod code_cmd;
mod eval;
mod explain_cmd;
mod geo_cmd;
mod ingest_cmd;
mod report_cmd;
mod rows;
mod serve_cmd;
mod store_cmd;

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
    /// The event store (SQLite file, or a `postgres://` URL of a shared server) of ingest,
    /// import, stats, events, search, export, recode and the analytics commands; default `<data dir>/rasd/rasd.db` (`~/.local/share/rasd/rasd.db` on Linux).
    #[arg(long, global = true, env = "RASD_DB", value_name = "PATH|URL")]
    db: Option<PathBuf>,
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
    /// Whole-pipeline throughput: documents/s, MB/s and peak memory on a JSONL corpus; or
    /// `bench store` / `bench ingest` for the event store, `bench analytics`, `bench serve`.
    #[command(args_conflicts_with_subcommands = true)]
    Bench {
        #[command(subcommand)]
        what: Option<BenchCommand>,
        /// JSONL documents (default: the bundled sample).
        #[arg(long, short, default_value = "examples/sample.jsonl")]
        input: PathBuf,
        /// Code the corpus this many times over.
        #[arg(long, default_value_t = 2000)]
        repeat: usize,
    },
    /// Read files, folders (txt, md, html, jsonl, rss/atom), feeds or URLs; code the documents
    /// not stored yet and store them with their events. Exit 3 when some inputs were skipped.
    Ingest {
        /// Files, folders, or http(s) URLs.
        #[arg(required = true, value_name = "PATH_OR_URL")]
        inputs: Vec<String>,
        /// Walk folders recursively.
        #[arg(long, short)]
        recursive: bool,
        /// Skip files larger than this many megabytes (for JSONL: lines).
        #[arg(long, default_value_t = 100.0)]
        max_file_mb: f64,
        /// Documents per stored transaction.
        #[arg(long, default_value_t = 1000)]
        batch: usize,
    },
    /// Import coded reference data into the event store.
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Serve the HTTP API (/api/v1) and the web dashboard over the event store.
    Serve {
        /// Address to listen on; anything but loopback requires --token.
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: std::net::SocketAddr,
        /// Access token required by the API (`Authorization: Bearer`).
        #[arg(long, env = "RASD_TOKEN", hide_env_values = true)]
        token: Option<String>,
    },
    /// Code the bundled sample reports into a fresh database and serve the dashboard over it.
    Demo {
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: std::net::SocketAddr,
        #[arg(long, env = "RASD_TOKEN", hide_env_values = true)]
        token: Option<String>,
    },
    /// Row counts of the event store.
    Stats {
        #[arg(long, value_enum, default_value = "json")]
        format: store_cmd::StatsFormat,
    },
    /// List stored events matching filters (newest first), or `events show ID`.
    #[command(args_conflicts_with_subcommands = true)]
    Events {
        #[command(subcommand)]
        what: Option<EventsCommand>,
        #[command(flatten)]
        filter: store_cmd::FilterArgs,
        #[arg(long, value_enum, default_value = "table")]
        format: store_cmd::ListFormat,
    },
    /// Full-text search over stored documents (accent-, case- and Arabic-spelling-insensitive).
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long, value_enum, default_value = "text")]
        format: store_cmd::ShowFormat,
    },
    /// Export events matching filters: CSV with ACLED's columns, JSON Lines, GeoJSON, or
    /// Parquet (the CSV columns, typed).
    Export {
        #[arg(long, value_enum)]
        format: store_cmd::ExportArg,
        /// Output file (absent: standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        filter: store_cmd::FilterArgs,
    },
    /// Code every stored document again with this coder and relink its events.
    Recode,
    /// Events, fatalities, event types and reporting sources per day, week or month (a surge
    /// in reporting shows as more distinct sources and multi-source events).
    #[command(mut_arg("limit", |a| a.hide(true)))]
    Series {
        #[command(flatten)]
        filter: store_cmd::FilterArgs,
        #[arg(long, value_enum, default_value = "week")]
        interval: analytics_cmd::IntervalArg,
        #[arg(long, value_enum, default_value = "table")]
        format: analytics_cmd::SeriesFormat,
    },
    /// Early warning: weeks of unusual violence against each area's (or actor's) own past
    /// weeks, with the events behind each flag; and new spread of armed groups. --from/--to
    /// bound the weeks reported (baselines use every earlier week).
    #[command(mut_arg("limit", |a| a.hide(true)))]
    Warn {
        #[command(flatten)]
        filter: store_cmd::FilterArgs,
        #[arg(long, value_enum, default_value = "admin2")]
        level: analytics_cmd::WarnLevel,
        /// Minimum flag score, -log10 p (2 = p <= 0.01).
        #[arg(long, default_value = "2", value_parser = analytics_cmd::parse_threshold)]
        threshold: f64,
        /// New spread: an armed group's first event in a district after this many months
        /// without one.
        #[arg(long, default_value_t = 12, value_parser = clap::value_parser!(u32).range(1..=240))]
        spread_months: u32,
        #[arg(long, value_enum, default_value = "table")]
        format: analytics_cmd::Format,
    },
    /// Territorial control / influence INDICATOR per district and month (from reported events;
    /// not a map of control), with the dominant actor and the contributing events. Default:
    /// the last month with events.
    #[command(mut_arg("limit", |a| a.hide(true)))]
    Control {
        #[command(flatten)]
        filter: store_cmd::FilterArgs,
        /// One month, YYYY-MM (instead of --from/--to).
        #[arg(long, value_parser = analytics_cmd::parse_month)]
        month: Option<chrono::NaiveDate>,
        #[arg(long, value_enum, default_value = "table")]
        format: analytics_cmd::Format,
    },
    /// Capabilities and tactics per actor and period (drones, IEDs, VBIEDs, suicide attacks,
    /// shelling, kidnappings, complex attacks on bases, convoy attacks) with first-seen dates.
    #[command(mut_arg("limit", |a| a.hide(true)))]
    Capabilities {
        #[command(flatten)]
        filter: store_cmd::FilterArgs,
        #[arg(long, value_enum, default_value = "month")]
        period: analytics_cmd::PeriodArg,
        #[arg(long, value_enum, default_value = "table")]
        format: analytics_cmd::Format,
    },
    /// Situation report of --from..--to against the previous period of equal length:
    /// Markdown, HTML (Arabic right to left) or PDF (headless Chromium).
    #[command(mut_arg("limit", |a| a.hide(true)))]
    Report {
        #[command(flatten)]
        filter: store_cmd::FilterArgs,
        #[arg(long, value_enum, default_value = "en")]
        lang: report_cmd::LangArg,
        #[arg(long, value_enum, default_value = "md")]
        format: report_cmd::ReportFormat,
        /// Output file (absent: standard output; required for PDF).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Score the early warning against known escalation episodes (CSV `area,peak_week`, peak
    /// as YYYY-MM-DD or YYYY-Www): lead weeks, detected/missed, false alarms per area-year.
    #[command(mut_arg("limit", |a| a.hide(true)))]
    Backtest {
        #[command(flatten)]
        filter: store_cmd::FilterArgs,
        #[arg(long)]
        episodes: PathBuf,
        #[arg(long, value_enum, default_value = "admin2")]
        level: analytics_cmd::AreaLevel,
        #[arg(long, default_value = "2", value_parser = analytics_cmd::parse_threshold)]
        threshold: f64,
        /// A flag up to this many weeks before a peak warns of it.
        #[arg(long, default_value_t = 12)]
        max_lead_weeks: u32,
        #[arg(long, value_enum, default_value = "table")]
        format: analytics_cmd::Format,
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
enum ImportCommand {
    /// Import an ACLED CSV export (idempotent by event_id_cnty; changed rows are updated).
    Acled { file: PathBuf },
}

#[derive(Subcommand)]
enum EventsCommand {
    /// Every field of one event, its source documents, merge reasons and quoted evidence.
    Show {
        /// The event id (as `rasd events` lists it; `rasd-12` from a CSV export works too).
        id: String,
        #[arg(long, value_enum, default_value = "text")]
        format: store_cmd::ShowFormat,
    },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// p95 latency of filtered queries over N synthetic events (bulk-loaded first).
    Store {
        #[arg(long, default_value_t = 1_000_000)]
        events: usize,
        /// Synthetic documents stored through put_batch (0 skips that part).
        #[arg(long, default_value_t = 100_000)]
        documents: usize,
        /// Timed runs per query kind.
        #[arg(long, default_value_t = 20)]
        repeat: usize,
        /// Keep the bench database here (reused by the next run) instead of a scratch file;
        /// a `postgres://` URL benchmarks that PostgreSQL database (documents go to a scratch
        /// database on the same server).
        #[arg(long)]
        path: Option<PathBuf>,
    },
    /// Ingest N synthetic reports (en/fr/ar JSONL) into a scratch database, then again.
    Ingest {
        #[arg(long, default_value_t = 100_000)]
        docs: usize,
        #[arg(long, default_value_t = 1000)]
        batch: usize,
        /// Ingest into a scratch database on this PostgreSQL server (`postgres://...`, any
        /// database there) instead of a scratch SQLite file.
        #[arg(long, value_name = "URL")]
        pg: Option<String>,
    },
    /// Series and flags for every district on N synthetic events, then a situation report.
    Analytics {
        #[arg(long, default_value_t = 1_000_000)]
        events: usize,
    },
    /// Dashboard latency (p50/p95 per scenario and endpoint) over N synthetic stored events,
    /// in-process through the server's router.
    Serve {
        #[arg(long, default_value_t = 100_000)]
        events: usize,
        /// Timed runs of each scenario.
        #[arg(long, default_value_t = 20)]
        repeat: usize,
        /// Keep the bench database here (reused by the next run) instead of a scratch file.
        #[arg(long)]
        path: Option<PathBuf>,
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
        /// Pass each row's `source` column (the outlets it cites) as the document's source,
        /// as a feed would: a national outlet's country becomes the context when the notes
        /// name no state of their own.
        #[arg(long)]
        with_source: bool,
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

/// Run a store command on the database chosen by `--db` / `RASD_DB` / the default.
fn with_db(
    flag_or_env: Option<PathBuf>,
    f: impl FnOnce(&std::path::Path) -> anyhow::Result<ExitCode>,
) -> anyhow::Result<ExitCode> {
    f(&store_cmd::db_path(flag_or_env)?)
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
        Command::Bench {
            what: None,
            input,
            repeat,
        } => bench_cmd::run(&input, repeat, config),
        Command::Bench {
            what:
                Some(BenchCommand::Store {
                    events,
                    documents,
                    repeat,
                    path,
                }),
            ..
        } => bench_cmd::store(events, documents, repeat, path.as_deref()),
        Command::Bench {
            what: Some(BenchCommand::Ingest { docs, batch, pg }),
            ..
        } => bench_cmd::ingest(docs, batch, pg.as_deref(), config),
        Command::Bench {
            what: Some(BenchCommand::Analytics { events }),
            ..
        } => analytics_cmd::bench(events),
        Command::Bench {
            what:
                Some(BenchCommand::Serve {
                    events,
                    repeat,
                    path,
                }),
            ..
        } => bench_cmd::serve(events, repeat, path.as_deref()),
        Command::Ingest {
            inputs,
            recursive,
            max_file_mb,
            batch,
        } => with_db(cli.db, |db| {
            let ingest = ingest_cmd::IngestConfig {
                recursive,
                max_file_bytes: (max_file_mb.max(0.0) * 1024.0 * 1024.0) as u64,
                batch,
                progress: true,
                report_skips: true,
            };
            ingest_cmd::run(db, &inputs, &ingest, config)
        }),
        Command::Import {
            what: ImportCommand::Acled { file },
        } => with_db(cli.db, |db| store_cmd::import_acled(db, &file)),
        Command::Serve { bind, token } => {
            with_db(cli.db, |db| serve_cmd::serve(db, bind, token, config))
        }
        // The demo never touches the user's database: a fresh one in a temporary folder.
        Command::Demo { bind, token } => serve_cmd::demo(None, bind, token, config),
        Command::Stats { format } => with_db(cli.db, |db| store_cmd::stats(db, format)),
        Command::Events {
            what: Some(EventsCommand::Show { id, format }),
            ..
        } => with_db(cli.db, |db| store_cmd::show(db, &id, format)),
        Command::Events {
            what: None,
            filter,
            format,
        } => with_db(cli.db, |db| store_cmd::events(db, &filter, format)),
        Command::Search {
            query,
            limit,
            format,
        } => with_db(cli.db, |db| store_cmd::search(db, &query, limit, format)),
        Command::Export {
            format,
            output,
            filter,
        } => with_db(cli.db, |db| {
            store_cmd::export(db, &filter, format, output.as_deref())
        }),
        Command::Recode => with_db(cli.db, |db| ingest_cmd::recode(db, config)),
        Command::Series {
            filter,
            interval,
            format,
        } => with_db(cli.db, |db| {
            analytics_cmd::series(db, &filter, interval, format)
        }),
        Command::Warn {
            filter,
            level,
            threshold,
            spread_months,
            format,
        } => with_db(cli.db, |db| {
            let w = analytics_cmd::WarnArgs {
                level,
                threshold,
                spread_months,
                format,
            };
            analytics_cmd::warn(db, &filter, &w)
        }),
        Command::Control {
            filter,
            month,
            format,
        } => with_db(cli.db, |db| {
            analytics_cmd::control(db, &filter, month, format)
        }),
        Command::Capabilities {
            filter,
            period,
            format,
        } => with_db(cli.db, |db| {
            analytics_cmd::capabilities(db, &filter, period, format)
        }),
        Command::Report {
            filter,
            lang,
            format,
            output,
        } => with_db(cli.db, |db| {
            report_cmd::run(db, &filter, lang, format, output.as_deref())
        }),
        Command::Backtest {
            filter,
            episodes,
            level,
            threshold,
            max_lead_weeks,
            format,
        } => with_db(cli.db, |db| {
            let b = backtest_cmd::BacktestArgs {
                episodes: &episodes,
                level,
                threshold,
                max_lead_weeks,
                format,
            };
            backtest_cmd::run(db, &filter, &b)
        }),
        Command::Eval {
            what:
                EvalCommand::Acled {
                    file,
                    errors,
                    json,
                    with_source,
                },
        } => eval::acled(&file, errors.as_deref(), json, with_source, config),
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
