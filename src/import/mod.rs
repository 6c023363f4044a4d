//! `vanban import`: last year's Word file into vanban's YAML, so that next
//! year's plan is drafted from it rather than retyped. The DOCX is read by
//! [`crate::word`] (bounded, legacy fonts converted), its parts recognised
//! by [`parts`], its outline by [`outline`]; the result is a document in
//! the YAML a clerk keeps, a unit profile for its issuer and registry
//! entries for the documents it cites. Nothing is dropped: text that could
//! not be placed is kept in the body, and every guess is said, in the YAML
//! as a comment and as a warning naming the paragraph.

mod forms;
pub mod outline;
pub mod parts;
mod report;

use crate::date::Date;
use crate::diag::Diagnostic;
use crate::input::{
    Appendix, Content, DocNumber, Entry, Part, Plan, Profile, Registry, Signature, Signer,
};
use crate::input::{Department, DraftRound};
use crate::nd30::{self, DocKind, Secrecy, Urgency};
use crate::word::WordDoc;
use parts::{Line, Parts};
use std::collections::BTreeMap;

/// What an import produces: three YAML texts, and what the clerk should
/// look at.
#[derive(Debug, Clone)]
pub struct Imported {
    pub plan: String,
    pub profile: String,
    /// The profile of the body issuing jointly, for a liên tịch document.
    pub joint_profile: Option<String>,
    pub registry: String,
    pub warnings: Vec<Diagnostic>,
}

/// A guess the import made: the key it wrote, what was guessed, and the
/// paragraph it comes from.
struct Guess {
    key: String,
    what: String,
    paragraph: Option<usize>,
}

/// File names the document's YAML refers to, relative to it.
pub struct Names<'a> {
    pub profile: &'a str,
    /// Where a joint issuer's profile goes, for a liên tịch document.
    pub joint_profile: &'a str,
    pub registry: &'a str,
    /// The DOCX, for the first comment line.
    pub source: &'a str,
}

