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
//! row by its last label and read the value cells after it (`tables/`). A row whose cell
//! contains a nested `<table>` is page layout: its text becomes flow. Nothing in the HTML is
//! executed; `<script>`, `<style>` and the `<head>` are skipped.

mod entities;
mod scan;

use super::{Doc, LineKind, MAX_CELLS};
use crate::base::normalize::is_space;
use crate::base::Span;
use crate::input::Shape;
use entities::{collapse_spaces, trim_entities};
use scan::{scan, Tok};
use std::borrow::Cow;

pub use entities::{decode_entities, SPACE_ENTITIES};

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

#[derive(Debug, Clone)]
struct Piece<'a> {
    span: Span,
    text: Cow<'a, str>,
}

/// A cell of a row in progress: its span and text.
type PendingCell<'a> = (Span, Cow<'a, str>);

#[derive(Default)]
struct TableCtx<'a> {
    row: Option<Vec<PendingCell<'a>>>,
    cell: Option<(usize, Vec<Piece<'a>>)>,
    /// The current row holds a nested table: it is page layout, its text is flow.
    layout: bool,
}

struct Builder<'a> {
    src: &'a str,
    doc: Doc<'a>,
    flow: Vec<Piece<'a>>,
    tables: Vec<TableCtx<'a>>,
}

fn is(name: &str, list: &[&str]) -> bool {
    list.iter().any(|x| name.eq_ignore_ascii_case(x))
}

pub fn to_doc(src: &str) -> Doc<'_> {
    let mut b = Builder {
        src,
        doc: Doc::new(src, Shape::Html),
        flow: Vec::new(),
        tables: Vec::new(),
    };
    let mut in_head = false;
    scan(src, |t| match t {
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
    });
    while !b.tables.is_empty() {
        b.end("table");
    }
    b.flush();
    b.doc
}

