//! What the table readers produce and the rules read: tables of rows of cells, each with its
//! span, addressed by the typed keys of `schema.rs`.

use super::schema::{Format, Group, T2Col, T2Row, T3Col, T3Row, T4Col, T4Group};
use crate::base::value::{Reading, Unit, Value};
use crate::base::{Decimal, Span};
use serde::de::{Deserialize, Deserializer, Error as _};
use serde::{Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TableId {
    T2,
    T3,
    T4,
}

impl TableId {
    pub const ALL: [TableId; 3] = [TableId::T2, TableId::T3, TableId::T4];
    pub fn key(self) -> &'static str {
        match self {
            TableId::T2 => "t2",
            TableId::T3 => "t3",
            TableId::T4 => "t4",
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            TableId::T2 => "表二",
            TableId::T3 => "表三",
            TableId::T4 => "表四",
        }
    }
}

/// A row of a parsed table: an official row, a non-official 表三 subtotal row (by its
/// block), or an extra row with a label the template does not know (numbered in order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RowKey {
    T2(T2Row),
    T3(T3Row),
    T4(T4Group),
    Subtotal(Group),
    Extra(u16),
}

impl From<T2Row> for RowKey {
    fn from(r: T2Row) -> Self {
        RowKey::T2(r)
    }
}
impl From<T3Row> for RowKey {
    fn from(r: T3Row) -> Self {
        RowKey::T3(r)
    }
}
impl From<T4Group> for RowKey {
    fn from(r: T4Group) -> Self {
        RowKey::T4(r)
    }
}

impl fmt::Display for RowKey {
    /// The machine key (`new_received`, `denied_subtotal`, `extra_1`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowKey::T2(r) => f.write_str(r.key()),
            RowKey::T3(r) => f.write_str(r.key()),
            RowKey::T4(r) => f.write_str(r.key()),
            RowKey::Subtotal(g) => f.write_str(g.subtotal_key()),
            RowKey::Extra(n) => write!(f, "extra_{n}"),
        }
    }
}

/// A column of a parsed table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ColKey {
    T2(T2Col),
    T3(T3Col),
    T4(T4Col),
}

impl From<T2Col> for ColKey {
    fn from(c: T2Col) -> Self {
        ColKey::T2(c)
    }
}
impl From<T3Col> for ColKey {
    fn from(c: T3Col) -> Self {
        ColKey::T3(c)
    }
}
impl From<T4Col> for ColKey {
    fn from(c: T4Col) -> Self {
        ColKey::T4(c)
    }
}

impl ColKey {
    pub fn key(self) -> &'static str {
        match self {
            ColKey::T2(c) => c.key(),
            ColKey::T3(c) => c.key(),
            ColKey::T4(c) => c.key(),
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            ColKey::T2(c) => c.label(),
            ColKey::T3(c) => c.label(),
            ColKey::T4(c) => c.label(),
        }
    }
}

/// The machine path of a cell (`t3.new_received.natural_person`), serialised as that string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellPath {
    pub table: TableId,
    pub row: RowKey,
    pub col: ColKey,
}

impl CellPath {
    pub fn new(table: TableId, row: impl Into<RowKey>, col: impl Into<ColKey>) -> Self {
        CellPath {
            table,
            row: row.into(),
            col: col.into(),
        }
    }
    /// The cell's row and column for people.
    fn parts(&self) -> (String, &'static str) {
        let row = match self.row {
            RowKey::T2(r) => r.label(),
            RowKey::T3(r) => r.short_label(),
            RowKey::T4(g) => g.label(),
            RowKey::Subtotal(g) => g.subtotal_key(),
            RowKey::Extra(_) => "",
        };
        let row = if row.is_empty() {
            self.row.to_string()
        } else {
            row.to_string()
        };
        // an extra row of 表二 has no block to name its columns
        let col = match (self.table, self.row) {
            (TableId::T2, RowKey::Extra(_)) => self.col.key(),
            _ => self.col.label(),
        };
        (row, col)
    }
    /// The cell's name for people: `表三 一、本年新收政府信息公开申请数量 总计`.
    pub fn label(&self) -> String {
        let (row, col) = self.parts();
        format!("{} {} {}", self.table.name(), row, col)
    }
    /// Where the cell is, as a sentence says it: `表三“（七）总计”行“自然人”列`.
    pub fn place(&self) -> String {
        let (row, col) = self.parts();
        format!("{}“{}”行“{}”列", self.table.name(), row, col)
    }
}

