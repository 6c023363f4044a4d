//! `vanban check FILE.docx`: a Word file someone drafted, checked against
//! the decree before it goes to the signer: the page, the fonts and sizes
//! of each part, the header's parts and lines, the Số and date forms, the
//! title, the labels of the outline, Nơi nhận, the authority lines and the
//! signer's name, page numbers. Each finding carries the decree's clause
//! as its rule id (the same ids as the YAML checks of [`crate::check`]) and
//! a place a Word user can find: `đoạn 12, trang ~2: "…"`.

use crate::check::{OLD_PREFIXES, TITLES};
use crate::diag::Diagnostic;
use crate::import::outline::{label_of, Label};
use crate::import::parts::{self, BodyBlock, Line, Parts};
use crate::nd30::{self, DocKind, Mark, CHARS_PER_LINE, LINES_PER_PAGE};
use crate::word::{Block, Para, WordDoc};
use std::collections::HashMap;
use std::path::Path;

/// Every finding about the Word file at `path`, read as `doc`.
pub fn lint(doc: &WordDoc, path: &Path) -> Vec<Diagnostic> {
    let pages = page_estimates(doc);
    let mut l = Linter {
        path,
        pages,
        found: Vec::new(),
    };
    let parts = parts::recognise(doc);
    l.page(doc);
    l.fonts(doc);
    l.page_numbers(doc);
    l.header(&parts);
    l.title(&parts);
    l.grounds(&parts);
    l.body(&parts);
    l.closing(&parts);
    l.found.sort_by_key(|d| std::cmp::Reverse(d.severity));
    l.found
}

struct Linter<'a> {
    path: &'a Path,
    /// Each paragraph's estimated page, by its number.
    pages: HashMap<usize, usize>,
    found: Vec<Diagnostic>,
}

/// Each paragraph's page, estimated from the lines before it (a table's
/// row as tall as its tallest cell) and the page breaks.
fn page_estimates(doc: &WordDoc) -> HashMap<usize, usize> {
    fn lines(p: &Para) -> usize {
        p.text().chars().count().div_ceil(CHARS_PER_LINE).max(1)
    }
    let mut pages = HashMap::new();
    let mut used = 0usize;
    let mut page = 1usize;
    let mut place = |p: &Para, height: usize, pages: &mut HashMap<usize, usize>| {
        if p.page_break && used > 0 {
            page += 1;
            used = 0;
        }
        pages.insert(p.number, page);
        used += height;
        while used >= LINES_PER_PAGE {
            used -= LINES_PER_PAGE;
            page += 1;
        }
    };
    for b in &doc.blocks {
        match b {
            Block::Para(p) => place(p, lines(p), &mut pages),
            Block::Table(t) => {
                for row in &t.rows {
                    let cells: Vec<Vec<&Para>> = row.iter().map(|c| c.paragraphs()).collect();
                    let tallest = cells
                        .iter()
                        .map(|ps| ps.iter().map(|p| lines(p)).sum::<usize>())
                        .max()
                        .unwrap_or(1);
                    let mut first = true;
                    for p in cells.iter().flatten() {
                        place(p, if first { tallest } else { 0 }, &mut pages);
                        first = false;
                    }
                }
            }
        }
    }
    pages
}

/// Sizes in points from half-points.
fn pt(half: Option<u32>) -> Option<f32> {
    half.map(|h| h as f32 / 2.0)
}