pub fn import(doc: &WordDoc, names: &Names) -> Imported {
    let parts = parts::recognise(doc);
    let mut guesses: Vec<Guess> = Vec::new();
    let guess = |guesses: &mut Vec<Guess>, key: &str, what: String, line: Option<&Line>| {
        guesses.push(Guess {
            key: key.to_string(),
            what,
            paragraph: line.map(|l| l.para.number),
        })
    };

    let kind = parts.kind.unwrap_or_else(|| {
        guess(
            &mut guesses,
            "loai",
            "không thấy tên loại (KẾ HOẠCH, QUYẾT ĐỊNH …) hay dòng V/v: đoán là kế hoạch".into(),
            None,
        );
        DocKind::KeHoach
    });
    let place_date = parts
        .place_date
        .as_ref()
        .map(|l| l.text.as_str())
        .unwrap_or("");
    let date = date_in(place_date);
    let year = year_in(place_date)
        .or(date.map(|d| d.year))
        .or_else(|| parts.summary.iter().find_map(|l| year_in(&l.text)))
        .unwrap_or_else(|| {
            guess(
                &mut guesses,
                "nam",
                "không thấy năm ở dòng địa danh, ngày tháng: ghi năm của văn bản".into(),
                parts.place_date.as_ref(),
            );
            2026
        });
    // A liên tịch document: two bodies in the header, two codes after the
    // kind's (`KH-UBND-MTTQ`), two signatures (the joint one on the left).
    let joint = joint_split(&parts, kind);
    let mut parts = parts;
    let joint_lines = joint.map(|at| parts.issuer.split_off(at));
    let symbol = parts
        .number
        .as_ref()
        .map(|l| {
            l.text
                .split_once(':')
                .map_or("", |(_, s)| s)
                .trim()
                .to_string()
        })
        .unwrap_or_default();
    let (number_text, code) = symbol.split_once('/').unwrap_or(("", ""));
    let groups: Vec<&str> = code.split('-').map(str::trim).collect();
    // `KH-UBND`: the kind's code, then the body's (which may hold a dash:
    // `KH-MTTQ-BTT`); a công văn's `UBND-VHXH`: the body's, then the
    // drafting unit's (PL1 II.3).
    let (body_code, unit) = match kind.code() {
        Some(_) => ((groups.len() > 1).then(|| groups[1..].join("-")), None),
        None => (
            groups.first().map(|g| g.to_string()),
            groups.get(1).copied(),
        ),
    };
    let body_code = body_code.filter(|b| !b.is_empty());

    let mut plan: Plan = serde_norway::from_str(&format!(
        "loai: {}\ndon_vi: {}\nnam: {year}\nnguoi_ky: {{ ho_ten: x }}\n",
        serde_json::to_value(kind)
            .expect("a kind serialises")
            .as_str()
            .unwrap_or("ke_hoach"),
        names.profile
    ))
    .expect("a minimal plan parses");
    plan.van_ban = Some(names.registry.to_string());
    plan.so = number(number_text);
    plan.ngay = date;
    plan.don_vi_soan = unit.filter(|u| !u.is_empty()).map(str::to_string);
    plan.du_thao = parts.draft.as_ref().map(|_| DraftRound::Yes(true));
    for m in &parts.marks {
        match m.text.as_str() {
            "KHẨN" => plan.do_khan = Some(Urgency::Khan),
            "THƯỢNG KHẨN" => plan.do_khan = Some(Urgency::ThuongKhan),
            "HỎA TỐC" | "HOẢ TỐC" => plan.do_khan = Some(Urgency::HoaToc),
            "MẬT" => plan.do_mat = Some(Secrecy::Mat),
            "TỐI MẬT" => plan.do_mat = Some(Secrecy::ToiMat),
            "TUYỆT MẬT" => plan.do_mat = Some(Secrecy::TuyetMat),
            _ => {}
        }
    }
    plan.trich_yeu = match kind {
        DocKind::CongVan => joined(&parts.subject),
        _ => joined(&parts.summary),
    };
    plan.tham_quyen = parts.authority_line.as_ref().map(|l| l.text.clone());
    for l in &parts.grounds {
        let text = outline::text_of(l.para, None);
        let text = text.trim_end_matches([';', '.']).trim().to_string();
        match text.strip_prefix(nd30::PROPOSED_BY) {
            Some(who) => plan.theo_de_nghi = Some(who.to_string()),
            None => plan.can_cu.push(text),
        }
    }
    plan.kinh_gui = addressed(&parts.addressed);

    let (mut content, scheme) = outline::read(&parts.body);
    strip_end_mark(&mut content);
    // The kind's own numbering, or the start of it, goes unsaid.
    if !kind.default_scheme().starts_with(&scheme) {
        plan.danh_so = Some(scheme);
    }
    plan.noi_dung = content;
    // A form's own lines (Thời gian, Địa điểm, Chủ trì …) into their keys.
    let templates = crate::templates::Templates::new(None).expect("the built-in wording parses");
    forms::read(&mut plan, &templates);
    if kind == DocKind::BaoCao {
        report::read(&mut plan, &templates);
    }

    let (recipients, luu, records) = recipients(&parts.recipients);
    plan.noi_nhan = recipients;
    plan.luu = luu.clone();
    let signer = parts
        .signer
        .as_ref()
        .map(|l| l.text.clone())
        .unwrap_or_else(|| {
            guess(
                &mut guesses,
                "nguoi_ky.ho_ten",
                "không thấy tên người ký dưới chức vụ".into(),
                parts.authority.last(),
            );
            "«họ và tên»".into()
        });
    plan.nguoi_ky = Signature {
        thay_mat: false,
        hinh_thuc: None,
        ho_ten: signer.clone(),
        // A biên bản's `CHỦ TỌA` is its form's wording, not the signer's.
        chuc_danh: match kind {
            DocKind::BienBan => Vec::new(),
            _ => parts.authority.iter().map(|l| l.text.clone()).collect(),
        },
    };
    // A phụ lục's `Kèm theo` line dated `01/12/2025` says the short form.
    let short_date = |l: &Line| {
        l.text.split("ngày ").skip(1).any(|after| {
            let d: String = after.chars().take(10).collect();
            d.len() == 10 && d.chars().filter(|c| *c == '/').count() == 2
        })
    };
    if parts
        .appendices
        .iter()
        .filter_map(|a| a.attached.as_ref())
        .any(short_date)
    {
        plan.kieu_ngay = Some(nd30::DateForm::Ngan);
    }
    plan.phu_luc = parts
        .appendices
        .iter()
        .map(|a| appendix(a, &plan))
        .collect();
    for l in &parts.unplaced {
        guess(
            &mut guesses,
            "noi_dung",
            format!(
                "không xếp được dòng \"{}\": đã giữ trong `noi_dung`",
                short(&l.text)
            ),
            Some(l),
        );
        plan.noi_dung
            .0
            .push(Part::Paragraph(outline::text_of(l.para, None)));
    }

    let (body_code, joint_code) = match (&joint_lines, body_code) {
        (Some(_), Some(code)) => match code.split_once('-') {
            Some((lead, other)) => (Some(lead.to_string()), Some(other.to_string())),
            None => (Some(code), None),
        },
        (_, code) => (code, None),
    };
    let joint_profile = match (&joint_lines, &parts.left_signature) {
        (Some(lines), Some((authority, signer))) => {
            let name = signer
                .as_ref()
                .map(|l| l.text.clone())
                .unwrap_or_else(|| "«họ và tên»".into());
            plan.lien_tich = Some(crate::input::JointIssuer {
                don_vi: names.joint_profile.to_string(),
                nguoi_ky: Signature {
                    thay_mat: false,
                    hinh_thuc: None,
                    ho_ten: name.clone(),
                    chuc_danh: authority.iter().map(|l| l.text.clone()).collect(),
                },
            });
            let joint = Parts {
                issuer: lines.clone(),
                authority: authority.clone(),
                place_date: parts.place_date.clone(),
                ..Parts::default()
            };
            Some(profile(
                &joint,
                joint_code,
                None,
                &[],
                None,
                &name,
                &mut guesses,
            ))
        }
        _ => None,
    };
    let profile = profile(
        &parts,
        body_code,
        unit,
        &luu,
        records,
        &signer,
        &mut guesses,
    );
    let registry = registry(&parts);
    let mut plan_yaml = serde_norway::to_string(&plan).expect("a plan serialises");
    let mut warnings = Vec::new();
    for g in &guesses {
        let place = g
            .paragraph
            .map(|n| format!("đoạn {n}: "))
            .unwrap_or_default();
        warnings.push(
            Diagnostic::warning(format!("{place}{} (import guessed)", g.what)).key(g.key.clone()),
        );
        plan_yaml = comment_at(&plan_yaml, &g.key, &format!("? {place}{}", g.what));
    }
    let mut head = format!(
        "# yaml-language-server: $schema=schema/van-ban.json\n# Nhập từ {} bằng vanban import.\n",
        names.source
    );
    for (encoding, runs) in &doc.converted {
        head.push_str(&format!(
            "# Chữ gõ bằng phông {encoding} ({runs} đoạn chữ) đã chuyển sang Unicode.\n"
        ));
        warnings.push(Diagnostic::warning(format!(
            "{runs} đoạn chữ gõ bằng phông {encoding} đã chuyển sang Unicode: xin đọc lại \
             (legacy {encoding} text converted)"
        )));
    }
    if doc.had_macros {
        head.push_str("# Tệp có macro: vanban không chạy và không giữ macro.\n");
    }
    Imported {
        plan: head + &plan_yaml,
        profile,
        joint_profile,
        registry,
        warnings,
    }
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}

