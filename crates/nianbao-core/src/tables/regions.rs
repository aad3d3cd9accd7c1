//! Where each table stands (format.md §9.3): a table starts at an anchor only it has
//! (`第二十条第（一）项` or `信息内容`; the 勾稽 note, `申请人情况` or the 本年新收 label; a
//! short `行政复议` cell with `行政诉讼` nearby) and ends at the next table or at the next
//! section heading that cannot be inside it.

use super::model::TableId;
use crate::base::mark;
use crate::document::{Doc, Line};
use crate::structure::{Heading, SectionKey};

/// The line ranges of the tables, and where a table appears a second time.
#[derive(Debug, Clone, Default)]
pub struct Regions {
    pub t2: Option<(usize, usize)>,
    pub t3: Option<(usize, usize)>,
    pub t4: Option<(usize, usize)>,
    /// (table, first line of its second appearance).
    pub dups: Vec<(TableId, usize)>,
}

impl Regions {
    /// Is line `i` inside a table?
    pub fn contains(&self, i: usize) -> bool {
        [self.t2, self.t3, self.t4]
            .iter()
            .flatten()
            .any(|(s, e)| i >= *s && i < *e)
    }
}

const T2_START: u8 = 1;
const T2_FALLBACK: u8 = 2;
const T3_START: u8 = 4;
const T4_ANCHOR: u8 = 8;
const LITIGATION: u8 = 16;
const T3_AGAIN: u8 = 32;

/// The anchors a line holds, as flags. Each anchor needs a marker character (`第`, `信`
/// first, `稽`, `收`, `申`, `行`), so a cell is only normalised when its signature says it
/// may hold one; the normalised length bounds the rest.
fn anchors(line: &Line) -> u8 {
    let mut f = 0;
    for c in line.filled() {
        let g = c.sig;
        let count = g.len as usize;
        let needs = g.has(const { mark('第') })
            || g.first == '信'
            || g.has(const { mark('稽') })
            || (count < 30 && g.has(const { mark('收') }))
            || (count == 5 && g.has(const { mark('申') }))
            || (count == 4 && g.has(const { mark('行') }));
        if !needs {
            continue;
        }
        let n = c.norm;
        if n.contains("第二十条第(一)项") || n.contains("第二十条第一项") {
            f |= T2_START;
        }
        if n.starts_with("信息内容") {
            f |= T2_FALLBACK;
        }
        if n.contains("勾稽") {
            f |= T3_AGAIN;
        }
        if count >= 60 {
            continue;
        }
        let new_received = count < 30 && n.contains("本年新收政府信息公开申请");
        if n.contains("勾稽") || n == "申请人情况" || new_received {
            f |= T3_START;
        }
        if new_received {
            f |= T3_AGAIN;
        }
        if n == "行政复议" {
            f |= T4_ANCHOR;
        }
        if n == "行政诉讼" {
            f |= LITIGATION;
        }
    }
    f
}

/// Finds the table regions among the lines; `heads` are the heading candidates with their
/// line index.
pub fn find(doc: &Doc, heads: &[(usize, Heading)]) -> Regions {
    let flags: Vec<u8> = doc.lines().map(|l| anchors(&l)).collect();
    let n = flags.len();
    let next_heading = |from: usize, keys: &[SectionKey]| {
        heads
            .iter()
            .find(|(li, h)| *li > from && h.key.map(|k| keys.contains(&k)).unwrap_or(false))
            .map(|(li, _)| *li)
    };
    let find = |from: usize, flag: u8| (from..n).find(|&i| flags[i] & flag != 0);
    let t2s = find(0, T2_START).or_else(|| {
        let after = heads
            .iter()
            .find(|(_, h)| h.key == Some(SectionKey::Proactive))
            .map(|(l, _)| *l)
            .unwrap_or(0);
        find(after, T2_FALLBACK)
    });
    let t3s = find(t2s.unwrap_or(0), T3_START);
    let t4_from = t3s.or(t2s).unwrap_or(0);
    // a 行政诉讼 within 40 lines: the next one at or after each line
    let mut next_litigation = vec![usize::MAX; n + 1];
    for i in (0..n).rev() {
        next_litigation[i] = if flags[i] & LITIGATION != 0 {
            i
        } else {
            next_litigation[i + 1]
        };
    }
    let t4s = (t4_from..n).find(|&i| flags[i] & T4_ANCHOR != 0 && next_litigation[i] < i + 40);
    use SectionKey::*;
    let mut r = Regions::default();
    if let Some(s) = t2s {
        let mut end =
            next_heading(s, &[Applications, ReviewLitigation, Problems, Other]).unwrap_or(n);
        if let Some(t3) = t3s {
            end = end.min(t3);
        }
        r.t2 = Some((s, end));
        if let Some(d) = find(end, T2_START) {
            r.dups.push((TableId::T2, d));
        }
    }
    if let Some(s) = t3s {
        let mut end = next_heading(s, &[ReviewLitigation, Problems, Other]).unwrap_or(n);
        if let Some(t4) = t4s {
            end = end.min(t4);
        }
        r.t3 = Some((s, end));
        if let Some(d) = find(end, T3_AGAIN) {
            r.dups.push((TableId::T3, d));
        }
    }
    if let Some(s) = t4s {
        let end = next_heading(s, &[Problems, Other]).unwrap_or(n);
        r.t4 = Some((s, end));
    }
    r
}
