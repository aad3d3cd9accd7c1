//! The rows of a table drawn without rules: which lines make one row (see [`rows`]), by
//! the table's line spacing ([`Pitch`]).

use super::{Base, Seg, MAX_SEGS};

/// Do two lines hold runs one over the other, of those `keep` keeps?
fn over(a: &Base, b: &Base, keep: impl Fn(&Seg) -> bool) -> bool {
    let keep = |s: &&Seg| keep(s);
    a.segs.iter().filter(keep).any(|s| {
        b.segs
            .iter()
            .filter(keep)
            .any(|t| t.x0 < s.x1 && t.x1 > s.x0)
    })
}

/// Do two lines hold labels one over the other?
fn overlaps_labels(a: &Base, b: &Base, numbers_from: f32) -> bool {
    over(a, b, |s| s.x1 <= numbers_from)
}

/// Does a line hold a cell over several columns (over what two of them hold)?
fn spans_columns(b: &Base, columns: &[(f32, f32)], size: f32) -> bool {
    b.segs.iter().any(|s| {
        columns
            .iter()
            .filter(|c| s.x1.min(c.1) - s.x0.max(c.0) > 0.1 * size)
            .count()
            >= 2
    })
}

/// A table's line spacing: within a cell (the least distance between two lines one under
/// the other, text over text) and between rows (the next larger such distance; without
/// any, the least between two lines with numbers), where the table shows them: a cell's
/// only where it differs from the rows'.
#[derive(Clone, Copy)]
pub(super) struct Pitch {
    pub cell: Option<f32>,
    pub rows: Option<f32>,
    /// The least distance between two lines one under the other, a cell's or the rows'.
    pub least: Option<f32>,
}

impl Pitch {
    pub(super) fn of(
        bases: &[Base],
        from: usize,
        to: usize,
        anchors: &[usize],
        size: f32,
    ) -> Pitch {
        let mut text_over_text: Vec<f32> = (from..to)
            .filter_map(|i| {
                let (a, b) = (&bases[i], &bases[i + 1]);
                let few = a.segs.len().max(b.segs.len()) <= MAX_SEGS / 4;
                (few && over(a, b, |s| !s.number)).then_some(a.y - b.y)
            })
            .filter(|&d| d > 0.0)
            .collect();
        text_over_text.sort_by(f32::total_cmp);
        let cell = text_over_text.first().copied();
        let between_numbers = anchors
            .windows(2)
            .map(|w| bases[w[0]].y - bases[w[1]].y)
            .min_by(f32::total_cmp);
        // (not the distance between two lines with numbers when there is a cell's: rows
        // of wrapped cells are that far apart without padding)
        let rows = match cell {
            Some(c) => text_over_text.iter().copied().find(|&d| d > c + 0.1 * size),
            None => between_numbers,
        };
        // a spacing not told apart from the rows' may be theirs (no cell is wrapped)
        Pitch {
            cell: cell.filter(|_| rows.is_some()),
            rows,
            least: cell,
        }
    }

    /// Two header lines closer than this are one row (a header's wrapped cells): between a
    /// cell's spacing and the rows', or, where the two are not told apart, 1.6 em (a line
    /// with a cell over several columns is a row of its own anyway).
    fn one_cell(self, size: f32) -> f32 {
        match (self.cell, self.rows) {
            (Some(c), Some(r)) => (c + r) / 2.0,
            _ => 1.6 * size,
        }
    }
}

