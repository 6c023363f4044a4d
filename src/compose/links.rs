//! Web and e-mail addresses in a clerk's text become links in both outputs,
//! printed exactly as written (real documents cite portals:
//! `https://ykien.cantho.gov.vn`). An address is a word that starts with
//! `http://` or `https://` (after an opening bracket or quote, if any), or
//! a word of the form `name@domain.vn`. Punctuation that ends the sentence
//! after it stays outside the link, as GitHub's autolinks do.

use crate::model::Span;
use std::ops::Range;

/// The longest address made a link; a longer one stays text (browsers keep
/// to about 2,000 characters, typst refuses URLs over 8,000 bytes).
const LONGEST: usize = 2000;

/// `span` cut so that each address in it is a span of its own, with the
/// span's emphasis and its link. A footnote's mark is left as it is.
pub(super) fn linked(span: Span) -> Vec<Span> {
    if span.note.is_some() || span.link.is_some() {
        return vec![span];
    }
    let found = addresses(&span.text);
    if found.is_empty() {
        return vec![span];
    }
    let piece = |text: &str, link: Option<String>| Span {
        text: text.to_string(),
        link,
        ..span.clone()
    };
    let mut out = Vec::with_capacity(2 * found.len() + 1);
    let mut at = 0;
    for (range, target) in found {
        if range.start > at {
            out.push(piece(&span.text[at..range.start], None));
        }
        out.push(piece(&span.text[range.clone()], Some(target)));
        at = range.end;
    }
    if at < span.text.len() {
        out.push(piece(&span.text[at..], None));
    }
    out
}

/// Each address in `text`: its byte range and the link's target.
fn addresses(text: &str) -> Vec<(Range<usize>, String)> {
    let mut found = Vec::new();
    for word in text.split(char::is_whitespace) {
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        let opened = word.trim_start_matches(['(', '[', '<', '"', '\'', '“', '‘']);
        let start = start + (word.len() - opened.len());
        let address = trim_end(opened);
        if address.len() > LONGEST {
            continue;
        }
        let target = if is_web(address) {
            address.to_string()
        } else if is_email(address) {
            format!("mailto:{address}")
        } else {
            continue;
        };
        found.push((start..start + address.len(), target));
    }
    found
}

/// `http://` or `https://` and a host after it.
fn is_web(word: &str) -> bool {
    let lower = word.get(..8).unwrap_or(word).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &word[8..]
    } else if lower.starts_with("http://") {
        &word[7..]
    } else {
        return false;
    };
    rest.chars().next().is_some_and(char::is_alphanumeric)
}

/// `name@domain.tld`, in the letters addresses are written with.
fn is_email(word: &str) -> bool {
    let Some((name, domain)) = word.split_once('@') else {
        return false;
    };
    let name_ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    name_ok && domain_ok
}

/// The word without what closes the sentence or the bracket around it: a
/// final `.`, `,`, `;`, `:`, `!`, `?`, a closing quote, or a `)` or `]`
/// that closes nothing opened inside the address.
fn trim_end(word: &str) -> &str {
    let mut word = word;
    loop {
        let Some(last) = word.chars().last() else {
            return word;
        };
        let unmatched = |open: char, close: char| {
            last == close && word.matches(close).count() > word.matches(open).count()
        };
        let closes = matches!(
            last,
            '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '”' | '’' | '>'
        ) || unmatched('(', ')')
            || unmatched('[', ']');
        if !closes {
            return word;
        }
        word = &word[..word.len() - last.len_utf8()];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<(String, String)> {
        addresses(text)
            .into_iter()
            .map(|(r, t)| (text[r].to_string(), t))
            .collect()
    }

    fn pair(text: &str, target: &str) -> (String, String) {
        (text.to_string(), target.to_string())
    }

    #[test]
    fn a_portal_in_a_sentence_without_its_full_stop() {
        assert_eq!(
            links("tại website: https://moitruongthudo.vn/."),
            [pair(
                "https://moitruongthudo.vn/",
                "https://moitruongthudo.vn/"
            )]
        );
        assert_eq!(
            links("địa chỉ https://ykien.cantho.gov.vn (sau đây gọi tắt"),
            [pair(
                "https://ykien.cantho.gov.vn",
                "https://ykien.cantho.gov.vn"
            )]
        );
    }

    #[test]
    fn brackets_around_an_address_stay_outside_those_inside_stay_in() {
        assert_eq!(
            links("(xem http://a.vn/x_(1))."),
            [pair("http://a.vn/x_(1)", "http://a.vn/x_(1)")]
        );
        assert_eq!(
            links("“https://dichvucong.gov.vn”,"),
            [pair(
                "https://dichvucong.gov.vn",
                "https://dichvucong.gov.vn"
            )]
        );
    }

    #[test]
    fn an_email_address_links_to_mailto() {
        assert_eq!(
            links("gửi về hộp thư vanthu@battrang.hanoi.gov.vn; điện thoại"),
            [pair(
                "vanthu@battrang.hanoi.gov.vn",
                "mailto:vanthu@battrang.hanoi.gov.vn"
            )]
        );
    }

    #[test]
    fn words_that_only_look_like_addresses_are_text() {
        for text in [
            "https:// và http://",
            "giờ@ca",
            "a@b",
            "@xã",
            "xã@bát.tràng.vn",
            "httpsx://a.vn",
            "thư@.vn",
        ] {
            assert_eq!(links(text), [], "{text}");
        }
    }

    #[test]
    fn an_overlong_address_stays_text() {
        let long = format!("https://a.vn/{}", "x".repeat(LONGEST));
        assert_eq!(links(&long), []);
    }

    #[test]
    fn a_linked_span_keeps_its_emphasis_around_the_link() {
        let span = Span {
            text: "Cổng https://a.vn, hết".into(),
            bold: true,
            ..Span::default()
        };
        let out = linked(span);
        let parts: Vec<(&str, bool, Option<&str>)> = out
            .iter()
            .map(|s| (s.text.as_str(), s.bold, s.link.as_deref()))
            .collect();
        assert_eq!(
            parts,
            [
                ("Cổng ", true, None),
                ("https://a.vn", true, Some("https://a.vn")),
                (", hết", true, None),
            ]
        );
    }
}
