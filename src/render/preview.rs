//! The pages as the editor shows them (`vanban serve`): each page of the
//! same typst layout the PDF is written from, as SVG, with its text for
//! screen readers and the browser's find.
//!
//! A page is named by the hash of its laid-out frame, so the editor asks
//! only for the pages a keystroke changed: an SVG is made only for a page
//! the editor does not already hold.

use crate::diag::Diagnostic;
use crate::model::Document;
use typst::layout::{Frame, FrameItem, Point};
use typst_svg::SvgOptions;

/// One laid-out page.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Page {
    /// The hash of the page's layout, in hex: equal pages, equal names.
    pub id: String,
    /// The page as SVG; `None` when the caller said it holds this page.
    pub svg: Option<String>,
    /// The page's words, line by line, in reading order.
    pub text: String,
}

/// Lay `doc` out and return its pages; `held(id)` says which pages the
/// caller already has, whose SVG is not made again.
pub fn pages(doc: &Document, held: impl Fn(&str) -> bool) -> Result<Vec<Page>, Diagnostic> {
    let laid_out = super::pdf::layout(doc)?;
    let options = SvgOptions::default();
    Ok(laid_out
        .pages()
        .iter()
        .map(|page| {
            // The fill and numbering are part of the page as well as its
            // frame, but vanban's pages differ only in their frames.
            let id = format!("{:032x}", typst::utils::hash128(&page.frame));
            Page {
                svg: (!held(&id)).then(|| typst_svg::svg(page, &options)),
                text: text_of(&page.frame),
                id,
            }
        })
        .collect())
}

/// The text of a frame, a line per baseline, words in the order laid out.
fn text_of(frame: &Frame) -> String {
    let mut runs = Vec::new();
    collect_runs(frame, Point::zero(), &mut runs);
    let mut text = String::new();
    let mut last_y: Option<f64> = None;
    for (y, run) in runs {
        // Runs on one baseline (a bold word inside a line) join with the
        // spaces typst kept in them; a new baseline is a new line.
        if last_y.is_some_and(|prev| (y - prev).abs() >= 0.5) {
            text.push('\n');
        }
        text.push_str(&run);
        last_y = Some(y);
    }
    text
}

fn collect_runs(frame: &Frame, origin: Point, runs: &mut Vec<(f64, String)>) {
    for (pos, item) in frame.items() {
        let at = origin + *pos;
        match item {
            FrameItem::Group(group) => collect_runs(&group.frame, at, runs),
            FrameItem::Text(run) => runs.push((at.y.to_pt(), run.text.to_string())),
            _ => {}
        }
    }
}
