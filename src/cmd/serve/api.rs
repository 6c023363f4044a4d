//! The page's requests. Each handler checks its path with [`Folder`], then
//! does on a blocking thread what the command line does, with its rules
//! and its messages: `check`'s findings, `render`'s refusals, the drafting
//! commands' refusal to overwrite.

use super::folder::{Folder, Opened, Refusal};
use super::{assets, guard, App};
use crate::cmd::check::side_file_findings;
use crate::cmd::{compose_and_check, output, render_checked, Drafted};
use crate::diag::{Diagnostic, Severity};
use crate::input::{self, yaml, SchemaKind};
use crate::render::{self, preview, Format, PdfSettings};
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path as UrlPath, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{middleware, Json, Router};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The largest body of a request carrying a file's text: the largest input
/// vanban reads, and room for the request around it.
const TEXT_LIMIT: usize = yaml::MAX_BYTES as usize + (64 << 10);
/// The largest Word file the page may send to import.
const IMPORT_LIMIT: usize = 64 << 20;

pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(assets::index))
        .route("/assets/{name}", get(assets::asset))
        .route("/api/files", get(files))
        .route("/api/file", get(open))
        .route("/api/schema/{kind}", get(schema))
        .route("/api/suggestions", get(suggestions))
        .route("/api/preview", post(preview))
        .route("/api/save", post(save))
        .route("/api/download/{format}", post(download))
        .route("/api/next-year", post(next_year))
        .route("/api/report", post(report))
        .route(
            "/api/import",
            post(import).layer(DefaultBodyLimit::max(IMPORT_LIMIT)),
        )
        .layer(DefaultBodyLimit::max(TEXT_LIMIT))
        .layer(middleware::from_fn_with_state(app.clone(), guard::guard))
        .with_state(app)
}

/// A request refused or failed, with what to tell the clerk.
#[derive(Debug)]
pub struct Problem {
    status: StatusCode,
    message: String,
    findings: Vec<Finding>,
}

impl Problem {
    fn new(status: StatusCode, message: impl Into<String>) -> Problem {
        Problem {
            status,
            message: message.into(),
            findings: Vec::new(),
        }
    }

    /// Findings that stop the request, as `render` stops on them.
    fn findings(message: &str, found: Vec<Finding>) -> Problem {
        Problem {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            message: message.into(),
            findings: found,
        }
    }
}

impl From<Refusal> for Problem {
    fn from(r: Refusal) -> Problem {
        let status = match r {
            Refusal::Outside(_) => StatusCode::FORBIDDEN,
            Refusal::NotFound(_) => StatusCode::NOT_FOUND,
            Refusal::Changed(_) | Refusal::Exists(_) => StatusCode::CONFLICT,
            Refusal::Unreadable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Refusal::Io(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        Problem::new(status, r.message())
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        #[derive(Serialize)]
        struct Body {
            message: String,
            findings: Vec<Finding>,
        }
        let body = Body {
            message: self.message,
            findings: self.findings,
        };
        (self.status, Json(body)).into_response()
    }
}

/// A finding of `check`, as the editor marks it.
#[derive(Debug, Serialize)]
pub struct Finding {
    severity: &'static str,
    message: String,
    rule: Option<&'static str>,
    line: Option<usize>,
    column: Option<usize>,
    /// The file it is about, when not the file being edited (the profile,
    /// the registry).
    file: Option<String>,
}

fn findings_of(found: Vec<Diagnostic>, edited: &Path, folder: &Folder) -> Vec<Finding> {
    found
        .into_iter()
        .map(|d| {
            let at = d.location.as_deref();
            let elsewhere = at
                .filter(|l| l.file != edited)
                .map(|l| folder.name_of(&l.file));
            Finding {
                severity: match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                rule: d.rule,
                line: at.and_then(|l| l.line),
                column: at.and_then(|l| l.column),
                file: elsewhere,
                message: d.what(),
            }
        })
        .collect()
}

/// Run `work` on a blocking thread: typst's layout is long CPU work, and a
/// panic in it must not take the server down.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Problem> + Send + 'static,
) -> Result<T, Problem> {
    tokio::task::spawn_blocking(work).await.unwrap_or_else(|_| {
        Err(Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "lỗi của vanban khi xử lý yêu cầu này, xin báo lại (internal error)",
        ))
    })
}

