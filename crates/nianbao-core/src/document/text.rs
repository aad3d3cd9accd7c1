//! Plain text (browser copy, PDF text, markdown) → [`Doc`]: a line of the input is a line
//! of the document; cells are split on tabs, on `|`, or on runs of two or more spaces
//! (`pdftotext -layout`). Every cell's text is a slice of the input.

use super::paragraphs::{self, Mark};
use super::{Doc, LineKind, MAX_CELLS};
use crate::base::normalize::is_space;
use crate::base::spaces::{next_space, trim_span};
use crate::base::Sig;
use crate::input::Shape;

/// Builds a `Doc` from plain text (browser copy, PDF text, markdown).
pub fn from_text(text: &str, shape: Shape) -> Doc<'_> {
    let mut doc = Doc::new(text, shape);
    // room for what a report usually holds (one line per ~30 bytes, a few cells per line)
    // and every comparison form: growing costs more than it saves
    doc.lines.reserve(text.len() / 32 + 1);
    doc.cells.reserve(text.len() / 16 + 1);
    doc.norms.reserve(text.len());
    let bytes = text.as_bytes();
    // one pass finds the line ends and counts each line's tabs and pipes
    let (mut start, mut tabs, mut pipes) = (0, 0, 0);
    // blank lines that hold a lone tab or no-break space: a table copied with paragraphs
    // in its cells (see `paragraphs.rs`)
    let mut marks: Vec<(u32, Mark)> = Vec::new();
    let mut line = |doc: &mut Doc, start: usize, end: usize, tabs: usize, pipes: usize| {
        split_line(doc, start, end, tabs, pipes);
        let l = doc.lines[doc.lines.len() - 1];
        if l.start == l.end && end > start {
            let raw = &doc.src[start..end];
            if tabs == 1 && pipes == 0 {
                marks.push((doc.lines.len() as u32 - 1, Mark::Tab));
            } else if tabs == 0 && raw.contains('\u{a0}') {
                marks.push((doc.lines.len() as u32 - 1, Mark::Nbsp));
            }
        }
    };
    for i in memchr::memchr3_iter(b'\n', b'\t', b'|', bytes) {
        match bytes[i] {
            b'\t' => tabs += 1,
            b'|' => pipes += 1,
            _ => {
                line(&mut doc, start, line_end(bytes, start, i), tabs, pipes);
                (start, tabs, pipes) = (i + 1, 0, 0);
            }
        }
    }
    line(
        &mut doc,
        start,
        line_end(bytes, start, text.len()),
        tabs,
        pipes,
    );
    // a browser copy is pasted text; a Word document's lone tab is an empty paragraph or row
    let pasted = matches!(shape, Shape::Text | Shape::Markdown);
    if pasted && marks.iter().any(|m| m.1 == Mark::Tab) {
        return paragraphs::rows(doc, &marks);
    }
    doc
}

/// The end of a line that ends at `end` (a `\n` or the input's end), before a `\r`.
fn line_end(bytes: &[u8], start: usize, end: usize) -> usize {
    if end > start && bytes[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

fn is_pipe_separator(s: &str) -> bool {
    let t = s.trim_matches(is_space);
    t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '+'))
}

/// Single-space separated values (`1 0 0 0 1`): separate cells.
fn spaced_values(p: &str) -> bool {
    p.contains(' ')
        && p.split(' ')
            .all(|p| !p.is_empty() && crate::base::value::is_value(p))
}

/// Splits the line `start..end`, which holds `tabs` tabs and `pipes` pipes, into cells.
fn split_line(doc: &mut Doc, start: usize, end: usize, tabs: usize, pipes: usize) {
    let text = doc.src;
    let raw = &text[start..end];
    let full = trim_span(text, start, end);
    let first = doc.mark();
    // a line of more cells than any table row has is text: found before the cells are made
    if tabs > MAX_CELLS || pipes > MAX_CELLS {
        doc.push_cell(full);
        return doc.push_line(full, first, LineKind::Text, false);
    }
    let kind = if tabs > 0 {
        let mut s = start;
        for piece in raw.split('\t') {
            doc.push_cell(trim_span(text, s, s + piece.len()));
            s += piece.len() + 1;
        }
        LineKind::Row
    } else if pipes > 0 && !raw.contains("://") {
        if is_pipe_separator(raw) {
            return doc.push_line(full, first, LineKind::Row, false);
        }
        let t = &text[full.start..full.end];
        let mut s = full.start;
        let n = t.split('|').count();
        for (i, piece) in t.split('|').enumerate() {
            let keep = !((i == 0 && piece.trim_matches(is_space).is_empty())
                || (i == n - 1 && piece.trim_matches(is_space).is_empty() && n > 1));
            if keep {
                doc.push_cell(trim_span(text, s, s + piece.len()));
            }
            s += piece.len() + 1;
        }
        LineKind::Row
    } else {
        // most lines are one cell: the line is normalised once, and split only when it
        // holds a run of spaces that separates cells (or single-spaced values)
        let p = &text[full.start..full.end];
        let norm_start = doc.norms.len();
        let (sig, spaces) = Sig::norm_line_into(p, &mut doc.norms);
        if spaces.max_run < 2 && !(spaces.ascii && spaced_values(p)) {
            doc.push_scanned_cell(full, norm_start, sig);
            return doc.push_line(full, first, LineKind::Text, false);
        }
        doc.norms.truncate(norm_start);
        layout_cells(doc, start, raw);
        if doc.mark() - first > 1 {
            LineKind::Layout
        } else {
            LineKind::Text
        }
    };
    if doc.mark() - first > MAX_CELLS {
        // not a table row: one text cell
        doc.truncate_cells(first);
        doc.push_cell(full);
        return doc.push_line(full, first, LineKind::Text, false);
    }
    if doc.mark() == first {
        // an all-space line, or a lone `|`: one empty cell
        doc.push_cell_text(full, std::borrow::Cow::Borrowed(""));
    }
    doc.push_line(full, first, kind, false);
}