impl Linter<'_> {
    /// Where `para` is, as a Word user finds it.
    fn place(&self, para: &Para) -> String {
        let text: String = para.printed().trim().chars().take(50).collect();
        let more = if para.printed().trim().chars().count() > 50 {
            "…"
        } else {
            ""
        };
        let page = self.pages.get(&para.number).copied().unwrap_or(1);
        format!("đoạn {}, trang ~{page}: \"{text}{more}\"", para.number)
    }

    fn error(&mut self, rule: &'static str, para: Option<&Para>, message: String) {
        self.push(Diagnostic::error(""), rule, para, message);
    }

    fn warn(&mut self, rule: &'static str, para: Option<&Para>, message: String) {
        self.push(Diagnostic::warning(""), rule, para, message);
    }

    fn push(
        &mut self,
        mut d: Diagnostic,
        rule: &'static str,
        para: Option<&Para>,
        message: String,
    ) {
        d.message = match para {
            Some(p) => format!("{}: {message}", self.place(p)),
            None => message,
        };
        self.found.push(d.rule(rule).in_file(self.path));
    }

    /// A4, portrait for the body, margins in the decree's ranges (PL1 I.1–3).
    fn page(&mut self, doc: &WordDoc) {
        let Some(body) = doc.pages.last() else {
            return;
        };
        let near = |a: f32, b: f32| (a - b).abs() <= 1.0;
        for (i, p) in doc.pages.iter().enumerate() {
            let a4 = (near(p.width_mm, 210.0) && near(p.height_mm, 297.0))
                || (near(p.width_mm, 297.0) && near(p.height_mm, 210.0));
            if !a4 {
                self.error(
                    "ND30-PL1-I.1",
                    None,
                    format!(
                        "khổ giấy {:.0} × {:.0} mm (phần {}), không phải A4 210 × 297 mm (paper size)",
                        p.width_mm,
                        p.height_mm,
                        i + 1
                    ),
                );
            }
        }
        if body.width_mm > body.height_mm {
            self.error(
                "ND30-PL1-I.2",
                None,
                "trang văn bản nằm ngang: chỉ bảng rộng mới đặt ngang (landscape body)".into(),
            );
        }
        let margins = [
            ("trên", body.top_mm, 20.0, 25.0),
            ("dưới", body.bottom_mm, 20.0, 25.0),
            ("trái", body.left_mm, 30.0, 35.0),
            ("phải", body.right_mm, 15.0, 20.0),
        ];
        for (side, v, lo, hi) in margins {
            if v < lo - 0.5 || v > hi + 0.5 {
                self.error(
                    "ND30-PL1-I.3",
                    None,
                    format!("lề {side} {v:.0} mm, phải từ {lo:.0} đến {hi:.0} mm (margin)"),
                );
            }
        }
    }

    /// Times New Roman, Unicode (PL1 I.4): each other font once, at its
    /// first paragraph.
    fn fonts(&mut self, doc: &WordDoc) {
        let mut seen: Vec<String> = Vec::new();
        for p in doc.paragraphs() {
            for r in &p.runs {
                let Some(font) = &r.props.font else { continue };
                if font == nd30::PAGE.font || seen.contains(font) || r.text.trim().is_empty() {
                    continue;
                }
                seen.push(font.clone());
                let legacy = crate::word::legacy::Legacy::of_font(font)
                    .map(|l| format!(" (bảng mã {}, không phải Unicode)", l.name()))
                    .unwrap_or_default();
                self.error(
                    "ND30-PL1-I.4",
                    Some(p),
                    format!(
                        "phông `{font}`{legacy}: văn bản dùng phông {} (font)",
                        nd30::PAGE.font
                    ),
                );
            }
        }
    }

    /// Page numbers from page 2 on, none on page 1 (PL1 I.7).
    fn page_numbers(&mut self, doc: &WordDoc) {
        let pages = self.pages.values().copied().max().unwrap_or(1);
        if pages > 1 && !doc.page_numbers {
            self.error(
                "ND30-PL1-I.7",
                None,
                format!("văn bản khoảng {pages} trang mà không đánh số trang ở lề trên (no page numbers)"),
            );
        }
        if doc.page_numbers && !doc.distinct_first_page {
            self.error(
                "ND30-PL1-I.7",
                None,
                "số trang hiện cả ở trang 1: bật \"Trang đầu khác\" (Different First Page) (page number on page 1)"
                    .into(),
            );
        }
    }

    /// Size in `range` and bold or not, for a part of the header or title.
    fn look(&mut self, rule: &'static str, line: &Line, what: &str, range: (f32, f32), bold: bool) {
        let sizes: Vec<f32> = line
            .para
            .runs
            .iter()
            .filter(|r| !r.text.trim().is_empty())
            .filter_map(|r| pt(r.props.size))
            .collect();
        if let Some(s) = sizes.iter().find(|s| **s < range.0 || **s > range.1) {
            self.error(
                rule,
                Some(line.para),
                format!(
                    "{what} cỡ {s} pt, phải từ {} đến {} (size)",
                    range.0, range.1
                ),
            );
        }
        if line.bold() != bold {
            let want = if bold { "đậm" } else { "không đậm" };
            self.error(rule, Some(line.para), format!("{what} phải {want} (bold)"));
        }
    }

    fn header(&mut self, p: &Parts) {
        match &p.national {
            Some(l) => self.look("ND30-PL1-II.1", l, "Quốc hiệu", (12.0, 13.0), true),
            None => self.error(
                "ND30-PL1-II.1",
                None,
                format!("không thấy Quốc hiệu `{}` (missing)", nd30::NATIONAL),
            ),
        }
        match &p.motto {
            Some(l) => {
                self.look("ND30-PL1-II.1", l, "Tiêu ngữ", (13.0, 14.0), true);
                if l.text != nd30::MOTTO {
                    self.error(
                        "ND30-PL1-II.1",
                        Some(l.para),
                        format!("Tiêu ngữ viết đúng `{}`: gạch nối có cách hai bên, không gạch dài (motto)", nd30::MOTTO),
                    );
                }
            }
            None => self.error(
                "ND30-PL1-II.1",
                None,
                format!("không thấy Tiêu ngữ `{}` (missing)", nd30::MOTTO),
            ),
        }
        for l in p.parent.clone() {
            self.look(
                "ND30-PL1-II.2",
                &l,
                "Tên cơ quan chủ quản",
                (12.0, 13.0),
                false,
            );
        }
        for l in p.issuer.clone() {
            self.look(
                "ND30-PL1-II.2",
                &l,
                "Tên cơ quan ban hành",
                (12.0, 13.0),
                true,
            );
        }
        if p.issuer.is_empty() {
            self.error(
                "ND30-PL1-II.2",
                None,
                "không thấy tên cơ quan ban hành (missing issuer)".into(),
            );
        }
        match &p.number {
            Some(l) => self.number(l, p.kind),
            None => self.error(
                "ND30-PL1-II.3",
                None,
                "không thấy dòng `Số:` (missing number)".into(),
            ),
        }
        match &p.place_date {
            Some(l) => self.date(l),
            None if p.kind != Some(DocKind::BienBan) => self.error(
                "ND30-PL1-II.4",
                None,
                "không thấy dòng địa danh, ngày tháng năm (missing date line)".into(),
            ),
            None => {}
        }
    }

    /// `Số: 05/KH-UBND` (PL1 II.3).
    fn number(&mut self, l: &Line, kind: Option<DocKind>) {
        let t = l.text.as_str();
        if !t.starts_with("Số:") {
            self.error(
                "ND30-PL1-II.3",
                Some(l.para),
                "viết `Số:` có dấu hai chấm liền sau (colon)".into(),
            );
        }
        let symbol = t.split_once(':').map_or(t, |(_, s)| s).trim();
        let (n, code) = symbol.split_once('/').unwrap_or((symbol, ""));
        let n = n.trim();
        if let Ok(value) = n.parse::<u32>() {
            let decree = nd30::printed_number(value);
            if decree != n {
                self.error(
                    "ND30-PL1-II.3",
                    Some(l.para),
                    format!("số `{n}` ghi là `{decree}`: số dưới 10 thêm một số 0 (number form)"),
                );
            }
        }
        if code.contains(' ') {
            self.error(
                "ND30-PL1-II.3",
                Some(l.para),
                format!("ký hiệu `{code}` không có dấu cách (`QĐ-UBND`, không `QĐ - UBND`) (spaces in symbol)"),
            );
        }
        if code.split('-').next() == Some("CV") {
            self.error(
                "ND30-PL1-II.3",
                Some(l.para),
                "công văn không có mã `CV`: ký hiệu là mã cơ quan và đơn vị soạn (`UBND-VP`) (no type code)".into(),
            );
        }
        if let (Some(kind), Some(first)) = (kind, code.split('-').next()) {
            if let Some(expected) = kind.code() {
                if first != expected && !first.is_empty() {
                    self.error(
                        "ND30-PL1-II.3",
                        Some(l.para),
                        format!("ký hiệu của {} bắt đầu bằng `{expected}`, không phải `{first}` (type code)", kind.name()),
                    );
                }
            }
        }
    }

    /// `Bát Tràng, ngày 05 tháng 02 năm 2026`, italic (PL1 II.4).
    fn date(&mut self, l: &Line) {
        self.look_italic(l, "Dòng địa danh, ngày tháng năm", "ND30-PL1-II.4");
        let t = l.text.as_str();
        let Some((place, rest)) = t.split_once("ngày") else {
            return;
        };
        if !place.trim_end().ends_with(',') {
            self.error(
                "ND30-PL1-II.4",
                Some(l.para),
                "có dấu phẩy sau địa danh (comma after the place)".into(),
            );
        }
        let number_after = |word: &str| -> Option<String> {
            let at = rest.find(word)? + word.len();
            let n: String = rest[at..]
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            (!n.is_empty()).then_some(n)
        };
        let day = rest
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>();
        if let Ok(d) = day.parse::<u32>() {
            if d < 10 && day.len() == 1 {
                self.error(
                    "ND30-PL1-II.4",
                    Some(l.para),
                    format!("ngày `{day}` ghi là `0{day}`: ngày dưới 10 thêm số 0 (day form)"),
                );
            }
        }
        if let Some(month) = number_after("tháng") {
            if let Ok(m) = month.parse::<u32>() {
                let want = if m <= 2 {
                    format!("{m:02}")
                } else {
                    m.to_string()
                };
                if want != month {
                    self.error(
                        "ND30-PL1-II.4",
                        Some(l.para),
                        format!("tháng `{month}` ghi là `{want}`: tháng 1, 2 thêm số 0, các tháng khác không (month form)"),
                    );
                }
            }
        }
    }

    fn look_italic(&mut self, l: &Line, what: &str, rule: &'static str) {
        if !l.italic() {
            self.error(
                rule,
                Some(l.para),
                format!("{what} phải in nghiêng (italic)"),
            );
        }
    }

    /// Tên loại and trích yếu bold (PL1 II.5); a công văn's V/v.
    fn title(&mut self, p: &Parts) {
        if let Some(l) = &p.kind_line {
            self.look("ND30-PL1-II.5", l, "Tên loại văn bản", (13.0, 14.0), true);
        }
        for l in p.summary.clone() {
            self.look("ND30-PL1-II.5", &l, "Trích yếu", (13.0, 14.0), true);
        }
        if p.kind_line.is_none() && p.subject.is_empty() {
            self.error(
                "ND30-PL1-II.5",
                None,
                "không thấy tên loại văn bản, cũng không thấy dòng `V/v` của công văn (missing title)".into(),
            );
        }
    }

    /// Căn cứ italic, each ending `;`, the last `.` (PL1 II.6a).
    fn grounds(&mut self, p: &Parts) {
        let n = p.grounds.len();
        for (i, l) in p.grounds.clone().iter().enumerate() {
            let want = if i + 1 == n { '.' } else { ';' };
            if !l.text.ends_with(want) {
                self.error(
                    "ND30-PL1-II.6a",
                    Some(l.para),
                    format!("dòng căn cứ kết thúc bằng `{want}` (preamble punctuation)"),
                );
            }
        }
    }

    /// The body: justified, 13–14 pt, indented 1 or 1.27 cm; labels of the
    /// decree's forms, in sequence, not typed after Word's own (PL1 II.6đ, e).
    fn body(&mut self, p: &Parts) {
        // Each phụ lục numbers afresh.
        let bodies = std::iter::once(&p.body).chain(p.appendices.iter().map(|a| &a.body));
        let mut sizes_reported = false;
        for body in bodies {
            self.outline(body, &mut sizes_reported);
        }
    }

    fn outline(&mut self, body: &[BodyBlock], sizes_reported: &mut bool) {
        let mut last: HashMap<(Mark, u8), String> = HashMap::new();
        for b in body {
            let BodyBlock::Para(para) = b else { continue };
            let text = para.printed();
            let text = text.trim();
            if text.is_empty() || para.in_text_box {
                continue;
            }
            if !*sizes_reported {
                if let Some(s) = para
                    .runs
                    .iter()
                    .filter(|r| !r.text.trim().is_empty())
                    .filter_map(|r| pt(r.props.size))
                    .find(|s| *s < 13.0 || *s > 14.0)
                {
                    *sizes_reported = true;
                    self.error(
                        "ND30-PL1-II.6e",
                        Some(para),
                        format!("chữ thân văn bản cỡ {s} pt, phải 13–14 (body size)"),
                    );
                }
            }
            let label = label_of(text);
            let centred = para.props.align.as_deref() == Some("center");
            if !centred
                && text.chars().count() > CHARS_PER_LINE
                && para.props.align.as_deref() != Some("both")
            {
                self.error(
                    "ND30-PL1-II.6e",
                    Some(para),
                    "đoạn văn phải căn đều hai bên (justify)".into(),
                );
            }
            let indent = para.props.first_line.unwrap_or(0) as f32 * 25.4 / 1440.0;
            let plain = label.is_none() && !centred && text.chars().count() > CHARS_PER_LINE;
            if plain && !((9.5..=10.5).contains(&indent) || (12.2..=13.2).contains(&indent)) {
                self.warn(
                    "ND30-PL1-II.6e",
                    Some(para),
                    format!("lùi đầu dòng {indent:.1} mm; Nghị định 30 lùi 1 cm hoặc 1,27 cm (first-line indent)"),
                );
            }
            self.label(para, text, &mut last);
        }
    }

    fn label(&mut self, para: &Para, text: &str, last: &mut HashMap<(Mark, u8), String>) {
        // A label typed after the one Word's numbering prints.
        if let (Some(auto), Some(_)) = (&para.label, label_of(&para.text())) {
            if !matches!(label_of(&para.text()), Some((Label::Dash(_), _))) {
                self.error(
                    "ND30-PL1-II.6đ",
                    Some(para),
                    format!(
                        "số thứ tự gõ tay sau số tự động `{auto}`: in ra hai lần (numbered twice)"
                    ),
                );
            }
        }
        let first = text.split_whitespace().next().unwrap_or("");
        // Wrong marks: `a.`, `a/` for `a)`; `I)` for `I.`; `1)` for `1.`.
        let mut chars = first.chars();
        if let (Some(c), Some(m), None) = (chars.next(), chars.next(), chars.next()) {
            if c.is_lowercase() && c.is_alphabetic() && (m == '.' || m == '/') {
                self.error(
                    "ND30-PL1-II.6đ",
                    Some(para),
                    format!("điểm ghi `{c})`, không `{first}` (point label)"),
                );
            }
        }
        if let Some(n) = first.strip_suffix(')') {
            let roman = !n.is_empty() && n.chars().all(|c| "IVXLC".contains(c));
            let arabic = !n.is_empty() && n.chars().all(|c| c.is_ascii_digit());
            if roman || arabic {
                self.error(
                    "ND30-PL1-II.6đ",
                    Some(para),
                    format!("ghi `{n}.`, không `{first}` (label form)"),
                );
            }
        }
        // Labels in sequence at each level.
        let Some((Label::Mark(mark, depth), _)) = label_of(text) else {
            return;
        };
        let key = (mark, depth);
        let value = text.split_whitespace().next().unwrap_or("").to_string();
        let previous = last.insert(key, value.clone());
        if let (Some(prev), Some(now)) = (previous.as_deref().and_then(ordinal), ordinal(&value)) {
            // Lower levels restart under a new parent; only a repeat or a
            // jump ahead at one level is wrong.
            if now != prev + 1 && now != 1 {
                self.error(
                    "ND30-PL1-II.6đ",
                    Some(para),
                    format!("số thứ tự `{value}` sau `{}`: thiếu hoặc lặp số (numbering out of sequence)", previous.unwrap_or_default()),
                );
            }
        }
        // A new higher level restarts those below it.
        let rank = |k: &(Mark, u8)| (k.0 as u8, k.1);
        last.retain(|k, _| rank(k) <= rank(&key));
    }

    /// Nơi nhận (PL1 II.9) and the signature (PL1 II.7).
    fn closing(&mut self, p: &Parts) {
        match &p.recipients_title {
            Some(l) => {
                let sizes: Vec<f32> = l
                    .para
                    .runs
                    .iter()
                    .filter_map(|r| pt(r.props.size))
                    .collect();
                if !l.bold() || !l.italic() || sizes.iter().any(|s| *s != 12.0) {
                    self.error(
                        "ND30-PL1-II.9",
                        Some(l.para),
                        "`Nơi nhận:` in nghiêng, đậm, cỡ 12 (style)".into(),
                    );
                }
            }
            None => self.error(
                "ND30-PL1-II.9",
                None,
                "không thấy `Nơi nhận:` (missing recipients)".into(),
            ),
        }
        let n = p.recipients.len();
        for (i, l) in p.recipients.clone().iter().enumerate() {
            let t = l.text.as_str();
            let last = i + 1 == n;
            if !t.starts_with('-') {
                self.error(
                    "ND30-PL1-II.9",
                    Some(l.para),
                    "mỗi nơi nhận bắt đầu bằng `- ` (dash)".into(),
                );
            }
            if last {
                if !t.trim_start_matches(['-', ' ']).starts_with("Lưu") {
                    self.error(
                        "ND30-PL1-II.9",
                        Some(l.para),
                        "dòng cuối Nơi nhận là `- Lưu: VT, …` (archive line)".into(),
                    );
                } else if !t.ends_with('.') {
                    self.error(
                        "ND30-PL1-II.9",
                        Some(l.para),
                        "dòng `- Lưu: …` kết thúc bằng dấu chấm (final period)".into(),
                    );
                }
            } else if !t.ends_with(';') {
                self.error(
                    "ND30-PL1-II.9",
                    Some(l.para),
                    "mỗi nơi nhận kết thúc bằng `;` (semicolon)".into(),
                );
            }
            if let Some(s) = l
                .para
                .runs
                .iter()
                .filter_map(|r| pt(r.props.size))
                .find(|s| *s != 11.0)
            {
                self.error(
                    "ND30-PL1-II.9",
                    Some(l.para),
                    format!("nơi nhận cỡ {s} pt, phải 11 (size)"),
                );
            }
        }
        let left = p.left_signature.clone();
        self.signature(&p.authority, p.signer.as_ref());
        if let Some((authority, signer)) = &left {
            self.signature(authority, signer.as_ref());
        }
    }

    /// Authority prefixes with their dots (PL1 II.7a); a name without
    /// titles, bold (PL1 II.7c).
    fn signature(&mut self, authority: &[Line], signer: Option<&Line>) {
        for l in authority {
            for (old, new) in OLD_PREFIXES {
                if l.text.contains(old) {
                    self.error(
                        "ND30-PL1-II.7a",
                        Some(l.para),
                        format!("viết `{new}` thay cho `{old}` (authority prefix)"),
                    );
                }
            }
            for prefix in nd30::authority_prefixes() {
                let bare = prefix.trim_end_matches('.');
                if l.text.starts_with(&format!("{bare} ")) {
                    self.error(
                        "ND30-PL1-II.7a",
                        Some(l.para),
                        format!("`{bare}` có dấu chấm: `{prefix}` (authority prefix)"),
                    );
                }
            }
        }
        match signer {
            Some(l) => {
                if let Some(t) = TITLES.iter().find(|t| l.text.starts_with(*t)) {
                    self.error(
                        "ND30-PL1-II.7c",
                        Some(l.para),
                        format!("không ghi học hàm, học vị `{t}` trước họ tên người ký (no academic title)"),
                    );
                }
                if !l.bold() {
                    self.error(
                        "ND30-PL1-II.7c",
                        Some(l.para),
                        "họ tên người ký in đậm (bold)".into(),
                    );
                }
            }
            None => self.error(
                "ND30-PL1-II.7c",
                None,
                "không thấy họ tên người ký (missing signer)".into(),
            ),
        }
    }
}

/// The value of a label at its level: `II.` 2, `3.` 3, `c)` 3, `1.2.` 2.
fn ordinal(label: &str) -> Option<u32> {
    let l = label.trim_end_matches(['.', ')']).trim_start_matches('(');
    if let Some(last) = l.rsplit('.').next() {
        if let Ok(n) = last.parse() {
            return Some(n);
        }
    }
    if !l.is_empty() && l.chars().all(|c| "IVXLC".contains(c)) {
        return roman_value(l);
    }
    let mut chars = l.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_lowercase() => {
            const ALPHABET: &str = "abcdđeghiklmnopqrstuvxy";
            ALPHABET.chars().position(|a| a == c).map(|i| i as u32 + 1)
        }
        _ => None,
    }
}

fn roman_value(s: &str) -> Option<u32> {
    let value = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        _ => 0,
    };
    let digits: Vec<u32> = s.chars().map(value).collect();
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|n| n > d) {
            total -= *d as i64;
        } else {
            total += *d as i64;
        }
    }
    u32::try_from(total).ok()
}
