//! A clerk's text as the page holds it: placeholders filled ([`crate::text`])
//! and emphasis read. `**bold**`, `*italic*`, `***both***`; `\*` is a literal
//! asterisk, and an asterisk that opens or closes nothing (`5 * 3`) stays as
//! written. A line break inside the text is a line break on the page.
//! `^[…]` is a footnote, as pandoc writes one: its mark stands there, its
//! text (with its own emphasis) goes to the foot of the page. Emphasis does
//! not run across a footnote. Web and e-mail addresses become links
//! ([`super::links`]).

use super::links;
use crate::model::{Inline, Span};
use crate::text::{self, Vars};

/// `raw` with its footnotes and emphasis read and its placeholders filled.
/// Emphasis is read first, so a citation's own text is never taken for
/// marks.
pub fn inline(raw: &str, vars: &Vars) -> Result<Inline, String> {
    let mut spans = Vec::new();
    for piece in footnotes(raw.trim_end_matches('\n'))? {
        match piece {
            Piece::Text(t) => {
                spans.extend(emphasis(t).0.into_iter().filter(|s| !s.text.is_empty()))
            }
            Piece::Note(t) => {
                if t.contains("^[") {
                    return Err(
                        "chú thích không lồng trong chú thích (a footnote inside a footnote)"
                            .into(),
                    );
                }
                spans.push(Span {
                    note: Some(inline(t, vars)?),
                    ..Span::default()
                });
            }
        }
    }
    for span in &mut spans {
        span.text = text::expand(&span.text, vars)?;
    }
    // Addresses are found once the placeholders are filled: a profile may
    // hold the commune's portal.
    let spans: Vec<Span> = spans.into_iter().flat_map(links::linked).collect();
    if spans.is_empty() {
        return Ok(Inline::plain_text(""));
    }
    Ok(Inline(spans))
}

/// A stretch of a clerk's text: text, or a footnote's `^[…]` content.
#[derive(Debug, PartialEq)]
enum Piece<'a> {
    Text(&'a str),
    Note(&'a str),
}

/// `raw` cut at its footnotes; a footnote ends at the `]` that closes its
/// `^[`, brackets inside it counted.
fn footnotes(raw: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(start) = rest.find("^[") {
        if start > 0 {
            out.push(Piece::Text(&rest[..start]));
        }
        let body = &rest[start + 2..];
        let mut depth = 0usize;
        let end = body.char_indices().find_map(|(i, c)| match c {
            '[' => {
                depth += 1;
                None
            }
            ']' if depth == 0 => Some(i),
            ']' => {
                depth -= 1;
                None
            }
            _ => None,
        });
        let Some(end) = end else {
            return Err("chú thích `^[` chưa có `]` đóng (unclosed footnote)".into());
        };
        out.push(Piece::Note(&body[..end]));
        rest = &body[end + 1..];
    }
    if !rest.is_empty() || out.is_empty() {
        out.push(Piece::Text(rest));
    }
    Ok(out)
}

/// A run of text or of asterisks, as scanned.
#[derive(Debug)]
enum Token {
    Text(String),
    /// `n` asterisks that may open emphasis (text follows) or close it
    /// (text precedes).
    Marks {
        n: usize,
        open: bool,
        close: bool,
    },
}

/// The spans of `raw`, emphasis read.
pub fn emphasis(raw: &str) -> Inline {
    let tokens = scan(raw);
    let pairs = pair(&tokens);
    let (mut bold, mut italic) = (0u32, 0u32);
    let mut spans: Vec<Span> = Vec::new();
    let push = |spans: &mut Vec<Span>, text: &str, bold: bool, italic: bool| match spans.last_mut()
    {
        Some(last) if last.bold == bold && last.italic == italic => last.text.push_str(text),
        _ => spans.push(Span {
            text: text.to_string(),
            bold,
            italic,
            ..Span::default()
        }),
    };
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Text(t) => push(&mut spans, t, bold > 0, italic > 0),
            Token::Marks { n, .. } => match pairs[i] {
                Some(opens) => {
                    let step = |depth: &mut u32| {
                        if opens {
                            *depth += 1
                        } else {
                            *depth -= 1
                        }
                    };
                    if *n >= 2 {
                        step(&mut bold);
                    }
                    if *n != 2 {
                        step(&mut italic);
                    }
                }
                None => push(&mut spans, &"*".repeat(*n), bold > 0, italic > 0),
            },
        }
    }
    if spans.is_empty() {
        spans.push(Span::default());
    }
    Inline(spans)
}

