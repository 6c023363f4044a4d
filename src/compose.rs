//! From input to page model: fill the placeholders, run the kind's template,
//! and apply the decree's rules (numbering, punctuation, header, closing).

use crate::diag::{Diagnostic, Diagnostics, Result};
use crate::fonts;
use crate::input::{DataTable, Loaded, Plan};
use crate::model::{Block, Closing, Column, Document, Header, Paragraph, Table, Title};
use crate::nd30::{self, Level, Outline, ParaStyle, PAGE, RULE_FRACTION};
use crate::templates::{Directive, Templates};
use crate::text::{self, Vars};
use serde_json::Value;
use std::collections::BTreeMap;

pub const NATIONAL: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

/// Build the page model of a loaded document.
pub fn compose(doc: &Loaded, templates: &Templates) -> Result<Document> {
    let plan = &doc.plan;
    let vars = Vars {
        year: plan.nam,
        profile: &doc.profile,
        registry: &doc.registry,
    };
    let in_plan = |d: Diagnostic| d.in_file(&doc.plan_path);

    let Some(template) = plan.loai.template() else {
        return Err(in_plan(
            Diagnostic::error(format!(
                "vanban chưa có mẫu cho loại `{}` (no template for this kind yet)",
                plan.loai.title()
            ))
            .key("loai"),
        )
        .into());
    };
    let view = view(plan, doc, &vars)?;
    let context = tera::Context::from_serialize(&view).map_err(|e| {
        in_plan(Diagnostic::error(format!(
            "dữ liệu không dựng được mẫu: {e}"
        )))
    })?;
    let directives = templates.render(template, &context)?;
    let tables = tables(plan, &view).map_err(|d| Diagnostics::from(d.in_file(&doc.plan_path)))?;
    let (title, blocks) = body(&directives, &tables).map_err(Diagnostics::from)?;

    Ok(Document {
        year: plan.nam,
        issued: plan.ngay,
        page: PAGE,
        header: header(plan, doc),
        title,
        blocks,
        closing: closing(plan, doc, &vars)?,
    })
}

/// The template's view of the document: the plan as data, every string with
/// its placeholders filled, each unit of `phan_cong` given its printed name.
fn view(plan: &Plan, doc: &Loaded, vars: &Vars) -> Result<Value> {
    let mut value = serde_json::to_value(plan).expect("plan serialises");
    let mut errors = Vec::new();
    text::each_string(&mut value, &mut |key, s| match text::expand(s, vars) {
        Ok(filled) => *s = filled,
        Err(msg) => errors.push(Diagnostic::error(msg).key(key).in_file(&doc.plan_path)),
    });
    for (i, muc) in plan.noi_dung.iter().enumerate() {
        for (j, unit) in muc.phan_cong.iter().enumerate() {
            let key = format!("noi_dung[{i}].phan_cong[{j}]");
            let name = match (&unit.phong_ban, &unit.ten) {
                (Some(code), None) => match doc.profile.department(code) {
                    Some(d) => text::expand(&d.ten, vars).unwrap_or_else(|_| d.ten.clone()),
                    None => {
                        errors.push(unknown_department(code, doc).key(key.clone() + ".phong_ban"));
                        continue;
                    }
                },
                (None, Some(_)) => value["noi_dung"][i]["phan_cong"][j]["ten"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                _ => {
                    errors.push(
                        Diagnostic::error(
                            "ghi đúng một trong hai khóa `phong_ban` (mã phòng ban của hồ sơ) \
                             hoặc `ten` (tên đơn vị) (exactly one of the two keys)",
                        )
                        .key(key)
                        .in_file(&doc.plan_path),
                    );
                    continue;
                }
            };
            value["noi_dung"][i]["phan_cong"][j]["don_vi"] = Value::String(name);
        }
    }
    value["ten_loai"] = Value::String(plan.loai.title().to_string());
    value["nhom_ket_qua"] = result_groups(&value["ket_qua"]);
    // Each table of the data gets the name the template places it by.
    for (i, muc) in value["noi_dung"]
        .as_array_mut()
        .into_iter()
        .flatten()
        .enumerate()
    {
        for (j, khoan) in muc["khoan"]
            .as_array_mut()
            .into_iter()
            .flatten()
            .enumerate()
        {
            for (n, t) in khoan["bang"]
                .as_array_mut()
                .into_iter()
                .flatten()
                .enumerate()
            {
                t["id"] = Value::String(table_key(i, j, n));
            }
        }
    }
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(Diagnostics(errors))
    }
}

