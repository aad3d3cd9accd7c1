//! From glyphs and rules to text, the way a rich paste gives it: a table drawn with rules
//! becomes one line per row with its cells apart by tabs (a merged cell once, in its first
//! row; a blank cell a real blank; a cell's wrapped lines and one-character-per-line
//! vertical text joined), other text one line per paragraph (lines that run to the right
//! margin joined with the next, unless that one starts a heading). A table drawn without
//! rules is read by its columns' positions ([`super::columns`]) into the same rows. Glyphs
//! on one baseline are one line; a wide gap in another line is a tab.

use super::columns;
use super::content::{Glyph, Ink};
use super::grid::{grids, without_decorations, Grid};
use std::borrow::Cow;

/// A line of text on a page (y upwards: `y` is the baseline).
#[derive(Debug, Clone)]
pub struct Line {
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub size: f32,
    pub text: String,
    /// A table's row (never joined with another line): its cells, left to right.
    pub cells: Option<Vec<Cell>>,
    /// On a table's last row: the cells that reach the table's bottom with no rule under
    /// them (a page break continues them), by their left and right rules.
    pub open: Vec<(f32, f32)>,
    /// The width of the unbreakable run the line starts with (Latin letters and digits, an
    /// opening bracket): a line before it may have ended short to keep it whole.
    pub lead: f32,
    /// A table's first (last) row with no rule above (below) it: the table goes on from
    /// (on) another page, the row perhaps broken by the page break.
    pub split_top: bool,
    pub split_bottom: bool,
    /// On a page's first row: the blank cells left out because they only continue a cell
    /// of the page before (by their left and right rules).
    pub carried: Vec<(f32, f32)>,
}

/// A table cell: its text and its left and right rules.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    /// Does the cell span more than one row?
    pub tall: bool,
}

impl Line {
    /// A table's row: its cells between `x0` and `x1`, placed at `y`.
    pub fn row(x0: f32, x1: f32, y: f32, cells: Vec<Cell>) -> Line {
        Line {
            x0,
            x1,
            y,
            size: 0.0,
            text: String::new(),
            cells: Some(cells),
            open: Vec::new(),
            lead: 0.0,
            split_top: false,
            split_bottom: false,
            carried: Vec::new(),
        }
    }

    pub fn is_row(&self) -> bool {
        self.cells.is_some()
    }

    /// The line as text: a row's cells apart by tabs.
    pub fn into_text(self) -> String {
        match self.cells {
            Some(c) => c.into_iter().map(|c| c.text).collect::<Vec<_>>().join("\t"),
            None => self.text,
        }
    }
}

/// Joins a wrapped line to the text before it: without a space where either side is a
/// wide (CJK) character, with one between Latin words.
pub fn join_wrapped(text: &mut String, next: &str) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    let wide = |c: Option<char>| c.is_some_and(|c| c as u32 >= 0x2E80);
    if !text.is_empty() && !wide(text.chars().next_back()) && !wide(next.chars().next()) {
        text.push(' ');
    }
    text.push_str(next);
}

/// A glyph's text made plain: Kangxi and simplified radicals (drawn by some fonts in place
/// of the ideograph) become the ideograph, control characters go.
pub fn normal(t: &str) -> Cow<'_, str> {
    if t.chars()
        .all(|c| !c.is_control() && !('\u{2e80}'..='\u{2fdf}').contains(&c))
    {
        return Cow::Borrowed(t);
    }
    Cow::Owned(
        t.chars()
            .filter(|c| !c.is_control())
            .map(|c| match c as u32 {
                0x2F00..=0x2FD5 => KANGXI.chars().nth(c as usize - 0x2F00).unwrap_or(c),
                _ => SIMPLIFIED
                    .iter()
                    .find(|(r, _)| *r == c)
                    .map_or(c, |(_, u)| *u),
            })
            .collect(),
    )
}

/// The 214 Kangxi radicals U+2F00… as the ideographs they are (NFKC).
const KANGXI: &str = "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";

