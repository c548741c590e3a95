//! The one error type of the crate, and how each variant becomes an HTTP answer.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use rasd_store::StoreError;
use std::net::SocketAddr;

/// Everything that can go wrong, from a bad query parameter to a port already in use.
///
/// Request errors answer with a JSON body `{"error": {"code", "message", "parameter"?}}` whose
/// `code` ([`ServerError::code`]) is stable: clients match on it, not on the message.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServerError {
    /// A query parameter has a value the endpoint cannot use (malformed date, bad box, page
    /// size above the cap...).
    #[error("bad value for parameter `{parameter}`: {message}")]
    BadParameter { parameter: String, message: String },
    /// A query parameter the endpoint does not know (a typo must not silently widen a query).
    #[error("unknown parameter `{parameter}` (this endpoint takes: {allowed})")]
    UnknownParameter { parameter: String, allowed: String },
    /// A required parameter is missing.
    #[error("missing parameter `{parameter}`")]
    MissingParameter { parameter: &'static str },
    /// No such event, document or route.
    #[error("no {what} {id:?}")]
    NotFound { what: &'static str, id: String },
    /// The server requires an access token and the request had none or a wrong one.
    #[error("a valid access token is required (header `Authorization: Bearer <token>`)")]
    Unauthorized,
    /// The request body is larger than the configured limit.
    #[error("the request body is larger than {limit} bytes")]
    BodyTooLarge { limit: usize },
    /// The request body is not what the endpoint accepts; `index` is the position in a batch.
    #[error("bad request body{}: {message}", index.map(|i| format!(" (item {i})")).unwrap_or_default())]
    BadBody {
        index: Option<usize>,
        message: String,
    },
    /// The store failed during the named operation.
    #[error("store error during {operation}")]
    Store {
        operation: &'static str,
        #[source]
        source: StoreError,
    },
    /// The database could not be opened; `store` is its path, or its URL without the
    /// password.
    #[error("cannot open the event store at {store}")]
    Open {
        store: String,
        #[source]
        source: StoreError,
    },
    /// Binding a non-loopback address without an access token is refused.
    #[error(
        "binding {addr} (not a loopback address) requires an access token (--token or RASD_TOKEN)"
    )]
    TokenRequired { addr: SocketAddr },
    /// The listening socket could not be opened.
    #[error("cannot listen on {addr}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    /// The HTTP server or its runtime failed.
    #[error("the HTTP server failed")]
    Io {
        #[source]
        source: std::io::Error,
    },
    /// Another writer (`rasd ingest`, `rasd recode`) holds the store's writer lock: `lock`
    /// names it (`<db>.lock`, or PostgreSQL's advisory writer lock of a database).
    #[error(
        "another rasd ingest or recode is writing to the store (it holds {lock}); retry later"
    )]
    Busy { lock: String },
    /// A blocking database task panicked or was cancelled.
    #[error("a database task failed: {message}")]
    Task { message: String },
}

/// Shorthand used throughout the crate.
pub type Result<T, E = ServerError> = std::result::Result<T, E>;

impl ServerError {
    /// A [`ServerError::BadParameter`].
    pub fn bad(parameter: impl Into<String>, message: impl Into<String>) -> Self {
        ServerError::BadParameter {
            parameter: parameter.into(),
            message: message.into(),
        }
    }

    /// Wrap a store error, turning the store's own validation errors into parameter errors.
    pub fn store(operation: &'static str, source: StoreError) -> Self {
        match source {
            StoreError::InvalidFilter { field, reason } => ServerError::bad(field, reason),
            StoreError::InvalidCursor { .. } => {
                ServerError::bad("cursor", "not a cursor this server produced")
            }
            source => ServerError::Store { operation, source },
        }
    }

    /// The stable machine-readable code of the error.
    pub fn code(&self) -> &'static str {
        match self {
            ServerError::BadParameter { .. } => "bad_parameter",
            ServerError::UnknownParameter { .. } => "unknown_parameter",
            ServerError::MissingParameter { .. } => "missing_parameter",
            ServerError::NotFound { .. } => "not_found",
            ServerError::Unauthorized => "unauthorized",
            ServerError::BodyTooLarge { .. } => "body_too_large",
            ServerError::BadBody { .. } => "bad_body",
            ServerError::Store { .. } | ServerError::Open { .. } => "store_error",
            ServerError::TokenRequired { .. } => "token_required",
            ServerError::Bind { .. } | ServerError::Io { .. } => "io_error",
            ServerError::Busy { .. } => "busy",
            ServerError::Task { .. } => "internal",
        }
    }

    /// The HTTP status the error answers with.
    pub fn status(&self) -> StatusCode {
        match self {
            ServerError::BadParameter { .. }
            | ServerError::UnknownParameter { .. }
            | ServerError::MissingParameter { .. }
            | ServerError::BadBody { .. } => StatusCode::BAD_REQUEST,
            ServerError::NotFound { .. } => StatusCode::NOT_FOUND,
            ServerError::Unauthorized => StatusCode::UNAUTHORIZED,
            ServerError::BodyTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ServerError::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The parameter at fault, for parameter errors.
    pub fn parameter(&self) -> Option<&str> {
        match self {
            ServerError::BadParameter { parameter, .. }
            | ServerError::UnknownParameter { parameter, .. } => Some(parameter),
            ServerError::MissingParameter { parameter } => Some(parameter),
            _ => None,
        }
    }

    /// The JSON body of the error answer.
    pub fn body(&self) -> serde_json::Value {
        // The message includes the source chain: "store error during X: no such table".
        let mut message = self.to_string();
        let mut source = std::error::Error::source(self);
        while let Some(s) = source {
            message.push_str(": ");
            message.push_str(&s.to_string());
            source = s.source();
        }
        let mut error = serde_json::json!({ "code": self.code(), "message": message });
        if let Some(p) = self.parameter() {
            error["parameter"] = p.into();
        }
        if let ServerError::BadBody { index: Some(i), .. } = self {
            error["index"] = (*i).into();
        }
        serde_json::json!({ "error": error })
    }
}

impl IntoResponse for ServerError {
    fn into_response(self) -> Response {
        let status = self.status();
        let mut response = (status, axum::Json(self.body())).into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from_static("5"),
            );
        }
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameter_errors_name_the_parameter() {
        let e = ServerError::bad("from", "expected YYYY-MM-DD");
        assert_eq!(e.status(), StatusCode::BAD_REQUEST);
        let body = e.body();
        assert_eq!(body["error"]["code"], "bad_parameter");
        assert_eq!(body["error"]["parameter"], "from");
    }

    #[test]
    fn store_validation_errors_are_client_errors() {
        let e = ServerError::store(
            "query",
            StoreError::InvalidFilter {
                field: "bbox",
                reason: "min must not exceed max",
            },
        );
        assert_eq!(e.status(), StatusCode::BAD_REQUEST);
        assert_eq!(e.parameter(), Some("bbox"));
        let e = ServerError::store("query", StoreError::InvalidCursor { cursor: "x".into() });
        assert_eq!(e.parameter(), Some("cursor"));
    }
}
