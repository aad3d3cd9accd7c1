//! Tables drawn with rules: the rules of a page grouped into tables (collinear pieces
//! merged, crossing rules one table), each a grid of column and row positions whose cells
//! with no rule between them are one merged cell. A table broken by a page (its top or
//! bottom rule not drawn) is closed by where its verticals end; the text's underlines and
//! strike-throughs are not rules.

use super::content::{Glyph, Ink, Rule};

/// The rules without the text's decorations: a horizontal line just under a run of
/// glyphs' baseline (an underline) or through it (a strike-through), covered by them for
/// most of its length.
pub fn without_decorations(ink: &Ink) -> Vec<Rule> {
    let mut by_y: Vec<&Glyph> = ink
        .glyphs
        .iter()
        .filter(|g| !ink.glyph_text(g).chars().all(char::is_whitespace))
        .collect();
    by_y.sort_by(|a, b| a.y.total_cmp(&b.y));
    let max = by_y.iter().map(|g| g.size).fold(0.0, f32::max);
    ink.rules
        .iter()
        .filter(|r| {
            if r.y0 != r.y1 {
                return true;
            }
            let from = by_y.partition_point(|g| g.y < r.y0 - 0.6 * max);
            let covered: f32 = by_y[from..]
                .iter()
                .take_while(|g| g.y <= r.y0 + 0.25 * max)
                .filter(|g| r.y0 >= g.y - 0.25 * g.size && r.y0 <= g.y + 0.6 * g.size)
                .map(|g| (g.x + g.w).min(r.x1) - g.x.max(r.x0))
                .filter(|&o| o > 0.0)
                .sum();
            covered < 0.8 * (r.x1 - r.x0)
        })
        .copied()
        .collect()
}

/// A table found in the rules: column and row positions and its cells (grid cells without
/// a rule between them merged).
pub struct Grid {
    pub xs: Vec<f32>,
    /// From top to bottom.
    pub ys: Vec<f32>,
    pub regions: Vec<Region>,
    /// Region of each grid cell (row-major).
    pub of: Vec<usize>,
    /// The table's top (bottom) rule is not drawn: it goes on from (on) another page.
    pub open_top: bool,
    pub open_bottom: bool,
    /// Per column: is the table's bottom drawn under it?
    pub bottom_ruled: Vec<bool>,
}

#[derive(Debug, Clone, Copy)]
pub struct Region {
    pub c0: usize,
    pub c1: usize,
    pub r0: usize,
    pub r1: usize,
}

impl Grid {
    pub fn region_at(&self, x: f32, y: f32) -> Option<usize> {
        let (xs, ys) = (&self.xs, &self.ys);
        if x < xs[0] || x > xs[xs.len() - 1] || y > ys[0] || y < ys[ys.len() - 1] {
            return None;
        }
        let c = xs.partition_point(|&v| v <= x).clamp(1, xs.len() - 1) - 1;
        let r = ys.partition_point(|&v| v >= y).clamp(1, ys.len() - 1) - 1;
        self.of.get(r * (xs.len() - 1) + c).copied()
    }
}

/// Positions within `tol` of each other as one (their mean), sorted.
fn cluster(mut v: Vec<f32>, tol: f32) -> Vec<f32> {
    v.sort_by(f32::total_cmp);
    let mut out: Vec<(f32, usize)> = Vec::new();
    for x in v {
        match out.last_mut() {
            Some((m, n)) if x - *m / *n as f32 <= tol => {
                *m += x;
                *n += 1;
            }
            _ => out.push((x, 1)),
        }
    }
    out.into_iter().map(|(m, n)| m / n as f32).collect()
}

fn find(p: &mut [usize], mut i: usize) -> usize {
    while p[i] != i {
        p[i] = p[p[i]];
        i = p[i];
    }
    i
}

/// Collinear rules that overlap or touch as one: rules within 1 unit of each other's
/// position are one line; along it, pieces that overlap or lie within 1.5 units join.
fn merge(mut v: Vec<Rule>, horizontal: bool) -> Vec<Rule> {
    let key = |r: &Rule| {
        if horizontal {
            (r.y0, r.x0, r.x1)
        } else {
            (r.x0, r.y0, r.y1)
        }
    };
    v.sort_by(|a, b| key(a).0.total_cmp(&key(b).0));
    let mut out: Vec<Rule> = Vec::new();
    let mut i = 0;
    while i < v.len() {
        let mut j = i + 1;
        while j < v.len() && key(&v[j]).0 - key(&v[j - 1]).0 <= 1.0 {
            j += 1;
        }
        let line = &mut v[i..j];
        line.sort_by(|a, b| key(a).1.total_cmp(&key(b).1));
        let at = out.len();
        for r in line.iter() {
            if let Some(p) = out.get_mut(at..).and_then(|o| o.last_mut()) {
                let (pk, rk) = (key(p), key(r));
                if rk.1 <= pk.2 + 1.5 {
                    if horizontal {
                        p.x1 = p.x1.max(r.x1);
                    } else {
                        p.y1 = p.y1.max(r.y1);
                    }
                    continue;
                }
            }
            out.push(*r);
        }
        i = j;
    }
    out
}

