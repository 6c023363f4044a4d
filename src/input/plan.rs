//! The document file a clerk keeps: one YAML per văn bản.
//!
//! Keys are the decree's terms without diacritics. Text values may use the
//! placeholders of [`crate::text`] (`{nam}`, `{dia_phuong}`, `{vb:KEY}` …), so
//! the same file renders for another year or another commune.

use super::table::DataTable;
use crate::date::Date;
use crate::nd30::{Authority, DateForm, DocKind, Mark, Secrecy, Urgency};
use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// The key `vanban next-year` leaves its open items under.
pub const TO_CHECK_KEY: &str = "can_kiem_tra";

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
    /// Số: the number given after signing; absent in a draft. A number
    /// prints with the decree's leading zero (`5` → `05`); text (`"012"`) is
    /// kept as written.
    #[serde(default)]
    pub so: Option<DocNumber>,
    /// Ngày ban hành, `YYYY-MM-DD`; absent in a draft.
    #[serde(default)]
    pub ngay: Option<Date>,
    /// Trích yếu: what the document is about. Every form has one but the
    /// giấy nghỉ phép's (see [`crate::nd30::forms`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trich_yeu: Option<String>,
    /// How the outline is numbered, from the top level down, each level
    /// written as its first label: `[I, 1, a]` (a plan's or report's
    /// default), `[I, 1, 1.1, 1.1.1]`, `[1, (1)]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub danh_so: Option<Vec<Mark>>,
    /// How dates are written in citations (`{vb:…}`) and the phụ lục's
    /// `Kèm theo` line: `ngan` (`ngày 14/02/2026`) or `day_du` (`ngày 14
    /// tháng 02 năm 2026`). Unset: citations short, `Kèm theo` in full.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kieu_ngay: Option<DateForm>,
    /// Căn cứ ban hành: one line each (italic; `;` and the final `.` are added).
    #[serde(default)]
    pub can_cu: Vec<String>,
    /// `Theo đề nghị của …`: who proposed it (a decision's last preamble
    /// line, italic, ending `.`); written without the words `Theo đề nghị của`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theo_de_nghi: Option<String>,
    /// Độ khẩn (ô 10b): `khan`, `thuong_khan`, `hoa_toc`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub do_khan: Option<Urgency>,
    /// Độ mật (ô 10a): `mat`, `toi_mat`, `tuyet_mat`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub do_mat: Option<Secrecy>,
    /// A draft for comment: `true` prints `DỰ THẢO` at the top of page 1, a
    /// number `DỰ THẢO LẦN 2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub du_thao: Option<DraftRound>,
    /// Kính gửi (ô 9a): the recipients a công văn or tờ trình is addressed
    /// to, one on the line of `Kính gửi:` or several as `- …;` lines; a
    /// công điện's addressees after `… điện:`; a giấy mời's guests after
    /// `… trân trọng kính mời:`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinh_gui: Vec<String>,
    /// A công văn's drafting department, by its code in the profile: its
    /// ký hiệu is the body's and this (`Số: 12/UBND-VHXH`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub don_vi_soan: Option<String>,
    /// A quyết định's issuing authority under its title, when not the one
    /// vanban derives from the signature (`CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tham_quyen: Option<String>,
    /// Who executes a quyết định: its last article, `… chịu trách nhiệm thi
    /// hành Quyết định này./.`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub thi_hanh: Vec<String>,
    /// A biên bản's start: `Thời gian bắt đầu: …` (`14 giờ 00, ngày
    /// 10/3/2026`); a giấy mời's `Thời gian: …`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thoi_gian: Option<String>,
    /// A biên bản's or giấy mời's place: `Địa điểm: …`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dia_diem: Option<String>,
    /// A biên bản's attendees, one each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub thanh_phan: Vec<String>,
    /// A biên bản's chair as its `Chủ trì` line names them; by default the
    /// signer (`nguoi_ky`), who signs on the right. A giấy mời's `Chủ trì:`
    /// line, printed when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chu_tri: Option<Person>,
    /// A biên bản's secretary, who signs on the left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thu_ky: Option<Person>,
    /// When a biên bản's meeting ended: `Cuộc họp kết thúc vào …./.`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ket_thuc: Option<String>,
    /// The meeting a giấy mời invites to: `Tới dự …`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cuoc_hop: Option<String>,
    /// The person a giấy giới thiệu introduces: `Ông (bà) …`, `Chức vụ: …`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gioi_thieu: Option<Person>,
    /// Where a giấy giới thiệu sends them: `Được cử đến: …`. Its trích yếu
    /// is the `Về việc: …` line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cu_den: Option<String>,
    /// The last day a giấy giới thiệu is valid, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gia_tri_den: Option<Date>,
    /// The leave a giấy nghỉ phép grants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nghi_phep: Option<Leave>,
    /// Opening paragraphs before section I.
    #[serde(default)]
    pub mo_dau: Vec<String>,
    /// The body's outline, in the order written: mục (`muc: …`), numbered
    /// items, paragraphs, `- ` lines, tables (see [`Part`]).
    #[serde(default, skip_serializing_if = "Content::is_empty")]
    pub noi_dung: Content,
    /// Closing paragraph (`Trên đây là …`); `./.` is added at the end.
    #[serde(default)]
    pub ket_luan: Option<String>,
    /// Phụ lục: each on pages of its own after the signature.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phu_luc: Vec<Appendix>,
    /// Nơi nhận, one recipient each, without `- ` or `;`.
    #[serde(default)]
    pub noi_nhan: Vec<String>,
    /// Codes of the units keeping a copy (`Lưu: VT, <codes>.`).
    #[serde(default)]
    pub luu: Vec<String>,
    /// Người ký.
    pub nguoi_ky: Signature,
    /// Liên tịch: a body issuing this document jointly with `don_vi`, which
    /// leads it: named under it in the header, its code after it in the ký
    /// hiệu, its signature on the left of the lead's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lien_tich: Option<JointIssuer>,
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

