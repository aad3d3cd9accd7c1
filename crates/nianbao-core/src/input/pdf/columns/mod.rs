//! Tables drawn without rules, read by their columns' positions. Lines whose runs of text
//! stand apart (gaps of 0.8 em or more), within 10 em of each other, are a table when one
//! of them holds a number. Its columns are where its numbers stand (the numbers of one
//! column overlap each other however they are aligned, those of two columns never do)
//! and, left of them, where its labels stand; a table's header alone (its numbers on the
//! next page) has its columns where its narrow cells stand. Each run of text goes to the
//! column it overlaps most, a column a row leaves blank a real blank. Which lines make a
//! row is told by the table's line spacing ([`rows`]): a cell's text is set in the middle of
//! its row. A line of prose (from the left edge across the second column) or a heading
//! ends a table.

mod rows;

use super::content::{Glyph, Ink};
use super::layout::{join_wrapped, line, Cell, Line};
use crate::base::normalize::{split_numbering, Numbering};
use rows::{rows, Pitch};

/// A run of glyphs on one line with no gap wider than a cell's padding.
struct Seg {
    x0: f32,
    x1: f32,
    text: String,
    /// Is it a number ([`is_number`])?
    number: bool,
}

struct Base {
    glyphs: Vec<Glyph>,
    segs: Vec<Seg>,
    y: f32,
    size: f32,
}

impl Base {
    /// Cells apart: a gap of 0.8 em or more between two runs (and not hundreds of them).
    fn tabular(&self) -> bool {
        !self.wide()
            && self
                .segs
                .windows(2)
                .any(|w| w[1].x0 - w[0].x1 >= 0.8 * self.size)
    }

    /// More runs than any table's row has cells (letter-spaced text, a flood of glyphs).
    fn wide(&self) -> bool {
        self.segs.len() > MAX_SEGS
    }

    fn numbers(&self) -> impl Iterator<Item = &Seg> {
        self.segs.iter().filter(|s| s.number)
    }
}

/// A number as the table readers tell one (not a long run of digits of some other kind).
/// Placeholders (`/`, `—`, `无`) are values too, but they do not tell a column: `无` may be
/// a character of a label set one per line. (Digits first, then the core's reading: cheaper
/// in the file reader's wasm than matching `value::read`'s number.)
fn is_number(t: &str) -> bool {
    t.chars().count() <= 12
        && t.chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        && crate::base::value::is_value(t)
}

/// The page's borderless tables as rows of cells, and the lines that are not in one.
pub fn tables(ink: &Ink, lines: Vec<Vec<Glyph>>) -> (Vec<Line>, Vec<Vec<Glyph>>) {
    let bases: Vec<Base> = lines.into_iter().map(|g| base(ink, g)).collect();
    let mut rows = Vec::new();
    let mut rest = Vec::new();
    let mut taken = vec![false; bases.len()];
    let runs = runs(&bases);
    for (k, &(from, to)) in runs.iter().enumerate() {
        // a table's lines reach no further than the runs beside it
        let bound = (
            k.checked_sub(1).map_or(0, |p| runs[p].1 + 1),
            runs.get(k + 1).map_or(bases.len() - 1, |n| n.0 - 1),
        );
        for t in tables_in(&bases, from, to, bound) {
            for &i in t.members.iter().flatten() {
                taken[i] = true;
            }
            rows.extend(t.rows(&bases));
        }
    }
    for (b, taken) in bases.into_iter().zip(taken) {
        if !taken {
            rest.push(b.glyphs);
        }
    }
    (rows, rest)
}

