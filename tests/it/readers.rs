//! What Word and PDF readers show around the page: the outline (Word's
//! Navigation Pane, the PDF's bookmarks), the document's properties, and
//! links on the addresses in the text. Read back with poppler and from the
//! DOCX's XML.

use crate::util::{self, bookmarks, pdf_xml, unescape, Case};
use std::path::Path;
use std::process::Command;

/// The targets of the PDF's links to the outside, each once, in order.
/// (pdftohtml gives a link to each piece of text its area touches, and
/// lists typst's links from a footnote's mark to its text as pages.)
fn pdf_links(pdf: &Path) -> Vec<String> {
    let xml = pdf_xml(pdf);
    let mut links: Vec<String> = Vec::new();
    for (at, m) in xml.match_indices("<a href=\"") {
        let from = at + m.len();
        let target = unescape(&xml[from..from + xml[from..].find('"').unwrap()]);
        let outside = target.starts_with("http") || target.starts_with("mailto:");
        if outside && !links.contains(&target) {
            links.push(target);
        }
    }
    links
}

/// pdfinfo's value of `field` (`Title`, `Author` …).
fn pdf_info(pdf: &Path, field: &str) -> Option<String> {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    String::from_utf8_lossy(&out.stdout).lines().find_map(|l| {
        l.strip_prefix(&format!("{field}:"))
            .map(|v| v.trim().to_string())
    })
}

/// The text of page `page` of a PDF, whitespace collapsed.
fn page_text(pdf: &Path, page: usize) -> String {
    let out = Command::new("pdftotext")
        .args(["-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    util::norm(&String::from_utf8_lossy(&out.stdout))
}

/// A named style's XML in styles.xml.
fn style<'a>(styles: &'a str, id: &str) -> &'a str {
    let start = styles
        .find(&format!("w:styleId=\"{id}\""))
        .unwrap_or_else(|| panic!("no style {id}"));
    let end = start + styles[start..].find("</w:style>").unwrap();
    &styles[start..end]
}

fn outline_level(xml: &str) -> Option<String> {
    xml.contains("<w:outlineLvl")
        .then(|| util::attr(xml, "w:outlineLvl", "w:val").unwrap())
}

