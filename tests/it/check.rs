//! `vanban check`: the decree's rules as located findings; nothing written.

use crate::util::{self, Case};

fn run(case: &Case, file: &str) -> (Option<i32>, String) {
    let out = case.vanban(&["check", file]);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// Line (1-based) of the first line of the plan containing `needle`.
fn line_of(case: &Case, needle: &str) -> usize {
    std::fs::read_to_string(case.plan())
        .unwrap()
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no `{needle}`"))
        + 1
}

#[test]
fn the_examples_are_clean() {
    let case = Case::new();
    for file in [
        util::PLAN,
        "bao-cao-ke-hoach-binh-dang-gioi-bat-trang-2026.yaml",
    ] {
        let (code, out) = run(&case, file);
        assert_eq!(code, Some(0), "{out}");
        assert!(out.contains("0 lỗi, 0 cảnh báo"), "{out}");
    }
    assert!(case.files("out").is_empty(), "check writes nothing");
}

#[test]
fn each_rule_is_reported_where_it_is_broken() {
    let case = Case::new().edit(|y| {
        y.replace("ngay: null", "ngay: 2025-12-05")
            .replace("  - Các thôn\n", "  - Các thôn;\n")
            .replace(
                "      - tieu_de: Kinh phí thực hiện",
                "      - tieu_de: 4. Kinh phí thực hiện",
            )
            .replace("ho_ten: Dương Đăng Hòa", "ho_ten: TS. Dương Đăng Hòa")
    });
    std::fs::write(
        case.path("don-vi/bat-trang.yaml"),
        std::fs::read_to_string(case.path("don-vi/bat-trang.yaml"))
            .unwrap()
            .replace(
                "  - ho_ten: Dương Đăng Hòa",
                "  - ho_ten: TS. Dương Đăng Hòa",
            )
            .replace("chuc_vu: PHÓ CHỦ TỊCH", "chuc_vu: K/T PHÓ CHỦ TỊCH"),
    )
    .unwrap();
    std::fs::write(
        case.path("van-ban.yaml"),
        std::fs::read_to_string(case.path("van-ban.yaml"))
            .unwrap()
            .replace("so: 73/2006/QH11", "so: 73/2006"),
    )
    .unwrap();
    let (code, out) = run(&case, util::PLAN);
    assert_eq!(code, Some(1), "{out}");
    let plan = util::PLAN;
    for expected in [
        format!(
            "{plan}:{}:7: lỗi [ND30-PL1-II.4]: khóa `ngay`",
            line_of(&case, "ngay: 2025")
        ),
        format!("{plan}:{}:", line_of(&case, "  - Các thôn;")) + "5: cảnh báo [ND30-PL1-II.9]",
        format!("{plan}:{}:", line_of(&case, "tieu_de: 4. Kinh")) + "18: cảnh báo [ND30-PL1-II.6đ]",
        "lỗi [ND30-PL1-II.7c]: khóa `nguoi_ky.ho_ten`".to_string(),
        "don-vi/bat-trang.yaml:".to_string(),
        "lỗi [ND30-PL1-II.7a]: khóa `nguoi_ky[0].chuc_vu`".to_string(),
        "van-ban.yaml:".to_string(),
        "lỗi [ND30-PL1-II.6a]: khóa `luat-binh-dang-gioi.so`".to_string(),
    ] {
        assert!(out.contains(&expected), "lacks `{expected}`:\n{out}");
    }
    assert!(case.files("out").is_empty());
}

#[test]
fn render_refuses_what_check_calls_an_error_and_writes_nothing() {
    let case = Case::new().edit(|y| y.replace("ngay: null", "ngay: 2027-01-05"));
    let out = case.vanban(&["render", util::PLAN]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("[ND30-PL1-II.4]"));
    assert!(case.files("out").is_empty());
}

#[test]
fn abolished_levels_are_warned_after_the_reform() {
    let case = Case::new().edit(|y| y.replace("  - Các thôn\n", "  - UBND huyện Gia Lâm\n"));
    let (code, out) = run(&case, util::PLAN);
    assert_eq!(code, Some(0), "a warning, not an error: {out}");
    assert!(
        out.contains("cảnh báo [ND30-5]: khóa `noi_nhan[4]`"),
        "{out}"
    );
}

#[test]
fn symbols_typed_in_the_text_follow_the_number_rules() {
    let case = Case::new().edit(|y| {
        y.replace(
            "như sau:",
            "như sau (theo Công văn số 5/CV-UBND và Kế hoạch số 7/KH-UBND):",
        )
    });
    let (code, out) = run(&case, util::PLAN);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("lỗi [ND30-PL1-II.3]: khóa `mo_dau[0]`: `5/CV-UBND`"),
        "{out}"
    );
    assert!(
        out.contains("cảnh báo [ND30-PL1-II.3]: khóa `mo_dau[0]`: `7/KH-UBND`"),
        "{out}"
    );
}

#[test]
fn profiles_and_registries_are_checked_as_what_they_are() {
    let case = Case::new();
    let out = case.vanban(&[
        "check",
        util::PLAN,
        "van-ban.yaml",
        "don-vi/bat-trang.yaml",
        "don-vi/cau-giay.yaml",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("don-vi/cau-giay.yaml:") && text.contains("placeholder"),
        "{text}"
    );
    std::fs::write(
        case.path("van-ban.yaml"),
        "kh: {loai: Kế hoạch, so: 1/KH-UBND, ngayy: 2026-01-01}\n",
    )
    .unwrap();
    let out = case.vanban(&["check", "van-ban.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("van-ban.yaml:1:"));
}
