//! 表四 政府信息公开行政复议、行政诉讼情况 (format.md §6): one row of 15 numbers under a
//! two-level header, read as three groups of five.

use super::labels::Class;
use super::model::{CellModel, ColKey, RowError, RowKey, RowKind, RowModel, TableId, TableModel};
use super::reader::Reader;
use super::schema::{T4Col, T4Group};
use super::tokens::TK;
use crate::document::{Doc, LineKind};

const N: usize = 15;

pub(super) fn read<'a>(doc: &Doc<'a>, lines: std::ops::Range<usize>) -> TableModel<'a> {
    let reader = Reader::new(doc, lines, &|_| Class::Header);
    let toks = &reader.t.toks;
    let span = reader.t.region_span();
    let vals: Vec<usize> = (0..toks.len())
        .filter(|&i| toks[i].kind == TK::Value)
        .collect();
    let mut picked: Result<Vec<usize>, usize> = Err(vals.len());
    if let Some(&first) = vals.first() {
        let ft = &toks[first];
        if ft.line_kind == LineKind::Row {
            // the values' line: exact positions, blanks are real
            let same: Vec<usize> = (first..toks.len())
                .take_while(|&i| toks[i].line == ft.line)
                .collect();
            let nonempty = same.iter().filter(|&&i| toks[i].kind != TK::Empty).count();
            let all_values = same.iter().all(|&i| toks[i].kind != TK::Text);
            if nonempty == N && all_values {
                picked = Ok(same
                    .iter()
                    .copied()
                    .filter(|&i| toks[i].kind != TK::Empty)
                    .collect());
            } else if all_values
                && same.len() >= N
                && nonempty < N
                && same[N..].iter().all(|&i| toks[i].kind == TK::Empty)
            {
                picked = Ok(same[..N].to_vec());
            }
        }
        if picked.is_err() && vals.len() == N {
            picked = Ok(vals.clone());
        }
    }
    // in one-cell-per-line text a 总计 label just before a value must head a 总计 cell
    let mut unreadable = None;
    if let Ok(p) = &picked {
        let first = p
            .iter()
            .copied()
            .find(|&i| toks[i].kind != TK::Empty)
            .unwrap_or(0);
        for (k, &vi) in p.iter().enumerate() {
            // only labels interleaved among the values count; the header ends before them
            if vi <= first || toks[vi].kind == TK::Empty {
                continue;
            }
            let prev = (0..vi).rev().find(|&i| toks[i].kind != TK::Empty);
            if let Some(prev) = prev {
                let t = &toks[prev];
                if t.kind == TK::Text
                    && t.line_kind == LineKind::Text
                    && reader.t.norm(prev) == "总计"
                    && k % 5 != 4
                {
                    unreadable = Some("表四数值的顺序与表头不一致（PDF提取可能打乱了列顺序），无法确定各数值所属的单元格");
                }
            }
        }
    }
    let anchor_span = reader
        .labels
        .first()
        .map(|l| reader.label_span(l))
        .unwrap_or(span);
    let mut rows = Vec::new();
    match (&picked, unreadable) {
        (Ok(p), None) => {
            let cols: Vec<ColKey> = T4Group::ALL
                .iter()
                .flat_map(|_| T4Col::ALL.iter().map(|c| ColKey::T4(*c)))
                .collect();
            let cells = reader.cells(p, &cols);
            for (g, group) in cells.chunks(T4Col::ALL.len()).zip(T4Group::ALL) {
                rows.push(RowModel {
                    key: RowKey::T4(*group),
                    label: group.label().to_string(),
                    label_span: anchor_span,
                    kind: RowKind::Official,
                    cells: g.to_vec(),
                    shape_error: None,
                });
            }
        }
        _ => {
            let found = match &picked {
                Ok(_) => N,
                Err(f) => *f,
            };
            rows.push(RowModel {
                key: RowKey::T4(T4Group::Review),
                label: T4Group::Review.label().into(),
                label_span: anchor_span,
                kind: RowKind::Official,
                cells: Vec::<CellModel>::new(),
                shape_error: Some(RowError::count(N, found)),
            });
        }
    }
    let complete = rows.len() == 3;
    TableModel {
        id: TableId::T4,
        span,
        rows,
        missing: vec![],
        complete,
        extra_column: None,
        amount_header: None,
        unreadable,
        three_other_rows: false,
    }
}
