//! HTML (saved pages, rich clipboard) → [`Doc`].
//!
//! A small scanner, not a DOM: it reads tags (name only), comments, raw-text elements
//! (`<script>`, `<style>`) and text, and keeps every text run as a byte range of the HTML
//! source, so spans point into the HTML itself and replacing a span replaces the value on
//! the page. Real government pages are Word exports with upper-case void tags (`<BR>`),
//! `<br/>`, unclosed `<p>` and nested layout tables; a tree builder that mis-nests a void tag
//! swallows the rest of the page into one cell (seen with `tl` 0.7), and a tokenizer that
//! decodes text loses the source positions. What this needs is small enough to own.
//!
//! Block elements end a line; every `<tr>` of a data table becomes one `Row` line with one
//! cell per `<td>`/`<th>`. Merged cells need no grid expansion: the table readers identify a
//! row by its last label and read the value cells after it (`tables.rs`). A row whose cell
//! contains a nested `<table>` is page layout: its text becomes flow. Nothing in the HTML is
//! executed; `<script>`, `<style>` and the `<head>` are skipped.

use crate::doc::{Cell, Doc, Line, LineKind, Shape, Span};
use crate::normalize::is_space;

const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "form",
    "center",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "caption",
    "main",
    "aside",
    "body",
    "html",
    "title",
    "option",
];
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "xmp", "noscript", "template", "svg", "object", "select",
];

#[derive(Debug)]
enum Tok<'a> {
    Start(&'a str, usize),
    End(&'a str),
    Text(usize, usize),
}

/// Scans `src` into tags and text runs. Never fails: stray `<` is text.
fn scan(src: &str) -> Vec<Tok<'_>> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut text_start = 0;
    let find = |from: usize, pat: &[u8]| {
        b[from.min(b.len())..]
            .windows(pat.len())
            .position(|w| w.eq_ignore_ascii_case(pat))
            .map(|p| from + p)
    };
    while i < b.len() {
        let Some(lt) = memchr::memchr(b'<', &b[i..]).map(|p| i + p) else {
            break;
        };
        let next = b.get(lt + 1).copied().unwrap_or(0);
        let (is_end, name_at) = if next == b'/' {
            (true, lt + 2)
        } else {
            (false, lt + 1)
        };
        if b[lt..].starts_with(b"<!--") {
            if lt > text_start {
                out.push(Tok::Text(text_start, lt));
            }
            let end = find(lt + 4, b"-->").map(|e| e + 3).unwrap_or(b.len());
            i = end;
            text_start = end;
            continue;
        }
        if next == b'!' || next == b'?' {
            if lt > text_start {
                out.push(Tok::Text(text_start, lt));
            }
            let end = memchr::memchr(b'>', &b[lt..])
                .map(|p| lt + p + 1)
                .unwrap_or(b.len());
            i = end;
            text_start = end;
            continue;
        }
        if !b
            .get(name_at)
            .map(|c| c.is_ascii_alphabetic())
            .unwrap_or(false)
        {
            i = lt + 1;
            continue;
        }
        let name_end = (name_at..b.len())
            .find(|&k| !(b[k].is_ascii_alphanumeric() || b[k] == b'-' || b[k] == b':'))
            .unwrap_or(b.len());
        // the tag ends at the first '>' outside quotes
        let mut k = name_end;
        let mut quote = 0u8;
        while k < b.len() {
            let c = b[k];
            if quote != 0 {
                if c == quote {
                    quote = 0;
                }
            } else if c == b'"' || c == b'\'' {
                quote = c;
            } else if c == b'>' {
                break;
            }
            k += 1;
        }
        let tag_end = (k + 1).min(b.len());
        if lt > text_start {
            out.push(Tok::Text(text_start, lt));
        }
        let name = &src[name_at..name_end];
        if is_end {
            out.push(Tok::End(name));
        } else {
            out.push(Tok::Start(name, lt));
            if RAW_TEXT.iter().any(|r| name.eq_ignore_ascii_case(r)) {
                let close = format!("</{name}");
                let end = find(tag_end, close.as_bytes()).unwrap_or(b.len());
                let after = memchr::memchr(b'>', &b[end..])
                    .map(|p| end + p + 1)
                    .unwrap_or(b.len());
                out.push(Tok::End(name));
                i = after;
                text_start = after;
                continue;
            }
        }
        i = tag_end;
        text_start = tag_end;
    }
    if text_start < b.len() {
        out.push(Tok::Text(text_start, b.len()));
    }
    out
}

#[derive(Debug, Clone)]
struct Piece {
    span: Span,
    text: String,
}

#[derive(Default)]
struct TableCtx {
    row: Option<Vec<Cell>>,
    cell: Option<(usize, Vec<Piece>)>,
    /// The current row holds a nested table: it is page layout, its text is flow.
    layout: bool,
}

