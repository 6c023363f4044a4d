use clap::Parser;
use std::process::ExitCode;
use vanban::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Render(args) => vanban::cmd::render::run(&args),
        Command::Check(args) => vanban::cmd::check::run(&args),
        Command::Schema { kind } => {
            print!("{}", vanban::input::schema(kind));
            Ok(std::process::ExitCode::SUCCESS)
        }
        Command::NextYear(args) => vanban::cmd::next_year::run(&args),
        Command::Batch(args) => vanban::cmd::batch::run(&args),
        Command::Report(args) => vanban::cmd::report::run(&args),
        Command::Import(args) => vanban::cmd::import::run(&args),
        Command::Serve(args) => vanban::cmd::serve::run(&args),
        Command::DonVi { command } => vanban::cmd::don_vi::run(&command),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{e:#}");
            ExitCode::from(2)
        }
    }
}
