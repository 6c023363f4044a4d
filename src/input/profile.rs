//! A unit profile (hồ sơ đơn vị): who issues, where, with which departments
//! and signers. Swapping it renders the same document for another commune.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Tên cơ quan chủ quản trực tiếp, if any, one entry per printed line
    /// (a single line may be written as a string). A commune's People's
    /// Committee has none since July 2025.
    #[serde(default, deserialize_with = "lines")]
    #[schemars(with = "Option<Lines>")]
    pub co_quan_chu_quan: Option<Vec<String>>,
    /// Tên cơ quan ban hành, one entry per printed line.
    pub ten_co_quan: Vec<String>,
    /// The body's code in ký hiệu (`UBND` in `05/KH-UBND`).
    pub viet_tat: String,
    /// The level word used in running text: `xã`, `phường`, `đặc khu`.
    pub cap: String,
    /// The unit's own name: `Bát Tràng`.
    pub ten: String,
    /// The province it belongs to, as named in running text.
    #[serde(default)]
    pub tinh: Option<String>,
    /// Địa danh of the date line.
    pub dia_danh: String,
    /// The collective signed for with `TM.` (`ỦY BAN NHÂN DÂN`).
    pub tap_the: String,
    /// The head's position (`CHỦ TỊCH`), used after `KT.`, `TL.`, `TUQ.`, `Q.`.
    pub thu_truong: String,
    /// The code of the body's records office first in `Lưu:` (`VT`); `null`
    /// where the body has none (`- Lưu: MTTQ.`).
    #[serde(default = "records_office")]
    pub van_thu: Option<String>,
    /// Departments and units, with the codes used in `Lưu:` and ký hiệu.
    #[serde(default)]
    pub phong_ban: Vec<Department>,
    /// People who sign, with their positions.
    #[serde(default)]
    pub nguoi_ky: Vec<Signer>,
    /// What in this profile was assumed and needs confirming; `render` warns.
    #[serde(default)]
    pub can_xac_minh: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// Code (`VHXH`), set by the head of the body.
    pub ma: String,
    /// Full name as it appears in the text.
    pub ten: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    pub ho_ten: String,
    pub chuc_vu: String,
}

fn records_office() -> Option<String> {
    Some("VT".to_string())
}

/// One line or several.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum Lines {
    One(String),
    Several(Vec<String>),
}

fn lines<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Written {
        One(String),
        Several(Vec<String>),
    }
    Ok(match Option::<Written>::deserialize(d)? {
        None => None,
        Some(Written::One(line)) => Some(vec![line]),
        Some(Written::Several(lines)) => Some(lines),
    })
}

impl Profile {
    pub fn department(&self, code: &str) -> Option<&Department> {
        self.phong_ban.iter().find(|d| d.ma == code)
    }

    pub fn signer(&self, name: &str) -> Option<&Signer> {
        self.nguoi_ky.iter().find(|s| s.ho_ten == name)
    }

    /// The first signer holding `position` (`PHÓ CHỦ TỊCH`).
    pub fn signer_by_position(&self, position: &str) -> Option<&Signer> {
        self.nguoi_ky.iter().find(|s| s.chuc_vu == position)
    }

    /// Values still to be filled in, written `«…»`, with their keys.
    pub fn placeholders(&self) -> Vec<(String, String)> {
        super::strings_of(self)
            .into_iter()
            .filter(|(_, s)| s.contains('«') && s.contains('»'))
            .collect()
    }

    /// `xã Bát Tràng`: the unit as named in running text.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.cap, self.ten)
    }
}
