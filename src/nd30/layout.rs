//! Page geometry and the named paragraph styles (PL1 I, II), read by both writers.
//!
//! Values are the house choices inside the decree's ranges (spec §1 "House
//! values"): A4, margins 20/20/30/15 mm, Times New Roman, body 14 pt, single
//! spacing with 6 pt after each paragraph, first-line indent 1.27 cm.

use serde::Serialize;

/// Page size, margins and the two-column grid of the header and closing blocks.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct PageSetup {
    pub width_mm: f32,
    pub height_mm: f32,
    pub top_mm: f32,
    pub bottom_mm: f32,
    pub left_mm: f32,
    pub right_mm: f32,
    /// Distance from the page's top edge to the page number.
    pub header_mm: f32,
    /// Left column of the header (issuing body, Số) and closing (Nơi nhận).
    pub left_col_mm: f32,
    /// Right column: Quốc hiệu, date line; signature.
    pub right_col_mm: f32,
    /// Room left between the signer's position and name for signature and seal.
    pub signature_space_mm: f32,
    /// Space between the trích yếu's line and the body.
    pub title_rule_after_pt: f32,
    /// Height of the empty line that carries a short rule at its bottom.
    pub rule_box_pt: f32,
    /// Padding inside the cells of a bordered table, left/right and top/bottom.
    pub table_pad_x_mm: f32,
    pub table_pad_y_mm: f32,
    /// Thickness of the short rules under the issuing body, motto and trích yếu.
    pub rule_pt: f32,
    /// Font family named in the document; metric-compatible fonts stand in for it.
    pub font: &'static str,
}

impl PageSetup {
    pub fn text_width_mm(&self) -> f32 {
        self.width_mm - self.left_mm - self.right_mm
    }
}

/// Lines a page holds and characters a line holds, at the body's 14 pt on
/// the decree's page: for estimates (a size limit, a finding's `trang ~2`),
/// never for layout.
pub const LINES_PER_PAGE: usize = 30;
pub const CHARS_PER_LINE: usize = 80;

pub const PAGE: PageSetup = PageSetup {
    width_mm: 210.0,
    height_mm: 297.0,
    top_mm: 20.0,
    bottom_mm: 20.0,
    left_mm: 30.0,
    right_mm: 15.0,
    header_mm: 10.0,
    left_col_mm: 65.0,
    right_col_mm: 100.0,
    signature_space_mm: 24.0,
    title_rule_after_pt: 12.0,
    rule_box_pt: 2.0,
    rule_pt: 0.75,
    table_pad_x_mm: 1.9,
    table_pad_y_mm: 0.5,
    font: "Times New Roman",
};

/// The line under the issuing body and the trích yếu is 1/3 to 1/2 of the
/// text it underlines (PL1 II.2, II.5); vanban draws it at this fraction.
pub const RULE_FRACTION: f32 = 0.4;

impl PageSetup {
    /// Text width of a landscape page: the same margins, the page turned.
    pub fn landscape_text_width_mm(&self) -> f32 {
        self.height_mm - self.left_mm - self.right_mm
    }
}

/// The smallest sizes the decree allows where the house size is larger: the
/// issuing body and Quốc hiệu 12–13 pt, the date line 13–14 pt (PL1 II.1,
/// II.2, II.4). A header too wide for its long names steps down to these.
pub const ISSUER_MIN_PT: f32 = 12.0;
pub const NATIONAL_MIN_PT: f32 = 12.0;
pub const PLACE_DATE_MIN_PT: f32 = 13.0;

/// The header's two columns (ô 1–4) for what each must hold on one line:
/// the house widths where they fit; otherwise the right column (Quốc hiệu,
/// the place and date) takes what it needs and the left what is left, or
/// the other way round, so that long names stay on one line within the
/// margins. When both cannot, each gets its share of the need.
pub fn header_columns(left_needed_mm: f32, right_needed_mm: f32) -> (f32, f32) {
    let total = PAGE.text_width_mm();
    let (left, right) = (PAGE.left_col_mm, PAGE.right_col_mm);
    if left_needed_mm <= left && right_needed_mm <= right {
        (left, right)
    } else if left_needed_mm + right_needed_mm <= total {
        // Widen the column that needs it; the other keeps what it needs.
        let left = if right_needed_mm > right {
            (total - right_needed_mm).min(left.max(left_needed_mm))
        } else {
            left_needed_mm
        };
        (left, total - left)
    } else {
        let left = total * left_needed_mm / (left_needed_mm + right_needed_mm);
        (left, total - left)
    }
}

