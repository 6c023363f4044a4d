//! The parts every kind has, around its body: the header (ô 1–4), the title
//! (ô 5a), the preamble of căn cứ lines (ô 6), the closing `./.`, and Nơi
//! nhận beside the signature (ô 7, 9b).

use super::Composer;
use crate::fonts;
use crate::input::{Profile, Signature};
use crate::model::{Block, Boxed, Closing, Header, HeaderSizes, Inline, Paragraph, Signed, Title};
use crate::nd30::{self, ParaStyle, PAGE, RULE_FRACTION};
use std::path::Path;

pub(super) fn title(c: &mut Composer) -> Title {
    let kind = c.doc.plan.loai.title().to_string();
    // A giấy giới thiệu's form has no trích yếu under the tên loại (its
    // subject is the `Về việc:` line of the body), nor a giấy nghỉ phép's:
    // the short line goes under the tên loại.
    if matches!(
        c.doc.plan.loai,
        nd30::DocKind::GiayGioiThieu | nd30::DocKind::GiayNghiPhep
    ) {
        return Title {
            rule_mm: summary_rule_mm(&kind),
            kind,
            summary: None,
        };
    }
    let summary = c.summary();
    Title {
        kind,
        rule_mm: summary_rule_mm(&summary),
        summary: Some(summary),
    }
}

/// The trích yếu's line: a fraction of its longest printed line.
pub(super) fn summary_rule_mm(summary: &str) -> f32 {
    let style = ParaStyle::TrichYeu.spec();
    let width = fonts::text_width_mm(summary, style.size_pt, style.bold, style.italic);
    round(width.min(PAGE.text_width_mm()) * RULE_FRACTION)
}

fn round(mm: f32) -> f32 {
    (mm * 10.0).round() / 10.0
}

/// The lines a document rests on (căn cứ, thực hiện, xét), italic, each
/// ending `;`, the last `.` (PL1 II.6a); `Theo đề nghị của …` comes last.
/// A line the clerk ended with another mark keeps it, with a warning:
/// never changed without a word.
pub(super) fn preamble(c: &mut Composer) {
    let doc = c.doc;
    let plan = &doc.plan;
    let mut lines: Vec<(String, String)> = plan
        .can_cu
        .iter()
        .enumerate()
        .map(|(i, l)| (format!("can_cu[{i}]"), l.clone()))
        .collect();
    if let Some(who) = &plan.theo_de_nghi {
        lines.push(("theo_de_nghi".into(), format!("{}{who}", nd30::PROPOSED_BY)));
    }
    let count = lines.len();
    for (i, (key, raw)) in lines.into_iter().enumerate() {
        let want = if i + 1 == count { '.' } else { ';' };
        let mut text = c.text(&key, &raw);
        let typed = text
            .plain()
            .trim_end()
            .chars()
            .next_back()
            .filter(|ch| matches!(ch, ';' | '.' | ',' | ':'));
        match typed {
            None => text.push_plain(&want.to_string()),
            Some(mark) if mark == want => {}
            Some(mark) => c.warning(
                &key,
                format!(
                    "dòng căn cứ kết thúc bằng `{mark}`; Nghị định 30 ghi `{want}` ở {} \
                     (PL1 II.6a): vanban giữ như đã gõ (punctuation kept as typed)",
                    if want == '.' {
                        "dòng cuối"
                    } else {
                        "các dòng trước dòng cuối"
                    }
                ),
            ),
        }
        c.push(Paragraph::new(ParaStyle::CanCu, None, text));
    }
}

/// `DỰ THẢO` for a draft put out for comment.
pub(super) fn draft(c: &Composer) -> Option<Boxed> {
    let round = c.doc.plan.du_thao?.round()?;
    let text = nd30::draft_mark(round);
    let s = ParaStyle::DuThao.spec();
    let width_mm = fonts::text_width_mm(&text, s.size_pt, true, false) + 6.0;
    Some(Boxed { text, width_mm })
}

