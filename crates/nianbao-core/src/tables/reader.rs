//! Row-local reading (format.md §9.3): each row label takes the value cells after it — on
//! a structured row, the cells of that line (blanks are real); otherwise the values up to
//! the next label. Exactly the layout's count is required; anything else is the row's
//! shape error (S406), never a guess.

use super::labels::{find_labels, Class, Label};
use super::model::{CellModel, ColKey};
use super::tokens::{Tokens, TK};
use crate::base::value;
use crate::base::Span;
use crate::document::{Doc, LineKind};

/// The tokens picked for a row's cells, in column order.
pub(super) type Picked = Vec<usize>;

const NO_LABEL: u32 = u32::MAX;

pub(super) struct Reader<'d, 'a> {
    pub t: Tokens<'d, 'a>,
    pub labels: Vec<Label>,
    /// The label each token belongs to (`NO_LABEL` for none).
    label_of: Vec<u32>,
}

impl<'d, 'a> Reader<'d, 'a> {
    pub fn new(
        doc: &'d Doc<'a>,
        lines: std::ops::Range<usize>,
        classify: &dyn Fn(&str) -> Class,
    ) -> Self {
        let t = Tokens::new(doc, lines);
        let labels = find_labels(&t, classify);
        let mut label_of = vec![NO_LABEL; t.len()];
        for (li, l) in labels.iter().enumerate() {
            for slot in &mut label_of[l.first()..=l.last()] {
                *slot = li as u32;
            }
        }
        Reader {
            t,
            labels,
            label_of,
        }
    }

    pub fn label_at(&self, tok: usize) -> Option<&Label> {
        let l = self.label_of[tok];
        (l != NO_LABEL).then(|| &self.labels[l as usize])
    }

    /// The first token of the label after `li` (or the end).
    fn next_label_start(&self, li: usize) -> usize {
        self.labels
            .get(li + 1)
            .map(|l| l.first())
            .unwrap_or(self.t.len())
    }

    /// Row-local reading of label `li` with `n` cells: the tokens, or how many values were
    /// found instead.
    pub fn row_local(&self, li: usize, n: usize) -> Result<Picked, usize> {
        let toks = &self.t.toks;
        let label = &self.labels[li];
        let lt = &toks[label.last()];
        if lt.line_kind == LineKind::Row {
            let same: Vec<usize> = (label.last() + 1..toks.len())
                .take_while(|&i| toks[i].line == lt.line)
                .collect();
            let stop = same.iter().position(|&i| {
                toks[i].kind == TK::Text
                    && self
                        .label_at(i)
                        .map(|l| l.class != Class::Unknown)
                        .unwrap_or(false)
            });
            let same = &same[..stop.unwrap_or(same.len())];
            let nonempty: Vec<usize> = same
                .iter()
                .copied()
                .filter(|&i| toks[i].kind != TK::Empty)
                .collect();
            if !nonempty.is_empty() {
                if nonempty.len() == n {
                    return Ok(nonempty);
                }
                if nonempty.len() > n {
                    return Err(nonempty.len());
                }
                if same.len() == n {
                    return Ok(same.to_vec());
                }
                let first = same
                    .iter()
                    .position(|&i| toks[i].kind != TK::Empty)
                    .unwrap_or(0);
                // the window must hold every value of the line
                let holds = |w: &[usize]| {
                    w.iter().filter(|&&i| toks[i].kind != TK::Empty).count() == nonempty.len()
                };
                if same.len() - first >= n && holds(&same[first..first + n]) {
                    return Ok(same[first..first + n].to_vec());
                }
                // the first value is blank, after empty cells that pad a merged label: the
                // row's last cell is its last column
                let last_filled = same.last().is_some_and(|&i| toks[i].kind != TK::Empty);
                if same.len() > n && last_filled && holds(&same[same.len() - n..]) {
                    return Ok(same[same.len() - n..].to_vec());
                }
                return Err(nonempty.len());
            }
            // every value cell of the row is empty: blank cells, unless the values follow
            // on the next lines (a wrapped label)
            let next = self.next_label_start(li);
            let later_values = (label.last() + 1..next).any(|i| toks[i].kind == TK::Value);
            if same.len() >= n && !later_values {
                return Ok(same[..n].to_vec());
            }
        }
        // values up to the next label
        let next = self.next_label_start(li);
        let vals: Vec<usize> = (label.last() + 1..next)
            .filter(|&i| toks[i].kind == TK::Value)
            .collect();
        if vals.len() == n {
            Ok(vals)
        } else {
            Err(vals.len())
        }
    }

    /// The cells of picked tokens, with their columns.
    pub fn cells(&self, picked: &[usize], cols: &[ColKey]) -> Vec<CellModel<'a>> {
        let src = self.t.doc.src;
        picked
            .iter()
            .zip(cols)
            .map(|(&i, &col)| {
                if self.t.toks[i].kind == TK::Empty {
                    CellModel {
                        col,
                        raw: "",
                        span: None,
                        reading: value::read(""),
                    }
                } else {
                    let c = self.t.cell(i);
                    // in HTML the source may hold an entity; read the decoded text then
                    CellModel {
                        col,
                        raw: &src[c.span.start..c.span.end],
                        span: Some(c.span),
                        reading: value::read(c.text),
                    }
                }
            })
            .collect()
    }

    pub fn label_span(&self, l: &Label) -> Span {
        l.span(&self.t)
    }
    pub fn label_text(&self, l: &Label) -> String {
        l.text(&self.t)
    }
}
