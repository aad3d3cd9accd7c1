//! The parsed report: what the rules see. Every cell and heading knows its span.

use crate::decimal::Decimal;
use crate::doc::{Shape, Span};
use crate::normalize::Numbering;
use crate::template::Format;
use crate::value::{Reading, Unit, Value};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Government,
    Department,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKey {
    Overview,
    Proactive,
    Applications,
    ReviewLitigation,
    Problems,
    Other,
}

impl SectionKey {
    pub const ALL: [SectionKey; 6] = [
        SectionKey::Overview,
        SectionKey::Proactive,
        SectionKey::Applications,
        SectionKey::ReviewLitigation,
        SectionKey::Problems,
        SectionKey::Other,
    ];
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|k| *k == self).unwrap()
    }
    pub fn official(self) -> &'static str {
        [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ][self.index()]
    }
    pub fn numeral(self) -> &'static str {
        ["一", "二", "三", "四", "五", "六"][self.index()]
    }
}

/// A top-level heading candidate (format.md §3).
#[derive(Debug, Clone)]
pub struct Heading {
    pub span: Span,
    /// The numeral as written (`一`), if any.
    pub number: Option<String>,
    pub numeral_value: Option<u32>,
    pub numbering: Numbering,
    /// The heading without its numbering.
    pub title: String,
    pub key: Option<SectionKey>,
}

#[derive(Debug, Clone, Default)]
pub struct Title {
    pub span: Span,
    pub text: String,
    pub year_span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TableId {
    T2,
    T3,
    T4,
}

impl TableId {
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

#[derive(Debug, Clone)]
pub struct CellModel {
    pub col: String,
    pub raw: String,
    /// `None` for a blank cell that has no text.
    pub span: Option<Span>,
    pub reading: Reading,
}

impl CellModel {
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
            _ => self.raw.clone(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct RowModel {
    pub key: String,
    pub label: String,
    pub label_span: Span,
    pub kind: RowKind,
    /// Located cells in column order; empty when the row's shape was wrong.
    pub cells: Vec<CellModel>,
    /// `Some((expected, found))` when the row's values could not be assigned (S406).
    pub shape_error: Option<(usize, usize)>,
}

impl RowModel {
    pub fn cell(&self, col: &str) -> Option<&CellModel> {
        self.cells.iter().find(|c| c.col == col)
    }
}

/// An official row that was not located.
#[derive(Debug, Clone)]
pub struct MissingRow {
    pub key: &'static str,
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
pub struct TableModel {
    pub id: TableId,
    pub span: Span,
    pub rows: Vec<RowModel>,
    pub missing: Vec<MissingRow>,
    /// Every official cell of the layout was located.
    pub complete: bool,
    /// 表三 `法人或其他组织小计` column header (or first cell).
    pub extra_column: Option<Span>,
    pub amount_header: Option<AmountHeader>,
    /// The whole table's values could not be assigned with certainty (S406).
    pub unreadable: Option<String>,
    /// 表三: which （六） shape the table has (true: three sub-rows).
    pub three_other_rows: bool,
}

impl TableModel {
    pub fn row(&self, key: &str) -> Option<&RowModel> {
        self.rows
            .iter()
            .find(|r| r.key == key && r.shape_error.is_none())
    }
    pub fn cell(&self, row: &str, col: &str) -> Option<&CellModel> {
        self.row(row)?.cell(col)
    }
    pub fn path(&self, row: &str, col: &str) -> String {
        format!("{}.{}.{}", self.id.key(), row, col)
    }
}

/// A format signal: a label that belongs to one format.
#[derive(Debug, Clone)]
pub struct FormatSignal {
    pub format: Format,
    pub span: Span,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FormatSource {
    Table2,
    Year,
    Table3,
}

#[derive(Debug, Clone, Default)]
pub struct Model {
    pub shape: Option<Shape>,
    pub title: Option<Title>,
    pub agency: Option<String>,
    pub year: Option<i32>,
    pub kind: Option<Kind>,
    pub format: Option<Format>,
    pub format_source: Option<FormatSource>,
    /// Table 二 column headers and row labels that name a format.
    pub t2_signals: Vec<FormatSignal>,
    /// Headings: all top-level candidates outside the tables, in order.
    pub headings: Vec<Heading>,
    /// The six sections are numbered `（一）…（六）` or similar instead of `一、…六、` (S206);
    /// `headings` then holds them.
    pub alt_numbering: bool,
    /// `第二十条第（九）项` caption inside table 二 (a format-A element).
    pub t2_item9: Option<Span>,
    pub t2: Option<TableModel>,
    pub t3: Option<TableModel>,
    pub t4: Option<TableModel>,
    /// (table, first span, later span) for a table that appears twice (S407).
    pub duplicates: Vec<(TableId, Span, Span)>,
    /// Pre-2019 statistical labels (S304).
    pub pre2019: Vec<(Span, String)>,
    /// Lines of prose (outside the tables), for text rules.
    pub prose: Vec<Span>,
    /// The publication date (P rules), when known.
    pub published: Option<Published>,
}

/// A publication date and where it was found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Published {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `caller` (given with the input), `page_metadata` (a saved page's `<meta>`),
    /// `date_line` (`发布日期：…` in the text) or `signature` (the date under the signature).
    pub source: &'static str,
    pub span: Option<Span>,
    #[serde(skip)]
    pub ymd: (i32, u32, u32),
}

impl Published {
    pub fn new(ymd: (i32, u32, u32), source: &'static str, span: Option<Span>) -> Self {
        Published {
            date: format!("{:04}-{:02}-{:02}", ymd.0, ymd.1, ymd.2),
            source,
            span,
            ymd,
        }
    }
    /// How the source is named in messages.
    pub fn source_zh(&self) -> &'static str {
        match self.source {
            "caller" => "调用方提供的发布日期",
            "page_metadata" => "网页元数据中的发布日期",
            "date_line" => "正文中的发布日期",
            _ => "落款日期",
        }
    }
}

impl Model {
    pub fn table(&self, id: TableId) -> Option<&TableModel> {
        match id {
            TableId::T2 => self.t2.as_ref(),
            TableId::T3 => self.t3.as_ref(),
            TableId::T4 => self.t4.as_ref(),
        }
    }
    pub fn section(&self, key: SectionKey) -> Option<&Heading> {
        self.headings.iter().find(|h| h.key == Some(key))
    }
}