fn base(ink: &Ink, glyphs: Vec<Glyph>) -> Base {
    let size = glyphs.iter().map(|g| g.size).fold(0.0, f32::max).max(1.0);
    // spaces are drawn in many ways (wide, or several at one place): only ink counts
    let inked: Vec<Glyph> = glyphs
        .iter()
        .filter(|g| !ink.glyph_text(g).chars().all(char::is_whitespace))
        .copied()
        .collect();
    let word = |g: &Glyph| ink.glyph_text(g).chars().all(|c| c.is_ascii_alphabetic());
    let mut segs = Vec::new();
    let mut start = 0;
    let mut end_x = f32::MIN;
    for (k, g) in inked.iter().enumerate() {
        if k > start {
            let gap = g.x - end_x;
            if gap > 0.8 * size || (gap > 0.25 * size && !(word(&inked[k - 1]) && word(g))) {
                segs.push(seg(ink, &inked[start..k]));
                start = k;
            }
        }
        end_x = end_x.max(g.x + g.w);
    }
    if start < inked.len() {
        segs.push(seg(ink, &inked[start..]));
    }
    segs.retain(|s| !s.text.is_empty());
    let y = glyphs.first().map_or(0.0, |g| g.y);
    Base {
        glyphs,
        segs,
        y,
        size,
    }
}

fn seg(ink: &Ink, gs: &[Glyph]) -> Seg {
    let l = line(ink, gs, false);
    let text = l.text.trim().to_string();
    Seg {
        x0: l.x0.min(l.x1),
        x1: l.x0.max(l.x1),
        number: is_number(&text),
        text,
    }
}

/// Runs of tabular lines (each within 10 em of the one before), with the lines between
/// them: `(first, last)` indices.
fn runs(bases: &[Base]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, b) in bases.iter().enumerate() {
        if !b.tabular() {
            continue;
        }
        match open {
            Some((from, last)) if bases[last].y - b.y <= 10.0 * b.size.max(bases[last].size) => {
                open = Some((from, i))
            }
            _ => {
                out.extend(open);
                open = Some((i, i));
            }
        }
    }
    out.extend(open);
    out
}

struct Table {
    /// Column edges, left to right (one more than the columns).
    edges: Vec<f32>,
    /// Rows: the lines of each, top down.
    members: Vec<Vec<usize>>,
}

