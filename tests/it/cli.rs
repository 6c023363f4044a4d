//! `vanban render` as a clerk runs it: outputs where promised, and bad
//! input named by file, line, column and key, with nothing written.

use crate::util::{self, Case};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn renders_docx_and_pdf_into_the_output_folder() {
    let case = Case::new();
    case.vanban_ok(&["render", util::PLAN, "-o", "ket-qua"]);
    assert_eq!(
        case.files("ket-qua"),
        [
            "ke-hoach-binh-dang-gioi-bat-trang-2026.docx",
            "ke-hoach-binh-dang-gioi-bat-trang-2026.pdf"
        ]
    );
    case.vanban_ok(&["render", util::PLAN, "--format", "docx", "-o", "chi-docx"]);
    assert_eq!(
        case.files("chi-docx"),
        ["ke-hoach-binh-dang-gioi-bat-trang-2026.docx"]
    );
}

#[cfg(unix)]
#[test]
fn outputs_are_readable_like_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let case = Case::new();
    case.vanban_ok(&["render", util::PLAN, "-o", "chung"]);
    // A file created the ordinary way has the mode the umask allows.
    std::fs::write(case.path("chung/thuong.txt"), "x").unwrap();
    let mode = |name: &str| {
        let meta = std::fs::metadata(case.path(&format!("chung/{name}"))).unwrap();
        meta.permissions().mode() & 0o777
    };
    let ordinary = mode("thuong.txt");
    assert_eq!(
        mode("ke-hoach-binh-dang-gioi-bat-trang-2026.docx"),
        ordinary
    );
    assert_eq!(mode("ke-hoach-binh-dang-gioi-bat-trang-2026.pdf"), ordinary);
}