struct Builder<'a> {
    src: &'a str,
    lines: Vec<Line>,
    flow: Vec<Piece>,
    tables: Vec<TableCtx>,
}

fn is(name: &str, list: &[&str]) -> bool {
    list.iter().any(|x| name.eq_ignore_ascii_case(x))
}

pub fn to_doc(src: &str) -> Doc {
    let mut b = Builder {
        src,
        lines: Vec::new(),
        flow: Vec::new(),
        tables: Vec::new(),
    };
    let mut in_head = false;
    for t in scan(src) {
        match t {
            Tok::Start(n, _) if n.eq_ignore_ascii_case("head") => in_head = true,
            Tok::End(n) if n.eq_ignore_ascii_case("head") => in_head = false,
            Tok::Start(n, _) if n.eq_ignore_ascii_case("body") => {
                in_head = false;
                b.flush();
            }
            _ if in_head => {}
            Tok::Text(s, e) => b.text(s, e),
            Tok::Start(n, at) => b.start(n, at),
            Tok::End(n) => b.end(n),
        }
    }
    while !b.tables.is_empty() {
        b.end("table");
    }
    b.flush();
    Doc {
        lines: b.lines,
        shape: Shape::Html,
    }
}

impl<'a> Builder<'a> {
    fn piece(&self, start: usize, end: usize) -> Option<Piece> {
        let span = trim_entities(self.src, start, end);
        if span.is_empty() {
            return None;
        }
        let text = collapse_spaces(&decode_entities(&self.src[span.start..span.end]));
        (!text.is_empty()).then_some(Piece { span, text })
    }

    fn in_cell(&mut self) -> Option<&mut Vec<Piece>> {
        let t = self.tables.last_mut()?;
        if t.layout {
            return None;
        }
        t.cell.as_mut().map(|(_, p)| p)
    }

    fn text(&mut self, s: usize, e: usize) {
        let Some(p) = self.piece(s, e) else { return };
        match self.in_cell() {
            Some(cell) => cell.push(p),
            None => self.flow.push(p),
        }
    }

    fn start(&mut self, n: &str, at: usize) {
        if n.eq_ignore_ascii_case("table") {
            // a table inside a cell makes the enclosing row page layout
            if let Some(outer) = self.tables.last_mut() {
                if outer.cell.is_some() || outer.row.is_some() {
                    let mut pieces: Vec<Piece> = outer
                        .row
                        .take()
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|c| !c.text.is_empty())
                        .map(|c| Piece {
                            span: c.span,
                            text: c.text,
                        })
                        .collect();
                    if let Some((_, p)) = outer.cell.take() {
                        pieces.extend(p);
                    }
                    outer.layout = true;
                    for p in pieces {
                        self.flow.push(p);
                        self.flush();
                    }
                }
            }
            self.flush();
            self.tables.push(TableCtx::default());
            return;
        }
        if self.tables.is_empty() || self.tables.last().map(|t| t.layout).unwrap_or(false) {
            if is(n, BLOCK) || is(n, &["tr", "td", "th"]) {
                self.flush();
            }
            return;
        }
        if n.eq_ignore_ascii_case("tr") {
            self.end_row();
            self.tables.last_mut().unwrap().row = Some(Vec::new());
        } else if is(n, &["td", "th"]) {
            self.end_cell();
            let t = self.tables.last_mut().unwrap();
            if t.row.is_none() {
                t.row = Some(Vec::new());
            }
            t.cell = Some((at, Vec::new()));
        } else if self.tables.last().unwrap().cell.is_none() && is(n, BLOCK) {
            self.flush();
        }
    }

    fn end(&mut self, n: &str) {
        if n.eq_ignore_ascii_case("table") {
            if self.tables.is_empty() {
                return;
            }
            self.end_row();
            self.tables.pop();
            self.flush();
            return;
        }
        let layout = self.tables.last().map(|t| t.layout).unwrap_or(true);
        if n.eq_ignore_ascii_case("tr") && !self.tables.is_empty() {
            if layout {
                self.flush();
                self.tables.last_mut().unwrap().layout = false;
            } else {
                self.end_row();
            }
        } else if is(n, &["td", "th"]) && !layout {
            self.end_cell();
        } else if (layout || self.tables.last().map(|t| t.cell.is_none()).unwrap_or(true))
            && is(n, BLOCK)
        {
            self.flush();
        }
    }

    fn end_cell(&mut self) {
        let Some(t) = self.tables.last_mut() else {
            return;
        };
        let Some((at, pieces)) = t.cell.take() else {
            return;
        };
        let cell = if pieces.is_empty() {
            Cell::new(Span::new(at, at), String::new())
        } else {
            let span = pieces[0].span.cover(pieces[pieces.len() - 1].span);
            let text = pieces
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join("");
            Cell::new(span, text.trim_matches(is_space).to_string())
        };
        t.row.get_or_insert_with(Vec::new).push(cell);
    }

    fn end_row(&mut self) {
        self.end_cell();
        let Some(t) = self.tables.last_mut() else {
            return;
        };
        let Some(cells) = t.row.take() else { return };
        if cells.is_empty() {
            return;
        }
        let span = cells
            .iter()
            .filter(|c| !c.span.is_empty())
            .map(|c| c.span)
            .reduce(Span::cover)
            .unwrap_or(cells[0].span);
        let text = cells
            .iter()
            .map(|c| c.text.as_str())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        self.lines.push(Line {
            span,
            joined: text,
            cells,
            kind: LineKind::Row,
            in_html_table: true,
        });
    }

    fn flush(&mut self) {
        if self.flow.is_empty() {
            return;
        }
        let pieces = std::mem::take(&mut self.flow);
        let span = pieces[0].span.cover(pieces[pieces.len() - 1].span);
        let text: String = pieces
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("");
        let text = text.trim_matches(is_space).to_string();
        if text.is_empty() {
            return;
        }
        self.lines.push(Line {
            span,
            joined: String::new(),
            cells: vec![Cell::new(span, text)],
            kind: LineKind::Text,
            in_html_table: false,
        });
    }
}

