//! Hard edges beyond one bad file (those are `tests/cases/bad/`, checked
//! by `cases.rs`): a file too large to read, odd but valid input that
//! renders as the clerk meant, and outputs that must not go astray.

use crate::util::{self, Case};

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