/// A report's task results grouped by unit, in order: what the template
/// lists under `Kết quả thực hiện các nhiệm vụ`. An empty result leaves a
/// dotted line to write on.
fn result_groups(results: &Value) -> Value {
    let mut groups: Vec<Value> = Vec::new();
    for r in results.as_array().into_iter().flatten() {
        let unit = r["don_vi"].clone();
        let mut task = r.clone();
        if task["ket_qua"].as_str().is_none_or(|s| s.trim().is_empty()) {
            task["ket_qua"] = Value::String(UNFILLED.to_string());
        }
        match groups.last_mut() {
            Some(g) if g["ten"] == unit => g["viec"].as_array_mut().expect("array").push(task),
            _ => groups.push(serde_json::json!({ "ten": unit, "viec": [task] })),
        }
    }
    Value::Array(groups)
}

/// Printed where a result is still to be written.
const UNFILLED: &str = "……………………………………";

/// The tables a template may place with `@bang NAME`: the report's targets
/// (`chi_tieu`) and every table written in the data, by its key path.
fn tables(plan: &Plan, view: &Value) -> std::result::Result<BTreeMap<String, Table>, Diagnostic> {
    let mut out = BTreeMap::new();
    for (i, muc) in view["noi_dung"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        for (j, khoan) in muc["khoan"].as_array().into_iter().flatten().enumerate() {
            for (n, t) in khoan["bang"].as_array().into_iter().flatten().enumerate() {
                let key = table_key(i, j, n);
                let mut t = t.clone();
                if let Some(fields) = t.as_object_mut() {
                    fields.remove("id"); // the view's name for it, not data
                }
                let data: DataTable = serde_json::from_value(t).expect("validated on load");
                out.insert(
                    key.clone(),
                    data_table(&data).map_err(|m| Diagnostic::error(m).key(key))?,
                );
            }
        }
    }
    if !plan.chi_tieu.is_empty() {
        let col = |title: &str, width_pct: f32, numeric: bool| Column {
            title: title.to_string(),
            width_pct,
            numeric,
        };
        let rows = plan
            .chi_tieu
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let name = match &t.don_vi_tinh {
                    Some(unit) => format!("{} ({unit})", t.ten),
                    None => t.ten.clone(),
                };
                vec![
                    (i + 1).to_string(),
                    name,
                    nd30::number(t.ke_hoach, 2),
                    t.thuc_hien.map(|x| nd30::number(x, 2)).unwrap_or_default(),
                    nd30::percent(t.ke_hoach, t.thuc_hien).unwrap_or_else(|| "-".into()),
                ]
            })
            .collect();
        let columns = vec![
            col("STT", 8.0, true),
            col("Chỉ tiêu", 47.0, false),
            col("Kế hoạch", 15.0, true),
            col("Thực hiện", 15.0, true),
            col("Tỷ lệ (%)", 15.0, true),
        ];
        out.insert("chi_tieu".to_string(), table(columns, rows));
    }
    Ok(out)
}

fn table_key(muc: usize, khoan: usize, n: usize) -> String {
    format!("noi_dung[{muc}].khoan[{khoan}].bang[{n}]")
}