impl<'a> Builder<'a> {
    fn piece(&self, start: usize, end: usize) -> Option<Piece<'a>> {
        let span = trim_entities(self.src, start, end);
        if span.is_empty() {
            return None;
        }
        let src: &'a str = self.src;
        let text = collapse_spaces(decode_entities(&src[span.start..span.end]));
        (!text.is_empty()).then_some(Piece { span, text })
    }

    fn in_cell(&mut self) -> Option<&mut Vec<Piece<'a>>> {
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
                    let mut pieces: Vec<Piece<'a>> = outer
                        .row
                        .take()
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|c| !c.1.is_empty())
                        .map(|(span, text)| Piece { span, text })
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
        let Some(t) = self.tables.last_mut() else {
            return;
        };
        if n.eq_ignore_ascii_case("tr") {
            self.end_row();
            if let Some(t) = self.tables.last_mut() {
                t.row = Some(Vec::new());
            }
        } else if is(n, &["td", "th"]) {
            self.end_cell();
            if let Some(t) = self.tables.last_mut() {
                if t.row.is_none() {
                    t.row = Some(Vec::new());
                }
                t.cell = Some((at, Vec::new()));
            }
        } else if t.cell.is_none() && is(n, BLOCK) {
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
                if let Some(t) = self.tables.last_mut() {
                    t.layout = false;
                }
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
        let cell = match (pieces.first(), pieces.last()) {
            (Some(first), Some(last)) => {
                let span = first.span.cover(last.span);
                let text = if pieces.len() == 1 {
                    pieces
                        .into_iter()
                        .next()
                        .map(|p| p.text)
                        .unwrap_or_default()
                } else {
                    Cow::Owned(pieces.iter().map(|p| &*p.text).collect::<String>())
                };
                let text = match text {
                    Cow::Borrowed(t) => Cow::Borrowed(t.trim_matches(is_space)),
                    Cow::Owned(t) => Cow::Owned(t.trim_matches(is_space).to_string()),
                };
                (span, text)
            }
            _ => (Span::new(at, at), Cow::Borrowed("")),
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
            .filter(|c| !c.0.is_empty())
            .map(|c| c.0)
            .reduce(Span::cover)
            .unwrap_or(cells[0].0);
        // a row of thousands of cells is not a table row: its text is one cell
        let first = self.doc.mark();
        if cells.len() > MAX_CELLS {
            let text = cells
                .iter()
                .map(|c| &*c.1)
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            self.doc.push_cell_text(span, Cow::Owned(text));
            return self.doc.push_line(span, first, LineKind::Text, true);
        }
        for (span, text) in cells {
            self.doc.push_cell_text(span, text);
        }
        self.doc.push_line(span, first, LineKind::Row, true);
    }

    fn flush(&mut self) {
        if self.flow.is_empty() {
            return;
        }
        let pieces = std::mem::take(&mut self.flow);
        let span = pieces[0].span.cover(pieces[pieces.len() - 1].span);
        let text: String = pieces.iter().map(|p| &*p.text).collect();
        let text = text.trim_matches(is_space);
        if text.is_empty() {
            return;
        }
        let first = self.doc.mark();
        self.doc.push_cell_text(span, Cow::Borrowed(text));
        self.doc.push_line(span, first, LineKind::Text, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<String> {
        to_doc(src).lines().map(|l| l.text().into_owned()).collect()
    }

    #[test]
    fn table_rows_cells_and_spans() {
        let src = "<html><head><title>t</title><script>var a='<td>9</td>';</script></head><body>\
                   <p>一、总体情况</p><table><tr><td rowspan=2>规章</td><td>&nbsp;12 </td><td></td></tr>\
                   <tr><td>本年新<br/>制作数量</td></tr></table><div>尾&amp;声</div></body></html>";
        let d = to_doc(src);
        let texts: Vec<String> = d.lines().map(|l| l.text().into_owned()).collect();
        assert_eq!(
            texts,
            ["一、总体情况", "规章 12", "本年新制作数量", "尾&声"]
        );
        let row = d.line(1);
        assert_eq!(row.kind(), LineKind::Row);
        let cells: Vec<_> = row.cells().collect();
        assert_eq!(cells.len(), 3);
        assert_eq!(cells[1].span.of(src), "12");
        assert_eq!(cells[2].text, "");
    }

    #[test]
    fn word_export_markup() {
        let src = "<P class=MsoNormal>甲<BR>乙</P><TABLE><TR><TD><P>规<SPAN>章</SPAN></P></TD><TD x='a>b'>0</TD></TR></TABLE><!-- <td>9</td> --><p>丙";
        assert_eq!(texts(src), ["甲", "乙", "规章 0", "丙"]);
    }

    #[test]
    fn attributes_and_comments_as_browsers_read_them() {
        // an apostrophe inside an unquoted value opens no quote
        assert_eq!(
            texts("<table><tr><td x=a'b>规章</td><td>1</td></tr></table><p>后"),
            ["规章 1", "后"]
        );
        // a quote inside an attribute name neither
        assert_eq!(texts("<p a\"b=1>甲</p><p>乙"), ["甲", "乙"]);
        // quoted values may hold `>` and the other quote
        assert_eq!(texts("<p title='x>\"y' data-a = \"'>'\">甲</p>"), ["甲"]);
        // `<!-->`, `<!--->` and `--!>` end comments
        assert_eq!(
            texts("<!-->甲<!--->乙<!-- x --!>丙<!-- y -- z --->丁"),
            ["甲乙丙丁"]
        );
        assert_eq!(texts("甲<!-- 不闭合"), ["甲"]);
    }

    #[test]
    fn layout_tables_are_flow() {
        let src = "<table><tr><td><p>标题</p><table><tr><td>a</td><td>1</td></tr></table><p>后</p></td></tr><tr><td>x</td><td>2</td></tr></table>";
        let d = to_doc(src);
        let t: Vec<String> = d.lines().map(|l| l.text().into_owned()).collect();
        assert_eq!(t, ["标题", "a 1", "后", "x 2"]);
        assert_eq!(d.line(1).cell_count(), 2);
        assert_eq!(d.line(3).kind(), LineKind::Row);
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
