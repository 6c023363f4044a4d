//! Hard edges beyond one bad file (those are `tests/cases/bad/`, checked
//! by `cases.rs`): a file too large to read, odd but valid input that
//! renders as the clerk meant, and outputs that must not go astray.

use crate::util::{self, measured, Case};

/// Render `case` and expect a refusal mentioning every `needle`.
fn refused(case: Case, needles: &[&str]) {
    let out = case.vanban(&["render", util::PLAN, "-o", "out"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "should be refused; stderr:\n{err}"
    );
    for n in needles {
        assert!(err.contains(n), "message lacks `{n}`:\n{err}");
    }
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        case.files("out").is_empty(),
        "nothing written: {:?}",
        case.files("out")
    );
}

fn replace(from: &str, to: &str) -> Case {
    let (from, to) = (from.to_string(), to.to_string());
    Case::new().edit(move |y| y.replacen(&from, &to, 1))
}

#[test]
fn a_50_mb_file_is_refused_without_running_out_of_memory() {
    let case = Case::new();
    let mut text = std::fs::read_to_string(case.plan()).unwrap();
    text.push('#');
    text.push_str(&"x".repeat(50 << 20));
    std::fs::write(case.plan(), text).unwrap();
    refused(case, &[util::PLAN, "quá lớn"]);
}

#[test]
fn over_long_text_still_renders() {
    let long = "rất dài ".repeat(3000);
    let case = replace("như sau:", &format!("như sau: {long}"));
    case.vanban_ok(&["render", util::PLAN, "-f", "docx"]);
}

#[test]
fn nfd_input_renders_as_nfc() {
    use unicode_normalization::UnicodeNormalization;
    let case = Case::new();
    let nfd: String = std::fs::read_to_string(case.plan())
        .unwrap()
        .nfd()
        .collect();
    std::fs::write(case.plan(), nfd).unwrap();
    case.vanban_ok(&["render", util::PLAN, "-f", "docx", "-o", "nfd"]);
    let nfc = Case::new();
    assert!(nfc
        .vanban(&["render", util::PLAN, "-f", "docx", "-o", "nfc"])
        .status
        .success());
    let text = |c: &Case, dir: &str| {
        c.paragraphs(&format!(
            "{dir}/ke-hoach-binh-dang-gioi-bat-trang-2026.docx"
        ))
    };
    assert_eq!(text(&case, "nfd"), text(&nfc, "nfc"));
}

