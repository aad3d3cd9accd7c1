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
use rows::{rows, Pitch};

/// A run of glyphs on one line with no gap wider than a cell's padding.
struct Seg {
    x0: f32,
    x1: f32,
    text: String,
}

struct Base {
    glyphs: Vec<Glyph>,
    segs: Vec<Seg>,
    y: f32,
    size: f32,
}

impl Base {
    /// Cells apart: a gap of 0.8 em or more between two runs.
    fn tabular(&self) -> bool {
        self.segs
            .windows(2)
            .any(|w| w[1].x0 - w[0].x1 >= 0.8 * self.size)
    }

    fn numbers(&self) -> impl Iterator<Item = &Seg> {
        self.segs.iter().filter(|s| is_number(&s.text))
    }
}

/// A number as the table readers tell one (not a long run of digits of some other kind).
/// Placeholders (`/`, `—`, `无`) are values too, but they do not tell a column: `无` may be
/// a character of a label set one per line.
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
    for (from, to) in runs(&bases) {
        for t in tables_in(&bases, from, to) {
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
    Seg {
        x0: l.x0,
        x1: l.x1,
        text: l.text.trim().to_string(),
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
fn tables_in(bases: &[Base], from: usize, to: usize) -> Vec<Table> {
    let mut out = Vec::new();
    let mut todo = vec![(from, to)];
    while let Some((from, to)) = todo.pop() {
        match table_in(bases, from, to) {
            Found::Table(t) => out.push(t),
            Found::Split(pieces) => todo.extend(pieces),
            Found::None => {}
        }
    }
    out
}

enum Found {
    Table(Table),
    /// Lines of prose among them: the runs of lines between.
    Split(Vec<(usize, usize)>),
    None,
}

/// More columns than this are no report's table.
const MAX_COLUMNS: usize = 64;

fn table_in(bases: &[Base], from: usize, to: usize) -> Found {
    let span = &bases[from..=to];
    // (a row of numbers alone: a table's last rows, its header on the page before)
    let lone_row = from == to && span[0].tabular() && span[0].numbers().count() >= 3;
    if span.iter().filter(|b| b.tabular()).count() < 2 && !lone_row {
        return Found::None;
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
    let with_numbers = |b: &Base| b.numbers().next().is_some();
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
    let prose = |i: usize| {
        let b = &bases[i];
        !b.tabular()
            && b.segs.len() == 1
            && b.segs[0].x0 < second - 0.5 * size
            && b.segs[0].x1 > second + 0.5 * size
            && (b.segs[0].x1 > first || !anchors.iter().any(|&a| near(b, &bases[a])))
    };
    // the first line of prose splits the lines (the rest told again by the lines after it,
    // apart from the table before: its numbers may have placed the columns), unless there
    // are many: then all of them at once
    let mut cuts: Vec<usize> = (from..=to).filter(|&i| prose(i)).collect();
    if cuts.len() <= 100 {
        cuts.truncate(1);
    }
    if !cuts.is_empty() {
        let mut pieces = Vec::with_capacity(cuts.len() + 1);
        let mut start = from;
        for k in cuts {
            if k > start {
                pieces.push((start, k - 1));
            }
            start = k + 1;
        }
        if start <= to {
            pieces.push((start, to));
        }
        return Found::Split(pieces);
    }
    // the lines just above (a header's first lines) and below (a last label's end)
    let mut lo = from;
    // (a section's heading: `二、`)
    let heading = |b: &Base| {
        b.segs.first().is_some_and(|s| {
            let t = s
                .text
                .trim_start_matches(|c: char| "一二三四五六七八九十".contains(c));
            t.len() < s.text.len() && t.starts_with('、')
        })
    };
    while lo > 0
        && !bases[lo - 1].tabular()
        && !prose(lo - 1)
        && !heading(&bases[lo - 1])
        && bases[lo - 1].y - bases[lo].y <= 2.5 * size
    {
        lo -= 1;
    }
    // and below: a last label's end, a last row of one number (not apart from anything)
    let in_column = |s: &Seg| numbers.iter().any(|&(a, b)| s.x0 < b && s.x1 > a);
    let row_like = |b: &Base| {
        b.numbers().any(in_column)
            && b.segs
                .iter()
                .all(|s| s.x1 < first || (is_number(&s.text) && in_column(s)))
    };
    // (the next row's numbers stand in the middle of its cells: a few lines down)
    let window = 3.5 * pitch.least.unwrap_or(size).max(size);
    let mut hi = to;
    loop {
        while hi + 1 < bases.len()
            && !bases[hi + 1].tabular()
            && !prose(hi + 1)
            && near(&bases[hi], &bases[hi + 1])
        {
            hi += 1;
        }
        let last = &bases[hi];
        let next = (hi + 1..bases.len())
            .take_while(|&k| last.y - bases[k].y <= window && !bases[k].tabular() && !prose(k))
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
    let columns: Vec<(f32, f32)> = labels.iter().chain(&numbers).copied().collect();
    let right = lines
        .iter()
        .flat_map(|b| b.segs.iter().map(|s| s.x1))
        .fold(f32::MIN, f32::max);
    let mut edges = vec![columns[0].0.min(left) - 0.5 * size];
    edges.extend(columns.windows(2).map(|w| (w[0].1 + w[1].0) / 2.0));
    edges.push(right.max(columns[columns.len() - 1].1) + 0.5 * size);
    let numbers_from = edges[labels.len()];
    let all: Vec<usize> = (lo..=hi).filter(|&i| with_numbers(&bases[i])).collect();
    let pitch = Pitch::of(bases, lo, hi, &all, size);
    let members = rows(bases, lo, hi, numbers_from, pitch, &columns, size);
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
                // per column, its runs: (line, x0, x1, text)
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
                Line {
                    x0: self.edges[0],
                    x1: self.edges[n],
                    y: top + 0.01,
                    size: 0.0,
                    text: String::new(),
                    cells: Some(cells),
                    open: Vec::new(),
                    lead: 0.0,
                    split_top: false,
                    split_bottom: false,
                    carried: Vec::new(),
                }
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
/// side by side (cells this table's columns do not tell apart) apart by a tab.
fn cell_text(runs: &[(usize, &Seg)]) -> String {
    let stacks = merged(runs.iter().map(|(_, s)| (s.x0, s.x1)).collect(), 0.0);
    let mut parts = Vec::with_capacity(stacks.len());
    for (a, b) in stacks {
        let mut text = String::new();
        let mut inside: Vec<&(usize, &Seg)> = runs
            .iter()
            .filter(|(_, s)| s.x0 >= a && s.x1 <= b)
            .collect();
        inside.sort_by(|p, q| p.0.cmp(&q.0).then(p.1.x0.total_cmp(&q.1.x0)));
        for (_, s) in inside {
            join_wrapped(&mut text, &s.text);
        }
        parts.push(text);
    }
    parts.join("\t")
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
