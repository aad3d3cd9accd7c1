//! The report JSON (schema `nianbao-report/1`, report-json.md). This is the only type that
//! produces it: the CLI, the JS API and the web export all serialise a [`Report`].

use super::finding::{Dismissal, Finding, Severity};
use crate::base::lines::{lookup, LineIndex};
use crate::base::value::{Unit, Value};
use crate::base::Span;
use crate::input::Shape;
use crate::model::Model;
use crate::structure::{Kind, SectionKey};
use crate::tables::{CellModel, Format, RowKey, TableModel};
use crate::text::Published;
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cmp::Ordering;

pub const SCHEMA: &str = "nianbao-report/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    #[serde(deserialize_with = "crate::base::wire::interned")]
    pub schema: crate::base::wire::Interned,
    pub source: SourceInfo,
    pub meta: Meta,
    pub sections: Vec<SectionOut>,
    pub tables: Tables,
    pub findings: Vec<Finding>,
    pub summary: Summary,
    /// Last year's report, when one was supplied (Y rules).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<PreviousInfo>,
    /// The publication date the P rules used, and where it came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Published>,
}

/// What the Y rules compared against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviousInfo {
    pub name: Option<String>,
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceInfo {
    pub name: Option<String>,
    pub bytes: usize,
    pub encoding: String,
    pub shape: Shape,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub title: Option<String>,
    pub agency: Option<String>,
    pub year: Option<i32>,
    pub format: Option<Format>,
    pub kind: Option<Kind>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionOut {
    pub number: Option<String>,
    pub title: String,
    pub key: Option<SectionKey>,
    pub span: Span,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tables {
    pub t2: Option<TableOut>,
    pub t3: Option<TableOut>,
    pub t4: Option<TableOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableOut {
    pub span: Span,
    pub complete: bool,
    pub rows: Rows,
}

/// Entries in order, serialised as a JSON object (rows in table order, cells in column order).
#[derive(Debug, Clone, PartialEq)]
pub struct Ordered<V>(pub Vec<(Cow<'static, str>, V)>);

impl<V: Serialize> Serialize for Ordered<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entries<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Entries<V> {
            type Value = Ordered<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = m.next_entry::<String, V>()? {
                    out.push((Cow::Owned(k), v));
                }
                Ok(Ordered(out))
            }
        }
        d.deserialize_map(Entries(std::marker::PhantomData))
    }
}

pub type Rows = Ordered<RowOut>;
pub type Cells = Ordered<CellOut>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowOut {
    pub label: String,
    pub label_span: Span,
    /// `official`, `subtotal`, `local` or `unknown` (non-official rows are kept, S403/S404).
    #[serde(deserialize_with = "crate::base::wire::interned")]
    pub kind: crate::base::wire::Interned,
    pub cells: Cells,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CellOut {
    pub value: Option<serde_json::Number>,
    pub raw: String,
    pub span: Option<Span>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// For a PDF, the 1-based page of `span`; absent for other inputs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub dismissed: usize,
    /// Each table's state at a glance (batch lists, report-json.md `summary.tables`).
    #[serde(default)]
    pub tables: TableStates,
}

/// A table's state: found, complete, no error or warning on it (`ok`); its worst finding
/// (`errors`, `warnings`; dismissed ones do not count); found with cells missing
/// (`incomplete`); or not found (`missing`).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum TableState {
    Ok,
    Warnings,
    Errors,
    Incomplete,
    #[default]
    Missing,
}

impl TableState {
    pub fn as_str(self) -> &'static str {
        match self {
            TableState::Ok => "ok",
            TableState::Warnings => "warnings",
            TableState::Errors => "errors",
            TableState::Incomplete => "incomplete",
            TableState::Missing => "missing",
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct TableStates {
    pub t2: TableState,
    pub t3: TableState,
    pub t4: TableState,
}

impl TableState {
    /// For people: ✓ ok, ⚠ warnings, ✗ errors, 不完整, 缺失.
    pub fn mark(self) -> &'static str {
        match self {
            TableState::Ok => "✓",
            TableState::Warnings => "⚠",
            TableState::Errors => "✗",
            TableState::Incomplete => "不完整",
            TableState::Missing => "缺失",
        }
    }
}

/// The pages of a PDF's text: where each page after the first begins (its form feed).
struct Pages(Option<Vec<usize>>);

impl Pages {
    fn of(m: &Model) -> Pages {
        Pages((m.shape == Shape::Pdf).then(|| {
            memchr::memchr_iter(b'\x0c', m.text.as_bytes())
                .map(|i| i + 1)
                .collect()
        }))
    }
    /// The 1-based page of a byte offset (`None` unless the input is a PDF).
    fn at(&self, offset: usize) -> Option<usize> {
        self.0
            .as_ref()
            .map(|breaks| 1 + breaks.partition_point(|&b| b <= offset))
    }
}

fn cell_out(c: &CellModel, pages: &Pages) -> CellOut {
    let value = match c.reading.value {
        Value::Number(d) => match d.as_i64() {
            Some(i) => Some(serde_json::Number::from(i)),
            None => serde_json::Number::from_f64(d.to_f64()),
        },
        _ => None,
    };
    CellOut {
        value,
        raw: c.raw.to_string(),
        span: c.span,
        unit: c.reading.unit,
        page: c.span.and_then(|s| pages.at(s.start)),
    }
}

fn meta(m: &Model) -> Meta {
    Meta {
        title: m.title().map(|t| t.text.clone()),
        agency: m.meta.agency.clone(),
        year: m.year(),
        format: m.format,
        kind: m.kind(),
    }
}

fn row_key(k: RowKey) -> Cow<'static, str> {
    match k {
        RowKey::Extra(_) => Cow::Owned(k.to_string()),
        RowKey::T2(r) => Cow::Borrowed(r.key()),
        RowKey::T3(r) => Cow::Borrowed(r.key()),
        RowKey::T4(r) => Cow::Borrowed(r.key()),
        RowKey::Subtotal(g) => Cow::Borrowed(g.subtotal_key()),
    }
}

fn table_out(t: &TableModel, pages: &Pages) -> TableOut {
    let rows = t
        .rows
        .iter()
        .filter(|r| r.shape_error.is_none())
        .map(|r| {
            (
                row_key(r.key),
                RowOut {
                    label: r.label.clone(),
                    label_span: r.label_span,
                    kind: r.kind.as_str(),
                    cells: Ordered(
                        r.cells
                            .iter()
                            .map(|c| (Cow::Borrowed(c.col.key()), cell_out(c, pages)))
                            .collect(),
                    ),
                },
            )
        })
        .collect();
    TableOut {
        span: t.span,
        complete: t.complete,
        rows: Ordered(rows),
    }
}

/// The order of findings: by span start, code, span end, cells (as written), message.
fn order(a: &Finding, b: &Finding) -> Ordering {
    (a.span.map(|s| s.start), a.code, a.span.map(|s| s.end))
        .cmp(&(b.span.map(|s| s.start), b.code, b.span.map(|s| s.end)))
        .then_with(|| {
            a.cells
                .iter()
                .map(|c| c.to_string())
                .cmp(b.cells.iter().map(|c| c.to_string()))
        })
        .then_with(|| a.message.cmp(&b.message))
}

/// Where the report came from.
pub struct Source<'s> {
    pub name: Option<String>,
    pub bytes: usize,
    pub encoding: &'s str,
}

impl Report {
    /// The report of an empty editor (the core refuses an empty text): no findings,
    /// `source.bytes` 0; the verdict invites a paste.
    pub fn empty() -> Report {
        Report {
            schema: SCHEMA,
            source: SourceInfo {
                name: None,
                bytes: 0,
                encoding: "utf-8".into(),
                shape: Shape::Text,
            },
            meta: Meta {
                title: None,
                agency: None,
                year: None,
                format: None,
                kind: None,
            },
            sections: vec![],
            tables: Tables {
                t2: None,
                t3: None,
                t4: None,
            },
            findings: vec![],
            summary: Default::default(),
            previous: None,
            published: None,
        }
    }

    /// Builds the report: positions get their line and column here, at the edge. `previous`
    /// is last year's report (its name and model) when the Y rules ran: related locations
    /// marked `input: previous` get their positions in it.
    pub fn build(
        source: Source,
        m: &Model,
        mut findings: Vec<Finding>,
        previous: Option<(Option<String>, &Model)>,
    ) -> Report {
        let text = m.text;
        let idx = LineIndex::new(text);
        let mut offsets: Vec<usize> = m.headings.iter().map(|h| h.span.start).collect();
        let mut prev_offsets = Vec::new();
        for f in &findings {
            offsets.extend(f.span.map(|s| s.start));
            for r in &f.related {
                match r.input {
                    Some(_) if previous.is_some() => prev_offsets.push(r.span.start),
                    _ => offsets.push(r.span.start),
                }
            }
        }
        let here = idx.line_cols(text, offsets);
        let there = previous
            .as_ref()
            .map(|(_, p)| LineIndex::new(p.text).line_cols(p.text, prev_offsets))
            .unwrap_or_default();
        let pages = Pages::of(m);
        let prev_pages = previous.as_ref().map_or(Pages(None), |(_, p)| Pages::of(p));
        for f in &mut findings {
            if let Some(s) = f.span {
                let (l, c) = lookup(&here, s.start);
                f.line = Some(l);
                f.column = Some(c);
                f.page = pages.at(s.start);
            }
            for r in &mut f.related {
                let (l, c, page) = match r.input {
                    Some(_) if previous.is_some() => {
                        let (l, c) = lookup(&there, r.span.start);
                        (l, c, prev_pages.at(r.span.start))
                    }
                    _ => {
                        let (l, c) = lookup(&here, r.span.start);
                        (l, c, pages.at(r.span.start))
                    }
                };
                r.line = l;
                r.column = c;
                r.page = page;
            }
        }
        // unstable sorts only (each stable sort instantiates a large driftsort in the wasm);
        // the order decides every tie that matters
        crate::base::sort::sort_by(&mut findings, order);
        let mut r = Report {
            schema: SCHEMA,
            source: SourceInfo {
                name: source.name,
                bytes: source.bytes,
                encoding: source.encoding.to_string(),
                shape: m.shape,
            },
            meta: meta(m),
            sections: m
                .headings
                .iter()
                .map(|h| SectionOut {
                    number: h.number.clone(),
                    title: h.title.clone(),
                    key: h.key,
                    span: h.span,
                    line: lookup(&here, h.span.start).0,
                })
                .collect(),
            tables: Tables {
                t2: m.t2().map(|t| table_out(t, &pages)),
                t3: m.t3().map(|t| table_out(t, &pages)),
                t4: m.t4().map(|t| table_out(t, &pages)),
            },
            findings,
            summary: Summary::default(),
            previous: previous.map(|(name, pm)| PreviousInfo {
                name,
                meta: meta(pm),
            }),
            published: m.published.clone(),
        };
        r.resummarize();
        r
    }

    /// The findings on a table (not dismissed): naming its cells, or placed inside it.
    fn on_table<'r>(&'r self, key: &'r str) -> impl Iterator<Item = &'r Finding> + 'r {
        let t = match key {
            "t2" => self.tables.t2.as_ref(),
            "t3" => self.tables.t3.as_ref(),
            _ => self.tables.t4.as_ref(),
        };
        self.findings.iter().filter(move |f| {
            f.dismissed.is_none()
                && (f.cells.iter().any(|c| c.table.key() == key)
                    || t.is_some_and(|t| {
                        f.span
                            .is_some_and(|s| s.start >= t.span.start && s.start < t.span.end)
                    }))
        })
    }

    /// Recomputes the summary (after dismissals).
    pub fn resummarize(&mut self) {
        self.summary = summarize(&self.findings);
        let state = |key: &str, t: &Option<TableOut>| {
            let Some(t) = t else {
                return TableState::Missing;
            };
            if !t.complete {
                return TableState::Incomplete;
            }
            match self.on_table(key).map(|f| f.severity).min() {
                Some(Severity::Error) => TableState::Errors,
                Some(Severity::Warning) => TableState::Warnings,
                _ => TableState::Ok,
            }
        };
        self.summary.tables = TableStates {
            t2: state("t2", &self.tables.t2),
            t3: state("t3", &self.tables.t3),
            t4: state("t4", &self.tables.t4),
        };
    }

    /// Each table's state for people: `表二 ✓ 表三 ✗2 表四 缺失` (✗ and ⚠ with the number of
    /// errors or warnings on the table).
    pub fn tables_line(&self) -> String {
        let st = &self.summary.tables;
        let part = |name: &str, key: &str, s: TableState| {
            let n = |sev| self.on_table(key).filter(|f| f.severity == sev).count();
            match s {
                TableState::Errors => format!("{name} ✗{}", n(Severity::Error)),
                TableState::Warnings => format!("{name} ⚠{}", n(Severity::Warning)),
                _ => format!("{name} {}", s.mark()),
            }
        };
        [
            part("表二", "t2", st.t2),
            part("表三", "t3", st.t3),
            part("表四", "t4", st.t4),
        ]
        .join(" ")
    }

    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }

    /// The report JSON without indentation: what the page's checker worker hands over.
    pub fn to_compact_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a report JSON back (the page reads its worker's reports this way). `None` for
    /// anything that is not a report this version writes.
    pub fn from_json(json: &str) -> Option<Report> {
        let mut r: Report = serde_json::from_str(json).ok()?;
        if let Some(p) = &mut r.published {
            let n = |a: usize, b: usize| p.date.get(a..b).and_then(|d| d.parse::<u32>().ok());
            p.ymd = (n(0, 4)? as i32, n(5, 7)?, n(8, 10)?);
        }
        Some(r)
    }

    pub fn to_json(&self) -> String {
        // serialising plain data into memory cannot fail; not formatting the impossible error
        // keeps serde_json's error messages out of the page's wasm
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The place a user dismisses a finding at, independent of the message and of edits
    /// elsewhere: the rule and the cells it names, else the rule and the text at its span,
    /// else (something absent) the rule and what was expected.
    pub fn dismissal_key(f: &Finding, text: &str) -> String {
        if !f.cells.is_empty() {
            return format!("{}|{}", f.code, f.cell_paths(","));
        }
        match f.span {
            Some(s)
                if s.end <= text.len()
                    && text.is_char_boundary(s.start)
                    && text.is_char_boundary(s.end) =>
            {
                format!("{}|@{}", f.code, &text[s.start..s.end])
            }
            _ => format!("{}|-{}", f.code, f.expected.as_deref().unwrap_or("")),
        }
    }

    /// Marks the findings whose key has a reason as dismissed and recomputes the summary.
    pub fn apply_dismissals(&mut self, text: &str, reason_of: impl Fn(&str) -> Option<String>) {
        for f in &mut self.findings {
            f.dismissed =
                reason_of(&Self::dismissal_key(f, text)).map(|reason| Dismissal { reason });
        }
        self.resummarize();
    }
}

fn summarize(findings: &[Finding]) -> Summary {
    let mut s = Summary::default();
    for f in findings {
        if f.dismissed.is_some() {
            s.dismissed += 1;
            continue;
        }
        match f.severity {
            Severity::Error => s.errors += 1,
            Severity::Warning => s.warnings += 1,
            Severity::Info => s.infos += 1,
        }
    }
    s
}
