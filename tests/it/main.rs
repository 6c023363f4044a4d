//! vanban's integration tests: outputs are read back (DOCX XML, PDF text and
//! positions) and checked against the decree and the seed document.

mod browser;
mod cases;
mod check;
mod cli;
mod cycle;
mod docx;
mod edges;
mod examples;
mod forms;
mod fuzz_corpora;
mod hostile;
mod import;
mod kinds;
mod lint;
mod outline;
mod pdf;
mod readers;
mod seed;
mod serve;
mod units;
mod util;
mod validity;
