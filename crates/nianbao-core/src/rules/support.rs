//! What many rules share: operands (located, numeric cells) and the findings built from
//! them, the official cells of every table, section bodies, last year's report.

use super::{Ctx, Rule};
use crate::base::{Decimal, Span};
use crate::model::Model;
use crate::report::Finding;
use crate::structure::agency::same_agency;
use crate::structure::{Heading, SectionKey};
use crate::tables::identities::Identity;
use crate::tables::{CellModel, CellPath, ColKey, RowKey, RowKind, RowModel, TableId, TableModel};

/// One operand of an arithmetic rule: a located cell with a usable value.
pub struct Operand<'m, 'a> {
    pub table: TableId,
    pub row: RowKey,
    pub cell: &'m CellModel<'a>,
    pub value: Decimal,
}

impl Operand<'_, '_> {
    /// The cell's machine path (`t3.granted.total`).
    pub fn path(&self) -> CellPath {
        CellPath {
            table: self.table,
            row: self.row,
            col: self.cell.col,
        }
    }
    /// The cell's name for people (`表三 （一）予以公开 总计`).
    pub fn label(&self) -> String {
        self.path().label()
    }
}

/// The operand at `row.col`, if located and numeric (blank and placeholder count as 0).
pub fn operand<'m, 'a>(
    t: &'m TableModel<'a>,
    row: impl Into<RowKey>,
    col: impl Into<ColKey>,
) -> Option<Operand<'m, 'a>> {
    let r = t.row(row)?;
    let cell = r.cell(col)?;
    Some(Operand {
        table: t.id,
        row: r.key,
        value: cell.num()?,
        cell,
    })
}

/// The operand at a cell path of `t`.
pub fn operand_at<'m, 'a>(t: &'m TableModel<'a>, p: &CellPath) -> Option<Operand<'m, 'a>> {
    operand(t, p.row, p.col)
}

/// Adds operands as related locations and cells.
pub fn with_operands(mut f: Finding, ops: &[&Operand]) -> Finding {
    for o in ops {
        if let Some(s) = o.cell.span {
            f = f.related(s, format!("{} = {}", o.label(), o.cell.shown()));
        }
        f = f.cell(o.path());
    }
    f
}

/// Where a cell's finding points: the cell, or its row label when the cell is blank.
pub fn cell_span(t: &TableModel, o: &Operand) -> Span {
    o.cell
        .span
        .unwrap_or_else(|| t.row(o.row).map(|r| r.label_span).unwrap_or(t.span))
}

pub fn sum(ops: &[Operand]) -> Decimal {
    ops.iter().fold(Decimal::ZERO, |a, o| a + o.value)
}

/// `a + b + c` with blanks shown as 空.
pub fn terms(ops: &[Operand]) -> String {
    ops.iter()
        .map(|o| o.cell.shown())
        .collect::<Vec<_>>()
        .join(" + ")
}

/// An identity `total = Σ parts` (one cell on the left) is broken: the finding, with the
/// total cell as the primary location and the parts as related ones. None when it holds
/// or an operand is missing or not numeric. The message is made only for a finding.
pub fn sum_check(
    cx: &Ctx,
    rule: &Rule,
    t: &TableModel,
    identity: &Identity,
    message: &dyn Fn() -> String,
    formula: &str,
) -> Option<Finding> {
    let tot = operand_at(t, identity.left.first()?)?;
    let ops: Vec<Operand> = identity
        .right
        .iter()
        .map(|p| operand_at(t, p))
        .collect::<Option<_>>()?;
    let s = sum(&ops);
    record(cx, &[&tot], &ops.iter().collect::<Vec<_>>());
    if s == tot.value {
        return None;
    }
    let f = rule
        .finding(message())
        .at(cell_span(t, &tot))
        .formula(format!("{formula}：{} = {}", terms(&ops), s))
        .expected(s.to_string())
        .actual(tot.cell.shown())
        .cell(tot.path())
        .help("核对该合计及其各项数据");
    Some(with_operands(f, &ops.iter().collect::<Vec<_>>()))
}

/// Records an evaluated identity `Σ left = Σ right` (holding or not) for `suspect.rs`.
pub fn record(cx: &Ctx, left: &[&Operand], right: &[&Operand]) {
    let side = |ops: &[&Operand], sign: i8| {
        ops.iter()
            .map(|o| (o.path(), sign, o.value))
            .collect::<Vec<_>>()
    };
    let mut terms = side(left, 1);
    terms.extend(side(right, -1));
    cx.checked
        .borrow_mut()
        .push(super::suspect::Checked { terms });
}

/// A located cell of the official layout, with its table and row.
pub struct CellRef<'m, 'a> {
    pub table: &'m TableModel<'a>,
    pub row: &'m RowModel<'a>,
    pub cell: &'m CellModel<'a>,
}

impl CellRef<'_, '_> {
    pub fn path(&self) -> CellPath {
        self.table.path(self.row.key, self.cell.col)
    }
    /// Amount cells: `t2.procurement.amount` (A) and `t2.fees.amount_10k_yuan` (B).
    pub fn is_amount(&self) -> bool {
        use crate::tables::{T2Col, T2Row};
        matches!(
            (self.row.key, self.cell.col),
            (RowKey::T2(T2Row::Procurement), ColKey::T2(T2Col::Amount))
                | (RowKey::T2(T2Row::Fees), ColKey::T2(T2Col::Amount10kYuan))
        )
    }
}

/// Every located cell of the official layout.
pub fn official_cells<'m, 'a>(m: &'m Model<'a>) -> impl Iterator<Item = CellRef<'m, 'a>> {
    m.tables.iter().flat_map(|t| {
        t.rows
            .iter()
            .filter(|r| r.kind == RowKind::Official && r.shape_error.is_none())
            .flat_map(move |r| {
                r.cells.iter().map(move |c| CellRef {
                    table: t,
                    row: r,
                    cell: c,
                })
            })
    })
}

