//! Bad input as files (`tests/cases/bad/*.yaml`), each with the errors it
//! must give on its first lines, as typst annotates its tests:
//!
//! ```yaml
//! # lỗi 7:6: khóa `nam` … một số nguyên
//! # lỗi _van-ban-luat-sai.yaml:5:7: [ND30-PL1-II.6a]
//! # lỗi -: tệp rỗng
//! ```
//!
//! Each line names where (`line:column`, another file and its position, or
//! `-` for the file as a whole) and fragments, separated by ` … `, that the
//! message there must contain. One runner renders every case: each must be
//! refused with exit code 1, say every expected error, panic nowhere and
//! write nothing. Files starting with `_` are what cases refer to.

use crate::util::root;
use std::path::Path;
use std::process::Command;

/// An expected error: where, and what its message contains.
#[derive(Debug)]
struct Expected {
    file: Option<String>,
    at: Option<String>,
    fragments: Vec<String>,
}

fn expectations(text: &str) -> Vec<Expected> {
    text.lines()
        .map_while(|l| l.strip_prefix("# lỗi "))
        .map(|rest| {
            let (loc, words) = rest.split_once(": ").expect("`# lỗi LOC: words`");
            let is_position = |s: &str| s.split(':').all(|n| n.parse::<usize>().is_ok());
            let (file, at) = match loc {
                "-" => (None, None),
                l if is_position(l) => (None, Some(l.to_string())),
                l => match l.split_once(".yaml:") {
                    Some((f, pos)) => (Some(format!("{f}.yaml")), Some(pos.to_string())),
                    None => (Some(l.to_string()), None),
                },
            };
            Expected {
                file,
                at,
                fragments: words.split(" … ").map(str::to_string).collect(),
            }
        })
        .collect()
}

/// The problems with one case, if any.
fn run(dir: &Path, name: &str) -> Vec<String> {
    let bytes = std::fs::read(dir.join(name)).unwrap();
    let expected = expectations(&String::from_utf8_lossy(&bytes));
    if expected.is_empty() {
        return vec!["no `# lỗi` line at the top".into()];
    }
    let out_dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["render", name, "-o"])
        .arg(out_dir.path())
        .current_dir(dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut problems = Vec::new();
    if out.status.code() != Some(1) {
        problems.push(format!("exit code {:?}, not 1", out.status.code()));
    }
    if stderr.contains("panicked") {
        problems.push("panicked".into());
    }
    if std::fs::read_dir(out_dir.path()).unwrap().next().is_some() {
        problems.push("wrote files".into());
    }
    for e in &expected {
        let file = e.file.as_deref().unwrap_or(name);
        let prefix = match &e.at {
            Some(at) => format!("{file}:{at}: lỗi"),
            None => format!("{file}: lỗi"),
        };
        let found = stderr
            .lines()
            .any(|l| l.starts_with(&prefix) && e.fragments.iter().all(|f| l.contains(f.as_str())));
        if !found {
            problems.push(format!("no error `{prefix} … {}`", e.fragments.join(" … ")));
        }
    }
    if !problems.is_empty() {
        problems.push(format!("stderr:\n{stderr}"));
    }
    problems
}

#[test]
fn every_bad_case_is_refused_with_its_errors_where_it_says() {
    let dir = root().join("tests/cases/bad");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml") && !n.starts_with('_'))
        .collect();
    names.sort();
    assert!(names.len() >= 60, "{} cases", names.len());
    let failures: Vec<String> = names
        .iter()
        .filter_map(|name| {
            let problems = run(&dir, name);
            (!problems.is_empty()).then(|| format!("{name}:\n  {}", problems.join("\n  ")))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn expectations_read_positions_files_and_fragments() {
    let e = expectations("# lỗi 7:6: khóa `nam` … một số\n# lỗi _x.yaml:5:7: a\n# lỗi -: b\n# lỗi y.yaml: c\nloai: x\n");
    assert_eq!(e.len(), 4);
    assert_eq!(
        (e[0].file.as_deref(), e[0].at.as_deref()),
        (None, Some("7:6"))
    );
    assert_eq!(e[0].fragments, ["khóa `nam`", "một số"]);
    assert_eq!(
        (e[1].file.as_deref(), e[1].at.as_deref()),
        (Some("_x.yaml"), Some("5:7"))
    );
    assert_eq!((e[2].file.as_deref(), e[2].at.as_deref()), (None, None));
    assert_eq!(
        (e[3].file.as_deref(), e[3].at.as_deref()),
        (Some("y.yaml"), None)
    );
}
