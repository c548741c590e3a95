//! HTTP(S) fetching: a blocking client with timeouts, a size cap and the `rasd/0.1` user agent.
//!
//! TLS is rustls with the *ring* provider (the aws-lc-rs default needs a long C build); the
//! provider is installed process-wide the first time a client is built, unless the host
//! program installed one already.

use crate::SkipReason;
use std::io::Read;
use std::time::Duration;
use url::Url;

/// The user agent sent with every request.
pub(crate) const USER_AGENT: &str = "rasd/0.1";

const ACCEPT: &str = "text/html, application/xhtml+xml, application/rss+xml, \
    application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/plain;q=0.8, */*;q=0.5";

/// A fetched body with what the server said about it.
#[derive(Debug)]
pub(crate) struct Fetched {
    pub body: Vec<u8>,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The URL after redirects.
    pub final_url: Url,
}

/// Build the client. Fails only when the TLS backend cannot be set up.
pub(crate) fn client(timeout: Duration) -> Result<reqwest::blocking::Client, String> {
    // `Err` means a provider is installed already, which is all that is needed.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ACCEPT,
        reqwest::header::HeaderValue::from_static(ACCEPT),
    );
    reqwest::blocking::Client::builder()
        .user_agent(USER_AGENT)
        .default_headers(headers)
        .timeout(timeout)
        .connect_timeout(timeout.min(Duration::from_secs(10)))
        .redirect(reqwest::redirect::Policy::limited(5))
        .build()
        .map_err(|e| e.to_string())
}

fn describe(e: &reqwest::Error) -> String {
    // reqwest's Display omits the cause ("error sending request"); the chain says why.
    let mut out = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    if e.is_timeout() {
        out.push_str(" (timed out)");
    }
    out
}

/// GET `url`, refusing bodies over `limit` bytes (by `Content-Length` before reading, and by
/// counting while reading for servers that do not say).
pub(crate) fn fetch(
    client: &reqwest::blocking::Client,
    url: &Url,
    limit: u64,
) -> Result<Fetched, SkipReason> {
    let resp = client
        .get(url.clone())
        .send()
        .map_err(|e| SkipReason::Fetch {
            detail: describe(&e),
        })?;
    let status = resp.status();
    if !status.is_success() {
        return Err(SkipReason::Http {
            status: status.as_u16(),
        });
    }
    if let Some(len) = resp.content_length().filter(|&l| l > limit) {
        return Err(SkipReason::TooLarge { bytes: len, limit });
    }
    let content_type = resp
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let final_url = resp.url().clone();
    let mut body = Vec::new();
    resp.take(limit.saturating_add(1))
        .read_to_end(&mut body)
        .map_err(|e| SkipReason::Fetch {
            detail: format!("reading the body: {e}"),
        })?;
    if body.len() as u64 > limit {
        return Err(SkipReason::TooLarge {
            bytes: body.len() as u64,
            limit,
        });
    }
    Ok(Fetched {
        body,
        content_type,
        final_url,
    })
}
