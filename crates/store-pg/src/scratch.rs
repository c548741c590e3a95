//! Throw-away databases for tests and benchmarks.

use crate::blocking::off_runtime;
use crate::pg;
use postgres::{Client, NoTls};
use rasd_store::Result;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// A fresh, empty database created on a server and dropped (with whatever connections remain
/// to it) when this value is dropped. Each test gets its own, so tests run in parallel.
#[derive(Debug)]
pub struct ScratchDatabase {
    server_url: String,
    name: String,
    url: String,
}

/// The URL with its database name replaced.
fn with_database(url: &str, name: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url));
    let query_at = rest.find('?').unwrap_or(rest.len());
    let (before_query, query) = rest.split_at(query_at);
    let authority = before_query.split('/').next().unwrap_or("");
    format!("{scheme}://{authority}/{name}{query}")
}

impl ScratchDatabase {
    /// Create `rasd_<prefix>_<unique>` on the server of `server_url` (any database the user
    /// may connect to, e.g. `postgres://postgres@127.0.0.1:55432/postgres`; the user needs
    /// CREATEDB).
    pub fn create(server_url: &str, prefix: &str) -> Result<Self> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let clean: String = prefix
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .take(30)
            .collect();
        let name = format!(
            "rasd_{clean}_{}_{}_{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        off_runtime(|| {
            let mut admin =
                Client::connect(server_url, NoTls).map_err(pg("connect to PostgreSQL"))?;
            // The name is made of ASCII letters, digits and underscores only.
            admin
                .batch_execute(&format!(
                    "CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'"
                ))
                .map_err(pg("create a scratch database"))
        })?;
        Ok(ScratchDatabase {
            server_url: server_url.to_owned(),
            url: with_database(server_url, &name),
            name,
        })
    }

    /// The URL of the new database.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Its name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Drop for ScratchDatabase {
    fn drop(&mut self) {
        off_runtime(|| {
            if let Ok(mut admin) = Client::connect(&self.server_url, NoTls) {
                let _ = admin.batch_execute(&format!(
                    "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                    self.name
                ));
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_database_name() {
        assert_eq!(
            with_database("postgres://u:p@h:1/postgres?sslmode=disable", "x"),
            "postgres://u:p@h:1/x?sslmode=disable"
        );
        assert_eq!(with_database("postgresql://h", "x"), "postgresql://h/x");
    }
}