fn table(columns: Vec<Column>, rows: Vec<Vec<String>>) -> Table {
    let titles: Vec<String> = columns.iter().map(|c| c.title.clone()).collect();
    Table {
        landscape: nd30::needs_landscape(&titles, &rows),
        columns,
        rows,
    }
}

/// A table of the data: columns without a width share what is left.
fn data_table(t: &DataTable) -> std::result::Result<Table, String> {
    for (r, row) in t.dong.iter().enumerate() {
        if row.len() != t.cot.len() {
            return Err(format!(
                "dòng {} của bảng có {} ô, bảng có {} cột (row length)",
                r + 1,
                row.len(),
                t.cot.len()
            ));
        }
    }
    let given: f32 = t.cot.iter().filter_map(|c| c.rong).sum();
    let free = t.cot.iter().filter(|c| c.rong.is_none()).count();
    let share = if free > 0 {
        ((100.0 - given) / free as f32).max(0.0)
    } else {
        0.0
    };
    let columns = t
        .cot
        .iter()
        .map(|c| Column {
            title: c.ten.clone(),
            width_pct: c.rong.unwrap_or(share),
            numeric: c.so,
        })
        .collect();
    Ok(table(columns, t.dong.clone()))
}

fn unknown_department(code: &str, doc: &Loaded) -> Diagnostic {
    let known: Vec<&str> = doc
        .profile
        .phong_ban
        .iter()
        .map(|d| d.ma.as_str())
        .collect();
    Diagnostic::error(format!(
        "không có phòng ban mã `{code}` trong hồ sơ đơn vị {} (unknown department); các mã có: {}",
        doc.profile_path.display(),
        known.join(", ")
    ))
    .in_file(&doc.plan_path)
}

fn header(plan: &Plan, doc: &Loaded) -> Header {
    let p = &doc.profile;
    let issuer_style = ParaStyle::CoQuan.spec();
    let widest_issuer = p
        .ten_co_quan
        .iter()
        .map(|l| fonts::text_width_mm(l, issuer_style.size_pt, true, false))
        .fold(0.0, f32::max);
    let motto = ParaStyle::TieuNgu.spec();
    Header {
        parent: p.co_quan_chu_quan.clone(),
        issuer: p.ten_co_quan.clone(),
        issuer_rule_mm: round(widest_issuer * RULE_FRACTION),
        number: nd30::issue_number(plan.so, plan.loai, &p.viet_tat, None),
        national: NATIONAL.to_string(),
        motto: MOTTO.to_string(),
        motto_rule_mm: round(fonts::text_width_mm(
            MOTTO,
            motto.size_pt,
            motto.bold,
            motto.italic,
        )),
        place_date: Some(nd30::place_and_date(&p.dia_danh, plan.ngay, plan.nam)),
    }
}

fn round(mm: f32) -> f32 {
    (mm * 10.0).round() / 10.0
}