/// `du_thao: true`, or the round's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum DraftRound {
    Yes(bool),
    Round(u32),
}

impl DraftRound {
    /// The round, where it is a draft at all.
    pub fn round(self) -> Option<Option<u32>> {
        match self {
            DraftRound::Yes(true) => Some(None),
            DraftRound::Yes(false) => None,
            DraftRound::Round(n) => Some(Some(n)),
        }
    }
}

/// Someone named with their position, outside the profile's signers.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub ho_ten: String,
    pub chuc_vu: String,
}

/// A document's number as written: a number, or text kept as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum DocNumber {
    Number(u32),
    Text(String),
}

impl DocNumber {
    /// As printed in `Số:`: a number with the decree's leading zero, text
    /// as written.
    pub fn printed(&self) -> String {
        match self {
            DocNumber::Number(n) => crate::nd30::printed_number(*n),
            DocNumber::Text(t) => t.trim().to_string(),
        }
    }
}

impl<'de> Deserialize<'de> for DocNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<DocNumber, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = DocNumber;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("một số nguyên (an integer) hoặc chữ số giữ nguyên như gõ (`\"012\"`)")
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<DocNumber, E> {
                u32::try_from(n)
                    .map(DocNumber::Number)
                    .map_err(|_| E::custom(format!("số `{n}` quá lớn (number too large)")))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<DocNumber, E> {
                u64::try_from(n)
                    .map_err(|_| E::custom(format!("số `{n}` âm (negative number)")))
                    .and_then(|n| self.visit_u64(n))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<DocNumber, E> {
                let digits = s.trim();
                if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                    return Err(E::invalid_value(de::Unexpected::Str(s), &self));
                }
                Ok(DocNumber::Text(s.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for DocNumber {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DocNumber".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Số: một số nguyên (in kèm số 0 khi dưới 10) hoặc chữ giữ nguyên như gõ",
            "anyOf": [
                { "type": "integer", "minimum": 0 },
                {
                    "type": "string",
                    "pattern": "^\\s*[0-9]+\\s*$",
                    "description": "chữ số, giữ nguyên như gõ (`\"012\"`) (digits, kept as written)"
                }
            ]
        })
    }
}

/// A phụ lục: its title, and its own outline and tables.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    /// The title, printed upper case under `PHỤ LỤC`.
    pub tieu_de: String,
    /// A second line under the title, bold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phu_de: Option<String>,
    /// The kind of an attached text a quyết định issues (`quy_che`,
    /// `quy_dinh`): headed by its tên loại instead of `PHỤ LỤC`, closed with
    /// `./.` (Mẫu 1.3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loai: Option<DocKind>,
    /// The words before the document's kind on the line under the title:
    /// `Kèm theo` for a phụ lục, `Ban hành kèm theo` for an attached text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kem_theo: Option<String>,
    /// The issuing body as that line names it; by default the document's
    /// issuer (`Ủy ban nhân dân xã Bát Tràng`, or `Chủ tịch Ủy ban nhân dân
    /// …` for a decision of the head).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub co_quan: Option<String>,
    /// Its own numbering, as the document's `danh_so`; an attached text
    /// numbers `[Chương I, Điều 1, 1, a]` unless told otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub danh_so: Option<Vec<Mark>>,
    /// Its content in order: an outline numbered afresh, paragraphs, tables.
    #[serde(default, skip_serializing_if = "Content::is_empty")]
    pub noi_dung: Content,
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

/// An item of the outline at any level, numbered by the document's scheme
/// (`I.`, `1.`, `a)` …). It has a title (`tieu_de`; `muc` at the top level)
/// printed as a heading, or a text (`doan_so`) printed as a numbered
/// paragraph, and its content in the order written (`noi_dung`).
///
/// The grouped keys of earlier files (`doan`, `nhiem_vu`, `khoan`, `diem`,
/// `bang`, `phan_cong`) still read: they print in that order, before
/// `noi_dung`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// The title of a top-level item (mục), printed upper case after its
    /// Roman numeral; the same as `tieu_de`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub muc: Option<String>,
    /// A title, printed bold on its own line after the item's number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tieu_de: Option<String>,
    /// The text of a numbered paragraph without a title (`1. Tiếp tục …`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doan_so: Option<String>,
    /// The content, in order: paragraphs (plain strings), numbered items,
    /// `- ` lines (`gach`), tables (`bang`), units' tasks (`phong_ban`).
    /// A single string under a titled item is its paragraph; without a
    /// title it is the item's own text.
    #[serde(default, skip_serializing_if = "Content::is_empty")]
    pub noi_dung: Content,
    /// Paragraphs without a number.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub doan: Vec<String>,
    /// Tasks (nhiệm vụ): several become `- ` lines, one stays a paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nhiem_vu: Vec<String>,
    /// Numbered items one level down: a string is a numbered paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub khoan: Vec<Khoan>,
    /// Numbered paragraphs one level down (`a)`, `b)` …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diem: Vec<String>,
    /// Tables (bảng).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bang: Vec<DataTable>,
    /// Phân công: each unit and its tasks, numbered one level down.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phan_cong: Vec<PhanCong>,
}

