//! In-process figures (issue 6): `cargo bench --bench render`.
//!
//! Every timed render is of a document the process has not seen: the seed
//! plan made for a new commune each time (as `vanban batch` does), so
//! typst's caches only help as much as they help a real batch. Whole-process
//! and batch figures, and the table against the targets: `scripts/bench.sh`.

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use vanban::input::{self, Loaded};
use vanban::model::{Block, Document};
use vanban::templates::Templates;

fn seed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/ke-hoach-binh-dang-gioi-bat-trang-2026.yaml")
}

/// The seed plan for commune number `i`, never the same name twice.
fn for_commune(base: &Loaded, templates: &Templates, i: usize) -> Document {
    let unit = vanban::national::Listed {
        province: "Hà Nội".into(),
        name: format!("Thử Nghiệm {i}"),
        former: String::new(),
    };
    let profile = vanban::national::profile_for(&base.profile, &unit, "xã");
    let loaded = input::for_unit(base, profile, base.profile_path.clone());
    vanban::compose::compose(&loaded, templates)
        .expect("the seed composes for any commune")
        .output
}

fn seed(c: &mut Criterion) {
    let base = input::load(&seed_path(), None).expect("seed loads");
    let templates = Templates::new(None).expect("built-in templates");
    let next = AtomicUsize::new(0);
    let fresh = || for_commune(&base, &templates, next.fetch_add(1, Ordering::Relaxed));

    let mut group = c.benchmark_group("seed");
    group.throughput(Throughput::Elements(1));
    group.bench_function("docx", |b| {
        b.iter_batched(
            fresh,
            |doc| vanban::render::docx::write(&doc),
            BatchSize::SmallInput,
        )
    });
    group.sample_size(40);
    group.bench_function("pdf", |b| {
        // `_ref`: the document is dropped outside the timing, as its
        // output is.
        b.iter_batched_ref(
            || {
                // What `vanban batch` does between units: keep the layouts
                // the last units used, forget the rest.
                typst::comemo::evict(2);
                fresh()
            },
            |doc| vanban::render::pdf::write(doc, Default::default()).unwrap(),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("load_compose", |b| {
        b.iter(|| vanban::document(&seed_path(), None).unwrap())
    });
    group.finish();
}

/// Pages of a PDF: its page objects.
fn page_count(pdf: &[u8]) -> usize {
    pdf.windows(11)
        .filter(|w| w.starts_with(b"/Type/Page") && w[10] != b's')
        .count()
}

/// The seed's body cycled to `blocks` blocks, each copy's text made its own
/// (`… (2)`) so no paragraph's layout can be reused inside the document.
fn with_blocks(seed: &Document, blocks: usize) -> Document {
    let body = &seed.blocks;
    let mut doc = seed.clone();
    doc.blocks = (0..blocks)
        .map(|i| {
            let mut block = body[i % body.len()].clone();
            if let (Block::Paragraph(p), copy @ 1..) = (&mut block, i / body.len()) {
                p.text.push_plain(&format!(" ({})", copy + 1));
            }
            block
        })
        .collect();
    doc
}

/// The seed lengthened or shortened to exactly `pages` pages: the most
/// blocks that still fit, found by bisection.
fn with_pages(seed: &Document, pages: usize) -> Document {
    let count = |blocks| {
        typst::comemo::evict(0);
        page_count(
            &vanban::render::pdf::write(&with_blocks(seed, blocks), Default::default()).unwrap(),
        )
    };
    let (mut lo, mut hi) = (1, seed.blocks.len());
    while count(hi) <= pages {
        hi *= 2;
    }
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if count(mid) <= pages {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    assert_eq!(count(lo), pages, "a {pages}-page plan");
    with_blocks(seed, lo)
}

fn length(c: &mut Criterion) {
    let seed = vanban::document(&seed_path(), None).expect("seed composes");
    let mut group = c.benchmark_group("length");
    group.sample_size(20);
    for pages in [4, 16, 64] {
        let doc = with_pages(&seed, pages);
        group.throughput(Throughput::Elements(pages as u64));
        group.bench_with_input(BenchmarkId::new("pdf", pages), &doc, |b, doc| {
            // Nothing cached: every page is laid out from scratch.
            b.iter_batched(
                || typst::comemo::evict(0),
                |()| vanban::render::pdf::write(doc, Default::default()).unwrap(),
                BatchSize::PerIteration,
            )
        });
        group.bench_with_input(BenchmarkId::new("docx", pages), &doc, |b, doc| {
            b.iter(|| vanban::render::docx::write(doc))
        });
    }
    group.finish();
}

/// What the kinds and features beyond the seed cost, each a real document
/// of 2025 (`tests/fixtures/examples/`): a quyết định issuing a quy chế
/// (articles, chapters, an attached text), a plan whose phụ lục is a
/// landscape table with merged cells, a công văn with Kính gửi and a link;
/// and reading a Word file back: import and lint.
fn kinds(c: &mut Criterion) {
    let example = |stem: &str| {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/examples/{stem}.yaml"))
    };
    let mut group = c.benchmark_group("kinds");
    group.sample_size(20);
    for (id, stem) in [
        (
            "quyet_dinh_quy_che",
            "01-qd-quy-che-lay-y-kien-dien-tu-cantho",
        ),
        (
            "phu_luc_bang_gop_o",
            "04-kh-chuyen-doi-so-doanh-nghiep-dongthap",
        ),
        ("cong_van", "06-cv-o-nhiem-khong-khi-sgddt-hanoi"),
    ] {
        let doc = vanban::document(&example(stem), None).expect("the example composes");
        group.bench_with_input(BenchmarkId::new("pdf", id), &doc, |b, doc| {
            b.iter_batched(
                || typst::comemo::evict(0),
                |()| vanban::render::pdf::write(doc, Default::default()).unwrap(),
                BatchSize::PerIteration,
            )
        });
        group.bench_with_input(BenchmarkId::new("docx", id), &doc, |b, doc| {
            b.iter(|| vanban::render::docx::write(doc))
        });
    }
    let plan = vanban::document(&seed_path(), None).expect("seed composes");
    let docx = vanban::render::docx::write(&plan);
    let names = vanban::import::Names {
        profile: "don-vi.yaml",
        joint_profile: "lien-tich.yaml",
        registry: "van-ban.yaml",
        source: "bench.docx",
    };
    group.bench_function("import_docx", |b| {
        b.iter(|| {
            let word = vanban::word::read(docx.clone(), vanban::word::Limits::default()).unwrap();
            vanban::import::import(&word, &names)
        })
    });
    group.bench_function("lint_docx", |b| {
        b.iter(|| {
            let word = vanban::word::read(docx.clone(), vanban::word::Limits::default()).unwrap();
            vanban::lint::lint(&word, Path::new("bench.docx"))
        })
    });
    group.finish();
}

criterion_group!(benches, seed, length, kinds);
criterion_main!(benches);