/// Where a table fits (PL1 I.2: landscape only for a table).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TableFit {
    Portrait,
    /// Too wide for a portrait page: it gets a landscape page of its own.
    Landscape,
    /// Too wide even for a landscape page: its cells would overflow.
    TooWide {
        needed_mm: f32,
        available_mm: f32,
    },
}

/// Width of `Kính gửi: ` at body size, so that the recipients' dashes
/// stand under the colon (PL1 II.9a).
fn addressed_lead_mm() -> f32 {
    let size = 14.0;
    crate::fonts::text_width_mm(super::format::ADDRESSED, size, false, false)
        + crate::fonts::text_width_mm(" ", size, false, false)
}

/// How wide a cell's text wants to be, padding included: `min_mm` for its
/// widest word (narrower, a word would break), `line_mm` for its longest
/// line unbroken. Cells are set in the table style ([`ParaStyle::Bang`]).
pub fn cell_width_mm(text: &str, bold: bool) -> (f32, f32) {
    let size = ParaStyle::Bang.spec().size_pt;
    let width = |t: &str| crate::fonts::text_width_mm(t, size, bold, false);
    // The padding, and a millimetre so that neither writer's rounding
    // breaks a line measured to fit exactly.
    let pad = 2.0 * PAGE.table_pad_x_mm + 1.0;
    let min = text.split_whitespace().map(width).fold(0.0, f32::max);
    let line = text.lines().map(width).fold(0.0, f32::max);
    (min + pad, line + pad)
}

/// Where a table fits whose columns need at least `min_mm` each
/// (PL1 I.2: a table too wide for portrait gets a landscape page).
pub fn table_fit(min_mm: &[f32]) -> TableFit {
    let needed_mm: f32 = min_mm.iter().sum();
    let available_mm = PAGE.landscape_text_width_mm();
    if needed_mm <= PAGE.text_width_mm() {
        TableFit::Portrait
    } else if needed_mm <= available_mm {
        TableFit::Landscape
    } else {
        TableFit::TooWide {
            needed_mm,
            available_mm,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    Left,
    Center,
    Right,
    Justify,
}

/// Every kind of paragraph on the page. Each is a named style in the DOCX,
/// so a clerk editing in Word sees `VB Thân văn bản`, not direct formatting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParaStyle {
    /// Tên cơ quan chủ quản (ô 2, first line), not bold.
    CoQuanChuQuan,
    /// Tên cơ quan ban hành (ô 2).
    CoQuan,
    /// Số, ký hiệu (ô 3).
    SoKyHieu,
    /// Quốc hiệu (ô 1).
    QuocHieu,
    /// Tiêu ngữ (ô 1).
    TieuNgu,
    /// Địa danh, ngày tháng năm (ô 4).
    DiaDanh,
    /// Tên loại (ô 5a).
    TenLoai,
    /// Trích yếu (ô 5a).
    TrichYeu,
    /// A công văn's `V/v …` under its Số (ô 5b).
    VeViec,
    /// `Kính gửi:` (ô 9a), or a công điện's `THỦ TƯỚNG CHÍNH PHỦ điện:`.
    KinhGui,
    /// A recipient under `Kính gửi:`, its dash under the colon.
    KinhGuiMuc,
    /// A decision's issuing authority under the title
    /// (`CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÁT TRÀNG`), and `QUYẾT ĐỊNH:`.
    ThamQuyen,
    /// An article's heading `Điều 1. …`.
    Dieu,
    /// `Chương I` and the chapter's title under it, centred.
    Chuong,
    /// Độ khẩn and độ mật under the Số (ô 10a, 10b): bold, red, boxed.
    DoKhan,
    /// `DỰ THẢO` at the top of a draft's first page, boxed.
    DuThao,
    /// Căn cứ ban hành (ô 6).
    CanCu,
    /// Body paragraph (ô 6).
    Doan,
    /// Mục heading `I. …`.
    Muc,
    /// Khoản heading with a title `1. …`.
    Khoan,
    /// A heading below the khoản, with a title: `a) …`, `1.1. …`.
    Diem,
    /// Text in a table's cells.
    Bang,
    /// `PHỤ LỤC`, `PHỤ LỤC II` (PL1 III): its own centred line.
    PhuLuc,
    /// A phụ lục's title, upper case, and its second line.
    PhuLucTen,
    /// `(Kèm theo Kế hoạch số … của …)` under a phụ lục's title.
    KemTheo,
    /// `Nơi nhận:` (ô 9b).
    NoiNhan,
    /// A recipient line (ô 9b).
    NoiNhanMuc,
    /// Authority and position lines (ô 7a).
    ChucVu,
    /// The signer's name (ô 7b).
    HoTen,
    /// Page number in the top margin (PL1 I.7).
    SoTrang,
    /// A footnote's text at the foot of the page.
    ChuThich,
}

/// How a paragraph style looks; sizes in points, lengths in millimetres.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct StyleSpec {
    /// Style id in `styles.xml`, ASCII.
    pub id: &'static str,
    /// Name a clerk sees in Word's style list.
    pub name: &'static str,
    pub size_pt: f32,
    pub bold: bool,
    pub italic: bool,
    pub align: Align,
    pub first_indent_mm: f32,
    /// Indent of every line from the left margin (Kính gửi's list).
    pub left_indent_mm: f32,
    pub space_before_pt: f32,
    pub space_after_pt: f32,
    /// Keep with the next paragraph on one page (headings).
    pub keep_next: bool,
    /// Ink other than black, `RRGGBB` (the urgency mark's red).
    pub colour: Option<&'static str>,
    /// A heading's usual level in the document's outline, 1 at the top:
    /// what Word's Navigation Pane and the PDF's bookmarks list. A
    /// paragraph at another depth says its own ([`crate::model::Paragraph`]).
    pub outline_level: Option<u8>,
}

