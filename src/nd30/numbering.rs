//! Outline numbering (PL1 II.6đ, V.6b): mục `I.`, điều `Điều 1.`, khoản
//! `1.`, then `a)` or the decimal `1.1.`, `1.1.1.`, and `(1)` lists. Numbers
//! are always computed here, never typed by the user.

use schemars::JsonSchema;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// How one level of an outline is numbered, written in a document as the
/// first label of the level: `I`, `1`, `1.1`, `a`, `(1)`, `Điều 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// `Chương I`, `Chương II` … on a line of their own, the title under
    /// them (a quy chế's chapters); articles run on across chapters.
    Chapter,
    /// `I.`, `II.` … (mục of a plan or report).
    Roman,
    /// `Điều 1.`, `Điều 2.` … (a decision's articles).
    Article,
    /// `1.`, `2.` … (khoản).
    Arabic,
    /// `1.1.`, `1.1.1.` …: the numbers of every enclosing Arabic or decimal
    /// level, then this one.
    Decimal,
    /// `a)`, `b)` … in the Vietnamese alphabet (điểm).
    Letter,
    /// `(1)`, `(2)` ….
    Parenthesised,
}

impl Mark {
    /// Every mark with the ways a clerk may write it.
    const WRITTEN: [(Mark, &'static [&'static str]); 7] = [
        (Mark::Chapter, &["Chương I"]),
        (Mark::Roman, &["I", "I."]),
        (Mark::Article, &["Điều 1", "Điều 1."]),
        (Mark::Arabic, &["1", "1."]),
        (Mark::Decimal, &["1.1", "1.1.", "1.1.1", "1.1.1."]),
        (Mark::Letter, &["a", "a)"]),
        (Mark::Parenthesised, &["(1)"]),
    ];

    fn parse(written: &str) -> Option<Mark> {
        let written = written.trim();
        Mark::WRITTEN
            .iter()
            .find(|(_, forms)| forms.contains(&written))
            .map(|(m, _)| *m)
    }

    fn written(self) -> &'static str {
        Mark::WRITTEN
            .iter()
            .find(|(m, _)| *m == self)
            .map(|(_, forms)| forms[0])
            .expect("every mark is written")
    }
}

impl Serialize for Mark {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.written())
    }
}

impl<'de> Deserialize<'de> for Mark {
    /// YAML reads `1` as a number and `1.1` as a decimal: both are taken
    /// as the marks they look like.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Mark, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Mark;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("one of Chương I, I, Điều 1, 1, 1.1, a, (1)")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Mark, E> {
                Mark::parse(s).ok_or_else(|| {
                    E::custom(format!(
                        "cách đánh số `{s}` không có; dùng một trong: Chương I, I, Điều 1, 1, 1.1, a, (1) (unknown numbering mark)"
                    ))
                })
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Mark, E> {
                self.visit_str(&n.to_string())
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Mark, E> {
                self.visit_str(&n.to_string())
            }
            fn visit_f64<E: de::Error>(self, x: f64) -> Result<Mark, E> {
                self.visit_str(&x.to_string())
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Mark {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Mark".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Cách đánh số một cấp (numbering of one level): Chương I, I, Điều 1, 1, 1.1, a, (1)",
            "anyOf": [
                { "enum": ["Chương I", "I", "Điều 1", "1", "1.1", "1.1.1", "a", "(1)"] },
                { "enum": [1, 1.1] }
            ]
        })
    }
}

/// The scheme of a plan or report when the document names none: `I.`,
/// `1.`, `a)` (PL1 V.6b).
pub const PLAN_SCHEME: [Mark; 3] = [Mark::Roman, Mark::Arabic, Mark::Letter];

/// Counts the items of an outline as they come and gives each its label,
/// by the scheme of its level (`scheme[0]` for the outermost).
#[derive(Debug, Clone)]
pub struct Outline {
    scheme: Vec<Mark>,
    counters: Vec<u32>,
}

impl Outline {
    pub fn new(scheme: &[Mark]) -> Outline {
        Outline {
            scheme: scheme.to_vec(),
            counters: vec![0; scheme.len()],
        }
    }

    /// How `level` is numbered, if the scheme reaches it.
    pub fn mark(&self, level: usize) -> Option<Mark> {
        self.scheme.get(level).copied()
    }

    /// How many levels the scheme numbers.
    pub fn depth(&self) -> usize {
        self.scheme.len()
    }

