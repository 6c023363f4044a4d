//! The fonts vanban carries inside its binary: Liberation Serif, metric-
//! compatible with Times New Roman (which the DOCX names), with full
//! Vietnamese coverage in all four styles. OFL-1.1, see assets/fonts/OFL.txt.

use crate::diag::Diagnostic;
use std::sync::OnceLock;

pub const FAMILY: &str = "Liberation Serif";

/// Regular, bold, italic, bold italic: the four styles the decree uses.
pub const FILES: [&[u8]; 4] = [
    include_bytes!("../assets/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../assets/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../assets/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../assets/fonts/LiberationSerif-BoldItalic.ttf"),
];

fn faces() -> &'static [ttf_parser::Face<'static>; 4] {
    static FACES: OnceLock<[ttf_parser::Face<'static>; 4]> = OnceLock::new();
    FACES.get_or_init(|| FILES.map(|f| ttf_parser::Face::parse(f, 0).expect("bundled font parses")))
}

fn face(bold: bool, italic: bool) -> &'static ttf_parser::Face<'static> {
    &faces()[usize::from(bold) + 2 * usize::from(italic)]
}

/// The first character of `lines` (a document's, in reading order) that the
/// bundled font cannot draw:
/// typst would leave a blank there without a word, so vanban asks first.
pub fn missing_glyph<S: AsRef<str>>(lines: &[S]) -> Option<char> {
    lines
        .iter()
        .find_map(|l| missing_chars(l.as_ref()).first().copied())
}

/// The message for a character the font lacks.
pub fn missing_glyph_error(c: char) -> Diagnostic {
    Diagnostic::error(format!(
        "phông chữ {} không có ký tự `{c}` (U+{:04X}), nên không in được ra PDF \
         (character not in the font); hãy bỏ hoặc thay ký tự này",
        FAMILY, c as u32
    ))
}

/// Width of `text` set on one line, in millimetres (advances, no kerning).
pub fn text_width_mm(text: &str, size_pt: f32, bold: bool, italic: bool) -> f32 {
    let face = face(bold, italic);
    let units: u32 = text
        .chars()
        .filter_map(|c| face.glyph_index(c))
        .map(|g| u32::from(face.glyph_hor_advance(g).unwrap_or(0)))
        .sum();
    units as f32 / f32::from(face.units_per_em()) * size_pt * 25.4 / 72.0
}

/// Vertical metrics of the regular face in em: ascender, descender (below
/// the baseline, positive) and line gap. Word's "single" line spacing is
/// their sum (1.15 em for Times New Roman); the PDF lays lines out the same.
pub fn line_metrics() -> LineMetrics {
    let face = face(false, false);
    let em = f32::from(face.units_per_em());
    LineMetrics {
        ascender_em: f32::from(face.ascender()) / em,
        descender_em: -f32::from(face.descender()) / em,
        gap_em: f32::from(face.line_gap()) / em,
    }
}

#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct LineMetrics {
    pub ascender_em: f32,
    pub descender_em: f32,
    pub gap_em: f32,
}

/// Characters of `text` that one of the four styles cannot draw, each once,
/// in order of appearance. Typst leaves such glyphs blank without a word,
/// so vanban must ask first.
pub fn missing_chars(text: &str) -> Vec<char> {
    let mut missing: Vec<char> = Vec::new();
    for c in text.chars() {
        if !c.is_control() && !drawable(c) && !missing.contains(&c) {
            missing.push(c);
        }
    }
    missing
}

/// Whether all four styles have a glyph for `c`. Every character of every
/// document passes through here, so the Basic Multilingual Plane is a
/// bitmap built once from the fonts' character maps; the rest (emoji and
/// the like, never in the fonts) asks the fonts directly.
fn drawable(c: char) -> bool {
    static BMP: OnceLock<Vec<u64>> = OnceLock::new();
    let cp = c as u32;
    if cp >= 0x10000 {
        return faces().iter().all(|f| has_glyph(f, c));
    }
    let bmp = BMP.get_or_init(|| {
        faces()
            .iter()
            .map(bmp_coverage)
            .reduce(|a, b| a.iter().zip(&b).map(|(x, y)| x & y).collect())
            .expect("four faces")
    });
    bmp[cp as usize / 64] & (1 << (cp % 64)) != 0
}

/// Glyph 0 is `.notdef`, the empty box a font draws for what it lacks.
fn has_glyph(face: &ttf_parser::Face, c: char) -> bool {
    face.glyph_index(c).is_some_and(|g| g.0 != 0)
}

/// The BMP code points `face` maps to a real glyph, as `has_glyph` sees
/// them (any Unicode subtable that has the code point).
fn bmp_coverage(face: &ttf_parser::Face) -> Vec<u64> {
    let mut bits = vec![0u64; 0x10000 / 64];
    let Some(cmap) = face.tables().cmap else {
        return bits;
    };
    for table in cmap.subtables.into_iter().filter(|t| t.is_unicode()) {
        table.codepoints(|cp| {
            if cp < 0x10000 && table.glyph_index(cp).is_some_and(|g| g.0 != 0) {
                bits[cp as usize / 64] |= 1 << (cp % 64);
            }
        });
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_vietnamese_in_every_style() {
        let text = "Ủy ban nhân dân xã Bát Tràng, Độc lập - Tự do - Hạnh phúc; Nguyễn Đặng ưởng ẫ ỹ ự ơ Ơ Ư ă â ê ô đ Đ";
        assert!(missing_chars(text).is_empty());
        assert_eq!(missing_chars("a😀b中😀"), ['😀', '中']);
    }

    #[test]
    fn the_coverage_bitmap_agrees_with_the_fonts() {
        for c in (0..0x10000).filter_map(char::from_u32) {
            let direct = faces().iter().all(|f| has_glyph(f, c));
            assert_eq!(drawable(c), direct, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn measures_like_times_new_roman() {
        // TNR's advance for "M" is 1821/2048 em: 14 pt → 4.39 mm.
        let w = text_width_mm("M", 14.0, false, false);
        assert!((w - 4.39).abs() < 0.02, "{w}");
        assert!(text_width_mm("ABC", 13.0, true, false) > text_width_mm("ABC", 13.0, false, false));
        let m = line_metrics();
        let single = m.ascender_em + m.descender_em + m.gap_em;
        assert!((single - 1.15).abs() < 0.01, "{m:?}");
    }
}
