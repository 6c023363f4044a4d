//! XML as a DOCX holds it, read into a small tree without trusting it: a
//! DTD is refused (so no entity can expand, no billion laughs, nothing read
//! from disk or network), only XML's five entities and character references
//! are known, and nesting deeper than a bound is refused before it costs
//! stack or memory. Names are kept without their prefix (`w:p` → `p`):
//! files from other programs bind the same namespaces to other prefixes.

use super::package::Refused;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

#[derive(Debug, Clone, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Debug, Clone)]
pub enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// The value of the attribute named `name` (prefix ignored).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.elements().filter(move |e| e.name == name)
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The `val` attribute of the child `name`: `<w:jc w:val="center"/>`.
    pub fn child_val(&self, name: &str) -> Option<&str> {
        self.child(name).and_then(|c| c.attr("val"))
    }

    /// Every descendant named `name`, in document order.
    pub fn descendants<'a>(&'a self, name: &'a str) -> Vec<&'a Element> {
        let mut out = Vec::new();
        let mut stack: Vec<&Element> = vec![self];
        while let Some(e) = stack.pop() {
            if e.name == name && !std::ptr::eq(e, self) {
                out.push(e);
            }
            stack.extend(e.elements().collect::<Vec<_>>().into_iter().rev());
        }
        out
    }

    /// The text of every text node below, in order.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut stack: Vec<&Node> = self.children.iter().rev().collect();
        while let Some(n) = stack.pop() {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => stack.extend(e.children.iter().rev()),
            }
        }
        out
    }
}

/// A switch in WordprocessingML that is on unless `val` says off:
/// `<w:b/>`, `<w:b w:val="true"/>`, `<w:b w:val="0"/>`.
pub fn on(e: &Element) -> bool {
    !matches!(e.attr("val"), Some("0" | "false" | "off" | "none"))
}

fn local(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    match name.rsplit_once(':') {
        Some((_, local)) => local.to_string(),
        None => name.into_owned(),
    }
}

/// The document element of `bytes`, the part named `part` in messages.
pub fn parse(bytes: &[u8], part: &str, max_depth: usize) -> Result<Element, Refused> {
    let refuse = |why: String| Refused::Xml(part.to_string(), why);
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        let at = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| refuse(format!("{e} (byte {at})")))?;
        match event {
            Event::DocType(_) => {
                return Err(refuse(
                    "có khai báo DTD (<!DOCTYPE>), điều DOCX không bao giờ có: bị từ chối \
                     để không mở rộng thực thể (DTD refused)"
                        .into(),
                ))
            }
            Event::Start(e) => {
                if stack.len() > max_depth {
                    return Err(refuse(format!(
                        "phần tử lồng sâu quá {max_depth} cấp (nesting too deep)"
                    )));
                }
                stack.push(element(&e).map_err(refuse)?);
            }
            Event::Empty(e) => {
                let el = element(&e).map_err(refuse)?;
                push(&mut stack, Node::Element(el));
            }
            Event::End(_) => {
                let done = stack.pop().expect("an open element");
                if stack.is_empty() {
                    return Err(refuse("thẻ đóng thừa (unbalanced end tag)".into()));
                }
                push(&mut stack, Node::Element(done));
            }
            Event::Text(t) => {
                let text = t.decode().map_err(|e| refuse(e.to_string()))?;
                push_text(&mut stack, &text);
            }
            Event::CData(t) => {
                let text = t.decode().map_err(|e| refuse(e.to_string()))?;
                push_text(&mut stack, &text);
            }
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref().map_err(|e| refuse(e.to_string()))? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().map_err(|e| refuse(e.to_string()))?;
                        predefined(&name)
                            .ok_or_else(|| {
                                refuse(format!(
                                    "thực thể không rõ `&{name};` (unknown entity): DOCX chỉ dùng \
                                     năm thực thể của XML"
                                ))
                            })?
                            .to_string()
                    }
                };
                push_text(&mut stack, &text);
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    if stack.len() != 1 {
        return Err(refuse("tệp kết thúc giữa chừng (unexpected end)".into()));
    }
    let root = stack.pop().expect("the document holder");
    root.children
        .into_iter()
        .find_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or_else(|| refuse("không có phần tử nào (no element)".into()))
}

fn predefined(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => return None,
    })
}

fn element(e: &BytesStart) -> Result<Element, String> {
    let mut attrs = Vec::new();
    for a in e.attributes().with_checks(true) {
        let a = a.map_err(|e| e.to_string())?;
        let value = a.unescape_value().map_err(|e| e.to_string())?;
        attrs.push((local(a.key.as_ref()), value.into_owned()));
    }
    Ok(Element {
        name: local(e.name().as_ref()),
        attrs,
        children: Vec::new(),
    })
}

fn push(stack: &mut [Element], node: Node) {
    stack
        .last_mut()
        .expect("an open element")
        .children
        .push(node);
}

fn push_text(stack: &mut [Element], text: &str) {
    let parent = stack.last_mut().expect("an open element");
    match parent.children.last_mut() {
        Some(Node::Text(t)) => t.push_str(text),
        _ => parent.children.push(Node::Text(text.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(xml: &str) -> String {
        match parse(xml.as_bytes(), "word/document.xml", 64) {
            Err(Refused::Xml(_, why)) => why,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn reads_names_without_prefixes_text_and_entities() {
        let root = parse(
            br#"<?xml version="1.0"?><w:document xmlns:w="x"><w:p><w:t xml:space="preserve">a &amp; &#7879;</w:t></w:p></w:document>"#,
            "d",
            64,
        )
        .unwrap();
        assert_eq!(root.name, "document");
        assert_eq!(root.child("p").unwrap().text(), "a & ệ");
    }

    #[test]
    fn a_dtd_an_unknown_entity_and_deep_nesting_are_refused() {
        let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><d>&lol2;</d>"#;
        assert!(refused(laughs).contains("DTD"));
        let external = r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>"#;
        assert!(refused(external).contains("DTD"));
        assert!(refused("<d>&x;</d>").contains("&x;"));
        let deep = format!("{}{}", "<a>".repeat(100_000), "</a>".repeat(100_000));
        assert!(refused(&deep).contains("64"));
        assert!(!refused("<d><e></d>").is_empty());
        assert!(!refused("<d>").is_empty());
    }
}
