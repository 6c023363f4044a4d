//! The national list inside vanban: finding a unit, writing its profile,
//! and each province citing its own documents in a batch.

use crate::util::{self, Case};

#[test]
fn don_vi_tim_finds_a_unit_typed_without_tones() {
    let case = Case::new();
    let out = case.vanban_ok(&["don-vi", "tim", "gia lam"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let first = stdout.lines().next().unwrap_or_default();
    assert!(first.starts_with("Gia Lâm (Thành phố Hà Nội)"), "{stdout}");
    assert!(
        stdout.contains("Gia Lâm (Tỉnh Ninh Bình)"),
        "every unit of that name, with its province: {stdout}"
    );
    let out = case.vanban_ok(&["don-vi", "tim", "GIA LAM", "--tinh", "ninh binh"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        1,
        "--tinh narrows to one province"
    );
    let out = case.vanban(&["don-vi", "tim", "khong co xa nay"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("không có đơn vị nào"));
}

#[test]
fn don_vi_tao_writes_a_profile_that_renders_the_seed_for_that_commune() {
    let case = Case::new();
    let out = case.vanban_ok(&[
        "don-vi",
        "tao",
        "Gia Lâm",
        "--tinh",
        "Hà Nội",
        "-o",
        "don-vi/gia-lam-moi.yaml",
    ]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.starts_with("don-vi/gia-lam-moi.yaml: hồ sơ đơn vị xã Gia Lâm (Thành phố Hà Nội)"),
        "names the file written: {said}"
    );
    assert!(said.contains("«Họ và tên Phó chủ tịch»"), "{said}");

    let again = case.vanban(&[
        "don-vi",
        "tao",
        "Gia Lâm",
        "--tinh",
        "Hà Nội",
        "-o",
        "don-vi/gia-lam-moi.yaml",
    ]);
    assert_eq!(again.status.code(), Some(2), "refuses to overwrite");
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));

    let out = case.vanban_ok(&[
        "render",
        util::PLAN,
        "--don-vi",
        "don-vi/gia-lam-moi.yaml",
        "-o",
        "gl",
    ]);
    let warnings = String::from_utf8_lossy(&out.stderr);
    assert!(
        warnings.contains("giá trị chưa điền `«Họ và tên Chủ tịch»`")
            && warnings.contains("giá trị chưa điền `«Họ và tên Phó chủ tịch»`"),
        "lists its placeholders: {warnings}"
    );
    assert!(warnings.contains("cần xác minh"), "{warnings}");
    let paras = case.paragraphs("gl/ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    let docx = paras.join("\n");
    assert!(docx.contains("XÃ GIA LÂM"), "{docx}");
    assert!(docx.contains("«Họ và tên Phó chủ tịch»"));
    assert!(!docx.contains("Bát Tràng") && !docx.contains("BÁT TRÀNG"));
    if util::need("pdftotext", "reads the PDF's text") {
        let pdf = util::pdf_text(&case.path("gl/ke-hoach-binh-dang-gioi-bat-trang-2026.pdf"));
        assert!(pdf.contains("XÃ GIA LÂM"));
        assert!(!pdf.contains("Bát Tràng") && !pdf.contains("BÁT TRÀNG"));
    }
}

#[test]
fn don_vi_tao_asks_which_when_a_name_is_in_two_provinces() {
    let case = Case::new();
    let out = case.vanban(&["don-vi", "tao", "gia lam"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Gia Lâm (Hà Nội)") && stderr.contains("Gia Lâm (Ninh Bình)"),
        "{stderr}"
    );
    assert!(stderr.contains("--tinh"), "{stderr}");
    assert!(
        case.files(".").iter().all(|f| f != "gia-lam.yaml"),
        "nothing written"
    );
}

#[test]
fn a_province_s_own_plan_is_cited_for_its_units() {
    let case = Case::new();
    let registry = case.path("van-ban.yaml");
    let text = std::fs::read_to_string(&registry).unwrap();
    let text = text.replace(
        "  trich_yeu: Triển khai thực hiện công tác bình đẳng giới",
        "  cac_tinh:\n    Đồng Nai: {so: 45/KH-UBND, ngay: 2026-03-02, co_quan: UBND tỉnh Đồng Nai}\n  \
         trich_yeu: Triển khai thực hiện công tác bình đẳng giới",
    );
    assert!(text.contains("Đồng Nai: {so: 45/KH-UBND"), "edit applied");
    std::fs::write(&registry, text).unwrap();
    let out = case.vanban_ok(&[
        "batch",
        util::PLAN,
        "--tinh",
        "Đồng Nai",
        "--cap",
        "xa",
        "-f",
        "docx",
        "-o",
        "dn",
    ]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Xong 95 đơn vị, lỗi 0"));
    let paras = case.paragraphs("dn/xa-loc-thanh/ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    let opening = paras
        .iter()
        .find(|p| p.starts_with("Thực hiện Kế hoạch"))
        .expect("the opening cites the plan it carries out");
    assert!(
        opening.contains("Kế hoạch số 45/KH-UBND ngày 02/3/2026 của UBND tỉnh Đồng Nai"),
        "{opening}"
    );
    assert!(!opening.contains("67/KH-UBND") && !opening.contains("Hà Nội"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("placeholders remain"), "{stderr}");
}

#[test]
fn a_province_without_its_own_entry_gets_placeholders_and_the_summary_counts_them() {
    let case = Case::new();
    let out = case.vanban_ok(&[
        "batch",
        util::PLAN,
        "--tinh",
        "Huế",
        "-f",
        "docx",
        "-o",
        "hue",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("văn bản của 40 đơn vị còn giá trị «…» cần điền"),
        "{stderr}"
    );
    let paras = case.paragraphs("hue/phuong-an-cuu/ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    let opening = paras
        .iter()
        .find(|p| p.starts_with("Thực hiện Kế hoạch"))
        .unwrap();
    assert!(
        opening.contains("Kế hoạch số «số, ký hiệu» ngày «ngày» của «cơ quan ban hành»"),
        "{opening}"
    );
}

#[test]
fn version_names_the_decree() {
    let out = Case::new().vanban_ok(&["--version"]);
    let v = String::from_utf8_lossy(&out.stdout);
    assert!(
        v.starts_with(&format!("vanban {}", env!("CARGO_PKG_VERSION"))),
        "{v}"
    );
    assert!(v.contains("Nghị định 30/2020/NĐ-CP"), "{v}");
}
