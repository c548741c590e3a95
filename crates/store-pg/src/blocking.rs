//! The synchronous client inside async programs.
//!
//! The `postgres` crate drives each connection with a small tokio runtime of its own, and tokio
//! refuses to start (a query) or shut down (closing a connection) a runtime on a thread that
//! is inside another runtime's context: an async handler or `#[tokio::test]` calling a
//! [`crate::PgStore`] would panic. Every call that reaches the client goes through
//! [`off_runtime`], which runs it on the calling thread when that is allowed and on a short-lived
//! helper thread (tens of microseconds) otherwise, so the store works from any thread.

use postgres::Client;
use std::ops::{Deref, DerefMut};

/// Run `f` where the synchronous client may block: here, or on a helper thread when this thread
/// belongs to a tokio runtime (its blocking-pool threads included, which would not need it, but
/// tokio does not say which is which).
pub(crate) fn off_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    if tokio::runtime::Handle::try_current().is_err() {
        return f();
    }
    std::thread::scope(|s| match s.spawn(f).join() {
        Ok(v) => v,
        Err(panic) => std::panic::resume_unwind(panic),
    })
}

/// A client that is closed through [`off_runtime`] when dropped.
pub(crate) struct OwnedClient(Option<Client>);

impl OwnedClient {
    pub(crate) fn new(client: Client) -> Self {
        OwnedClient(Some(client))
    }
}

impl Deref for OwnedClient {
    type Target = Client;
    fn deref(&self) -> &Client {
        self.0.as_ref().expect("the client lives until drop")
    }
}

impl DerefMut for OwnedClient {
    fn deref_mut(&mut self) -> &mut Client {
        self.0.as_mut().expect("the client lives until drop")
    }
}

impl Drop for OwnedClient {
    fn drop(&mut self) {
        if let Some(client) = self.0.take() {
            off_runtime(move || drop(client));
        }
    }
}