/// CJK Radicals Supplement forms that stand for whole simplified characters.
const SIMPLIFIED: [(char, char); 29] = [
    ('\u{2e9f}', '母'),
    ('\u{2ea0}', '民'),
    ('\u{2ec4}', '西'),
    ('\u{2ec5}', '见'),
    ('\u{2ec6}', '角'),
    ('\u{2ec9}', '贝'),
    ('\u{2eca}', '足'),
    ('\u{2ecb}', '车'),
    ('\u{2ed3}', '长'),
    ('\u{2ed4}', '门'),
    ('\u{2ed8}', '青'),
    ('\u{2eda}', '页'),
    ('\u{2edb}', '风'),
    ('\u{2edc}', '飞'),
    ('\u{2edd}', '食'),
    ('\u{2ee2}', '马'),
    ('\u{2ee3}', '骨'),
    ('\u{2ee4}', '鬼'),
    ('\u{2ee5}', '鱼'),
    ('\u{2ee6}', '鸟'),
    ('\u{2ee7}', '卤'),
    ('\u{2ee8}', '麦'),
    ('\u{2ee9}', '黄'),
    ('\u{2eea}', '黾'),
    ('\u{2eec}', '齐'),
    ('\u{2eee}', '齿'),
    ('\u{2ef0}', '龙'),
    ('\u{2ef3}', '龟'),
    ('\u{2ee1}', '首'),
];

/// A page's lines, top to bottom: table rows and the other lines (paragraphs not yet
/// joined: see [`paragraphs`]).
pub fn page_lines(ink: &Ink) -> Vec<Line> {
    let grids = grids(&without_decorations(ink));
    let mut free = Vec::new();
    // per grid, per region: its glyphs
    let mut cells: Vec<Vec<Vec<usize>>> = grids
        .iter()
        .map(|g| vec![Vec::new(); g.regions.len()])
        .collect();
    for (i, g) in ink.glyphs.iter().enumerate() {
        let (cx, cy) = (g.x + g.w / 2.0, g.y + g.size * 0.3);
        // a glyph across a table's top or bottom rule (a cell's text run past the rule
        // where a page breaks the table) belongs to the row it overlaps
        let at = |t: &Grid| {
            let (top, bottom) = (t.ys[0], t.ys[t.ys.len() - 1]);
            let y = if g.y + 0.8 * g.size > bottom && cy < bottom {
                bottom + 0.01
            } else if g.y - 0.2 * g.size < top && cy > top {
                top - 0.01
            } else {
                cy
            };
            t.region_at(cx, y)
        };
        match grids
            .iter()
            .enumerate()
            .find_map(|(k, t)| at(t).map(|r| (k, r)))
        {
            Some((k, r)) => cells[k][r].push(i),
            None => free.push(i),
        }
    }
    let (rows, rest) = columns::tables(ink, baselines(ink, &free));
    let mut out: Vec<Line> = rest.iter().map(|gs| line(ink, gs, true)).collect();
    out.extend(rows);
    for (t, regions) in grids.iter().zip(cells) {
        let texts: Vec<String> = regions
            .iter()
            .map(|gs| {
                let mut cell = String::new();
                for l in lines(ink, gs, false) {
                    join_wrapped(&mut cell, &l.text);
                }
                cell
            })
            .collect();
        let nr = t.ys.len() - 1;
        let open: Vec<(f32, f32)> = t
            .regions
            .iter()
            .filter(|g| g.r1 == nr - 1 && !(g.c0..=g.c1).all(|c| t.bottom_ruled[c]))
            .map(|g| (t.xs[g.c0], t.xs[g.c1 + 1]))
            .collect();
        let (mut first, mut last) = (None, None);
        for r in 0..nr {
            let mut row: Vec<(usize, usize)> = t
                .regions
                .iter()
                .enumerate()
                .filter(|(_, g)| g.r0 == r)
                .map(|(k, g)| (g.c0, k))
                .collect();
            if row.is_empty() {
                continue;
            }
            row.sort_unstable();
            let cells = row
                .iter()
                .map(|&(_, k)| Cell {
                    text: texts[k].clone(),
                    x0: t.xs[t.regions[k].c0],
                    x1: t.xs[t.regions[k].c1 + 1],
                    tall: t.regions[k].r1 > t.regions[k].r0,
                })
                .collect();
            last = Some(out.len());
            first = first.or(last);
            // just under the row's top rule: before any text of the row's height
            out.push(Line::row(
                t.xs[0],
                t.xs[t.xs.len() - 1],
                t.ys[r] - 0.01,
                cells,
            ));
        }
        if let Some(i) = last {
            out[i].open = open;
            out[i].split_bottom = t.open_bottom;
        }
        if let Some(i) = first {
            out[i].split_top = t.open_top;
        }
    }
    out.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    out
}