/// Opening paragraphs, before the outline.
pub(super) fn opening(c: &mut Composer) {
    let doc = c.doc;
    for (i, p) in doc.plan.mo_dau.iter().enumerate() {
        c.paragraph(ParaStyle::Doan, None, &format!("mo_dau[{i}]"), p);
    }
}

/// Kính gửi (ô 9a), or a công điện's `… điện:`: one recipient on the
/// line of `lead`, several as `- …;` lines under it, the last ending `.`.
/// A mark the clerk typed at an item's end is kept (some offices end each
/// with a comma).
pub(super) fn addressed(c: &mut Composer, lead: &str) {
    let doc = c.doc;
    let items = &doc.plan.kinh_gui;
    let punctuated = |c: &mut Composer, i: usize, raw: &str| {
        let mut text = c.text(&format!("kinh_gui[{i}]"), raw);
        let typed = text.plain().trim_end().ends_with([',', ';', '.', ':']);
        if !typed {
            text.push_plain(if i + 1 == items.len() { "." } else { ";" });
        }
        text
    };
    match items.as_slice() {
        [] => {}
        [one] => {
            let mut line = Inline::plain_text(format!("{lead} "));
            line.0.extend(punctuated(c, 0, one).0);
            c.push(Paragraph::new(ParaStyle::KinhGui, None, line));
        }
        several => {
            c.push(Paragraph::new(
                ParaStyle::KinhGui,
                None,
                Inline::plain_text(lead),
            ));
            for (i, item) in several.iter().enumerate() {
                let text = punctuated(c, i, item);
                c.push(Paragraph::new(
                    ParaStyle::KinhGuiMuc,
                    Some(nd30::dash(0).into()),
                    text,
                ));
            }
        }
    }
}

/// The body ends with `./.` (PL3, every model) and its last paragraph stays
/// on the page of the signature.
pub(super) fn close_body(blocks: &mut [Block]) {
    let last = blocks.iter_mut().rev().find_map(|b| match b {
        Block::Paragraph(p) => Some(p),
        Block::Table(_) => None,
    });
    if let Some(p) = last {
        let text = p.text.plain();
        let text = text.trim_end();
        if !text.ends_with("./.") {
            p.text
                .push_plain(if text.ends_with('.') { "/." } else { "./." });
        }
        p.keep_next = true;
    }
}