impl ParaStyle {
    pub const ALL: [ParaStyle; 31] = [
        ParaStyle::CoQuanChuQuan,
        ParaStyle::CoQuan,
        ParaStyle::SoKyHieu,
        ParaStyle::QuocHieu,
        ParaStyle::TieuNgu,
        ParaStyle::DiaDanh,
        ParaStyle::TenLoai,
        ParaStyle::TrichYeu,
        ParaStyle::VeViec,
        ParaStyle::KinhGui,
        ParaStyle::KinhGuiMuc,
        ParaStyle::ThamQuyen,
        ParaStyle::Dieu,
        ParaStyle::Chuong,
        ParaStyle::DoKhan,
        ParaStyle::DuThao,
        ParaStyle::CanCu,
        ParaStyle::Doan,
        ParaStyle::Muc,
        ParaStyle::Khoan,
        ParaStyle::Diem,
        ParaStyle::Bang,
        ParaStyle::PhuLuc,
        ParaStyle::PhuLucTen,
        ParaStyle::KemTheo,
        ParaStyle::NoiNhan,
        ParaStyle::NoiNhanMuc,
        ParaStyle::ChucVu,
        ParaStyle::HoTen,
        ParaStyle::SoTrang,
        ParaStyle::ChuThich,
    ];

    pub fn spec(self) -> StyleSpec {
        use Align::*;
        use ParaStyle::*;
        const INDENT: f32 = 12.7;
        let s = |id, name, size_pt, bold, italic, align| StyleSpec {
            id,
            name,
            size_pt,
            bold,
            italic,
            align,
            first_indent_mm: 0.0,
            left_indent_mm: 0.0,
            space_before_pt: 0.0,
            space_after_pt: 0.0,
            keep_next: false,
            colour: None,
            outline_level: None,
        };
        let body = |id, name, bold, italic| StyleSpec {
            first_indent_mm: INDENT,
            space_after_pt: 6.0,
            ..s(id, name, 14.0, bold, italic, Justify)
        };
        match self {
            CoQuanChuQuan => s(
                "VBCoQuanChuQuan",
                "VB Cơ quan chủ quản",
                13.0,
                false,
                false,
                Center,
            ),
            CoQuan => s("VBCoQuan", "VB Cơ quan ban hành", 13.0, true, false, Center),
            SoKyHieu => StyleSpec {
                space_before_pt: 6.0,
                ..s("VBSoKyHieu", "VB Số, ký hiệu", 13.0, false, false, Center)
            },
            QuocHieu => s("VBQuocHieu", "VB Quốc hiệu", 13.0, true, false, Center),
            TieuNgu => s("VBTieuNgu", "VB Tiêu ngữ", 14.0, true, false, Center),
            DiaDanh => StyleSpec {
                space_before_pt: 6.0,
                ..s(
                    "VBDiaDanh",
                    "VB Địa danh, ngày tháng",
                    14.0,
                    false,
                    true,
                    Center,
                )
            },
            TenLoai => StyleSpec {
                space_before_pt: 24.0,
                keep_next: true,
                ..s("VBTenLoai", "VB Tên loại", 14.0, true, false, Center)
            },
            TrichYeu => StyleSpec {
                keep_next: true,
                ..s("VBTrichYeu", "VB Trích yếu", 14.0, true, false, Center)
            },
            VeViec => StyleSpec {
                space_before_pt: 6.0,
                ..s("VBVeViec", "VB V/v", 12.0, false, false, Center)
            },
            KinhGui => StyleSpec {
                space_before_pt: 6.0,
                ..body("VBKinhGui", "VB Kính gửi", false, false)
            },
            KinhGuiMuc => StyleSpec {
                first_indent_mm: 0.0,
                left_indent_mm: INDENT + addressed_lead_mm(),
                ..body("VBKinhGuiMuc", "VB Kính gửi - dòng", false, false)
            },
            ThamQuyen => StyleSpec {
                space_before_pt: 6.0,
                space_after_pt: 6.0,
                keep_next: true,
                ..s(
                    "VBThamQuyen",
                    "VB Thẩm quyền ban hành",
                    14.0,
                    true,
                    false,
                    Center,
                )
            },
            Dieu => StyleSpec {
                keep_next: true,
                outline_level: Some(2),
                ..body("VBDieu", "VB Điều", true, false)
            },
            Chuong => StyleSpec {
                space_before_pt: 6.0,
                keep_next: true,
                outline_level: Some(1),
                ..s("VBChuong", "VB Chương", 14.0, true, false, Center)
            },
            DoKhan => StyleSpec {
                space_before_pt: 6.0,
                colour: Some("FF0000"),
                ..s("VBDoKhan", "VB Độ khẩn, độ mật", 13.0, true, false, Center)
            },
            DuThao => StyleSpec {
                space_after_pt: 6.0,
                ..s("VBDuThao", "VB Dự thảo", 13.0, true, false, Center)
            },
            CanCu => body("VBCanCu", "VB Căn cứ", false, true),
            Doan => body("VBDoan", "VB Thân văn bản", false, false),
            Muc => StyleSpec {
                keep_next: true,
                outline_level: Some(1),
                ..body("VBMuc", "VB Mục", true, false)
            },
            Khoan => StyleSpec {
                keep_next: true,
                outline_level: Some(2),
                ..body("VBKhoan", "VB Khoản", true, false)
            },
            Diem => StyleSpec {
                keep_next: true,
                outline_level: Some(3),
                ..body("VBDiem", "VB Tiểu mục", true, true)
            },
            // 13 pt: the decree's smallest body size, so that tables of
            // several columns keep their words whole (PL1 II.6e).
            Bang => s("VBBang", "VB Bảng", 13.0, false, false, Left),
            PhuLuc => StyleSpec {
                keep_next: true,
                outline_level: Some(1),
                ..s("VBPhuLuc", "VB Phụ lục", 14.0, true, false, Center)
            },
            PhuLucTen => StyleSpec {
                keep_next: true,
                ..s("VBPhuLucTen", "VB Tên phụ lục", 14.0, true, false, Center)
            },
            KemTheo => StyleSpec {
                keep_next: true,
                ..s("VBKemTheo", "VB Kèm theo", 14.0, false, true, Center)
            },
            NoiNhan => s("VBNoiNhan", "VB Nơi nhận", 12.0, true, true, Left),
            NoiNhanMuc => s(
                "VBNoiNhanMuc",
                "VB Nơi nhận - dòng",
                11.0,
                false,
                false,
                Left,
            ),
            ChucVu => s("VBChucVu", "VB Chức vụ người ký", 14.0, true, false, Center),
            HoTen => s("VBHoTen", "VB Họ tên người ký", 14.0, true, false, Center),
            SoTrang => s("VBSoTrang", "VB Số trang", 14.0, false, false, Center),
            // The decree sets no size for footnotes; a step under the body,
            // as Nơi nhận's heading, is what ministries use (example 02).
            ChuThich => s("VBChuThich", "VB Chú thích", 12.0, false, false, Justify),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_is_a4_within_the_decree_margins() {
        assert_eq!((PAGE.width_mm, PAGE.height_mm), (210.0, 297.0));
        assert!((20.0..=25.0).contains(&PAGE.top_mm) && (20.0..=25.0).contains(&PAGE.bottom_mm));
        assert!((30.0..=35.0).contains(&PAGE.left_mm) && (15.0..=20.0).contains(&PAGE.right_mm));
        assert!((PAGE.left_col_mm + PAGE.right_col_mm - PAGE.text_width_mm()).abs() < 0.01);
    }

    #[test]
    fn wide_tables_turn_the_page() {
        let cols = |n: usize| {
            (1..=n)
                .map(|i| cell_width_mm(&format!("{}", i * 1_000_000), false).0)
                .collect::<Vec<_>>()
        };
        assert_eq!(table_fit(&cols(5)), TableFit::Portrait);
        assert_eq!(table_fit(&cols(10)), TableFit::Landscape);
        assert!(matches!(
            table_fit(&cols(16)),
            TableFit::TooWide { needed_mm, available_mm } if needed_mm > available_mm
        ));
    }

    #[test]
    fn header_columns_give_long_names_the_room_they_need() {
        assert_eq!(header_columns(50.0, 90.0), (65.0, 100.0), "house widths");
        assert_eq!(
            header_columns(50.0, 110.0),
            (55.0, 110.0),
            "a long place and date"
        );
        assert_eq!(
            header_columns(80.0, 84.0),
            (80.0, 85.0),
            "a long issuer line"
        );
        let (l, r) = header_columns(100.0, 100.0);
        assert!((l + r - PAGE.text_width_mm()).abs() < 0.01 && (l - r).abs() < 0.01);
    }

    #[test]
    fn a_cell_wants_its_longest_line_and_needs_its_widest_word() {
        let (min, line) = cell_width_mm("Tuyên truyền\nphổ biến", false);
        let (word, _) = cell_width_mm("phổ", false);
        assert!(min > word, "the widest word is not `phổ`");
        assert!(line > min);
    }

    #[test]
    fn style_ids_are_unique_ascii() {
        let mut ids: Vec<&str> = ParaStyle::ALL.iter().map(|s| s.spec().id).collect();
        assert!(ids.iter().all(|id| id.is_ascii()));
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), ParaStyle::ALL.len());
    }

    #[test]
    fn sizes_follow_pl1() {
        let size = |s: ParaStyle| s.spec().size_pt;
        assert!((12.0..=13.0).contains(&size(ParaStyle::QuocHieu)));
        assert!((13.0..=14.0).contains(&size(ParaStyle::TieuNgu)));
        assert_eq!(size(ParaStyle::NoiNhan), 12.0);
        assert_eq!(size(ParaStyle::NoiNhanMuc), 11.0);
        let body = ParaStyle::Doan.spec();
        assert!(body.space_after_pt >= 6.0 && body.align == Align::Justify);
        assert!(ParaStyle::DiaDanh.spec().italic && !ParaStyle::DiaDanh.spec().bold);
        let nn = ParaStyle::NoiNhan.spec();
        assert!(nn.bold && nn.italic);
        assert!(!ParaStyle::CoQuanChuQuan.spec().bold && ParaStyle::CoQuan.spec().bold);
    }
}