#[derive(Serialize)]
struct Listing {
    folder: String,
    files: Vec<super::folder::Entry>,
}

async fn files(State(app): State<Arc<App>>) -> Result<Json<Listing>, Problem> {
    blocking(move || {
        Ok(Json(Listing {
            folder: app.folder.root().display().to_string(),
            files: app.folder.list(),
        }))
    })
    .await
}

#[derive(Deserialize)]
struct FileQuery {
    path: String,
}

async fn open(
    State(app): State<Arc<App>>,
    Query(q): Query<FileQuery>,
) -> Result<Json<Opened>, Problem> {
    blocking(move || Ok(Json(app.folder.open(&q.path)?))).await
}

async fn schema(UrlPath(kind): UrlPath<String>) -> Result<Response, Problem> {
    let kind = SchemaKind::ALL
        .into_iter()
        .find(|k| k.file_name().strip_suffix(".json") == Some(kind.as_str()))
        .ok_or_else(|| {
            Problem::new(
                StatusCode::NOT_FOUND,
                "không có lược đồ này (no such schema)",
            )
        })?;
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        input::schema(kind),
    )
        .into_response())
}

/// Something the clerk may write, and what it stands for: a placeholder
/// and what it prints, a department's code and its name.
#[derive(Serialize, Clone)]
struct Suggestion {
    value: String,
    means: String,
}

fn suggest<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<Suggestion> {
    pairs
        .map(|(value, means)| Suggestion {
            value: value.into(),
            means: means.into(),
        })
        .collect()
}

/// What the editor offers in a document beyond its schema, from its
/// profile and registry.
#[derive(Serialize, Default)]
struct Suggestions {
    /// As the clerk types `{`.
    placeholders: Vec<Suggestion>,
    /// The value of each of these keys, as the clerk types it.
    values: BTreeMap<&'static str, Vec<Suggestion>>,
}

/// The keys whose values are the profile's department codes (`VHXH`):
/// a task's unit, the drafting unit of a công văn, the copies kept.
const DEPARTMENT_KEYS: [&str; 3] = ["phong_ban", "don_vi_soan", "luu"];

/// The suggestions of the saved document at `path` (none when it does
/// not load): a changed profile or registry shows once saved.
async fn suggestions(
    State(app): State<Arc<App>>,
    Query(q): Query<FileQuery>,
) -> Result<Json<Suggestions>, Problem> {
    let path = app.folder.resolve(&q.path)?;
    blocking(move || {
        let Ok(loaded) = input::load(&path, None) else {
            return Ok(Json(Suggestions::default()));
        };
        let profile = &loaded.profile;
        let departments = suggest(profile.phong_ban.iter().map(|d| (&*d.ma, &*d.ten)));
        let signers = suggest(profile.nguoi_ky.iter().map(|s| (&*s.ho_ten, &*s.chuc_vu)));
        let mut values: BTreeMap<_, _> = (DEPARTMENT_KEYS.iter())
            .map(|key| (*key, departments.clone()))
            .collect();
        values.insert("ho_ten", signers);
        let placeholders = (crate::text::Vars::of(&loaded).catalogue().into_iter())
            .map(|(value, means)| Suggestion { value, means })
            .collect();
        Ok(Json(Suggestions {
            placeholders,
            values,
        }))
    })
    .await
}

/// The editor's text of a file.
#[derive(Deserialize)]
struct Edit {
    path: String,
    text: String,
    /// The pages the editor shows already, by id: not sent again.
    #[serde(default)]
    have: Vec<String>,
}

#[derive(Serialize)]
struct Preview {
    findings: Vec<Finding>,
    /// The pages, when the document composes; `None` keeps the last good
    /// ones on screen.
    pages: Option<Vec<preview::Page>>,
}

async fn preview(
    State(app): State<Arc<App>>,
    Json(edit): Json<Edit>,
) -> Result<Json<Preview>, Problem> {
    let path = app.folder.resolve(&edit.path)?;
    blocking(move || Ok(Json(preview_of(&app, &path, &edit)))).await
}