    /// The label of the next item at `level` (0 the outermost); deeper
    /// levels restart. `None` past the scheme's last level.
    pub fn next(&mut self, level: usize) -> Option<String> {
        let mark = *self.scheme.get(level)?;
        self.counters[level] += 1;
        // Articles are numbered through the whole text, across chapters.
        for (deeper, m) in self.counters[level + 1..]
            .iter_mut()
            .zip(&self.scheme[level + 1..])
        {
            if *m != Mark::Article {
                *deeper = 0;
            }
        }
        let n = self.counters[level];
        Some(match mark {
            Mark::Chapter => format!("Chương {}", roman(n)),
            Mark::Roman => format!("{}.", roman(n)),
            Mark::Article => format!("Điều {n}."),
            Mark::Arabic => format!("{n}."),
            Mark::Decimal => {
                let path: Vec<String> = (0..=level)
                    .filter(|&l| matches!(self.scheme[l], Mark::Arabic | Mark::Decimal))
                    .map(|l| self.counters[l].to_string())
                    .collect();
                format!("{}.", path.join("."))
            }
            Mark::Letter => format!("{})", letter(n)),
            Mark::Parenthesised => format!("({n})"),
        })
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

/// The marks of lines that are not numbered: `-` under a numbered item, `+`
/// under a `-` line, and `-` again below that.
pub fn dash(depth: usize) -> &'static str {
    if depth.is_multiple_of(2) {
        "-"
    } else {
        "+"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn muc_khoan_diem_nest_and_restart() {
        let mut o = Outline::new(&PLAN_SCHEME);
        let mut next = |l| o.next(l).unwrap();
        assert_eq!(next(0), "I.");
        assert_eq!(next(1), "1.");
        assert_eq!(next(1), "2.");
        assert_eq!(next(2), "a)");
        assert_eq!(next(2), "b)");
        assert_eq!(next(1), "3.");
        assert_eq!(next(2), "a)");
        assert_eq!(next(0), "II.");
        assert_eq!(next(1), "1.");
        assert_eq!(o.next(3), None, "past the scheme");
    }

    #[test]
    fn decimal_levels_carry_their_parents_numbers() {
        let mut o = Outline::new(&[Mark::Roman, Mark::Arabic, Mark::Decimal, Mark::Decimal]);
        let mut next = |l| o.next(l).unwrap();
        assert_eq!(next(0), "I.");
        assert_eq!(next(1), "1.");
        assert_eq!(next(2), "1.1.");
        assert_eq!(next(2), "1.2.");
        assert_eq!(next(3), "1.2.1.");
        assert_eq!(next(1), "2.");
        assert_eq!(next(2), "2.1.");
        assert_eq!(next(0), "II.");
        assert_eq!(next(1), "1.");
        assert_eq!(next(2), "1.1.");
    }

    #[test]
    fn articles_and_parenthesised_lists() {
        let mut o = Outline::new(&[Mark::Article, Mark::Arabic, Mark::Parenthesised]);
        let mut next = |l| o.next(l).unwrap();
        assert_eq!(next(0), "Điều 1.");
        assert_eq!(next(1), "1.");
        assert_eq!(next(2), "(1)");
        assert_eq!(next(2), "(2)");
        assert_eq!(next(0), "Điều 2.");
        assert_eq!(next(1), "1.");
    }

    #[test]
    fn articles_run_on_across_chapters() {
        let mut o = Outline::new(&[Mark::Chapter, Mark::Article, Mark::Arabic]);
        let mut next = |l| o.next(l).unwrap();
        assert_eq!(next(0), "Chương I");
        assert_eq!(next(1), "Điều 1.");
        assert_eq!(next(2), "1.");
        assert_eq!(next(1), "Điều 2.");
        assert_eq!(next(2), "1.");
        assert_eq!(next(0), "Chương II");
        assert_eq!(next(1), "Điều 3.");
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

    #[test]
    fn marks_are_written_as_their_first_label() {
        let marks: Vec<Mark> =
            serde_norway::from_str("[I, 1, 1.1, \"1.1.1\", a, (1), Điều 1]").unwrap();
        assert_eq!(
            marks,
            [
                Mark::Roman,
                Mark::Arabic,
                Mark::Decimal,
                Mark::Decimal,
                Mark::Letter,
                Mark::Parenthesised,
                Mark::Article
            ]
        );
        assert!(serde_norway::from_str::<Vec<Mark>>("[i]").is_err());
        assert_eq!(
            serde_norway::to_string(&marks[..3]).unwrap(),
            "- I\n- '1'\n- '1.1'\n"
        );
    }

    #[test]
    fn dashes_alternate_with_pluses() {
        assert_eq!([0, 1, 2].map(dash), ["-", "+", "-"]);
    }
}