/// Turn the template's directives into the title and the numbered body.
fn body(
    directives: &[Directive],
    tables: &BTreeMap<String, Table>,
) -> std::result::Result<(Title, Vec<Block>), Diagnostic> {
    let mut outline = Outline::default();
    let mut kind = None;
    let mut summary = None;
    let mut blocks = Vec::new();
    let mut bases = Vec::new();
    for (i, d) in directives.iter().enumerate() {
        let text = d.text.clone();
        let para = |style, label: Option<String>, text| Paragraph {
            style,
            label,
            text,
            keep_next: false,
        };
        let p = match d.name.as_str() {
            "ten_loai" => {
                kind = Some(text.to_uppercase());
                continue;
            }
            "trich_yeu" => {
                summary = Some(text);
                continue;
            }
            "can_cu" => {
                bases.push(blocks.len());
                para(ParaStyle::CanCu, None, text)
            }
            "doan" | "ket" => para(ParaStyle::Doan, None, text),
            "muc" => para(
                ParaStyle::Muc,
                Some(outline.next(Level::Muc)),
                text.to_uppercase(),
            ),
            "dieu" => para(ParaStyle::Muc, Some(outline.next(Level::Dieu)), text),
            "khoan" => para(ParaStyle::Khoan, Some(outline.next(Level::Khoan)), text),
            "khoan_doan" => para(ParaStyle::Doan, Some(outline.next(Level::Khoan)), text),
            "diem" => para(ParaStyle::Doan, Some(outline.next(Level::Diem)), text),
            "gach" => para(ParaStyle::Doan, Some("-".into()), text),
            "bang" => match tables.get(text.trim()) {
                Some(t) => {
                    blocks.push(Block::Table(t.clone()));
                    continue;
                }
                None => {
                    return Err(Diagnostic::error(format!(
                        "mẫu đặt bảng `{}` không có (unknown table) ở dòng {}",
                        text.trim(),
                        d.line
                    )))
                }
            },
            "nhiem_vu" => {
                // A unit's single task reads as a paragraph; several as a list.
                let alone =
                    !is_task(directives.get(i.wrapping_sub(1))) && !is_task(directives.get(i + 1));
                para(ParaStyle::Doan, (!alone).then(|| "-".into()), text)
            }
            other => {
                return Err(Diagnostic::error(format!(
                    "mẫu dùng chỉ thị `@{other}` không có (unknown directive) ở dòng {}",
                    d.line
                )))
            }
        };
        blocks.push(Block::Paragraph(p));
    }
    punctuate_bases(&mut blocks, &bases);
    close_body(&mut blocks);
    let title = Title {
        kind: kind.unwrap_or_default(),
        rule_mm: summary.as_deref().map_or(0.0, summary_rule_mm),
        summary: summary.unwrap_or_default(),
    };
    Ok((title, blocks))
}

fn is_task(d: Option<&Directive>) -> bool {
    d.is_some_and(|d| d.name == "nhiem_vu")
}

/// Căn cứ lines end with `;`, the last with `.` (PL1 II.6a).
fn punctuate_bases(blocks: &mut [Block], bases: &[usize]) {
    for (n, &i) in bases.iter().enumerate() {
        if let Block::Paragraph(p) = &mut blocks[i] {
            let end = if n + 1 == bases.len() { '.' } else { ';' };
            let trimmed = p.text.trim_end().trim_end_matches([';', '.', ',']);
            p.text = format!("{trimmed}{end}");
        }
    }
}

/// The body ends with `./.` (PL3, every model) and its last paragraph stays
/// on the page of the signature.
fn close_body(blocks: &mut [Block]) {
    let last = blocks.iter_mut().rev().find_map(|b| match b {
        Block::Paragraph(p) => Some(p),
        Block::Table(_) => None,
    });
    if let Some(p) = last {
        if !p.text.ends_with("./.") {
            let end = if p.text.ends_with('.') { "/." } else { "./." };
            p.text.push_str(end);
        }
        p.keep_next = true;
    }
}

/// The trích yếu's line: a fraction of its longest printed line.
fn summary_rule_mm(summary: &str) -> f32 {
    let style = ParaStyle::TrichYeu.spec();
    let width = fonts::text_width_mm(summary, style.size_pt, style.bold, style.italic);
    round(width.min(PAGE.text_width_mm()) * RULE_FRACTION)
}