/// A top-level item (mục) of `noi_dung`.
pub type Muc = Node;

impl Node {
    /// The title, whichever key wrote it.
    pub fn title(&self) -> Option<&str> {
        self.tieu_de.as_deref().or(self.muc.as_deref())
    }
}

/// A numbered item one level down; written as a plain string it is a
/// numbered paragraph (`1. Tiếp tục …`).
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct Khoan(pub Node);

impl JsonSchema for Khoan {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Khoan".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let node = generator.subschema_for::<Node>();
        schemars::json_schema!({
            "description": "Khoản: một đoạn đánh số (chuỗi) hoặc bảng khóa có `tieu_de` (a numbered paragraph or a titled item)",
            "anyOf": [{ "type": "string" }, node]
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
                Ok(Khoan(Node {
                    doan_so: Some(s.to_string()),
                    ..Node::default()
                }))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Khoan, A::Error> {
                Node::deserialize(de::value::MapAccessDeserializer::new(map)).map(Khoan)
            }
        }
        d.deserialize_any(V)
    }
}

/// Content written in order: what an item holds after its title.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(transparent)]
pub struct Content(pub Vec<Part>);

impl Content {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl JsonSchema for Content {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Content".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let parts = generator.subschema_for::<Vec<Part>>();
        schemars::json_schema!({
            "description": "Nội dung theo thứ tự viết (content in order); một chuỗi là một đoạn",
            "anyOf": [{ "type": "string" }, parts]
        })
    }
}

impl<'de> Deserialize<'de> for Content {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Content, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Content;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string (one paragraph) or a list of parts")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Content, E> {
                Ok(Content(vec![Part::Paragraph(s.to_string())]))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Content, A::Error> {
                Vec::<Part>::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Content)
            }
        }
        d.deserialize_any(V)
    }
}

