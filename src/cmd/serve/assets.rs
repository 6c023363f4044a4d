//! The page and what it loads, built into the binary: nothing is fetched
//! from elsewhere at run time. CodeMirror is vendored as one bundle
//! (`assets/serve/codemirror.js`, its licences beside it; rebuilt by
//! `scripts/editor/build.sh`).

use super::App;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

const INDEX: &str = include_str!("../../../assets/serve/index.html");

/// Name, content type and bytes of each asset.
const ASSETS: &[(&str, &str, &str)] = &[
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("../../../assets/serve/app.js"),
    ),
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("../../../assets/serve/app.css"),
    ),
    (
        "codemirror.js",
        "text/javascript; charset=utf-8",
        include_str!("../../../assets/serve/codemirror.js"),
    ),
    (
        "codemirror.LICENSE",
        "text/plain; charset=utf-8",
        include_str!("../../../assets/serve/codemirror.LICENSE"),
    ),
];

/// What the page may load and run: only what this server sends, no inline
/// script, no other origin. Page images are SVG shown as images (`blob:`),
/// where scripts never run; the empty icon is `data:`, so that the browser
/// does not ask for a `/favicon.ico` without the token.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                      img-src 'self' blob: data:; connect-src 'self'; base-uri 'none'; \
                      form-action 'none'; frame-ancestors 'none'";

/// The page, with the token in its asset addresses and for its script
/// (the token is hex: nothing in it needs escaping).
pub async fn index(State(app): State<Arc<App>>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, POLICY),
            (header::CACHE_CONTROL, "no-store"),
            (header::REFERRER_POLICY, "no-referrer"),
        ],
        INDEX.replace("{{token}}", &app.token),
    )
        .into_response()
}

pub async fn asset(Path(name): Path<String>) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, content_type, body)) => (
            [
                (header::CONTENT_TYPE, *content_type),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            *body,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "không có (not found)").into_response(),
    }
}
