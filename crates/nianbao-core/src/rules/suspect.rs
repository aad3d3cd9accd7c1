//! The suspect cell (rules.md, report-json.md `suspect`). Every 表三 cell lies on two
//! identities (its row's sum and its column's identity), so when exactly one cell is wrong
//! the failing identities cross in it, and each gives the value that would make it hold.
//! A cell is named when every identity it lies on fails, all of them agree on the one value
//! that makes them hold, there are at least two, and it is the only such cell of the
//! identity. A 表四 group has a
//! single identity, so every cell of a failing group qualifies and none is named; two wrong
//! cells on one identity disagree, and a missing cell leaves its identities unevaluated.
//!
//! Split digits (rules.md): PDF copies put the digits of one number in two adjacent cells
//! (`1` `2` for `12`) or one number's digits where two were. When a 表三 row fails and
//! joining two adjacent cells (the second becomes 0) or splitting one over its neighbour
//! makes the row and every other identity on those cells hold, T303's help says so.

use crate::base::Decimal;
use crate::report::{Finding, Suspect};
use crate::tables::CellPath;

/// An identity as the rules evaluated it: `Σ sign · value = 0` over its cells (left +1,
/// right −1), holding or not.
#[derive(Debug)]
pub struct Checked {
    pub terms: Vec<(CellPath, i8, Decimal)>,
}

impl Checked {
    fn residual(&self) -> Decimal {
        residual_with(self, &[])
    }
    /// The findings of this identity: those whose code `code` accepts naming exactly its
    /// cells.
    fn findings<'f>(
        &self,
        findings: &'f mut [Finding],
        code: impl Fn(&str) -> bool,
    ) -> impl Iterator<Item = &'f mut Finding> {
        let mut cells: Vec<CellPath> = self.terms.iter().map(|(p, _, _)| *p).collect();
        crate::base::sort::sort_by_key(&mut cells, |p| *p);
        findings.iter_mut().filter(move |f| {
            let mut mine = f.cells.clone();
            crate::base::sort::sort_by_key(&mut mine, |p| *p);
            code(f.code) && mine == cells
        })
    }
}

/// The value `cell` needs for identity `c` to hold.
fn needed(c: &Checked, at: usize) -> Decimal {
    let (_, sign, v) = c.terms[at];
    match sign {
        1 => v - c.residual(),
        _ => v + c.residual(),
    }
}

/// The value that makes every identity on `cell` hold, if there is one, they all fail and
/// there are at least two of them (a cell whose other identity was not evaluated — a row
/// read with the wrong count, a text operand — is not judged on one alone).
fn explains(checked: &[Checked], holds: &[bool], cell: &CellPath) -> Option<Decimal> {
    let mut value = None;
    let mut n = 0;
    for (c, ok) in checked.iter().zip(holds) {
        let Some(at) = c.terms.iter().position(|(p, _, _)| p == cell) else {
            continue;
        };
        if *ok {
            return None;
        }
        let v = needed(c, at);
        n += 1;
        match value {
            None => value = Some(v),
            Some(w) if w == v => {}
            Some(_) => return None,
        }
    }
    value.filter(|v| n >= 2 && !v.is_negative())
}

/// Gives the findings of failing identities their suspect, where one cell explains them.
pub fn assign(checked: &[Checked], findings: &mut [Finding]) {
    let holds: Vec<bool> = checked
        .iter()
        .map(|c| c.residual() == Decimal::ZERO)
        .collect();
    if holds.iter().all(|h| *h) {
        return;
    }
    for (c, _) in checked.iter().zip(&holds).filter(|(_, ok)| !**ok) {
        let mut found = c
            .terms
            .iter()
            .filter_map(|(p, _, _)| explains(checked, &holds, p).map(|v| (*p, v)));
        let (Some((cell, value)), None) = (found.next(), found.next()) else {
            continue;
        };
        for f in c.findings(findings, |code| code.starts_with('T')) {
            f.suspect = Some(Suspect {
                cell,
                expected: value.to_string(),
            });
        }
    }
}

/// The residual of `c` with some cells' values replaced.
fn residual_with(c: &Checked, with: &[(CellPath, Decimal)]) -> Decimal {
    c.terms.iter().fold(Decimal::ZERO, |a, (p, s, v)| {
        let v = with
            .iter()
            .find(|(q, _)| q == p)
            .map(|(_, w)| *w)
            .unwrap_or(*v);
        match s {
            1 => a + v,
            _ => a - v,
        }
    })
}

/// Readings of two adjacent cells `(a, b)` that a split or joined number would give.
fn regroupings(a: Decimal, b: Decimal) -> Vec<(Decimal, Decimal)> {
    let (sa, sb) = (a.to_string(), b.to_string());
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    let mut out = Vec::new();
    if !digits(&sa) || !digits(&sb) {
        return out;
    }
    // joined: `1` `2` → `12`, `0`
    if let Some(j) = Decimal::parse_unsigned(&format!("{sa}{sb}")) {
        out.push((j, Decimal::ZERO));
    }
    // split: `12` `0` → `1` `2`
    if b == Decimal::ZERO {
        for k in 1..sa.len() {
            if let (Some(x), Some(y)) = (
                Decimal::parse_unsigned(&sa[..k]),
                Decimal::parse_unsigned(&sa[k..]).filter(|_| !sa[k..].starts_with('0')),
            ) {
                out.push((x, y));
            }
        }
    }
    out
}

/// Adds the split-digits hint to T303 findings whose row a regrouping of two adjacent
/// cells would make hold, with every other identity on those cells.
pub fn split_digits(checked: &[Checked], findings: &mut [Finding]) {
    for row in checked.iter().filter(|c| c.residual() != Decimal::ZERO) {
        // a row sum: left the 总计, right the applicant columns in table order
        let total = crate::tables::ColKey::T3(crate::tables::T3Col::Total);
        if row.terms.len() != 7 || row.terms[0].0.col != total {
            continue;
        }
        let mut order: Vec<(CellPath, Decimal)> =
            row.terms[1..].iter().map(|(p, _, v)| (*p, *v)).collect();
        order.push((row.terms[0].0, row.terms[0].2));
        if order.iter().any(|(p, _)| p.row != order[0].0.row) {
            continue;
        }
        let mut hint = None;
        'pairs: for w in order.windows(2) {
            let ((pa, a), (pb, b)) = (w[0], w[1]);
            for (x, y) in regroupings(a, b) {
                let with = [(pa, x), (pb, y)];
                let holds = checked
                    .iter()
                    .filter(|c| c.terms.iter().any(|(p, _, _)| *p == pa || *p == pb))
                    .all(|c| residual_with(c, &with) == Decimal::ZERO);
                if holds {
                    hint = Some(format!(
                        "可能是数字被拆分到相邻单元格：“{}”列的 {a} 与“{}”列的 {b} 应为 {x} 与 {y}",
                        pa.col.label(),
                        pb.col.label()
                    ));
                    break 'pairs;
                }
            }
        }
        let Some(hint) = hint else { continue };
        for f in row.findings(findings, |code| code == "T303") {
            f.help = Some(hint.clone());
        }
    }
}
