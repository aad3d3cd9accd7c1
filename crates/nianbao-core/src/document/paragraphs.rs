//! A browser copy of a table whose cells hold paragraphs (`<td><p>…</p></td>`) → row lines.
//!
//! Chromium copies such a table as each cell's paragraphs on lines of their own between
//! blank lines, a line holding only a tab between two cells of a row, several blank lines
//! between rows, and a blank cell as a lone no-break space. Read line by line, the blank
//! cells vanish and a row's values can no longer be counted (S406). This step, run only
//! when the text holds a tab-only line, turns each such row back into one `Row` line whose
//! cells are the table's cells: blanks real, a cell's paragraphs joined (vertical header
//! text `结/果/维/持` becomes `结果维持`).
//!
//! A cell between two tab lines is certain. The first cell of a row and the last are not:
//! a single blank line also separates prose paragraphs, so a row's edge cell takes a
//! neighbouring paragraph only across one blank line and only when both are short labels
//! (never a value, a sentence or a blank cell). Rows are apart by two blank lines or more.

use super::{Doc, LineKind};
use crate::base::normalize::join_paragraph;
use crate::base::Span;
use std::borrow::Cow;

/// What a blank line of the text held: a lone tab (a cell separator) or a lone no-break
/// space (a blank cell).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Tab,
    Nbsp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum K {
    Blank,
    /// A paragraph: a text line with text, or a blank cell (`Nbsp`).
    Para,
    Nbsp,
    Tab,
    /// A line of cells, or anything else that is not part of such a table.
    Other,
}

/// Longest paragraph (in characters) that an edge cell joins to a neighbour.
const SHORT: usize = 8;

/// Rows found: the lines `first..=last` become one row line of `cells` (each the
/// paragraph lines of one cell).
struct Row {
    first: usize,
    last: usize,
    cells: Vec<Vec<usize>>,
}

/// Rebuilds `doc` with the paragraph-cell rows read as row lines; `marks` are the blank
/// lines that held a tab or a no-break space, in line order.
pub(super) fn rows<'a>(doc: Doc<'a>, marks: &[(u32, Mark)]) -> Doc<'a> {
    let mut kinds: Vec<K> = doc
        .lines()
        .map(|l| match l.kind() {
            LineKind::Text if l.is_blank() => K::Blank,
            LineKind::Text => K::Para,
            _ => K::Other,
        })
        .collect();
    for &(i, m) in marks {
        kinds[i as usize] = match m {
            Mark::Tab => K::Tab,
            Mark::Nbsp => K::Nbsp,
        };
    }
    let rows = find_rows(&doc, &kinds);
    if rows.is_empty() {
        return doc;
    }
    rebuild(doc, &rows)
}

/// A report's section heading (`二、主动公开政府信息情况`): never a table's cell, even
/// when it stands next to a row that ends or starts with an empty cell.
fn section_heading(doc: &Doc, i: usize) -> bool {
    const SECTIONS: [&str; 6] = [
        "总体情况",
        "主动公开政府信息",
        "收到和处理",
        "行政复议、行政诉讼",
        "存在的主要问题",
        "其他需要报告",
    ];
    let t = doc.line(i).cells().next().map(|c| c.text).unwrap_or("");
    let numbered = t
        .trim_start()
        .chars()
        .find(|c| !"一二三四五六七八九十".contains(*c))
        == Some('、');
    numbered && SECTIONS.iter().any(|s| t.contains(s))
}

fn short(doc: &Doc, kinds: &[K], i: usize) -> bool {
    if kinds[i] != K::Para {
        return false;
    }
    let t = doc.line(i).cells().next().map(|c| c.text).unwrap_or("");
    t.chars().count() <= SHORT
        && !crate::base::value::is_value(t)
        && !t.ends_with(['。', '；', '：', ':', ';'])
}

/// The paragraphs of lines `a..b` with the blank lines before each (`usize::MAX` when a
/// line of another kind stands between: nothing joins across it).
fn paragraphs(kinds: &[K], a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut gap = 0usize;
    for (i, k) in kinds.iter().enumerate().take(b).skip(a) {
        match k {
            K::Blank => gap = gap.saturating_add(1),
            K::Para | K::Nbsp => {
                out.push((i, gap));
                gap = 0;
            }
            _ => gap = usize::MAX,
        }
    }
    out.push((b, gap)); // the gap before the end of the region
    out
}