fn joined(lines: &[Line]) -> Option<String> {
    let text: Vec<String> = lines
        .iter()
        .map(|l| outline::text_of(l.para, None))
        .collect();
    (!text.is_empty()).then(|| text.join(" "))
}

/// `05` → 5, printed again as `05`; `5` is kept as typed; blanks are a
/// draft's.
fn number(text: &str) -> Option<DocNumber> {
    let t = text.trim();
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: u32 = t.parse().ok()?;
    Some(match nd30::printed_number(n) == t {
        true => DocNumber::Number(n),
        false => DocNumber::Text(t.to_string()),
    })
}

fn year_in(text: &str) -> Option<u16> {
    let at = text.rfind("năm ")?;
    text[at + "năm ".len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()
        .filter(|y| (1945..=2200).contains(y))
}

/// The date a text gives after its (last) `ngày`, in either of the
/// decree's forms: `ngày 05 tháng 02 năm 2026`, `ngày 31/3/2026`; a draft's
/// blanks give none.
pub(super) fn date_in(text: &str) -> Option<Date> {
    let after = text.rsplit_once("ngày").map_or(text, |(_, rest)| rest);
    let numbers: Vec<u32> = after
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    match numbers.as_slice() {
        [d, m, y] => format!("{y:04}-{m:02}-{d:02}").parse().ok(),
        _ => None,
    }
}

/// `Kính gửi: X.` or `Kính gửi:` and `- X;` lines; the marks vanban
/// adds (`;`, the last `.`) left to it, others kept as typed.
fn addressed(lines: &[Line]) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let text = outline::text_of(l.para, None);
        let item = match i {
            0 => text
                .split_once(':')
                .map_or("", |(_, r)| r)
                .trim()
                .to_string(),
            _ => text.trim_start_matches(['-', ' ', '\t']).to_string(),
        };
        if !item.is_empty() {
            items.push(item);
        }
    }
    let last = items.len().saturating_sub(1);
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let standard = if i == last { '.' } else { ';' };
            item.strip_suffix(standard)
                .unwrap_or(&item)
                .trim_end()
                .to_string()
        })
        .collect()
}

