//! Outline numbering (PL1 II.6đ, V.6b): mục `I.`, điều `Điều 1.`, khoản `1.`,
//! điểm `a)`. Numbers are always computed here, never typed by the user.

/// A numbered level of the outline, from the outermost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Mục of a plan or report: `I.`, `II.` …
    Muc,
    /// Điều of a decision: `Điều 1.` …
    Dieu,
    /// Khoản: `1.`, `2.` …
    Khoan,
    /// Điểm: `a)`, `b)` … in the Vietnamese alphabet.
    Diem,
}

impl Level {
    fn depth(self) -> usize {
        match self {
            Level::Muc | Level::Dieu => 0,
            Level::Khoan => 1,
            Level::Diem => 2,
        }
    }
}

/// Counts headings as they come and gives each its label.
#[derive(Debug, Default, Clone)]
pub struct Outline {
    counters: [u32; 3],
}

impl Outline {
    /// The label of the next item at `level`; deeper levels restart.
    pub fn next(&mut self, level: Level) -> String {
        let depth = level.depth();
        self.counters[depth] += 1;
        for deeper in &mut self.counters[depth + 1..] {
            *deeper = 0;
        }
        let n = self.counters[depth];
        match level {
            Level::Muc => format!("{}.", roman(n)),
            Level::Dieu => format!("Điều {n}."),
            Level::Khoan => format!("{n}."),
            Level::Diem => format!("{})", letter(n)),
        }
    }
}

/// Upper-case Roman numeral.
pub fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// The Vietnamese alphabet without f, j, w, z, as điểm letters run.
const LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// The n-th điểm letter (1-based); past `y` letters double (`aa`, `bb` …).
fn letter(n: u32) -> String {
    let i = (n as usize - 1) % LETTERS.len();
    LETTERS[i].repeat((n as usize - 1) / LETTERS.len() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn muc_khoan_diem_nest_and_restart() {
        let mut o = Outline::default();
        assert_eq!(o.next(Level::Muc), "I.");
        assert_eq!(o.next(Level::Khoan), "1.");
        assert_eq!(o.next(Level::Khoan), "2.");
        assert_eq!(o.next(Level::Diem), "a)");
        assert_eq!(o.next(Level::Diem), "b)");
        assert_eq!(o.next(Level::Khoan), "3.");
        assert_eq!(o.next(Level::Diem), "a)");
        assert_eq!(o.next(Level::Muc), "II.");
        assert_eq!(o.next(Level::Khoan), "1.");
    }

    #[test]
    fn dieu_counts_like_a_top_level() {
        let mut o = Outline::default();
        assert_eq!(o.next(Level::Dieu), "Điều 1.");
        assert_eq!(o.next(Level::Khoan), "1.");
        assert_eq!(o.next(Level::Dieu), "Điều 2.");
        assert_eq!(o.next(Level::Khoan), "1.");
    }

    #[test]
    fn roman_numerals() {
        let got: Vec<String> = [1, 2, 3, 4, 5, 9, 10, 14, 40, 90, 2026].map(roman).to_vec();
        assert_eq!(
            got,
            ["I", "II", "III", "IV", "V", "IX", "X", "XIV", "XL", "XC", "MMXXVI"]
        );
    }

    #[test]
    fn diem_letters_follow_the_vietnamese_alphabet() {
        let got: Vec<String> = (1..=7).map(letter).collect();
        assert_eq!(got, ["a", "b", "c", "d", "đ", "e", "g"]);
        assert_eq!(letter(23), "y");
        assert_eq!(letter(24), "aa");
    }
}
