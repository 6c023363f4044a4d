//! Where each value sits in a YAML file, by key path (`noi_dung[1].khoan[0]`).
//!
//! serde locates only what it rejects; the decree's checks run after
//! loading and need the same `file:line:column` for what they find. This is
//! a second pass over the file's YAML events, recording the position of every
//! value under the key path the diagnostics use.

use saphyr_parser::{Event, Parser};
use std::collections::HashMap;

#[derive(Debug, Default, Clone)]
pub struct Spans {
    at: HashMap<String, (usize, usize)>,
}

enum Frame {
    Map { path: String, key: Option<String> },
    Seq { path: String, index: usize },
}

impl Spans {
    /// Positions of the values of `text`; a file that does not parse gives
    /// what was read before the error.
    pub fn of(text: &str) -> Spans {
        let mut at = HashMap::new();
        let mut stack: Vec<Frame> = Vec::new();
        for item in Parser::new_from_str(text) {
            let Ok((event, span)) = item else { break };
            let pos = (span.start.line(), span.start.col() + 1);
            match event {
                Event::Scalar(value, ..) => {
                    if let Some(Frame::Map {
                        key: key @ None, ..
                    }) = stack.last_mut()
                    {
                        *key = Some(value.into_owned());
                        continue;
                    }
                    if let Some(path) = next_path(&mut stack) {
                        at.insert(path, pos);
                    }
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let path = next_path(&mut stack).unwrap_or_default();
                    at.insert(path.clone(), pos);
                    stack.push(match event {
                        Event::MappingStart(..) => Frame::Map { path, key: None },
                        _ => Frame::Seq { path, index: 0 },
                    });
                }
                Event::Alias(_) => {
                    next_path(&mut stack);
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                _ => {}
            }
        }
        Spans { at }
    }

    /// Line and column (1-based) of the value at `key`, or of its nearest
    /// parent that has one.
    pub fn find(&self, key: &str) -> Option<(usize, usize)> {
        let mut k = key;
        loop {
            if let Some(p) = self.at.get(k) {
                return Some(*p);
            }
            k = &k[..k.rfind(['.', '['])?];
        }
    }
}

/// The path of the value that comes next in the current container, and
/// move the container on past it.
fn next_path(stack: &mut [Frame]) -> Option<String> {
    match stack.last_mut()? {
        Frame::Map { path, key } => {
            let k = key.take()?;
            Some(if path.is_empty() {
                k
            } else {
                format!("{path}.{k}")
            })
        }
        Frame::Seq { path, index } => {
            let p = format!("{path}[{index}]");
            *index += 1;
            Some(p)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_found_by_key_path() {
        let text = "nam: 2026\nnoi_dung:\n  - muc: A\n    khoan:\n      - x\n      - tieu_de: T\n        nhiem_vu: [a, b]\nnguoi_ky: {ho_ten: X}\n";
        let s = Spans::of(text);
        assert_eq!(s.find("nam"), Some((1, 6)));
        assert_eq!(s.find("noi_dung[0].muc"), Some((3, 10)));
        assert_eq!(s.find("noi_dung[0].khoan[1].tieu_de"), Some((6, 18)));
        assert_eq!(s.find("noi_dung[0].khoan[1].nhiem_vu[1]"), Some((7, 23)));
        assert_eq!(s.find("nguoi_ky.ho_ten"), Some((8, 20)));
        // A missing key falls back to its parent.
        assert_eq!(s.find("nguoi_ky.chuc_vu"), s.find("nguoi_ky"));
    }
}
