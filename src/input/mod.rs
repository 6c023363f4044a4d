//! Input files: the document, its unit profile, the registry of cited
//! documents. These serde types are the YAML format.

mod plan;
mod profile;
mod registry;
mod schema_check;
pub mod spans;
mod strings;
mod suggest;
mod table;
pub mod yaml;

pub use plan::{
    Appendix, Content, Dash, DocNumber, DraftRound, JointIssuer, Khoan, Leave, Muc, Node, Part,
    Person, PhanCong, Plan, Signature, Target, TaskResult, TO_CHECK_KEY,
};
pub use profile::{Department, Profile, Signer};
pub use registry::{Entry, Registry};
pub use strings::strings_of;
pub use table::{CellAlign, CellValue, DataCell, DataColumn, DataTable, MergedCell};

use crate::diag::Result;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use unicode_normalization::UnicodeNormalization;

/// JSON Schemas of the three input files, for editors (`vanban schema`).
pub fn schema(kind: SchemaKind) -> String {
    let schema = match kind {
        SchemaKind::VanBan => plan_schema_for_editors(),
        SchemaKind::DonVi => serde_json::to_value(schemars::schema_for!(Profile)),
        SchemaKind::DanhMuc => serde_json::to_value(schemars::schema_for!(Registry)),
    };
    let mut text = serde_json::to_string_pretty(&schema.expect("schema serialises"))
        .expect("schema serialises");
    text.push('\n');
    text
}

/// A document's schema as an editor reads it: `loai` offers the kinds
/// vanban lays out, and once chosen, only the keys its form prints
/// ([`nd30::forms`]). Loading checks against the plain schema instead and
/// leaves the kind's keys to compose, whose message names the kind.
fn plan_schema_for_editors() -> serde_json::Result<serde_json::Value> {
    use crate::nd30::{forms, DocKind};
    use serde_json::{json, Value};
    let mut schema = serde_json::to_value(schemars::schema_for!(Plan))?;
    let mut laid_out = Vec::new();
    let mut each_kind = Vec::new();
    for kind in DocKind::ALL {
        let Some(own) = forms::own_keys(kind) else {
            continue;
        };
        let name = serde_json::to_value(kind)?;
        // The trích yếu is required where the form has one.
        let required: Vec<&str> = own.iter().copied().filter(|k| *k == "trich_yeu").collect();
        let keys: Vec<&str> = forms::COMMON.iter().copied().chain(own).collect();
        each_kind.push(json!({
            "if": { "properties": { "loai": { "const": name } }, "required": ["loai"] },
            "then": { "propertyNames": { "enum": keys }, "required": required },
        }));
        laid_out.push(name);
    }
    schema["$defs"]["DocKind"]["enum"] = Value::Array(laid_out);
    schema["allOf"] = Value::Array(each_kind);
    Ok(schema)
}

/// Which input file a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SchemaKind {
    /// A document (kế hoạch, báo cáo…).
    VanBan,
    /// A unit profile (hồ sơ đơn vị).
    DonVi,
    /// The registry of cited documents (danh mục văn bản).
    DanhMuc,
}

impl SchemaKind {
    pub const ALL: [SchemaKind; 3] = [SchemaKind::VanBan, SchemaKind::DonVi, SchemaKind::DanhMuc];

    /// What an input file is, from its top-level keys, so that `check
    /// data/*.yaml` and the editor take profiles and registries for what
    /// they are; anything else is taken for a document.
    pub fn of_text(text: &str) -> SchemaKind {
        let Ok(serde_norway::Value::Mapping(map)) =
            serde_norway::from_str::<serde_norway::Value>(text)
        else {
            return SchemaKind::VanBan;
        };
        let has = |k: &str| map.contains_key(k);
        if has("loai") {
            SchemaKind::VanBan
        } else if has("ten_co_quan") {
            SchemaKind::DonVi
        } else if !map.is_empty() && map.values().all(|v| v.get("so").is_some()) {
            SchemaKind::DanhMuc
        } else {
            SchemaKind::VanBan
        }
    }

    /// File name under `data/schema/`.
    pub fn file_name(self) -> &'static str {
        match self {
            SchemaKind::VanBan => "van-ban.json",
            SchemaKind::DonVi => "don-vi.json",
            SchemaKind::DanhMuc => "danh-muc.json",
        }
    }
}