/// Glyphs grouped into lines by baseline, each line's glyphs in order of x. `tabs`: a gap
/// wider than 1.5 em is a tab (text outside tables), else a space.
fn lines(ink: &Ink, idx: &[usize], tabs: bool) -> Vec<Line> {
    baselines(ink, idx)
        .iter()
        .map(|members| line(ink, members, tabs))
        .collect()
}

/// Glyphs grouped by baseline, from the top of the page down, each group in order of x.
pub(super) fn baselines(ink: &Ink, idx: &[usize]) -> Vec<Vec<Glyph>> {
    let mut idx = idx.to_vec();
    let gl = &ink.glyphs;
    idx.sort_by(|&a, &b| {
        gl[b]
            .y
            .total_cmp(&gl[a].y)
            .then(gl[a].x.total_cmp(&gl[b].x))
    });
    let mut out = Vec::new();
    let mut i = 0;
    while i < idx.len() {
        let first = gl[idx[i]];
        let mut j = i + 1;
        while j < idx.len() {
            let g = gl[idx[j]];
            if (first.y - g.y).abs() > 0.5 * first.size.max(g.size).max(1.0) {
                break;
            }
            j += 1;
        }
        let mut members: Vec<Glyph> = idx[i..j].iter().map(|&k| gl[k]).collect();
        members.sort_by(|a, b| a.x.total_cmp(&b.x));
        out.push(members);
        i = j;
    }
    out
}

/// One line of glyphs (on one baseline, in order of x) as text.
pub(super) fn line(ink: &Ink, gs: &[Glyph], tabs: bool) -> Line {
    let mut text = String::new();
    let mut prev: Option<Glyph> = None;
    let size = gs.iter().map(|g| g.size).fold(0.0, f32::max);
    for g in gs {
        let t = ink.glyph_text(g);
        // spaces are drawn in many ways (several at one place, of no width): the gaps
        // between the other glyphs say where a space is
        if t.chars().all(char::is_whitespace) {
            continue;
        }
        if let Some(p) = prev {
            let em = p.size.max(g.size).max(1.0);
            // the same glyph drawn twice (faked bold, a shadow)
            if (g.x - p.x).abs() < 0.15 * em && ink.glyph_text(&p) == t {
                continue;
            }
            let gap = g.x - (p.x + p.w);
            let wide = |c: Option<char>| c.is_some_and(|c| c as u32 >= 0x2E80);
            if tabs && gap > 1.5 * em {
                text.push('\t');
            } else if gap > 0.2 * em && !wide(text.chars().next_back()) && !wide(t.chars().next()) {
                text.push(' ');
            }
        }
        text.push_str(t);
        prev = Some(*g);
    }
    let (x0, x1) = (
        gs[0].x,
        gs.iter().map(|g| g.x + g.w).fold(f32::MIN, f32::max),
    );
    // the unbreakable run it starts with: Latin letters, digits and their punctuation,
    // after an opening bracket or quote
    let mut lead = 0.0;
    for (k, g) in gs.iter().enumerate() {
        let t = ink.glyph_text(g);
        let opening = k == 0 && t.chars().all(|c| "（(“《【〔‘\"".contains(c));
        if !(opening || t.chars().all(|c| c.is_ascii_graphic())) || t.is_empty() {
            break;
        }
        lead = g.x + g.w - x0;
    }
    Line {
        x0,
        x1,
        y: gs[0].y,
        size,
        text: text.trim_end().to_string(),
        cells: None,
        open: Vec::new(),
        lead,
        split_top: false,
        split_bottom: false,
        carried: Vec::new(),
    }
}

