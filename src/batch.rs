//! Batch rendering: one document per unit, the units coming from a folder
//! of profiles or from the national list of communes and wards (CSV).
//!
//! The CSV gives a unit's province, name and the former units merged into
//! it, not whether it is a xã, a phường or a đặc khu: the caller says which,
//! or asks vanban to guess from the former units (and vanban says it guessed).

use crate::input::{self, Department, Profile, Signer};
use std::path::{Path, PathBuf};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The level of the units in a CSV batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Level {
    Xa,
    Phuong,
    DacKhu,
    /// Guess from the former units: all wards → phường, otherwise xã.
    Doan,
}

impl Level {
    fn word(self) -> &'static str {
        match self {
            Level::Xa | Level::Doan => "xã",
            Level::Phuong => "phường",
            Level::DacKhu => "đặc khu",
        }
    }
}

/// One unit to render for.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Folder under the output folder: `xa-gia-lam`, or `ha-noi/xa-gia-lam`
    /// when the batch spans provinces.
    pub slug: String,
    pub profile: Result<(Profile, PathBuf), String>,
    /// The level (xã/phường) was guessed from the former units.
    pub guessed: bool,
}

/// `Gia Lâm` → `gia-lam`.
pub fn slug(s: &str) -> String {
    let ascii: String = s
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// Every `*.yaml` profile in `dir`, sorted by name.
pub fn units_from_dir(dir: &Path) -> Result<Vec<Unit>, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    paths.sort();
    Ok(paths
        .into_iter()
        .map(|path| Unit {
            slug: path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            profile: input::yaml::load::<Profile>(&path)
                .map(|p| (p, path.clone()))
                .map_err(|d| d.to_string()),
            guessed: false,
        })
        .collect())
}

/// The rows of `csv` in `province` (all rows without one), each made a
/// profile from `base`: the unit's names replace the base's, signers become
/// placeholders. Across provinces each unit's folder is under its
/// province's; names that differ only in their tones (Lộc Thành, Lộc Thạnh)
/// would share a folder, so the later ones get `-2`, `-3`.
pub fn units_from_csv(
    csv_path: &Path,
    province: Option<&str>,
    level: Level,
    base: &Profile,
) -> Result<Vec<Unit>, String> {
    let mut reader =
        csv::Reader::from_path(csv_path).map_err(|e| format!("{}: {e}", csv_path.display()))?;
    let mut units = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("{}: dòng {}: {e}", csv_path.display(), i + 2))?;
        let row_province = row.get(0).unwrap_or("").trim();
        if province.is_some_and(|p| p != row_province) {
            continue;
        }
        let name = row.get(1).unwrap_or("").trim().to_string();
        let former = row.get(2).unwrap_or("");
        let (word, guessed) = match level {
            Level::Doan => (guess(former), true),
            l => (l.word(), false),
        };
        let profile = profile_for(base, word, &name, row_province);
        let folder = slug(&format!("{word} {name}"));
        units.push(Unit {
            slug: match province {
                Some(_) => folder,
                None => format!("{}/{folder}", slug(row_province)),
            },
            profile: Ok((profile, csv_path.to_path_buf())),
            guessed,
        });
    }
    if units.is_empty() {
        return Err(match province {
            Some(p) => format!(
                "không có đơn vị nào của tỉnh `{p}` trong {} (no rows)",
                csv_path.display()
            ),
            None => format!("{} không có đơn vị nào (no rows)", csv_path.display()),
        });
    }
    number_repeated_slugs(&mut units);
    Ok(units)
}

/// `xa-loc-thanh`, `xa-loc-thanh` → `xa-loc-thanh`, `xa-loc-thanh-2`.
fn number_repeated_slugs(units: &mut [Unit]) {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for unit in units {
        let count = seen.entry(unit.slug.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            unit.slug = format!("{}-{count}", unit.slug);
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

/// `base` made the profile of the unit `word name` (xã Gia Lâm) in `province`:
/// its names replace the base's, signers become placeholders to fill in.
pub fn profile_for(base: &Profile, word: &str, name: &str, province: &str) -> Profile {
    let old_word = &base.cap;
    let swap = |s: &str| match s.strip_suffix(old_word.as_str()) {
        Some(stem) if stem.ends_with(' ') => format!("{stem}{word}"),
        _ => s.to_string(),
    };
    let mut ten_co_quan: Vec<String> = base.ten_co_quan.clone();
    if let Some(last) = ten_co_quan.last_mut() {
        *last = format!("{word} {name}").to_uppercase();
    }
    Profile {
        ten_co_quan,
        cap: word.to_string(),
        ten: name.to_string(),
        tinh: Some(province_title(province)),
        dia_danh: name.to_string(),
        phong_ban: base
            .phong_ban
            .iter()
            .map(|d| Department { ma: d.ma.clone(), ten: swap(&d.ten) })
            .collect(),
        nguoi_ky: base
            .nguoi_ky
            .iter()
            .map(|s| Signer {
                ho_ten: format!("«Họ và tên {}»", capitalise_first(&s.chuc_vu.to_lowercase())),
                chuc_vu: s.chuc_vu.clone(),
            })
            .collect(),
        can_xac_minh: vec!["mã và tên phòng ban lấy theo hồ sơ mẫu (department codes copied from the base profile)".into()],
        ..base.clone()
    }
}

/// A province as documents name it: `Thành phố Hà Nội`, `Tỉnh Đồng Nai`.
/// The national list writes the six centrally-run cities (since 1 July
/// 2025) without their word, and Hồ Chí Minh as `TP HCM`.
pub fn province_title(listed: &str) -> String {
    const CITIES: [(&str, &str); 6] = [
        ("Hà Nội", "Hà Nội"),
        ("TP HCM", "Hồ Chí Minh"),
        ("Hải Phòng", "Hải Phòng"),
        ("Đà Nẵng", "Đà Nẵng"),
        ("Cần Thơ", "Cần Thơ"),
        ("Huế", "Huế"),
    ];
    match CITIES.iter().find(|(name, _)| *name == listed) {
        Some((_, city)) => format!("Thành phố {city}"),
        None => format!("Tỉnh {listed}"),
    }
}

/// `Thành phố Hà Nội` → `Hà Nội`: the name a text mentions the province by.
pub fn province_name(title: &str) -> &str {
    ["Thành phố ", "Tỉnh "]
        .iter()
        .find_map(|word| title.strip_prefix(word))
        .unwrap_or(title)
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
    fn slugs_drop_diacritics() {
        assert_eq!(slug("xã Gia Lâm"), "xa-gia-lam");
        assert_eq!(slug("phường Đống Đa"), "phuong-dong-da");
        assert_eq!(slug("đặc khu Phú Quốc"), "dac-khu-phu-quoc");
    }

    #[test]
    fn provinces_are_named_as_documents_name_them() {
        assert_eq!(province_title("TP HCM"), "Thành phố Hồ Chí Minh");
        assert_eq!(province_title("Huế"), "Thành phố Huế");
        assert_eq!(province_title("Đồng Nai"), "Tỉnh Đồng Nai");
        assert_eq!(province_name("Thành phố Hà Nội"), "Hà Nội");
        assert_eq!(province_name("Tỉnh Đồng Nai"), "Đồng Nai");
    }

    #[test]
    fn guesses_the_level_from_former_units() {
        assert_eq!(guess("Phường A, Phường B, Xã C"), "phường");
        assert_eq!(guess("Xã A, Thị trấn B, Phường C"), "xã");
    }
}