impl fmt::Display for CellPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.table.key(), self.row, self.col.key())
    }
}

impl RowKey {
    /// Is `key` this row's machine key?
    fn is_key(self, key: &str) -> bool {
        match self {
            RowKey::T2(r) => r.key() == key,
            RowKey::T3(r) => r.key() == key,
            RowKey::T4(r) => r.key() == key,
            RowKey::Subtotal(g) => g.subtotal_key() == key,
            RowKey::Extra(n) => key.strip_prefix("extra_").and_then(|k| k.parse().ok()) == Some(n),
        }
    }
}

/// A path equals its machine path as written (`t3.granted.total`).
impl PartialEq<str> for CellPath {
    fn eq(&self, other: &str) -> bool {
        let mut it = other.splitn(3, '.');
        it.next() == Some(self.table.key())
            && it.next().is_some_and(|r| self.row.is_key(r))
            && it.next() == Some(self.col.key())
    }
}

impl PartialEq<&str> for CellPath {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl Serialize for CellPath {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl CellPath {
    /// The path of a machine path as written (`t3.granted.total`, `t3.extra_2.total`).
    pub fn parse(path: &str) -> Option<CellPath> {
        let mut it = path.splitn(3, '.');
        let (t, r, c) = (it.next()?, it.next()?, it.next()?);
        let table = TableId::ALL.into_iter().find(|id| id.key() == t)?;
        let row = match r.strip_prefix("extra_") {
            Some(n) => RowKey::Extra(n.parse().ok()?),
            None => match table {
                TableId::T2 => RowKey::T2(T2Row::from_key(r)?),
                TableId::T3 => match T3Row::from_key(r) {
                    Some(row) => RowKey::T3(row),
                    None => RowKey::Subtotal(
                        Group::BLOCKS
                            .into_iter()
                            .chain([Group::None])
                            .find(|g| g.subtotal_key() == r)?,
                    ),
                },
                TableId::T4 => RowKey::T4(T4Group::from_key(r)?),
            },
        };
        let col = match table {
            TableId::T2 => ColKey::T2(T2Col::from_key(c)?),
            TableId::T3 => ColKey::T3(T3Col::from_key(c)?),
            TableId::T4 => ColKey::T4(T4Col::from_key(c)?),
        };
        Some(CellPath { table, row, col })
    }
}

impl<'de> Deserialize<'de> for CellPath {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        CellPath::parse(&s).ok_or_else(|| D::Error::custom("unknown cell path"))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Official,
    /// 表三 subtotal rows (`denied_subtotal` …).
    Subtotal,
    /// A known local row (`其他主动公开文件`).
    Local,
    /// A row with values whose label matches nothing.
    Unknown,
}

impl RowKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RowKind::Official => "official",
            RowKind::Subtotal => "subtotal",
            RowKind::Local => "local",
            RowKind::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone)]
pub struct CellModel<'a> {
    pub col: ColKey,
    /// The value as written in the input (`""` when blank).
    pub raw: &'a str,
    /// `None` for a blank cell that has no text.
    pub span: Option<Span>,
    pub reading: Reading,
}

impl CellModel<'_> {
    /// The value for arithmetic: blanks and placeholders count as 0, text is unusable.
    pub fn num(&self) -> Option<Decimal> {
        match self.reading.value {
            Value::Number(d) => Some(d),
            Value::Blank | Value::Placeholder => Some(Decimal::ZERO),
            Value::Text => None,
        }
    }
    /// What a finding shows for the cell: the number, or the raw text (`空`, `/`).
    pub fn shown(&self) -> String {
        match &self.reading.value {
            Value::Number(d) => d.to_string(),
            Value::Blank => "空".to_string(),
            _ => self.raw.to_string(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct RowModel<'a> {
    pub key: RowKey,
    pub label: String,
    pub label_span: Span,
    pub kind: RowKind,
    /// Located cells in column order; empty when the row's shape was wrong.
    pub cells: Vec<CellModel<'a>>,
    /// Why the row's values could not be assigned (S406).
    pub shape_error: Option<RowError>,
}

/// Why a row's values could not be assigned (S406).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowError {
    /// The layout wants `expected` values; `found` were found.
    Count { expected: usize, found: usize },
    /// The values after this row's label may be another row's: the row `other` found no
    /// values of its own, its label directly before this one or another row holding too
    /// many (PDF converters put two labels before one run of values), and no reading of
    /// the whole table satisfies its identities.
    Doubt { other: String },
}

impl RowError {
    pub fn count(expected: usize, found: usize) -> Self {
        RowError::Count { expected, found }
    }
}

impl<'a> RowModel<'a> {
    pub fn cell(&self, col: impl Into<ColKey>) -> Option<&CellModel<'a>> {
        let col = col.into();
        self.cells.iter().find(|c| c.col == col)
    }
}

