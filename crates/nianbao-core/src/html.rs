//! HTML (saved pages, rich clipboard) → [`Doc`].
//!
//! `tl` parses without copying, so every text node is a slice of the input and its byte
//! offset is a pointer difference: spans point into the HTML source itself. Block elements
//! end a line; every `<tr>` of a data table becomes one `Row` line with one cell per
//! `<td>`/`<th>`. Merged cells need no grid expansion: the table readers identify a row by
//! its last label and read the value cells after it (`tables.rs`). A `<tr>` whose cells hold
//! a nested `<table>` is page layout, and its content is read as flow. Nothing in the HTML is
//! ever executed; `<script>`, `<style>` and `<head>` are skipped.

use crate::doc::{Cell, Doc, Line, LineKind, Shape, Span};
use crate::normalize::is_space;

const SKIP: &[&str] = &["script", "style", "noscript", "head", "template", "svg", "object", "iframe", "select", "textarea"];
const BLOCK: &[&str] = &[
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
    "header", "footer", "nav", "blockquote", "pre", "hr", "dd", "dt", "dl", "form", "center",
    "table", "tbody", "thead", "tfoot", "caption", "main", "aside", "body", "html",
];

/// One piece of text: decoded text and the source span it came from.
#[derive(Debug, Clone)]
struct Piece {
    span: Span,
    text: String,
}

struct Builder<'a> {
    src: &'a str,
    base: usize,
    lines: Vec<Line>,
    flow: Vec<Piece>,
    table_depth: usize,
}

pub fn to_doc(src: &str) -> Doc {
    let dom = match tl::parse(src, tl::ParserOptions::default()) {
        Ok(d) => d,
        Err(_) => return crate::doc::from_text(src, Shape::Html),
    };
    let parser = dom.parser();
    let mut b = Builder { src, base: src.as_ptr() as usize, lines: Vec::new(), flow: Vec::new(), table_depth: 0 };
    for h in dom.children() {
        b.walk(*h, parser);
    }
    b.flush();
    Doc { lines: b.lines, shape: Shape::Html }
}

fn name_is(tag: &tl::HTMLTag, names: &[&str]) -> bool {
    let n = tag.name().as_utf8_str();
    names.iter().any(|x| n.eq_ignore_ascii_case(x))
}

impl<'a> Builder<'a> {
    fn offset_of(&self, bytes: &[u8]) -> Option<usize> {
        let p = bytes.as_ptr() as usize;
        (p >= self.base && p + bytes.len() <= self.base + self.src.len()).then(|| p - self.base)
    }

    fn text_piece(&self, bytes: &[u8]) -> Option<Piece> {
        let start = self.offset_of(bytes)?;
        let end = start + bytes.len();
        let span = trim_entities(self.src, start, end);
        if span.is_empty() {
            return None;
        }
        let text = decode_entities(&self.src[span.start..span.end]);
        let text = collapse_spaces(&text);
        (!text.is_empty()).then_some(Piece { span, text })
    }

    fn flush(&mut self) {
        if self.flow.is_empty() {
            return;
        }
        let pieces = std::mem::take(&mut self.flow);
        let span = pieces[0].span.cover(pieces[pieces.len() - 1].span);
        let text: String = pieces.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("");
        let text = text.trim_matches(is_space).to_string();
        if text.is_empty() {
            return;
        }
        self.lines.push(Line {
            span,
            text: text.clone(),
            cells: vec![Cell { span, text }],
            kind: LineKind::Text,
            in_html_table: self.table_depth > 0,
        });
    }

    fn walk(&mut self, h: tl::NodeHandle, parser: &tl::Parser<'a>) {
        let Some(node) = h.get(parser) else { return };
        match node {
            tl::Node::Raw(bytes) => {
                if let Some(p) = self.text_piece(bytes.as_bytes()) {
                    self.flow.push(p);
                }
            }
            tl::Node::Comment(_) => {}
            tl::Node::Tag(tag) => {
                if name_is(tag, SKIP) {
                    return;
                }
                if name_is(tag, &["tr"]) && !contains_table(tag, parser) {
                    self.flush();
                    self.row(tag, parser);
                    return;
                }
                let block = name_is(tag, BLOCK) || name_is(tag, &["tr", "td", "th"]);
                let is_table = name_is(tag, &["table"]);
                if block {
                    self.flush();
                }
                if is_table {
                    self.table_depth += 1;
                }
                for c in tag.children().top().iter() {
                    self.walk(*c, parser);
                }
                if block {
                    self.flush();
                }
                if is_table {
                    self.table_depth -= 1;
                }
            }
        }
    }

