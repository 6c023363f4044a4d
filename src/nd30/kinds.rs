//! The 29 kinds of administrative document (Điều 7) and their codes (PL3 §I).

use super::Mark;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Tên loại văn bản. The YAML key is the Vietnamese name without diacritics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    NghiQuyet,
    QuyetDinh,
    ChiThi,
    QuyChe,
    QuyDinh,
    ThongCao,
    ThongBao,
    HuongDan,
    ChuongTrinh,
    KeHoach,
    PhuongAn,
    DeAn,
    DuAn,
    BaoCao,
    BienBan,
    ToTrinh,
    HopDong,
    CongDien,
    BanGhiNho,
    BanThoaThuan,
    GiayUyQuyen,
    GiayMoi,
    GiayGioiThieu,
    GiayNghiPhep,
    PhieuGui,
    PhieuChuyen,
    PhieuBao,
    CongVan,
    ThuCong,
}

impl DocKind {
    /// Every kind, in the order of the decree's table (PL3 §I).
    pub const ALL: [DocKind; 29] = {
        use DocKind::*;
        [
            NghiQuyet,
            QuyetDinh,
            ChiThi,
            QuyChe,
            QuyDinh,
            ThongCao,
            ThongBao,
            HuongDan,
            ChuongTrinh,
            KeHoach,
            PhuongAn,
            DeAn,
            DuAn,
            BaoCao,
            BienBan,
            ToTrinh,
            HopDong,
            CongDien,
            BanGhiNho,
            BanThoaThuan,
            GiayUyQuyen,
            GiayMoi,
            GiayGioiThieu,
            GiayNghiPhep,
            PhieuGui,
            PhieuChuyen,
            PhieuBao,
            CongVan,
            ThuCong,
        ]
    };

    /// How the outline is numbered when the document names no `danh_so`: a
    /// decision or resolution in articles, a công văn or công điện from
    /// `1.`, the other kinds from `I.` (PL1 II.6đ, V.6b).
    pub fn default_scheme(self) -> &'static [Mark] {
        use DocKind::*;
        match self {
            QuyetDinh | NghiQuyet => &[Mark::Article, Mark::Arabic, Mark::Letter],
            CongVan | BienBan => &[Mark::Arabic, Mark::Letter],
            CongDien => &[Mark::Arabic, Mark::Parenthesised],
            _ => &super::PLAN_SCHEME,
        }
    }

    /// Abbreviation used in the ký hiệu (`KH` in `12/KH-UBND`). Công văn and
    /// thư công have none: their ký hiệu is body + drafting unit.
    pub fn code(self) -> Option<&'static str> {
        use DocKind::*;
        Some(match self {
            NghiQuyet => "NQ",
            QuyetDinh => "QĐ",
            ChiThi => "CT",
            QuyChe => "QC",
            QuyDinh => "QyĐ",
            ThongCao => "TC",
            ThongBao => "TB",
            HuongDan => "HD",
            ChuongTrinh => "CTr",
            KeHoach => "KH",
            PhuongAn => "PA",
            DeAn => "ĐA",
            DuAn => "DA",
            BaoCao => "BC",
            BienBan => "BB",
            ToTrinh => "TTr",
            HopDong => "HĐ",
            CongDien => "CĐ",
            BanGhiNho => "BGN",
            BanThoaThuan => "BTT",
            GiayUyQuyen => "GUQ",
            GiayMoi => "GM",
            GiayGioiThieu => "GGT",
            GiayNghiPhep => "GNP",
            PhieuGui => "PG",
            PhieuChuyen => "PC",
            PhieuBao => "PB",
            CongVan | ThuCong => return None,
        })
    }

    /// Tên loại as running text names it: `Kế hoạch`, `Quyết định`.
    pub fn name(self) -> String {
        super::sentence_case(self.title())
    }

    /// Tên loại as printed in the title block (ô 5a), upper case.
    pub fn title(self) -> &'static str {
        use DocKind::*;
        match self {
            NghiQuyet => "NGHỊ QUYẾT",
            QuyetDinh => "QUYẾT ĐỊNH",
            ChiThi => "CHỈ THỊ",
            QuyChe => "QUY CHẾ",
            QuyDinh => "QUY ĐỊNH",
            ThongCao => "THÔNG CÁO",
            ThongBao => "THÔNG BÁO",
            HuongDan => "HƯỚNG DẪN",
            ChuongTrinh => "CHƯƠNG TRÌNH",
            KeHoach => "KẾ HOẠCH",
            PhuongAn => "PHƯƠNG ÁN",
            DeAn => "ĐỀ ÁN",
            DuAn => "DỰ ÁN",
            BaoCao => "BÁO CÁO",
            BienBan => "BIÊN BẢN",
            ToTrinh => "TỜ TRÌNH",
            HopDong => "HỢP ĐỒNG",
            CongDien => "CÔNG ĐIỆN",
            BanGhiNho => "BẢN GHI NHỚ",
            BanThoaThuan => "BẢN THỎA THUẬN",
            GiayUyQuyen => "GIẤY ỦY QUYỀN",
            GiayMoi => "GIẤY MỜI",
            GiayGioiThieu => "GIẤY GIỚI THIỆU",
            GiayNghiPhep => "GIẤY NGHỈ PHÉP",
            PhieuGui => "PHIẾU GỬI",
            PhieuChuyen => "PHIẾU CHUYỂN",
            PhieuBao => "PHIẾU BÁO",
            CongVan => "CÔNG VĂN",
            ThuCong => "THƯ CÔNG",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_the_abbreviation_table() {
        assert_eq!(DocKind::KeHoach.code(), Some("KH"));
        assert_eq!(DocKind::QuyDinh.code(), Some("QyĐ"));
        assert_eq!(DocKind::ToTrinh.code(), Some("TTr"));
        assert_eq!(DocKind::ChuongTrinh.code(), Some("CTr"));
        assert_eq!(DocKind::BaoCao.code(), Some("BC"));
        // A công văn has no type code: `CV` is a common mistake (§6.6).
        assert_eq!(DocKind::CongVan.code(), None);
    }

    #[test]
    fn yaml_names_are_the_terms_without_diacritics() {
        let k: DocKind = serde_norway::from_str("ke_hoach").unwrap();
        assert_eq!(k, DocKind::KeHoach);
        let k: DocKind = serde_norway::from_str("cong_van").unwrap();
        assert_eq!(k, DocKind::CongVan);
    }
}