/// Intervals that overlap (or touch within `tol`) as one, left to right.
fn merged(mut v: Vec<(f32, f32)>, tol: f32) -> Vec<(f32, f32)> {
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<(f32, f32)> = Vec::new();
    for (a, b) in v {
        match out.last_mut() {
            Some(last) if a <= last.1 + tol => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// The tables in lines `from..=to`: their columns and rows. A line of prose within them
/// splits them into the tables before and after it.
/// `bound`: the lines the table may reach (above and below the run) are within it.
fn tables_in(bases: &[Base], from: usize, to: usize, bound: (usize, usize)) -> Vec<Table> {
    let mut out = Vec::new();
    let mut todo = vec![(from, to, bound)];
    while let Some((from, to, bound)) = todo.pop() {
        match table_in(bases, from, to, bound) {
            Found::Table(t) => out.push(t),
            Found::Split(k) => {
                if k > from {
                    todo.push((from, k - 1, (bound.0, k - 1)));
                }
                if k < to {
                    todo.push((k + 1, to, (k + 1, bound.1)));
                }
            }
            Found::None => {}
        }
    }
    out
}

enum Found {
    Table(Table),
    /// A line of prose among them: the lines before and after it are told apart.
    Split(usize),
    None,
}

/// More columns than this are no report's table.
const MAX_COLUMNS: usize = 64;
/// More runs of text on a line than this are no table's row.
const MAX_SEGS: usize = 4 * MAX_COLUMNS;
/// A table reaches this many lines at most above and below its run (a header, a label's end).
const MAX_REACH: usize = 12;

fn table_in(bases: &[Base], from: usize, to: usize, bound: (usize, usize)) -> Found {
    let span = &bases[from..=to];
    // two lines of cells apart, or one row of numbers alone (a table's last rows, its header
    // on the page before)
    let tabular: Vec<&Base> = span.iter().filter(|b| b.tabular()).collect();
    match tabular.as_slice() {
        [_, _, ..] => {}
        [only] if only.numbers().count() >= 3 => {}
        _ => return Found::None,
    }
    // the table's font size (not a heading's)
    let size = {
        let mut v: Vec<f32> = span.iter().map(|b| b.size).collect();
        v.sort_by(f32::total_cmp);
        v[v.len() / 2]
    };
    let numbers = merged(
        span.iter()
            .flat_map(|b| b.numbers().map(|s| (s.x0, s.x1)))
            .collect(),
        0.1 * size,
    );
    if numbers.len() > MAX_COLUMNS {
        return Found::None;
    }
    let numbers = apart(numbers, span, size);
    // without numbers, a header (its rows on this page, the rest on the next): its columns
    // where its narrow cells stand
    let numbers = if numbers.is_empty() {
        header_columns(span)
    } else {
        numbers
    };
    let none = span.iter().all(|b| b.numbers().next().is_none());
    if numbers.len() < 2 || (none && numbers.len() < 3) || numbers.len() > MAX_COLUMNS {
        return Found::None;
    }
    let first = numbers[0].0;
    // a line with numbers, or with a placeholder (`—`, `/`) under a column of numbers
    let in_column = |s: &Seg| numbers.iter().any(|&(a, b)| s.x0 < b && s.x1 > a);
    let with_numbers = |b: &Base| {
        b.segs
            .iter()
            .any(|s| s.number || (in_column(s) && crate::base::value::is_value(&s.text) && !none))
    };
    let anchors: Vec<usize> = (from..=to).filter(|&i| with_numbers(&bases[i])).collect();
    // a cell's line spacing, and how far a wrapped cell's lines reach from its middle
    let pitch = Pitch::of(bases, from, to, &anchors, size);
    let reach = pitch
        .least
        .map_or(1.6 * size, |p| (1.6 * size).max(1.6 * p));
    let near = |a: &Base, b: &Base| (a.y - b.y).abs() < reach;
    // where the second column starts: a line of one run across it is prose (a heading, a
    // paragraph), unless it is a wrapped cell beside numbers
    let second = span
        .iter()
        .filter(|b| b.tabular())
        .filter_map(|b| b.segs.get(1).map(|s| s.x0))
        .fold(f32::MAX, f32::min);
    // the line with numbers nearest to line `i` (anchors are in order of lines, of height)
    let near_numbers = |i: usize| {
        let at = anchors.partition_point(|&a| a < i);
        [at.checked_sub(1), Some(at)]
            .into_iter()
            .flatten()
            .filter_map(|n| anchors.get(n))
            .any(|&a| near(&bases[i], &bases[a]))
    };
    let prose = |i: usize| {
        let b = &bases[i];
        b.wide()
            || (!b.tabular()
                && b.segs.len() == 1
                && b.segs[0].x0 < second - 0.5 * size
                && b.segs[0].x1 > second + 0.5 * size
                && (b.segs[0].x1 > first || !near_numbers(i)))
    };
    // the first line of prose splits the lines: those after it are told again, apart from
    // the table before (whose numbers may have placed the columns); first one far from any
    // numbers (a heading between two tables: the columns may be the other table's)
    let cut = (from..=to)
        .find(|&i| prose(i) && !near_numbers(i))
        .or_else(|| (from..=to).find(|&i| prose(i)));
    if let Some(k) = cut {
        return Found::Split(k);
    }
    // the lines just above (a header's first lines) and below (a last label's end)
    let mut lo = from;
    // (a section's heading: `二、`)
    let heading = |b: &Base| {
        b.segs
            .first()
            .is_some_and(|s| split_numbering(&s.text).0 == Numbering::Top)
    };
    let joins = |k: usize| !bases[k].tabular() && !prose(k) && !heading(&bases[k]);
    while lo > bound.0
        && from - lo < MAX_REACH
        && joins(lo - 1)
        && bases[lo - 1].y - bases[lo].y <= 2.5 * size
    {
        lo -= 1;
    }
    // and below: a last label's end, a last row of one number (not apart from anything)
    let row_like = |b: &Base| {
        b.numbers().any(in_column)
            && b.segs
                .iter()
                .all(|s| s.x1 < first || (s.number && in_column(s)))
    };
    // (the next row's numbers stand in the middle of its cells: a few lines down)
    let window = 3.5 * pitch.least.unwrap_or(size).max(size);
    let mut hi = to;
    loop {
        let start = hi;
        while hi < bound.1
            && hi - start < MAX_REACH
            && joins(hi + 1)
            && near(&bases[hi], &bases[hi + 1])
        {
            hi += 1;
        }
        let last = &bases[hi];
        let next = (hi + 1..=bound.1)
            .take(MAX_REACH)
            .take_while(|&k| last.y - bases[k].y <= window && joins(k))
            .find(|&k| row_like(&bases[k]));
        match next {
            Some(k) => hi = k,
            None => break,
        }
    }
    let lines = &bases[lo..=hi];
    let left = lines
        .iter()
        .flat_map(|b| b.segs.iter().map(|s| s.x0))
        .fold(f32::MAX, f32::min);
    let labels = merged(
        lines
            .iter()
            .flat_map(|b| b.segs.iter().filter(|s| s.x1 < first).map(|s| (s.x0, s.x1)))
            .collect(),
        0.1 * size,
    );
    if labels.len() + numbers.len() > MAX_COLUMNS {
        return Found::None;
    }
    let columns: Vec<(f32, f32)> = labels.iter().chain(&numbers).copied().collect();
    let right = lines
        .iter()
        .flat_map(|b| b.segs.iter().map(|s| s.x1))
        .fold(f32::MIN, f32::max);
    let mut edges = vec![columns[0].0.min(left) - 0.5 * size];
    edges.extend(columns.windows(2).map(|w| (w[0].1 + w[1].0) / 2.0));
    edges.push(right.max(columns[columns.len() - 1].1) + 0.5 * size);
    let numbers_from = edges[labels.len()];
    let anchor: Vec<bool> = (lo..=hi).map(|i| with_numbers(&bases[i])).collect();
    let all: Vec<usize> = (lo..=hi).filter(|&i| anchor[i - lo]).collect();
    let pitch = Pitch::of(bases, lo, hi, &all, size);
    let members = rows(bases, lo, &anchor, numbers_from, pitch, &columns, size);
    Found::Table(Table { edges, members })
}

/// Columns of numbers side by side that are never on one line, less than 1.5 em apart: one
/// column whose numbers are centred with and without a trailing space.
fn apart(mut numbers: Vec<(f32, f32)>, span: &[Base], size: f32) -> Vec<(f32, f32)> {
    let on_line = |b: &Base, c: (f32, f32)| b.numbers().any(|s| s.x0 < c.1 && s.x1 > c.0);
    let mut i = 0;
    while i + 1 < numbers.len() {
        let (a, b) = (numbers[i], numbers[i + 1]);
        if b.0 - a.1 < 1.5 * size && !span.iter().any(|l| on_line(l, a) && on_line(l, b)) {
            numbers[i] = (a.0, b.1);
            numbers.remove(i + 1);
        } else {
            i += 1;
        }
    }
    numbers
}

/// A header's columns: its cells' runs, the narrowest first, each one a column or part of
/// the one it overlaps; a run over two columns or more (a cell spanning them) is none.
fn header_columns(span: &[Base]) -> Vec<(f32, f32)> {
    let mut runs: Vec<(f32, f32)> = span
        .iter()
        .filter(|b| b.tabular())
        .flat_map(|b| b.segs.iter().map(|s| (s.x0, s.x1)))
        .collect();
    runs.sort_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)));
    let mut columns: Vec<(f32, f32)> = Vec::new();
    for (a, b) in runs {
        if columns.len() > MAX_COLUMNS {
            break;
        }
        let over: Vec<usize> = (0..columns.len())
            .filter(|&k| a < columns[k].1 && b > columns[k].0)
            .collect();
        match over.as_slice() {
            [] => columns.push((a, b)),
            [k] => columns[*k] = (columns[*k].0.min(a), columns[*k].1.max(b)),
            _ => {}
        }
    }
    columns.sort_by(|a, b| a.0.total_cmp(&b.0));
    columns
}

