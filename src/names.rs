//! Names as clerks type them: without tones or in any case (`gia lam` for
//! `Gia Lâm`), and provinces by any of their names (`Hà Nội`, `ha noi`,
//! `Thành phố Hà Nội`, `TP HCM`). Read by the national list, the registry's
//! per-province entries and the batch's folder names.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// `Gia Lâm` → `gia lam`: lower case, without tones or marks, `đ` as `d`,
/// spaces collapsed. How a clerk types a name in a hurry.
pub fn fold(s: &str) -> String {
    let plain: String = s
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the list's `listed` province is the one a clerk or a document
/// wrote as `given`: `Hà Nội`, `ha noi`, `Thành phố Hà Nội`, `TP HCM`,
/// `Hồ Chí Minh` and `Tỉnh Đồng Nai` all name a listed province.
pub fn same_province(listed: &str, given: &str) -> bool {
    let given = fold(given);
    let given = bare(&given);
    [fold(listed), fold(&province_title(listed))]
        .iter()
        .any(|name| bare(name) == given)
}

/// A folded province name without its word: `thanh pho ha noi` → `ha noi`.
fn bare(folded: &str) -> &str {
    ["thanh pho ", "tp ", "tinh "]
        .iter()
        .find_map(|word| folded.strip_prefix(word))
        .unwrap_or(folded)
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
        None if listed.starts_with("Tỉnh ") || listed.starts_with("Thành phố ") => {
            listed.to_string()
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provinces_are_recognised_however_written() {
        for given in ["Hà Nội", "ha noi", "Thành phố Hà Nội", "TP Hà Nội"] {
            assert!(same_province("Hà Nội", given), "{given}");
        }
        for given in ["TP HCM", "Hồ Chí Minh", "Thành phố Hồ Chí Minh"] {
            assert!(same_province("TP HCM", given), "{given}");
        }
        assert!(same_province("Đồng Nai", "Tỉnh Đồng Nai"));
        assert!(!same_province("Hà Nội", "Hà Tĩnh"));
    }

    #[test]
    fn provinces_are_named_as_documents_name_them() {
        assert_eq!(province_title("TP HCM"), "Thành phố Hồ Chí Minh");
        assert_eq!(province_title("Huế"), "Thành phố Huế");
        assert_eq!(province_title("Đồng Nai"), "Tỉnh Đồng Nai");
        assert_eq!(province_title("Tỉnh Đồng Nai"), "Tỉnh Đồng Nai");
        assert_eq!(province_name("Thành phố Hà Nội"), "Hà Nội");
        assert_eq!(province_name("Tỉnh Đồng Nai"), "Đồng Nai");
    }
}
