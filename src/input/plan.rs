//! The document file a clerk keeps: one YAML per văn bản.
//!
//! Keys are the decree's terms without diacritics. Text values may use the
//! placeholders of [`crate::text`] (`{nam}`, `{dia_phuong}`, `{vb:KEY}` …), so
//! the same file renders for another year or another commune.

use crate::date::Date;
use crate::nd30::{Authority, DocKind};
use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// A document (văn bản) as written in its YAML file.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Tên loại: `ke_hoach`, `bao_cao`, `quyet_dinh`, `cong_van` …
    pub loai: DocKind,
    /// The unit profile (hồ sơ đơn vị), a path relative to this file.
    pub don_vi: String,
    /// The registry of legal bases and cited documents, relative to this file.
    #[serde(default)]
    pub van_ban: Option<String>,
    /// The year the document belongs to (năm).
    pub nam: u16,
    /// Số: the number given after signing; absent in a draft.
    #[serde(default)]
    pub so: Option<u32>,
    /// Ngày ban hành, `YYYY-MM-DD`; absent in a draft.
    #[serde(default)]
    pub ngay: Option<Date>,
    /// Trích yếu: what the document is about.
    pub trich_yeu: String,
    /// Căn cứ ban hành: one line each (italic; `;` and the final `.` are added).
    #[serde(default)]
    pub can_cu: Vec<String>,
    /// Opening paragraphs before section I.
    #[serde(default)]
    pub mo_dau: Vec<String>,
    /// The numbered sections I., II., …
    #[serde(default)]
    pub noi_dung: Vec<Muc>,
    /// Closing paragraph (`Trên đây là …`); `./.` is added at the end.
    #[serde(default)]
    pub ket_luan: Option<String>,
    /// Nơi nhận, one recipient each, without `- ` or `;`.
    #[serde(default)]
    pub noi_nhan: Vec<String>,
    /// Codes of the units keeping a copy (`Lưu: VT, <codes>.`).
    #[serde(default)]
    pub luu: Vec<String>,
    /// Người ký.
    pub nguoi_ky: Signature,
    /// Items `vanban next-year` left for a person to check; `render` warns
    /// while any remain.
    #[serde(default)]
    pub can_kiem_tra: Vec<String>,
    /// Báo cáo: the result of each task of the plan reported on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ket_qua: Vec<TaskResult>,
    /// Chỉ tiêu: targets, planned and achieved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chi_tieu: Vec<Target>,
    /// Báo cáo: tồn tại, hạn chế, nguyên nhân (section II).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ton_tai: Vec<String>,
    /// Báo cáo: phương hướng, nhiệm vụ (section III).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phuong_huong: Vec<String>,
    /// Báo cáo: kiến nghị, đề xuất (section IV).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kien_nghi: Vec<String>,
}

/// One task of a plan and what came of it.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskResult {
    /// The unit responsible, or the group of tasks (a khoản's title).
    pub don_vi: String,
    pub nhiem_vu: String,
    /// The result, to fill in; empty in a fresh draft.
    #[serde(default)]
    pub ket_qua: String,
}

/// A target: its planned value and, in a report, what was achieved.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub ten: String,
    #[serde(default)]
    pub don_vi_tinh: Option<String>,
    pub ke_hoach: f64,
    #[serde(default)]
    pub thuc_hien: Option<f64>,
}

/// A mục: `I. TITLE`, then paragraphs, khoản, and unit responsibilities.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Muc {
    /// The title, printed upper case after its Roman numeral.
    pub muc: String,
    #[serde(default)]
    pub doan: Vec<String>,
    #[serde(default)]
    pub khoan: Vec<Khoan>,
    /// Phân công: each unit and its tasks, numbered as khoản.
    #[serde(default)]
    pub phan_cong: Vec<PhanCong>,
}

/// A khoản. Written as a plain string it is a numbered paragraph
/// (`1. Tiếp tục …`); as a map it has a bold title and content under it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KhoanMap {
    #[serde(default)]
    pub tieu_de: Option<String>,
    /// Text of a numbered paragraph without a title.
    #[serde(default)]
    pub noi_dung: Option<String>,
    #[serde(default)]
    pub doan: Vec<String>,
    /// Tasks (nhiệm vụ): several become `- ` items, one stays a paragraph.
    #[serde(default)]
    pub nhiem_vu: Vec<String>,
    /// Điểm a), b) … each with its own text.
    #[serde(default)]
    pub diem: Vec<String>,
    /// Tables (bảng) after the khoản's text.
    #[serde(default)]
    pub bang: Vec<DataTable>,
}

/// A table written in the data: its columns and rows of cells.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataTable {
    pub cot: Vec<DataColumn>,
    #[serde(default)]
    pub dong: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataColumn {
    pub ten: String,
    /// Share of the width in percent; the rest is shared equally.
    #[serde(default)]
    pub rong: Option<f32>,
    /// A column of numbers: right-aligned.
    #[serde(default)]
    pub so: bool,
}

#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct Khoan(pub KhoanMap);

impl JsonSchema for Khoan {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Khoan".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let map = generator.subschema_for::<KhoanMap>();
        schemars::json_schema!({
            "description": "Khoản: một đoạn đánh số (chuỗi) hoặc bảng khóa có `tieu_de` (a numbered paragraph or a titled khoản)",
            "anyOf": [{ "type": "string" }, map]
        })
    }
}

impl<'de> Deserialize<'de> for Khoan {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Khoan, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Khoan;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string (numbered paragraph) or a map with `tieu_de`")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Khoan, E> {
                Ok(Khoan(KhoanMap {
                    noi_dung: Some(s.to_string()),
                    ..KhoanMap::default()
                }))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Khoan, A::Error> {
                KhoanMap::deserialize(de::value::MapAccessDeserializer::new(map)).map(Khoan)
            }
        }
        d.deserialize_any(V)
    }
}

/// One unit's responsibilities (section III of a plan).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhanCong {
    /// A department of the profile, by its code (`VHXH`).
    #[serde(default)]
    pub phong_ban: Option<String>,
    /// Or any other unit, by name (`Các thôn trên địa bàn {cap}`).
    #[serde(default)]
    pub ten: Option<String>,
    pub nhiem_vu: Vec<String>,
}

/// Who signs and with what authority (ô 7).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// `TM.`: signing on behalf of the collective (tập thể) of the profile.
    #[serde(default)]
    pub thay_mat: bool,
    /// `KT`, `TL`, `TUQ` or `Q`; absent when the head signs in person.
    #[serde(default)]
    pub hinh_thuc: Option<Authority>,
    /// The signer's full name, one of the profile's signers.
    pub ho_ten: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn khoan_is_a_string_or_a_map() {
        let k: Vec<Khoan> =
            serde_norway::from_str("- Một đoạn\n- tieu_de: Tiêu đề\n  nhiem_vu: [a, b]\n").unwrap();
        assert_eq!(k[0].0.noi_dung.as_deref(), Some("Một đoạn"));
        assert_eq!(k[1].0.tieu_de.as_deref(), Some("Tiêu đề"));
        assert_eq!(k[1].0.nhiem_vu, ["a", "b"]);
    }

    #[test]
    fn khoan_map_rejects_unknown_keys_with_location() {
        let e = serde_norway::from_str::<Vec<Khoan>>("- tieu_de: T\n  nhiemvu: [a]\n").unwrap_err();
        assert!(e.to_string().contains("unknown field `nhiemvu`"), "{e}");
        assert_eq!(e.location().map(|l| l.line()), Some(2));
    }
}