/// An official row that was not located.
#[derive(Debug, Clone)]
pub struct MissingRow {
    pub key: RowKey,
    pub label: &'static str,
    /// The label of the row before the gap, or the table start.
    pub after: Span,
}

/// Unit and decimals printed in an amount column's header.
#[derive(Debug, Clone)]
pub struct AmountHeader {
    pub span: Span,
    pub text: String,
    pub unit: Option<Unit>,
    pub decimals: Option<u32>,
}

#[derive(Debug, Clone)]
pub struct TableModel<'a> {
    pub id: TableId,
    pub span: Span,
    pub rows: Vec<RowModel<'a>>,
    pub missing: Vec<MissingRow>,
    /// Every official cell of the layout was located.
    pub complete: bool,
    /// 表三 `法人或其他组织小计` column header (or first cell).
    pub extra_column: Option<Span>,
    pub amount_header: Option<AmountHeader>,
    /// The whole table's values could not be assigned with certainty (S406).
    pub unreadable: Option<&'static str>,
    /// 表三: which （六） shape the table has (true: three sub-rows).
    pub three_other_rows: bool,
}

impl<'a> TableModel<'a> {
    /// A row whose values were read.
    pub fn row(&self, key: impl Into<RowKey>) -> Option<&RowModel<'a>> {
        let key = key.into();
        self.rows
            .iter()
            .find(|r| r.key == key && r.shape_error.is_none())
    }
    pub fn cell(&self, row: impl Into<RowKey>, col: impl Into<ColKey>) -> Option<&CellModel<'a>> {
        self.row(row)?.cell(col)
    }
    pub fn path(&self, row: impl Into<RowKey>, col: impl Into<ColKey>) -> CellPath {
        CellPath::new(self.id, row, col)
    }
}

/// A format signal: a label that belongs to one format.
#[derive(Debug, Clone)]
pub struct FormatSignal {
    pub format: Format,
    pub span: Span,
    pub text: String,
}

/// What decided the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FormatSource {
    Table2,
    Year,
    Table3,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_labels() {
        let p = CellPath::new(TableId::T3, T3Row::NewReceived, T3Col::Total);
        assert_eq!(p.to_string(), "t3.new_received.total");
        assert_eq!(p.label(), "表三 一、本年新收政府信息公开申请数量 总计");
        let p = CellPath::new(TableId::T3, T3Row::PartiallyGranted, T3Col::Total);
        assert_eq!(p.label(), "表三 （二）部分公开 总计");
        let p = CellPath::new(TableId::T4, T4Group::Review, T4Col::Upheld);
        assert_eq!(p.label(), "表四 行政复议 结果维持");
        let p = CellPath::new(TableId::T2, T2Row::OtherServices, T2Col::Change);
        assert_eq!(p.label(), "表二 其他对外管理服务事项 本年增/减");
        let p = CellPath::new(TableId::T3, RowKey::Subtotal(Group::Denied), T3Col::Total);
        assert_eq!(p.to_string(), "t3.denied_subtotal.total");
        assert_eq!(RowKey::Extra(2).to_string(), "extra_2");
        assert!(p == "t3.denied_subtotal.total" && p != "t3.denied_subtotal.natural_person");
        let e = CellPath::new(TableId::T3, RowKey::Extra(12), T3Col::Total);
        assert!(e == "t3.extra_12.total" && e != "t3.extra_1.total");
    }
}
