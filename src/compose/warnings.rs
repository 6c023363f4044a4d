//! What the clerk should know before sending the document, though it
//! renders: open next-year items, values still to fill in, assumptions in
//! the profile. They travel with the composed document to `check`.

use super::Composer;
use crate::diag::Diagnostic;
use crate::input::Profile;
use crate::nd30::DocKind;
use std::path::Path;

/// A warning for each `«…»` value still to fill in a profile.
pub fn placeholder_warnings(profile: &Profile, path: &Path) -> Vec<Diagnostic> {
    profile
        .placeholders()
        .into_iter()
        .map(|(key, value)| {
            Diagnostic::warning(format!("giá trị chưa điền `{value}` (placeholder)"))
                .key(key)
                .in_file(path)
        })
        .collect()
}

pub(super) fn of_input(c: &mut Composer) {
    let doc = c.doc;
    let plan = &doc.plan;
    for item in &plan.can_kiem_tra {
        c.warning(
            crate::input::TO_CHECK_KEY,
            format!("còn việc cần kiểm tra sau khi chuyển năm: {item}"),
        );
    }
    c.warnings
        .extend(placeholder_warnings(&doc.profile, &doc.profile_path));
    for (i, r) in plan.ket_qua.iter().enumerate() {
        if r.ket_qua.trim().is_empty() {
            c.warning(
                &format!("ket_qua[{i}].ket_qua"),
                "nhiệm vụ chưa điền kết quả (result to fill in)".into(),
            );
        }
    }
    if plan.loai == DocKind::BaoCao {
        for (i, t) in plan.chi_tieu.iter().enumerate() {
            if t.thuc_hien.is_none() {
                c.warning(
                    &format!("chi_tieu[{i}].thuc_hien"),
                    format!(
                        "chỉ tiêu `{}` chưa có số thực hiện (achieved value to fill in)",
                        t.ten
                    ),
                );
            }
        }
    }
    for item in &doc.profile.can_xac_minh {
        c.warnings.push(
            Diagnostic::warning(format!("cần xác minh (to be confirmed): {item}"))
                .key("can_xac_minh")
                .in_file(&doc.profile_path),
        );
    }
}
