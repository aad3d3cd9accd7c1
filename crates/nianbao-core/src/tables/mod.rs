//! Stage 4, tables: finding tables 二/三/四 in the document and reading them into the typed
//! schema, cell by cell, each with its span.
//!
//! 1. `regions`: where each table stands.
//! 2. `tokens`: a region's cells as values, blanks and text.
//! 3. `labels`: which text tokens are row labels (`classify` of each table).
//! 4. `reader`: row-local reading; `stream`: the stream reading of PDF text, chosen by the
//!    table's own `identities`.
//! 5. `t2`, `t3`, `t4`: one reader per table; `format`: which format the report uses.
//!
//! Nothing is guessed: what cannot be assigned with certainty is reported (S402, S406).

mod assemble;
mod format;
pub mod identities;
mod labels;
pub mod model;
mod reader;
pub mod regions;
pub mod schema;
mod stream;
mod t2;
mod t3;
mod t4;
mod tokens;

/// Reading one cell (format.md §9.2) is shared with the document stage.
pub use crate::base::value;
pub use format::pre2019;
pub use model::*;
pub use regions::Regions;
pub use schema::{Format, Group, T2Col, T2Row, T3Col, T3Row, T4Col, T4Group};

use crate::base::Span;
use crate::document::Doc;

/// The tables of a report and what they say about its format.
#[derive(Debug, Clone, Default)]
pub struct Tables<'a> {
    pub t2: Option<TableModel<'a>>,
    pub t3: Option<TableModel<'a>>,
    pub t4: Option<TableModel<'a>>,
    pub format: Option<Format>,
    pub format_source: Option<FormatSource>,
    /// Table 二 column headers and row labels that name a format.
    pub t2_signals: Vec<FormatSignal>,
    /// `第二十条第（九）项` caption inside table 二 (a format-A element).
    pub t2_item9: Option<Span>,
    /// (table, first span, later span) for a table that appears twice (S407).
    pub duplicates: Vec<(TableId, Span, Span)>,
}

impl<'a> Tables<'a> {
    pub fn get(&self, id: TableId) -> Option<&TableModel<'a>> {
        match id {
            TableId::T2 => self.t2.as_ref(),
            TableId::T3 => self.t3.as_ref(),
            TableId::T4 => self.t4.as_ref(),
        }
    }
    /// The tables that were found, in order.
    pub fn iter(&self) -> impl Iterator<Item = &TableModel<'a>> {
        [self.t2.as_ref(), self.t3.as_ref(), self.t4.as_ref()]
            .into_iter()
            .flatten()
    }
}

/// Reads the tables of the regions; `year` decides the format when 表二's headers do not.
pub fn read<'a>(doc: &Doc<'a>, regions: &Regions, year: Option<i32>) -> Tables<'a> {
    let mut t = Tables::default();
    if let Some((s, e)) = regions.t2 {
        t.t2_signals = format::t2_signals(doc, s..e);
        t.t2_item9 = format::t2_item9(doc, s..e);
    }
    if let Some((f, source)) = format::decide(&t.t2_signals, year) {
        t.format = Some(f);
        t.format_source = Some(source);
    }
    if let Some((s, e)) = regions.t3 {
        let t3 = t3::read(doc, s..e, t.format);
        if t.format.is_none() && t3.rows.iter().any(|r| r.kind == RowKind::Official) {
            t.format = Some(if t3.three_other_rows {
                Format::B
            } else {
                Format::A
            });
            t.format_source = Some(FormatSource::Table3);
        }
        t.t3 = Some(t3);
    }
    if let Some((s, e)) = regions.t2 {
        t.t2 = Some(t2::read(doc, s..e, t.format.unwrap_or(Format::B)));
    }
    if let Some((s, e)) = regions.t4 {
        t.t4 = Some(t4::read(doc, s..e));
    }
    for &(id, li) in &regions.dups {
        if let Some(first) = t.get(id) {
            t.duplicates.push((id, first.span, doc.line(li).span()));
        }
    }
    t
}
