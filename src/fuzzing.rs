//! The fuzz targets' bodies, one per layer, so each runs fast and `cargo
//! test` runs their corpora through the same code (`fuzz/`; a target that
//! no longer builds would otherwise go unseen):
//!
//! - [`load_check`]: YAML read and checked, composed, no layout;
//! - [`word`]: a DOCX read, imported and linted;
//! - [`model_docx`] and [`model_pdf`]: a document's page model written.
//!
//! Each takes arbitrary bytes and must never panic; documents use the seed's
//! profile and registry, built in.

use crate::compose::{self, Warned};
use crate::input::{self, Loaded, Profile, Registry};
use crate::model::Document;
use crate::templates::Templates;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const PROFILE: &str = include_str!("../data/don-vi/bat-trang.yaml");
const REGISTRY: &str = include_str!("../data/van-ban.yaml");

fn context() -> &'static (Profile, Registry, Templates) {
    static CONTEXT: OnceLock<(Profile, Registry, Templates)> = OnceLock::new();
    CONTEXT.get_or_init(|| {
        (
            serde_norway::from_str(PROFILE).expect("the seed's profile"),
            serde_norway::from_str(REGISTRY).expect("the seed's registry"),
            Templates::new(None).expect("the built-in wording"),
        )
    })
}

/// `bytes` as a document with the seed's profile and registry, loaded.
fn loaded(bytes: &[u8]) -> Option<Loaded> {
    let text = std::str::from_utf8(bytes).ok()?;
    let (profile, registry, _) = context();
    let plan = input::yaml::parse(text, Path::new("fuzz.yaml")).ok()?;
    Some(Loaded {
        plan,
        plan_path: PathBuf::from("fuzz.yaml"),
        profile: profile.clone(),
        profile_path: PathBuf::from("don-vi.yaml"),
        registry: registry.clone(),
        registry_path: None,
        signer_position: None,
        joint: None,
        plan_text: text.into(),
    })
}

/// The page model of a document without errors.
fn composed(bytes: &[u8]) -> Option<Warned<Document>> {
    let doc = loaded(bytes)?;
    let composed = compose::compose(&doc, &context().2).ok()?;
    let findings = crate::check::check(&doc, Some(&composed));
    (!findings.iter().any(|d| d.is_error())).then_some(composed)
}

/// Read, check and compose; no layout.
pub fn load_check(bytes: &[u8]) {
    if let Some(doc) = loaded(bytes) {
        let composed = compose::compose(&doc, &context().2).ok();
        let _ = crate::check::check(&doc, composed.as_ref());
    }
}

/// Read a Word file within vanban's limits, import it and lint it.
pub fn word(bytes: &[u8]) {
    if let Ok(doc) = crate::word::read(bytes.to_vec(), crate::word::Limits::default()) {
        let _ = crate::import::import(
            &doc,
            &crate::import::Names {
                profile: "don-vi.yaml",
                joint_profile: "lien-tich.yaml",
                registry: "van-ban.yaml",
                source: "fuzz.docx",
            },
        );
        let _ = crate::lint::lint(&doc, Path::new("fuzz.docx"));
    }
}

/// A document's page model written as DOCX.
pub fn model_docx(bytes: &[u8]) {
    if let Some(doc) = composed(bytes) {
        let _ = crate::render::docx::write(&doc.output);
    }
}

/// A document's page model written as PDF (typst's layout: the slow layer).
pub fn model_pdf(bytes: &[u8]) {
    if let Some(doc) = composed(bytes) {
        let _ = crate::render::pdf::write(&doc.output, Default::default());
        // As a batch does between units: typst's caches would otherwise
        // grow with every input (1.4 GB after 22,000).
        typst::comemo::evict(10);
    }
}