/// Each broken input: the edit, then what the message must name.
fn assert_refused(case: Case, expect: &[&str]) {
    let out = case.vanban(&["render", util::PLAN, "-o", "out"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit code; stderr: {}",
        stderr(&out)
    );
    let msg = stderr(&out);
    for e in expect {
        assert!(msg.contains(e), "message lacks `{e}`:\n{msg}");
    }
    assert!(
        case.files("out").is_empty(),
        "nothing written: {:?}",
        case.files("out")
    );
}

#[test]
fn unknown_key_is_located_with_a_suggestion() {
    let case = Case::new().edit(|y| y.replace("\nluu: [VHXH]", "\nluuu: [VHXH]"));
    let line = std::fs::read_to_string(case.plan())
        .unwrap()
        .lines()
        .position(|l| l.starts_with("luuu:"))
        .unwrap()
        + 1;
    assert_refused(
        case,
        &[
            &format!("{}:{line}:1:", util::PLAN),
            "`luuu`",
            "`luu`",
            "unknown field",
        ],
    );
}

#[test]
fn wrong_type_is_located() {
    let case = Case::new().edit(|y| y.replace("nam: 2026", "nam: hai nghìn"));
    let text = std::fs::read_to_string(case.plan()).unwrap();
    let line = text.lines().position(|l| l.starts_with("nam:")).unwrap() + 1;
    assert_refused(
        case,
        &[&format!("{}:{line}:6:", util::PLAN), "sai kiểu", "nam"],
    );
}

#[test]
fn missing_part_is_named() {
    let case = Case::new().edit(|y| {
        let at = y.find("nguoi_ky:").unwrap();
        y[..at].to_string()
    });
    assert_refused(case, &[util::PLAN, "thiếu khóa `nguoi_ky`"]);
}

#[test]
fn unknown_department_signer_and_reference_are_named() {
    let case = Case::new().edit(|y| y.replace("luu: [VHXH]", "luu: [VHX]"));
    assert_refused(case, &["luu[0]", "`VHX`", "VHXH"]);
    let case = Case::new().edit(|y| y.replace("ho_ten: Dương Đăng Hòa", "ho_ten: Nguyễn Văn A"));
    assert_refused(case, &["nguoi_ky.ho_ten", "Nguyễn Văn A", "Dương Đăng Hòa"]);
    let case = Case::new().edit(|y| y.replace("{vb:kh-67-2026-ubnd-ha-noi}", "{vb:kh-68}"));
    assert_refused(case, &["mo_dau[0]", "`kh-68`"]);
}

#[test]
fn impossible_date_is_refused() {
    let case = Case::new().edit(|y| y.replace("ngay: null", "ngay: 2026-02-30"));
    assert_refused(case, &["ngay", "không tồn tại"]);
}

#[test]
fn character_outside_the_font_is_located_and_nothing_written() {
    let case = Case::new().edit(|y| y.replace("như sau:", "như sau 😀:"));
    let text = std::fs::read_to_string(case.plan()).unwrap();
    let (line, col) = text
        .lines()
        .enumerate()
        .find_map(|(i, l)| l.chars().position(|c| c == '😀').map(|c| (i + 1, c + 1)))
        .unwrap();
    assert_refused(
        case,
        &[&format!("{}:{line}:{col}:", util::PLAN), "U+1F600", "😀"],
    );
    let case = Case::new().edit(|y| y.replace("như sau:", "như sau 中:"));
    assert_refused(case, &["U+4E2D"]);
}

#[test]
fn a_failed_render_leaves_the_earlier_output_untouched() {
    let case = Case::new();
    assert!(case.vanban(&["render", util::PLAN]).status.success());
    let docx = case.path("out/ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    let before = std::fs::read(&docx).unwrap();
    std::fs::write(
        case.plan(),
        std::fs::read_to_string(case.plan())
            .unwrap()
            .replace("nam: 2026", "nam: ["),
    )
    .unwrap();
    let out = case.vanban(&["render", util::PLAN]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&docx).unwrap(), before);
    assert_eq!(
        case.files("out").len(),
        2,
        "no temporary files left: {:?}",
        case.files("out")
    );
}

#[test]
fn user_text_is_data_in_both_outputs() {
    // `\*` is vanban's own escape for a literal asterisk; nothing else is read.
    let written = r#"#read("/etc/passwd") \*bold\* $x$ <w:t> & {{ x }} \n"#;
    let hostile = r#"#read("/etc/passwd") *bold* $x$ <w:t> & {{ x }} \n"#;
    let case = Case::new().edit(|y| y.replace("mo_dau:\n", &format!("mo_dau:\n  - '{written}'\n")));
    case.vanban_ok(&["render", util::PLAN]);
    let paras = case.paragraphs("out/ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    assert!(
        paras.iter().any(|p| p == hostile),
        "DOCX paragraph is the text, literally"
    );
    if crate::util::need("pdftotext", "reads the PDF's text") {
        let text = util::pdf_text(&case.path("out/ke-hoach-binh-dang-gioi-bat-trang-2026.pdf"));
        assert!(
            util::norm(&text).contains(hostile),
            "PDF shows the text literally"
        );
    }
}

#[test]
fn a_clerks_own_wording_overrides_the_builtin_one() {
    let case = Case::new();
    let report = "bao-cao-ke-hoach-binh-dang-gioi-bat-trang-2026.yaml";
    std::fs::create_dir(case.path("mau")).unwrap();
    std::fs::write(
        case.path("mau/bao_cao.yaml"),
        "# Câu chữ của xã.\nmuc_ket_qua: Những kết quả **nổi bật**\n",
    )
    .unwrap();
    case.vanban_ok(&["render", report, "--templates", "mau", "-f", "docx"]);
    let paras = case.paragraphs("out/bao-cao-ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    assert!(
        paras.iter().any(|p| p == "I. NHỮNG KẾT QUẢ NỔI BẬT"),
        "{paras:?}"
    );
    assert!(
        paras
            .iter()
            .any(|p| p == "II. TỒN TẠI, HẠN CHẾ, NGUYÊN NHÂN"),
        "the other keys keep the built-in wording"
    );
    let out = case.vanban(&["check", report, "--templates", "mau"]);
    assert!(out.status.success(), "check reads the same wording");

    std::fs::write(
        case.path("mau/bao_cao.yaml"),
        "# x\nmuc_ket_qua: \"{{ khong_co }}\"\n",
    )
    .unwrap();
    let out = case.vanban(&["render", report, "--templates", "mau", "-o", "hong"]);
    assert_eq!(out.status.code(), Some(1));
    let msg = stderr(&out);
    assert!(
        msg.contains("mau/bao_cao.yaml:2:") && msg.contains("khong_co"),
        "names the template file and line: {msg}"
    );
    assert!(case.files("hong").is_empty());
}

#[test]
fn schemas_are_current_and_every_example_points_to_its_own() {
    let case = Case::new();
    for kind in ["van-ban", "don-vi", "danh-muc"] {
        let out = case.vanban_ok(&["schema", kind]);
        let committed =
            std::fs::read_to_string(util::root().join(format!("data/schema/{kind}.json"))).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            committed,
            "data/schema/{kind}.json is stale: run `vanban schema {kind} > data/schema/{kind}.json`"
        );
    }
    let expect = [
        (
            "ke-hoach-binh-dang-gioi-bat-trang-2026.yaml",
            "schema/van-ban.json",
        ),
        (
            "bao-cao-ke-hoach-binh-dang-gioi-bat-trang-2026.yaml",
            "schema/van-ban.json",
        ),
        ("van-ban.yaml", "schema/danh-muc.json"),
        ("don-vi/bat-trang.yaml", "../schema/don-vi.json"),
        ("don-vi/gia-lam.yaml", "../schema/don-vi.json"),
        ("don-vi/cau-giay.yaml", "../schema/don-vi.json"),
    ];
    for (file, schema) in expect {
        let text = std::fs::read_to_string(util::root().join("data").join(file)).unwrap();
        assert_eq!(
            text.lines().next(),
            Some(format!("# yaml-language-server: $schema={schema}").as_str()),
            "{file}"
        );
    }
    // The report drafted from a plan keeps the hint.
    assert!(case
        .vanban(&["report", util::PLAN, "-o", "bc.yaml"])
        .status
        .success());
    let bc = std::fs::read_to_string(case.path("bc.yaml")).unwrap();
    assert!(bc.starts_with("# yaml-language-server: $schema=schema/van-ban.json\n"));
}

