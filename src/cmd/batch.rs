//! `vanban batch`: the document rendered for many units in parallel, each
//! into its own folder; one unit's failure does not stop the others.

use super::output::write_atomic;
use crate::batch::{self, Unit};
use crate::cli::BatchArgs;
use crate::diag::Diagnostic;
use crate::input::{self, Loaded};
use crate::national;
use crate::render::{self, Format, Outputs, PdfSettings};
use crate::{compose, templates::Templates};
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};

pub fn run(args: &BatchArgs) -> Result<ExitCode> {
    let base = match super::load_or_report(&args.file, None) {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    if let Err(d) = input::joint_stays_home(&base.plan, &base.plan_path) {
        eprintln!("{d}");
        return Ok(ExitCode::from(1));
    }
    let units = match units(args, &base) {
        Ok(u) => u,
        Err(msg) => {
            eprintln!("{}", Diagnostic::error(msg));
            return Ok(ExitCode::from(1));
        }
    };
    let formats = match args.format {
        Some(f) => vec![f],
        None => vec![Format::Docx, Format::Pdf],
    };
    let templates = match Templates::new(args.templates.as_deref()) {
        Ok(t) => t,
        Err(d) => {
            eprintln!("{d}");
            return Ok(ExitCode::from(1));
        }
    };
    let stem = args.file.file_stem().context("tên tệp không hợp lệ")?;
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(2, |n| n.get()),
        usize::from,
    );
    // Typst's memoised layouts age by one at each eviction; evicting once
    // per round of `jobs` units keeps them for the same number of units
    // whatever the number of workers (evicting after every unit aged them
    // `jobs` times faster, and more workers recomputed more).
    let finished_units = AtomicUsize::new(0);

    let bar = ProgressBar::new(units.len() as u64).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} đơn vị · {elapsed} · còn {eta}")
            .expect("static template"),
    );
    let (to_disk, queue) = mpsc::sync_channel::<Finished>(IN_FLIGHT * jobs);
    let queue = Mutex::new(queue);
    let results = std::thread::scope(|scope| {
        // Several writers: each file is synced to the disk, and one thread
        // waiting on one sync after another capped the whole batch.
        let writers: Vec<_> = (0..jobs)
            .map(|_| scope.spawn(|| write_queue(&queue, stem, &bar)))
            .collect();
        let rendered = parallel_map(&units, jobs, |unit| {
            let result = render_unit(&base, unit, &templates, &formats, args.max_pages);
            // Typst memoises layouts: keep what the last few units used
            // (the text they share), drop the rest, or memory grows with
            // the batch.
            if finished_units.fetch_add(1, Ordering::Relaxed) % jobs == jobs - 1 {
                typst::comemo::evict(CACHE_AGE);
            }
            let (outputs, rendered) = result.inspect_err(|_| bar.inc(1))?;
            let finished = Finished {
                slug: unit.slug.clone(),
                dir: args.out.join(&unit.slug),
                outputs,
            };
            // Fails only if the writer panicked, which `join` passes on.
            let _ = to_disk.send(finished);
            Ok(rendered)
        });
        drop(to_disk);
        let mut unwritten = HashMap::new();
        for writer in writers {
            unwritten.extend(
                writer
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        rendered.map(|rendered| merge(&units, rendered, unwritten))
    })
    .context("không tạo được luồng (thread)")?;
    bar.finish_and_clear();

    let failed: Vec<&(String, Result<Rendered, String>)> =
        results.iter().filter(|(_, r)| r.is_err()).collect();
    let elsewhere: Vec<&str> = results
        .iter()
        .filter(|(_, r)| {
            matches!(
                r,
                Ok(Rendered {
                    names_base_province: true,
                    ..
                })
            )
        })
        .map(|(slug, _)| slug.as_str())
        .collect();
    if let (false, Some(province)) = (elsewhere.is_empty(), &base.profile.tinh) {
        eprintln!(
            "cảnh báo (warning): văn bản của {} đơn vị ngoài {province} vẫn nhắc tới `{}` \
             (căn cứ, nơi nhận…): hãy dùng văn bản của tỉnh mình \
             (the document names another province): {}",
            elsewhere.len(),
            crate::names::province_name(province),
            first_few(&elsewhere)
        );
    }
    let unfilled: Vec<&str> = results
        .iter()
        .filter(|(_, r)| {
            matches!(
                r,
                Ok(Rendered {
                    has_placeholders: true,
                    ..
                })
            )
        })
        .map(|(slug, _)| slug.as_str())
        .collect();
    if !unfilled.is_empty() {
        eprintln!(
            "cảnh báo (warning): văn bản của {} đơn vị còn giá trị «…» cần điền ngoài tên người ký              (căn cứ của tỉnh chưa có trong danh mục…) (placeholders remain): {}",
            unfilled.len(),
            first_few(&unfilled)
        );
    }
    let guessed: Vec<&str> = units
        .iter()
        .filter(|u| u.guessed)
        .map(|u| u.slug.as_str())
        .collect();
    if !guessed.is_empty() {
        eprintln!(
            "cảnh báo (warning): cấp (xã/phường) của {} đơn vị được đoán từ các đơn vị cũ, vì CSV không ghi; \
             dùng --cap để chỉ rõ (level guessed): {}",
            guessed.len(),
            first_few(&guessed)
        );
    }
    println!(
        "Xong {} đơn vị, lỗi {} (done {}, failed {}), vào {}",
        results.len() - failed.len(),
        failed.len(),
        results.len() - failed.len(),
        failed.len(),
        args.out.display()
    );
    for (slug, result) in &failed {
        if let Err(reason) = result {
            println!("  lỗi {slug}: {reason}");
        }
    }
    Ok(if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The units to render for: a folder of profiles, or a province (or all) of
/// the national list, built in or the clerk's own CSV.
fn units(args: &BatchArgs, base: &Loaded) -> Result<Vec<Unit>, String> {
    if let Some(dir) = &args.don_vi_dir {
        return batch::units_from_dir(dir);
    }
    let own;
    let (list, source) = match &args.csv {
        Some(csv) => {
            own = national::read(csv)?;
            (own.as_slice(), csv.clone())
        }
        None => (national::built_in(), PathBuf::from(BUILT_IN_NAME)),
    };
    batch::units_from_list(list, &source, args.tinh.as_deref(), args.cap, &base.profile)
}

/// How messages name the built-in list, and what the profiles made from it
/// give as their path.
const BUILT_IN_NAME: &str = "danh sách đơn vị có sẵn (built-in national list)";

/// How many evictions a memoised layout survives unused (`comemo::evict`).
/// Measured on the 168 units of TP HCM: 0 → 48 MB, 2 → 52 MB, 8 → 72 MB,
/// 32 → 147 MB, never → 521 MB peak, at the same speed.
const CACHE_AGE: usize = 2;

/// `a, b, c, … (+N)`: a list a terminal can show.
fn first_few(items: &[&str]) -> String {
    const SHOWN: usize = 12;
    let mut out = items
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > SHOWN {
        out.push_str(&format!(", … (+{})", items.len() - SHOWN));
    }
    out
}

/// What the summary says about a unit that was rendered.
struct Rendered {
    /// The unit is in another province than the document's own unit, yet
    /// its text names that province: a căn cứ or a recipient of the
    /// original province, wrong for this one.
    names_base_province: bool,
    /// Its text still has `«…»` to fill in besides the signer's name (which
    /// the national list cannot give): a province's own căn cứ not yet in
    /// the registry.
    has_placeholders: bool,
}

fn render_unit(
    base: &Loaded,
    unit: &Unit,
    templates: &Templates,
    formats: &[Format],
    max_pages: usize,
) -> Result<(Outputs, Rendered), String> {
    let (profile, path) = unit.profile.clone()?;
    let loaded = input::for_unit(base, profile, path);
    let doc = compose::compose(&loaded, templates)
        .map_err(|d| d.to_string())?
        .output;
    let names_base_province = match (&base.profile.tinh, &loaded.profile.tinh) {
        (Some(own), Some(unit)) if own != unit => {
            let name = crate::names::province_name(own);
            doc.reading_order().iter().any(|line| line.contains(name))
        }
        _ => false,
    };
    let has_placeholders = doc
        .reading_order()
        .iter()
        .any(|line| *line != doc.closing.signer && line.contains('«') && line.contains('»'));
    render::within(&doc, max_pages).map_err(|d| d.to_string())?;
    let outputs =
        render::write_all(&doc, formats, PdfSettings::default()).map_err(|d| d.to_string())?;
    Ok((
        outputs,
        Rendered {
            names_base_province,
            has_placeholders,
        },
    ))
}

/// Units rendered and waiting for the writer. A few, so that the workers
/// never wait on the disk, yet memory stays that of a few documents.
const IN_FLIGHT: usize = 8;

/// A unit's rendered files, on their way to its folder.
struct Finished {
    slug: String,
    dir: PathBuf,
    outputs: Outputs,
}

/// Writes what the workers rendered, each file synced to the disk, on
/// threads of their own: a worker that waited for its own files to reach
/// the disk left its core idle (~4 s of a 40 s national batch). Returns the
/// units that could not be written, and why.
fn write_queue(
    queue: &Mutex<mpsc::Receiver<Finished>>,
    stem: &std::ffi::OsStr,
    bar: &ProgressBar,
) -> HashMap<String, String> {
    let mut unwritten = HashMap::new();
    loop {
        // The lock is held only to take the next unit, not to write it.
        let next = queue.lock().map(|q| q.recv());
        let Ok(Ok(unit)) = next else { break };
        if let Err(reason) = write_unit(&unit, stem) {
            unwritten.insert(unit.slug, reason);
        }
        bar.inc(1);
    }
    unwritten
}

fn write_unit(unit: &Finished, stem: &std::ffi::OsStr) -> Result<(), String> {
    std::fs::create_dir_all(&unit.dir).map_err(|e| format!("{}: {e}", unit.dir.display()))?;
    for (format, bytes) in &unit.outputs {
        let path = unit.dir.join(stem).with_extension(format.extension());
        write_atomic(&path, bytes).map_err(|e| format!("{e:#}"))?;
    }
    Ok(())
}

/// Each unit's outcome: rendered and written, or why not.
fn merge(
    units: &[Unit],
    rendered: Vec<Result<Rendered, String>>,
    mut unwritten: HashMap<String, String>,
) -> Vec<(String, Result<Rendered, String>)> {
    units
        .iter()
        .zip(rendered)
        .map(|(unit, result)| {
            let result = match unwritten.remove(&unit.slug) {
                Some(reason) => Err(reason),
                None => result,
            };
            (unit.slug.clone(), result)
        })
        .collect()
}

/// `f` over `items` on one plain thread per core, results in item order.
///
/// Not tasks of one shared rayon pool: typst and krilla use rayon inside,
/// and a rayon worker that waits on them steals the next unit and starts
/// it on top of its own stack. Documents in flight then pile up without
/// bound (the Hà Nội batch peaked at 395 MB, and debug builds overflowed
/// their stacks). Each of the `jobs` workers takes one unit at a time, in
/// a rayon pool of its own thread: typst's parallel steps run there in
/// turn, instead of all workers handing them to one shared pool whose
/// threads spin waiting for work the other cores are busy with.
fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    jobs: usize,
    f: impl Fn(&T) -> R + Sync,
) -> std::io::Result<Vec<R>> {
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::with_capacity(items.len()));
    let pools = (0..jobs.min(items.len()))
        .map(|_| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                // Typst's layout recurses deeply in unoptimised builds.
                .stack_size(crate::render::LAYOUT_STACK)
                .build()
                .map_err(std::io::Error::other)
        })
        .collect::<std::io::Result<Vec<_>>>()?;
    std::thread::scope(|scope| {
        for pool in &pools {
            scope.spawn(|| {
                pool.install(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let r = f(item);
                    done.lock()
                        .expect("no worker panics holding the lock")
                        .push((i, r));
                })
            });
        }
    });
    let mut done = done.into_inner().expect("workers finished");
    done.sort_by_key(|(i, _)| *i);
    Ok(done.into_iter().map(|(_, r)| r).collect())
}
