//! In-process rendering of the seed plan: the warm figures (many documents
//! in one process, each with different data so no cache can answer).
//! `cargo bench --bench render`; whole-process figures: `scripts/bench.sh`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;
use vanban::model::Document;

/// The seed plan with a different number on each copy.
fn variants(n: u32) -> Vec<Document> {
    let plan = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/ke-hoach-binh-dang-gioi-bat-trang-2026.yaml");
    let doc = vanban::document(&plan, None).expect("seed plan composes");
    (1..=n)
        .map(|i| {
            let mut d = doc.clone();
            d.header.number = format!("Số: {i:02}/KH-UBND");
            d.title.summary = format!("{} ({i})", d.title.summary);
            d
        })
        .collect()
}

fn render(c: &mut Criterion) {
    let docs = variants(64);
    let mut group = c.benchmark_group("seed plan");
    group.throughput(Throughput::Elements(1));
    let mut i = 0;
    group.bench_function("docx, warm", |b| {
        b.iter(|| {
            i = (i + 1) % docs.len();
            vanban::render::docx::write(&docs[i])
        })
    });
    group.sample_size(30);
    group.bench_function("pdf, warm", |b| {
        b.iter(|| {
            i = (i + 1) % docs.len();
            vanban::render::pdf::write(&docs[i], Default::default()).unwrap()
        })
    });
    let plan = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/ke-hoach-binh-dang-gioi-bat-trang-2026.yaml");
    group.bench_function("load + compose", |b| {
        b.iter(|| vanban::document(&plan, None).unwrap())
    });
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