/// The tables a page's rules draw: groups of crossing rules with at least two rows and
/// two columns.
pub fn grids(rules: &[Rule]) -> Vec<Grid> {
    const TOL: f32 = 2.0;
    let h = merge(
        rules.iter().filter(|r| r.y0 == r.y1).copied().collect(),
        true,
    );
    let v = merge(
        rules
            .iter()
            .filter(|r| r.x0 == r.x1 && r.y0 != r.y1)
            .copied()
            .collect(),
        false,
    );
    if h.len() < 2 || v.len() < 2 || h.len().saturating_mul(v.len()) > 4_000_000 {
        return Vec::new();
    }
    // rules that cross or touch are one table
    let mut p: Vec<usize> = (0..h.len() + v.len()).collect();
    for (i, a) in h.iter().enumerate() {
        for (j, b) in v.iter().enumerate() {
            if b.x0 >= a.x0 - TOL && b.x0 <= a.x1 + TOL && a.y0 >= b.y0 - TOL && a.y0 <= b.y1 + TOL
            {
                let (x, y) = (find(&mut p, i), find(&mut p, h.len() + j));
                p[x] = y;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<Rule>, Vec<Rule>)> = Default::default();
    for (i, r) in h.iter().enumerate() {
        groups.entry(find(&mut p, i)).or_default().0.push(*r);
    }
    for (j, r) in v.iter().enumerate() {
        groups
            .entry(find(&mut p, h.len() + j))
            .or_default()
            .1
            .push(*r);
    }
    let mut groups: Vec<(Vec<Rule>, Vec<Rule>)> = groups.into_values().collect();
    // a vertical rule crossing no horizontal one: the side of a merged cell that goes on
    // from the page before (its top not drawn); it belongs to the table whose verticals
    // end where it ends
    let lone: Vec<Rule> = groups
        .iter()
        .filter(|(h, _)| h.is_empty())
        .flat_map(|(_, v)| v.iter().copied())
        .collect();
    groups.retain(|(h, _)| !h.is_empty());
    for r in lone {
        let near = |v: &Rule| (v.y0 - r.y0).abs() <= TOL || (v.y1 - r.y1).abs() <= TOL;
        if let Some(g) = groups.iter_mut().find(|(h, v)| {
            v.iter().any(near)
                && h.iter()
                    .any(|a| (a.x0 - r.x0).abs() < 200.0 || (a.x1 - r.x0).abs() < 200.0)
        }) {
            g.1.push(r);
        }
    }
    groups
        .into_iter()
        .filter_map(|(h, v)| grid(&h, &v, TOL))
        .collect()
}

fn grid(h: &[Rule], v: &[Rule], tol: f32) -> Option<Grid> {
    let xs = cluster(v.iter().map(|r| r.x0).collect(), tol);
    let mut ys = cluster(h.iter().map(|r| r.y0).collect(), tol);
    ys.reverse();
    // verticals that run past the first or last horizontal rule: a table broken by a page
    // (the rule at the break is not drawn)
    let top = v.iter().map(|r| r.y1).fold(f32::MIN, f32::max);
    let bottom = v.iter().map(|r| r.y0).fold(f32::MAX, f32::min);
    let open_top = ys.first().is_some_and(|&y| top > y + tol);
    let open_bottom = ys.last().is_some_and(|&y| bottom < y - tol);
    if open_top {
        ys.insert(0, top);
    }
    if open_bottom {
        ys.push(bottom);
    }
    let (nc, nr) = (xs.len().checked_sub(1)?, ys.len().checked_sub(1)?);
    if nc == 0 || nr == 0 || nc * nr > 200_000 {
        return None;
    }
    // does a rule at `at` (a position) cover the middle of [lo, hi]?
    let covers = |rs: &[Rule], horizontal: bool, at: f32, lo: f32, hi: f32| {
        let (a, b) = (lo + (hi - lo) * 0.25, hi - (hi - lo) * 0.25);
        rs.iter().any(|r| {
            let (pos, s, e) = if horizontal {
                (r.y0, r.x0, r.x1)
            } else {
                (r.x0, r.y0, r.y1)
            };
            (pos - at).abs() <= tol && s <= a && e >= b
        })
    };
    let mut p: Vec<usize> = (0..nc * nr).collect();
    for r in 0..nr {
        for c in 0..nc {
            let k = r * nc + c;
            if c + 1 < nc && !covers(v, false, xs[c + 1], ys[r + 1], ys[r]) {
                let (a, b) = (find(&mut p, k), find(&mut p, k + 1));
                p[a.max(b)] = a.min(b);
            }
            if r + 1 < nr && !covers(h, true, ys[r + 1], xs[c], xs[c + 1]) {
                let (a, b) = (find(&mut p, k), find(&mut p, k + nc));
                p[a.max(b)] = a.min(b);
            }
        }
    }
    // regions numbered by their first cell (the top-left one, row-major)
    let mut id = vec![usize::MAX; nc * nr];
    let mut regions = Vec::new();
    let mut of = vec![0; nc * nr];
    for (k, slot) in of.iter_mut().enumerate() {
        let root = find(&mut p, k);
        if id[root] == usize::MAX {
            id[root] = regions.len();
            regions.push(Region {
                c0: k % nc,
                c1: k % nc,
                r0: k / nc,
                r1: k / nc,
            });
        }
        let reg = &mut regions[id[root]];
        reg.c0 = reg.c0.min(k % nc);
        reg.c1 = reg.c1.max(k % nc);
        reg.r1 = reg.r1.max(k / nc);
        *slot = id[root];
    }
    let bottom_ruled = (0..nc)
        .map(|c| !open_bottom && covers(h, true, ys[nr], xs[c], xs[c + 1]))
        .collect();
    Some(Grid {
        xs,
        ys,
        regions,
        of,
        open_top,
        open_bottom,
        bottom_ruled,
    })
}
