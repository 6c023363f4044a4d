//! `vanban serve`: a local web page to edit the folder's documents with the
//! pages beside them, updated as the clerk types.
//!
//! - [`folder`]: the folder is the store; paths stay inside it, saves are
//!   atomic and refuse a file changed meanwhile;
//! - [`guard`]: loopback only, the Host header and the token on every
//!   request;
//! - [`api`]: the page's requests, each a thin door to what the command
//!   line does (load, compose, check, render, next-year, report, import);
//! - [`assets`]: the page, its script and the editor component, built into
//!   the binary.
//!
//! Rendering runs on tokio's blocking threads, with the stack typst needs;
//! a panic there is answered as an error, and the server goes on.

mod api;
mod assets;
pub mod folder;
mod guard;

use crate::cli::ServeArgs;
use crate::templates::Templates;
use anyhow::{Context, Result};
use folder::Folder;
use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::sync::Arc;

pub use guard::TOKEN_HEADER;

/// What every request handler shares.
pub struct App {
    folder: Folder,
    token: String,
    hosts: Vec<String>,
    templates: Templates,
    max_pages: usize,
}

pub fn run(args: &ServeArgs) -> Result<ExitCode> {
    let folder = Folder::new(&args.folder).with_context(|| {
        format!(
            "không mở được thư mục {} (cannot open folder)",
            args.folder.display()
        )
    })?;
    let templates = match Templates::new(args.templates.as_deref()) {
        Ok(t) => t,
        Err(d) => {
            eprintln!("{d}");
            return Ok(ExitCode::from(1));
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(crate::render::LAYOUT_STACK)
        .build()
        .context("không khởi động được máy chủ (cannot start the runtime)")?;
    runtime.block_on(async {
        // Loopback only: the page edits files, and no one else should.
        let listener =
            tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, args.port)))
                .await
                .with_context(|| format!("không mở được cổng {} (cannot listen)", args.port))?;
        let port = listener.local_addr()?.port();
        let app = Arc::new(App {
            folder,
            token: guard::new_token()?,
            hosts: guard::hosts(port),
            templates,
            max_pages: args.max_pages,
        });
        println!(
            "vanban serve: {} — mở trong trình duyệt (open in a browser):",
            app.folder.root().display()
        );
        println!("http://127.0.0.1:{port}/?token={}", app.token);
        // Fonts and typst's library load while the clerk opens the page.
        tokio::task::spawn_blocking(crate::render::pdf::prepare);
        axum::serve(listener, api::router(app))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("máy chủ dừng vì lỗi (server failed)")?;
        Ok(ExitCode::SUCCESS)
    })
}