#[test]
fn output_folder_that_is_a_file_is_an_error_not_a_panic() {
    let case = Case::new();
    std::fs::write(case.path("tep"), "x").unwrap();
    let out = case.vanban(&["render", util::PLAN, "-o", "tep"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("tep") && !err.contains("panicked"), "{err}");
}

#[test]
fn unwritable_output_folder_is_an_error_and_leaves_nothing() {
    // /proc refuses new entries even to root, so this holds in CI too.
    let case = Case::new();
    let out = case.vanban(&["render", util::PLAN, "-o", "/proc/vanban-ra"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("/proc/vanban-ra") && !err.contains("panicked"),
        "{err}"
    );
    assert!(!std::path::Path::new("/proc/vanban-ra").exists());
}

#[test]
fn an_output_that_is_a_symlink_is_not_written_through() {
    let case = Case::new();
    std::fs::create_dir(case.path("out")).unwrap();
    std::fs::write(case.path("nan-nhan.txt"), "giữ nguyên").unwrap();
    std::os::unix::fs::symlink(
        case.path("nan-nhan.txt"),
        case.path("out/ke-hoach-binh-dang-gioi-bat-trang-2026.pdf"),
    )
    .unwrap();
    let out = case.vanban(&["render", util::PLAN]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("symlink"));
    assert_eq!(
        std::fs::read_to_string(case.path("nan-nhan.txt")).unwrap(),
        "giữ nguyên"
    );
    assert_eq!(
        case.files("out"),
        ["ke-hoach-binh-dang-gioi-bat-trang-2026.pdf"],
        "nothing else written"
    );
}

#[test]
fn outputs_stay_inside_the_output_folder() {
    let case = Case::new();
    std::fs::create_dir(case.path("sub")).unwrap();
    case.vanban_ok(&[
        "render",
        "sub/../ke-hoach-binh-dang-gioi-bat-trang-2026.yaml",
        "-f",
        "docx",
        "-o",
        "ra",
    ]);
    assert_eq!(
        case.files("ra"),
        ["ke-hoach-binh-dang-gioi-bat-trang-2026.docx"]
    );
}

/// A document of the seed's profile whose body is `body` (YAML lines under
/// `noi_dung:`), written as `name` in a fresh case.
fn pathological(name: &str, body: &str) -> Case {
    let case = Case::new();
    let head = "loai: ke_hoach\ndon_vi: don-vi/bat-trang.yaml\nvan_ban: van-ban.yaml\nnam: 2026\n\
                trich_yeu: Kiểm tra\nnguoi_ky: { ho_ten: Dương Đăng Hòa }\nnoi_nhan: [Như trên]\n\
                luu: [VHXH]\nnoi_dung:\n";
    std::fs::write(case.path(name), format!("{head}{body}")).unwrap();
    case
}

/// Each pathological document is refused with a message saying what to do,
/// well within a hang guard of a minute and 512 MB (the figures with the
/// limit raised are in the benchmark).
#[test]
fn pathological_documents_are_refused_quickly_in_bounded_memory() {
    let khoan: String = (0..100_000)
        .map(|i| format!("      - Khoản số {i} của kế hoạch.\n"))
        .collect();
    let rows: String = (0..20_000)
        .map(|i| format!("        - [{i}, Tên dòng {i}, Ghi chú]\n"))
        .collect();
    let cases = [
        ("tu-dai.yaml", format!("  - {}\n", "x".repeat(200_000)), "dài hơn cả một dòng"),
        ("doan-5mb.yaml", format!("  - \"{}\"\n", "chữ ".repeat(1_250_000)), "--trang-toi-da"),
        ("100000-khoan.yaml", format!("  - muc: MỤC\n    khoan:\n{khoan}"), "--trang-toi-da"),
        (
            "bang-20000-dong.yaml",
            format!("  - bang:\n      cot: [{{ten: STT}}, {{ten: Tên}}, {{ten: Ghi chú}}]\n      dong:\n{rows}"),
            "--trang-toi-da",
        ),
    ];
    for (name, body, says) in cases {
        let case = pathological(name, &body);
        let run = measured(case.dir.path(), &["render", name]);
        assert!(!run.status.success(), "{name} should be refused");
        assert!(
            run.output.contains(says) && run.output.contains(name),
            "{name}:\n{}",
            run.output
        );
        assert!(
            run.wall < std::time::Duration::from_secs(60),
            "{name}: {:?}",
            run.wall
        );
        assert!(run.peak_mb < 512.0, "{name}: peak {:.0} MB", run.peak_mb);
        assert!(case.files("out").is_empty(), "{name}: nothing written");
    }
}

#[test]
fn a_long_document_renders_once_its_limit_is_raised() {
    let rows: String = (0..600)
        .map(|i| format!("        - [{i}, Tên dòng {i}, Ghi chú]\n"))
        .collect();
    let case = pathological(
        "bang-600-dong.yaml",
        &format!("  - bang:\n      cot: [{{ten: STT}}, {{ten: Tên}}, {{ten: Ghi chú}}]\n      dong:\n{rows}"),
    );
    let refused = case.vanban(&["render", "bang-600-dong.yaml", "--trang-toi-da", "10"]);
    assert!(!refused.status.success());
    case.vanban_ok(&[
        "render",
        "bang-600-dong.yaml",
        "-f",
        "docx",
        "--trang-toi-da",
        "30",
    ]);
}