impl Table {
    fn rows(&self, bases: &[Base]) -> Vec<Line> {
        let n = self.edges.len() - 1;
        self.members
            .iter()
            .map(|m| {
                // per column, its runs: (line of the row, run)
                let mut cols: Vec<Vec<(usize, &Seg)>> = vec![Vec::new(); n];
                for (k, &i) in m.iter().enumerate() {
                    for s in &bases[i].segs {
                        cols[self.column(s)].push((k, s));
                    }
                }
                let cells = cols
                    .iter()
                    .enumerate()
                    .map(|(c, runs)| Cell {
                        text: cell_text(runs),
                        x0: self.edges[c],
                        x1: self.edges[c + 1],
                        tall: false,
                    })
                    .collect();
                let top = m.iter().map(|&i| bases[i].y).fold(f32::MIN, f32::max);
                Line::row(self.edges[0], self.edges[n], top + 0.01, cells)
            })
            .collect()
    }

    /// The column a run overlaps most.
    fn column(&self, s: &Seg) -> usize {
        let overlap = |c: usize| s.x1.min(self.edges[c + 1]) - s.x0.max(self.edges[c]);
        (0..self.edges.len() - 1)
            .max_by(|&a, &b| overlap(a).total_cmp(&overlap(b)))
            .unwrap_or(0)
    }
}

