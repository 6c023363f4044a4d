//! Command-line interface (clap derive; doc comments are the help text).

use crate::render::Format;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// vanban: văn bản hành chính theo Nghị định 30/2020/NĐ-CP, từ YAML ra DOCX và PDF.
#[derive(Debug, Parser)]
#[command(name = "vanban", version, about, long_about = None)]
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
#[command(group(clap::ArgGroup::new("units").required(true).args(["don_vi_dir", "csv"])))]
pub struct BatchArgs {
    /// Tệp YAML của văn bản (the document's YAML file).
    pub file: PathBuf,
    /// Thư mục hồ sơ đơn vị, mỗi tệp một đơn vị (folder of unit profiles).
    #[arg(long = "don-vi-dir")]
    pub don_vi_dir: Option<PathBuf>,
    /// Danh sách đơn vị hành chính CSV: tỉnh, tên mới, đơn vị cũ (units from the national list).
    #[arg(long)]
    pub csv: Option<PathBuf>,
    /// Chỉ lấy các đơn vị của tỉnh này, như CSV ghi; không có thì lấy cả nước,
    /// mỗi tỉnh một thư mục (province filter; all provinces otherwise).
    #[arg(long, requires = "csv")]
    pub tinh: Option<String>,
    /// Cấp của các đơn vị trong CSV: xa, phuong, dac-khu, hoặc doan (đoán từ đơn vị cũ).
    /// CSV không ghi cấp (the CSV does not tell the level).
    #[arg(long, value_enum, default_value = "doan")]
    pub cap: crate::batch::Level,
    /// Thư mục ghi kết quả; mỗi đơn vị một thư mục con (output folder).
    #[arg(short, long, default_value = "out")]
    pub out: PathBuf,
    /// Định dạng ra; mặc định cả hai (output format; both by default).
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Các tệp YAML cần kiểm tra (documents to check).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Kiểm tra như khi dựng cho đơn vị khác (check as rendered for another unit).
    #[arg(long = "don-vi")]
    pub don_vi: Option<PathBuf>,
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
    /// Mẫu thay cho mẫu có sẵn, theo tên tệp (folder of templates overriding the built-in ones).
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// PDF/A-2b để lưu trữ (archival PDF).
    #[arg(long)]
    pub pdfa: bool,
}
