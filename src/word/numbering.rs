//! Word's automatic numbering (`w:numPr` → `numbering.xml`) turned into the
//! labels a reader sees: `I.`, `1.`, `a)`, `1.1.`, `-`. Counters run per
//! list as Word runs them: a level counts on, the levels below it restart.

use super::xml::Element;
use std::collections::HashMap;

#[derive(Debug, Clone)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

#[derive(Debug, Clone, Default)]
pub struct Numbering {
    /// `numId` → its abstract list and the levels it starts over.
    nums: HashMap<String, (String, HashMap<u8, u32>)>,
    abstracts: HashMap<String, Vec<Option<Level>>>,
    /// The counters of each abstract list, nine levels.
    counters: HashMap<String, [u32; 9]>,
    /// Lists whose start overrides were applied.
    started: Vec<String>,
}

impl Numbering {
    pub fn read(root: Option<&Element>) -> Numbering {
        let Some(root) = root else {
            return Numbering::default();
        };
        let mut abstracts = HashMap::new();
        for a in root.children_named("abstractNum") {
            let Some(id) = a.attr("abstractNumId") else {
                continue;
            };
            let mut levels: Vec<Option<Level>> = vec![None; 9];
            for l in a.children_named("lvl") {
                let Some(i) = l.attr("ilvl").and_then(|v| v.parse::<usize>().ok()) else {
                    continue;
                };
                if i < 9 {
                    levels[i] = Some(Level {
                        start: l
                            .child_val("start")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1),
                        format: l.child_val("numFmt").unwrap_or("decimal").to_string(),
                        text: l.child_val("lvlText").unwrap_or("").to_string(),
                    });
                }
            }
            abstracts.insert(id.to_string(), levels);
        }
        let mut nums = HashMap::new();
        for n in root.children_named("num") {
            let (Some(id), Some(abs)) = (n.attr("numId"), n.child_val("abstractNumId")) else {
                continue;
            };
            let overrides = n
                .children_named("lvlOverride")
                .filter_map(|o| {
                    let level = o.attr("ilvl")?.parse().ok()?;
                    let start = o.child_val("startOverride")?.parse().ok()?;
                    Some((level, start))
                })
                .collect();
            nums.insert(id.to_string(), (abs.to_string(), overrides));
        }
        Numbering {
            nums,
            abstracts,
            ..Numbering::default()
        }
    }

    /// The next label of list `num` at `level`, counting it; none for a
    /// list that does not exist or prints nothing (`numId` 0 turns
    /// numbering off).
    pub fn next(&mut self, num: &str, level: u8) -> Option<String> {
        let (abs, overrides) = self.nums.get(num)?.clone();
        let levels = self.abstracts.get(&abs)?.clone();
        let level = usize::from(level).min(8);
        let def = levels.get(level)?.clone()?;
        let counters = self.counters.entry(abs.clone()).or_insert([0; 9]);
        if !self.started.contains(&num.to_string()) && !overrides.is_empty() {
            self.started.push(num.to_string());
            *counters = [0; 9];
        }
        let start = |l: usize| -> u32 {
            overrides
                .get(&(l as u8))
                .copied()
                .or_else(|| levels.get(l).cloned().flatten().map(|d| d.start))
                .unwrap_or(1)
        };
        counters[level] = if counters[level] == 0 {
            start(level)
        } else {
            counters[level] + 1
        };
        for c in counters.iter_mut().skip(level + 1) {
            *c = 0;
        }
        if def.format == "none" {
            return None;
        }
        if def.format == "bullet" {
            return Some(bullet(&def.text));
        }
        // `%1.%2.`: each placeholder is that level's counter in its format.
        let mut label = String::new();
        let mut chars = def.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d)) if (1..=9).contains(&d) => {
                    chars.next();
                    let l = (d - 1) as usize;
                    let value = if counters[l] == 0 {
                        start(l)
                    } else {
                        counters[l]
                    };
                    let format = levels
                        .get(l)
                        .cloned()
                        .flatten()
                        .map(|d| d.format)
                        .unwrap_or_default();
                    label.push_str(&formatted(value, &format));
                }
                _ => label.push(c),
            }
        }
        (!label.is_empty()).then_some(label)
    }
}

/// A bullet as a clerk's text writes it: a dash or a plus.
fn bullet(text: &str) -> String {
    match text.trim() {
        "+" => "+".into(),
        _ => "-".into(),
    }
}

fn formatted(n: u32, format: &str) -> String {
    match format {
        "upperRoman" => crate::nd30::roman(n),
        "lowerRoman" => crate::nd30::roman(n).to_lowercase(),
        "lowerLetter" => letter(n),
        "upperLetter" => letter(n).to_uppercase(),
        "decimalZero" => format!("{n:02}"),
        _ => n.to_string(),
    }
}

/// a … z, then aa, bb … as Word counts letters.
fn letter(n: u32) -> String {
    let n = n.max(1) - 1;
    let c = char::from(b'a' + (n % 26) as u8);
    c.to_string().repeat((n / 26) as usize + 1)
}