fn seed() -> (Case, std::path::PathBuf, std::path::PathBuf) {
    let case = Case::new();
    case.vanban_ok(&["render", util::PLAN]);
    let docx = case.path("out/ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    let pdf = case.path("out/ke-hoach-binh-dang-gioi-bat-trang-2026.pdf");
    (case, docx, pdf)
}

#[test]
fn heading_styles_carry_word_outline_levels() {
    let (case, _, _) = seed();
    let styles = case
        .docx("out/ke-hoach-binh-dang-gioi-bat-trang-2026.docx")
        .part("word/styles.xml");
    // Word counts from 0: mục and chương at the top, khoản and điều under
    // them, the levels below next; a phụ lục at the top.
    for (id, level) in [
        ("VBMuc", "0"),
        ("VBChuong", "0"),
        ("VBKhoan", "1"),
        ("VBDieu", "1"),
        ("VBDiem", "2"),
        ("VBPhuLuc", "0"),
    ] {
        assert_eq!(
            outline_level(style(&styles, id)).as_deref(),
            Some(level),
            "{id}"
        );
    }
    for id in [
        "VBDoan",
        "VBCanCu",
        "VBTenLoai",
        "VBTrichYeu",
        "VBPhuLucTen",
    ] {
        assert_eq!(
            outline_level(style(&styles, id)),
            None,
            "{id} is not a heading"
        );
    }
}

#[test]
fn a_heading_at_another_depth_says_its_own_level() {
    // The quy chế a decision issues is a phụ lục: its chapters sit under
    // the `QUY CHẾ` heading, its articles under the chapters.
    let (_dir, docx, _) =
        util::render_fixture("examples/01-qd-quy-che-lay-y-kien-dien-tu-cantho.yaml");
    let paragraphs = util::Docx::new(std::fs::read(&docx).unwrap()).paragraphs();
    let find = |text: &str| {
        paragraphs
            .iter()
            .find(|p| p.text.starts_with(text))
            .unwrap_or_else(|| panic!("no paragraph {text:?}"))
    };
    assert_eq!(outline_level(&find("Chương I").xml).as_deref(), Some("1"));
    assert_eq!(
        outline_level(&find("Điều 1. Phạm vi điều chỉnh").xml).as_deref(),
        Some("2")
    );
    // The chapter's title, under `Chương I` in the same style, is not a
    // second entry in the Navigation Pane.
    let chapter = paragraphs
        .iter()
        .position(|p| p.text == "Chương I")
        .unwrap();
    assert_eq!(paragraphs[chapter + 1].style.as_deref(), Some("VBChuong"));
    assert_eq!(
        outline_level(&paragraphs[chapter + 1].xml).as_deref(),
        Some("9")
    );
}

#[test]
fn the_pdf_bookmarks_are_the_headings_on_their_pages_collapsed_below_the_top() {
    let (_case, _, pdf) = seed();
    let marks = bookmarks(&pdf);
    let top: Vec<&str> = marks
        .iter()
        .filter(|b| b.depth == 0)
        .map(|b| b.title.as_str())
        .collect();
    assert_eq!(
        top,
        [
            "I. MỤC ĐÍCH, YÊU CẦU",
            "II. NỘI DUNG THỰC HIỆN",
            "III. TỔ CHỨC THỰC HIỆN"
        ]
    );
    let under_second: Vec<&str> = marks
        .iter()
        .skip_while(|b| !b.title.starts_with("II."))
        .skip(1)
        .take_while(|b| b.depth == 1)
        .map(|b| b.title.as_str())
        .collect();
    assert_eq!(under_second.len(), 4, "{under_second:?}");
    assert!(under_second[1].starts_with("2. Nâng cao năng lực"));
    assert_eq!(marks.len(), 3 + 4 + 8, "{marks:#?}");
    // Each bookmark leads to the page that prints its heading.
    for b in &marks {
        assert!(
            page_text(&pdf, b.page).contains(&util::norm(&b.title)),
            "{:?} is not on page {}",
            b.title,
            b.page
        );
    }
    // Collapsed below the first level: an outline item's count is negative
    // when its children are hidden (ISO 32000-1, 12.3.3).
    let bytes = std::fs::read(&pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let mut counts: Vec<i32> = text
        .match_indices("/Count ")
        .map(|(at, m)| {
            let v = &text[at + m.len()..];
            v[..v.find(|c: char| c != '-' && !c.is_ascii_digit()).unwrap()]
                .parse()
                .unwrap()
        })
        .filter(|c| *c < 0)
        .collect();
    counts.sort();
    assert_eq!(counts, [-8, -4], "mục II and III closed, with their khoản");
}

#[test]
fn each_phu_luc_is_a_bookmark_with_its_headings_under_it() {
    let (_dir, _, pdf) =
        util::render_fixture("examples/04-kh-chuyen-doi-so-doanh-nghiep-dongthap.yaml");
    let marks = bookmarks(&pdf);
    let appendix = marks
        .iter()
        .position(|b| b.title.starts_with("PHỤ LỤC"))
        .unwrap_or_else(|| panic!("no phụ lục bookmark: {marks:#?}"));
    assert_eq!(marks[appendix].depth, 0);
    assert!(
        marks[..appendix].iter().any(|b| b.depth == 0),
        "the body's mục come first"
    );
    assert!(page_text(&pdf, marks[appendix].page).contains("PHỤ LỤC"));
}

#[test]
fn properties_come_from_the_document_the_same_in_both_outputs() {
    let (_dir, docx, pdf) =
        util::render_fixture("examples/06-cv-o-nhiem-khong-khi-sgddt-hanoi.yaml");
    let mut d = util::Docx::new(std::fs::read(&docx).unwrap());
    let core = d.part("docProps/core.xml");
    let element = |tag: &str| {
        let open = format!("<{tag}");
        let start = core
            .find(&open)
            .unwrap_or_else(|| panic!("no {tag} in {core}"));
        let from = start + core[start..].find('>').unwrap() + 1;
        core[from..from + core[from..].find('<').unwrap()].to_string()
    };
    let title = "V/v tăng cường các biện pháp cấp bách về kiểm soát ô nhiễm môi trường không \
                 khí trên địa bàn Thành phố";
    let author = "SỞ GIÁO DỤC VÀ ĐÀO TẠO";
    assert_eq!(element("dc:title"), title);
    assert_eq!(element("dc:subject"), "Công văn");
    assert_eq!(element("dc:creator"), author);
    assert_eq!(element("cp:keywords"), "5095/SGDĐT-CTTTHSSV");
    assert_eq!(element("dc:language"), "vi-VN");
    assert_eq!(element("dcterms:created"), "2025-12-03T00:00:00Z");
    assert_eq!(element("dcterms:modified"), "2025-12-03T00:00:00Z");
    assert!(!core.contains("unknown"), "{core}");
    let styles = d.part("word/styles.xml");
    let defaults =
        &styles[styles.find("<w:rPrDefault>").unwrap()..styles.find("</w:rPrDefault>").unwrap()];
    assert!(
        defaults.contains(r#"<w:lang w:val="vi-VN"/>"#),
        "{defaults}"
    );

    assert_eq!(pdf_info(&pdf, "Title").as_deref(), Some(title));
    assert_eq!(pdf_info(&pdf, "Subject").as_deref(), Some("Công văn"));
    assert_eq!(pdf_info(&pdf, "Author").as_deref(), Some(author));
    assert_eq!(
        pdf_info(&pdf, "Keywords").as_deref(),
        Some("5095/SGDĐT-CTTTHSSV")
    );
    // The structure tree stays (headings are tagged as headings).
    assert_eq!(pdf_info(&pdf, "Tagged").as_deref(), Some("yes"));
    let created = pdf_info(&pdf, "CreationDate").expect("an issued document is dated");
    assert!(
        created.contains("Dec  3") && created.contains("2025"),
        "{created}"
    );
    // The XMP packet says the same, for PDF/A readers.
    let bytes = std::fs::read(&pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("<dc:title>") && text.contains(title),
        "XMP title"
    );
}

#[test]
fn a_draft_has_no_dates_and_names_what_it_cites() {
    let (case, _, pdf) = seed();
    let core = case
        .docx("out/ke-hoach-binh-dang-gioi-bat-trang-2026.docx")
        .part("docProps/core.xml");
    assert!(!core.contains("dcterms:created"), "{core}");
    assert!(!core.contains("dcterms:modified"), "{core}");
    assert!(core.contains("<dc:creator>ỦY BAN NHÂN DÂN XÃ BÁT TRÀNG</dc:creator>"));
    // No số of its own yet; the Hà Nội plan its preamble rests on.
    assert!(
        core.contains("<cp:keywords>67/KH-UBND</cp:keywords>"),
        "{core}"
    );
    assert_eq!(pdf_info(&pdf, "CreationDate"), None);
    assert_eq!(pdf_info(&pdf, "ModDate"), None);
    assert_eq!(pdf_info(&pdf, "Keywords").as_deref(), Some("67/KH-UBND"));
}

#[test]
fn addresses_are_links_printed_as_written() {
    let (_dir, docx, pdf) =
        util::render_fixture("examples/06-cv-o-nhiem-khong-khi-sgddt-hanoi.yaml");
    let mut d = util::Docx::new(std::fs::read(&docx).unwrap());
    let document = d.part("word/document.xml");
    let rels = d.part("word/_rels/document.xml.rels");
    let link = &document[document.find("<w:hyperlink").expect("a link")..];
    let id = util::attr(link, "w:hyperlink", "r:id").unwrap();
    let rel = &rels[rels.find(&format!("Id=\"{id}\"")).unwrap()..];
    assert_eq!(
        util::attr(&format!("<r {rel}"), "r", "Target").as_deref(),
        Some("https://moitruongthudo.vn/")
    );
    assert_eq!(
        util::attr(&format!("<r {rel}"), "r", "TargetMode").as_deref(),
        Some("External")
    );
    let inside = &link[..link.find("</w:hyperlink>").unwrap()];
    assert!(
        inside.contains(">https://moitruongthudo.vn/</w:t>"),
        "{inside}"
    );
    // The sentence's full stop stays outside the link, on the page as written.
    assert!(link["</w:hyperlink>".len()..].contains(">.</w:t>"));
    assert_eq!(pdf_links(&pdf), ["https://moitruongthudo.vn/"]);
}

#[test]
fn an_email_and_a_link_in_a_footnote_are_links_too() {
    let case = Case::new().edit(|plan| {
        plan.replacen(
            "noi_dung:\n",
            "noi_dung:\n  - >-\n    Góp ý gửi về vanthu@battrang.hanoi.gov.vn^[Xem \
             https://battrang.hanoi.gov.vn/gop-y?a=1&b=2.] trước ngày 15.\n",
            1,
        )
    });
    case.vanban_ok(&["render", util::PLAN]);
    let docx_path = case.path("out/ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    let mut d = case.docx("out/ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    let rels = d.part("word/_rels/document.xml.rels");
    assert!(
        rels.contains(r#"Target="mailto:vanthu@battrang.hanoi.gov.vn" TargetMode="External""#),
        "{rels}"
    );
    // A footnote's link is the footnotes part's own relationship.
    let note_rels = d.part("word/_rels/footnotes.xml.rels");
    assert!(
        note_rels.contains(r#"Target="https://battrang.hanoi.gov.vn/gop-y?a=1&amp;b=2""#),
        "{note_rels}"
    );
    assert!(d
        .part("word/footnotes.xml")
        .contains("<w:hyperlink r:id=\"rIdLink1\""));
    if let Some(report) = util::audit(&docx_path) {
        assert!(report.contains("Errors: 0"), "{report}");
    }
    let pdf = case.path("out/ke-hoach-binh-dang-gioi-bat-trang-2026.pdf");
    assert_eq!(
        pdf_links(&pdf),
        [
            "mailto:vanthu@battrang.hanoi.gov.vn",
            "https://battrang.hanoi.gov.vn/gop-y?a=1&b=2"
        ]
    );
}

#[test]
fn libreoffice_lists_the_same_headings() {
    if !util::need("soffice", "LibreOffice's reading of the DOCX") {
        return;
    }
    let (_case, docx, pdf) = seed();
    let ours: Vec<(usize, String)> = bookmarks(&pdf)
        .into_iter()
        .map(|b| (b.depth, b.title))
        .collect();
    // LibreOffice's PDF export turns the headings its Navigator lists into
    // bookmarks: the same titles at the same depths.
    let theirs: Vec<(usize, String)> = bookmarks(&util::libreoffice_pdf(&docx))
        .into_iter()
        .map(|b| (b.depth, b.title))
        .collect();
    assert_eq!(theirs, ours);
}

#[test]
fn pdfa_option_gives_an_archival_pdf_of_an_issued_document() {
    let case = Case::new();
    let issued = "giay-moi-hoi-nghi-binh-dang-gioi-bat-trang-2026";
    case.vanban_ok(&[
        "render",
        &format!("{issued}.yaml"),
        "--format",
        "pdf",
        "--pdfa",
    ]);
    let bytes = std::fs::read(case.path(&format!("out/{issued}.pdf"))).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("pdfaid:part") && text.contains("pdfaid:conformance"),
        "PDF/A metadata"
    );
    assert_eq!(case.files("out"), [format!("{issued}.pdf")]);
}

#[test]
fn pdfa_of_a_draft_is_refused_rather_than_dated_by_guess() {
    let case = Case::new();
    let out = case.vanban(&["render", util::PLAN, "--format", "pdf", "--pdfa"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("PDF/A") && err.contains("ngay"), "{err}");
    assert!(case.files("out").is_empty(), "nothing half-written");
}