/// Runs of two or more spaces (U+3000 counts as two) separate cells; single-space separated
/// numbers (`1 0 0 0 1`) are separate cells too.
fn layout_cells(doc: &mut Doc, start: usize, raw: &str) {
    let text = doc.src;
    let first = doc.mark();
    let push = |doc: &mut Doc, s: usize, e: usize| {
        let piece = trim_span(text, s, e);
        if piece.is_empty() || doc.mark() - first > MAX_CELLS {
            return;
        }
        let (s, e) = (piece.start, piece.end);
        let p = &text[s..e];
        if spaced_values(p) {
            let mut q = s;
            for p in p.split(' ') {
                doc.push_cell(trim_span(text, q, q + p.len()));
                q += p.len() + 1;
            }
        } else {
            doc.push_cell(piece);
        }
    };
    // split at runs of spaces that weigh two or more; the pieces between are trimmed
    let b = raw.as_bytes();
    let mut piece = 0;
    let mut at = 0;
    while let Some((i, n)) = next_space(b, at).filter(|_| doc.mark() - first <= MAX_CELLS) {
        let mut weight = if n == 3 && b[i] == 0xE3 { 2 } else { 1 };
        let mut end = i + n;
        while let Some(m) = (end < b.len())
            .then(|| crate::base::spaces::space_len(b, end))
            .filter(|m| *m > 0)
        {
            weight += if m == 3 && b[end] == 0xE3 { 2 } else { 1 };
            end += m;
        }
        if weight >= 2 {
            push(doc, start + piece, start + i);
            piece = end;
        }
        at = end;
    }
    push(doc, start + piece, start + raw.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(d: &'a Doc, line: usize) -> Vec<&'a str> {
        d.line(line).cells().map(|c| c.text).collect()
    }

    #[test]
    fn tabs_keep_empty_cells_and_exact_spans() {
        let t = "规章\t0\t\t12\t";
        let d = from_text(t, Shape::Text);
        assert_eq!(texts(&d, 0), ["规章", "0", "", "12", ""]);
        let c = d.line(0).cells().nth(3).unwrap();
        assert_eq!(c.span.of(t), "12");
    }

    #[test]
    fn layout_split_and_numbers() {
        let t = "一、本年新收政府信息公开申请数量     95    0  0\n 1 0 0 0 1";
        let d = from_text(t, Shape::Text);
        assert_eq!(d.line(0).kind(), LineKind::Layout);
        assert_eq!(d.line(0).cell_count(), 4);
        assert_eq!(d.line(1).cell_count(), 5);
        let c = d.line(1).cells().nth(4).unwrap();
        assert_eq!(c.span.of(t), "1");
    }

    #[test]
    fn pipes_and_separators() {
        let t = "| 规章 | 0 | 1 |\n|---|---|---|\n| a |  | 2 |";
        let d = from_text(t, Shape::Markdown);
        assert_eq!(texts(&d, 0), ["规章", "0", "1"]);
        assert_eq!(d.line(1).cell_count(), 0);
        assert_eq!(texts(&d, 2), ["a", "", "2"]);
    }

    #[test]
    fn a_line_of_thousands_of_cells_is_text() {
        let t = format!("规章{}", "\t1".repeat(MAX_CELLS + 10));
        let d = from_text(&t, Shape::Text);
        assert_eq!(d.line(0).kind(), LineKind::Text);
        assert_eq!(d.line(0).cell_count(), 1);
    }
}
