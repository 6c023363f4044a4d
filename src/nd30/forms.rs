//! The parts of each kind's form (PL3, Mẫu 1.1–1.9), named by the keys of
//! the document file that hold them.
//!
//! One table read three ways: compose refuses a key its kind does not print
//! (content is never dropped in silence), `vanban schema van-ban` offers an
//! editor only the keys of the chosen `loai`, and the README's kinds table
//! is written from the same list.

use super::DocKind;

/// What every kind has: its identity, number and date, marks, the
/// signature and Nơi nhận, phụ lục, and vanban's own bookkeeping.
pub const COMMON: &[&str] = &[
    "loai",
    "don_vi",
    "van_ban",
    "nam",
    "so",
    "ngay",
    "danh_so",
    "kieu_ngay",
    "do_khan",
    "do_mat",
    "du_thao",
    "don_vi_soan",
    "phu_luc",
    "noi_nhan",
    "luu",
    "nguoi_ky",
    "can_kiem_tra",
];

/// What the document is about: under the tên loại, a công văn's V/v, a
/// giấy giới thiệu's `Về việc`.
const SUMMARY: &[&str] = &["trich_yeu"];
/// A body of paragraphs and outline, and its closing sentence.
const BODY: &[&str] = &["mo_dau", "noi_dung", "ket_luan"];
/// The căn cứ lines and `Theo đề nghị của …` (ô 6's preamble).
const PREAMBLE: &[&str] = &["can_cu", "theo_de_nghi"];
/// Kính gửi (ô 9a), a công điện's addressees, a giấy mời's guests.
const ADDRESSED: &[&str] = &["kinh_gui"];
/// A second body issuing with the first, signing on the left.
const JOINT: &[&str] = &["lien_tich"];
/// A kế hoạch's targets, a báo cáo's targets and results.
const TARGETS: &[&str] = &["chi_tieu"];
const REPORT: &[&str] = &["ket_qua", "ton_tai", "phuong_huong", "kien_nghi"];
const DECISION: &[&str] = &["tham_quyen", "thi_hanh"];
const MEETING: &[&str] = &["thoi_gian", "dia_diem", "chu_tri"];
const MINUTES: &[&str] = &["thanh_phan", "thu_ky", "ket_thuc"];
const INVITATION: &[&str] = &["cuoc_hop"];
const INTRODUCTION: &[&str] = &["gioi_thieu", "cu_den", "gia_tri_den"];
const LEAVE: &[&str] = &["nghi_phep"];

/// The keys `kind`'s form prints beyond [`COMMON`], or none for a kind
/// vanban does not lay out.
pub fn own_keys(kind: DocKind) -> Option<Vec<&'static str>> {
    use DocKind::*;
    let groups: &[&[&str]] = match kind {
        KeHoach => &[SUMMARY, BODY, PREAMBLE, ADDRESSED, JOINT, TARGETS],
        ToTrinh | ThongBao | ChiThi | HuongDan | ChuongTrinh | PhuongAn | DeAn | DuAn | QuyChe
        | QuyDinh | ThongCao | CongVan => &[SUMMARY, BODY, PREAMBLE, ADDRESSED, JOINT],
        BaoCao => &[SUMMARY, BODY, PREAMBLE, ADDRESSED, JOINT, TARGETS, REPORT],
        QuyetDinh | NghiQuyet => &[SUMMARY, BODY, PREAMBLE, JOINT, DECISION],
        CongDien => &[SUMMARY, BODY, ADDRESSED, JOINT],
        // Two signatures already: the chair's and the secretary's.
        BienBan => &[SUMMARY, BODY, MEETING, MINUTES],
        GiayMoi => &[SUMMARY, BODY, ADDRESSED, JOINT, MEETING, INVITATION],
        // The form's lines are all it has: no body of its own.
        GiayGioiThieu => &[SUMMARY, JOINT, INTRODUCTION],
        // No trích yếu and no body: the form's lines only.
        GiayNghiPhep => &[JOINT, LEAVE],
        HopDong | BanGhiNho | BanThoaThuan | GiayUyQuyen | PhieuGui | PhieuChuyen | PhieuBao
        | ThuCong => return None,
    };
    Some(groups.concat())
}

/// Whether `kind`'s form prints what `key` holds.
pub fn prints(kind: DocKind, key: &str) -> bool {
    COMMON.contains(&key) || own_keys(kind).is_some_and(|keys| keys.contains(&key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_prints_its_own_parts_only() {
        assert!(prints(DocKind::QuyetDinh, "thi_hanh"));
        assert!(!prints(DocKind::CongVan, "thi_hanh"));
        assert!(prints(DocKind::BienBan, "thu_ky"));
        assert!(!prints(DocKind::BienBan, "lien_tich"));
        assert!(!prints(DocKind::GiayGioiThieu, "noi_dung"));
        assert!(prints(DocKind::KeHoach, "chi_tieu") && !prints(DocKind::ToTrinh, "chi_tieu"));
    }
}
