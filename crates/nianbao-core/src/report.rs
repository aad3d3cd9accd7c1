//! The report JSON (schema `nianbao-report/1`, report-json.md). This is the only type that
//! produces it: the CLI, the JS API and the web export all serialise a [`Report`].

use crate::doc::{Shape, Span};
use crate::finding::{Finding, Severity};
use crate::lines::LineIndex;
use crate::model::{CellModel, Kind, Model, RowKind, SectionKey, TableModel};
use crate::template::Format;
use crate::value::{Unit, Value};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

pub const SCHEMA: &str = "nianbao-report/1";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub schema: &'static str,
    pub source: SourceInfo,
    pub meta: Meta,
    pub sections: Vec<SectionOut>,
    pub tables: Tables,
    pub findings: Vec<Finding>,
    pub summary: Summary,
    /// Last year's report, when one was supplied (Y rules).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<PreviousInfo>,
    /// The publication date the P rules used, and where it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<crate::model::Published>,
}

/// What the Y rules compared against.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PreviousInfo {
    pub name: Option<String>,
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceInfo {
    pub name: Option<String>,
    pub bytes: usize,
    pub encoding: String,
    pub shape: Shape,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meta {
    pub title: Option<String>,
    pub agency: Option<String>,
    pub year: Option<i32>,
    pub format: Option<Format>,
    pub kind: Option<Kind>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionOut {
    pub number: Option<String>,
    pub title: String,
    pub key: Option<SectionKey>,
    pub span: Span,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tables {
    pub t2: Option<TableOut>,
    pub t3: Option<TableOut>,
    pub t4: Option<TableOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableOut {
    pub span: Span,
    pub complete: bool,
    pub rows: Rows,
}

/// Entries in order, serialised as a JSON object (rows in table order, cells in column order).
#[derive(Debug, Clone, PartialEq)]
pub struct Ordered<V>(pub Vec<(String, V)>);

impl<V: Serialize> Serialize for Ordered<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

pub type Rows = Ordered<RowOut>;
pub type Cells = Ordered<CellOut>;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowOut {
    pub label: String,
    pub label_span: Span,
    /// `official`, `subtotal`, `local` or `unknown` (non-official rows are kept, S403/S404).
    pub kind: &'static str,
    pub cells: Cells,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellOut {
    pub value: Option<serde_json::Number>,
    pub raw: String,
    pub span: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub dismissed: usize,
}

fn cell_out(c: &CellModel) -> CellOut {
    let value = match c.reading.value {
        Value::Number(d) => match d.as_i64() {
            Some(i) => Some(serde_json::Number::from(i)),
            None => serde_json::Number::from_f64(d.to_f64()),
        },
        _ => None,
    };
    CellOut {
        value,
        raw: c.raw.clone(),
        span: c.span,
        unit: c.reading.unit,
    }
}

fn meta(m: &Model) -> Meta {
    Meta {
        title: m.title.as_ref().map(|t| t.text.clone()),
        agency: m.agency.clone(),
        year: m.year,
        format: m.format,
        kind: m.kind,
    }
}

fn table_out(t: &TableModel) -> TableOut {
    let rows = t
        .rows
        .iter()
        .filter(|r| r.shape_error.is_none())
        .map(|r| {
            let kind = match r.kind {
                RowKind::Official => "official",
                RowKind::Subtotal => "subtotal",
                RowKind::Local => "local",
                RowKind::Unknown => "unknown",
            };
            (
                r.key.clone(),
                RowOut {
                    label: r.label.clone(),
                    label_span: r.label_span,
                    kind,
                    cells: Ordered(
                        r.cells
                            .iter()
                            .map(|c| (c.col.clone(), cell_out(c)))
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

impl Report {
    /// Builds the report: positions get their line and column here, at the edge. `previous`
    /// is last year's report (its name, text and model) when the Y rules ran: related
    /// locations marked `input: previous` get their positions in it.
    pub fn build(
        text: &str,
        name: Option<String>,
        bytes: usize,
        encoding: &str,
        m: &Model,
        mut findings: Vec<Finding>,
        previous: Option<(Option<String>, &str, &Model)>,
    ) -> Report {
        let idx = LineIndex::new(text);
        let pidx = previous.as_ref().map(|(_, t, _)| (*t, LineIndex::new(t)));
        let prev_info = previous.as_ref().map(|(name, _, pm)| PreviousInfo {
            name: name.clone(),
            meta: meta(pm),
        });
        for f in &mut findings {
            if let Some(s) = f.span {
                let (l, c) = idx.line_col(text, s.start);
                f.line = Some(l);
                f.column = Some(c);
            }
            for r in &mut f.related {
                let (l, c) = match (&pidx, r.input) {
                    (Some((t, pi)), Some(_)) => pi.line_col(t, r.span.start),
                    _ => idx.line_col(text, r.span.start),
                };
                r.line = l;
                r.column = c;
            }
        }
        // unstable sorts only (each stable sort instantiates a large driftsort in the wasm);
        // the key decides every tie that matters
        findings.sort_unstable_by(|a, b| {
            (
                a.span.map(|s| s.start),
                a.code,
                a.span.map(|s| s.end),
                &a.cells,
                &a.message,
            )
                .cmp(&(
                    b.span.map(|s| s.start),
                    b.code,
                    b.span.map(|s| s.end),
                    &b.cells,
                    &b.message,
                ))
        });
        let summary = summarize(&findings);
        Report {
            schema: SCHEMA,
            source: SourceInfo {
                name,
                bytes,
                encoding: encoding.to_string(),
                shape: m.shape.unwrap_or(Shape::Text),
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
                    line: idx.line_col(text, h.span.start).0,
                })
                .collect(),
            tables: Tables {
                t2: m.t2.as_ref().map(table_out),
                t3: m.t3.as_ref().map(table_out),
                t4: m.t4.as_ref().map(table_out),
            },
            findings,
            summary,
            previous: prev_info,
            published: m.published.clone(),
        }
    }

    /// Recomputes the summary (after dismissals).
    pub fn resummarize(&mut self) {
        self.summary = summarize(&self.findings);
    }

    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
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
            return format!("{}|{}", f.code, f.cells.join(","));
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
            f.dismissed = reason_of(&Self::dismissal_key(f, text))
                .map(|reason| crate::finding::Dismissal { reason });
        }
        self.resummarize();
    }

    /// The findings as CSV, with a UTF-8 BOM so that Excel reads the Chinese text.
    pub fn csv(reports: &[(&str, &Report)]) -> String {
        fn field(s: &str) -> String {
            if s.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s.to_string()
            }
        }
        let mut out = String::from("\u{feff}file,code,name,severity,line,column,message,expected,actual,formula,cells,dismissed\n");
        for (name, r) in reports {
            for f in &r.findings {
                let row = [
                    name.to_string(),
                    f.code.to_string(),
                    f.name.to_string(),
                    f.severity.as_str().to_string(),
                    f.line.map(|l| l.to_string()).unwrap_or_default(),
                    f.column.map(|c| c.to_string()).unwrap_or_default(),
                    f.message.clone(),
                    f.expected.clone().unwrap_or_default(),
                    f.actual.clone().unwrap_or_default(),
                    f.formula.clone().unwrap_or_default(),
                    f.cells.join(" "),
                    f.dismissed
                        .as_ref()
                        .map(|d| d.reason.clone())
                        .unwrap_or_default(),
                ];
                out += &row.iter().map(|s| field(s)).collect::<Vec<_>>().join(",");
                out.push('\n');
            }
        }
        out
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
