//! The DOCX follows the decree: read back from document.xml, styles.xml and
//! the header parts, not trusted from the writer.

use crate::util::{self, attr, Docx, Para};

fn seed() -> Docx {
    let doc = vanban::document(&util::seed_plan(), None).expect("seed plan composes");
    Docx::new(vanban::render::docx::write(&doc))
}

/// The seed plan as Bát Tràng issues it and as phường Cầu Giấy would: every
/// layout rule holds for both.
struct Variant {
    docx: Docx,
    issuer: &'static str,
    place: &'static str,
    signer: &'static str,
}

fn variants() -> Vec<Variant> {
    let other = util::root().join("data/don-vi/cau-giay.yaml");
    let doc = vanban::document(&util::seed_plan(), Some(&other)).expect("renders for Cầu Giấy");
    vec![
        Variant {
            docx: seed(),
            issuer: "XÃ BÁT TRÀNG",
            place: "Bát Tràng",
            signer: "Dương Đăng Hòa",
        },
        Variant {
            docx: Docx::new(vanban::render::docx::write(&doc)),
            issuer: "PHƯỜNG CẦU GIẤY",
            place: "Cầu Giấy",
            signer: "«Họ và tên Phó Chủ tịch»",
        },
    ]
}

/// The `<w:style>` element of `id` in styles.xml.
fn style<'a>(styles: &'a str, id: &str) -> &'a str {
    let start = styles
        .find(&format!("w:styleId=\"{id}\""))
        .unwrap_or_else(|| panic!("no style {id}"));
    let end = start + styles[start..].find("</w:style>").unwrap();
    &styles[start..end]
}

fn size(style_xml: &str) -> u32 {
    attr(style_xml, "w:sz", "w:val").unwrap().parse().unwrap()
}

fn is_bold(style_xml: &str) -> bool {
    style_xml.contains("<w:b/>") || style_xml.contains("<w:b ")
}

fn is_italic(style_xml: &str) -> bool {
    style_xml.contains("<w:i/>") || style_xml.contains("<w:i ")
}

fn find<'a>(paras: &'a [Para], text: &str) -> &'a Para {
    paras
        .iter()
        .find(|p| util::norm(&p.text) == text)
        .unwrap_or_else(|| panic!("no paragraph `{text}`"))
}

#[test]
fn page_is_a4_portrait_with_decree_margins() {
    for v in variants() {
        page_is_a4(v.docx);
    }
}

fn page_is_a4(mut d: Docx) {
    let xml = d.part("word/document.xml");
    let sect = &xml[xml.rfind("<w:sectPr").unwrap()..];
    assert_eq!(attr(sect, "w:pgSz", "w:w").as_deref(), Some("11906"));
    assert_eq!(attr(sect, "w:pgSz", "w:h").as_deref(), Some("16838"));
    let mm = |a: &str| attr(sect, "w:pgMar", a).unwrap().parse::<f32>().unwrap() * 25.4 / 1440.0;
    assert!(
        (20.0..=25.0).contains(&mm("w:top").round()),
        "top {}",
        mm("w:top")
    );
    assert!((20.0..=25.0).contains(&mm("w:bottom").round()));
    assert!((30.0..=35.0).contains(&mm("w:left").round()));
    assert!((15.0..=20.0).contains(&mm("w:right").round()));
}

#[test]
fn times_new_roman_everywhere() {
    let mut d = seed();
    let styles = d.part("word/styles.xml");
    let defaults =
        &styles[styles.find("<w:docDefaults").unwrap()..styles.find("</w:docDefaults>").unwrap()];
    for slot in ["w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"] {
        assert_eq!(
            attr(defaults, "w:rFonts", slot).as_deref(),
            Some("Times New Roman"),
            "{slot}"
        );
    }
    // No other font is named anywhere in the document.
    let doc = d.part("word/document.xml");
    assert!(!doc.contains("w:rFonts") || doc.matches("Times New Roman").count() > 0);
    for part in [&doc, &styles] {
        for font in ["Arial", "Calibri", "VnTime", "Liberation"] {
            assert!(!part.contains(font), "{font} named in the DOCX");
        }
    }
}

#[test]
fn header_elements_have_their_sizes_and_weights() {
    for v in variants() {
        header_elements(v);
    }
}

