//! What a paragraph or run looks like once Word's layers are applied: the
//! document defaults, the style and the styles it is based on, then the
//! direct formatting. Only what vanban's import and lint read is resolved.

use super::xml::{on, Element};
use std::collections::HashMap;

/// Run properties; `None` leaves the layer below in force.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunProps {
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    /// The font of Latin text (`w:rFonts w:ascii`, else `w:hAnsi`).
    pub font: Option<String>,
    /// Half-points, as `w:sz` says.
    pub size: Option<u32>,
}

impl RunProps {
    pub fn read(rpr: Option<&Element>) -> RunProps {
        let Some(r) = rpr else {
            return RunProps::default();
        };
        let fonts = r.child("rFonts");
        RunProps {
            bold: r.child("b").map(on),
            italic: r.child("i").map(on),
            font: fonts
                .and_then(|f| f.attr("ascii").or_else(|| f.attr("hAnsi")))
                .map(str::to_string),
            size: r.child_val("sz").and_then(|v| v.parse().ok()),
        }
    }

    /// `self` over `below`.
    pub fn over(&self, below: &RunProps) -> RunProps {
        RunProps {
            bold: self.bold.or(below.bold),
            italic: self.italic.or(below.italic),
            font: self.font.clone().or_else(|| below.font.clone()),
            size: self.size.or(below.size),
        }
    }
}

/// Paragraph properties; `None` leaves the layer below in force.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParaProps {
    /// `w:jc`: `left`, `center`, `right`, `both` ….
    pub align: Option<String>,
    /// First-line indent in twips (negative: hanging).
    pub first_line: Option<i32>,
    pub left: Option<i32>,
    /// Word's outline level, 0 at the top; 9 is body text.
    pub outline: Option<u8>,
    /// Automatic numbering: the list and its level.
    pub num: Option<(String, u8)>,
}

impl ParaProps {
    pub fn read(ppr: Option<&Element>) -> ParaProps {
        let Some(p) = ppr else {
            return ParaProps::default();
        };
        let ind = p.child("ind");
        let twips = |name: &str| -> Option<i32> {
            ind.and_then(|i| i.attr(name))
                .and_then(|v| v.parse::<f64>().ok())
                .map(|v| v.round() as i32)
        };
        let first_line = twips("firstLine").or_else(|| twips("hanging").map(|h| -h));
        let num = p.child("numPr").and_then(|n| {
            let id = n.child_val("numId")?.to_string();
            let level = n
                .child_val("ilvl")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            Some((id, level))
        });
        ParaProps {
            align: p.child_val("jc").map(str::to_string),
            first_line,
            left: twips("left").or_else(|| twips("start")),
            outline: p.child_val("outlineLvl").and_then(|v| v.parse().ok()),
            num,
        }
    }

    pub fn over(&self, below: &ParaProps) -> ParaProps {
        ParaProps {
            align: self.align.clone().or_else(|| below.align.clone()),
            first_line: self.first_line.or(below.first_line),
            left: self.left.or(below.left),
            outline: self.outline.or(below.outline),
            num: self.num.clone().or_else(|| below.num.clone()),
        }
    }
}

#[derive(Debug, Clone, Default)]
struct Style {
    name: Option<String>,
    based_on: Option<String>,
    para: ParaProps,
    run: RunProps,
}

/// `styles.xml`, resolved on demand.
#[derive(Debug, Clone, Default)]
pub struct Styles {
    by_id: HashMap<String, Style>,
    default_run: RunProps,
    default_para: ParaProps,
    /// The paragraph style applied where a paragraph names none.
    default_para_style: Option<String>,
}

impl Styles {
    pub fn read(root: Option<&Element>) -> Styles {
        let Some(root) = root else {
            return Styles::default();
        };
        let defaults = root.child("docDefaults");
        let default_run = RunProps::read(
            defaults
                .and_then(|d| d.child("rPrDefault"))
                .and_then(|r| r.child("rPr")),
        );
        let default_para = ParaProps::read(
            defaults
                .and_then(|d| d.child("pPrDefault"))
                .and_then(|p| p.child("pPr")),
        );
        let mut by_id = HashMap::new();
        let mut default_para_style = None;
        for s in root.children_named("style") {
            let Some(id) = s.attr("styleId") else {
                continue;
            };
            if s.attr("type") == Some("paragraph")
                && s.attr("default").is_some_and(|d| d == "1" || d == "true")
            {
                default_para_style = Some(id.to_string());
            }
            by_id.insert(
                id.to_string(),
                Style {
                    name: s.child_val("name").map(str::to_string),
                    based_on: s.child_val("basedOn").map(str::to_string),
                    para: ParaProps::read(s.child("pPr")),
                    run: RunProps::read(s.child("rPr")),
                },
            );
        }
        Styles {
            by_id,
            default_run,
            default_para,
            default_para_style,
        }
    }

    /// The style's chain, itself first; a loop in `basedOn` ends it.
    fn chain(&self, id: Option<&str>) -> Vec<&Style> {
        let mut out: Vec<&Style> = Vec::new();
        let mut next = id
            .map(str::to_string)
            .or_else(|| self.default_para_style.clone());
        while let Some(id) = next {
            let Some(s) = self.by_id.get(&id) else {
                break;
            };
            if out.iter().any(|o| std::ptr::eq(*o, s)) || out.len() > 32 {
                break;
            }
            out.push(s);
            next = s.based_on.clone();
        }
        out
    }

    pub fn name(&self, id: &str) -> Option<&str> {
        self.by_id.get(id).and_then(|s| s.name.as_deref())
    }

    /// A paragraph's properties: its own over its style's over the defaults.
    pub fn para(&self, style: Option<&str>, own: &ParaProps) -> ParaProps {
        self.chain(style)
            .iter()
            .fold(own.clone(), |acc, s| acc.over(&s.para))
            .over(&self.default_para)
    }

    /// A run's properties: its own over its character style's, its
    /// paragraph style's and the defaults.
    pub fn run(
        &self,
        para_style: Option<&str>,
        run_style: Option<&str>,
        own: &RunProps,
    ) -> RunProps {
        let mut acc = own.clone();
        if let Some(id) = run_style {
            for s in self.chain(Some(id)) {
                acc = acc.over(&s.run);
            }
        }
        for s in self.chain(para_style) {
            acc = acc.over(&s.run);
        }
        acc.over(&self.default_run)
    }
}