/// Is the region before the `n`th tab line, which holds `paras` and ends `end_gap` blank
/// lines after the last of them, an empty cell between two tabs of `row`?
fn left_row_empty_cell(
    row: &Option<Row>,
    n: usize,
    paras: &[(usize, usize)],
    end_gap: usize,
) -> bool {
    n > 0 && row.is_some() && paras.is_empty() && end_gap <= 2
}

fn find_rows(doc: &Doc, kinds: &[K]) -> Vec<Row> {
    let tabs: Vec<usize> = (0..kinds.len()).filter(|&i| kinds[i] == K::Tab).collect();
    let mut rows: Vec<Row> = Vec::new();
    let mut row: Option<Row> = None;
    let close = |row: &mut Option<Row>, rows: &mut Vec<Row>| {
        if let Some(r) = row.take() {
            if r.cells.len() >= 2 {
                rows.push(r);
            }
        }
    };
    for (n, &t) in tabs.iter().enumerate() {
        // the region before this tab line: after the previous tab line, or the text before
        let a = if n == 0 { 0 } else { tabs[n - 1] + 1 };
        let ps = paragraphs(kinds, a, t);
        let (paras, end_gap) = (&ps[..ps.len() - 1], ps[ps.len() - 1].1);
        let left = n > 0
            && row.is_some()
            && paras
                .first()
                .is_some_and(|p| p.1 <= 1 && !section_heading(doc, p.0));
        let right = paras.last().is_some_and(|p| !section_heading(doc, p.0)) && end_gap <= 1;
        let joined = |k: usize| paras[k].1 <= 1 && short(doc, kinds, paras[k - 1].0);
        let whole = left
            && right
            && (1..paras.len()).all(|k| paras[k].1 <= 1)
            && (paras.len() == 1 || paras.iter().all(|p| short(doc, kinds, p.0)));
        if left_row_empty_cell(&row, n, paras, end_gap) {
            // nothing but a blank line or two between two tabs: an empty cell
            if let Some(r) = row.as_mut() {
                r.cells.push(Vec::new());
                r.last = t;
            }
            continue;
        }
        if whole {
            // a cell between two tabs
            if let Some(r) = row.as_mut() {
                r.cells.push(paras.iter().map(|p| p.0).collect());
                r.last = t;
            }
            continue;
        }
        let mut lead = 0;
        if n > 0 && !left {
            // a tab line with no cell after it before the row ends: an empty last cell
            if let Some(r) = row.as_mut() {
                r.cells.push(Vec::new());
            }
        }
        if left {
            lead = 1;
            while lead < paras.len() && joined(lead) && short(doc, kinds, paras[lead].0) {
                lead += 1;
            }
            if let Some(r) = row.as_mut() {
                r.cells.push(paras[..lead].iter().map(|p| p.0).collect());
                r.last = paras[lead - 1].0;
            }
        }
        close(&mut row, &mut rows);
        // the first cell of the next row: the last paragraphs before the tab line
        let mut first = paras.len();
        if right && first > lead {
            first -= 1;
            while first > lead
                && joined(first)
                && short(doc, kinds, paras[first].0)
                && short(doc, kinds, paras[first - 1].0)
            {
                first -= 1;
            }
        }
        // a tab line with no cell before it: an empty first cell
        let cells: Vec<Vec<usize>> = if first < paras.len() {
            vec![paras[first..].iter().map(|p| p.0).collect()]
        } else {
            vec![Vec::new()]
        };
        let start = cells[0].first().copied().unwrap_or(t);
        row = Some(Row {
            first: start,
            last: t,
            cells,
        });
    }
    // the last cell of the last row: the paragraphs after the last tab line
    if let (Some(&t), Some(r)) = (tabs.last(), row.as_mut()) {
        let ps = paragraphs(kinds, t + 1, kinds.len());
        let paras = &ps[..ps.len() - 1];
        if paras
            .first()
            .is_some_and(|p| p.1 <= 1 && !section_heading(doc, p.0))
        {
            let mut lead = 1;
            while lead < paras.len()
                && paras[lead].1 <= 1
                && short(doc, kinds, paras[lead - 1].0)
                && short(doc, kinds, paras[lead].0)
            {
                lead += 1;
            }
            r.cells.push(paras[..lead].iter().map(|p| p.0).collect());
            r.last = paras[lead - 1].0;
        } else {
            r.cells.push(Vec::new());
        }
    }
    close(&mut row, &mut rows);
    rows
}

