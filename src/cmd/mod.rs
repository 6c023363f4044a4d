//! One module per subcommand; only these write files.

pub mod batch;
pub mod next_year;
pub mod output;
pub mod render;
pub mod report;
