//! load → check → render over arbitrary bytes as a document, with the seed's
//! profile and registry. Nothing may panic; every refusal is a diagnostic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use vanban::input::{self, Loaded, Profile, Registry};

fn context() -> &'static (Profile, Registry, vanban::templates::Templates) {
    static CONTEXT: OnceLock<(Profile, Registry, vanban::templates::Templates)> = OnceLock::new();
    CONTEXT.get_or_init(|| {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        (
            input::yaml::load(&data.join("don-vi/bat-trang.yaml")).expect("profile"),
            input::yaml::load(&data.join("van-ban.yaml")).expect("registry"),
            vanban::templates::Templates::new(None).expect("templates"),
        )
    })
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let (profile, registry, templates) = context();
    let Ok(plan) = input::yaml::parse(text, Path::new("fuzz.yaml")) else { return };
    let loaded = Loaded {
        plan,
        plan_path: PathBuf::from("fuzz.yaml"),
        profile: profile.clone(),
        profile_path: PathBuf::from("don-vi.yaml"),
        registry: registry.clone(),
        registry_path: None,
        signer_position: None,
    };
    let Ok(doc) = vanban::compose::compose(&loaded, templates) else { return };
    let findings = vanban::check::check(&loaded, Some(&doc));
    if findings.iter().any(|d| d.is_error()) {
        return;
    }
    let _ = vanban::render::docx::write(&doc.output);
    let _ = vanban::render::pdf::write(&doc.output, Default::default());
});