/// A cell's text from its runs: runs one under the other (a wrapped cell) joined, runs
/// side by side on one line (cells this table's columns do not tell apart) apart by a tab.
/// `runs`: (line, run), in order of lines.
fn cell_text(runs: &[(usize, &Seg)]) -> String {
    // stacks of runs that overlap, left to right; a stack wholly above the one left of it
    // is that one's first line, indented
    let mut order: Vec<usize> = (0..runs.len()).collect();
    order.sort_by(|&a, &b| runs[a].1.x0.total_cmp(&runs[b].1.x0));
    let mut stacks: Vec<(f32, Vec<usize>)> = Vec::new();
    for i in order {
        match stacks.last_mut() {
            Some((end, members)) if runs[i].1.x0 < *end => {
                *end = end.max(runs[i].1.x1);
                members.push(i);
            }
            _ => stacks.push((runs[i].1.x1, vec![i])),
        }
    }
    let line = |i: &usize| runs[*i].0;
    let mut parts: Vec<Vec<usize>> = Vec::new();
    for (_, m) in stacks {
        let above = parts.last().is_some_and(|p| {
            let top = p.iter().map(line).min().unwrap_or(0);
            m.iter().map(line).max().is_some_and(|l| l < top)
        });
        match parts.last_mut() {
            Some(p) if above => p.extend(m),
            _ => parts.push(m),
        }
    }
    let texts: Vec<String> = parts
        .into_iter()
        .map(|mut p| {
            p.sort_by(|&a, &b| {
                runs[a]
                    .0
                    .cmp(&runs[b].0)
                    .then(runs[a].1.x0.total_cmp(&runs[b].1.x0))
            });
            let mut text = String::new();
            for i in p {
                join_wrapped(&mut text, &runs[i].1.text);
            }
            text
        })
        .collect();
    texts.join("\t")
}

#[cfg(test)]
mod tests {
    use super::super::layout::page_lines;
    use super::*;

    /// Glyphs of size 10, each character 10 wide, a glyph per character.
    fn ink(runs: &[(&str, f32, f32)]) -> Ink {
        let mut ink = Ink::default();
        for &(t, x, y) in runs {
            for (k, c) in t.chars().enumerate() {
                let start = ink.text.len() as u32;
                ink.text.push(c);
                ink.glyphs.push(Glyph {
                    x: x + 10.0 * k as f32,
                    y,
                    w: 10.0,
                    size: 10.0,
                    text: (start, ink.text.len() as u32),
                });
            }
        }
        ink
    }

    fn texts(ink: &Ink) -> Vec<String> {
        page_lines(ink).into_iter().map(Line::into_text).collect()
    }

