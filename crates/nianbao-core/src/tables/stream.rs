//! Stream reading (format.md §9.3), only when row-local reading fails: PDF text can put
//! values before or far from their labels, but keeps them in table order. All values of
//! the table are assigned in template order if and only if their number is exactly the
//! layout's and every label directly followed by a value sits where the template puts it.
//! Where a run of values may have been written row by row or column by column, the table's
//! own identities (`identities.rs`) choose the reading. Otherwise nothing is assigned.

use super::labels::Class;
use super::reader::{Picked, Reader};
use super::tokens::TK;
use crate::base::Decimal;

/// An identity over positions in a layout: `Σ left = Σ right`, each term a (row, column)
/// index pair.
pub(super) struct PosIdentity {
    pub left: Vec<(usize, usize)>,
    pub right: Vec<(usize, usize)>,
}

impl PosIdentity {
    /// Is the identity broken, with `value(row, column)`?
    fn broken(&self, value: &dyn Fn(usize, usize) -> Decimal) -> bool {
        let sum = |terms: &[(usize, usize)]| {
            terms
                .iter()
                .fold(Decimal::ZERO, |a, &(r, c)| a + value(r, c))
        };
        sum(&self.left) != sum(&self.right)
    }
}

/// The row identity of 表三 in positions: the total column and the parts.
pub(super) struct RowSum<'a> {
    pub total: usize,
    pub parts: &'a [usize],
}

impl Reader<'_, '_> {
    /// The indices of the value tokens, in order.
    fn values(&self) -> Vec<usize> {
        (0..self.t.len())
            .filter(|&i| self.t.toks[i].kind == TK::Value)
            .collect()
    }

    /// For every label directly followed by a value (empty cells skipped): the label's
    /// class and that value's index among `vals`.
    fn anchored(&self, vals: &[usize], skip: &[usize]) -> Vec<(Class, usize)> {
        let toks = &self.t.toks;
        let mut out = Vec::new();
        for (li, l) in self.labels.iter().enumerate() {
            if skip.contains(&li) {
                continue;
            }
            let next = (l.last() + 1..toks.len()).find(|&i| toks[i].kind != TK::Empty);
            let Some(next) = next.filter(|&i| toks[i].kind == TK::Value) else {
                continue;
            };
            if let Ok(pos) = vals.binary_search(&next) {
                out.push((l.class, pos));
            }
        }
        out
    }

    /// Stream reading of a table whose rows have different numbers of cells (表二):
    /// `layout` is (row, number of cells) in template order.
    pub fn stream(&self, layout: &[(usize, usize)]) -> Option<Vec<Picked>> {
        let vals = self.values();
        let total: usize = layout.iter().map(|(_, n)| n).sum();
        if vals.len() != total || total == 0 {
            return None;
        }
        let mut offsets = Vec::new();
        let mut acc = 0;
        for (_, n) in layout {
            offsets.push(acc);
            acc += n;
        }
        let mut anchors = 0;
        for (class, pos) in self.anchored(&vals, &[]) {
            match class {
                Class::Row(r) => match layout.iter().position(|(row, _)| *row == r as usize) {
                    Some(k) if offsets[k] == pos => anchors += 1,
                    _ => return None,
                },
                Class::Unknown | Class::Subtotal | Class::Local => return None,
                _ => {}
            }
        }
        if anchors == 0 {
            return None;
        }
        Some(
            layout
                .iter()
                .enumerate()
                .map(|(k, (_, n))| vals[offsets[k]..offsets[k] + n].to_vec())
                .collect(),
        )
    }