fn scan(raw: &str) -> Vec<Token> {
    let chars: Vec<char> = raw.chars().collect();
    let mut tokens = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' if chars.get(i + 1) == Some(&'*') => {
                text.push('*');
                i += 2;
            }
            '*' => {
                let start = i;
                while chars.get(i) == Some(&'*') {
                    i += 1;
                }
                let n = i - start;
                let before = start.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i).copied();
                let open = after.is_some_and(|c| !c.is_whitespace());
                let close = before.is_some_and(|c| !c.is_whitespace());
                if n > 3 || !(open || close) {
                    text.extend(&chars[start..i]);
                    continue;
                }
                if !text.is_empty() {
                    tokens.push(Token::Text(std::mem::take(&mut text)));
                }
                tokens.push(Token::Marks { n, open, close });
            }
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
    if !text.is_empty() {
        tokens.push(Token::Text(text));
    }
    tokens
}

/// For each token, `Some(true)` if it opens emphasis, `Some(false)` if it
/// closes it, `None` if it is text. A closer matches the nearest open run of
/// the same length; runs left open inside it, or never closed, are text.
fn pair(tokens: &[Token]) -> Vec<Option<bool>> {
    let mut role = vec![None; tokens.len()];
    let mut open: Vec<(usize, usize)> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let Token::Marks {
            n,
            open: can_open,
            close: can_close,
        } = *token
        else {
            continue;
        };
        if can_close {
            if let Some(at) = open.iter().rposition(|&(_, m)| m == n) {
                let (opener, _) = open[at];
                open.truncate(at);
                role[opener] = Some(true);
                role[i] = Some(false);
                continue;
            }
        }
        if can_open {
            open.push((i, n));
        }
    }
    role
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(raw: &str) -> Vec<(String, bool, bool)> {
        emphasis(raw)
            .0
            .into_iter()
            .map(|s| (s.text, s.bold, s.italic))
            .collect()
    }

    fn r(text: &str, bold: bool, italic: bool) -> (String, bool, bool) {
        (text.to_string(), bold, italic)
    }

    #[test]
    fn bold_italic_and_both() {
        assert_eq!(
            runs("báo cáo **trước ngày 01/6** và *(gọi tắt là Kế hoạch)* rồi ***cả hai***."),
            [
                r("báo cáo ", false, false),
                r("trước ngày 01/6", true, false),
                r(" và ", false, false),
                r("(gọi tắt là Kế hoạch)", false, true),
                r(" rồi ", false, false),
                r("cả hai", true, true),
                r(".", false, false),
            ]
        );
    }

    #[test]
    fn nested_emphasis() {
        assert_eq!(
            runs("**đậm *nghiêng* đậm**"),
            [
                r("đậm ", true, false),
                r("nghiêng", true, true),
                r(" đậm", true, false)
            ]
        );
    }

    #[test]
    fn literal_asterisks_stay() {
        assert_eq!(runs(r"5 \* 3 = 15"), [r("5 * 3 = 15", false, false)]);
        assert_eq!(runs("5 * 3 và 2 * 4"), [r("5 * 3 và 2 * 4", false, false)]);
        assert_eq!(runs("*không đóng"), [r("*không đóng", false, false)]);
        assert_eq!(runs("ghi chú*"), [r("ghi chú*", false, false)]);
        assert_eq!(runs("****"), [r("****", false, false)]);
        assert_eq!(runs(""), [r("", false, false)]);
    }

    #[test]
    fn footnotes_are_cut_at_their_closing_bracket() {
        use Piece::*;
        assert_eq!(
            footnotes("năm 2018) ^[Hồ sơ [dự thảo] gửi.]. Nhân dân^[Kết luận *số 212*]; hết")
                .unwrap(),
            [
                Text("năm 2018) "),
                Note("Hồ sơ [dự thảo] gửi."),
                Text(". Nhân dân"),
                Note("Kết luận *số 212*"),
                Text("; hết"),
            ]
        );
        assert_eq!(footnotes("không có").unwrap(), [Text("không có")]);
        assert_eq!(
            footnotes("[1] ngoặc vuông thường").unwrap(),
            [Text("[1] ngoặc vuông thường")]
        );
        assert!(footnotes("mở ^[mà không đóng").is_err());
    }

    #[test]
    fn line_breaks_are_kept_in_the_text() {
        assert_eq!(
            runs("dòng một\n**dòng hai**"),
            [r("dòng một\n", false, false), r("dòng hai", true, false)]
        );
    }
}
