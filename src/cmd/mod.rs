//! One module per subcommand; only these write files.

pub mod output;
pub mod render;