pub(crate) const SPACE_ENTITIES: &[&str] = &[
    "&nbsp;", "&#160;", "&#xa0;", "&#xA0;", "&ensp;", "&emsp;", "&#12288;", "&thinsp;", "&NBSP;",
];

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
                "nbsp" | "NBSP" | "ensp" | "emsp" | "thinsp" => Some(' '),
                "amp" | "AMP" => Some('&'),
                "lt" | "LT" => Some('<'),
                "gt" | "GT" => Some('>'),
                "quot" | "QUOT" => Some('"'),
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
                _ if name.starts_with("#x") || name.starts_with("#X") => {
                    u32::from_str_radix(&name[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                }
                _ if name.starts_with('#') => {
                    name[1..].parse::<u32>().ok().and_then(char::from_u32)
                }
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

    fn texts(src: &str) -> Vec<String> {
        to_doc(src)
            .lines
            .iter()
            .map(|l| l.text().to_string())
            .collect()
    }

    #[test]
    fn table_rows_cells_and_spans() {
        let src = "<html><head><title>t</title><script>var a='<td>9</td>';</script></head><body>\
                   <p>一、总体情况</p><table><tr><td rowspan=2>规章</td><td>&nbsp;12 </td><td></td></tr>\
                   <tr><td>本年新<br/>制作数量</td></tr></table><div>尾&amp;声</div></body></html>";
        let d = to_doc(src);
        let texts: Vec<&str> = d.lines.iter().map(|l| l.text()).collect();
        assert_eq!(
            texts,
            ["一、总体情况", "规章 12", "本年新制作数量", "尾&声"]
        );
        let row = &d.lines[1];
        assert_eq!(row.kind, LineKind::Row);
        assert_eq!(row.cells.len(), 3);
        let c = &row.cells[1];
        assert_eq!(&src[c.span.start..c.span.end], "12");
        assert_eq!(row.cells[2].text, "");
    }

    #[test]
    fn word_export_markup() {
        let src = "<P class=MsoNormal>甲<BR>乙</P><TABLE><TR><TD><P>规<SPAN>章</SPAN></P></TD><TD x='a>b'>0</TD></TR></TABLE><!-- <td>9</td> --><p>丙";
        assert_eq!(texts(src), ["甲", "乙", "规章 0", "丙"]);
    }

    #[test]
    fn layout_tables_are_flow() {
        let src = "<table><tr><td><p>标题</p><table><tr><td>a</td><td>1</td></tr></table><p>后</p></td></tr><tr><td>x</td><td>2</td></tr></table>";
        let d = to_doc(src);
        let t: Vec<&str> = d.lines.iter().map(|l| l.text()).collect();
        assert_eq!(t, ["标题", "a 1", "后", "x 2"]);
        assert_eq!(d.lines[1].cells.len(), 2);
        assert_eq!(d.lines[3].kind, LineKind::Row);
    }

    #[test]
    fn broken_markup_never_panics() {
        for src in [
            "<",
            "<<td>",
            "</table></tr>",
            "<table><td>1",
            "<a href=\"x",
            "<!--",
            "<script>",
            "&#xFFFFFFFF;&#0;&",
            "<tr><td>3</td>",
        ] {
            let _ = to_doc(src);
        }
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a&nbsp;b&#20013;&#x4E2D;&bogus;&"),
            "a b中中&bogus;&"
        );
    }
}
