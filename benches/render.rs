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
    // The editor's pages (`vanban serve`): the same layout as the PDF, each
    // page as SVG, none held yet.
    group.bench_function("preview_svg", |b| {
        b.iter_batched_ref(
            || {
                typst::comemo::evict(2);
                fresh()
            },
            |doc| vanban::render::preview::pages(doc, |_| false).unwrap(),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// Pages of a PDF: its page objects.
fn page_count(pdf: &[u8]) -> usize {
    pdf.windows(11)
        .filter(|w| w.starts_with(b"/Type/Page") && w[10] != b's')
        .count()
}

/// How often a table comes in a long plan: after every this many
/// paragraphs, so that every length has the same mix.
const TABLE_EVERY: usize = 12;

/// The report's targets table (STT | Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ).
fn targets_table() -> Block {
    let report = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/bao-cao-ke-hoach-binh-dang-gioi-bat-trang-2026.yaml");
    let report = vanban::document(&report, None).expect("the report composes");
    (report.blocks.into_iter())
        .find(|b| matches!(b, Block::Table(_)))
        .expect("the report has its targets table")
}

/// The seed's body cycled to `blocks` blocks, with `table` after every
/// [`TABLE_EVERY`] paragraphs; each copy's text made its own (`… (2)`) so
/// no paragraph's layout can be reused inside the document.
fn with_blocks(seed: &Document, table: &Block, blocks: usize) -> Document {
    let body = &seed.blocks;
    let mut doc = seed.clone();
    let mut paragraphs = 0;
    doc.blocks = (0..blocks)
        .map(|i| {
            if i % (TABLE_EVERY + 1) == TABLE_EVERY {
                return table.clone();
            }
            let n = paragraphs;
            paragraphs += 1;
            let mut block = body[n % body.len()].clone();
            if let (Block::Paragraph(p), copy @ 1..) = (&mut block, n / body.len()) {
                p.text.push_plain(&format!(" ({})", copy + 1));
            }
            block
        })
        .collect();
    doc
}

/// The seed lengthened or shortened to exactly `pages` pages: the most
/// blocks that still fit, found by bisection.
fn with_pages(seed: &Document, table: &Block, pages: usize) -> Document {
    let count = |blocks| {
        typst::comemo::evict(0);
        page_count(
            &vanban::render::pdf::write(&with_blocks(seed, table, blocks), Default::default())
                .unwrap(),
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
    with_blocks(seed, table, lo)
}

/// The pages of a long plan (issue 16): each added page should cost the
/// same, up to the 300 pages `render` allows by default; the tables guard
/// against layout costs that grow with the document (typst 0.15.0 had one).
pub const LENGTHS: [usize; 4] = [4, 16, 64, 300];

fn length(c: &mut Criterion) {
    let seed = vanban::document(&seed_path(), None).expect("seed composes");
    let table = targets_table();
    let mut group = c.benchmark_group("length");
    group.sample_size(10);
    for pages in LENGTHS {
        let doc = with_pages(&seed, &table, pages);
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

/// typst alone: the layout file and its data compiled and exported, in a
/// World of its own, with nothing of vanban around it. The floor vanban's
/// PDF is measured against (issue 16: at most 1.1 × this).
mod floor {
    use typst::diag::{FileError, FileResult};
    use typst::foundations::{Bytes, Datetime, Duration};
    use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
    use typst::text::{Font, FontBook};
    use typst::utils::LazyHash;
    use typst::{Library, LibraryExt, World};

    pub struct Plain {
        library: LazyHash<Library>,
        book: LazyHash<FontBook>,
        fonts: Vec<Font>,
        main: Source,
        data_id: FileId,
        pub data: Bytes,
    }

    fn id(path: &str) -> FileId {
        RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).unwrap()).intern()
    }

    impl Plain {
        pub fn new() -> Plain {
            let fonts: Vec<Font> = vanban::fonts::FILES
                .iter()
                .flat_map(|bytes| Font::iter(Bytes::new(*bytes)))
                .collect();
            Plain {
                library: LazyHash::new(Library::builder().build()),
                book: LazyHash::new(FontBook::from_fonts(&fonts)),
                fonts,
                main: Source::new(id("/van_ban.typ"), vanban::render::pdf::LAYOUT_FILE.into()),
                data_id: id("/data.json"),
                data: Bytes::new(Vec::new()),
            }
        }

        /// Compile and export, as `typst compile` does.
        pub fn pdf(&self) -> Vec<u8> {
            let doc = typst::compile::<typst_layout::PagedDocument>(self)
                .output
                .unwrap();
            typst_pdf::pdf(&doc, &Default::default()).unwrap()
        }
    }

    impl World for Plain {
        fn library(&self) -> &LazyHash<Library> {
            &self.library
        }
        fn book(&self) -> &LazyHash<FontBook> {
            &self.book
        }
        fn main(&self) -> FileId {
            self.main.id()
        }
        fn source(&self, id: FileId) -> FileResult<Source> {
            match id == self.main.id() {
                true => Ok(self.main.clone()),
                false => Err(FileError::NotFound(id.vpath().get_without_slash().into())),
            }
        }
        fn file(&self, id: FileId) -> FileResult<Bytes> {
            match id == self.data_id {
                true => Ok(self.data.clone()),
                false => Err(FileError::NotFound(id.vpath().get_without_slash().into())),
            }
        }
        fn font(&self, index: usize) -> Option<Font> {
            self.fonts.get(index).cloned()
        }
        fn today(&self, _: Option<Duration>) -> Option<Datetime> {
            None
        }
    }
}

/// vanban's PDF of the seed for a new commune against typst alone on the
/// same page, in the same process, caches as warm for both: vanban's own
/// cost is the data it hands typst, the glyph check and its PDF options.
fn against_typst(c: &mut Criterion) {
    let base = input::load(&seed_path(), None).expect("seed loads");
    let templates = Templates::new(None).expect("built-in templates");
    let next = AtomicUsize::new(1_000_000);
    let fresh = || for_commune(&base, &templates, next.fetch_add(1, Ordering::Relaxed));
    let mut plain = floor::Plain::new();
    let mut group = c.benchmark_group("floor");
    group.sample_size(40);
    group.bench_function("vanban", |b| {
        b.iter_batched(
            fresh,
            |doc| vanban::render::pdf::write(&doc, Default::default()).unwrap(),
            BatchSize::SmallInput,
        )
    });
    group.bench_function("typst", |b| {
        b.iter_batched(
            || typst::foundations::Bytes::new(vanban::render::pdf::layout_data(&fresh())),
            |data| {
                plain.data = data;
                plain.pdf()
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, seed, against_typst, length, kinds);
criterion_main!(benches);