pub(super) fn header(c: &mut Composer) -> Header {
    let doc = c.doc;
    let plan = &doc.plan;
    let p = &doc.profile;
    // Issued jointly, the ký hiệu names both bodies, the lead first
    // (`KH-UBND-MTTQ`), and the header both names, the lead on top.
    let (body_code, issuer) = match &doc.joint {
        Some((joint, _)) => (
            format!("{}-{}", p.viet_tat, joint.viet_tat),
            [p.ten_co_quan.as_slice(), joint.ten_co_quan.as_slice()].concat(),
        ),
        None => (p.viet_tat.clone(), p.ten_co_quan.clone()),
    };
    // Any kind may name its drafting department in the ký hiệu: it must be
    // one of the profile's.
    if let Some(code) = &plan.don_vi_soan {
        if p.department(code).is_none() {
            let msg = super::outline::unknown_department(c, code);
            c.error("don_vi_soan", msg);
        }
    }
    let number = nd30::issue_number(
        plan.so.as_ref().map(|n| n.printed()).as_deref(),
        plan.loai,
        &body_code,
        plan.don_vi_soan.as_deref(),
    );
    let place_date = nd30::place_and_date(&p.dia_danh, plan.ngay, plan.nam);
    let width = |style: ParaStyle, size: f32, text: &str| {
        let s = style.spec();
        fonts::text_width_mm(text, size, s.bold, s.italic)
    };
    // What each column needs at `sizes`, a millimetre either side so that
    // neither writer's rounding wraps a line measured to fit.
    let needs = |sizes: HeaderSizes| {
        let left = issuer
            .iter()
            .map(|l| width(ParaStyle::CoQuan, sizes.left_pt, l))
            .chain(
                p.co_quan_chu_quan
                    .iter()
                    .flatten()
                    .map(|l| width(ParaStyle::CoQuanChuQuan, sizes.left_pt, l)),
            )
            .chain([width(ParaStyle::SoKyHieu, sizes.left_pt, &number)])
            .fold(0.0, f32::max);
        let right = [
            width(ParaStyle::QuocHieu, sizes.national_pt, nd30::NATIONAL),
            width(
                ParaStyle::TieuNgu,
                ParaStyle::TieuNgu.spec().size_pt,
                nd30::MOTTO,
            ),
            width(ParaStyle::DiaDanh, sizes.place_date_pt, &place_date),
        ]
        .into_iter()
        .fold(0.0, f32::max);
        (left + 2.0, right + 2.0)
    };
    let house = HeaderSizes {
        left_pt: ParaStyle::CoQuan.spec().size_pt,
        national_pt: ParaStyle::QuocHieu.spec().size_pt,
        place_date_pt: ParaStyle::DiaDanh.spec().size_pt,
    };
    // Step down within the decree's ranges, the date line first, until the
    // names fit side by side.
    let steps = [
        house,
        HeaderSizes {
            place_date_pt: nd30::PLACE_DATE_MIN_PT,
            ..house
        },
        HeaderSizes {
            left_pt: nd30::ISSUER_MIN_PT,
            national_pt: nd30::NATIONAL_MIN_PT,
            place_date_pt: nd30::PLACE_DATE_MIN_PT,
        },
    ];
    let fits = |s: &HeaderSizes| {
        let (l, r) = needs(*s);
        l + r <= PAGE.text_width_mm()
    };
    let sizes = steps.iter().copied().find(fits).unwrap_or(steps[2]);
    let (left, right) = needs(sizes);
    if left + right > PAGE.text_width_mm() {
        c.warnings.push(
            crate::diag::Diagnostic::warning(format!(
                "tên cơ quan và dòng địa danh, ngày tháng không vừa cạnh nhau trên một dòng \
                 (cần {:.0} mm, có {:.0} mm): tên cơ quan sẽ xuống dòng; có thể tách dòng tên \
                 trong hồ sơ đơn vị (header names too long for one line)",
                left + right,
                PAGE.text_width_mm()
            ))
            .key("ten_co_quan")
            .in_file(&doc.profile_path),
        );
    }
    // When both cannot fit, the date line keeps its one line.
    let columns_mm = match left + right > PAGE.text_width_mm() {
        true => (
            PAGE.text_width_mm() - right.min(PAGE.text_width_mm() * 0.7),
            right.min(PAGE.text_width_mm() * 0.7),
        ),
        false => nd30::header_columns(left, right),
    };
    let widest_issuer = issuer
        .iter()
        .map(|l| width(ParaStyle::CoQuan, sizes.left_pt, l))
        .fold(0.0, f32::max);
    // A box as wide as its word and some room, or as the decree sets it.
    let boxed = |text: &str, width: Option<f32>| {
        let s = ParaStyle::DoKhan.spec();
        let measured = fonts::text_width_mm(text, s.size_pt, true, false) + 6.0;
        Boxed {
            text: text.to_string(),
            width_mm: width.unwrap_or(measured).max(measured),
        }
    };
    let marks = plan
        .do_mat
        .map(|m| boxed(m.word(), None))
        .into_iter()
        .chain(plan.do_khan.map(|u| {
            let (word, width) = u.mark();
            boxed(word, Some(width))
        }))
        .collect();
    Header {
        marks,
        subject: None,
        parent: p.co_quan_chu_quan.clone().unwrap_or_default(),
        issuer,
        issuer_rule_mm: round(widest_issuer.min(columns_mm.0) * RULE_FRACTION),
        number,
        national: nd30::NATIONAL.to_string(),
        motto: nd30::MOTTO.to_string(),
        motto_rule_mm: round(width(
            ParaStyle::TieuNgu,
            ParaStyle::TieuNgu.spec().size_pt,
            nd30::MOTTO,
        )),
        // A biên bản records a meeting; it has no place and date line (Mẫu 1.9).
        place_date: (plan.loai != nd30::DocKind::BienBan).then_some(place_date),
        columns_mm,
        sizes,
    }
}

