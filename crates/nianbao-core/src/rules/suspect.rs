//! The suspect cell (rules.md, report-json.md `suspect`). Every 表三 cell lies on two
//! identities (its row's sum and its column's identity), so when exactly one cell is wrong
//! the failing identities cross in it, and each gives the value that would make it hold.
//! A cell is named when every identity it lies on fails, all of them agree on the one value
//! that makes them hold, there are at least two, and it is the only such cell of the
//! identity. A 表四 group has a
//! single identity, so every cell of a failing group qualifies and none is named; two wrong
//! cells on one identity disagree, and a missing cell leaves its identities unevaluated.

use crate::base::Decimal;
use crate::report::{Finding, Suspect};
use crate::tables::CellPath;

/// An identity as the rules evaluated it: `Σ sign · value = 0` over its cells (left +1,
/// right −1), holding or not.
#[derive(Debug, Clone)]
pub struct Checked {
    pub terms: Vec<(CellPath, i8, Decimal)>,
}

impl Checked {
    fn residual(&self) -> Decimal {
        self.terms
            .iter()
            .fold(Decimal::ZERO, |a, (_, s, v)| match s {
                1 => a + *v,
                _ => a - *v,
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
        let mut cells: Vec<CellPath> = c.terms.iter().map(|(p, _, _)| *p).collect();
        crate::base::sort::sort_by_key(&mut cells, |p| *p);
        for f in findings.iter_mut().filter(|f| f.code.starts_with('T')) {
            let mut mine = f.cells.clone();
            crate::base::sort::sort_by_key(&mut mine, |p| *p);
            if mine == cells {
                f.suspect = Some(Suspect {
                    cell,
                    expected: value.to_string(),
                });
            }
        }
    }
}
