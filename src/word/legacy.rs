//! Text typed before Unicode, in the fonts Vietnamese offices used for two
//! decades: TCVN3 (ABC, fonts `.VnTime`, `.VnArial`, and the capitals-only
//! `.VnTimeH`) and VNI (`VNI-Times`). Word keeps such text as the Windows
//! characters of its bytes (`B¸o c¸o` for `Báo cáo`); the run's font says
//! which table turns it back into Vietnamese. Output is NFC.

use unicode_normalization::UnicodeNormalization;

/// The legacy encoding a font implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Legacy {
    /// TCVN 5712:1993 (ABC); `capitals` for the `…H` fonts, which draw
    /// every letter as a capital.
    Tcvn3 { capitals: bool },
    /// VNI Windows: a letter, then its marks as separate characters.
    Vni,
}

impl Legacy {
    /// The encoding of text in `font`, or none for a Unicode font.
    pub fn of_font(font: &str) -> Option<Legacy> {
        let f = font.trim();
        let lower = f.to_ascii_lowercase();
        if lower.starts_with(".vn") {
            return Some(Legacy::Tcvn3 {
                capitals: f.ends_with('H'),
            });
        }
        if lower.starts_with("vni-") || lower.starts_with("vni ") {
            return Some(Legacy::Vni);
        }
        None
    }

    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 { .. } => "TCVN3",
            Legacy::Vni => "VNI",
        }
    }

    /// `text` as Unicode, NFC.
    pub fn decode(self, text: &str) -> String {
        let out = match self {
            Legacy::Tcvn3 { capitals } => {
                let s: String = text.chars().map(tcvn3).collect();
                if capitals {
                    s.to_uppercase()
                } else {
                    s
                }
            }
            Legacy::Vni => vni(text),
        };
        out.nfc().collect()
    }
}

/// TCVN 5712:1993 VN3, the encoding of the ABC fonts, bytes 0xA0–0xFF, as
/// glibc's `TCVN5712-1` table decodes them (generated with `iconv -f
/// TCVN5712-1`). Below 0xA0 a VN3 font keeps Windows' own characters
/// (curly quotes, dashes), so those are left as they are.
const TCVN3_HIGH: &str = "\u{a0}ĂÂÊÔƠƯĐăâêôơưđẶ\u{300}\u{309}\u{303}\u{301}\u{323}àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ";

fn tcvn3(c: char) -> char {
    let code = c as u32;
    match (0xA0..=0xFF).contains(&code) {
        true => TCVN3_HIGH.chars().nth((code - 0xA0) as usize).unwrap_or(c),
        false => c,
    }
}

/// VNI Windows: a vowel's marks follow it as Latin-1 letters. The tone
/// after a plain vowel: `ù` sắc, `ø` huyền, `û` hỏi, `õ` ngã, `ï` nặng;
/// after a circumflex (`â`) its combined forms `á à å ã ä`, after a breve
/// (`ê`) `é è ú ü ë`. `ô` is ơ, `ö` ư, `ñ` đ; the i's tones are single
/// letters (`í ì æ ó ò`), and `î` is ỵ. Capitals likewise.
fn vni(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match vowel(c, chars.get(i + 1).copied()) {
            Some((composed, used)) => {
                out.push_str(&composed);
                i += used;
            }
            None => {
                out.push(single(c));
                i += 1;
            }
        }
    }
    out
}

/// Tone marks as combining characters.
const ACUTE: char = '\u{301}';
const GRAVE: char = '\u{300}';
const HOOK: char = '\u{309}';
const TILDE: char = '\u{303}';
const DOT: char = '\u{323}';
const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';
const HORN: char = '\u{31b}';

/// The tone a VNI mark after a plain vowel, ơ or ư stands for.
fn tone(mark: char) -> Option<char> {
    Some(match mark.to_lowercase().next()? {
        'ù' => ACUTE,
        'ø' => GRAVE,
        'û' => HOOK,
        'õ' => TILDE,
        'ï' => DOT,
        _ => return None,
    })
}

/// A circumflex with or without a tone: `â`, `á à å ã ä`.
fn circumflex(mark: char) -> Option<Option<char>> {
    Some(match mark.to_lowercase().next()? {
        'â' => None,
        'á' => Some(ACUTE),
        'à' => Some(GRAVE),
        'å' => Some(HOOK),
        'ã' => Some(TILDE),
        'ä' => Some(DOT),
        _ => return None,
    })
}

/// A breve with or without a tone: `ê`, `é è ú ü ë`.
fn breve(mark: char) -> Option<Option<char>> {
    Some(match mark.to_lowercase().next()? {
        'ê' => None,
        'é' => Some(ACUTE),
        'è' => Some(GRAVE),
        'ú' => Some(HOOK),
        'ü' => Some(TILDE),
        'ë' => Some(DOT),
        _ => return None,
    })
}

