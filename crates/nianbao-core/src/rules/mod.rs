//! The last stage, rules: the catalogue (rules.md), one file per rule, grouped by family in
//! folders (`s/` structure, `n/` cell values, `t/` arithmetic, `x/` text vs table,
//! `c/` content, `y/` cross-year, `p/` publication date), and one registry of codes.
//!
//! Declaring a rule is one file plus one line: the file `x/x118.rs` holds
//!
//! ```ignore
//! use crate::rules::prelude::*;
//!
//! rule! {
//!     /// One line, Chinese: what the rule finds (its summary).
//!     ///
//!     /// ## 检查什么
//!     /// …
//!     ///
//!     /// ## 为什么重要
//!     /// …
//!     ///
//!     /// ## 依据          (where there is one: 《条例》, 国办公开办函〔2021〕30号 …)
//!     /// …
//!     ///
//!     /// ## 示例
//!     /// …
//!     X118, "kebab-case-name", Warning
//! }
//!
//! fn check(cx: &Ctx, out: &mut Vec<Finding>) { … }
//! ```
//!
//! and the line is its name in [`registry!`] below. Its fixtures are
//! `tests/fixtures/rules/X118/{fail,pass}.txt` and its snapshot `tests/snapshots/`. Codes
//! are never reused.

use crate::model::Model;
use crate::report::{Finding, Severity};
use crate::text::Sentence;

pub mod doc;
pub(crate) mod figures;
pub mod peers;
pub mod support;
mod suspect;

/// What the rules of one file see, in one place.
pub mod prelude {
    pub use super::support::*;
    pub use super::{Ctx, Rule};
    pub use crate::base::value::{Unit, Value};
    pub use crate::base::{Decimal, Span};
    pub use crate::report::{Finding, Severity};
    pub use crate::structure::{Heading, Kind, SectionKey};
    pub use crate::tables::identities;
    pub use crate::tables::{
        CellPath, ColKey, Format, FormatSource, Group, RowError, RowKey, RowKind, T2Col, T2Row,
        T3Col, T3Row, T4Col, T4Group, TableId, TableModel,
    };
    pub use crate::text::keywords::{kw, Kw};
}

/// Declares the rule of a file: its doc comment (the first line is the summary, the rest
/// the documentation printed by `nianbao explain`), code, name and default severity; the
/// file's `check` function is its check. Without the `docs` feature (the web page, which
/// carries the docs as data) the texts are left out of the binary.
macro_rules! rule {
    (#[doc = $summary:literal] $(#[doc = $doc:literal])* $code:ident, $name:literal, $severity:ident) => {
        pub static RULE: $crate::rules::Rule = $crate::rules::Rule {
            code: stringify!($code),
            name: $name,
            severity: $crate::report::Severity::$severity,
            summary: $crate::rules::doc_text!($summary.trim_ascii()),
            doc_src: $crate::rules::doc_text!(concat!($($doc, "\n"),*)),
            check,
        };
    };
}

#[cfg(feature = "docs")]
macro_rules! doc_text {
    ($s:expr) => {
        $s
    };
}
#[cfg(not(feature = "docs"))]
macro_rules! doc_text {
    ($s:expr) => {
        ""
    };
}
pub(crate) use doc_text;

/// What a rule sees: this year's report and, for the Y rules, last year's.
pub struct Ctx<'m, 'a> {
    pub model: &'m Model<'a>,
    pub previous: Option<&'m Model<'a>>,
    /// The batch the report is checked in (C114), if any.
    pub peers: Option<&'m peers::Peers>,
    /// Every arithmetic identity the rules evaluated, holding or not (`support::sum_check`):
    /// what `suspect.rs` needs to name the one wrong cell.
    pub checked: std::cell::RefCell<Vec<suspect::Checked>>,
}

impl<'m, 'a> Ctx<'m, 'a> {
    /// The context of one check: the model and, for the Y rules, last year's.
    pub fn new(model: &'m Model<'a>, previous: Option<&'m Model<'a>>) -> Self {
        Ctx {
            model,
            previous,
            peers: None,
            checked: Default::default(),
        }
    }
    /// The same context, checked as one report of a batch.
    pub fn with_peers(self, peers: Option<&'m peers::Peers>) -> Self {
        Ctx { peers, ..self }
    }
    /// The input every span of `model` points into.
    pub fn text(&self) -> &'a str {
        self.model.text
    }
    /// The sentences of the prose.
    pub fn sentences(&self) -> &'m [Sentence<'a>] {
        &self.model.prose.sentences
    }
}

pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// The documentation as written in the rule's doc comment (see [`Rule::doc`]).
    doc_src: &'static str,
    pub check: fn(&Ctx, &mut Vec<Finding>),
}

impl Rule {
    /// A finding of this rule with its default severity.
    pub fn finding(&self, message: impl Into<String>) -> Finding {
        Finding::new(self.code, self.name, self.severity, message)
    }
    /// The documentation (检查什么 / 为什么重要 / 依据 / 示例), as markdown.
    pub fn doc(&self) -> String {
        let lines: Vec<&str> = self
            .doc_src
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect();
        lines.join("\n").trim().to_string()
    }
}

/// The registry: every rule, family by family, in catalogue order (S N T X C Y P). A name
/// here is a module `family/name.rs` whose `RULE` joins [`RULES`].
macro_rules! registry {
    ($($family:ident { $($rule:ident)* })*) => {
        $(mod $family { $(pub(super) mod $rule;)* })*
        /// Every rule, in catalogue order.
        pub static RULES: &[&Rule] = &[$($(&$family::$rule::RULE,)*)*];
    };
}

registry! {
    s { s101 s102 s103 s104 s201 s202 s203 s204 s205 s206 s207 s208 s301 s302 s303 s304 s305 s306
        s307 s401 s402 s403 s404 s405 s406 s407 }
    n { n101 n102 n103 n104 n105 n106 n107 n108 n109 }
    t { t201 t202 t211 t212 t213 t214 t301 t302 t303 t304 t401 }
    x { x101 x102 x103 x104 x105 x106 x107 x108 x109 x110 x111 x112 x113 x114 x115 x116 x117 }
    c { c101 c102 c103 c104 c105 c106 c107 c108 c109 c110 c111 c112 c113 c114 }
    y { y101 y102 y103 y104 y105 y106 y107 }
    p { p101 p102 }
}

/// Finds a rule by code (`T301`) or name (`t3-balance`), case-insensitively.
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| {
        r.code.eq_ignore_ascii_case(code_or_name) || r.name.eq_ignore_ascii_case(code_or_name)
    })
}

/// A rule's name as people read it, its summary (empty without feature `docs`): the rule
/// names of the CSV (`Report::csv`).
pub fn summary_of(code: &str) -> String {
    find(code)
        .map(|r| r.summary.to_string())
        .unwrap_or_default()
}

/// Most findings of one rule in one report: beyond them one finding says how many more
/// there are (no real report comes near; a pasted flood of headings would).
pub const MAX_FINDINGS: usize = 1000;

/// Runs every rule.
pub fn run(cx: &Ctx) -> Vec<Finding> {
    let mut out = Vec::new();
    for r in RULES {
        let start = out.len();
        (r.check)(cx, &mut out);
        let n = out.len() - start;
        if n > MAX_FINDINGS {
            out.truncate(start + MAX_FINDINGS);
            out.push(r.finding(format!("另有 {} 处同类问题未逐一列出", n - MAX_FINDINGS)));
        }
    }
    suspect::assign(&cx.checked.borrow(), &mut out);
    suspect::split_digits(&cx.checked.borrow(), &mut out);
    out
}
