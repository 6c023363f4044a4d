//! The year's cycle: next year's plan from this year's, and the same plan
//! for another commune.

use crate::util::{self, Case};

#[test]
fn next_year_moves_the_year_flags_what_it_cannot_decide_and_renders() {
    let case = Case::new();
    let before = std::fs::read(case.plan()).unwrap();
    let out = case.vanban_ok(&["next-year", util::PLAN]);
    assert_eq!(
        std::fs::read(case.plan()).unwrap(),
        before,
        "this year's file is untouched"
    );

    let new = case.path("ke-hoach-binh-dang-gioi-bat-trang-2027.yaml");
    let text = std::fs::read_to_string(&new).unwrap();
    let checklist = String::from_utf8_lossy(&out.stdout);
    // The city's 2026 plan is flagged, by its line in the new file.
    let line = checklist
        .lines()
        .find(|l| l.contains("kh-67-2026-ubnd-ha-noi"))
        .expect("the 2026 city plan is flagged");
    let n: usize = line.split(':').nth(1).unwrap().trim().parse().unwrap();
    assert!(text
        .lines()
        .nth(n - 1)
        .unwrap()
        .contains("{vb:kh-67-2026-ubnd-ha-noi}"));
    // Year, number and date; comments and key order survive.
    let plan: serde_norway::Value = serde_norway::from_str(&text).unwrap();
    assert_eq!(plan["nam"].as_u64(), Some(2027));
    assert!(plan["so"].is_null() && plan["ngay"].is_null());
    let comments = |t: &str| t.lines().filter(|l| l.starts_with('#')).count();
    assert!(comments(&text) >= comments(&String::from_utf8_lossy(&before)));
    let keys = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| !l.starts_with([' ', '#', '-']) && l.contains(':'))
            .map(|l| l.split(':').next().unwrap().to_string())
            .filter(|k| k != "can_kiem_tra")
            .collect()
    };
    assert_eq!(keys(&text), keys(&String::from_utf8_lossy(&before)));

    // It renders, with the year from data, and warns while items are open.
    let out = case.vanban_ok(&[
        "render",
        "ke-hoach-binh-dang-gioi-bat-trang-2027.yaml",
        "-f",
        "docx",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("cảnh báo"));
    let paras = case.norm_paragraphs("out/ke-hoach-binh-dang-gioi-bat-trang-2027.docx");
    assert!(paras.contains(&"Bát Tràng, ngày tháng năm 2027".to_string()));
    assert!(
        paras.iter().any(|p| p.ends_with("xã Bát Tràng năm 2027")),
        "trích yếu follows {{nam}}"
    );
    // Refuses to overwrite the new file without --force.
    let again = case.vanban(&["next-year", util::PLAN]);
    assert!(!again.status.success());
}

#[test]
fn the_same_plan_renders_for_another_commune_without_a_trace_of_bat_trang() {
    let case = Case::new();
    let out = case.vanban_ok(&[
        "render",
        util::PLAN,
        "--don-vi",
        "don-vi/cau-giay.yaml",
        "-o",
        "cau-giay",
    ]);
    let warnings = String::from_utf8_lossy(&out.stderr);
    assert!(
        warnings.contains("nguoi_ky[1].ho_ten") && warnings.contains("placeholder"),
        "{warnings}"
    );

    let mut docx = case.docx("cau-giay/ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    for part in docx.names() {
        if part.ends_with(".xml") {
            let xml = docx.part(&part);
            for old in ["Bát Tràng", "BÁT TRÀNG", "Dương Đăng Hòa"] {
                assert!(!xml.contains(old), "`{old}` in {part}");
            }
        }
    }
    let paras: Vec<String> = docx
        .paragraphs()
        .into_iter()
        .map(|p| util::norm(&p.text))
        .collect();
    for line in [
        "PHƯỜNG CẦU GIẤY",
        "Cầu Giấy, ngày tháng năm 2026",
        "4. Công an phường",
        "5. Trạm Y tế phường",
        "- TTĐU-HĐND phường;",
        "«Họ và tên Phó Chủ tịch»",
    ] {
        assert!(paras.iter().any(|p| p == line), "missing `{line}`");
    }
    assert!(paras
        .iter()
        .any(|p| p.starts_with("Triển khai") && p.ends_with("phường Cầu Giấy năm 2026")));

    if util::need("pdftotext", "reads the PDF's text") {
        let text =
            util::pdf_text(&case.path("cau-giay/ke-hoach-binh-dang-gioi-bat-trang-2026.pdf"));
        assert!(!text.contains("Bát Tràng") && !text.contains("BÁT TRÀNG"));
        assert!(text.contains("PHƯỜNG CẦU GIẤY"));
    }
}