    fn row(&mut self, tr: &tl::HTMLTag, parser: &tl::Parser<'a>) {
        let mut cells = Vec::new();
        for c in tr.children().top().iter() {
            let Some(tl::Node::Tag(td)) = c.get(parser) else { continue };
            if !name_is(td, &["td", "th"]) {
                continue;
            }
            let mut pieces = Vec::new();
            self.collect(td, parser, &mut pieces);
            let cell = if pieces.is_empty() {
                let at = self.offset_of(td.raw().as_bytes()).unwrap_or(0);
                Cell { span: Span::new(at, at), text: String::new() }
            } else {
                let span = pieces[0].span.cover(pieces[pieces.len() - 1].span);
                let text = pieces.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("");
                Cell { span, text: text.trim_matches(is_space).to_string() }
            };
            cells.push(cell);
        }
        if cells.is_empty() {
            return;
        }
        let span = cells.iter().filter(|c| !c.span.is_empty()).map(|c| c.span).reduce(Span::cover);
        let span = span.unwrap_or(cells[0].span);
        let text = cells.iter().map(|c| c.text.as_str()).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" ");
        self.lines.push(Line { span, text, cells, kind: LineKind::Row, in_html_table: true });
    }

    fn collect(&self, tag: &tl::HTMLTag, parser: &tl::Parser<'a>, out: &mut Vec<Piece>) {
        for c in tag.children().top().iter() {
            match c.get(parser) {
                Some(tl::Node::Raw(b)) => {
                    if let Some(p) = self.text_piece(b.as_bytes()) {
                        out.push(p);
                    }
                }
                Some(tl::Node::Tag(t)) if !name_is(t, SKIP) => self.collect(t, parser, out),
                _ => {}
            }
        }
    }
}

fn contains_table(tag: &tl::HTMLTag, parser: &tl::Parser) -> bool {
    tag.children().top().iter().any(|c| match c.get(parser) {
        Some(tl::Node::Tag(t)) => name_is(t, &["table"]) || contains_table(t, parser),
        _ => false,
    })
}

const SPACE_ENTITIES: &[&str] = &["&nbsp;", "&#160;", "&#xa0;", "&#xA0;", "&ensp;", "&emsp;", "&#12288;", "&thinsp;"];

/// Trims whitespace and whitespace entities at both ends of `src[start..end]`.
fn trim_entities(src: &str, mut start: usize, mut end: usize) -> Span {
    loop {
        let s = &src[start..end];
        if let Some(c) = s.chars().next().filter(|c| is_space(*c)) {
            start += c.len_utf8();
        } else if let Some(e) = SPACE_ENTITIES.iter().find(|e| s.starts_with(**e)) {
            start += e.len();
        } else {
            break;
        }
    }
    loop {
        let s = &src[start..end];
        if let Some(c) = s.chars().next_back().filter(|c| is_space(*c)) {
            end -= c.len_utf8();
        } else if let Some(e) = SPACE_ENTITIES.iter().find(|e| s.ends_with(**e)) {
            end -= e.len();
        } else {
            break;
        }
    }
    Span::new(start, end.max(start))
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if is_space(c) {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Decodes the HTML entities that occur in reports (named ones and numeric references).
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|j| j + 1).filter(|j| *j <= 10);
        let decoded = end.and_then(|j| {
            let name = &rest[1..j];
            let c = match name {
                "nbsp" | "ensp" | "emsp" | "thinsp" => Some(' '),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                "lsquo" => Some('‘'),
                "rsquo" => Some('’'),
                "mdash" => Some('—'),
                "ndash" => Some('–'),
                "middot" => Some('·'),
                "hellip" => Some('…'),
                "times" => Some('×'),
                _ if name.starts_with("#x") || name.starts_with("#X") => u32::from_str_radix(&name[2..], 16).ok().and_then(char::from_u32),
                _ if name.starts_with('#') => name[1..].parse::<u32>().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, j + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_cells_and_spans() {
        let src = "<html><head><title>t</title><script>var a='<td>9</td>';</script></head><body>\
                   <p>一、总体情况</p><table><tr><td rowspan=2>规章</td><td>&nbsp;12 </td><td></td></tr>\
                   <tr><td>本年新<br/>制作数量</td></tr></table><div>尾&amp;声</div></body></html>";
        let d = to_doc(src);
        let texts: Vec<&str> = d.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["一、总体情况", "规章 12", "本年新制作数量", "尾&声"]);
        let row = &d.lines[1];
        assert_eq!(row.kind, LineKind::Row);
        assert_eq!(row.cells.len(), 3);
        let c = &row.cells[1];
        assert_eq!(&src[c.span.start..c.span.end], "12");
        assert_eq!(row.cells[2].text, "");
    }

    #[test]
    fn layout_tables_are_flow() {
        let src = "<table><tr><td><p>标题</p><table><tr><td>a</td><td>1</td></tr></table></td></tr></table>";
        let d = to_doc(src);
        assert_eq!(d.lines[0].text, "标题");
        assert_eq!(d.lines[1].cells.len(), 2);
    }

    #[test]
    fn entities() {
        assert_eq!(decode_entities("a&nbsp;b&#20013;&#x4E2D;&bogus;&"), "a b中中&bogus;&");
    }
}
