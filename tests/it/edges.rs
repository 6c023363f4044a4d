//! Hard edges: broken, hostile and odd inputs. Each is refused with a
//! message that names what is wrong (and where), and nothing is written;
//! or, where the input is odd but valid, it renders as the clerk meant.

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

fn plan_text(s: &str) -> Case {
    let case = Case::new();
    std::fs::write(case.plan(), s).unwrap();
    case
}

fn replace(from: &str, to: &str) -> Case {
    let (from, to) = (from.to_string(), to.to_string());
    Case::new().edit(move |y| y.replacen(&from, &to, 1))
}

macro_rules! edge {
    ($name:ident, $case:expr, [$($needle:expr),*]) => {
        #[test]
        fn $name() {
            refused($case, &[$($needle),*]);
        }
    };
}

// Malformed YAML.
edge!(
    unclosed_flow_sequence,
    replace("luu: [VHXH]", "luu: [VHXH"),
    [util::PLAN, "YAML sai cú pháp"]
);
edge!(
    bad_indentation,
    replace("nam: 2026", "nam: 2026\n  so: 5"),
    [util::PLAN, ":"]
);
edge!(
    tab_indentation,
    replace("  - Sở Nội vụ TP Hà Nội", "\t- Sở Nội vụ TP Hà Nội"),
    [util::PLAN]
);
edge!(
    duplicate_key,
    replace("nam: 2026", "nam: 2026\nnam: 2027"),
    [util::PLAN, "nam"]
);
edge!(empty_file, plan_text(""), ["tệp rỗng"]);
edge!(
    only_comments,
    plan_text("# chỉ có chú thích\n"),
    ["tệp rỗng"]
);
edge!(not_a_map, plan_text("- a\n- b\n"), [util::PLAN, "sai kiểu"]);
edge!(
    not_utf8,
    {
        let c = Case::new();
        std::fs::write(c.plan(), b"nam: \xff\xfe\n").unwrap();
        c
    },
    ["UTF-8"]
);
// Wrong types.
edge!(
    year_as_text,
    replace("nam: 2026", "nam: hai nghìn"),
    ["nam", "sai kiểu"]
);
edge!(year_too_big, replace("nam: 2026", "nam: 99999"), ["nam"]);
edge!(number_negative, replace("so: null", "so: -5"), ["so"]);
edge!(
    number_as_text,
    replace("so: null", "so: năm"),
    ["so", "một số nguyên"]
);
edge!(
    list_where_text,
    replace("trich_yeu: >-", "trich_yeu: [a, b]\nx: >-"),
    ["trich_yeu"]
);
edge!(
    map_where_list,
    replace("luu: [VHXH]", "luu: {a: b}"),
    ["luu", "sai kiểu"]
);
edge!(
    unknown_kind,
    replace("loai: ke_hoach", "loai: ke_hoac"),
    ["loai", "ke_hoac"]
);
edge!(
    kind_without_template,
    replace("loai: ke_hoach", "loai: quyet_dinh"),
    ["loai", "QUYẾT ĐỊNH"]
);
edge!(
    old_authority_prefix,
    replace("hinh_thuc: KT", "hinh_thuc: K/T"),
    ["hinh_thuc", "K/T"]
);
// Unknown and missing keys.
edge!(
    unknown_top_key,
    replace("luu: [VHXH]", "luuu: [VHXH]"),
    ["luuu", "có phải ý bạn là `luu`"]
);
edge!(
    unknown_nested_key,
    replace("    phan_cong:", "    phancong:"),
    ["phancong", "phan_cong"]
);
edge!(
    missing_signer,
    replace("  ho_ten: Dương Đăng Hòa", "  chuc_vu: X"),
    ["nguoi_ky"]
);
edge!(
    missing_summary,
    replace("trich_yeu: >-", "tom_tat: >-"),
    ["tom_tat"]
);
edge!(
    unit_without_name,
    replace("      - phong_ban: KT\n", "      - nhiem_vu_khac: 1\n"),
    ["nhiem_vu_khac"]
);
edge!(
    missing_profile_file,
    replace(
        "don_vi: don-vi/bat-trang.yaml",
        "don_vi: don-vi/khong-co.yaml"
    ),
    ["khong-co.yaml", "không đọc được"]
);
edge!(
    missing_registry_file,
    replace("van_ban: van-ban.yaml", "van_ban: khong-co.yaml"),
    ["khong-co.yaml"]
);
// Impossible dates.
edge!(
    february_30,
    replace("ngay: null", "ngay: 2026-02-30"),
    ["ngay", "không tồn tại"]
);
edge!(
    month_13,
    replace("ngay: null", "ngay: 2026-13-01"),
    ["ngay"]
);
edge!(
    date_in_another_year,
    replace("ngay: null", "ngay: 2025-12-31"),
    ["[ND30-PL1-II.4]"]
);
edge!(
    date_slashes,
    replace("ngay: null", "ngay: 14/02/2026"),
    ["NNNN-TT-NN"]
);
// Characters.
edge!(emoji, replace("như sau:", "như sau 😀:"), ["U+1F600"]);
edge!(cjk, replace("như sau:", "như sau 中:"), ["U+4E2D"]);
edge!(
    control_character,
    replace("như sau:", "như sau\u{7}:"),
    [util::PLAN]
);
// References.
edge!(
    unknown_reference,
    replace("{vb:kh-67-2026-ubnd-ha-noi}", "{vb:kh-99}"),
    ["kh-99"]
);
edge!(
    unknown_department,
    replace("phong_ban: KT", "phong_ban: KTE"),
    ["KTE"]
);
edge!(
    unknown_archive_code,
    replace("luu: [VHXH]", "luu: [VT]"),
    ["`VT`"]
);
// Hostile structure.
edge!(
    deep_nesting,
    plan_text(&format!(
        "loai: ke_hoach\nx: {}{}\n",
        "[".repeat(5000),
        "]".repeat(5000)
    )),
    [util::PLAN]
);
edge!(
    alias_bomb_is_bounded,
    plan_text(&alias_bomb()),
    [util::PLAN]
);

fn alias_bomb() -> String {
    let mut s = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let prev = (b'a' + (i - 1) as u8) as char;
        let cur = (b'a' + i as u8) as char;
        s.push_str(&format!("{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
    }
    s
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