/// The editor's schema lets each kind have the keys its form prints and no
/// other: every example in `data/` and `tests/fixtures/examples/` passes
/// it, and a key of another kind's form is flagged.
#[test]
fn the_editors_schema_offers_each_kind_only_its_own_keys() {
    let out = Case::new().vanban_ok(&["schema", "van-ban"]);
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let read = |path: &std::path::Path| -> serde_json::Value {
        serde_norway::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let mut checked = 0;
    for dir in ["data", "tests/fixtures/examples"] {
        for entry in std::fs::read_dir(util::root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            if !text.starts_with("# yaml-language-server: $schema=")
                || !text.lines().next().unwrap().ends_with("van-ban.json")
            {
                continue;
            }
            let errors: Vec<String> = validator
                .iter_errors(&read(&path))
                .map(|e| format!("{}: {e}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 15, "{checked} examples");
    let mut minutes =
        read(&util::root().join("data/bien-ban-hop-binh-dang-gioi-bat-trang-2026.yaml"));
    minutes["thi_hanh"] = serde_json::json!(["Văn phòng"]);
    assert!(!validator.is_valid(&minutes), "thi_hanh is a quyết định's");
    minutes["loai"] = serde_json::json!("quyet_dinh");
    minutes.as_object_mut().unwrap().retain(|k, _| {
        ![
            "thoi_gian",
            "dia_diem",
            "thanh_phan",
            "chu_tri",
            "thu_ky",
            "ket_thuc",
        ]
        .contains(&k.as_str())
    });
    assert!(validator.is_valid(&minutes), "as a quyết định it may");
    // Kinds vanban does not lay out are not offered.
    minutes["loai"] = serde_json::json!("hop_dong");
    assert!(!validator.is_valid(&minutes));
}
