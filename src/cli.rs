//! Command-line interface (clap derive; doc comments are the help text).

use crate::render::Format;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// `vanban --version`: the program's version and the decree it implements.
static VERSION: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!("{} ({})", env!("CARGO_PKG_VERSION"), crate::nd30::EDITION)
});

/// vanban: văn bản hành chính theo Nghị định 30/2020/NĐ-CP, từ YAML ra DOCX và PDF.
#[derive(Debug, Parser)]
#[command(name = "vanban", version = VERSION.as_str(), about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Dựng văn bản từ tệp YAML (render a document to DOCX and PDF).
    Render(RenderArgs),
    /// Kiểm tra văn bản theo Nghị định 30, không ghi gì (check documents, write nothing).
    Check(CheckArgs),
    /// In JSON Schema của tệp đầu vào, cho trình soạn thảo (print the input's JSON Schema).
    Schema {
        /// Loại tệp (which file).
        #[arg(value_enum, default_value = "van-ban")]
        kind: crate::input::SchemaKind,
    },
    /// Soạn kế hoạch năm sau từ kế hoạch năm nay (draft next year's plan).
    NextYear(NextYearArgs),
    /// Dựng một văn bản cho mỗi đơn vị (one document per unit, in parallel).
    Batch(BatchArgs),
    /// Soạn báo cáo kết quả thực hiện từ kế hoạch (draft the plan's year-end report).
    Report(ReportArgs),
    /// Đọc văn bản Word (DOCX, DOC) thành tệp YAML của vanban, kèm hồ sơ đơn vị và
    /// danh mục văn bản trích dẫn (import a Word file as vanban's YAML).
    Import(ImportArgs),
    /// Soạn văn bản trong trình duyệt, xem trang in ngay khi gõ (edit the
    /// folder's documents in a browser, with their pages beside them).
    Serve(ServeArgs),
    /// Đơn vị hành chính cả nước: tìm, tạo hồ sơ (the national list of units).
    DonVi {
        #[command(subcommand)]
        command: DonViCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum DonViCommand {
    /// Tìm đơn vị theo tên, không cần dấu, không phân biệt hoa thường
    /// (find units by name, tones and case ignored).
    Tim {
        /// Tên hoặc một phần tên: `gia lam` (name or part of it).
        ten: String,
        #[command(flatten)]
        list: ListArgs,
    },
    /// Ghi hồ sơ đơn vị cho một xã, phường, đặc khu của danh sách
    /// (write a unit profile for a unit of the list).
    Tao {
        /// Tên đơn vị: `Gia Lâm` (the unit's name).
        ten: String,
        #[command(flatten)]
        list: ListArgs,
        /// Cấp của đơn vị: xa, phuong, dac-khu, hoặc doan (đoán từ đơn vị cũ)
        /// (the level; guessed from the former units by default).
        #[arg(long, value_enum, default_value = "doan")]
        cap: crate::national::Level,
        /// Tệp ghi ra; mặc định `<tên>.yaml` trong thư mục hiện tại
        /// (output file; `gia-lam.yaml` by default).
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// Ghi đè nếu tệp đích đã có (overwrite an existing file).
        #[arg(long)]
        force: bool,
    },
}

/// Which list of units, and which province of it.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Chỉ trong tỉnh này: `Hà Nội`, `ha noi`, `TP HCM` (only in this province).
    #[arg(long)]
    pub tinh: Option<String>,
    /// Danh sách của riêng mình, cùng ba cột với danh sách có sẵn
    /// (a list of one's own instead of the built-in one).
    #[arg(long)]
    pub csv: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Kế hoạch cần báo cáo (the plan).
    pub file: PathBuf,
    #[command(flatten)]
    pub output: DraftOutput,
}

