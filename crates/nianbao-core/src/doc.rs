//! Every input shape becomes one [`Doc`]: lines of cells, each cell with its exact byte span
//! in the decoded input. The table readers and the section finder only ever see a `Doc`,
//! so a new input shape is a new way to build one (see `html.rs`).

use crate::normalize::is_space;
use serde::{Serialize, Serializer};

/// A half-open byte range `[start, end)` into the decoded input. Serialised as `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

/// One cell: its text as the user sees it (entities decoded, trimmed), its comparison form
/// (computed once, [`crate::normalize::norm`]) and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub span: Span,
    pub text: String,
    pub norm: String,
}

impl Cell {
    pub fn new(span: Span, text: String) -> Self {
        let norm = crate::normalize::norm(&text);
        Cell { span, text, norm }
    }
}

/// How a line was split into cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Plain text: one cell (prose, a heading, or one cell per line from a PDF).
    Text,
    /// Cells separated by tabs or `|`, or an HTML `<tr>`: cell positions are meaningful and
    /// empty cells are real.
    Row,
    /// Cells separated by runs of spaces (`pdftotext -layout`).
    Layout,
}

#[derive(Debug, Clone)]
pub struct Line {
    pub span: Span,
    /// The text of a `Row`/`Layout` line (cells joined by a space); empty for a `Text`
    /// line, whose only cell holds it. Use [`Line::text`].
    pub joined: String,
    pub cells: Vec<Cell>,
    pub kind: LineKind,
    /// True for lines that come from inside an HTML `<table>`.
    pub in_html_table: bool,
}

impl Line {
    /// The whole line's text, for headings and prose.
    pub fn text(&self) -> &str {
        match self.kind {
            LineKind::Text => self.cells.first().map(|c| c.text.as_str()).unwrap_or(""),
            _ => &self.joined,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    Text,
    Html,
    Markdown,
    Docx,
}

#[derive(Debug, Clone)]
pub struct Doc {
    pub lines: Vec<Line>,
    pub shape: Shape,
}

/// Trims report whitespace off `text[start..end]`, returning the trimmed span.
pub fn trim_span(text: &str, start: usize, end: usize) -> Span {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trimmed = s.trim_start_matches(is_space).trim_end_matches(is_space);
    Span::new(start + lead, start + lead + trimmed.len())
}

fn cell(text: &str, start: usize, end: usize) -> Cell {
    let span = trim_span(text, start, end);
    Cell::new(span, text[span.start..span.end].to_string())
}

/// Builds a `Doc` from plain text (browser copy, PDF text, markdown).
pub fn from_text(text: &str, shape: Shape) -> Doc {
    let mut lines = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    while start <= text.len() {
        let end = memchr::memchr(b'\n', &bytes[start..])
            .map(|i| start + i)
            .unwrap_or(text.len());
        let mut line_end = end;
        if line_end > start && bytes[line_end - 1] == b'\r' {
            line_end -= 1;
        }
        if let Some(line) = split_line(text, start, line_end) {
            lines.push(line);
        }
        if end == text.len() {
            break;
        }
        start = end + 1;
    }
    Doc { lines, shape }
}

fn is_pipe_separator(s: &str) -> bool {
    let t = s.trim_matches(is_space);
    t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '+'))
}

fn split_line(text: &str, start: usize, end: usize) -> Option<Line> {
    let raw = &text[start..end];
    let full = trim_span(text, start, end);
    let mut cells = Vec::new();
    let kind;
    if raw.contains('\t') {
        kind = LineKind::Row;
        let mut s = start;
        for piece in raw.split('\t') {
            cells.push(cell(text, s, s + piece.len()));
            s += piece.len() + 1;
        }
    } else if raw.contains('|') && !raw.contains("://") {
        if is_pipe_separator(raw) {
            return Some(Line {
                span: full,
                joined: String::new(),
                cells: vec![],
                kind: LineKind::Row,
                in_html_table: false,
            });
        }
        kind = LineKind::Row;
        let t = &text[full.start..full.end];
        let mut s = full.start;
        let pieces: Vec<&str> = t.split('|').collect();
        let n = pieces.len();
        for (i, piece) in pieces.iter().enumerate() {
            let keep = !((i == 0 && piece.trim_matches(is_space).is_empty())
                || (i == n - 1 && piece.trim_matches(is_space).is_empty() && n > 1));
            if keep {
                cells.push(cell(text, s, s + piece.len()));
            }
            s += piece.len() + 1;
        }
    } else {
        // runs of two or more spaces separate cells (pdftotext -layout)
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut piece_start: Option<usize> = None;
        let mut last_nonspace_end = start;
        let mut space_run = 0;
        for (i, c) in raw.char_indices() {
            let at = start + i;
            if is_space(c) {
                space_run += if c == '\u{3000}' { 2 } else { 1 };
                if space_run >= 2 {
                    if let Some(ps) = piece_start.take() {
                        pieces.push((ps, last_nonspace_end));
                    }
                }
            } else {
                if piece_start.is_none() {
                    piece_start = Some(at);
                }
                space_run = 0;
                last_nonspace_end = at + c.len_utf8();
            }
        }
        if let Some(ps) = piece_start {
            pieces.push((ps, last_nonspace_end));
        }
        for (s, e) in pieces {
            // "1 0 0 0 1": single-space separated numbers are separate cells
            let piece = &text[s..e];
            let parts: Vec<&str> = piece.split(' ').collect();
            if parts.len() > 1
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && crate::value::is_value(p))
            {
                let mut q = s;
                for p in parts {
                    cells.push(cell(text, q, q + p.len()));
                    q += p.len() + 1;
                }
            } else {
                cells.push(cell(text, s, e));
            }
        }
        kind = if cells.len() > 1 {
            LineKind::Layout
        } else {
            LineKind::Text
        };
    }
    if cells.is_empty() {
        cells.push(Cell::new(full, String::new()));
    }
    let joined = if kind == LineKind::Text {
        String::new()
    } else {
        let parts: Vec<&str> = cells
            .iter()
            .map(|c| c.text.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        parts.join(" ")
    };
    Some(Line {
        span: full,
        joined,
        cells,
        kind,
        in_html_table: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_keep_empty_cells_and_exact_spans() {
        let t = "规章\t0\t\t12\t";
        let d = from_text(t, Shape::Text);
        let cells = &d.lines[0].cells;
        assert_eq!(cells.len(), 5);
        assert_eq!(cells[3].text, "12");
        assert_eq!(&t[cells[3].span.start..cells[3].span.end], "12");
        assert_eq!(cells[2].text, "");
    }

    #[test]
    fn layout_split_and_numbers() {
        let t = "一、本年新收政府信息公开申请数量     95    0  0\n 1 0 0 0 1";
        let d = from_text(t, Shape::Text);
        assert_eq!(d.lines[0].kind, LineKind::Layout);
        assert_eq!(d.lines[0].cells.len(), 4);
        assert_eq!(d.lines[1].cells.len(), 5);
        let c = &d.lines[1].cells[4];
        assert_eq!(&t[c.span.start..c.span.end], "1");
    }

    #[test]
    fn pipes_and_separators() {
        let t = "| 规章 | 0 | 1 |\n|---|---|---|\n| a |  | 2 |";
        let d = from_text(t, Shape::Markdown);
        assert_eq!(
            d.lines[0]
                .cells
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>(),
            ["规章", "0", "1"]
        );
        assert!(d.lines[1].cells.is_empty());
        assert_eq!(d.lines[2].cells.len(), 3);
        assert_eq!(d.lines[2].cells[1].text, "");
    }
}
