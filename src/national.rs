//! The national list of communes, wards and special zones (3,321 units since
//! the reorganisation of 1 July 2025), built into vanban, and profiles made
//! from it.
//!
//! The list gives a unit's province, name and the former units merged into
//! it, not whether it is a xã, a phường or a đặc khu: the caller says which,
//! or asks vanban to guess from the former units, and vanban says it guessed.
//! Provenance and limits: `data/README.md`.

use crate::input::{Department, Profile, Signer};
use crate::names::{fold, province_title, same_province};
use std::path::Path;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// The list as shipped, `data/don-vi-hanh-chinh-2025.csv`.
const BUILT_IN: &str = include_str!("../data/don-vi-hanh-chinh-2025.csv");

/// Where the built-in list came from, for messages and `--version`.
pub const SOURCE: &str =
    "danh sách 3.321 đơn vị hành chính cấp xã từ 01/7/2025 (VnExpress, 04/7/2025)";

/// One unit of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// As the list writes it: `Hà Nội`, `TP HCM`, `Đồng Nai`.
    pub province: String,
    /// `Gia Lâm`.
    pub name: String,
    /// `Thị trấn Trâu Quỳ, Xã Dương Xá, …`.
    pub former: String,
}

/// The built-in list, parsed once.
pub fn built_in() -> &'static [Listed] {
    static LIST: OnceLock<Vec<Listed>> = OnceLock::new();
    LIST.get_or_init(|| parse(BUILT_IN.as_bytes()).expect("the built-in list parses (tested)"))
}

/// A list of one's own in the same three columns (`--csv`).
pub fn read(path: &Path) -> Result<Vec<Listed>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn parse(bytes: &[u8]) -> Result<Vec<Listed>, String> {
    let mut reader = csv::Reader::from_reader(bytes);
    let mut out = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("dòng {}: {e}", i + 2))?;
        let field = |n: usize| row.get(n).unwrap_or("").trim().nfc().collect::<String>();
        out.push(Listed {
            province: field(0),
            name: field(1),
            former: field(2),
        });
    }
    Ok(out)
}

/// Units whose name matches `query`, diacritics and case ignored, within
/// `province` when given: exact names first, then names starting with the
/// query, then names containing it; in list order within each.
pub fn find<'a>(list: &'a [Listed], query: &str, province: Option<&str>) -> Vec<&'a Listed> {
    let query = fold(query);
    let mut ranked: Vec<(u8, &Listed)> = list
        .iter()
        .filter(|u| province.is_none_or(|p| same_province(&u.province, p)))
        .filter_map(|u| {
            let name = fold(&u.name);
            let rank = if name == query {
                0
            } else if name.starts_with(&query) {
                1
            } else if name.contains(&query) {
                2
            } else {
                return None;
            };
            Some((rank, u))
        })
        .collect();
    ranked.sort_by_key(|(rank, _)| *rank);
    ranked.into_iter().map(|(_, u)| u).collect()
}

/// The province names of the list, each once, in list order.
pub fn provinces(list: &[Listed]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for u in list {
        if !out.contains(&u.province.as_str()) {
            out.push(&u.province);
        }
    }
    out
}

/// The level of a unit, which the list does not give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Level {
    Xa,
    Phuong,
    DacKhu,
    /// Guess from the former units: mostly wards → phường, otherwise xã.
    Doan,
}

impl Level {
    /// The level word of `unit`, and whether it was guessed.
    pub fn of(self, unit: &Listed) -> (&'static str, bool) {
        match self {
            Level::Xa => ("xã", false),
            Level::Phuong => ("phường", false),
            Level::DacKhu => ("đặc khu", false),
            Level::Doan => (guess(&unit.former), true),
        }
    }
}

/// xã or phường from the former units: phường when most were wards.
fn guess(former: &str) -> &'static str {
    let parts: Vec<&str> = former.split(", ").collect();
    let wards = parts
        .iter()
        .filter(|p| p.trim_start().starts_with("Phường"))
        .count();
    if wards * 2 > parts.len() {
        "phường"
    } else {
        "xã"
    }
}

