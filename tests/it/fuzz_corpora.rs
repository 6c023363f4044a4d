//! The fuzz targets' corpora (`fuzz/corpus/<target>/`) run once through the
//! function each target calls (`vanban::fuzzing`), so a target that stops
//! building or a crash a corpus file once found shows in `cargo test`.

use crate::util;

fn run(target: &str, body: fn(&[u8])) {
    let dir = util::root().join("fuzz/corpus").join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        body(&std::fs::read(&path).unwrap());
        n += 1;
    }
    assert!(n > 0, "{target}: an empty corpus");
}

#[test]
fn load_check() {
    run("load_check", vanban::fuzzing::load_check);
}

#[test]
fn word() {
    run("word", vanban::fuzzing::word);
}

#[test]
fn model_docx() {
    run("model_docx", vanban::fuzzing::model_docx);
}

#[test]
fn model_pdf() {
    run("model_pdf", vanban::fuzzing::model_pdf);
}