    /// Stream reading for tables whose rows all have `n` values, where a run of values
    /// between two labels may cover several rows written row by row or column by column
    /// (PDF text; format.md §9.3). Each run must hold whole rows; a label directly before a
    /// run must name one of the run's rows. Within a run of several rows the reading (row by
    /// row, column by column, or the first rows row by row and the rest column by column)
    /// is the one that breaks the fewest identities (`row_sum` within the run, plus the
    /// table's identities `table`); equally good readings are ranked row by row, then
    /// column by column, then mixed. The chosen reading may break the row identity in at
    /// most one row (a real error in the report); otherwise the values cannot be assigned
    /// with certainty and this is `None`.
    ///
    /// `doubtful` are labels whose place says nothing: a label standing directly after
    /// another row's label that has no values of its own, so that the run after it may be
    /// that row's (PDF converters put two labels before one run). They are not anchors, and
    /// with any of them the reading must break no identity at all.
    pub fn stream_runs(
        &self,
        rows: &[usize],
        n: usize,
        row_sum: &RowSum,
        table: &[PosIdentity],
        doubtful: &[usize],
    ) -> Option<Vec<Picked>> {
        let toks = &self.t.toks;
        let vals = self.values();
        if vals.is_empty() || vals.len() != rows.len() * n {
            return None;
        }
        // runs: values not separated by a text token
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut start = 0;
        for k in 1..=vals.len() {
            let split =
                k == vals.len() || (vals[k - 1] + 1..vals[k]).any(|i| toks[i].kind == TK::Text);
            if split {
                runs.push((start, k - start));
                start = k;
            }
        }
        if runs.iter().any(|(s, l)| s % n != 0 || l % n != 0) {
            return None;
        }
        let mut anchors = 0;
        for (class, pos) in self.anchored(&vals, doubtful) {
            let &(rs, rl) = runs.iter().find(|(s, _)| *s == pos)?;
            match class {
                Class::Row(r) => match rows.iter().position(|x| *x == r as usize) {
                    Some(k) if k >= rs / n && k < (rs + rl) / n => anchors += 1,
                    _ => return None,
                },
                Class::Unknown | Class::Subtotal | Class::Local => return None,
                _ => {}
            }
        }
        if anchors == 0 {
            return None;
        }
        // within this function rows hold indices into `vals`; `nums` are their values
        let nums: Vec<Decimal> = vals.iter().map(|&i| self.t.num(i)).collect();
        // candidates per run: row by row first (the default reading of text); each with
        // its rows and the number of rows that break the row identity
        let mut run_cands: Vec<Vec<(usize, Vec<Picked>)>> = Vec::new();
        for &(rs, rl) in &runs {
            let m = rl / n;
            let reading = |j: usize| -> Vec<Picked> {
                // the first j rows row by row, the rest column by column
                let mut rows: Vec<Picked> = (0..j)
                    .map(|r| (rs + r * n..rs + (r + 1) * n).collect())
                    .collect();
                let rest = rs + j * n;
                let mr = m - j;
                for r in 0..mr {
                    rows.push((0..n).map(|c| rest + c * mr + r).collect());
                }
                rows
            };
            let broken = |rows: &[Picked]| {
                rows.iter()
                    .filter(|r| {
                        row_sum
                            .parts
                            .iter()
                            .fold(Decimal::ZERO, |a, &c| a + nums[r[c]])
                            != nums[r[row_sum.total]]
                    })
                    .count()
            };
            let mut cands: Vec<(usize, Vec<Picked>)> = Vec::new();
            let mut seen: Vec<Vec<Decimal>> = Vec::new();
            // prior order among equally good readings: row by row, column by column, mixed
            let order = std::iter::once(m)
                .chain(std::iter::once(0))
                .chain((1..m.saturating_sub(1)).rev());
            for j in order {
                if m == 1 && j == 0 {
                    continue;
                }
                let r = reading(j);
                let values: Vec<Decimal> = r.iter().flatten().map(|&v| nums[v]).collect();
                if seen.contains(&values) {
                    continue;
                }
                seen.push(values);
                cands.push((broken(&r), r));
            }
            run_cands.push(cands);
        }
        // the table's rows under a choice of readings: run by run
        let rows_of = |choice: &[usize]| -> Vec<&Picked> {
            run_cands
                .iter()
                .zip(choice)
                .flat_map(|(c, &k)| c[k].1.iter())
                .collect()
        };
        let table_broken = |rows: &[&Picked]| {
            table
                .iter()
                .filter(|i| i.broken(&|r, c| nums[rows[r][c]]))
                .count()
        };
        // choose per run: fewest broken rows in the run plus broken identities of the whole
        // table (other runs at their current choice); row by row wins ties
        let mut choice: Vec<usize> = vec![0; runs.len()];
        for _pass in 0..2 {
            for ri in 0..runs.len() {
                if run_cands[ri].len() == 1 {
                    continue;
                }
                let scores: Vec<usize> = (0..run_cands[ri].len())
                    .map(|k| {
                        let mut c = choice.clone();
                        c[ri] = k;
                        run_cands[ri][k].0 + table_broken(&rows_of(&c))
                    })
                    .collect();
                let best = scores.iter().copied().min().unwrap_or(0);
                choice[ri] = scores.iter().position(|&x| x == best).unwrap_or(0);
            }
        }
        if run_cands.iter().zip(&choice).any(|(c, &k)| c[k].0 > 1) {
            return None;
        }
        if !doubtful.is_empty()
            && (run_cands.iter().zip(&choice).any(|(c, &k)| c[k].0 > 0)
                || table_broken(&rows_of(&choice)) > 0)
        {
            return None;
        }
        // back to token indices
        Some(
            rows_of(&choice)
                .into_iter()
                .map(|r| r.iter().map(|&v| vals[v]).collect())
                .collect(),
        )
    }
}