/// Joins a page's lines into paragraphs: a line that runs to the right margin (and starts
/// near the left one) goes on in the next line, unless that one starts a heading, is set
/// in another size, starts further right, or lies a paragraph's gap below. A line that
/// ended short goes on too when the next one starts at the margin with an unbreakable run
/// (a web address) that would not have fitted.
pub fn paragraphs(lines: Vec<Line>) -> Page {
    let prose: Vec<&Line> = lines
        .iter()
        .filter(|l| !l.is_row() && !l.text.is_empty())
        .collect();
    let left = prose.iter().map(|l| l.x0).fold(f32::MAX, f32::min);
    // the margin most long lines end at (a line with hanging punctuation ends further)
    let right = {
        let max = prose.iter().map(|l| l.x1).fold(f32::MIN, f32::max);
        let mut long: Vec<f32> = prose
            .iter()
            .filter(|l| l.x1 >= max - 4.0 * l.size.max(1.0))
            .map(|l| l.x1)
            .collect();
        long.sort_by(f32::total_cmp);
        long.get(long.len() / 2).copied().unwrap_or(max)
    };
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    // the last line added to the open paragraph: its right end and where it started
    let mut last: Option<(f32, f32)> = None;
    for l in lines {
        if let (Some(p), Some((x1, start))) = (out.last_mut(), last) {
            let em = p.size.max(1.0);
            let full = x1 >= right - 1.5 * em;
            let kept_whole = l.lead > 0.0 && x1 + l.lead + em > right && l.x0 <= left + 0.5 * em;
            // (not a line of cells apart by tabs: a table's header without its rows)
            let goes_on = start <= left + 3.0 * em
                && (full || kept_whole)
                && !l.is_row()
                && !l.text.contains('\t')
                && !p.text.contains('\t')
                && (l.size - p.size).abs() <= 0.2 * em
                && l.x0 <= p.x0 + 0.5 * em
                && p.y - l.y <= 2.2 * em
                && !starts_heading(&l.text);
            if goes_on {
                join_wrapped(&mut p.text, &l.text);
                p.y = l.y;
                p.x0 = l.x0.min(p.x0);
                last = Some((l.x1, l.x0));
                continue;
            }
        }
        last = (!l.is_row()).then_some((l.x1, l.x0));
        out.push(l);
    }
    let em = out.last().map_or(1.0, |l| l.size.max(1.0));
    let open_end =
        last.is_some_and(|(x1, start)| x1 >= right - 1.5 * em && start <= left + 3.0 * em);
    let room = last
        .filter(|&(_, start)| start <= left + 3.0 * em)
        .map(|(x1, _)| right - x1 - em);
    let flush_start = out.first().is_some_and(|l| {
        !l.is_row() && l.x0 <= left + 0.5 * l.size.max(1.0) && !starts_heading(&l.text)
    });
    Page {
        lines: out,
        open_end,
        room,
        flush_start,
    }
}

/// A page's paragraphs, and whether its last one may go on on the next page (it runs to
/// the margin) and its first one may go on from the page before (it starts at the margin,
/// not indented, not a heading).
pub struct Page {
    pub lines: Vec<Line>,
    pub open_end: bool,
    /// The room left at the end of its last line (when that one is prose): a line that
    /// starts with a longer unbreakable run could not have fitted.
    pub room: Option<f32>,
    pub flush_start: bool,
}