fn closing(plan: &Plan, doc: &Loaded, vars: &Vars) -> Result<Closing> {
    let p = &doc.profile;
    let mut errors = Vec::new();
    let mut recipients = Vec::new();
    for (i, r) in plan.noi_nhan.iter().enumerate() {
        match text::expand(r, vars) {
            Ok(r) => recipients.push(r),
            Err(msg) => errors.push(Diagnostic::error(msg).key(format!("noi_nhan[{i}]"))),
        }
    }
    for (i, code) in plan.luu.iter().enumerate() {
        if p.department(code).is_none() {
            errors.push(unknown_department(code, doc).key(format!("luu[{i}]")));
        }
    }
    let signer = &plan.nguoi_ky;
    // Rendered for another unit, the signer is whoever holds the same
    // position there.
    let found = p.signer(&signer.ho_ten).or_else(|| {
        doc.signer_position
            .as_deref()
            .and_then(|pos| p.signer_by_position(pos))
    });
    let (name, position) = match found {
        Some(s) => (s.ho_ten.clone(), s.chuc_vu.clone()),
        None => {
            let known: Vec<&str> = p.nguoi_ky.iter().map(|s| s.ho_ten.as_str()).collect();
            errors.push(
                Diagnostic::error(format!(
                    "người ký `{}` không có trong hồ sơ đơn vị {} (unknown signer); người ký có: {}",
                    signer.ho_ten,
                    doc.profile_path.display(),
                    known.join(", ")
                ))
                .key("nguoi_ky.ho_ten"),
            );
            (String::new(), String::new())
        }
    };
    if !errors.is_empty() {
        let located = errors
            .into_iter()
            .map(|d| d.in_file(&doc.plan_path))
            .collect();
        return Err(Diagnostics(located));
    }
    Ok(Closing {
        recipients_title: "Nơi nhận:".to_string(),
        recipients: nd30::recipient_lines(&recipients, &plan.luu),
        authority: nd30::authority_lines(
            signer.thay_mat.then_some(p.tap_the.as_str()),
            signer.hinh_thuc,
            &p.thu_truong,
            &position,
        ),
        signer: name,
    })
}

/// A warning for each `«…»` value still to fill in a profile.
pub fn placeholder_warnings(
    profile: &crate::input::Profile,
    path: &std::path::Path,
) -> Vec<Diagnostic> {
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

/// What the clerk should know before sending the document, though it
/// renders: open next-year items, placeholders and assumptions in the profile.
pub fn warnings(doc: &Loaded) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for item in &doc.plan.can_kiem_tra {
        out.push(
            Diagnostic::warning(format!("còn việc cần kiểm tra sau khi chuyển năm: {item}"))
                .key(crate::next_year::MARKER_KEY)
                .in_file(&doc.plan_path),
        );
    }
    out.extend(placeholder_warnings(&doc.profile, &doc.profile_path));
    for (i, r) in doc.plan.ket_qua.iter().enumerate() {
        if r.ket_qua.trim().is_empty() {
            out.push(
                Diagnostic::warning("nhiệm vụ chưa điền kết quả (result to fill in)")
                    .key(format!("ket_qua[{i}].ket_qua"))
                    .in_file(&doc.plan_path),
            );
        }
    }
    for (i, t) in doc.plan.chi_tieu.iter().enumerate() {
        if doc.plan.loai == crate::nd30::DocKind::BaoCao && t.thuc_hien.is_none() {
            out.push(
                Diagnostic::warning(format!(
                    "chỉ tiêu `{}` chưa có số thực hiện (achieved value to fill in)",
                    t.ten
                ))
                .key(format!("chi_tieu[{i}].thuc_hien"))
                .in_file(&doc.plan_path),
            );
        }
    }
    out.extend(overflowing_tables(doc));
    for item in &doc.profile.can_xac_minh {
        out.push(
            Diagnostic::warning(format!("cần xác minh (to be confirmed): {item}"))
                .key("can_xac_minh")
                .in_file(&doc.profile_path),
        );
    }
    out
}