#[test]
fn batch_over_the_ha_noi_units_of_the_built_in_national_list() {
    let case = Case::new();
    let out = case.vanban_ok(&["batch", util::PLAN, "--tinh", "Hà Nội", "-o", "hn"]);
    let units = case.files("hn");
    assert_eq!(units.len(), 126, "one folder per unit of Hà Nội");
    for unit in &units {
        assert_eq!(
            case.files(&format!("hn/{unit}")),
            [
                "ke-hoach-binh-dang-gioi-bat-trang-2026.docx",
                "ke-hoach-binh-dang-gioi-bat-trang-2026.pdf"
            ],
            "{unit}"
        );
    }
    assert!(String::from_utf8_lossy(&out.stdout).contains("Xong 126 đơn vị, lỗi 0"));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("đoán"),
        "says the level was guessed"
    );
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("names another province"),
        "Hà Nội's units may cite Hà Nội"
    );
    // A ward is a phường on its page.
    let paras = case.paragraphs("hn/phuong-cau-giay/ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    assert!(paras.iter().any(|p| p == "PHƯỜNG CẦU GIẤY"));
    assert!(paras.iter().any(|p| p == "4. Công an phường"));
}

/// One worker or several, each unit's files are the same bytes.
#[test]
fn batch_writes_the_same_bytes_with_one_worker_or_several() {
    let case = Case::new();
    for (jobs, out) in [("1", "mot"), ("3", "ba")] {
        let done = case.vanban(&[
            "batch",
            util::PLAN,
            "--don-vi-dir",
            "don-vi",
            "-j",
            jobs,
            "-o",
            out,
        ]);
        assert!(
            done.status.success(),
            "{}",
            String::from_utf8_lossy(&done.stderr)
        );
    }
    let mut compared = 0;
    for unit in case.files("mot") {
        for file in case.files(&format!("mot/{unit}")) {
            let one = std::fs::read(case.path(&format!("mot/{unit}/{file}"))).unwrap();
            let three = std::fs::read(case.path(&format!("ba/{unit}/{file}"))).unwrap();
            assert!(one == three, "{unit}/{file} differs between -j 1 and -j 3");
            compared += 1;
        }
    }
    assert_eq!(compared, 6, "three units, DOCX and PDF each");
    let refused = case.vanban(&["batch", util::PLAN, "--don-vi-dir", "don-vi", "-j", "0"]);
    assert_eq!(
        refused.status.code(),
        Some(2),
        "-j 0 is refused by the command line"
    );
}

#[test]
fn batch_reports_a_broken_profile_and_writes_the_others() {
    let case = Case::new();
    std::fs::write(
        case.path("don-vi/hong.yaml"),
        "ten_co_quan: [ỦY BAN NHÂN DÂN]\ncap: [xã\n",
    )
    .unwrap();
    let out = case.vanban(&[
        "batch",
        util::PLAN,
        "--don-vi-dir",
        "don-vi",
        "-f",
        "docx",
        "-o",
        "lo",
    ]);
    assert_eq!(out.status.code(), Some(1), "a failed unit fails the run");
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("Xong 3 đơn vị, lỗi 1"), "{summary}");
    assert!(
        summary.contains("lỗi hong:") && summary.contains("hong.yaml:2"),
        "{summary}"
    );
    assert_eq!(case.files("lo"), ["bat-trang", "cau-giay", "gia-lam"]);
    assert_eq!(
        case.files("lo/gia-lam"),
        ["ke-hoach-binh-dang-gioi-bat-trang-2026.docx"]
    );
}