/// A vowel at `c` with the marks after it: the composed letter and how
/// many characters it took.
fn vowel(c: char, next: Option<char>) -> Option<(String, usize)> {
    let compose = |base: char, marks: &[char]| -> String {
        std::iter::once(base).chain(marks.iter().copied()).collect()
    };
    let base = c.to_lowercase().next()?;
    // ơ and ư are letters of their own, a tone may follow.
    if base == 'ô' || base == 'ö' {
        let letter = match (base, c.is_uppercase()) {
            ('ô', true) => 'O',
            ('ô', false) => 'o',
            (_, true) => 'U',
            (_, false) => 'u',
        };
        let mut marks = vec![HORN];
        let mut used = 1;
        if let Some(t) = next.and_then(tone) {
            marks.push(t);
            used = 2;
        }
        return Some((compose(letter, &marks), used));
    }
    if !matches!(base, 'a' | 'e' | 'o' | 'u' | 'y') {
        return None;
    }
    let next = next?;
    // After u, an `ô` is the ơ of `uơ`, read on its own turn.
    if let Some(tone) = tone(next) {
        return Some((compose(c, &[tone]), 2));
    }
    if matches!(base, 'a' | 'e' | 'o') {
        if let Some(t) = circumflex(next) {
            let mut marks = vec![CIRCUMFLEX];
            marks.extend(t);
            return Some((compose(c, &marks), 2));
        }
    }
    if base == 'a' {
        if let Some(t) = breve(next) {
            let mut marks = vec![BREVE];
            marks.extend(t);
            return Some((compose(c, &marks), 2));
        }
    }
    None
}

/// A letter standing alone: đ, the i's tones, ỵ.
fn single(c: char) -> char {
    match c {
        'ñ' => 'đ',
        'Ñ' => 'Đ',
        'í' => 'í',
        'ì' => 'ì',
        'æ' => 'ỉ',
        'ó' => 'ĩ',
        'ò' => 'ị',
        'Í' => 'Í',
        'Ì' => 'Ì',
        'Æ' => 'Ỉ',
        'Ó' => 'Ĩ',
        'Ò' => 'Ị',
        'î' => 'ỵ',
        'Î' => 'Ỵ',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_text_reads_as_vietnamese() {
        let t = Legacy::Tcvn3 { capitals: false };
        assert_eq!(t.decode("B¸t Tr¸ng"), "Bát Tráng");
        assert_eq!(t.decode("Kh\u{ad}¬ng Th¾ng"), "Khương Thắng");
        assert_eq!(
            t.decode("Uû ban nh©n d©n x· B¸t Trµng"),
            "Uỷ ban nhân dân xã Bát Tràng"
        );
        assert_eq!(t.decode("®éc lËp"), "độc lập");
    }

    #[test]
    fn tcvn3_capital_fonts_print_capitals() {
        assert_eq!(
            Legacy::of_font(".VnTimeH"),
            Some(Legacy::Tcvn3 { capitals: true })
        );
        let t = Legacy::of_font(".VnTimeH").unwrap();
        assert_eq!(t.decode("kÕ ho¹ch"), "KẾ HOẠCH");
    }

    #[test]
    fn vni_text_reads_as_vietnamese() {
        let v = Legacy::Vni;
        assert_eq!(v.decode("Vieät Nam"), "Việt Nam");
        assert_eq!(v.decode("Xin chaøo caùc baïn"), "Xin chào các bạn");
        assert_eq!(
            v.decode("Ñoäc laäp - Töï do - Haïnh phuùc"),
            "Độc lập - Tự do - Hạnh phúc"
        );
        assert_eq!(
            v.decode("Uûy ban nhaân daân xaõ Baùt Traøng"),
            "Ủy ban nhân dân xã Bát Tràng"
        );
        assert_eq!(v.decode("KEÁ HOAÏCH"), "KẾ HOẠCH");
        assert_eq!(
            v.decode("naêm 2026, thaéng lôïi, ngöôøi"),
            "năm 2026, thắng lợi, người"
        );
        assert_eq!(v.decode("tæ leä, kyõ, Myõ, quyù"), "tỉ lệ, kỹ, Mỹ, quý");
    }

    #[test]
    fn unicode_fonts_are_left_alone() {
        assert_eq!(Legacy::of_font("Times New Roman"), None);
        assert_eq!(Legacy::of_font("VNI-Times"), Some(Legacy::Vni));
        assert_eq!(
            Legacy::of_font(".VnTime"),
            Some(Legacy::Tcvn3 { capitals: false })
        );
    }
}