/// One part of an item's content.
#[derive(Debug, Clone)]
pub enum Part {
    /// A paragraph without a number.
    Paragraph(String),
    /// A numbered item one level down (`tieu_de` or `doan_so`).
    Item(Node),
    /// A `- ` line; `- ` lines inside it print `+ `.
    Dash(Dash),
    /// A table.
    Table(DataTable),
    /// A unit and its tasks, numbered one level down under the unit's name.
    Unit(PhanCong),
}

/// A `- ` line and what it holds.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dash {
    /// The line's text.
    pub gach: String,
    /// Lines under it: `- ` lines here print `+ `; strings are paragraphs.
    #[serde(default, skip_serializing_if = "Content::is_empty")]
    pub noi_dung: Content,
}

/// How a part is written: a string, or a map whose key says what it is.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct PartMap {
    /// A numbered item with a title (as `tieu_de`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    muc: Option<String>,
    /// A numbered item with a title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tieu_de: Option<String>,
    /// A numbered paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    doan_so: Option<String>,
    /// A `- ` line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    gach: Option<String>,
    /// A paragraph, as a plain string would be; under a numbered item, its
    /// paragraphs (a list).
    #[serde(
        default,
        deserialize_with = "one_or_many",
        serialize_with = "one_or_many_out",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(with = "Option<OneOrMany<String>>")]
    doan: Vec<String>,
    /// A table; under a numbered item, its tables (a list).
    #[serde(
        default,
        deserialize_with = "one_or_many",
        serialize_with = "one_or_many_out",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(with = "Option<OneOrMany<DataTable>>")]
    bang: Vec<DataTable>,
    /// A unit of the profile by its code, with its tasks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    phong_ban: Option<String>,
    /// Any other unit by name, with its tasks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    don_vi: Option<String>,
    /// What the item, line or unit holds, in order.
    #[serde(default, skip_serializing_if = "Content::is_empty")]
    noi_dung: Content,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    nhiem_vu: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    khoan: Vec<Khoan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    diem: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    phan_cong: Vec<PhanCong>,
}

impl PartMap {
    /// The part this map writes, or why it is none or several.
    fn into_part(self) -> Result<Part, String> {
        let item = self.muc.is_some() || self.tieu_de.is_some() || self.doan_so.is_some();
        // Under a numbered item `doan` and `bang` are its own; alone, each
        // is a part of its own.
        let heads = [
            ("tieu_de/doan_so", item),
            ("gach", self.gach.is_some()),
            ("doan", !item && !self.doan.is_empty()),
            ("bang", !item && !self.bang.is_empty()),
            (
                "phong_ban/don_vi",
                self.phong_ban.is_some() || self.don_vi.is_some(),
            ),
        ];
        let given: Vec<&str> = heads
            .iter()
            .filter(|(_, on)| *on)
            .map(|(k, _)| *k)
            .collect();
        if given.len() != 1 {
            let found = match given.is_empty() {
                true => "không khóa nào (none)".to_string(),
                false => given.join(", "),
            };
            return Err(format!(
                "mỗi phần ghi đúng một trong các khóa tieu_de, doan_so, gach, doan, bang, \
                 phong_ban, don_vi (each part is exactly one thing); phần này có: {found}"
            ));
        }
        let grouped = !self.nhiem_vu.is_empty()
            || !self.khoan.is_empty()
            || !self.diem.is_empty()
            || !self.phan_cong.is_empty();
        let alone = |what: &str, extra: bool| match extra {
            true => Err(format!(
                "`{what}` không kèm khóa khác ngoài `noi_dung` (nothing else goes with it)"
            )),
            false => Ok(()),
        };
        Ok(if let Some(gach) = self.gach {
            alone("gach", grouped)?;
            Part::Dash(Dash {
                gach,
                noi_dung: self.noi_dung,
            })
        } else if !item && !self.doan.is_empty() {
            alone("doan", grouped || !self.noi_dung.is_empty())?;
            Part::Paragraph(only(self.doan, "doan")?)
        } else if !item && !self.bang.is_empty() {
            alone("bang", grouped || !self.noi_dung.is_empty())?;
            Part::Table(only(self.bang, "bang")?)
        } else if self.phong_ban.is_some() || self.don_vi.is_some() {
            let extra =
                !self.khoan.is_empty() || !self.diem.is_empty() || !self.phan_cong.is_empty();
            alone("phong_ban", extra)?;
            Part::Unit(PhanCong {
                phong_ban: self.phong_ban,
                ten: self.don_vi,
                nhiem_vu: self.nhiem_vu,
                noi_dung: self.noi_dung,
            })
        } else {
            Part::Item(Node {
                muc: self.muc,
                tieu_de: self.tieu_de,
                doan_so: self.doan_so,
                noi_dung: self.noi_dung,
                doan: self.doan,
                nhiem_vu: self.nhiem_vu,
                khoan: self.khoan,
                diem: self.diem,
                bang: self.bang,
                phan_cong: self.phan_cong,
            })
        })
    }