/// Tasks of the seed plan counted from its YAML, independently of vanban.
fn seed_task_count() -> usize {
    let plan: serde_norway::Value =
        serde_norway::from_str(&std::fs::read_to_string(util::seed_plan()).unwrap()).unwrap();
    let mut n = 0;
    for muc in plan["noi_dung"].as_sequence().unwrap() {
        for part in ["khoan", "phan_cong"] {
            for item in muc[part].as_sequence().into_iter().flatten() {
                n += item["nhiem_vu"].as_sequence().map_or(0, |t| t.len());
            }
        }
    }
    n
}

#[test]
fn report_from_the_plan_lists_every_task_and_renders() {
    let case = Case::new();
    case.vanban_ok(&["report", util::PLAN, "-o", "bao-cao.yaml"]);
    let report: serde_norway::Value =
        serde_norway::from_str(&std::fs::read_to_string(case.path("bao-cao.yaml")).unwrap())
            .unwrap();
    let tasks = report["ket_qua"].as_sequence().unwrap();
    assert_eq!(tasks.len(), seed_task_count());
    assert_eq!(tasks.len(), 30);
    assert!(
        tasks.iter().all(|t| t["ket_qua"].as_str() == Some("")),
        "results to fill in"
    );
    assert_eq!(
        tasks[0]["don_vi"]
            .as_str()
            .map(|s| s.starts_with("Tuyên truyền")),
        Some(true)
    );
    assert!(
        tasks
            .iter()
            .any(|t| t["don_vi"].as_str() == Some("Công an xã")),
        "units by name"
    );
    assert_eq!(report["loai"].as_str(), Some("bao_cao"));

    let out = case.vanban_ok(&["render", "bao-cao.yaml", "-f", "docx"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("chưa điền kết quả"),
        "warns of unfilled results"
    );
    let paras = case.norm_paragraphs("out/bao-cao.docx");
    for heading in [
        "BÁO CÁO",
        "I. KẾT QUẢ ĐẠT ĐƯỢC",
        "II. TỒN TẠI, HẠN CHẾ, NGUYÊN NHÂN",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ",
        "IV. KIẾN NGHỊ, ĐỀ XUẤT",
    ] {
        assert!(paras.iter().any(|p| p == heading), "missing `{heading}`");
    }
    assert_eq!(
        paras.iter().filter(|p| p.starts_with("Kết quả: ")).count(),
        30
    );
}

#[test]
fn filled_report_shows_targets_with_computed_percentages_in_both_outputs() {
    let case = Case::new();
    let file = "bao-cao-ke-hoach-binh-dang-gioi-bat-trang-2026.yaml";
    case.vanban_ok(&["render", file]);
    let mut docx = case.docx("out/bao-cao-ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    let xml = docx.part("word/document.xml");
    let table = xml
        .split("<w:tbl>")
        .find(|t| t.contains("Tỷ lệ (%)"))
        .map(|t| &t[..t.find("</w:tbl>").unwrap()])
        .expect("the table of targets");
    let cells: Vec<String> = util::paragraphs(table)
        .into_iter()
        .map(|p| p.text)
        .collect();
    assert_eq!(
        &cells[..5],
        ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"]
    );
    let row = |n: &str| {
        cells
            .iter()
            .position(|c| c == n)
            .map(|i| cells[i..i + 5].to_vec())
            .unwrap()
    };
    assert_eq!(row("3")[2..], ["50", "45", "90"], "45 of 50 is 90 %");
    assert_eq!(row("4")[2..], ["0", "1", "-"], "a target of 0: no division");
    assert!(
        table.contains("<w:tblHeader/>"),
        "header row repeats on each page"
    );
    assert!(table.contains("w:val=\"single\""), "bordered");
    let right = |text: &str| {
        let at = table.find(&format!(">{text}</w:t>")).unwrap();
        let p = &table[table[..at].rfind("<w:p ").unwrap()..at];
        p.contains("<w:jc w:val=\"right\"/>")
    };
    assert!(right("45") && right("90"), "numbers right-aligned");
    if util::need("pdftotext", "reads the PDF's text") {
        let text =
            util::pdf_text(&case.path("out/bao-cao-ke-hoach-binh-dang-gioi-bat-trang-2026.pdf"));
        let flat = util::norm(&text);
        assert!(
            flat.contains("Tỷ lệ (%)") && flat.contains("50 45 90"),
            "table in the PDF"
        );
    }
}

/// The seed plan with a table of `n` columns under its `Kinh phí` khoản.
fn with_table(columns: usize) -> Case {
    let cot: Vec<String> = (1..=columns)
        .map(|i| format!("              - {{ten: Tháng {i}, so: true}}"))
        .collect();
    let dong: Vec<String> = (1..=columns)
        .map(|i| format!("\"{}\"", i * 1_250_000))
        .collect();
    Case::new().edit(|y| {
        y.replace(
            "      - tieu_de: Kinh phí thực hiện\n",
            &format!(
                "      - tieu_de: Kinh phí thực hiện\n        bang:\n          - cot:\n{}\n            dong:\n              - [{}]\n",
                cot.join("\n"),
                dong.join(", ")
            ),
        )
    })
}

#[test]
fn a_table_too_wide_for_portrait_gets_a_landscape_page() {
    let case = with_table(10);
    case.vanban_ok(&["render", util::PLAN]);
    let mut docx = case.docx("out/ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    let xml = docx.part("word/document.xml");
    let sections: Vec<&str> = xml.split("<w:sectPr>").skip(1).collect();
    assert_eq!(sections.len(), 3, "portrait, landscape, portrait");
    assert!(sections[1].contains("w:orient=\"landscape\""));
    assert!(!sections[0].contains("landscape") && !sections[2].contains("landscape"));
    assert!(
        sections[0].contains("<w:titlePg/>") && sections[0].contains("w:headerReference"),
        "page 1 keeps its empty header"
    );
    assert!(
        !sections[1].contains("<w:titlePg/>") && !sections[2].contains("<w:titlePg/>"),
        "later sections are numbered from their first page"
    );
    let table = &xml[xml.find("Tháng 10").unwrap()..];
    assert!(table.contains("1.250.000") || xml.contains("1250000"));

    if util::need("pdfinfo", "reads page sizes") {
        let sizes =
            util::pdf_page_sizes(&case.path("out/ke-hoach-binh-dang-gioi-bat-trang-2026.pdf"));
        let landscape: Vec<usize> = sizes
            .iter()
            .enumerate()
            .filter(|(_, (w, h))| w > h)
            .map(|(i, _)| i)
            .collect();
        assert_eq!(landscape.len(), 1, "one landscape page: {sizes:?}");
        assert!(
            landscape[0] > 0 && landscape[0] + 1 < sizes.len(),
            "between portrait pages"
        );
    }
    // A five-column table stays on the portrait page.
    let case = with_table(5);
    assert!(case
        .vanban(&["render", util::PLAN, "-f", "docx"])
        .status
        .success());
    let xml = case
        .docx("out/ke-hoach-binh-dang-gioi-bat-trang-2026.docx")
        .part("word/document.xml");
    assert_eq!(xml.matches("<w:sectPr>").count(), 1);
}

#[test]
fn a_table_too_wide_even_for_landscape_is_warned_about_where_it_is_written() {
    let warning = "table too wide even for a landscape page";
    let case = with_table(20);
    let out = case.vanban_ok(&["render", util::PLAN, "-f", "docx"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr
        .lines()
        .find(|l| l.contains(warning))
        .unwrap_or_else(|| panic!("no warning about the table:\n{stderr}"));
    let plan = std::fs::read_to_string(case.path(util::PLAN)).unwrap();
    let bang = plan.lines().position(|l| l.trim() == "bang:").unwrap() + 1;
    assert!(
        line.contains(&format!("{}:{}:", util::PLAN, bang + 1)),
        "located at the table (line {}): {line}",
        bang + 1
    );
    // Ten columns fit a landscape page: no warning.
    let out = with_table(10).vanban_ok(&["check", util::PLAN]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains(warning));
    assert!(!String::from_utf8_lossy(&out.stderr).contains(warning));
}

#[test]
fn a_report_with_sections_of_its_own_replaces_the_usual_skeleton() {
    let case = Case::new();
    let file = "bao-cao-ke-hoach-binh-dang-gioi-bat-trang-2026.yaml";
    let path = case.path(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace(
        "noi_dung: []",
        "noi_dung:\n- muc: Đánh giá chung\n  doan: [Nhìn chung đạt yêu cầu.]\n- muc: Đề xuất\n  khoan: [Tiếp tục thực hiện.]\n  \
         phan_cong:\n  - phong_ban: VHXH\n    nhiem_vu: ['Theo dõi, tổng hợp.']",
    );
    std::fs::write(&path, &text).unwrap();
    // The usual sections would not print: keeping them is an error.
    let out = case.vanban(&["render", file, "-f", "docx"]);
    assert_eq!(out.status.code(), Some(1));
    let msg = String::from_utf8_lossy(&out.stderr);
    for key in ["ton_tai", "phuong_huong", "kien_nghi"] {
        assert!(
            msg.contains(&format!("khóa `{key}`: BÁO CÁO không in")),
            "{msg}"
        );
    }
    let start = text.find("ton_tai:").unwrap();
    let end = text.find("chi_tieu:").unwrap();
    std::fs::write(&path, format!("{}{}", &text[..start], &text[end..])).unwrap();
    case.vanban_ok(&["render", file, "-f", "docx"]);
    let paras = case.paragraphs("out/bao-cao-ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    assert!(paras.contains(&"I. KẾT QUẢ ĐẠT ĐƯỢC".to_string()));
    assert!(paras.contains(&"II. ĐÁNH GIÁ CHUNG".to_string()));
    assert!(paras.contains(&"III. ĐỀ XUẤT".to_string()));
    assert!(paras.contains(&"1. Tiếp tục thực hiện.".to_string()));
    assert!(
        paras.contains(&"2. Phòng Văn hóa - Xã hội".to_string())
            && paras.contains(&"Theo dõi, tổng hợp.".to_string()),
        "a report's phân công prints: {paras:?}"
    );
    assert!(!paras.iter().any(|p| p.contains("TỒN TẠI")));
}

#[test]
fn the_whole_national_list_gives_one_distinct_folder_per_unit() {
    let base: vanban::input::Profile =
        vanban::input::yaml::load(&util::root().join("data/don-vi/bat-trang.yaml")).unwrap();
    let units = vanban::batch::units_from_list(
        vanban::national::built_in(),
        std::path::Path::new("list"),
        None,
        vanban::national::Level::Doan,
        &base,
    )
    .unwrap();
    assert_eq!(units.len(), 3321, "every row of the list");
    let slugs: std::collections::BTreeSet<&str> = units.iter().map(|u| u.slug.as_str()).collect();
    assert_eq!(slugs.len(), units.len(), "no two units share a folder");
    // Lộc Thành and Lộc Thạnh (Đồng Nai) differ only in their tones.
    assert!(slugs.contains("dong-nai/xa-loc-thanh") && slugs.contains("dong-nai/xa-loc-thanh-2"));
    let named = |slug: &str| {
        let unit = units.iter().find(|u| u.slug == slug).unwrap();
        unit.profile.as_ref().unwrap().0.ten.clone()
    };
    assert_ne!(
        named("dong-nai/xa-loc-thanh"),
        named("dong-nai/xa-loc-thanh-2")
    );
}

#[test]
fn batch_elsewhere_warns_that_the_plan_names_its_own_province() {
    let case = Case::new();
    let csv = util::national_list();
    let out = case.vanban_ok(&[
        "batch",
        util::PLAN,
        "--csv",
        csv.to_str().unwrap(),
        "--tinh",
        "Huế",
        "-f",
        "docx",
        "-o",
        "hue",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The seed cites the Hà Nội city plan and sends a copy to its Sở Nội vụ.
    assert!(
        stderr.contains("văn bản của 40 đơn vị ngoài Thành phố Hà Nội vẫn nhắc tới `Hà Nội`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("phuong-an-cuu"),
        "names the units: {stderr}"
    );
}

#[test]
fn batch_reports_a_unit_it_cannot_write_and_writes_the_others() {
    let case = Case::new();
    std::fs::create_dir_all(case.path("lo")).unwrap();
    // Where gia-lam's folder should go, a file: its outputs cannot be written.
    std::fs::write(case.path("lo/gia-lam"), "not a folder").unwrap();
    let out = case.vanban(&["batch", util::PLAN, "--don-vi-dir", "don-vi", "-o", "lo"]);
    assert_eq!(out.status.code(), Some(1), "a failed unit fails the run");
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("Xong 2 đơn vị, lỗi 1"), "{summary}");
    assert!(summary.contains("lỗi gia-lam:"), "{summary}");
    assert_eq!(
        std::fs::read_to_string(case.path("lo/gia-lam")).unwrap(),
        "not a folder",
        "left as it was"
    );
    for unit in ["bat-trang", "cau-giay"] {
        assert_eq!(
            case.files(&format!("lo/{unit}")),
            [
                "ke-hoach-binh-dang-gioi-bat-trang-2026.docx",
                "ke-hoach-binh-dang-gioi-bat-trang-2026.pdf"
            ],
            "{unit}"
        );
    }
}

#[test]
fn a_plan_prints_its_targets_at_the_end_of_its_first_section() {
    let case = Case::new().edit(|y| {
        y.replace(
            "luu: [VHXH]",
            "luu: [VHXH]\nchi_tieu:\n  - {ten: Hội nghị tuyên truyền, don_vi_tinh: cuộc, ke_hoach: 2}\n  - {ten: Lượt người được tuyên truyền, don_vi_tinh: lượt, ke_hoach: 1500}",
        )
    });
    case.vanban_ok(&["render", util::PLAN, "-f", "docx"]);
    let paras = case.paragraphs("out/ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    let at = |t: &str| {
        paras
            .iter()
            .position(|p| p == t)
            .unwrap_or_else(|| panic!("no `{t}`"))
    };
    let heading = at("4. Các chỉ tiêu");
    assert!(
        heading < at("II. NỘI DUNG THỰC HIỆN"),
        "in the first mục, after its khoản"
    );
    assert_eq!(
        paras[heading + 1..heading + 13],
        [
            "STT",
            "Chỉ tiêu",
            "Đơn vị tính",
            "Kế hoạch",
            "1",
            "Hội nghị tuyên truyền",
            "cuộc",
            "2",
            "2",
            "Lượt người được tuyên truyền",
            "lượt",
            "1.500",
        ]
    );
}

#[test]
fn a_report_of_a_plan_in_the_ordered_outline_lists_its_dash_lines_as_tasks() {
    let case = Case::new();
    let plan = util::root().join("tests/fixtures/ke-hoach-nhieu-cap.yaml");
    let text = std::fs::read_to_string(plan)
        .unwrap()
        .replace("../../data/", "");
    std::fs::write(case.path("thi-dua.yaml"), text).unwrap();
    case.vanban_ok(&["report", "thi-dua.yaml", "-o", "bao-cao.yaml"]);
    let report: vanban::input::Plan =
        vanban::input::yaml::load(&case.path("bao-cao.yaml")).unwrap();
    let tasks: Vec<(&str, &str)> = report
        .ket_qua
        .iter()
        .map(|t| (t.don_vi.as_str(), t.nhiem_vu.as_str()))
        .collect();
    assert_eq!(
        tasks,
        [("Về tổ chức", "Thành phần tổ:")],
        "the - line under its heading"
    );
    assert!(
        report.phu_luc.is_empty(),
        "the plan's phụ lục are not the report's"
    );
    case.vanban_ok(&["render", "bao-cao.yaml", "-f", "docx"]);
}
