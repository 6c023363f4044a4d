//! What every request must show before it is served: a Host header naming
//! this server (a page elsewhere cannot reach it by re-pointing its own
//! name at 127.0.0.1: DNS rebinding), and the token printed at start, in
//! the `x-vanban-token` header or the `token` query parameter.

use super::App;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// The header the page's requests carry the token in.
pub const TOKEN_HEADER: &str = "x-vanban-token";

/// A fresh random token: 128 bits, as hex.
pub fn new_token() -> std::io::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The Host header values this server answers to on `port`.
pub fn hosts(port: u16) -> Vec<String> {
    ["127.0.0.1", "localhost"]
        .iter()
        .map(|h| format!("{h}:{port}"))
        .collect()
}

pub async fn guard(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    if !host.is_some_and(|h| app.hosts.iter().any(|ok| ok == h)) {
        return refuse(
            StatusCode::MISDIRECTED_REQUEST,
            "tên máy chủ không đúng (Host header refused)",
        );
    }
    if !token_of(&request).is_some_and(|t| same(t.as_bytes(), app.token.as_bytes())) {
        return refuse(
            StatusCode::FORBIDDEN,
            "thiếu hoặc sai mã truy cập: mở địa chỉ `vanban serve` đã in ra (token missing or wrong)",
        );
    }
    next.run(request).await
}

fn token_of(request: &Request) -> Option<&str> {
    if let Some(t) = request.headers().get(TOKEN_HEADER) {
        return t.to_str().ok();
    }
    request
        .uri()
        .query()?
        .split('&')
        .find_map(|pair| pair.strip_prefix("token="))
}

/// Equal in time independent of where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn refuse(status: StatusCode, message: &str) -> Response {
    (status, message.to_string()).into_response()
}
