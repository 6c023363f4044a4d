//! The registry of legal bases and cited documents (danh mục văn bản).
//! Documents cite an entry by key with `{vb:KEY}`; the registry gives the
//! citation its decree form once, for every document that uses it.

use crate::date::Date;
use crate::nd30::citation_date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub type Registry = BTreeMap<String, Entry>;

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Kind as written in a citation: `Luật`, `Bộ luật`, `Kế hoạch`, `Nghị định`.
    pub loai: String,
    /// Name of a law or code (`Bình đẳng giới`); laws are cited by name.
    #[serde(default)]
    pub ten: Option<String>,
    /// Số, ký hiệu: `73/2006/QH11`, `67/KH-UBND`.
    pub so: String,
    /// Date of issue.
    #[serde(default)]
    pub ngay: Option<Date>,
    /// Issuing body as named in a citation (`UBND thành phố Hà Nội`).
    #[serde(default)]
    pub co_quan: Option<String>,
    /// Trích yếu of the cited document.
    #[serde(default)]
    pub trich_yeu: Option<String>,
}

impl Entry {
    /// The citation (PL1 II.6a): a law by type, name and number
    /// (`Luật Bình đẳng giới số 73/2006/QH11`); any other document by type,
    /// number, date and issuer (`Kế hoạch số 67/KH-UBND ngày 14/02/2026 của
    /// UBND thành phố Hà Nội`). `label` replaces the type and name as written.
    pub fn citation(&self, label: Option<&str>) -> String {
        let mut out = match (label, &self.ten) {
            (Some(label), _) => label.to_string(),
            (None, Some(name)) => format!("{} {name}", self.loai),
            (None, None) => self.loai.clone(),
        };
        out.push_str(" số ");
        out.push_str(&self.so);
        if self.ten.is_none() {
            if let Some(d) = self.ngay {
                out.push_str(" ngày ");
                out.push_str(&citation_date(d));
            }
            if let Some(body) = &self.co_quan {
                out.push_str(" của ");
                out.push_str(body);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(yaml: &str) -> Entry {
        serde_norway::from_str(yaml).unwrap()
    }

    #[test]
    fn laws_are_cited_by_name_and_number() {
        let e = entry("{loai: Luật, ten: Bình đẳng giới, so: 73/2006/QH11, ngay: 2006-11-29}");
        assert_eq!(e.citation(None), "Luật Bình đẳng giới số 73/2006/QH11");
        assert_eq!(
            e.citation(Some("Luật bình đẳng giới")),
            "Luật bình đẳng giới số 73/2006/QH11"
        );
    }

    #[test]
    fn other_documents_by_number_date_and_issuer() {
        let e = entry(
            "{loai: Kế hoạch, so: 67/KH-UBND, ngay: 2026-02-14, co_quan: UBND thành phố Hà Nội}",
        );
        assert_eq!(
            e.citation(None),
            "Kế hoạch số 67/KH-UBND ngày 14/02/2026 của UBND thành phố Hà Nội"
        );
    }
}