fn preview_of(app: &App, path: &Path, edit: &Edit) -> Preview {
    let (found, pages) = match SchemaKind::of_text(&edit.text) {
        SchemaKind::VanBan => document_preview(app, path, edit),
        kind => (side_file_findings(kind, &edit.text, path), None),
    };
    // Layouts no longer used for a while go; what the clerk is editing
    // stays cached, so the next keystroke lays out only what changed.
    typst::comemo::evict(30);
    Preview {
        findings: findings_of(found, path, &app.folder),
        pages,
    }
}

fn document_preview(
    app: &App,
    path: &Path,
    edit: &Edit,
) -> (Vec<Diagnostic>, Option<Vec<preview::Page>>) {
    let loaded = match input::load_text(&edit.text, path, None) {
        Ok(l) => l,
        Err(d) => return (d.0, None),
    };
    let checked = compose_and_check(&loaded, &app.templates);
    let mut found = checked.findings;
    let Some(page) = checked.page else {
        return (found, None);
    };
    let held: HashSet<&str> = edit.have.iter().map(String::as_str).collect();
    let pages = render::within(&page, app.max_pages)
        .and_then(|()| preview::pages(&page, |id| held.contains(id)));
    match pages {
        Ok(pages) => (found, Some(pages)),
        Err(d) => {
            found.push(d.in_file(path));
            (found, None)
        }
    }
}

#[derive(Deserialize)]
struct Save {
    path: String,
    text: String,
    /// The version the editor opened or last saved.
    version: String,
}

#[derive(Serialize)]
struct Saved {
    version: String,
}

async fn save(State(app): State<Arc<App>>, Json(save): Json<Save>) -> Result<Json<Saved>, Problem> {
    blocking(move || {
        let version = app.folder.save(&save.path, &save.text, &save.version)?;
        Ok(Json(Saved { version }))
    })
    .await
}

/// The editor's text rendered as `render` renders it: refused, with every
/// finding, where `render` would refuse.
async fn download(
    State(app): State<Arc<App>>,
    UrlPath(format): UrlPath<String>,
    Json(edit): Json<Edit>,
) -> Result<Response, Problem> {
    let format = match format.as_str() {
        "docx" => Format::Docx,
        "pdf" => Format::Pdf,
        _ => {
            return Err(Problem::new(
                StatusCode::NOT_FOUND,
                "định dạng không có (no such format)",
            ))
        }
    };
    let path = app.folder.resolve(&edit.path)?;
    let bytes = blocking(move || rendered(&app, &path, &edit.text, format)).await?;
    let content_type = match format {
        Format::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Format::Pdf => "application/pdf",
    };
    Ok(([(header::CONTENT_TYPE, content_type)], bytes).into_response())
}

fn rendered(app: &App, path: &Path, text: &str, format: Format) -> Result<Vec<u8>, Problem> {
    let refused = |found| {
        Problem::findings(
            "văn bản còn lỗi, chưa dựng được (the document has errors)",
            findings_of(found, path, &app.folder),
        )
    };
    let loaded = input::load_text(text, path, None).map_err(|d| refused(d.0))?;
    let settings = PdfSettings::default();
    let (mut outputs, _) =
        render_checked(&loaded, &app.templates, app.max_pages, &[format], settings)
            .map_err(refused)?;
    Ok(outputs.pop().map(|(_, bytes)| bytes).unwrap_or_default())
}

/// What a drafting action wrote.
#[derive(Serialize)]
struct Created {
    /// The new files, the first one to open.
    files: Vec<String>,
    said: Vec<String>,
    findings: Vec<Finding>,
}

