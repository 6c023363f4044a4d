//! The lines a form prints through its wording (Mẫu 1.7 giấy mời, 1.8 giấy
//! giới thiệu, 1.9 biên bản, 1.10 giấy nghỉ phép), read back through the same wording: each
//! template is rendered with markers in place of its values, which gives
//! the words around them, so import and compose share one text. A clerk's
//! own wording (`--templates`) is not known here; the built-in one is.

use crate::date::Date;
use crate::input::{Content, Part, Person, Plan};
use crate::nd30::DocKind;
use crate::templates::Templates;
use serde_json::json;

/// Where a value of a form line goes.
#[derive(Clone, Copy, PartialEq)]
enum To {
    CuocHop,
    ThoiGian,
    DiaDiem,
    KetThuc,
    CuDen,
    TrichYeu,
    GiaTriDen,
    GioiThieuTen,
    GioiThieuChucVu,
    ChuTriTen,
    ChuTriChucVu,
    ThuKyTen,
    ThuKyChucVu,
    ThanhPhan,
    NghiTen,
    NghiChucVu,
    NghiNgayDon,
    NghiThoiGian,
    NghiTuNgay,
    NghiDenNgay,
    NghiNoi,
    /// Said by the form itself (the issuing body in `… cấp cho:`).
    Nowhere,
}

/// A line of a form: its wording key, each of its template's values and
/// where it goes; the `- ` lines after a line whose values are none go to
/// `list`.
struct Line {
    key: &'static str,
    values: &'static [(&'static str, To)],
    list: Option<To>,
}