/// Does a line start with a heading's number (`一、`, `（一）`, `1.`, `第一`)?
fn starts_heading(t: &str) -> bool {
    let t = t.trim_start();
    let cn = |c: char| "一二三四五六七八九十".contains(c);
    let mut cs = t.chars();
    match cs.next() {
        Some('（' | '(') => cs.next().is_some_and(|c| cn(c) || c.is_ascii_digit()),
        Some('第') => cs.next().is_some_and(cn),
        Some(c) if cn(c) => t.trim_start_matches(cn).starts_with(['、', '．', '.']),
        Some(c) if c.is_ascii_digit() => {
            let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(['.', '、', '．'])
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ink(glyphs: &[(&str, f32, f32)], rules: &[(f32, f32, f32, f32)]) -> Ink {
        let mut ink = Ink::default();
        for &(t, x, y) in glyphs {
            let start = ink.text.len() as u32;
            ink.text.push_str(t);
            let w = 10.0 * t.chars().count() as f32;
            ink.glyphs.push(Glyph {
                x,
                y,
                w,
                size: 10.0,
                text: (start, ink.text.len() as u32),
            });
        }
        for &(x0, y0, x1, y1) in rules {
            ink.rules
                .push(super::super::content::Rule { x0, y0, x1, y1 });
        }
        ink
    }

    #[test]
    fn a_ruled_table_reads_as_rows_of_cells() {
        // 3 columns × 3 rows; the first column's two lower cells merged; one blank cell;
        // a cell with vertical text (one character per line)
        let rules = [
            (0.0, 100.0, 300.0, 100.0),
            (0.0, 80.0, 300.0, 80.0),
            (100.0, 60.0, 300.0, 60.0),
            (0.0, 40.0, 300.0, 40.0),
            (0.0, 40.0, 0.0, 100.0),
            (100.0, 40.0, 100.0, 100.0),
            (200.0, 40.0, 200.0, 100.0),
            (300.0, 40.0, 300.0, 100.0),
        ];
        let glyphs = [
            ("标题", 5.0, 120.0),
            ("项目", 5.0, 85.0),
            ("数量", 105.0, 85.0),
            ("结", 205.0, 92.0),
            ("果", 205.0, 82.0),
            ("规章", 5.0, 55.0),
            ("12", 105.0, 65.0),
            ("3", 105.0, 45.0),
            ("7", 205.0, 45.0),
        ];
        let lines = page_lines(&ink(&glyphs, &rules));
        let texts: Vec<String> = lines.into_iter().map(Line::into_text).collect();
        assert_eq!(texts, ["标题", "项目\t数量\t结果", "规章\t12\t", "3\t7"]);
    }

    #[test]
    fn wrapped_lines_join_into_paragraphs_headings_do_not() {
        let l = |t: &str, x0: f32, x1: f32, y: f32| Line {
            x0,
            x1,
            y,
            size: 10.0,
            text: t.into(),
            cells: None,
            open: Vec::new(),
            lead: 0.0,
            split_top: false,
            split_bottom: false,
            carried: Vec::new(),
        };
        let out = paragraphs(vec![
            l("一、总体情况", 20.0, 80.0, 100.0),
            l("本年度我局认真贯彻", 40.0, 200.0, 88.0),
            l("落实条例。", 20.0, 70.0, 76.0),
            l("二、主动公开", 20.0, 80.0, 64.0),
        ]);
        let texts: Vec<&str> = out.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "一、总体情况",
                "本年度我局认真贯彻落实条例。",
                "二、主动公开"
            ]
        );
        assert!(!out.open_end && !out.flush_start);
        assert!(starts_heading("（三）政府信息"));
        assert!(starts_heading("12．其他"));
        assert!(!starts_heading("一是加强"));
    }

    #[test]
    fn radicals_become_ideographs() {
        assert_eq!(normal("\u{2f08}民\u{2ed3}"), "人民长");
        assert!(matches!(normal("规章"), Cow::Borrowed(_)));
    }
}