/// Nơi nhận's lines without `- ` and `;`; the `Lưu:` line's codes, the
/// records office (`VT`) apart.
fn recipients(lines: &[Line]) -> (Vec<String>, Vec<String>, Option<String>) {
    let mut out = Vec::new();
    let mut luu = Vec::new();
    let mut records = None;
    for l in lines {
        let text = l.text.trim_start_matches(['-', ' ', '\t']);
        let text = text.trim_end_matches(['.', ';', ',']).trim();
        if let Some(codes) = text
            .strip_prefix("Lưu:")
            .or_else(|| text.strip_prefix("Lưu :"))
        {
            for (i, code) in codes.split(',').map(str::trim).enumerate() {
                match (i, code) {
                    (0, "VT" | "Văn thư") => records = Some(code.to_string()),
                    (_, "") => {}
                    _ => luu.push(code.to_string()),
                }
            }
        } else if !text.is_empty() {
            out.push(text.to_string());
        }
    }
    // vanban writes `- Như trên;` itself where there is a Kính gửi.
    (out, luu, records)
}

/// A document's last text ends `./.` on the page; vanban adds it.
fn strip_end_mark(content: &mut Content) {
    fn last(parts: &mut [Part]) -> Option<&mut String> {
        match parts.last_mut()? {
            Part::Paragraph(t) => Some(t),
            Part::Dash(d) => match last(&mut d.noi_dung.0) {
                Some(t) => Some(t),
                None => Some(&mut d.gach),
            },
            Part::Item(n) => {
                let inner = last(&mut n.noi_dung.0);
                match inner {
                    Some(t) => Some(t),
                    None => n.doan_so.as_mut().or(n.tieu_de.as_mut()),
                }
            }
            Part::Table(_) | Part::Unit(_) => None,
        }
    }
    if let Some(t) = last(&mut content.0) {
        if let Some(s) = t.strip_suffix("./.").or_else(|| t.strip_suffix("/.")) {
            *t = s.trim_end().to_string();
        }
    }
}

fn appendix(a: &parts::AppendixParts, plan: &Plan) -> Appendix {
    let label = a.label.as_ref().map(|l| l.text.as_str()).unwrap_or("");
    let loai = parts::kind_of_title(label);
    let attached = a.attached.as_ref().map(|l| l.text.as_str()).unwrap_or("");
    let inner = attached.trim_start_matches('(').trim_end_matches(')');
    let kind_name = plan.loai.name();
    let kem_theo = inner
        .find(&format!(" {kind_name} "))
        .map(|at| inner[..at].trim().to_string());
    let co_quan = inner
        .rsplit_once(" của ")
        .map(|(_, b)| b.trim().to_string());
    let (mut content, scheme) = outline::read(&a.body);
    if loai.is_some() {
        strip_end_mark(&mut content);
    }
    Appendix {
        tieu_de: a.title.first().map(|l| l.text.clone()).unwrap_or_default(),
        phu_de: a.title.get(1).map(|l| outline::text_of(l.para, None)),
        loai,
        kem_theo: kem_theo.filter(|k| {
            let default = match loai {
                Some(_) => nd30::ISSUED_WITH,
                None => nd30::ATTACHED_TO,
            };
            k != default
        }),
        co_quan,
        danh_so: (!scheme.is_empty()).then_some(scheme),
        noi_dung: content,
    }
}