const fn line(key: &'static str, values: &'static [(&'static str, To)]) -> Line {
    Line {
        key,
        values,
        list: None,
    }
}

const GIAY_MOI: &[Line] = {
    use To::*;
    &[
        line("cuoc_hop", &[("gia_tri", CuocHop)]),
        line(
            "chu_tri",
            &[("ho_ten", ChuTriTen), ("chuc_vu", ChuTriChucVu)],
        ),
        line("thoi_gian", &[("gia_tri", ThoiGian)]),
        line("dia_diem", &[("gia_tri", DiaDiem)]),
    ]
};

const BIEN_BAN: &[Line] = {
    use To::*;
    &[
        line("thoi_gian", &[("gia_tri", ThoiGian)]),
        line("dia_diem", &[("gia_tri", DiaDiem)]),
        Line {
            key: "thanh_phan",
            values: &[],
            list: Some(ThanhPhan),
        },
        line(
            "chu_tri",
            &[("ho_ten", ChuTriTen), ("chuc_vu", ChuTriChucVu)],
        ),
        line("thu_ky", &[("ho_ten", ThuKyTen), ("chuc_vu", ThuKyChucVu)]),
        line("noi_dung", &[]),
        line("ket_thuc", &[("gia_tri", KetThuc)]),
    ]
};

const GIAY_GIOI_THIEU: &[Line] = {
    use To::*;
    &[
        line("gioi_thieu", &[("co_quan", Nowhere)]),
        line("ho_ten", &[("gia_tri", GioiThieuTen)]),
        line("chuc_vu", &[("gia_tri", GioiThieuChucVu)]),
        line("cu_den", &[("gia_tri", CuDen)]),
        line("ve_viec", &[("gia_tri", TrichYeu)]),
        line("de_nghi", &[]),
        line("gia_tri_den", &[("gia_tri", GiaTriDen)]),
    ]
};

const GIAY_NGHI_PHEP: &[Line] = {
    use To::*;
    &[
        line("xet_don", &[("ngay_don", NghiNgayDon), ("ho_ten", Nowhere)]),
        line("cap_cho", &[("co_quan", Nowhere)]),
        line("ho_ten", &[("ho_ten", NghiTen)]),
        line("chuc_vu", &[("chuc_vu", NghiChucVu)]),
        line(
            "duoc_nghi",
            &[
                ("thoi_gian", NghiThoiGian),
                ("tu_ngay", NghiTuNgay),
                ("den_ngay", NghiDenNgay),
                ("noi_nghi", NghiNoi),
            ],
        ),
    ]
};

/// The wording file and the lines of each form read back here.
fn form(kind: DocKind) -> Option<(&'static str, &'static [Line])> {
    Some(match kind {
        DocKind::GiayMoi => ("giay_moi.yaml", GIAY_MOI),
        DocKind::BienBan => ("bien_ban.yaml", BIEN_BAN),
        DocKind::GiayGioiThieu => ("giay_gioi_thieu.yaml", GIAY_GIOI_THIEU),
        DocKind::GiayNghiPhep => ("giay_nghi_phep.yaml", GIAY_NGHI_PHEP),
        _ => return None,
    })
}

/// The marker standing for the `i`-th value while a template is rendered:
/// a private-use character no wording holds.
fn marker(i: usize) -> String {
    char::from_u32(0xE000 + i as u32)
        .expect("a private-use character")
        .to_string()
}

/// The words before, between and after the markers of a rendered template.
fn around(text: &str, markers: &[String]) -> Vec<String> {
    let mut pieces = vec![text.to_string()];
    for m in markers {
        let last = pieces.pop().unwrap_or_default();
        match last.split_once(m.as_str()) {
            Some((before, after)) => {
                pieces.push(before.to_string());
                pieces.push(after.to_string());
            }
            None => pieces.push(last),
        }
    }
    pieces
}

/// The values of `text` between `pieces`, if it is that line.
fn values(text: &str, pieces: &[String]) -> Option<Vec<String>> {
    let (first, rest) = pieces.split_first()?;
    let mut text = text.strip_prefix(first.as_str())?;
    let mut out = Vec::new();
    for (i, piece) in rest.iter().enumerate() {
        let last = i + 1 == rest.len();
        let at = match (last, piece.is_empty()) {
            (true, true) => text.len(),
            (true, false) => text.strip_suffix(piece.as_str())?.len(),
            (false, _) => text.find(piece.as_str())?,
        };
        out.push(text[..at].trim().to_string());
        text = &text[at + piece.len()..];
    }
    if rest.is_empty() && !text.is_empty() {
        return None;
    }
    Some(out)
}

/// Read the form's lines out of the document's body into their keys. What
/// is not a form line stays in the body.
pub(super) fn read(plan: &mut Plan, templates: &Templates) {
    let Some((file, lines)) = form(plan.loai) else {
        return;
    };
    // Each line's words around its values, from the wording itself.
    let patterns: Vec<(&Line, Vec<String>)> = lines
        .iter()
        .filter_map(|l| {
            let view: serde_json::Map<String, serde_json::Value> = l
                .values
                .iter()
                .enumerate()
                .map(|(i, (name, _))| (name.to_string(), json!(marker(i))))
                .collect();
            let markers: Vec<String> = (0..l.values.len()).map(marker).collect();
            let rendered = templates.text(file, l.key, &view).ok()?;
            Some((l, around(&rendered, &markers)))
        })
        .collect();
    let matching = |text: &str| {
        patterns.iter().find_map(|(l, pieces)| {
            let got = values(text, pieces)?;
            got.iter().all(|v| !v.is_empty()).then_some((*l, got))
        })
    };
    // A form line after the last numbered paragraph (`Cuộc họp kết thúc
    // …`) was read as that paragraph's content: it is the form's.
    if let Some(Part::Item(last)) = plan.noi_dung.0.last_mut() {
        let trailing =
            matches!(last.noi_dung.0.last(), Some(Part::Paragraph(t)) if matching(t).is_some());
        if trailing {
            let line = last.noi_dung.0.pop().expect("checked above");
            plan.noi_dung.0.push(line);
        }
    }
    let mut leave = Leave::default();
    let mut list: Option<To> = None;
    let mut kept = Vec::new();
    for part in std::mem::take(&mut plan.noi_dung.0) {
        match (&part, list) {
            (Part::Dash(d), Some(to)) => {
                set(
                    plan,
                    &mut leave,
                    to,
                    d.gach.trim_end_matches([';', '.']).to_string(),
                );
                continue;
            }
            (Part::Paragraph(text), _) => {
                list = None;
                if let Some((l, got)) = matching(text) {
                    list = l.list;
                    for ((_, to), value) in l.values.iter().zip(got) {
                        set(plan, &mut leave, *to, value);
                    }
                    continue;
                }
            }
            _ => list = None,
        }
        kept.push(part);
    }
    plan.noi_dung = Content(kept);
    if let Some(l) = leave.complete() {
        plan.nghi_phep = Some(l);
    }
}

/// A giấy nghỉ phép's leave as its lines give it.
#[derive(Default)]
struct Leave {
    ho_ten: Option<String>,
    chuc_vu: Option<String>,
    ngay_don: Option<Date>,
    thoi_gian: Option<String>,
    tu_ngay: Option<Date>,
    den_ngay: Option<Date>,
    noi_nghi: Option<String>,
}

impl Leave {
    fn complete(self) -> Option<crate::input::Leave> {
        Some(crate::input::Leave {
            ho_ten: self.ho_ten?,
            chuc_vu: self.chuc_vu?,
            ngay_don: self.ngay_don?,
            thoi_gian: self.thoi_gian?,
            tu_ngay: self.tu_ngay?,
            den_ngay: self.den_ngay?,
            noi_nghi: self.noi_nghi?,
        })
    }
}

fn set(plan: &mut Plan, leave: &mut Leave, to: To, value: String) {
    // A form's last line closes the body: vanban adds its `./.`.
    let value = value.trim_end_matches("/.").trim_end().to_string();
    match to {
        To::CuocHop => plan.cuoc_hop = Some(value),
        To::ThoiGian => plan.thoi_gian = Some(value),
        To::DiaDiem => plan.dia_diem = Some(value),
        To::KetThuc => plan.ket_thuc = Some(value),
        To::CuDen => plan.cu_den = Some(value),
        To::TrichYeu => plan.trich_yeu = Some(value),
        To::GiaTriDen => plan.gia_tri_den = super::date_in(&value),
        To::GioiThieuTen => person(&mut plan.gioi_thieu).ho_ten = value,
        To::GioiThieuChucVu => person(&mut plan.gioi_thieu).chuc_vu = value,
        To::ChuTriTen => person(&mut plan.chu_tri).ho_ten = value,
        To::ChuTriChucVu => person(&mut plan.chu_tri).chuc_vu = value,
        To::ThuKyTen => person(&mut plan.thu_ky).ho_ten = value,
        To::ThuKyChucVu => person(&mut plan.thu_ky).chuc_vu = value,
        To::ThanhPhan => plan.thanh_phan.push(value),
        To::NghiTen => leave.ho_ten = Some(value),
        To::NghiChucVu => leave.chuc_vu = Some(value),
        To::NghiNgayDon => leave.ngay_don = super::date_in(&value),
        To::NghiThoiGian => leave.thoi_gian = Some(value),
        To::NghiTuNgay => leave.tu_ngay = super::date_in(&value),
        To::NghiDenNgay => leave.den_ngay = super::date_in(&value),
        To::NghiNoi => leave.noi_nghi = Some(value),
        To::Nowhere => {}
    }
}

/// The person in `slot`, made empty if there is none yet.
fn person(slot: &mut Option<Person>) -> &mut Person {
    slot.get_or_insert_with(|| Person {
        ho_ten: String::new(),
        chuc_vu: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_between_the_words_of_a_template() {
        let pieces = around("Chủ trì: \u{E000} - \u{E001}", &[marker(0), marker(1)]);
        assert_eq!(
            values(
                "Chủ trì: Đồng chí A - Phó Chủ tịch Ủy ban nhân dân xã.",
                &pieces
            ),
            Some(vec![
                "Đồng chí A".into(),
                "Phó Chủ tịch Ủy ban nhân dân xã.".into()
            ])
        );
        assert_eq!(values("Thời gian: 8 giờ", &pieces), None);
        assert_eq!(
            super::super::date_in("ngày 31/3/2026./."),
            "2026-03-31".parse().ok()
        );
    }
}