pub(super) fn closing(c: &mut Composer) -> Closing {
    let plan = &c.doc.plan;
    let p = &c.doc.profile;
    let mut recipients = Vec::new();
    // Those addressed by Kính gửi receive it first: `- Như trên;` (PL1 II.9).
    let as_above = nd30::AS_ABOVE;
    if !plan.kinh_gui.is_empty() && plan.noi_nhan.first().is_none_or(|r| r.trim() != as_above) {
        recipients.push(as_above.to_string());
    }
    for (i, r) in plan.noi_nhan.iter().enumerate() {
        recipients.push(c.plain(&format!("noi_nhan[{i}]"), r));
    }
    for (i, item) in plan.luu.iter().enumerate() {
        if let Some(code) = nd30::archive_code(item) {
            if p.department(code).is_none() {
                let msg = super::outline::unknown_department(c, code);
                c.error(&format!("luu[{i}]"), msg);
            }
        }
    }
    let doc = c.doc;
    // Rendered for another unit, the signer is whoever holds the same
    // position there.
    let own = signed(
        c,
        (p, &doc.profile_path),
        &plan.nguoi_ky,
        "nguoi_ky",
        doc.signer_position.as_deref(),
    );
    // A joint issuer signs on the left, the lead body on the right.
    let joint = match (&doc.joint, &plan.lien_tich) {
        (Some((profile, path)), Some(j)) => Some(signed(
            c,
            (profile, path),
            &j.nguoi_ky,
            "lien_tich.nguoi_ky",
            None,
        )),
        _ => None,
    };
    let formal_second = c.left_signature.take();
    // Beside a biên bản's second signature, Nơi nhận only where the clerk
    // wrote one (Mẫu 1.9 has none).
    let no_recipients = formal_second.is_some() && plan.noi_nhan.is_empty() && plan.luu.is_empty();
    let authority = match c.signer_title.take() {
        Some(title) => vec![title],
        None => own.authority,
    };
    Closing {
        left: formal_second.or(joint),
        recipients_title: nd30::RECIPIENTS_TITLE.to_string(),
        recipients: match no_recipients {
            true => Vec::new(),
            false => nd30::recipient_lines(&recipients, p.van_thu.as_deref(), &plan.luu),
        },
        authority,
        signer: own.signer,
    }
}

/// A signature of `profile`'s: its signer found by name (or, rendered for
/// another unit, by the position held), and the authority lines over the
/// name (`TM.`, `KT.` … or the `chuc_danh` written).
fn signed(
    c: &mut Composer,
    (profile, path): (&Profile, &Path),
    signature: &Signature,
    key: &str,
    position_elsewhere: Option<&str>,
) -> Signed {
    let found = profile
        .signer(&signature.ho_ten)
        .or_else(|| position_elsewhere.and_then(|pos| profile.signer_by_position(pos)));
    let (name, position) = match found {
        Some(s) => (s.ho_ten.clone(), s.chuc_vu.clone()),
        None => {
            let known: Vec<&str> = profile.nguoi_ky.iter().map(|s| s.ho_ten.as_str()).collect();
            let msg = format!(
                "người ký `{}` không có trong hồ sơ đơn vị {} (unknown signer); người ký có: {}",
                signature.ho_ten,
                path.display(),
                known.join(", ")
            );
            c.error(&format!("{key}.ho_ten"), msg);
            (String::new(), String::new())
        }
    };
    let authority = match signature.chuc_danh.is_empty() {
        true => nd30::authority_lines(
            signature.thay_mat.then_some(profile.tap_the.as_str()),
            signature.hinh_thuc,
            &profile.thu_truong,
            &position,
        ),
        false => signature
            .chuc_danh
            .iter()
            .map(|l| l.to_uppercase())
            .collect(),
    };
    Signed {
        authority,
        signer: name,
    }
}