/// The issuer's profile, from the header, the ký hiệu and the signature.
fn profile(
    parts: &Parts,
    body_code: Option<String>,
    unit: Option<&str>,
    luu: &[String],
    records: Option<String>,
    signer: &str,
    guesses: &mut Vec<Guess>,
) -> String {
    let issuer: Vec<String> = parts.issuer.iter().map(|l| l.text.clone()).collect();
    let last = issuer.last().cloned().unwrap_or_default();
    // `XÃ BÁT TRÀNG` → `xã`, `Bát Tràng`; a body without a level word keeps
    // its last line as its name.
    let levels = ["XÃ", "PHƯỜNG", "ĐẶC KHU", "TỈNH", "THÀNH PHỐ"];
    let (level, name) = levels
        .iter()
        .find_map(|lv| {
            last.strip_prefix(&format!("{lv} "))
                .map(|n| (lv.to_lowercase(), n.to_string()))
        })
        .unwrap_or_else(|| (String::new(), last.clone()));
    let place = parts
        .place_date
        .as_ref()
        .and_then(|l| l.text.split_once(','))
        .map(|(p, _)| p.trim().to_string())
        .unwrap_or_default();
    let authority: Vec<String> = parts.authority.iter().map(|l| l.text.clone()).collect();
    let after = |line: &str, prefix: &str| {
        line.strip_prefix(prefix)
            .and_then(|r| r.strip_prefix(' '))
            .map(str::to_string)
    };
    let tm = authority.iter().find_map(|a| after(a, nd30::ON_BEHALF));
    let head = authority
        .iter()
        .find_map(|a| {
            nd30::Authority::ALL
                .iter()
                .find_map(|p| after(a, p.prefix()))
        })
        .or_else(|| authority.last().cloned());
    let mut codes: Vec<String> = luu
        .iter()
        .filter_map(|item| nd30::archive_code(item))
        .map(str::to_string)
        .collect();
    codes.extend(unit.filter(|u| !u.is_empty()).map(str::to_string));
    codes.sort();
    codes.dedup();
    let profile = Profile {
        co_quan_chu_quan: (!parts.parent.is_empty())
            .then(|| parts.parent.iter().map(|l| l.text.clone()).collect()),
        ten_co_quan: issuer.clone(),
        viet_tat: body_code.clone().unwrap_or_else(|| "«VIẾT TẮT»".into()),
        cap: level,
        ten: proper_name(&name, &place),
        tinh: None,
        dia_danh: place,
        tap_the: tm.unwrap_or_else(|| issuer.first().cloned().unwrap_or_default()),
        thu_truong: head.clone().unwrap_or_default(),
        van_thu: records,
        phong_ban: codes
            .iter()
            .map(|c| Department {
                ma: c.clone(),
                ten: format!("«tên {c}»"),
            })
            .collect(),
        nguoi_ky: vec![Signer {
            ho_ten: signer.to_string(),
            chuc_vu: authority.last().cloned().unwrap_or_default(),
        }],
        can_xac_minh: vec![
            "tên các phòng ban (phong_ban) đoán từ ký hiệu và dòng Lưu".into(),
            "cấp, tên và tỉnh của đơn vị".into(),
        ],
    };
    if body_code.is_none() {
        guesses.push(Guess {
            key: "don_vi".into(),
            what: "không đọc được ký hiệu cơ quan từ dòng Số".into(),
            paragraph: parts.number.as_ref().map(|l| l.para.number),
        });
    }
    format!(
        "# yaml-language-server: $schema=schema/don-vi.json\n# Hồ sơ đơn vị do vanban import đoán từ văn bản: xin kiểm tra.\n{}",
        serde_norway::to_string(&profile).expect("a profile serialises")
    )
}

