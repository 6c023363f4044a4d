//! The year-end report drafted from its plan: each task of the plan with its
//! responsible unit and a result to fill in, each target with its planned
//! value and an achieved value to fill in, under the usual skeleton.

use crate::input::{Content, Node, Part, PhanCong, Plan, Profile, TaskResult};
use crate::nd30::{self, DocKind};

/// What a draft shows where the clerk has still to write.
pub const TO_FILL: &str = "……………………………………";

/// Every task of the plan, in order, with the unit responsible (or, for a
/// task listed under a heading, that heading): the `- ` lines and tasks of
/// its outline, at any depth.
pub fn tasks(plan: &Plan, profile: &Profile) -> Vec<TaskResult> {
    let mut out = Vec::new();
    content_tasks(&plan.noi_dung, "", profile, &mut out);
    out
}

fn node_tasks(node: &Node, group: &str, profile: &Profile, out: &mut Vec<TaskResult>) {
    let group = node.title().unwrap_or(group);
    let mut task = |unit: &str, text: &str| {
        out.push(TaskResult {
            don_vi: unit.to_string(),
            nhiem_vu: text.to_string(),
            ket_qua: String::new(),
        })
    };
    for t in &node.nhiem_vu {
        task(group, t);
    }
    for k in &node.khoan {
        node_tasks(&k.0, group, profile, out);
    }
    for u in &node.phan_cong {
        unit_tasks(u, profile, out);
    }
    content_tasks(&node.noi_dung, group, profile, out);
}

fn unit_tasks(u: &PhanCong, profile: &Profile, out: &mut Vec<TaskResult>) {
    let name = match (&u.phong_ban, &u.ten) {
        (Some(code), _) => profile
            .department(code)
            .map_or_else(|| code.clone(), |d| d.ten.clone()),
        (None, Some(name)) => name.clone(),
        (None, None) => String::new(),
    };
    for t in &u.nhiem_vu {
        out.push(TaskResult {
            don_vi: name.clone(),
            nhiem_vu: t.clone(),
            ket_qua: String::new(),
        });
    }
    content_tasks(&u.noi_dung, &name, profile, out);
}

fn content_tasks(content: &Content, group: &str, profile: &Profile, out: &mut Vec<TaskResult>) {
    for part in &content.0 {
        match part {
            Part::Item(node) => node_tasks(node, group, profile, out),
            Part::Dash(d) => out.push(TaskResult {
                don_vi: group.to_string(),
                nhiem_vu: d.gach.clone(),
                ket_qua: String::new(),
            }),
            Part::Unit(u) => unit_tasks(u, profile, out),
            Part::Paragraph(_) | Part::Table(_) => {}
        }
    }
}

/// The plan as cited in its report: by number and date when it has them.
fn plan_reference(plan: &Plan, body: &str) -> String {
    let number = plan.so.as_ref().map(|n| n.printed());
    let symbol = nd30::symbol(number.as_deref(), plan.loai, body, None);
    match (&plan.so, plan.ngay) {
        (Some(_), Some(d)) => format!(
            "Kế hoạch số {symbol} ngày {} của UBND {{dia_phuong}} về {}",
            nd30::citation_date(d),
            lower_first(plan.trich_yeu.as_deref().unwrap_or_default())
        ),
        _ => format!(
            "Kế hoạch {}",
            lower_first(plan.trich_yeu.as_deref().unwrap_or_default())
        ),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The report's data, as a document of kind báo cáo.
pub fn draft(plan: &Plan, profile: &Profile) -> Plan {
    let reference = plan_reference(plan, &profile.viet_tat);
    Plan {
        loai: DocKind::BaoCao,
        so: None,
        ngay: None,
        trich_yeu: Some(format!("Kết quả thực hiện {reference}")),
        can_cu: Vec::new(),
        mo_dau: vec![format!(
            "Thực hiện {reference}, UBND {{dia_phuong}} báo cáo kết quả thực hiện như sau:"
        )],
        noi_dung: Default::default(),
        ket_luan: Some(format!("Trên đây là báo cáo kết quả thực hiện {reference}")),
        can_kiem_tra: Vec::new(),
        ket_qua: tasks(plan, profile),
        chi_tieu: plan
            .chi_tieu
            .iter()
            .cloned()
            .map(|mut t| {
                t.thuc_hien = None;
                t
            })
            .collect(),
        ton_tai: vec![TO_FILL.into()],
        phuong_huong: vec![TO_FILL.into()],
        kien_nghi: vec![TO_FILL.into()],
        // The plan's own appendices and proposer are not the report's.
        phu_luc: Vec::new(),
        theo_de_nghi: None,
        ..plan.clone()
    }
}

/// The draft as YAML, with a header telling the clerk what to fill in.
pub fn to_yaml(report: &Plan, from: &str) -> String {
    let body = serde_norway::to_string(report).expect("report serialises");
    format!(
        "# Báo cáo kết quả thực hiện kế hoạch, soạn từ {from} bằng `vanban report`.\n\
         # Điền `ket_qua` của từng nhiệm vụ, `thuc_hien` của từng chỉ tiêu (tỷ lệ %\n\
         # do vanban tính), thay các dòng chấm ở ton_tai, phuong_huong, kien_nghi.\n\
         # vanban cảnh báo khi dựng nếu còn chỗ chưa điền.\n\n{body}"
    )
}