/// A table too wide even for a landscape page renders with its cells
/// overflowing: the clerk must drop columns or shorten words.
fn overflowing_tables(doc: &Loaded) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, muc) in doc.plan.noi_dung.iter().enumerate() {
        for (j, khoan) in muc.khoan.iter().enumerate() {
            for (n, t) in khoan.0.bang.iter().enumerate() {
                let titles: Vec<String> = t.cot.iter().map(|c| c.ten.clone()).collect();
                if let nd30::TableFit::TooWide {
                    needed_mm,
                    available_mm,
                } = nd30::table_fit(&titles, &t.dong)
                {
                    out.push(
                        Diagnostic::warning(format!(
                            "bảng cần rộng {needed_mm:.0} mm, trang in ngang chỉ có \
                             {available_mm:.0} mm: chữ sẽ tràn khỏi ô; hãy bớt cột hoặc \
                             rút gọn chữ (table too wide even for a landscape page)"
                        ))
                        .key(table_key(i, j, n))
                        .in_file(&doc.plan_path),
                    );
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(name: &str, text: &str) -> Directive {
        Directive {
            name: name.into(),
            text: text.into(),
            line: 0,
        }
    }

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.full_text(),
                Block::Table(_) => "<table>".into(),
            })
            .collect()
    }

    #[test]
    fn numbers_headings_and_dashes_task_lists() {
        let (title, blocks) = body(
            &[
                d("ten_loai", "Kế hoạch"),
                d("trich_yeu", "T"),
                d("muc", "Mục đích, yêu cầu"),
                d("khoan_doan", "A"),
                d("muc", "Tổ chức thực hiện"),
                d("khoan", "Phòng X"),
                d("nhiem_vu", "a"),
                d("nhiem_vu", "b"),
                d("khoan", "Phòng Y"),
                d("nhiem_vu", "c"),
                d("ket", "Trên đây là kế hoạch"),
            ],
            &BTreeMap::new(),
        )
        .unwrap();
        assert_eq!(title.kind, "KẾ HOẠCH");
        assert_eq!(
            texts(&blocks),
            [
                "I. MỤC ĐÍCH, YÊU CẦU",
                "1. A",
                "II. TỔ CHỨC THỰC HIỆN",
                "1. Phòng X",
                "- a",
                "- b",
                "2. Phòng Y",
                "c",
                "Trên đây là kế hoạch./."
            ]
        );
        let Block::Paragraph(last) = blocks.last().unwrap() else {
            panic!()
        };
        assert!(last.keep_next);
    }

    #[test]
    fn bases_are_punctuated_and_the_body_closed_once() {
        let (_, blocks) = body(
            &[
                d("can_cu", "Căn cứ A;"),
                d("can_cu", "Căn cứ B"),
                d("doan", "Xong./."),
            ],
            &BTreeMap::new(),
        )
        .unwrap();
        assert_eq!(texts(&blocks), ["Căn cứ A;", "Căn cứ B.", "Xong./."]);
    }

    #[test]
    fn tables_are_placed_where_the_template_says() {
        let plan: Plan = serde_norway::from_str(
            "loai: bao_cao\ndon_vi: x\nnam: 2026\ntrich_yeu: T\nnguoi_ky: {ho_ten: A}\n\
             chi_tieu:\n  - {ten: Hội nghị, ke_hoach: 50, thuc_hien: 45}\n  - {ten: Mới, ke_hoach: 0, thuc_hien: 3}\n",
        )
        .unwrap();
        let tables = tables(&plan, &serde_json::to_value(&plan).unwrap()).unwrap();
        let (_, blocks) = body(
            &[d("doan", "a"), d("bang", "chi_tieu"), d("doan", "b")],
            &tables,
        )
        .unwrap();
        let Block::Table(t) = &blocks[1] else {
            panic!("table second")
        };
        assert_eq!(t.rows[0], ["1", "Hội nghị", "50", "45", "90"]);
        assert_eq!(t.rows[1][4], "-", "a target of 0 has no percentage");
        assert!(body(&[d("bang", "khong_co")], &tables).is_err());
    }

    #[test]
    fn unknown_directive_is_reported() {
        assert!(body(&[d("khong_co", "x")], &BTreeMap::new())
            .unwrap_err()
            .message
            .contains("@khong_co"));
    }
}
