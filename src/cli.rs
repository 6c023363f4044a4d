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
    /// Soạn kế hoạch năm sau từ kế hoạch năm nay (draft next year's plan).
    NextYear(NextYearArgs),
}

#[derive(Debug, clap::Args)]
pub struct NextYearArgs {
    /// Kế hoạch năm nay (this year's plan); tệp này không bị sửa.
    pub file: PathBuf,
    /// Tệp kế hoạch năm sau; mặc định cùng thư mục, tên đổi năm (output file).
    #[arg(short, long)]
    pub out: Option<PathBuf>,
    /// Ghi đè nếu tệp đích đã có (overwrite an existing output).
    #[arg(long)]
    pub force: bool,
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
