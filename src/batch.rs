//! Batch rendering: one document per unit, the units coming from a folder
//! of profiles or from the national list of communes and wards (built in,
//! or a CSV of one's own in the same columns).

use crate::input::{self, Profile};
use crate::national::{self, Level, Listed};
use std::path::{Path, PathBuf};

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
    crate::names::fold(s)
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

/// The units of `list` in `province` (all of them without one), each made
/// a profile from `base`: the unit's names replace the base's, signers
/// become placeholders. `source` names the list in messages and is the
/// profiles' path. Across provinces each unit's folder is under its
/// province's; names that differ only in their tones (Lộc Thành, Lộc Thạnh)
/// would share a folder, so the later ones get `-2`, `-3`.
pub fn units_from_list(
    list: &[Listed],
    source: &Path,
    province: Option<&str>,
    level: Level,
    base: &Profile,
) -> Result<Vec<Unit>, String> {
    let mut units = Vec::new();
    for listed in list {
        if province.is_some_and(|p| !crate::names::same_province(&listed.province, p)) {
            continue;
        }
        let (word, guessed) = level.of(listed);
        let profile = national::profile_for(base, listed, word);
        let folder = slug(&format!("{word} {}", listed.name));
        units.push(Unit {
            slug: match province {
                Some(_) => folder,
                None => format!("{}/{folder}", slug(&listed.province)),
            },
            profile: Ok((profile, source.to_path_buf())),
            guessed,
        });
    }
    if units.is_empty() {
        return Err(match province {
            Some(p) => format!(
                "không có đơn vị nào của tỉnh `{p}` trong {} (no such province); các tỉnh có: {}",
                source.display(),
                national::provinces(list).join(", ")
            ),
            None => format!("{} không có đơn vị nào (no rows)", source.display()),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_drop_diacritics() {
        assert_eq!(slug("xã Gia Lâm"), "xa-gia-lam");
        assert_eq!(slug("phường Đống Đa"), "phuong-dong-da");
        assert_eq!(slug("đặc khu Phú Quốc"), "dac-khu-phu-quoc");
    }
}