/// Write a drafting command's files into the folder, none if any of them
/// exists already or would land outside it.
fn write_drafted(folder: &Folder, drafted: Drafted, edited: &Path) -> Result<Created, Problem> {
    let mut targets = Vec::new();
    for (path, text) in drafted.files {
        let rel = folder.name_of(&path);
        targets.push((folder.new_file(&rel)?, rel, text));
    }
    for (path, _, text) in &targets {
        output::write_atomic(path, text.as_bytes())
            .map_err(|e| Problem::new(StatusCode::INTERNAL_SERVER_ERROR, format!("{e:#}")))?;
    }
    Ok(Created {
        files: targets.into_iter().map(|(_, rel, _)| rel).collect(),
        said: drafted.said,
        findings: findings_of(drafted.warnings, edited, folder),
    })
}

#[derive(Deserialize)]
struct Action {
    path: String,
}

/// Load the saved file `rel` as the commands do; its findings otherwise.
fn load_saved(app: &App, rel: &str) -> Result<(PathBuf, input::Loaded), Problem> {
    let path = app.folder.resolve(rel)?;
    match input::load(&path, None) {
        Ok(loaded) => Ok((path, loaded)),
        Err(d) => Err(Problem::findings(
            "tệp chưa đọc được (the file does not load)",
            findings_of(d.0, &path, &app.folder),
        )),
    }
}

/// What a drafting command makes of a saved file, written into the folder;
/// its refusal (not a plan, the output is the input …) as findings.
fn draft_from_saved(
    app: &App,
    rel: &str,
    draft: impl FnOnce(&input::Loaded) -> Result<Drafted, Diagnostic>,
) -> Result<Created, Problem> {
    let (path, loaded) = load_saved(app, rel)?;
    let drafted = draft(&loaded)
        .map_err(|d| Problem::findings(&d.what(), findings_of(vec![d], &path, &app.folder)))?;
    write_drafted(&app.folder, drafted, &path)
}

async fn next_year(
    State(app): State<Arc<App>>,
    Json(action): Json<Action>,
) -> Result<Json<Created>, Problem> {
    blocking(move || {
        draft_from_saved(&app, &action.path, |loaded| {
            crate::cmd::next_year::draft(loaded, None)
        })
    })
    .await
    .map(Json)
}

async fn report(
    State(app): State<Arc<App>>,
    Json(action): Json<Action>,
) -> Result<Json<Created>, Problem> {
    blocking(move || {
        draft_from_saved(&app, &action.path, |loaded| {
            crate::cmd::report::draft(loaded, &loaded.plan_text, None)
        })
    })
    .await
    .map(Json)
}

#[derive(Deserialize)]
struct ImportQuery {
    /// The Word file's name on the clerk's machine: `ke-hoach-2025.docx`.
    name: String,
}

async fn import(
    State(app): State<Arc<App>>,
    Query(q): Query<ImportQuery>,
    body: Bytes,
) -> Result<Json<Created>, Problem> {
    blocking(move || import_word(&app, &q.name, &body))
        .await
        .map(Json)
}

fn import_word(app: &App, name: &str, bytes: &[u8]) -> Result<Created, Problem> {
    let name = Path::new(name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let upload = PathBuf::from(&name);
    if !crate::cmd::word_file::is_word(&upload) {
        return Err(Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("`{name}`: chỉ nhập được tệp Word .docx hoặc .doc (not a Word file)"),
        ));
    }
    // The upload lives in a private folder while it is read, under its own
    // name, which the import notes as its source.
    let scratch = tempfile::tempdir()
        .map_err(|e| Problem::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    let file = scratch.path().join(&name);
    std::fs::write(&file, bytes)
        .map_err(|e| Problem::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    let doc = crate::cmd::word_file::open(&file)
        .map_err(|d| Problem::new(StatusCode::UNPROCESSABLE_ENTITY, d.to_string()))?;
    let stem = upload.file_stem().map(|s| s.to_string_lossy().into_owned());
    let plan_rel = format!("{}.yaml", stem.as_deref().unwrap_or("van-ban"));
    let plan_path = app.folder.resolve(&plan_rel)?;
    let drafted = crate::cmd::import::draft(&doc, &name, &plan_path);
    let mut created = write_drafted(&app.folder, drafted, &plan_path)?;
    // What was written must load as `render` loads it.
    if let Err(d) = input::load(&plan_path, None) {
        created
            .findings
            .extend(findings_of(d.0, &plan_path, &app.folder));
    }
    Ok(created)
}