/// One finding per table for the cells `pick` selects (rules.md, "one finding per
/// problem"): `build` makes it from the table's cells (at least one, in table order); every
/// cell is added to its `cells`, and every located one to `related`.
pub fn one_per_table<'m, 'a>(
    m: &'m Model<'a>,
    out: &mut Vec<Finding>,
    pick: impl Fn(&CellRef<'m, 'a>) -> bool,
    build: impl Fn(&[CellRef<'m, 'a>]) -> Finding,
) {
    let mut cells: Vec<CellRef<'m, 'a>> = Vec::new();
    let flush = |cells: &mut Vec<CellRef<'m, 'a>>, out: &mut Vec<Finding>| {
        if cells.is_empty() {
            return;
        }
        let mut f = build(cells);
        for x in cells.iter() {
            if let Some(s) = x.cell.span.filter(|s| !s.is_empty()) {
                f = f.related(s, format!("{} = {}", x.path().label(), x.cell.shown()));
            }
            f = f.cell(x.path());
        }
        out.push(f);
        cells.clear();
    };
    for x in official_cells(m).filter(|x| pick(x)) {
        if cells.last().is_some_and(|l| l.table.id != x.table.id) {
            flush(&mut cells, out);
        }
        cells.push(x);
    }
    flush(&mut cells, out);
}

/// How many distinct rows `cells` lie in.
pub fn rows_of(cells: &[CellRef]) -> usize {
    let mut n = 0;
    let mut last = None;
    for x in cells {
        if last != Some(x.row.key) {
            n += 1;
            last = Some(x.row.key);
        }
    }
    n
}

/// The body of a section: from the end of its heading to the next heading (or the end).
pub fn section_body<'m>(cx: &Ctx<'m, '_>, key: SectionKey) -> Option<(&'m Heading, Span)> {
    section_of(cx.model, key)
}

/// [`section_body`] in any report (last year's too).
pub fn section_of<'m>(m: &'m Model, key: SectionKey) -> Option<(&'m Heading, Span)> {
    let hs = &m.headings;
    let i = hs.iter().position(|h| h.key == Some(key))?;
    let h = &hs[i];
    let end = hs.get(i + 1).map(|n| n.span.start).unwrap_or(m.text.len());
    Some((h, Span::new(h.span.end.min(end), end)))
}

/// Last year's report, when it is the same agency's report of the year before (Y106 reports
/// otherwise, and the progression rules Y101–Y103 are then skipped).
pub fn previous_matching<'m, 'a>(cx: &Ctx<'m, 'a>) -> Option<&'m Model<'a>> {
    let p = cx.previous?;
    (!previous_mismatch(cx.model, p)).then_some(p)
}

/// Y106's condition: the year is not the one before, or the agency differs.
pub fn previous_mismatch(m: &Model, p: &Model) -> bool {
    let year = matches!((m.year(), p.year()), (Some(a), Some(b)) if b != a - 1);
    let agency = matches!((m.agency(), p.agency()), (Some(a), Some(b)) if !same_agency(a, b));
    year || agency
}

/// The comparable sentences of a report (Y105, Y107): (comparison form, span). Sentences
/// are split again at `；`; digits, whitespace and punctuation are dropped (so years and
/// numbers do not count); the title, headings and parts shorter than `min_chars` are left out.
pub fn comparable(m: &Model, min_chars: usize) -> Vec<(String, Span)> {
    // headings and the title (the same every year but for the year) are not prose
    let heads: Vec<usize> = m
        .headings
        .iter()
        .map(|h| h.span.start)
        .chain(m.title().map(|t| t.span.start))
        .collect();
    let mut out = Vec::new();
    for sn in &m.prose.sentences {
        let t: &str = &sn.text;
        let mut a = 0;
        for (i, c) in t.char_indices().chain([(t.len(), '；')]) {
            if c != '；' && c != ';' {
                continue;
            }
            let part = &t[a..i];
            let span = sn.span(a, i);
            a = (i + c.len_utf8()).min(t.len());
            if heads.contains(&span.start) {
                continue;
            }
            let key: String = part
                .chars()
                .filter(|c| {
                    !(c.is_ascii_digit()
                        || ('０'..='９').contains(c)
                        || crate::base::normalize::is_space(*c)
                        || c.is_ascii_punctuation()
                        || crate::base::normalize::is_cn_punct(*c)
                        || matches!(*c, '〔' | '〕' | '％'))
                })
                .collect();
            if key.chars().count() >= min_chars {
                out.push((key, span));
            }
        }
    }
    out
}

/// The sentences of `now` that also stand in `last` (Y105, Y107), each with its place in
/// last year's report.
pub fn shared_sentences(
    now: &[(String, Span)],
    mut last: Vec<(String, Span)>,
) -> Vec<(&(String, Span), Span)> {
    crate::base::sort::sort(&mut last);
    now.iter()
        .filter_map(|s| {
            last.binary_search_by(|(l, _)| l.cmp(&s.0))
                .ok()
                .map(|i| (s, last[i].1))
        })
        .collect()
}

/// The sentences of the opening, before the first section heading (S207, S307).
pub fn opening<'m, 'a>(cx: &Ctx<'m, 'a>) -> impl Iterator<Item = &'m crate::text::Sentence<'a>> {
    let end = cx
        .model
        .headings
        .first()
        .map(|h| h.span.start)
        .unwrap_or(cx.text().len());
    cx.sentences().iter().take_while(move |sn| sn.pos(0) < end)
}
