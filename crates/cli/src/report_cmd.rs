//! `rasd report`: a situation report (SitRep) of a period in English, French or Arabic, as
//! Markdown, HTML or PDF.
//!
//! The library builds the report once ([`SitRep::build`]) and lays it out; this command loads
//! the events in scope up to `--to` (earlier events give the previous period, the flags'
//! baselines and the control indicator's history), writes the output atomically, and for PDF
//! hands the HTML to a headless Chromium (`--print-to-pdf`), found on `PATH` or named by
//! `RASD_CHROMIUM`. Nothing after `--to` is read, so a report of a past period is what an
//! analyst could have written then.

use crate::analytics_cmd::analytics_filter;
use crate::rows::load;
use crate::store_cmd::{FilterArgs, EXIT_USAGE};
use anyhow::{bail, Context, Result};
use rasd_analytics::{Lang, RenderOptions, SitRep};
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// Report language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    En,
    Fr,
    /// Arabic, right to left.
    Ar,
}

impl LangArg {
    fn lang(self) -> Lang {
        match self {
            LangArg::En => Lang::En,
            LangArg::Fr => Lang::Fr,
            LangArg::Ar => Lang::Ar,
        }
    }
}

/// Report output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Md,
    Html,
    /// HTML printed to PDF by headless Chromium.
    Pdf,
}

/// Programs tried, in order, when `RASD_CHROMIUM` is not set.
const CHROMIUM_NAMES: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// How long Chromium may take to print one report.
const PDF_TIMEOUT: Duration = Duration::from_secs(120);

pub fn run(
    db: &Path,
    args: &FilterArgs,
    lang: LangArg,
    format: ReportFormat,
    output: Option<&Path>,
) -> Result<ExitCode> {
    let usage = |m: &str| {
        eprintln!("rasd report: error: {m}");
        Ok(ExitCode::from(EXIT_USAGE))
    };
    let (Some(from), Some(to)) = (args.from, args.to) else {
        return usage("the report period needs both --from and --to (YYYY-MM-DD)");
    };
    if from > to {
        return usage("--from is after --to");
    }
    if args.limit.is_some() {
        return usage("--limit does not apply: a report reads every matching event");
    }
    if format == ReportFormat::Pdf && output.is_none() {
        return usage("--format pdf needs --output FILE.pdf");
    }
    // Find the browser before the work it would print.
    let chromium = match format {
        ReportFormat::Pdf => Some(find_chromium()?),
        _ => None,
    };
    let mut filter = args.filter().map_err(anyhow::Error::msg)?;
    filter.from = None;
    let loaded = load(db, &filter)?;
    let t = Instant::now();
    let rep = SitRep::build(&loaded.rows, from, to, &analytics_filter(args))?;
    let lang = lang.lang();
    let body = match format {
        ReportFormat::Md => rep.to_markdown(lang),
        ReportFormat::Html | ReportFormat::Pdf => {
            let lines =
                crate::boundaries::lines_for(rep.by_country.iter().map(|c| c.name.as_str()));
            rep.to_html_with(
                lang,
                &RenderOptions {
                    boundaries: &lines,
                    projection: None,
                },
            )
        }
    };
    eprintln!(
        "report {from} .. {to}: {} events, {} flags, built in {:.2} s",
        rep.events.current,
        rep.flags.len(),
        t.elapsed().as_secs_f64()
    );
    match (format, output) {
        (ReportFormat::Pdf, Some(out)) => print_pdf(
            chromium.as_deref().unwrap_or(Path::new("chromium")),
            &body,
            out,
        )?,
        (_, Some(out)) => write_atomic(out, body.as_bytes())?,
        (_, None) => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(body.as_bytes())?;
            stdout.flush()?;
        }
    }
    if let Some(out) = output {
        eprintln!("wrote {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Write through a temporary file in the same folder, renamed into place.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot create a file in {}", dir.display()))?;
    tmp.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// `RASD_CHROMIUM`, else the first of [`CHROMIUM_NAMES`] on `PATH`.
fn find_chromium() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("RASD_CHROMIUM").filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        if p.is_file() {
            return Ok(p);
        }
        bail!(
            "RASD_CHROMIUM names {}, which is not a file; PDF reports need headless Chromium",
            p.display()
        );
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in CHROMIUM_NAMES {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if p.is_file() {
                return Ok(p);
            }
        }
    }
    bail!(
        "cannot make a PDF: the program `chromium` is not on PATH (nor chromium-browser or \
         google-chrome). Install it (Debian: apt-get install chromium) or set RASD_CHROMIUM to a \
         Chromium binary; --format html gives the same report to print from any browser"
    )
}

/// Print `html` to `out` with headless Chromium: the page goes to a scratch folder (with a
/// throw-away browser profile, so concurrent runs never share one), the PDF to a temporary
/// file beside `out`, renamed into place once Chromium has finished and the file is a PDF.
fn print_pdf(chromium: &Path, html: &str, out: &Path) -> Result<()> {
    let scratch = tempfile::tempdir().context("cannot create a scratch directory")?;
    let page = scratch.path().join("report.html");
    std::fs::write(&page, html).context("cannot write the report page for Chromium")?;
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = tempfile::Builder::new()
        .suffix(".pdf")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a file in {}", dir.display()))?;
    let mut print_to = OsString::from("--print-to-pdf=");
    print_to.push(tmp.path());
    let mut profile = OsString::from("--user-data-dir=");
    profile.push(scratch.path().join("profile"));
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            "--no-pdf-header-footer",
        ])
        .arg(profile)
        .arg(print_to)
        .arg(url_of(&page))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot start {}", chromium.display()))?;
    // Drain stderr on a thread so a chatty browser cannot block on a full pipe.
    let mut stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(e) = stderr.as_mut() {
            let _ = std::io::Read::read_to_string(e, &mut s);
        }
        s
    });
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait()? {
            break s;
        }
        if started.elapsed() > PDF_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            bail!(
                "{} did not finish printing the PDF within {} s",
                chromium.display(),
                PDF_TIMEOUT.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let log = reader.join().unwrap_or_default();
    let head = std::fs::read(tmp.path()).unwrap_or_default();
    if !status.success() || !head.starts_with(b"%PDF") {
        let tail: Vec<&str> = log.lines().rev().take(8).collect();
        bail!(
            "{} did not print a PDF ({status}); its last messages:\n{}",
            chromium.display(),
            tail.into_iter().rev().collect::<Vec<_>>().join("\n")
        );
    }
    tmp.persist(out)
        .with_context(|| format!("cannot write {}", out.display()))?;
    Ok(())
}

/// A `file://` URL for a local path (percent-encoding what a URL cannot hold).
fn url_of(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut url = String::from("file://");
    for b in abs.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                url.push(b as char)
            }
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_escape_spaces_and_non_ascii() {
        assert_eq!(
            url_of(Path::new("/tmp/a b/تقرير.html")),
            "file:///tmp/a%20b/%D8%AA%D9%82%D8%B1%D9%8A%D8%B1.html"
        );
    }
}
