//! vanban: văn bản hành chính (Decree 30/2020/NĐ-CP) from YAML, as DOCX and PDF.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`input`] reads the document's YAML, its unit profile and the registry
//!    of cited documents (serde types = the file format; NFC; located errors).
//! 2. [`compose`] builds one page model ([`model`]) with a typed builder per
//!    kind: placeholders ([`text`]), the decree's rules ([`nd30`]), and the
//!    wording a clerk may change ([`templates`]); warnings travel with it.
//! 3. [`render`] writes that model as DOCX (docx-rs) or PDF (typst).
//!
//! The other way in: [`word`] reads a Word file without trusting it,
//! [`import`] recognises its parts and writes vanban's YAML, and [`lint`]
//! checks it against the decree as [`check`] checks YAML. [`fuzzing`] holds
//! the fuzz targets' bodies, one per layer.
//!
//! Only the command line ([`cmd`]) touches output files.

pub mod batch;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod compose;
pub mod date;
pub mod diag;
pub mod fonts;
pub mod fuzzing;
pub mod import;
pub mod input;
pub mod lint;
pub mod model;
pub mod names;
pub mod national;
pub mod nd30;
pub mod next_year;
pub mod render;
pub mod report;
pub mod templates;
pub mod text;
pub mod word;

use std::path::Path;

/// Load and compose a document: the page model both writers render.
pub fn document(path: &Path, profile: Option<&Path>) -> diag::Result<model::Document> {
    let loaded = input::load(path, profile)?;
    let templates = templates::Templates::new(None)?;
    Ok(compose::compose(&loaded, &templates)?.output)
}