    /// How `part` is written; a paragraph is a plain string instead.
    fn from_part(part: &Part) -> Result<PartMap, &str> {
        Ok(match part {
            Part::Paragraph(p) => return Err(p),
            Part::Item(n) => PartMap {
                muc: n.muc.clone(),
                tieu_de: n.tieu_de.clone(),
                doan_so: n.doan_so.clone(),
                noi_dung: n.noi_dung.clone(),
                doan: n.doan.clone(),
                nhiem_vu: n.nhiem_vu.clone(),
                khoan: n.khoan.clone(),
                diem: n.diem.clone(),
                bang: n.bang.clone(),
                phan_cong: n.phan_cong.clone(),
                ..PartMap::default()
            },
            Part::Dash(d) => PartMap {
                gach: Some(d.gach.clone()),
                noi_dung: d.noi_dung.clone(),
                ..PartMap::default()
            },
            Part::Table(t) => PartMap {
                bang: vec![t.clone()],
                ..PartMap::default()
            },
            Part::Unit(u) => PartMap {
                phong_ban: u.phong_ban.clone(),
                don_vi: u.ten.clone(),
                nhiem_vu: u.nhiem_vu.clone(),
                noi_dung: u.noi_dung.clone(),
                ..PartMap::default()
            },
        })
    }
}

/// The one value of a list written for a part that holds one.
fn only<T>(mut values: Vec<T>, key: &str) -> Result<T, String> {
    match values.len() {
        1 => Ok(values.remove(0)),
        n => Err(format!(
            "`{key}` đứng riêng ghi một giá trị, ở đây có {n}: tách thành {n} phần \
             (one value alone)"
        )),
    }
}

/// One value, or a list of them.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

fn one_or_many<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct V<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("one value or a list")
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Vec<T>, A::Error> {
            Vec::<T>::deserialize(de::value::SeqAccessDeserializer::new(seq))
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Vec<T>, A::Error> {
            T::deserialize(de::value::MapAccessDeserializer::new(map)).map(|t| vec![t])
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<Vec<T>, E> {
            T::deserialize(de::value::StrDeserializer::new(s)).map(|t| vec![t])
        }
    }
    d.deserialize_any(V(std::marker::PhantomData))
}

fn one_or_many_out<S: serde::Serializer, T: Serialize>(
    values: &[T],
    s: S,
) -> Result<S::Ok, S::Error> {
    match values {
        [one] => one.serialize(s),
        many => many.serialize(s),
    }
}

impl JsonSchema for Part {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Part".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let map = generator.subschema_for::<PartMap>();
        schemars::json_schema!({
            "description": "Một phần của nội dung: chuỗi là một đoạn; bảng khóa là mục đánh số (tieu_de, doan_so), dòng gạch (gach), bảng (bang) hoặc đơn vị (phong_ban, don_vi)",
            "anyOf": [{ "type": "string" }, map]
        })
    }
}

