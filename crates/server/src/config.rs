//! What the binary passes in: the typed server configuration.

use rasd_coder::CoderConfig;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;

/// Server settings. The library reads no files, environment or flags: the `rasd` binary layers
/// its defaults, config file, environment (`RASD_TOKEN`) and flags into this.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The event store: a SQLite file, or the `postgres://` / `postgresql://` URL of a
    /// database on a PostgreSQL server (either is created or migrated if needed).
    pub db: PathBuf,
    /// Where to listen. Default `127.0.0.1:8080`; any non-loopback address requires
    /// [`ServerConfig::token`].
    pub bind: SocketAddr,
    /// Access token. When set, every `/api/v1` request except `health` must carry
    /// `Authorization: Bearer <token>` (compared in constant time); the static dashboard files
    /// are served without it and the page asks for the token.
    pub token: Option<String>,
    /// Read connections (read-only on SQLite, where WAL lets them read beside the writer).
    pub read_connections: usize,
    /// Largest accepted request body (`POST /api/v1/documents`), bytes.
    pub max_body_bytes: usize,
    /// Largest number of documents in one `POST /api/v1/documents` batch.
    pub max_batch: usize,
    /// How posted documents are coded (`min_confidence` comes from the CLI's global option).
    pub coder: CoderConfig,
    /// Recorded with every posted document's events (set it with
    /// [`default_coder_version`] after changing [`ServerConfig::coder`]).
    pub coder_version: String,
}

impl ServerConfig {
    /// The default address: loopback only, so no token is needed.
    pub const DEFAULT_BIND: SocketAddr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 8080);

    /// Defaults for the store at `db`.
    pub fn new(db: impl Into<PathBuf>) -> Self {
        ServerConfig {
            db: db.into(),
            bind: Self::DEFAULT_BIND,
            token: None,
            read_connections: 4,
            max_body_bytes: 16 << 20,
            max_batch: 1000,
            coder: CoderConfig::default(),
            coder_version: default_coder_version(&CoderConfig::default()),
        }
    }

    /// The PostgreSQL URL when [`ServerConfig::db`] names a server (`postgres://`,
    /// `postgresql://`) rather than a SQLite file.
    pub fn postgres_url(&self) -> Option<&str> {
        self.db
            .to_str()
            .filter(|s| rasd_store_pg::is_postgres_url(s))
    }

    /// How to name the store in messages: the path, or the URL without its password.
    pub fn shown_db(&self) -> String {
        match self.postgres_url() {
            Some(url) => rasd_store_pg::redact_url(url),
            None => self.db.display().to_string(),
        }
    }

    /// Whether this configuration may be served: loopback addresses always, anything else only
    /// with a non-empty token.
    pub fn check_binding(&self) -> crate::Result<()> {
        let has_token = self.token.as_deref().is_some_and(|t| !t.is_empty());
        if self.bind.ip().is_loopback() || has_token {
            Ok(())
        } else {
            Err(crate::ServerError::TokenRequired { addr: self.bind })
        }
    }
}

/// What posted documents record as their coder: the version and the settings that change the
/// output, in the form `rasd ingest` records (`rasd 0.1.0 (min-confidence 0.5,
/// background-days 60)`), so events coded by either compare equal.
pub fn default_coder_version(coder: &CoderConfig) -> String {
    format!(
        "rasd {} (min-confidence {}, background-days {})",
        env!("CARGO_PKG_VERSION"),
        coder.min_confidence,
        coder.background_days
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_loopback_needs_a_token() {
        let mut c = ServerConfig::new("x.sqlite");
        assert!(c.check_binding().is_ok());
        c.bind = "0.0.0.0:8080".parse().unwrap();
        assert!(c.check_binding().is_err());
        c.token = Some(String::new());
        assert!(c.check_binding().is_err());
        c.token = Some("s3cret".into());
        assert!(c.check_binding().is_ok());
        c.bind = "[::1]:9000".parse().unwrap();
        c.token = None;
        assert!(c.check_binding().is_ok());
    }
}