fn header_elements(v: Variant) {
    let mut d = v.docx;
    let styles = d.part("word/styles.xml");
    let paras = d.paragraphs();
    let check = |text: &str, id: &str, half_points: u32, bold: bool, italic: bool| {
        let p = find(&paras, text);
        assert_eq!(p.style.as_deref(), Some(id), "{text}");
        let s = style(&styles, id);
        assert_eq!(size(s), half_points, "{id} size");
        assert_eq!(is_bold(s), bold, "{id} bold");
        assert_eq!(is_italic(s), italic, "{id} italic");
        assert!(s.contains("<w:jc w:val=\"center\"/>"), "{id} centred");
    };
    check("ỦY BAN NHÂN DÂN", "VBCoQuan", 26, true, false);
    check(v.issuer, "VBCoQuan", 26, true, false);
    check("Số: /KH-UBND", "VBSoKyHieu", 26, false, false);
    check(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "VBQuocHieu",
        26,
        true,
        false,
    );
    check("Độc lập - Tự do - Hạnh phúc", "VBTieuNgu", 28, true, false);
    check(
        &format!("{}, ngày tháng năm 2026", v.place),
        "VBDiaDanh",
        28,
        false,
        true,
    );
    check("KẾ HOẠCH", "VBTenLoai", 28, true, false);
    check("TM. ỦY BAN NHÂN DÂN", "VBChucVu", 28, true, false);
    check(v.signer, "VBHoTen", 28, true, false);
}

#[test]
fn draft_blanks_leave_room_to_write() {
    let paras = seed().paragraphs();
    let number = paras.iter().find(|p| p.text.starts_with("Số:")).unwrap();
    assert!(number.text.contains("Số:    "), "{:?}", number.text);
    assert!(number.xml.contains("xml:space=\"preserve\""));
    let date = paras
        .iter()
        .find(|p| p.text.starts_with("Bát Tràng, ngày"))
        .unwrap();
    assert!(
        date.text.contains("ngày    ") && date.text.contains("tháng    "),
        "{:?}",
        date.text
    );
}

#[test]
fn lines_under_issuer_motto_and_summary_are_bottom_borders_only() {
    let xml = seed().part("word/document.xml");
    let xml = xml.replace("<w:p>", "<w:p ");
    let rules: Vec<&str> = xml
        .split("<w:p ")
        .filter(|p| p.contains("<w:pBdr>"))
        .collect();
    assert_eq!(
        rules.len(),
        3,
        "issuer, motto and trích yếu each have one line"
    );
    for r in rules {
        let bdr = &r[r.find("<w:pBdr>").unwrap()..r.find("</w:pBdr>").unwrap()];
        assert!(bdr.contains("<w:bottom"), "{bdr}");
        for side in ["<w:top", "<w:left", "<w:right"] {
            assert!(!bdr.contains(side), "a box, not a line: {bdr}");
        }
        // Text-free: the line is a border of an empty paragraph.
        assert!(!r[..r.find("</w:p>").unwrap()].contains("<w:t"));
    }
}

#[test]
fn body_is_justified_indented_and_spaced() {
    let mut d = seed();
    let styles = d.part("word/styles.xml");
    for id in ["VBDoan", "VBMuc", "VBKhoan"] {
        let s = style(&styles, id);
        assert_eq!(size(s), 28, "{id}");
        assert!(s.contains("<w:jc w:val=\"both\"/>"), "{id} justified");
        let first: u32 = attr(s, "w:ind", "w:firstLine").unwrap().parse().unwrap();
        assert!(
            (567..=720).contains(&first),
            "{id}: indent 1–1.27 cm, got {first}"
        );
        let after: u32 = attr(s, "w:spacing", "w:after").unwrap().parse().unwrap();
        assert!(after >= 120, "{id}: ≥ 6 pt after");
        let line: u32 = attr(s, "w:spacing", "w:line").unwrap().parse().unwrap();
        assert_eq!(attr(s, "w:spacing", "w:lineRule").as_deref(), Some("auto"));
        assert!((240..=360).contains(&line), "{id}: single to 1.5 lines");
    }
    assert!(is_bold(style(&styles, "VBMuc")) && is_bold(style(&styles, "VBKhoan")));
    let paras = d.paragraphs();
    assert_eq!(
        find(&paras, "I. MỤC ĐÍCH, YÊU CẦU").style.as_deref(),
        Some("VBMuc")
    );
    assert_eq!(
        find(&paras, "4. Kinh phí thực hiện").style.as_deref(),
        Some("VBKhoan")
    );
    let dash = paras
        .iter()
        .find(|p| p.text.starts_with("- Tiếp tục tăng cường"))
        .unwrap();
    assert_eq!(dash.style.as_deref(), Some("VBDoan"));
    // Every paragraph of the body carries a named style: nothing is direct formatting.
    assert!(
        paras.iter().all(|p| p.style.is_some()),
        "unstyled paragraph"
    );
}

