//! One problem found in a report (report-json.md, "Findings").

use crate::base::Span;
use crate::tables::CellPath;
use serde::Serialize;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize, Hash,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// An operand or other secondary location.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Related {
    pub span: Span,
    pub label: String,
    pub line: usize,
    pub column: usize,
    /// For a PDF, the 1-based page of `span`; absent for other inputs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    /// `"previous"` when the span is in last year's report (Y rules); absent otherwise.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::base::wire::interned_opt"
    )]
    pub input: Option<crate::base::wire::Interned>,
}

/// The one cell that explains every failing identity involving it (rules.md): changing it
/// alone to `expected` makes all of them hold.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Suspect {
    pub cell: CellPath,
    pub expected: String,
}

impl Suspect {
    /// `最可能出错：表三“（七）总计”行“自然人”列，应为 26`.
    pub fn describe(&self) -> String {
        format!("最可能出错：{}，应为 {}", self.cell.place(), self.expected)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Dismissal {
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Finding {
    #[serde(deserialize_with = "crate::base::wire::interned")]
    pub code: crate::base::wire::Interned,
    #[serde(deserialize_with = "crate::base::wire::interned")]
    pub name: crate::base::wire::Interned,
    pub severity: Severity,
    pub message: String,
    pub formula: Option<String>,
    pub expected: Option<String>,
    pub actual: Option<String>,
    pub span: Option<Span>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// For a PDF, the 1-based page of `span`; absent for other inputs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    pub related: Vec<Related>,
    pub cells: Vec<CellPath>,
    pub help: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suspect: Option<Suspect>,
    pub dismissed: Option<Dismissal>,
}

impl Finding {
    /// A finding of the rule `code` (`name`), with its default severity.
    pub fn new(
        code: &'static str,
        name: &'static str,
        severity: Severity,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            code,
            name,
            severity,
            message: message.into(),
            formula: None,
            expected: None,
            actual: None,
            span: None,
            line: None,
            column: None,
            page: None,
            related: Vec::new(),
            cells: Vec::new(),
            help: None,
            suspect: None,
            dismissed: None,
        }
    }
    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }
    pub fn at_opt(mut self, span: Option<Span>) -> Self {
        self.span = span;
        self
    }
    pub fn expected(mut self, v: impl Into<String>) -> Self {
        self.expected = Some(v.into());
        self
    }
    pub fn actual(mut self, v: impl Into<String>) -> Self {
        self.actual = Some(v.into());
        self
    }
    pub fn formula(mut self, v: impl Into<String>) -> Self {
        self.formula = Some(v.into());
        self
    }
    pub fn help(mut self, v: impl Into<String>) -> Self {
        self.help = Some(v.into());
        self
    }
    /// Adds a secondary location (line and column are filled in when the report is built).
    pub fn related(mut self, span: Span, label: impl Into<String>) -> Self {
        self.related.push(Related {
            span,
            label: label.into(),
            line: 0,
            column: 0,
            page: None,
            input: None,
        });
        self
    }
    /// A location in last year's report.
    pub fn related_previous(mut self, span: Span, label: impl Into<String>) -> Self {
        self.related.push(Related {
            span,
            label: label.into(),
            line: 0,
            column: 0,
            page: None,
            input: Some("previous"),
        });
        self
    }
    /// Adds a cell the finding involves (once).
    pub fn cell(mut self, path: CellPath) -> Self {
        if !self.cells.contains(&path) {
            self.cells.push(path);
        }
        self
    }
    /// The cells' machine paths, joined by `sep`.
    pub fn cell_paths(&self, sep: &str) -> String {
        self.cells
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join(sep)
    }
}