/// Where the joint issuer's lines start among the header's issuing bodies,
/// for a document signed by two bodies (not a biên bản's two signers): at
/// the second line that opens a body's name.
fn joint_split(parts: &Parts, kind: DocKind) -> Option<usize> {
    const BODIES: [&str; 9] = [
        "ỦY BAN",
        "UỶ BAN",
        "BAN ",
        "HỘI ",
        "ĐOÀN ",
        "MẶT TRẬN",
        "ĐẢNG ỦY",
        "SỞ ",
        "CÔNG AN",
    ];
    if kind == DocKind::BienBan || parts.left_signature.is_none() {
        return None;
    }
    parts
        .issuer
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, l)| BODIES.iter().any(|b| l.text.starts_with(b)))
        .map(|(i, _)| i)
}

/// A name printed in capitals as running text writes it: the place line's
/// spelling where it is the same name, otherwise each word capitalised.
fn proper_name(upper: &str, place: &str) -> String {
    if place.to_uppercase() == upper {
        return place.to_string();
    }
    upper
        .split(' ')
        .map(nd30::sentence_case)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Registry entries for the documents cited by number in the preamble and
/// the body: `Luật … số 73/2006/QH11`, `Kế hoạch số 67/KH-UBND ngày …`.
fn registry(parts: &Parts) -> String {
    let mut registry: Registry = BTreeMap::new();
    let texts = parts
        .grounds
        .iter()
        .map(|l| l.text.clone())
        .chain(parts.body.iter().filter_map(|b| match b {
            parts::BodyBlock::Para(p) => Some(p.printed()),
            parts::BodyBlock::Table(_) => None,
        }));
    for text in texts {
        for (loai, so) in citations(&text) {
            let key = so
                .to_lowercase()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect::<String>()
                .trim_matches('-')
                .to_string();
            if key.is_empty() {
                continue;
            }
            registry.entry(key).or_insert_with(|| Entry {
                loai,
                ten: None,
                so,
                ngay: None,
                co_quan: None,
                trich_yeu: None,
                tinh: None,
                cac_tinh: BTreeMap::new(),
            });
        }
    }
    format!(
        "# Văn bản được trích dẫn, do vanban import nhận ra theo số, ký hiệu.\n{}",
        serde_norway::to_string(&registry).expect("a registry serialises")
    )
}

/// (kind, số ký hiệu) of each `<Kind> số <n>/<code>` in `text`.
fn citations(text: &str) -> Vec<(String, String)> {
    let kinds = [
        "Bộ luật",
        "Luật",
        "Nghị quyết",
        "Nghị định",
        "Quyết định",
        "Chỉ thị",
        "Thông tư",
        "Kế hoạch",
        "Công văn",
        "Thông báo",
        "Hướng dẫn",
        "Chương trình",
        "Công điện",
    ];
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(" số ") {
        let before = &rest[..at];
        let after = &rest[at + " số ".len()..];
        let so: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | 'Đ' | 'đ'))
            .collect();
        let so = so.trim_end_matches('-').to_string();
        if so.contains('/') && so.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            if let Some(kind) = kinds
                .iter()
                .filter(|k| before.contains(*k))
                .max_by_key(|k| before.rfind(*k))
            {
                out.push((kind.to_string(), so));
            }
        }
        rest = after;
    }
    out
}

/// `yaml` with a comment line above the line of `key`.
fn comment_at(yaml: &str, key: &str, comment: &str) -> String {
    let top = key.split(['.', '[']).next().unwrap_or(key);
    let mut out = String::with_capacity(yaml.len() + comment.len() + 4);
    let mut done = false;
    for line in yaml.lines() {
        if !done && line.starts_with(&format!("{top}:")) {
            out.push_str(&format!("# {comment}\n"));
            done = true;
        }
        out.push_str(line);
        out.push('\n');
    }
    if !done {
        out.push_str(&format!("# {comment}\n"));
    }
    out
}