    #[test]
    fn a_table_without_rules_reads_by_its_columns() {
        let page = ink(&[
            ("二、主动公开", 0.0, 330.0),
            // a header whose cells wrap (one stack of lines, no numbers: one row)
            ("信息内容", 0.0, 310.0),
            ("本年制", 100.0, 310.0),
            ("本年废", 200.0, 310.0),
            ("发件数", 100.0, 292.0),
            ("止件数", 200.0, 292.0),
            // rows 6 apart more than a cell's lines (18): their padding
            ("规章", 0.0, 268.0),
            ("3", 100.0, 268.0),
            ("1", 200.0, 268.0),
            // a label on two lines, its number between them, the last cell blank
            ("行政规范", 0.0, 244.0),
            ("5", 100.0, 235.0),
            ("性文件", 0.0, 226.0),
            ("三、收到和处理政府信息公开申请", 0.0, 200.0),
        ]);
        assert_eq!(
            texts(&page),
            [
                "二、主动公开",
                "信息内容\t本年制发件数\t本年废止件数",
                "规章\t3\t1",
                "行政规范性文件\t5\t",
                "三、收到和处理政府信息公开申请",
            ]
        );
    }

    #[test]
    fn prose_between_two_tables_ends_the_first() {
        let page = ink(&[
            ("行政许可", 0.0, 300.0),
            ("56", 100.0, 300.0),
            ("行政处罚", 0.0, 280.0),
            ("7", 100.0, 280.0),
            // within 10 em of both tables, across their second column
            ("本年度未收取任何费用。", 0.0, 260.0),
            ("结果维持", 0.0, 240.0),
            ("结果纠正", 60.0, 240.0),
            ("总计", 120.0, 240.0),
            ("1", 0.0, 220.0),
            ("0", 60.0, 220.0),
            ("1", 120.0, 220.0),
        ]);
        assert_eq!(
            texts(&page),
            [
                "行政许可\t56",
                "行政处罚\t7",
                "本年度未收取任何费用。",
                "结果维持\t结果纠正\t总计",
                "1\t0\t1",
            ]
        );
    }

    #[test]
    fn every_run_of_text_is_read_once() {
        // a line of prose that the table before it, told alone, would not call prose
        let runs = [
            ("行政许可", 0.0, 300.0),
            ("56", 100.0, 300.0),
            ("3", 150.0, 300.0),
            ("行政处罚", 0.0, 280.0),
            ("7", 100.0, 280.0),
            ("2", 150.0, 280.0),
            ("本年度未收取任何费", 0.0, 260.0),
            ("维持", 0.0, 245.0),
            ("结果维持", 0.0, 230.0),
            ("结果纠正", 60.0, 230.0),
            ("总计", 120.0, 230.0),
            ("1", 0.0, 215.0),
            ("0", 60.0, 215.0),
            ("1", 120.0, 215.0),
        ];
        let mut read: Vec<char> = texts(&ink(&runs))
            .concat()
            .chars()
            .filter(|c| *c != '\t')
            .collect();
        let mut given: Vec<char> = runs.iter().flat_map(|r| r.0.chars()).collect();
        read.sort_unstable();
        given.sort_unstable();
        assert_eq!(read, given);
    }

    #[test]
    fn a_row_of_placeholders_is_a_row() {
        let page = ink(&[
            ("规章", 0.0, 300.0),
            ("3", 100.0, 300.0),
            ("1", 200.0, 300.0),
            ("行政规范", 0.0, 276.0),
            ("5", 100.0, 267.0),
            ("2", 200.0, 267.0),
            ("性文件", 0.0, 258.0),
            ("其他对外", 0.0, 234.0),
            ("—", 100.0, 225.0),
            ("管理服务", 0.0, 216.0),
        ]);
        assert_eq!(
            texts(&page),
            [
                "规章\t3\t1",
                "行政规范性文件\t5\t2",
                "其他对外管理服务\t—\t"
            ]
        );
    }

    #[test]
    fn lines_apart_without_numbers_are_no_table() {
        // a signature block: cells apart, but nothing counted
        let page = ink(&[
            ("联系人：张三", 0.0, 300.0),
            ("电话：某某", 150.0, 300.0),
            ("地址：某路", 0.0, 285.0),
            ("邮编：某某", 150.0, 285.0),
        ]);
        assert_eq!(
            texts(&page),
            ["联系人：张三\t电话：某某", "地址：某路\t邮编：某某"]
        );
    }
}
