//! The route table: one list that builds the router and that the OpenAPI test checks, so a
//! route cannot be added without being documented.

use crate::{analytics, api, assets, AppState};
use axum::extract::DefaultBodyLimit;
use axum::middleware::{from_fn_with_state, map_response};
use axum::routing::{get, MethodRouter};
use axum::Router;

/// One API route under `/api/v1`.
pub struct ApiRoute {
    /// Path relative to `/api/v1`, in OpenAPI's `{param}` syntax (axum 0.8 uses the same).
    pub path: &'static str,
    /// HTTP methods, lower case.
    pub methods: &'static [&'static str],
    pub(crate) handler: fn() -> MethodRouter<AppState>,
}

impl std::fmt::Debug for ApiRoute {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiRoute")
            .field("path", &self.path)
            .field("methods", &self.methods)
            .finish()
    }
}

/// Every `/api/v1` route.
pub const API_ROUTES: &[ApiRoute] = &[
    ApiRoute {
        path: "/events",
        methods: &["get"],
        handler: || get(api::events),
    },
    ApiRoute {
        path: "/events/{id}",
        methods: &["get"],
        handler: || get(api::event_detail),
    },
    ApiRoute {
        path: "/aggregates",
        methods: &["get"],
        handler: || get(api::aggregates),
    },
    ApiRoute {
        path: "/points",
        methods: &["get"],
        handler: || get(api::points),
    },
    ApiRoute {
        path: "/analytics/series",
        methods: &["get"],
        handler: || get(analytics::series),
    },
    ApiRoute {
        path: "/analytics/warnings",
        methods: &["get"],
        handler: || get(analytics::warnings),
    },
    ApiRoute {
        path: "/analytics/control",
        methods: &["get"],
        handler: || get(analytics::control),
    },
    ApiRoute {
        path: "/analytics/capabilities",
        methods: &["get"],
        handler: || get(analytics::capabilities),
    },
    ApiRoute {
        path: "/documents",
        methods: &["get", "post"],
        handler: || get(api::search_documents).post(api::post_documents),
    },
    ApiRoute {
        path: "/documents/{id}",
        methods: &["get"],
        handler: || get(api::document),
    },
    ApiRoute {
        path: "/boundaries",
        methods: &["get"],
        handler: || get(api::boundaries),
    },
    ApiRoute {
        path: "/health",
        methods: &["get"],
        handler: || get(api::health),
    },
    ApiRoute {
        path: "/version",
        methods: &["get"],
        handler: || get(api::version),
    },
    ApiRoute {
        path: "/openapi.json",
        methods: &["get"],
        handler: || get(api::openapi),
    },
];

/// The whole application: `/api/v1/*` (JSON, token-checked when a token is configured) and the
/// dashboard (`/`, `/assets/*`, public: it holds no data and asks for the token itself).
pub fn router(state: AppState) -> Router {
    let mut api = Router::new();
    for r in API_ROUTES {
        api = api.route(r.path, (r.handler)());
    }
    let api = api
        .route_layer(from_fn_with_state(state.clone(), api::auth))
        .fallback(api::api_not_found)
        .layer(DefaultBodyLimit::max(state.config().max_body_bytes))
        .layer(map_response(api_headers));
    Router::new()
        .nest("/api/v1", api)
        .route("/", get(assets::index))
        .route("/assets/{file}", get(assets::file))
        .fallback(api::api_not_found)
        .with_state(state)
}

/// API answers are data: never sniffed as HTML, never cached by default.
async fn api_headers(mut r: axum::response::Response) -> axum::response::Response {
    use axum::http::{header, HeaderValue};
    let h = r.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    r
}
