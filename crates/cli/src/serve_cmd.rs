//! `rasd serve` and `rasd demo`: the HTTP API and the embedded dashboard (crate `rasd-server`).

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use rasd_coder::CoderConfig;
use rasd_server::ServerConfig;

use crate::code_cmd;

fn server_config(
    db: &Path,
    bind: SocketAddr,
    token: Option<String>,
    coder: &CoderConfig,
) -> ServerConfig {
    let mut sc = ServerConfig::new(db);
    sc.bind = bind;
    sc.token = token.filter(|t| !t.is_empty());
    sc.coder = coder.clone();
    sc.coder_version = code_cmd::coder_version(coder);
    sc
}

/// Exit code for a server error: refusing to listen off loopback without a token is a usage
/// error (2), anything else a failure (1).
fn exit_for(e: &rasd_server::ServerError) -> ExitCode {
    if matches!(e, rasd_server::ServerError::TokenRequired { .. }) {
        ExitCode::from(2)
    } else {
        ExitCode::FAILURE
    }
}

/// `rasd serve`: serve the API and dashboard over the database `db` (a SQLite file or a
/// `postgres://` URL) until Ctrl-C.
pub fn serve(
    db: &Path,
    bind: SocketAddr,
    token: Option<String>,
    coder: &CoderConfig,
) -> Result<ExitCode> {
    let sc = server_config(db, bind, token, coder);
    match rasd_server::run(sc, |a| {
        eprintln!("rasd: dashboard at http://{a}/ (API under /api/v1; Ctrl-C stops)")
    }) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("rasd serve: {e}");
            Ok(exit_for(&e))
        }
    }
}

/// `rasd demo`: code the bundled sample reports into a fresh database in a temporary folder
/// (or `db` when given) and serve the dashboard over it.
pub fn demo(
    db: Option<&Path>,
    bind: SocketAddr,
    token: Option<String>,
    coder: &CoderConfig,
) -> Result<ExitCode> {
    let dir = tempfile::tempdir().context("cannot create a temporary folder for the demo")?;
    let path = db
        .map(Path::to_path_buf)
        .unwrap_or_else(|| dir.path().join("demo.sqlite"));
    let sc = server_config(&path, bind, token, coder);
    let report = rasd_server::load_jsonl(&sc, rasd_server::SAMPLE_JSONL)
        .with_context(|| format!("cannot load the sample reports into {}", path.display()))?;
    eprintln!(
        "rasd demo: {} sample reports coded and stored in {}",
        report.documents.len(),
        path.display()
    );
    match rasd_server::run(sc, |a| {
        eprintln!("rasd demo: open http://{a}/ in a browser (Ctrl-C stops)")
    }) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("rasd demo: {e}");
            Ok(exit_for(&e))
        }
    }
}