#[test]
fn closing_block_recipients_and_signature() {
    for v in variants() {
        closing_block(v);
    }
}

fn closing_block(v: Variant) {
    let mut d = v.docx;
    let styles = d.part("word/styles.xml");
    let nn = style(&styles, "VBNoiNhan");
    assert!(size(nn) == 24 && is_bold(nn) && is_italic(nn));
    let item = style(&styles, "VBNoiNhanMuc");
    assert_eq!(size(item), 22);
    assert!(!is_bold(item) && !is_italic(item));
    let paras = d.paragraphs();
    let items: Vec<&Para> = paras
        .iter()
        .filter(|p| p.style.as_deref() == Some("VBNoiNhanMuc"))
        .collect();
    let (last, rest) = items.split_last().unwrap();
    assert_eq!(last.text, "- Lưu: VT, VHXH.");
    assert!(rest
        .iter()
        .all(|p| p.text.starts_with("- ") && p.text.ends_with(';')));
    let authority: Vec<&str> = paras
        .iter()
        .filter(|p| p.style.as_deref() == Some("VBChucVu"))
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        authority,
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    );
    // The closing is one table row that may not split across pages.
    let xml = d.part("word/document.xml");
    let closing = &xml[xml.rfind("<w:tbl>").unwrap()..];
    assert!(closing.contains("Nơi nhận:") && closing.contains(v.signer));
    assert!(closing.contains("<w:cantSplit/>"));
    // The closing sentence keeps with it.
    let last_body = paras.iter().find(|p| p.text.ends_with("./.")).unwrap();
    assert!(last_body.xml.contains("<w:keepNext/>"));
}

#[test]
fn page_numbers_from_page_two_centred_at_the_top() {
    for v in variants() {
        page_numbers(v.docx);
    }
}

fn page_numbers(mut d: Docx) {
    let xml = d.part("word/document.xml");
    let sect = &xml[xml.rfind("<w:sectPr").unwrap()..];
    assert!(sect.contains("<w:titlePg/>"), "different first page");
    let rels = d.part("word/_rels/document.xml.rels");
    let target = |kind: &str| {
        let r = &sect[sect
            .find(&format!("w:type=\"{kind}\""))
            .map(|i| sect[..i].rfind('<').unwrap())
            .unwrap()..];
        let id = attr(r, "w:headerReference", "r:id").unwrap();
        let at = rels.find(&format!("Id=\"{id}\"")).unwrap();
        let rel = &rels[rels[..at].rfind('<').unwrap()..];
        format!("word/{}", attr(rel, "Relationship", "Target").unwrap())
    };
    let first = d.part(&target("first"));
    assert!(
        !first.contains("PAGE") && first.contains("<w:p"),
        "page 1 header is empty"
    );
    let default = d.part(&target("default"));
    assert!(default.contains("PAGE"), "PAGE field in the header");
    assert!(default.contains("VBSoTrang"));
    let s = style(&styles_of(&mut d), "VBSoTrang").to_string();
    assert!(s.contains("<w:jc w:val=\"center\"/>"));
}

fn styles_of(d: &mut Docx) -> String {
    d.part("word/styles.xml")
}

#[test]
fn two_column_tables_have_fixed_grids_and_no_borders() {
    let xml = seed().part("word/document.xml");
    let tables: Vec<&str> = xml.split("<w:tbl>").skip(1).collect();
    assert_eq!(tables.len(), 2, "header and closing");
    for t in tables {
        assert!(t.contains("<w:tblGrid>"));
        assert!(t.contains("<w:tblLayout w:type=\"fixed\"/>"));
        let props = &t[..t.find("</w:tblPr>").unwrap()];
        assert!(
            props.contains("<w:tblBorders"),
            "borders are stated, as none"
        );
        assert!(!props.contains("w:val=\"single\""), "borderless: {props}");
    }
}

#[test]
fn package_has_its_required_parts_and_no_directory_entries() {
    let d = seed();
    let names = d.names();
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/settings.xml",
        "word/theme/theme1.xml",
    ] {
        assert!(names.iter().any(|n| n == part), "missing {part}");
    }
    assert!(
        names.iter().all(|n| !n.ends_with('/')),
        "no directory entries: {names:?}"
    );
}
