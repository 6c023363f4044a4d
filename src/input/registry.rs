//! The registry of legal bases and cited documents (danh mục văn bản).
//! Documents cite an entry by key with `{vb:KEY}`; the registry gives the
//! citation its decree form once, for every document that uses it.

use crate::date::Date;
use crate::nd30::{self, DateForm};
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
    /// The province whose document this is (`Hà Nội`), when each province
    /// issues its own (a provincial plan that communes carry out). A unit
    /// of another province cites that province's copy in `cac_tinh`, or
    /// `«…»` placeholders to fill in: never this province's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tinh: Option<String>,
    /// Other provinces' copies of the same document, by province
    /// (`Đồng Nai: {so: 45/KH-UBND, ngay: 2026-03-02, co_quan: UBND tỉnh Đồng Nai}`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub cac_tinh: BTreeMap<String, Issued>,
}

/// One province's copy of a provincial document.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Issued {
    /// Số, ký hiệu: `45/KH-UBND`.
    pub so: String,
    #[serde(default)]
    pub ngay: Option<Date>,
    /// `UBND tỉnh Đồng Nai`.
    #[serde(default)]
    pub co_quan: Option<String>,
}

/// Printed for what the registry does not know of a province's copy.
const UNKNOWN_NUMBER: &str = "«số, ký hiệu»";
const UNKNOWN_DATE: &str = "«ngày»";
const UNKNOWN_BODY: &str = "«cơ quan ban hành»";

impl Entry {
    /// The citation (PL1 II.6a): a law by type, name and number
    /// (`Luật Bình đẳng giới số 73/2006/QH11`); any other document by type,
    /// number, date in `form` and issuer (`Kế hoạch số 67/KH-UBND ngày
    /// 14/02/2026 của UBND thành phố Hà Nội`). With a `label`, the label and
    /// the number only, as a later mention (PL1 II.6b). A provincial
    /// document is cited in `province`'s copy (see `tinh`).
    pub fn citation(&self, label: Option<&str>, province: Option<&str>, form: DateForm) -> String {
        let dated = |d: crate::date::Date| nd30::dated(Some(d), d.year, form);
        let (number, date, body) = match self.copy_for(province) {
            Copy::Own => (
                self.so.as_str(),
                self.ngay.map(dated),
                self.co_quan.as_deref(),
            ),
            Copy::Other(issued) => (
                issued.so.as_str(),
                issued.ngay.map(dated),
                issued.co_quan.as_deref(),
            ),
            Copy::Unknown => (
                UNKNOWN_NUMBER,
                Some(format!("ngày {UNKNOWN_DATE}")),
                Some(UNKNOWN_BODY),
            ),
        };
        if let Some(label) = label {
            return format!("{label} số {number}");
        }
        let mut out = match &self.ten {
            Some(name) => format!("{} {name}", self.loai),
            None => self.loai.clone(),
        };
        out.push_str(" số ");
        out.push_str(number);
        if self.ten.is_none() {
            if let Some(d) = date {
                out.push(' ');
                out.push_str(&d);
            }
            if let Some(body) = body {
                out.push_str(" của ");
                out.push_str(body);
            }
        }
        out
    }

    /// The số, ký hiệu a unit of `province` cites, where the registry
    /// knows it.
    pub fn number(&self, province: Option<&str>) -> Option<&str> {
        match self.copy_for(province) {
            Copy::Own => Some(&self.so),
            Copy::Other(issued) => Some(&issued.so),
            Copy::Unknown => None,
        }
    }

    /// Which copy a unit of `province` cites.
    fn copy_for(&self, province: Option<&str>) -> Copy<'_> {
        let (Some(own), Some(province)) = (&self.tinh, province) else {
            return Copy::Own;
        };
        if same_province(own, province) {
            return Copy::Own;
        }
        match self
            .cac_tinh
            .iter()
            .find(|(p, _)| same_province(p, province))
        {
            Some((_, issued)) => Copy::Other(issued),
            None => Copy::Unknown,
        }
    }
}

enum Copy<'a> {
    Own,
    Other(&'a Issued),
    Unknown,
}

/// Two province names written by clerks, either way (`Hà Nội`, `Thành
/// phố Hà Nội`, `TP HCM`), name the same province.
fn same_province(a: &str, b: &str) -> bool {
    crate::names::same_province(a, b) || crate::names::same_province(b, a)
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
        assert_eq!(
            e.citation(None, None, DateForm::Ngan),
            "Luật Bình đẳng giới số 73/2006/QH11"
        );
        assert_eq!(
            e.citation(
                Some("Luật bình đẳng giới"),
                Some("Đồng Nai"),
                DateForm::Ngan
            ),
            "Luật bình đẳng giới số 73/2006/QH11"
        );
    }

    #[test]
    fn other_documents_by_number_date_and_issuer() {
        let e = entry(
            "{loai: Kế hoạch, so: 67/KH-UBND, ngay: 2026-02-14, co_quan: UBND thành phố Hà Nội}",
        );
        assert_eq!(
            e.citation(None, Some("Đồng Nai"), DateForm::Ngan),
            "Kế hoạch số 67/KH-UBND ngày 14/02/2026 của UBND thành phố Hà Nội"
        );
    }

    #[test]
    fn a_provincial_document_is_cited_in_the_units_own_province() {
        let e = entry(
            "{loai: Kế hoạch, tinh: Hà Nội, so: 67/KH-UBND, ngay: 2026-02-14, co_quan: UBND thành phố Hà Nội,
              cac_tinh: {Đồng Nai: {so: 45/KH-UBND, ngay: 2026-03-02, co_quan: UBND tỉnh Đồng Nai}}}",
        );
        assert_eq!(
            e.citation(None, Some("Thành phố Hà Nội"), DateForm::Ngan),
            "Kế hoạch số 67/KH-UBND ngày 14/02/2026 của UBND thành phố Hà Nội"
        );
        assert_eq!(
            e.citation(None, Some("Tỉnh Đồng Nai"), DateForm::Ngan),
            "Kế hoạch số 45/KH-UBND ngày 02/3/2026 của UBND tỉnh Đồng Nai"
        );
        assert_eq!(
            e.citation(None, Some("Thành phố Huế"), DateForm::Ngan),
            "Kế hoạch số «số, ký hiệu» ngày «ngày» của «cơ quan ban hành»"
        );
        assert_eq!(
            e.citation(None, None, DateForm::Ngan),
            "Kế hoạch số 67/KH-UBND ngày 14/02/2026 của UBND thành phố Hà Nội",
            "a profile without a province cites the document as written"
        );
    }
}