impl<'de> Deserialize<'de> for Part {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Part, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Part;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a string (paragraph) or a map (tieu_de, doan_so, gach, bang, phong_ban)",
                )
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Part, E> {
                Ok(Part::Paragraph(s.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Part, A::Error> {
                PartMap::deserialize(de::value::MapAccessDeserializer::new(map))?
                    .into_part()
                    .map_err(de::Error::custom)
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for Part {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match PartMap::from_part(self) {
            Ok(map) => map.serialize(s),
            Err(paragraph) => s.serialize_str(paragraph),
        }
    }
}

/// One unit's responsibilities (section III of a plan).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhanCong {
    /// A department of the profile, by its code (`VHXH`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phong_ban: Option<String>,
    /// Or any other unit, by name (`Các thôn trên địa bàn {cap}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ten: Option<String>,
    /// Its tasks: several become `- ` lines, one stays a paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nhiem_vu: Vec<String>,
    /// Its content in order, after the tasks.
    #[serde(default, skip_serializing_if = "Content::is_empty")]
    pub noi_dung: Content,
}

/// The leave a giấy nghỉ phép grants (Mẫu 1.10), on the request of its date.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Leave {
    /// Who is granted it, and their position.
    pub ho_ten: String,
    pub chuc_vu: String,
    /// The date of their request (`Đơn đề nghị nghỉ phép ngày …`).
    pub ngay_don: Date,
    /// How long, as the office counts it: `12 ngày làm việc`.
    pub thoi_gian: String,
    /// The first and the last day of the leave.
    pub tu_ngay: Date,
    pub den_ngay: Date,
    /// Where they spend it (`tại …`).
    pub noi_nghi: String,
}

/// A body issuing jointly with the document's own (liên tịch).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JointIssuer {
    /// Its unit profile, a path relative to the document.
    pub don_vi: String,
    /// Who signs for it, one of that profile's signers.
    pub nguoi_ky: Signature,
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
    /// The lines above the name when the chain of authority is longer than
    /// `thay_mat` and `hinh_thuc` say (`TL. CỤC TRƯỞNG`, `KT. CHÁNH VĂN
    /// PHÒNG`, `PHÓ CHÁNH VĂN PHÒNG`): printed upper case, as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chuc_danh: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn khoan_is_a_string_or_a_map() {
        let k: Vec<Khoan> =
            serde_norway::from_str("- Một đoạn\n- tieu_de: Tiêu đề\n  nhiem_vu: [a, b]\n").unwrap();
        assert_eq!(k[0].0.doan_so.as_deref(), Some("Một đoạn"));
        assert_eq!(k[1].0.tieu_de.as_deref(), Some("Tiêu đề"));
        assert_eq!(k[1].0.nhiem_vu, ["a", "b"]);
    }

    #[test]
    fn khoan_map_rejects_unknown_keys_with_location() {
        let e = serde_norway::from_str::<Vec<Khoan>>("- tieu_de: T\n  nhiemvu: [a]\n").unwrap_err();
        assert!(e.to_string().contains("unknown field `nhiemvu`"), "{e}");
        assert_eq!(e.location().map(|l| l.line()), Some(2));
    }

    #[test]
    fn content_is_read_in_the_order_written() {
        let c: Content = serde_norway::from_str(
            "- Đoạn đầu.\n- tieu_de: Mục con\n  noi_dung: Đoạn của mục con.\n- gach: Dòng gạch\n  \
             noi_dung:\n    - gach: Dòng cộng\n- doan_so: Đoạn đánh số\n- bang: {cot: [{ten: A}], dong: [[x]]}\n\
             - phong_ban: VHXH\n  nhiem_vu: [a]\n",
        )
        .unwrap();
        let kinds = |c: &Content| -> Vec<&str> {
            c.0.iter()
                .map(|p| match p {
                    Part::Paragraph(_) => "p",
                    Part::Item(_) => "item",
                    Part::Dash(_) => "dash",
                    Part::Table(_) => "table",
                    Part::Unit(_) => "unit",
                })
                .collect()
        };
        assert_eq!(kinds(&c), ["p", "item", "dash", "item", "table", "unit"]);
        let again: Content = serde_norway::from_str(&serde_norway::to_string(&c).unwrap()).unwrap();
        assert_eq!(kinds(&again), kinds(&c), "what is written reads back");
    }

    #[test]
    fn a_part_is_exactly_one_thing() {
        let e = serde_norway::from_str::<Content>("- tieu_de: A\n  gach: B\n").unwrap_err();
        assert!(e.to_string().contains("đúng một"), "{e}");
        let e = serde_norway::from_str::<Content>("- noi_dung: [a]\n").unwrap_err();
        assert!(e.to_string().contains("không khóa nào"), "{e}");
    }
}