/// Where a drafting command (`next-year`, `report`) writes its YAML.
#[derive(Debug, clap::Args)]
pub struct DraftOutput {
    /// Tệp ghi ra; mặc định đặt cạnh tệp gốc (output file; beside the input by default).
    #[arg(short, long)]
    pub out: Option<PathBuf>,
    /// Ghi đè nếu tệp đích đã có (overwrite an existing output).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("units").required(true).args(["don_vi_dir", "tinh", "ca_nuoc"])))]
pub struct BatchArgs {
    /// Tệp YAML của văn bản (the document's YAML file).
    pub file: PathBuf,
    /// Thư mục hồ sơ đơn vị, mỗi tệp một đơn vị (folder of unit profiles).
    #[arg(long = "don-vi-dir")]
    pub don_vi_dir: Option<PathBuf>,
    /// Các đơn vị của tỉnh này trong danh sách cả nước có sẵn: `Hà Nội`,
    /// `ha noi`, `TP HCM` (the units of one province of the built-in list).
    #[arg(long, conflicts_with = "don_vi_dir")]
    pub tinh: Option<String>,
    /// Mọi đơn vị của danh sách, mỗi tỉnh một thư mục (every unit, a folder per province).
    #[arg(long, conflicts_with_all = ["don_vi_dir", "tinh"])]
    pub ca_nuoc: bool,
    /// Danh sách của riêng mình thay cho danh sách có sẵn: CSV ba cột tỉnh,
    /// tên mới, đơn vị cũ (a list of one's own, with --tinh or --ca-nuoc).
    #[arg(long, conflicts_with = "don_vi_dir")]
    pub csv: Option<PathBuf>,
    /// Cấp của các đơn vị trong danh sách: xa, phuong, dac-khu, hoặc doan (đoán
    /// từ đơn vị cũ); danh sách không ghi cấp (the list does not tell the level).
    #[arg(long, value_enum, default_value = "doan")]
    pub cap: crate::national::Level,
    /// Thư mục ghi kết quả; mỗi đơn vị một thư mục con (output folder).
    #[arg(short, long, default_value = "out")]
    pub out: PathBuf,
    /// Định dạng ra; mặc định cả hai (output format; both by default).
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
    /// Câu chữ riêng thay cho câu chữ có sẵn, như `render --templates`
    /// (the wording `render` would use).
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Số đơn vị dựng cùng lúc; mặc định bằng số lõi máy cho phép dùng
    /// (units rendered at once; by default the cores this process may use).
    #[arg(short = 'j', long, value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Số trang tối đa của một văn bản, như `render --trang-toi-da`
    /// (the longest document rendered, in pages).
    #[arg(long = "trang-toi-da", default_value_t = crate::render::MAX_PAGES)]
    pub max_pages: usize,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Các tệp cần kiểm tra: YAML của vanban, hoặc văn bản Word (.docx)
    /// (documents to check: vanban's YAML, or Word files).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Kiểm tra như khi dựng cho đơn vị khác (check as rendered for another unit).
    #[arg(long = "don-vi")]
    pub don_vi: Option<PathBuf>,
    /// Câu chữ riêng thay cho câu chữ có sẵn, như `render --templates`
    /// (check with the wording `render` would use).
    #[arg(long)]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Tệp Word: .docx, hoặc .doc khi có LibreOffice (the Word file).
    pub file: PathBuf,
    #[command(flatten)]
    pub output: DraftOutput,
}

#[derive(Debug, clap::Args)]
pub struct NextYearArgs {
    /// Kế hoạch năm nay (this year's plan); tệp này không bị sửa.
    pub file: PathBuf,
    #[command(flatten)]
    pub output: DraftOutput,
}

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// Tệp YAML của văn bản (the document's YAML file).
    pub file: PathBuf,
    /// Thư mục ghi kết quả (output folder).
    #[arg(short, long, default_value = "out")]
    pub out: PathBuf,
    /// Định dạng ra; mặc định cả hai (output format; both by default).
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
    /// Dựng cho đơn vị khác: tệp hồ sơ đơn vị (render for another unit's profile).
    #[arg(long = "don-vi")]
    pub don_vi: Option<PathBuf>,
    /// Thư mục câu chữ riêng: tệp cùng tên với `templates/ke_hoach.yaml`,
    /// `bao_cao.yaml` thay các khóa nó ghi (wording overriding the built-in one).
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Số trang tối đa của một văn bản; văn bản dài hơn bị từ chối trước khi
    /// dàn trang (the longest document rendered, in pages).
    #[arg(long = "trang-toi-da", default_value_t = crate::render::MAX_PAGES)]
    pub max_pages: usize,
    /// PDF/A-2b để lưu trữ (archival PDF).
    #[arg(long)]
    pub pdfa: bool,
}

/// `vanban serve`: a local page, on 127.0.0.1 only, opened with the address
/// it prints (which holds a random access token).
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Thư mục chứa văn bản, hồ sơ đơn vị, danh mục (the folder to edit).
    #[arg(default_value = ".")]
    pub folder: PathBuf,
    /// Cổng; mặc định để hệ thống chọn một cổng trống (port; by default a free one).
    #[arg(short, long, default_value_t = 0)]
    pub port: u16,
    /// Thư mục câu chữ riêng, như `render --templates` (wording overriding the built-in one).
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Số trang tối đa của một văn bản, như `render --trang-toi-da`
    /// (the longest document rendered, in pages).
    #[arg(long = "trang-toi-da", default_value_t = crate::render::MAX_PAGES)]
    pub max_pages: usize,
}
