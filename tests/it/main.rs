//! vanban's integration tests: outputs are read back (DOCX XML, PDF text and
//! positions) and checked against the decree and the seed document.

mod docx;
mod pdf;
mod seed;
mod util;