/// The document again, each row's lines replaced by one row line.
fn rebuild<'a>(old: Doc<'a>, rows: &[Row]) -> Doc<'a> {
    let mut doc = Doc::new(old.src, old.shape);
    doc.lines.reserve(old.lines.len());
    doc.cells.reserve(old.cells.len());
    doc.norms.reserve(old.norms.len());
    let mut rows = rows.iter().peekable();
    let mut i = 0;
    while i < old.len() {
        while rows.next_if(|r| r.first < i).is_some() {}
        if let Some(r) = rows.next_if(|r| r.first == i) {
            let first = doc.mark();
            let mut span: Option<Span> = None;
            for cell in &r.cells {
                if cell.is_empty() {
                    // an empty cell: where the row stands so far
                    let at = span.map_or(old.line(i).span().start, |s| s.end);
                    doc.push_cell(Span::new(at, at));
                    continue;
                }
                let spans: Vec<Span> = cell.iter().map(|&l| old.line(l).span()).collect();
                let s = Span::new(spans[0].start, spans[spans.len() - 1].end);
                span = Some(span.map_or(s, |a| Span::new(a.start, s.end)));
                if cell.len() == 1 {
                    doc.push_cell(spans[0]);
                } else {
                    let mut text = String::new();
                    for p in &spans {
                        join_paragraph(&mut text, p.of(old.src));
                    }
                    doc.push_cell_text(s, Cow::Owned(text));
                }
            }
            let span = span.unwrap_or_else(|| old.line(i).span());
            doc.push_line(span, first, LineKind::Row, false);
            i = r.last + 1;
            continue;
        }
        doc.copy_line(&old, i);
        i += 1;
    }
    doc
}

#[cfg(test)]
mod tests {
    use crate::document::{build, LineKind};
    use crate::input::Shape;

    fn rows(t: &str) -> Vec<Vec<String>> {
        let d = build(t, Shape::Text);
        d.lines()
            .filter(|l| l.kind() != LineKind::Text || !l.is_blank())
            .map(|l| l.cells().map(|c| c.text.to_string()).collect())
            .collect()
    }

    #[test]
    fn cells_with_paragraphs_become_rows_with_real_blanks() {
        let t = "三、收到和处理政府信息公开申请情况\n\n（一）予以公开\n\n\t\n\n\u{a0}\n\n\t\n\n3\n\n\n\n\n结\n\n果\n\n维\n\n持\n\n\t\n\n商业\n\n企业\n\n\t\n\n总计\n\n四、政府信息公开行政复议、行政诉讼情况\n";
        let r = rows(t);
        assert_eq!(r[0], ["三、收到和处理政府信息公开申请情况"]);
        assert_eq!(r[1], ["（一）予以公开", "", "3"]);
        assert_eq!(r[2], ["结果维持", "商业企业", "总计"]);
        assert_eq!(
            r.last().unwrap(),
            &["四、政府信息公开行政复议、行政诉讼情况"]
        );
        let d = build(t, Shape::Text);
        let row = d
            .lines()
            .find(|l| l.text().starts_with("结果维持"))
            .unwrap();
        let c = row.cells().nth(1).unwrap();
        assert_eq!(c.span.of(t), "商业\n\n企业");
    }

    #[test]
    fn a_row_edge_takes_no_prose_value_or_heading() {
        // the value ending a row is not joined to the heading after it, nor the heading
        // before the first row to the row's first cell
        let t = "（二）小标题\n\n0\n\n\t\n\n1\n\n二、下一部分\n\n正文。\n";
        let r = rows(t);
        assert_eq!(r[0], ["（二）小标题"]);
        assert_eq!(r[1], ["0", "1"]);
        assert_eq!(r[2], ["二、下一部分"]);
        assert_eq!(r[3], ["正文。"]);
    }

    #[test]
    fn a_section_heading_is_never_a_cell() {
        // a row ending in an empty cell, the next section right after it
        let t = "本年新制作数量\t7\n\t\n二、主动公开政府信息情况\n本机关主动公开信息。\n";
        let r = rows(t);
        assert!(
            r.iter().any(|l| l == &["二、主动公开政府信息情况"]),
            "{r:?}"
        );
        // a Word document's empty paragraph holding a tab is not a cell separator
        let d = build("一、总体情况\n\t\n本年度工作有序推进。\n", Shape::Docx);
        assert_eq!(d.line(0).text(), "一、总体情况");
    }

    #[test]
    fn text_without_tab_lines_is_untouched() {
        let t = "甲\n\n\u{a0}\n\n乙\t丙\n";
        let r = rows(t);
        assert_eq!(r, [vec!["甲"], vec!["乙", "丙"]]);
    }
}