/// The profile of a commune-level People's Committee as the list and the
/// law since 1 July 2025 describe it (Nghị định 150/2025/NĐ-CP, Điều 5):
/// no parent body above it; Văn phòng HĐND và UBND, Phòng Kinh tế (for a
/// phường: Phòng Kinh tế, Hạ tầng và Đô thị) and Phòng Văn hóa - Xã hội; the
/// public-service centre, the police and the health station that plans
/// assign tasks to. The codes are the usual ones; each chairman sets his
/// own, so they are listed to confirm, and the signers are placeholders.
pub fn new_profile(unit: &Listed, word: &str, guessed: bool) -> Profile {
    let department = |ma: &str, ten: String| Department { ma: ma.into(), ten };
    let economy = match word {
        "phường" => "Phòng Kinh tế, Hạ tầng và Đô thị",
        _ => "Phòng Kinh tế",
    };
    let base = Profile {
        co_quan_chu_quan: None,
        ten_co_quan: vec!["ỦY BAN NHÂN DÂN".into(), String::new()],
        viet_tat: "UBND".into(),
        cap: word.into(),
        ten: String::new(),
        tinh: None,
        dia_danh: String::new(),
        tap_the: "ỦY BAN NHÂN DÂN".into(),
        thu_truong: "CHỦ TỊCH".into(),
        van_thu: Some("VT".into()),
        phong_ban: vec![
            department(
                "VP",
                format!("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân {word}"),
            ),
            department("KT", economy.into()),
            department("VHXH", "Phòng Văn hóa - Xã hội".into()),
            department(
                "TTPVHCC",
                format!("Trung tâm Phục vụ hành chính công {word}"),
            ),
            department("CA", format!("Công an {word}")),
            department("TYT", format!("Trạm Y tế {word}")),
        ],
        nguoi_ky: ["CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
            .map(|chuc_vu| Signer {
                ho_ten: String::new(),
                chuc_vu: chuc_vu.into(),
            })
            .into(),
        can_xac_minh: Vec::new(),
    };
    let mut profile = profile_for(&base, unit, word);
    profile.can_xac_minh = vec![
        "mã phòng ban (VP, KT, VHXH, …) là mã thường dùng; Chủ tịch UBND quy định mã của đơn vị mình (usual department codes)".into(),
    ];
    if guessed {
        profile.can_xac_minh.push(format!(
            "cấp `{word}` được đoán từ các đơn vị cũ ({}), vì danh sách không ghi (level guessed)",
            unit.former
        ));
    }
    profile
}

/// `base` made the profile of `unit` at level `word` (xã Gia Lâm): its names
/// replace the base's, the level word in its departments' names follows,
/// and signers become placeholders to fill in.
pub fn profile_for(base: &Profile, unit: &Listed, word: &str) -> Profile {
    let old_word = &base.cap;
    let swap = |s: &str| match s.strip_suffix(old_word.as_str()) {
        Some(stem) if stem.ends_with(' ') => format!("{stem}{word}"),
        _ => s.to_string(),
    };
    let mut ten_co_quan: Vec<String> = base.ten_co_quan.clone();
    if let Some(last) = ten_co_quan.last_mut() {
        *last = format!("{word} {}", unit.name).to_uppercase();
    }
    Profile {
        ten_co_quan,
        cap: word.to_string(),
        ten: unit.name.clone(),
        tinh: Some(province_title(&unit.province)),
        dia_danh: unit.name.clone(),
        phong_ban: base
            .phong_ban
            .iter()
            .map(|d| Department {
                ma: d.ma.clone(),
                ten: swap(&d.ten),
            })
            .collect(),
        nguoi_ky: base
            .nguoi_ky
            .iter()
            .map(|s| Signer {
                ho_ten: format!(
                    "«Họ và tên {}»",
                    capitalise_first(&s.chuc_vu.to_lowercase())
                ),
                chuc_vu: s.chuc_vu.clone(),
            })
            .collect(),
        can_xac_minh: vec![
            "mã và tên phòng ban lấy theo hồ sơ mẫu (department codes copied from the base profile)"
                .into(),
        ],
        ..base.clone()
    }
}

fn capitalise_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_list_has_every_unit_of_the_34_provinces() {
        let list = built_in();
        assert_eq!(list.len(), 3321);
        assert_eq!(provinces(list).len(), 34);
        assert_eq!(list.iter().filter(|u| u.province == "Hà Nội").count(), 126);
        assert!(list.iter().all(|u| !u.name.is_empty()));
    }

    #[test]
    fn names_are_found_without_tones_or_case() {
        let found = find(built_in(), "gia lam", None);
        assert_eq!(found[0].name, "Gia Lâm");
        assert_eq!(found[0].province, "Hà Nội");
        let found = find(built_in(), "ĐỐNG ĐA", Some("ha noi"));
        assert_eq!(found[0].name, "Đống Đa");
        assert!(find(built_in(), "khong co xa nay", None).is_empty());
    }

    #[test]
    fn guesses_the_level_from_former_units() {
        assert_eq!(guess("Phường A, Phường B, Xã C"), "phường");
        assert_eq!(guess("Xã A, Thị trấn B, Phường C"), "xã");
    }

    #[test]
    fn a_new_profile_names_the_unit_and_leaves_signers_to_fill_in() {
        let unit = &find(built_in(), "Gia Lâm", Some("Hà Nội"))[0];
        let (word, guessed) = Level::Doan.of(unit);
        let p = new_profile(unit, word, guessed);
        assert_eq!(p.ten_co_quan, ["ỦY BAN NHÂN DÂN", "XÃ GIA LÂM"]);
        assert_eq!(p.tinh.as_deref(), Some("Thành phố Hà Nội"));
        assert_eq!(p.full_name(), "xã Gia Lâm");
        assert!(p.nguoi_ky.iter().all(|s| s.ho_ten.starts_with('«')));
        assert_eq!(p.can_xac_minh.len(), 2, "codes, and the guessed level");
        let ward = new_profile(unit, "phường", false);
        assert_eq!(
            ward.department("KT").unwrap().ten,
            "Phòng Kinh tế, Hạ tầng và Đô thị"
        );
        assert_eq!(ward.department("CA").unwrap().ten, "Công an phường");
    }
}
