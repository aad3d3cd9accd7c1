//! What every table reader ends with: rows in table order, the official rows that were not
//! located, and whether the table is complete — or the reason nothing can be read.

use super::labels::Class;
use super::model::{MissingRow, RowKey, RowKind, RowModel, TableId, TableModel};
use super::reader::Reader;
use super::tokens::TK;
use crate::base::Span;

/// Most non-official rows a table may have and still be read (an official table has none;
/// real reports add a few subtotal or local rows).
pub(super) const MAX_EXTRA_ROWS: usize = 1000;

pub(super) fn finish_table<'a>(
    id: TableId,
    reader: &Reader<'_, 'a>,
    mut rows: Vec<RowModel<'a>>,
    layout: &[(RowKey, &'static str)],
    three: bool,
    extra_column: Option<Span>,
) -> TableModel<'a> {
    // order rows by the template, extras after the official row before them
    let span = reader.t.region_span();
    let mut missing = Vec::new();
    let mut prev_span = span.start;
    for &(key, label) in layout {
        match rows.iter().find(|r| r.key == key) {
            Some(r) => prev_span = r.label_span.end.max(prev_span),
            None => missing.push(MissingRow {
                key,
                label,
                after: Span::new(prev_span, prev_span),
            }),
        }
    }
    for m in &mut missing {
        // point at the label of the row before the gap
        m.after = rows
            .iter()
            .rfind(|r| r.label_span.end <= m.after.start && r.kind == RowKind::Official)
            .map(|r| r.label_span)
            .unwrap_or(Span::new(span.start, span.start));
    }
    crate::base::sort::sort_by_key(&mut rows, |r| (r.label_span.start, r.label_span.end));
    let complete = missing.is_empty()
        && layout
            .iter()
            .all(|(k, _)| rows.iter().any(|r| r.key == *k && r.shape_error.is_none()));
    TableModel {
        id,
        span,
        rows,
        missing,
        complete,
        extra_column,
        amount_header: None,
        unreadable: None,
        three_other_rows: three,
    }
}

/// A table region in which nothing can be read honestly: no row label at all (cells run
/// together with no separator), labels but not a single value, or far more rows than any
/// statistics table has.
pub(super) fn unreadable(reader: &Reader, extra_rows: usize) -> Option<&'static str> {
    if !reader
        .labels
        .iter()
        .any(|l| matches!(l.class, Class::Row(_)))
    {
        return Some(
            "未能识别表格中的任何一行：单元格之间没有分隔（例如“230 000023”），无法可靠拆分",
        );
    }
    if !reader.t.toks.iter().any(|t| t.kind == TK::Value) {
        return Some("表格中没有读到任何数值：单元格为空，或在复制时丢失");
    }
    if extra_rows > MAX_EXTRA_ROWS {
        return Some("表格中有上千个不属于官方格式的行，不是统一格式的统计表，无法可靠读取");
    }
    None
}

/// Clears a table that cannot be read.
pub(super) fn mark_unreadable(t: &mut TableModel, reason: Option<&'static str>) {
    t.unreadable = reason;
    if t.unreadable.is_some() {
        t.rows.clear();
        t.missing.clear();
        t.complete = false;
    }
}