/// A document with everything it refers to, loaded.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub plan: Plan,
    pub plan_path: PathBuf,
    pub profile: Profile,
    pub profile_path: PathBuf,
    pub registry: Registry,
    pub registry_path: Option<PathBuf>,
    /// When rendered for another unit: the signer's position in the
    /// document's own profile, to find the same position in the other.
    pub signer_position: Option<String>,
    /// The profile of the body issuing jointly (`lien_tich`), and its path.
    pub joint: Option<(Profile, PathBuf)>,
    /// The document's text as it was parsed (NFC): findings are located in
    /// it, not in the file on disk, which an editor may not have saved yet.
    pub plan_text: Arc<str>,
}

impl Loaded {
    /// The document's path and the text it was read from, for [`crate::check::locate`].
    pub fn source(&self) -> (&Path, &str) {
        (&self.plan_path, &self.plan_text)
    }

    /// The first place in the input files where `c` is written, as
    /// (file, line, column): for messages about a character found only
    /// after composing (a glyph the font lacks).
    pub fn locate(&self, c: char) -> Option<(PathBuf, usize, usize)> {
        let files = [
            Some(&self.plan_path),
            Some(&self.profile_path),
            self.registry_path.as_ref(),
            self.joint.as_ref().map(|(_, path)| path),
        ];
        files.into_iter().flatten().find_map(|path| {
            let text: String = match path == &self.plan_path {
                true => self.plan_text.to_string(),
                false => std::fs::read_to_string(path).ok()?.nfc().collect(),
            };
            text.lines().enumerate().find_map(|(i, line)| {
                let col = line.chars().position(|x| x == c)?;
                Some((path.clone(), i + 1, col + 1))
            })
        })
    }
}

/// The same document for another unit whose profile is already in memory
/// (batch rendering): the signer is found by position, as with `--don-vi`.
pub fn for_unit(base: &Loaded, profile: Profile, profile_path: PathBuf) -> Loaded {
    Loaded {
        profile,
        profile_path,
        signer_position: (base.signer_position.clone())
            .or_else(|| position_held(&base.profile, &base.plan)),
        ..base.clone()
    }
}

/// A liên tịch document names its partner's own profile, which belongs to
/// its unit: rendered for another unit it would print that unit beside the
/// first one's partner. Refused until the partner can be given per unit.
pub fn joint_stays_home(plan: &Plan, path: &Path) -> Result<()> {
    match plan.lien_tich {
        Some(_) => Err(crate::diag::Diagnostic::error(
            "văn bản liên tịch không dựng cho đơn vị khác được: cơ quan cùng ban hành \
             (`lien_tich.don_vi`) là của đơn vị trong tệp (a joint document renders \
             only for its own unit)"
                .to_string(),
        )
        .key("lien_tich")
        .in_file(path)
        .into()),
        None => Ok(()),
    }
}

/// The position (`chuc_vu`) the document's signer holds in `profile`.
fn position_held(profile: &Profile, plan: &Plan) -> Option<String> {
    let signer = profile.signer(&plan.nguoi_ky.ho_ten)?;
    Some(signer.chuc_vu.clone())
}

/// Load a document and the profile and registry it names (paths relative to
/// the document). `profile_override` renders it for another unit.
pub fn load(path: &Path, profile_override: Option<&Path>) -> Result<Loaded> {
    load_text(&yaml::read(path)?, path, profile_override)
}

/// [`load`] with the document's text given, as an editor holds it before
/// saving; what it refers to is read from beside `path`.
pub fn load_text(text: &str, path: &Path, profile_override: Option<&Path>) -> Result<Loaded> {
    let text = yaml::nfc(text);
    let plan: Plan = yaml::parse(&text, path)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let profile_path = match profile_override {
        Some(p) => p.to_path_buf(),
        None => dir.join(&plan.don_vi),
    };
    let profile: Profile = yaml::load(&profile_path)?;
    let signer_position = match profile_override {
        Some(_) => yaml::load::<Profile>(&dir.join(&plan.don_vi))
            .ok()
            .and_then(|own| position_held(&own, &plan)),
        None => None,
    };
    if profile_override.is_some() {
        joint_stays_home(&plan, path)?;
    }
    let joint = match &plan.lien_tich {
        Some(j) => {
            let path = dir.join(&j.don_vi);
            Some((yaml::load(&path)?, path))
        }
        None => None,
    };
    let registry_path = plan.van_ban.as_ref().map(|r| dir.join(r));
    let registry = match &registry_path {
        Some(p) => yaml::load(p)?,
        None => Registry::new(),
    };
    Ok(Loaded {
        plan,
        plan_path: path.to_path_buf(),
        profile,
        profile_path,
        registry,
        registry_path,
        signer_position,
        joint,
        plan_text: text.into(),
    })
}