/// The rows of lines `lo..=hi`, each its lines top down. A line with numbers is a row, and
/// its cells' wrapped lines (labels alone on their lines) stand around it, as many above as
/// below (a cell's text is set in its middle): first those within 0.7 line of it, then pairs
/// one line further out on both sides, while no other row claims them. A label left over
/// (a cell over several rows, set in their middle) goes on a row's cell just above or
/// below it, else its lines one under the other are a row of their own; without a cell's
/// spacing to tell by, a label belongs to the nearest row within 1.6 em.
/// Header lines are rows, one under the other within a line's spacing one row (a header's
/// wrapped cells), except a line with a cell over several columns.
/// `anchor`: which of the lines `lo..` hold numbers (one row each).
pub(super) fn rows(
    bases: &[Base],
    lo: usize,
    anchor: &[bool],
    numbers_from: f32,
    pitch: Pitch,
    columns: &[(f32, f32)],
    size: f32,
) -> Vec<Vec<usize>> {
    let hi = lo + anchor.len() - 1;
    let anchors: Vec<usize> = (lo..=hi).filter(|&i| anchor[i - lo]).collect();
    // the row of each line with numbers
    let mut row: Vec<Option<usize>> = vec![None; anchor.len()];
    for (n, &a) in anchors.iter().enumerate() {
        row[a - lo] = Some(n);
    }
    let label = |k: usize| !anchor[k - lo] && bases[k].segs.iter().all(|s| s.x1 <= numbers_from);
    let mut of: Vec<Option<usize>> = vec![None; anchor.len()];
    let dy = |a: usize, k: usize| bases[a].y - bases[k].y;
    // the row nearest to line `k` within `d` (the rows next to it in order of lines)
    let nearest = |k: usize, d: f32| {
        let at = anchors.partition_point(|&a| a < k);
        [at.checked_sub(1), Some(at)]
            .into_iter()
            .flatten()
            .filter(|&n| n < anchors.len() && dy(anchors[n], k).abs() <= d)
            .min_by(|&a, &b| dy(anchors[a], k).abs().total_cmp(&dy(anchors[b], k).abs()))
    };
    if let Some(p) = pitch.cell {
        for k in (lo..=hi).filter(|&k| label(k)) {
            of[k - lo] = nearest(k, 0.7 * p);
        }
        // pairs further out, all rows at once
        let mut extent: Vec<(usize, usize)> = anchors.iter().map(|&a| (a, a)).collect();
        for (k, o) in of.iter().enumerate() {
            if let Some(n) = *o {
                let e = &mut extent[n];
                *e = (e.0.min(lo + k), e.1.max(lo + k));
            }
        }
        // (a cell of more than a dozen lines is none of a report's)
        for _ in 0..6 {
            let free = |k: usize, of: &[Option<usize>]| label(k) && of[k - lo].is_none();
            let mut want: Vec<(usize, usize, usize)> = Vec::new();
            for (n, &(top, bottom)) in extent.iter().enumerate() {
                let a = anchors[n];
                // the next lines of this row's cells (not those of a cell over several rows
                // set between them)
                let mine = |k: usize| {
                    (top..=bottom)
                        .filter(|&m| m == a || of[m - lo] == Some(n))
                        .any(|m| overlaps_labels(&bases[m], &bases[k], numbers_from))
                };
                // (not past a line another row holds)
                let next = |lines: &mut dyn Iterator<Item = usize>| {
                    lines
                        .take_while(|&k| !anchor[k - lo] && of[k - lo].is_none())
                        .find(|&k| free(k, &of) && mine(k))
                };
                let up = next(&mut (lo..top).rev().take_while(|&k| dy(k, top) <= 1.2 * p));
                let down = next(&mut (bottom + 1..=hi).take_while(|&k| dy(bottom, k) <= 1.2 * p));
                if let (Some(u), Some(d)) = (up, down) {
                    if (dy(u, a) - dy(a, d)).abs() <= 0.3 * p {
                        want.push((n, u, d));
                    }
                }
            }
            // a line two rows want goes to the nearer one (the one above, when as near)
            let mut best = vec![(f32::MAX, usize::MAX); anchor.len()];
            for &(n, u, d) in &want {
                for k in [u, d] {
                    let key = (dy(anchors[n], k).abs(), n);
                    if key < best[k - lo] {
                        best[k - lo] = key;
                    }
                }
            }
            let wins = |n: usize, k: usize| best[k - lo].1 == n;
            let granted: Vec<(usize, usize, usize)> = want
                .iter()
                .copied()
                .filter(|&(n, u, d)| wins(n, u) && wins(n, d))
                .collect();
            if granted.is_empty() {
                break;
            }
            for (n, u, d) in granted {
                of[u - lo] = Some(n);
                of[d - lo] = Some(n);
                extent[n] = (u, d);
            }
        }
    }
    let mut members: Vec<Vec<usize>> = anchors.iter().map(|&a| vec![a]).collect();
    let mut header: Vec<usize> = Vec::new();
    let flush = |header: &mut Vec<usize>, members: &mut Vec<Vec<usize>>| {
        if !header.is_empty() {
            members.push(std::mem::take(header));
        }
    };
    let one_cell = pitch.one_cell(size);
    let mut tall: Vec<Vec<usize>> = Vec::new();
    for k in lo..=hi {
        if anchor[k - lo] {
            flush(&mut header, &mut members);
            continue;
        }
        if let Some(n) = of[k - lo] {
            members[n].push(k);
            continue;
        }
        if label(k) && pitch.cell.is_none() {
            if let Some(n) = nearest(k, 1.6 * size) {
                members[n].push(k);
                continue;
            }
        }
        let inside =
            anchors.first().is_some_and(|&a| a < k) && anchors.last().is_some_and(|&a| a > k);
        if label(k) && inside {
            // a cell over several rows (its text in their middle, centred on none): with
            // the row whose cell's line it goes on (above, else below), else its lines one
            // under the other are a row of their own
            let p = pitch.cell.unwrap_or(size);
            let row_of = |m: usize, of: &[Option<usize>]| row[m - lo].or(of[m - lo]);
            let goes_on = |m: usize| {
                dy(m, k).abs() <= 1.3 * p && overlaps_labels(&bases[m], &bases[k], numbers_from)
            };
            let above = (lo..k)
                .rev()
                .take_while(|&m| dy(m, k) <= 1.3 * p)
                .find(|&m| goes_on(m));
            let below = (k + 1..=hi)
                .take_while(|&m| dy(k, m) <= 1.3 * p)
                .find(|&m| goes_on(m));
            if let Some(n) = [above, below]
                .into_iter()
                .flatten()
                .find_map(|m| row_of(m, &of))
            {
                of[k - lo] = Some(n);
                members[n].push(k);
                continue;
            }
            // (among the last few: a cell over several rows is one of few beside each other)
            let cell = tall.iter_mut().rev().take(8).find(|c: &&mut Vec<usize>| {
                let last = c[c.len() - 1];
                dy(last, k) <= 1.3 * p && over(&bases[last], &bases[k], |_| true)
            });
            match cell {
                Some(c) => c.push(k),
                None => tall.push(vec![k]),
            }
            continue;
        }
        // a header's line: with the one above when within a line's spacing
        let spans = |k: usize| spans_columns(&bases[k], columns, size);
        let joins = !spans(k)
            && header
                .last()
                .is_some_and(|&h| dy(h, k) < one_cell && !spans(h));
        if !joins {
            flush(&mut header, &mut members);
        }
        header.push(k);
    }
    flush(&mut header, &mut members);
    members.extend(tall);
    for m in &mut members {
        m.sort_unstable();
    }
    members
}
